"""Issue 14, sections 1 to 3: whatever the server, the network or the caller does, the client raises its
own error, in bounded time and memory, and says truthfully whether an execute may have started."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import gzip
import math
import os
import pickle
import sys
import threading
import time
import tracemalloc
import uuid
import warnings
import zlib
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncSimulateClient,
    BadRequestError,
    Execution,
    FutureAGIError,
    InvalidArgumentError,
    RateLimitError,
    Selection,
    SimulateClient,
)
from futureagi_simulate._retry import MAX_BACKOFF, backoff
from tests.data import AGENT, API_KEY, EXECUTION, RUN, SECRET_KEY, error, execution_snake, page, run_test
from tests.server import Recorded, RecordingServer, Reply

EMPTY_PAGE: dict[str, Any] = {"count": 0, "next": None, "previous": None, "results": []}


def keys(**options: Any) -> dict[str, Any]:
    return {"api_key": API_KEY, "secret_key": SECRET_KEY, **options}


def execute(client: SimulateClient) -> Execution:
    return client.run_tests.execute(RUN, selection=Selection.all())


# 1. Every failure leaves as a FutureAGIError ----------------------------------------------------------


def test_a_400_digit_retry_after_is_too_long_to_wait(client: SimulateClient, server: RecordingServer) -> None:
    """A 429 whose retry_after has 400 digits raises RateLimitError (wait: inf), not OverflowError."""
    body = {
        "status": False,
        "result": {"code": "RATE_LIMITED", "message": "Slow down", "retry_after": 10**400},
    }
    server.reply(Reply(429, body))
    with pytest.raises(RateLimitError) as caught:
        client.run_tests.list()
    assert caught.value.retry_after == math.inf


@pytest.mark.parametrize("header", ["inf", "1e309", "nan", "Infinity"])
def test_a_non_finite_retry_after_is_not_waited_for(server: RecordingServer, header: str) -> None:
    """Retry-After: inf, 1e309 or nan counts as too long to wait: raised at once, never retried."""
    server.handler = lambda request: Reply(
        429, error("throttled", "throttled", "Later."), {"Retry-After": header}
    )
    with SimulateClient(**keys(base_url=server.url)) as client, pytest.raises(RateLimitError) as caught:
        client.run_tests.list()
    assert caught.value.retry_after == math.inf
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "timeout", [float("inf"), float("nan"), -1.0, 0, 10.0**300, httpx.Timeout(float("inf")), "5"]
)
def test_a_timeout_no_socket_can_take_is_refused(timeout: Any) -> None:
    """timeout=inf, nan, 0, huge or not a number is an InvalidArgumentError naming timeout."""
    with pytest.raises(InvalidArgumentError, match=r"^timeout"):
        SimulateClient(**keys(timeout=timeout))


def test_an_error_body_nested_600_deep(client: SimulateClient, server: RecordingServer) -> None:
    """An error body nested 600 deep (redaction walks it) raises BadRequestError, which prints and pickles."""
    # Written by hand: the test server's own json.dumps recurses too.
    nested = '{"inner": ' * 300 + "[" * 300 + '"bottom"' + "]" * 300 + "}" * 300
    server.reply(Reply(400, f'{{"message": "Deep.", "details": {nested}}}'))
    with pytest.raises(BadRequestError) as caught:
        client.run_tests.list()
    assert "Deep." in str(caught.value)
    # Too deep to keep as data: the body is kept as the text it came as, and no details are read from it.
    assert caught.value.body == f'{{"message": "Deep.", "details": {nested}}}'
    assert caught.value.details is None
    assert pickle.loads(pickle.dumps(caught.value)).body == caught.value.body


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"name": "Checkout \ud800 regression"}, "name"),
        ({"description": "lone \udfff"}, "description"),
        ({"dataset_row_ids": ["row-\ud83d"]}, "dataset_row_ids[0]"),
        (
            {"evaluations_config": [{"template_id": AGENT, "config": {"threshold": {0.5}}}]},
            "evaluations_config[0]",
        ),
        (
            {"evaluations_config": [{"template_id": AGENT, "config": {"x": float("nan")}}]},
            "evaluations_config[0]",
        ),
        ({"evaluations_config": [{"template_id": AGENT, "mapping": {1: "a"}}]}, "evaluations_config[0]"),
    ],
)
def test_input_that_cannot_be_sent_is_refused_before_sending(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], argument: str
) -> None:
    """A lone surrogate, a set, NaN or an int key in create's input: refused by name, nothing sent."""
    call: dict[str, Any] = {"name": "n", "agent_definition_id": AGENT, "scenario_ids": [RUN], **arguments}
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.create(**call)
    assert caught.value.argument.startswith(argument)
    assert server.requests == []


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"search": "x" * 1_000_000}, "search"),
        ({"search": "\udc80"}, "search"),
        ({"page": 10**5000}, "page"),
        ({"limit": 2**63}, "limit"),
    ],
)
def test_list_input_that_cannot_be_sent_is_refused(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], argument: str
) -> None:
    """A 1 MB search, a surrogate, a 5,000-digit page: refused by name, nothing sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.list(**arguments)
    assert caught.value.argument == argument
    assert server.requests == []


@pytest.mark.parametrize(
    "base_url", ["http://[::1", "http://host:99999", "http://exa mple.com", "ftp://example.com", "http://"]
)
def test_a_base_url_that_is_no_url_is_refused(base_url: str) -> None:
    """base_url='http://[::1' and the like: InvalidArgumentError naming base_url, not ValueError."""
    with pytest.raises(InvalidArgumentError, match=r"^base_url"):
        SimulateClient(**keys(base_url=base_url))


def test_a_socks_proxy_httpx_cannot_use_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """ALL_PROXY=socks5://… without socksio: InvalidArgumentError naming ALL_PROXY, not ImportError."""
    pytest.importorskip("httpx")
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "NO_PROXY",
        "http_proxy",
        "https_proxy",
        "no_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ALL_PROXY", "socks5://user:hunter2@127.0.0.1:1080")
    with pytest.raises(InvalidArgumentError) as caught:
        SimulateClient(**keys(base_url="https://api.example.com"))
    assert caught.value.argument == "ALL_PROXY"
    assert "hunter2" not in str(caught.value)


def test_a_call_after_close_sends_nothing(server: RecordingServer) -> None:
    """Any call after close() raises APIConnectionError saying may_have_started=False, not RuntimeError."""
    client = SimulateClient(**keys(base_url=server.url))
    client.close()
    with pytest.raises(APIConnectionError, match="closed") as caught:
        execute(client)
    assert caught.value.may_have_started is False
    assert server.requests == []


@pytest.mark.anyio
async def test_an_async_call_after_close_sends_nothing(server: RecordingServer) -> None:
    """The async client after close(): APIConnectionError, may_have_started=False, nothing sent."""
    client = AsyncSimulateClient(**keys(base_url=server.url))
    await client.close()
    with pytest.raises(APIConnectionError, match="closed") as caught:
        await client.run_tests.execute(RUN, selection=Selection.all())
    assert caught.value.may_have_started is False
    assert server.requests == []


def test_backoff_is_bounded_however_many_retries() -> None:
    """The backoff exponent is capped: retry 5,000 waits MAX_BACKOFF, not OverflowError."""
    assert backoff(5000, 0.0) == MAX_BACKOFF
    assert SimulateClient(**keys(max_retries=10**9)).max_retries == 10**9


# 2. May it have started? Decided by when the failure happened ------------------------------------------


def _holding_server(server: RecordingServer, hold: float) -> threading.Event:
    """GETs are answered after ``hold`` seconds; the event is set once a GET has arrived."""
    arrived = threading.Event()

    def handler(request: Recorded) -> Reply:
        if request.method == "GET":
            arrived.set()
            return Reply(200, EMPTY_PAGE, delay=hold)
        return Reply(200, execution_snake())

    server.handler = handler
    return arrived


@pytest.mark.slow  # a GET holds the only connection for 3 s
def test_an_execute_that_never_got_a_pooled_connection_did_not_start(server: RecordingServer) -> None:
    """A one-connection pool held by a slow GET: the execute fails at its deadline, not started."""
    arrived = _holding_server(server, hold=3.0)
    pool = httpx.Client(limits=httpx.Limits(max_connections=1))
    with SimulateClient(**keys(base_url=server.url, http_client=pool, timeout=0.3, max_retries=0)) as client:
        holder = threading.Thread(target=lambda: client.with_options(timeout=10.0).run_tests.list())
        holder.start()
        assert arrived.wait(5.0)
        with pytest.raises(APITimeoutError) as caught:
            execute(client)
        holder.join()
    pool.close()
    assert caught.value.may_have_started is False
    assert "not sent" in str(caught.value)
    assert [r.method for r in server.requests] == ["GET"]


@pytest.mark.slow  # a GET holds the only connection for 1 s
def test_an_execute_that_never_got_a_connection_is_retried(server: RecordingServer) -> None:
    """A POST that never left (pool timeout) is sent again like a refused connection, and runs once."""
    arrived = _holding_server(server, hold=1.0)
    pool = httpx.Client(limits=httpx.Limits(max_connections=1))
    with SimulateClient(**keys(base_url=server.url, http_client=pool, timeout=0.3, max_retries=5)) as client:
        holder = threading.Thread(target=lambda: client.with_options(timeout=10.0).run_tests.list())
        holder.start()
        assert arrived.wait(5.0)
        execution = execute(client)
        holder.join()
    pool.close()
    assert str(execution.execution_id) == EXECUTION
    assert [r.method for r in server.requests] == ["GET", "POST"]


@pytest.mark.slow  # a GET holds the only connection for 3 s
@pytest.mark.anyio
async def test_async_pool_waiting_is_bounded_and_says_not_started(server: RecordingServer) -> None:
    """Async, a one-connection pool held by a slow GET: the execute fails at its deadline, not started."""
    arrived = _holding_server(server, hold=3.0)
    pool = httpx.AsyncClient(limits=httpx.Limits(max_connections=1))
    async with AsyncSimulateClient(
        **keys(base_url=server.url, http_client=pool, timeout=0.3, max_retries=0)
    ) as client:
        holder = asyncio.ensure_future(client.with_options(timeout=10.0).run_tests.list())
        while not arrived.is_set():
            await asyncio.sleep(0.01)
        with pytest.raises(APITimeoutError) as caught:
            await client.run_tests.execute(RUN, selection=Selection.all())
        await holder
    await pool.aclose()
    assert caught.value.may_have_started is False
    assert [r.method for r in server.requests] == ["GET"]


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


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("", "application/json"),
        ("<html>Welcome</html>", "text/html"),
        ('{"execution_id": ', "application/json"),
        ({"execution_id": "not a uuid"}, "application/json"),
    ],
    ids=["empty", "html", "truncated", "malformed"],
)
def test_a_2xx_execute_that_cannot_be_read_may_have_started(
    client: SimulateClient, server: RecordingServer, body: Any, content_type: str
) -> None:
    """An execute answered 2xx with an unreadable body: APIResponseValidationError, may_have_started."""
    server.reply(Reply(200, body, content_type=content_type))
    with pytest.raises(APIResponseValidationError) as caught:
        execute(client)
    assert caught.value.may_have_started is True
    assert caught.value.status_code == 200
    assert "may have started" in str(caught.value)


def test_a_list_that_cannot_be_read_did_not_start_anything(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The same unreadable answer to a list says may_have_started=False: a GET starts nothing."""
    server.reply(Reply(200, "<html>Welcome</html>", content_type="text/html"))
    with pytest.raises(APIResponseValidationError) as caught:
        client.run_tests.list()
    assert caught.value.may_have_started is False


def test_every_error_an_execute_raises_has_may_have_started(client: SimulateClient) -> None:
    """Even a refused argument carries may_have_started (False), so the README rule always applies."""
    with pytest.raises(FutureAGIError) as caught:
        client.run_tests.execute("not-a-uuid", selection=Selection.all())
    assert caught.value.may_have_started is False


def test_a_forked_child_does_not_share_the_parents_connections(server: RecordingServer) -> None:
    """After os.fork() the child opens its own connection; the parent keeps its own."""
    server.handler = lambda request: Reply(200, EMPTY_PAGE)
    with SimulateClient(**keys(base_url=server.url)) as client:
        client.run_tests.list()
        parent_port = server.requests[-1].peer_port
        pid = os.fork()
        if pid == 0:  # the child: report by exit status only
            try:
                client.run_tests.list()
                os._exit(0)
            except BaseException:
                os._exit(4)
        _, status = os.waitpid(pid, 0)
        client.run_tests.list()
    assert os.waitstatus_to_exitcode(status) == 0
    ports = [r.peer_port for r in server.requests]
    assert len(ports) == 3
    assert ports[1] != parent_port
    assert ports[2] == parent_port  # the parent kept its own connection


@contextlib.contextmanager
def _connections_of_closed_loops() -> Iterator[None]:
    """Lets the connections a closed event loop left open be collected without warnings: they can no
    longer be closed (their loop is gone). The collector may meet them inside the block, wherever the
    allocations happen to start it (a tracer such as coverage's moves that point), or at its end, where
    it runs so that no later test reports them."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                yield
            finally:
                gc.collect()
    finally:
        sys.unraisablehook = hook


def test_an_async_client_moves_to_a_second_event_loop(server: RecordingServer) -> None:
    """An async client in two asyncio.run()s opens a pool for the second loop: no 'Event loop is closed'."""
    server.handler = lambda request: Reply(200, execution_snake())
    with _connections_of_closed_loops():
        client = AsyncSimulateClient(**keys(base_url=server.url, body_casing="snake"))
        asyncio.run(client.run_tests.execute(RUN, selection=Selection.all()))

        async def again() -> None:
            async with client:
                await client.run_tests.execute(RUN, selection=Selection.all())

        asyncio.run(again())
    assert [r.method for r in server.requests] == ["POST", "POST"]
    assert server.requests[0].peer_port != server.requests[1].peer_port


def test_your_async_http_client_on_a_second_loop_sends_nothing(server: RecordingServer) -> None:
    """Your own AsyncClient on a second loop: APIConnectionError, may_have_started=False, nothing sent."""
    server.handler = lambda request: Reply(200, execution_snake())
    with _connections_of_closed_loops():
        pool = httpx.AsyncClient()
        client = AsyncSimulateClient(**keys(base_url=server.url, body_casing="snake", http_client=pool))
        asyncio.run(client.run_tests.execute(RUN, selection=Selection.all()))

        async def again(moved: AsyncSimulateClient) -> None:
            await moved.run_tests.execute(RUN, selection=Selection.all())

        with pytest.raises(APIConnectionError, match="another event loop") as caught:
            asyncio.run(again(client))
        started = caught.value.may_have_started
        # The traceback holds the frames that hold the pool.
        del client, pool, caught
    assert started is False
    assert len(server.requests) == 1


# 3. Bounded in time, memory, depth and count -----------------------------------------------------------


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


def test_a_huge_error_message_is_quoted_in_an_excerpt(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 5 MB error message gives a str(exc) of a few hundred characters, not 5 MB."""
    server.reply(Reply(400, error("validation_error", "invalid", "y" * 5_000_000)))
    with pytest.raises(APIStatusError) as caught:
        client.run_tests.list()
    assert len(str(caught.value)) < 2000
    assert "more characters" in str(caught.value)


def _paged(server: RecordingServer, pages: Iterator[dict[str, Any]]) -> None:
    server.handler = lambda request: Reply(200, next(pages))


def test_iter_ends_on_a_server_that_repeats_a_page(client: SimulateClient, server: RecordingServer) -> None:
    """A server answering page 1 to every page number: iter yields its run tests once and ends."""
    runs = [run_test(str(os.urandom(16).hex()[:8]) + RUN[8:], f"r{i}") for i in range(2)]
    same = page(runs, number=1, limit=2, count=10, base=server.url)
    server.handler = lambda request: Reply(200, same)
    listed = list(client.run_tests.iter(page_size=2))
    assert [r.name for r in listed] == ["r0", "r1"]
    assert len(server.requests) == 2


def test_iter_ends_on_a_count_that_keeps_growing(client: SimulateClient, server: RecordingServer) -> None:
    """New run tests and a larger count on every page: iter stops after count/size + 1 pages."""

    def endless() -> Iterator[dict[str, Any]]:
        for number in range(1, 10_000):
            runs = [run_test(f"{number:08x}-{i:04x}" + RUN[13:], f"p{number}-{i}") for i in range(2)]
            yield page(runs, number=number, limit=2, count=4 + 10 * number, base=server.url)

    _paged(server, endless())
    listed = list(client.run_tests.iter(page_size=2))
    assert len(server.requests) == 8  # ceil(14 / 2) + 1
    assert len({r.id for r in listed}) == len(listed) == 16


def test_iter_never_yields_a_run_test_twice_when_one_is_created_meanwhile(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A run test created between pages shifts the list: iter yields every run test, each once."""
    ids = [f"{i:08x}" + RUN[8:] for i in range(5)]
    before = [run_test(i, f"old{n}") for n, i in enumerate(ids)]
    created = run_test("ffffffff" + RUN[8:], "new")
    after = [created, *before]
    server.reply(
        Reply(200, page(before[0:2], number=1, limit=2, count=5, base=server.url)),
        Reply(200, page(after[2:4], number=2, limit=2, count=6, base=server.url)),
        Reply(200, page(after[4:6], number=3, limit=2, count=6, base=server.url)),
    )
    listed = [r.name for r in client.run_tests.iter(page_size=2)]
    assert listed == ["old0", "old1", "old2", "old3", "old4"]


# The rules themselves, driven without I/O: scripted outcomes, no clock, no sleeping --------------------


def _drive(
    outcomes: list[Any], max_retries: int = 2, draws: tuple[float, ...] = ()
) -> tuple[object, list[float]]:
    """Runs an execute flow against ``outcomes`` (an exception, a status, or ResponseTooLarge's status as
    ("too large", status)), one per request, each backoff's jitter the next of ``draws`` (0 once they
    run out); returns the result or the raised error, and the sleeps."""
    from futureagi_simulate._flows import CasingState, Context, Exchange, single
    from futureagi_simulate._resources.run_tests import execute_builder
    from futureagi_simulate._retry import Finished, ResponseTooLarge, drive, resume

    ctx = Context(secrets=(API_KEY,), casing=CasingState.for_mode("snake"))
    call = execute_builder(ctx, RUN, Selection.all(), None)("snake")
    # Selection.all() needs no scenario list first: the builder gives the request itself.
    assert isinstance(call, Exchange)
    jitter = iter(draws)
    program = drive(
        single(call, ctx),
        lambda c: httpx.Request(c.method, "http://api.test" + c.path),
        max_retries,
        rand=lambda: next(jitter, 0.0),
    )
    sleeps: list[float] = []
    script = iter(outcomes)
    try:
        step = resume(program, None)
        while not isinstance(step, Finished):
            if isinstance(step, float):
                sleeps.append(step)
                step = resume(program, None)
                continue
            scripted = next(script)
            outcome: Any
            if isinstance(scripted, type):
                outcome = scripted("scripted", request=step)
            elif isinstance(scripted, tuple):
                outcome = ResponseTooLarge(httpx.Response(scripted[1], request=step), 10)
            elif isinstance(scripted, httpx.Response):
                scripted.request = step
                outcome = scripted
            else:
                outcome = httpx.Response(scripted, json=execution_snake(), request=step)
            step = resume(program, outcome)
        return step.value, sleeps
    except FutureAGIError as exc:
        return exc, sleeps


def test_each_backoff_takes_its_jitter_from_the_random_source() -> None:
    """Retries wait 0.5 s doubling, each less a quarter of it times the random draw: exactly, no clock."""
    result, sleeps = _drive([httpx.ConnectError, httpx.ConnectError, 200], draws=(0.5, 0.0))
    assert not isinstance(result, FutureAGIError)
    assert sleeps == [0.4375, 1.0]


@pytest.mark.parametrize(
    "never_sent",
    [httpx.PoolTimeout, httpx.ProxyError, httpx.LocalProtocolError, httpx.ConnectError, httpx.ConnectTimeout],
)
def test_a_post_that_never_left_is_retried_and_says_not_started(never_sent: type[Exception]) -> None:
    """PoolTimeout, ProxyError, a refused header: retried like a refused connection, and never started."""
    result, sleeps = _drive([never_sent, never_sent, 200])
    assert not isinstance(result, FutureAGIError)
    assert len(sleeps) == 2
    error, _ = _drive([never_sent] * 3)
    assert isinstance(error, APIConnectionError)
    assert error.may_have_started is False


@pytest.mark.parametrize(
    "sent", [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError]
)
def test_a_post_that_may_have_left_is_not_retried(sent: type[Exception]) -> None:
    """A read timeout, a dropped or broken connection after sending: raised at once, may_have_started=True."""
    error, sleeps = _drive([sent, 200])
    assert isinstance(error, APIConnectionError)
    assert error.may_have_started is True
    assert sleeps == []


@pytest.mark.parametrize("retry_after", ["1e309", "inf", "nan", "3601"])
def test_a_429_asking_too_long_is_raised_without_waiting(retry_after: str) -> None:
    """A 429 on execute whose Retry-After is huge or not finite: RateLimitError at once, no sleep."""
    answer = httpx.Response(429, headers={"Retry-After": retry_after}, json={"message": "later"})
    error, sleeps = _drive([answer, 200])
    assert isinstance(error, RateLimitError)
    assert sleeps == []


def test_backoff_stays_bounded_over_a_thousand_retries() -> None:
    """max_retries=10**6 and 1,000 refused connections: every wait is at most MAX_BACKOFF, then success."""
    result, sleeps = _drive([httpx.ConnectError] * 1000 + [200], max_retries=10**6)
    assert not isinstance(result, FutureAGIError)
    assert len(sleeps) == 1000
    assert max(sleeps) <= MAX_BACKOFF


@pytest.mark.parametrize(("status", "started"), [(200, True), (502, True), (413, False)])
def test_an_answer_too_large_keeps_its_status(status: int, started: bool) -> None:
    """An execute answer over max_response_size keeps its status; it may have started unless 4xx."""
    error, _ = _drive([("too large", status)])
    assert isinstance(error, APIResponseValidationError)
    assert error.status_code == status
    assert error.may_have_started is started


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SSL_CERT_FILE", "/nonexistent/ca.pem"),
        ("SSL_CERT_FILE", "/etc/hostname"),
        ("HTTP_PROXY", "ftp://127.0.0.1:1"),
    ],
)
def test_a_stale_environment_setting_is_an_invalid_argument(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """A TLS or proxy variable httpx cannot use is an InvalidArgumentError at construction, sync and async."""
    for name in (
        "NO_PROXY",
        "no_proxy",
        "ALL_PROXY",
        "all_proxy",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, value)
    for client_class in (SimulateClient, AsyncSimulateClient):
        with pytest.raises(InvalidArgumentError, match=variable) as caught:
            client_class(**keys(base_url="http://127.0.0.1:9"))
        assert caught.value.argument == "environment"


def test_a_timeout_without_a_read_limit_sets_no_attempt_deadline(server: RecordingServer) -> None:
    """httpx.Timeout(None, connect=...) leaves reads unbounded: a 0.6 s answer is not cut at 0.2 s."""
    server.reply(Reply(200, page([], number=1, limit=10, count=0, base=server.url), delay=0.6))
    timeout = httpx.Timeout(None, connect=0.2)
    with SimulateClient(**keys(base_url=server.url, timeout=timeout, max_retries=0)) as client:
        assert client.run_tests.list().count == 0


def test_a_poll_interval_past_a_week_is_refused_before_any_request(client: SimulateClient) -> None:
    """A poll interval time.sleep cannot take is an InvalidArgumentError naming it, not an OverflowError."""
    with pytest.raises(InvalidArgumentError, match="poll_interval"):
        client.executions.wait(RUN, timeout=10.0, poll_interval=1e10)
    with pytest.raises(InvalidArgumentError, match="max_poll_interval"):
        client.executions.wait(RUN, timeout=10.0, max_poll_interval=1e10)


def _nested(levels: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(levels):
        value = {"inner": value}
    return value


def test_an_error_over_a_deeply_nested_answer_pickles(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An unreadable answer nested 900 deep still gives an error that pickles; its body is dropped."""
    runs = [run_test(run_id=str(uuid.uuid4())), run_test(run_id=str(uuid.uuid4()))]
    runs[0]["agent_definition_detail"] = _nested(900)
    runs[1]["created_at"] = 12
    server.reply(Reply(200, page(runs, number=1, limit=10, count=2, base=server.url)))
    with pytest.raises(APIResponseValidationError, match=r"results\[1\]\.created_at") as caught:
        client.run_tests.list()
    assert caught.value.body is None
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)


def test_a_status_error_with_a_deeply_nested_body_pickles(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 whose body nests 900 deep pickles with its status; the body is kept as text, not walked."""
    server.reply(Reply(400, {"detail": "refused", "details": _nested(900)}))
    with pytest.raises(APIStatusError) as caught:
        client.run_tests.list()
    restored = pickle.loads(pickle.dumps(caught.value))
    assert (restored.status_code, restored.details) == (400, None)
    assert isinstance(restored.body, str)
