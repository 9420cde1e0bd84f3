"""``client.run_tests`` and ``client.prompt_simulations``, sync and async.

Each method checks its arguments and builds its flow with the plain functions of ``_wire``, then hands
the flow to its client to drive: the sync and async shells differ only by ``await``.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._flows import Call, negotiated, single
from ._lazy import OnFirstUse
from ._pagination import PageWalk
from ._selection import Selection
from ._types import NOT_GIVEN, NotGiven, SimulationType
from ._validate import IdLike, check_positive_int

if TYPE_CHECKING:
    from futureagi_simulate_api.models.evaluation_config import EvaluationConfig
    from futureagi_simulate_api.models.run_test import RunTest
    from futureagi_simulate_api.models.run_test_page import RunTestPage

    from . import _wire
    from ._client import AsyncSimulateClient, SimulateClient
    from ._execution import Execution
else:
    # _wire imports the generated package, which a script should not pay for before its first call.
    _wire = OnFirstUse("futureagi_simulate._wire")

__all__ = ["AsyncPromptSimulations", "AsyncRunTests", "PromptSimulations", "RunTests"]

EvaluationsConfig = Sequence["EvaluationConfig | Mapping[str, Any]"]
PageCall = Callable[[int], "Call[RunTestPage]"]


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


class RunTests:
    """Run tests: create, list, iterate, execute."""

    def __init__(self, client: SimulateClient) -> None:
        self._client = client

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
        call = _wire.create_run_test_call(**locals_but_self(locals()))
        return self._client._run(single(call, self._client._ctx))

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
        call = _wire.list_run_tests_call(**locals_but_self(locals()))
        return self._client._run(single(call, self._client._ctx))

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
        return self._iterate(calls)

    def _iterate(self, calls: PageCall) -> Iterator[RunTest]:
        walk = PageWalk()
        while True:
            page = self._client._run(single(calls(walk.number), self._client._ctx))
            new = walk.fresh(page)
            yield from new
            if not walk.advance(page, len(new)):
                return

    def execute(
        self, run_test_id: IdLike, *, selection: Selection, simulator_id: IdLike | None = None
    ) -> Execution:
        """Starts one execution over the selected scenarios. Never resent after it may have started."""
        build = _wire.execute_run_test_builder(run_test_id, selection=selection, simulator_id=simulator_id)
        return self._client._run(negotiated(build, self._client._ctx))


class AsyncRunTests:
    """Run tests: create, list, iterate, execute (asyncio)."""

    def __init__(self, client: AsyncSimulateClient) -> None:
        self._client = client

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
        call = _wire.create_run_test_call(**locals_but_self(locals()))
        return await self._client._run(single(call, self._client._ctx))

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
        call = _wire.list_run_tests_call(**locals_but_self(locals()))
        return await self._client._run(single(call, self._client._ctx))

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
        return self._iterate(calls)

    async def _iterate(self, calls: PageCall) -> AsyncIterator[RunTest]:
        walk = PageWalk()
        while True:
            page = await self._client._run(single(calls(walk.number), self._client._ctx))
            new = walk.fresh(page)
            for run in new:
                yield run
            if not walk.advance(page, len(new)):
                return

    async def execute(
        self, run_test_id: IdLike, *, selection: Selection, simulator_id: IdLike | None = None
    ) -> Execution:
        """Starts one execution over the selected scenarios. Never resent after it may have started."""
        build = _wire.execute_run_test_builder(run_test_id, selection=selection, simulator_id=simulator_id)
        return await self._client._run(negotiated(build, self._client._ctx))


class PromptSimulations:
    """Prompt simulations: read one, execute one."""

    def __init__(self, client: SimulateClient) -> None:
        self._client = client

    def get(self, prompt_template_id: IdLike, run_test_id: IdLike) -> RunTest:
        """The run test behind a prompt simulation, unwrapped from whichever envelope the server uses."""
        call = _wire.get_prompt_simulation_call(prompt_template_id, run_test_id)
        return self._client._run(single(call, self._client._ctx))

    def execute(self, prompt_template_id: IdLike, run_test_id: IdLike, *, selection: Selection) -> Execution:
        """Starts one execution of the prompt simulation over the selected scenarios."""
        build = _wire.execute_prompt_simulation_builder(prompt_template_id, run_test_id, selection=selection)
        return self._client._run(negotiated(build, self._client._ctx))


class AsyncPromptSimulations:
    """Prompt simulations: read one, execute one (asyncio)."""

    def __init__(self, client: AsyncSimulateClient) -> None:
        self._client = client

    async def get(self, prompt_template_id: IdLike, run_test_id: IdLike) -> RunTest:
        """The run test behind a prompt simulation, unwrapped from whichever envelope the server uses."""
        call = _wire.get_prompt_simulation_call(prompt_template_id, run_test_id)
        return await self._client._run(single(call, self._client._ctx))

    async def execute(
        self, prompt_template_id: IdLike, run_test_id: IdLike, *, selection: Selection
    ) -> Execution:
        """Starts one execution of the prompt simulation over the selected scenarios."""
        build = _wire.execute_prompt_simulation_builder(prompt_template_id, run_test_id, selection=selection)
        return await self._client._run(negotiated(build, self._client._ctx))


def locals_but_self(values: dict[str, Any]) -> dict[str, Any]:
    """A method's arguments as keywords for the matching ``_wire`` builder, which checks them all."""
    return {name: value for name, value in values.items() if name != "self"}
