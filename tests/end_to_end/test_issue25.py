"""Issue 25 through the Python API against the emulator, both dialects: a baseline, the cost."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    BudgetExceededError,
    InvalidArgumentError,
    Selection,
    SimulateClient,
    Thresholds,
)
from futureagi_simulate.testing import Emulator

FAST: dict[str, Any] = {"timeout": 30.0, "poll_interval": 0.001, "max_poll_interval": 0.001}
WAIT: dict[str, Any] = {"timeout": 30.0, "poll_interval": 0.001}


def finished(client: SimulateClient, emu: Emulator) -> uuid.UUID:
    """One execution of every scenario, waited for; its id."""
    execution = client.run_tests.execute(emu.seed.run_test_id, selection=Selection.all())
    client.executions.wait(execution.execution_id, **FAST)
    return execution.execution_id


def test_report_against_a_baseline_fails_on_a_newly_failing_scenario(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """executions.report(..., baseline=...) fails when a scenario passed then and fails now."""
    baseline = finished(emulated, emulator)
    emulator.script(emulator.seed.scenario_ids[0], evals={"Tone check": False})
    now = finished(emulated, emulator)
    thresholds = Thresholds(min_pass_rate={"Tone check": 0.5})
    verdict = emulated.executions.report(
        now, run_test_id=emulator.seed.run_test_id, thresholds=thresholds, baseline=baseline
    )
    assert verdict.passed is False
    assert verdict.baseline is not None
    assert [s.scenario_id for s in verdict.baseline.newly_failing] == [emulator.seed.scenario_ids[0]]


def test_report_refuses_a_baseline_judged_by_other_eval_configs(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """An eval config added since the baseline: InvalidArgumentError naming baseline, never a verdict."""
    baseline = finished(emulated, emulator)
    emulator.add_eval_config(emulator.seed.run_test_id, "Politeness")
    now = finished(emulated, emulator)
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.report(now, run_test_id=emulator.seed.run_test_id, baseline=baseline)
    assert caught.value.argument == "baseline"
    assert "'Politeness'" in caught.value.rule


def test_check_baseline_refuses_an_execution_as_its_own_run_tests_stranger(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """check_baseline before an execute: an id that is none of the run test's executions is refused."""
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.check_baseline(uuid.uuid4(), run_test_id=emulator.seed.run_test_id)
    assert "is not one of run test" in caught.value.rule
    assert emulator.execution_count(emulator.seed.run_test_id) == 0


@pytest.mark.anyio
async def test_the_async_report_compares_with_a_baseline_too(
    aemulated: AsyncSimulateClient, emulator: Emulator
) -> None:
    """The async client's report takes a baseline and compares the same way."""
    ids = []
    for _ in range(2):
        execution = await aemulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
        await aemulated.executions.wait(execution.execution_id, **FAST)
        ids.append(execution.execution_id)
    verdict = await aemulated.executions.report(
        ids[1], run_test_id=emulator.seed.run_test_id, baseline=ids[0]
    )
    assert verdict.passed is True
    assert verdict.baseline is not None
    assert {s.change for s in verdict.baseline.scenarios} == {"still passing"}


def test_executions_cost_sums_the_scripted_cost_per_call(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """Each call scripted to cost 40 cents: executions.cost gives 120 in all, 40 per scenario."""
    for scenario in emulator.seed.scenario_ids:
        emulator.script(scenario, cost_cents=40)
    cost = emulated.executions.cost(finished(emulated, emulator))
    assert cost.total_cents == 120
    assert [s.cents for s in cost.scenarios] == [40, 40, 40]


def test_wait_with_max_cost_cancels_once_the_cap_is_passed(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """Calls at 125 cents, max_cost=2.50: wait reads the rows, cancels the execution, and raises
    BudgetExceededError with the cost and the cancel."""
    for scenario in emulator.seed.scenario_ids:
        emulator.script(scenario, cost_cents=125)
    execution = emulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    with pytest.raises(BudgetExceededError) as caught:
        emulated.executions.wait(execution.execution_id, max_cost=2.50, **FAST)
    assert caught.value.cost.known_cents == 375
    assert caught.value.cancelled is True
    assert emulator.execution_status(execution.execution_id) in ("cancelling", "cancelled")
    assert "more than max_cost 2.50" in str(caught.value)


def test_wait_with_max_cost_returns_a_run_within_the_cap(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """Within the cap: the final state, every call row read."""
    for scenario in emulator.seed.scenario_ids:
        emulator.script(scenario, cost_cents=125)
    execution = emulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    state = emulated.executions.wait(execution.execution_id, max_cost=10, **FAST)
    assert (state.status, len(state.calls)) == ("completed", 3)


def test_wait_with_max_cost_stops_when_calls_come_without_a_cost(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """A server that sends no cost: the cap cannot be watched, so the wait cancels and raises."""
    execution = emulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    with pytest.raises(BudgetExceededError) as caught:
        emulated.executions.wait(execution.execution_id, max_cost=10, **FAST)
    assert "can no longer be watched" in str(caught.value)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), True, "2.50"])
def test_a_bad_max_cost_is_refused_before_any_request(emulated: SimulateClient, bad: object) -> None:
    """max_cost must be an amount > 0: InvalidArgumentError naming it."""
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.wait(uuid.uuid4(), max_cost=bad, **FAST)  # type: ignore[arg-type]
    assert caught.value.argument == "max_cost"


@pytest.mark.anyio
async def test_the_async_wait_takes_max_cost_too(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client's wait cancels past the cap the same way."""
    for scenario in emulator.seed.scenario_ids:
        emulator.script(scenario, cost_cents=125)
    execution = await aemulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    with pytest.raises(BudgetExceededError):
        await aemulated.executions.wait(execution.execution_id, max_cost=1, **FAST)


def test_rerun_failed_makes_a_scenario_that_failed_then_passed_flaky(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """A call scripted to fail on its first attempt only: rerun_failed reruns it once and the scenario is
    flaky; the default flaky='fail' fails the verdict, flaky='pass' would not."""
    flaky = emulator.seed.scenario_ids[0]
    emulator.script(flaky, call="failed", attempt=1)
    execution = finished(emulated, emulator)
    first = emulated.executions.report(execution, run_test_id=emulator.seed.run_test_id)
    assert first.passed is False
    final = emulated.executions.rerun_failed(first, run_test_id=emulator.seed.run_test_id, rounds=2, **WAIT)
    assert [s.scenario_id for s in final.flaky_scenarios] == [flaky]
    assert (final.passed, final.reruns) == (False, 1)
    assert final.flaky_scenarios[0].first_calls[0].status == "failed"


def test_rerun_failed_with_flaky_pass_passes(emulated: SimulateClient, emulator: Emulator) -> None:
    """The same flaky scenario with flaky='pass': the verdict passes on the rerun's results."""
    emulator.script(emulator.seed.scenario_ids[0], call="failed", attempt=1)
    first = emulated.executions.report(finished(emulated, emulator), run_test_id=emulator.seed.run_test_id)
    final = emulated.executions.rerun_failed(
        first, run_test_id=emulator.seed.run_test_id, rounds=1, flaky="pass", **WAIT
    )
    assert final.passed is True


@pytest.mark.anyio
async def test_the_async_rerun_failed_marks_flaky_too(
    aemulated: AsyncSimulateClient, emulator: Emulator
) -> None:
    """The async client's rerun_failed reruns and judges the same way."""
    emulator.script(emulator.seed.scenario_ids[0], call="failed", attempt=1)
    execution = await aemulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    await aemulated.executions.wait(execution.execution_id, **FAST)
    first = await aemulated.executions.report(execution.execution_id, run_test_id=emulator.seed.run_test_id)
    final = await aemulated.executions.rerun_failed(
        first, run_test_id=emulator.seed.run_test_id, rounds=1, **WAIT
    )
    assert len(final.flaky_scenarios) == 1


@pytest.mark.parametrize(("argument", "extra"), [("rounds", {"rounds": -1}), ("flaky", {"flaky": "maybe"})])
def test_rerun_failed_refuses_bad_arguments_before_anything_is_sent(
    emulated: SimulateClient, emulator: Emulator, argument: str, extra: dict[str, Any]
) -> None:
    """A negative rounds or an unknown flaky policy: InvalidArgumentError naming it, no rerun sent."""
    first = emulated.executions.report(finished(emulated, emulator), run_test_id=emulator.seed.run_test_id)
    kwargs: dict[str, Any] = {"rounds": 1, **extra}
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.rerun_failed(first, run_test_id=emulator.seed.run_test_id, **kwargs, **WAIT)
    assert caught.value.argument == argument
    assert emulator.request_count("rerunCalls") == 0


def test_rerun_failed_judges_the_rerun_with_the_first_verdicts_thresholds(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """Failed, then 0.1 on the rerun (others 0.8, 0.7), min_score 0.75: rerun_failed keeps it and fails."""
    first_id, *others = emulator.seed.scenario_ids
    emulator.script(first_id, call="failed", attempt=1)
    emulator.script(first_id, evals={"Issue resolved": 0.1}, attempt=2)
    for scenario, score in zip(others, (0.8, 0.7), strict=True):
        emulator.script(scenario, evals={"Issue resolved": score})
    thresholds = Thresholds(min_score={"Issue resolved": 0.75})
    first = emulated.executions.report(
        finished(emulated, emulator), run_test_id=emulator.seed.run_test_id, thresholds=thresholds
    )
    final = emulated.executions.rerun_failed(
        first, run_test_id=emulator.seed.run_test_id, rounds=1, flaky="pass", **WAIT
    )
    assert (final.passed, final.reruns, final.thresholds) == (False, 1, thresholds)


def test_rerun_failed_refuses_thresholds_other_than_the_verdicts(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """Thresholds other than the verdict's: InvalidArgumentError naming them, no rerun sent."""
    emulator.script(emulator.seed.scenario_ids[0], call="failed", attempt=1)
    first = emulated.executions.report(
        finished(emulated, emulator),
        run_test_id=emulator.seed.run_test_id,
        thresholds=Thresholds(min_score={"Issue resolved": 0.75}),
    )
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.rerun_failed(
            first, run_test_id=emulator.seed.run_test_id, rounds=1, thresholds=Thresholds(), **WAIT
        )
    assert caught.value.argument == "thresholds"
    assert emulator.request_count("rerunCalls") == 0


@pytest.mark.anyio
async def test_the_async_rerun_failed_keeps_the_verdicts_thresholds(
    aemulated: AsyncSimulateClient, emulator: Emulator
) -> None:
    """The async rerun_failed judges the rerun under the first verdict's min_score too."""
    first_id, *others = emulator.seed.scenario_ids
    emulator.script(first_id, call="failed", attempt=1)
    emulator.script(first_id, evals={"Issue resolved": 0.1}, attempt=2)
    for scenario, score in zip(others, (0.8, 0.7), strict=True):
        emulator.script(scenario, evals={"Issue resolved": score})
    thresholds = Thresholds(min_score={"Issue resolved": 0.75})
    execution = await aemulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    await aemulated.executions.wait(execution.execution_id, **FAST)
    first = await aemulated.executions.report(
        execution.execution_id, run_test_id=emulator.seed.run_test_id, thresholds=thresholds
    )
    final = await aemulated.executions.rerun_failed(
        first, run_test_id=emulator.seed.run_test_id, rounds=1, flaky="pass", **WAIT
    )
    assert (final.passed, final.thresholds) == (False, thresholds)
