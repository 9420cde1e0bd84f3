"""The client against the emulator, in both dialects, sync and async: agent definitions listed, read and
created, with their secrets never in a model."""

from __future__ import annotations

import pickle

import pytest

from futureagi_simulate import AsyncSimulateClient, NotFoundError, SimulateClient
from futureagi_simulate.testing import Emulator

PROVIDER_KEY = "sk-provider-9f8e7d6c5b4a"
HEADER_TOKEN = "Bearer ws-token-3c2b1a0f9e"


def test_list_and_get_the_seeded_agents(emulated: SimulateClient, emulator: Emulator) -> None:
    """The seed's agents are listed; get shows the first one's two versions, v1 active."""
    seed = emulator.seed
    assert {a.id for a in emulated.agent_definitions.iter(page_size=1)} == set(seed.agent_definition_ids)
    agent = emulated.agent_definitions.get(seed.agent_definition_ids[0])
    assert agent.version_count == 2
    assert agent.active_version.id == seed.agent_version_ids[0]  # type: ignore[union-attr]
    assert [a.agent_name for a in emulated.agent_definitions.list(agent_type="text").results] == [
        "Sales chat"
    ]


def test_created_agent_keeps_no_secret(emulated: SimulateClient, emulator: Emulator) -> None:
    """A created agent is listed first and read back; its secrets are [REDACTED] in every model."""
    created = emulated.agent_definitions.create(
        agent_name="Support chat",
        agent_type="text",
        commit_message="Initial version",
        configuration={"api_key": PROVIDER_KEY, "websocket_headers": {"Authorization": HEADER_TOKEN}},
    )
    assert created.agent_name == "Support chat"
    assert emulated.agent_definitions.list(limit=1).results[0].id == created.id
    got = emulated.agent_definitions.get(created.id)
    assert got.api_key == "[REDACTED]"
    for model in (created, got, emulated.agent_definitions.list().results[0]):
        for text in (repr(model), pickle.dumps(model).decode("latin-1")):
            assert PROVIDER_KEY not in text
            assert HEADER_TOKEN not in text
    version = emulated.agent_versions.list(created.id).results[0]
    assert (version.version_name, version.is_active) == ("v1", True)


def test_unknown_agent_is_not_found(emulated: SimulateClient, emulator: Emulator) -> None:
    """get of an agent version's id as an agent's is NotFoundError."""
    with pytest.raises(NotFoundError, match="Agent definition not found"):
        emulated.agent_definitions.get(emulator.seed.agent_version_ids[0])


@pytest.mark.anyio
async def test_async_agent_definitions(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client lists, creates and reads agent definitions like the sync one."""
    created = await aemulated.agent_definitions.create(
        agent_name="Async agent", agent_type="text", commit_message="c"
    )
    page = await aemulated.agent_definitions.list(search="async")
    walked = [a.id async for a in aemulated.agent_definitions.iter()]
    got = await aemulated.agent_definitions.get(created.id)
    assert [a.id for a in page.results] == [created.id]
    assert walked[0] == created.id
    assert got.version_count == 1
