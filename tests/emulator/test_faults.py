"""Faults injected on demand: what each answers, when the work happens, and arming them over HTTP."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIResponseValidationError,
    RateLimitError,
    Selection,
    SimulateClient,
)
from futureagi_simulate.testing import Emulator, Fault
from tests.emulator.helpers import (
    EXECUTIONS,
    RESULTS,
    RUN_TESTS,
    execute,
    execute_path,
    http_client,
)


def _client(emulator: Emulator, **options: Any) -> SimulateClient:
    return SimulateClient(
        api_key=emulator.api_key,
        secret_key=emulator.secret_key,
        base_url=emulator.url,
        body_casing="snake",
        **options,
    )


def test_rate_limit_fault_answers_429_with_retry_after(oss: Emulator) -> None:
    """A rate_limit fault answers 429 with Retry-After and the server's body, running nothing."""
    oss.inject("executeRunTest", Fault.rate_limit(retry_after=7))
    with _client(oss, max_retries=0) as client, pytest.raises(RateLimitError) as raised:
        client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert raised.value.retry_after == 7
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_server_error_fault_is_answered_before_the_work(oss: Emulator, oss_http: httpx.Client) -> None:
    """A 503 fault is answered without handling the request, and only for `times` requests."""
    oss.inject("executeRunTest", Fault.server_error(503), times=1)
    path = execute_path(oss.seed.run_test_id)
    assert oss_http.post(path, json={}).status_code == 503
    assert oss_http.post(path, json={}).status_code == 200
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_drop_fault_counts_the_execution_and_sends_nothing(oss: Emulator) -> None:
    """A dropped connection happens after the work: one execution counted, the client raises."""
    oss.inject("executeRunTest", Fault.drop())
    with _client(oss) as client, pytest.raises(APIConnectionError) as raised:
        client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert raised.value.may_have_started
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_delay_fault_holds_the_answer_after_the_work(oss: Emulator) -> None:
    """A delay longer than the client's timeout times out a call whose execution was counted."""
    oss.inject("executeRunTest", Fault.delay(1.0))
    with _client(oss, timeout=0.2) as client, pytest.raises(APIConnectionError):
        client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    # The client gave up after 0.2 s; on a loaded machine the emulator's thread may not have reached the
    # handler yet. Wait for the work itself (bounded), rather than betting it was done within 0.2 s.
    give_up = time.monotonic() + 10
    while oss.execution_count(oss.seed.run_test_id) == 0 and time.monotonic() < give_up:
        time.sleep(0.01)
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_not_json_fault_answers_html(oss: Emulator) -> None:
    """A not_json fault answers 200 with HTML, which the client reports as a validation error."""
    oss.inject("listRunTests", Fault.not_json())
    with _client(oss) as client, pytest.raises(APIResponseValidationError):
        client.run_tests.list()


def test_faults_can_be_armed_over_http(oss: Emulator, oss_http: httpx.Client) -> None:
    """POST /_emulator/faults arms a fault; GET /_emulator/state reports executions and requests."""
    armed = oss_http.post("/_emulator/faults", json={"operation": "*", "kind": "server_error", "status": 502})
    assert armed.status_code == 201
    assert oss_http.get(RUN_TESTS).status_code == 502
    oss_http.post(execute_path(oss.seed.run_test_id), json={})
    state = oss_http.get("/_emulator/state").json()
    assert state["executions"] == {str(oss.seed.run_test_id): 1}
    assert state["requests"] == {"listRunTests": 1, "executeRunTest": 1}


def test_faults_can_be_cleared_over_http(oss: Emulator, oss_http: httpx.Client) -> None:
    """DELETE /_emulator/faults disarms every fault."""
    oss.inject("*", Fault.server_error(500), times=5)
    assert oss_http.delete("/_emulator/faults").status_code == 204
    assert oss_http.get(RUN_TESTS).status_code == 200


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
    with http_client(oss) as client:
        target = path.format(execution=execute(oss, client), run_test=oss.seed.run_test_id)
        oss.inject(operation, Fault.server_error(502))
        assert client.get(target).status_code == 502
        assert client.get(target).status_code == 200
    assert oss.request_count(operation) == 2


def test_a_dropped_cancel_still_cancels(oss: Emulator) -> None:
    """A drop fault on cancel closes the connection after the work: the execution is cancelling."""
    with http_client(oss) as client:
        execution_id = execute(oss, client)
        oss.inject("cancelTestExecution", Fault.drop())
        with pytest.raises(httpx.RemoteProtocolError):
            client.post(f"{EXECUTIONS}{execution_id}/cancel/")
    assert oss.execution_status(execution_id) == "cancelling"
