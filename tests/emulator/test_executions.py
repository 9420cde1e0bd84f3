"""The emulator's executions over real HTTP, in both dialects: lifecycle, scripted outcomes, cancel, an
execution's detail and its results (docs/dialects.md, "After execute"). Every exchange is checked against
openapi.yaml: leaving an ``Emulator`` block raises on any departure."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import (
    EXECUTIONS,
    RESOLVED,
    RESULTS,
    RUN_TESTS,
    TONE,
    add_scenarios,
    call_statuses,
    execute,
    http_client,
    read_detail,
    read_results,
)

# -- lifecycle ------------------------------------------------------------------------------------------


def test_each_read_moves_the_execution_one_stage(emulator: Emulator, http: httpx.Client) -> None:
    """With advance="on_read", reads see running, evaluating, completed, and the calls follow."""
    execution_id = execute(emulator, http)
    assert emulator.execution_status(execution_id) == "pending"
    running = read_detail(http, execution_id)
    assert (running["status"], call_statuses(running)) == ("running", ["ongoing"] * 3)
    assert all(row["eval_outputs"] == {} for row in running["results"])
    evaluating = read_detail(http, execution_id)
    assert (evaluating["status"], call_statuses(evaluating)) == ("evaluating", ["completed"] * 3)
    assert read_detail(http, execution_id)["status"] == "completed"
    assert read_detail(http, execution_id)["status"] == "completed"


def test_results_reads_move_the_execution_too(emulator: Emulator, http: httpx.Client) -> None:
    """A read of the results is one stage of progress as well."""
    execution_id = execute(emulator, http)
    seen = [read_results(emulator, http, execution_id)["status"] for _ in range(4)]
    assert seen == ["running", "evaluating", "completed", "completed"]


def test_only_first_page_reads_move_the_execution(oss: Emulator) -> None:
    """A read of a later page of the calls sees the state of the first page's read without moving it."""
    with http_client(oss) as http:
        execution_id = execute(oss, http)
        assert read_detail(http, execution_id, limit=2)["status"] == "running"
        assert call_statuses(read_detail(http, execution_id, limit=2, page=2)) == ["ongoing"]
        assert read_results(oss, http, execution_id, limit=2, page=2)["status"] == "running"
        assert read_detail(http, execution_id, limit=2)["status"] == "evaluating"


def test_manual_moves_only_on_advance_and_finish(manual: Emulator, mhttp: httpx.Client) -> None:
    """With advance="manual", reads change nothing; advance() steps and finish() ends."""
    first, second = execute(manual, mhttp), execute(manual, mhttp)
    assert read_detail(mhttp, first)["status"] == read_detail(mhttp, first)["status"] == "pending"
    # A pending execution has no call rows yet: the server's workflow creates them when it starts.
    assert call_statuses(read_detail(mhttp, first)) == []
    manual.advance(first)
    assert manual.execution_status(first) == "running"
    assert call_statuses(read_detail(mhttp, first)) == ["ongoing"] * 3
    assert manual.execution_status(second) == "pending"
    manual.advance(uuid.UUID(first), steps=2)
    assert read_detail(mhttp, first)["status"] == "completed"
    manual.advance()
    assert manual.execution_status(second) == "running"
    manual.finish()
    assert read_results(manual, mhttp, second)["status"] == "completed"


def test_advance_of_an_unknown_execution_is_a_value_error(manual: Emulator) -> None:
    """advance() and finish() name the execution they cannot find."""
    with pytest.raises(ValueError, match="no execution"):
        manual.advance(uuid.uuid4())
    with pytest.raises(ValueError, match="no execution"):
        manual.finish(str(uuid.uuid4()))


def test_default_outcome_is_every_eval_passed(manual: Emulator, mhttp: httpx.Client) -> None:
    """Unscripted, each call completes with every Pass/Fail eval Passed, keyed by eval config id: stored on
    the results, structured on the detail."""
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    stored = read_results(manual, mhttp, execution_id)["call_results"]["results"][0]["eval_outputs"]
    assert set(stored) == {TONE, RESOLVED}
    tone = stored[TONE]
    assert (tone["name"], tone["output"], tone["output_type"]) == ("Tone check", "Passed", "Pass/Fail")
    assert tone["reason"]
    row = read_detail(mhttp, execution_id)["results"][0]
    structured = row["eval_outputs"][TONE]
    assert (structured["value"], structured["type"], structured["error"], structured["skipped"]) == (
        "Passed",
        "Pass/Fail",
        False,
        False,
    )
    assert row["eval_metrics"][TONE]["value"] == "Passed"
    assert row["duration_seconds"] in (30, 37, 44)


def test_scripted_failure_fails_that_call_only(manual: Emulator, mhttp: httpx.Client) -> None:
    """A scenario scripted to fail gets a failed call with no eval outputs; the execution completes."""
    failing = manual.seed.scenario_ids[1]
    manual.script(failing, call="failed")
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    detail = read_detail(mhttp, execution_id)
    assert detail["status"] == "completed"
    assert call_statuses(detail) == ["completed", "failed", "completed"]
    assert detail["results"][1]["eval_outputs"] == {}
    assert detail["results"][1]["scenario_id"] == str(failing)
    results = read_results(manual, mhttp, execution_id)
    assert (results["completed_calls"], results["failed_calls"], results["total_calls"]) == (2, 1, 3)


def test_scripted_evals_fail_and_score(manual: Emulator, mhttp: httpx.Client) -> None:
    """evals maps a name to False (output Failed) or a number (a score)."""
    manual.script(manual.seed.scenario_ids[0], evals={"Tone check": False, "Issue resolved": 0.25})
    execution_id = execute(manual, mhttp, manual.seed.scenario_ids[:1])
    manual.finish(execution_id)
    outputs = read_results(manual, mhttp, execution_id)["call_results"]["results"][0]["eval_outputs"]
    assert outputs[TONE]["output"] == "Failed"
    assert (outputs[RESOLVED]["output"], outputs[RESOLVED]["output_type"]) == (0.25, "score")


def test_every_call_failed_fails_the_execution(manual: Emulator, mhttp: httpx.Client) -> None:
    """An execution fails only when every one of its calls failed."""
    for scenario in manual.seed.scenario_ids:
        manual.script(scenario, call="failed")
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    detail = read_detail(mhttp, execution_id)
    assert (detail["status"], call_statuses(detail)) == ("failed", ["failed"] * 3)
    row = mhttp.get(f"{RUN_TESTS}{manual.seed.run_test_id}/executions/").json()["results"][0]
    assert (row["status"], row["success_rate"], row["connected_calls"]) == ("Failed", 0.0, 0)


def test_a_script_for_an_unknown_scenario_is_a_value_error(manual: Emulator) -> None:
    """script() refuses a scenario the emulator does not have, and a call outcome it does not know."""
    with pytest.raises(ValueError, match="scenario_id"):
        manual.script(uuid.uuid4(), call="failed")
    with pytest.raises(ValueError, match="call"):
        manual.script(manual.seed.scenario_ids[0], call="crashed")  # type: ignore[arg-type]


def test_clear_scripts_makes_every_scenario_pass_again(manual: Emulator, mhttp: httpx.Client) -> None:
    """clear_scripts() forgets every script."""
    manual.script(manual.seed.scenario_ids[0], call="failed")
    manual.clear_scripts()
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    assert call_statuses(read_detail(mhttp, execution_id)) == ["completed"] * 3


def test_a_prompt_simulation_execution_is_followed_the_same_way(
    emulator: Emulator, http: httpx.Client
) -> None:
    """A prompt execute starts an execution too: text calls, newest first, no evals."""
    seed = emulator.seed
    path = (
        f"/simulate/prompt-templates/{seed.prompt_template_id}/simulations/{seed.prompt_run_test_id}/execute/"
    )
    answer = http.post(path, json={}).json()
    execution_id = (
        answer["data"]["executionId"] if emulator.dialect == "docs" else answer["result"]["execution_id"]
    )
    emulator.finish(execution_id)
    detail = read_detail(http, execution_id)
    assert (detail["status"], detail["provider"], detail["agent_type"]) == ("completed", None, "text")
    assert [r["scenario"] for r in detail["results"]] == [
        "Greeting in French",
        "Terse greeting",
        "Polite greeting",
    ]
    assert all(r["eval_outputs"] == {} and r["simulation_call_type"] == "text" for r in detail["results"])
    assert emulator.execution_ids(seed.prompt_run_test_id) == [uuid.UUID(execution_id)]


# -- cancel -----------------------------------------------------------------------------------------------


def test_cancel_mid_run_goes_cancelling_then_cancelled(manual: Emulator, mhttp: httpx.Client) -> None:
    """Temporal: cancel puts a running execution in cancelling; the workflow's next step cancels it and its
    ongoing calls."""
    execution_id = execute(manual, mhttp)
    manual.advance(execution_id)
    answer = mhttp.post(f"{EXECUTIONS}{execution_id}/cancel/")
    assert answer.status_code == 200
    assert answer.json() == {
        "success": True,
        "message": "Cancellation signal sent to workflow",
        "test_execution_id": execution_id,
    }
    assert read_detail(mhttp, execution_id)["status"] == "cancelling"
    manual.advance(execution_id)
    detail = read_detail(mhttp, execution_id)
    assert (detail["status"], call_statuses(detail)) == ("cancelled", ["cancelled"] * 3)
    again = mhttp.post(f"{EXECUTIONS}{execution_id}/cancel/", json={})
    assert (again.status_code, again.json()["success"]) == (200, True)


def test_cancel_on_read_ends_at_the_next_read(emulator: Emulator, http: httpx.Client) -> None:
    """With advance="on_read", a pending execution cancelled is cancelled at the next read."""
    execution_id = execute(emulator, http)
    assert http.post(f"{EXECUTIONS}{execution_id}/cancel/").status_code == 200
    assert emulator.execution_status(execution_id) == "cancelling"
    detail = read_detail(http, execution_id)
    assert (detail["status"], call_statuses(detail)) == ("cancelled", ["cancelled"] * 3)
    row = http.get(f"{RUN_TESTS}{emulator.seed.run_test_id}/executions/").json()["results"][0]
    assert row["status"] == "Cancelled"


def test_cancel_after_the_end_leaves_temporal_cancelling(manual: Emulator, mhttp: httpx.Client) -> None:
    """Temporal: a cancel of a finished execution leaves it cancelling for good, its calls unchanged."""
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    answer = mhttp.post(f"{EXECUTIONS}{execution_id}/cancel/")
    assert (answer.status_code, answer.json()["message"]) == (200, "Cancellation signal sent to workflow")
    manual.finish(execution_id)
    detail = read_detail(mhttp, execution_id)
    assert (detail["status"], call_statuses(detail)) == ("cancelling", ["completed"] * 3)


def test_cancel_after_the_end_turns_older_executor_cancelled() -> None:
    """The older executor: a cancel of a completed execution turns it cancelled; calls keep their status."""
    with Emulator(dialect="oss", advance="manual", executor="older") as emu, http_client(emu) as http:
        execution_id = execute(emu, http)
        emu.finish(execution_id)
        answer = http.post(f"{EXECUTIONS}{execution_id}/cancel/")
        assert (answer.status_code, answer.json()["message"]) == (
            200,
            "Test execution cancelled successfully",
        )
        results = read_results(emu, http, execution_id)
        assert results["status"] == "cancelled"
        assert [r["status"] for r in results["call_results"]["results"]] == ["completed"] * 3


def test_cancel_mid_run_on_the_older_executor_is_cancelled_at_once() -> None:
    """The older executor: a cancel of a running execution cancels it and its ongoing calls at once."""
    with Emulator(dialect="oss", advance="manual", executor="older") as emu, http_client(emu) as http:
        execution_id = execute(emu, http)
        emu.advance(execution_id)
        assert http.post(f"{EXECUTIONS}{execution_id}/cancel/").status_code == 200
        detail = read_detail(http, execution_id)
        assert (detail["status"], call_statuses(detail)) == ("cancelled", ["cancelled"] * 3)


def test_an_unknown_executor_is_a_value_error() -> None:
    """Emulator(executor=...) names the two it knows."""
    with pytest.raises(ValueError, match="executor: must be one of temporal, older"):
        Emulator(executor="celery")  # type: ignore[arg-type]


def test_cancel_refusals(emulator: Emulator, http: httpx.Client) -> None:
    """Unknown execution: 404; any body key: 400 naming it; read-only keys: 403."""
    unknown = http.post(f"{EXECUTIONS}{uuid.uuid4()}/cancel/")
    assert (unknown.status_code, unknown.json()["message"]) == (404, "Test execution not found")
    execution_id = execute(emulator, http)
    keyed = http.post(f"{EXECUTIONS}{execution_id}/cancel/", json={"reason": "bored"})
    assert (keyed.status_code, keyed.json()["details"]) == (400, {"reason": ["Unknown field."]})
    emulator.add_keys("reader", "reader-secret", can_write=False)
    headers = {"X-Api-Key": "reader", "X-Secret-Key": "reader-secret"}
    assert http.post(f"{EXECUTIONS}{execution_id}/cancel/", headers=headers).status_code == 403
    assert emulator.execution_status(execution_id) == "pending"


# -- getTestExecution -------------------------------------------------------------------------------------

CALL_KEYS = {
    "id",
    "status",
    "scenario",
    "scenario_id",
    "test_execution_id",
    "timestamp",
    "start_time",
    "duration",
    "duration_seconds",
    "transcript",
    "overall_score",
    "eval_outputs",
    "eval_metrics",
    "ended_reason",
    "call_summary",
    "simulation_call_type",
}


def test_detail_shape(emulator: Emulator, http: httpx.Client) -> None:
    """The detail is the page keys plus column_order, status, provider, agent_type; rows carry the keys."""
    execution_id = execute(emulator, http)
    detail = read_detail(http, execution_id)
    assert {"count", "next", "previous", "total_pages", "current_page", "results", "column_order"} <= set(
        detail
    )
    assert (detail["error_messages"], detail["provider"], detail["agent_type"]) == ([], "vapi", "voice")
    assert [c["id"] for c in detail["column_order"]][-2:] == [RESOLVED, TONE]
    row = detail["results"][0]
    assert set(row) >= CALL_KEYS
    assert (row["scenario"], row["test_execution_id"]) == ("Wrong number", execution_id)


def test_unknown_execution_is_500_on_oss_and_404_on_docs(emulator: Emulator, http: httpx.Client) -> None:
    """The open-source server answers an unknown execution with a 500; the documentation says 404."""
    response = http.get(f"{EXECUTIONS}{uuid.uuid4()}/")
    if emulator.dialect == "oss":
        assert (response.status_code, response.json()["type"]) == (500, "server_error")
        assert response.json()["message"] == (
            "Failed to retrieve test execution: No TestExecution matches the given query."
        )
    else:
        assert (response.status_code, response.json()["type"]) == (404, "not_found")


def test_detail_pages_10_on_oss_and_30_on_docs(manual: Emulator, mhttp: httpx.Client) -> None:
    """Without limit the open-source server pages 10 calls, the documentation 30."""
    execution_id = execute(manual, mhttp, add_scenarios(manual, 12))
    manual.advance(execution_id)
    detail = read_detail(mhttp, execution_id)
    expected = {"oss": (10, 2), "docs": (12, 1)}[manual.dialect]
    assert (len(detail["results"]), detail["total_pages"]) == expected
    assert detail["count"] == 12


def test_detail_page_past_the_end_is_an_empty_200(manual: Emulator, mhttp: httpx.Client) -> None:
    """A page past the end of the calls is a 200 with no rows and no provider; paging links point back."""
    execution_id = execute(manual, mhttp)
    manual.advance(execution_id)
    second = read_detail(mhttp, execution_id, limit=2, page=2)
    # Newest created first: the first scenario's call was created first, so it is last.
    assert ([r["scenario"] for r in second["results"]], second["next"]) == (["Angry customer"], None)
    assert second["previous"] == f"{manual.url}{EXECUTIONS}{execution_id}/?limit=2"
    past = read_detail(mhttp, execution_id, limit=2, page=5)
    assert (past["results"], past["count"], past["current_page"]) == ([], 3, 5)
    assert "provider" not in past
    assert "agent_type" not in past
    assert mhttp.get(f"{EXECUTIONS}{execution_id}/", params={"page": 0}).status_code == 400


# -- getSimulationRunResults ------------------------------------------------------------------------------


def test_results_shape(manual: Emulator, mhttp: httpx.Client) -> None:
    """Results carry status, counts, eval results per template and one call result per call."""
    execution_id = execute(manual, mhttp, manual.seed.scenario_ids[:2])
    pending = read_results(manual, mhttp, execution_id)
    assert (pending["status"], pending["completed_at"], pending["total_calls"]) == ("pending", None, 0)
    manual.finish(execution_id)
    results = read_results(manual, mhttp, execution_id)
    assert results["completed_at"] is not None
    page = results["call_results"]
    assert (page["count"], page["total_pages"], page["current_page"]) == (2, 1, 1)
    first = page["results"][0]
    assert set(first) == {
        "call_execution_id",
        "scenario_id",
        "scenario_name",
        "status",
        "duration_seconds",
        "eval_outputs",
    }
    # Ordered by last update, newest first: the second call ended last.
    assert (first["scenario_name"], first["status"]) == ("Refund request", "completed")
    assert [(r["name"], [c["name"] for c in r["result"]]) for r in results["eval_results"]] == [
        ("toxicity", ["Issue resolved"]),
        ("task_completion", ["Tone check"]),
    ]


def test_results_refusals(emulator: Emulator, http: httpx.Client) -> None:
    """Unknown execution 404; missing or malformed execution_id 400; call_results past the end 500."""
    missing = http.get(RESULTS, params={"execution_id": str(uuid.uuid4())})
    assert (missing.status_code, missing.json()["message"]) == (404, "Test execution not found.")
    assert http.get(RESULTS).json()["details"] == {"execution_id": ["This field is required."]}
    assert http.get(RESULTS, params={"execution_id": "nope"}).status_code == 400
    execution_id = execute(emulator, http)
    emulator.advance(execution_id)
    past = http.get(RESULTS, params={"execution_id": execution_id, "page": 2})
    assert (past.status_code, past.json()["message"]) == (500, "Unable to fetch simulation runs.")
    assert emulator.execution_status(execution_id) == "running"
    assert read_results(emulator, http, execution_id, limit=2, page=2)["call_results"]["total_pages"] == 2


def test_results_query_is_strict_on_oss_only(emulator: Emulator, http: httpx.Client) -> None:
    """oss refuses unknown query keys (400 "Validation failed", the keys in `errors`); docs ignores them."""
    execution_id = execute(emulator, http)
    response = http.get(RESULTS, params={"execution_id": execution_id, "executionId": execution_id})
    if emulator.dialect == "oss":
        assert (response.status_code, response.json()["message"]) == (400, "Validation failed")
        assert response.json()["errors"] == {"executionId": ["Unknown field."]}
    else:
        assert response.status_code == 200


# -- reruns of calls ------------------------------------------------------------------------------------


def _rerun(http: httpx.Client, execution_id: str, **body: Any) -> httpx.Response:
    return http.post(f"{EXECUTIONS}{execution_id}/rerun-calls/", json=body)


def _rows(http: httpx.Client, execution_id: str) -> dict[str, dict[str, Any]]:
    return {row["scenario"]: row for row in read_detail(http, execution_id)["results"]}


def test_a_call_that_failed_then_passed_keeps_its_first_result(manual: Emulator, mhttp: httpx.Client) -> None:
    """call_and_eval on a failed call: attempt 2's script plays it, the snapshot keeps attempt 1 and cost."""
    scenario = manual.seed.scenario_ids[0]
    manual.script(scenario, call="failed", cost_cents=30, attempt=1)
    manual.script(scenario, cost_cents=45, attempt=2)
    execution_id = execute(manual, mhttp, [scenario])
    manual.finish(execution_id)
    call_id = _rows(mhttp, execution_id)["Angry customer"]["id"]
    answer = _rerun(mhttp, execution_id, rerun_type="call_and_eval", call_execution_ids=[call_id])
    assert answer.status_code == 200, answer.text
    assert (answer.json()["successful_reruns"], answer.json()["failed_reruns"]) == ([call_id], [])
    assert manual.execution_status(execution_id) == "running"
    assert _rows(mhttp, execution_id)["Angry customer"]["status"] == "pending"
    manual.finish(execution_id)
    row = _rows(mhttp, execution_id)["Angry customer"]
    assert (row["status"], row["cost_cents"], manual.execution_status(execution_id)) == (
        "completed",
        45,
        "completed",
    )
    assert row["eval_outputs"][TONE]["value"] == "Passed"
    (snapshot,) = row["rerun_snapshots"]
    assert (snapshot["status"], snapshot["cost_cents"], snapshot["rerun_type"]) == (
        "failed",
        30,
        "call_and_eval",
    )


def test_an_eval_only_rerun_judges_the_call_again(manual: Emulator, mhttp: httpx.Client) -> None:
    """eval_only: the execution goes evaluating, attempt 2's evals are written, the call stays as it ended."""
    scenario = manual.seed.scenario_ids[1]
    manual.script(scenario, evals={"Tone check": False}, cost_cents=20, attempt=1)
    manual.script(scenario, evals={"Tone check": True}, attempt=2)
    execution_id = execute(manual, mhttp, [scenario])
    manual.finish(execution_id)
    answer = _rerun(mhttp, execution_id, rerun_type="eval_only", select_all=True)
    assert answer.status_code == 200, answer.text
    assert manual.execution_status(execution_id) == "evaluating"
    assert _rows(mhttp, execution_id)["Refund request"]["eval_outputs"] == {}
    manual.finish(execution_id)
    row = _rows(mhttp, execution_id)["Refund request"]
    assert (row["eval_outputs"][TONE]["value"], row["cost_cents"], row["rerun_snapshots"]) == (
        "Passed",
        20,
        [],
    )


def test_select_all_with_ids_reruns_every_other_call(manual: Emulator, mhttp: httpx.Client) -> None:
    """select_all with ids reruns the execution's calls except those ids, as the server reads it."""
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    rows = _rows(mhttp, execution_id)
    kept = rows["Angry customer"]["id"]
    answer = _rerun(
        mhttp, execution_id, rerun_type="call_and_eval", select_all=True, call_execution_ids=[kept]
    )
    assert sorted(answer.json()["successful_reruns"]) == sorted(
        rows[name]["id"] for name in ("Refund request", "Wrong number")
    )
    statuses = {name: row["status"] for name, row in _rows(mhttp, execution_id).items()}
    assert statuses == {"Angry customer": "completed", "Refund request": "pending", "Wrong number": "pending"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"rerun_type": "call_and_eval"}, "non_field_errors"),
        ({"rerun_type": "again", "select_all": True}, "rerun_type"),
        ({"select_all": True}, "rerun_type"),
        ({"rerun_type": "eval_only", "select_all": True, "selectAll": True}, "selectAll"),
    ],
    ids=["no-calls", "bad-type", "no-type", "unknown-key"],
)
def test_a_rerun_body_the_server_refuses_is_a_400_naming_the_field(
    manual: Emulator, mhttp: httpx.Client, body: dict[str, Any], field: str
) -> None:
    """The serializer's rules: a rerun type of the two, some calls, no other key."""
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    answer = _rerun(mhttp, execution_id, **body)
    assert answer.status_code == 400
    assert field in answer.json()["details"]


def test_a_pending_execution_cannot_be_rerun(manual: Emulator, mhttp: httpx.Client) -> None:
    """A rerun of a pending execution is a 400 naming its status, in both dialects."""
    execution_id = execute(manual, mhttp)
    answer = _rerun(mhttp, execution_id, rerun_type="call_and_eval", select_all=True)
    assert answer.status_code == 400
    assert "in 'pending' status" in answer.json()["message"]


@pytest.mark.parametrize(("dialect", "status"), [("docs", 400), ("oss", 200)])
def test_a_running_execution_is_refused_by_the_docs_only(dialect: str, status: int) -> None:
    """The documentation refuses a running execution; the open-source server reruns its calls."""
    with Emulator(dialect=dialect, advance="manual") as emu, http_client(emu) as http:  # type: ignore[arg-type]
        execution_id = execute(emu, http)
        emu.advance(execution_id)
        assert _rerun(http, execution_id, rerun_type="call_and_eval", select_all=True).status_code == status


@pytest.mark.parametrize("dialect", ["docs", "oss"])
def test_ids_that_are_not_calls_of_the_execution(dialect: str) -> None:
    """docs: listed in failed_reruns; oss: dropped, and with nothing left a 400."""
    stranger = str(uuid.uuid4())
    with Emulator(dialect=dialect, advance="manual") as emu, http_client(emu) as http:  # type: ignore[arg-type]
        execution_id = execute(emu, http)
        emu.finish(execution_id)
        answer = _rerun(http, execution_id, rerun_type="call_and_eval", call_execution_ids=[stranger])
        if dialect == "docs":
            assert answer.status_code == 200, answer.text
            assert [f["call_execution_id"] for f in answer.json()["failed_reruns"]] == [stranger]
            assert answer.json()["successful_reruns"] == []
        else:
            assert answer.status_code == 400
            assert answer.json()["message"] == "No call executions found that can be rerun."


def test_a_text_agents_calls_are_judged_again_only(manual: Emulator, mhttp: httpx.Client) -> None:
    """call_and_eval on a text agent's execution is a 400; eval_only is accepted."""
    body = {
        "name": "Chat run",
        "agent_definition_id": str(manual.seed.agent_definition_ids[1]),
        "scenario_ids": [str(manual.seed.scenario_ids[0])],
    }
    run_test_id = mhttp.post(f"{RUN_TESTS}create/", json=body).json()["id"]
    execution_id = execute(manual, mhttp, run_test_id=run_test_id)
    manual.finish(execution_id)
    refused = _rerun(mhttp, execution_id, rerun_type="call_and_eval", select_all=True)
    assert refused.status_code == 400
    assert refused.json()["message"] == "Text/Chat agents only support 'eval_only' rerun type."
    assert _rerun(mhttp, execution_id, rerun_type="eval_only", select_all=True).status_code == 200


def test_a_rerun_of_an_unknown_execution_is_a_404(emulator: Emulator, http: httpx.Client) -> None:
    """An execution the emulator does not have: 404 "Test execution not found"."""
    answer = _rerun(http, str(uuid.uuid4()), rerun_type="eval_only", select_all=True)
    assert (answer.status_code, answer.json()["message"]) == (404, "Test execution not found")


def test_a_rerun_of_one_call_leaves_the_others_as_they_ended(manual: Emulator, mhttp: httpx.Client) -> None:
    """Only the rerun call is placed again; the other calls keep their status, outputs and cost."""
    manual.script(manual.seed.scenario_ids[1], cost_cents=11)
    execution_id = execute(manual, mhttp)
    manual.finish(execution_id)
    before = _rows(mhttp, execution_id)
    rerun = {"rerun_type": "call_and_eval", "call_execution_ids": [before["Angry customer"]["id"]]}
    assert _rerun(mhttp, execution_id, **rerun).status_code == 200
    manual.finish(execution_id)
    after = _rows(mhttp, execution_id)
    for name in ("Refund request", "Wrong number"):
        kept = ("status", "cost_cents", "eval_outputs", "rerun_snapshots")
        assert {k: after[name][k] for k in kept} == {k: before[name][k] for k in kept}
    assert len(after["Angry customer"]["rerun_snapshots"]) == 1
