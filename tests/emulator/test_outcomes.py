"""Every outcome the server's workflow writes can be scripted on the emulator, and its answers carry them as
the open-source server does (``docs/dialects.md``, "Eval outputs and the eval summary"): stored on the
results, structured on the execution detail, counted by the eval summary as the server counts them. Over
real HTTP, every exchange checked against openapi.yaml."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from futureagi_simulate import SimulateClient
from futureagi_simulate.testing import Emulator, ScriptedEval
from futureagi_simulate.testing._records import seed_id

RUN_TESTS = "/simulate/run-tests/"
EXECUTIONS = "/simulate/test-executions/"
RESULTS = "/sdk/api/v1/simulation/runs/"
TONE = str(seed_id("eval:Tone check"))
RESOLVED = str(seed_id("eval:Issue resolved"))


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emulator:
        yield emulator


@pytest.fixture
def http(emu: Emulator) -> Iterator[httpx.Client]:
    headers = {"X-Api-Key": emu.api_key, "X-Secret-Key": emu.secret_key}
    with httpx.Client(base_url=emu.url, headers=headers, timeout=10.0) as client:
        yield client


def _run(emu: Emulator, http: httpx.Client, scenarios: Sequence[uuid.UUID] = ()) -> str:
    body = {"select_all": not scenarios, "scenario_ids": [str(s) for s in scenarios]}
    answer = http.post(f"{RUN_TESTS}{emu.seed.run_test_id}/execute/", json=body)
    assert answer.status_code == 200, answer.text
    execution_id = str(answer.json()["execution_id"])
    emu.finish(execution_id)
    return execution_id


def _stored(http: httpx.Client, execution_id: str) -> dict[str, dict[str, Any]]:
    """Each call's stored eval outputs on the results endpoint, by scenario name."""
    rows = http.get(RESULTS, params={"execution_id": execution_id}).json()["result"]["call_results"][
        "results"
    ]
    return {row["scenario_name"]: row["eval_outputs"] for row in rows}


def _structured(http: httpx.Client, execution_id: str) -> dict[str, dict[str, Any]]:
    """Each call's detail row by scenario name."""
    rows = http.get(f"{EXECUTIONS}{execution_id}/").json()["results"]
    return {row["scenario"]: row for row in rows}


def _summary(http: httpx.Client, emu: Emulator, execution_id: str) -> dict[str, dict[str, Any]]:
    """The eval summary's config entries by eval config name, each with its template's total."""
    body = http.get(f"{RUN_TESTS}{emu.seed.run_test_id}/eval-summary/", params={"execution_id": execution_id})
    assert body.status_code == 200, body.text
    found = {}
    for template in body.json()["result"]:
        for entry in template["result"]:
            found[entry["name"]] = {**entry, "template_total": template.get("total_pass_rate")}
    return found


def test_an_errored_eval_is_stored_with_a_null_output_and_an_error(emu: Emulator, http: httpx.Client) -> None:
    """ScriptedEval.errored(): the results show {name, error: "error", output: null, reason, timestamp,
    output_type}; the detail error true; the summary counts it nowhere, total_pass_rate the integer 0."""
    for scenario in emu.seed.scenario_ids:
        emu.script(scenario, evals={"Issue resolved": ScriptedEval.errored()})
    execution_id = _run(emu, http)
    stored = _stored(http, execution_id)["Angry customer"][RESOLVED]
    assert list(stored) == ["name", "error", "output", "reason", "timestamp", "output_type"]
    assert (stored["error"], stored["output"], stored["output_type"]) == ("error", None, "Pass/Fail")
    assert stored["reason"] == "Evaluation failed. Please contact Future AGI support."
    detail = _structured(http, execution_id)["Angry customer"]
    structured = detail["eval_outputs"][RESOLVED]
    assert (structured["value"], structured["error"], structured["status"]) == (None, True, "error")
    assert detail["eval_metrics"][RESOLVED]["error"] is True
    resolved = _summary(http, emu, execution_id)["Issue resolved"]
    assert (resolved["total_cells"], resolved["output"], resolved["template_total"]) == (0, {}, 0)
    assert isinstance(resolved["template_total"], int)


def test_a_skipped_eval_has_a_null_output_and_no_error(emu: Emulator, http: httpx.Client) -> None:
    """ScriptedEval.skipped(): output null without an error key; the detail says skipped; counted nowhere."""
    emu.script(emu.seed.scenario_ids[0], evals={"Tone check": ScriptedEval.skipped()})
    execution_id = _run(emu, http, emu.seed.scenario_ids[:1])
    stored = _stored(http, execution_id)["Angry customer"][TONE]
    assert (stored["output"], stored["skipped"], "error" in stored) == (None, True, False)
    structured = _structured(http, execution_id)["Angry customer"]["eval_outputs"][TONE]
    assert (structured["skipped"], structured["error"], structured["value"]) == (True, False, None)
    assert _summary(http, emu, execution_id)["Tone check"]["total_cells"] == 0


def test_a_word_other_than_passed_counts_in_the_total_only(emu: Emulator, http: httpx.Client) -> None:
    """Outputs Pass, Passed, Passed: the summary counts 2 passed of 3 (66.67 %), as the server does."""
    emu.script(emu.seed.scenario_ids[0], evals={"Tone check": "Pass"})
    execution_id = _run(emu, http)
    assert _stored(http, execution_id)["Angry customer"][TONE]["output"] == "Pass"
    tone = _summary(http, emu, execution_id)["Tone check"]
    assert tone["output"] == {"pass": 66.67, "fail": 0.0, "pass_count": 2, "fail_count": 0}
    assert (tone["total_cells"], tone["template_total"]) == (3, 66.67)


def test_booleans_pass_and_fail_as_the_server_counts_them(emu: Emulator, http: httpx.Client) -> None:
    """ScriptedEval.judged(True/False) stores JSON booleans; true passes, false fails; words any case."""
    first, second, third = emu.seed.scenario_ids
    emu.script(first, evals={"Tone check": ScriptedEval.judged(True)})
    emu.script(second, evals={"Tone check": ScriptedEval.judged(False)})
    emu.script(third, evals={"Tone check": "PASSED"})
    execution_id = _run(emu, http)
    stored = _stored(http, execution_id)
    assert (stored["Angry customer"][TONE]["output"], stored["Refund request"][TONE]["output"]) == (
        True,
        False,
    )
    tone = _summary(http, emu, execution_id)["Tone check"]
    assert (tone["output"]["pass_count"], tone["output"]["fail_count"], tone["total_cells"]) == (2, 1, 3)


def test_a_number_is_a_score(emu: Emulator, http: httpx.Client) -> None:
    """A number scripts a score: output_type score, stored as given, structured as its value."""
    emu.script(emu.seed.scenario_ids[0], evals={"Tone check": 0.25})
    execution_id = _run(emu, http, emu.seed.scenario_ids[:1])
    stored = _stored(http, execution_id)["Angry customer"][TONE]
    assert (stored["output"], stored["output_type"]) == (0.25, "score")
    structured = _structured(http, execution_id)["Angry customer"]["eval_outputs"][TONE]
    assert (structured["value"], structured["type"]) == (0.25, "score")


def test_a_failed_call_has_no_eval_outputs(emu: Emulator, http: httpx.Client) -> None:
    """call="failed": the call is failed, carries no outputs, and the summary counts only completed calls."""
    emu.script(emu.seed.scenario_ids[1], call="failed")
    execution_id = _run(emu, http)
    assert _stored(http, execution_id)["Refund request"] == {}
    row = _structured(http, execution_id)["Refund request"]
    assert (row["status"], row["eval_outputs"], row["eval_metrics"]) == ("failed", {}, {})
    assert _summary(http, emu, execution_id)["Tone check"]["total_cells"] == 2


def test_the_control_route_scripts_every_outcome(emu: Emulator, http: httpx.Client) -> None:
    """POST /_emulator/script takes the same outcomes as JSON: a word, a boolean output, an error, a skip."""
    answer = http.post(
        "/_emulator/script",
        json={
            "scenario_id": str(emu.seed.scenario_ids[0]),
            "evals": {"Tone check": {"output": True}, "Issue resolved": {"error": True, "reason": "boom"}},
        },
    )
    assert answer.status_code == 200, answer.text
    http.post(
        "/_emulator/script",
        json={"scenario_id": str(emu.seed.scenario_ids[1]), "evals": {"Tone check": {"skipped": True}}},
    )
    execution_id = _run(emu, http, emu.seed.scenario_ids[:2])
    stored = _stored(http, execution_id)
    assert stored["Angry customer"][TONE]["output"] is True
    assert (stored["Angry customer"][RESOLVED]["error"], stored["Angry customer"][RESOLVED]["reason"]) == (
        "error",
        "boom",
    )
    assert stored["Refund request"][TONE]["output"] is None


def test_a_scripted_cost_is_on_each_call_row_once_the_call_ended(emu: Emulator, http: httpx.Client) -> None:
    """cost_cents: null while the call runs, the scripted cents once it ended, failed calls included."""
    emu.script(emu.seed.scenario_ids[0], cost_cents=125)
    emu.script(emu.seed.scenario_ids[1], call="failed", cost_cents=40)
    body = {"select_all": True, "scenario_ids": []}
    execution_id = http.post(f"{RUN_TESTS}{emu.seed.run_test_id}/execute/", json=body).json()["execution_id"]
    emu.advance(execution_id)
    assert {row["cost_cents"] for row in _structured(http, execution_id).values()} == {None}
    emu.finish(execution_id)
    costs = {name: row["cost_cents"] for name, row in _structured(http, execution_id).items()}
    assert costs == {"Angry customer": 125, "Refund request": 40, "Wrong number": None}


def test_an_attempt_script_applies_to_that_attempt_only(emu: Emulator, http: httpx.Client) -> None:
    """A script for attempt 2 leaves the execution's own run (attempt 1) to the scenario's script."""
    scenario = emu.seed.scenario_ids[0]
    emu.script(scenario, cost_cents=10)
    emu.script(scenario, call="failed", attempt=2)
    row = _structured(http, _run(emu, http, [scenario]))["Angry customer"]
    assert (row["status"], row["cost_cents"]) == ("completed", 10)


def test_the_control_route_scripts_a_cost_and_an_attempt(emu: Emulator, http: httpx.Client) -> None:
    """POST /_emulator/script takes cost_cents and attempt; DELETE clears attempt scripts too."""
    scenario = str(emu.seed.scenario_ids[0])
    answer = http.post(
        "/_emulator/script", json={"scenario_id": scenario, "call": "failed", "cost_cents": 7, "attempt": 1}
    )
    assert answer.status_code == 200, answer.text
    assert (answer.json()["cost_cents"], answer.json()["attempt"]) == (7, 1)
    row = _structured(http, _run(emu, http, [emu.seed.scenario_ids[0]]))["Angry customer"]
    assert (row["status"], row["cost_cents"]) == ("failed", 7)
    assert http.delete("/_emulator/script").status_code == 204
    row = _structured(http, _run(emu, http, [emu.seed.scenario_ids[0]]))["Angry customer"]
    assert (row["status"], row["cost_cents"]) == ("completed", None)


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"cost_cents": -1}, "cost_cents"),
        ({"cost_cents": 1.5}, "cost_cents"),
        ({"cost_cents": True}, "cost_cents"),
        ({"attempt": 0}, "attempt"),
        ({"attempt": "2"}, "attempt"),
    ],
    ids=["negative-cost", "fractional-cost", "boolean-cost", "attempt-zero", "attempt-string"],
)
def test_a_bad_cost_or_attempt_is_a_value_error_naming_it(
    emu: Emulator, arguments: dict[str, Any], named: str
) -> None:
    """script() refuses a cost that is not whole non-negative cents and an attempt that is not >= 1."""
    with pytest.raises(ValueError, match=named):
        emu.script(emu.seed.scenario_ids[0], **arguments)


@pytest.mark.parametrize(
    "evals",
    [{"Tone check": [1]}, {"Tone check": float("nan")}, {"Tone check": {"verdict": "yes"}}],
    ids=["list", "nan", "object"],
)
def test_a_bad_scripted_outcome_is_a_value_error_naming_it(emu: Emulator, evals: dict[str, Any]) -> None:
    """script() refuses an outcome it cannot write, naming the eval."""
    with pytest.raises(ValueError, match=r"evals\['Tone check'\]"):
        emu.script(emu.seed.scenario_ids[0], evals=evals)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (EXECUTIONS + "{execution}/", {"bogus": "1"}),
        (RUN_TESTS + "{run_test}/eval-summary/", {"executionId": "x"}),
    ],
    ids=["detail", "eval-summary"],
)
def test_unknown_query_keys_are_refused_where_the_server_refuses_them(
    emu: Emulator, http: httpx.Client, path: str, query: dict[str, str]
) -> None:
    """The detail and the eval summary answer an unknown query key with a 400 naming it."""
    target = path.format(execution=_run(emu, http), run_test=emu.seed.run_test_id)
    answer = http.get(target, params=query)
    assert answer.status_code == 400
    assert answer.json()["details"] == {next(iter(query)): ["Unknown field."]}


def test_results_are_ordered_by_last_update_newest_first(emu: Emulator, http: httpx.Client) -> None:
    """Results come by last update, newest first (order_by("-updated_at")); the calls end in the order they
    were made, so the last made is first, as the detail (newest created first) lists them too."""
    body = {"select_all": True, "scenario_ids": []}
    execution_id = http.post(f"{RUN_TESTS}{emu.seed.run_test_id}/execute/", json=body).json()["execution_id"]
    emu.advance(execution_id, steps=2)
    names = [row["scenario_name"] for row in _results_rows(http, execution_id)]
    assert names == ["Wrong number", "Refund request", "Angry customer"]
    detail = [row["scenario"] for row in http.get(f"{EXECUTIONS}{execution_id}/").json()["results"]]
    assert detail == ["Wrong number", "Refund request", "Angry customer"]


def _results_rows(http: httpx.Client, execution_id: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = http.get(RESULTS, params={"execution_id": execution_id}).json()["result"][
        "call_results"
    ]["results"]
    return rows


def test_an_older_executor_cancel_after_the_end_keeps_each_calls_status() -> None:
    """Older executor: a cancel of a finished execution leaves each call's status as it ended."""
    with Emulator(dialect="oss", advance="manual", executor="older") as emu:
        headers = {"X-Api-Key": emu.api_key, "X-Secret-Key": emu.secret_key}
        with httpx.Client(base_url=emu.url, headers=headers, timeout=10.0) as http:
            emu.script(emu.seed.scenario_ids[0], call="failed")
            execution_id = _run(emu, http)
            assert http.post(f"{EXECUTIONS}{execution_id}/cancel/").status_code == 200
            statuses = {r["scenario_name"]: r["status"] for r in _results_rows(http, execution_id)}
            assert statuses == {
                "Angry customer": "failed",
                "Refund request": "completed",
                "Wrong number": "completed",
            }


def test_the_client_reads_the_summary_per_eval_config(emu: Emulator, http: httpx.Client) -> None:
    """run_tests.eval_summary gives one item per eval config, by its name, with the server's counts."""
    emu.script(
        emu.seed.scenario_ids[0], evals={"Tone check": "Pass", "Issue resolved": ScriptedEval.errored()}
    )
    execution_id = _run(emu, http)
    with SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url) as client:
        summary = client.run_tests.eval_summary(emu.seed.run_test_id, execution_id=execution_id)
    tone, resolved = summary["Tone check"], summary["Issue resolved"]
    assert (tone.passed, tone.failed, tone.total_runs) == (2, 0, 3)
    assert tone.pass_rate == pytest.approx(2 / 3)
    assert (tone.template_name, tone.template_id) == (
        "task_completion",
        seed_id("eval-template:task_completion"),
    )
    assert (resolved.passed, resolved.total_runs, resolved.pass_rate) == (2, 2, 1.0)
    assert [item.name for item in summary.evals] == ["Issue resolved", "Tone check"]


def test_a_deleted_eval_configs_outputs_stay_on_the_calls(emu: Emulator, http: httpx.Client) -> None:
    """After delete_eval_config, the results still carry its outputs (not pruned) while the summary and the
    detail show live configs only; a new config may take the freed name, with a new id."""
    first = _run(emu, http, emu.seed.scenario_ids[:1])
    deleted = emu.delete_eval_config(emu.seed.run_test_id, "Tone check")
    reborn = emu.add_eval_config(emu.seed.run_test_id, "Tone check", template="toxicity")
    emu.script(emu.seed.scenario_ids[0], evals={"Tone check": False})
    second = _run(emu, http, emu.seed.scenario_ids[:1])
    assert set(_stored(http, first)["Angry customer"]) == {str(deleted), RESOLVED}
    assert set(_stored(http, second)["Angry customer"]) == {str(reborn), RESOLVED}
    assert set(_structured(http, first)["Angry customer"]["eval_outputs"]) == {RESOLVED}
    summary = _summary(http, emu, first)
    assert (summary["Tone check"]["id"], summary["Tone check"]["total_cells"]) == (str(reborn), 0)
    names = [e["name"] for e in http.get(f"{RUN_TESTS}{emu.seed.run_test_id}/").json()["evals"]]
    assert names == ["Tone check", "Issue resolved"]


def test_eval_config_changes_refuse_what_they_cannot_do(emu: Emulator) -> None:
    """A live name taken twice, an unknown name, template or run test: a ValueError naming it."""
    with pytest.raises(ValueError, match="already has a live eval config"):
        emu.add_eval_config(emu.seed.run_test_id, "Tone check")
    with pytest.raises(ValueError, match="no live eval config named 'Nope'"):
        emu.delete_eval_config(emu.seed.run_test_id, "Nope")
    with pytest.raises(ValueError, match="no eval template named 'bleu'"):
        emu.add_eval_config(emu.seed.run_test_id, "Bleu", template="bleu")
    with pytest.raises(ValueError, match="run_test_id"):
        emu.delete_eval_config(uuid.uuid4(), "Tone check")
