"""What ``run`` and ``report`` share once an execution is being judged: the writer of their three
reports, holding the exit code, how a step ends the command, and the verdict's table on the terminal."""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import _reports
from ._common import internal_error

if TYPE_CHECKING:
    from futureagi_simulate import ExecutionCost, Verdict

    from ._options import GateOptions
    from ._progress import Progress
    from ._signals import Signals

__all__ = ["Ended", "Reporter", "show_table"]


class Ended(BaseException):
    """A step of ``run`` or ``report`` ended the command: its reports are written and ``code`` is the
    exit code they hold. A BaseException, so that no ``except Exception`` of a later step takes it."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Reporter:
    """Writes a run's (or a ``report`` command's) three reports, each whole or not at all and each on
    its own, holding ``code``: the exit code the command returns; one that cannot be written is a
    warning. ``run_test`` and ``execution_id`` are what the command knows when it ends; ``pinned``, set
    by a run on a pinned copy, names the copy, the agent version and the commit. Signals from the first
    call on are noted and change nothing."""

    def __init__(
        self,
        *,
        progress: Progress,
        signals: Signals,
        options: GateOptions,
        run_test: _reports.RunTestName,
        execution_id: uuid.UUID | None = None,
        collected: list[_reports.Outcome] | None = None,
    ) -> None:
        self.progress, self.signals, self.options = progress, signals, options
        self.run_test, self.execution_id = run_test, execution_id
        self.pinned: _reports.Pinned | None = None
        # One run test among several: its outcome joins the combined reports, written once at the end.
        self.collected = collected

    def __call__(
        self,
        code: int,
        *,
        verdict: Verdict | None = None,
        status: str = "",
        reasons: Sequence[str] = (),
        cost: ExecutionCost | None = None,
    ) -> int:
        self.signals.noting()
        outcome = _reports.Outcome(
            run_test=self.run_test,
            execution_id=self.execution_id,
            exit_code=code,
            verdict=verdict,
            status=status,
            reasons=list(reasons),
            pinned=self.pinned,
            cost=cost,
        )
        if self.collected is not None:
            self.collected.append(outcome)
            return code
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        _reports.write_reports(
            outcome,
            json_path=self.options.json_path,
            junit_path=self.options.junit,
            summary_path=Path(step_summary) if step_summary else None,
            warn=self.progress.say,
        )
        return code


def show_table(progress: Progress, verdict: Verdict, run_test: _reports.RunTestName | None = None) -> None:
    """The verdict's table on the terminal, headed by its run test; it is for people: the exit code and
    reports stand without it."""
    try:
        from ._progress import summary_table

        progress.console.print(
            summary_table(verdict, run_test=None if run_test is None else run_test.label())
        )
    except Exception as error:
        progress.say(f"warning: could not show the summary table: {internal_error(error)}")
