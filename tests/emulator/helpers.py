"""What the emulator's tests share: the paths, the seed's eval config ids, and small steps over HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import httpx

from futureagi_simulate.testing import Emulator
from futureagi_simulate.testing._records import ScenarioRecord, seed_id

RUN_TESTS = "/simulate/run-tests/"
EXECUTIONS = "/simulate/test-executions/"
RESULTS = "/sdk/api/v1/simulation/runs/"
TONE = str(seed_id("eval:Tone check"))
RESOLVED = str(seed_id("eval:Issue resolved"))


def http_client(emulator: Emulator) -> httpx.Client:
    """An httpx client on the emulator with its API key pair."""
    headers = {"X-Api-Key": emulator.api_key, "X-Secret-Key": emulator.secret_key}
    return httpx.Client(base_url=emulator.url, headers=headers, timeout=10.0)


def execute_path(run_test_id: uuid.UUID) -> str:
    """The path of a run test's execute."""
    return f"{RUN_TESTS}{run_test_id}/execute/"


def execute_body(emulator: Emulator, *, select_all: bool, ids: list[uuid.UUID]) -> dict[str, Any]:
    """An execute body in the emulator's dialect's casing (camelCase for ``docs``)."""
    camel = emulator.dialect == "docs"
    return {
        "selectAll" if camel else "select_all": select_all,
        "scenarioIds" if camel else "scenario_ids": [str(i) for i in ids],
    }


def execute(
    emulator: Emulator,
    http: httpx.Client,
    scenario_ids: Sequence[uuid.UUID] = (),
    run_test_id: uuid.UUID | str | None = None,
) -> str:
    """Executes the run test (the seed's by default) over ``scenario_ids`` (all when empty); its id."""
    ids = [str(s) for s in scenario_ids]
    camel = emulator.dialect == "docs"
    body = {"selectAll" if camel else "select_all": not ids, "scenarioIds" if camel else "scenario_ids": ids}
    response = http.post(f"{RUN_TESTS}{run_test_id or emulator.seed.run_test_id}/execute/", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["execution_id"])


def read_detail(http: httpx.Client, execution_id: str, **params: Any) -> dict[str, Any]:
    """An execution's detail page, which must answer 200."""
    response = http.get(f"{EXECUTIONS}{execution_id}/", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def read_results(emulator: Emulator, http: httpx.Client, execution_id: str, **params: Any) -> dict[str, Any]:
    """An execution's results, which must answer 200, out of the server's envelope on ``oss``."""
    response = http.get(RESULTS, params={"execution_id": execution_id, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    if emulator.dialect == "oss":
        assert body["status"] is True
        body = body["result"]
    return body


def call_statuses(detail: dict[str, Any]) -> list[str]:
    """The statuses of a detail page's calls, in its order."""
    return [row["status"] for row in detail["results"]]


def add_scenarios(emulator: Emulator, count: int) -> list[uuid.UUID]:
    """``count`` new completed scenarios in the emulator's store; their ids."""
    # No endpoint creates scenarios; a long execution needs more than the seed's.
    added = [ScenarioRecord(uuid.uuid4(), f"Extra {n}", "Completed") for n in range(count)]
    for scenario in added:
        emulator.app.store.scenarios[scenario.id] = scenario
    return [s.id for s in added]
