"""Executions: an execution's detail (its calls, page by page), cancelling it, and its results, in both
dialects (``docs/dialects.md``, "After execute", "Cancel and the two executors", "Unknown ids").

Each operation is a handler the route table (``_routes.py``) calls with the app, the request and the ids
its path captured. The lifecycle itself is the Store's; this module reads its records and renders them as
each operation does. The control routes that move executions and script their outcomes are in
``_control.py``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._answers import InvalidError, RefusalError, bad_request, error_answer, json_answer
from ._dialects import server_envelope
from ._eval_summary import server_summary
from ._exchange import Answer, Exchange
from ._fields import Fields, lenient_query, read_json, strict_query
from ._paging import page_and_limit, page_body, page_count, page_of
from ._records import CallRecord, ExecutionRecord, RunTestRecord, timestamp

if TYPE_CHECKING:
    from ._served import Served
    from ._store import Store

__all__ = [
    "call_row",
    "cancel_test_execution",
    "get_simulation_run_results",
    "get_test_execution",
    "rerun_calls",
]


# -- the three operations ---------------------------------------------------------------------------------


def get_test_execution(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    query = dict(exchange.query)
    # The server's ExecutionDetailQuerySerializer is strict: these keys and no others.
    known = ("search", "filters", "row_groups", "group_keys", "page", "limit")
    fields = strict_query(query, known) if app.dialect == "oss" else lenient_query(query)
    # The documentation says 30 calls a page; the server's view pages 10 when no limit is sent.
    default_limit = 30 if app.dialect == "docs" else 10
    page, limit = page_and_limit(fields, query, default_limit)
    fields.done()
    execution = app.store.test_executions.get(uuid.UUID(ids["test_execution_id"]))
    if execution is None:
        if app.dialect == "docs":
            raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found."))
        message = "Failed to retrieve test execution: No TestExecution matches the given query."
        raise RefusalError(error_answer(500, "server_error", "server_error", message))
    app.store.on_read(execution, page)
    run_test = app.store.run_tests[execution.run_test_id]
    # Newest updated first, as the results (the recorded rows' timestamps, which are updated_at, descend).
    # A page past the end is an empty page here, without provider and agent_type (docs/dialects.md, "After
    # execute"),
    # not the 500 of the lists.
    created = _results_order(execution.created_calls)
    calls, total_pages = page_of(created, page, limit)
    body: dict[str, Any] = {
        **page_body(exchange, query, count=len(created), page=page, total_pages=total_pages, results=[]),
        "column_order": _column_order(app.store, run_test),
        "error_messages": [],
        "status": execution.status,
    }
    body["results"] = [call_row(app.store, execution, c, run_test) for c in calls]
    if page <= total_pages:
        # The recorded server says provider null for a text agent.
        body["provider"] = None if run_test.agent_type == "text" else "vapi"
        body["agent_type"] = run_test.agent_type
    return json_answer(200, body)


def cancel_test_execution(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    Fields(read_json(exchange.body), ()).done()  # the body is empty or {}: any key is unknown
    execution = app.store.test_executions.get(uuid.UUID(ids["test_execution_id"]))
    if execution is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found"))
    # The server changes even a finished execution (docs/dialects.md, "Cancel and the two executors"): see
    # Store.cancel.
    message = app.store.cancel(execution)
    return json_answer(200, {"success": True, "message": message, "test_execution_id": str(execution.id)})


_RERUN_TYPES = ("eval_only", "call_and_eval")


def rerun_calls(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    """``rerun-calls`` as ``CallExecutionRerunView`` answers it (``docs/dialects.md``, "Reruns")."""
    fields = Fields(read_json(exchange.body), ("rerun_type", "call_execution_ids", "select_all"))
    rerun_type = fields.string("rerun_type", required=True)
    if rerun_type is not None and rerun_type not in _RERUN_TYPES:
        fields.fail("rerun_type", "invalid_choice", f'"{rerun_type}" is not a valid choice.')
    chosen = fields.ids("call_execution_ids")
    select_all = fields.boolean("select_all")
    fields.done()
    assert rerun_type is not None
    if not select_all and not chosen:
        message = "Either 'select_all' must be True or 'call_execution_ids' must be provided"
        raise InvalidError.one("non_field_errors", "invalid", message)
    execution = app.store.test_executions.get(uuid.UUID(ids["test_execution_id"]))
    if execution is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found"))
    # The server refuses only these two; the documentation refuses every active execution.
    blocked = (
        ("pending", "cancelling")
        if app.dialect == "oss"
        else ("pending", "running", "evaluating", "cancelling")
    )
    if execution.status in blocked:
        raise bad_request(
            f"Cannot rerun calls while test execution is in '{execution.status}' status. "
            "Wait for it to complete or cancel it first."
        )
    run_test = app.store.run_tests[execution.run_test_id]
    if rerun_type == "call_and_eval" and run_test.agent_type == "text":
        raise bad_request("Text/Chat agents only support 'eval_only' rerun type.")
    calls = execution.created_calls
    if select_all:
        # With ids, select_all reruns every call except them.
        picked = [c for c in calls if c.id not in chosen]
        strangers: list[uuid.UUID] = []
    else:
        picked = [c for c in calls if c.id in chosen]
        known = {c.id for c in calls}
        strangers = [i for i in dict.fromkeys(chosen) if i not in known]
    failed = (
        # The documentation lists ids that are not calls of the execution; the server drops them.
        [
            {"call_execution_id": str(i), "error": "Call execution not found in this test execution"}
            for i in strangers
        ]
        if app.dialect == "docs"
        else []
    )
    if not picked and not failed:
        raise bad_request("No call executions found that can be rerun.")
    app.store.rerun(execution, picked, rerun_type)
    body: dict[str, Any] = {
        "message": (
            f"Bulk call execution rerun prepared and initiated successfully ({rerun_type})"
            if app.dialect == "oss"
            else "Rerun initiated successfully"
        ),
        "test_execution_id": str(execution.id),
        "rerun_type": rerun_type,
        "total_processed": len(picked) + len(failed),
        "successful_reruns": [str(c.id) for c in picked],
        "failed_reruns": failed,
        "success_count": len(picked),
        "failure_count": len(failed),
    }
    if app.dialect == "oss":
        body["dispatch_error"] = None
    return json_answer(200, body)


_RESULTS_PARAMETERS = ("execution_id", "page", "limit")


def get_simulation_run_results(app: Served, exchange: Exchange, ids: dict[str, str]) -> Answer:
    query = dict(exchange.query)
    if app.dialect == "oss":
        # The server's view refuses query parameters it does not know, as "Validation failed" with the
        # reasons in an extra `errors` key. It also knows run_test_name, call_execution_id, eval_name and
        # summary, which the document does not describe, so the emulator refuses them too rather than
        # pretend to filter.
        unknown = [key for key in query if key not in _RESULTS_PARAMETERS]
        if unknown:
            raise RefusalError(_validation_failed({key: ["Unknown field."] for key in unknown}))
    fields = lenient_query(query)
    execution_id = fields.an_id("execution_id", required=True, nullable=False)
    page, limit = page_and_limit(fields, query)
    fields.done()
    assert execution_id is not None
    execution = app.store.test_executions.get(execution_id)
    if execution is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found."))
    if page > page_count(len(execution.created_calls), limit):
        raise RefusalError(
            error_answer(500, "server_error", "server_error", "Unable to fetch simulation runs.")
        )
    app.store.on_read(execution, page)
    body = _results(app.store, app.store.run_tests[execution.run_test_id], execution, page, limit)
    return json_answer(200, body if app.dialect == "docs" else server_envelope(body))


def _validation_failed(errors: dict[str, list[str]]) -> Answer:
    answer = error_answer(400, "validation_error", "invalid", "Validation failed")
    body = json.loads(answer.body)
    body["errors"] = errors
    return json_answer(400, body)


# -- rendering --------------------------------------------------------------------------------------------


def _when(moment: datetime | None) -> str | None:
    return timestamp(moment) if moment is not None else None


_ENDED_REASONS = {"completed": "customer-ended-call", "failed": "call-failed", "cancelled": "cancelled"}
#: The detail's fixed columns before one column per eval config (the recorded ``column_order``).
_COLUMNS = (
    ("Chat Details", "call_details", True),
    ("Overall Score", "overall_score", False),
    ("Total Tokens", "total_tokens", False),
    ("Input Tokens", "input_tokens", False),
    ("Output Tokens", "output_tokens", False),
    ("Average Latency (ms)", "avg_latency_ms", False),
    ("Turn Count", "turn_count", False),
)


#: The call row's keys the emulator has nothing to say about: the server sends them, null here.
_NULL_CALL_KEYS = (
    "service_provider_call_id",
    "session_id",
    "duration",
    "start_time",
    "overall_score",
    "response_time",
    "response_time_ms",
    "audio_url",
    "customer_name",
    "scenario_graph_id",
    "avg_agent_latency",
    "avg_agent_latency_ms",
    "user_interruption_count",
    "user_interruption_rate",
    "user_wpm",
    "bot_wpm",
    "talk_ratio",
    "ai_interruption_count",
    "ai_interruption_rate",
    "avg_stop_time_after_interruption",
    "total_tokens",
    "input_tokens",
    "output_tokens",
    "avg_latency_ms",
    "turn_count",
    "agent_talk_percentage",
    "csat_score",
    "processing_skip_reason",
    "snapshot_timestamp",
    "rerun_type",
    "original_call_execution_id",
    "tool_outputs",
    "cost_cents",
    "customer_cost_cents",
    "customer_cost_breakdown",
    "customer_latency_metrics",
    "customer_call_id",
    "provider",
)


def _structured(config_id: str, stored: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """One stored output in the detail's two structured forms: ``eval_outputs`` and ``eval_metrics``.

    As the server's ``CallExecutionDetailSerializer`` builds them: ``error`` is true for a stored
    ``error: "error"`` (or ``true``, or ``status: "error"``); ``status`` is the stored one, else ``error``
    or ``completed``; ``skipped`` is true for a stored ``skipped: true`` or ``status: "skipped"``. Only the
    judged form is recorded (``status: "completed"``).
    """
    raw_error = stored.get("error")
    errored = raw_error is True or raw_error == "error" or stored.get("status") == "error"
    status = stored.get("status", "error" if errored else "completed")
    skipped = bool(stored.get("skipped", False)) or stored.get("status") == "skipped"
    output = {
        "value": stored.get("output"),
        "reason": stored.get("reason", ""),
        "type": stored.get("output_type", ""),
        "name": stored.get("name", ""),
        "error": errored,
        "status": status,
        "skipped": skipped,
    }
    metric = {
        "id": config_id,
        "name": stored.get("name", ""),
        "value": stored.get("output"),
        "reason": stored.get("reason", ""),
        "type": stored.get("output_type", ""),
        "template_type": "single",
        "visible": True,
        "error": errored,
        "status": status,
        "skipped": skipped,
        "error_localizer": False,
    }
    return output, metric


def call_row(
    store: Store, execution: ExecutionRecord, call: CallRecord, run_test: RunTestRecord
) -> dict[str, Any]:
    # The keys and their order are the recorded detail row's; the detail shows only the outputs of the
    # run test's live eval configs.
    live = {str(e["id"]) for e in run_test.evals}
    outputs: dict[str, Any] = {}
    metrics: dict[str, Any] = {}
    for config_id, stored in call.eval_outputs.items():
        if config_id in live:
            outputs[config_id], metrics[config_id] = _structured(config_id, stored)
    agent = run_test.agent
    row: dict[str, Any] = dict.fromkeys(_NULL_CALL_KEYS)
    row.update(
        {
            "id": str(call.id),
            # The server's serializer reads `timestamp` from the call's updated_at.
            "timestamp": timestamp(call.updated_at or call.created_at),
            "call_type": "Inbound",
            "status": call.status,
            "duration_seconds": call.duration,
            "transcript": [],
            "scenario": call.scenario_name,
            "scenario_columns": {},
            "ended_reason": _ENDED_REASONS.get(call.status) if call.ended_at else None,
            "agent_definition_used_name": agent.name if agent else None,
            "agent_definition_used_id": str(agent.id) if agent else None,
            "call_summary": (
                f"Simulated call for the scenario '{call.scenario_name}'."
                if call.status == "completed"
                else None
            ),
            "recordings": {},
            "test_execution_id": str(execution.id),
            "scenario_id": str(call.scenario_id),
            "scenario_graph": {},
            "eval_outputs": outputs,
            "eval_metrics": metrics,
            "processing_skipped": False,
            # The server lists only call_and_eval snapshots here, newest first.
            "rerun_snapshots": [
                dict(snapshot)
                for snapshot in reversed(call.snapshots)
                if snapshot["rerun_type"] == "call_and_eval"
            ],
            "is_snapshot": False,
            "cost_cents": call.cost_cents,
            "simulation_call_type": run_test.agent_type,
            "phone_number": "+15550000000",
        }
    )
    return row


def _column_order(store: Store, run_test: RunTestRecord) -> list[dict[str, Any]]:
    columns: list[dict[str, Any]] = [
        {"column_name": name, "id": id_, "visible": visible} for name, id_, visible in _COLUMNS
    ]
    for config in store.evals_newest_first(run_test):
        template = store.template_of(config)
        columns.append(
            {
                "column_name": str(config.get("name") or ""),
                "id": str(config["id"]),
                "eval_config": {
                    "config": {},
                    "output": template.output_type,
                    "rule_prompt": f"The emulator's '{template.name}' template.",
                    "eval_type_id": "CustomPromptEvaluator",
                    "required_keys": ["input", "output"],
                    "param_modalities": {"input": ["TEXT"], "output": ["TEXT"]},
                    "config_params_desc": {"input": "The user's request", "output": "The output to evaluate"},
                },
                "visible": True,
                "type": "evaluation",
            }
        )
    return columns


def _results_order(calls: Sequence[CallRecord]) -> list[CallRecord]:
    # order_by("-updated_at"): the call updated last comes first; ties newest created first.
    indexed = list(enumerate(calls))
    return [c for _, c in sorted(indexed, key=lambda pair: (pair[1].updated, pair[0]), reverse=True)]


def _results(
    store: Store, run_test: RunTestRecord, execution: ExecutionRecord, page: int, limit: int
) -> dict[str, Any]:
    created = execution.created_calls
    calls, total_pages = page_of(_results_order(created), page, limit)
    return {
        "execution_id": str(execution.id),
        "status": execution.status,
        "started_at": timestamp(execution.created_at),
        "completed_at": _when(execution.completed_at),
        "total_calls": len(created),
        "completed_calls": sum(c.status == "completed" for c in created),
        "failed_calls": sum(c.status == "failed" for c in created),
        "eval_results": server_summary(store, run_test, [execution]),
        "call_results": {
            "total_pages": total_pages,
            "current_page": page,
            "count": len(created),
            "results": [
                {
                    "call_execution_id": str(c.id),
                    "scenario_id": str(c.scenario_id),
                    "scenario_name": c.scenario_name,
                    "status": c.status,
                    "duration_seconds": c.duration,
                    # As stored, including outputs of eval configs deleted since (not pruned).
                    "eval_outputs": dict(c.eval_outputs),
                }
                for c in calls
            ],
        },
    }
