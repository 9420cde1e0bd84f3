"""run_tests over real HTTP: delete, update_components, call_executions and iter_call_executions."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    AgentVersion,
    APIResponseValidationError,
    AsyncSimulateClient,
    BadRequestError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    SimulateClient,
)
from tests.clients import snake_client
from tests.data import AGENT, API_KEY, RUN, S1, S2, SECRET_KEY, error, new_id, run_test, unknown_fields
from tests.server import RecordingServer, Reply

DETAIL = f"/simulate/run-tests/{RUN}/"
COMPONENTS = f"/simulate/run-tests/{RUN}/components/"
CALLS = f"/simulate/run-tests/{RUN}/call-executions/"
DELETED = {"message": "Run test deleted successfully"}
UPDATED = {"message": "Test run components updated successfully"}


def call(call_id: str, scenario: str = S1, status: str = "completed") -> dict[str, Any]:
    return {"id": call_id, "status": status, "scenario": "Angry customer", "scenario_id": scenario}


def calls_page(ids: list[str], *, number: int, pages: int, count: int) -> dict[str, Any]:
    return {
        "count": count,
        "next": None if number == pages else f"http://elsewhere/?page={number + 1}",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [call(i) for i in ids],
    }


# -- delete -------------------------------------------------------------------------------------------------


def test_delete_sends_one_delete_without_a_body(client: SimulateClient, server: RecordingServer) -> None:
    """run_tests.delete sends one DELETE to the run test's path, with no body."""
    server.reply(Reply(200, DELETED))
    client.run_tests.delete(RUN)
    (sent,) = server.requests
    assert (sent.method, sent.path, sent.body) == ("DELETE", DETAIL, b"")


def test_delete_is_not_resent_after_a_500(server: RecordingServer) -> None:
    """A delete that failed on the server is sent once, even by a client that retries reads."""
    server.reply(Reply(500, error("server_error", "server_error", "Failed to delete run test: boom")))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=3) as client:
        with pytest.raises(InternalServerError) as caught:
            client.run_tests.delete(RUN)
    assert "Failed to delete run test: boom" in caught.value.message
    assert len(server.requests) == 1


def test_delete_of_an_unknown_run_test_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """A 404 on delete (unknown or already deleted) is NotFoundError with the server's sentence."""
    server.reply(Reply(404, error("not_found", "not_found", "Run test not found")))
    with pytest.raises(NotFoundError, match="Run test not found"):
        client.run_tests.delete(RUN)


def test_delete_refused_while_running_keeps_the_message(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The documented 400 for a run test whose execution runs is BadRequestError with its sentence."""
    sentence = "Run test has running executions. Wait for them to finish or cancel them first."
    server.reply(Reply(400, error("validation_error", "invalid", sentence)))
    with pytest.raises(BadRequestError, match="running executions"):
        client.run_tests.delete(RUN)


def test_delete_refuses_a_bad_id_before_sending(client: SimulateClient, server: RecordingServer) -> None:
    """A run_test_id that is no UUID is InvalidArgumentError naming it; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.delete("not-a-uuid")
    assert caught.value.argument == "run_test_id"
    assert server.requests == []


def test_delete_answer_that_is_no_object_is_a_validation_error(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 200 whose body is not a JSON object does not pass for a delete's answer."""
    server.reply(Reply(200, ["deleted"]))
    with pytest.raises(APIResponseValidationError):
        client.run_tests.delete(RUN)


# -- update_components --------------------------------------------------------------------------------------


def test_update_components_sends_camel_case_then_reads_the_run_test(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The PATCH carries only the given fields in camelCase, then a GET reads the run test back."""
    version, simulator = new_id(), new_id()
    server.reply(Reply(200, UPDATED), Reply(200, run_test(agent_version={"id": version, "name": "v2"})))
    run = client.run_tests.update_components(
        RUN,
        agent_definition_id=AGENT,
        agent_version_id=version,
        simulator_agent_id=simulator,
        scenario_ids=[S1, S2],
        enable_tool_evaluation=True,
    )
    patch, get = server.requests
    assert (patch.method, patch.path, get.method, get.path) == ("PATCH", COMPONENTS, "GET", DETAIL)
    assert patch.json() == {
        "agentDefinitionId": AGENT,
        "version": version,
        "simulatorAgentId": simulator,
        "scenarios": [S1, S2],
        "enableToolEvaluation": True,
    }
    assert run.agent_version.id == uuid.UUID(version)  # type: ignore[union-attr]


def test_update_components_sends_only_the_version(client: SimulateClient, server: RecordingServer) -> None:
    """Pinning a version alone sends exactly {"version": id}."""
    version = new_id()
    server.reply(Reply(200, UPDATED), Reply(200, run_test()))
    client.run_tests.update_components(RUN, agent_version_id=uuid.UUID(version))
    assert server.requests[0].json() == {"version": version}


def test_update_components_falls_back_to_snake_case_once(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 naming the camelCase keys unknown (nothing changed) is resent once in snake_case."""
    server.reply(
        Reply(400, unknown_fields("agentDefinitionId", "enableToolEvaluation")),
        Reply(200, run_test()),
        Reply(200, run_test()),
    )
    client.run_tests.update_components(RUN, agent_definition_id=AGENT, enable_tool_evaluation=False)
    first, second, _ = server.requests
    assert list(first.json()) == ["agentDefinitionId", "enableToolEvaluation"]
    assert second.json() == {"agent_definition_id": AGENT, "enable_tool_evaluation": False}


def test_update_components_in_snake_case_mode(server: RecordingServer) -> None:
    """A client set to snake_case sends simulator_agent_id and scenarios at once."""
    simulator = new_id()
    server.reply(Reply(200, run_test()), Reply(200, run_test()))
    with snake_client(server) as client:
        client.run_tests.update_components(RUN, simulator_agent_id=simulator, scenario_ids=[S2])
    assert server.requests[0].json() == {"simulator_agent_id": simulator, "scenarios": [S2]}


def test_update_components_other_400_is_raised_not_resent(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 that is not about casing (an unknown version) is BadRequestError, after one request."""
    server.reply(Reply(400, error("validation_error", "invalid", "version: Agent version not found.")))
    with pytest.raises(BadRequestError, match="Agent version not found"):
        client.run_tests.update_components(RUN, agent_version_id=new_id())
    assert len(server.requests) == 1


def test_update_components_with_nothing_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """No component given is InvalidArgumentError before anything is sent."""
    with pytest.raises(InvalidArgumentError, match="name at least one"):
        client.run_tests.update_components(RUN)
    assert server.requests == []


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"agent_version_id": "v2"}, "agent_version_id"),
        ({"agent_definition_id": 7}, "agent_definition_id"),
        ({"simulator_agent_id": "x"}, "simulator_agent_id"),
        ({"scenario_ids": []}, "scenario_ids"),
        ({"scenario_ids": ["nope"]}, "scenario_ids[0]"),
        ({"enable_tool_evaluation": "yes"}, "enable_tool_evaluation"),
    ],
)
def test_update_components_checks_each_argument_before_sending(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], field: str
) -> None:
    """Each bad argument is InvalidArgumentError naming it; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.update_components(RUN, **arguments)
    assert caught.value.argument == field
    assert server.requests == []


# -- call_executions ----------------------------------------------------------------------------------------


def test_call_executions_sends_only_given_parameters(client: SimulateClient, server: RecordingServer) -> None:
    """call_executions sends no query by default, and the given filters as given."""
    server.reply(Reply(200, calls_page([new_id()], number=1, pages=1, count=1)))
    server.reply(Reply(200, calls_page([], number=2, pages=2, count=0)))
    page = client.run_tests.call_executions(RUN)
    client.run_tests.call_executions(RUN, search="angry", status="failed", page=2, limit=5)
    first, second = server.requests
    assert (first.path, dict(first.query)) == (CALLS, {})
    assert dict(second.query) == {"search": ["angry"], "status": ["failed"], "page": ["2"], "limit": ["5"]}
    assert page.count == 1
    assert page.results[0].scenario == "Angry customer"


def test_call_executions_keeps_a_scenario_object(client: SimulateClient, server: RecordingServer) -> None:
    """The documented {id, name} scenario and unknown keys are kept as sent."""
    row = {"id": new_id(), "scenario": {"id": S1, "name": "Angry customer"}, "is_snapshot": False}
    server.reply(Reply(200, {"count": 1, "next": None, "previous": None, "results": [row]}))
    (got,) = client.run_tests.call_executions(RUN).results
    assert got.scenario == {"id": S1, "name": "Angry customer"}
    assert got.additional_properties == {"is_snapshot": False}


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"page": 0}, "page"),
        ({"limit": -1}, "limit"),
        ({"status": 3}, "status"),
        ({"search": "a\ud800"}, "search"),
    ],
)
def test_call_executions_checks_arguments(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], field: str
) -> None:
    """A bad page, limit, status or search is InvalidArgumentError naming it; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.call_executions(RUN, **arguments)
    assert caught.value.argument == field
    assert server.requests == []


def test_iter_call_executions_reads_pages_by_number_until_the_last(
    client: SimulateClient, server: RecordingServer
) -> None:
    """iter_call_executions asks page 1, 2, 3 at page_size and stops on the last, never following next."""
    ids = [new_id() for _ in range(5)]
    server.reply(
        Reply(200, calls_page(ids[:2], number=1, pages=3, count=5)),
        Reply(200, calls_page(ids[2:4], number=2, pages=3, count=5)),
        Reply(200, calls_page(ids[4:], number=3, pages=3, count=5)),
    )
    seen = [str(c.id) for c in client.run_tests.iter_call_executions(RUN, page_size=2, status="completed")]
    assert seen == ids
    assert [r.query["page"] for r in server.requests] == [["1"], ["2"], ["3"]]
    assert all(r.query["limit"] == ["2"] and r.query["status"] == ["completed"] for r in server.requests)


def test_iter_call_executions_checks_page_size_before_the_first_page(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A page_size of 0 is InvalidArgumentError when iter_call_executions is called; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.iter_call_executions(RUN, page_size=0)
    assert caught.value.argument == "page_size"
    assert server.requests == []


# -- async --------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_delete_update_and_calls(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client deletes, changes components and reads calls like the sync one."""
    one, two = new_id(), new_id()
    server.reply(
        Reply(200, DELETED),
        Reply(200, UPDATED),
        Reply(200, run_test()),
        Reply(200, calls_page([one], number=1, pages=1, count=1)),
        Reply(200, calls_page([one], number=1, pages=2, count=2)),
        Reply(200, calls_page([two], number=2, pages=2, count=2)),
    )
    await aclient.run_tests.delete(RUN)
    run = await aclient.run_tests.update_components(RUN, scenario_ids=[S1])
    page = await aclient.run_tests.call_executions(RUN, limit=1)
    walked = [str(c.id) async for c in aclient.run_tests.iter_call_executions(RUN, page_size=1)]
    assert run.id == uuid.UUID(RUN)
    assert [str(c.id) for c in page.results] == [one]
    assert walked == [one, two]
    assert [r.method for r in server.requests] == ["DELETE", "PATCH", "GET", "GET", "GET", "GET"]


@pytest.mark.anyio
async def test_async_update_components_with_nothing_is_refused(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """The async update_components refuses no components before sending."""
    with pytest.raises(InvalidArgumentError):
        await aclient.run_tests.update_components(RUN)
    assert server.requests == []


# -- secrets in a run test ----------------------------------------------------------------------------------


def test_a_run_tests_agent_secrets_never_reach_the_model(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The agent's api_key in a run test's agent details and version snapshot is [REDACTED], in get and
    list."""
    secret = "sk-provider-9f8e7d6c5b4a"
    body = run_test(
        agent_definition_detail={"id": AGENT, "api_key": secret, "livekit_api_key": ""},
        agent_version={
            "id": new_id(),
            "name": "v2",
            "configuration_snapshot": {"api_key": secret, "model": "m"},
        },
    )
    server.reply(
        Reply(200, body), Reply(200, {"count": 1, "next": None, "previous": None, "results": [body]})
    )
    got = client.run_tests.get(RUN)
    (listed,) = client.run_tests.list().results
    for run in (got, listed):
        assert secret not in repr(run)
        assert secret not in pickle.dumps(run).decode("latin-1")
        assert run.agent_definition_detail.additional_properties["api_key"] == "[REDACTED]"  # type: ignore[union-attr]
    version = got.agent_version
    assert isinstance(version, AgentVersion)
    snapshot = version.configuration_snapshot
    assert snapshot.additional_properties == {"api_key": "[REDACTED]", "model": "m"}  # type: ignore[union-attr]


def test_a_run_test_page_that_cannot_be_read_keeps_the_agents_secrets_out_of_the_error(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A list page whose run test fails the parse has its agent's api_key [REDACTED] in the error's body and
    pickle."""
    secret = "sk-provider-9f8e7d6c5b4a"
    body = run_test(agent_definition_detail={"id": AGENT, "api_key": secret})
    body["name"] = ["not a name"]
    server.reply(Reply(200, {"count": 1, "next": None, "previous": None, "results": [body]}))
    with pytest.raises(APIResponseValidationError) as caught:
        client.run_tests.list()
    exc = caught.value
    for text in (str(exc), repr(exc.body), pickle.dumps(exc).decode("latin-1")):
        assert secret not in text
