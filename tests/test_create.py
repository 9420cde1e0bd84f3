"""run_tests.create over real HTTP: the snake_case body, the 201 answer, and every refused input."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest

from futureagi_simulate import EvaluationConfig, InvalidArgumentError, RunTest, SimulateClient
from tests.data import AGENT, RUN, S1, S2, new_id, run_test
from tests.server import RecordingServer, Reply

CREATE = "/simulate/run-tests/create/"


def test_create_sends_only_given_fields(client: SimulateClient, server: RecordingServer) -> None:
    """A minimal create posts exactly name, agent_definition_id and scenario_ids."""
    server.reply(Reply(201, run_test()))
    client.run_tests.create(name="Checkout regression", agent_definition_id=AGENT, scenario_ids=[S1, S2])
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", CREATE)
    assert sent.json() == {
        "name": "Checkout regression",
        "agent_definition_id": AGENT,
        "scenario_ids": [S1, S2],
    }


def test_create_sends_every_optional_field_in_snake_case(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Every optional argument reaches the wire under its snake_case name."""
    template, version, replay, eval_id = new_id(), new_id(), new_id(), new_id()
    server.reply(Reply(201, run_test()))
    client.run_tests.create(
        name="n",
        agent_definition_id=uuid.UUID(AGENT),
        scenario_ids=[S1],
        description="",
        eval_config_ids=[eval_id],
        evaluations_config=[{"template_id": template, "name": "tone", "config": {"threshold": 0.5}}],
        dataset_row_ids=["row-1"],
        enable_tool_evaluation=True,
        replay_session_id=replay,
        agent_version=version,
    )
    assert server.requests[0].json() == {
        "name": "n",
        "agent_definition_id": AGENT,
        "scenario_ids": [S1],
        "description": "",
        "eval_config_ids": [eval_id],
        "evaluations_config": [{"template_id": template, "name": "tone", "config": {"threshold": 0.5}}],
        "dataset_row_ids": ["row-1"],
        "enable_tool_evaluation": True,
        "replay_session_id": replay,
        "agent_version": version,
    }


def test_create_accepts_generated_evaluation_models(client: SimulateClient, server: RecordingServer) -> None:
    """An EvaluationConfig model is sent as its dict."""
    template = new_id()
    server.reply(Reply(201, run_test()))
    config = EvaluationConfig(template_id=uuid.UUID(template), model="turing_large")
    client.run_tests.create(
        name="n", agent_definition_id=AGENT, scenario_ids=[S1], evaluations_config=[config]
    )
    assert server.requests[0].json()["evaluations_config"] == [
        {"template_id": template, "model": "turing_large"}
    ]


def test_create_returns_the_run_test(client: SimulateClient, server: RecordingServer) -> None:
    """The 201 answer is a RunTest with parsed ids, datetimes and nested scenarios."""
    server.reply(Reply(201, run_test()))
    run = client.run_tests.create(name="n", agent_definition_id=AGENT, scenario_ids=[S1])
    assert isinstance(run, RunTest)
    assert run.id == uuid.UUID(RUN)
    assert isinstance(run.created_at, datetime.datetime)
    assert run.created_at.year == 2026
    assert isinstance(run.scenarios_detail, list)
    assert [s.status for s in run.scenarios_detail] == ["Completed", "Running"]


def test_create_keeps_unknown_fields(client: SimulateClient, server: RecordingServer) -> None:
    """Fields the document does not know yet stay reachable on the model."""
    server.reply(Reply(201, run_test(priority="high", source_type="voice_replay")))
    run = client.run_tests.create(name="n", agent_definition_id=AGENT, scenario_ids=[S1])
    assert run.additional_properties["priority"] == "high"
    assert run.source_type == "voice_replay"


GOOD: dict[str, Any] = {"name": "n", "agent_definition_id": AGENT, "scenario_ids": [S1]}


@pytest.mark.parametrize(
    ("change", "argument", "rule"),
    [
        ({"name": ""}, "name", "empty"),
        ({"name": "   "}, "name", "empty"),
        ({"name": "x" * 256}, "name", "at most 255"),
        ({"name": None}, "name", "str"),
        ({"agent_definition_id": "agent-1"}, "agent_definition_id", "UUID"),
        ({"scenario_ids": []}, "scenario_ids", "at least one"),
        ({"scenario_ids": [S1, "nope"]}, "scenario_ids[1]", "UUID"),
        ({"scenario_ids": S1}, "scenario_ids", "list"),
        ({"description": None}, "description", "leave the argument out"),
        ({"dataset_row_ids": ["r" * 256]}, "dataset_row_ids[0]", "at most 255"),
        ({"dataset_row_ids": [7]}, "dataset_row_ids[0]", "str"),
        ({"eval_config_ids": ["e"]}, "eval_config_ids[0]", "UUID"),
        ({"evaluations_config": [{"name": "x"}]}, "evaluations_config[0].template_id", "required"),
        ({"evaluations_config": [{"template_id": "t"}]}, "evaluations_config[0].template_id", "UUID"),
        ({"enable_tool_evaluation": "yes"}, "enable_tool_evaluation", "True or False"),
        ({"replay_session_id": "r"}, "replay_session_id", "UUID"),
        ({"agent_version": "v2"}, "agent_version", "UUID"),
    ],
)
def test_bad_create_input_is_refused_before_sending(
    client: SimulateClient, server: RecordingServer, change: dict[str, Any], argument: str, rule: str
) -> None:
    """Each broken rule raises InvalidArgumentError naming the field and the rule; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.create(**{**GOOD, **change})
    assert caught.value.argument == argument
    assert rule in caught.value.rule
    assert server.requests == []


def test_name_of_255_characters_is_accepted(client: SimulateClient, server: RecordingServer) -> None:
    """The limit is inclusive."""
    server.reply(Reply(201, run_test()))
    client.run_tests.create(**{**GOOD, "name": "x" * 255})
    assert len(server.requests[0].json()["name"]) == 255


def test_create_arguments_are_keyword_only(client: SimulateClient) -> None:
    """Positional arguments are a TypeError, so argument order can never silently swap ids."""
    with pytest.raises(TypeError):
        client.run_tests.create("n", AGENT, [S1])  # type: ignore[call-arg]
