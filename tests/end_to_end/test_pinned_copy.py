"""run_tests.clone against the emulator, in both dialects: the copy runs the original's scenarios and
evals against the pinned agent version, the original stays as it was, and a failed create leaves nothing."""

from __future__ import annotations

import uuid

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    BadRequestError,
    CloneError,
    InternalServerError,
    NotFoundError,
    Selection,
    SimulateClient,
    Thresholds,
)
from futureagi_simulate.testing import Emulator, Fault


def _names(client: SimulateClient) -> list[str]:
    return [run.name for run in client.run_tests.iter()]


def test_the_copy_has_the_originals_scenarios_and_evals_on_the_version(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """Same scenarios, rows and eval config names and templates; pinned to v2; the original on v1."""
    seed = emulator.seed
    v1, v2 = seed.agent_version_ids
    before = emulated.run_tests.get(seed.run_test_id)
    copy = emulated.run_tests.clone(seed.run_test_id, agent_version_id=v2)
    assert copy.id != before.id
    assert sorted(copy.scenarios) == sorted(before.scenarios)  # type: ignore[arg-type]
    assert copy.agent_definition == before.agent_definition
    assert copy.agent_version.id == v2  # type: ignore[union-attr]
    assert sorted((e.name, e.template_id) for e in copy.simulate_eval_configs_detail) == sorted(  # type: ignore[union-attr]
        (e.name, e.template_id)
        for e in before.simulate_eval_configs_detail  # type: ignore[union-attr]
    )
    after = emulated.run_tests.get(seed.run_test_id)
    assert after.agent_version.id == v1  # type: ignore[union-attr]
    assert after.to_dict() == before.to_dict()


def test_the_copy_runs_its_scenarios_against_the_pinned_version(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """A scenario scripted to fail on v2 fails on the copy, and still passes on the original (v1)."""
    seed = emulator.seed
    _, v2 = seed.agent_version_ids
    emulator.script(seed.scenario_ids[0], evals={"Tone check": False}, agent_version=v2)
    copy = emulated.run_tests.clone(seed.run_test_id, agent_version_id=v2)
    thresholds = Thresholds(min_pass_rate={"Tone check": 1.0})
    on_copy = emulated.run_tests.execute(copy.id, selection=Selection.all())
    emulated.executions.wait(on_copy.execution_id, timeout=30, poll_interval=0.01)
    assert not emulated.executions.report(
        on_copy.execution_id, run_test_id=copy.id, thresholds=thresholds
    ).passed
    on_original = emulated.run_tests.execute(seed.run_test_id, selection=Selection.all())
    emulated.executions.wait(on_original.execution_id, timeout=30, poll_interval=0.01)
    verdict = emulated.executions.report(
        on_original.execution_id, run_test_id=seed.run_test_id, thresholds=thresholds
    )
    assert verdict.passed


def test_a_deleted_copy_is_gone(emulated: SimulateClient, emulator: Emulator) -> None:
    """After delete: the copy is a 404 and no longer listed; the original is untouched."""
    seed = emulator.seed
    copy = emulated.run_tests.clone(seed.run_test_id, agent_version_id=seed.agent_version_ids[1], name="gone")
    emulated.run_tests.delete(copy.id)
    with pytest.raises(NotFoundError):
        emulated.run_tests.get(copy.id)
    assert "gone" not in _names(emulated)
    emulated.run_tests.get(seed.run_test_id)


def test_a_create_refused_by_the_server_leaves_nothing(emulated: SimulateClient, emulator: Emulator) -> None:
    """An injected 500 on the create: the server's error, and no run test made."""
    seed = emulator.seed
    before = _names(emulated)
    emulator.inject("createRunTest", Fault.server_error(500))
    with pytest.raises(InternalServerError, match="Injected fault: HTTP 500"):
        emulated.run_tests.clone(seed.run_test_id, agent_version_id=seed.agent_version_ids[1])
    assert _names(emulated) == before


def test_a_create_whose_answer_is_lost_is_found_and_deleted(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """The create is handled and its connection dropped: the copy it made is found by name and deleted."""
    seed = emulator.seed
    before = _names(emulated)
    emulator.inject("createRunTest", Fault.drop())
    with pytest.raises(CloneError) as raised:
        emulated.run_tests.clone(seed.run_test_id, agent_version_id=seed.agent_version_ids[1], name="lost")
    assert "the create's answer was lost: the run test it had made" in str(raised.value)
    assert raised.value.left_run_test_id is None
    assert _names(emulated) == before


def test_a_version_of_no_agent_is_refused_and_leaves_nothing(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """An agent version id the server does not know: the create's refusal, no run test made."""
    seed = emulator.seed
    before = _names(emulated)
    unknown = uuid.uuid4()
    with pytest.raises(BadRequestError, match=f'Agent version "{unknown}" not found'):
        emulated.run_tests.clone(seed.run_test_id, agent_version_id=unknown)
    assert _names(emulated) == before


@pytest.mark.anyio
async def test_the_async_clone_makes_the_same_copy(
    aemulated: AsyncSimulateClient, emulator: Emulator
) -> None:
    """AsyncRunTests.clone pins a copy as the sync one does, and it can be deleted."""
    seed = emulator.seed
    copy = await aemulated.run_tests.clone(seed.run_test_id, agent_version_id=seed.agent_version_ids[1])
    assert copy.agent_version.id == seed.agent_version_ids[1]  # type: ignore[union-attr]
    await aemulated.run_tests.delete(copy.id)
    with pytest.raises(NotFoundError):
        await aemulated.run_tests.get(copy.id)
