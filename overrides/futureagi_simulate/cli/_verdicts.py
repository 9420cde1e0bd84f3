"""Issue 25's steps of ``run`` and ``report`` that are not the wait: the cost read beside the verdict,
the baseline found and checked before anything runs.

Kept apart from ``_run`` and ``_waiting`` so that each step is its own function the Run calls.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from futureagi_simulate import ExecutionCost, FutureAGIError, InvalidArgumentError
from futureagi_simulate._cost import main_unit
from futureagi_simulate._status import FINISHED_STATUSES, normalise_status
from futureagi_simulate._value_methods import value_eq, value_hash, value_repr

if TYPE_CHECKING:
    from futureagi_simulate import AsyncSimulateClient, SimulateClient, Thresholds, Verdict

__all__ = [
    "COST_HISTORY_LIMIT",
    "LAST_PASSED_LIMIT",
    "CostHistory",
    "cost_history_async",
    "estimate_lines",
    "last_passed",
    "last_passed_async",
    "no_cost_known",
    "resolve_baseline",
    "resolve_baseline_async",
    "with_cost",
    "with_cost_async",
]


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


#: How many of the run test's newest finished executions ``--baseline last-passed`` judges at most.
LAST_PASSED_LIMIT = 20


def last_passed(
    client: SimulateClient,
    run_test_id: uuid.UUID,
    thresholds: Thresholds,
    *,
    before: uuid.UUID | None = None,
) -> uuid.UUID | str:
    """The newest execution of the run test, earlier than ``before`` (listed after it, newest first;
    None: any), that passes under ``thresholds``, judged as ``report`` judges; among the
    ``LAST_PASSED_LIMIT`` newest completed ones at most. Else why none was found (a refusal)."""
    seen = before is None
    judged = 0
    for execution in client.run_tests.executions(run_test_id):
        if not seen:
            seen = execution.id == before
            continue
        if normalise_status(execution.status) != "completed":
            continue
        if judged >= LAST_PASSED_LIMIT:
            break
        judged += 1
        if client.executions.report(execution.id, run_test_id=run_test_id, thresholds=thresholds).passed:
            return execution.id
    if not seen:
        return f"execution {before} is not one of run test {run_test_id}'s executions"
    return _none_passed(judged, run_test_id)


def _none_passed(judged: int, run_test_id: uuid.UUID) -> str:
    if not judged:
        return f"--baseline last-passed: run test {run_test_id} has no completed earlier execution"
    if judged == 1:
        return (
            f"--baseline last-passed: the one completed earlier execution of run test {run_test_id} "
            "does not pass under these thresholds"
        )
    return (
        f"--baseline last-passed: none of the {judged} newest completed earlier executions of run test "
        f"{run_test_id} passes under these thresholds (at most {LAST_PASSED_LIMIT} are judged)"
    )


def resolve_baseline(
    client: SimulateClient,
    *,
    baseline: uuid.UUID | str,
    run_test_id: uuid.UUID,
    thresholds: Thresholds,
    scenario_ids: Sequence[uuid.UUID] | None,
    before: uuid.UUID | None = None,
) -> uuid.UUID | str:
    """``--baseline`` as an execution id checked comparable (``executions.check_baseline``), or why it is
    refused. Reads only; run before anything is executed. API failures raise as they do."""
    found = (
        last_passed(client, run_test_id, thresholds, before=before) if isinstance(baseline, str) else baseline
    )
    if isinstance(found, str):
        return found
    try:
        client.executions.check_baseline(found, run_test_id=run_test_id, scenario_ids=scenario_ids)
    except InvalidArgumentError as error:
        return f"--baseline {found}: {error.rule}"
    return found


# The same steps with the async client, for ``run`` (whose Run is async: cli/_run.py).


async def with_cost_async(
    client: AsyncSimulateClient, verdict: Verdict, *, say: Callable[[str], None]
) -> Verdict:
    """``with_cost`` with the async client."""
    if verdict.status not in FINISHED_STATUSES:
        return verdict
    try:
        cost = await client.executions.cost(verdict.execution_id)
    except FutureAGIError as error:
        say(f"reading the cost of execution {verdict.execution_id} failed: {error}")
        return verdict
    return attrs.evolve(verdict, cost=cost)


async def last_passed_async(
    client: AsyncSimulateClient,
    run_test_id: uuid.UUID,
    thresholds: Thresholds,
    *,
    before: uuid.UUID | None = None,
) -> uuid.UUID | str:
    """``last_passed`` with the async client."""
    seen = before is None
    judged = 0
    async for execution in client.run_tests.executions(run_test_id):
        if not seen:
            seen = execution.id == before
            continue
        if normalise_status(execution.status) != "completed":
            continue
        if judged >= LAST_PASSED_LIMIT:
            break
        judged += 1
        verdict = await client.executions.report(execution.id, run_test_id=run_test_id, thresholds=thresholds)
        if verdict.passed:
            return execution.id
    if not seen:
        return f"execution {before} is not one of run test {run_test_id}'s executions"
    return _none_passed(judged, run_test_id)


async def resolve_baseline_async(
    client: AsyncSimulateClient,
    *,
    baseline: uuid.UUID | str,
    run_test_id: uuid.UUID,
    thresholds: Thresholds,
    scenario_ids: Sequence[uuid.UUID] | None,
    before: uuid.UUID | None = None,
) -> uuid.UUID | str:
    """``resolve_baseline`` with the async client."""
    found = (
        await last_passed_async(client, run_test_id, thresholds, before=before)
        if isinstance(baseline, str)
        else baseline
    )
    if isinstance(found, str):
        return found
    try:
        await client.executions.check_baseline(found, run_test_id=run_test_id, scenario_ids=scenario_ids)
    except InvalidArgumentError as error:
        return f"--baseline {found}: {error.rule}"
    return found


# The budget (--max-cost) --------------------------------------------------------------------------------

#: How many of the run test's newest finished executions are read to learn what a call costs.
COST_HISTORY_LIMIT = 5


@attrs.frozen(kw_only=True)
class CostHistory:
    """What the run test's recent executions say about costs: the newest finished one whose calls carried
    a cost (``execution_id``, its ``cost``), or None and how many finished ones were read (``looked``)."""

    execution_id: uuid.UUID | None
    cost: ExecutionCost | None
    looked: int

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    @property
    def cost_per_call(self) -> float | None:
        """Cents per ended call of that execution, over the calls that carried a cost."""
        cost = self.cost
        if cost is None or not cost.known:
            return None
        return cost.known_cents / (cost.ended_calls - cost.unknown_calls)

    def calls_per_scenario(self) -> dict[uuid.UUID, int]:
        cost = self.cost
        if cost is None:
            return {}
        return {s.scenario_id: s.ended_calls for s in cost.scenarios if s.scenario_id is not None}


async def cost_history_async(client: AsyncSimulateClient, run_test_id: uuid.UUID) -> CostHistory:
    """The newest of the run test's ``COST_HISTORY_LIMIT`` newest finished executions whose calls carried
    a cost (reads each one's call rows)."""
    looked = 0
    async for execution in client.run_tests.executions(run_test_id):
        if normalise_status(execution.status) not in FINISHED_STATUSES:
            continue
        if looked >= COST_HISTORY_LIMIT:
            break
        looked += 1
        cost = await client.executions.cost(execution.id)
        if cost.known:
            return CostHistory(execution_id=execution.id, cost=cost, looked=looked)
    return CostHistory(execution_id=None, cost=None, looked=looked)


def no_cost_known(history: CostHistory, run_test_id: uuid.UUID) -> str:
    """Why ``--max-cost`` refuses to start: no recent execution says what a call costs."""
    if not history.looked:
        return (
            f"--max-cost: run test {run_test_id} has no finished execution to learn from whether the server "
            "reports costs; without one the cap would guard nothing (run once without --max-cost)"
        )
    looked = (
        "newest finished execution" if history.looked == 1 else f"{history.looked} newest finished executions"
    )
    return (
        f"--max-cost: the server sent no cost_cents on the calls of the {looked} of run test "
        f"{run_test_id}: the cap would guard nothing"
    )


def estimate_lines(history: CostHistory, selected: Sequence[uuid.UUID]) -> list[str]:
    """``--dry-run``'s cost estimate, labelled as one: cost per call in the newest execution that reports
    costs, times the calls the selected scenarios had there (the average for a scenario it did not run)."""
    per_call = history.cost_per_call
    if per_call is None or history.execution_id is None:
        if history.looked == 1:
            return ["cost estimate: unknown (the newest finished execution of this run test reports no cost)"]
        looked = (
            f"none of the {history.looked} newest finished executions" if history.looked else "no execution"
        )
        return [f"cost estimate: unknown ({looked} of this run test reports a cost)"]
    counts = history.calls_per_scenario()
    average = (sum(counts.values()) / len(counts)) if counts else 1.0
    calls = sum(counts.get(scenario, average) for scenario in selected)
    cents = per_call * calls
    return [
        f"cost estimate: about {main_unit(cents)} ({cents:g} cents): {main_unit(per_call)} per call in "
        f"execution {history.execution_id} times {calls:g} calls that would run; an estimate, not a cap"
    ]
