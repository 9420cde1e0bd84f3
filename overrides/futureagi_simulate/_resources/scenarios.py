"""``client.scenarios`` (``Scenarios``) and ``AsyncScenarios``: the workspace's scenarios, whole: list,
iterate, read one.

Loaded on a client's first use of ``scenarios`` (``_resources``'s ``__getattr__``), so it imports the
generated package at the top.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncIterator, Iterator

from futureagi_simulate._answers import json_object
from futureagi_simulate._api.api.scenarios import get_scenario as _get
from futureagi_simulate._api.api.scenarios import list_scenarios as _list
from futureagi_simulate._api.models.list_scenarios_agent_type import ListScenariosAgentType
from futureagi_simulate._errors import InvalidArgumentError
from futureagi_simulate._flows import Exchange, single
from futureagi_simulate._models import Scenario, ScenarioPage
from futureagi_simulate._types import NOT_GIVEN, NotGiven
from futureagi_simulate._validate import IdLike, check_positive_int, check_text, check_uuid

from ._base import AsyncResource, PageExchange, Resource, async_rows, numbered, optional, optional_uuid, rows

__all__ = ["AsyncScenarios", "Scenarios"]

# The search goes into the URL, which servers and proxies cap at a few KB.
SEARCH_MAX_LENGTH = 1000


def parse_page(body: object) -> ScenarioPage:
    return ScenarioPage.from_dict(json_object(body), None, True)


def list_exchange(
    *,
    search: object = NOT_GIVEN,
    agent_definition_id: object = NOT_GIVEN,
    agent_type: object = NOT_GIVEN,
    page: object = NOT_GIVEN,
    limit: object = NOT_GIVEN,
) -> Exchange[ScenarioPage]:
    """The list request with only the parameters given (the open-source server refuses unknown ones)."""
    kwargs = _list.build_request_kwargs(
        search=optional(search, _check_search),
        agent_definition_id=optional_uuid("agent_definition_id", agent_definition_id),
        agent_type=optional(agent_type, _check_agent_type),
        page=optional(page, lambda v: check_positive_int("page", v)),
        limit=optional(limit, lambda v: check_positive_int("limit", v)),
    )
    return Exchange.from_generated("list scenarios", kwargs, parse_page)


def get_exchange(scenario_id: uuid.UUID) -> Exchange[Scenario]:
    def checked(body: object) -> Scenario:
        answer = Scenario.from_dict(json_object(body), None, True)
        if answer.id != scenario_id:
            raise ValueError(f"the answer is about scenario {answer.id}, not {scenario_id} as asked")
        return answer

    return Exchange.from_generated("get scenario", _get.build_request_kwargs(scenario_id), checked)


def _check_search(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError("search", f"must be a str, got {type(value).__name__}")
    if len(value) > SEARCH_MAX_LENGTH:
        raise InvalidArgumentError(
            "search", f"must be at most {SEARCH_MAX_LENGTH} characters, got {len(value):,}"
        )
    return check_text("search", value)


def _check_agent_type(value: object) -> ListScenariosAgentType:
    if value == "voice":
        return "voice"
    if value == "text":
        return "text"
    raise InvalidArgumentError("agent_type", f"must be 'voice' or 'text', got {value!r}")


def _page_exchanges(
    *, search: object, agent_definition_id: object, agent_type: object, page_size: object
) -> PageExchange:
    size = check_positive_int("page_size", page_size)
    exchanges = functools.partial(
        list_exchange,
        search=search,
        agent_definition_id=agent_definition_id,
        agent_type=agent_type,
        limit=size,
    )
    return numbered(exchanges)


class Scenarios(Resource):
    """Scenarios: list, iterate, read one."""

    __slots__ = ()

    def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_definition_id: IdLike | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> ScenarioPage:
        """One page of scenarios, newest first (``GET /simulate/scenarios/``). Only the parameters given
        are sent (server defaults: page 1, 10 per page). ``search`` matches the name, source or scenario
        type; ``agent_definition_id`` keeps one agent's scenarios; ``agent_type`` is ``"voice"`` or
        ``"text"`` (text includes prompt scenarios)."""
        exchange = list_exchange(
            search=search,
            agent_definition_id=agent_definition_id,
            agent_type=agent_type,
            page=page,
            limit=limit,
        )
        return self._run(single(exchange, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_definition_id: IdLike | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        page_size: int = 100,
    ) -> Iterator[Scenario]:
        """Every matching scenario, newest first, one page of ``page_size`` at a time; each once, and the
        walk ends however the server pages (as ``run_tests.iter``)."""
        exchanges = _page_exchanges(
            search=search, agent_definition_id=agent_definition_id, agent_type=agent_type, page_size=page_size
        )
        return rows(self._run, self._ctx, exchanges)

    def get(self, scenario_id: IdLike) -> Scenario:
        """The scenario (``GET /simulate/scenarios/{id}/``); its ``status`` says whether it can run
        (``Completed``). Unknown or deleted: ``NotFoundError``."""
        return self._run(single(get_exchange(check_uuid("scenario_id", scenario_id)), self._ctx))


class AsyncScenarios(AsyncResource):
    """Scenarios (asyncio): list, iterate, read one."""

    __slots__ = ()

    async def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_definition_id: IdLike | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> ScenarioPage:
        """One page of scenarios, newest first; see ``Scenarios.list``."""
        exchange = list_exchange(
            search=search,
            agent_definition_id=agent_definition_id,
            agent_type=agent_type,
            page=page,
            limit=limit,
        )
        return await self._run(single(exchange, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_definition_id: IdLike | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        page_size: int = 100,
    ) -> AsyncIterator[Scenario]:
        """Every matching scenario, newest first, for ``async for``."""
        exchanges = _page_exchanges(
            search=search, agent_definition_id=agent_definition_id, agent_type=agent_type, page_size=page_size
        )
        return async_rows(self._run, self._ctx, exchanges)

    async def get(self, scenario_id: IdLike) -> Scenario:
        """The scenario; see ``Scenarios.get``."""
        return await self._run(single(get_exchange(check_uuid("scenario_id", scenario_id)), self._ctx))
