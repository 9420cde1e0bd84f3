"""run_tests.clone over real HTTP, exact on the wire (a scripted server, ``tests/server.py``): what the
copy's create sends, when the components PATCH follows, and what a failure part-way leaves and says.
Against the emulator, end to end: ``tests/end_to_end/test_pinned_copy.py``."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    BadRequestError,
    CloneError,
    InvalidArgumentError,
    NotFoundError,
    SimulateClient,
)
from futureagi_simulate.resources import RunTests
from tests.data import AGENT, RUN, S1, S2, TEMPLATE, error, page, run_test
from tests.server import RecordingServer, Reply

VERSION = "8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a59"
SIMULATOR = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
COPY = "0f1e2d3c-4b5a-4968-8776-655443322110"
GROUP_NAME = "Checkout evals"
# Settings of an eval config as the read gives them, which the copy must recreate.
TONE = {
    "id": "2a1b0c9d-8e7f-4a6b-9c5d-4e3f2a1b0c9d",
    "name": "Tone check",
    "config": {"threshold": 0.8},
    "mapping": {"input": "transcript"},
    "filters": [{"column": "status", "value": "completed"}],
    "error_localizer": True,
    "model": "turing_large",
    "status": "completed",
    "eval_group": GROUP_NAME,
    "template_id": TEMPLATE,
}


def original(configs: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    configs = [TONE] if configs is None else configs
    return run_test(
        **{
            "dataset_row_ids": ["row-1", "row-2"],
            "enable_tool_evaluation": True,
            "simulate_eval_configs": [c["id"] for c in configs],
            "simulate_eval_configs_detail": configs,
            "evals_detail": configs,
            "evals": configs,
            **extra,
        }
    )


def made(version: str = VERSION, **extra: Any) -> dict[str, Any]:
    """The create's answer: the copy, bound to ``version``, with its eval config recreated."""
    recreated = {**TONE, "id": str(uuid.uuid4()), "status": "pending", "eval_group": None}
    copy = {
        **original(),
        "id": COPY,
        "name": "copy",
        "agent_version": {"id": version, "name": "v7", "configuration_snapshot": {}},
        "simulate_eval_configs": [recreated["id"]],
        "simulate_eval_configs_detail": [recreated],
        "evals_detail": [recreated],
        "evals": [recreated],
    }
    copy.update(extra)
    return copy


def test_the_copy_recreates_the_originals_eval_configs_and_pins_the_version(
    client: SimulateClient, server: RecordingServer
) -> None:
    """GET the original, then one create with its scenarios, rows, tool evaluation and eval configs."""
    server.reply(Reply(200, original()), Reply(201, made()))
    copy = client.run_tests.clone(RUN, agent_version_id=VERSION, name="Checkout [v7]")
    assert str(copy.id) == COPY
    get, create = server.requests
    assert (get.method, get.path) == ("GET", f"/simulate/run-tests/{RUN}/")
    body = create.json()
    assert body == {
        "name": "Checkout [v7]",
        "agent_definition_id": AGENT,
        "scenario_ids": [S1, S2],
        "description": f"Copy of run test {RUN} pinned to agent version {VERSION}, made by run_tests.clone",
        "dataset_row_ids": ["row-1", "row-2"],
        # Recreated: the server ignores eval_config_ids; the group is left out (the read names it, the
        # create wants its id), and so are the id and status the server sets.
        "evaluations_config": [
            {
                "template_id": TEMPLATE,
                "name": "Tone check",
                "config": {"threshold": 0.8},
                "mapping": {"input": "transcript"},
                "filters": [{"column": "status", "value": "completed"}],
                "error_localizer": True,
                "model": "turing_large",
            }
        ],
        "enable_tool_evaluation": True,
        "agent_version": VERSION,
    }


def test_the_default_name_says_the_original_and_the_version(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Without name: the original's name, the version and a copy token, within 255 characters."""
    server.reply(Reply(200, original(name="x" * 255)), Reply(201, made()))
    client.run_tests.clone(RUN, agent_version_id=VERSION)
    name = server.requests[1].json()["name"]
    assert len(name) == 255
    assert name.startswith("x" * 100)
    assert f"[agent version {VERSION}, copy " in name


def test_the_simulator_is_set_with_the_version_by_the_components_patch(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The original's simulator agent (create has no field for it) comes by PATCH, the version along."""
    server.reply(
        Reply(200, original(simulator_agent=SIMULATOR)),
        Reply(201, made()),
        Reply(200, {"message": "Test run components updated successfully"}),
        Reply(200, made(simulator_agent=SIMULATOR)),
    )
    copy = client.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert str(copy.simulator_agent) == SIMULATOR
    patch = server.requests[2]
    assert (patch.method, patch.path) == ("PATCH", f"/simulate/run-tests/{COPY}/components/")
    assert patch.json() in (
        {"version": VERSION, "simulatorAgentId": SIMULATOR},
        {"version": VERSION, "simulator_agent_id": SIMULATOR},
    )


def test_a_copy_on_another_version_is_deleted_and_said(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The server binds another version and the PATCH does not change it: deleted, CloneError."""
    other = str(uuid.uuid4())
    server.reply(
        Reply(200, original()),
        Reply(201, made(version=other)),
        Reply(200, {"message": "Test run components updated successfully"}),
        Reply(200, made(version=other)),
        Reply(200, {"message": "Run test deleted successfully"}),
    )
    with pytest.raises(CloneError) as raised:
        client.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert f"on agent version {other}, not {VERSION}" in str(raised.value)
    assert f"the copy, run test {COPY}, was deleted" in str(raised.value)
    assert raised.value.left_run_test_id is None
    assert (server.requests[-1].method, server.requests[-1].path) == (
        "DELETE",
        f"/simulate/run-tests/{COPY}/",
    )


def test_a_refused_patch_keeps_the_servers_message_and_deletes_the_copy(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 on the PATCH: the copy is deleted and the error holds the server's words."""
    refusal = "Tool evaluation requires api_key and assistant_id on the agent."
    server.reply(
        Reply(200, original(simulator_agent=SIMULATOR)),
        Reply(201, made()),
        Reply(400, error("error", "bad_request", refusal)),
        Reply(200, {"message": "Run test deleted successfully"}),
    )
    with pytest.raises(CloneError) as raised:
        client.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert refusal in str(raised.value)
    assert isinstance(raised.value.__cause__, BadRequestError)
    assert server.requests[-1].method == "DELETE"


def test_a_copy_that_cannot_be_deleted_is_named(client: SimulateClient, server: RecordingServer) -> None:
    """The delete fails too: CloneError names the copy left, both server messages kept; it pickles."""
    server.reply(
        Reply(200, original()),
        Reply(201, made(version=str(uuid.uuid4()))),
        Reply(200, {"message": "ok"}),
        Reply(200, made(version=str(uuid.uuid4()))),
        Reply(404, error("error", "not_found", "Run test not found")),
    )
    with pytest.raises(CloneError) as raised:
        client.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert str(raised.value.left_run_test_id) == COPY
    assert raised.value.left_run_test_name == "copy"
    assert "was left: deleting it failed" in str(raised.value)
    assert "Run test not found" in str(raised.value)
    again = pickle.loads(pickle.dumps(raised.value))
    assert (str(again), again.left_run_test_id) == (str(raised.value), raised.value.left_run_test_id)


def test_a_refused_create_raises_the_servers_error_and_makes_nothing(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 on the create: the server's error as it is; no delete, no lookup."""
    server.reply(Reply(200, original()), Reply(400, error("error", "bad_request", "Scenarios not found: x")))
    with pytest.raises(BadRequestError, match="Scenarios not found: x"):
        client.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert [r.method for r in server.requests] == ["GET", "POST"]


def test_an_unknown_run_test_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """The original's GET is a 404: NotFoundError, nothing created."""
    server.reply(Reply(404, error("error", "not_found", "Run test not found")))
    with pytest.raises(NotFoundError):
        client.run_tests.clone(RUN, agent_version_id=VERSION)
    assert [r.method for r in server.requests] == ["GET"]


def test_a_prompt_simulation_has_no_version_to_pin(client: SimulateClient, server: RecordingServer) -> None:
    """A run test without an agent definition: CloneError saying so, nothing created."""
    server.reply(Reply(200, original(agent_definition=None, source_type="prompt")))
    with pytest.raises(CloneError, match="has no agent definition"):
        client.run_tests.clone(RUN, agent_version_id=VERSION)
    assert len(server.requests) == 1


def test_an_eval_config_without_its_template_cannot_be_copied(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The read names no template_id: CloneError naming the config, nothing created."""
    config = {**TONE, "template_id": None}
    server.reply(Reply(200, original([config])))
    with pytest.raises(CloneError, match=r"'Tone check'.*has no template_id"):
        client.run_tests.clone(RUN, agent_version_id=VERSION)
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"run_test_id": "nope", "agent_version_id": VERSION}, "run_test_id"),
        ({"run_test_id": RUN, "agent_version_id": "v2"}, "agent_version_id"),
        ({"run_test_id": RUN, "agent_version_id": VERSION, "name": " "}, "name"),
        ({"run_test_id": RUN, "agent_version_id": VERSION, "name": "x" * 256}, "name"),
    ],
)
def test_bad_arguments_are_refused_before_any_request(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], argument: str
) -> None:
    """A bad id or name: InvalidArgumentError naming it, nothing sent."""
    run_test_id = arguments.pop("run_test_id")
    with pytest.raises(InvalidArgumentError) as raised:
        client.run_tests.clone(run_test_id, **arguments)
    assert raised.value.argument == argument
    assert server.requests == []


def test_clone_takes_its_options_by_keyword_only() -> None:
    """agent_version_id and name cannot be passed by position."""
    with pytest.raises(TypeError):
        RunTests.clone(None, RUN, VERSION)  # type: ignore[arg-type, call-arg]


@pytest.mark.anyio
async def test_the_async_clone_sends_the_same_requests(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """AsyncRunTests.clone: the same GET and create, the copy returned."""
    server.reply(Reply(200, original()), Reply(201, made()))
    copy = await aclient.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert str(copy.id) == COPY
    assert [(r.method, r.path) for r in server.requests] == [
        ("GET", f"/simulate/run-tests/{RUN}/"),
        ("POST", "/simulate/run-tests/create/"),
    ]


def test_a_create_that_answers_the_originals_id_never_patches_or_deletes_it(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The create's answer names the original run test: CloneError, and no PATCH or DELETE touches it."""
    server.reply(
        Reply(200, original(simulator_agent=SIMULATOR)),
        Reply(201, made(id=RUN)),
        Reply(200, {"message": "Test run components updated successfully"}),
        Reply(200, {"message": "Run test deleted successfully"}),
    )
    with pytest.raises(CloneError) as raised:
        client.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert f"run test {RUN}, the original" in str(raised.value)
    assert [r.method for r in server.requests] == ["GET", "POST"]


def test_a_lost_create_never_deletes_the_original_or_a_run_test_of_unknown_age(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 502 on the create, then rows named like the copy without created_at, the original one of them:
    none is deleted (either may be the user's own run test), and the error says one may be left."""
    other = str(uuid.uuid4())
    rows = [run_test(name="c"), run_test(run_id=other, name="c")]
    for row in rows:
        del row["created_at"]
    server.reply(
        Reply(200, original(name="c")),
        Reply(502, {"detail": "bad gateway"}),
        Reply(200, page(rows, number=1, limit=100, count=2, base=server.url)),
        Reply(200, {"message": "Run test deleted successfully"}),
        Reply(200, {"message": "Run test deleted successfully"}),
    )
    with pytest.raises(CloneError) as raised:
        client.run_tests.clone(RUN, agent_version_id=VERSION, name="c")
    assert "DELETE" not in [r.method for r in server.requests]
    assert f"({other}) were left" in str(raised.value)
    assert raised.value.left_run_test_name == "c"
