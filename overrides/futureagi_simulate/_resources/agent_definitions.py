"""``client.agent_definitions`` (``AgentDefinitions``) and ``AsyncAgentDefinitions``: the agents under
test, whole: list, iterate, read one (with its versions), create one (with its first version).

An agent definition carries its provider's API key and LiveKit's key and secret. The client replaces
every such value it receives with ``[REDACTED]`` before the answer becomes a model
(``_redaction.redact_fields``), and the values a create sends are redacted from its errors, so none
reaches a repr, a pickle, a report or a log line.

Loaded on a client's first use of ``agent_definitions`` (``_resources``'s ``__getattr__``), so it imports
the generated package at the top.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any

from futureagi_simulate._answers import json_object, shallow_object
from futureagi_simulate._api.api.agent_definitions import create_agent_definition as _create
from futureagi_simulate._api.api.agent_definitions import get_agent_definition as _get
from futureagi_simulate._api.api.agent_definitions import list_agent_definitions as _list
from futureagi_simulate._api.models.create_agent_definition_request_camel import (
    CreateAgentDefinitionRequestCamel,
)
from futureagi_simulate._api.models.create_agent_definition_request_snake import (
    CreateAgentDefinitionRequestSnake,
)
from futureagi_simulate._api.models.list_agent_definitions_agent_type import ListAgentDefinitionsAgentType
from futureagi_simulate._api.types import wrong_type
from futureagi_simulate._errors import InvalidArgumentError
from futureagi_simulate._flows import Casing, Exchange, negotiated, single
from futureagi_simulate._models import AgentDefinition, AgentDefinitionPage, AgentDefinitionSummary
from futureagi_simulate._redaction import redact_fields
from futureagi_simulate._types import NOT_GIVEN, NotGiven
from futureagi_simulate._validate import IdLike, check_positive_int, check_text, check_uuid

from ._agent_fields import DEFINITION_FIELDS, camel, camel_body, check_commit_message, check_configuration
from ._base import AsyncResource, PageExchange, Resource, async_rows, numbered, optional, optional_uuid, rows

__all__ = ["AgentDefinitions", "AsyncAgentDefinitions", "parse_agent"]

# The search goes into the URL, which servers and proxies cap at a few KB.
SEARCH_MAX_LENGTH = 1000
_SNAKE_NAMES = {camel(name): name for name in (*DEFINITION_FIELDS, "created_at", "updated_at")}


# Reading answers ------------------------------------------------------------------------------------------


def _snake_keys(body: dict[str, Any]) -> dict[str, Any]:
    """The documentation's example answers an agent's keys in camelCase (``agentName``): each known one is
    read under its snake_case name, unless that name is there too."""
    return {
        (_SNAKE_NAMES[k] if k in _SNAKE_NAMES and _SNAKE_NAMES[k] not in body else k): v
        for k, v in body.items()
    }


def parse_agent(body: object) -> AgentDefinition:
    """An agent definition, its keys in snake_case and its secret fields redacted before it becomes a
    model."""
    return AgentDefinition.from_dict(redact_fields(_snake_keys(json_object(body))), None, True)


def parse_created(body: object) -> AgentDefinition:
    """``{"message": ..., "agent": {...}}``: the agent."""
    agent = shallow_object(body).get("agent")
    if not isinstance(agent, dict):
        raise wrong_type("object", agent, "agent")
    return parse_agent(agent)


def parse_page(body: object) -> AgentDefinitionPage:
    return AgentDefinitionPage.from_dict(redact_fields(json_object(body)), None, True)


# Building requests ---------------------------------------------------------------------------------------


def list_exchange(
    *,
    search: object = NOT_GIVEN,
    agent_type: object = NOT_GIVEN,
    first: object = NOT_GIVEN,
    page: object = NOT_GIVEN,
    limit: object = NOT_GIVEN,
) -> Exchange[AgentDefinitionPage]:
    """The list request with only the parameters given (the open-source server refuses unknown ones)."""
    kwargs = _list.build_request_kwargs(
        search=optional(search, _check_search),
        agent_type=optional(agent_type, _check_agent_type),
        agent_definition_id=optional_uuid("first", first),
        page=optional(page, lambda v: check_positive_int("page", v)),
        limit=optional(limit, lambda v: check_positive_int("limit", v)),
    )
    return Exchange.from_generated("list agent definitions", kwargs, parse_page)


def get_exchange(agent_id: uuid.UUID) -> Exchange[AgentDefinition]:
    def checked(body: object) -> AgentDefinition:
        answer = parse_agent(body)
        if answer.id != agent_id:
            raise ValueError(f"the answer is about agent definition {answer.id}, not {agent_id} as asked")
        return answer

    return Exchange.from_generated("get agent definition", _get.build_request_kwargs(agent_id), checked)


def create_builder(
    *, agent_name: object, agent_type: object, commit_message: object, configuration: object
) -> Callable[[Casing], Exchange[AgentDefinition]]:
    """Checks the arguments now and returns a builder of the create for either casing (camelCase in the
    documentation; snake_case on the open-source server, which refuses unknown keys before it creates
    anything, so the one resend in snake_case cannot make a second agent)."""
    named = check_configuration("configuration", {"agent_name": agent_name}, DEFINITION_FIELDS)
    typed = check_configuration(
        "configuration", {"agent_type": _check_agent_type(agent_type)}, DEFINITION_FIELDS
    )
    message = check_commit_message(commit_message)
    fields = (
        {}
        if configuration is None
        else check_configuration("configuration", configuration, DEFINITION_FIELDS)
    )
    for name in ("agent_name", "agent_type"):
        if name in fields:
            raise InvalidArgumentError(
                f"configuration.{name}", f"is given as the {name} argument; leave it out here"
            )
    snake = {**named, **typed, **fields, "commit_message": message}

    def build(casing: Casing) -> Exchange[AgentDefinition]:
        body: CreateAgentDefinitionRequestCamel | CreateAgentDefinitionRequestSnake
        if casing == "snake":
            body = CreateAgentDefinitionRequestSnake.from_dict(snake)
        else:
            body = CreateAgentDefinitionRequestCamel.from_dict(camel_body(snake))
        return Exchange.from_generated(
            "create agent definition", _create.build_request_kwargs(body=body), parse_created
        )

    return build


def _check_search(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError("search", f"must be a str, got {type(value).__name__}")
    if len(value) > SEARCH_MAX_LENGTH:
        raise InvalidArgumentError(
            "search", f"must be at most {SEARCH_MAX_LENGTH} characters, got {len(value):,}"
        )
    return check_text("search", value)


def _check_agent_type(value: object) -> ListAgentDefinitionsAgentType:
    if value == "voice":
        return "voice"
    if value == "text":
        return "text"
    raise InvalidArgumentError("agent_type", f"must be 'voice' or 'text', got {value!r}")


def _page_exchanges(*, search: object, agent_type: object, page_size: object) -> PageExchange:
    size = check_positive_int("page_size", page_size)
    exchanges = functools.partial(list_exchange, search=search, agent_type=agent_type, limit=size)
    return numbered(exchanges)


# The classes ------------------------------------------------------------------------------------------


class AgentDefinitions(Resource):
    """Agent definitions: list, iterate, read one, create one."""

    __slots__ = ()

    def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        first: IdLike | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> AgentDefinitionPage:
        """One page of agent definitions, newest first (``GET /simulate/agent-definitions/``). Only the
        parameters given are sent (server defaults: page 1, 10 per page). ``search`` matches the name,
        contact number, description or assistant id; ``agent_type`` is ``"voice"`` or ``"text"``;
        ``first`` (the wire's ``agent_definition_id``) puts that agent first on page 1. The rows hold no
        secret."""
        exchange = list_exchange(search=search, agent_type=agent_type, first=first, page=page, limit=limit)
        return self._run(single(exchange, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        page_size: int = 100,
    ) -> Iterator[AgentDefinitionSummary]:
        """Every matching agent definition, newest first, one page of ``page_size`` at a time; each once,
        and the walk ends however the server pages (as ``run_tests.iter``)."""
        return rows(
            self._run, self._ctx, _page_exchanges(search=search, agent_type=agent_type, page_size=page_size)
        )

    def get(self, agent_id: IdLike) -> AgentDefinition:
        """The agent definition with ``versions`` (newest first), ``active_version`` and
        ``version_count``; its secrets ``[REDACTED]``. Unknown or deleted: ``NotFoundError``."""
        return self._run(single(get_exchange(check_uuid("agent_id", agent_id)), self._ctx))

    def create(
        self,
        *,
        agent_name: str,
        agent_type: str,
        commit_message: str,
        configuration: Mapping[str, Any] | None = None,
    ) -> AgentDefinition:
        """Creates an agent definition and its first version (``POST /simulate/agent-definitions/create/``).

        ``agent_type`` is ``"voice"`` (the server then requires ``provider`` and a contact number or
        ``api_key`` and ``assistant_id``) or ``"text"``. ``configuration`` holds the other fields,
        snake_case (``description``, ``provider``, ``api_key``, ``model``, ``livekit_url``,
        ``websocket_url``, ...: ``_agent_fields.DEFINITION_FIELDS``), each checked before anything is sent.
        A POST: never resent after it may have reached the server (a second create is a second agent);
        only a 400 naming camelCase keys unknown, which created nothing, is resent once in snake_case.
        Returns the agent, its secrets ``[REDACTED]``.
        """
        build = create_builder(
            agent_name=agent_name,
            agent_type=agent_type,
            commit_message=commit_message,
            configuration=configuration,
        )
        return self._run(negotiated(build, self._ctx))


class AsyncAgentDefinitions(AsyncResource):
    """Agent definitions (asyncio): list, iterate, read one, create one."""

    __slots__ = ()

    async def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        first: IdLike | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> AgentDefinitionPage:
        """One page of agent definitions, newest first; see ``AgentDefinitions.list``."""
        exchange = list_exchange(search=search, agent_type=agent_type, first=first, page=page, limit=limit)
        return await self._run(single(exchange, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        agent_type: str | NotGiven = NOT_GIVEN,
        page_size: int = 100,
    ) -> AsyncIterator[AgentDefinitionSummary]:
        """Every matching agent definition, newest first, for ``async for``."""
        return async_rows(
            self._run, self._ctx, _page_exchanges(search=search, agent_type=agent_type, page_size=page_size)
        )

    async def get(self, agent_id: IdLike) -> AgentDefinition:
        """The agent definition with its versions; see ``AgentDefinitions.get``."""
        return await self._run(single(get_exchange(check_uuid("agent_id", agent_id)), self._ctx))

    async def create(
        self,
        *,
        agent_name: str,
        agent_type: str,
        commit_message: str,
        configuration: Mapping[str, Any] | None = None,
    ) -> AgentDefinition:
        """Creates an agent definition and its first version; never resent after it may have reached the
        server. See ``AgentDefinitions.create``."""
        build = create_builder(
            agent_name=agent_name,
            agent_type=agent_type,
            commit_message=commit_message,
            configuration=configuration,
        )
        return await self._run(negotiated(build, self._ctx))
