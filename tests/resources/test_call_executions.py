"""``client.call_executions`` over real HTTP: what each operation sends, and how each dialect's answer is
read (docs/dialects.md, "Reruns" and "Session comparison")."""

from __future__ import annotations

import uuid

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    AsyncSimulateClient,
    BadRequestError,
    InvalidArgumentError,
    NotFoundError,
    SessionComparison,
    SimulateClient,
)
from tests.data import CALL_A, S1, call_row, error
from tests.server import RecordingServer, Reply

CALL_PATH = f"/simulate/call-executions/{CALL_A}/"

SNAPSHOT = {
    "rerun_type": "call_and_eval",
    "status": "failed",
    "cost_cents": 30,
    "snapshot_timestamp": "2026-12-07T10:45:33Z",
    "eval_outputs": {},
}


def test_get_reads_the_call_with_its_cost_and_snapshots(
    client: SimulateClient, server: RecordingServer
) -> None:
    """get reads one call: cost_cents, rerun_snapshots (open objects) and the keys the server adds."""
    body = {**call_row(S1, call_id=CALL_A), "cost_cents": 45, "rerun_snapshots": [SNAPSHOT], "attributes": {}}
    server.reply(Reply(200, body))
    call = client.call_executions.get(uuid.UUID(CALL_A))
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("GET", CALL_PATH)
    assert (call.id, call.status, call.cost_cents) == (uuid.UUID(CALL_A), "completed", 45)
    assert isinstance(call.rerun_snapshots, list)
    assert call.rerun_snapshots[0]["status"] == "failed"
    assert call.additional_properties["attributes"] == {}


def test_get_refuses_an_answer_about_another_call(client: SimulateClient, server: RecordingServer) -> None:
    """An answer whose id is not the call asked for is refused rather than read as this call."""
    server.reply(Reply(200, call_row(S1)))
    with pytest.raises(APIResponseValidationError, match="call execution"):
        client.call_executions.get(CALL_A)


def test_get_of_an_unknown_call_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """The 404 "Call execution not found" is NotFoundError."""
    server.reply(Reply(404, error("not_found", "not_found", "Call execution not found")))
    with pytest.raises(NotFoundError, match="Call execution not found"):
        client.call_executions.get(CALL_A)


@pytest.mark.parametrize("bad", ["not-a-uuid", 12, None])
def test_a_bad_call_id_is_refused_before_sending(
    client: SimulateClient, server: RecordingServer, bad: object
) -> None:
    """get and session_comparison check the id before anything is sent."""
    with pytest.raises(InvalidArgumentError, match="call_execution_id"):
        client.call_executions.get(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="call_execution_id"):
        client.call_executions.session_comparison(bad)  # type: ignore[arg-type]
    assert server.requests == []


def test_the_documented_comparison_is_against_the_previous_attempt(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The documented bare answer reads as compared_with="previous_attempt", each field as sent."""
    body = {
        "metrics_comparison": {"current": {"talk_ratio": 0.5}, "previous": {"talk_ratio": 0.4}},
        "transcript_comparison": {"current": [], "previous": []},
        "eval_comparison": {
            "current": {"Tone check": {"score": 9}},
            "previous": {"Tone check": {"score": 7}},
        },
    }
    server.reply(Reply(200, body))
    compared = client.call_executions.session_comparison(CALL_A)
    assert server.requests[0].path == f"{CALL_PATH}session-comparison/"
    assert compared == SessionComparison(
        call_execution_id=uuid.UUID(CALL_A),
        compared_with="previous_attempt",
        metrics=body["metrics_comparison"],
        transcripts=body["transcript_comparison"],
        recordings=None,
        evals=body["eval_comparison"],
    )


def test_the_servers_comparison_is_against_the_replayed_session(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The open-source server's {status, result} reads as compared_with="replayed_session"."""
    result: dict[str, object] = {
        "comparison_metrics": {"turns": [6, 5]},
        "comparison_transcripts": [],
        "comparison_recordings": None,
    }
    server.reply(Reply(200, {"status": True, "result": result}))
    compared = client.call_executions.session_comparison(CALL_A)
    assert (compared.compared_with, compared.metrics, compared.transcripts) == (
        "replayed_session",
        {"turns": [6, 5]},
        [],
    )
    assert (compared.recordings, compared.evals) == (None, None)


def test_a_comparison_missing_its_metrics_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """An answer in neither shape names what is missing."""
    server.reply(Reply(200, {"status": True, "result": {"comparison_transcripts": []}}))
    with pytest.raises(APIResponseValidationError, match="comparison_metrics"):
        client.call_executions.session_comparison(CALL_A)


def test_a_call_with_nothing_to_compare_is_a_bad_request(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The server's 400 keeps its sentence."""
    server.reply(
        Reply(400, error("validation_error", "invalid", "Row ID is not associated which is required"))
    )
    with pytest.raises(BadRequestError, match="Row ID is not associated"):
        client.call_executions.session_comparison(CALL_A)


@pytest.mark.anyio
async def test_async_call_executions(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client reads a call and a comparison as the sync one does."""
    comparison: dict[str, object] = {
        "metrics_comparison": {"current": {}, "previous": {}},
        "transcript_comparison": {},
    }
    server.reply(Reply(200, call_row(S1, call_id=CALL_A)), Reply(200, comparison))
    call = await aclient.call_executions.get(CALL_A)
    compared = await aclient.call_executions.session_comparison(CALL_A)
    assert (call.id, compared.compared_with) == (uuid.UUID(CALL_A), "previous_attempt")
    assert [r.path for r in server.requests] == [CALL_PATH, f"{CALL_PATH}session-comparison/"]
