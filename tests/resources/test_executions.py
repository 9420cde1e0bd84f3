"""The operations after execute over real HTTP: what each sends, and how each answer form is read."""

from __future__ import annotations

import datetime
import uuid

import pytest

from futureagi_simulate import (
    APIConnectionError,
    AsyncSimulateClient,
    BadRequestError,
    BudgetExceededError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    RerunCallsResult,
    SimulateClient,
)
from tests.data import (
    API_KEY,
    CALL_A,
    CALL_B,
    EVAL_TONE,
    EXECUTION,
    RUN,
    S1,
    S2,
    S3,
    SECRET_KEY,
    call_row,
    error,
    eval_output,
    execution_detail,
    result_row,
    results,
    run_test,
    scenario_page,
)
from tests.server import RecordingServer, Reply

EXECUTION_PATH = f"/simulate/test-executions/{EXECUTION}/"


UNKNOWN_EXECUTION = error(
    "server_error",
    "server_error",
    "Failed to retrieve test execution: No TestExecution matches the given query.",
)


def test_get_reads_the_state_and_every_call(client: SimulateClient, server: RecordingServer) -> None:
    """get asks for pages of 100 calls until the last and counts the calls by status."""
    calls = [call_row(S1, "completed") for _ in range(120)] + [
        call_row(S2, "failed"),
        call_row(S3, "ongoing"),
    ]
    server.reply(
        Reply(200, execution_detail("Running", calls, number=1)),
        Reply(200, execution_detail("running", calls, number=2)),
    )
    state = client.executions.get(EXECUTION)
    assert [(r.method, r.path, r.query) for r in server.requests] == [
        ("GET", EXECUTION_PATH, {"page": ["1"], "limit": ["100"]}),
        ("GET", EXECUTION_PATH, {"page": ["2"], "limit": ["100"]}),
    ]
    assert (state.execution_id, state.status, state.is_finished) == (uuid.UUID(EXECUTION), "running", False)
    assert (state.total_calls, state.completed_calls, state.failed_calls, state.finished_calls) == (
        122,
        120,
        1,
        121,
    )
    assert state.calls[0].additional_properties["phone_number"] == "+15550100"


def test_get_of_an_unknown_execution_is_not_found_and_not_retried(server: RecordingServer) -> None:
    """The open-source server's 500 for an unknown execution is NotFoundError, sent once."""
    server.reply(Reply(500, UNKNOWN_EXECUTION))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=2) as client:
        with pytest.raises(NotFoundError) as caught:
            client.executions.get(EXECUTION)
    assert caught.value.status_code == 500
    assert "No TestExecution matches the given query" in caught.value.message
    assert len(server.requests) == 1


def test_other_500s_on_get_stay_server_errors(client: SimulateClient, server: RecordingServer) -> None:
    """Only the unknown-execution sentence becomes NotFoundError."""
    server.reply(Reply(500, error("server_error", "server_error", "database is down")))
    with pytest.raises(InternalServerError):
        client.executions.get(EXECUTION)


def test_get_of_a_documented_404_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """The documented dialect's 404 is NotFoundError too."""
    server.reply(Reply(404, error("not_found", "not_found", "Test execution not found")))
    with pytest.raises(NotFoundError):
        client.executions.get(EXECUTION)


def test_calls_yields_every_row_lazily(client: SimulateClient, server: RecordingServer) -> None:
    """calls pages by number and asks for the next page only when the rows so far are used up."""
    rows = [call_row(S1) for _ in range(101)]
    server.reply(
        Reply(200, execution_detail("completed", rows, number=1)),
        Reply(200, execution_detail("completed", rows, number=2)),
    )
    calls = client.executions.calls(EXECUTION)
    first = next(calls)
    assert len(server.requests) == 1
    assert [first.id, *(c.id for c in calls)] == [uuid.UUID(str(r["id"])) for r in rows]
    assert len(server.requests) == 2


def test_calls_stops_on_an_empty_page(client: SimulateClient, server: RecordingServer) -> None:
    """A page past the end is a 200 with no rows on this endpoint: that ends the iteration."""
    rows = [call_row(S1)]
    page = execution_detail("completed", rows)
    page.update(count=500, total_pages=5, next="http://testserver/next")
    empty = execution_detail("completed", [])
    empty.update(count=500, total_pages=5, current_page=2)
    server.reply(Reply(200, page), Reply(200, empty))
    assert len(list(client.executions.calls(EXECUTION))) == 1
    assert len(server.requests) == 2


def test_an_envelope_with_a_key_more_is_still_unwrapped(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The one envelope rule: an answer without the execution's own id is read from its result, whatever
    other keys the server adds beside it (as the execute and prompt answers are read)."""
    enveloped = results("Completed", [result_row(S1)], envelope=True)
    server.reply(Reply(200, {**enveloped, "message": "ok"}))
    got = client.executions.results(EXECUTION)
    assert (got.status, [call.scenario_id for call in got.calls]) == ("completed", [uuid.UUID(S1)])


@pytest.mark.parametrize("envelope", [True, False], ids=["oss-envelope", "bare"])
def test_results_reads_both_forms(client: SimulateClient, server: RecordingServer, envelope: bool) -> None:
    """The open-source envelope and a bare object give the same results."""
    rows = [result_row(S1, evals={EVAL_TONE: eval_output("Tone check", "Passed", reason="calm")})]
    server.reply(Reply(200, results("Completed", rows, envelope=envelope)))
    got = client.executions.results(EXECUTION)
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("GET", "/sdk/api/v1/simulation/runs/")
    assert sent.query == {"execution_id": [EXECUTION], "page": ["1"], "limit": ["100"]}
    assert (got.status, got.is_finished) == ("completed", True)
    assert got.started_at == datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)
    (call,) = got.calls
    assert (call.scenario_id, call.status, call.failed) == (uuid.UUID(S1), "completed", False)
    (outcome,) = call.evals
    assert (outcome.name, outcome.eval_id, outcome.passed, outcome.reason) == (
        "Tone check",
        EVAL_TONE,
        True,
        "calm",
    )


def test_results_of_an_unknown_execution_is_not_found(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The results endpoint answers 404 for an unknown execution."""
    server.reply(Reply(404, error("not_found", "not_found", "Test execution not found.")))
    with pytest.raises(NotFoundError, match=r"Test execution not found\."):
        client.executions.results(EXECUTION)


def test_cancel_posts_an_empty_object(client: SimulateClient, server: RecordingServer) -> None:
    """cancel sends {}: any key is a 400 on the server."""
    server.reply(Reply(200, {"success": True, "message": "cancelled", "test_execution_id": EXECUTION}))
    client.executions.cancel(EXECUTION)
    (sent,) = server.requests
    assert (sent.method, sent.path, sent.json()) == ("POST", f"{EXECUTION_PATH}cancel/", {})


def test_cancel_of_an_unknown_execution_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """A 404 on cancel is NotFoundError."""
    server.reply(Reply(404, error("not_found", "not_found", "Test execution not found")))
    with pytest.raises(NotFoundError):
        client.executions.cancel(EXECUTION)


@pytest.mark.anyio
async def test_async_follow_up_operations(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client reads state, results and a verdict, and cancels, like the sync one."""
    server.reply(
        Reply(200, results("completed", [result_row(S1)])),
        Reply(200, execution_detail("completed", [call_row(S1)])),
        Reply(200, run_test()),
        Reply(200, results("completed", [result_row(S1)])),
        Reply(200, {"success": True, "message": "ok", "test_execution_id": EXECUTION}),
        Reply(200, scenario_page([S1, S2])),
    )
    state = await aclient.executions.wait(EXECUTION, timeout=5)
    verdict = await aclient.executions.report(EXECUTION, run_test_id=RUN)
    await aclient.executions.cancel(EXECUTION)
    scenarios = [s.id async for s in aclient.run_tests.scenarios(RUN)]
    assert (state.status, verdict.passed, len(scenarios)) == ("completed", True, 2)
    assert [r.method for r in server.requests] == ["GET", "GET", "GET", "GET", "POST", "GET"]


# Reruns of calls -------------------------------------------------------------------------------------------


def _rerun_answer(ids: list[str], **extra: object) -> dict[str, object]:
    return {
        "message": "Bulk call execution rerun prepared and initiated successfully (call_and_eval)",
        "test_execution_id": EXECUTION,
        "rerun_type": "call_and_eval",
        "total_processed": len(ids),
        "successful_reruns": ids,
        "failed_reruns": [],
        "success_count": len(ids),
        "failure_count": 0,
        **extra,
    }


def test_rerun_calls_posts_the_call_ids_and_reads_the_answer(
    client: SimulateClient, server: RecordingServer
) -> None:
    """rerun_calls sends rerun_type and the ids (each once, in order) and returns the typed answer."""
    server.reply(Reply(200, _rerun_answer([CALL_A, CALL_B], dispatch_error=None, queued_by="temporal")))
    answer = client.executions.rerun_calls(EXECUTION, call_execution_ids=[CALL_A, uuid.UUID(CALL_B), CALL_A])
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", f"{EXECUTION_PATH}rerun-calls/")
    assert sent.json() == {"rerun_type": "call_and_eval", "call_execution_ids": [CALL_A, CALL_B]}
    assert isinstance(answer, RerunCallsResult)
    assert answer.successful_reruns == [uuid.UUID(CALL_A), uuid.UUID(CALL_B)]
    assert (answer.dispatch_error, answer.additional_properties) == (None, {"queued_by": "temporal"})


def test_rerun_calls_of_every_call_sends_select_all_without_ids(
    client: SimulateClient, server: RecordingServer
) -> None:
    """all_calls=True sends select_all and no id list (with ids the server would rerun all *but* them)."""
    server.reply(Reply(200, _rerun_answer([CALL_A])))
    client.executions.rerun_calls(EXECUTION, all_calls=True, rerun_type="eval_only")
    assert server.requests[0].json() == {"rerun_type": "eval_only", "select_all": True}


def test_rerun_calls_reads_failed_reruns(client: SimulateClient, server: RecordingServer) -> None:
    """A 200 that reran nothing still answers: failed_reruns with each call's reason, dispatch_error."""
    failed = [{"call_execution_id": CALL_A, "error": "Async dispatch failed: no workflow engine"}]
    body = _rerun_answer([], failed_reruns=failed, failure_count=1, dispatch_error="no workflow engine")
    server.reply(Reply(200, body))
    answer = client.executions.rerun_calls(EXECUTION, call_execution_ids=[CALL_A])
    assert answer.successful_reruns == []
    assert [(f.call_execution_id, f.error) for f in answer.failed_reruns] == [
        (uuid.UUID(CALL_A), "Async dispatch failed: no workflow engine")
    ]
    assert answer.dispatch_error == "no workflow engine"


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({}, "call_execution_ids"),
        ({"call_execution_ids": []}, "call_execution_ids"),
        ({"call_execution_ids": CALL_A}, "call_execution_ids"),
        ({"call_execution_ids": ["not-a-uuid"]}, r"call_execution_ids\[0\]"),
        ({"call_execution_ids": [CALL_A], "all_calls": True}, "call_execution_ids"),
        ({"all_calls": "yes"}, "all_calls"),
        ({"all_calls": True, "rerun_type": "calls"}, "rerun_type"),
    ],
    ids=["nothing", "empty", "a-string", "bad-uuid", "ids-and-all", "all-not-bool", "bad-type"],
)
def test_rerun_calls_refuses_bad_arguments_before_sending(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, object], named: str
) -> None:
    """Each bad argument is InvalidArgumentError naming it, and nothing is sent."""
    with pytest.raises(InvalidArgumentError, match=named):
        client.executions.rerun_calls(EXECUTION, **arguments)  # type: ignore[arg-type]
    assert server.requests == []


def test_a_rerun_answered_5xx_is_not_resent_and_may_have_started(server: RecordingServer) -> None:
    """A 502 after the rerun reached the server: raised at once, may_have_started, and how to check."""
    server.reply(
        Reply(502, error("server_error", "server_error", "Bad gateway")), Reply(200, _rerun_answer([]))
    )
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=3) as client:
        with pytest.raises(InternalServerError) as caught:
            client.executions.rerun_calls(EXECUTION, call_execution_ids=[CALL_A])
    assert len(server.requests) == 1
    assert caught.value.may_have_started is True
    assert "The rerun may have started" in str(caught.value)
    assert "client.executions.get(execution_id)" in str(caught.value)


def test_a_rerun_whose_connection_dropped_is_not_resent(server: RecordingServer) -> None:
    """The connection closed after the request was read: APIConnectionError, may_have_started, sent once."""
    server.reply(Reply(drop=True), Reply(200, _rerun_answer([])))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=3) as client:
        with pytest.raises(APIConnectionError) as caught:
            client.executions.rerun_calls(EXECUTION, all_calls=True)
    assert len(server.requests) == 1
    assert caught.value.may_have_started is True
    assert "The rerun may have started" in str(caught.value)


def test_a_refused_rerun_started_nothing(client: SimulateClient, server: RecordingServer) -> None:
    """A 400 (say, an execution still pending) keeps the server's sentence and may_have_started false."""
    sentence = "Cannot rerun calls while test execution is in 'pending' status."
    server.reply(Reply(400, error("validation_error", "invalid", sentence)))
    with pytest.raises(BadRequestError, match="in 'pending' status") as caught:
        client.executions.rerun_calls(EXECUTION, call_execution_ids=[CALL_A])
    assert caught.value.may_have_started is False


def test_a_rerun_of_an_unknown_execution_is_not_found(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 404 on rerun-calls is NotFoundError."""
    server.reply(Reply(404, error("not_found", "not_found", "Test execution not found")))
    with pytest.raises(NotFoundError):
        client.executions.rerun_calls(EXECUTION, call_execution_ids=[CALL_A])


@pytest.mark.anyio
async def test_async_rerun_calls(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client sends the same rerun and reads the same answer."""
    server.reply(Reply(200, _rerun_answer([CALL_A])))
    answer = await aclient.executions.rerun_calls(
        EXECUTION, call_execution_ids=[CALL_A], rerun_type="eval_only"
    )
    assert server.requests[0].json() == {"rerun_type": "eval_only", "call_execution_ids": [CALL_A]}
    assert answer.successful_reruns == [uuid.UUID(CALL_A)]


@pytest.mark.anyio
async def test_async_rerun_calls_refuses_bad_arguments(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """The async client checks the arguments before sending too."""
    with pytest.raises(InvalidArgumentError, match="call_execution_ids"):
        await aclient.executions.rerun_calls(EXECUTION)
    assert server.requests == []


def test_a_cost_read_from_fewer_rows_than_the_count_is_unknown(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The answer counts 3 calls but its only page holds 2, each with a cost: the total is unknown."""
    rows = [{**call_row(S1), "cost_cents": 100}, {**call_row(S2), "cost_cents": 50}]
    server.reply(Reply(200, {**execution_detail("completed", rows), "count": 3}))
    cost = client.executions.cost(EXECUTION)
    assert cost.total_cents is None
    assert cost.unknown_calls == 1


def test_wait_with_max_cost_stops_when_a_finished_executions_rows_were_not_all_read(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Finished, 3 calls counted, 2 rows of 100 cents held: max_cost=10 cannot be kept; it raises."""
    rows = [{**call_row(S1), "cost_cents": 100}, {**call_row(S2), "cost_cents": 100}]
    server.reply(
        Reply(200, results("completed", [result_row(S1), result_row(S2), result_row(S3)])),
        Reply(200, {**execution_detail("completed", rows), "count": 3}),
    )
    with pytest.raises(BudgetExceededError) as caught:
        client.executions.wait(EXECUTION, max_cost=10, timeout=5, poll_interval=1)
    assert "can no longer be watched" in str(caught.value)
    assert caught.value.cancelled is False
