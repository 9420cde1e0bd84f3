"""Issue 25 through the Python API against the emulator, both dialects: a baseline, the cost."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    InvalidArgumentError,
    Selection,
    SimulateClient,
    Thresholds,
)
from futureagi_simulate.testing import Emulator

FAST: dict[str, Any] = {"timeout": 30.0, "poll_interval": 0.001, "max_poll_interval": 0.001}


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
