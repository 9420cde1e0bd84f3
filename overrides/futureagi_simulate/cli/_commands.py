"""The commands of ``futureagi-simulate``, each a thin shell over ``SimulateClient``.

Arguments are parsed with the standard library's argparse rather than click: httpx imports its own
command line (click, rich, pygments) whenever click is installed, which would make every
``import futureagi_simulate`` of a user with the ``cli`` extra pay for libraries it never uses.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import re
import sys
import traceback
import uuid
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from futureagi_simulate import (
    NOT_GIVEN,
    BodyCasing,
    CredentialsError,
    ExecutionResults,
    ExecutionState,
    FutureAGIError,
    InvalidArgumentError,
    RunTestCheck,
    Selection,
    SimulateClient,
    Thresholds,
    Verdict,
    WaitTimeoutError,
    __version__,
)
from futureagi_simulate._errors import MAY_HAVE_STARTED
from futureagi_simulate._follow import GOES_ON

from . import _output, _preflight, _reports, _signals
from ._waiting import Watch, wait_and_judge

if TYPE_CHECKING:
    # rich loads when a command runs, not for --help: the help needs no extra.
    from ._progress import Progress

__all__ = ["build_parser", "parse_duration", "run_cli"]

PASSED, VERDICT_FAILED, USAGE, API_REFUSED, TIMED_OUT, OUTCOME_UNKNOWN = 0, 1, 2, 3, 4, 5
SIGINT_CODE = 130

EXIT_CODES = """exit codes:
  0    the verdict passed (--dry-run and query commands: success)
  1    the verdict failed
  2    usage or configuration error; nothing was sent
  3    the API refused (4xx, authentication) or a read failed
  4    --timeout passed before the execution finished
  5    an execute whose outcome is unknown: it may have started
  130  interrupted (SIGINT); 143 terminated (SIGTERM); 129 hung up (SIGHUP)"""


class _UsageError(Exception):
    """A bad argument found after parsing; exit 2, nothing sent."""


def _say(text: str) -> None:
    print(f"futureagi-simulate: {_reports.terminal_text(text)}", file=sys.stderr)


def _out(text: str) -> None:
    """A line of a query command's answer on stdout: redacted, control characters escaped."""
    print(_reports.terminal_text(text))


def _internal_error(error: BaseException) -> str:
    """The one line for an exception the command did not expect; the traceback too when FI_DEBUG is set."""
    if os.environ.get("FI_DEBUG", "").strip():
        print(_reports.terminal_lines(traceback.format_exc()), file=sys.stderr)
    return f"internal error: {type(error).__name__}: {error}"


def _given_secrets(args: argparse.Namespace) -> list[str | None]:
    return [
        getattr(args, "api_key", None),
        getattr(args, "secret_key", None),
        os.environ.get("FI_API_KEY"),
        os.environ.get("FI_SECRET_KEY"),
    ]


def _use_secrets(args: argparse.Namespace) -> None:
    """Everything the command prints or writes is redacted of the credentials it was given."""
    _reports.set_secrets(_given_secrets(args))


def _check_report_path(path: Path | None, option: str) -> None:
    """A report path that cannot be written is a usage error, found before any request."""
    if path is None:
        return
    if path.is_dir():
        raise _UsageError(f"{option} {path}: is a directory")
    parent = path.parent
    if not parent.is_dir():
        raise _UsageError(f"{option} {path}: the folder {parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise _UsageError(f"{option} {path}: the file cannot be written")
    if not path.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise _UsageError(f"{option} {path}: the folder {parent} cannot be written")


def _exit_code(error: FutureAGIError) -> int:
    """The exit code of a failure: 2 bad input, 4 timed out, 5 may have started, 3 anything else."""
    if isinstance(error, InvalidArgumentError):
        return USAGE
    if isinstance(error, WaitTimeoutError):
        return TIMED_OUT
    if getattr(error, "may_have_started", False):
        return OUTCOME_UNKNOWN
    return API_REFUSED


# Argument types -------------------------------------------------------------------------------------------

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$")
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_duration(text: str) -> float:
    """``90``, ``90s``, ``30m``, ``1h`` as seconds; ValueError for anything else or for zero."""
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration: use seconds or 90s, 30m, 1h")
    seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(f"{text!r} must be more than zero")
    return seconds


def _duration(text: str) -> float:
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _an_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a UUID)") from None


def _id_list(text: str) -> list[uuid.UUID]:
    return [_an_id(part) for part in text.split(",") if part.strip()]


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def _positive(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _rate(text: str) -> tuple[str, float]:
    name, equals, rate = text.rpartition("=")
    if not equals or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: use EVAL=RATE, e.g. 'Tone check=0.9'")
    try:
        number = float(rate)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{rate!r} is not a number") from None
    if not math.isfinite(number) or not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{rate!r} must be a fraction from 0 to 1 (0.9 for 90%)")
    return name.strip(), number


def _started_after(text: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r}: give the time with its offset (Z or +00:00)")
    return moment


def _flatten(groups: Iterable[list[uuid.UUID]] | None) -> list[uuid.UUID]:
    return [item for group in groups or () for item in group]


def _selection(args: argparse.Namespace) -> Selection:
    only, all_except = _flatten(args.only), _flatten(args.all_except)
    if only and all_except:
        raise _UsageError("--only and --all-except cannot be used together")
    if only:
        return Selection.only(only)
    if all_except:
        return Selection.all_except(all_except)
    return Selection.all()


# The client's settings, on every command ------------------------------------------------------------------


def _client(args: argparse.Namespace) -> SimulateClient:
    """The client from the options and the FI_* environment; bad settings exit 2 before any request."""

    def given(value: str | None) -> Any:
        return NOT_GIVEN if value is None else value

    workspace = args.workspace_id or os.environ.get("FI_WORKSPACE_ID", "").strip() or None
    chosen = str(args.body_casing or os.environ.get("FI_BODY_CASING", "").strip() or "auto")
    casings: dict[str, BodyCasing] = {"auto": "auto", "camel": "camel", "snake": "snake"}
    if chosen not in casings:
        raise _UsageError(f"FI_BODY_CASING: must be auto, camel or snake, got {chosen!r}")
    casing = casings[chosen]
    try:
        client = SimulateClient(
            api_key=given(args.api_key),
            secret_key=given(args.secret_key),
            base_url=given(args.base_url),
            workspace_id=workspace,
            body_casing=casing,
        )
        # Redacted from here on: the values the client sends, by the library's own rule, and any other
        # credential the command was given (an FI_API_KEY that --api-key overrode).
        _reports.set_secrets([*client._config.secrets, *_given_secrets(args)])
        return client
    except CredentialsError as error:
        # The client's words name its Python arguments; here the options and variables are what to set.
        raise _UsageError(
            f"{error.rule}. Set FI_API_KEY and FI_SECRET_KEY (or --api-key and --secret-key)"
            if error.argument in ("api_key", "secret_key") and "no credentials" in error.rule
            else str(error)
        ) from None
    except FutureAGIError as error:
        raise _UsageError(str(error).replace("workspace_id:", "--workspace-id / FI_WORKSPACE_ID:")) from None


def _client_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("client settings (each also read from its environment variable)")
    group.add_argument("--api-key", metavar="KEY", help="API key [FI_API_KEY]")
    group.add_argument("--secret-key", metavar="KEY", help="secret key [FI_SECRET_KEY]")
    group.add_argument("--base-url", metavar="URL", help="default https://api.futureagi.com [FI_BASE_URL]")
    group.add_argument("--workspace-id", metavar="ID", help="sent as X-Workspace-Id [FI_WORKSPACE_ID]")
    group.add_argument(
        "--body-casing",
        choices=["auto", "camel", "snake"],
        help="execute bodies: camelCase (hosted), snake_case (open-source), or auto [FI_BODY_CASING]",
    )
    return parent


# JSON output ----------------------------------------------------------------------------------------------


def _print_json(document: Any) -> None:
    print(_reports.json_text(document))


def _state_json(state: ExecutionState) -> dict[str, Any]:
    return {
        "execution_id": state.execution_id,
        "status": state.status,
        "is_finished": state.is_finished,
        "total_calls": state.total_calls,
        "completed_calls": state.completed_calls,
        "failed_calls": state.failed_calls,
        "cancelled_calls": state.cancelled_calls,
        "calls": [call.to_dict() for call in state.calls],
    }


def _results_json(results: ExecutionResults) -> dict[str, Any]:
    return {
        "execution_id": results.execution_id,
        "status": results.status,
        "started_at": results.started_at.isoformat() if results.started_at else None,
        "completed_at": results.completed_at.isoformat() if results.completed_at else None,
        "calls": [
            {
                "call_execution_id": call.call_execution_id,
                "scenario_id": call.scenario_id,
                "scenario_name": call.scenario_name,
                "status": call.status,
                "duration_seconds": call.duration_seconds,
                "evals": [
                    {
                        "name": e.name,
                        "passed": e.passed,
                        "score": e.score,
                        "output": e.output,
                        "reason": e.reason,
                    }
                    for e in call.evals
                ],
            }
            for call in results.calls
        ],
    }


def _check_hint(run_test_id: uuid.UUID, since: datetime.datetime) -> str:
    return (
        f"The execution of run test {run_test_id} may have started. Do not run it again blindly; check "
        f"with: futureagi-simulate run-tests executions {run_test_id} --started-after {since.isoformat()}"
        f"; gate on the one found with: futureagi-simulate report EXECUTION_ID --run-test-id {run_test_id}"
    )


# The parser ----------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    client = _client_parent()
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="futureagi-simulate",
        description=(
            "Run Future AGI simulations from CI and gate the pipeline on their verdict.\n\n"
            "Credentials come from FI_API_KEY and FI_SECRET_KEY (or --api-key/--secret-key),\n"
            "the server from FI_BASE_URL (or --base-url)."
        ),
        epilog=EXIT_CODES,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"futureagi-simulate {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run",
        parents=[client],
        formatter_class=formatter,
        help="execute a run test, wait for the end, and exit on the verdict",
        description=(
            "Execute RUN_TEST_ID, wait for the execution to finish, and judge it.\n\n"
            "'Completed' is not 'passed': the verdict passes only when the execution completed,\n"
            "no more calls failed than --max-failed-calls, every eval's pass rate reaches its\n"
            "minimum (--min-pass-rate for the evals named, every call for the others), and no eval\n"
            "left more completed calls unjudged than --max-unjudged-calls.\n"
            "The execute is sent once and never again."
        ),
        epilog=EXIT_CODES,
    )
    run.add_argument("run_test_id", metavar="RUN_TEST_ID", type=_an_id)
    _selection_arguments(run)
    run.add_argument(
        "--timeout",
        type=_duration,
        default="30m",
        metavar="DURATION",
        help="how long to wait: 90s, 30m, 1h (30m)",
    )
    run.add_argument(
        "--poll-interval",
        type=_duration,
        default="2s",
        metavar="DURATION",
        help="first wait between polls (2s)",
    )
    run.add_argument(
        "--min-pass-rate",
        type=_rate,
        action="append",
        default=[],
        metavar="EVAL=RATE",
        help="minimum pass rate, a fraction from 0 to 1, of the eval config named EVAL (repeat)",
    )
    run.add_argument(
        "--max-failed-calls", type=_count, default=0, metavar="N", help="calls allowed to fail (0)"
    )
    run.add_argument(
        "--max-unjudged-calls",
        type=_count,
        default=0,
        metavar="N",
        help="completed calls each eval config may leave unjudged: errored, skipped, no output (0)",
    )
    run.add_argument("--junit", type=Path, metavar="PATH", help="write JUnit XML here, one case per scenario")
    run.add_argument("--json", dest="json_path", type=Path, metavar="PATH", help="write the result here")
    run.add_argument(
        "--cancel-on-interrupt",
        action="store_true",
        help="cancel the execution on SIGINT/SIGTERM or --timeout",
    )
    run.add_argument(
        "--dry-run", action="store_true", help="print the scenarios that would run; send nothing"
    )
    run.set_defaults(handler=_run_command)
    from ._report_command import add_report_parser

    add_report_parser(commands, run=run, client=client, formatter=formatter, epilog=EXIT_CODES)

    run_tests = commands.add_parser("run-tests", help="run tests: list, get, execute, executions")
    run_tests_commands = run_tests.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = run_tests_commands.add_parser("list", parents=[client], help="list run tests, newest first")
    listing.add_argument("--search", help="text matched against run-test and agent names")
    listing.add_argument("--simulation-type", choices=["agent_definition", "prompt"])
    listing.add_argument("--limit", type=_positive, default=20, help="how many (20)")
    _json_flag(listing)
    listing.set_defaults(handler=_list_run_tests)
    getting = run_tests_commands.add_parser("get", parents=[client], help="show one run test")
    getting.add_argument("run_test_id", metavar="RUN_TEST_ID", type=_an_id)
    _json_flag(getting)
    getting.set_defaults(handler=_get_run_test)
    executing = run_tests_commands.add_parser(
        "execute",
        parents=[client],
        formatter_class=formatter,
        help="start one execution and print it; never resent",
        epilog=EXIT_CODES,
    )
    executing.add_argument("run_test_id", metavar="RUN_TEST_ID", type=_an_id)
    _selection_arguments(executing)
    _json_flag(executing)
    executing.set_defaults(handler=_execute_run_test)
    listing_executions = run_tests_commands.add_parser(
        "executions", parents=[client], help="list a run test's executions, newest first"
    )
    listing_executions.add_argument("run_test_id", metavar="RUN_TEST_ID", type=_an_id)
    listing_executions.add_argument(
        "--started-after",
        type=_started_after,
        metavar="TIME",
        help="only those started since (ISO 8601, offset)",
    )
    _json_flag(listing_executions)
    listing_executions.set_defaults(handler=_run_test_executions)

    executions = commands.add_parser("executions", help="executions: get, wait, cancel, results")
    execution_commands = executions.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name, handler, text in (
        ("get", _get_execution, "show an execution's status and call counts"),
        ("wait", _wait_execution, "wait until an execution finishes"),
        ("cancel", _cancel_execution, "cancel an execution"),
        ("results", _execution_results, "show each call's scenario, status and eval outputs"),
    ):
        command = execution_commands.add_parser(
            name, parents=[client], help=text, formatter_class=formatter, epilog=EXIT_CODES
        )
        command.add_argument("execution_id", metavar="EXECUTION_ID", type=_an_id)
        if name == "wait":
            command.add_argument("--timeout", type=_duration, default="30m", help="90s, 30m, 1h (30m)")
            command.add_argument("--poll-interval", type=_duration, default="2s", help="first wait (2s)")
        _json_flag(command)
        command.set_defaults(handler=handler)
    return parser


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--only",
        type=_id_list,
        action="append",
        metavar="ID",
        help="run only these scenarios (repeat or a,b)",
    )
    parser.add_argument(
        "--all-except", type=_id_list, action="append", metavar="ID", help="run every scenario but these"
    )


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", dest="as_json", action="store_true", help="print JSON on stdout")


# The run command ---------------------------------------------------------------------------------------


def _run_command(args: argparse.Namespace) -> int:
    selection = _selection(args)
    _check_report_path(args.json_path, "--json")
    _check_report_path(args.junit, "--junit")
    thresholds = _thresholds(args)
    # Every option in range before any request, every name and id against the run test before the
    # execute: the same check for --dry-run and the real run, so both exit alike (cli/_preflight.py).
    problems = _preflight.option_problems(args)
    for problem in problems:
        _say(problem)
    with _client(args) as client:
        # Read-only, and run even when an option is out of range, so that every problem is listed at
        # once rather than one per attempt.
        checked = _check_before_paying(client, args, selection, thresholds, refused=bool(problems))
        if problems:
            return USAGE
        if not isinstance(checked, RunTestCheck):
            return checked
        if args.dry_run:
            for line in _preflight.dry_run_lines(checked, thresholds):
                _out(line)
            return PASSED
        run_test = _reports.RunTestName(id=args.run_test_id, name=checked.run_test_name)
        return _run(
            client, run_test, selection, thresholds, vars(args), selected=checked.selected_scenario_ids
        )


def _thresholds(args: argparse.Namespace) -> Thresholds:
    """The verdict's thresholds from run's options (``report`` has the same ones)."""
    return Thresholds(
        min_pass_rate=dict(args.min_pass_rate),
        max_failed_calls=args.max_failed_calls,
        max_unjudged_calls=args.max_unjudged_calls,
    )


def _check_before_paying(
    client: SimulateClient,
    args: argparse.Namespace,
    selection: Selection,
    thresholds: Thresholds,
    *,
    refused: bool = False,
) -> RunTestCheck | int:
    """The run test's check; on any problem or failure, what was said and the exit code (a real run also
    writes its reports, saying that nothing started). ``refused``: an option was already found out of
    range, so nothing will run whatever the check finds."""
    try:
        checked = client.run_tests.check(args.run_test_id, selection=selection, thresholds=thresholds)
    except FutureAGIError as error:
        code, reasons = _exit_code(error), [f"checking run test {args.run_test_id} failed: {error}"]
    except Exception as error:  # unexpected: one line and 3, never a traceback and 1
        code, reasons = API_REFUSED, [_internal_error(error)]
    else:
        if checked.ok:
            return checked
        code, reasons = USAGE, _preflight.problems_of(checked, selection)
    for reason in reasons:
        _say(reason)
    _say("nothing was executed")
    # Refused on an option, the command exits 2 before any report, as a usage error does.
    if not args.dry_run and not refused:
        _preflight.write_refusal_reports(args, code=code, reasons=reasons, warn=_say)
    return code


def _expected_scenarios(
    selected: Sequence[uuid.UUID], started: Sequence[uuid.UUID]
) -> list[uuid.UUID] | None:
    """The scenarios that must each have a call: those the check before paying found the selection
    would run, and those the execute's answer says it started. An answer that leaves out a scenario
    (the server ran fewer) must not let the verdict pass on the ones it ran."""
    expected = list(dict.fromkeys([*selected, *started]))
    return expected or None


def _resume_hint(execution_id: uuid.UUID, run_test_id: uuid.UUID) -> str:
    return (
        "to gate on it without a new execution: futureagi-simulate report "
        f"{execution_id} --run-test-id {run_test_id}"
    )


def _going_on(execution_id: uuid.UUID) -> str:
    return (
        f"execution {execution_id} may still be running; check it with: futureagi-simulate executions get "
        f"{execution_id}; cancel it with: futureagi-simulate executions cancel {execution_id}"
    )


def _new_progress() -> Progress:
    from ._progress import Progress

    return Progress()


def _run(
    client: SimulateClient,
    run_test: _reports.RunTestName,
    selection: Selection,
    thresholds: Thresholds,
    options: dict[str, Any],
    *,
    selected: Sequence[uuid.UUID],
) -> int:
    cancel_on_interrupt: bool = options["cancel_on_interrupt"]
    # Taken before the execute, a minute early for clock skew: where to look if its outcome is unknown.
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    signals = _signals.Signals().install()
    progress = _new_progress()
    watch = Watch(progress)
    run_test_id = run_test.id
    execution_id: uuid.UUID | None = None
    sent = False

    reports = Reporter(progress=progress, signals=signals, options=options, run_test=run_test)

    def cancel(why: str) -> str:
        """Cancels when asked; returns what became of the execution, for the reports. A signal during
        the cancel abandons it (CI's next signal is the last before SIGKILL: the reports come first)."""
        if execution_id is None:
            return ""
        if watch.finished:
            # A cancel of a finished execution changes it on the server: never sent after the end.
            progress.say(f"execution {execution_id} had already finished ({why}); nothing to cancel")
            return f"execution {execution_id} had finished"
        if not cancel_on_interrupt:
            progress.say(
                f"execution {execution_id} goes on ({why}); cancel it with: "
                f"futureagi-simulate executions cancel {execution_id}"
            )
            return f"execution {execution_id} goes on"
        try:
            with signals.raising():
                progress.say(f"cancelling execution {execution_id} ({why})")
                client.executions.cancel(execution_id)
            progress.say(f"cancelled execution {execution_id} ({why})")
            return f"execution {execution_id} was cancelled"
        except _signals.Interrupted as again:
            progress.say(
                f"{again.name} while cancelling: stopped; execution {execution_id} may still be running; "
                f"cancel it with: futureagi-simulate executions cancel {execution_id}"
            )
            return f"execution {execution_id} may still be running; its cancel was stopped by {again.name}"
        except Exception as error:  # a failed cancel is said, never raised
            progress.say(f"could not cancel execution {execution_id}: {error}")
            return f"execution {execution_id} may still be running; cancelling it failed"

    def joined(*parts: str) -> str:
        return "; ".join(part for part in parts if part)

    try:
        try:
            # The run test's name comes from the check before paying, read a moment ago.
            sent = True
            try:
                # Held, not raised, while the request is out: its answer names the execution to cancel.
                with signals.holding():
                    execution = client.run_tests.execute(run_test_id, selection=selection)
            except FutureAGIError as error:
                code = _exit_code(error)
                # The library's advice names its Python method; the hint below names the command.
                progress.say(f"execute failed: {str(error).replace('. ' + MAY_HAVE_STARTED, '')}")
                if code == OUTCOME_UNKNOWN:
                    progress.say(_check_hint(run_test_id, since))
                status = "unknown" if code == OUTCOME_UNKNOWN else "not started"
                return reports(code, status=status, reasons=[str(error)])
            except Exception as error:  # an unexpected error: its outcome is unknown
                message, hint = _internal_error(error), _check_hint(run_test_id, since)
                progress.say(f"futureagi-simulate: {message}")
                progress.say(hint)
                return reports(OUTCOME_UNKNOWN, status="unknown", reasons=[message, hint])
            execution_id = reports.execution_id = execution.execution_id
            progress.say(
                f"started execution {execution_id} of run test {run_test.label()} "
                f"over {execution.total_scenarios} scenarios"
            )
            held = signals.pending()
            if held is not None:
                raise _signals.Interrupted(held)
            try:
                started = execution.scenario_ids
                state, verdict = wait_and_judge(
                    client,
                    execution_id,
                    options=options,
                    watch=watch,
                    judge=lambda: client.executions.report(
                        execution.execution_id,
                        # The run test asked for, not the one the execute's answer names: an answer naming
                        # another run test (one without eval configs) must not choose what is judged.
                        run_test_id=run_test_id,
                        thresholds=thresholds,
                        expected_scenario_ids=_expected_scenarios(selected, started),
                    ),
                )
            except WaitTimeoutError as error:
                signals.noting()
                last = error.state
                seen = (
                    f": it was {last.status}, {last.finished_calls} of {last.total_calls} calls done"
                    if last
                    else ""
                )
                progress.say(
                    f"execution {execution_id} had not finished after "
                    f"--timeout {options['timeout']:g} s{seen}"
                )
                left = cancel("--timeout passed")
                if not cancel_on_interrupt:
                    progress.say(_resume_hint(execution_id, run_test_id))
                status = error.state.status if error.state is not None else "unknown"
                # The library's advice names its Python method; `left` says what became of it here.
                said = str(error).replace(f" {GOES_ON}", "")
                return reports(TIMED_OUT, status=status, reasons=[joined(said, left)])
            except FutureAGIError as error:
                failed = f"reading execution {execution_id} failed: {error}"
                progress.say(failed)
                progress.say(
                    f"execution {execution_id} had finished" if watch.finished else _going_on(execution_id)
                )
                progress.say(_resume_hint(execution_id, run_test_id))
                return reports(_exit_code(error), status="unknown", reasons=[failed])
            except Exception as error:  # an unexpected error while reading or judging
                message = _internal_error(error)
                progress.say(f"futureagi-simulate: {message}")
                progress.say(_going_on(execution_id))
                return reports(API_REFUSED, status="unknown", reasons=[message, _going_on(execution_id)])
            # From the verdict on, a signal changes nothing: the reports and the exit code are the verdict's.
            signals.noting()
            progress.say(f"execution {execution_id} ended {state.status}")
        except _signals.Interrupted as interrupted:
            signals.noting()
            # The exit code names the first signal, even when a second one is what stopped the execute.
            first = signals.first
            if first is not None and first != interrupted.signum:
                interrupted = _signals.Interrupted(first)
            progress.say(f"interrupted ({interrupted.name})")
            if execution_id is None and sent:
                progress.say(_check_hint(run_test_id, since))
            left = cancel("interrupted")
            if execution_id is None:
                left = "the execute was sent; its outcome is unknown" if sent else "nothing was started"
            return reports(
                interrupted.code,
                status=interrupted.status,
                reasons=[joined(f"interrupted by {interrupted.name}", left)],
            )
        _show_table(progress, verdict)
        return reports(PASSED if verdict.passed else VERDICT_FAILED, verdict=verdict)
    finally:
        progress.close()


class Reporter:
    """Writes a run's (or a ``report`` command's) three reports, each whole or not at all and each on
    its own, holding ``code``: the exit code the command returns; one that cannot be written is a
    warning. ``run_test`` and ``execution_id`` are what the command knows when it ends. Signals from
    the first call on are noted and change nothing."""

    def __init__(
        self,
        *,
        progress: Progress,
        signals: _signals.Signals,
        options: dict[str, Any],
        run_test: _reports.RunTestName,
        execution_id: uuid.UUID | None = None,
    ) -> None:
        self.progress, self.signals, self.options = progress, signals, options
        self.run_test, self.execution_id = run_test, execution_id

    def __call__(
        self, code: int, *, verdict: Verdict | None = None, status: str = "", reasons: Sequence[str] = ()
    ) -> int:
        self.signals.noting()
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        _reports.write_reports(
            _reports.Outcome(
                run_test=self.run_test,
                execution_id=self.execution_id,
                exit_code=code,
                verdict=verdict,
                status=status,
                reasons=list(reasons),
            ),
            json_path=self.options["json_path"],
            junit_path=self.options["junit"],
            summary_path=Path(step_summary) if step_summary else None,
            warn=self.progress.say,
        )
        return code


def _show_table(progress: Progress, verdict: Verdict) -> None:
    """The verdict's table on the terminal; it is for people: the exit code and reports stand without it."""
    try:
        from ._progress import summary_table

        progress.console.print(summary_table(verdict))
    except Exception as error:
        progress.say(f"warning: could not show the summary table: {_internal_error(error)}")


# Query commands -------------------------------------------------------------------------------------------


def _list_run_tests(args: argparse.Namespace, client: SimulateClient) -> int:
    page = client.run_tests.list(
        search=args.search if args.search is not None else NOT_GIVEN,
        simulation_type=args.simulation_type or NOT_GIVEN,
        limit=args.limit,
    )
    if args.as_json:
        _print_json([run.to_dict() for run in page.results])
    else:
        for run in page.results:
            _out(f"{run.id}  {run.name}")
    return PASSED


def _get_run_test(args: argparse.Namespace, client: SimulateClient) -> int:
    run = client.run_tests.get(args.run_test_id)
    if args.as_json:
        _print_json(run.to_dict())
    else:
        _out(f"{run.id}  {run.name}  scenarios: {len(run.scenarios or [])}")
    return PASSED


def _execute_run_test(args: argparse.Namespace, client: SimulateClient) -> int:
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    try:
        execution = client.run_tests.execute(args.run_test_id, selection=_selection(args))
    except FutureAGIError as error:
        if _exit_code(error) == OUTCOME_UNKNOWN:
            _say(str(error))
            _say(_check_hint(args.run_test_id, since))
            return OUTCOME_UNKNOWN
        raise
    except Exception as error:  # an unexpected error: the execute's outcome is unknown
        _say(_internal_error(error))
        _say(_check_hint(args.run_test_id, since))
        return OUTCOME_UNKNOWN
    if args.as_json:
        _print_json(
            {
                "execution_id": execution.execution_id,
                "run_test_id": execution.run_test_id,
                "status": execution.status,
                "scenario_ids": list(execution.scenario_ids),
            }
        )
    else:
        _out(f"{execution.execution_id}  {execution.status}  scenarios: {execution.total_scenarios}")
    return PASSED


def _run_test_executions(args: argparse.Namespace, client: SimulateClient) -> int:
    rows = list(client.run_tests.executions(args.run_test_id, started_after=args.started_after))
    if args.as_json:
        _print_json([row.to_dict() for row in rows])
    else:
        for row in rows:
            _out(f"{row.id}  {row.status}  started {row.start_time}")
    return PASSED


def _show_state(state: ExecutionState, *, as_json: bool) -> None:
    if as_json:
        _print_json(_state_json(state))
    else:
        _out(
            f"{state.execution_id}  {state.status}  {state.finished_calls} of {state.total_calls} calls done "
            f"({state.completed_calls} completed, {state.failed_calls} failed, "
            f"{state.cancelled_calls} cancelled)"
        )


def _get_execution(args: argparse.Namespace, client: SimulateClient) -> int:
    _show_state(client.executions.get(args.execution_id), as_json=args.as_json)
    return PASSED


def _wait_execution(args: argparse.Namespace, client: SimulateClient) -> int:
    progress = _new_progress()
    try:
        state = client.executions.wait(
            args.execution_id,
            timeout=args.timeout,
            poll_interval=args.poll_interval,
            on_progress=progress.update,
        )
    finally:
        progress.close()
    _show_state(state, as_json=args.as_json)
    return PASSED


def _cancel_execution(args: argparse.Namespace, client: SimulateClient) -> int:
    # The server says yes to cancelling a finished execution too, and it stays as it ended: look first,
    # so that the answer says which happened.
    before = client.executions.get(args.execution_id)
    if before.is_finished:
        status, requested = before.status, False
    else:
        client.executions.cancel(args.execution_id)
        status, requested = client.executions.get(args.execution_id).status, True
    if args.as_json:
        _print_json({"execution_id": args.execution_id, "cancel_requested": requested, "status": status})
    elif not requested:
        _out(f"{args.execution_id}  had already finished ({status}): nothing to cancel")
    else:
        _out(f"{args.execution_id}  cancel requested; now {status}")
    return PASSED


def _execution_results(args: argparse.Namespace, client: SimulateClient) -> int:
    results = client.executions.results(args.execution_id)
    if args.as_json:
        _print_json(_results_json(results))
    else:
        _out(f"{results.execution_id}  {results.status}  {len(results.calls)} calls")
        for call in results.calls:
            evals = ", ".join(f"{e.name}={e.output}" for e in call.evals)
            name = call.scenario_name or call.scenario_id or call.call_execution_id
            _out(f"  {name}  {call.status}  {evals}")
    return PASSED


def _query(handler: Callable[[argparse.Namespace, SimulateClient], int], args: argparse.Namespace) -> int:
    with _client(args) as client:
        try:
            return handler(args, client)
        except FutureAGIError as error:
            _say(str(error))
            return _exit_code(error)
        except Exception as error:  # an unexpected error while reading: one line, exit 3
            _say(_internal_error(error))
            return API_REFUSED


def _show_warning(
    message: Warning | str, category: type[Warning], filename: str, lineno: int, *args: Any, **kwargs: Any
) -> None:
    _say(f"warning: {message}")


def run_cli(argv: Sequence[str] | None = None) -> int:
    """Runs the command and returns its exit code (argparse's usage errors are 2).

    stdout and stderr go through ``_output.SafeLines``: no line CI reads as a command, a closed pipe is
    not an error, and a character the stream's encoding lacks is escaped, not fatal."""
    out, err = _output.install()
    try:
        return _cli(argv)
    finally:
        out.flush()
        err.flush()


def _cli(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else USAGE
    _use_secrets(args)
    # A warning (plain http:// to another host, for one) is one line of ours, not Python's two.
    warnings.showwarning = _show_warning
    try:
        if args.handler is _run_command or getattr(args, "whole_command", False):
            # run and report make their own client and report their own failures.
            code: int = args.handler(args)
            return code
        handler: Callable[[argparse.Namespace, SimulateClient], int] = args.handler
        return _query(handler, args)
    except _UsageError as error:
        _say(str(error))
        return USAGE
    except KeyboardInterrupt:
        return SIGINT_CODE
    except FutureAGIError as error:
        _say(str(error))
        return _exit_code(error)
    except Exception as error:  # unexpected: one line and 3, never a traceback and 1
        _say(_internal_error(error))
        return API_REFUSED
