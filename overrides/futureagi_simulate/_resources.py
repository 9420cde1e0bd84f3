"""``client.run_tests``, ``client.executions`` and ``client.prompt_simulations``, sync and async.

Each method checks its arguments and builds its flow with the plain functions of ``_wire``, then hands
the flow to the way of running flows its client gave it (``_RunFlow``, with the client's ``Context``):
the sync and async shells differ only by ``await``.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ._errors import InvalidArgumentError
from ._exports import OnFirstUse
from ._flows import Call, Casing, Context, Flow, negotiated, single
from ._pagination import PageWalk
from ._selection import Selection
from ._types import NOT_GIVEN, NotGiven, SimulationType
from ._validate import IdLike, check_positive_int, check_uuid

if TYPE_CHECKING:
    from futureagi_simulate._api.models.call_execution import CallExecution
    from futureagi_simulate._api.models.evaluation_config import EvaluationConfig
    from futureagi_simulate._api.models.run_test import RunTest
    from futureagi_simulate._api.models.run_test_execution import RunTestExecution
    from futureagi_simulate._api.models.run_test_page import RunTestPage
    from futureagi_simulate._api.models.run_test_scenario import RunTestScenario

    from . import _executions_wire, _follow, _preflight, _wire
    from ._execution import Execution
    from ._preflight import RunTestCheck
    from ._results import EvalSummary, ExecutionResults, ExecutionState
    from ._verdict import Thresholds, Verdict
else:
    # These import the generated package, which a script should not pay for before its first call.
    _wire = OnFirstUse("futureagi_simulate._wire")
    _executions_wire = OnFirstUse("futureagi_simulate._executions_wire")
    _follow = OnFirstUse("futureagi_simulate._follow")
    _preflight = OnFirstUse("futureagi_simulate._preflight")

__all__ = [
    "AsyncExecutions",
    "AsyncPromptSimulations",
    "AsyncRunTests",
    "Executions",
    "PromptSimulations",
    "RunTests",
]

T = TypeVar("T")

EvaluationsConfig = Sequence["EvaluationConfig | Mapping[str, Any]"]
PageCall = Callable[[int], "Call[Any]"]
OnProgress = Callable[["ExecutionState"], Any]


class _RunFlow(Protocol):
    """How a sync client carries out a flow: each request sent with its retries, each wait slept."""

    def __call__(self, flow: Flow[T], /) -> T: ...


class _AsyncRunFlow(Protocol):
    """How an async client carries out a flow, to ``await``."""

    async def __call__(self, flow: Flow[T], /) -> T: ...


class _Resource:
    """What a sync resource holds: its client's way to run a flow, and the context its flows read."""

    __slots__ = ("_ctx", "_run")

    def __init__(self, run: _RunFlow, ctx: Context) -> None:
        self._run = run
        self._ctx = ctx


class _AsyncResource:
    """What an async resource holds: as ``_Resource``, with a runner to ``await``."""

    __slots__ = ("_ctx", "_run")

    def __init__(self, run: _AsyncRunFlow, ctx: Context) -> None:
        self._run = run
        self._ctx = ctx


def _page_calls(
    *,
    search: str | NotGiven,
    simulation_type: SimulationType | NotGiven | None,
    prompt_template_id: IdLike | NotGiven | None,
    page_size: int,
) -> PageCall:
    """Checks the iteration's arguments now, before the first page is asked for."""
    check_positive_int("page_size", page_size)
    calls = functools.partial(
        _wire.list_run_tests_call,
        search=search,
        simulation_type=simulation_type,
        prompt_template_id=prompt_template_id,
        limit=page_size,
    )
    first = calls(page=1)
    return lambda number: first if number == 1 else calls(page=number)


class RunTests(_Resource):
    """Run tests: create, list, iterate, execute."""

    __slots__ = ()

    def create(
        self,
        *,
        name: str,
        agent_definition_id: IdLike,
        scenario_ids: Iterable[IdLike],
        description: str | NotGiven = NOT_GIVEN,
        eval_config_ids: Iterable[IdLike] | NotGiven = NOT_GIVEN,
        evaluations_config: EvaluationsConfig | NotGiven = NOT_GIVEN,
        dataset_row_ids: Iterable[str] | NotGiven = NOT_GIVEN,
        enable_tool_evaluation: bool | NotGiven = NOT_GIVEN,
        replay_session_id: IdLike | NotGiven | None = NOT_GIVEN,
        agent_version: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> RunTest:
        """Creates a run test of an agent definition over existing scenarios (``POST .../create/``)."""
        call = _wire.create_run_test_call(
            name=name,
            agent_definition_id=agent_definition_id,
            scenario_ids=scenario_ids,
            description=description,
            eval_config_ids=eval_config_ids,
            evaluations_config=evaluations_config,
            dataset_row_ids=dataset_row_ids,
            enable_tool_evaluation=enable_tool_evaluation,
            replay_session_id=replay_session_id,
            agent_version=agent_version,
        )
        return self._run(single(call, self._ctx))

    def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> RunTestPage:
        """One page of run tests, newest first. Only the parameters given are sent (server defaults:
        page 1, 10 per page). ``prompt_template_id`` implies ``simulation_type="prompt"``."""
        call = _wire.list_run_tests_call(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page=page,
            limit=limit,
        )
        return self._run(single(call, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page_size: int = 100,
    ) -> Iterator[RunTest]:
        """Every matching run test, newest first, asking for one page of ``page_size`` at a time."""
        calls = _page_calls(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page_size=page_size,
        )
        return _rows(self._run, self._ctx, calls)

    def get(self, run_test_id: IdLike) -> RunTest:
        """The run test (``GET /simulate/run-tests/{id}/``). Unknown id: ``NotFoundError``."""
        call = _executions_wire.get_run_test_call(check_uuid("run_test_id", run_test_id))
        return self._run(single(call, self._ctx))

    def scenarios(self, run_test_id: IdLike) -> Iterator[RunTestScenario]:
        """Every scenario of the run test (``id``, ``name``, ``row_count``), a page of 100 at a time."""
        run_test = check_uuid("run_test_id", run_test_id)
        return _rows(
            self._run, self._ctx, functools.partial(_executions_wire.run_test_scenarios_page_call, run_test)
        )

    def executions(
        self, run_test_id: IdLike, *, started_after: datetime.datetime | None = None
    ) -> Iterator[RunTestExecution]:
        """The run test's executions, newest first; with ``started_after`` (an aware datetime), only those
        that started at or after it, and no page beyond them is read.

        After an execute that failed with ``may_have_started=True``, call it with the time just before
        that call to see whether the execution exists. ``status`` here is a display form (``"Pending"``).
        """
        run_test = check_uuid("run_test_id", run_test_id)
        since = _check_started_after(started_after)
        rows = _rows(
            self._run, self._ctx, functools.partial(_executions_wire.run_test_executions_page_call, run_test)
        )
        return _started_since(rows, since)

    def eval_summary(self, run_test_id: IdLike, *, execution_id: IdLike | None = None) -> EvalSummary:
        """Per eval config, pass rate (a fraction) and scores, over one execution or all of them, in one
        shape for both dialects. Only calls that completed count, as on the server."""
        call = _executions_wire.eval_summary_call(
            check_uuid("run_test_id", run_test_id),
            None if execution_id is None else check_uuid("execution_id", execution_id),
        )
        return self._run(single(call, self._ctx))

    def execute(
        self, run_test_id: IdLike, *, selection: Selection, simulator_id: IdLike | None = None
    ) -> Execution:
        """Starts one execution over the selected scenarios. Never resent after it may have started.

        On a server that ignores ``select_all`` (the open-source one, snake_case), ``all_except`` is sent
        as ``only`` the run test's other scenarios, read from its scenario list first; the returned
        ``Execution.scenario_ids`` say what runs.
        """
        build = _execute_builder(self._ctx, run_test_id, selection, simulator_id)
        return self._run(negotiated(build, self._ctx))

    def check(
        self,
        run_test_id: IdLike,
        *,
        selection: Selection | None = None,
        thresholds: Thresholds | None = None,
    ) -> RunTestCheck:
        """Checks, before paying for an execute, that ``selection`` and ``thresholds`` fit the run test.

        Reads the run test (``GET /simulate/run-tests/{id}/``) and its scenario list; never executes.
        Returns a ``RunTestCheck`` listing every problem (``problems``, empty when ``ok``): an id of
        ``selection`` that is not a scenario of the run test, an ``all_except`` (or a run test) that leaves
        nothing to run, a selected scenario that is not completed (the server would refuse the execute
        with a 400), a ``thresholds.min_pass_rate`` name that is not one of the run test's eval configs
        (their ``name``; a run test whose answer lists none fails every name). ``selection`` defaults to
        ``Selection.all()``. Call ``raise_for_problems()`` on the result to raise ``InvalidArgumentError``
        instead. A bad argument type raises ``InvalidArgumentError`` before any request; an unknown run
        test is ``NotFoundError``.
        """
        return self._run(_check_flow(self._ctx, run_test_id, selection, thresholds))


class AsyncRunTests(_AsyncResource):
    """Run tests: create, list, iterate, execute (asyncio)."""

    __slots__ = ()

    async def create(
        self,
        *,
        name: str,
        agent_definition_id: IdLike,
        scenario_ids: Iterable[IdLike],
        description: str | NotGiven = NOT_GIVEN,
        eval_config_ids: Iterable[IdLike] | NotGiven = NOT_GIVEN,
        evaluations_config: EvaluationsConfig | NotGiven = NOT_GIVEN,
        dataset_row_ids: Iterable[str] | NotGiven = NOT_GIVEN,
        enable_tool_evaluation: bool | NotGiven = NOT_GIVEN,
        replay_session_id: IdLike | NotGiven | None = NOT_GIVEN,
        agent_version: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> RunTest:
        """Creates a run test of an agent definition over existing scenarios (``POST .../create/``)."""
        call = _wire.create_run_test_call(
            name=name,
            agent_definition_id=agent_definition_id,
            scenario_ids=scenario_ids,
            description=description,
            eval_config_ids=eval_config_ids,
            evaluations_config=evaluations_config,
            dataset_row_ids=dataset_row_ids,
            enable_tool_evaluation=enable_tool_evaluation,
            replay_session_id=replay_session_id,
            agent_version=agent_version,
        )
        return await self._run(single(call, self._ctx))

    async def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> RunTestPage:
        """One page of run tests, newest first. Only the parameters given are sent."""
        call = _wire.list_run_tests_call(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page=page,
            limit=limit,
        )
        return await self._run(single(call, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page_size: int = 100,
    ) -> AsyncIterator[RunTest]:
        """Every matching run test, newest first, for ``async for``."""
        calls = _page_calls(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page_size=page_size,
        )
        return _async_rows(self._run, self._ctx, calls)

    async def get(self, run_test_id: IdLike) -> RunTest:
        """The run test (``GET /simulate/run-tests/{id}/``). Unknown id: ``NotFoundError``."""
        call = _executions_wire.get_run_test_call(check_uuid("run_test_id", run_test_id))
        return await self._run(single(call, self._ctx))

    def scenarios(self, run_test_id: IdLike) -> AsyncIterator[RunTestScenario]:
        """Every scenario of the run test, for ``async for``."""
        run_test = check_uuid("run_test_id", run_test_id)
        return _async_rows(
            self._run, self._ctx, functools.partial(_executions_wire.run_test_scenarios_page_call, run_test)
        )

    def executions(
        self, run_test_id: IdLike, *, started_after: datetime.datetime | None = None
    ) -> AsyncIterator[RunTestExecution]:
        """The run test's executions, newest first, for ``async for`` (see ``RunTests.executions``)."""
        run_test = check_uuid("run_test_id", run_test_id)
        since = _check_started_after(started_after)
        rows = _async_rows(
            self._run, self._ctx, functools.partial(_executions_wire.run_test_executions_page_call, run_test)
        )
        return _async_started_since(rows, since)

    async def eval_summary(self, run_test_id: IdLike, *, execution_id: IdLike | None = None) -> EvalSummary:
        """Per eval config, pass rate and scores, in one shape for both dialects."""
        call = _executions_wire.eval_summary_call(
            check_uuid("run_test_id", run_test_id),
            None if execution_id is None else check_uuid("execution_id", execution_id),
        )
        return await self._run(single(call, self._ctx))

    async def execute(
        self, run_test_id: IdLike, *, selection: Selection, simulator_id: IdLike | None = None
    ) -> Execution:
        """Starts one execution over the selected scenarios. Never resent after it may have started."""
        build = _execute_builder(self._ctx, run_test_id, selection, simulator_id)
        return await self._run(negotiated(build, self._ctx))

    async def check(
        self,
        run_test_id: IdLike,
        *,
        selection: Selection | None = None,
        thresholds: Thresholds | None = None,
    ) -> RunTestCheck:
        """Checks that ``selection`` and ``thresholds`` fit the run test, with no execute; see
        ``RunTests.check``."""
        return await self._run(_check_flow(self._ctx, run_test_id, selection, thresholds))


class PromptSimulations(_Resource):
    """Prompt simulations: read one, execute one."""

    __slots__ = ()

    def get(self, prompt_template_id: IdLike, run_test_id: IdLike) -> RunTest:
        """The run test behind a prompt simulation, unwrapped from whichever envelope the server uses."""
        call = _wire.get_prompt_simulation_call(prompt_template_id, run_test_id)
        return self._run(single(call, self._ctx))

    def execute(self, prompt_template_id: IdLike, run_test_id: IdLike, *, selection: Selection) -> Execution:
        """Starts one execution of the prompt simulation over the selected scenarios."""
        build = _wire.execute_prompt_simulation_builder(prompt_template_id, run_test_id, selection=selection)
        return self._run(negotiated(build, self._ctx))


class AsyncPromptSimulations(_AsyncResource):
    """Prompt simulations: read one, execute one (asyncio)."""

    __slots__ = ()

    async def get(self, prompt_template_id: IdLike, run_test_id: IdLike) -> RunTest:
        """The run test behind a prompt simulation, unwrapped from whichever envelope the server uses."""
        call = _wire.get_prompt_simulation_call(prompt_template_id, run_test_id)
        return await self._run(single(call, self._ctx))

    async def execute(
        self, prompt_template_id: IdLike, run_test_id: IdLike, *, selection: Selection
    ) -> Execution:
        """Starts one execution of the prompt simulation over the selected scenarios."""
        build = _wire.execute_prompt_simulation_builder(prompt_template_id, run_test_id, selection=selection)
        return await self._run(negotiated(build, self._ctx))


class Executions(_Resource):
    """Executions after they started: state, calls, results, cancel, wait, and a verdict."""

    __slots__ = ()

    def get(self, execution_id: IdLike) -> ExecutionState:
        """The execution's status (lower case), call counts and every call row
        (``GET /simulate/test-executions/{id}/``, every page of 100 rows).

        It reads every page: to follow an execution, ``wait`` costs one small request a poll. An unknown
        id is ``NotFoundError``, also where the open-source server answers it with a 500.
        """
        flow = _follow.execution_state(check_uuid("execution_id", execution_id), self._ctx)
        return self._run(flow)

    def calls(self, execution_id: IdLike) -> Iterator[CallExecution]:
        """Every call row of the execution, a page of 100 at a time."""
        execution = check_uuid("execution_id", execution_id)
        return _rows(self._run, self._ctx, functools.partial(_executions_wire.execution_page_call, execution))

    def cancel(self, execution_id: IdLike) -> None:
        """Asks the execution to stop (``POST /simulate/test-executions/{id}/cancel/``): it goes
        ``cancelling``, then ``cancelled``, its pending and ongoing calls ``cancelled``. Safe to repeat on
        a running or cancelled execution.

        Not on a finished one: the server says yes (200) and changes it. Seen on the open-source server
        (API-NOTES.md, third run): its older executor turns a ``completed`` execution ``cancelled`` (the
        calls keep their status), and its Temporal executor leaves it ``cancelling``, which no workflow
        ends. Either way the run no longer reads as it finished. Check ``get(...).is_finished`` (or the
        state ``wait`` returned) first; the command never cancels an execution it saw finished.
        Unknown id: ``NotFoundError``.
        """
        call = _executions_wire.cancel_call(check_uuid("execution_id", execution_id))
        self._run(single(call, self._ctx))

    def wait(
        self,
        execution_id: IdLike,
        *,
        timeout: float,
        poll_interval: float = 2.0,
        max_poll_interval: float = 15.0,
        on_progress: OnProgress | None = None,
        read_calls: bool = True,
    ) -> ExecutionState:
        """Polls until the execution is ``completed``, ``failed`` or ``cancelled``; returns that state.

        Each poll is one small request, the results' first page of one row
        (``GET /sdk/api/v1/simulation/runs/?execution_id=…&page=1&limit=1``): status and the server's call
        counts, not the call rows. Once the execution is finished, its call rows are read once, as
        ``get`` reads them, and the state returned has them; with ``read_calls=False`` the last poll's
        state is returned instead (``calls`` empty), for a caller that reads the results next
        (``report``).

        ``timeout`` (seconds, finite) bounds the whole wait, each poll included: a poll is cut off when
        the timeout passes, whatever the client's own timeout. Past it, ``WaitTimeoutError`` carries the
        last state read, and the execution goes on (``wait`` never cancels). A poll that meets a
        connection error, a 408, a 429 or a 5xx does not end the wait: it polls on until the timeout,
        however many failures that takes (``max_retries`` does not apply). A 401, 403 or 404 (or the
        open-source server's 500 for an unknown execution) ends it at once with that error.

        Polls are ``poll_interval`` seconds apart at first, then half as long again each time up to
        ``max_poll_interval``, and never sooner than a 429 asks. ``on_progress(state)`` is called with
        the first state, each that changed something, and the last one again after a minute without
        one (a heartbeat for CI logs). Its states come from the polls: counts and status, no rows.
        """
        flow = _wait_flow(
            self._ctx, execution_id, timeout, poll_interval, max_poll_interval, on_progress, read_calls
        )
        return self._run(flow)

    def results(self, execution_id: IdLike) -> ExecutionResults:
        """Per call: its scenario, status and eval outcomes (``GET /sdk/api/v1/simulation/runs/``).

        One complete snapshot: every call exactly once, read again when calls moved between pages while
        they were read; ``IncompleteResultsError`` when they kept moving (see ``executions.report``).
        """
        flow = _follow.execution_results(check_uuid("execution_id", execution_id), self._ctx)
        return self._run(flow)

    def report(
        self,
        execution_id: IdLike,
        *,
        run_test_id: IdLike,
        thresholds: Thresholds | None = None,
        expected_scenario_ids: Iterable[IdLike] | None = None,
    ) -> Verdict:
        """The verdict on the execution's results under ``thresholds`` (see ``Thresholds``, ``Verdict``).

        ``run_test_id`` is the execution's run test (``Execution.run_test_id``): its eval configs as they
        are now (``GET /simulate/run-tests/{run_test_id}/``) are the evals judged, matched to the calls'
        outputs by id, so outputs of deleted configs do not count. Then every call is read exactly once
        (``executions.results``). "Completed" is not "passed": the verdict passes only when the execution
        completed, every id in ``expected_scenario_ids`` (for example ``Execution.scenario_ids``) has a
        call, at most ``max_failed_calls`` calls failed, every eval config judged the completed calls (at
        most ``max_unjudged_calls`` left unjudged each), and every pass/fail eval's pass rate, counted as
        the server's eval summary counts it, reaches its minimum. An execution not yet finished never
        passes. Raises ``IncompleteResultsError`` when no complete snapshot could be read, and
        ``NotFoundError`` for an unknown run test or execution.
        """
        flow = _follow.report(
            check_uuid("execution_id", execution_id),
            self._ctx,
            run_test_id=check_uuid("run_test_id", run_test_id),
            thresholds=thresholds,
            expected_scenario_ids=expected_scenario_ids,
        )
        return self._run(flow)


class AsyncExecutions(_AsyncResource):
    """Executions after they started (asyncio): the same methods as ``Executions``, to ``await``."""

    __slots__ = ()

    async def get(self, execution_id: IdLike) -> ExecutionState:
        """The execution's status (lower case), call counts and every call row."""
        flow = _follow.execution_state(check_uuid("execution_id", execution_id), self._ctx)
        return await self._run(flow)

    def calls(self, execution_id: IdLike) -> AsyncIterator[CallExecution]:
        """Every call row of the execution, for ``async for``."""
        execution = check_uuid("execution_id", execution_id)
        return _async_rows(
            self._run, self._ctx, functools.partial(_executions_wire.execution_page_call, execution)
        )

    async def results(self, execution_id: IdLike) -> ExecutionResults:
        """Per call: its scenario, status and eval outcomes, one complete snapshot; see
        ``Executions.results``."""
        flow = _follow.execution_results(check_uuid("execution_id", execution_id), self._ctx)
        return await self._run(flow)

    async def cancel(self, execution_id: IdLike) -> None:
        """Asks the execution to stop; see ``Executions.cancel``: never cancel one seen finished, the
        server would change it (``cancelled``, or ``cancelling`` for good)."""
        call = _executions_wire.cancel_call(check_uuid("execution_id", execution_id))
        await self._run(single(call, self._ctx))

    async def wait(
        self,
        execution_id: IdLike,
        *,
        timeout: float,
        poll_interval: float = 2.0,
        max_poll_interval: float = 15.0,
        on_progress: OnProgress | None = None,
        read_calls: bool = True,
    ) -> ExecutionState:
        """Polls until the execution is finished, riding out connection errors, 408, 429 and 5xx until
        ``timeout``; see ``Executions.wait``."""
        flow = _wait_flow(
            self._ctx, execution_id, timeout, poll_interval, max_poll_interval, on_progress, read_calls
        )
        return await self._run(flow)

    async def report(
        self,
        execution_id: IdLike,
        *,
        run_test_id: IdLike,
        thresholds: Thresholds | None = None,
        expected_scenario_ids: Iterable[IdLike] | None = None,
    ) -> Verdict:
        """The verdict on the execution's results; see ``Executions.report``."""
        flow = _follow.report(
            check_uuid("execution_id", execution_id),
            self._ctx,
            run_test_id=check_uuid("run_test_id", run_test_id),
            thresholds=thresholds,
            expected_scenario_ids=expected_scenario_ids,
        )
        return await self._run(flow)


# What the sync and async shells share --------------------------------------------------------------------


def _rows(run: _RunFlow, ctx: Context, calls: PageCall) -> Iterator[Any]:
    """Every row of every page, once each, asking for the next page only when the rows so far are used
    up, and ending however the server pages (``PageWalk``)."""
    walk = PageWalk()
    while True:
        page = run(single(calls(walk.number), ctx))
        new = walk.fresh(page)
        yield from new
        if not walk.advance(page, len(new)):
            return


async def _async_rows(run: _AsyncRunFlow, ctx: Context, calls: PageCall) -> AsyncIterator[Any]:
    walk = PageWalk()
    while True:
        page = await run(single(calls(walk.number), ctx))
        new = walk.fresh(page)
        for row in new:
            yield row
        if not walk.advance(page, len(new)):
            return


def _check_started_after(value: object) -> datetime.datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        raise InvalidArgumentError("started_after", f"must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidArgumentError(
            "started_after", "must be timezone-aware (datetime.now(timezone.utc)), not a naive datetime"
        )
    return value


def _older(row: RunTestExecution, since: datetime.datetime | None) -> bool:
    """True when ``row`` started before ``since``. The generated parse reads a start time without an
    offset as UTC, so the two always compare."""
    start = row.start_time
    return since is not None and isinstance(start, datetime.datetime) and start < since


def _started_since(
    rows: Iterator[RunTestExecution], since: datetime.datetime | None
) -> Iterator[RunTestExecution]:
    for row in rows:
        if _older(row, since):
            # Newest first: every later row started earlier still.
            return
        yield row


async def _async_started_since(
    rows: AsyncIterator[RunTestExecution], since: datetime.datetime | None
) -> AsyncIterator[RunTestExecution]:
    async for row in rows:
        if _older(row, since):
            return
        yield row


def _execute_builder(
    ctx: Context,
    run_test_id: IdLike,
    selection: Selection,
    simulator_id: IdLike | None,
) -> Callable[[Casing], Call[Execution] | Flow[Call[Execution]]]:
    return _wire.execute_run_test_builder(
        run_test_id,
        selection=selection,
        simulator_id=simulator_id,
        complement=lambda run_test, chosen: _follow.complement(run_test, chosen, ctx),
    )


def _check_flow(
    ctx: Context, run_test_id: IdLike, selection: Selection | None, thresholds: Thresholds | None
) -> Flow[RunTestCheck]:
    run_test = check_uuid("run_test_id", run_test_id)
    chosen = Selection.all() if selection is None else selection
    _preflight.check_arguments(chosen, thresholds)
    return _preflight.check_run_test(run_test, ctx, selection=chosen, thresholds=thresholds)


def _wait_flow(
    ctx: Context,
    execution_id: IdLike,
    timeout: float,
    poll_interval: float,
    max_poll_interval: float,
    on_progress: OnProgress | None,
    read_calls: bool,
) -> Flow[ExecutionState]:
    execution = check_uuid("execution_id", execution_id)
    _follow.check_wait_arguments(timeout, poll_interval, max_poll_interval)
    if on_progress is not None and not callable(on_progress):
        raise InvalidArgumentError("on_progress", f"must be callable, got {type(on_progress).__name__}")
    if not isinstance(read_calls, bool):
        raise InvalidArgumentError("read_calls", f"must be True or False, got {type(read_calls).__name__}")
    return _follow.wait(
        execution,
        ctx,
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max(max_poll_interval, poll_interval),
        on_progress=on_progress,
        clock=ctx.clock,
        read_calls=read_calls,
    )
