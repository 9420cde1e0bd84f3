"""The control routes under ``/_emulator/``: what a test in any language does to the emulator by HTTP.

They answer outside the API (no credentials, no faults, no request counting, no conformance check) and
do over HTTP what ``Emulator``'s methods do in Python:

- ``POST /_emulator/faults {"operation"?, "kind", "times"?, ...}`` arms a fault (``Fault.from_json``
  reads the rest); ``DELETE /_emulator/faults`` disarms them all.
- ``GET /_emulator/state``: the dialect, executions started per run test, requests per operation,
  conformance failures and the seed.
- ``POST /_emulator/advance {"execution_id"?, "steps"?}`` and ``POST /_emulator/finish
  {"execution_id"?}`` move executions (both answer ``{"executions": {id: status}}``).
- ``POST /_emulator/script {"scenario_id", "call"?, "evals"?, "cost_cents"?, "attempt"?}`` decides how a
  scenario's calls end (on one attempt only with ``attempt``: 1 the execution's own run, 2 the first
  rerun) and what each costs once ended (``cost_cents``, whole cents; left out: no cost sent);
  ``evals`` maps an eval config name to ``true``/``false`` (the words ``Passed``/``Failed``), a word, a
  number (a score), ``{"output": v, "output_type"?, "reason"?}`` (``{"output": true}`` is a boolean
  output), ``{"error": true, "reason"?}`` (an errored eval) or ``{"skipped": true, "reason"?}``;
  ``DELETE /_emulator/script``: every scenario passes again.
- ``GET /_emulator/executions`` (``?run_test_id=`` optional): each execution's run test, status and
  calls.

A body the route cannot use is a 400 naming the problem; an unknown control path is the 404 page.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._answers import error_answer, json_answer, not_found_page
from ._exchange import Answer, Exchange
from ._faults import Fault
from ._records import ExecutionRecord
from ._store import Store

if TYPE_CHECKING:
    from ._served import Controlled

__all__ = ["control"]


def control(app: Controlled, exchange: Exchange) -> Answer:
    """Answers one request to a path under ``/_emulator/``."""
    route = _ROUTES.get((exchange.method, exchange.path))
    if route is None:
        return not_found_page()
    try:
        return route(app, exchange)
    except (ValueError, TypeError, AttributeError) as exc:
        return error_answer(400, "validation_error", "invalid", str(exc))


def _describe_executions(store: Store, run_test_id: uuid.UUID | None = None) -> list[dict[str, Any]]:
    """Every execution (of one run test, when given), oldest first: its run test, status and calls."""
    with store.lock:
        return [
            {
                "id": str(e.id),
                "run_test_id": str(e.run_test_id),
                "status": e.status,
                "scenario_ids": [str(s) for s in e.scenario_ids],
                "calls": [
                    {
                        "id": str(c.id),
                        "scenario_id": str(c.scenario_id),
                        "status": c.status,
                        "attempt": c.attempt,
                        "cost_cents": c.cost_cents,
                    }
                    for c in e.calls
                ],
            }
            for e in store.test_executions.values()
            if run_test_id is None or e.run_test_id == run_test_id
        ]


# -- faults and counters ----------------------------------------------------------------------------------


def _arm_fault(app: Controlled, exchange: Exchange) -> Answer:
    body = json.loads(exchange.body or b"{}")
    fault = Fault.from_json(body)
    app.arm(str(body.get("operation", "*")), fault, int(body.get("times", 1)))
    return json_answer(201, {"armed": attrs.asdict(fault)})


def _clear_faults(app: Controlled, exchange: Exchange) -> Answer:
    app.faults.clear()
    return Answer(204, b"", {})


def _state(app: Controlled, exchange: Exchange) -> Answer:
    return json_answer(200, app.state())


# -- executions -------------------------------------------------------------------------------------------


def _advance(app: Controlled, exchange: Exchange) -> Answer:
    body = _control_body(exchange)
    steps = body.get("steps", 1)
    if not isinstance(steps, int) or isinstance(steps, bool):
        raise ValueError("steps: must be an integer")
    moved = app.store.advance(_optional_id(body, "execution_id"), steps=steps)
    return json_answer(200, {"executions": _statuses(moved)})


def _finish(app: Controlled, exchange: Exchange) -> Answer:
    moved = app.store.finish(_optional_id(_control_body(exchange), "execution_id"))
    return json_answer(200, {"executions": _statuses(moved)})


def _script(app: Controlled, exchange: Exchange) -> Answer:
    body = _control_body(exchange)
    scenario_id = _optional_id(body, "scenario_id")
    if scenario_id is None:
        raise ValueError("scenario_id: required")
    evals = body.get("evals")
    if evals is not None and not isinstance(evals, dict):
        raise ValueError("evals: must be an object of eval config name to its outcome")
    script = app.store.script(
        scenario_id,
        call=str(body.get("call", "completed")),
        evals=evals,
        cost_cents=body.get("cost_cents"),
        attempt=body.get("attempt"),
        from_json=True,
    )
    described = {name: attrs.asdict(outcome) for name, outcome in script.evals.items()}
    answer = {
        "scenario_id": str(scenario_id),
        "call": script.call,
        "evals": described,
        "cost_cents": script.cost_cents,
        "attempt": body.get("attempt"),
    }
    return json_answer(200, answer)


def _clear_scripts(app: Controlled, exchange: Exchange) -> Answer:
    app.store.clear_scripts()
    return Answer(204, b"", {})


def _executions(app: Controlled, exchange: Exchange) -> Answer:
    wanted = dict(exchange.query).get("run_test_id")
    run_test_id = uuid.UUID(wanted) if wanted else None
    return json_answer(200, {"executions": _describe_executions(app.store, run_test_id)})


_ROUTES: dict[tuple[str, str], Callable[[Controlled, Exchange], Answer]] = {
    ("POST", "/_emulator/faults"): _arm_fault,
    ("DELETE", "/_emulator/faults"): _clear_faults,
    ("GET", "/_emulator/state"): _state,
    ("POST", "/_emulator/advance"): _advance,
    ("POST", "/_emulator/finish"): _finish,
    ("POST", "/_emulator/script"): _script,
    ("DELETE", "/_emulator/script"): _clear_scripts,
    ("GET", "/_emulator/executions"): _executions,
}


def _statuses(records: Sequence[ExecutionRecord]) -> dict[str, str]:
    return {str(r.id): r.status for r in records}


def _control_body(exchange: Exchange) -> dict[str, Any]:
    body = json.loads(exchange.body or b"{}")
    if not isinstance(body, dict):
        raise ValueError("body: must be a JSON object")
    return body


def _optional_id(body: Mapping[str, Any], name: str) -> uuid.UUID | None:
    value = body.get(name)
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValueError(f"{name}: not a UUID: {value!r}") from None
