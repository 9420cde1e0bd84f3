"""executions.report on the real server's own answers: the open-source server's recorded results and run test
(tests/data/answers-oss.json, a copy of ../shared/real-server/answers-oss.json), served over real HTTP."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from futureagi_simulate import SimulateClient, Thresholds, Verdict
from tests.server import Recorded, RecordingServer, Reply

ANSWERS: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "answers-oss.json").read_text()
)["answers"]
RESULTS = "getSimulationRunResults 200"
#: The run test every temporal case but paging ran: two eval configs, "Issue resolved" and "Tone check".
RECORDED_RUN_TEST: dict[str, Any] = ANSWERS["getRunTest 200"][0]["body"]


def result_pages(case: str, server_config: str = "temporal") -> list[dict[str, Any]]:
    """The recorded results pages of one case, page 1 first (the first report of the case)."""
    answers = [a for a in ANSWERS[RESULTS] if a["case"] == case and a["server_config"] == server_config]
    steps = list(dict.fromkeys(a["client_step"] for a in answers))
    return [a["body"] for a in answers if a["client_step"] == steps[0]]


def live_configs(page: dict[str, Any]) -> list[dict[str, Any]]:
    """The eval configs the server summarised in the results answer: its run test's configs at the time."""
    return [
        {"id": config["id"], "name": config["name"], "template_id": template["id"]}
        for template in page["result"]["eval_results"]
        for config in template["result"]
    ]


def run_test_for(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """The recorded run test when the case ran it, else the recorded one with the case's configs in it."""
    configs = live_configs(pages[0])
    recorded = {c["id"] for c in RECORDED_RUN_TEST["evals_detail"]}
    if {c["id"] for c in configs} == recorded:
        return RECORDED_RUN_TEST
    body = copy.deepcopy(RECORDED_RUN_TEST)
    details = [{**RECORDED_RUN_TEST["evals_detail"][0], **config} for config in configs]
    body.update(
        simulate_eval_configs=[c["id"] for c in configs],
        simulate_eval_configs_detail=details,
        evals_detail=details,
        evals=details,
    )
    return body


def report(
    client: SimulateClient,
    server: RecordingServer,
    case: str,
    server_config: str = "temporal",
    thresholds: Thresholds | None = None,
) -> Verdict:
    """The verdict on a recorded case, the scripted server answering as the real one did."""
    pages = result_pages(case, server_config)
    run_test = run_test_for(pages)

    def answer(request: Recorded) -> Reply:
        if request.path.startswith("/simulate/run-tests/"):
            return Reply(200, run_test)
        assert request.path == "/sdk/api/v1/simulation/runs/"
        return Reply(200, pages[int(request.query["page"][0]) - 1])

    server.handler = answer
    return client.executions.report(
        pages[0]["result"]["execution_id"], run_test_id=run_test["id"], thresholds=thresholds
    )


def test_an_eval_that_errored_on_every_call_fails_and_is_named(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Live: 'Issue resolved' errored on all 4 calls; the server showed 0 %; the verdict now fails on it."""
    verdict = report(client, server, "errorevals")
    assert verdict.passed is False
    assert verdict.reasons[0] == "eval 'Issue resolved' judged none of the 4 completed calls (errored on 4)"
    assert verdict.unjudged_calls == {"Issue resolved": 4, "Tone check": 0}
    assert verdict.pass_rates == {"Tone check": 1.0}


def test_each_call_an_eval_errored_on_fails_its_scenario_with_the_server_reason(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Every scenario names the errored eval and the server's reason for its call."""
    verdict = report(client, server, "errorevals")
    assert [s.passed for s in verdict.scenarios] == [False] * 4
    for scenario in verdict.scenarios:
        (call,) = scenario.calls
        assert scenario.reasons == [
            f"eval 'Issue resolved' errored on call {call.call_execution_id}: "
            "Evaluation failed. Please contact Future AGI support."
        ]


def test_an_eval_that_judged_nothing_fails_whatever_the_thresholds(
    client: SimulateClient, server: RecordingServer
) -> None:
    """No allowance lets an eval that judged no call pass: it never passes."""
    lenient = Thresholds(max_unjudged_calls=4, default_min_pass_rate=0)
    verdict = report(client, server, "errorevals", thresholds=lenient)
    assert verdict.passed is False
    (resolved,) = [e for e in verdict.evals if e.name == "Issue resolved"]
    assert (resolved.judged, resolved.unjudged, resolved.errored, resolved.passed) == (0, 4, 4, False)


def test_pass_and_passed_are_75_percent_as_on_the_server(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Live: outputs Pass, Passed, Passed, Passed were 75 % on the server and 100 % in the client."""
    verdict = report(client, server, "boolevals")
    assert verdict.pass_rates == {"Issue resolved": 0.75, "Tone check": 0.75}
    assert verdict.passed is False
    assert (
        "eval 'Issue resolved' passed 3 of 4 calls it judged (75%), below the minimum 100%" in verdict.reasons
    )


def test_a_minimum_the_server_rate_reaches_passes(client: SimulateClient, server: RecordingServer) -> None:
    """At a 75 % minimum the same answers pass: the rate, not the words, decides."""
    thresholds = Thresholds(min_pass_rate={"Issue resolved": 0.75, "Tone check": 0.75})
    verdict = report(client, server, "boolevals", thresholds=thresholds)
    assert verdict.passed is True, verdict.reasons


CASES_WITH_EVALS = [
    ("pass", "temporal"),
    ("evalfail", "temporal"),
    ("callfail", "temporal"),
    ("errorevals", "temporal"),
    ("boolevals", "temporal"),
    ("allfail", "temporal"),
    ("pass", "older-executor"),
    ("callfail", "older-executor"),
    ("allfail", "older-executor"),
]


@pytest.mark.parametrize(("case", "server_config"), CASES_WITH_EVALS)
def test_every_count_is_the_server_eval_summary_count(
    client: SimulateClient, server: RecordingServer, case: str, server_config: str
) -> None:
    """Per live eval config, judged, passed, failed and the rate are the server's own summary's numbers."""
    verdict = report(client, server, case, server_config)
    summary = {
        c["id"]: c
        for t in result_pages(case, server_config)[0]["result"]["eval_results"]
        for c in t["result"]
    }
    assert {str(e.eval_config_id) for e in verdict.evals} == set(summary)
    for judged in verdict.evals:
        server_side = summary[str(judged.eval_config_id)]
        output = server_side["output"]
        assert judged.judged == server_side["total_cells"]
        assert (judged.pass_count, judged.fail_count) == (
            output.get("pass_count", 0),
            output.get("fail_count", 0),
        )
        if judged.judged:
            assert judged.pass_rate is not None
            assert round(judged.pass_rate * 100, 2) == output["pass"]


def test_a_failed_eval_fails_the_scenario_that_failed_it(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Tone check failed scenario A's call: A fails with the eval's reason, the others pass."""
    verdict = report(client, server, "evalfail")
    assert verdict.passed is False
    failing = [s for s in verdict.scenarios if not s.passed]
    assert [s.scenario_name for s in failing] == ["Tour scenario A"]
    assert failing[0].reasons == [
        f"eval 'Tone check' did not pass call {failing[0].calls[0].call_execution_id}: tour: Failed"
    ]


@pytest.mark.parametrize("server_config", ["temporal", "older-executor"])
def test_a_failed_call_fails_the_verdict_but_not_the_pass_rates(
    client: SimulateClient, server: RecordingServer, server_config: str
) -> None:
    """The completed execution with one failed call fails; its evals are over the 3 calls that completed."""
    verdict = report(client, server, "callfail", server_config)
    assert (verdict.status, verdict.passed, verdict.failed_calls) == ("completed", False, 1)
    assert verdict.pass_rates == {"Issue resolved": 1.0, "Tone check": 1.0}
    assert verdict.unjudged_calls == {"Issue resolved": 0, "Tone check": 0}


def test_max_failed_calls_lets_the_failed_call_through(
    client: SimulateClient, server: RecordingServer
) -> None:
    """With one failed call allowed, the same answers pass."""
    verdict = report(client, server, "callfail", thresholds=Thresholds(max_failed_calls=1))
    assert verdict.passed is True, verdict.reasons


@pytest.mark.parametrize("server_config", ["temporal", "older-executor"])
def test_an_execution_whose_calls_all_failed_fails_with_true_reasons(
    client: SimulateClient, server: RecordingServer, server_config: str
) -> None:
    """Every call failed: the reasons say so, and do not claim the run test has no evals."""
    verdict = report(client, server, "allfail", server_config)
    assert verdict.passed is False
    assert verdict.reasons[0] == "the execution ended failed, not completed"
    assert "eval 'Tone check' judged no call: none completed" in verdict.reasons
    assert not any("no eval configs" in reason for reason in verdict.reasons)


@pytest.mark.parametrize("server_config", ["temporal", "older-executor"])
def test_a_run_whose_calls_and_evals_passed_passes(
    client: SimulateClient, server: RecordingServer, server_config: str
) -> None:
    """Four completed calls, both evals passed on each: the verdict passes."""
    verdict = report(client, server, "pass", server_config)
    assert verdict.passed is True, verdict.reasons
    assert verdict.pass_rates == {"Issue resolved": 1.0, "Tone check": 1.0}


def test_105_calls_on_two_pages_are_each_judged_once(client: SimulateClient, server: RecordingServer) -> None:
    """The paging case's 100 + 5 calls are all judged; its run test has no evals, and the reasons say so."""
    verdict = report(client, server, "paging")
    pages = [r.query["page"] for r in server.requests if r.path == "/sdk/api/v1/simulation/runs/"]
    assert (verdict.passed, verdict.total_calls, pages) == (True, 105, [["1"], ["2"]])
    assert len({c.call_execution_id for s in verdict.scenarios for c in s.calls}) == 105
    assert "the run test has no eval configs: the verdict rests on call outcomes alone" in verdict.reasons


@pytest.mark.parametrize(
    ("server_config", "status"), [("temporal", "cancelling"), ("older-executor", "cancelled")]
)
def test_a_cancelled_execution_does_not_pass(
    client: SimulateClient, server: RecordingServer, server_config: str, status: str
) -> None:
    """Cancelled mid-run: still cancelling (Temporal) is not finished; cancelled ended otherwise."""
    verdict = report(client, server, "cancel", server_config)
    assert (verdict.status, verdict.passed) == (status, False)
    expected = (
        "the execution is cancelling, not finished"
        if status == "cancelling"
        else "the execution ended cancelled, not completed"
    )
    assert verdict.reasons[0].startswith(expected)
