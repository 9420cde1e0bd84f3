"""The emulator's prompt-simulation operations, read and execute, in both dialects, over real HTTP."""

from __future__ import annotations

import uuid

import httpx
import pytest

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import execute_body

PROMPT_TABLE = [(True, [0], [1, 2]), (True, [], [0, 1, 2]), (False, [0], [0]), (False, [], [0, 1, 2])]


@pytest.mark.parametrize(("select_all", "ids", "ran"), PROMPT_TABLE)
def test_prompt_execute_follows_the_selection_table(
    emulator: Emulator, http: httpx.Client, select_all: bool, ids: list[int], ran: list[int]
) -> None:
    """Prompt execute honours select_all with ids as "all except" in both dialects."""
    seed = emulator.seed
    body = execute_body(emulator, select_all=select_all, ids=[seed.prompt_scenario_ids[i] for i in ids])
    path = (
        f"/simulate/prompt-templates/{seed.prompt_template_id}/simulations/{seed.prompt_run_test_id}/execute/"
    )
    answer = http.post(path, json=body).json()
    execution = (
        answer["data"]["scenarioIds"] if emulator.dialect == "docs" else answer["result"]["scenario_ids"]
    )
    assert execution == [str(seed.prompt_scenario_ids[i]) for i in ran]


def test_prompt_execute_rejects_simulator_id(oss: Emulator, oss_http: httpx.Client) -> None:
    """simulator_id is an unknown field on the prompt-simulation execute."""
    seed = oss.seed
    path = (
        f"/simulate/prompt-templates/{seed.prompt_template_id}/simulations/{seed.prompt_run_test_id}/execute/"
    )
    response = oss_http.post(path, json={"simulator_id": str(uuid.uuid4())})
    assert response.json()["details"] == {"simulator_id": ["Unknown field."]}
