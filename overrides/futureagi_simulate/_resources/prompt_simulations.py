"""``client.prompt_simulations`` (``PromptSimulations``) and ``AsyncPromptSimulations``, whole.

A prompt simulation is a run test of a prompt template: each operation's request and answer reading
(through the generated package and the one envelope rule of ``_answers``) and the sync and async
methods, which differ only by ``await``. Loaded on a client's first use of ``prompt_simulations``
(``_resources``'s ``__getattr__``), so it imports the generated package at the top.
"""

from __future__ import annotations

from collections.abc import Callable

from futureagi_simulate._answers import json_object, unwrap_object
from futureagi_simulate._api.api.prompt_simulations import execute_prompt_simulation as _execute
from futureagi_simulate._api.api.prompt_simulations import get_prompt_simulation as _get
from futureagi_simulate._api.models.execute_prompt_simulation_request_camel import (
    ExecutePromptSimulationRequestCamel,
)
from futureagi_simulate._api.models.execute_prompt_simulation_request_snake import (
    ExecutePromptSimulationRequestSnake,
)
from futureagi_simulate._execution import Execution
from futureagi_simulate._flows import Casing, Exchange, negotiated, single
from futureagi_simulate._models import RunTest
from futureagi_simulate._selection import Selection
from futureagi_simulate._validate import IdLike, check_uuid

from ._base import AsyncResource, Resource, check_selection
from .run_tests import parse_run_test

__all__ = ["AsyncPromptSimulations", "PromptSimulations"]


def parse_prompt_simulation(body: object) -> RunTest:
    """Reads the bare run test (documented) or ``{"status": true, "result": run test}`` (open-source)."""
    return parse_run_test(unwrap_object(json_object(body), own=("id",)))


def get_exchange(prompt_template_id: object, run_test_id: object) -> Exchange[RunTest]:
    kwargs = _get.build_request_kwargs(
        check_uuid("prompt_template_id", prompt_template_id), check_uuid("run_test_id", run_test_id)
    )
    return Exchange.from_generated("get prompt simulation", kwargs, parse_prompt_simulation)


def execute_builder(
    prompt_template_id: object, run_test_id: object, *, selection: object
) -> Callable[[Casing], Exchange[Execution]]:
    """Checks the arguments now and returns a builder of the execute request for either casing."""
    template = check_uuid("prompt_template_id", prompt_template_id)
    run_test = check_uuid("run_test_id", run_test_id)
    chosen = check_selection(selection)

    def build(casing: Casing) -> Exchange[Execution]:
        body: ExecutePromptSimulationRequestCamel | ExecutePromptSimulationRequestSnake
        model = (
            ExecutePromptSimulationRequestSnake if casing == "snake" else ExecutePromptSimulationRequestCamel
        )
        body = model(select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids))
        kwargs = _execute.build_request_kwargs(template, run_test, body=body)
        return Exchange.from_generated(
            "execute prompt simulation", kwargs, Execution.from_wire, starts_work=True
        )

    return build


class PromptSimulations(Resource):
    """Prompt simulations: read one, execute one."""

    __slots__ = ()

    def get(self, prompt_template_id: IdLike, run_test_id: IdLike) -> RunTest:
        """The run test behind a prompt simulation, unwrapped from whichever envelope the server uses."""
        exchange = get_exchange(prompt_template_id, run_test_id)
        return self._run(single(exchange, self._ctx))

    def execute(self, prompt_template_id: IdLike, run_test_id: IdLike, *, selection: Selection) -> Execution:
        """Starts one execution of the prompt simulation over the selected scenarios."""
        build = execute_builder(prompt_template_id, run_test_id, selection=selection)
        return self._run(negotiated(build, self._ctx))


class AsyncPromptSimulations(AsyncResource):
    """Prompt simulations: read one, execute one (asyncio)."""

    __slots__ = ()

    async def get(self, prompt_template_id: IdLike, run_test_id: IdLike) -> RunTest:
        """The run test behind a prompt simulation, unwrapped from whichever envelope the server uses."""
        exchange = get_exchange(prompt_template_id, run_test_id)
        return await self._run(single(exchange, self._ctx))

    async def execute(
        self, prompt_template_id: IdLike, run_test_id: IdLike, *, selection: Selection
    ) -> Execution:
        """Starts one execution of the prompt simulation over the selected scenarios."""
        build = execute_builder(prompt_template_id, run_test_id, selection=selection)
        return await self._run(negotiated(build, self._ctx))
