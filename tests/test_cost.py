"""What an execution cost, from its call rows' ``cost_cents``: ``ExecutionCost.of_rows``, no I/O."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from futureagi_simulate import CallExecution, ExecutionCost
from futureagi_simulate._cost import main_unit

REFUND, GREETING = uuid.uuid4(), uuid.uuid4()


def row(scenario: uuid.UUID, cost: Any, *, status: str = "completed", snapshots: Any = None) -> CallExecution:
    """A call row as ``getTestExecution`` sends it, with ``cost_cents`` and maybe rerun snapshots."""
    body: dict[str, Any] = {"id": str(uuid.uuid4()), "status": status, "scenario_id": str(scenario)}
    body["scenario"] = "Refund" if scenario == REFUND else "Greeting"
    body["cost_cents"] = cost
    if snapshots is not None:
        body["rerun_snapshots"] = snapshots
    return CallExecution.from_dict(body)


def test_the_total_and_each_scenario_are_the_sum_of_the_ended_calls() -> None:
    """125 + 75 cents on Refund and 50 on Greeting: 250 in all, 200 and 50 per scenario."""
    cost = ExecutionCost.of_rows([row(REFUND, 125), row(REFUND, 75), row(GREETING, 50, status="failed")])
    assert (cost.total_cents, cost.ended_calls, cost.unknown_calls) == (250, 3, 0)
    assert [(s.scenario_name, s.cents) for s in cost.scenarios] == [("Refund", 200), ("Greeting", 50)]


def test_one_ended_call_without_a_cost_makes_the_total_unknown() -> None:
    """A null cost_cents on an ended call: the total is unknown, not the sum of the others."""
    cost = ExecutionCost.of_rows([row(REFUND, 125), row(GREETING, None)])
    assert cost.total_cents is None
    assert (cost.known_cents, cost.unknown_calls, cost.known) == (125, 1, True)
    assert [s.cents for s in cost.scenarios] == [125, None]


def test_a_server_that_sends_no_cost_is_unknown_everywhere() -> None:
    """Every row null, as the recorded open-source server sends it: unknown, and known is False."""
    cost = ExecutionCost.of_rows([row(REFUND, None), row(GREETING, None)])
    assert (cost.total_cents, cost.known) == (None, False)
    assert main_unit(cost.total_cents) == "unknown"


def test_calls_still_running_are_not_counted() -> None:
    """A running call's null cost is not yet a cost: the ended calls' total stands."""
    cost = ExecutionCost.of_rows([row(REFUND, 125), row(GREETING, None, status="ongoing")])
    assert (cost.total_cents, cost.ended_calls) == (125, 1)


@pytest.mark.parametrize("bad", [float("nan"), -1, 10**400])
def test_a_cost_that_is_no_finite_number_at_least_0_is_unknown(bad: Any) -> None:
    """NaN, a negative or an overflowing number is no cost (the parse refuses booleans and strings)."""
    cost = ExecutionCost.of_rows([row(REFUND, bad)])
    assert cost.total_cents is None


def test_a_rerun_call_costs_its_attempts_together() -> None:
    """A call rerun once costs its latest cost_cents plus the snapshotted first attempt's."""
    cost = ExecutionCost.of_rows(
        [row(REFUND, 100, snapshots=[{"cost_cents": 80, "rerun_type": "call_and_eval"}])]
    )
    assert cost.total_cents == 180


def test_a_snapshot_without_a_cost_makes_the_call_unknown() -> None:
    """An earlier attempt whose cost is null: the call's cost, and so the total, is unknown."""
    cost = ExecutionCost.of_rows([row(REFUND, 100, snapshots=[{"cost_cents": None}])])
    assert cost.total_cents is None


def test_the_main_unit_has_two_decimals() -> None:
    """250 cents are 2.50 in the currency's main unit."""
    assert main_unit(250) == "2.50"


def test_a_call_being_rerun_counts_what_its_earlier_attempts_cost() -> None:
    """A call rerunning after a first attempt of 300 cents: those 300 are spent, counted while it runs."""
    cost = ExecutionCost.of_rows(
        [row(REFUND, None, status="ongoing", snapshots=[{"cost_cents": 300}]), row(GREETING, 50)]
    )
    assert cost.known_cents == 350


def test_a_call_being_rerun_whose_earlier_attempt_has_no_cost_is_unknown() -> None:
    """A running call whose earlier attempt ended without cost_cents: a cost that ended unknown."""
    cost = ExecutionCost.of_rows([row(REFUND, None, status="ongoing", snapshots=[{"cost_cents": None}])])
    assert cost.unknown_calls == 1
