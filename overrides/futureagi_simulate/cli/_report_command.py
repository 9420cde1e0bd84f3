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

from futureagi_simulate import (
    FutureAGIError,
    RunTest,
    SimulateClient,
    Thresholds,
    WaitTimeoutError,
)
from futureagi_simulate._verdict import live_eval_configs

from . import _preflight, _reports, _signals
from ._common import check_report_path, internal_error, make_client, new_progress, say
from ._exit import ExitCode
from ._gate import Reporter, show_table
from ._options import GateOptions, ReportOptions
from ._waiting import Watch, wait_and_judge

__all__ = ["report_command"]


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
        return _judge(client, options.run_test_id, options.execution_id, thresholds, options.gate)


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


def _judge(
    client: SimulateClient,
    run_test_id: uuid.UUID,
    execution_id: uuid.UUID,
    thresholds: Thresholds,
    options: GateOptions,
) -> int:
    signals = _signals.Signals().install()
    progress = new_progress()
    watch = Watch(progress)
    reports = Reporter(
        progress=progress,
        signals=signals,
        options=options,
        run_test=_reports.RunTestName(id=run_test_id, name=None),
        execution_id=execution_id,
    )

    try:
        try:
            progress.say(f"waiting for execution {execution_id} of run test {run_test_id}")
            try:
                answer = client.run_tests.get(run_test_id)
                run_test = reports.run_test = _reports.RunTestName(id=run_test_id, name=answer.name)
                unknown = _unknown_names(thresholds, answer)
                if unknown is not None:
                    # A typo is known now: not worth a wait of up to --timeout and then a failed verdict.
                    progress.say(unknown)
                    return reports(ExitCode.USAGE, status="not judged", reasons=[unknown])
                if not _is_execution_of(client, execution_id, run_test_id):
                    # Judged against another run test's eval configs, the calls' outputs would be
                    # ignored as those of deleted configs, and a run test without any would pass.
                    wrong = (
                        f"execution {execution_id} is not one of run test {run_test.label()}'s executions: "
                        "it does not exist, or it was started from another run test (give the "
                        "--run-test-id it was started from)"
                    )
                    progress.say(wrong)
                    return reports(ExitCode.API_REFUSED, status="unknown", reasons=[wrong])
                state, verdict = wait_and_judge(
                    client,
                    execution_id,
                    timeout=options.timeout,
                    poll_interval=options.poll_interval,
                    watch=watch,
                    judge=lambda: client.executions.report(
                        execution_id, run_test_id=run_test_id, thresholds=thresholds
                    ),
                )
            except WaitTimeoutError as error:
                signals.noting()
                progress.say(
                    f"execution {execution_id} had not finished after --timeout {options.timeout:g} s; "
                    f"it goes on. Resume with: futureagi-simulate report {execution_id} "
                    f"--run-test-id {run_test_id}"
                )
                status = error.state.status if error.state is not None else "unknown"
                return reports(ExitCode.TIMED_OUT, status=status, reasons=[str(error)])
            except FutureAGIError as error:
                failed = f"reading execution {execution_id} failed: {error}"
                progress.say(failed)
                return reports(ExitCode.of_error(error), status="unknown", reasons=[failed])
            except Exception as error:  # an unexpected error while reading or judging: one line, exit 3
                message = internal_error(error)
                progress.say(f"futureagi-simulate: {message}")
                return reports(ExitCode.API_REFUSED, status="unknown", reasons=[message])
            signals.noting()
            progress.say(f"execution {execution_id} ended {state.status}")
        except _signals.Interrupted as interrupted:
            signals.noting()
            progress.say(f"interrupted ({interrupted.name}); execution {execution_id} was left as it was")
            return reports(
                interrupted.code, status=interrupted.status, reasons=[f"interrupted by {interrupted.name}"]
            )
        show_table(progress, verdict)
        return reports(ExitCode.PASSED if verdict.passed else ExitCode.VERDICT_FAILED, verdict=verdict)
    finally:
        progress.close()
