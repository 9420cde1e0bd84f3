"""The emulator's agent versions over real HTTP, in both dialects: the seed's two versions, a created
version (listed first, active, pinnable), secrets kept out of answers, and a version's eval summary."""

from __future__ import annotations

import uuid

import httpx

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import RUN_TESTS, execute, http_client

AGENTS = "/simulate/agent-definitions/"
PROVIDER_KEY = "sk-provider-9f8e7d6c5b4a"


def _versions(emulator: Emulator) -> str:
    return f"{AGENTS}{emulator.seed.agent_definition_ids[0]}/versions/"


def _create_body(emulator: Emulator, **fields: object) -> dict[str, object]:
    if emulator.dialect == "docs":
        return {
            "".join(p if i == 0 else p.capitalize() for i, p in enumerate(k.split("_"))): v
            for k, v in fields.items()
        }
    return dict(fields)


def test_seed_has_two_versions_newest_first(emulator: Emulator, http: httpx.Client) -> None:
    """The seed's first agent lists v2 (a draft) then v1 (active); the seeded run test is pinned to v1."""
    page = http.get(_versions(emulator)).json()
    assert [(v["id"], v["version_name"], v["status"]) for v in page["results"]] == [
        (str(emulator.seed.agent_version_ids[1]), "v2", "draft"),
        (str(emulator.seed.agent_version_ids[0]), "v1", "active"),
    ]
    run = http.get(f"{RUN_TESTS}{emulator.seed.run_test_id}/").json()
    assert run["agent_version"]["id"] == str(emulator.seed.agent_version_ids[0])


def test_created_version_is_listed_first_and_active(emulator: Emulator, http: httpx.Client) -> None:
    """A created version is v3, active and latest, first in the list; the others are no longer active."""
    body = _create_body(emulator, commit_message="From the pull request", model="gpt-4o")
    response = http.post(f"{_versions(emulator)}create/", json=body)
    assert response.status_code == 201, response.text
    created = response.json()["version"]
    assert (created["version_name"], created["is_active"], created["configuration_snapshot"]["model"]) == (
        "v3",
        True,
        "gpt-4o",
    )
    listed = http.get(_versions(emulator)).json()["results"]
    assert listed[0]["id"] == created["id"]
    assert [v["is_active"] for v in listed] == [True, False, False]


def test_created_version_can_be_pinned_by_a_new_run_test(emulator: Emulator, http: httpx.Client) -> None:
    """createRunTest's agent_version binds a created version; its execution runs with that version."""
    seed = emulator.seed
    created = http.post(
        f"{_versions(emulator)}create/", json=_create_body(emulator, commit_message="c")
    ).json()["version"]
    body = {
        "name": "Pinned copy",
        "agent_definition_id": str(seed.agent_definition_ids[0]),
        "scenario_ids": [str(s) for s in seed.scenario_ids],
        "agent_version": created["id"],
    }
    run = http.post(f"{RUN_TESTS}create/", json=body).json()
    assert run["agent_version"]["id"] == created["id"]
    execution = execute(emulator, http, run_test_id=run["id"])
    assert emulator.execution_agent_version(execution) == uuid.UUID(created["id"])


def test_create_run_test_refuses_a_version_of_another_agent(emulator: Emulator, http: httpx.Client) -> None:
    """A version that is not the agent's is a 400 naming agent_version."""
    seed = emulator.seed
    body = {
        "name": "Wrong version",
        "agent_definition_id": str(seed.agent_definition_ids[1]),
        "scenario_ids": [str(seed.scenario_ids[0])],
        "agent_version": str(seed.agent_version_ids[1]),
    }
    response = http.post(f"{RUN_TESTS}create/", json=body)
    assert (response.status_code, response.json()["attr"]) == (400, "agent_version")


def test_secrets_are_answered_masked(emulator: Emulator, http: httpx.Client) -> None:
    """A provider key given at create is kept, and answered as a mask, never as given."""
    body = _create_body(emulator, commit_message="c", api_key=PROVIDER_KEY)
    response = http.post(f"{_versions(emulator)}create/", json=body)
    assert PROVIDER_KEY not in response.text
    version = response.json()["version"]
    assert version["configuration_snapshot"]["api_key"] == "********"
    assert emulator.agent_version_secret_fields(version["id"]) == ["api_key"]
    assert PROVIDER_KEY not in http.get(f"{_versions(emulator)}{version['id']}/").text


def test_create_refuses_the_other_dialects_casing(emulator: Emulator, http: httpx.Client) -> None:
    """Keys of the other casing are "Unknown field." (400), and no version is made."""
    other = "commit_message" if emulator.dialect == "docs" else "commitMessage"
    response = http.post(f"{_versions(emulator)}create/", json={other: "c"})
    assert response.status_code == 400
    assert response.json()["details"][other] == ["Unknown field."]
    assert http.get(_versions(emulator)).json()["count"] == 2


def test_docs_requires_a_commit_message(docs: Emulator) -> None:
    """The documented create requires commitMessage; the open-source one defaults it."""
    with http_client(docs) as http:
        response = http.post(f"{_versions(docs)}create/", json={"model": "m"})
    assert (response.status_code, response.json()["attr"]) == (400, "commitMessage")


def test_unknown_agent_and_version(emulator: Emulator, http: httpx.Client) -> None:
    """An unknown agent is a 404 on list and create; an unknown version a 404 on get."""
    unknown = uuid.uuid4()
    assert http.get(f"{AGENTS}{unknown}/versions/").json()["message"] == "Agent definition not found"
    response = http.get(f"{_versions(emulator)}{unknown}/")
    assert (response.status_code, response.json()["message"]) == (404, "Agent version not found")


def test_version_eval_summary_counts_its_calls(emulator: Emulator, http: httpx.Client) -> None:
    """A version's eval summary counts the completed calls made with it; an unknown version differs by
    dialect."""
    seed = emulator.seed
    emulator.finish(execute(emulator, http))
    summary = http.get(f"{_versions(emulator)}{seed.agent_version_ids[0]}/eval-summary/").json()
    unknown = http.get(f"{_versions(emulator)}{uuid.uuid4()}/eval-summary/")
    if emulator.dialect == "oss":
        assert {item["name"] for item in summary["result"]} == {"task_completion", "toxicity"}
        assert unknown.status_code == 500
    else:
        assert {(item["eval_name"], item["total"], item["pass"]) for item in summary} == {
            ("task_completion", 3, 3),
            ("toxicity", 3, 3),
        }
        assert unknown.status_code == 404
    other = http.get(f"{_versions(emulator)}{seed.agent_version_ids[1]}/eval-summary/").json()
    assert other == ({"status": True, "result": []} if emulator.dialect == "oss" else [])


# -- agent definitions ---------------------------------------------------------------------------------------


def _definition_body(emulator: Emulator, **fields: object) -> dict[str, object]:
    return _create_body(emulator, **fields)


def test_agent_definitions_list_the_seed_newest_first(emulator: Emulator, http: httpx.Client) -> None:
    """The seed's two agents are listed newest first, with their latest version and no api_key."""
    page = http.get(AGENTS).json()
    seed = emulator.seed
    assert [r["id"] for r in page["results"]] == [
        str(seed.agent_definition_ids[1]),
        str(seed.agent_definition_ids[0]),
    ]
    support = page["results"][1]
    assert (support["latest_version"], support["latest_version_id"]) == (2, str(seed.agent_version_ids[1]))
    assert "api_key" not in support


def test_agent_definitions_filter_and_pin(emulator: Emulator, http: httpx.Client) -> None:
    """agent_type and search filter; agent_definition_id puts that agent first; an unknown key is a 400."""
    seed = emulator.seed
    assert [r["agent_name"] for r in http.get(AGENTS, params={"agent_type": "voice"}).json()["results"]] == [
        "Support line"
    ]
    assert [r["agent_name"] for r in http.get(AGENTS, params={"search": "SALES"}).json()["results"]] == [
        "Sales chat"
    ]
    pinned = http.get(AGENTS, params={"agent_definition_id": str(seed.agent_definition_ids[0])}).json()
    assert pinned["results"][0]["id"] == str(seed.agent_definition_ids[0])
    assert http.get(AGENTS, params={"colour": "red"}).status_code == 400


def test_created_agent_definition_is_listed_with_one_version(emulator: Emulator, http: httpx.Client) -> None:
    """A created agent heads the list; its detail has one active version; its secrets are answered masked."""
    body = _definition_body(
        emulator,
        agent_name="Support chat",
        agent_type="text",
        commit_message="Initial version",
        api_key=PROVIDER_KEY,
        model="gpt-4o",
    )
    response = http.post(f"{AGENTS}create/", json=body)
    assert response.status_code == 201, response.text
    assert PROVIDER_KEY not in response.text
    agent = response.json()["agent"]
    assert agent["agentName" if emulator.dialect == "docs" else "agent_name"] == "Support chat"
    detail = http.get(f"{AGENTS}{agent['id']}/").json()
    assert (detail["version_count"], detail["active_version"]["version_name"], detail["model"]) == (
        1,
        "v1",
        "gpt-4o",
    )
    assert detail["api_key"] == "********"
    assert http.get(AGENTS).json()["results"][0]["id"] == agent["id"]


def test_agent_definition_create_checks_its_fields(emulator: Emulator, http: httpx.Client) -> None:
    """A voice agent without a provider, and a bad agent type, are 400s naming the field."""
    voice = http.post(
        f"{AGENTS}create/",
        json=_definition_body(emulator, agent_name="V", agent_type="voice", commit_message="c"),
    )
    assert (voice.status_code, voice.json()["attr"]) == (400, "provider")
    robot = http.post(
        f"{AGENTS}create/",
        json=_definition_body(emulator, agent_name="R", agent_type="robot", commit_message="c"),
    )
    assert robot.status_code == 400


def test_unknown_agent_definition_is_a_404(emulator: Emulator, http: httpx.Client) -> None:
    """get of an unknown agent is a 404 "Agent definition not found"."""
    response = http.get(f"{AGENTS}{uuid.uuid4()}/")
    assert (response.status_code, response.json()["message"]) == (404, "Agent definition not found")
