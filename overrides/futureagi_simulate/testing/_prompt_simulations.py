"""Prompt simulations: read one and execute it, in both dialects (``docs/dialects.md``: "Casing of the
execute bodies", "Envelopes of the answers", "Choosing scenarios", "Unknown ids").

A prompt simulation is a run test of source type ``prompt`` addressed through its prompt template. Each
operation is a handler the route table (``_routes.py``) calls with the app, the request and the ids its
path captured; what starting an execution checks is ``_execute``'s.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from ._answers import RefusalError, error_answer, json_answer
from ._dialects import CAMEL, docs_envelope, server_envelope
from ._exchange import Answer, Exchange
from ._execute import chosen_scenarios, execute_body, start, started
from ._records import RunTestRecord

if TYPE_CHECKING:
    from ._served import Served
    from ._store import Store

__all__ = ["execute_prompt_simulation", "get_prompt_simulation"]


def get_prompt_simulation(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _prompt_simulation(app.store, ids)
    if record is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Simulation not found"))
    body = app.store.run_test_json(record)
    return json_answer(200, body if app.dialect == "docs" else server_envelope(body))


def execute_prompt_simulation(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _prompt_simulation(app.store, ids)
    select_all, chosen, _ = execute_body(app, exchange, with_simulator=False)
    if record is None:
        raise RefusalError(error_answer(500, "server_error", "server_error", "Failed to execute simulation"))
    selected = chosen_scenarios(app.store, record, chosen, ids_alone=not select_all)
    execution = start(app.store, record, selected)
    snake = started(app.dialect, record, execution, selected)
    if app.dialect == "oss":
        return json_answer(200, server_envelope(snake))
    return json_answer(200, docs_envelope({CAMEL.get(k, k): v for k, v in snake.items()}))


def _prompt_simulation(store: Store, ids: dict[str, str]) -> RunTestRecord | None:
    record = store.live_run_test(uuid.UUID(ids["run_test_id"]))
    if record is None or record.prompt_template != uuid.UUID(ids["prompt_template_id"]):
        return None
    return record
