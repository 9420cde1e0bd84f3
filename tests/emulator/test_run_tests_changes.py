"""The emulator's run-test changes over real HTTP, in both dialects: delete (a soft delete), components
(the body in the dialect's casing) and a run test's call executions."""

from __future__ import annotations

import httpx

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import RUN_TESTS, execute, execute_body, execute_path, http_client, read_detail


def _components(emulator: Emulator, **fields: object) -> dict[str, object]:
    """A components body in the emulator's dialect's casing."""
    camel = {"agent_definition_id": "agentDefinitionId", "simulator_agent_id": "simulatorAgentId"}
    if emulator.dialect == "docs":
        return {camel.get(k, k): v for k, v in fields.items()}
    return dict(fields)


def test_deleted_run_test_is_a_404_everywhere(emulator: Emulator, http: httpx.Client) -> None:
    """deleteRunTest answers the server's sentence; then reading, listing, executing and deleting miss it."""
    run_test = emulator.seed.run_test_id
    response = http.delete(f"{RUN_TESTS}{run_test}/")
    assert (response.status_code, response.json()) == (200, {"message": "Run test deleted successfully"})
    assert http.get(f"{RUN_TESTS}{run_test}/").status_code == 404
    assert str(run_test) not in [r["id"] for r in http.get(RUN_TESTS).json()["results"]]
    body = execute_body(emulator, select_all=True, ids=[])
    assert http.post(execute_path(run_test), json=body).status_code == 404
    again = http.delete(f"{RUN_TESTS}{run_test}/")
    assert (again.status_code, again.json()["message"]) == (404, "Run test not found")


def test_docs_refuses_to_delete_a_run_test_whose_execution_runs(docs: Emulator) -> None:
    """The documented API answers 400 while an execution has not finished, and the run test stays."""
    with http_client(docs) as http:
        execute(docs, http)
        response = http.delete(f"{RUN_TESTS}{docs.seed.run_test_id}/")
        assert response.status_code == 400
        assert "running executions" in response.json()["message"]
        assert http.get(f"{RUN_TESTS}{docs.seed.run_test_id}/").status_code == 200


def test_oss_deletes_a_run_test_whose_execution_runs(oss: Emulator, oss_http: httpx.Client) -> None:
    """The open-source view deletes whatever the executions do; the execution stays readable by id."""
    execution = execute(oss, oss_http)
    assert oss_http.delete(f"{RUN_TESTS}{oss.seed.run_test_id}/").status_code == 200
    assert read_detail(oss_http, execution)["status"] == "running"


def test_components_pin_a_version_and_replace_the_scenarios(emulator: Emulator, http: httpx.Client) -> None:
    """A PATCH pins the seed's second version and one scenario; the run test object shows both."""
    seed = emulator.seed
    body = _components(
        emulator, version=str(seed.agent_version_ids[1]), scenarios=[str(seed.scenario_ids[0])]
    )
    response = http.patch(f"{RUN_TESTS}{seed.run_test_id}/components/", json=body)
    assert (response.status_code, response.json()) == (
        200,
        {"message": "Test run components updated successfully"},
    )
    run = http.get(f"{RUN_TESTS}{seed.run_test_id}/").json()
    assert (run["agent_version"]["id"], run["agent_version"]["name"]) == (
        str(seed.agent_version_ids[1]),
        "v2",
    )
    assert run["scenarios"] == [str(seed.scenario_ids[0])]


def test_components_refuse_the_other_dialects_casing(emulator: Emulator, http: httpx.Client) -> None:
    """Keys of the other casing are "Unknown field." (400), and nothing changes."""
    seed = emulator.seed
    other = "agent_definition_id" if emulator.dialect == "docs" else "agentDefinitionId"
    response = http.patch(
        f"{RUN_TESTS}{seed.run_test_id}/components/", json={other: str(seed.agent_definition_ids[1])}
    )
    assert response.status_code == 400
    assert response.json()["details"] == {other: ["Unknown field."]}
    assert http.get(f"{RUN_TESTS}{seed.run_test_id}/").json()["agent_definition"] == str(
        seed.agent_definition_ids[0]
    )


def test_components_refuse_a_version_of_another_agent(emulator: Emulator, http: httpx.Client) -> None:
    """A version that is not the agent's is a 400 naming `version`."""
    seed = emulator.seed
    body = _components(
        emulator,
        agent_definition_id=str(seed.agent_definition_ids[1]),
        version=str(seed.agent_version_ids[1]),
    )
    response = http.patch(f"{RUN_TESTS}{seed.run_test_id}/components/", json=body)
    assert response.status_code == 400
    assert response.json()["attr"] == "version"


def test_components_with_another_agent_take_its_active_version(
    emulator: Emulator, http: httpx.Client
) -> None:
    """Another agent without a version binds that agent's active version."""
    seed = emulator.seed
    body = _components(emulator, agent_definition_id=str(seed.agent_definition_ids[1]))
    assert http.patch(f"{RUN_TESTS}{seed.run_test_id}/components/", json=body).status_code == 200
    run = http.get(f"{RUN_TESTS}{seed.run_test_id}/").json()
    assert run["agent_definition"] == str(seed.agent_definition_ids[1])
    assert run["agent_version"]["name"] == "v1"


def test_call_executions_list_each_call_newest_execution_first(
    emulator: Emulator, http: httpx.Client
) -> None:
    """The calls of every execution, newest execution first; docs shows the scenario as {id, name}."""
    seed = emulator.seed
    first = execute(emulator, http, seed.scenario_ids[:1])
    read_detail(http, first)  # pending -> running: the calls exist
    second = execute(emulator, http, seed.scenario_ids[1:3])
    read_detail(http, second)
    page = http.get(f"{RUN_TESTS}{seed.run_test_id}/call-executions/").json()
    assert page["count"] == 3
    assert [r["test_execution_id"] for r in page["results"]] == [second, second, first]
    scenario = page["results"][-1]["scenario"]
    name = "Angry customer"
    assert scenario == (
        {"id": str(seed.scenario_ids[0]), "name": name} if emulator.dialect == "docs" else name
    )


def test_call_executions_filter_by_status_and_page(emulator: Emulator, http: httpx.Client) -> None:
    """status filters the calls, limit pages them, and a page past the end is a 500."""
    seed = emulator.seed
    read_detail(http, execute(emulator, http))
    path = f"{RUN_TESTS}{seed.run_test_id}/call-executions/"
    assert http.get(path, params={"status": "failed"}).json()["count"] == 0
    page = http.get(path, params={"limit": 2, "page": 2}).json()
    assert (page["count"], page["current_page"], len(page["results"])) == (3, 2, 1)
    assert http.get(path, params={"limit": 2, "page": 3}).status_code == 500
