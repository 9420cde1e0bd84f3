"""Both execute endpoints over real HTTP: bodies per casing, every selection, every answer form."""

from __future__ import annotations

import uuid

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    BadRequestError,
    Execution,
    InvalidArgumentError,
    Selection,
    SimulateClient,
)
from tests.data import (
    API_KEY,
    EXECUTION,
    RUN,
    S1,
    S2,
    S3,
    SECRET_KEY,
    TEMPLATE,
    error,
    execution_camel,
    execution_snake,
    unknown_fields,
)
from tests.server import RecordingServer, Reply

RUN_EXECUTE = f"/simulate/run-tests/{RUN}/execute/"
PROMPT_EXECUTE = f"/simulate/prompt-templates/{TEMPLATE}/simulations/{RUN}/execute/"


def snake_client(server: RecordingServer) -> SimulateClient:
    return SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake")


@pytest.mark.parametrize(
    ("selection", "body"),
    [
        (Selection.all(), {"selectAll": True, "scenarioIds": []}),
        (Selection.only([S1, S2]), {"selectAll": False, "scenarioIds": [S1, S2]}),
        (Selection.all_except([S3]), {"selectAll": True, "scenarioIds": [S3]}),
    ],
    ids=["all", "only", "all_except"],
)
def test_run_test_execute_sends_documented_camel_body(
    client: SimulateClient, server: RecordingServer, selection: Selection, body: dict[str, object]
) -> None:
    """By default run_tests.execute posts the docs' camelCase body for each selection."""
    server.reply(Reply(200, execution_snake()))
    client.run_tests.execute(RUN, selection=selection)
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", RUN_EXECUTE)
    assert sent.json() == body
    assert sent.headers["content-type"] == "application/json"


def test_run_test_execute_returns_execution(client: SimulateClient, server: RecordingServer) -> None:
    """The bare snake_case answer becomes an Execution with typed fields."""
    server.reply(Reply(200, execution_snake(scenario_ids=[S1])))
    execution = client.run_tests.execute(uuid.UUID(RUN), selection=Selection.only([S1]))
    assert execution == Execution(
        execution_id=uuid.UUID(EXECUTION),
        run_test_id=uuid.UUID(RUN),
        status="started",
        total_scenarios=1,
        total_calls=0,
        scenario_ids=(uuid.UUID(S1),),
        message="Test execution started successfully",
    )


@pytest.mark.parametrize("body", [[execution_snake()], '"started"'], ids=["a list", "a string"])
def test_an_execute_answer_that_is_no_object_is_refused_as_maybe_started(
    client: SimulateClient, server: RecordingServer, body: object
) -> None:
    """A 200 whose JSON is not an object: APIResponseValidationError saying so, and it may have started."""
    server.reply(Reply(200, body))
    with pytest.raises(APIResponseValidationError, match="expected a JSON object") as caught:
        client.run_tests.execute(RUN, selection=Selection.all())
    assert caught.value.may_have_started is True


def test_run_test_execute_sends_simulator_id(client: SimulateClient, server: RecordingServer) -> None:
    """simulator_id goes into the body; left out, no simulator key is sent at all."""
    server.reply(Reply(200, execution_snake()), Reply(200, execution_snake()))
    client.run_tests.execute(RUN, selection=Selection.all(), simulator_id=S3)
    client.run_tests.execute(RUN, selection=Selection.all())
    assert server.requests[0].json()["simulatorId"] == S3
    assert "simulatorId" not in server.requests[1].json()


@pytest.mark.parametrize(
    ("selection", "body"),
    [
        (Selection.all(), {"select_all": True, "scenario_ids": []}),
        (Selection.only([S2]), {"select_all": False, "scenario_ids": [S2]}),
    ],
    ids=["all", "only"],
)
def test_snake_casing_sends_server_body(
    server: RecordingServer, selection: Selection, body: dict[str, object]
) -> None:
    """body_casing='snake' posts the open-source server's keys from the first call."""
    server.reply(Reply(200, execution_snake()))
    with snake_client(server) as client:
        client.run_tests.execute(RUN, selection=selection, simulator_id=None)
    assert server.requests[0].json() == body


def test_auto_casing_falls_back_to_snake_once(client: SimulateClient, server: RecordingServer) -> None:
    """A 400 naming the camelCase keys as unknown is resent once in snake_case, and the choice sticks."""
    server.reply(
        Reply(400, unknown_fields("selectAll", "scenarioIds")),
        Reply(200, execution_snake()),
        Reply(200, execution_snake()),
    )
    first = client.run_tests.execute(RUN, selection=Selection.only([S1, S2]))
    client.run_tests.execute(RUN, selection=Selection.only([S1]))
    bodies = [request.json() for request in server.requests]
    assert bodies == [
        {"selectAll": False, "scenarioIds": [S1, S2]},
        {"select_all": False, "scenario_ids": [S1, S2]},
        {"select_all": False, "scenario_ids": [S1]},
    ]
    assert first.execution_id == uuid.UUID(EXECUTION)


def test_auto_casing_fallback_is_shared_with_prompt_execute(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Once the server proved snake-only, the prompt execute call sends snake_case straight away."""
    server.reply(
        Reply(400, unknown_fields("selectAll", "scenarioIds")),
        Reply(200, execution_snake()),
        Reply(200, {"status": True, "result": execution_snake()}),
    )
    client.run_tests.execute(RUN, selection=Selection.all())
    client.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.all_except([S1]))
    assert len(server.requests) == 3
    assert server.requests[2].json() == {"select_all": True, "scenario_ids": [S1]}


def test_auto_casing_does_not_resend_other_400s(client: SimulateClient, server: RecordingServer) -> None:
    """A 400 that is not about casing (here 'No scenarios') raises at once with the server's sentence."""
    server.reply(Reply(400, error("validation_error", "invalid", "No scenarios")))
    with pytest.raises(BadRequestError) as caught:
        client.run_tests.execute(RUN, selection=Selection.all())
    assert len(server.requests) == 1
    assert caught.value.message == "No scenarios"


def test_auto_casing_does_not_resend_a_workflow_engine_400(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The server's validation_error for an unreachable workflow engine is not a casing problem."""
    body = error("validation_error", "invalid", "Failed to start test execution: connection refused")
    server.reply(Reply(400, body))
    with pytest.raises(BadRequestError, match="Failed to start test execution"):
        client.run_tests.execute(RUN, selection=Selection.all())
    assert len(server.requests) == 1


def test_camel_casing_never_falls_back(server: RecordingServer) -> None:
    """body_casing='camel' surfaces the unknown-field 400 instead of switching."""
    server.reply(Reply(400, unknown_fields("selectAll", "scenarioIds")))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="camel"
    ) as client:
        with pytest.raises(BadRequestError) as caught:
            client.run_tests.execute(RUN, selection=Selection.all())
    assert len(server.requests) == 1
    assert caught.value.details == {"selectAll": ["Unknown field."], "scenarioIds": ["Unknown field."]}


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


def test_execute_reads_bare_camel(client: SimulateClient, server: RecordingServer) -> None:
    """A bare camelCase execution (no envelope) is read too."""
    server.reply(Reply(200, execution_camel()))
    execution = client.run_tests.execute(RUN, selection=Selection.all())
    assert execution.total_calls == 0
    assert execution.scenario_ids == (uuid.UUID(S1), uuid.UUID(S2))


def test_execution_status_is_an_open_string(client: SimulateClient, server: RecordingServer) -> None:
    """A status value the client has never seen is passed through, not rejected."""
    server.reply(Reply(200, {**execution_snake(), "status": "queued_for_gpu"}))
    assert client.run_tests.execute(RUN, selection=Selection.all()).status == "queued_for_gpu"


def test_execution_keeps_unknown_fields(client: SimulateClient, server: RecordingServer) -> None:
    """A field the server added later is kept on the Execution under its wire name."""
    server.reply(Reply(200, {**execution_snake(), "estimated_cost": {"usd": 1.25}}))
    execution = client.run_tests.execute(RUN, selection=Selection.all())
    assert execution.additional_properties == {"estimated_cost": {"usd": 1.25}}


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda c: c.run_tests.execute("not-a-uuid", selection=Selection.all()), "run_test_id"),
        (lambda c: c.run_tests.execute(RUN, selection=Selection.all(), simulator_id="x"), "simulator_id"),
        (lambda c: c.run_tests.execute(RUN, selection=[S1]), "selection"),
        (
            lambda c: c.prompt_simulations.execute("nope", RUN, selection=Selection.all()),
            "prompt_template_id",
        ),
        (lambda c: c.prompt_simulations.execute(TEMPLATE, 42, selection=Selection.all()), "run_test_id"),
    ],
    ids=["run id", "simulator id", "not a Selection", "template id", "int run id"],
)
def test_bad_execute_arguments_send_nothing(
    client: SimulateClient, server: RecordingServer, call: object, argument: str
) -> None:
    """Bad ids or a bare list instead of a Selection raise naming the argument, before any request."""
    assert callable(call)
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert caught.value.argument == argument
    assert server.requests == []
