"""executions.wait, driven as a flow with scripted answers and a fake clock: no real time passes."""

from __future__ import annotations

import pickle
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    ExecutionState,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    SimulateClient,
    WaitTimeoutError,
)
from futureagi_simulate._flows import Call, CasingState, Context, Flow
from futureagi_simulate._follow import wait
from tests.data import EXECUTION, S1, S2, call_row, error, execution_detail
from tests.server import RecordingServer

Answer = Callable[[Call[Any]], httpx.Response]


class FakeClock:
    """Seconds that move only when the flow sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Driven:
    """What a driven flow asked for: the calls it sent and the sleeps it took."""

    def __init__(self) -> None:
        self.calls: list[Call[Any]] = []
        self.sleeps: list[float] = []


def drive(flow: Flow[Any], answer: Answer, clock: FakeClock, driven: Driven) -> Any:
    step = next(flow)
    while True:
        if isinstance(step, float):
            driven.sleeps.append(step)
            clock.now += step
            outcome: httpx.Response | None = None
        else:
            driven.calls.append(step)
            outcome = answer(step)
        try:
            step = flow.send(outcome)
        except StopIteration as done:
            return done.value


def respond(status: int, body: object, headers: dict[str, str] | None = None) -> Answer:
    def answer(call: Call[Any]) -> httpx.Response:
        return httpx.Response(
            status, json=body, headers=headers, request=httpx.Request(call.method, "http://t" + call.path)
        )

    return answer


def statuses(*names: str, calls: list[dict[str, object]] | None = None) -> Answer:
    """Answers getTestExecution with each status in turn, the last one forever."""
    script: Iterator[str] = iter(names)
    last = [names[0]]

    def answer(call: Call[Any]) -> httpx.Response:
        last[0] = next(script, last[0])
        return respond(200, execution_detail(last[0], calls or [call_row(S1, "ongoing")]))(call)

    return answer


def waiting(clock: FakeClock, *, timeout: float = 600.0, **kwargs: Any) -> Flow[ExecutionState]:
    options: dict[str, Any] = {"poll_interval": 2.0, "max_poll_interval": 15.0, "on_progress": None, **kwargs}
    ctx = Context(secrets=(), casing=CasingState.for_mode("auto"))
    return wait(uuid.UUID(EXECUTION), ctx, timeout=timeout, clock=clock, **options)


def test_wait_returns_the_finished_state() -> None:
    """wait polls until the status is finished and returns that state, lower-cased and counted."""
    clock, driven = FakeClock(), Driven()
    calls = [call_row(S1, "completed"), call_row(S2, "failed")]
    state = drive(waiting(clock), statuses("pending", "running", "Completed", calls=calls), clock, driven)
    assert (state.status, state.is_finished) == ("completed", True)
    assert (state.total_calls, state.completed_calls, state.failed_calls) == (2, 1, 1)
    assert len(driven.calls) == 3


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
    assert len(driven.calls) == 3


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


def test_timeout_raises_with_the_last_state_and_never_cancels() -> None:
    """Past the timeout, WaitTimeoutError carries the last state; no cancel was sent."""
    clock, driven = FakeClock(), Driven()
    with pytest.raises(WaitTimeoutError) as caught:
        drive(waiting(clock, timeout=20.0), statuses("running"), clock, driven)
    assert caught.value.state.status == "running"
    assert caught.value.timeout == 20.0
    assert sum(driven.sleeps) == 20.0
    assert driven.sleeps[-1] == pytest.approx(20.0 - (2.0 + 3.0 + 4.5 + 6.75))
    assert {call.method for call in driven.calls} == {"GET"}
    assert "had not finished after 20 s: it was running with 0 of 1 calls finished" in str(caught.value)


def test_the_timeout_error_survives_pickle() -> None:
    """WaitTimeoutError crosses a process pool with its state and timeout."""
    clock, driven = FakeClock(), Driven()
    with pytest.raises(WaitTimeoutError) as caught:
        drive(waiting(clock, timeout=1.0), statuses("running"), clock, driven)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.timeout, copy.state) == (str(caught.value), 1.0, caught.value.state)


def test_a_long_retry_after_stretches_the_next_poll() -> None:
    """A 429 the retry layer gave up on asks for a longer wait, and wait honours it."""
    clock, driven = FakeClock(), Driven()
    limited = respond(429, {"status": False, "result": {"code": "RATE_LIMITED", "retry_after": 90}})
    script = iter([limited, statuses("completed")])
    drive(waiting(clock), lambda call: next(script)(call), clock, driven)
    assert driven.sleeps == [90.0]


def test_a_429_without_a_wait_is_raised() -> None:
    """With no Retry-After there is nothing to honour: the RateLimitError is the caller's."""
    clock, driven = FakeClock(), Driven()
    with pytest.raises(RateLimitError):
        drive(waiting(clock), respond(429, {"status": False, "message": "slow down"}), clock, driven)


def test_an_unknown_execution_ends_the_wait_with_not_found() -> None:
    """The open-source server's 500 for an unknown execution is NotFoundError, not a reason to poll on."""
    clock, driven = FakeClock(), Driven()
    body = error(
        "server_error",
        "server_error",
        "Failed to retrieve test execution: No TestExecution matches the given query.",
    )
    with pytest.raises(NotFoundError) as caught:
        drive(waiting(clock), respond(500, body), clock, driven)
    assert caught.value.status_code == 500
    assert len(driven.calls) == 1


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
