"""scenarios over real HTTP: list, iter and get."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    AsyncSimulateClient,
    InvalidArgumentError,
    NotFoundError,
    SimulateClient,
)
from tests.data import AGENT, S1, S2, error
from tests.server import RecordingServer, Reply

LIST = "/simulate/scenarios/"


def scenario(scenario_id: str = S1, **extra: Any) -> dict[str, Any]:
    return {
        "id": scenario_id,
        "name": "Angry customer",
        "status": "Completed",
        "dataset_column_config": [],
        **extra,
    }


def scenarios_page(ids: list[str], *, number: int, pages: int, count: int) -> dict[str, Any]:
    return {
        "count": count,
        "next": None if number == pages else f"http://elsewhere/?page={number + 1}",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [scenario(i) for i in ids],
    }


def test_list_sends_only_given_parameters(client: SimulateClient, server: RecordingServer) -> None:
    """list sends no query by default, and search, agent_definition_id, agent_type, page, limit as given."""
    server.reply(Reply(200, scenarios_page([S1], number=1, pages=1, count=1)))
    server.reply(Reply(200, scenarios_page([S1], number=1, pages=1, count=1)))
    page = client.scenarios.list()
    client.scenarios.list(search="angry", agent_definition_id=AGENT, agent_type="text", page=1, limit=3)
    one, two = server.requests
    assert (one.path, dict(one.query)) == (LIST, {})
    assert dict(two.query) == {
        "search": ["angry"],
        "agent_definition_id": [AGENT],
        "agent_type": ["text"],
        "page": ["1"],
        "limit": ["3"],
    }
    assert (page.count, page.results[0].status) == (1, "Completed")


def test_iter_reads_pages_by_number(client: SimulateClient, server: RecordingServer) -> None:
    """iter asks page 1 and 2 at page_size and stops on the last page."""
    server.reply(
        Reply(200, scenarios_page([S1], number=1, pages=2, count=2)),
        Reply(200, scenarios_page([S2], number=2, pages=2, count=2)),
    )
    assert [str(s.id) for s in client.scenarios.iter(agent_type="voice", page_size=1)] == [S1, S2]
    assert [r.query["page"] for r in server.requests] == [["1"], ["2"]]


def test_get_reads_the_scenario_and_keeps_unknown_keys(
    client: SimulateClient, server: RecordingServer
) -> None:
    """get asks for the scenario by id and keeps keys the document does not know."""
    server.reply(Reply(200, scenario(personas=["calm"])))
    got = client.scenarios.get(uuid.UUID(S1))
    assert server.requests[0].path == f"{LIST}{S1}/"
    assert (got.name, got.additional_properties) == ("Angry customer", {"personas": ["calm"]})


def test_get_refuses_an_answer_about_another_scenario(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A scenario answered for another id than the one asked is refused."""
    server.reply(Reply(200, scenario(S2)))
    with pytest.raises(APIResponseValidationError):
        client.scenarios.get(S1)


def test_unknown_scenario_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """A 404 is NotFoundError with the server's sentence."""
    server.reply(Reply(404, error("not_found", "not_found", "Scenario not found")))
    with pytest.raises(NotFoundError, match="Scenario not found"):
        client.scenarios.get(S1)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.scenarios.list(agent_type="chat"), "agent_type"),
        (lambda c: c.scenarios.list(agent_definition_id="bot"), "agent_definition_id"),
        (lambda c: c.scenarios.list(search=1), "search"),
        (lambda c: c.scenarios.list(page=0), "page"),
        (lambda c: c.scenarios.iter(page_size=-1), "page_size"),
        (lambda c: c.scenarios.get("angry"), "scenario_id"),
    ],
)
def test_arguments_are_checked_before_sending(
    client: SimulateClient, server: RecordingServer, call: Any, field: str
) -> None:
    """A bad filter, page, page size or id is InvalidArgumentError naming it; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert caught.value.argument == field
    assert server.requests == []


@pytest.mark.anyio
async def test_async_scenarios(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client lists, iterates and reads scenarios like the sync one."""
    server.reply(
        Reply(200, scenarios_page([S1, S2], number=1, pages=1, count=2)),
        Reply(200, scenarios_page([S1, S2], number=1, pages=1, count=2)),
        Reply(200, scenario()),
    )
    page = await aclient.scenarios.list()
    walked = [str(s.id) async for s in aclient.scenarios.iter()]
    got = await aclient.scenarios.get(S1)
    assert (page.count, walked, str(got.id)) == (2, [S1, S2], S1)
