"""``futureagi-simulate report``: wait for an execution that already exists and exit on its verdict.

A gate that can be resumed: after ``run`` exited 3 (a read failed), 4 (``--timeout``) or 5 (the
execute's outcome unknown, once ``run-tests executions`` found the execution), or when one CI job starts
the execution (``run-tests execute``) and another gates on it, ``report`` judges it without paying for
a new execution. It never executes and never cancels anything. Its thresholds and report options are
``run``'s own (the same argparse actions, not copies), its reports are written by ``run``'s writers,
and its exit codes are ``run``'s.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import NoReturn

from futureagi_simulate import (
    ExecutionState,
    FutureAGIError,
    RunTest,
    SimulateClient,
    Thresholds,
    Verdict,
    WaitTimeoutError,
)
from futureagi_simulate._baseline import copied_from
from futureagi_simulate._verdict import live_eval_configs

from . import _preflight, _reports, _signals
from ._common import check_report_path, goes_on, internal_error, make_client, new_progress, say
from ._exit import ExitCode
from ._gate import Ended, Reporter, show_table
from ._options import GateOptions, ReportOptions
from ._verdicts import resolve_baseline, with_cost
from ._waiting import Watch, wait_and_judge

__all__ = ["Report", "report_command"]


def report_command(options: ReportOptions) -> int:
    """The command: bad options exit 2 before any request; then wait, judge and report."""
    check_report_path(options.gate.json_path, "--json")
    check_report_path(options.gate.junit, "--junit")
    # run's option rules, so a bad --poll-interval or two reports in one file are refused before the
    # first request here too.
    problems = _preflight.option_problems(options.gate)
    for problem in problems:
        say(problem)
    if problems:
        return ExitCode.USAGE
    thresholds = options.gate.thresholds()
    with make_client(options.client) as client:
        report = Report(
            client=client,
            run_test_id=options.run_test_id,
            execution_id=options.execution_id,
            thresholds=thresholds,
            options=options.gate,
        )
        return report.go()


def _unknown_names(thresholds: Thresholds, run_test: RunTest) -> str | None:
    """The sentence for ``--min-pass-rate`` names that are no eval config of the run test, else None.
    The verdict would fail on them too, but only after the wait."""
    configs = live_eval_configs(run_test)
    if configs is None:
        return None  # unknown configs: the verdict fails and says why
    names = [config.name for config in configs if isinstance(config.name, str)]
    unknown = [name for name in thresholds.min_pass_rate if name not in names]
    if not unknown:
        return None
    live = ", ".join(repr(name) for name in names) or "none"
    return (
        f"--min-pass-rate names {', '.join(repr(name) for name in unknown)}, no eval config of run test "
        f"{run_test.id} (its eval configs: {live})"
    )


def _is_execution_of(client: SimulateClient, execution_id: uuid.UUID, run_test_id: uuid.UUID) -> bool:
    """Whether the run test lists the execution: its executions are read newest first, up to that one
    (usually on the first page)."""
    return any(execution.id == execution_id for execution in client.run_tests.executions(run_test_id))


class Report:
    """One ``report``: the steps, in order, that judge an existing execution. A step that ends the
    command writes the reports and raises ``Ended``; a signal raises ``Interrupted`` wherever it is."""

    def __init__(
        self,
        *,
        client: SimulateClient,
        run_test_id: uuid.UUID,
        execution_id: uuid.UUID,
        thresholds: Thresholds,
        options: GateOptions,
    ) -> None:
        self.client, self.run_test_id, self.execution_id = client, run_test_id, execution_id
        self.thresholds, self.options = thresholds, options
        self.baseline: uuid.UUID | None = None
        # Set by check_run_test when the run test judged is a copy: the run test it was copied from.
        self.original: uuid.UUID | None = None
        self.signals = _signals.Signals().install()
        self.progress = new_progress()
        self.watch = Watch(self.progress)
        self.reports = Reporter(
            progress=self.progress,
            signals=self.signals,
            options=options,
            run_test=_reports.RunTestName(id=run_test_id, name=None),
            execution_id=execution_id,
        )

    def go(self) -> int:
        """The steps in order; returns the exit code, which the reports hold."""
        try:
            try:
                self.progress.say(f"waiting for execution {self.execution_id} of run test {self.run_test_id}")
                state, verdict = self.read()
                self.signals.noting()
                self.progress.say(f"execution {self.execution_id} ended {state.status}")
            except _signals.Interrupted as interrupted:
                return self.interrupted(interrupted)
            except Ended as ended:
                return ended.code
            show_table(self.progress, verdict, self.reports.run_test)
            return self.reports(
                ExitCode.PASSED if verdict.passed else ExitCode.VERDICT_FAILED, verdict=verdict
            )
        finally:
            self.progress.close()

    def _end(self, code: int, *, status: str, reasons: Sequence[str]) -> NoReturn:
        raise Ended(self.reports(code, status=status, reasons=reasons))

    def read(self) -> tuple[ExecutionState, Verdict]:
        """The run test's check, then the wait and one snapshot judged; a failure of any read ends it."""
        execution_id = self.execution_id
        try:
            self.check_run_test()
            return wait_and_judge(
                self.client,
                execution_id,
                timeout=self.options.timeout,
                poll_interval=self.options.poll_interval,
                watch=self.watch,
                judge=lambda: with_cost(
                    self.client,
                    self.client.executions.report(
                        execution_id,
                        run_test_id=self.run_test_id,
                        thresholds=self.thresholds,
                        baseline=self.baseline,
                        baseline_run_test_id=self.original,
                    ),
                    say=self.progress.say,
                ),
            )
        except WaitTimeoutError as error:
            self.signals.noting()
            self.progress.say(
                f"execution {execution_id} had not finished after --timeout {self.options.timeout:g} s; "
                f"it goes on. Resume with: futureagi-simulate report {execution_id} "
                f"--run-test-id {self.run_test_id}"
            )
            status = error.state.status if error.state is not None else "unknown"
            self._end(ExitCode.TIMED_OUT, status=status, reasons=[goes_on(str(error), execution_id)])
        except FutureAGIError as error:
            failed = f"reading execution {execution_id} failed: {error}"
            self.progress.say(failed)
            self._end(ExitCode.of_error(error), status="unknown", reasons=[failed])
        except Exception as error:  # an unexpected error while reading or judging: one line, exit 3
            message = internal_error(error)
            self.progress.say(f"futureagi-simulate: {message}")
            self._end(ExitCode.API_REFUSED, status="unknown", reasons=[message])

    def check_run_test(self) -> None:
        """Before the wait: every --min-pass-rate name is one of the run test's eval configs, and the
        execution is one of the run test's."""
        answer = self.client.run_tests.get(self.run_test_id)
        # A copy pinned to an agent version (run --agent-version): its baseline is its original's.
        self.original = copied_from(answer)
        run_test = self.reports.run_test = _reports.RunTestName(id=self.run_test_id, name=answer.name)
        unknown = _unknown_names(self.thresholds, answer)
        if unknown is not None:
            # A typo is known now: not worth a wait of up to --timeout and then a failed verdict.
            self.progress.say(unknown)
            self._end(ExitCode.USAGE, status="not judged", reasons=[unknown])
        if not _is_execution_of(self.client, self.execution_id, self.run_test_id):
            # Judged against another run test's eval configs, the calls' outputs would be ignored as
            # those of deleted configs, and a run test without any would pass.
            wrong = (
                f"execution {self.execution_id} is not one of run test {run_test.label()}'s executions: "
                "it does not exist, or it was started from another run test (give the "
                "--run-test-id it was started from)"
            )
            self.progress.say(wrong)
            self._end(ExitCode.API_REFUSED, status="unknown", reasons=[wrong])
        self.check_baseline()

    def check_baseline(self) -> None:
        """``--baseline``, found (``last-passed``: earlier than this execution) and checked comparable
        before the wait: one that cannot be compared ends the command with exit 2, never a silent pass."""
        wanted = self.options.verdict.baseline
        if wanted is None:
            return
        found = resolve_baseline(
            self.client,
            baseline=wanted,
            run_test_id=self.original or self.run_test_id,
            thresholds=self.thresholds,
            scenario_ids=None,
            # A copy's execution is none of the original's: last-passed is the original's newest.
            before=None if self.original else self.execution_id,
        )
        if isinstance(found, str):
            self.progress.say(found)
            self._end(ExitCode.USAGE, status="not judged", reasons=[found])
        self.baseline = found
        self.progress.say(f"baseline: execution {found}")

    def interrupted(self, interrupted: _signals.Interrupted) -> int:
        """A signal: the execution is left as it was; the signal's code."""
        self.signals.noting()
        self.progress.say(
            f"interrupted ({interrupted.name}); execution {self.execution_id} was left as it was"
        )
        return self.reports(
            interrupted.code, status=interrupted.status, reasons=[f"interrupted by {interrupted.name}"]
        )
