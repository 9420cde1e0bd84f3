"""After execute: an execution's status, calls and results, cancelling it, and a run test's scenarios,
executions and eval summary, in both dialects (``docs/dialects.md``, "After execute" and the sections
after it).

The lifecycle itself is the Store's; this module reads its records and renders them as each operation
does. The control routes that move executions and script their outcomes are in ``_control.py``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._answers import RefusalError, error_answer, json_answer
from ._dialects import server_envelope
from ._exchange import Answer, Exchange
from ._fields import Fields, lenient_query, read_json, strict_query
from ._paging import list_answer, page_and_limit, page_body, page_count, page_of
from ._store import CallRecord, ExecutionRecord, RunTestRecord, Store, timestamp

if TYPE_CHECKING:
    from ._app import EmulatorApp

__all__ = [
    "cancel_test_execution",
    "get_eval_summary",
    "get_run_test",
    "get_simulation_run_results",
    "get_test_execution",
    "list_run_test_executions",
    "list_run_test_scenarios",
]

# -- lookups ----------------------------------------------------------------------------------------------


def _run_test(app: EmulatorApp, ids: Mapping[str, str], missing: str) -> RunTestRecord:
    # Each view words its 404 itself: some end with a period, some do not (recorded).
    record = app.store.run_tests.get(uuid.UUID(ids["run_test_id"]))
    if record is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", missing))
    return record


def _read(store: Store, record: ExecutionRecord, page: int) -> None:
    # "on_read": every read of the execution is one stage of progress, so a client polling it reaches the
    # end in a few polls with no real time passing. Only a read of the first page counts, so that a client
    # reading every page of the calls sees one state across them.
    if store.advance_mode == "on_read" and page == 1:
        store.advance(record.id)


def _when(moment: datetime | None) -> str | None:
    return timestamp(moment) if moment is not None else None


# -- rendering --------------------------------------------------------------------------------------------


def _agent_type(run_test: RunTestRecord) -> str:
    # The server's open set is `voice` or `text`; the seed's chat agent is a text one.
    return "voice" if run_test.agent is not None and run_test.agent.agent_type == "voice" else "text"


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


def _call_row(
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
            "rerun_snapshots": [],
            "is_snapshot": False,
            "simulation_call_type": _agent_type(run_test),
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


def _display(status: str) -> str:
    return status.capitalize()


def _execution_row(store: Store, execution: ExecutionRecord, run_test: RunTestRecord) -> dict[str, Any]:
    calls = _created(execution)
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
        "total_chats": counted if _agent_type(run_test) == "text" else 0,
        "agent_type": _agent_type(run_test),
        "total_number_of_fagi_agent_turns": 0,
        "source_type": run_test.source_type,
    }


def _is_pass(output: object) -> bool | None:
    # The server's summary (``simulate/utils/eval_summary.py``): "passed"/"failed" in any case, and
    # booleans; any other non-null output counts in total_cells only.
    if isinstance(output, bool):
        return output
    if isinstance(output, str):
        word = output.lower()
        return True if word == "passed" else (False if word == "failed" else None)
    return None


def _config_stats(config: Mapping[str, Any], outputs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    name, config_id = str(config.get("name") or ""), str(config["id"])
    counted = [o for o in outputs if o.get("output") is not None and o.get("output_type") is not None]
    if not counted:
        return {"name": name, "id": config_id, "total_cells": 0, "output": {}}
    total = len(counted)
    # The first output's type decides, as on the server.
    if counted[0].get("output_type") == "score":
        scores = [
            100 * float(o["output"])
            for o in counted
            if isinstance(o["output"], int | float) and not isinstance(o["output"], bool)
        ]
        if not scores:
            return {"name": name, "id": config_id, "total_cells": total, "output": {}}
        ordered = sorted(scores)
        percentiles = {
            f"p{p}": round(_percentile(ordered, p), 2)
            for p in (5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100)
        }
        return {
            "name": name,
            "id": config_id,
            "total_cells": total,
            "output": percentiles,
            "avg_score": round(sum(scores) / len(scores), 2),
        }
    verdicts = [_is_pass(o["output"]) for o in counted]
    passed, failed = verdicts.count(True), verdicts.count(False)
    return {
        "name": name,
        "id": config_id,
        "total_cells": total,
        "output": {
            "pass": round(100 * passed / total, 2),
            "fail": round(100 * failed / total, 2),
            "pass_count": passed,
            "fail_count": failed,
        },
    }


def _percentile(ordered: Sequence[float], p: int) -> float:
    # numpy's default (linear) percentile, which the server uses.
    position = (len(ordered) - 1) * p / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _server_summary(
    store: Store, run_test: RunTestRecord, executions: Sequence[ExecutionRecord]
) -> list[dict[str, Any]]:
    """The eval summary as the server builds it: one item per eval template, one entry per eval config.

    Only completed calls count; an output counts when it is not null. ``total_pass_rate`` is the
    template's passed outputs over its counted ones, the integer 0 when none counted.
    """
    calls = [c for e in executions for c in e.calls if c.status == "completed" and c.eval_outputs]
    grouped: dict[str, tuple[Any, list[dict[str, Any]]]] = {}
    for config in store.evals_newest_first(run_test):
        template = store.template_of(config)
        outputs = [c.eval_outputs[str(config["id"])] for c in calls if str(config["id"]) in c.eval_outputs]
        grouped.setdefault(str(template.id), (template, []))[1].append(_config_stats(config, outputs))
    items = []
    for template, stats in grouped.values():
        item: dict[str, Any] = {
            "name": template.name,
            "id": str(template.id),
            "output_type": template.output_type,
            "result": stats,
        }
        total = sum(s["total_cells"] for s in stats)
        if template.output_type == "Pass/Fail":
            passed = sum(s["output"].get("pass_count", 0) for s in stats)
            item["total_pass_rate"] = round(100 * passed / total, 2) if total else 0
        elif template.output_type == "score":
            weighted = sum(s.get("avg_score", 0) * s["total_cells"] for s in stats)
            item["total_avg"] = round(weighted / total, 2) if total else 0
        items.append(item)
    return items


def _docs_summary_item(config: Mapping[str, Any], outputs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    # The documented dialect keeps its own shape: per eval config, counted as the server counts.
    counted = [o for o in outputs if o.get("output") is not None]
    verdicts = [_is_pass(o["output"]) for o in counted if o.get("output_type") != "score"]
    scores = [
        float(o["output"])
        for o in counted
        if o.get("output_type") == "score"
        and isinstance(o["output"], int | float)
        and not isinstance(o["output"], bool)
    ]
    passed, failed = verdicts.count(True), verdicts.count(False)
    # A Pass/Fail eval's average is its pass rate as a fraction of its counted outputs; a score eval's,
    # its mean score.
    if verdicts:
        average: float | None = round(passed / len(verdicts), 4)
    elif scores:
        average = round(sum(scores) / len(scores), 4)
    else:
        average = None
    return {
        "name": str(config.get("name") or ""),
        "average_score": average,
        "total_runs": len(outputs),
        "passed": passed,
        "failed": failed,
    }


def _created(execution: ExecutionRecord) -> list[CallRecord]:
    """The calls the server has rows for: none while the execution is ``pending`` (the workflow creates
    them when it starts: the recorded detail of a pending execution has ``count: 0``)."""
    return [] if execution.status == "pending" else execution.calls


def _results_order(calls: Sequence[CallRecord]) -> list[CallRecord]:
    # order_by("-updated_at"): the call updated last comes first; ties newest created first.
    indexed = list(enumerate(calls))
    return [c for _, c in sorted(indexed, key=lambda pair: (pair[1].updated, pair[0]), reverse=True)]


def _results(
    store: Store, run_test: RunTestRecord, execution: ExecutionRecord, page: int, limit: int
) -> dict[str, Any]:
    created = _created(execution)
    calls, total_pages = page_of(_results_order(created), page, limit)
    return {
        "execution_id": str(execution.id),
        "status": execution.status,
        "started_at": timestamp(execution.created_at),
        "completed_at": _when(execution.completed_at),
        "total_calls": len(created),
        "completed_calls": sum(c.status == "completed" for c in created),
        "failed_calls": sum(c.status == "failed" for c in created),
        "eval_results": _server_summary(store, run_test, [execution]),
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


# -- the seven operations ---------------------------------------------------------------------------------


def get_run_test(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    return json_answer(200, app.store.run_test_json(_run_test(app, ids, "Run test not found")))


def list_run_test_scenarios(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
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


def list_run_test_executions(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
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


def get_eval_summary(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
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
            _docs_summary_item(
                config,
                [c.eval_outputs[str(config["id"])] for c in calls if str(config["id"]) in c.eval_outputs],
            )
            for config in app.store.evals_newest_first(record)
        ]
        return json_answer(200, {"evaluations": items})
    return json_answer(200, server_envelope(_server_summary(app.store, record, executions)))


def get_test_execution(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
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
    _read(app.store, execution, page)
    run_test = app.store.run_tests[execution.run_test_id]
    # Newest updated first, as the results (the recorded rows' timestamps, which are updated_at, descend).
    # A page past the end is an empty page here, without provider and agent_type (docs/dialects.md, "After
    # execute"),
    # not the 500 of the lists.
    created = _results_order(_created(execution))
    calls, total_pages = page_of(created, page, limit)
    body: dict[str, Any] = {
        **page_body(exchange, query, count=len(created), page=page, total_pages=total_pages, results=[]),
        "column_order": _column_order(app.store, run_test),
        "error_messages": [],
        "status": execution.status,
    }
    body["results"] = [_call_row(app.store, execution, c, run_test) for c in calls]
    if page <= total_pages:
        # The recorded server says provider null for a text agent.
        body["provider"] = None if _agent_type(run_test) == "text" else "vapi"
        body["agent_type"] = _agent_type(run_test)
    return json_answer(200, body)


def cancel_test_execution(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    Fields(read_json(exchange.body), ()).done()  # the body is empty or {}: any key is unknown
    execution = app.store.test_executions.get(uuid.UUID(ids["test_execution_id"]))
    if execution is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found"))
    # The server changes even a finished execution (docs/dialects.md, "Cancel and the two executors"): see
    # Store.cancel.
    message = app.store.cancel(execution)
    return json_answer(200, {"success": True, "message": message, "test_execution_id": str(execution.id)})


_RESULTS_PARAMETERS = ("execution_id", "page", "limit")


def get_simulation_run_results(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
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
    if page > page_count(len(_created(execution)), limit):
        raise RefusalError(
            error_answer(500, "server_error", "server_error", "Unable to fetch simulation runs.")
        )
    _read(app.store, execution, page)
    body = _results(app.store, app.store.run_tests[execution.run_test_id], execution, page, limit)
    return json_answer(200, body if app.dialect == "docs" else server_envelope(body))


def _validation_failed(errors: dict[str, list[str]]) -> Answer:
    answer = error_answer(400, "validation_error", "invalid", "Validation failed")
    body = json.loads(answer.body)
    body["errors"] = errors
    return json_answer(400, body)
