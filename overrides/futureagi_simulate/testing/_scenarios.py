"""The workspace's scenarios: list (newest first, filtered as the server filters) and read one, the same
in both dialects (``docs/dialects.md``, "Scenarios")."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from ._answers import RefusalError, error_answer, json_answer
from ._exchange import Answer, Exchange
from ._fields import strict_query
from ._paging import list_answer, page_and_limit
from ._records import ScenarioRecord

if TYPE_CHECKING:
    from ._served import Served

__all__ = ["get_scenario", "list_scenarios"]

_LIST_PARAMETERS = ("search", "agent_definition_id", "agent_type", "page", "limit")


def list_scenarios(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    query = dict(exchange.query)
    fields = strict_query(query, _LIST_PARAMETERS)
    agent_type = query.get("agent_type")
    if agent_type is not None and agent_type not in ("voice", "text"):
        fields.fail("agent_type", "invalid_choice", f'"{agent_type}" is not a valid choice.')
    agent_id = fields.an_id("agent_definition_id")
    page, limit = page_and_limit(fields, query)
    fields.done()
    search = query.get("search", "").strip().lower()
    store = app.store
    found = [
        s
        for s in reversed(store.scenarios.values())
        if (agent_id is None or s.agent_id == agent_id)
        and (agent_type is None or _agent_type(app, s) == agent_type)
        # The server matches the name, the source and the scenario type (the seed's: "graph").
        and (not search or search in s.name.lower() or search in "emulator seed" or search in "graph")
    ]
    return list_answer(exchange, query, found, page, limit, lambda s: store.scenario_json(s.id))


def get_scenario(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    scenario_id = uuid.UUID(ids["scenario_id"])
    if scenario_id not in app.store.scenarios:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Scenario not found"))
    return json_answer(200, app.store.scenario_json(scenario_id))


def _agent_type(app: Served, scenario: ScenarioRecord) -> str | None:
    # A prompt scenario counts as text, as the server's filter has it.
    if scenario.source_type == "prompt":
        return "text"
    agent = app.store.agents.get(scenario.agent_id) if scenario.agent_id else None
    return agent.agent_type if agent else None
