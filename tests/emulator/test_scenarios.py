"""The emulator's scenarios over real HTTP, in both dialects: the list newest first with the server's
filters, and one scenario."""

from __future__ import annotations

import uuid

import httpx

from futureagi_simulate.testing import Emulator

SCENARIOS = "/simulate/scenarios/"


def test_list_holds_every_seeded_scenario_newest_first(emulator: Emulator, http: httpx.Client) -> None:
    """Every seeded scenario is listed once, newest first (the seed stores its first scenario last)."""
    seed = emulator.seed
    page = http.get(SCENARIOS, params={"limit": 100}).json()
    ids = [r["id"] for r in page["results"]]
    assert page["count"] == len(ids) == 7
    assert ids[0] == str(seed.scenario_ids[0])
    assert set(ids) >= {str(s) for s in (*seed.scenario_ids, seed.incomplete_scenario_id)}


def test_list_filters_by_agent_and_type(emulator: Emulator, http: httpx.Client) -> None:
    """agent_definition_id keeps one agent's scenarios; agent_type=text keeps prompt ones; search names."""
    seed = emulator.seed
    mine = http.get(SCENARIOS, params={"agent_definition_id": str(seed.agent_definition_ids[0])}).json()
    assert {r["id"] for r in mine["results"]} == {
        str(s) for s in (*seed.scenario_ids, seed.incomplete_scenario_id)
    }
    text = http.get(SCENARIOS, params={"agent_type": "text"}).json()
    assert {r["id"] for r in text["results"]} == {str(s) for s in seed.prompt_scenario_ids}
    assert [r["name"] for r in http.get(SCENARIOS, params={"search": "REFUND"}).json()["results"]] == [
        "Refund request"
    ]
    assert http.get(SCENARIOS, params={"colour": "red"}).status_code == 400


def test_get_one_and_an_unknown_one(emulator: Emulator, http: httpx.Client) -> None:
    """get answers the scenario with its status; an unknown id is a 404."""
    running = http.get(f"{SCENARIOS}{emulator.seed.incomplete_scenario_id}/").json()
    assert (running["name"], running["status"]) == ("Billing dispute", "Running")
    assert http.get(f"{SCENARIOS}{uuid.uuid4()}/").status_code == 404
