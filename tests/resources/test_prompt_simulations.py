"""prompt_simulations over real HTTP: get and execute, the bare run test and the {status, result} envelope."""

from __future__ import annotations

import uuid

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    NotFoundError,
    Selection,
    SimulateClient,
)
from tests.clients import snake_client
from tests.data import (
    EXECUTION,
    RUN,
    S1,
    S2,
    S3,
    TEMPLATE,
    error,
    execution_camel,
    execution_snake,
    run_test,
)
from tests.server import RecordingServer, Reply

GET = f"/simulate/prompt-templates/{TEMPLATE}/simulations/{RUN}/"


def prompt_run() -> dict[str, object]:
    return run_test(source_type="prompt", agent_definition=None, agent_version=None, prompt_template=TEMPLATE)


def test_get_reads_the_bare_run_test(client: SimulateClient, server: RecordingServer) -> None:
    """The documented answer is the run test itself."""
    server.reply(Reply(200, prompt_run()))
    simulation = client.prompt_simulations.get(TEMPLATE, RUN)
    assert (server.requests[0].method, server.requests[0].path, server.requests[0].body) == ("GET", GET, b"")
    assert simulation.id == uuid.UUID(RUN)
    assert simulation.prompt_template == uuid.UUID(TEMPLATE)


def test_get_unwraps_the_server_envelope(client: SimulateClient, server: RecordingServer) -> None:
    """The open-source answer {status: true, result: run test} is unwrapped."""
    server.reply(Reply(200, {"status": True, "result": prompt_run()}))
    simulation = client.prompt_simulations.get(uuid.UUID(TEMPLATE), uuid.UUID(RUN))
    assert simulation.source_type == "prompt"
    assert simulation.agent_version is None


def test_get_unknown_simulation_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """A 404 envelope raises NotFoundError carrying the server's sentence."""
    server.reply(Reply(404, error("not_found", "not_found", "Simulation not found")))
    with pytest.raises(NotFoundError) as caught:
        client.prompt_simulations.get(TEMPLATE, RUN)
    assert caught.value.message == "Simulation not found"
    assert caught.value.code == "not_found"


def test_get_answer_without_required_fields_is_a_validation_error(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An envelope whose run test lacks id and name raises APIResponseValidationError, not KeyError."""
    server.reply(Reply(200, {"status": True, "result": {"description": "no id"}}))
    with pytest.raises(APIResponseValidationError) as caught:
        client.prompt_simulations.get(TEMPLATE, RUN)
    assert caught.value.status_code == 200
    assert caught.value.body == {"status": True, "result": {"description": "no id"}}


PROMPT_EXECUTE = f"/simulate/prompt-templates/{TEMPLATE}/simulations/{RUN}/execute/"


def test_prompt_execute_reads_documented_envelope(client: SimulateClient, server: RecordingServer) -> None:
    """{status: 'success', data: camelCase} from the docs becomes an Execution."""
    server.reply(Reply(200, {"status": "success", "data": execution_camel(scenario_ids=[S2])}))
    execution = client.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.all_except([S1]))
    assert server.requests[0].path == PROMPT_EXECUTE
    assert server.requests[0].json() == {"selectAll": True, "scenarioIds": [S1]}
    assert (execution.execution_id, execution.status, execution.scenario_ids) == (
        uuid.UUID(EXECUTION),
        "pending",
        (uuid.UUID(S2),),
    )


def test_prompt_execute_reads_server_envelope(server: RecordingServer) -> None:
    """{status: true, result: snake_case} from the open-source server becomes an Execution."""
    server.reply(Reply(200, {"status": True, "result": execution_snake()}))
    with snake_client(server) as client:
        execution = client.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.all_except([S3]))
    assert server.requests[0].json() == {"select_all": True, "scenario_ids": [S3]}
    assert execution.total_scenarios == 2
    assert execution.run_test_id == uuid.UUID(RUN)
