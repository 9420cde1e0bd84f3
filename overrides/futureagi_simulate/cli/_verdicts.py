"""Issue 25's steps of ``run`` and ``report`` that are not the wait: the cost read beside the verdict.

Kept apart from ``_run`` and ``_waiting`` so that each step is its own function the Run calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from futureagi_simulate import FutureAGIError
from futureagi_simulate._results import FINISHED_STATUSES

if TYPE_CHECKING:
    from futureagi_simulate import SimulateClient, Verdict

__all__ = ["with_cost"]


def with_cost(client: SimulateClient, verdict: Verdict, *, say: Callable[[str], None]) -> Verdict:
    """The verdict with what its calls cost (``executions.cost``: every call row's ``cost_cents``), so
    every report gives it. Read once the execution finished (a verdict on a run not finished is judged
    again later). The cost never changes whether the verdict passed: a failed read is said, with the
    server's message, and the reports say "cost: not read"."""
    if verdict.status not in FINISHED_STATUSES:
        return verdict
    try:
        cost = client.executions.cost(verdict.execution_id)
    except FutureAGIError as error:
        say(f"reading the cost of execution {verdict.execution_id} failed: {error}")
        return verdict
    return attrs.evolve(verdict, cost=cost)
