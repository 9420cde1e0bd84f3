"""Answers as the two dialects send them, and fixed ids to build them from."""

from __future__ import annotations

import uuid
from typing import Any

API_KEY = "fi-test-api-key-1f9c2a"
SECRET_KEY = "fi-test-secret-key-8b7e3d"
BEARER = "session-token-5a4b3c2d1e"

AGENT = "6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f"
TEMPLATE = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
RUN = "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b"
EXECUTION = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"
# Two call executions, for the operations that name calls (reruns, a call's detail).
CALL_A = "4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a"
CALL_B = "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"
S1 = "0b8f6a5e-1c2d-4e3f-9a8b-7c6d5e4f3a2b"
S2 = "1c9a7b6f-2d3e-4f5a-8b9c-0d1e2f3a4b5c"
S3 = "2d0b8c7a-3e4f-4a5b-9c0d-1e2f3a4b5c6d"


def run_test(run_id: str = RUN, name: str = "Checkout regression", **extra: Any) -> dict[str, Any]:
    """A run test as the open-source server serialises it, every field populated."""
    body: dict[str, Any] = {
        "id": run_id,
        "name": name,
        "description": "Nightly checkout flows",
        "agent_definition": AGENT,
        "agent_version": {
            "id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
            "name": "v3",
            "configuration_snapshot": {"agent_type": "voice", "api_key": "****"},
        },
        "agent_definition_detail": {"id": AGENT, "agent_name": "Support bot", "agent_type": "voice"},
        "source_type": "agent_definition",
        "source_type_display": "Agent Definition",
        "prompt_template": None,
        "prompt_template_detail": None,
        "prompt_version": None,
        "prompt_version_detail": None,
        "scenarios": [S1, S2],
        "scenarios_detail": [
            {
                "id": S1,
                "name": "Angry customer",
                "description": None,
                "source": "manual",
                "scenario_type": "dataset",
                "scenario_type_display": "Dataset",
                "source_type": "agent_definition",
                "source_type_display": "Agent Definition",
                "organization": "4c3b2a1f-0e9d-4c8b-7a6f-5e4d3c2b1a0f",
                "dataset": "8e7d6c5b-4a3f-4e2d-9c0b-7a6f5e4d3c2b",
                "dataset_rows": 12,
                "dataset_column_config": {"c1": {"name": "persona", "type": "text"}},
                "graph": {},
                "agent": None,
                "agent_type": "inbound",
                "prompt_template": None,
                "prompt_template_detail": None,
                "prompt_version": None,
                "prompt_version_detail": None,
                "created_at": "2026-11-20T09:00:00Z",
                "updated_at": "2026-11-20T09:05:00.123456Z",
                "deleted": False,
                "status": "Completed",
                "deleted_at": None,
            },
            {"id": S2, "name": "Refund", "status": "Running", "dataset_column_config": []},
        ],
        "dataset_row_ids": [],
        "simulator_agent": None,
        "simulator_agent_detail": None,
        "simulate_eval_configs": [],
        "simulate_eval_configs_detail": [],
        "evals_detail": [],
        "evals": [],
        "organization": "4c3b2a1f-0e9d-4c8b-7a6f-5e4d3c2b1a0f",
        "enable_tool_evaluation": False,
        "created_at": "2026-11-22T10:00:00Z",
        "updated_at": "2026-11-22T10:00:00Z",
        "last_run_at": None,
        "deleted": False,
        "deleted_at": None,
    }
    body.update(extra)
    return body


def execution_snake(run_id: str = RUN, scenario_ids: list[str] | None = None) -> dict[str, Any]:
    ids = [S1, S2] if scenario_ids is None else scenario_ids
    return {
        "message": "Test execution started successfully",
        "execution_id": EXECUTION,
        "run_test_id": run_id,
        "status": "started",
        "total_scenarios": len(ids),
        "total_calls": 0,
        "scenario_ids": ids,
    }


def execution_camel(run_id: str = RUN, scenario_ids: list[str] | None = None) -> dict[str, Any]:
    snake = execution_snake(run_id, scenario_ids)
    return {
        "message": snake["message"],
        "executionId": snake["execution_id"],
        "runTestId": snake["run_test_id"],
        "status": "pending",
        "totalScenarios": snake["total_scenarios"],
        "totalCalls": snake["total_calls"],
        "scenarioIds": snake["scenario_ids"],
    }


def error(status_type: str, code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The open-source server's error envelope."""
    return {
        "status": False,
        "type": status_type,
        "code": code,
        "detail": message,
        "message": message,
        "error": message,
        "result": message,
        **extra,
    }


def unknown_fields(*keys: str) -> dict[str, Any]:
    """The 400 the open-source server answers to a body with keys its serializer does not know."""
    message = "; ".join(f"{key}: Unknown field." for key in keys)
    return error(
        "validation_error", "invalid", message, attr=keys[0], details={k: ["Unknown field."] for k in keys}
    )


def page(runs: list[dict[str, Any]], *, number: int, limit: int, count: int, base: str) -> dict[str, Any]:
    """A list page as the open-source server builds it, with absolute next/previous URLs."""
    total_pages = max(1, -(-count // limit))
    following = (
        f"{base}/simulate/run-tests/?limit={limit}&page={number + 1}" if number < total_pages else None
    )
    preceding = f"{base}/simulate/run-tests/?limit={limit}&page={number - 1}" if number > 1 else None
    return {
        "count": count,
        "next": following,
        "previous": preceding,
        "total_pages": total_pages,
        "current_page": number,
        "results": runs,
    }


def new_id() -> str:
    return str(uuid.uuid4())


# After execute ----------------------------------------------------------------------------------------------

EVAL_TONE = "2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d"
EVAL_RESOLVED = "3b2c1d0e-9f8a-4b7c-8d6e-5f4a3b2c1d0e"


def eval_output(name: str, output: Any, *, reason: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, "output": output, "output_type": "Pass/Fail"}
    if reason is not None:
        body["reason"] = reason
    return body


def call_row(
    scenario_id: str,
    status: str = "completed",
    *,
    call_id: str | None = None,
    evals: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A call row of getTestExecution, with the keys the open-source server sends most often."""
    return {
        "id": call_id or new_id(),
        "status": status,
        "scenario": f"Scenario {scenario_id[:4]}",
        "scenario_id": scenario_id,
        "test_execution_id": EXECUTION,
        "timestamp": "2026-11-30T10:00:00Z",
        "start_time": "2026-11-30T10:00:01Z",
        "duration": 42.0,
        "duration_seconds": 42.0,
        "transcript": [{"role": "user", "content": "hello"}],
        "overall_score": None,
        "eval_outputs": evals or {},
        "eval_metrics": {},
        "ended_reason": None,
        "call_summary": None,
        "simulation_call_type": "voice",
        "phone_number": "+15550100",
    }


def execution_detail(
    status: str, calls: list[dict[str, Any]], *, number: int = 1, limit: int = 100
) -> dict[str, Any]:
    """One page of getTestExecution over ``calls``."""
    pages = max(1, -(-len(calls) // limit))
    rows = calls[(number - 1) * limit : number * limit]
    return {
        "count": len(calls),
        "next": None if number >= pages else f"http://testserver/x/?page={number + 1}",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": rows,
        "column_order": [],
        "error_messages": [],
        "status": status,
        "provider": "vapi",
        "agent_type": "voice",
    }


def result_row(
    scenario_id: str,
    status: str = "completed",
    *,
    name: str | None = None,
    evals: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "call_execution_id": new_id(),
        "scenario_id": scenario_id,
        "scenario_name": name or f"Scenario {scenario_id[:4]}",
        "status": status,
        "duration_seconds": 30.5,
        "eval_outputs": evals or {},
    }


def results(
    status: str, rows: list[dict[str, Any]], *, envelope: bool = True, number: int = 1, limit: int = 100
) -> dict[str, Any]:
    """One page of getSimulationRunResults over ``rows``, in the open-source envelope or bare."""
    pages = max(1, -(-len(rows) // limit))
    inner = {
        "execution_id": EXECUTION,
        "status": status,
        "started_at": "2026-11-30T10:00:00Z",
        "completed_at": None,
        "total_calls": len(rows),
        "completed_calls": sum(row["status"] == "completed" for row in rows),
        "failed_calls": sum(row["status"] == "failed" for row in rows),
        "eval_results": [],
        "call_results": {
            "count": len(rows),
            "total_pages": pages,
            "current_page": number,
            "results": rows[(number - 1) * limit : number * limit],
        },
    }
    return {"status": True, "result": inner} if envelope else inner


def scenario_page(ids: list[str], *, number: int = 1, pages: int = 1) -> dict[str, object]:
    return {
        "count": len(ids) if pages == 1 else 1000,
        "next": None if number >= pages else "http://testserver/next",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [{"id": i, "name": f"Scenario {i[:4]}", "row_count": 1} for i in ids],
    }
