"""The client against the emulator, in both dialects, sync and async: the workspace's scenarios."""

from __future__ import annotations

import pytest

from futureagi_simulate import AsyncSimulateClient, NotFoundError, SimulateClient
from futureagi_simulate.testing import Emulator


def test_iter_and_get(emulated: SimulateClient, emulator: Emulator) -> None:
    """iter walks every scenario of an agent one page at a time; get tells which one cannot run yet."""
    seed = emulator.seed
    mine = {
        s.id for s in emulated.scenarios.iter(agent_definition_id=seed.agent_definition_ids[0], page_size=1)
    }
    assert mine == {*seed.scenario_ids, seed.incomplete_scenario_id}
    assert emulated.scenarios.get(seed.incomplete_scenario_id).status == "Running"
    assert emulated.scenarios.list(search="wrong").results[0].name == "Wrong number"


def test_unknown_scenario_is_not_found(emulated: SimulateClient, emulator: Emulator) -> None:
    """get of a run test's id as a scenario's is NotFoundError."""
    with pytest.raises(NotFoundError):
        emulated.scenarios.get(emulator.seed.run_test_id)


@pytest.mark.anyio
async def test_async_scenarios(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client lists, iterates and reads scenarios like the sync one."""
    seed = emulator.seed
    page = await aemulated.scenarios.list(agent_type="text")
    walked = [s.id async for s in aemulated.scenarios.iter()]
    got = await aemulated.scenarios.get(seed.scenario_ids[0])
    assert {s.id for s in page.results} == set(seed.prompt_scenario_ids)
    assert len(walked) == 7
    assert got.name == "Angry customer"
