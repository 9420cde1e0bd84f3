"""An MCP server (Model Context Protocol) over the async client: a coding agent lists run tests, runs a
simulation to its verdict and reads executions through it. ``futureagi-simulate mcp`` serves it over stdio.

It needs the ``mcp`` extra (the official MCP Python SDK, PyPI ``mcp`` 2.x); ``import futureagi_simulate``
never loads this module or the SDK.

>>> from futureagi_simulate import AsyncSimulateClient
>>> from futureagi_simulate.mcp import create_server
>>> async with AsyncSimulateClient() as client:        # FI_API_KEY / FI_SECRET_KEY / FI_BASE_URL
...     await create_server(client).run_stdio_async()

The tools (each answer is structured: a JSON object, every credential the client sends replaced by
``[REDACTED]`` wherever the server echoed it, non-finite numbers as null):

- ``list_run_tests(search, limit)``: ``{"run_tests": [{id, name, ...}], "count"}``, newest first.
- ``get_run_test(run_test_id)``: ``{"run_test", "scenarios", "eval_configs"}``.
- ``run_simulation(run_test_id, ...)``: checks the selection and thresholds against the run test (nothing
  is executed when a problem is found), executes once (never resent), waits for the end within
  ``timeout_seconds`` (at most ``max_timeout``) with progress notifications (finished calls of total calls),
  and judges with the thresholds: ``{"outcome": "passed" | "failed" | "timed_out", "execution_id",
  "status", "verdict", ...}``. A request the client cancels cancels the execution it started (unless it had
  finished), and a cancel during the execute request waits for its answer first, so the started execution
  is known and cancelled.
- ``list_executions(run_test_id, started_after)``: a run test's executions, newest first (how to find out
  whether an execute whose answer was lost started).
- ``get_execution(execution_id)``: its status and call counts.
- ``get_execution_results(execution_id)``: each call's scenario, status and eval outputs.
- ``cancel_execution(execution_id)``: cancels an execution that has not finished (a finished one is left as
  it ended: the server would otherwise mark it cancelled) and says which happened.

A failure is the tool's error result (``isError``) with the library's message (the server's own message,
redacted): an invalid argument names the argument and its rule before any request.
"""

from __future__ import annotations

import datetime
import math
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import anyio
import attrs
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from futureagi_simulate import (
    NOT_GIVEN,
    AsyncSimulateClient,
    ExecutionState,
    FutureAGIError,
    InvalidArgumentError,
    Selection,
    Thresholds,
    Verdict,
    WaitTimeoutError,
    __version__,
)
from futureagi_simulate._redaction import redact, redaction_values
from futureagi_simulate._results import results_json
from futureagi_simulate._verdict import live_eval_configs

__all__ = ["DEFAULT_TIMEOUT", "MAX_TIMEOUT", "create_server"]

#: Seconds ``run_simulation`` waits for the end when not told (30 minutes, as the command's ``--timeout``).
DEFAULT_TIMEOUT = 1800.0
#: The longest wait ``run_simulation`` accepts by default: a tool call that never ends helps no agent.
MAX_TIMEOUT = 7200.0
#: Seconds a cancel (of a cancelled request's execution) may take before it is given up.
CANCEL_WITHIN = 30.0

INSTRUCTIONS = (
    "Future AGI Simulate: run tests (a set of scenarios played against an agent, judged by eval configs). "
    "list_run_tests and get_run_test find one; run_simulation executes it once, waits and returns the "
    "verdict ('completed' is not 'passed': read outcome and verdict.reasons). Executing costs money: "
    "never call run_simulation again to retry; use get_execution with the execution_id it returned."
)


class _Plain:
    """Values as JSON data: attrs classes as dicts, ids and times as text, NaN/Infinity as null, every
    credential the client sends redacted."""

    def __init__(self, secrets: tuple[str, ...]) -> None:
        self.secrets = secrets

    def __call__(self, value: Any) -> Any:
        return redact(self._walk(value), self.secrets)

    def answer(self, value: Mapping[str, Any]) -> dict[str, Any]:
        """A tool's answer: a JSON object."""
        plain: dict[str, Any] = self(value)
        return plain

    def _walk(self, value: Any) -> Any:
        if value is None or isinstance(value, (bool, int, str)):
            return value
        if isinstance(value, float):
            return value if math.isfinite(value) else None
        if isinstance(value, (uuid.UUID, datetime.datetime, datetime.date)):
            return value.isoformat() if not isinstance(value, uuid.UUID) else str(value)
        if isinstance(value, Mapping):
            return {str(k): self._walk(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._walk(v) for v in value]
        to_dict = getattr(value, "to_dict", None)
        if callable(to_dict):
            return self._walk(to_dict())
        if attrs.has(type(value)):
            return {field.name: self._walk(getattr(value, field.name)) for field in attrs.fields(type(value))}
        return str(value)


def _state(state: ExecutionState) -> dict[str, Any]:
    return {
        "execution_id": state.execution_id,
        "status": state.status,
        "is_finished": state.is_finished,
        "total_calls": state.total_calls,
        "finished_calls": state.finished_calls,
        "completed_calls": state.completed_calls,
        "failed_calls": state.failed_calls,
        "cancelled_calls": state.cancelled_calls,
        "error_messages": list(state.error_messages),
    }


def _verdict(verdict: Verdict) -> dict[str, Any]:
    return {
        "passed": verdict.passed,
        "status": verdict.status,
        "reasons": verdict.reasons,
        "total_calls": verdict.total_calls,
        "failed_calls": verdict.failed_calls,
        "pass_rates": verdict.pass_rates,
        "unjudged_calls": verdict.unjudged_calls,
        "evals": verdict.evals,
        "scenarios": [
            {
                "scenario_id": s.scenario_id,
                "scenario_name": s.scenario_name,
                "passed": s.passed,
                "reasons": s.reasons,
            }
            for s in verdict.scenarios
        ],
        "thresholds": {
            "min_pass_rate": verdict.thresholds.min_pass_rate,
            "default_min_pass_rate": verdict.thresholds.default_min_pass_rate,
            "max_failed_calls": verdict.thresholds.max_failed_calls,
            "max_unjudged_calls": verdict.thresholds.max_unjudged_calls,
        },
    }


def _selection(only: list[str] | None, all_except: list[str] | None) -> Selection:
    if only is not None and all_except is not None:
        raise InvalidArgumentError("only", "give only or all_except, not both")
    if only is not None:
        return Selection.only(only)
    if all_except is not None:
        return Selection.all_except(all_except)
    return Selection.all()


def _timeout(value: float, maximum: float) -> float:
    if not isinstance(value, (int, float)) or not math.isfinite(value) or not 0 < value <= maximum:
        raise InvalidArgumentError(
            "timeout_seconds", f"must be more than 0 and at most {maximum:g}, got {value!r}"
        )
    return float(value)


class _Tools:
    """The tools over one client: each turns the library's errors into the tool's error result."""

    def __init__(self, client: AsyncSimulateClient, *, max_timeout: float) -> None:
        self.client = client
        self.max_timeout = max_timeout
        self.plain = _Plain(redaction_values(client._config.secrets))

    def failed(self, error: FutureAGIError) -> ToolError:
        """The library's message (redacted as the library redacts it) as the tool's error result."""
        return ToolError(self.plain(f"{type(error).__name__}: {error}"))

    async def list_run_tests(self, search: str | None = None, limit: int = 20) -> dict[str, Any]:
        """Lists run tests, newest first: id, name and the rest of each run test as the API answers it.

        search: text matched against run-test and agent names; limit: how many, 1 to 100 (20)."""
        try:
            if not isinstance(limit, int) or not 1 <= limit <= 100:
                raise InvalidArgumentError("limit", f"must be a whole number from 1 to 100, got {limit!r}")
            page = await self.client.run_tests.list(
                search=search if search is not None else NOT_GIVEN, limit=limit
            )
        except FutureAGIError as error:
            raise self.failed(error) from None
        rows = list(page.results)
        return self.plain.answer({"run_tests": rows, "count": len(rows)})

    async def get_run_test(self, run_test_id: str) -> dict[str, Any]:
        """One run test with its scenarios (id, name, status: an execute needs them completed) and its eval
        configs (id, name: the names min_pass_rates of run_simulation use)."""
        try:
            run_test = await self.client.run_tests.get(run_test_id)
            scenarios = [s async for s in self.client.run_tests.scenarios(run_test_id)]
        except FutureAGIError as error:
            raise self.failed(error) from None
        configs = live_eval_configs(run_test) or ()
        return self.plain.answer(
            {
                "run_test": run_test,
                "scenarios": scenarios,
                "eval_configs": [{"id": c.id, "name": c.name} for c in configs],
            }
        )

    async def run_simulation(
        self,
        run_test_id: str,
        ctx: Context,
        only: list[str] | None = None,
        all_except: list[str] | None = None,
        min_pass_rates: dict[str, float] | None = None,
        max_failed_calls: int = 0,
        max_unjudged_calls: int = 0,
        timeout_seconds: float = DEFAULT_TIMEOUT,
        poll_interval_seconds: float = 2.0,
        cancel_on_timeout: bool = False,
    ) -> dict[str, Any]:
        """Executes a run test once, waits for the end (progress: finished calls of total), and judges it.

        only / all_except: scenario ids to run (default: every scenario). min_pass_rates: eval config name
        to the fraction (0 to 1) of calls that must pass it; evals not named must pass every call.
        max_failed_calls: calls that may fail or be cancelled (0). max_unjudged_calls: completed calls
        each eval config may leave unjudged (0). timeout_seconds: how long to wait (1800, at most the
        server's maximum, 7200 by default); cancel_on_timeout: cancel the execution when that passes
        (false: it goes on, and the answer says how to read or cancel it). Answer: outcome passed,
        failed or timed_out; execution_id; status; verdict (reasons, pass rates, evals, scenarios). Never
        call it again to retry: the execute was sent; read the execution with get_execution instead."""
        client = self.client
        try:
            timeout = _timeout(timeout_seconds, self.max_timeout)
            selection = _selection(only, all_except)
            thresholds = Thresholds(
                min_pass_rate=min_pass_rates or {},
                max_failed_calls=max_failed_calls,
                max_unjudged_calls=max_unjudged_calls,
            )
            checked = await client.run_tests.check(run_test_id, selection=selection, thresholds=thresholds)
            checked.raise_for_problems()
        except FutureAGIError as error:
            raise self.failed(error) from None
        # Where to look if the execute's outcome is unknown: a minute early, for clock skew.
        since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
        try:
            # The execute's answer names the execution: a cancel meanwhile waits for it, so that what it
            # started is known, and cancelled below.
            with anyio.CancelScope(shield=True):
                execution = await client.run_tests.execute(run_test_id, selection=selection)
        except Exception as error:
            started = not isinstance(error, FutureAGIError) or error.may_have_started
            said = f"{type(error).__name__}: {error}"
            if started:
                said += (
                    f". Do not run it again: call list_executions with run_test_id {run_test_id} and "
                    f"started_after {since.isoformat()} to see whether it started"
                )
            raise ToolError(self.plain(said)) from None
        execution_id = execution.execution_id
        finished = False
        try:
            await anyio.lowlevel.checkpoint()
            state = await self._wait(ctx, execution_id, timeout=timeout, poll_interval=poll_interval_seconds)
            finished = True
            verdict = await client.executions.report(
                execution_id,
                run_test_id=run_test_id,
                thresholds=thresholds,
                expected_scenario_ids=list(
                    dict.fromkeys([*checked.selected_scenario_ids, *execution.scenario_ids])
                ),
            )
        except anyio.get_cancelled_exc_class():
            if not finished:
                with anyio.CancelScope(shield=True), anyio.move_on_after(CANCEL_WITHIN):
                    await self._cancel_unless_finished(execution_id)
            raise
        except WaitTimeoutError as error:
            last = error.state
            message = f"execution {execution_id} had not finished after {timeout:g} s"
            cancelled = False
            if cancel_on_timeout:
                with anyio.CancelScope(shield=True), anyio.move_on_after(CANCEL_WITHIN):
                    cancelled = await self._cancel_unless_finished(execution_id)
                message += (
                    "; it was cancelled" if cancelled else "; it could not be cancelled: it may still run"
                )
            else:
                message += "; it goes on: read it with get_execution, cancel it with cancel_execution"
            return self.plain.answer(
                {
                    "outcome": "timed_out",
                    "execution_id": execution_id,
                    "status": last.status if isinstance(last, ExecutionState) else "unknown",
                    "state": _state(last) if isinstance(last, ExecutionState) else None,
                    "cancelled": cancelled,
                    "message": message,
                }
            )
        except Exception as error:  # an API error or an unexpected one: the execution is named either way
            raise ToolError(
                self.plain(
                    f"execution {execution_id} was started; reading or judging it failed: "
                    f"{type(error).__name__}: {error}. It may still be running: read it with get_execution, "
                    "cancel it with cancel_execution"
                )
            ) from None
        return self.plain.answer(
            {
                "outcome": "passed" if verdict.passed else "failed",
                "execution_id": execution_id,
                "run_test_id": run_test_id,
                "run_test_name": checked.run_test_name,
                "status": state.status,
                "verdict": _verdict(verdict),
            }
        )

    async def _wait(
        self, ctx: Context, execution_id: uuid.UUID, *, timeout: float, poll_interval: float
    ) -> ExecutionState:
        """``executions.wait``, each change it hears sent as a progress notification (its callback is
        plain, so a task of their own sends them, in order)."""
        send, receive = anyio.create_memory_object_stream[ExecutionState](math.inf)

        async def notify() -> None:
            async with receive:
                async for state in receive:
                    await ctx.report_progress(
                        state.finished_calls,
                        state.total_calls or None,
                        f"execution {execution_id}: {state.status}, "
                        f"{state.finished_calls} of {state.total_calls} calls done",
                    )

        # The task group would wrap the wait's error in an ExceptionGroup: it is carried out as a value.
        outcome: ExecutionState | FutureAGIError
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(notify)
            async with send:
                try:
                    outcome = await self.client.executions.wait(
                        execution_id,
                        timeout=timeout,
                        poll_interval=poll_interval,
                        on_progress=send.send_nowait,
                    )
                except FutureAGIError as error:
                    outcome = error
        if isinstance(outcome, FutureAGIError):
            raise outcome
        return outcome

    async def _cancel_unless_finished(self, execution_id: uuid.UUID) -> bool:
        """Cancels the execution unless it finished (a cancel would change a finished execution on the
        server); True when a cancel was sent and accepted. A failure is False, never raised: the
        execution can still be cancelled by hand (cancel_execution)."""
        try:
            if not (await self.client.executions.get(execution_id)).is_finished:
                await self.client.executions.cancel(execution_id)
                return True
        except FutureAGIError:
            pass
        return False

    async def list_executions(self, run_test_id: str, started_after: str | None = None) -> dict[str, Any]:
        """A run test's executions, newest first: id, status, start time. started_after: only those
        started since this ISO 8601 time with its offset (how to find an execute whose answer was lost)."""
        try:
            since: datetime.datetime | None = None
            if started_after is not None:
                try:
                    since = datetime.datetime.fromisoformat(started_after)
                except ValueError:
                    raise InvalidArgumentError(
                        "started_after", f"must be an ISO 8601 time, got {started_after!r}"
                    ) from None
            rows = [row async for row in self.client.run_tests.executions(run_test_id, started_after=since)]
        except FutureAGIError as error:
            raise self.failed(error) from None
        return self.plain.answer({"executions": rows, "count": len(rows)})

    async def get_execution(self, execution_id: str) -> dict[str, Any]:
        """An execution's status (pending, running, evaluating, completed, failed, cancelling, cancelled)
        and call counts; 'completed' is not 'passed'."""
        try:
            return self.plain.answer(_state(await self.client.executions.get(execution_id)))
        except FutureAGIError as error:
            raise self.failed(error) from None

    async def get_execution_results(self, execution_id: str) -> dict[str, Any]:
        """An execution's calls: scenario, status, duration and each eval's output, score and reason."""
        try:
            return self.plain.answer(results_json(await self.client.executions.results(execution_id)))
        except FutureAGIError as error:
            raise self.failed(error) from None

    async def cancel_execution(self, execution_id: str) -> dict[str, Any]:
        """Cancels an execution that has not finished; a finished one is left as it ended. Answer:
        cancel_requested (whether a cancel was sent) and the status after."""
        try:
            before = await self.client.executions.get(execution_id)
            if before.is_finished:
                return self.plain.answer(
                    {"execution_id": before.execution_id, "cancel_requested": False, "status": before.status}
                )
            await self.client.executions.cancel(execution_id)
            after = await self.client.executions.get(execution_id)
        except FutureAGIError as error:
            raise self.failed(error) from None
        return self.plain.answer(
            {"execution_id": after.execution_id, "cancel_requested": True, "status": after.status}
        )


def create_server(client: AsyncSimulateClient, *, max_timeout: float = MAX_TIMEOUT) -> MCPServer:
    """The MCP server whose tools call the API through ``client`` (which the caller opens and closes).

    ``max_timeout``: the longest ``timeout_seconds`` ``run_simulation`` accepts, in seconds (7200).
    Serve it with ``await server.run_stdio_async()``; test it with ``mcp.Client(server)``."""
    if not isinstance(max_timeout, (int, float)) or not math.isfinite(max_timeout) or max_timeout <= 0:
        raise InvalidArgumentError(
            "max_timeout", f"must be a finite number of seconds above 0, got {max_timeout!r}"
        )
    tools = _Tools(client, max_timeout=float(max_timeout))
    server: MCPServer = MCPServer(
        "futureagi-simulate", instructions=INSTRUCTIONS, version=__version__, log_level="WARNING"
    )
    handlers: list[Callable[..., Any]] = [
        tools.list_run_tests,
        tools.get_run_test,
        tools.run_simulation,
        tools.list_executions,
        tools.get_execution,
        tools.get_execution_results,
        tools.cancel_execution,
    ]
    for handler in handlers:
        server.add_tool(handler, structured_output=True)
    return server
