"""What is sent again after a failure, how long the client waits first, and what is never sent twice."""

from __future__ import annotations

import logging
import math
import socket
import threading
import types
import uuid
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
    FutureAGIError,
    InternalServerError,
    InvalidArgumentError,
    RateLimitError,
    Selection,
    SimulateClient,
    WaitTimeoutError,
    _retry,
)
from futureagi_simulate._flows import CasingState, Context, Flow, negotiated, single
from futureagi_simulate._resources.executions import wait
from futureagi_simulate._resources.run_tests import create_exchange, get_exchange, list_exchange
from futureagi_simulate._resources.run_tests import execute_builder as run_tests_execute_builder
from futureagi_simulate._retry import MAX_BACKOFF, Finished, backoff, drive, resume
from tests.clients import _holding_server, execute, keys
from tests.data import (
    AGENT,
    API_KEY,
    EXECUTION,
    RUN,
    S1,
    SECRET_KEY,
    TEMPLATE,
    error,
    execution_snake,
    run_test,
)
from tests.scripted import CTX, answer, failure, in_turn, run
from tests.server import RecordingServer, Reply

EMPTY_PAGE: dict[str, Any] = {"count": 0, "next": None, "previous": None, "results": []}
NOW = {"Retry-After": "0"}


@pytest.fixture
def retrying(server: RecordingServer, sleeps: list[float]) -> Iterator[SimulateClient]:
    """A client with the default retry count (2), snake_case bodies so one request is one attempt; its
    waits are recorded in ``sleeps``, not slept."""
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, timeout=5.0, body_casing="snake"
    ) as c:
        yield c


def jitter(monkeypatch: pytest.MonkeyPatch, *draws: float) -> None:
    """Scripts the retry loop's random source: each backoff takes the next draw as its jitter."""
    script = iter(draws)
    monkeypatch.setattr(_retry, "random", types.SimpleNamespace(random=lambda: next(script)))


# GET ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_get_is_retried_on_transient_statuses(
    retrying: SimulateClient, server: RecordingServer, status: int
) -> None:
    """A list that meets 408, 429, 500, 502, 503 or 504 is sent again and returns the later answer."""
    server.reply(Reply(status, error("server_error", "busy", "Busy."), headers=NOW), Reply(200, EMPTY_PAGE))
    page = retrying.run_tests.list()
    assert page.count == 0
    assert [r.path for r in server.requests] == ["/simulate/run-tests/"] * 2


def test_get_waits_with_exponential_backoff(
    retrying: SimulateClient, server: RecordingServer, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Retry-After the waits are 0.5 s and then 1 s, each less its draw of at most a quarter."""
    jitter(monkeypatch, 0.0, 1.0)
    server.reply(Reply(503, None), Reply(503, None), Reply(200, EMPTY_PAGE))
    retrying.run_tests.list()
    assert sleeps == [0.5, 0.75]


def test_get_gives_up_after_max_retries(retrying: SimulateClient, server: RecordingServer) -> None:
    """Three 503s (one try, two retries) raise the last one, with the server's message."""
    server.reply(*[Reply(503, error("server_error", "down", f"Down {i}."), headers=NOW) for i in range(3)])
    with pytest.raises(InternalServerError, match="Down 2") as caught:
        retrying.prompt_simulations.get(TEMPLATE, RUN)
    assert caught.value.status_code == 503
    assert len(server.requests) == 3


def test_get_is_retried_after_a_dropped_connection(retrying: SimulateClient, server: RecordingServer) -> None:
    """A GET whose connection broke before the answer is sent again."""
    server.reply(Reply(drop=True), Reply(200, EMPTY_PAGE))
    assert retrying.run_tests.list().count == 0
    assert len(server.requests) == 2


def test_get_is_retried_after_a_read_timeout(server: RecordingServer, sleeps: list[float]) -> None:
    """A GET that timed out is sent again, and the second, prompt answer is returned."""
    server.reply(Reply(200, EMPTY_PAGE, delay=0.6), Reply(200, EMPTY_PAGE))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, timeout=0.2) as client:
        assert client.run_tests.list().count == 0
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_get_is_not_retried_on_client_errors(
    retrying: SimulateClient, server: RecordingServer, status: int
) -> None:
    """A 4xx other than 408 and 429 is the answer: raised after one request."""
    server.reply(Reply(status, error("client_error", "no", "No.")))
    with pytest.raises(APIStatusError, match=r"No\."):
        retrying.run_tests.list()
    assert len(server.requests) == 1


def test_retry_after_is_honoured(
    retrying: SimulateClient, server: RecordingServer, sleeps: list[float]
) -> None:
    """A 429 with Retry-After: 1 is retried after exactly that second, not after our shorter backoff."""
    server.reply(Reply(429, None, headers={"Retry-After": "1"}), Reply(200, EMPTY_PAGE))
    retrying.run_tests.list()
    assert sleeps == [1.0]
    assert len(server.requests) == 2


def test_retry_after_beyond_a_minute_raises_at_once(
    retrying: SimulateClient, server: RecordingServer
) -> None:
    """A Retry-After over 60 s is not waited out: RateLimitError at once, with retry_after set."""
    server.reply(Reply(429, {"message": "Come back later."}, headers={"Retry-After": "120"}))
    with pytest.raises(RateLimitError, match="Come back later") as caught:
        retrying.run_tests.list()
    assert caught.value.retry_after == 120.0
    assert len(server.requests) == 1


def test_max_retries_zero_sends_once(server: RecordingServer) -> None:
    """max_retries=0 turns retries off."""
    server.reply(Reply(503, None, headers=NOW), Reply(200, EMPTY_PAGE))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=0) as c:
        with pytest.raises(InternalServerError):
            c.run_tests.list()
    assert len(server.requests) == 1


def test_each_retry_is_logged_without_secrets(
    retrying: SimulateClient, server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A retry leaves an INFO record naming the operation, the failure and the wait."""
    server.reply(Reply(502, None, headers=NOW), Reply(200, EMPTY_PAGE))
    with caplog.at_level(logging.INFO, logger="futureagi_simulate"):
        retrying.run_tests.list()
    (record,) = [r for r in caplog.records if "retry" in r.getMessage()]
    assert record.getMessage() == "list run tests: HTTP 502 from 127.0.0.1; retry 1 of 2 in 0.00 s"


# POST -----------------------------------------------------------------------------------------------------


def test_execute_is_retried_on_429(retrying: SimulateClient, server: RecordingServer) -> None:
    """A rate limiter refuses before the work, so an execute that met 429 is sent again, same body."""
    server.reply(Reply(429, None, headers=NOW), Reply(200, execution_snake()))
    execution = execute(retrying)
    assert str(execution.run_test_id) == RUN
    first, second = server.requests
    assert first.json() == second.json() == {"select_all": True, "scenario_ids": []}


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_execute_is_not_retried_on_5xx(
    retrying: SimulateClient, server: RecordingServer, status: int
) -> None:
    """A 5xx on execute raises after one request, keeps the server's message, and says to check first."""
    server.reply(Reply(status, error("server_error", "x", "Failed to execute simulation"), headers=NOW))
    with pytest.raises(InternalServerError) as caught:
        execute(retrying)
    assert len(server.requests) == 1
    assert caught.value.message == "Failed to execute simulation"
    assert caught.value.may_have_started is True
    assert "may have started" in str(caught.value)


def test_execute_is_not_retried_on_408(retrying: SimulateClient, server: RecordingServer) -> None:
    """Only 429 is retried for a POST; a 408 is raised."""
    server.reply(Reply(408, None, headers=NOW))
    with pytest.raises(APIStatusError, match="408"):
        execute(retrying)
    assert len(server.requests) == 1


def test_execute_is_not_retried_after_a_read_timeout(server: RecordingServer) -> None:
    """An execute that timed out waiting for the answer is not resent: it may be running."""
    server.reply(Reply(200, execution_snake(), delay=0.6))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, timeout=0.2, body_casing="snake"
    ) as client:
        with pytest.raises(APITimeoutError) as caught:
            execute(client)
    assert len(server.requests) == 1
    assert caught.value.may_have_started is True
    assert "client.run_tests.executions(run_test_id, started_after=" in str(caught.value)


def test_execute_is_not_resent_after_a_dropped_connection(
    retrying: SimulateClient, server: RecordingServer
) -> None:
    """The server read the execute request and hung up: one request only, and the error says check first."""
    server.reply(Reply(drop=True))
    with pytest.raises(APIConnectionError) as caught:
        execute(retrying)
    assert len(server.requests) == 1
    assert caught.value.may_have_started is True


def test_create_is_not_retried_on_500(retrying: SimulateClient, server: RecordingServer) -> None:
    """A create that met a 500 is not sent again: a second run test could be made."""
    server.reply(Reply(500, None, headers=NOW), Reply(201, run_test()))
    with pytest.raises(InternalServerError) as caught:
        retrying.run_tests.create(name="n", agent_definition_id=AGENT, scenario_ids=[RUN])
    assert len(server.requests) == 1
    assert caught.value.may_have_started is False


def test_bad_request_on_execute_is_not_retried(retrying: SimulateClient, server: RecordingServer) -> None:
    """A 400 is the server's verdict on the request: raised after one attempt."""
    server.reply(Reply(400, error("validation_error", "invalid", "No scenarios.")))
    with pytest.raises(BadRequestError):
        execute(retrying)
    assert len(server.requests) == 1


class RefuseConnections(httpx.HTTPTransport):
    """Fails the first ``refusals`` connection attempts, as a port nobody listens on yet would."""

    def __init__(self, refusals: int) -> None:
        super().__init__()
        self.attempts = 0
        self.refusals = refusals

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        if self.attempts <= self.refusals:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return super().handle_request(request)


def test_execute_is_retried_when_the_connection_could_not_be_opened(
    server: RecordingServer, sleeps: list[float]
) -> None:
    """A connect error means nothing was sent, so even execute is tried again; the server sees it once."""
    transport = RefuseConnections(refusals=1)
    server.reply(Reply(200, execution_snake()))
    with (
        httpx.Client(transport=transport) as http,
        SimulateClient(
            api_key=API_KEY,
            secret_key=SECRET_KEY,
            base_url=server.url,
            body_casing="snake",
            http_client=http,
        ) as client,
    ):
        execute(client)
    assert transport.attempts == 2
    assert len(server.requests) == 1


def test_connection_refused_gives_up_and_says_nothing_started(sleeps: list[float]) -> None:
    """A port nobody listens on: three attempts, then APIConnectionError with may_have_started false."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=f"http://127.0.0.1:{port}") as c:
        with pytest.raises(APIConnectionError, match="after 3 attempts") as caught:
            execute(c)
    assert caught.value.may_have_started is False
    assert len(sleeps) == 2  # a backoff between each two attempts


# Backoff and options ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retry", "rand", "expected"),
    [
        (0, 0.0, 0.5),
        (0, 1.0, 0.375),
        (1, 0.0, 1.0),
        (3, 0.0, 4.0),
        (4, 0.0, 8.0),
        (9, 0.0, 8.0),
        (9, 1.0, 6.0),
    ],
)
def test_backoff_doubles_from_half_a_second_up_to_eight(retry: int, rand: float, expected: float) -> None:
    """The wait doubles from 0.5 s, is capped at 8 s, and jitter takes off at most a quarter."""
    assert backoff(retry, rand) == expected


def test_with_options_shares_the_connection_pool(retrying: SimulateClient, server: RecordingServer) -> None:
    """A with_options copy reuses the original's keep-alive connection, and closing it keeps the pool."""
    server.reply(Reply(200, EMPTY_PAGE), Reply(200, EMPTY_PAGE), Reply(200, EMPTY_PAGE))
    retrying.run_tests.list()
    with retrying.with_options(max_retries=0) as copy:
        copy.run_tests.list()
    retrying.run_tests.list()
    assert len({r.peer_port for r in server.requests}) == 1


def test_with_options_changes_only_the_copy(retrying: SimulateClient, server: RecordingServer) -> None:
    """with_options(max_retries=0, timeout=...) applies to the copy; the original keeps its own."""
    copy = retrying.with_options(max_retries=0, timeout=0.2)
    assert (copy.max_retries, retrying.max_retries) == (0, 2)
    server.reply(Reply(200, EMPTY_PAGE, delay=0.6), Reply(200, EMPTY_PAGE, delay=0.6))
    with pytest.raises(APITimeoutError):
        copy.run_tests.list()
    assert retrying.run_tests.list().count == 0
    assert len(server.requests) == 2


@pytest.mark.parametrize("value", [-1, 1.5, "2", True])
def test_max_retries_must_be_a_count(server: RecordingServer, value: Any) -> None:
    """max_retries must be an int >= 0, in the constructor and in with_options."""
    with pytest.raises(InvalidArgumentError, match="max_retries"):
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=value)
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        with pytest.raises(InvalidArgumentError, match="max_retries"):
            client.with_options(max_retries=value)
    assert server.requests == []


# Async: the same loop, driven with await ------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_get_is_retried_and_execute_is_not(server: RecordingServer) -> None:
    """The async client follows the same rules: a 503 list is retried, a 503 execute is not."""
    server.reply(Reply(503, None, headers=NOW), Reply(200, EMPTY_PAGE), Reply(503, None, headers=NOW))
    async with AsyncSimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake"
    ) as client:
        assert (await client.run_tests.list()).count == 0
        with pytest.raises(InternalServerError):
            await client.run_tests.execute(RUN, selection=Selection.all())
    assert [r.method for r in server.requests] == ["GET", "GET", "POST"]


@pytest.mark.anyio
async def test_async_execute_is_retried_on_429(server: RecordingServer, sleeps: list[float]) -> None:
    """The async client sends an execute again after a 429, after the wait its Retry-After asks for."""
    server.reply(Reply(429, None, headers={"Retry-After": "0.3"}), Reply(200, execution_snake()))
    async with AsyncSimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake"
    ) as client:
        await client.run_tests.execute(RUN, selection=Selection.all())
    assert len(server.requests) == 2
    assert sleeps == [0.3]


@pytest.mark.anyio
async def test_async_with_options_copy_is_async_and_keeps_its_own_retries(server: RecordingServer) -> None:
    """with_options on the async client gives an async copy whose max_retries=0 sends once."""
    server.reply(Reply(503, None, headers=NOW), Reply(200, EMPTY_PAGE))
    async with AsyncSimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        once = client.with_options(max_retries=0)
        assert isinstance(once, AsyncSimulateClient)
        with pytest.raises(InternalServerError):
            await once.run_tests.list()
        assert (await client.run_tests.list()).count == 0
    assert len(server.requests) == 2


# Retry-After, the backoff, and what may have been sent, over the wire and driven by hand --------------------


def test_retries_inside_a_poll_never_outlast_the_timeout() -> None:
    """A 429 asking for 5 s on every poll: wait sleeps its 0.5 s timeout in all, then raises."""
    now = [0.0]
    flow = wait(
        uuid.UUID(EXECUTION),
        CTX,
        timeout=0.5,
        poll_interval=0.05,
        max_poll_interval=1.0,
        on_progress=None,
        clock=lambda: now[0],
    )
    program = drive(flow, lambda c: httpx.Request(c.method, "http://t" + c.path), 2)
    sleeps: list[float] = []

    def run() -> None:
        step = resume(program, None)
        while not isinstance(step, Finished):
            if isinstance(step, float):
                sleeps.append(step)
                now[0] += step
                step = resume(program, None)
            else:
                limited = httpx.Response(
                    429, json={"status": False}, headers={"Retry-After": "5"}, request=step
                )
                step = resume(program, limited)

    with pytest.raises(WaitTimeoutError):
        run()
    assert sum(sleeps) == pytest.approx(0.5)


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


def test_backoff_is_bounded_however_many_retries() -> None:
    """The backoff exponent is capped: retry 5,000 waits MAX_BACKOFF, not OverflowError."""
    assert backoff(5000, 0.0) == MAX_BACKOFF
    assert SimulateClient(**keys(max_retries=10**9)).max_retries == 10**9


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


# An execute flow driven by hand (_drive): scripted outcomes, no clock ---------------------------------------


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


# The same rules driven as flows with scripted outcomes: no socket, no clock, every wait recorded -----------


def _get_run_test() -> Flow[Any]:
    return single(get_exchange(uuid.UUID(RUN)), CTX)


def _execute_run_test() -> Flow[Any]:
    ctx = Context(secrets=(), casing=CasingState.for_mode("snake"))
    return negotiated(run_tests_execute_builder(ctx, RUN, Selection.all(), None), ctx)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_a_scripted_get_is_retried_on_a_transient_status(status: int) -> None:
    """A GET answered with a transient status is sent again after the backoff, and its answer is read."""
    driven = run(_get_run_test(), in_turn(answer(status, {}), answer(200, run_test())))
    assert len(driven.requests) == 2
    assert driven.sleeps == [backoff(0, 0.0)]
    assert str(getattr(driven.result, "id", None)) == RUN


def test_a_scripted_get_gives_up_after_max_retries_with_the_last_status() -> None:
    """Three 503s with max_retries=2: three requests, two backoffs, then the 503 is raised."""
    driven = run(_get_run_test(), answer(503, error("server_error", "unavailable", "Busy.")), max_retries=2)
    assert len(driven.requests) == 3
    assert driven.sleeps == [backoff(0, 0.0), backoff(1, 0.0)]
    assert isinstance(driven.result, APIStatusError)
    assert driven.result.status_code == 503


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_a_scripted_get_is_not_retried_on_a_client_error(status: int) -> None:
    """A 4xx other than 408 and 429 is the caller's answer: raised after one request, no wait."""
    driven = run(_get_run_test(), answer(status, error("validation_error", "invalid", "No.")))
    assert (len(driven.requests), driven.sleeps) == (1, [])
    assert isinstance(driven.result, APIStatusError)


@pytest.mark.parametrize(
    "lost", [httpx.RemoteProtocolError, httpx.ReadTimeout, httpx.ReadError, httpx.ConnectError]
)
def test_a_scripted_get_is_retried_after_a_transport_error(lost: type[httpx.RequestError]) -> None:
    """A GET that lost its connection or timed out is sent again: reading twice starts nothing."""
    driven = run(_get_run_test(), in_turn(failure(lost), answer(200, run_test())))
    assert len(driven.requests) == 2
    assert str(getattr(driven.result, "id", None)) == RUN


def test_max_retries_zero_sends_a_scripted_get_once() -> None:
    """max_retries=0: a 503 is raised after the one request."""
    driven = run(_get_run_test(), answer(503, {}), max_retries=0)
    assert (len(driven.requests), driven.sleeps) == (1, [])
    assert isinstance(driven.result, APIStatusError)


def test_a_scripted_retry_after_within_a_minute_is_the_wait() -> None:
    """A 429 with Retry-After: 7 waits exactly 7 s, not the backoff, before the one retry."""
    driven = run(_get_run_test(), in_turn(answer(429, {}, {"Retry-After": "7"}), answer(200, run_test())))
    assert driven.sleeps == [7.0]
    assert len(driven.requests) == 2


def test_a_scripted_page_past_the_last_is_not_retried() -> None:
    """A list's 500 'Invalid page.' is the same on every try: raised after one request."""
    flow = single(list_exchange(page=9), CTX)
    driven = run(flow, answer(500, error("server_error", "server_error", "Invalid page.")))
    assert (len(driven.requests), driven.sleeps) == (1, [])
    assert isinstance(driven.result, InternalServerError)


def test_another_scripted_500_on_a_list_is_retried() -> None:
    """Only 'Invalid page.' is final: another 500 on a list is sent again."""
    flow = single(list_exchange(), CTX)
    empty: dict[str, object] = {"count": 0, "next": None, "previous": None, "results": []}
    driven = run(
        flow, in_turn(answer(500, error("server_error", "server_error", "Boom.")), answer(200, empty))
    )
    assert len(driven.requests) == 2


def test_a_scripted_execute_is_retried_on_429() -> None:
    """An execute answered 429 was refused before it ran: it is sent again, and its answer read."""
    driven = run(_execute_run_test(), in_turn(answer(429, {}), answer(200, execution_snake())))
    assert len(driven.requests) == 2
    assert str(getattr(driven.result, "execution_id", None)) == EXECUTION


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_scripted_execute_is_not_resent_after_a_5xx(status: int) -> None:
    """An execute answered 5xx may have started: raised after one request, saying it may have started."""
    driven = run(_execute_run_test(), answer(status, {}))
    assert (len(driven.requests), driven.sleeps) == (1, [])
    assert isinstance(driven.result, APIStatusError)
    assert driven.result.may_have_started is True


def test_a_scripted_execute_is_not_resent_after_a_408() -> None:
    """Only 429 is retried for a POST: a 408 is raised after the one request, with no wait."""
    driven = run(_execute_run_test(), answer(408, {}))
    assert (len(driven.requests), driven.sleeps) == (1, [])
    assert isinstance(driven.result, APIStatusError)
    assert driven.result.status_code == 408


def test_a_scripted_create_is_not_resent_after_a_500() -> None:
    """create is a POST that may have made the run test: a 500 is raised after one request."""
    flow = single(create_exchange(name="n", agent_definition_id=AGENT, scenario_ids=[S1]), CTX)
    driven = run(flow, answer(500, {}))
    assert (len(driven.requests), driven.sleeps) == (1, [])
    assert isinstance(driven.result, InternalServerError)
