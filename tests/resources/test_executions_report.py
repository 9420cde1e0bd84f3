"""executions.report: "completed" is not "passed", judged from scripted results over real HTTP."""

from __future__ import annotations

import copy
import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    IncompleteResultsError,
    InvalidArgumentError,
    NotFoundError,
    SimulateClient,
    Thresholds,
    Verdict,
)
from tests.data import (
    EVAL_RESOLVED,
    EVAL_TONE,
    EXECUTION,
    RUN,
    S1,
    S2,
    S3,
    error,
    eval_output,
    result_row,
    results,
    run_test,
)
from tests.moving_results import (
    OTHER,
    RESULTS_PATH,
    RUN_TEST,
    TONE_CHECK,
    MovingResults,
    about_another_execution,
    serve,
)
from tests.server import Recorded, RecordingServer, Reply

PASS = {EVAL_TONE: eval_output("Tone check", "Passed")}
FAIL = {EVAL_TONE: eval_output("Tone check", "Failed", reason="The agent interrupted twice")}
TONE: dict[str, object] = {"id": EVAL_TONE, "name": "Tone check", "template_id": None}
RESOLVED: dict[str, object] = {"id": EVAL_RESOLVED, "name": "Issue resolved", "template_id": None}


def report(
    client: SimulateClient,
    server: RecordingServer,
    status: str,
    rows: list[dict[str, object]],
    *,
    configs: list[dict[str, object]] | None = None,
    **kwargs: object,
) -> Verdict:
    """The verdict with the run test's live eval configs ``configs`` (Tone check by default)."""
    live = [TONE] if configs is None else configs
    server.reply(Reply(200, run_test(evals_detail=live, evals=live)), Reply(200, results(status, rows)))
    return client.executions.report(EXECUTION, run_test_id=RUN, **kwargs)  # type: ignore[arg-type]


def test_all_calls_completed_and_passing_passes(client: SimulateClient, server: RecordingServer) -> None:
    """A completed execution whose calls completed and passed every eval passes."""
    verdict = report(client, server, "completed", [result_row(S1, evals=PASS), result_row(S2, evals=PASS)])
    assert verdict.passed is True
    assert [s.passed for s in verdict.scenarios] == [True, True]
    assert verdict.pass_rates == {"Tone check": 1.0}
    assert "2 of 2 calls completed" in verdict.reasons


def test_completed_execution_with_a_failed_call_fails(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The server calls an execution completed when one call completed; one failed call still fails it."""
    verdict = report(client, server, "completed", [result_row(S1, evals=PASS), result_row(S2, "failed")])
    assert verdict.passed is False
    assert verdict.failed_calls == 1
    assert any("1 of 2 calls did not complete" in reason for reason in verdict.reasons)
    failing = [s for s in verdict.scenarios if not s.passed]
    assert [s.scenario_id for s in failing] == [uuid.UUID(S2)]
    assert failing[0].reasons[0].endswith("ended failed")


def test_max_failed_calls_allows_that_many(client: SimulateClient, server: RecordingServer) -> None:
    """max_failed_calls=1 lets one failed call through, but the scenario still shows as failed."""
    verdict = report(
        client,
        server,
        "completed",
        [result_row(S1, evals=PASS), result_row(S2, "cancelled")],
        thresholds=Thresholds(max_failed_calls=1),
    )
    assert verdict.passed is True
    assert [s.passed for s in verdict.scenarios] == [True, False]


@pytest.mark.parametrize("status", ["failed", "cancelled"])
def test_an_execution_that_ended_otherwise_fails(
    client: SimulateClient, server: RecordingServer, status: str
) -> None:
    """Only a completed execution can pass, whatever its calls say."""
    verdict = report(client, server, status, [result_row(S1, evals=PASS)])
    assert verdict.passed is False
    assert verdict.reasons[0] == f"the execution ended {status}, not completed"


@pytest.mark.parametrize("status", ["pending", "running", "evaluating", "cancelling"])
def test_an_execution_not_finished_does_not_pass_and_says_why(
    client: SimulateClient, server: RecordingServer, status: str
) -> None:
    """Results read before the end are not final: the verdict fails and says the execution is not finished."""
    verdict = report(client, server, status, [result_row(S1, evals=PASS)])
    assert verdict.passed is False
    assert verdict.reasons[0].startswith(
        f"the execution is {status}, not finished: its results are not final"
    )


def test_a_failed_eval_fails_by_default(client: SimulateClient, server: RecordingServer) -> None:
    """Without thresholds every eval must pass on every completed call, and the scenario says which."""
    verdict = report(client, server, "completed", [result_row(S1, evals=PASS), result_row(S2, evals=FAIL)])
    assert verdict.passed is False
    assert verdict.pass_rates == {"Tone check": 0.5}
    assert "eval 'Tone check' passed 1 of 2 calls it judged (50%), below the minimum 100%" in verdict.reasons
    (failing,) = [s for s in verdict.scenarios if not s.passed]
    assert failing.scenario_id == uuid.UUID(S2)
    assert "The agent interrupted twice" in failing.reasons[0]


def test_min_pass_rate_lowers_the_bar_for_that_eval(client: SimulateClient, server: RecordingServer) -> None:
    """A rate at or above min_pass_rate passes the verdict; the scenario the eval failed still fails."""
    rows = [result_row(S1, evals=PASS), result_row(S2, evals=PASS), result_row(S3, evals=FAIL)]
    verdict = report(
        client, server, "completed", rows, thresholds=Thresholds(min_pass_rate={"Tone check": 0.6})
    )
    assert verdict.passed is True
    assert [s.passed for s in verdict.scenarios] == [True, True, False]


def test_a_rate_below_min_pass_rate_fails(client: SimulateClient, server: RecordingServer) -> None:
    """Two of three is below a 0.9 minimum."""
    rows = [result_row(S1, evals=PASS), result_row(S2, evals=PASS), result_row(S3, evals=FAIL)]
    verdict = report(
        client, server, "completed", rows, thresholds=Thresholds(min_pass_rate={"Tone check": 0.9})
    )
    assert verdict.passed is False
    assert verdict.pass_rates["Tone check"] == pytest.approx(2 / 3)


def test_a_threshold_on_an_unknown_eval_fails(client: SimulateClient, server: RecordingServer) -> None:
    """A misspelt eval name never passes silently: the reason lists the run test's eval configs."""
    verdict = report(
        client,
        server,
        "completed",
        [result_row(S1, evals=PASS)],
        thresholds=Thresholds(min_pass_rate={"Tone chek": 0.5}),
    )
    assert verdict.passed is False
    assert (
        "min_pass_rate names 'Tone chek', which is no eval config of the run test "
        "(its eval configs: 'Tone check')" in verdict.reasons
    )


def test_default_min_pass_rate_zero_ignores_unnamed_evals(
    client: SimulateClient, server: RecordingServer
) -> None:
    """default_min_pass_rate=0 judges only the evals named in min_pass_rate."""
    rows = [result_row(S1, evals={**PASS, EVAL_RESOLVED: eval_output("Issue resolved", False)})]
    verdict = report(
        client,
        server,
        "completed",
        rows,
        configs=[TONE, RESOLVED],
        thresholds=Thresholds(default_min_pass_rate=0),
    )
    assert verdict.passed is True
    assert verdict.pass_rates == {"Tone check": 1.0, "Issue resolved": 0.0}


def test_failed_calls_do_not_count_in_pass_rates(client: SimulateClient, server: RecordingServer) -> None:
    """As on the server, a pass rate is over the calls that completed."""
    rows = [result_row(S1, evals=PASS), result_row(S2, "failed", evals=FAIL)]
    verdict = report(client, server, "completed", rows, thresholds=Thresholds(max_failed_calls=1))
    assert verdict.pass_rates == {"Tone check": 1.0}
    assert verdict.passed is True


@pytest.mark.parametrize(
    ("output", "rate"),
    [
        ("Passed", 1.0),
        ("PASSED", 1.0),
        (True, 1.0),
        ("Failed", 0.0),
        ("failed", 0.0),
        (False, 0.0),
        ("Pass", 0.0),
        ("pass", 0.0),
        ("yes", 0.0),
    ],
)
def test_only_passed_and_true_pass(
    client: SimulateClient, server: RecordingServer, output: object, rate: float
) -> None:
    """As the server's eval summary counts: Passed (any case) and true pass; Pass, yes and the rest do not."""
    rows = [result_row(S1, evals={EVAL_TONE: eval_output("Tone check", output)})]
    verdict = report(client, server, "completed", rows, thresholds=Thresholds(default_min_pass_rate=0))
    assert verdict.pass_rates == {"Tone check": rate}


def test_a_score_eval_has_no_pass_rate(client: SimulateClient, server: RecordingServer) -> None:
    """A numeric output is a score, not a pass or a fail: it neither passes nor fails the verdict."""
    rows = [result_row(S1, evals={EVAL_TONE: {"name": "Politeness", "output": 0.4, "output_type": "score"}})]
    verdict = report(client, server, "completed", rows, configs=[{"id": EVAL_TONE, "name": "Politeness"}])
    assert verdict.passed is True
    assert verdict.pass_rates == {}
    (call,) = verdict.scenarios[0].calls
    assert call.evals[0].score == 0.4
    assert call.evals[0].passed is None


def test_no_evals_passes_on_call_outcomes_and_says_so(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A run test with no eval configs is judged on its calls, and its reasons say so."""
    verdict = report(client, server, "completed", [result_row(S1), result_row(S2)], configs=[])
    assert verdict.passed is True
    assert "the run test has no eval configs: the verdict rests on call outcomes alone" in verdict.reasons


def test_an_expected_scenario_without_a_call_fails(client: SimulateClient, server: RecordingServer) -> None:
    """Every id in expected_scenario_ids must have a call; the missing one is named."""
    verdict = report(client, server, "completed", [result_row(S1)], expected_scenario_ids=[S1, S2])
    assert verdict.passed is False
    assert f"scenario {S2} was expected but has no call" in verdict.reasons
    missing = verdict.scenarios[-1]
    assert (missing.scenario_id, missing.passed, missing.calls) == (uuid.UUID(S2), False, ())


def test_an_execution_with_no_calls_fails(client: SimulateClient, server: RecordingServer) -> None:
    """Nothing ran, so nothing passed."""
    verdict = report(client, server, "completed", [])
    assert verdict.passed is False
    assert "the execution has no calls" in verdict.reasons


def test_a_scenario_with_two_calls_fails_when_one_failed(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Calls group by scenario; any failed call fails its scenario."""
    verdict = report(
        client,
        server,
        "completed",
        [result_row(S1), result_row(S1, "failed")],
        thresholds=Thresholds(max_failed_calls=5),
    )
    (scenario,) = verdict.scenarios
    assert (scenario.passed, len(scenario.calls)) == (False, 2)


def test_report_reads_every_page_of_results(client: SimulateClient, server: RecordingServer) -> None:
    """With 150 calls the results come in two pages of 100, and the verdict counts all of them."""
    rows = [result_row(str(uuid.uuid4())) for _ in range(150)]
    server.reply(
        Reply(200, run_test(evals_detail=[])),
        Reply(200, results("completed", rows, number=1)),
        Reply(200, results("completed", rows, number=2)),
    )
    verdict = client.executions.report(EXECUTION, run_test_id=RUN)
    assert verdict.total_calls == 150
    pages = server.requests[1:]
    assert [r.query["page"] for r in pages] == [["1"], ["2"]]
    assert all(r.query["limit"] == ["100"] for r in pages)


def test_report_reads_the_run_test_then_the_results(client: SimulateClient, server: RecordingServer) -> None:
    """The run test's eval configs are read first, by the id given, then the execution's results."""
    report(client, server, "completed", [result_row(S1, evals=PASS)])
    assert [r.path for r in server.requests] == [
        f"/simulate/run-tests/{RUN}/",
        "/sdk/api/v1/simulation/runs/",
    ]
    assert server.requests[1].query["execution_id"] == [EXECUTION]


def test_an_unknown_run_test_is_not_found_and_no_results_are_read(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A run_test_id the server does not have ends the report at once: nothing is judged."""
    server.reply(Reply(404, error("not_found", "not_found", "Run test not found")))
    with pytest.raises(NotFoundError, match="Run test not found"):
        client.executions.report(EXECUTION, run_test_id=RUN)
    assert len(server.requests) == 1


def test_the_verdict_survives_pickle(client: SimulateClient, server: RecordingServer) -> None:
    """A verdict crosses a process pool whole."""
    verdict = report(client, server, "completed", [result_row(S1, evals=FAIL)])
    assert pickle.loads(pickle.dumps(verdict)) == verdict


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"min_pass_rate": {"Tone check": 90}}, "min_pass_rate['Tone check']"),
        ({"min_pass_rate": {"Tone check": -0.1}}, "min_pass_rate['Tone check']"),
        ({"min_pass_rate": {"Tone check": float("nan")}}, "min_pass_rate['Tone check']"),
        ({"min_pass_rate": {"Tone check": True}}, "min_pass_rate['Tone check']"),
        ({"min_pass_rate": {"": 0.5}}, "min_pass_rate"),
        ({"min_pass_rate": [("Tone check", 0.5)]}, "min_pass_rate"),
        ({"max_failed_calls": -1}, "max_failed_calls"),
        ({"max_failed_calls": 1.5}, "max_failed_calls"),
        ({"max_unjudged_calls": -1}, "max_unjudged_calls"),
        ({"max_unjudged_calls": True}, "max_unjudged_calls"),
        ({"default_min_pass_rate": 2}, "default_min_pass_rate"),
    ],
)
def test_bad_thresholds_name_the_field(kwargs: dict[str, object], argument: str) -> None:
    """Thresholds refuse a bad value at construction, naming the field and the rule."""
    with pytest.raises(InvalidArgumentError) as caught:
        Thresholds(**kwargs)
    assert caught.value.argument == argument


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"execution_id": "not-a-uuid", "run_test_id": RUN}, "execution_id"),
        ({"execution_id": EXECUTION, "run_test_id": "nope"}, "run_test_id"),
        (
            {"execution_id": EXECUTION, "run_test_id": RUN, "thresholds": {"max_failed_calls": 1}},
            "thresholds",
        ),
        (
            {"execution_id": EXECUTION, "run_test_id": RUN, "expected_scenario_ids": [S1, "nope"]},
            "expected_scenario_ids[1]",
        ),
        (
            {"execution_id": EXECUTION, "run_test_id": RUN, "expected_scenario_ids": S1},
            "expected_scenario_ids",
        ),
    ],
)
def test_report_refuses_bad_arguments_before_sending(
    client: SimulateClient, server: RecordingServer, kwargs: dict[str, object], argument: str
) -> None:
    """A bad execution or run test id, thresholds object or expected id sends nothing."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.executions.report(**kwargs)  # type: ignore[arg-type]
    assert caught.value.argument == argument
    assert server.requests == []


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda c: c.executions.wait(EXECUTION, timeout=10**400), "timeout"),
        (lambda c: c.executions.wait(EXECUTION, timeout=60, poll_interval=10**400), "poll_interval"),
        (lambda c: Thresholds(min_pass_rate={"T": 10**400}), "min_pass_rate['T']"),
        (lambda c: Thresholds(default_min_pass_rate=10**400), "default_min_pass_rate"),
    ],
    ids=["timeout", "poll_interval", "min_pass_rate", "default_min_pass_rate"],
)
def test_integers_too_large_for_a_float_are_invalid_arguments(
    client: SimulateClient, server: RecordingServer, call: Any, argument: str
) -> None:
    """10**400 is refused as InvalidArgumentError naming the argument, not as an OverflowError."""
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert caught.value.argument == argument
    assert server.requests == []


def test_a_rate_just_under_its_minimum_does_not_read_as_equal(
    client: SimulateClient, server: RecordingServer
) -> None:
    """899 of 1,000 against a 90% minimum says 89.9%."""
    rows = [result_row(str(uuid.uuid4()), evals={EVAL_TONE: eval_output("T", "Passed")}) for _ in range(899)]
    rows += [result_row(str(uuid.uuid4()), evals={EVAL_TONE: eval_output("T", "Failed")}) for _ in range(101)]
    pages = [results("completed", rows, number=n) for n in range(1, 11)]
    server.reply(Reply(200, run_test(evals_detail=[{"id": EVAL_TONE, "name": "T"}])))
    server.reply(*(Reply(200, page) for page in pages))
    verdict = client.executions.report(
        EXECUTION, run_test_id=RUN, thresholds=Thresholds(min_pass_rate={"T": 0.9})
    )
    assert "eval 'T' passed 899 of 1000 calls it judged (89.9%), below the minimum 90%" in verdict.reasons


def failing_tone_check(calls: int) -> MovingResults:
    """Results whose Tone check failed on the first call."""
    results = MovingResults(calls)
    results.rows[0]["eval_outputs"][TONE_CHECK]["output"] = "Failed"
    return results


def test_results_about_another_execution_are_refused(client: SimulateClient, server: RecordingServer) -> None:
    """Results that name another execution are never judged as the asked one's: the report raises."""
    results = MovingResults(3)
    about_another_execution(results)
    serve(server, results)
    with pytest.raises(APIResponseValidationError, match=f"about execution {OTHER}, not {EXECUTION}"):
        client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])


def test_a_run_test_answer_about_another_run_test_is_refused(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Another run test's eval configs never judge this run: the report raises before reading results."""
    other = copy.deepcopy(RUN_TEST)
    other["id"] = OTHER
    serve(server, MovingResults(3), other)
    with pytest.raises(APIResponseValidationError, match=f"about run test {OTHER}"):
        client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert [r.path for r in server.requests if r.path == RESULTS_PATH] == []


@pytest.mark.parametrize("emptied", ["evals_detail", "evals", "simulate_eval_configs_detail"])
def test_an_empty_eval_config_field_does_not_hide_the_others(
    client: SimulateClient, server: RecordingServer, emptied: str
) -> None:
    """One of the run test's eval config fields empty, the others listing Tone check: its failure counts."""
    run_test = copy.deepcopy(RUN_TEST)
    run_test[emptied] = []
    serve(server, failing_tone_check(3), run_test)
    verdict = client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert verdict.passed is False
    assert (
        "eval 'Tone check' passed 2 of 3 calls it judged (66.7%), below the minimum 100%" in verdict.reasons
    )


def test_two_eval_configs_with_one_id_fail_the_verdict(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Two live configs with one id: whose outputs are filed under it is unknown, so the verdict fails."""
    run_test = copy.deepcopy(RUN_TEST)
    tone = next(c for c in run_test["evals_detail"] if c["name"] == "Tone check")
    for field in ("evals_detail", "evals", "simulate_eval_configs_detail"):
        for config in run_test[field]:
            config["id"] = tone["id"]
    serve(server, MovingResults(3), run_test)
    verdict = client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert verdict.passed is False
    assert (
        f"two live eval configs have the id {TONE_CHECK}: the outputs filed under it cannot be told apart"
        in verdict.reasons
    )


def test_a_completed_execution_with_fewer_rows_than_its_total_calls_is_not_judged(
    client: SimulateClient, server: RecordingServer
) -> None:
    """total_calls 4, but the pages count and hold 3 calls: IncompleteResultsError, never a verdict on 3."""
    results = MovingResults(3)
    answer = results.answer

    def one_more(request: Recorded) -> Reply:
        reply = answer(request)
        if request.path == RESULTS_PATH:
            reply.body["result"]["total_calls"] = 4
        return reply

    results.answer = one_more  # type: ignore[method-assign]
    serve(server, results)
    with pytest.raises(
        IncompleteResultsError, match=r"it says it has 4 calls \(total_calls\) but its pages count 3"
    ):
        client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])


def test_a_running_execution_with_fewer_rows_than_its_total_calls_reads_as_it_is(
    client: SimulateClient, server: RecordingServer
) -> None:
    """While it runs, calls not yet created are no inconsistency: results gives the rows there are."""
    results = MovingResults(3, status="running")
    answer = results.answer

    def planned(request: Recorded) -> Reply:
        reply = answer(request)
        if request.path == RESULTS_PATH:
            reply.body["result"]["total_calls"] = 4
        return reply

    results.answer = planned  # type: ignore[method-assign]
    serve(server, results)
    assert len(client.executions.results(EXECUTION).calls) == 3
