"""The emulator's transports: a client served in-process, sync and async, as over the socket."""

from __future__ import annotations

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    Selection,
    SimulateClient,
)
from futureagi_simulate.testing import Emulator, Fault
from tests.emulator.helpers import (
    execute,
    read_detail,
)


def test_transport_serves_a_client_without_a_socket(oss: Emulator) -> None:
    """emu.transport() lets a client run against the emulator in-process."""
    http_client = httpx.Client(transport=oss.transport(), base_url="http://emulator.localhost")
    with SimulateClient(
        api_key=oss.api_key,
        secret_key=oss.secret_key,
        base_url="http://emulator.localhost",
        http_client=http_client,
    ) as client:
        execution = client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert oss.execution_count(execution.run_test_id) == 1
    http_client.close()


@pytest.mark.anyio
async def test_async_transport_drops_like_the_socket(oss: Emulator) -> None:
    """The async transport turns a drop fault into a disconnect after the work."""
    from futureagi_simulate import AsyncSimulateClient

    oss.inject("executeRunTest", Fault.drop())
    http_client = httpx.AsyncClient(transport=oss.async_transport(), base_url="http://emulator.localhost")
    async with AsyncSimulateClient(
        api_key=oss.api_key,
        secret_key=oss.secret_key,
        base_url="http://emulator.localhost",
        http_client=http_client,
        body_casing="snake",
    ) as client:
        with pytest.raises(APIConnectionError):
            await client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    await http_client.aclose()
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_in_process_transport_serves_the_lifecycle(oss: Emulator) -> None:
    """emu.transport() serves the execution endpoints without a socket."""
    headers = {"X-Api-Key": oss.api_key, "X-Secret-Key": oss.secret_key}
    with httpx.Client(
        transport=oss.transport(), base_url="http://emulator.localhost", headers=headers
    ) as client:
        execution_id = execute(oss, client)
        assert [read_detail(client, execution_id)["status"] for _ in range(3)] == [
            "running",
            "evaluating",
            "completed",
        ]
