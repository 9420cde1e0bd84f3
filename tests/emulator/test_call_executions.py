"""The emulator's call executions over real HTTP, in both dialects: one call's detail, and its session
comparison as each dialect answers it (docs/dialects.md, "Session comparison"). Every exchange is checked
against openapi.yaml."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import EXECUTIONS, execute, read_detail

CALLS = "/simulate/call-executions/"


def _first_call(manual: Emulator, http: httpx.Client) -> tuple[str, dict[str, Any]]:
    execution_id = execute(manual, http, [manual.seed.scenario_ids[0]])
    manual.finish(execution_id)
    (row,) = read_detail(http, execution_id)["results"]
    return execution_id, row


def test_a_call_reads_as_its_row_in_the_execution(manual: Emulator, mhttp: httpx.Client) -> None:
    """GET call-executions/{id}/ answers the row the execution's detail shows, cost included."""
    manual.script(manual.seed.scenario_ids[0], cost_cents=12)
    _, row = _first_call(manual, mhttp)
    answer = mhttp.get(f"{CALLS}{row['id']}/")
    assert answer.status_code == 200, answer.text
    assert answer.json() == row
    assert answer.json()["cost_cents"] == 12


def test_an_unknown_call_is_a_404(manual: Emulator, mhttp: httpx.Client) -> None:
    """A call the emulator does not have: 404 "Call execution not found", in both dialects."""
    answer = mhttp.get(f"{CALLS}{uuid.uuid4()}/")
    assert (answer.status_code, answer.json()["message"]) == (404, "Call execution not found")


def test_the_docs_compare_a_rerun_call_with_its_previous_attempt(docs_manual: Emulator) -> None:
    """docs: 400 before any rerun; after one, metrics and evals now beside the snapshot's."""
    with httpx.Client(
        base_url=docs_manual.url,
        headers={"X-Api-Key": docs_manual.api_key, "X-Secret-Key": docs_manual.secret_key},
    ) as http:
        scenario = docs_manual.seed.scenario_ids[0]
        docs_manual.script(scenario, evals={"Tone check": False}, cost_cents=30, attempt=1)
        docs_manual.script(scenario, cost_cents=45, attempt=2)
        execution_id, row = _first_call(docs_manual, http)
        assert http.get(f"{CALLS}{row['id']}/session-comparison/").status_code == 400
        rerun = {"rerun_type": "call_and_eval", "call_execution_ids": [row["id"]]}
        assert http.post(f"{EXECUTIONS}{execution_id}/rerun-calls/", json=rerun).status_code == 200
        docs_manual.finish(execution_id)
        answer = http.get(f"{CALLS}{row['id']}/session-comparison/")
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["metrics_comparison"]["current"]["cost_cents"] == 45
        assert body["metrics_comparison"]["previous"]["cost_cents"] == 30
        assert body["eval_comparison"]["previous"]["Tone check"]["output"] == "Failed"
        assert body["eval_comparison"]["current"]["Tone check"]["output"] == "Passed"


def test_the_server_compares_replay_runs_only(oss_manual: Emulator) -> None:
    """oss: a call not from a replay run is a 400 naming why; an unknown id, the server's 500."""
    with httpx.Client(
        base_url=oss_manual.url,
        headers={"X-Api-Key": oss_manual.api_key, "X-Secret-Key": oss_manual.secret_key},
    ) as http:
        execution_id = execute(oss_manual, http, [oss_manual.seed.scenario_ids[0]])
        oss_manual.advance(execution_id)
        (row,) = read_detail(http, execution_id)["results"]
        running = http.get(f"{CALLS}{row['id']}/session-comparison/")
        assert (running.status_code, running.json()["message"]) == (
            400,
            "Call execution is not completed yet",
        )
        oss_manual.finish(execution_id)
        ended = http.get(f"{CALLS}{row['id']}/session-comparison/")
        assert (ended.status_code, ended.json()["message"]) == (
            400,
            "Row ID is not associated which is required",
        )
        unknown = http.get(f"{CALLS}{uuid.uuid4()}/session-comparison/")
        assert unknown.status_code == 500
        assert unknown.json()["message"] == "Failed to compare session chat simulations. Please try again."
