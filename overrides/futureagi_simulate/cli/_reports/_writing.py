"""Writing the reports a run asked for: each whole or not at all, and each on its own (``write_all``)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from ._combined import combined_json, combined_junit, outcome_json, outcome_suite, write_combined_summary
from ._files import write_all, write_report
from ._outcome import Outcome
from ._summary import write_failure_summary, write_step_summary

__all__ = ["write_combined_reports", "write_reports"]


def write_reports(
    outcome: Outcome,
    *,
    json_path: Path | None,
    junit_path: Path | None,
    summary_path: Path | None,
    warn: Callable[[str], None],
) -> None:
    """Writes the reports asked for (a None path: not asked), each whole or not at all and each on its
    own (``write_all``): one that fails is one ``warn`` line and the others are still written."""
    run_test, verdict, code, pinned = outcome.run_test, outcome.verdict, outcome.exit_code, outcome.pinned

    def json_report(path: Path) -> None:
        write_report(path, outcome_json(outcome))

    def junit_report(path: Path) -> None:
        write_report(path, outcome_suite(outcome).bytes())

    def summary_report(path: Path) -> None:
        if verdict is not None:
            write_step_summary(path, verdict, run_test=run_test, pinned=pinned)
        else:
            write_failure_summary(
                path,
                run_test=run_test,
                execution_id=outcome.execution_id,
                exit_code=code,
                reasons=outcome.reasons,
                pinned=pinned,
            )

    targets: list[tuple[str, Path | None, Callable[[Path], None]]] = [
        ("--json", json_path, json_report),
        ("--junit", junit_path, junit_report),
        ("GITHUB_STEP_SUMMARY", summary_path, summary_report),
    ]
    write_all(
        [(what, functools.partial(write, path)) for what, path, write in targets if path is not None], warn
    )


def write_combined_reports(
    outcomes: Sequence[Outcome],
    *,
    exit_code: int,
    json_path: Path | None,
    junit_path: Path | None,
    summary_path: Path | None,
    warn: Callable[[str], None],
) -> None:
    """The reports of several run tests run together (``run`` of several ids, ``--search``, a suite):
    the JSON lists each run test's result (each as its own file would be), the JUnit has one test
    suite per run test, the step summary a line per run test and the details of the failed ones.
    Each written whole or not at all, each on its own, as ``write_reports`` does."""
    targets: list[tuple[str, Path | None, Callable[[Path], None]]] = [
        ("--json", json_path, lambda path: write_report(path, combined_json(outcomes, exit_code=exit_code))),
        ("--junit", junit_path, lambda path: write_report(path, combined_junit(outcomes))),
        (
            "GITHUB_STEP_SUMMARY",
            summary_path,
            lambda path: write_combined_summary(path, outcomes, exit_code=exit_code),
        ),
    ]
    write_all(
        [(what, functools.partial(write, path)) for what, path, write in targets if path is not None], warn
    )
