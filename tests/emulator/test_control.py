"""The /_emulator/ control routes: script, advance and finish over HTTP, and what they refuse."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from futureagi_simulate.testing import Emulator
from futureagi_simulate.testing._records import seed_id
from tests.emulator.helpers import (
    call_statuses,
    execute,
    http_client,
    read_detail,
)


def test_control_routes_script_advance_and_finish(manual: Emulator, mhttp: httpx.Client) -> None:
    """POST /_emulator/script, /advance and /finish do over HTTP what script(), advance(), finish() do."""
    scripted = mhttp.post(
        "/_emulator/script",
        json={
            "scenario_id": str(manual.seed.scenario_ids[0]),
            "call": "failed",
            "evals": {"Tone check": False},
        },
    )
    assert scripted.status_code == 200
    assert scripted.json()["call"] == "failed"
    first, second = execute(manual, mhttp), execute(manual, mhttp)
    moved = mhttp.post("/_emulator/advance", json={"execution_id": first, "steps": 2}).json()
    assert moved == {"executions": {first: "evaluating"}}
    assert mhttp.post("/_emulator/advance", json={}).json()["executions"] == {
        first: "completed",
        second: "running",
    }
    assert mhttp.post("/_emulator/finish", json={"execution_id": second}).json() == {
        "executions": {second: "completed"}
    }
    # The detail lists calls newest first; the control route in the order they were made.
    assert call_statuses(read_detail(mhttp, first)) == ["completed", "completed", "failed"]
    listed = mhttp.get("/_emulator/executions", params={"run_test_id": str(manual.seed.run_test_id)}).json()
    assert [e["id"] for e in listed["executions"]] == [first, second]
    assert [c["status"] for c in listed["executions"][0]["calls"]] == ["failed", "completed", "completed"]
    assert mhttp.delete("/_emulator/script").status_code == 204
    assert mhttp.post("/_emulator/finish").json()["executions"] == {first: "completed", second: "completed"}


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/_emulator/script", {"scenario_id": str(uuid.uuid4())}),
        ("/_emulator/script", {}),
        ("/_emulator/script", {"scenario_id": str(seed_id("scenario:Angry customer")), "call": "lost"}),
        (
            "/_emulator/script",
            {"scenario_id": str(seed_id("scenario:Angry customer")), "evals": {"x": {"verdict": "yes"}}},
        ),
        ("/_emulator/advance", {"execution_id": str(uuid.uuid4())}),
        ("/_emulator/advance", {"steps": "two"}),
        ("/_emulator/finish", {"execution_id": "nope"}),
    ],
    ids=[
        "unknown-scenario",
        "no-scenario",
        "bad-call",
        "bad-eval",
        "unknown-execution",
        "bad-steps",
        "bad-id",
    ],
)
def test_control_routes_refuse_what_they_cannot_do(oss: Emulator, path: str, body: dict[str, Any]) -> None:
    """A control request naming nothing known, or malformed, is a 400 saying why."""
    with http_client(oss) as client:
        response = client.post(path, json=body)
    assert response.status_code == 400
    assert response.json()["message"]


def test_control_route_scripts_a_scenario_on_one_agent_version(manual: Emulator, mhttp: httpx.Client) -> None:
    """POST /_emulator/script with agent_version fails the scenario only on run tests pinned to it."""
    seed = manual.seed
    _, v2 = seed.agent_version_ids
    body = {"scenario_id": str(seed.scenario_ids[0]), "call": "failed", "agent_version": str(v2)}
    scripted = mhttp.post("/_emulator/script", json=body)
    assert scripted.json()["agent_version"] == str(v2)
    created = mhttp.post(
        "/simulate/run-tests/create/",
        json={
            "name": "on v2",
            "agent_definition_id": str(seed.agent_definition_ids[0]),
            "scenario_ids": [str(seed.scenario_ids[0])],
            "agent_version": str(v2),
        },
    ).json()
    pinned_run = created.get("id") or created["result"]["id"]
    execute(manual, mhttp, run_test_id=pinned_run)
    execute(manual, mhttp)
    mhttp.post("/_emulator/finish")
    listed = {
        run: mhttp.get("/_emulator/executions", params={"run_test_id": run}).json()["executions"][0]
        for run in (pinned_run, str(seed.run_test_id))
    }
    assert [c["status"] for c in listed[pinned_run]["calls"]] == ["failed"]
    assert "failed" not in [c["status"] for c in listed[str(seed.run_test_id)]["calls"]]
