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
from ._fields import Fields, lenient_query, read_json
from ._paging import list_answer, page_and_limit
from ._records import AgentRecord, AgentVersionRecord

if TYPE_CHECKING:
    from ._served import Served

__all__ = [
    "VERSION_FIELDS",
    "create_agent_version",
    "get_agent_version",
    "get_agent_version_eval_summary",
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
#: Fields whose values are secrets: kept apart and answered masked.
SECRETS = frozenset({"api_key", "livekit_api_key", "livekit_api_secret"})


def camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


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
    configuration: dict[str, Any] = {}
    secrets: dict[str, str] = {}
    for name in VERSION_FIELDS[:-1]:
        key = wire[name]
        if key not in fields.body:
            continue
        value = fields.body[key]
        if name in SECRETS:
            if value is not None and not isinstance(value, str):
                fields.fail(key, "invalid", "Not a valid string.")
            elif value:
                secrets[name] = value
        else:
            configuration[name] = value
    if "agent_type" in configuration and configuration["agent_type"] not in ("voice", "text"):
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
