"""agent_versions over real HTTP: list and iter, get, create (casing, checks, never resent), eval_summary,
and no agent secret in a repr, an exception, a pickle or a log line."""

from __future__ import annotations

import logging
import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    AsyncSimulateClient,
    BadRequestError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    SimulateClient,
)
from tests.clients import snake_client
from tests.data import AGENT, API_KEY, SECRET_KEY, error, new_id, unknown_fields
from tests.server import RecordingServer, Reply

VERSIONS = f"/simulate/agent-definitions/{AGENT}/versions/"
CREATE = f"{VERSIONS}create/"
V1 = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"
V2 = "8c7b6a5f-4e3d-4c2b-9a1f-0e9d8c7b6a5f"
PROVIDER_KEY = "sk-provider-9f8e7d6c5b4a"
LIVEKIT_SECRET = "livekit-secret-1a2b3c4d5e"


def version(version_id: str = V2, number: int = 2, **extra: Any) -> dict[str, Any]:
    return {
        "id": version_id,
        "version_number": number,
        "version_name": f"v{number}",
        "status": "active",
        "commit_message": "Shorter greeting",
        "agent_definition": AGENT,
        "configuration_snapshot": {"agent_name": "Support bot", "api_key": "sk-p****5b4a"},
        "is_active": True,
        "is_latest": True,
        "created_at": "2026-12-01T10:00:00Z",
        **extra,
    }


def versions_page(ids: list[str], *, number: int, pages: int, count: int) -> dict[str, Any]:
    return {
        "count": count,
        "next": None if number == pages else f"http://elsewhere/?page={number + 1}",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [{"id": i, "version_number": 1} for i in ids],
    }


# -- list, iter, get ----------------------------------------------------------------------------------------


def test_list_sends_only_given_parameters(client: SimulateClient, server: RecordingServer) -> None:
    """list sends no query by default, page and limit when given, and reads the page."""
    server.reply(Reply(200, versions_page([V2, V1], number=1, pages=1, count=2)))
    server.reply(Reply(200, versions_page([V1], number=2, pages=2, count=2)))
    page = client.agent_versions.list(AGENT)
    client.agent_versions.list(uuid.UUID(AGENT), page=2, limit=1)
    first, second = server.requests
    assert (first.method, first.path, dict(first.query)) == ("GET", VERSIONS, {})
    assert dict(second.query) == {"page": ["2"], "limit": ["1"]}
    assert [v.id for v in page.results] == [uuid.UUID(V2), uuid.UUID(V1)]


def test_iter_reads_pages_by_number_until_the_last(client: SimulateClient, server: RecordingServer) -> None:
    """iter asks page 1, 2 at page_size and stops on the last page."""
    server.reply(
        Reply(200, versions_page([V2], number=1, pages=2, count=2)),
        Reply(200, versions_page([V1], number=2, pages=2, count=2)),
    )
    assert [str(v.id) for v in client.agent_versions.iter(AGENT, page_size=1)] == [V2, V1]
    assert [(r.query["page"], r.query["limit"]) for r in server.requests] == [(["1"], ["1"]), (["2"], ["1"])]


def test_get_reads_the_version(client: SimulateClient, server: RecordingServer) -> None:
    """get asks for the version under its agent and keeps unknown keys."""
    server.reply(Reply(200, version(release_notes=None, workspace="w")))
    got = client.agent_versions.get(AGENT, V2)
    (sent,) = server.requests
    assert sent.path == f"{VERSIONS}{V2}/"
    assert (got.version_number, got.version_name, got.additional_properties) == (2, "v2", {"workspace": "w"})


def test_get_refuses_an_answer_about_another_version(client: SimulateClient, server: RecordingServer) -> None:
    """A version answered for another id than the one asked is refused."""
    server.reply(Reply(200, version(V1, 1)))
    with pytest.raises(APIResponseValidationError, match=r"not .* as asked"):
        client.agent_versions.get(AGENT, V2)


def test_unknown_version_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """A 404 is NotFoundError with the server's sentence."""
    server.reply(Reply(404, error("not_found", "not_found", "Agent version not found")))
    with pytest.raises(NotFoundError, match="Agent version not found"):
        client.agent_versions.get(AGENT, V2)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.agent_versions.list("agent"), "agent_id"),
        (lambda c: c.agent_versions.list(AGENT, page=0), "page"),
        (lambda c: c.agent_versions.iter(AGENT, page_size=0), "page_size"),
        (lambda c: c.agent_versions.get(AGENT, "v2"), "version_id"),
        (lambda c: c.agent_versions.eval_summary(AGENT, 7), "version_id"),
    ],
)
def test_reads_check_their_arguments(
    client: SimulateClient, server: RecordingServer, call: Any, field: str
) -> None:
    """A bad id, page or page_size is InvalidArgumentError naming it; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert caught.value.argument == field
    assert server.requests == []


# -- create -------------------------------------------------------------------------------------------------


def test_create_sends_camel_case_and_returns_the_version(
    client: SimulateClient, server: RecordingServer
) -> None:
    """create posts the configuration and commit message in camelCase and returns the new version."""
    server.reply(Reply(201, {"message": "Agent version created successfully", "version": version()}))
    created = client.agent_versions.create(
        AGENT,
        commit_message="Shorter greeting",
        configuration={"agent_name": "Support bot", "model_details": {"temperature": 0.2}, "inbound": False},
    )
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", CREATE)
    assert sent.json() == {
        "agentName": "Support bot",
        "modelDetails": {"temperature": 0.2},
        "inbound": False,
        "commitMessage": "Shorter greeting",
    }
    assert (created.id, created.version_number) == (uuid.UUID(V2), 2)


def test_create_falls_back_to_snake_case_once(client: SimulateClient, server: RecordingServer) -> None:
    """A 400 naming the camelCase keys unknown created nothing: the create is resent once in snake_case."""
    server.reply(
        Reply(400, unknown_fields("commitMessage", "agentName")),
        Reply(201, {"message": "Agent version created successfully", "version": version()}),
    )
    client.agent_versions.create(AGENT, commit_message="m", configuration={"agent_name": "Bot"})
    first, second = server.requests
    assert set(first.json()) == {"agentName", "commitMessage"}
    assert second.json() == {"agent_name": "Bot", "commit_message": "m"}


def test_create_in_snake_case_mode(server: RecordingServer) -> None:
    """A client set to snake_case sends the create in snake_case at once."""
    server.reply(Reply(201, {"message": "ok", "version": version()}))
    with snake_client(server) as client:
        client.agent_versions.create(AGENT, commit_message="m", configuration={"livekit_max_concurrency": 2})
    assert server.requests[0].json() == {"livekit_max_concurrency": 2, "commit_message": "m"}


def test_create_is_never_resent_after_a_500(server: RecordingServer) -> None:
    """A create that failed on the server (it may have made a version) is sent once, whatever max_retries."""
    server.reply(Reply(500, error("server_error", "server_error", "Failed to create agent version: boom")))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=3) as client:
        with pytest.raises(InternalServerError, match="boom"):
            client.agent_versions.create(AGENT, commit_message="m")
    assert len(server.requests) == 1


def test_create_is_never_resent_after_a_dropped_connection(server: RecordingServer) -> None:
    """A create whose connection broke after it was sent is not sent again."""
    from futureagi_simulate import APIConnectionError

    server.reply(Reply(drop=True))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=3) as client:
        with pytest.raises(APIConnectionError):
            client.agent_versions.create(AGENT, commit_message="m")
    assert len(server.requests) == 1


def test_create_other_400_is_raised_not_resent(client: SimulateClient, server: RecordingServer) -> None:
    """A 400 that is not about casing is BadRequestError after one request."""
    server.reply(Reply(400, error("validation_error", "invalid", "Invalid data for agent update")))
    with pytest.raises(BadRequestError, match="Invalid data"):
        client.agent_versions.create(AGENT, commit_message="m", configuration={"knowledge_base": new_id()})
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"commit_message": ""}, "commit_message"),
        ({"commit_message": "  "}, "commit_message"),
        ({"commit_message": None}, "commit_message"),
        ({"commit_message": "m", "configuration": ["agent_name"]}, "configuration"),
        ({"commit_message": "m", "configuration": {"agentName": "x"}}, "configuration.agentName"),
        ({"commit_message": "m", "configuration": {"colour": "x"}}, "configuration.colour"),
        ({"commit_message": "m", "configuration": {"agent_type": "robot"}}, "configuration.agent_type"),
        ({"commit_message": "m", "configuration": {"agent_name": ""}}, "configuration.agent_name"),
        ({"commit_message": "m", "configuration": {"inbound": "yes"}}, "configuration.inbound"),
        ({"commit_message": "m", "configuration": {"languages": "en"}}, "configuration.languages"),
        ({"commit_message": "m", "configuration": {"knowledge_base": "kb"}}, "configuration.knowledge_base"),
        ({"commit_message": "m", "configuration": {"model_details": "hot"}}, "configuration.model_details"),
        (
            {"commit_message": "m", "configuration": {"livekit_max_concurrency": 0}},
            "configuration.livekit_max_concurrency",
        ),
        ({"commit_message": "m", "configuration": {"livekit_url": "w" * 501}}, "configuration.livekit_url"),
        ({"commit_message": "m", "configuration": {"api_key": 12345678}}, "configuration.api_key"),
    ],
)
def test_create_checks_each_argument_before_sending(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], field: str
) -> None:
    """Each bad argument is InvalidArgumentError naming it and its rule; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.agent_versions.create(AGENT, **arguments)
    assert caught.value.argument == field
    assert caught.value.rule
    assert server.requests == []


def test_create_names_the_snake_case_spelling_of_a_camel_case_key(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A camelCase configuration key is refused with the snake_case name to use."""
    with pytest.raises(InvalidArgumentError, match="did you mean 'agent_name'"):
        client.agent_versions.create(AGENT, commit_message="m", configuration={"agentName": "x"})


# -- secrets ------------------------------------------------------------------------------------------------


def test_secrets_in_an_answer_never_reach_the_model(client: SimulateClient, server: RecordingServer) -> None:
    """A secret the server answers (even unmasked) is [REDACTED] in the model, its repr and its pickle."""
    snapshot = {
        "api_key": PROVIDER_KEY,
        "livekit_api_secret": LIVEKIT_SECRET,
        "livekit_api_key": "",
        "model": "m",
    }
    server.reply(Reply(200, version(configuration_snapshot=snapshot)))
    got = client.agent_versions.get(AGENT, V2)
    kept = got.configuration_snapshot.additional_properties  # type: ignore[union-attr]
    assert kept == {
        "api_key": "[REDACTED]",
        "livekit_api_secret": "[REDACTED]",
        "livekit_api_key": "",
        "model": "m",
    }
    for text in (repr(got), str(got.to_dict()), pickle.dumps(got).decode("latin-1")):
        assert PROVIDER_KEY not in text
        assert LIVEKIT_SECRET not in text


def test_secrets_sent_never_reach_an_error(client: SimulateClient, server: RecordingServer) -> None:
    """A server that quotes the secrets it was sent gets them [REDACTED] in the error and its pickle."""
    sentence = f"api_key {PROVIDER_KEY} and livekit_api_secret {LIVEKIT_SECRET} are invalid"
    server.reply(
        Reply(400, error("validation_error", "invalid", sentence, details={"apiKey": [PROVIDER_KEY]}))
    )
    configuration = {"api_key": PROVIDER_KEY, "livekit_api_secret": LIVEKIT_SECRET}
    with pytest.raises(BadRequestError) as caught:
        client.agent_versions.create(AGENT, commit_message="m", configuration=configuration)
    exc = caught.value
    for text in (str(exc), repr(exc), repr(exc.body), repr(exc.details), pickle.dumps(exc).decode("latin-1")):
        assert PROVIDER_KEY not in text
        assert LIVEKIT_SECRET not in text
    assert "[REDACTED]" in str(exc)


def test_secrets_sent_never_reach_a_log_line(
    client: SimulateClient, server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing the client or httpx logs while creating a version with secrets holds them."""
    caplog.set_level(logging.DEBUG)
    server.reply(
        Reply(201, {"message": "ok", "version": version(configuration_snapshot={"api_key": PROVIDER_KEY})})
    )
    client.agent_versions.create(AGENT, commit_message="m", configuration={"api_key": PROVIDER_KEY})
    assert caplog.records
    assert all(PROVIDER_KEY not in record.getMessage() for record in caplog.records)


def test_a_bad_secret_is_refused_without_quoting_it(client: SimulateClient, server: RecordingServer) -> None:
    """A secret that cannot be sent is refused naming the field, never its value."""
    bad = "sk-\ud800-provider-secret"
    with pytest.raises(InvalidArgumentError) as caught:
        client.agent_versions.create(AGENT, commit_message="m", configuration={"api_key": bad})
    assert caught.value.argument == "configuration.api_key"
    assert "provider-secret" not in str(caught.value)


# -- eval summary -------------------------------------------------------------------------------------------


def test_eval_summary_reads_the_server_envelope(client: SimulateClient, server: RecordingServer) -> None:
    """The open-source envelope (one item per template, entries per config) is read per eval config."""
    item = {
        "id": new_id(),
        "name": "task_completion",
        "output_type": "Pass/Fail",
        "result": [
            {
                "id": new_id(),
                "name": "Tone check",
                "total_cells": 4,
                "output": {"pass_count": 3, "fail_count": 1},
            }
        ],
        "total_pass_rate": 75.0,
    }
    server.reply(Reply(200, {"status": True, "result": [item]}))
    summary = client.agent_versions.eval_summary(AGENT, V2)
    assert server.requests[0].path == f"{VERSIONS}{V2}/eval-summary/"
    assert (summary["Tone check"].pass_rate, summary["Tone check"].template_name) == (0.75, "task_completion")


def test_eval_summary_reads_the_documented_array(client: SimulateClient, server: RecordingServer) -> None:
    """The documented bare array is read one item per eval template, its rate pass over total."""
    template = new_id()
    row = {
        "eval_id": template,
        "eval_name": "tone-check",
        "eval_type": "tone",
        "total": 20,
        "pass": 18,
        "fail": 1,
        "error": 1,
        "pass_rate": 90.0,
    }
    server.reply(Reply(200, [row]))
    (item,) = client.agent_versions.eval_summary(AGENT, V2).evals
    assert (item.name, item.pass_rate, item.passed, item.failed, item.total_runs) == (
        "tone-check",
        0.9,
        18,
        1,
        20,
    )
    assert item.template_id == uuid.UUID(template)


@pytest.mark.parametrize("body", [[1], {"status": True}, "summary", {"status": True, "result": {}}])
def test_eval_summary_of_another_shape_is_refused(
    client: SimulateClient, server: RecordingServer, body: object
) -> None:
    """An answer that is neither shape is APIResponseValidationError, not an empty summary."""
    server.reply(Reply(200, body))
    with pytest.raises(APIResponseValidationError):
        client.agent_versions.eval_summary(AGENT, V2)


# -- async --------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_agent_versions(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client lists, iterates, reads, creates and summarises like the sync one."""
    server.reply(
        Reply(200, versions_page([V2, V1], number=1, pages=1, count=2)),
        Reply(200, versions_page([V2, V1], number=1, pages=1, count=2)),
        Reply(200, version()),
        Reply(201, {"message": "ok", "version": version()}),
        Reply(200, {"status": True, "result": []}),
    )
    page = await aclient.agent_versions.list(AGENT)
    walked = [str(v.id) async for v in aclient.agent_versions.iter(AGENT)]
    got = await aclient.agent_versions.get(AGENT, V2)
    created = await aclient.agent_versions.create(AGENT, commit_message="m")
    summary = await aclient.agent_versions.eval_summary(AGENT, V2)
    assert (page.count, walked, got.id, created.id, summary.evals) == (
        2,
        [V2, V1],
        uuid.UUID(V2),
        uuid.UUID(V2),
        (),
    )
    assert [r.method for r in server.requests] == ["GET", "GET", "GET", "POST", "GET"]


@pytest.mark.anyio
async def test_async_create_checks_before_sending(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """The async create refuses a blank commit message before sending."""
    with pytest.raises(InvalidArgumentError):
        await aclient.agent_versions.create(AGENT, commit_message="")
    assert server.requests == []
