"""The transport: deadlines, size limits, encodings, and what a request that never left says."""

from __future__ import annotations

import json
import os
import uuid

import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AsyncSimulateClient,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Selection,
    SimulateClient,
)
from tests.data import API_KEY, SECRET_KEY
from tests.server import RecordingServer, Reply

RUN_TEST = uuid.UUID("3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b")


SENTENCE = "Run test not found."


ENVELOPE = json.dumps({"status": False, "message": SENTENCE, "result": None}).encode()


# Encodings that lie about a plain JSON body: one we decode (the body is not gzip) and ones we never
# asked for and cannot decode.
LIES = ["gzip", "deflate", "gzip, deflate", "br", "zstd", "x-unknown"]


@pytest.mark.parametrize("encoding", LIES)
@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (429, RateLimitError),
        (500, InternalServerError),
    ],
)
def test_a_lying_encoding_keeps_the_status_and_the_message(
    client: SimulateClient,
    server: RecordingServer,
    encoding: str,
    status: int,
    error_class: type[APIStatusError],
) -> None:
    """The error class of the status, its status_code, and the server's sentence in the message."""
    server.reply(Reply(status, ENVELOPE, headers={"Content-Encoding": encoding}))
    with pytest.raises(error_class) as caught:
        client.run_tests.get(RUN_TEST)
    assert caught.value.status_code == status
    assert SENTENCE in str(caught.value)


def test_an_unreadable_body_under_a_lying_encoding_says_so(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A body that is neither what the header says nor JSON: the status's class, and a message that says
    the encoding did not match, not an httpx.DecodingError."""
    server.reply(Reply(404, os.urandom(64), headers={"Content-Encoding": "br"}))
    with pytest.raises(NotFoundError) as caught:
        client.run_tests.get(RUN_TEST)
    assert "the body is not 'br' as its Content-Encoding says" in str(caught.value)


@pytest.mark.anyio
async def test_the_async_client_keeps_the_status_too(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """The async client reads a lying error answer the same way."""
    server.reply(Reply(404, ENVELOPE, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(NotFoundError, match=SENTENCE):
        await aclient.run_tests.get(RUN_TEST)


def test_an_execute_answered_500_with_a_lying_encoding_may_have_started(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 500 to an execute under a lying encoding: InternalServerError that may have started, sent once."""
    server.reply(Reply(500, ENVELOPE, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(InternalServerError) as caught:
        client.run_tests.execute(RUN_TEST, selection=Selection.only([uuid.uuid4()]))
    assert caught.value.may_have_started is True
    assert len(server.requests) == 1


def test_a_lying_error_answer_is_still_read_within_the_size_limit(server: RecordingServer) -> None:
    """The raw bytes kept for a lying error answer count against max_response_size."""
    server.reply(Reply(503, b"x" * 5000, headers={"Content-Encoding": "gzip"}))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=0, max_response_size=1000
    ) as client:
        with pytest.raises(APIResponseValidationError, match="max_response_size") as caught:
            client.run_tests.get(RUN_TEST)
    assert caught.value.status_code == 503


def test_a_success_with_a_lying_encoding_is_not_read(client: SimulateClient, server: RecordingServer) -> None:
    """A 200 whose body is not what its Content-Encoding says is refused, not taken as sent."""
    body = json.dumps({"id": str(RUN_TEST), "name": "R"}).encode()
    server.reply(Reply(200, body, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(APIConnectionError, match="compressed body is broken"):
        client.run_tests.get(RUN_TEST)
