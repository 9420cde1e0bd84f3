"""``futureagi-simulate report``: wait for an execution that already exists and exit on its verdict.

A gate that can be resumed: after ``run`` exited 3 (a read failed), 4 (``--timeout``) or 5 (the
execute's outcome unknown, once ``run-tests executions`` found the execution), or when one CI job starts
the execution (``run-tests execute``) and another gates on it, ``report`` judges it without paying for
a new execution. It never executes and never cancels anything. Its thresholds and report options are
``run``'s own (the same argparse actions, not copies), its reports are written by ``run``'s writers,
and its exit codes are ``run``'s.
"""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from futureagi_simulate import (
    FutureAGIError,
    RunTest,
    SimulateClient,
    Thresholds,
    WaitTimeoutError,
)
from futureagi_simulate._verdict import live_eval_configs

from . import _commands, _preflight, _reports, _signals
from ._waiting import Watch, wait_and_judge

__all__ = ["add_report_parser", "report_command"]

# run's options that are about starting or stopping an execution: report does neither.
_NOT_SHARED = frozenset({"help", "run_test_id", "only", "all_except", "dry_run", "cancel_on_interrupt"})

DESCRIPTION = (
    "Wait for EXECUTION_ID, an execution of RUN_TEST_ID that already exists, and judge it as 'run'\n"
    "does, with the same thresholds, reports and exit codes. Nothing is executed or cancelled: use it\n"
    "to resume a gate after 'run' exited 3, 4 or 5, or to gate in one CI job on an execution that\n"
    "another job started."
)


def add_report_parser(
    commands: Any,
    *,
    run: argparse.ArgumentParser,
    client: argparse.ArgumentParser,
    formatter: type[argparse.HelpFormatter],
    epilog: str,
) -> argparse.ArgumentParser:
    """Adds ``report`` to ``commands``, with ``client``'s settings and every option of ``run`` that
    is about waiting, judging and reporting (the same action objects, as argparse's ``parents`` shares
    them), so that an option added to ``run`` is ``report``'s too."""
    report: argparse.ArgumentParser = commands.add_parser(
        "report",
        parents=[client],
        formatter_class=formatter,
        help="wait for an existing execution and exit on its verdict; executes nothing",
        description=DESCRIPTION,
        epilog=epilog,
    )
    report.add_argument("execution_id", metavar="EXECUTION_ID", type=_commands._an_id)
    report.add_argument(
        "--run-test-id",
        required=True,
        type=_commands._an_id,
        metavar="ID",
        help="the run test EXECUTION_ID is an execution of (named in the reports)",
    )
    known = {action.dest for action in client._actions} | _NOT_SHARED
    for action in run._actions:
        if action.dest not in known:
            # What ArgumentParser(parents=[...]) does with a parent's actions.
            report._add_action(action)
    report.set_defaults(handler=report_command, whole_command=True)
    return report


def report_command(args: argparse.Namespace) -> int:
    """The command: bad options exit 2 before any request; then wait, judge and report."""
    _commands._check_report_path(args.json_path, "--json")
    _commands._check_report_path(args.junit, "--junit")
    # run's option rules, so a bad --poll-interval or two reports in one file are refused before the
    # first request here too.
    problems = _preflight.option_problems(args)
    for problem in problems:
        _commands._say(problem)
    if problems:
        return _commands.USAGE
    thresholds = _commands._thresholds(args)
    with _commands._client(args) as client:
        return _judge(client, args.run_test_id, args.execution_id, thresholds, vars(args))


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
    options: dict[str, Any],
) -> int:
    signals = _signals.Signals().install()
    progress = _commands._new_progress()
    watch = Watch(progress)
    reports = _commands.Reporter(
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
                    return reports(_commands.USAGE, status="not judged", reasons=[unknown])
                if not _is_execution_of(client, execution_id, run_test_id):
                    # Judged against another run test's eval configs, the calls' outputs would be
                    # ignored as those of deleted configs, and a run test without any would pass.
                    wrong = (
                        f"execution {execution_id} is not one of run test {run_test.label()}'s executions: "
                        "it does not exist, or it was started from another run test (give the "
                        "--run-test-id it was started from)"
                    )
                    progress.say(wrong)
                    return reports(_commands.API_REFUSED, status="unknown", reasons=[wrong])
                state, verdict = wait_and_judge(
                    client,
                    execution_id,
                    options=options,
                    watch=watch,
                    judge=lambda: client.executions.report(
                        execution_id, run_test_id=run_test_id, thresholds=thresholds
                    ),
                )
            except WaitTimeoutError as error:
                signals.noting()
                progress.say(
                    f"execution {execution_id} had not finished after --timeout {options['timeout']:g} s; "
                    f"it goes on. Resume with: futureagi-simulate report {execution_id} "
                    f"--run-test-id {run_test_id}"
                )
                status = error.state.status if error.state is not None else "unknown"
                return reports(_commands.TIMED_OUT, status=status, reasons=[str(error)])
            except FutureAGIError as error:
                failed = f"reading execution {execution_id} failed: {error}"
                progress.say(failed)
                return reports(_commands._exit_code(error), status="unknown", reasons=[failed])
            except Exception as error:  # an unexpected error while reading or judging: one line, exit 3
                message = _commands._internal_error(error)
                progress.say(f"futureagi-simulate: {message}")
                return reports(_commands.API_REFUSED, status="unknown", reasons=[message])
            signals.noting()
            progress.say(f"execution {execution_id} ended {state.status}")
        except _signals.Interrupted as interrupted:
            signals.noting()
            progress.say(f"interrupted ({interrupted.name}); execution {execution_id} was left as it was")
            return reports(
                interrupted.code, status=interrupted.status, reasons=[f"interrupted by {interrupted.name}"]
            )
        _commands._show_table(progress, verdict)
        return reports(_commands.PASSED if verdict.passed else _commands.VERDICT_FAILED, verdict=verdict)
    finally:
        progress.close()
