"""The flows' casing negotiation: which body an execute sends first, and when it is resent in snake_case."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    BadRequestError,
    Selection,
    SimulateClient,
)
from futureagi_simulate._flows import CasingState, Context, Flow, negotiated, rejects_camel_keys
from futureagi_simulate._resources.run_tests import execute_builder as run_tests_execute_builder
from tests.clients import snake_client
from tests.data import (
    API_KEY,
    EXECUTION,
    RUN,
    S1,
    S2,
    SECRET_KEY,
    TEMPLATE,
    error,
    execution_snake,
    unknown_fields,
)
from tests.scripted import answer, in_turn, run
from tests.server import RecordingServer, Reply


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


CAMEL_BODY = {"selectAll": True, "scenarioIds": []}


def _answer(status: int, body: Any) -> httpx.Response:
    return httpx.Response(status, json=body)


def test_a_400_calling_our_camel_case_keys_unknown_is_a_casing_rejection() -> None:
    """The open-source server's answer to camelCase keys: resend in snake_case."""
    assert rejects_camel_keys(_answer(400, unknown_fields("selectAll", "scenarioIds")), CAMEL_BODY)


@pytest.mark.parametrize(
    "details",
    [
        {"name": ["This field is required."]},
        {"selectAll": ["Must be a valid boolean."]},
        {"select_all": ["Unknown field."]},
        {"somethingElse": ["Unknown field."]},
        {},
    ],
    ids=["another field", "our key, another problem", "a snake key", "a camel key we did not send", "empty"],
)
def test_a_400_with_details_is_no_casing_rejection_unless_they_call_our_camel_keys_unknown(
    details: dict[str, list[str]],
) -> None:
    """Any other 400 with details is the caller's answer: resending it in snake_case could run work twice."""
    body = {"status": False, "error": {"type": "validation_error"}, "details": details}
    assert not rejects_camel_keys(_answer(400, body), CAMEL_BODY)


@pytest.mark.parametrize("status", [401, 422, 500])
def test_only_a_400_can_be_a_casing_rejection(status: int) -> None:
    """The same unknown-field details under another status are not a casing problem."""
    assert not rejects_camel_keys(_answer(status, unknown_fields("selectAll")), CAMEL_BODY)


# The negotiation driven as a flow with scripted answers: no socket ------------------------------------------


def _execute(ctx: Context, selection: Selection) -> Flow[Any]:
    return negotiated(run_tests_execute_builder(ctx, RUN, selection, None), ctx)


def _auto() -> Context:
    return Context(secrets=(), casing=CasingState.for_mode("auto"))


def test_a_scripted_auto_execute_sends_camel_case_first() -> None:
    """In auto mode the first execute body is the documented camelCase one."""
    driven = run(_execute(_auto(), Selection.only([S1])), answer(200, execution_snake()))
    assert driven.bodies == [{"selectAll": False, "scenarioIds": [S1]}]


def test_a_scripted_casing_rejection_is_resent_once_in_snake_case() -> None:
    """A 400 calling the camelCase keys unknown is followed by the same execute in snake_case, read."""
    script = in_turn(answer(400, unknown_fields("selectAll", "scenarioIds")), answer(200, execution_snake()))
    driven = run(_execute(_auto(), Selection.only([S1])), script)
    assert driven.bodies == [
        {"selectAll": False, "scenarioIds": [S1]},
        {"select_all": False, "scenario_ids": [S1]},
    ]
    assert str(getattr(driven.result, "execution_id", None)) == EXECUTION


def test_a_scripted_snake_choice_sticks_for_the_next_execute() -> None:
    """After one casing rejection the context sends snake_case first, with no second probe."""
    ctx = _auto()
    run(
        _execute(ctx, Selection.all()),
        in_turn(answer(400, unknown_fields("selectAll")), answer(200, execution_snake())),
    )
    driven = run(_execute(ctx, Selection.all()), answer(200, execution_snake()))
    assert driven.bodies == [{"select_all": True, "scenario_ids": []}]


def test_a_scripted_snake_rejection_is_not_resent_again() -> None:
    """The fallback happens once: a casing rejection of the snake_case body is raised, not looped on."""
    script = answer(400, unknown_fields("selectAll", "scenarioIds"))
    driven = run(_execute(_auto(), Selection.all()), script)
    assert len(driven.requests) == 2
    assert isinstance(driven.result, BadRequestError)


def test_a_scripted_other_400_is_raised_without_a_resend() -> None:
    """A 400 that is not about casing is the server's answer to this execute: raised after one request."""
    driven = run(
        _execute(_auto(), Selection.all()), answer(400, error("validation_error", "invalid", "No scenarios"))
    )
    assert len(driven.requests) == 1
    assert isinstance(driven.result, BadRequestError)
    assert driven.result.message == "No scenarios"


def test_a_scripted_camel_mode_never_falls_back() -> None:
    """body_casing='camel': the casing rejection is raised, and the context stays camelCase."""
    ctx = Context(secrets=(), casing=CasingState.for_mode("camel"))
    driven = run(_execute(ctx, Selection.all()), answer(400, unknown_fields("selectAll", "scenarioIds")))
    assert len(driven.requests) == 1
    assert isinstance(driven.result, BadRequestError)
    assert ctx.casing.current == "camel"


def test_a_scripted_snake_mode_sends_snake_case_first() -> None:
    """body_casing='snake': the first execute body is the open-source server's."""
    ctx = Context(secrets=(), casing=CasingState.for_mode("snake"))
    driven = run(_execute(ctx, Selection.all()), answer(200, execution_snake()))
    assert driven.bodies == [{"select_all": True, "scenario_ids": []}]
