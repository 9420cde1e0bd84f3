"""What a hostile server can send to the execution endpoints, and what the client does about it."""

from __future__ import annotations

import json
import pickle
import uuid
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    InvalidArgumentError,
    SimulateClient,
    Thresholds,
    TooManyPagesError,
    WaitTimeoutError,
)
from futureagi_simulate._flows import CasingState, Context, Exchange
from futureagi_simulate._pagination import MAX_PAGES
from futureagi_simulate._resources.executions import execution_state, wait
from futureagi_simulate._retry import Finished, drive, resume
from tests.data import EVAL_TONE, EXECUTION, RUN, S1, call_row, eval_output, result_row, results, run_test
from tests.server import RecordingServer, Reply

CTX = Context(secrets=(), casing=CasingState.for_mode("auto"))


def answer(
    exchange: Exchange[Any], status: int, body: object, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(
        status, json=body, headers=headers, request=httpx.Request(exchange.method, "http://t" + exchange.path)
    )


def test_pages_of_new_rows_without_a_count_end_in_an_error() -> None:
    """A server that answers every page with a new row and no count is refused at MAX_PAGES, not followed."""
    requests: list[Exchange[Any]] = []

    def endless() -> None:
        flow = execution_state(uuid.UUID(EXECUTION), CTX)
        step = next(flow)
        while True:
            assert isinstance(step, Exchange)
            requests.append(step)
            step = flow.send(answer(step, 200, {"status": "running", "results": [call_row(S1, "ongoing")]}))

    with pytest.raises(TooManyPagesError):
        endless()
    assert len(requests) == MAX_PAGES


def test_a_count_of_400_digits_is_no_overflow(client: SimulateClient, server: RecordingServer) -> None:
    """The page limit is integer arithmetic: a 400-digit count reads one page and ends."""
    body = '{"count": 1' + "0" * 400 + ', "status": "completed", "next": null, "results": []}'
    server.reply(Reply(200, body))
    assert client.executions.get(EXECUTION).status == "completed"


@pytest.mark.parametrize("number", ["1" + "0" * 400, "NaN", "Infinity", "-Infinity"])
def test_numbers_no_float_holds_are_no_measurement(
    client: SimulateClient, server: RecordingServer, number: str
) -> None:
    """A score or duration of 400 digits, NaN or Infinity reads as None, not as an OverflowError or a NaN."""
    row = result_row(S1, evals={EVAL_TONE: {"name": "Politeness", "output": 0, "output_type": "score"}})
    rendered = json.dumps(results("completed", [row])).replace('"output": 0', f'"output": {number}')
    rendered = rendered.replace('"duration_seconds": 30.5', f'"duration_seconds": {number}')
    server.reply(Reply(200, rendered))
    (call,) = client.executions.results(EXECUTION).calls
    assert (call.duration_seconds, call.evals[0].score) == (None, None)


def _summary(output: dict[str, Any]) -> dict[str, Any]:
    # The open-source shape: one template, one config entry whose output is hostile.
    entry = {"name": "Tone check", "total_cells": 4, "output": output}
    return {
        "status": True,
        "result": [{"name": "task_completion", "result": [entry], "total_pass_rate": 75.0}],
    }


@pytest.mark.parametrize(
    "body",
    [
        _summary({"pass": float("nan")}),
        _summary({"pass": 1e308 * 10}),
        _summary({"pass": -1e306, "pass_count": -3}),
        {"evaluations": [{"name": "Tone check", "passed": -5, "failed": 2}]},
    ],
    ids=["nan", "inf", "negative", "negative-count"],
)
def test_an_eval_summary_rate_is_a_fraction_or_none(
    client: SimulateClient, server: RecordingServer, body: dict[str, Any]
) -> None:
    """pass_rate is documented as a fraction from 0 to 1; anything else reads as None."""
    server.reply(Reply(200, json.dumps(body)))
    assert client.run_tests.eval_summary(EXECUTION)["Tone check"].pass_rate is None


def test_an_answer_nested_700_deep_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """Free-form fields nested hundreds deep are refused, so results always pickle."""
    deep: Any = "bottom"
    for _ in range(700):
        deep = {"x": deep}
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", deep)})
    server.reply(Reply(200, results("completed", [row])))
    with pytest.raises(APIResponseValidationError, match="nests deeper than"):
        client.executions.results(EXECUTION)


def test_a_nesting_the_api_uses_still_pickles(client: SimulateClient, server: RecordingServer) -> None:
    """An ordinary answer's results and verdict survive pickle."""
    server.reply(
        Reply(200, run_test(evals_detail=[{"id": EVAL_TONE, "name": "T"}])),
        Reply(200, results("completed", [result_row(S1, evals={EVAL_TONE: eval_output("T", "Passed")})])),
    )
    verdict = client.executions.report(EXECUTION, run_test_id=RUN)
    assert pickle.loads(pickle.dumps(verdict)) == verdict


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


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda c: c.executions.wait(EXECUTION, timeout=10**400), "timeout"),
        (lambda c: c.executions.wait(EXECUTION, timeout=60, poll_interval=10**400), "poll_interval"),
        (lambda c: Thresholds(min_pass_rate={"T": 10**400}), "min_pass_rate['T']"),
        (lambda c: Thresholds(default_min_pass_rate=10**400), "default_min_pass_rate"),
    ],
    ids=["timeout", "poll_interval", "min_pass_rate", "default_min_pass_rate"],
)
def test_integers_too_large_for_a_float_are_invalid_arguments(
    client: SimulateClient, server: RecordingServer, call: Any, argument: str
) -> None:
    """10**400 is refused as InvalidArgumentError naming the argument, not as an OverflowError."""
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert caught.value.argument == argument
    assert server.requests == []


def test_thresholds_cannot_be_changed_after_the_fact() -> None:
    """Thresholds are frozen all the way down, and hashable."""
    thresholds = Thresholds(min_pass_rate={"T": 0.9})
    with pytest.raises(TypeError):
        thresholds.min_pass_rate["T"] = 7  # type: ignore[index]
    assert hash(thresholds) == hash(Thresholds(min_pass_rate={"T": 0.9}))
    assert pickle.loads(pickle.dumps(thresholds)) == thresholds


def test_a_rate_just_under_its_minimum_does_not_read_as_equal(
    client: SimulateClient, server: RecordingServer
) -> None:
    """899 of 1,000 against a 90% minimum says 89.9%."""
    rows = [result_row(str(uuid.uuid4()), evals={EVAL_TONE: eval_output("T", "Passed")}) for _ in range(899)]
    rows += [result_row(str(uuid.uuid4()), evals={EVAL_TONE: eval_output("T", "Failed")}) for _ in range(101)]
    pages = [results("completed", rows, number=n) for n in range(1, 11)]
    server.reply(Reply(200, run_test(evals_detail=[{"id": EVAL_TONE, "name": "T"}])))
    server.reply(*(Reply(200, page) for page in pages))
    verdict = client.executions.report(
        EXECUTION, run_test_id=RUN, thresholds=Thresholds(min_pass_rate={"T": 0.9})
    )
    assert "eval 'T' passed 899 of 1000 calls it judged (89.9%), below the minimum 90%" in verdict.reasons
