"""The client against the emulator, in both dialects, sync and async: deleting a run test, pinning an agent
version through its components, and reading its call executions."""

from __future__ import annotations

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    BadRequestError,
    NotFoundError,
    Selection,
    SimulateClient,
)
from futureagi_simulate.testing import Emulator


def test_deleted_run_test_is_not_found(emulated: SimulateClient, emulator: Emulator) -> None:
    """After run_tests.delete, reading the run test or deleting it again is NotFoundError."""
    seed = emulator.seed
    run = emulated.run_tests.create(
        name="To delete", agent_definition_id=seed.agent_definition_ids[0], scenario_ids=seed.scenario_ids
    )
    emulated.run_tests.delete(run.id)
    with pytest.raises(NotFoundError, match="Run test not found"):
        emulated.run_tests.get(run.id)
    with pytest.raises(NotFoundError, match="Run test not found"):
        emulated.run_tests.delete(run.id)
    assert run.id not in {r.id for r in emulated.run_tests.iter()}
    assert emulator.request_count("deleteRunTest") == 2


def test_delete_while_an_execution_runs_is_a_bad_request_on_docs(docs: Emulator) -> None:
    """The documented dialect refuses to delete a run test whose execution has not finished."""
    with SimulateClient(api_key=docs.api_key, secret_key=docs.secret_key, base_url=docs.url) as client:
        execution = client.run_tests.execute(docs.seed.run_test_id, selection=Selection.all())
        with pytest.raises(BadRequestError, match="running executions"):
            client.run_tests.delete(execution.run_test_id)
        assert client.run_tests.get(execution.run_test_id).id == docs.seed.run_test_id


def test_update_components_pins_a_version(emulated: SimulateClient, emulator: Emulator) -> None:
    """update_components pins the seed's second version and returns the run test bound to it."""
    seed = emulator.seed
    run = emulated.run_tests.update_components(seed.run_test_id, agent_version_id=seed.agent_version_ids[1])
    assert run.agent_version.id == seed.agent_version_ids[1]  # type: ignore[union-attr]
    assert emulated.run_tests.get(seed.run_test_id).agent_version.name == "v2"  # type: ignore[union-attr]


def test_update_components_replaces_the_scenarios(emulated: SimulateClient, emulator: Emulator) -> None:
    """update_components with scenario_ids leaves the run test with exactly those scenarios."""
    seed = emulator.seed
    run = emulated.run_tests.update_components(seed.run_test_id, scenario_ids=seed.scenario_ids[1:])
    assert run.scenarios == list(seed.scenario_ids[1:])


def test_call_executions_read_every_call(emulated: SimulateClient, emulator: Emulator) -> None:
    """After one execution ran to its end, the run test's calls are its calls, on every page."""
    seed = emulator.seed
    execution = emulated.run_tests.execute(seed.run_test_id, selection=Selection.all())
    emulated.executions.wait(execution.execution_id, timeout=30, poll_interval=0.01)
    calls = list(emulated.run_tests.iter_call_executions(seed.run_test_id, page_size=2))
    assert len(calls) == 3
    assert {c.test_execution_id for c in calls} == {execution.execution_id}
    assert emulated.run_tests.call_executions(seed.run_test_id, status="completed", limit=1).count == 3


@pytest.mark.anyio
async def test_async_delete_update_and_calls(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client deletes, pins a version and reads calls like the sync one."""
    seed = emulator.seed
    run = await aemulated.run_tests.create(
        name="Async", agent_definition_id=seed.agent_definition_ids[0], scenario_ids=seed.scenario_ids
    )
    pinned = await aemulated.run_tests.update_components(run.id, agent_version_id=seed.agent_version_ids[1])
    page = await aemulated.run_tests.call_executions(run.id)
    walked = [c async for c in aemulated.run_tests.iter_call_executions(run.id)]
    await aemulated.run_tests.delete(run.id)
    with pytest.raises(NotFoundError):
        await aemulated.run_tests.get(run.id)
    assert pinned.agent_version.id == seed.agent_version_ids[1]  # type: ignore[union-attr]
    assert (page.count, walked) == (0, [])
