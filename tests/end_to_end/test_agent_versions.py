"""The client against the emulator, in both dialects, sync and async: an agent definition's versions,
a created version pinned by a new run test and run, and its eval summary."""

from __future__ import annotations

import pytest

from futureagi_simulate import AsyncSimulateClient, NotFoundError, Selection, SimulateClient
from futureagi_simulate.testing import Emulator

PROVIDER_KEY = "sk-provider-9f8e7d6c5b4a"


def test_list_and_iter_show_the_seeded_versions(emulated: SimulateClient, emulator: Emulator) -> None:
    """The seed's first agent has v2 then v1, on one page and walked one at a time."""
    agent = emulator.seed.agent_definition_ids[0]
    page = emulated.agent_versions.list(agent)
    assert [v.id for v in page.results] == list(reversed(emulator.seed.agent_version_ids))
    assert [v.version_name for v in emulated.agent_versions.iter(agent, page_size=1)] == ["v2", "v1"]


def test_created_version_is_pinned_and_run(emulated: SimulateClient, emulator: Emulator) -> None:
    """A created version is listed, a run test created with it runs with it, and its summary counts it."""
    seed = emulator.seed
    agent = seed.agent_definition_ids[0]
    created = emulated.agent_versions.create(
        agent,
        commit_message="From the pull request",
        configuration={"model": "gpt-4o", "api_key": PROVIDER_KEY},
    )
    assert created.version_name == "v3"
    assert created.configuration_snapshot.additional_properties["api_key"] == "[REDACTED]"  # type: ignore[union-attr]
    assert next(iter(emulated.agent_versions.iter(agent))).id == created.id
    run = emulated.run_tests.create(
        name="Pinned", agent_definition_id=agent, scenario_ids=seed.scenario_ids, agent_version=created.id
    )
    assert run.agent_version.id == created.id  # type: ignore[union-attr]
    execution = emulated.run_tests.execute(run.id, selection=Selection.all())
    emulated.executions.wait(execution.execution_id, timeout=30, poll_interval=0.01)
    assert emulator.execution_agent_version(execution.execution_id) == created.id
    assert emulated.agent_versions.get(agent, created.id).commit_message == "From the pull request"
    # The new run test has no eval configs: its calls judge nothing, so the summary is empty.
    assert emulated.agent_versions.eval_summary(agent, created.id).evals == ()


def test_version_eval_summary_of_the_seeded_run_test(emulated: SimulateClient, emulator: Emulator) -> None:
    """After the seeded run test ran on v1, v1's summary passes both evals on every call, in both dialects."""
    seed = emulator.seed
    execution = emulated.run_tests.execute(seed.run_test_id, selection=Selection.all())
    emulated.executions.wait(execution.execution_id, timeout=30, poll_interval=0.01)
    summary = emulated.agent_versions.eval_summary(seed.agent_definition_ids[0], seed.agent_version_ids[0])
    assert {item.template_name: item.pass_rate for item in summary.evals} == {
        "task_completion": 1.0,
        "toxicity": 1.0,
    }


def test_unknown_version_is_not_found(emulated: SimulateClient, emulator: Emulator) -> None:
    """get of a version of another agent is NotFoundError."""
    with pytest.raises(NotFoundError, match="Agent version not found"):
        emulated.agent_versions.get(emulator.seed.agent_definition_ids[1], emulator.seed.agent_version_ids[1])


@pytest.mark.anyio
async def test_async_agent_versions(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client lists, creates, reads and summarises versions like the sync one."""
    agent = emulator.seed.agent_definition_ids[0]
    created = await aemulated.agent_versions.create(agent, commit_message="Async version")
    page = await aemulated.agent_versions.list(agent, limit=1)
    walked = [v.id async for v in aemulated.agent_versions.iter(agent)]
    got = await aemulated.agent_versions.get(agent, created.id)
    summary = await aemulated.agent_versions.eval_summary(agent, created.id)
    assert (page.count, page.results[0].id, got.is_active) == (3, created.id, True)
    assert walked == [created.id, *reversed(emulator.seed.agent_version_ids)]
    assert summary.evals == ()
