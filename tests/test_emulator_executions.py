"""The emulator's executions over real HTTP, in both dialects: lifecycle, scripted outcomes, cancel, and the
seven endpoints that read them (docs/dialects.md, "After execute"). Every exchange is checked against
openapi.yaml: leaving an ``Emulator`` block raises on any departure."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from futureagi_simulate.testing import Dialect, Emulator, Fault
from futureagi_simulate.testing._records import ScenarioRecord, seed_id

RUN_TESTS = "/simulate/run-tests/"
EXECUTIONS = "/simulate/test-executions/"
RESULTS = "/sdk/api/v1/simulation/runs/"
TONE = str(seed_id("eval:Tone check"))
RESOLVED = str(seed_id("eval:Issue resolved"))


def _http(emulator: Emulator) -> httpx.Client:
    headers = {"X-Api-Key": emulator.api_key, "X-Secret-Key": emulator.secret_key}
    return httpx.Client(base_url=emulator.url, headers=headers, timeout=10.0)


@pytest.fixture
def http(emulator: Emulator) -> Iterator[httpx.Client]:
    with _http(emulator) as client:
        yield client


@pytest.fixture(params=["docs", "oss"])
def manual(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """The emulator in each dialect, moving executions only when told."""
    with Emulator(dialect=request.param, advance="manual") as emu:
        yield emu


@pytest.fixture
def mhttp(manual: Emulator) -> Iterator[httpx.Client]:
    with _http(manual) as client:
        yield client


def _execute(
    emulator: Emulator,
    http: httpx.Client,
    scenario_ids: Sequence[uuid.UUID] = (),
    run_test_id: uuid.UUID | str | None = None,
) -> str:
    ids = [str(s) for s in scenario_ids]
    camel = emulator.dialect == "docs"
    body = {"selectAll" if camel else "select_all": not ids, "scenarioIds" if camel else "scenario_ids": ids}
    response = http.post(f"{RUN_TESTS}{run_test_id or emulator.seed.run_test_id}/execute/", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["execution_id"])


def _detail(http: httpx.Client, execution_id: str, **params: Any) -> dict[str, Any]:
    response = http.get(f"{EXECUTIONS}{execution_id}/", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _results(emulator: Emulator, http: httpx.Client, execution_id: str, **params: Any) -> dict[str, Any]:
    response = http.get(RESULTS, params={"execution_id": execution_id, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    if emulator.dialect == "oss":
        assert body["status"] is True
        body = body["result"]
    return body


def _statuses(detail: dict[str, Any]) -> list[str]:
    return [row["status"] for row in detail["results"]]


def _add_scenarios(emulator: Emulator, count: int) -> list[uuid.UUID]:
    # No endpoint creates scenarios; a long execution needs more than the seed's.
    added = [ScenarioRecord(uuid.uuid4(), f"Extra {n}", "Completed") for n in range(count)]
    for scenario in added:
        emulator.app.store.scenarios[scenario.id] = scenario
    return [s.id for s in added]


# -- lifecycle ------------------------------------------------------------------------------------------


def test_each_read_moves_the_execution_one_stage(emulator: Emulator, http: httpx.Client) -> None:
    """With advance="on_read", reads see running, evaluating, completed, and the calls follow."""
    execution_id = _execute(emulator, http)
    assert emulator.execution_status(execution_id) == "pending"
    running = _detail(http, execution_id)
    assert (running["status"], _statuses(running)) == ("running", ["ongoing"] * 3)
    assert all(row["eval_outputs"] == {} for row in running["results"])
    evaluating = _detail(http, execution_id)
    assert (evaluating["status"], _statuses(evaluating)) == ("evaluating", ["completed"] * 3)
    assert _detail(http, execution_id)["status"] == "completed"
    assert _detail(http, execution_id)["status"] == "completed"


def test_results_reads_move_the_execution_too(emulator: Emulator, http: httpx.Client) -> None:
    """A read of the results is one stage of progress as well."""
    execution_id = _execute(emulator, http)
    seen = [_results(emulator, http, execution_id)["status"] for _ in range(4)]
    assert seen == ["running", "evaluating", "completed", "completed"]


def test_only_first_page_reads_move_the_execution(oss: Emulator) -> None:
    """A read of a later page of the calls sees the state of the first page's read without moving it."""
    with _http(oss) as http:
        execution_id = _execute(oss, http)
        assert _detail(http, execution_id, limit=2)["status"] == "running"
        assert _statuses(_detail(http, execution_id, limit=2, page=2)) == ["ongoing"]
        assert _results(oss, http, execution_id, limit=2, page=2)["status"] == "running"
        assert _detail(http, execution_id, limit=2)["status"] == "evaluating"


def test_manual_moves_only_on_advance_and_finish(manual: Emulator, mhttp: httpx.Client) -> None:
    """With advance="manual", reads change nothing; advance() steps and finish() ends."""
    first, second = _execute(manual, mhttp), _execute(manual, mhttp)
    assert _detail(mhttp, first)["status"] == _detail(mhttp, first)["status"] == "pending"
    # A pending execution has no call rows yet: the server's workflow creates them when it starts.
    assert _statuses(_detail(mhttp, first)) == []
    manual.advance(first)
    assert manual.execution_status(first) == "running"
    assert _statuses(_detail(mhttp, first)) == ["ongoing"] * 3
    assert manual.execution_status(second) == "pending"
    manual.advance(uuid.UUID(first), steps=2)
    assert _detail(mhttp, first)["status"] == "completed"
    manual.advance()
    assert manual.execution_status(second) == "running"
    manual.finish()
    assert _results(manual, mhttp, second)["status"] == "completed"


def test_advance_of_an_unknown_execution_is_a_value_error(manual: Emulator) -> None:
    """advance() and finish() name the execution they cannot find."""
    with pytest.raises(ValueError, match="no execution"):
        manual.advance(uuid.uuid4())
    with pytest.raises(ValueError, match="no execution"):
        manual.finish(str(uuid.uuid4()))


def test_default_outcome_is_every_eval_passed(manual: Emulator, mhttp: httpx.Client) -> None:
    """Unscripted, each call completes with every Pass/Fail eval Passed, keyed by eval config id: stored on
    the results, structured on the detail."""
    execution_id = _execute(manual, mhttp)
    manual.finish(execution_id)
    stored = _results(manual, mhttp, execution_id)["call_results"]["results"][0]["eval_outputs"]
    assert set(stored) == {TONE, RESOLVED}
    tone = stored[TONE]
    assert (tone["name"], tone["output"], tone["output_type"]) == ("Tone check", "Passed", "Pass/Fail")
    assert tone["reason"]
    row = _detail(mhttp, execution_id)["results"][0]
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
    execution_id = _execute(manual, mhttp)
    manual.finish(execution_id)
    detail = _detail(mhttp, execution_id)
    assert detail["status"] == "completed"
    assert _statuses(detail) == ["completed", "failed", "completed"]
    assert detail["results"][1]["eval_outputs"] == {}
    assert detail["results"][1]["scenario_id"] == str(failing)
    results = _results(manual, mhttp, execution_id)
    assert (results["completed_calls"], results["failed_calls"], results["total_calls"]) == (2, 1, 3)


def test_scripted_evals_fail_and_score(manual: Emulator, mhttp: httpx.Client) -> None:
    """evals maps a name to False (output Failed) or a number (a score)."""
    manual.script(manual.seed.scenario_ids[0], evals={"Tone check": False, "Issue resolved": 0.25})
    execution_id = _execute(manual, mhttp, manual.seed.scenario_ids[:1])
    manual.finish(execution_id)
    outputs = _results(manual, mhttp, execution_id)["call_results"]["results"][0]["eval_outputs"]
    assert outputs[TONE]["output"] == "Failed"
    assert (outputs[RESOLVED]["output"], outputs[RESOLVED]["output_type"]) == (0.25, "score")


def test_every_call_failed_fails_the_execution(manual: Emulator, mhttp: httpx.Client) -> None:
    """An execution fails only when every one of its calls failed."""
    for scenario in manual.seed.scenario_ids:
        manual.script(scenario, call="failed")
    execution_id = _execute(manual, mhttp)
    manual.finish(execution_id)
    detail = _detail(mhttp, execution_id)
    assert (detail["status"], _statuses(detail)) == ("failed", ["failed"] * 3)
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
    execution_id = _execute(manual, mhttp)
    manual.finish(execution_id)
    assert _statuses(_detail(mhttp, execution_id)) == ["completed"] * 3


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
    detail = _detail(http, execution_id)
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
    execution_id = _execute(manual, mhttp)
    manual.advance(execution_id)
    answer = mhttp.post(f"{EXECUTIONS}{execution_id}/cancel/")
    assert answer.status_code == 200
    assert answer.json() == {
        "success": True,
        "message": "Cancellation signal sent to workflow",
        "test_execution_id": execution_id,
    }
    assert _detail(mhttp, execution_id)["status"] == "cancelling"
    manual.advance(execution_id)
    detail = _detail(mhttp, execution_id)
    assert (detail["status"], _statuses(detail)) == ("cancelled", ["cancelled"] * 3)
    again = mhttp.post(f"{EXECUTIONS}{execution_id}/cancel/", json={})
    assert (again.status_code, again.json()["success"]) == (200, True)


def test_cancel_on_read_ends_at_the_next_read(emulator: Emulator, http: httpx.Client) -> None:
    """With advance="on_read", a pending execution cancelled is cancelled at the next read."""
    execution_id = _execute(emulator, http)
    assert http.post(f"{EXECUTIONS}{execution_id}/cancel/").status_code == 200
    assert emulator.execution_status(execution_id) == "cancelling"
    detail = _detail(http, execution_id)
    assert (detail["status"], _statuses(detail)) == ("cancelled", ["cancelled"] * 3)
    row = http.get(f"{RUN_TESTS}{emulator.seed.run_test_id}/executions/").json()["results"][0]
    assert row["status"] == "Cancelled"


def test_cancel_after_the_end_leaves_temporal_cancelling(manual: Emulator, mhttp: httpx.Client) -> None:
    """Temporal: a cancel of a finished execution leaves it cancelling for good, its calls unchanged."""
    execution_id = _execute(manual, mhttp)
    manual.finish(execution_id)
    answer = mhttp.post(f"{EXECUTIONS}{execution_id}/cancel/")
    assert (answer.status_code, answer.json()["message"]) == (200, "Cancellation signal sent to workflow")
    manual.finish(execution_id)
    detail = _detail(mhttp, execution_id)
    assert (detail["status"], _statuses(detail)) == ("cancelling", ["completed"] * 3)


def test_cancel_after_the_end_turns_older_executor_cancelled() -> None:
    """The older executor: a cancel of a completed execution turns it cancelled; calls keep their status."""
    with Emulator(dialect="oss", advance="manual", executor="older") as emu, _http(emu) as http:
        execution_id = _execute(emu, http)
        emu.finish(execution_id)
        answer = http.post(f"{EXECUTIONS}{execution_id}/cancel/")
        assert (answer.status_code, answer.json()["message"]) == (
            200,
            "Test execution cancelled successfully",
        )
        results = _results(emu, http, execution_id)
        assert results["status"] == "cancelled"
        assert [r["status"] for r in results["call_results"]["results"]] == ["completed"] * 3


def test_cancel_mid_run_on_the_older_executor_is_cancelled_at_once() -> None:
    """The older executor: a cancel of a running execution cancels it and its ongoing calls at once."""
    with Emulator(dialect="oss", advance="manual", executor="older") as emu, _http(emu) as http:
        execution_id = _execute(emu, http)
        emu.advance(execution_id)
        assert http.post(f"{EXECUTIONS}{execution_id}/cancel/").status_code == 200
        detail = _detail(http, execution_id)
        assert (detail["status"], _statuses(detail)) == ("cancelled", ["cancelled"] * 3)


def test_an_unknown_executor_is_a_value_error() -> None:
    """Emulator(executor=...) names the two it knows."""
    with pytest.raises(ValueError, match="executor: must be one of temporal, older"):
        Emulator(executor="celery")  # type: ignore[arg-type]


def test_cancel_refusals(emulator: Emulator, http: httpx.Client) -> None:
    """Unknown execution: 404; any body key: 400 naming it; read-only keys: 403."""
    unknown = http.post(f"{EXECUTIONS}{uuid.uuid4()}/cancel/")
    assert (unknown.status_code, unknown.json()["message"]) == (404, "Test execution not found")
    execution_id = _execute(emulator, http)
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
    execution_id = _execute(emulator, http)
    detail = _detail(http, execution_id)
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
    execution_id = _execute(manual, mhttp, _add_scenarios(manual, 12))
    manual.advance(execution_id)
    detail = _detail(mhttp, execution_id)
    expected = {"oss": (10, 2), "docs": (12, 1)}[manual.dialect]
    assert (len(detail["results"]), detail["total_pages"]) == expected
    assert detail["count"] == 12


def test_detail_page_past_the_end_is_an_empty_200(manual: Emulator, mhttp: httpx.Client) -> None:
    """A page past the end of the calls is a 200 with no rows and no provider; paging links point back."""
    execution_id = _execute(manual, mhttp)
    manual.advance(execution_id)
    second = _detail(mhttp, execution_id, limit=2, page=2)
    # Newest created first: the first scenario's call was created first, so it is last.
    assert ([r["scenario"] for r in second["results"]], second["next"]) == (["Angry customer"], None)
    assert second["previous"] == f"{manual.url}{EXECUTIONS}{execution_id}/?limit=2"
    past = _detail(mhttp, execution_id, limit=2, page=5)
    assert (past["results"], past["count"], past["current_page"]) == ([], 3, 5)
    assert "provider" not in past
    assert "agent_type" not in past
    assert mhttp.get(f"{EXECUTIONS}{execution_id}/", params={"page": 0}).status_code == 400


# -- getSimulationRunResults ------------------------------------------------------------------------------


def test_results_shape(manual: Emulator, mhttp: httpx.Client) -> None:
    """Results carry status, counts, eval results per template and one call result per call."""
    execution_id = _execute(manual, mhttp, manual.seed.scenario_ids[:2])
    pending = _results(manual, mhttp, execution_id)
    assert (pending["status"], pending["completed_at"], pending["total_calls"]) == ("pending", None, 0)
    manual.finish(execution_id)
    results = _results(manual, mhttp, execution_id)
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
    execution_id = _execute(emulator, http)
    emulator.advance(execution_id)
    past = http.get(RESULTS, params={"execution_id": execution_id, "page": 2})
    assert (past.status_code, past.json()["message"]) == (500, "Unable to fetch simulation runs.")
    assert emulator.execution_status(execution_id) == "running"
    assert _results(emulator, http, execution_id, limit=2, page=2)["call_results"]["total_pages"] == 2


def test_results_query_is_strict_on_oss_only(emulator: Emulator, http: httpx.Client) -> None:
    """oss refuses unknown query keys (400 "Validation failed", the keys in `errors`); docs ignores them."""
    execution_id = _execute(emulator, http)
    response = http.get(RESULTS, params={"execution_id": execution_id, "executionId": execution_id})
    if emulator.dialect == "oss":
        assert (response.status_code, response.json()["message"]) == (400, "Validation failed")
        assert response.json()["errors"] == {"executionId": ["Unknown field."]}
    else:
        assert response.status_code == 200


# -- a run test's executions, scenarios, object ----------------------------------------------------------


def test_executions_newest_first_with_display_status(manual: Emulator, mhttp: httpx.Client) -> None:
    """The run test's executions come newest first, status in display form, scenarios by name."""
    older = _execute(manual, mhttp)
    newer = _execute(manual, mhttp, manual.seed.scenario_ids[:2])
    manual.finish(older)
    page = mhttp.get(f"{RUN_TESTS}{manual.seed.run_test_id}/executions/").json()
    assert [r["id"] for r in page["results"]] == [newer, older]
    new_row, old_row = page["results"]
    assert (new_row["status"], new_row["scenarios"]) == ("Pending", "Angry customer, Refund request")
    assert (old_row["status"], old_row["success_rate"], old_row["calls"]) == ("Completed", 100.0, 3)
    assert (old_row["agent_type"], old_row["source_type"]) == ("voice", "agent_definition")
    assert manual.execution_ids(manual.seed.run_test_id) == [uuid.UUID(older), uuid.UUID(newer)]
    assert manual.execution_count(manual.seed.run_test_id) == 2


def test_executions_filter_by_status_ignoring_case(manual: Emulator, mhttp: httpx.Client) -> None:
    """status filters the executions whatever its case."""
    done, waiting = _execute(manual, mhttp), _execute(manual, mhttp)
    manual.finish(done)
    path = f"{RUN_TESTS}{manual.seed.run_test_id}/executions/"
    assert [r["id"] for r in mhttp.get(path, params={"status": "COMPLETED"}).json()["results"]] == [done]
    assert [r["id"] for r in mhttp.get(path, params={"status": "Pending"}).json()["results"]] == [waiting]


def test_executions_paging_and_refusals(emulator: Emulator, http: httpx.Client) -> None:
    """Paged: a page past the end is the list's own 500; unknown keys are ignored; unknown run test 404."""
    for _ in range(3):
        _execute(emulator, http)
    path = f"{RUN_TESTS}{emulator.seed.run_test_id}/executions/"
    page = http.get(path, params={"limit": 2, "page": 2, "bogus": "1"}).json()
    assert (page["count"], page["total_pages"], len(page["results"]), page["next"]) == (3, 2, 1, None)
    past = http.get(path, params={"limit": 2, "page": 3})
    assert (past.status_code, past.json()["message"]) == (
        500,
        "Failed to retrieve test executions: Invalid page.",
    )
    missing = http.get(f"{RUN_TESTS}{uuid.uuid4()}/executions/")
    assert (missing.status_code, missing.json()["message"]) == (404, "Run test not found.")
    empty = http.get(f"{RUN_TESTS}{emulator.seed.incomplete_run_test_id}/executions/").json()
    assert (empty["count"], empty["results"], empty["total_pages"]) == (0, [], 1)


def test_scenarios_search_and_paging(emulator: Emulator, http: httpx.Client) -> None:
    """The run test's scenarios, newest first, searchable, paged; past the end 500; unknown run test 404."""
    path = f"{RUN_TESTS}{emulator.seed.run_test_id}/scenarios/"
    page = http.get(path, params={"bogus": "1"}).json()
    assert [r["name"] for r in page["results"]] == ["Angry customer", "Refund request", "Wrong number"]
    # row_count is the scenario's dataset rows: 0 for the seed's scenarios, which have no dataset.
    assert page["results"][0] == {
        "id": str(emulator.seed.scenario_ids[0]),
        "name": "Angry customer",
        "row_count": 0,
    }
    assert [r["name"] for r in http.get(path, params={"search": "REFUND"}).json()["results"]] == [
        "Refund request"
    ]
    second = http.get(path, params={"limit": 2, "page": 2}).json()
    assert (second["count"], second["total_pages"], [r["name"] for r in second["results"]]) == (
        3,
        2,
        ["Wrong number"],
    )
    assert second["previous"] == f"{emulator.url}{path}?limit=2"
    past = http.get(path, params={"limit": 2, "page": 3})
    assert (past.status_code, past.json()["message"]) == (500, "Failed to retrieve scenarios: Invalid page.")
    missing = http.get(f"{RUN_TESTS}{uuid.uuid4()}/scenarios/")
    assert (missing.status_code, missing.json()["message"]) == (404, "Run test not found")


def test_get_run_test_is_the_object_create_renders(emulator: Emulator, http: httpx.Client) -> None:
    """getRunTest answers the run test bare in both dialects, its evals newest first; unknown 404."""
    body = http.get(f"{RUN_TESTS}{emulator.seed.run_test_id}/").json()
    listed = http.get(RUN_TESTS, params={"search": "Checkout"}).json()["results"][0]
    assert body == listed
    assert [e["name"] for e in body["evals"]] == ["Issue resolved", "Tone check"]
    missing = http.get(f"{RUN_TESTS}{uuid.uuid4()}/")
    assert (missing.status_code, missing.json()["message"]) == (404, "Run test not found")


# -- eval summary -----------------------------------------------------------------------------------------


def test_eval_summary_counts_completed_calls_only(manual: Emulator, mhttp: httpx.Client) -> None:
    """Pass rates per eval over completed calls: a failed call does not lower them. oss: one item per eval
    template, one entry per eval config inside, with counts."""
    _, refund, wrong = manual.seed.scenario_ids
    manual.script(refund, call="failed")
    manual.script(wrong, evals={"Tone check": False})
    execution_id = _execute(manual, mhttp)
    manual.finish(execution_id)
    path = f"{RUN_TESTS}{manual.seed.run_test_id}/eval-summary/"
    body = mhttp.get(path).json()
    if manual.dialect == "oss":
        assert body["status"] is True
        resolved, tone = body["result"]
        assert (tone["id"], tone["name"], tone["output_type"]) == (
            str(seed_id("eval-template:task_completion")),
            "task_completion",
            "Pass/Fail",
        )
        assert tone["total_pass_rate"] == 50.0
        assert tone["result"] == [
            {
                "name": "Tone check",
                "id": TONE,
                "total_cells": 2,
                "output": {"pass": 50.0, "fail": 50.0, "pass_count": 1, "fail_count": 1},
            }
        ]
        assert resolved["total_pass_rate"] == 100.0
    else:
        assert body["evaluations"] == [
            {"name": "Issue resolved", "average_score": 1.0, "total_runs": 2, "passed": 2, "failed": 0},
            {"name": "Tone check", "average_score": 0.5, "total_runs": 2, "passed": 1, "failed": 1},
        ]


def test_eval_summary_scoped_to_one_execution(manual: Emulator, mhttp: httpx.Client) -> None:
    """With execution_id only that execution counts; without it every execution of the run test does; an
    unknown execution counts nothing (a 200, as the server answers)."""
    manual.script(manual.seed.scenario_ids[0], evals={"Tone check": False})
    first = _execute(manual, mhttp, manual.seed.scenario_ids[:1])
    # A script is read when a call ends, so the first execution ends before the script is cleared.
    manual.finish(first)
    manual.clear_scripts()
    second = _execute(manual, mhttp, manual.seed.scenario_ids[:1])
    manual.finish()
    path = f"{RUN_TESTS}{manual.seed.run_test_id}/eval-summary/"

    def tone(**params: str) -> tuple[Any, ...]:
        body = mhttp.get(path, params=params).json()
        if manual.dialect == "oss":
            item = body["result"][1]
            return (item["result"][0]["total_cells"], item["total_pass_rate"])
        item = body["evaluations"][1]
        return (item["total_runs"], item["passed"])

    assert tone() == ((2, 50.0) if manual.dialect == "oss" else (2, 1))
    assert tone(execution_id=first) == ((1, 0.0) if manual.dialect == "oss" else (1, 0))
    assert tone(execution_id=second) == ((1, 100.0) if manual.dialect == "oss" else (1, 1))
    assert tone(execution_id=str(uuid.uuid4())) == (0, 0)


def test_eval_summary_scores(manual: Emulator, mhttp: httpx.Client) -> None:
    """A score template's eval is summarised as a score: percentiles and avg_score in percent, total_avg on
    the template (oss); average_score as given (docs)."""
    first, second, _ = manual.seed.scenario_ids
    created = mhttp.post(
        f"{RUN_TESTS}create/",
        json={
            "name": "Scored",
            "agent_definition_id": str(manual.seed.agent_definition_ids[0]),
            "scenario_ids": [str(first), str(second)],
            "evaluations_config": [{"template_id": str(seed_id("eval-template:tone")), "name": "Warmth"}],
        },
    ).json()
    manual.script(first, evals={"Warmth": 0.5})
    manual.script(second, evals={"Warmth": 1.0})
    manual.finish(_execute(manual, mhttp, run_test_id=created["id"]))
    body = mhttp.get(f"{RUN_TESTS}{created['id']}/eval-summary/").json()
    if manual.dialect == "oss":
        (warmth,) = body["result"]
        assert (warmth["name"], warmth["output_type"], warmth["total_avg"]) == ("tone", "score", 75.0)
        assert (warmth["result"][0]["avg_score"], warmth["result"][0]["output"]["p50"]) == (75.0, 75.0)
    else:
        assert body["evaluations"][0]["average_score"] == 0.75


def test_run_test_without_evals(emulator: Emulator, http: httpx.Client) -> None:
    """A run test created without evaluations_config has none: empty summary, empty eval outputs."""
    created = http.post(
        f"{RUN_TESTS}create/",
        json={
            "name": "No evals",
            "agent_definition_id": str(emulator.seed.agent_definition_ids[0]),
            "scenario_ids": [str(emulator.seed.scenario_ids[0])],
        },
    ).json()
    execution_id = _execute(emulator, http, run_test_id=created["id"])
    emulator.finish(execution_id)
    assert _detail(http, execution_id)["results"][0]["eval_outputs"] == {}
    body = http.get(f"{RUN_TESTS}{created['id']}/eval-summary/").json()
    assert body == ({"status": True, "result": []} if emulator.dialect == "oss" else {"evaluations": []})


def test_run_test_created_with_evaluations_gets_those_evals(emulator: Emulator, http: httpx.Client) -> None:
    """Each evaluations_config item becomes an eval config, named by its name or a default."""
    created = http.post(
        f"{RUN_TESTS}create/",
        json={
            "name": "With evals",
            "agent_definition_id": str(emulator.seed.agent_definition_ids[0]),
            "scenario_ids": [str(emulator.seed.scenario_ids[0])],
            "evaluations_config": [
                {"template_id": str(uuid.uuid4()), "name": "Politeness"},
                {"template_id": str(uuid.uuid4())},
            ],
        },
    ).json()
    emulator.script(emulator.seed.scenario_ids[0], evals={"Politeness": False})
    execution_id = _execute(emulator, http, run_test_id=created["id"])
    emulator.finish(execution_id)
    outputs = _detail(http, execution_id)["results"][0]["eval_outputs"]
    by_name = {o["name"]: o["value"] for o in outputs.values()}
    assert by_name == {"Politeness": "Failed", "Evaluation 2": "Passed"}
    assert set(outputs) == {e["id"] for e in created["evals"]}


# -- control routes, faults, command line ----------------------------------------------------------------


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
    first, second = _execute(manual, mhttp), _execute(manual, mhttp)
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
    assert _statuses(_detail(mhttp, first)) == ["completed", "completed", "failed"]
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
    with _http(oss) as client:
        response = client.post(path, json=body)
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.parametrize(
    ("operation", "path"),
    [
        ("getTestExecution", EXECUTIONS + "{execution}/"),
        ("getSimulationRunResults", RESULTS + "?execution_id={execution}"),
        ("listRunTestExecutions", RUN_TESTS + "{run_test}/executions/"),
        ("listRunTestScenarios", RUN_TESTS + "{run_test}/scenarios/"),
        ("getEvalSummary", RUN_TESTS + "{run_test}/eval-summary/"),
        ("getRunTest", RUN_TESTS + "{run_test}/"),
    ],
)
def test_faults_reach_the_new_reads(oss: Emulator, operation: str, path: str) -> None:
    """A status fault armed for a new operation answers in its place, once, and counts the request."""
    with _http(oss) as client:
        target = path.format(execution=_execute(oss, client), run_test=oss.seed.run_test_id)
        oss.inject(operation, Fault.server_error(502))
        assert client.get(target).status_code == 502
        assert client.get(target).status_code == 200
    assert oss.request_count(operation) == 2


def test_a_dropped_cancel_still_cancels(oss: Emulator) -> None:
    """A drop fault on cancel closes the connection after the work: the execution is cancelling."""
    with _http(oss) as client:
        execution_id = _execute(oss, client)
        oss.inject("cancelTestExecution", Fault.drop())
        with pytest.raises(httpx.RemoteProtocolError):
            client.post(f"{EXECUTIONS}{execution_id}/cancel/")
    assert oss.execution_status(execution_id) == "cancelling"


def test_in_process_transport_serves_the_lifecycle(oss: Emulator) -> None:
    """emu.transport() serves the execution endpoints without a socket."""
    headers = {"X-Api-Key": oss.api_key, "X-Secret-Key": oss.secret_key}
    with httpx.Client(
        transport=oss.transport(), base_url="http://emulator.localhost", headers=headers
    ) as client:
        execution_id = _execute(oss, client)
        assert [_detail(client, execution_id)["status"] for _ in range(3)] == [
            "running",
            "evaluating",
            "completed",
        ]


EMULATOR = (sys.executable, "-m", "futureagi_simulate.testing")


@pytest.mark.slow  # runs the emulator's command
@pytest.mark.parametrize("dialect", ["docs", "oss"])
def test_command_line_advance_manual(dialect: Dialect) -> None:
    """`--advance manual` keeps executions pending across reads until /_emulator/finish."""
    probe = (
        "import os, httpx, sys;"
        "h = {'X-Api-Key': os.environ['FI_API_KEY'], 'X-Secret-Key': os.environ['FI_SECRET_KEY']};"
        "c = httpx.Client(base_url=os.environ['FI_BASE_URL'], headers=h);"
        "r = os.environ['FI_DEMO_RUN_TEST_ID'];"
        "i = c.post('/simulate/run-tests/' + r + '/execute/', json={}).json()['execution_id'];"
        "s = [c.get('/simulate/test-executions/' + i + '/').json()['status'] for _ in range(2)];"
        "c.post('/_emulator/finish', json={});"
        "s.append(c.get('/simulate/test-executions/' + i + '/').json()['status']);"
        "sys.exit(0 if s == ['pending', 'pending', 'completed'] else 3)"
    )
    done = subprocess.run(
        [*EMULATOR, "--dialect", dialect, "--advance", "manual", "--", sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_emulator_refuses_an_unknown_advance_mode() -> None:
    """advance must be on_read or manual."""
    with pytest.raises(ValueError, match="advance"):
        Emulator(advance="sometimes")  # type: ignore[arg-type]
