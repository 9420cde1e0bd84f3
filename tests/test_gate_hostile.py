"""A hostile or merely wrong server cannot make the gate pass a run it must fail: answers about another
object than asked, run test answers whose eval config fields disagree or repeat an id. A scripted server
over real HTTP, answering as the open-source server does except where each test says."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import pytest

from futureagi_simulate import APIResponseValidationError, FutureAGIError, SimulateClient
from tests.server import Recorded, RecordingServer, Reply
from tests.test_verdict_snapshot import EXECUTION, RESULTS_PATH, RUN_TEST, TONE_CHECK, MovingResults

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
