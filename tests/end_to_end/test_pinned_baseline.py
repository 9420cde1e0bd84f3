"""A copy pinned to an agent version judged against a baseline of its original, through the Python API
against the emulator (``executions.report(..., baseline=..., baseline_run_test_id=...)``)."""

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
TONE = Thresholds(min_pass_rate={"Tone check": 0.5})


def finished(client: SimulateClient, run_test_id: uuid.UUID, selection: Selection | None = None) -> uuid.UUID:
    """One execution of the run test (every scenario unless ``selection``), waited for; its id."""
    execution = client.run_tests.execute(run_test_id, selection=selection or Selection.all())
    client.executions.wait(execution.execution_id, **FAST)
    return execution.execution_id


def copy_of(client: SimulateClient, emu: Emulator) -> uuid.UUID:
    """The seeded run test's copy pinned to v2."""
    _, v2 = emu.seed.agent_version_ids
    return client.run_tests.clone(emu.seed.run_test_id, agent_version_id=v2).id


@pytest.mark.parametrize("emulator", ["oss", "docs"], indirect=True)
def test_a_copy_is_compared_with_a_baseline_of_its_original(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """The original passed; its copy fails Tone check on one scenario: newly failing, the verdict fails."""
    seed = emulator.seed
    baseline = finished(emulated, seed.run_test_id)
    copy = copy_of(emulated, emulator)
    emulator.script(seed.scenario_ids[0], evals={"Tone check": False})
    now = finished(emulated, copy)
    verdict = emulated.executions.report(
        now, run_test_id=copy, thresholds=TONE, baseline=baseline, baseline_run_test_id=seed.run_test_id
    )
    assert verdict.passed is False
    assert verdict.baseline is not None
    assert [s.scenario_id for s in verdict.baseline.newly_failing] == [seed.scenario_ids[0]]
    tone = next(e for e in verdict.baseline.evals if e.name == "Tone check")
    assert tone.baseline_value == 1.0


def test_a_baseline_of_the_original_without_naming_it_is_refused(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """baseline_run_test_id left out: the baseline is not one of the copy's executions, refused."""
    baseline = finished(emulated, emulator.seed.run_test_id)
    copy = copy_of(emulated, emulator)
    now = finished(emulated, copy)
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.report(now, run_test_id=copy, baseline=baseline)
    assert caught.value.argument == "baseline"
    assert "is not one of run test" in caught.value.rule


def test_a_run_test_that_is_not_the_copys_original_is_refused(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """baseline_run_test_id naming another copy (not the original): refused with the reason."""
    copy, other = copy_of(emulated, emulator), copy_of(emulated, emulator)
    baseline = finished(emulated, other)
    now = finished(emulated, copy)
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.report(now, run_test_id=copy, baseline=baseline, baseline_run_test_id=other)
    assert caught.value.argument == "baseline_run_test_id"
    assert "neither run test" in caught.value.rule


def test_a_copy_with_another_set_of_eval_configs_is_refused(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """An eval config added to the copy: the configs do not match by name and template, refused."""
    baseline = finished(emulated, emulator.seed.run_test_id)
    copy = copy_of(emulated, emulator)
    emulator.add_eval_config(copy, "Politeness")
    now = finished(emulated, copy)
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.report(
            now, run_test_id=copy, baseline=baseline, baseline_run_test_id=emulator.seed.run_test_id
        )
    assert caught.value.argument == "baseline"
    assert "matched by name and template" in caught.value.rule
    assert "'Politeness'" in caught.value.rule


def test_a_baseline_of_the_original_with_no_scenario_in_common_is_refused(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """The original ran only the first scenario, the copy every other one: refused."""
    seed = emulator.seed
    first = seed.scenario_ids[0]
    baseline = finished(emulated, seed.run_test_id, Selection.all_except(seed.scenario_ids[1:]))
    copy = copy_of(emulated, emulator)
    now = finished(emulated, copy, Selection.all_except([first]))
    with pytest.raises(InvalidArgumentError) as caught:
        emulated.executions.report(
            now, run_test_id=copy, baseline=baseline, baseline_run_test_id=seed.run_test_id
        )
    assert "no scenario in common" in caught.value.rule


@pytest.mark.anyio
async def test_the_async_report_compares_a_copy_with_its_original_too(
    aemulated: AsyncSimulateClient, emulated: SimulateClient, emulator: Emulator
) -> None:
    """AsyncExecutions.report takes baseline_run_test_id as the sync one does."""
    seed = emulator.seed
    baseline = finished(emulated, seed.run_test_id)
    copy = copy_of(emulated, emulator)
    now = finished(emulated, copy)
    verdict = await aemulated.executions.report(
        now, run_test_id=copy, thresholds=TONE, baseline=baseline, baseline_run_test_id=seed.run_test_id
    )
    assert verdict.passed is True
    assert verdict.baseline is not None
    assert {s.change for s in verdict.baseline.scenarios} == {"still passing"}
