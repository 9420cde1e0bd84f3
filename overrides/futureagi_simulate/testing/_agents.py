"""Agent definitions and their versions, in both dialects (``docs/dialects.md``, "Agent definitions and
agent versions").

A created version becomes the agent's active one and is listed first; a run test can be pinned to any
version of its agent (``createRunTest``'s ``agent_version``, ``updateRunTestComponents``' ``version``),
and each execution remembers the version it ran with, which a version's eval summary counts. Secrets a
create names are kept in the version and answered masked, never as given.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from ._answers import RefusalError, error_answer, json_answer
from ._dialects import server_envelope
from ._eval_summary import server_summary
from ._exchange import Answer, Exchange
from ._fields import Fields, lenient_query, read_json, strict_query
from ._paging import list_answer, page_and_limit
from ._records import AgentRecord, AgentVersionRecord

if TYPE_CHECKING:
    from ._served import Served

__all__ = [
    "VERSION_FIELDS",
    "create_agent_definition",
    "create_agent_version",
    "get_agent_definition",
    "get_agent_version",
    "get_agent_version_eval_summary",
    "list_agent_definitions",
    "list_agent_versions",
]

#: The version create's fields (``simulate/serializers/requests/agent_version.py``), snake_case.
VERSION_FIELDS = (
    "agent_name",
    "agent_type",
    "description",
    "provider",
    "api_key",
    "assistant_id",
    "authentication_method",
    "language",
    "languages",
    "contact_number",
    "inbound",
    "knowledge_base",
    "model",
    "model_details",
    "livekit_url",
    "livekit_api_key",
    "livekit_api_secret",
    "livekit_agent_name",
    "livekit_config_json",
    "livekit_max_concurrency",
    "observability_enabled",
    "commit_message",
)
#: The agent definition create's fields (``simulate/serializers/requests/agent_definition.py``).
DEFINITION_FIELDS = (*VERSION_FIELDS, "websocket_url", "websocket_headers", "replay_session_id")
_LIST_PARAMETERS = ("search", "agent_type", "agent_definition_id", "page", "limit")
#: Fields whose values are secrets: kept apart and answered masked.
SECRETS = frozenset({"api_key", "livekit_api_key", "livekit_api_secret"})


def camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def list_agent_definitions(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    query = dict(exchange.query)
    fields = strict_query(query, _LIST_PARAMETERS)
    agent_type = query.get("agent_type")
    if agent_type is not None and agent_type not in ("voice", "text"):
        fields.fail("agent_type", "invalid_choice", f'"{agent_type}" is not a valid choice.')
    first = fields.an_id("agent_definition_id")
    page, limit = page_and_limit(fields, query)
    fields.done()
    search = query.get("search", "").strip().lower()
    found = [
        a
        for a in app.store.agents_newest_first()
        if (agent_type is None or a.agent_type == agent_type) and _matches(app, a, search)
    ]
    # The view puts the agent named by agent_definition_id first (counted once), the others after it.
    pinned = [a for a in found if a.id == first]
    ordered = pinned + [a for a in found if a.id != first]
    return list_answer(exchange, query, ordered, page, limit, lambda a: app.store.agent_json(a, detail=False))


def _matches(app: Served, agent: AgentRecord, search: str) -> bool:
    if not search:
        return True
    row = app.store.agent_json(agent, detail=False)
    texts = (row["agent_name"], row["contact_number"], row["description"], row["assistant_id"])
    return any(isinstance(t, str) and search in t.lower() for t in texts)


def create_agent_definition(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    docs = app.dialect == "docs"
    wire = {name: camel(name) for name in DEFINITION_FIELDS} if docs else {n: n for n in DEFINITION_FIELDS}
    fields = Fields(read_json(exchange.body), list(wire.values()))
    name = fields.string(wire["agent_name"], required=True, max_length=255)
    agent_type = fields.string(wire["agent_type"], required=True)
    # The documentation makes commitMessage optional; the server's serializer requires it.
    message_key = wire["commit_message"]
    message = fields.string(message_key, required=not docs) or "Initial version"
    if message_key in fields.body and fields.body[message_key] == "":
        fields.fail(message_key, "blank", "This field may not be blank.")
    fields.an_id(wire["replay_session_id"])
    if agent_type is not None and agent_type not in ("voice", "text"):
        fields.fail(wire["agent_type"], "invalid_choice", f'"{agent_type}" is not a valid choice.')
    if name is not None and not name.strip():
        fields.fail(wire["agent_name"], "invalid", "Agent name is required")
    configuration, secrets = _configuration(
        fields, wire, tuple(n for n in DEFINITION_FIELDS if n not in ("agent_name", "agent_type"))
    )
    if agent_type == "voice" and not configuration.get("provider"):
        fields.fail(wire["provider"], "invalid", "Please select a provider")
    fields.done()
    assert name is not None
    assert agent_type is not None
    agent = app.store.create_agent(
        name=name, agent_type=agent_type, commit_message=message, configuration=configuration, secrets=secrets
    )
    body = app.store.agent_json(agent, detail=False) | {
        k: v
        for k, v in app.store.agent_json(agent, detail=True).items()
        if k not in ("versions", "active_version", "version_count")
    }
    if docs:
        # The documented example answers the agent's keys in camelCase.
        body = {camel(k): v for k, v in body.items() if k not in ("latest_version", "latest_version_id")}
    else:
        body = {k: v for k, v in body.items() if k not in ("latest_version", "latest_version_id")}
    return json_answer(201, {"message": "Agent definition created successfully", "agent": body})


def get_agent_definition(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    return json_answer(200, app.store.agent_json(_agent(app, ids), detail=True))


#: How each configuration field is read (the serializers' field types): text (nullable or not, with a
#: maximum length), a bool, a list of text, a UUID, a JSON object, an int of at least 1.
_KINDS: dict[str, tuple[str, int | None]] = {
    "agent_name": ("text", 255),
    "agent_type": ("text", None),
    "description": ("text?", None),
    "provider": ("text?", None),
    "api_key": ("text?", None),
    "assistant_id": ("text?", None),
    "authentication_method": ("text?", None),
    "language": ("text?", None),
    "languages": ("texts", None),
    "contact_number": ("text?", None),
    "inbound": ("bool", None),
    "knowledge_base": ("uuid", None),
    "model": ("text?", None),
    "model_details": ("object", None),
    "livekit_url": ("text", 500),
    "livekit_api_key": ("text", 255),
    "livekit_api_secret": ("text", 500),
    "livekit_agent_name": ("text", 255),
    "livekit_config_json": ("object", None),
    "livekit_max_concurrency": ("int", None),
    "observability_enabled": ("bool", None),
    "websocket_url": ("text?", None),
    "websocket_headers": ("object", None),
}


def _configuration(
    fields: Fields, wire: dict[str, str], names: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The configuration fields a create names (not its commit message or replay session), each read as
    its serializer reads it, and its secrets apart."""
    configuration: dict[str, Any] = {}
    secrets: dict[str, str] = {}
    for name in names:
        key = wire[name]
        if name in ("commit_message", "replay_session_id") or key not in fields.body:
            continue
        kind, max_length = _KINDS[name]
        value = fields.body[key]
        if kind in ("text", "text?"):
            if value is None and kind == "text?":
                configuration[name] = None
                continue
            value = fields.string(key, required=False, max_length=max_length)
            if value is None:
                if fields.body[key] is None:
                    fields.fail(key, "null", "This field may not be null.")
                continue
        elif kind == "bool":
            if not isinstance(value, bool):
                fields.fail(key, "invalid", "Must be a valid boolean.")
                continue
        elif kind == "texts":
            if value is not None:
                value = fields.string_list(key, max_length=10_000)
        elif kind == "uuid":
            value = fields.an_id(key)
            value = None if value is None else str(value)
        elif kind == "object":
            if value is not None and not isinstance(value, dict):
                fields.fail(key, "invalid", "Value must be valid JSON.")
                continue
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            fields.fail(key, "invalid", "A valid integer of at least 1 is required.")
            continue
        if name in SECRETS:
            if value:
                secrets[name] = value
        else:
            configuration[name] = value
    return configuration, secrets


def list_agent_versions(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    agent = _agent(app, ids)
    query = dict(exchange.query)
    fields = lenient_query(query)  # the view reads page and limit and ignores other keys
    page, limit = page_and_limit(fields, query)
    fields.done()
    versions = app.store.versions_of(agent.id)
    return list_answer(
        exchange, query, versions, page, limit, lambda v: app.store.version_json(v, detail=False)
    )


def create_agent_version(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    agent = _agent(app, ids)
    wire = (
        {name: camel(name) for name in VERSION_FIELDS}
        if app.dialect == "docs"
        else {n: n for n in VERSION_FIELDS}
    )
    fields = Fields(read_json(exchange.body), list(wire.values()))
    message_key = wire["commit_message"]
    # The documentation requires commitMessage; the server defaults it to "".
    message = fields.string(message_key, required=app.dialect == "docs") or ""
    if app.dialect == "docs" and message_key in fields.body and not message.strip():
        fields.fail(message_key, "blank", "This field may not be blank.")
    configuration, secrets = _configuration(fields, wire, VERSION_FIELDS)
    if configuration.get("agent_type") not in (None, "voice", "text"):
        choice = configuration["agent_type"]
        fields.fail(wire["agent_type"], "invalid_choice", f'"{choice}" is not a valid choice.')
    fields.done()
    version = app.store.create_agent_version(
        agent, commit_message=message, configuration=configuration, secrets=secrets
    )
    body = {
        "message": "Agent version created successfully",
        "version": app.store.version_json(version, detail=True),
    }
    return json_answer(201, body)


def get_agent_version(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    version = _version(app, _agent(app, ids), ids)
    return json_answer(200, app.store.version_json(version, detail=True))


def get_agent_version_eval_summary(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    agent = app.store.agents.get(uuid.UUID(ids["agent_id"]))
    version = app.store.agent_versions.get(uuid.UUID(ids["version_id"]))
    if agent is None or version is None or version.agent_id != agent.id:
        if app.dialect == "oss":
            # The view catches every failure, a missing version included, as one 500.
            sentence = "Unable to fetch eval summary."
            raise RefusalError(error_answer(500, "server_error", "server_error", sentence))
        raise RefusalError(error_answer(404, "not_found", "not_found", "Agent version not found"))
    # The calls made with this version: of every execution that ran pinned to it, under its run test's
    # eval configs.
    items: list[dict[str, Any]] = []
    for run_test in app.store.newest_first():
        executions = [e for e in app.store.executions_of(run_test.id) if e.agent_version_id == version.id]
        if executions and run_test.evals:
            items.extend(server_summary(app.store, run_test, executions))
    if app.dialect == "oss":
        return json_answer(200, server_envelope(items))
    return json_answer(200, [_docs_item(item) for item in items])


def _docs_item(item: dict[str, Any]) -> dict[str, Any]:
    # The documented shape: per template, counts over its configs' counted outputs.
    passed = sum(int(s["output"].get("pass_count", 0)) for s in item["result"])
    failed = sum(int(s["output"].get("fail_count", 0)) for s in item["result"])
    total = sum(int(s["total_cells"]) for s in item["result"])
    return {
        "eval_id": item["id"],
        "eval_name": item["name"],
        "eval_type": item["output_type"],
        "total": total,
        "pass": passed,
        "fail": failed,
        "error": 0,
        "pass_rate": round(100 * passed / total, 2) if total else 0.0,
    }


def _agent(app: Served, ids: dict[str, str]) -> AgentRecord:
    agent = app.store.agents.get(uuid.UUID(ids["agent_id"]))
    if agent is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Agent definition not found"))
    return agent


def _version(app: Served, agent: AgentRecord, ids: dict[str, str]) -> AgentVersionRecord:
    version = app.store.agent_versions.get(uuid.UUID(ids["version_id"]))
    if version is None or version.agent_id != agent.id:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Agent version not found"))
    return version
