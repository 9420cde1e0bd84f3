"""Starting an execution, as both execute operations (a run test's and a prompt simulation's) do: the
body in the dialect's casing, which scenarios the body selects, the checks before anything starts, and
the answer that says it started (``docs/dialects.md``: "Casing of the execute bodies", "Envelopes of the
answers", "Choosing scenarios").
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from ._answers import RefusalError, bad_request, error_answer
from ._dialects import CAMEL, Dialect
from ._exchange import Exchange
from ._fields import Fields, read_json
from ._records import RunTestRecord

if TYPE_CHECKING:
    from ._served import Served
    from ._store import Store

__all__ = ["chosen_scenarios", "execute_body", "start", "started"]


def execute_body(
    app: Served, exchange: Exchange, *, with_simulator: bool
) -> tuple[bool, list[uuid.UUID], uuid.UUID | None]:
    names = ["select_all", "scenario_ids", *(["simulator_id"] if with_simulator else [])]
    wire = {n: CAMEL[n] for n in names} if app.dialect == "docs" else {n: n for n in names}
    fields = Fields(read_json(exchange.body), list(wire.values()))
    select_all = fields.boolean(wire["select_all"])
    chosen = fields.ids(wire["scenario_ids"])
    simulator = fields.an_id(wire["simulator_id"]) if with_simulator else None
    fields.done()
    return select_all, chosen, simulator


def chosen_scenarios(
    store: Store, record: RunTestRecord, chosen: list[uuid.UUID], *, ids_alone: bool
) -> list[uuid.UUID]:
    # docs/dialects.md, "Choosing scenarios": the ids given, alone or left out of the run test's scenarios
    # (in the order the run test lists them, newest first: "Orderings"); no ids at all select every
    # scenario either way.
    if chosen and ids_alone:
        return chosen
    return [s for s in store.scenarios_newest_first(record) if s not in chosen]


def start(store: Store, record: RunTestRecord, selected: list[uuid.UUID]) -> uuid.UUID:
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


def started(
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
