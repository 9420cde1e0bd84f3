"""The five endpoints the public documentation describes: create and list run tests, execute one, and
get and execute a prompt simulation, in both dialects (``docs/dialects.md``, from "Casing of the execute
bodies" to "Listing run tests").

Each is a handler the route table (``_routes.py``) calls with the app, the request and the ids its path
captured. The selection rules of the two execute operations (which scenarios ``select_all`` and
``scenario_ids`` pick, where the server and the documentation disagree) are here; what an execution
then does is the Store's.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from ._answers import RefusalError, bad_request, error_answer, json_answer
from ._dialects import CAMEL, Dialect, docs_envelope, server_envelope
from ._exchange import Answer, Exchange
from ._fields import Fields, read_json, strict_query
from ._paging import list_answer, page_and_limit
from ._store import RunTestRecord, Store

if TYPE_CHECKING:
    from ._app import EmulatorApp

__all__ = [
    "create_run_test",
    "execute_prompt_simulation",
    "execute_run_test",
    "get_prompt_simulation",
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


def create_run_test(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
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


def list_run_tests(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
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


def execute_run_test(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = app.store.run_tests.get(uuid.UUID(ids["run_test_id"]))
    if record is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Run test not found"))
    # simulator_id is checked, not used: an unknown simulator falls back to the run test's own.
    select_all, chosen, _ = _execute_body(app, exchange, with_simulator=True)
    if record.agent is not None and record.agent_version_id is None:
        raise bad_request("Test is not ready to run")
    # The open-source view ignores select_all whenever ids are given.
    selected = _selected(app.store, record, chosen, ids_alone=app.dialect == "oss" or not select_all)
    execution = _start(app.store, record, selected)
    return json_answer(200, _execution_snake(app.dialect, record, execution, selected))


def get_prompt_simulation(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _prompt_simulation(app.store, ids)
    if record is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Simulation not found"))
    body = app.store.run_test_json(record)
    return json_answer(200, body if app.dialect == "docs" else server_envelope(body))


def execute_prompt_simulation(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _prompt_simulation(app.store, ids)
    select_all, chosen, _ = _execute_body(app, exchange, with_simulator=False)
    if record is None:
        raise RefusalError(error_answer(500, "server_error", "server_error", "Failed to execute simulation"))
    selected = _selected(app.store, record, chosen, ids_alone=not select_all)
    execution = _start(app.store, record, selected)
    snake = _execution_snake(app.dialect, record, execution, selected)
    if app.dialect == "oss":
        return json_answer(200, server_envelope(snake))
    return json_answer(200, docs_envelope({CAMEL.get(k, k): v for k, v in snake.items()}))


# -- shared pieces ------------------------------------------------------------------------------------------


def _prompt_simulation(store: Store, ids: dict[str, str]) -> RunTestRecord | None:
    record = store.run_tests.get(uuid.UUID(ids["run_test_id"]))
    if record is None or record.prompt_template != uuid.UUID(ids["prompt_template_id"]):
        return None
    return record


def _execute_body(
    app: EmulatorApp, exchange: Exchange, *, with_simulator: bool
) -> tuple[bool, list[uuid.UUID], uuid.UUID | None]:
    names = ["select_all", "scenario_ids", *(["simulator_id"] if with_simulator else [])]
    wire = {n: CAMEL[n] for n in names} if app.dialect == "docs" else {n: n for n in names}
    fields = Fields(read_json(exchange.body), list(wire.values()))
    select_all = fields.boolean(wire["select_all"])
    chosen = fields.ids(wire["scenario_ids"])
    simulator = fields.an_id(wire["simulator_id"]) if with_simulator else None
    fields.done()
    return select_all, chosen, simulator


def _selected(
    store: Store, record: RunTestRecord, chosen: list[uuid.UUID], *, ids_alone: bool
) -> list[uuid.UUID]:
    # docs/dialects.md, "Choosing scenarios": the ids given, alone or left out of the run test's scenarios
    # (in the order the run test lists them, newest first: "Orderings"); no ids at all select every
    # scenario either way.
    if chosen and ids_alone:
        return chosen
    return [s for s in store.scenarios_newest_first(record) if s not in chosen]


def _start(store: Store, record: RunTestRecord, selected: list[uuid.UUID]) -> uuid.UUID:
    if not selected:
        raise bad_request("No scenarios to run.")
    incomplete = [
        store.scenarios[s]
        for s in selected
        if s in store.scenarios and store.scenarios[s].status != "Completed"
    ]
    if incomplete:
        # The recorded answer: the sentence, `attr: "scenarios"`, and `result` an object listing them.
        sentence = (
            f"{len(incomplete)} scenario(s) are not completed. Wait for them to finish or remove them from"
            " the selection."
        )
        listed = [{"id": str(s.id), "name": s.name, "status": s.status} for s in incomplete]
        raise RefusalError(
            error_answer(
                400,
                "validation_error",
                "invalid",
                sentence,
                attr="scenarios",
                result={"error": "Scenarios incomplete", "detail": sentence, "scenarios": listed},
                details={
                    "error": ["Scenarios incomplete"],
                    "detail": [sentence],
                    "scenarios": [f"id: {s['id']}; name: {s['name']}; status: {s['status']}" for s in listed],
                },
            )
        )
    return store.record_execution(record, selected)


def _execution_snake(
    dialect: Dialect, record: RunTestRecord, execution: uuid.UUID, selected: list[uuid.UUID]
) -> dict[str, Any]:
    docs = dialect == "docs"
    return {
        "message": "Test execution started successfully",
        "execution_id": str(execution),
        "run_test_id": str(record.id),
        "status": "pending" if docs else "started",
        "total_scenarios": len(selected),
        # The open-source executors fill total_calls in later; the documentation shows it counted.
        "total_calls": len(selected) if docs else 0,
        "scenario_ids": [str(s) for s in selected],
    }
