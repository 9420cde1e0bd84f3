"""The two wire forms the emulator speaks, and the names and envelopes that differ between them.

``oss`` is what the open-source server does (snake_case only, ``{"status": true, "result": ...}``);
``docs`` is what the public documentation shows (camelCase execute bodies, ``{"status": "success",
"data": ...}``). The casing and the envelopes live here; the other differences (a default page size, a
404 where the server answers 500, ...) are decided by each operation where it answers, and
``docs/dialects.md`` lists them all.
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["CAMEL", "DIALECTS", "Dialect", "docs_envelope", "server_envelope"]

Dialect = Literal["docs", "oss"]
DIALECTS: tuple[Dialect, ...] = ("docs", "oss")

#: The ``docs`` dialect's names for the execute operations' fields, in the request and in the answer.
CAMEL = {
    "select_all": "selectAll",
    "scenario_ids": "scenarioIds",
    "simulator_id": "simulatorId",
    "execution_id": "executionId",
    "run_test_id": "runTestId",
    "total_scenarios": "totalScenarios",
    "total_calls": "totalCalls",
}


def server_envelope(result: Any) -> dict[str, Any]:
    """The open-source server's success envelope."""
    return {"status": True, "result": result}


def docs_envelope(data: Any) -> dict[str, Any]:
    """The documented success envelope."""
    return {"status": "success", "data": data}
