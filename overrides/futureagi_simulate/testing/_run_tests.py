"""Run tests: create, list and execute one; read one, its scenarios, its executions and its eval summary,
in both dialects (``docs/dialects.md``: "Casing of the execute bodies", "Choosing scenarios", "Listing
run tests", "After execute", "Unknown ids", "Orderings").

Each operation is a handler the route table (``_routes.py``) calls with the app, the request and the ids
its path captured. What starting an execution checks (the body, the selection) is ``_execute``'s, shared
with the prompt-simulation execute; what an execution then does is the Store's.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._answers import RefusalError, bad_request, error_answer, json_answer
from ._dialects import server_envelope
from ._eval_summary import docs_summary_item, server_summary
from ._exchange import Answer, Exchange
from ._execute import chosen_scenarios, execute_body, start, started
from ._fields import Fields, lenient_query, read_json, strict_query
from ._paging import list_answer, page_and_limit
from ._records import ExecutionRecord, RunTestRecord

if TYPE_CHECKING:
    from ._served import Served
    from ._store import Store

__all__ = [
    "create_run_test",
    "execute_run_test",
    "get_eval_summary",
    "get_eval_summary_comparison",
    "get_run_test",
    "list_run_test_executions",
    "list_run_test_scenarios",
    "list_run_tests",
]

_CREATE_FIELDS = (
    "name",
    "description",
    "agent_definition_id",
    "scenario_ids",
    "dataset_row_ids",
    "eval_config_ids",
    "evaluations_config",
    "enable_tool_evaluation",
    "replay_session_id",
    "agent_version",
)
_LIST_PARAMETERS = ("search", "simulation_type", "prompt_template_id", "page", "limit")


def create_run_test(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    fields = Fields(read_json(exchange.body), _CREATE_FIELDS)
    name = fields.string("name", required=True, max_length=255)
    description = fields.string("description", required=False)
    agent_id = fields.an_id("agent_definition_id", required=True, nullable=False)
    scenario_ids = fields.ids("scenario_ids", required=True, non_empty=True)
    dataset_row_ids = fields.string_list("dataset_row_ids", max_length=255)
    fields.ids("eval_config_ids")  # accepted and ignored, as the server does
    evaluations = fields.objects("evaluations_config")
    enable_tool_evaluation = fields.boolean("enable_tool_evaluation")
    fields.an_id("replay_session_id")
    version_id = fields.an_id("agent_version")
    agent = app.store.agents.get(agent_id) if agent_id else None
    if agent_id and agent is None:
        fields.fail("agent_definition_id", "does_not_exist", f'Agent definition "{agent_id}" not found.')
    unknown = [str(s) for s in scenario_ids if s not in app.store.scenarios]
    if unknown:
        fields.fail("scenario_ids", "does_not_exist", f"Scenarios not found: {', '.join(unknown)}.")
    if agent is not None and version_id is not None and version_id != agent.version_id:
        fields.fail("agent_version", "does_not_exist", f'Agent version "{version_id}" not found.')
    evals = [_evaluation(fields, index, item) for index, item in enumerate(evaluations)]
    fields.done()
    assert name is not None
    assert agent is not None
    record = app.store.create_run_test(
        name=name,
        description=description or "",
        agent=agent,
        scenario_ids=scenario_ids,
        dataset_row_ids=dataset_row_ids,
        evals=[e for e in evals if e is not None],
        enable_tool_evaluation=enable_tool_evaluation,
    )
    return json_answer(201, app.store.run_test_json(record))


def _evaluation(fields: Fields, index: int, item: dict[str, Any]) -> dict[str, Any] | None:
    try:
        template = uuid.UUID(str(item.get("template_id")))
    except ValueError:
        fields.fail(
            f"evaluations_config[{index}].template_id", "required", "A valid template_id is required."
        )
        return None
    return {
        "id": str(uuid.uuid4()),
        "name": item.get("name") or f"Evaluation {index + 1}",
        "config": item.get("config") or {},
        "mapping": item.get("mapping") or {},
        "filters": item.get("filters") or [],
        "error_localizer": bool(item.get("error_localizer", False)),
        "model": item.get("model"),
        "status": "pending",
        "eval_group": item.get("eval_group"),
        "template_id": str(template),
    }


def list_run_tests(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    query = dict(exchange.query)  # Django's QueryDict: the last repeated value wins
    fields = strict_query(query, _LIST_PARAMETERS)
    simulation_type = query.get("simulation_type")
    if simulation_type is not None and simulation_type not in ("agent_definition", "prompt"):
        fields.fail("simulation_type", "invalid_choice", f'"{simulation_type}" is not a valid choice.')
    template = fields.an_id("prompt_template_id")
    page, limit = page_and_limit(fields, query)
    fields.done()
    search = query.get("search", "").lower()
    found = [
        r
        for r in app.store.newest_first()
        if search in r.name.lower()
        and (simulation_type is None or r.source_type == simulation_type)
        and (template is None or simulation_type != "prompt" or r.prompt_template == template)
    ]
    return list_answer(exchange, query, found, page, limit, app.store.run_test_json)


def execute_run_test(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = app.store.run_tests.get(uuid.UUID(ids["run_test_id"]))
    if record is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Run test not found"))
    # simulator_id is checked, not used: an unknown simulator falls back to the run test's own.
    select_all, chosen, _ = execute_body(app, exchange, with_simulator=True)
    if record.agent is not None and record.agent_version_id is None:
        raise bad_request("Test is not ready to run")
    # The open-source view ignores select_all whenever ids are given.
    selected = chosen_scenarios(app.store, record, chosen, ids_alone=app.dialect == "oss" or not select_all)
    execution = start(app.store, record, selected)
    return json_answer(200, started(app.dialect, record, execution, selected))


def get_run_test(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    return json_answer(200, app.store.run_test_json(_run_test(app, ids, "Run test not found")))


def list_run_test_scenarios(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _run_test(app, ids, "Run test not found")
    query = dict(exchange.query)
    fields = lenient_query(query)  # the server ignores query keys it does not know here
    page, limit = page_and_limit(fields, query)
    fields.done()
    search = query.get("search", "").lower()
    found = [
        s for s in app.store.scenarios_newest_first(record) if search in app.store.scenario_name(s).lower()
    ]
    return list_answer(
        exchange,
        query,
        found,
        page,
        limit,
        # row_count is the scenario's dataset rows: 0 for a scenario without a dataset, as all here are.
        lambda s: {"id": str(s), "name": app.store.scenario_name(s), "row_count": 0},
        past_end="Failed to retrieve scenarios: Invalid page.",
    )


def list_run_test_executions(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _run_test(app, ids, "Run test not found.")
    query = dict(exchange.query)
    fields = lenient_query(query)  # the server ignores query keys it does not know here
    page, limit = page_and_limit(fields, query)
    fields.done()
    wanted = query.get("status", "").lower()
    found = [e for e in app.store.executions_of(record.id) if not wanted or e.status == wanted]
    return list_answer(
        exchange,
        query,
        found,
        page,
        limit,
        lambda e: _execution_row(app.store, e, record),
        past_end="Failed to retrieve test executions: Invalid page.",
    )


def get_eval_summary(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _run_test(app, ids, "Run test not found.")
    query = dict(exchange.query)
    fields = strict_query(query, ("execution_id",)) if app.dialect == "oss" else lenient_query(query)
    execution_id = fields.an_id("execution_id")
    fields.done()
    if execution_id is None:
        executions = app.store.executions_of(record.id)
    else:
        execution = app.store.test_executions.get(execution_id)
        # The server filters the calls by the id: an unknown or foreign execution has none, a 200 with
        # zero counts (recorded), not a 404.
        executions = [execution] if execution is not None and execution.run_test_id == record.id else []
    if app.dialect == "docs":
        calls = [c for e in executions for c in e.calls if c.status == "completed"]
        items = [
            docs_summary_item(
                config,
                [c.eval_outputs[str(config["id"])] for c in calls if str(config["id"]) in c.eval_outputs],
            )
            for config in app.store.evals_newest_first(record)
        ]
        return json_answer(200, {"evaluations": items})
    return json_answer(200, server_envelope(server_summary(app.store, record, executions)))


def get_eval_summary_comparison(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    """``RunTestEvalSummaryComparisonView``: the eval summary of each execution asked for, by its id."""
    query = dict(exchange.query)
    fields = strict_query(query, ("execution_ids",)) if app.dialect == "oss" else lenient_query(query)
    raw = fields.string("execution_ids", required=True)
    wanted = _execution_ids(fields, raw)
    fields.done()
    record = _run_test(app, ids, "Run test not found.")
    try:
        asked = [uuid.UUID(str(item)) for item in wanted]
    except ValueError:
        # The serializer does not check the items; the server's query with a non-UUID one fails.
        message = "Unable to fetch evaluation summary. Please try again"
        raise RefusalError(error_answer(500, "server_error", "server_error", message)) from None
    by_id: dict[str, Any] = {}
    for execution_id in asked:
        execution = app.store.test_executions.get(execution_id)
        # As the summary: an unknown or foreign execution has no calls here, zero counts.
        executions = [execution] if execution is not None and execution.run_test_id == record.id else []
        if app.dialect == "docs":
            calls = [c for e in executions for c in e.calls if c.status == "completed"]
            by_id[str(execution_id)] = [
                docs_summary_item(
                    config,
                    [c.eval_outputs[str(config["id"])] for c in calls if str(config["id"]) in c.eval_outputs],
                )
                for config in app.store.evals_newest_first(record)
            ]
        elif record.evals:
            by_id[str(execution_id)] = server_summary(app.store, record, executions)
    return json_answer(200, by_id if app.dialect == "docs" else server_envelope(by_id))


def _execution_ids(fields: Fields, raw: str | None) -> list[Any]:
    """``EvalSummaryComparisonFilterSerializer.validate_execution_ids``: a non-empty JSON array."""
    if raw is None:
        return []
    try:
        parsed = json.loads(raw)
    except ValueError:
        fields.fail("execution_ids", "invalid", "execution_ids must be valid JSON")
        return []
    if not isinstance(parsed, list):
        fields.fail("execution_ids", "invalid", "execution_ids must be a JSON array")
        return []
    if not parsed:
        fields.fail("execution_ids", "invalid", "execution_ids list is required")
    return parsed


# -- shared pieces ------------------------------------------------------------------------------------------


def _run_test(app: Served, ids: Mapping[str, str], missing: str) -> RunTestRecord:
    # Each view words its 404 itself: some end with a period, some do not (recorded).
    record = app.store.run_tests.get(uuid.UUID(ids["run_test_id"]))
    if record is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", missing))
    return record


def _display(status: str) -> str:
    return status.capitalize()


def _execution_row(store: Store, execution: ExecutionRecord, run_test: RunTestRecord) -> dict[str, Any]:
    calls = execution.created_calls
    started = [c for c in calls if c.started_at is not None]
    completed = sum(c.status == "completed" for c in calls)
    durations = [c.duration for c in calls if c.duration is not None]
    agent = run_test.agent
    # The server counts calls only once the workflow has created them (0 while pending), and its
    # rates are over those.
    counted = len(calls) if started else 0
    rate = round(100 * completed / counted, 2) if counted else 0.0
    return {
        "id": str(execution.id),
        "status": _display(execution.status),
        "scenarios": ", ".join(store.scenario_name(s) for s in execution.scenario_ids),
        # When the execute call made it: what a client compares with the time of an ambiguous execute.
        # The server writes this one with "+00:00", not "Z".
        "start_time": execution.created_at.isoformat(),
        # Whole seconds; the calls run side by side, so the longest call's.
        "duration": int(max(durations)) if durations else 0,
        "error_reason": "All calls failed." if execution.status == "failed" else None,
        "success_rate": rate,
        "avg_response_time": 0.0,
        "calls": counted,
        "calls_attempted": len(started),
        "connected_calls": completed,
        # The list names the agent and its version; the run test object gives their ids.
        "agent_version": agent.version_name if agent else None,
        "agent_definition": agent.name if agent else None,
        "calls_connected_percentage": rate,
        "total_chats": counted if run_test.agent_type == "text" else 0,
        "agent_type": run_test.agent_type,
        "total_number_of_fagi_agent_turns": 0,
        "source_type": run_test.source_type,
    }
