"""The transport: deadlines, size limits, encodings, and what a request that never left says."""

from __future__ import annotations

import gzip
import json
import os
import time
import tracemalloc
import uuid
import zlib

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
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
from tests.clients import EMPTY_PAGE, execute, keys
from tests.data import API_KEY, EXECUTION, RUN, SECRET_KEY, execution_snake, page
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


def test_redirect_is_not_followed(client: SimulateClient, server: RecordingServer) -> None:
    """A 3xx raises naming the Location, and nothing is sent there."""
    server.reply(Reply(302, None, headers={"Location": "https://elsewhere.example/simulate/run-tests/"}))
    with pytest.raises(APIStatusError) as caught:
        client.run_tests.list()
    assert caught.value.status_code == 302
    assert "https://elsewhere.example/simulate/run-tests/" in caught.value.message
    assert len(server.requests) == 1


def test_slow_answer_is_a_timeout_error(server: RecordingServer) -> None:
    """An answer slower than the timeout raises APITimeoutError, a kind of APIConnectionError."""
    server.reply(Reply(200, {"count": 0, "results": []}, delay=1.0))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, timeout=0.2, max_retries=0
    ) as client:
        with pytest.raises(APITimeoutError) as caught:
            client.run_tests.list()
    assert isinstance(caught.value, APIConnectionError)


def test_a_header_refused_locally_did_not_start(server: RecordingServer) -> None:
    """A header h11 refuses to write: may_have_started=False, and nothing reached the server."""
    pool = httpx.Client(headers={"X-Trace": "a\r\nInjected: yes"})
    with SimulateClient(**keys(base_url=server.url, http_client=pool, max_retries=0)) as client:
        with pytest.raises(APIConnectionError) as caught:
            execute(client)
    pool.close()
    assert caught.value.may_have_started is False
    assert server.requests == []


def test_an_unreachable_proxy_is_named_and_did_not_start(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTP_PROXY pointing nowhere: the error says the proxy failed, not the server; not started."""
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    with SimulateClient(**keys(base_url=server.url, max_retries=0)) as client:
        with pytest.raises(APIConnectionError) as caught:
            execute(client)
    assert caught.value.may_have_started is False
    assert "proxy http://127.0.0.1:9 (from HTTP_PROXY) failed" in str(caught.value)
    assert server.requests == []


def test_timeout_bounds_the_whole_attempt_not_each_read(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A server dripping a byte every 0.1 s (40 s in all) cannot keep a timeout=0.5 call alive."""
    server.reply(Reply(200, {"padding": "x" * 400}, drip=0.1))
    # Real time, as the deadline cuts real socket reads; no timing window: the bound is ten times the
    # timeout, and the whole answer would take 40 s.
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        client.with_options(timeout=0.5).run_tests.execute(RUN, selection=Selection.all())
    assert time.monotonic() - started < 5.0
    assert caught.value.may_have_started is True


def test_timeout_bounds_a_dripping_status_line_and_headers(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Dripping the status line and headers (read inside httpx) cannot outlast the deadline either."""
    server.reply(Reply(200, {}, headers={"X-Padding": "x" * 400}, drip=0.1, drip_head=True))
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        client.with_options(timeout=0.5).run_tests.execute(RUN, selection=Selection.all())
    assert time.monotonic() - started < 5.0
    assert caught.value.may_have_started is True


# A proxy on 127.0.0.1 in front of a non-local http:// base_url: the warning is not what is tested.
@pytest.mark.filterwarnings("ignore::futureagi_simulate.InsecureTransportWarning")
def test_timeout_bounds_a_dripping_proxy(server: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through an environment proxy that drips its answer's head, the call still ends at its deadline."""
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.url)
    server.reply(Reply(200, {}, headers={"X-Padding": "x" * 400}, drip=0.1, drip_head=True))
    started = time.monotonic()
    with SimulateClient(**keys(base_url="http://simulate.example", timeout=0.5, max_retries=0)) as client:
        with pytest.raises(APITimeoutError):
            client.run_tests.list()
    assert time.monotonic() - started < 5.0
    # The request went through the proxy (our server), addressed to the real host.
    assert [r.headers["host"] for r in server.requests] == ["simulate.example"]


@pytest.mark.anyio
async def test_async_timeout_bounds_a_dripping_status_line_and_headers(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """The async client too: its one timeout covers the status line and headers."""
    server.reply(Reply(200, {}, headers={"X-Padding": "x" * 400}, drip=0.1, drip_head=True))
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await aclient.with_options(timeout=0.5).run_tests.execute(RUN, selection=Selection.all())
    assert time.monotonic() - started < 5.0
    assert caught.value.may_have_started is True


@pytest.mark.anyio
async def test_async_timeout_bounds_the_whole_attempt(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """The async client too: a dripping answer ends at the deadline, with APITimeoutError."""
    server.reply(Reply(200, {"padding": "x" * 400}, drip=0.1))
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await aclient.with_options(timeout=0.5).run_tests.list()
    assert time.monotonic() - started < 5.0


def _bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip inside gzip: a few KB on the wire."""
    return gzip.compress(gzip.compress(bytes(size), 9), 9)


@pytest.mark.parametrize("encoding", ["gzip, gzip", "gzip"])
def test_a_decompression_bomb_stops_at_the_size_limit(server: RecordingServer, encoding: str) -> None:
    """A 64 MB gzip(-in-gzip) answer stops at max_response_size after decompression, in bounded memory."""
    body = _bomb(64 * 1024 * 1024) if "," in encoding else gzip.compress(bytes(64 * 1024 * 1024), 9)
    server.reply(Reply(200, body, headers={"Content-Encoding": encoding}))
    limit = 1024 * 1024
    with SimulateClient(**keys(base_url=server.url, max_retries=0, max_response_size=limit)) as client:
        tracemalloc.start()
        try:
            with pytest.raises(APIResponseValidationError, match="max_response_size") as caught:
                execute(client)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 8 * limit
    assert caught.value.may_have_started is True


def test_a_small_compressed_answer_is_read(client: SimulateClient, server: RecordingServer) -> None:
    """A gzip answer within the limit is decoded and read as usual."""
    import json

    server.reply(
        Reply(
            200, gzip.compress(json.dumps(execution_snake()).encode()), headers={"Content-Encoding": "gzip"}
        )
    )
    assert str(execute(client).execution_id) == EXECUTION
    server.reply(
        Reply(200, zlib.compress(json.dumps(EMPTY_PAGE).encode()), headers={"Content-Encoding": "deflate"})
    )
    assert client.run_tests.list().count == 0


def test_an_answer_over_the_limit_is_refused(server: RecordingServer) -> None:
    """A plain answer larger than max_response_size is an APIResponseValidationError that keeps its status."""
    server.reply(Reply(503, "x" * 5000, content_type="text/plain"))
    with SimulateClient(**keys(base_url=server.url, max_retries=0, max_response_size=1000)) as client:
        with pytest.raises(APIResponseValidationError, match="max_response_size") as caught:
            client.run_tests.list()
    assert caught.value.status_code == 503


def test_a_timeout_without_a_read_limit_sets_no_attempt_deadline(server: RecordingServer) -> None:
    """httpx.Timeout(None, connect=...) leaves reads unbounded: a 0.6 s answer is not cut at 0.2 s."""
    server.reply(Reply(200, page([], number=1, limit=10, count=0, base=server.url), delay=0.6))
    timeout = httpx.Timeout(None, connect=0.2)
    with SimulateClient(**keys(base_url=server.url, timeout=timeout, max_retries=0)) as client:
        assert client.run_tests.list().count == 0
