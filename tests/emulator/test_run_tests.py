"""The emulator's run-test operations behave like the server (docs/dialects.md) over real HTTP, in both
dialects: list, create and execute (the selection table), and a run test's object, scenarios, executions
and eval summary."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from futureagi_simulate.testing import Emulator
from futureagi_simulate.testing._records import seed_id
from tests.emulator.helpers import (
    RUN_TESTS,
    TONE,
    execute,
    execute_body,
    execute_path,
    read_detail,
)

# -- list --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("parameter", ["simulationType", "ordering"])
def test_unknown_query_parameter_is_400_naming_it(http: httpx.Client, parameter: str) -> None:
    """Any query parameter the endpoint does not define (camelCase ones included) is a 400."""
    response = http.get(RUN_TESTS, params={parameter: "x"})
    assert response.status_code == 400
    assert response.json()["details"] == {parameter: ["Unknown field."]}


def test_pages_link_absolutely_and_count(emulator: Emulator, http: httpx.Client) -> None:
    """Page 2 of 3 links absolutely to 3 and back to 1 (which drops `page`), with totals."""
    body = http.get(RUN_TESTS, params={"limit": 1, "page": 2}).json()
    assert (body["count"], body["total_pages"], body["current_page"]) == (3, 3, 2)
    assert body["next"] == f"{emulator.url}{RUN_TESTS}?limit=1&page=3"
    assert body["previous"] == f"{emulator.url}{RUN_TESTS}?limit=1"


def test_page_past_the_end_is_500_invalid_page(http: httpx.Client) -> None:
    """A page past the last one is the server's 500 "Invalid page."."""
    response = http.get(RUN_TESTS, params={"page": 2})
    assert response.status_code == 500
    assert response.json()["message"] == "Invalid page."


def test_page_zero_is_a_min_value_error(http: httpx.Client) -> None:
    """page must be >= 1."""
    assert http.get(RUN_TESTS, params={"page": 0}).json()["code"] == "min_value"


# -- create ---------------------------------------------------------------------------------------------


def _create(emulator: Emulator, http: httpx.Client, **changes: Any) -> httpx.Response:
    body: dict[str, Any] = {
        "name": "Run",
        "agent_definition_id": str(emulator.seed.agent_definition_ids[0]),
        "scenario_ids": [str(s) for s in emulator.seed.scenario_ids],
    }
    body.update(changes)
    return http.post(f"{RUN_TESTS}create/", json={k: v for k, v in body.items() if v is not ...})


def test_create_answers_201(emulator: Emulator, http: httpx.Client) -> None:
    """A valid create is 201 with the run test."""
    response = _create(emulator, http, description="d")
    assert response.status_code == 201
    assert response.json()["description"] == "d"


@pytest.mark.parametrize(
    ("changes", "attr", "code"),
    [
        ({"name": "x" * 256}, "name", "max_length"),
        ({"name": ...}, "name", "required"),
        ({"description": None}, "description", "null"),
        ({"scenario_ids": []}, "scenario_ids", "empty"),
        ({"scenario_ids": [str(uuid.uuid4())]}, "scenario_ids", "does_not_exist"),
        ({"agent_definition_id": str(uuid.uuid4())}, "agent_definition_id", "does_not_exist"),
        ({"dataset_row_ids": ["r" * 256]}, "dataset_row_ids", "max_length"),
        ({"colour": "red"}, "colour", "invalid"),
    ],
    ids=[
        "long-name",
        "no-name",
        "null-description",
        "no-scenarios",
        "unknown-scenario",
        "unknown-agent",
        "long-row-id",
        "unknown-key",
    ],
)
def test_create_validation_names_the_field(
    emulator: Emulator, http: httpx.Client, changes: dict[str, Any], attr: str, code: str
) -> None:
    """Each create rule answers 400 with the field in attr and details and the rule's code."""
    response = _create(emulator, http, **changes)
    assert response.status_code == 400
    body = response.json()
    assert (body["attr"], body["code"]) == (attr, code)
    assert attr in body["details"]


def test_create_with_two_bad_fields_joins_them(emulator: Emulator, http: httpx.Client) -> None:
    """Several field errors are joined in detail as 'a: msg; b: msg'."""
    body = _create(emulator, http, name="", description=None).json()
    assert body["detail"] == "name: This field may not be blank.; description: This field may not be null."


# -- execute: the selection table -------------------------------------------------------------------------

# (select_all, ids as indexes into the run test's scenarios) -> indexes run, per endpoint and dialect.
RUN_TEST_TABLE = [
    (True, [0], {"docs": [1, 2], "oss": [0]}),
    (True, [], {"docs": [0, 1, 2], "oss": [0, 1, 2]}),
    (False, [0], {"docs": [0], "oss": [0]}),
    (False, [], {"docs": [0, 1, 2], "oss": [0, 1, 2]}),
]


@pytest.mark.parametrize(("select_all", "ids", "ran"), RUN_TEST_TABLE)
def test_run_test_execute_follows_the_selection_table(
    emulator: Emulator, http: httpx.Client, select_all: bool, ids: list[int], ran: dict[str, list[int]]
) -> None:
    """Run-test execute runs what docs/dialects.md's table says for the dialect (oss ignores select_all)."""
    scenarios = emulator.seed.scenario_ids
    body = execute_body(emulator, select_all=select_all, ids=[scenarios[i] for i in ids])
    answer = http.post(execute_path(emulator.seed.run_test_id), json=body).json()
    assert answer["scenario_ids"] == [str(scenarios[i]) for i in ran[emulator.dialect]]


def test_selection_that_leaves_nothing_is_no_scenarios(docs: Emulator) -> None:
    """All except every scenario leaves none: 400 "No scenarios", nothing started."""
    headers = {"X-Api-Key": docs.api_key, "X-Secret-Key": docs.secret_key}
    body = execute_body(docs, select_all=True, ids=list(docs.seed.scenario_ids))
    response = httpx.post(docs.url + execute_path(docs.seed.run_test_id), json=body, headers=headers)
    assert response.status_code == 400
    assert "No scenarios" in response.json()["message"]
    assert docs.execution_count(docs.seed.run_test_id) == 0


def test_oss_rejects_camel_case_naming_each_key(oss: Emulator, oss_http: httpx.Client) -> None:
    """The open-source dialect answers a camelCase body with 400 naming each key "Unknown field."."""
    response = oss_http.post(execute_path(oss.seed.run_test_id), json={"selectAll": True, "scenarioIds": []})
    assert response.json()["details"] == {"selectAll": ["Unknown field."], "scenarioIds": ["Unknown field."]}
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_unknown_simulator_falls_back_silently(oss: Emulator, oss_http: httpx.Client) -> None:
    """An unknown simulator_id on run-test execute still starts the execution."""
    body = {"select_all": True, "scenario_ids": [], "simulator_id": str(uuid.uuid4())}
    assert oss_http.post(execute_path(oss.seed.run_test_id), json=body).status_code == 200


# -- a run test's executions, scenarios, object ----------------------------------------------------------


def test_executions_newest_first_with_display_status(manual: Emulator, mhttp: httpx.Client) -> None:
    """The run test's executions come newest first, status in display form, scenarios by name."""
    older = execute(manual, mhttp)
    newer = execute(manual, mhttp, manual.seed.scenario_ids[:2])
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
    done, waiting = execute(manual, mhttp), execute(manual, mhttp)
    manual.finish(done)
    path = f"{RUN_TESTS}{manual.seed.run_test_id}/executions/"
    assert [r["id"] for r in mhttp.get(path, params={"status": "COMPLETED"}).json()["results"]] == [done]
    assert [r["id"] for r in mhttp.get(path, params={"status": "Pending"}).json()["results"]] == [waiting]


def test_executions_paging_and_refusals(emulator: Emulator, http: httpx.Client) -> None:
    """Paged: a page past the end is the list's own 500; unknown keys are ignored; unknown run test 404."""
    for _ in range(3):
        execute(emulator, http)
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
    execution_id = execute(manual, mhttp)
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
    first = execute(manual, mhttp, manual.seed.scenario_ids[:1])
    # A script is read when a call ends, so the first execution ends before the script is cleared.
    manual.finish(first)
    manual.clear_scripts()
    second = execute(manual, mhttp, manual.seed.scenario_ids[:1])
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
    manual.finish(execute(manual, mhttp, run_test_id=created["id"]))
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
    execution_id = execute(emulator, http, run_test_id=created["id"])
    emulator.finish(execution_id)
    assert read_detail(http, execution_id)["results"][0]["eval_outputs"] == {}
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
    execution_id = execute(emulator, http, run_test_id=created["id"])
    emulator.finish(execution_id)
    outputs = read_detail(http, execution_id)["results"][0]["eval_outputs"]
    by_name = {o["name"]: o["value"] for o in outputs.values()}
    assert by_name == {"Politeness": "Failed", "Evaluation 2": "Passed"}
    assert set(outputs) == {e["id"] for e in created["evals"]}


# -- the eval summary comparison ----------------------------------------------------------------------------


def _compare(http: httpx.Client, emulator: Emulator, execution_ids: object, **extra: str) -> httpx.Response:
    encoded = execution_ids if isinstance(execution_ids, str) else json.dumps(execution_ids)
    path = f"{RUN_TESTS}{emulator.seed.run_test_id}/eval-summary-comparison/"
    return http.get(path, params={"execution_ids": encoded, **extra})


def _tone_rates(emulator: Emulator, body: dict[str, Any]) -> dict[str, Any]:
    """Each execution's "Tone check" pass figure, read from either dialect's shape."""
    if emulator.dialect == "docs":
        return {
            key: next(i for i in items if i["name"] == "Tone check")["passed"] for key, items in body.items()
        }
    found: dict[str, Any] = {}
    for key, items in body["result"].items():
        entries = [entry for item in items for entry in item["result"] if entry["name"] == "Tone check"]
        found[key] = entries[0]["output"].get("pass_count", 0)
    return found


def test_the_comparison_gives_each_execution_its_summary(manual: Emulator, mhttp: httpx.Client) -> None:
    """Two executions, the second with a failing eval: each id keyed to its own counts; a stranger, zeros."""
    first = execute(manual, mhttp)
    manual.finish(first)
    manual.script(manual.seed.scenario_ids[0], evals={"Tone check": False})
    second = execute(manual, mhttp)
    manual.finish(second)
    stranger = str(uuid.uuid4())
    answer = _compare(mhttp, manual, [first, second, stranger])
    assert answer.status_code == 200, answer.text
    assert _tone_rates(manual, answer.json()) == {first: 3, second: 2, stranger: 0}


@pytest.mark.parametrize(
    ("execution_ids", "sentence"),
    [
        ("[not json", "execution_ids must be valid JSON"),
        ('{"a": 1}', "execution_ids must be a JSON array"),
        ("[]", "execution_ids list is required"),
    ],
    ids=["not-json", "not-an-array", "empty"],
)
def test_bad_execution_ids_are_a_400_naming_them(
    emulator: Emulator, http: httpx.Client, execution_ids: str, sentence: str
) -> None:
    """The serializer's three refusals, on execution_ids, in both dialects."""
    answer = _compare(http, emulator, execution_ids)
    assert answer.status_code == 400
    assert answer.json()["details"] == {"execution_ids": [sentence]}


def test_the_server_refuses_unknown_keys_and_fails_on_a_non_uuid(
    oss: Emulator, oss_http: httpx.Client
) -> None:
    """oss: another query key is a 400; an item that is no UUID, the server's 500."""
    unknown = _compare(oss_http, oss, [str(uuid.uuid4())], executionId="x")
    assert (unknown.status_code, unknown.json()["details"]) == (400, {"executionId": ["Unknown field."]})
    broken = _compare(oss_http, oss, ["not-a-uuid"])
    assert (broken.status_code, broken.json()["message"]) == (
        500,
        "Unable to fetch evaluation summary. Please try again",
    )


def test_the_comparison_of_an_unknown_run_test_is_a_404(emulator: Emulator, http: httpx.Client) -> None:
    """An unknown run test: 404 "Run test not found."."""
    answer = http.get(
        f"{RUN_TESTS}{uuid.uuid4()}/eval-summary-comparison/",
        params={"execution_ids": json.dumps([str(uuid.uuid4())])},
    )
    assert (answer.status_code, answer.json()["message"]) == (404, "Run test not found.")
