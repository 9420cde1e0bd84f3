"""executions.wait, driven as a flow with scripted answers and a fake clock: no real time passes."""

from __future__ import annotations

import pickle
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ExecutionState,
    FutureAGIError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    SimulateClient,
    WaitTimeoutError,
)
from futureagi_simulate._flows import CasingState, Context, Exchange, Flow
from futureagi_simulate._resources.executions import HEARTBEAT, wait
from tests.data import EXECUTION, S1, S2, call_row, error, execution_detail, result_row, results
from tests.server import RecordingServer

RESULTS_PATH = "/sdk/api/v1/simulation/runs/"
# What a scripted answer may be: the response, or an error the driver throws into the flow as the
# retry layer does when no answer came back.
Outcome = httpx.Response | APIError
Answer = Callable[[Exchange[Any]], Outcome]


class FakeClock:
    """Seconds that move only when the flow sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Driven:
    """What a driven flow asked for: the exchanges it sent and the sleeps it took."""

    def __init__(self) -> None:
        self.exchanges: list[Exchange[Any]] = []
        self.sleeps: list[float] = []

    @property
    def polls(self) -> list[Exchange[Any]]:
        return [exchange for exchange in self.exchanges if exchange.path == RESULTS_PATH]

    @property
    def reads(self) -> list[Exchange[Any]]:
        return [exchange for exchange in self.exchanges if exchange.path != RESULTS_PATH]


def drive(flow: Flow[Any], answer: Answer, clock: FakeClock, driven: Driven) -> Any:
    step = next(flow)
    while True:
        try:
            if isinstance(step, float):
                driven.sleeps.append(step)
                clock.now += step
                step = flow.send(None)
                continue
            driven.exchanges.append(step)
            outcome = answer(step)
            step = flow.throw(outcome) if isinstance(outcome, APIError) else flow.send(outcome)
        except StopIteration as done:
            return done.value


def respond(status: int, body: object, headers: dict[str, str] | None = None) -> Answer:
    def answer(exchange: Exchange[Any]) -> httpx.Response:
        request = httpx.Request(exchange.method, "http://t" + exchange.path)
        return httpx.Response(status, json=body, headers=headers, request=request)

    return answer


def rows_of(status: str, calls: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return calls if calls is not None else [call_row(S1, "ongoing" if status != "completed" else status)]


def statuses(*names: str, calls: list[dict[str, Any]] | None = None) -> Answer:
    """Answers each poll with the next status (the last one forever), counting ``calls`` as the server's
    results do, and the read of the rows (getTestExecution) with ``calls`` in the last status."""
    script: Iterator[str] = iter(names)
    last = [names[0]]

    def answer(exchange: Exchange[Any]) -> Outcome:
        if exchange.path == RESULTS_PATH:
            last[0] = next(script, last[0])
            rows = rows_of(last[0], calls)
            body = results(last[0], [result_row(row["scenario_id"], row["status"]) for row in rows[:1]])
            counts = [row["status"] for row in rows]
            body["result"].update(
                total_calls=len(rows),
                completed_calls=counts.count("completed"),
                failed_calls=counts.count("failed"),
            )
            body["result"]["call_results"].update(count=len(rows), total_pages=len(rows))
            return respond(200, body)(exchange)
        number = int(exchange.params.get("page", 1))
        return respond(200, execution_detail(last[0], rows_of(last[0], calls), number=number))(exchange)

    return answer


def failing(failure: Answer, until: float, clock: FakeClock, then: Answer) -> Answer:
    """``failure`` for every poll before ``until`` on the clock, ``then`` after."""

    def answer(exchange: Exchange[Any]) -> Outcome:
        return failure(exchange) if clock.now < until else then(exchange)

    return answer


def waiting(clock: FakeClock, *, timeout: float = 600.0, **kwargs: Any) -> Flow[ExecutionState]:
    options: dict[str, Any] = {"poll_interval": 2.0, "max_poll_interval": 15.0, "on_progress": None, **kwargs}
    ctx = Context(secrets=(), casing=CasingState.for_mode("auto"), clock=clock)
    return wait(uuid.UUID(EXECUTION), ctx, timeout=timeout, clock=clock, **options)


def no_connection(exchange: Exchange[Any]) -> APIError:
    return APIConnectionError("get simulation run results: ConnectError", request=None)


# The end, and what it costs ---------------------------------------------------------------------------------


def test_wait_polls_cheaply_and_reads_the_rows_once_at_the_end() -> None:
    """Each poll asks for one row of the results; the call rows are read once, after the end."""
    clock, driven = FakeClock(), Driven()
    calls = [call_row(S1, "completed"), call_row(S2, "failed")]
    state = drive(waiting(clock), statuses("pending", "running", "Completed", calls=calls), clock, driven)
    assert (state.status, state.is_finished) == ("completed", True)
    assert (state.total_calls, state.completed_calls, state.failed_calls) == (2, 1, 1)
    assert len(state.calls) == 2
    assert [(c.params["page"], c.params["limit"]) for c in driven.polls] == [(1, 1)] * 3
    assert len(driven.reads) == 1


def test_a_thirty_minute_wait_for_ten_thousand_calls_costs_one_request_a_poll() -> None:
    """10,000 calls over 30 minutes: one request per poll and 100 pages at the end, not every page a poll."""
    clock, driven = FakeClock(), Driven()
    calls = [call_row(S1, "completed") for _ in range(10_000)]
    running, finished = statuses("running", calls=calls), statuses("completed", calls=calls)
    answer = failing(running, clock.now + 1790.0, clock, finished)
    state = drive(waiting(clock, timeout=1800.0), answer, clock, driven)
    assert (state.status, len(state.calls)) == ("completed", 10_000)
    assert len(driven.reads) == 100
    assert len(driven.polls) == len(driven.sleeps) + 1
    assert len(driven.exchanges) < 250  # every page on every poll was about 12,000


def test_without_read_calls_the_last_poll_is_returned() -> None:
    """read_calls=False returns the finished state the last poll read, and reads no rows."""
    clock, driven = FakeClock(), Driven()
    state = drive(waiting(clock, read_calls=False), statuses("running", "completed"), clock, driven)
    assert (state.status, state.calls) == ("completed", ())
    assert driven.reads == []


def test_polls_grow_from_two_to_fifteen_seconds() -> None:
    """Each wait is half as long again as the one before, up to the maximum."""
    clock, driven = FakeClock(), Driven()
    drive(waiting(clock), statuses(*["running"] * 8, "completed"), clock, driven)
    assert driven.sleeps == [2.0, 3.0, 4.5, 6.75, 10.125, 15.0, 15.0, 15.0]


@pytest.mark.parametrize("finished", ["completed", "failed", "cancelled"])
def test_each_final_status_ends_the_wait(finished: str) -> None:
    """completed, failed and cancelled are all the end; the first poll that sees one returns."""
    clock, driven = FakeClock(), Driven()
    state = drive(waiting(clock), statuses(finished), clock, driven)
    assert state.status == finished
    assert driven.sleeps == []


def test_cancelling_and_evaluating_are_not_the_end() -> None:
    """An execution on its way to an end is waited for."""
    clock, driven = FakeClock(), Driven()
    drive(waiting(clock), statuses("evaluating", "cancelling", "cancelled"), clock, driven)
    assert len(driven.polls) == 3


# Progress ---------------------------------------------------------------------------------------------------


def test_on_progress_hears_only_changes() -> None:
    """on_progress gets the first state and each one that differs from the one before."""
    clock, driven = FakeClock(), Driven()
    seen: list[str] = []
    drive(
        waiting(clock, on_progress=lambda state: seen.append(state.status)),
        statuses("pending", "pending", "running", "running", "completed"),
        clock,
        driven,
    )
    assert seen == ["pending", "running", "completed"]


def test_progress_comes_from_the_server_counts() -> None:
    """A poll's state carries the results' total, completed and failed counts, and no rows."""
    clock, driven = FakeClock(), Driven()
    seen: list[ExecutionState] = []
    body = results(
        "running", [result_row(S1, "completed"), result_row(S2, "failed"), result_row(S1, "ongoing")]
    )
    script = iter([respond(200, body), statuses("completed")])
    drive(waiting(clock, on_progress=seen.append), lambda exchange: next(script)(exchange), clock, driven)
    first = seen[0]
    assert (first.total_calls, first.completed_calls, first.failed_calls, first.finished_calls) == (
        3,
        1,
        1,
        2,
    )
    assert first.calls == ()


def test_an_evaluating_execution_counts_every_call_as_done() -> None:
    """Evaluating means every call ended: calls whose evals still run count as done in the progress."""
    clock, driven = FakeClock(), Driven()
    seen: list[ExecutionState] = []
    body = results("evaluating", [result_row(S1, "completed"), result_row(S2, "analyzing")])
    script = iter([respond(200, body), statuses("completed")])
    drive(waiting(clock, on_progress=seen.append), lambda exchange: next(script)(exchange), clock, driven)
    first = seen[0]
    assert (first.status, first.analyzing_calls, first.finished_calls, first.total_calls) == (
        "evaluating",
        1,
        2,
        2,
    )


def test_a_heartbeat_comes_at_least_every_minute() -> None:
    """With nothing changing and polls five minutes apart, on_progress still hears the state each minute."""
    clock, driven = FakeClock(), Driven()
    heard: list[float] = []
    flow = waiting(
        clock,
        timeout=900.0,
        poll_interval=300.0,
        max_poll_interval=300.0,
        on_progress=lambda state: heard.append(clock.now),
    )
    with pytest.raises(WaitTimeoutError):
        drive(flow, statuses("running"), clock, driven)
    gaps = [later - earlier for earlier, later in zip([1000.0, *heard], [*heard, clock.now], strict=True)]
    assert max(gaps) <= HEARTBEAT
    assert len(heard) >= 900.0 / HEARTBEAT


# Timeouts ---------------------------------------------------------------------------------------------------


def test_timeout_raises_with_the_last_state_and_never_cancels() -> None:
    """Past the timeout, WaitTimeoutError carries the last state; no cancel was sent."""
    clock, driven = FakeClock(), Driven()
    with pytest.raises(WaitTimeoutError) as caught:
        drive(waiting(clock, timeout=20.0), statuses("running"), clock, driven)
    assert caught.value.state.status == "running"
    assert caught.value.timeout == 20.0
    assert sum(driven.sleeps) == 20.0
    assert driven.sleeps[-1] == pytest.approx(20.0 - (2.0 + 3.0 + 4.5 + 6.75))
    assert {exchange.method for exchange in driven.exchanges} == {"GET"}
    assert "had not finished after 20 s: it was running with 0 of 1 calls finished" in str(caught.value)


def test_every_poll_must_be_over_by_the_end_of_the_wait() -> None:
    """Each poll carries the wait's deadline, on the wait's clock: no poll outlives the wait."""
    clock, driven = FakeClock(), Driven()
    with pytest.raises(WaitTimeoutError):
        drive(waiting(clock, timeout=30.0), statuses("running"), clock, driven)
    assert {exchange.deadline for exchange in driven.polls} == {1000.0 + 30.0}


def test_the_timeout_error_survives_pickle() -> None:
    """WaitTimeoutError crosses a process pool with its state and timeout."""
    clock, driven = FakeClock(), Driven()
    with pytest.raises(WaitTimeoutError) as caught:
        drive(waiting(clock, timeout=1.0), statuses("running"), clock, driven)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.timeout, copy.state) == (str(caught.value), 1.0, caught.value.state)


# Blips: ridden out until the timeout -----------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_a_run_of_transient_answers_does_not_end_a_long_wait(status: int) -> None:
    """Four seconds of 408, 429 or 5xx during a 30-minute wait: polled through, the end is seen."""
    clock, driven = FakeClock(), Driven()
    blip = respond(status, {"status": False, "message": "bad gateway"})
    answer = failing(blip, clock.now + 4.0, clock, statuses("completed"))
    state = drive(waiting(clock, timeout=1800.0), answer, clock, driven)
    assert state.status == "completed"
    assert len(driven.polls) >= 3


def test_connection_errors_do_not_end_a_long_wait() -> None:
    """Polls that get no answer at all are polled through until the end is seen."""
    clock, driven = FakeClock(), Driven()
    answer = failing(no_connection, clock.now + 4.0, clock, statuses("completed"))
    state = drive(waiting(clock, timeout=1800.0), answer, clock, driven)
    assert state.status == "completed"
    assert len(driven.polls) >= 3


def test_failures_until_the_timeout_end_it_on_time_naming_the_last() -> None:
    """An API that never answers: WaitTimeoutError at the timeout, saying what the last poll met."""
    clock, driven = FakeClock(), Driven()
    with pytest.raises(WaitTimeoutError) as caught:
        drive(waiting(clock, timeout=60.0), respond(502, {"message": "bad gateway"}), clock, driven)
    assert sum(driven.sleeps) == 60.0
    assert caught.value.state is None
    assert "no state could be read; the last poll failed:" in str(caught.value)
    assert "HTTP 502" in str(caught.value)


def test_a_poll_cut_at_the_timeout_is_a_timeout_not_a_failed_poll(caplog: pytest.LogCaptureFixture) -> None:
    """The poll the deadline cut (never sent) is not logged or reported as an API failure."""
    clock, driven = FakeClock(), Driven()

    def cut(exchange: Exchange[Any]) -> APIError:
        return APIConnectionError("get simulation run results: PoolTimeout (deadline passed)", request=None)

    caplog.set_level("INFO", logger="futureagi_simulate.wait")
    with pytest.raises(WaitTimeoutError) as caught:
        drive(waiting(clock, timeout=60.0), failing(statuses("running"), 1060.0, clock, cut), clock, driven)
    assert "it was running" in str(caught.value)
    assert "failed" not in str(caught.value)
    assert not [r for r in caplog.records if "a poll failed" in r.getMessage()]


def test_each_failed_poll_is_logged_without_secrets(caplog: pytest.LogCaptureFixture) -> None:
    """A poll that failed is one INFO record on futureagi_simulate.wait, the key blanked out."""
    clock, driven = FakeClock(), Driven()
    key = "fi-secret-in-an-echo"
    blip = respond(502, {"status": False, "message": f"upstream refused {key}"})
    ctx = Context(secrets=(key,), casing=CasingState.for_mode("auto"), clock=clock)
    flow = wait(
        uuid.UUID(EXECUTION),
        ctx,
        timeout=600.0,
        poll_interval=2.0,
        max_poll_interval=15.0,
        on_progress=None,
        clock=clock,
    )
    with caplog.at_level("INFO", logger="futureagi_simulate.wait"):
        drive(flow, failing(blip, clock.now + 3.0, clock, statuses("completed")), clock, driven)
    failed = [r for r in caplog.records if r.name == "futureagi_simulate.wait"]
    assert len(failed) == 2
    assert all("HTTP 502" in r.getMessage() and key not in r.getMessage() for r in failed)


def test_a_long_retry_after_stretches_the_next_poll() -> None:
    """A 429 asks for a longer wait, and wait honours it."""
    clock, driven = FakeClock(), Driven()
    limited = respond(429, {"status": False, "result": {"code": "RATE_LIMITED", "retry_after": 90}})
    script = iter([limited, statuses("completed")])
    drive(waiting(clock), lambda exchange: next(script)(exchange), clock, driven)
    assert driven.sleeps == [90.0]


@pytest.mark.parametrize(
    ("status", "raised"),
    [(401, AuthenticationError), (403, PermissionDeniedError), (404, NotFoundError)],
)
def test_a_refusal_ends_the_wait_at_once(status: int, raised: type[Exception]) -> None:
    """401, 403 and 404 will not change by waiting: the first one ends the wait."""
    clock, driven = FakeClock(), Driven()
    body = error("not_found", "not_found", "Test execution not found.")
    with pytest.raises(raised):
        drive(waiting(clock, timeout=1800.0), respond(status, body), clock, driven)
    assert (len(driven.exchanges), driven.sleeps) == (1, [])


def test_an_unknown_execution_in_the_final_read_is_not_found() -> None:
    """The open-source server's 500 for an unknown execution is NotFoundError, not a reason to poll on."""
    clock, driven = FakeClock(), Driven()
    body = error(
        "server_error",
        "server_error",
        "Failed to retrieve test execution: No TestExecution matches the given query.",
    )
    polls = statuses("completed")

    def answer(exchange: Exchange[Any]) -> Outcome:
        return polls(exchange) if exchange.path == RESULTS_PATH else respond(500, body)(exchange)

    with pytest.raises(NotFoundError) as caught:
        drive(waiting(clock), answer, clock, driven)
    assert caught.value.status_code == 500


# Arguments ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"timeout": float("inf")}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": -5}, "timeout"),
        ({"timeout": "60"}, "timeout"),
        ({"timeout": True}, "timeout"),
        ({"timeout": 60, "poll_interval": 0}, "poll_interval"),
        ({"timeout": 60, "max_poll_interval": float("inf")}, "max_poll_interval"),
        ({"timeout": 60, "on_progress": "print"}, "on_progress"),
        ({"timeout": 60, "read_calls": "no"}, "read_calls"),
    ],
)
def test_bad_wait_arguments_are_refused_before_sending(
    client: SimulateClient, server: RecordingServer, kwargs: dict[str, Any], argument: str
) -> None:
    """A timeout must be finite and positive; nothing is sent otherwise."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.executions.wait(EXECUTION, **kwargs)
    assert caught.value.argument == argument
    assert server.requests == []


# Answers about another execution ----------------------------------------------------------------------------


def test_a_scripted_poll_about_another_execution_ends_the_wait_with_an_error() -> None:
    """A poll answered with another execution's state is never read as this one finishing: it raises."""
    clock, driven = FakeClock(), Driven()
    other = results("completed", [result_row(S1, "completed")])
    other["result"]["execution_id"] = str(uuid.uuid4())
    with pytest.raises(FutureAGIError, match="about execution"):
        drive(waiting(clock, timeout=60.0, read_calls=False), respond(200, other), clock, driven)
    assert len(driven.polls) == 1
