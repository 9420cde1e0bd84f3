"""After execute: an execution's status, calls and results, cancelling it, and a run test's scenarios,
executions and eval summary, in both dialects (``../shared/API-NOTES.md``, "After execute").

The lifecycle itself is the Store's; this module reads its records and renders them as each operation
does. The control routes that move executions and script their outcomes are in ``_control.py``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._answers import RefusalError, error_answer, json_answer
from ._dialects import server_envelope
from ._exchange import Answer, Exchange
from ._fields import Fields, lenient_query, read_json, strict_query
from ._paging import invalid_page, list_answer, page_and_limit, page_body, page_count, page_of
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


def _run_test(app: EmulatorApp, ids: Mapping[str, str]) -> RunTestRecord:
    record = app.store.run_tests.get(uuid.UUID(ids["run_test_id"]))
    if record is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Run test not found."))
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


def _provider(run_test: RunTestRecord) -> str:
    return "prompt" if run_test.source_type == "prompt" else "vapi"


def _overall_score(call: CallRecord) -> float | None:
    # Out of 10, as the dashboard shows it: a pass counts 1, a fail 0, a score itself.
    points = [
        (1.0 if o["output"] == "Passed" else 0.0) if o["output_type"] == "Pass/Fail" else float(o["output"])
        for o in call.eval_outputs.values()
    ]
    return round(10 * sum(points) / len(points), 2) if points else None


_ENDED_REASONS = {"completed": "customer-ended-call", "failed": "call-failed", "cancelled": "cancelled"}


def _call_row(execution: ExecutionRecord, call: CallRecord, run_test: RunTestRecord) -> dict[str, Any]:
    completed = call.status == "completed"
    return {
        "id": str(call.id),
        "status": call.status,
        "scenario": call.scenario_name,
        "scenario_id": str(call.scenario_id),
        "test_execution_id": str(execution.id),
        "timestamp": timestamp(call.created_at),
        "start_time": _when(call.started_at),
        "end_time": _when(call.ended_at),
        "duration": call.duration,
        "duration_seconds": call.duration,
        "transcript": (
            [
                {"role": "assistant", "content": "Hello, thanks for calling. How can I help?"},
                {"role": "user", "content": f"(the simulated customer plays '{call.scenario_name}')"},
            ]
            if completed
            else []
        ),
        "overall_score": _overall_score(call),
        "eval_outputs": dict(call.eval_outputs),
        "eval_metrics": {},
        "ended_reason": _ENDED_REASONS.get(call.status),
        "call_summary": f"Simulated call for the scenario '{call.scenario_name}'." if completed else None,
        "simulation_call_type": _agent_type(run_test),
    }


def _display(status: str) -> str:
    return status.capitalize()


def _execution_row(execution: ExecutionRecord, run_test: RunTestRecord) -> dict[str, Any]:
    calls = execution.calls
    completed = sum(c.status == "completed" for c in calls)
    durations = [c.duration for c in calls if c.duration is not None]
    agent = run_test.agent
    return {
        "id": str(execution.id),
        "status": _display(execution.status),
        "scenarios": ", ".join(c.scenario_name for c in calls),
        # When the execute call made it: what a client compares with the time of an ambiguous execute.
        "start_time": timestamp(execution.created_at),
        "end_time": _when(execution.completed_at),
        # The calls run side by side: the execution lasts as long as its longest call.
        "duration": max(durations) if durations else None,
        "error_reason": "All calls failed." if execution.status == "failed" else None,
        "success_rate": round(100 * completed / len(calls), 2) if calls else 0.0,
        "calls": len(calls),
        "calls_attempted": sum(c.started_at is not None for c in calls),
        "connected_calls": completed,
        "agent_definition": str(agent.id) if agent else None,
        "agent_version": str(run_test.agent_version_id) if run_test.agent_version_id else None,
        "agent_type": _agent_type(run_test),
        "source_type": run_test.source_type,
    }


def _eval_tally(
    run_test: RunTestRecord, executions: Sequence[ExecutionRecord]
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Per eval config of the run test, the outputs of the calls that completed (failed calls count not)."""
    calls = [c for e in executions for c in e.calls if c.status == "completed"]
    return [
        (config, [c.eval_outputs[str(config["id"])] for c in calls if str(config["id"]) in c.eval_outputs])
        for config in run_test.evals
    ]


def _server_summary_item(config: Mapping[str, Any], outputs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    name = str(config.get("name") or "")
    scores = [float(o["output"]) for o in outputs if o["output_type"] == "score"]
    if scores and len(scores) == len(outputs):
        average = round(sum(scores) / len(scores), 4)
        return {
            "id": str(config["id"]),
            "name": name,
            "output_type": "score",
            "result": [{"name": name, "total_cells": len(scores), "output": {"average": average}}],
            "total_avg": average,
        }
    verdicts = [o["output"] for o in outputs if o["output_type"] == "Pass/Fail"]
    passed = sum(v == "Passed" for v in verdicts)
    pass_rate = round(100 * passed / len(verdicts), 2) if verdicts else 0.0
    fail_rate = round(100 - pass_rate, 2) if verdicts else 0.0
    return {
        "id": str(config["id"]),
        "name": name,
        "output_type": "Pass/Fail",
        "result": [
            {"name": name, "total_cells": len(verdicts), "output": {"pass": pass_rate, "fail": fail_rate}}
        ],
        "total_pass_rate": pass_rate,
    }


def _docs_summary_item(config: Mapping[str, Any], outputs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    verdicts = [o["output"] for o in outputs if o["output_type"] == "Pass/Fail"]
    scores = [float(o["output"]) for o in outputs if o["output_type"] == "score"]
    passed = sum(v == "Passed" for v in verdicts)
    # A Pass/Fail eval's average is its pass rate as a fraction; a score eval's, its mean score. A score
    # neither passes nor fails.
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
        "failed": len(verdicts) - passed,
    }


def _results(run_test: RunTestRecord, execution: ExecutionRecord, page: int, limit: int) -> dict[str, Any]:
    calls, total_pages = page_of(execution.calls, page, limit)
    return {
        "execution_id": str(execution.id),
        "status": execution.status,
        "started_at": timestamp(execution.created_at),
        "completed_at": _when(execution.completed_at),
        "total_calls": len(execution.calls),
        "completed_calls": sum(c.status == "completed" for c in execution.calls),
        "failed_calls": sum(c.status == "failed" for c in execution.calls),
        "eval_results": [_server_summary_item(c, o) for c, o in _eval_tally(run_test, [execution])],
        "call_results": {
            "count": len(execution.calls),
            "total_pages": total_pages,
            "current_page": page,
            "results": [
                {
                    "call_execution_id": str(c.id),
                    "scenario_id": str(c.scenario_id),
                    "scenario_name": c.scenario_name,
                    "status": c.status,
                    "duration_seconds": c.duration,
                    "eval_outputs": dict(c.eval_outputs),
                }
                for c in calls
            ],
        },
    }


# -- the seven operations ---------------------------------------------------------------------------------


def get_run_test(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    return json_answer(200, app.store.run_test_json(_run_test(app, ids)))


def list_run_test_scenarios(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _run_test(app, ids)
    query = dict(exchange.query)
    fields = lenient_query(query)
    page, limit = page_and_limit(fields, query)
    fields.done()
    search = query.get("search", "").lower()
    found = [s for s in record.scenario_ids if search in app.store.scenario_name(s).lower()]
    # One row per scenario: the emulator places one call per scenario, as if each had one row.
    return list_answer(
        exchange,
        query,
        found,
        page,
        limit,
        lambda s: {"id": str(s), "name": app.store.scenario_name(s), "row_count": 1},
    )


def list_run_test_executions(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _run_test(app, ids)
    query = dict(exchange.query)
    fields = lenient_query(query)
    page, limit = page_and_limit(fields, query)
    fields.done()
    wanted = query.get("status", "").lower()
    found = [e for e in app.store.executions_of(record.id) if not wanted or e.status == wanted]
    return list_answer(exchange, query, found, page, limit, lambda e: _execution_row(e, record))


def get_eval_summary(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    record = _run_test(app, ids)
    fields = lenient_query(dict(exchange.query))
    execution_id = fields.an_id("execution_id")
    fields.done()
    if execution_id is None:
        executions = app.store.executions_of(record.id)
    else:
        execution = app.store.test_executions.get(execution_id)
        if execution is None or execution.run_test_id != record.id:
            raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found."))
        executions = [execution]
    tally = _eval_tally(record, executions)
    if app.dialect == "docs":
        return json_answer(200, {"evaluations": [_docs_summary_item(c, o) for c, o in tally]})
    return json_answer(200, server_envelope([_server_summary_item(c, o) for c, o in tally]))


def get_test_execution(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    query = dict(exchange.query)
    fields = lenient_query(query)
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
    # A page past the end is an empty page here, not the 500 of the other lists.
    calls, total_pages = page_of(execution.calls, page, limit)
    results = [_call_row(execution, c, run_test) for c in calls]
    return json_answer(
        200,
        {
            **page_body(
                exchange,
                query,
                count=len(execution.calls),
                page=page,
                total_pages=total_pages,
                results=results,
            ),
            "column_order": [],
            "error_messages": ["All calls failed."] if execution.status == "failed" else [],
            "status": execution.status,
            "provider": _provider(run_test),
            "agent_type": _agent_type(run_test),
        },
    )


def cancel_test_execution(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    Fields(read_json(exchange.body), ()).done()  # the body is empty or {}: any key is unknown
    execution = app.store.test_executions.get(uuid.UUID(ids["test_execution_id"]))
    if execution is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found"))
    before = execution.status
    if app.store.cancel(execution):
        message = "Test execution cancelled successfully"
    elif before in ("cancelling", "cancelled"):
        message = "Test execution is already cancelled"
    else:
        # Decided here (the server's answer for a finished execution was not observed): nothing to stop,
        # still a success, the status unchanged.
        message = f"Test execution already {before}; nothing to cancel"
    return json_answer(200, {"success": True, "message": message, "test_execution_id": str(execution.id)})


_RESULTS_PARAMETERS = ("execution_id", "page", "limit")


def get_simulation_run_results(app: EmulatorApp, exchange: Exchange, ids: dict[str, str]) -> Answer:
    query = dict(exchange.query)
    # The server's view refuses query parameters it does not know, like the run-test list. It also knows
    # run_test_name, call_execution_id, eval_name and summary, which the document does not describe, so the
    # emulator refuses them too rather than pretend to filter.
    fields = strict_query(query, _RESULTS_PARAMETERS) if app.dialect == "oss" else lenient_query(query)
    execution_id = fields.an_id("execution_id", required=True, nullable=False)
    page, limit = page_and_limit(fields, query)
    fields.done()
    assert execution_id is not None
    execution = app.store.test_executions.get(execution_id)
    if execution is None:
        raise RefusalError(error_answer(404, "not_found", "not_found", "Test execution not found."))
    if page > page_count(len(execution.calls), limit):
        raise invalid_page()
    _read(app.store, execution, page)
    body = _results(app.store.run_tests[execution.run_test_id], execution, page, limit)
    return json_answer(200, body if app.dialect == "docs" else server_envelope(body))
