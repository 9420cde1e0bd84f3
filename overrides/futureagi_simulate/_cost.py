"""What an execution cost: the call rows' ``cost_cents``, total and per scenario, with no I/O.

The open-source server keeps on each call what it cost once it ended (``CallExecution.cost_cents``, in
cents of the account's currency, ``futureagi/simulate/models/test_execution.py``) and sends it on the
execution's call rows (``GET /simulate/test-executions/{id}/``); the recorded server sends ``null`` on
every row, and the documentation's call detail gives USD fields of its own instead (``docs/dialects.md``).
So a cost is known only when every call that ended carries one: a total over part of the calls would
read as the whole, and a budget must not be guarded on it. ``ExecutionCost.total_cents`` is None then
("unknown" in the reports).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from typing import Any

import attrs

from ._exports import publish
from ._models import CallExecution
from ._status import normalise_status
from ._value_methods import value_eq, value_hash, value_repr

__all__ = ["ENDED_CALL_STATUSES", "ExecutionCost", "ScenarioCost", "cents_of", "main_unit"]

#: Call statuses after which a call costs what it will cost (its ``cost_cents`` is final).
ENDED_CALL_STATUSES = frozenset({"completed", "failed", "cancelled"})


def _cents(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def cents_of(row: CallExecution) -> float | None:
    """What the call cost over every attempt: its ``cost_cents`` (the latest attempt) plus the
    ``cost_cents`` of each earlier attempt a rerun snapshotted (``rerun_snapshots``); None when one of
    them is absent, null or no finite number >= 0."""
    total = _cents(row.cost_cents)
    snapshots = row.rerun_snapshots if isinstance(row.rerun_snapshots, list) else []
    for snapshot in snapshots:
        earlier = _cents(snapshot.additional_properties.get("cost_cents"))
        if total is None or earlier is None:
            return None
        total += earlier
    return total


def _earlier_cents(row: CallExecution) -> float | None:
    """What the call's earlier attempts (``rerun_snapshots``) cost together; None when one has no cost."""
    snapshots = row.rerun_snapshots if isinstance(row.rerun_snapshots, list) else []
    total = 0.0
    for snapshot in snapshots:
        earlier = _cents(snapshot.additional_properties.get("cost_cents"))
        if earlier is None:
            return None
        total += earlier
    return total


def main_unit(cents: float | None) -> str:
    """Cents in the currency's main unit, two decimals (``250`` -> ``"2.50"``); ``"unknown"`` for None."""
    return "unknown" if cents is None else f"{cents / 100:.2f}"


@attrs.frozen(kw_only=True)
class ScenarioCost:
    """One scenario's calls' cost: ``cents`` (None: unknown, a call that ended without a cost), how many
    of its calls ended, and how many of those carried no cost."""

    scenario_id: uuid.UUID | None
    scenario_name: str | None
    cents: float | None
    ended_calls: int
    unknown_calls: int

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash


@attrs.frozen(kw_only=True)
class ExecutionCost:
    """What an execution's calls cost, from the call rows' ``cost_cents`` (cents of the account's currency).

    ``total_cents`` is the sum over the calls that ended, None ("unknown") when one of them carries no
    cost; ``known_cents`` the sum of the costs that were sent, what a budget watch counts while calls
    still run, the earlier attempts of a call being rerun included. ``ended_calls`` ended (completed,
    failed or cancelled), ``unknown_calls`` of them without a cost; a call being rerun whose earlier
    attempt carries no cost counts in both. ``scenarios``: one ``ScenarioCost`` per scenario, in the
    rows' order.
    """

    total_cents: float | None
    known_cents: float
    ended_calls: int
    unknown_calls: int
    scenarios: tuple[ScenarioCost, ...] = ()

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    @property
    def known(self) -> bool:
        """True when at least one ended call carried a cost: the server reports costs."""
        return self.ended_calls > self.unknown_calls

    @classmethod
    def of_rows(cls, rows: Iterable[CallExecution]) -> ExecutionCost:
        """The cost of ``rows`` (every call row of one execution, or of one rerun round)."""
        groups: dict[object, list[tuple[CallExecution, float | None]]] = {}
        ended = unknown = 0
        known = 0.0
        for row in rows:
            if normalise_status(row.status) not in ENDED_CALL_STATUSES:
                # A call being rerun already spent its earlier attempts (its snapshots): a budget watch
                # that skipped them would undercount while the rerun runs.
                earlier = _earlier_cents(row)
                if earlier is None:
                    ended += 1
                    unknown += 1
                else:
                    known += earlier
                continue
            cents = cents_of(row)
            ended += 1
            if cents is None:
                unknown += 1
            else:
                known += cents
            scenario_id = row.scenario_id if isinstance(row.scenario_id, uuid.UUID) else None
            name = row.scenario if isinstance(row.scenario, str) else None
            groups.setdefault(scenario_id or name or row.id, []).append((row, cents))
        scenarios = []
        for group in groups.values():
            first = group[0][0]
            costs = [cents for _row, cents in group]
            scenarios.append(
                ScenarioCost(
                    scenario_id=first.scenario_id if isinstance(first.scenario_id, uuid.UUID) else None,
                    scenario_name=first.scenario if isinstance(first.scenario, str) else None,
                    cents=None if None in costs else sum(c for c in costs if c is not None),
                    ended_calls=len(costs),
                    unknown_calls=costs.count(None),
                )
            )
        return cls(
            total_cents=None if unknown or not ended else known,
            known_cents=known,
            ended_calls=ended,
            unknown_calls=unknown,
            scenarios=tuple(scenarios),
        )

    def plus(self, other: ExecutionCost) -> ExecutionCost:
        """This cost and ``other``'s (a rerun round's) together; unknown when either is."""
        return ExecutionCost(
            total_cents=None
            if self.total_cents is None or other.total_cents is None
            else self.total_cents + other.total_cents,
            known_cents=self.known_cents + other.known_cents,
            ended_calls=self.ended_calls + other.ended_calls,
            unknown_calls=self.unknown_calls + other.unknown_calls,
            scenarios=self.scenarios + other.scenarios,
        )


publish(ExecutionCost, ScenarioCost)
