"""The query commands (``run-tests list|get|execute|executions``, ``executions get|wait|cancel|results``):
each reads or does one thing through the client and prints the answer, as text or with ``--json`` as
JSON on stdout. A failure is one line on stderr and its exit code (``run_query``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from futureagi_simulate import NOT_GIVEN, FutureAGIError, SimulateClient

from ._common import (
    UsageError,
    check_hint,
    goes_on,
    internal_error,
    make_client,
    new_progress,
    out,
    parse_only,
    print_json,
    say,
    since_now,
)
from ._exit import ExitCode

if TYPE_CHECKING:
    # Annotations only: the results' module loads the verdict's and the models, which a run-tests query
    # never needs (BENCHMARKS.md, "The command's cold start"); each query's options class is loaded by
    # its own command (``_options``), not every query's by any one.
    from futureagi_simulate import EvalOutcome, ExecutionState

    from ._executions_options import RunTestExecutionsOptions
    from ._item_options import (
        CancelOptions,
        DeleteRunTestOptions,
        ExecuteOptions,
        ExecutionOptions,
        GetRunTestOptions,
        WaitOptions,
    )
    from ._options import ClientOptions
    from ._query_options import ListRunTestsOptions

__all__ = [
    "cancel_execution",
    "execute_run_test",
    "execution_results",
    "get_execution",
    "get_run_test",
    "list_run_tests",
    "run_query",
    "run_test_executions",
    "wait_execution",
]

Options = TypeVar("Options")


def run_query(
    handler: Callable[[Options, SimulateClient], int], options: Options, client_options: ClientOptions
) -> int:
    """Runs one query with a client made from ``client_options``; its failure is one line and its code
    (an unexpected error while reading: exit 3)."""
    with make_client(client_options) as client:
        try:
            return handler(options, client)
        except FutureAGIError as error:
            say(str(error))
            return ExitCode.of_error(error)
        except UsageError:
            raise  # exit 2, said by the caller: not an unexpected error
        except Exception as error:  # an unexpected error while reading: one line, exit 3
            say(internal_error(error))
            return ExitCode.API_REFUSED


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


def list_run_tests(options: ListRunTestsOptions, client: SimulateClient) -> int:
    """``run-tests list``: one line per run test, id and name."""
    # One page of at most --limit run tests: today's parse costs less than loading the speed road.
    with parse_only():
        page = client.run_tests.list(
            search=options.search if options.search is not None else NOT_GIVEN,
            simulation_type=options.simulation_type or NOT_GIVEN,  # type: ignore[arg-type]
            limit=options.limit,
        )
    if options.as_json:
        print_json([run.to_dict() for run in page.results])
    else:
        for run in page.results:
            out(f"{run.id}  {run.name}")
    return ExitCode.PASSED


def get_run_test(options: GetRunTestOptions, client: SimulateClient) -> int:
    """``run-tests get``: the run test's id, name and scenario count."""
    with parse_only():  # one run test: as run-tests list
        run = client.run_tests.get(options.run_test_id)
    if options.as_json:
        print_json(run.to_dict())
    else:
        out(f"{run.id}  {run.name}  scenarios: {len(run.scenarios or [])}")
    return ExitCode.PASSED


def delete_run_test(options: DeleteRunTestOptions, client: SimulateClient) -> int:
    """``run-tests delete``: deletes one run test (a pinned copy ``run`` left, say); sent once."""
    client.run_tests.delete(options.run_test_id)
    if options.as_json:
        print_json({"run_test_id": options.run_test_id, "deleted": True})
    else:
        out(f"{options.run_test_id}  deleted")
    return ExitCode.PASSED


def execute_run_test(options: ExecuteOptions, client: SimulateClient) -> int:
    """``run-tests execute``: one execute, never resent; an unknown outcome is exit 5 with how to check."""
    selection = options.selection()
    if selection is None:
        raise UsageError("--only and --all-except cannot be used together")
    since = since_now()
    try:
        execution = client.run_tests.execute(options.run_test_id, selection=selection)
    except FutureAGIError as error:
        if ExitCode.of_error(error) == ExitCode.OUTCOME_UNKNOWN:
            say(str(error))
            say(check_hint(options.run_test_id, since))
            return ExitCode.OUTCOME_UNKNOWN
        raise
    except Exception as error:  # an unexpected error: the execute's outcome is unknown
        say(internal_error(error))
        say(check_hint(options.run_test_id, since))
        return ExitCode.OUTCOME_UNKNOWN
    if options.as_json:
        print_json(
            {
                "execution_id": execution.execution_id,
                "run_test_id": execution.run_test_id,
                "status": execution.status,
                "scenario_ids": list(execution.scenario_ids),
            }
        )
    else:
        out(f"{execution.execution_id}  {execution.status}  scenarios: {execution.total_scenarios}")
    return ExitCode.PASSED


def run_test_executions(options: RunTestExecutionsOptions, client: SimulateClient) -> int:
    """``run-tests executions``: the run test's executions, newest first."""
    rows = list(client.run_tests.executions(options.run_test_id, started_after=options.started_after))
    if options.as_json:
        print_json([row.to_dict() for row in rows])
    else:
        for row in rows:
            out(f"{row.id}  {row.status}  started {row.start_time}")
    return ExitCode.PASSED


def _show_state(state: ExecutionState, *, as_json: bool) -> None:
    if as_json:
        print_json(_state_json(state))
    else:
        out(
            f"{state.execution_id}  {state.status}  {state.finished_calls} of {state.total_calls} calls done "
            f"({state.completed_calls} completed, {state.failed_calls} failed, "
            f"{state.cancelled_calls} cancelled)"
        )


def get_execution(options: ExecutionOptions, client: SimulateClient) -> int:
    """``executions get``: the execution's status and call counts."""
    _show_state(client.executions.get(options.execution_id), as_json=options.as_json)
    return ExitCode.PASSED


def wait_execution(options: WaitOptions, client: SimulateClient) -> int:
    """``executions wait``: waits for the end with progress on stderr, then shows the state."""
    from futureagi_simulate import WaitTimeoutError

    progress = new_progress()
    try:
        state = client.executions.wait(
            options.execution_id,
            timeout=options.timeout,
            poll_interval=options.poll_interval,
            on_progress=progress.update,
        )
    except WaitTimeoutError as error:
        say(goes_on(str(error), options.execution_id))
        return ExitCode.TIMED_OUT
    finally:
        progress.close()
    _show_state(state, as_json=options.as_json)
    return ExitCode.PASSED


def cancel_execution(options: CancelOptions, client: SimulateClient) -> int:
    """``executions cancel``: cancels an execution that has not finished, and says which it was."""
    # The server says yes to cancelling a finished execution too, and it stays as it ended: look first,
    # so that the answer says which happened.
    before = client.executions.get(options.execution_id)
    if before.is_finished:
        status, requested = before.status, False
    else:
        client.executions.cancel(options.execution_id)
        status, requested = client.executions.get(options.execution_id).status, True
    if options.as_json:
        print_json({"execution_id": options.execution_id, "cancel_requested": requested, "status": status})
    elif not requested:
        out(f"{options.execution_id}  had already finished ({status}): nothing to cancel")
    else:
        out(f"{options.execution_id}  cancel requested; now {status}")
    return ExitCode.PASSED


def execution_results(options: ExecutionOptions, client: SimulateClient) -> int:
    """``executions results``: each call's scenario, status and eval outputs."""
    results = client.executions.results(options.execution_id)
    if options.as_json:
        # Here: the results' module is loaded by the read above already, and no other query needs it.
        from futureagi_simulate._results import results_json

        print_json(results_json(results))
    else:
        out(f"{results.execution_id}  {results.status}  {len(results.calls)} calls")
        for call in results.calls:
            evals = ", ".join(f"{e.name}={_output_text(e)}" for e in call.evals)
            name = call.scenario_name or call.scenario_id or call.call_execution_id
            out(f"  {name}  {call.status}  {evals}".rstrip())
    return ExitCode.PASSED


def _output_text(outcome: EvalOutcome) -> str:
    """An eval's output as its line shows it: the server's value in JSON's words (``true``, ``0.5``,
    ``Passed``), or, when it gave none, why (``errored``, ``skipped``, ``no output``)."""
    if outcome.output is None:
        return "errored" if outcome.error is not None else "skipped" if outcome.skipped else "no output"
    if isinstance(outcome.output, str):
        return outcome.output
    import json  # here, not at the top: the top-level imports are the cold start's (httpx loaded it already)

    return json.dumps(outcome.output, ensure_ascii=False)
