"""Call executions: one call's detail and its session comparison, in both dialects (``docs/dialects.md``,
"Reruns" and "Session comparison").

The call is found among every execution's calls; its detail is the row the execution's detail shows for
it (``_executions.call_row``).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from ._answers import RefusalError, bad_request, error_answer, json_answer
from ._exchange import Answer, Exchange
from ._executions import call_row
from ._fields import lenient_query
from ._records import CallRecord, ExecutionRecord

if TYPE_CHECKING:
    from ._served import Served

__all__ = ["get_call_execution", "get_session_comparison"]


def _found(app: Served, ids: dict[str, str]) -> tuple[ExecutionRecord, CallRecord] | None:
    wanted = uuid.UUID(ids["call_execution_id"])
    with app.store.lock:
        for execution in app.store.test_executions.values():
            for call in execution.created_calls:
                if call.id == wanted:
                    return execution, call
    return None


def get_call_execution(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    lenient_query(dict(exchange.query)).done()
    found = _found(app, ids)
    if found is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Call execution not found"))
    execution, call = found
    run_test = app.store.run_tests[execution.run_test_id]
    return json_answer(200, call_row(app.store, execution, call, run_test))


def get_session_comparison(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    lenient_query(dict(exchange.query)).done()
    found = _found(app, ids)
    if app.dialect == "oss":
        # SessionComparisonChatSimView: its lookup's 404 is caught by its catch-all, so an unknown id is a
        # 500; then a call must be completed and come from a replay run's dataset row, which no emulator
        # call does.
        if found is None:
            message = "Failed to compare session chat simulations. Please try again."
            raise RefusalError(error_answer(500, "server_error", "server_error", message))
        if found[1].status != "completed":
            raise bad_request("Call execution is not completed yet")
        raise bad_request("Row ID is not associated which is required")
    if found is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Call execution not found"))
    execution, call = found
    if not call.snapshots:
        # The reference names the case, not its sentence: this one is the emulator's.
        raise bad_request("No rerun snapshot is available for comparison: the call was never rerun.")
    previous = call.snapshots[-1]
    run_test = app.store.run_tests[execution.run_test_id]
    body: dict[str, Any] = {
        "metrics_comparison": {
            "current": {"duration_seconds": call.duration, "cost_cents": call.cost_cents},
            "previous": {
                "duration_seconds": previous["duration_seconds"],
                "cost_cents": previous["cost_cents"],
            },
        },
        "transcript_comparison": {"current": [], "previous": list(previous["transcripts"])},
        "eval_comparison": {
            "current": _by_name(call.eval_outputs),
            "previous": _by_name(previous["eval_outputs"]),
        },
    }
    if run_test.agent_type == "voice":
        body["recording_urls"] = {"current": None, "previous": None}
    return json_answer(200, body)


def _by_name(stored: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Eval outputs keyed by their eval's name, as the reference's comparison shows them."""
    return {str(output.get("name", config_id)): dict(output) for config_id, output in stored.items()}
