"""agent_definitions over real HTTP: list and iter, get, create (casing, checks, never resent), and no
agent secret in a model, a repr, a pickle or an error."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    AgentVersionSummary,
    APIResponseValidationError,
    AsyncSimulateClient,
    BadRequestError,
    InternalServerError,
    InvalidArgumentError,
    SimulateClient,
)
from tests.data import AGENT, API_KEY, SECRET_KEY, error, new_id, unknown_fields
from tests.server import RecordingServer, Reply

LIST = "/simulate/agent-definitions/"
CREATE = "/simulate/agent-definitions/create/"
PROVIDER_KEY = "sk-provider-9f8e7d6c5b4a"
LIVEKIT_KEY = "APIlivekit7f6e5d4c"
HEADER_TOKEN = "Bearer ws-token-3c2b1a0f9e"


def agent(agent_id: str = AGENT, **extra: Any) -> dict[str, Any]:
    return {
        "id": agent_id,
        "agent_name": "Support bot",
        "agent_type": "voice",
        "provider": "vapi",
        "api_key": "sk-p****5b4a",
        "livekit_api_key": "",
        "websocket_headers": {},
        "created_at": "2026-11-01T10:00:00Z",
        **extra,
    }


def agents_page(ids: list[str], *, number: int, pages: int, count: int) -> dict[str, Any]:
    return {
        "count": count,
        "next": None if number == pages else f"http://elsewhere/?page={number + 1}",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [{"id": i, "agent_name": "a", "latest_version": 1} for i in ids],
    }


def created(**extra: Any) -> dict[str, Any]:
    return {"message": "Agent definition created successfully", "agent": agent(**extra)}


# -- list, iter, get ----------------------------------------------------------------------------------------


def test_list_sends_only_given_parameters(client: SimulateClient, server: RecordingServer) -> None:
    """list sends no query by default; search, agent_type, first (agent_definition_id), page, limit as
    given."""
    first = new_id()
    server.reply(Reply(200, agents_page([AGENT], number=1, pages=1, count=1)))
    server.reply(Reply(200, agents_page([first], number=1, pages=1, count=1)))
    page = client.agent_definitions.list()
    client.agent_definitions.list(search="support", agent_type="voice", first=first, page=1, limit=5)
    one, two = server.requests
    assert (one.path, dict(one.query)) == (LIST, {})
    assert dict(two.query) == {
        "search": ["support"],
        "agent_type": ["voice"],
        "agent_definition_id": [first],
        "page": ["1"],
        "limit": ["5"],
    }
    assert page.results[0].latest_version == 1


def test_iter_reads_pages_by_number(client: SimulateClient, server: RecordingServer) -> None:
    """iter asks page 1 and 2 at page_size and stops on the last page."""
    other = new_id()
    server.reply(
        Reply(200, agents_page([AGENT], number=1, pages=2, count=2)),
        Reply(200, agents_page([other], number=2, pages=2, count=2)),
    )
    assert [str(a.id) for a in client.agent_definitions.iter(agent_type="text", page_size=1)] == [
        AGENT,
        other,
    ]
    assert [r.query["page"] for r in server.requests] == [["1"], ["2"]]
    assert all(r.query["agent_type"] == ["text"] for r in server.requests)


def test_get_reads_the_agent_with_its_versions(client: SimulateClient, server: RecordingServer) -> None:
    """get reads the agent, its versions, active version and version count."""
    v1 = new_id()
    row = {"id": v1, "version_number": 1, "version_name": "v1"}
    server.reply(Reply(200, agent(versions=[row], active_version=row, version_count=1)))
    got = client.agent_definitions.get(AGENT)
    assert server.requests[0].path == f"{LIST}{AGENT}/"
    assert isinstance(got.active_version, AgentVersionSummary)
    assert isinstance(got.versions, list)
    assert (got.version_count, got.active_version.id, [v.id for v in got.versions]) == (
        1,
        uuid.UUID(v1),
        [uuid.UUID(v1)],
    )


def test_get_refuses_an_answer_about_another_agent(client: SimulateClient, server: RecordingServer) -> None:
    """An agent answered for another id than the one asked is refused."""
    server.reply(Reply(200, agent(new_id())))
    with pytest.raises(APIResponseValidationError):
        client.agent_definitions.get(AGENT)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.agent_definitions.list(agent_type="chat"), "agent_type"),
        (lambda c: c.agent_definitions.list(search=3), "search"),
        (lambda c: c.agent_definitions.list(search="x" * 1001), "search"),
        (lambda c: c.agent_definitions.list(first="me"), "first"),
        (lambda c: c.agent_definitions.list(limit=0), "limit"),
        (lambda c: c.agent_definitions.iter(page_size=0), "page_size"),
        (lambda c: c.agent_definitions.get("bot"), "agent_id"),
    ],
)
def test_reads_check_their_arguments(
    client: SimulateClient, server: RecordingServer, call: Any, field: str
) -> None:
    """A bad filter, page size or id is InvalidArgumentError naming it; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert caught.value.argument == field
    assert server.requests == []


# -- create -------------------------------------------------------------------------------------------------


def test_create_sends_camel_case(client: SimulateClient, server: RecordingServer) -> None:
    """create posts name, type, commit message and the configuration in camelCase."""
    server.reply(Reply(201, created()))
    got = client.agent_definitions.create(
        agent_name="Support chat",
        agent_type="text",
        commit_message="Initial version",
        configuration={"description": "Chat", "websocket_url": "wss://agent.example/ws"},
    )
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", CREATE)
    assert sent.json() == {
        "agentName": "Support chat",
        "agentType": "text",
        "description": "Chat",
        "websocketUrl": "wss://agent.example/ws",
        "commitMessage": "Initial version",
    }
    assert got.id == uuid.UUID(AGENT)


def test_create_reads_a_camel_case_agent(client: SimulateClient, server: RecordingServer) -> None:
    """The documented answer's camelCase agent keys are read under their snake_case names."""
    body = {"id": AGENT, "agentName": "Support chat", "agentType": "text", "apiKey": PROVIDER_KEY}
    server.reply(Reply(201, {"message": "ok", "agent": body}))
    got = client.agent_definitions.create(agent_name="Support chat", agent_type="text", commit_message="m")
    assert (got.agent_name, got.agent_type, got.api_key) == ("Support chat", "text", "[REDACTED]")


def test_create_falls_back_to_snake_case_once(client: SimulateClient, server: RecordingServer) -> None:
    """A 400 naming camelCase keys unknown created nothing: the create is resent once in snake_case."""
    server.reply(Reply(400, unknown_fields("agentName", "agentType", "commitMessage")), Reply(201, created()))
    client.agent_definitions.create(agent_name="Bot", agent_type="text", commit_message="m")
    assert server.requests[1].json() == {"agent_name": "Bot", "agent_type": "text", "commit_message": "m"}


def test_create_is_never_resent_after_a_500(server: RecordingServer) -> None:
    """A create that failed on the server (it may have made the agent) is sent once."""
    server.reply(Reply(500, error("server_error", "server_error", "Failed to create agent definition: boom")))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=3) as client:
        with pytest.raises(InternalServerError, match="boom"):
            client.agent_definitions.create(agent_name="Bot", agent_type="text", commit_message="m")
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"agent_name": "", "agent_type": "text", "commit_message": "m"}, "configuration.agent_name"),
        ({"agent_name": "B", "agent_type": "robot", "commit_message": "m"}, "agent_type"),
        ({"agent_name": "B", "agent_type": "text", "commit_message": ""}, "commit_message"),
        (
            {
                "agent_name": "B",
                "agent_type": "text",
                "commit_message": "m",
                "configuration": {"agent_name": "C"},
            },
            "configuration.agent_name",
        ),
        (
            {
                "agent_name": "B",
                "agent_type": "text",
                "commit_message": "m",
                "configuration": {"websocket_headers": "x"},
            },
            "configuration.websocket_headers",
        ),
        (
            {
                "agent_name": "B",
                "agent_type": "text",
                "commit_message": "m",
                "configuration": {"replay_session_id": "r"},
            },
            "configuration.replay_session_id",
        ),
        (
            {
                "agent_name": "B",
                "agent_type": "text",
                "commit_message": "m",
                "configuration": {"colour": "red"},
            },
            "configuration.colour",
        ),
    ],
)
def test_create_checks_each_argument_before_sending(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], field: str
) -> None:
    """Each bad argument is InvalidArgumentError naming it; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.agent_definitions.create(**arguments)
    assert caught.value.argument == field
    assert server.requests == []


# -- secrets ------------------------------------------------------------------------------------------------


def test_secrets_in_an_answer_never_reach_the_model(client: SimulateClient, server: RecordingServer) -> None:
    """api_key, livekit_api_key and websocket_headers answered by the server are [REDACTED] in the model."""
    server.reply(
        Reply(
            200,
            agent(
                api_key=PROVIDER_KEY,
                livekit_api_key=LIVEKIT_KEY,
                websocket_headers={"Authorization": HEADER_TOKEN},
            ),
        )
    )
    got = client.agent_definitions.get(AGENT)
    assert (got.api_key, got.livekit_api_key) == ("[REDACTED]", "[REDACTED]")
    assert got.websocket_headers.additional_properties == {"Authorization": "[REDACTED]"}  # type: ignore[union-attr]
    for text in (repr(got), str(got.to_dict()), pickle.dumps(got).decode("latin-1")):
        for secret in (PROVIDER_KEY, LIVEKIT_KEY, HEADER_TOKEN):
            assert secret not in text


def test_empty_secrets_stay_empty(client: SimulateClient, server: RecordingServer) -> None:
    """An empty api_key (none set) is kept empty, so it still tells that no key is set."""
    server.reply(Reply(200, agent(api_key="", websocket_headers={})))
    got = client.agent_definitions.get(AGENT)
    assert (got.api_key, got.livekit_api_key) == ("", "")


def test_list_rows_are_redacted_too(client: SimulateClient, server: RecordingServer) -> None:
    """A list row that carries websocket headers has them [REDACTED]."""
    row = {"id": AGENT, "websocket_headers": {"Authorization": HEADER_TOKEN}}
    server.reply(Reply(200, {"count": 1, "next": None, "previous": None, "results": [row]}))
    (got,) = client.agent_definitions.list().results
    assert got.websocket_headers.additional_properties == {"Authorization": "[REDACTED]"}  # type: ignore[union-attr]
    assert HEADER_TOKEN not in repr(got)


def test_secrets_sent_never_reach_an_error(client: SimulateClient, server: RecordingServer) -> None:
    """A server that quotes the secrets of a create gets them [REDACTED] in the error and its pickle."""
    sentence = f"bad key {PROVIDER_KEY}; bad header {HEADER_TOKEN}; bad livekit {LIVEKIT_KEY}"
    server.reply(Reply(400, error("validation_error", "invalid", sentence)))
    configuration = {
        "api_key": PROVIDER_KEY,
        "livekit_api_key": LIVEKIT_KEY,
        "websocket_headers": {"Authorization": HEADER_TOKEN},
        "provider": "livekit",
    }
    with pytest.raises(BadRequestError) as caught:
        client.agent_definitions.create(
            agent_name="B", agent_type="voice", commit_message="m", configuration=configuration
        )
    exc = caught.value
    for text in (str(exc), repr(exc.body), pickle.dumps(exc).decode("latin-1")):
        for secret in (PROVIDER_KEY, LIVEKIT_KEY, HEADER_TOKEN):
            assert secret not in text


# -- async --------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_agent_definitions(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client lists, iterates, reads and creates like the sync one."""
    server.reply(
        Reply(200, agents_page([AGENT], number=1, pages=1, count=1)),
        Reply(200, agents_page([AGENT], number=1, pages=1, count=1)),
        Reply(200, agent(api_key=PROVIDER_KEY)),
        Reply(201, created()),
    )
    page = await aclient.agent_definitions.list(limit=1)
    walked = [str(a.id) async for a in aclient.agent_definitions.iter()]
    got = await aclient.agent_definitions.get(AGENT)
    made = await aclient.agent_definitions.create(agent_name="B", agent_type="text", commit_message="m")
    assert (page.count, walked, got.api_key, made.id) == (1, [AGENT], "[REDACTED]", uuid.UUID(AGENT))
    assert [r.method for r in server.requests] == ["GET", "GET", "GET", "POST"]


@pytest.mark.parametrize(
    "broken",
    [{"created_at": 5}, {"api_key": {"value": PROVIDER_KEY}}, {"agent_name": ["x"]}],
    ids=["another field's type", "a secret of the wrong type", "a name of the wrong type"],
)
def test_an_answer_that_cannot_be_read_keeps_its_secrets_out_of_the_error(
    client: SimulateClient, server: RecordingServer, broken: dict[str, Any]
) -> None:
    """An agent answer that fails the parse has its secrets [REDACTED] in the error's text, body, pickle."""
    answer = agent(livekit_api_key=LIVEKIT_KEY, websocket_headers={"Authorization": HEADER_TOKEN})
    answer.update({"api_key": PROVIDER_KEY, **broken})
    server.reply(Reply(200, answer))
    with pytest.raises(APIResponseValidationError) as caught:
        client.agent_definitions.get(AGENT)
    exc = caught.value
    for text in (str(exc), repr(exc), repr(exc.body), pickle.dumps(exc).decode("latin-1")):
        for secret in (PROVIDER_KEY, LIVEKIT_KEY, HEADER_TOKEN):
            assert secret not in text
