"""The operations after execute over real HTTP: what each sends, and how each answer form is read."""

from __future__ import annotations

import datetime
import uuid

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    InternalServerError,
    NotFoundError,
    SimulateClient,
)
from tests.data import (
    API_KEY,
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
