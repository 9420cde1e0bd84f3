"""executions.wait through the real clients and a real socket: blips ridden out past max_retries, refusals
at once, and no poll outliving the wait. The clock is the test's: sleeps move it, nothing is slept."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    AuthenticationError,
    FutureAGIError,
    InvalidArgumentError,
    SimulateClient,
    WaitTimeoutError,
)
from futureagi_simulate._retry import Outcome, Step
from futureagi_simulate._transport import ATTEMPT_DEADLINE
from tests.data import API_KEY, EXECUTION, RUN, S1, S2, call_row, error, execution_detail, result_row, results
from tests.moving_results import OTHER, MovingResults, about_another_execution, serve
from tests.server import RecordingServer, Reply

RESULTS_PATH = "/sdk/api/v1/simulation/runs/"
BAD_GATEWAY = Reply(502, "<html>502 Bad Gateway</html>", content_type="text/html")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The clients' clock, moved by the waits they are told to take instead of sleeping them."""
    fake = FakeClock()
    sync_perform = SimulateClient._perform
    async_perform = AsyncSimulateClient._perform

    def perform(self: SimulateClient, step: Step) -> Outcome:
        if isinstance(step, float):
            fake.now += step
            return None
        return sync_perform(self, step)

    async def aperform(self: AsyncSimulateClient, step: Step) -> Outcome:
        if isinstance(step, float):
            fake.now += step
            return None
        return await async_perform(self, step)

    monkeypatch.setattr(SimulateClient, "_perform", perform)
    monkeypatch.setattr(AsyncSimulateClient, "_perform", aperform)
    return fake


@pytest.fixture
def patient(server: RecordingServer, clock: FakeClock) -> Iterator[SimulateClient]:
    """A client with the default retry count (2) on the test's clock."""
    with SimulateClient(api_key=API_KEY, secret_key="s3cr3t-key", base_url=server.url, timeout=5.0) as c:
        c._ctx.clock = clock
        yield c


def finished() -> list[Reply]:
    """The poll that sees the end, then the one read of the rows."""
    calls = [call_row(S1, "completed"), call_row(S2, "completed")]
    return [
        Reply(200, results("completed", [result_row(S1), result_row(S2)], limit=1)),
        Reply(200, execution_detail("completed", calls)),
    ]


def test_a_run_of_502s_longer_than_max_retries_does_not_end_the_wait(
    patient: SimulateClient, server: RecordingServer, clock: FakeClock
) -> None:
    """Eight 502s in a row (the client retries a GET twice) during a 30-minute wait: the end is seen."""
    server.reply(*[BAD_GATEWAY] * 8, *finished())
    state = patient.executions.wait(EXECUTION, timeout=1800)
    assert (state.status, len(state.calls)) == ("completed", 2)
    assert [r.path for r in server.requests].count(RESULTS_PATH) == 9


def test_dropped_connections_do_not_end_the_wait(patient: SimulateClient, server: RecordingServer) -> None:
    """Polls whose connection closes without an answer are polled through."""
    server.reply(*[Reply(drop=True)] * 4, *finished())
    assert patient.executions.wait(EXECUTION, timeout=1800).status == "completed"


def test_a_401_ends_the_wait_at_once(patient: SimulateClient, server: RecordingServer) -> None:
    """A refused key will not come right by waiting: one request, AuthenticationError."""
    server.reply(Reply(401, error("authentication_error", "authentication_failed", "Invalid API key")))
    with pytest.raises(AuthenticationError):
        patient.executions.wait(EXECUTION, timeout=1800)
    assert len(server.requests) == 1


@pytest.mark.anyio
async def test_async_wait_rides_out_502s_too(server: RecordingServer, clock: FakeClock) -> None:
    """The async client polls through a run of 502s longer than its retries, as the sync one does."""
    server.reply(*[BAD_GATEWAY] * 8, *finished())
    async with AsyncSimulateClient(api_key=API_KEY, secret_key="s3cr3t-key", base_url=server.url) as client:
        client._ctx.clock = clock
        state = await client.executions.wait(EXECUTION, timeout=1800)
    assert state.status == "completed"


def test_a_hanging_poll_is_cut_off_at_the_wait_timeout(clock: FakeClock) -> None:
    """A poll that gets no answer may take only what is left of the wait, not the client's 60 s."""
    given: list[float] = []

    def hang(request: httpx.Request) -> httpx.Response:
        # What the attempt was allowed: the sync client's deadline for every connect and read.
        deadline = ATTEMPT_DEADLINE.get()
        assert deadline is not None
        given.append(deadline - time.monotonic())
        raise httpx.ReadTimeout("the attempt's deadline passed", request=request)

    http = httpx.Client(transport=httpx.MockTransport(hang))
    with SimulateClient(api_key=API_KEY, secret_key="s3cr3t-key", http_client=http) as client:
        client._ctx.clock = clock
        with pytest.raises(WaitTimeoutError) as caught:
            client.executions.wait(EXECUTION, timeout=2)
    assert 0 < given[0] <= 2.0
    assert all(allowed <= 2.0 for allowed in given)
    assert clock.now == 1002.0
    assert "the last poll failed" in str(caught.value)


@pytest.mark.anyio
async def test_an_async_hanging_poll_ends_as_a_wait_timeout(
    server: RecordingServer, clock: FakeClock
) -> None:
    """A server that holds the poll's answer: the async wait ends with WaitTimeoutError, not a read error."""
    server.handler = lambda request: Reply(200, results("running", [result_row(S1)]), delay=3.0)
    async with AsyncSimulateClient(api_key=API_KEY, secret_key="s3cr3t-key", base_url=server.url) as client:
        client._ctx.clock = clock
        with pytest.raises(WaitTimeoutError) as caught:
            await client.executions.wait(EXECUTION, timeout=0.2)
    assert caught.value.state is None
    assert len(server.requests) == 1


def test_get_counts_calls_being_evaluated_as_done(client: SimulateClient, server: RecordingServer) -> None:
    """A call whose conversation ended and whose evals run (analyzing) is done with its call."""
    rows = [call_row(S1, "completed"), call_row(S2, "analyzing"), call_row(S1, "ongoing")]
    server.reply(Reply(200, execution_detail("running", rows)))
    state = client.executions.get(EXECUTION)
    assert (state.total_calls, state.analyzing_calls, state.finished_calls) == (3, 1, 2)


def test_a_poll_about_another_execution_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """A poll answered with another execution's state never ends the wait as finished: it raises."""
    results = MovingResults(3)
    about_another_execution(results)
    serve(server, results)
    with pytest.raises(FutureAGIError, match=f"about execution {OTHER}"):
        client.executions.wait(EXECUTION, timeout=5, read_calls=False)


def test_a_poll_interval_past_a_week_is_refused_before_any_request(client: SimulateClient) -> None:
    """A poll interval time.sleep cannot take is an InvalidArgumentError naming it, not an OverflowError."""
    with pytest.raises(InvalidArgumentError, match="poll_interval"):
        client.executions.wait(RUN, timeout=10.0, poll_interval=1e10)
    with pytest.raises(InvalidArgumentError, match="max_poll_interval"):
        client.executions.wait(RUN, timeout=10.0, max_poll_interval=1e10)
