"""From execute to verdict against the emulator, in both dialects, sync and async."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    NotFoundError,
    Selection,
    SimulateClient,
    Thresholds,
    WaitTimeoutError,
)
from futureagi_simulate._flows import CasingState, Context
from futureagi_simulate._resources.executions import wait
from futureagi_simulate.testing import Emulator

# Polls a few milliseconds apart: the emulator moves an execution one stage per read, so this is about
# the number of polls, not about time.
FAST: dict[str, Any] = {"timeout": 30.0, "poll_interval": 0.001, "max_poll_interval": 0.001}


@pytest.fixture(params=["docs", "oss"])
def manual(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """An emulator whose executions move only when the test says so."""
    with Emulator(dialect=request.param, advance="manual") as emu:
        yield emu


def drive_over_http(flow: Any, http: httpx.Client, now: list[float]) -> Any:
    """Sends each request the flow asks for to the emulator; each sleep only moves the fake clock."""
    step: Any = next(flow)
    while True:
        if isinstance(step, float):
            now[0] += step
            outcome: httpx.Response | None = None
        else:
            outcome = http.request(step.method, step.path, params=dict(step.params))
        try:
            step = flow.send(outcome)
        except StopIteration as done:
            return done.value


def client_for(emu: Emulator) -> SimulateClient:
    return SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url, timeout=10.0)


def test_execute_wait_report_passes(emulated: SimulateClient, emulator: Emulator) -> None:
    """A run where every call completes and passes its evals ends completed, and the verdict passes."""
    seed = emulator.seed
    execution = emulated.run_tests.execute(seed.run_test_id, selection=Selection.all())
    seen: list[str] = []
    state = emulated.executions.wait(
        execution.execution_id, on_progress=lambda s: seen.append(s.status), **FAST
    )
    verdict = emulated.executions.report(
        execution.execution_id,
        run_test_id=execution.run_test_id,
        expected_scenario_ids=execution.scenario_ids,
    )
    assert state.status == "completed"
    assert seen[-1] == "completed"
    assert len(seen) == len(set(seen))
    assert verdict.passed is True, verdict.reasons
    assert verdict.pass_rates == {"Tone check": 1.0, "Issue resolved": 1.0}
    # The results endpoint lists calls by last update, newest first, as the server does: compare the set.
    assert len(verdict.scenarios) == len(seed.scenario_ids)
    assert {s.scenario_id for s in verdict.scenarios} == set(seed.scenario_ids)


def test_a_scripted_failing_call_fails_the_verdict_and_names_it(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """The server calls it completed (one call completed); the verdict fails and names the scenario."""
    seed = emulator.seed
    emulator.script(seed.scenario_ids[1], call="failed")
    execution = emulated.run_tests.execute(seed.run_test_id, selection=Selection.all())
    state = emulated.executions.wait(execution.execution_id, **FAST)
    verdict = emulated.executions.report(execution.execution_id, run_test_id=execution.run_test_id)
    assert state.status == "completed"
    assert verdict.passed is False
    (failing,) = [s for s in verdict.scenarios if not s.passed]
    assert failing.scenario_id == seed.scenario_ids[1]
    assert failing.scenario_name
    assert any("did not complete" in reason for reason in verdict.reasons)


def test_a_scripted_failing_eval_fails_unless_its_bar_is_lowered(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """One 'Tone check' failure in three fails by default and passes at min_pass_rate 0.6."""
    seed = emulator.seed
    emulator.script(seed.scenario_ids[0], evals={"Tone check": False})
    execution = emulated.run_tests.execute(seed.run_test_id, selection=Selection.all())
    emulated.executions.wait(execution.execution_id, **FAST)
    strict = emulated.executions.report(execution.execution_id, run_test_id=execution.run_test_id)
    lenient = emulated.executions.report(
        execution.execution_id,
        run_test_id=execution.run_test_id,
        thresholds=Thresholds(min_pass_rate={"Tone check": 0.6}),
    )
    assert strict.passed is False
    assert [s.scenario_id for s in strict.scenarios if not s.passed] == [seed.scenario_ids[0]]
    assert strict.pass_rates["Tone check"] == pytest.approx(2 / 3)
    assert lenient.passed is True
    summary = emulated.run_tests.eval_summary(seed.run_test_id, execution_id=execution.execution_id)
    assert summary["Tone check"].pass_rate == pytest.approx(2 / 3, abs=0.01)


def test_every_call_failed_ends_failed(emulated: SimulateClient, emulator: Emulator) -> None:
    """An execution whose calls all failed ends failed, and so does its verdict."""
    seed = emulator.seed
    for scenario in seed.scenario_ids:
        emulator.script(scenario, call="failed")
    execution = emulated.run_tests.execute(seed.run_test_id, selection=Selection.all())
    state = emulated.executions.wait(execution.execution_id, **FAST)
    verdict = emulated.executions.report(execution.execution_id, run_test_id=execution.run_test_id)
    assert (state.status, state.failed_calls) == ("failed", len(seed.scenario_ids))
    assert verdict.reasons[0] == "the execution ended failed, not completed"


def test_cancel_mid_run_ends_cancelled(manual: Emulator) -> None:
    """A running execution that is cancelled ends cancelled, its unfinished calls too."""
    with client_for(manual) as client:
        execution = client.run_tests.execute(manual.seed.run_test_id, selection=Selection.all())
        manual.advance(execution.execution_id)
        assert client.executions.get(execution.execution_id).status == "running"
        client.executions.cancel(execution.execution_id)
        assert client.executions.get(execution.execution_id).status == "cancelling"
        manual.advance(execution.execution_id)
        state = client.executions.get(execution.execution_id)
        verdict = client.executions.report(execution.execution_id, run_test_id=execution.run_test_id)
    assert (state.status, state.cancelled_calls) == ("cancelled", state.total_calls)
    assert verdict.passed is False


def test_wait_times_out_with_the_last_state(manual: Emulator) -> None:
    """Driven with a fake clock against a held execution, wait raises with the state it last read."""
    with client_for(manual) as client:
        execution = client.run_tests.execute(manual.seed.run_test_id, selection=Selection.all())
        manual.advance(execution.execution_id)
        http = httpx.Client(
            base_url=manual.url, headers={"X-Api-Key": manual.api_key, "X-Secret-Key": manual.secret_key}
        )
        now = [0.0]
        ctx = Context(secrets=(), casing=CasingState.for_mode("auto"))
        flow = wait(
            execution.execution_id,
            ctx,
            timeout=60.0,
            poll_interval=2.0,
            max_poll_interval=15.0,
            on_progress=None,
            clock=lambda: now[0],
        )
        with http, pytest.raises(WaitTimeoutError) as caught:
            drive_over_http(flow, http, now)
    assert caught.value.state.status == "running"
    assert manual.execution_status(execution.execution_id) == "running"


def test_an_unknown_execution_is_not_found_in_both_dialects(emulated: SimulateClient) -> None:
    """404 in the documented dialect, the open-source server's 500: NotFoundError either way."""
    with pytest.raises(NotFoundError):
        emulated.executions.get(uuid.uuid4())
    with pytest.raises(NotFoundError):
        emulated.executions.results(uuid.uuid4())


def test_started_after_finds_the_execution_just_started(emulated: SimulateClient, emulator: Emulator) -> None:
    """The way to check an ambiguous execute finds exactly the execution it started."""
    since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    execution = emulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    found = list(emulated.run_tests.executions(emulator.seed.run_test_id, started_after=since))
    assert [row.id for row in found] == [execution.execution_id]


@pytest.mark.anyio
async def test_async_execute_wait_report(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client follows an execution to a passing verdict, like the sync one."""
    seed = emulator.seed
    emulator.script(seed.scenario_ids[2], call="failed")
    execution = await aemulated.run_tests.execute(
        seed.run_test_id, selection=Selection.all_except(seed.scenario_ids[:1])
    )
    await aemulated.executions.wait(execution.execution_id, **FAST)
    verdict = await aemulated.executions.report(
        execution.execution_id,
        run_test_id=execution.run_test_id,
        expected_scenario_ids=execution.scenario_ids,
    )
    calls = [call async for call in aemulated.executions.calls(execution.execution_id)]
    assert execution.scenario_ids == seed.scenario_ids[1:]
    assert len(calls) == len(seed.scenario_ids) - 1
    assert verdict.passed is False
    assert [s.scenario_id for s in verdict.scenarios if not s.passed] == [seed.scenario_ids[2]]
