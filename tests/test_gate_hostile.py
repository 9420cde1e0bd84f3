"""A hostile or merely wrong server cannot make the gate pass a run it must fail: answers about another
object than asked, run test answers whose eval config fields disagree or repeat an id. A scripted server
over real HTTP, answering as the open-source server does except where each test says."""

from __future__ import annotations

import copy
import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    BadRequestError,
    FutureAGIError,
    IncompleteResultsError,
    SimulateClient,
)
from futureagi_simulate._verdict import judge
from tests.data import API_KEY, SECRET_KEY
from tests.moving_results import EXECUTION, RESULTS_PATH, RUN_TEST, TONE_CHECK, MovingResults
from tests.server import Recorded, RecordingServer, Reply
from tests.test_verdict import TONE, call, output, results

OTHER = str(uuid.uuid4())


def serve(server: RecordingServer, results: MovingResults, run_test: dict[str, Any] | None = None) -> None:
    """The server answers the results from ``results`` and the run test with ``run_test``."""

    def answer(request: Recorded) -> Reply:
        if run_test is not None and request.path.startswith("/simulate/run-tests/"):
            return Reply(200, run_test)
        return results.answer(request)

    server.handler = answer


def about_another_execution(results: MovingResults) -> None:
    """Every results answer says it is about another execution than the one asked for."""
    answer = results.answer

    def other(request: Recorded) -> Reply:
        reply = answer(request)
        if request.path == RESULTS_PATH:
            reply.body["result"]["execution_id"] = OTHER
        return reply

    results.answer = other  # type: ignore[method-assign]


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


def test_a_poll_about_another_execution_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """A poll answered with another execution's state never ends the wait as finished: it raises."""
    results = MovingResults(3)
    about_another_execution(results)
    serve(server, results)
    with pytest.raises(FutureAGIError, match=f"about execution {OTHER}"):
        client.executions.wait(EXECUTION, timeout=5, read_calls=False)


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


# A server that echoes the credentials it was sent, in the text the client quotes from its answer.


def leaked(error: FutureAGIError) -> list[str]:
    """The forms of ``error`` a user keeps or prints that hold a credential, or its first ten characters."""
    forms = {
        "str": str(error),
        "repr": repr(error),
        "pickle": repr(pickle.dumps(error)),
        "args": repr(error.args),
    }
    return [name for name, text in forms.items() for key in (API_KEY, SECRET_KEY) if key[:10] in text]


def test_a_content_type_that_echoes_the_key_is_redacted(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 200 answer that is not JSON, its Content-Type holding the API key: the error quotes it redacted."""
    server.reply(Reply(200, "<html>", content_type=f"text/html; echo={API_KEY}"))
    with pytest.raises(APIResponseValidationError) as caught:
        client.run_tests.get(RUN_TEST["id"])
    assert "[REDACTED]" in str(caught.value)
    assert leaked(caught.value) == []


def test_an_error_answer_whose_content_type_is_the_key_is_redacted(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 that is not the JSON envelope: the sentence naming its Content-Type holds no credential."""
    server.reply(Reply(400, "refused", content_type=f"{SECRET_KEY}/x"))
    with pytest.raises(BadRequestError) as caught:
        client.run_tests.get(RUN_TEST["id"])
    assert "[REDACTED]" in str(caught.value)
    assert leaked(caught.value) == []


@pytest.mark.parametrize("shift", [80, 88])
def test_a_content_encoding_that_echoes_the_key_is_never_cut_through_it(
    client: SimulateClient, server: RecordingServer, shift: int
) -> None:
    """An unknown Content-Encoding whose 100th character falls inside the echoed key: no part of it shows."""
    server.reply(Reply(200, "{}", headers={"Content-Encoding": "b" * shift + API_KEY}))
    with pytest.raises(FutureAGIError) as caught:
        client.run_tests.get(RUN_TEST["id"])
    assert leaked(caught.value) == []


# Output types the verdict does not know never make an eval ungated.


@pytest.mark.parametrize("output_type", ["pass_fail", "Pass/Fail ", "PASS/FAIL", "boolean", " "])
def test_words_of_an_unknown_output_type_are_judged_pass_fail(output_type: str) -> None:
    """Outputs 'Pass'/'Fail' typed other than score or choices: a pass/fail eval whose rate is 0%, failed."""
    calls = [call(output(TONE, word, output_type=output_type)) for word in ("Pass", "Fail", "Pass")]
    verdict = judge(results(*calls), eval_configs=[TONE])
    assert verdict.passed is False
    assert "eval 'Tone check' passed 0 of 3 calls it judged (0%), below the minimum 100%" in verdict.reasons


@pytest.mark.parametrize("output_type", ["score", "percentage", "numeric"])
def test_numbers_of_a_score_kind_or_unknown_type_stay_scores(output_type: str) -> None:
    """Numbers typed score, percentage or a type nobody knows are scores: no pass rate, so no rate fails."""
    calls = [call(output(TONE, value, output_type=output_type)) for value in (0.2, 0.9)]
    verdict = judge(results(*calls), eval_configs=[TONE])
    assert (verdict.passed, verdict.pass_rates) == (True, {})


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
