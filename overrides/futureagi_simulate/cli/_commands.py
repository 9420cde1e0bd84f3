"""The commands of ``futureagi-simulate`` (click), each a thin shell over ``SimulateClient``."""

from __future__ import annotations

import datetime
import json
import math
import os
import re
import signal
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TypeVar

import click

from futureagi_simulate import (
    NOT_GIVEN,
    ExecutionResults,
    ExecutionState,
    FutureAGIError,
    InvalidArgumentError,
    Selection,
    SimulateClient,
    Thresholds,
    Verdict,
    WaitTimeoutError,
)

from . import _reports
from ._progress import Progress, summary_table

__all__ = ["run_cli"]

F = TypeVar("F", bound=Callable[..., Any])

PASSED, VERDICT_FAILED, USAGE, API_REFUSED, TIMED_OUT, OUTCOME_UNKNOWN = 0, 1, 2, 3, 4, 5
SIGINT_CODE, SIGTERM_CODE = 130, 143

EXIT_CODES = """\b
Exit codes:
  0    the verdict passed (--dry-run and query commands: success)
  1    the verdict failed
  2    usage or configuration error; nothing was sent
  3    the API refused (4xx, authentication) or a read failed
  4    --timeout passed before the execution finished
  5    an execute whose outcome is unknown: it may have started
  130  interrupted (SIGINT); 143 terminated (SIGTERM)"""


class _TerminatedError(Exception):
    """SIGTERM, raised where the main thread was, like KeyboardInterrupt for SIGINT."""


class _ExitError(Exception):
    """Stop with this exit code; the message has been printed."""

    def __init__(self, code: int) -> None:
        self.code = code
        super().__init__(code)


def _raise_terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise _TerminatedError


def _say(text: str) -> None:
    click.echo(f"futureagi-simulate: {text}", err=True)


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


def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _ids(values: Iterable[str], option: str) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    for value in values:
        for part in value.split(","):
            if not part.strip():
                continue
            try:
                ids.append(uuid.UUID(part.strip()))
            except ValueError:
                raise click.BadParameter(
                    f"{part.strip()!r} is not a scenario id (a UUID)", param_hint=option
                ) from None
    return ids


def _uuid(value: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an id (a UUID)", param_hint=name) from None


def _rates(values: Iterable[str]) -> dict[str, float]:
    rates: dict[str, float] = {}
    for value in values:
        name, equals, rate = value.rpartition("=")
        if not equals or not name.strip():
            raise click.BadParameter(
                f"{value!r}: use EVAL=RATE, e.g. 'Tone check=0.9'", param_hint="--min-pass-rate"
            )
        try:
            number = float(rate)
        except ValueError:
            raise click.BadParameter(f"{rate!r} is not a number", param_hint="--min-pass-rate") from None
        if not math.isfinite(number) or not 0 <= number <= 1:
            raise click.BadParameter(
                f"{rate!r} must be a fraction from 0 to 1 (0.9 for 90%)", param_hint="--min-pass-rate"
            )
        rates[name.strip()] = number
    return rates


def _selection(only: list[uuid.UUID], all_except: list[uuid.UUID]) -> Selection:
    if only and all_except:
        raise click.UsageError("--only and --all-except cannot be used together")
    if only:
        return Selection.only(only)
    if all_except:
        return Selection.all_except(all_except)
    return Selection.all()


# The client's settings, on every command --------------------------------------------------------------------


def client_options(command: F) -> F:
    options = [
        click.option("--api-key", envvar="FI_API_KEY", show_envvar=True, help="API key."),
        click.option("--secret-key", envvar="FI_SECRET_KEY", show_envvar=True, help="Secret key."),
        click.option(
            "--base-url", envvar="FI_BASE_URL", show_envvar=True, help="Default https://api.futureagi.com."
        ),
        click.option("--workspace-id", envvar="FI_WORKSPACE_ID", show_envvar=True, help="X-Workspace-Id."),
        click.option(
            "--body-casing",
            envvar="FI_BODY_CASING",
            show_envvar=True,
            type=click.Choice(["auto", "camel", "snake"]),
            default="auto",
            show_default=True,
            help="Execute bodies: camelCase (hosted), snake_case (open-source), or auto.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _client(settings: dict[str, Any]) -> SimulateClient:
    """The client from the options; bad settings exit 2 before any request."""

    def given(name: str) -> Any:
        value = settings.get(name)
        return NOT_GIVEN if value is None else value

    try:
        return SimulateClient(
            api_key=given("api_key"),
            secret_key=given("secret_key"),
            base_url=given("base_url"),
            workspace_id=settings.get("workspace_id") or None,
            body_casing=settings.get("body_casing") or "auto",
        )
    except FutureAGIError as error:
        _say(str(error))
        raise _ExitError(USAGE) from None


def _settings(kwargs: dict[str, Any]) -> dict[str, Any]:
    names = ("api_key", "secret_key", "base_url", "workspace_id", "body_casing")
    return {name: kwargs.pop(name) for name in names}


# JSON output ----------------------------------------------------------------------------------------------


def _print_json(document: Any) -> None:
    click.echo(json.dumps(_reports._jsonable(document), indent=2))


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
    )


# The command group ----------------------------------------------------------------------------------------


@click.group(
    help=(
        "Run Future AGI simulations from CI and gate the pipeline on their verdict.\n\n"
        "Credentials come from FI_API_KEY and FI_SECRET_KEY (or --api-key/--secret-key), the server from "
        f"FI_BASE_URL.\n\n{EXIT_CODES}"
    ),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="futureagi-simulate", prog_name="futureagi-simulate")
def cli() -> None:
    pass


@cli.command(
    help=(
        "Execute RUN_TEST_ID, wait for the execution to finish, and judge it.\n\n"
        "'Completed' is not 'passed': the verdict passes only when the execution completed, no more calls "
        "failed than --max-failed-calls, and every eval's pass rate reaches its minimum (--min-pass-rate for "
        "the evals named, every call for the others). The execute is sent once and never again.\n\n"
        f"{EXIT_CODES}"
    )
)
@click.argument("run_test_id")
@click.option(
    "--only", multiple=True, metavar="ID", help="Run only these scenarios (repeat, or comma-separate)."
)
@click.option("--all-except", multiple=True, metavar="ID", help="Run every scenario but these.")
@click.option(
    "--timeout", default="30m", show_default=True, callback=_duration, help="How long to wait: 90s, 30m, 1h."
)
@click.option(
    "--poll-interval", default="2s", show_default=True, callback=_duration, help="First wait between polls."
)
@click.option(
    "--min-pass-rate", multiple=True, metavar="EVAL=RATE", help="Minimum pass rate (0 to 1) of an eval."
)
@click.option("--max-failed-calls", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Write JUnit XML here.")
@click.option(
    "--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the result here."
)
@click.option(
    "--cancel-on-interrupt", is_flag=True, help="Cancel the execution on SIGINT/SIGTERM or --timeout."
)
@click.option("--dry-run", is_flag=True, help="Print the scenarios that would run; send no execute.")
@client_options
def run(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    run_test_id = _uuid(kwargs["run_test_id"], "RUN_TEST_ID")
    selection = _selection(_ids(kwargs["only"], "--only"), _ids(kwargs["all_except"], "--all-except"))
    thresholds = Thresholds(
        min_pass_rate=_rates(kwargs["min_pass_rate"]), max_failed_calls=kwargs["max_failed_calls"]
    )
    client = _client(settings)
    with client:
        if kwargs["dry_run"]:
            raise _ExitError(_dry_run(client, run_test_id, selection))
        raise _ExitError(_run(client, run_test_id, selection, thresholds, kwargs))


def _dry_run(client: SimulateClient, run_test_id: uuid.UUID, selection: Selection) -> int:
    try:
        scenarios = list(client.run_tests.scenarios(run_test_id))
    except FutureAGIError as error:
        _say(str(error))
        return _exit_code(error)
    names = {s.id: s.name for s in scenarios}
    if selection.is_all_except:
        chosen = [s.id for s in scenarios if s.id not in set(selection.scenario_ids)]
    elif selection.scenario_ids:
        chosen = list(selection.scenario_ids)
    else:
        chosen = [s.id for s in scenarios]
    click.echo(
        f"dry run: {len(chosen)} of the run test's {len(scenarios)} scenarios would run; nothing was sent"
    )
    for scenario_id in chosen:
        name = names.get(scenario_id)
        click.echo(f"  {scenario_id}  {name if isinstance(name, str) else '(not attached to this run test)'}")
    return PASSED


def _run(
    client: SimulateClient,
    run_test_id: uuid.UUID,
    selection: Selection,
    thresholds: Thresholds,
    options: dict[str, Any],
) -> int:
    json_path: Path | None = options["json_path"]
    cancel_on_interrupt: bool = options["cancel_on_interrupt"]
    # Taken before the execute, a minute early for clock skew: where to look if its outcome is unknown.
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    progress = Progress()
    execution_id: uuid.UUID | None = None

    def outcome(code: int, status: str, reasons: list[str]) -> int:
        if json_path is not None:
            _reports.write_json(
                json_path,
                {
                    "run_test_id": run_test_id,
                    "execution_id": execution_id,
                    "status": status,
                    "passed": False,
                    "exit_code": code,
                    "reasons": reasons,
                },
            )
        return code

    def cancel(why: str) -> None:
        if not cancel_on_interrupt or execution_id is None:
            if execution_id is not None:
                progress.say(
                    f"execution {execution_id} goes on ({why}); cancel it with: "
                    f"futureagi-simulate executions cancel {execution_id}"
                )
            return
        try:
            client.executions.cancel(execution_id)
            progress.say(f"cancelled execution {execution_id} ({why})")
        except FutureAGIError as error:
            progress.say(f"could not cancel execution {execution_id}: {error}")

    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        try:
            execution = client.run_tests.execute(run_test_id, selection=selection)
        except FutureAGIError as error:
            code = _exit_code(error)
            progress.say(f"execute failed: {error}")
            if code == OUTCOME_UNKNOWN:
                progress.say(_check_hint(run_test_id, since))
            return outcome(code, "unknown" if code == OUTCOME_UNKNOWN else "not started", [str(error)])
        execution_id = execution.execution_id
        progress.say(
            f"started execution {execution_id} of run test {run_test_id} "
            f"over {execution.total_scenarios} scenarios"
        )
        try:
            state = client.executions.wait(
                execution_id,
                timeout=options["timeout"],
                poll_interval=options["poll_interval"],
                on_progress=progress.update,
            )
            verdict = client.executions.report(
                execution_id, thresholds=thresholds, expected_scenario_ids=execution.scenario_ids or None
            )
        except WaitTimeoutError as error:
            progress.say(str(error))
            cancel("--timeout passed")
            status = error.state.status if error.state is not None else "unknown"
            return outcome(TIMED_OUT, status, [str(error)])
        except FutureAGIError as error:
            progress.say(f"reading execution {execution_id} failed: {error}")
            return outcome(_exit_code(error), "unknown", [str(error)])
        progress.say(f"execution {execution_id} ended {state.status}")
    except KeyboardInterrupt:
        progress.say("interrupted (SIGINT)")
        if execution_id is None:
            progress.say(_check_hint(run_test_id, since))
        cancel("interrupted")
        return outcome(SIGINT_CODE, "interrupted", ["interrupted by SIGINT"])
    except _TerminatedError:
        progress.say("terminated (SIGTERM)")
        if execution_id is None:
            progress.say(_check_hint(run_test_id, since))
        cancel("terminated")
        return outcome(SIGTERM_CODE, "terminated", ["terminated by SIGTERM"])
    finally:
        signal.signal(signal.SIGTERM, previous)
        progress.close()
    return _finish(verdict, run_test_id=run_test_id, options=options, progress=progress)


def _finish(verdict: Verdict, *, run_test_id: uuid.UUID, options: dict[str, Any], progress: Progress) -> int:
    code = PASSED if verdict.passed else VERDICT_FAILED
    progress.console.print(summary_table(verdict))
    if options["json_path"] is not None:
        _reports.write_json(
            options["json_path"], _reports.verdict_json(verdict, run_test_id=run_test_id, exit_code=code)
        )
    if options["junit"] is not None:
        _reports.write_junit(options["junit"], verdict, run_test_id=run_test_id)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        _reports.write_step_summary(Path(step_summary), verdict, run_test_id=run_test_id)
    return code


# Query commands -------------------------------------------------------------------------------------------


def _query(settings: dict[str, Any], action: Callable[[SimulateClient], int]) -> None:
    client = _client(settings)
    with client:
        try:
            raise _ExitError(action(client))
        except FutureAGIError as error:
            _say(str(error))
            raise _ExitError(_exit_code(error)) from None


@cli.group("run-tests", help="Run tests: list, get, execute, and their executions.")
def run_tests() -> None:
    pass


@run_tests.command("list", help="List run tests, newest first.")
@click.option("--search", help="Text matched against run-test and agent names.")
@click.option("--simulation-type", type=click.Choice(["agent_definition", "prompt"]))
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@client_options
def list_run_tests(**kwargs: Any) -> None:
    settings = _settings(kwargs)

    def action(client: SimulateClient) -> int:
        page = client.run_tests.list(
            search=kwargs["search"] if kwargs["search"] is not None else NOT_GIVEN,
            simulation_type=kwargs["simulation_type"] or NOT_GIVEN,
            limit=kwargs["limit"],
        )
        if kwargs["as_json"]:
            _print_json([run.to_dict() for run in page.results])
        else:
            for run in page.results:
                click.echo(f"{run.id}  {run.name}")
        return PASSED

    _query(settings, action)


@run_tests.command("get", help="Show one run test.")
@click.argument("run_test_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@client_options
def get_run_test(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    run_test_id = _uuid(kwargs["run_test_id"], "RUN_TEST_ID")

    def action(client: SimulateClient) -> int:
        run = client.run_tests.get(run_test_id)
        if kwargs["as_json"]:
            _print_json(run.to_dict())
        else:
            click.echo(f"{run.id}  {run.name}  scenarios: {len(run.scenarios or [])}")
        return PASSED

    _query(settings, action)


@run_tests.command("execute", help=f"Start one execution and print it; never resent.\n\n{EXIT_CODES}")
@click.argument("run_test_id")
@click.option("--only", multiple=True, metavar="ID", help="Run only these scenarios.")
@click.option("--all-except", multiple=True, metavar="ID", help="Run every scenario but these.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@client_options
def execute_run_test(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    run_test_id = _uuid(kwargs["run_test_id"], "RUN_TEST_ID")
    selection = _selection(_ids(kwargs["only"], "--only"), _ids(kwargs["all_except"], "--all-except"))
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)

    def action(client: SimulateClient) -> int:
        try:
            execution = client.run_tests.execute(run_test_id, selection=selection)
        except FutureAGIError as error:
            if _exit_code(error) == OUTCOME_UNKNOWN:
                _say(str(error))
                _say(_check_hint(run_test_id, since))
                return OUTCOME_UNKNOWN
            raise
        if kwargs["as_json"]:
            _print_json(
                {
                    "execution_id": execution.execution_id,
                    "run_test_id": execution.run_test_id,
                    "status": execution.status,
                    "scenario_ids": list(execution.scenario_ids),
                }
            )
        else:
            click.echo(
                f"{execution.execution_id}  {execution.status}  scenarios: {execution.total_scenarios}"
            )
        return PASSED

    _query(settings, action)


@run_tests.command("executions", help="List a run test's executions, newest first.")
@click.argument("run_test_id")
@click.option("--started-after", help="Only those started at or after this ISO 8601 time (with an offset).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@client_options
def run_test_executions(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    run_test_id = _uuid(kwargs["run_test_id"], "RUN_TEST_ID")
    since = None
    if kwargs["started_after"] is not None:
        try:
            since = datetime.datetime.fromisoformat(kwargs["started_after"])
        except ValueError:
            raise click.BadParameter("use an ISO 8601 time", param_hint="--started-after") from None
        if since.tzinfo is None:
            raise click.BadParameter(
                "give the time with its offset (Z or +00:00)", param_hint="--started-after"
            )

    def action(client: SimulateClient) -> int:
        rows = list(client.run_tests.executions(run_test_id, started_after=since))
        if kwargs["as_json"]:
            _print_json([row.to_dict() for row in rows])
        else:
            for row in rows:
                click.echo(f"{row.id}  {row.status}  started {row.start_time}")
        return PASSED

    _query(settings, action)


@cli.group(help="Executions: get, wait, cancel, results.")
def executions() -> None:
    pass


def _execution_command(name: str, help_text: str) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        command = click.argument("execution_id")(function)
        command = click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")(command)
        command = client_options(command)
        return executions.command(name, help=help_text)(command)  # type: ignore[return-value]

    return decorate


@_execution_command("get", "Show an execution's status and call counts.")
def get_execution(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    execution_id = _uuid(kwargs["execution_id"], "EXECUTION_ID")

    def action(client: SimulateClient) -> int:
        state = client.executions.get(execution_id)
        _show_state(state, as_json=kwargs["as_json"])
        return PASSED

    _query(settings, action)


def _show_state(state: ExecutionState, *, as_json: bool) -> None:
    if as_json:
        _print_json(_state_json(state))
    else:
        click.echo(
            f"{state.execution_id}  {state.status}  {state.finished_calls} of {state.total_calls} calls done "
            f"({state.completed_calls} completed, {state.failed_calls} failed, "
            f"{state.cancelled_calls} cancelled)"
        )


@executions.command("wait", help=f"Wait until an execution finishes.\n\n{EXIT_CODES}")
@click.argument("execution_id")
@click.option("--timeout", default="30m", show_default=True, callback=_duration, help="90s, 30m, 1h.")
@click.option("--poll-interval", default="2s", show_default=True, callback=_duration)
@click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")
@client_options
def wait_execution(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    execution_id = _uuid(kwargs["execution_id"], "EXECUTION_ID")

    def action(client: SimulateClient) -> int:
        progress = Progress()
        try:
            state = client.executions.wait(
                execution_id,
                timeout=kwargs["timeout"],
                poll_interval=kwargs["poll_interval"],
                on_progress=progress.update,
            )
        finally:
            progress.close()
        _show_state(state, as_json=kwargs["as_json"])
        return PASSED

    _query(settings, action)


@_execution_command("cancel", "Cancel an execution.")
def cancel_execution(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    execution_id = _uuid(kwargs["execution_id"], "EXECUTION_ID")

    def action(client: SimulateClient) -> int:
        client.executions.cancel(execution_id)
        if kwargs["as_json"]:
            _print_json({"execution_id": execution_id, "cancelled": True})
        else:
            click.echo(f"{execution_id}  cancel requested")
        return PASSED

    _query(settings, action)


@_execution_command("results", "Show each call's scenario, status and eval outputs.")
def execution_results(**kwargs: Any) -> None:
    settings = _settings(kwargs)
    execution_id = _uuid(kwargs["execution_id"], "EXECUTION_ID")

    def action(client: SimulateClient) -> int:
        results = client.executions.results(execution_id)
        if kwargs["as_json"]:
            _print_json(_results_json(results))
        else:
            click.echo(f"{results.execution_id}  {results.status}  {len(results.calls)} calls")
            for call in results.calls:
                evals = ", ".join(f"{e.name}={e.output}" for e in call.evals)
                click.echo(f"  {call.scenario_name or call.scenario_id}  {call.status}  {evals}")
        return PASSED

    _query(settings, action)


def run_cli(argv: list[str] | None = None) -> int:
    """Runs the command and returns its exit code (click's own usage errors are 2)."""
    try:
        cli.main(args=argv, prog_name="futureagi-simulate", standalone_mode=False)
    except _ExitError as done:
        return done.code
    except click.exceptions.Exit as leaving:
        return leaving.exit_code
    except click.ClickException as error:
        error.show()
        return USAGE
    except click.exceptions.Abort:
        return SIGINT_CODE
    except KeyboardInterrupt:
        return SIGINT_CODE
    except _TerminatedError:
        return SIGTERM_CODE
    except FutureAGIError as error:
        _say(str(error))
        return _exit_code(error)
    return PASSED
