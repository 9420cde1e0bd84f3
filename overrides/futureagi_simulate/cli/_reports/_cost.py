"""The cost in every report (issue 25): total and per scenario, from the call rows' ``cost_cents``, in
the currency's main unit; "unknown" where the server sent none, never a sum of part of the calls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from futureagi_simulate._words import counted

if TYPE_CHECKING:
    # Annotations only: the verdict's module loads every generated model, which a query's JSON output
    # and --help never need (BENCHMARKS.md, "The command's cold start").
    from futureagi_simulate import ExecutionCost, ScenarioVerdict

__all__ = ["cost_json", "cost_line", "scenario_cost"]


def main_unit(cents: float | None) -> str:
    """The library's ``main_unit``, imported on use: its module loads the generated models, which a
    query's JSON output and --help never need, and a report with a cost has loaded them already."""
    from futureagi_simulate._cost import main_unit as in_main_unit

    return in_main_unit(cents)


def cost_line(cost: ExecutionCost | None) -> str:
    """``cost: 2.50 (250 cents over 3 calls)``, or why it is unknown."""
    if cost is None:
        return "cost: not read"
    if cost.total_cents is None:
        if not cost.ended_calls:
            return "cost: unknown (no call ended)"
        came = f"{cost.unknown_calls} of {counted(cost.ended_calls, 'call')} came without cost_cents"
        if cost.unknown_calls >= cost.ended_calls:
            return f"cost: unknown ({came})"
        return f"cost: unknown ({came}; the others cost {main_unit(cost.known_cents)})"
    return (
        f"cost: {main_unit(cost.total_cents)} "
        f"({cost.total_cents:g} cents over {counted(cost.ended_calls, 'call')})"
    )


def scenario_cost(cost: ExecutionCost | None, scenario: ScenarioVerdict) -> float | None:
    """The scenario's cost in cents (None: unknown or not read)."""
    if cost is None:
        return None
    for item in cost.scenarios:
        if (scenario.scenario_id is not None and item.scenario_id == scenario.scenario_id) or (
            scenario.scenario_id is None and item.scenario_name == scenario.scenario_name
        ):
            return item.cents
    return None


def cost_json(cost: ExecutionCost | None) -> dict[str, Any] | None:
    """The JSON result's ``cost``: cents and the main unit (``"unknown"`` where unknown), per scenario."""
    if cost is None:
        return None
    return {
        "total_cents": cost.total_cents,
        "total": main_unit(cost.total_cents),
        "known_cents": cost.known_cents,
        "ended_calls": cost.ended_calls,
        "unknown_calls": cost.unknown_calls,
        "scenarios": [
            {
                "scenario_id": item.scenario_id,
                "scenario_name": item.scenario_name,
                "cents": item.cents,
                "total": main_unit(item.cents),
            }
            for item in cost.scenarios
        ],
    }
