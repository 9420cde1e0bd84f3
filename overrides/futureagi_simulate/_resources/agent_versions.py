"""``client.agent_versions`` (``AgentVersions``) and ``AsyncAgentVersions``: the versions of an agent
definition, whole: list, iterate, read one, create one, and one version's eval summary.

Every method takes the agent definition's id first. A version's configuration snapshot may hold the
agent's secrets (its provider's API key, LiveKit's key and secret): the server masks them, and the client
replaces them with ``[REDACTED]`` before the answer becomes a model (``_redaction.redact_fields``), so no
repr, pickle, report or log line holds one. A create body's secrets are redacted from its errors.

Loaded on a client's first use of ``agent_versions`` (``_resources``'s ``__getattr__``), so it imports
the generated package at the top.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any

from futureagi_simulate._answers import envelope_key, json_object, shallow_object, unwrap_array
from futureagi_simulate._api.api.agent_versions import create_agent_version as _create
from futureagi_simulate._api.api.agent_versions import get_agent_version as _get
from futureagi_simulate._api.api.agent_versions import get_agent_version_eval_summary as _eval_summary
from futureagi_simulate._api.api.agent_versions import list_agent_versions as _list
from futureagi_simulate._api.models.agent_version_eval_summary_docs_item import (
    AgentVersionEvalSummaryDocsItem,
)
from futureagi_simulate._api.models.create_agent_version_request_camel import CreateAgentVersionRequestCamel
from futureagi_simulate._api.models.create_agent_version_request_snake import CreateAgentVersionRequestSnake
from futureagi_simulate._api.models.eval_summary_server_item import EvalSummaryServerItem
from futureagi_simulate._api.types import ParseError, wrong_type
from futureagi_simulate._flows import Casing, Exchange, negotiated, single
from futureagi_simulate._models import AgentVersionDetail, AgentVersionPage, AgentVersionSummary
from futureagi_simulate._redaction import redact_fields
from futureagi_simulate._results import EvalSummary
from futureagi_simulate._types import NOT_GIVEN, NotGiven
from futureagi_simulate._validate import IdLike, check_positive_int, check_uuid

from ._agent_fields import camel_body, check_commit_message, check_configuration
from ._base import AsyncResource, PageExchange, Resource, async_rows, numbered, optional, rows

__all__ = ["AgentVersions", "AsyncAgentVersions", "parse_version"]


# Reading answers ------------------------------------------------------------------------------------------


def parse_version(body: object) -> AgentVersionDetail:
    """A version, its secret fields redacted before it becomes a model."""
    return AgentVersionDetail.from_dict(redact_fields(json_object(body)), None, True)


def parse_created(body: object) -> AgentVersionDetail:
    """``{"message": ..., "version": {...}}`` (both dialects): the version."""
    version = shallow_object(body).get("version")
    if not isinstance(version, dict):
        raise wrong_type("object", version, "version")
    return parse_version(version)


def parse_page(body: object) -> AgentVersionPage:
    return AgentVersionPage.from_dict(redact_fields(json_object(body)), None, True)


def parse_eval_summary(body: object) -> EvalSummary:
    """The open-source server's ``{"status": true, "result": [per template]}``, or the documented bare
    array of ``{eval_id, eval_name, total, pass, fail, error, pass_rate}``."""
    if isinstance(body, list):
        items = []
        for index, item in enumerate(body):
            if not isinstance(item, dict):
                raise wrong_type("object", item, index)
            items.append(AgentVersionEvalSummaryDocsItem.from_dict(item))
        return EvalSummary.from_version_docs(items)
    answer = shallow_object(body)
    key = envelope_key(answer, own=())
    if key is None:
        raise ParseError("expected an array, or an object with a result array")
    return EvalSummary.from_server(unwrap_array(answer, key=key, parse=EvalSummaryServerItem.from_dict))


# Building requests ---------------------------------------------------------------------------------------


def list_exchange(
    agent_id: uuid.UUID, *, page: object = NOT_GIVEN, limit: object = NOT_GIVEN
) -> Exchange[AgentVersionPage]:
    kwargs = _list.build_request_kwargs(
        agent_id,
        page=optional(page, lambda v: check_positive_int("page", v)),
        limit=optional(limit, lambda v: check_positive_int("limit", v)),
    )
    return Exchange.from_generated("list agent versions", kwargs, parse_page)


def get_exchange(agent_id: uuid.UUID, version_id: uuid.UUID) -> Exchange[AgentVersionDetail]:
    return Exchange.from_generated(
        "get agent version",
        _get.build_request_kwargs(agent_id, version_id),
        _about(version_id, parse_version),
    )


def eval_summary_exchange(agent_id: uuid.UUID, version_id: uuid.UUID) -> Exchange[EvalSummary]:
    kwargs = _eval_summary.build_request_kwargs(agent_id, version_id)
    return Exchange.from_generated("get agent version eval summary", kwargs, parse_eval_summary)


def create_builder(
    agent_id: object, *, commit_message: object, configuration: object
) -> Callable[[Casing], Exchange[AgentVersionDetail]]:
    """Checks the arguments now and returns a builder of the create for either casing: camelCase in the
    documented dialect, snake_case on the open-source server, which refuses unknown keys with a 400 before
    it creates anything (so the one resend in snake_case cannot make a second version)."""
    agent = check_uuid("agent_id", agent_id)
    message = check_commit_message(commit_message)
    fields = {} if configuration is None else check_configuration("configuration", configuration)
    snake = {**fields, "commit_message": message}

    def build(casing: Casing) -> Exchange[AgentVersionDetail]:
        body: CreateAgentVersionRequestCamel | CreateAgentVersionRequestSnake
        if casing == "snake":
            body = CreateAgentVersionRequestSnake.from_dict(snake)
        else:
            body = CreateAgentVersionRequestCamel.from_dict(camel_body(snake))
        kwargs = _create.build_request_kwargs(agent, body=body)
        return Exchange.from_generated("create agent version", kwargs, parse_created)

    return build


def _about(
    version_id: uuid.UUID, parse: Callable[[object], AgentVersionDetail]
) -> Callable[[object], AgentVersionDetail]:
    def checked(body: object) -> AgentVersionDetail:
        answer = parse(body)
        if answer.id != version_id:
            raise ValueError(f"the answer is about agent version {answer.id}, not {version_id} as asked")
        return answer

    return checked


def _page_exchanges(agent_id: object, page_size: object) -> PageExchange:
    agent = check_uuid("agent_id", agent_id)
    size = check_positive_int("page_size", page_size)
    exchanges = functools.partial(list_exchange, agent, limit=size)
    return numbered(exchanges)


# The classes ------------------------------------------------------------------------------------------


class AgentVersions(Resource):
    """An agent definition's versions: list, iterate, read one, create one, eval summary."""

    __slots__ = ()

    def list(
        self, agent_id: IdLike, *, page: int | NotGiven = NOT_GIVEN, limit: int | NotGiven = NOT_GIVEN
    ) -> AgentVersionPage:
        """One page of the agent's versions, newest first (``GET .../agent-definitions/{id}/versions/``).
        Only the parameters given are sent (server defaults: page 1, 10 per page). Unknown agent:
        ``NotFoundError``."""
        exchange = list_exchange(check_uuid("agent_id", agent_id), page=page, limit=limit)
        return self._run(single(exchange, self._ctx))

    def iter(self, agent_id: IdLike, *, page_size: int = 100) -> Iterator[AgentVersionSummary]:
        """Every version of the agent, newest first, one page of ``page_size`` at a time; each version
        once, and the walk ends however the server pages (as ``run_tests.iter``)."""
        return rows(self._run, self._ctx, _page_exchanges(agent_id, page_size))

    def get(self, agent_id: IdLike, version_id: IdLike) -> AgentVersionDetail:
        """One version with its configuration snapshot, secrets redacted. Unknown agent or version (or a
        version of another agent): ``NotFoundError``."""
        exchange = get_exchange(check_uuid("agent_id", agent_id), check_uuid("version_id", version_id))
        return self._run(single(exchange, self._ctx))

    def create(
        self, agent_id: IdLike, *, commit_message: str, configuration: Mapping[str, Any] | None = None
    ) -> AgentVersionDetail:
        """Creates a version of the agent (``POST .../versions/create/``); the server makes it the active
        one. Returns it (``id``, ``version_number``, ``configuration_snapshot`` with secrets redacted).

        ``configuration`` holds the fields that change, snake_case (``agent_name``, ``description``,
        ``model``, ``model_details``, ``api_key``, ``livekit_url``, ... : ``_agent_fields.AGENT_FIELDS``);
        the others keep the agent's values. Each is checked before anything is sent, and
        ``commit_message`` must not be blank. A POST: never resent after it may have reached the server
        (a second create is a second version); only a 400 that names camelCase keys unknown, which created
        nothing, is resent once in snake_case. Unknown agent: ``NotFoundError``.
        """
        build = create_builder(agent_id, commit_message=commit_message, configuration=configuration)
        return self._run(negotiated(build, self._ctx))

    def eval_summary(self, agent_id: IdLike, version_id: IdLike) -> EvalSummary:
        """How the completed calls made with this version did, per eval, in one shape for both dialects
        (the open-source server's items per eval config; the documented ones per eval template, named so).
        The open-source server answers an unknown version with a 500, the documentation a 404."""
        exchange = eval_summary_exchange(
            check_uuid("agent_id", agent_id), check_uuid("version_id", version_id)
        )
        return self._run(single(exchange, self._ctx))


class AsyncAgentVersions(AsyncResource):
    """An agent definition's versions (asyncio): list, iterate, read one, create one, eval summary."""

    __slots__ = ()

    async def list(
        self, agent_id: IdLike, *, page: int | NotGiven = NOT_GIVEN, limit: int | NotGiven = NOT_GIVEN
    ) -> AgentVersionPage:
        """One page of the agent's versions, newest first; see ``AgentVersions.list``."""
        exchange = list_exchange(check_uuid("agent_id", agent_id), page=page, limit=limit)
        return await self._run(single(exchange, self._ctx))

    def iter(self, agent_id: IdLike, *, page_size: int = 100) -> AsyncIterator[AgentVersionSummary]:
        """Every version of the agent, newest first, for ``async for``."""
        return async_rows(self._run, self._ctx, _page_exchanges(agent_id, page_size))

    async def get(self, agent_id: IdLike, version_id: IdLike) -> AgentVersionDetail:
        """One version; see ``AgentVersions.get``."""
        exchange = get_exchange(check_uuid("agent_id", agent_id), check_uuid("version_id", version_id))
        return await self._run(single(exchange, self._ctx))

    async def create(
        self, agent_id: IdLike, *, commit_message: str, configuration: Mapping[str, Any] | None = None
    ) -> AgentVersionDetail:
        """Creates a version of the agent; never resent after it may have reached the server. See
        ``AgentVersions.create``."""
        build = create_builder(agent_id, commit_message=commit_message, configuration=configuration)
        return await self._run(negotiated(build, self._ctx))

    async def eval_summary(self, agent_id: IdLike, version_id: IdLike) -> EvalSummary:
        """How the calls made with this version did; see ``AgentVersions.eval_summary``."""
        exchange = eval_summary_exchange(
            check_uuid("agent_id", agent_id), check_uuid("version_id", version_id)
        )
        return await self._run(single(exchange, self._ctx))
