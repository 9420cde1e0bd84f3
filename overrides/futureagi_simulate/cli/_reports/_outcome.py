"""What every report is about: the run test, how the run ended, and the names of its cases."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ._text import xml_text

if TYPE_CHECKING:
    # Annotations only: the verdict's module loads every generated model, which a query's JSON output
    # (json_text) and --help never need (BENCHMARKS.md, "The command's cold start").
    from futureagi_simulate import ExecutionCost, ScenarioVerdict, Verdict

    from ._pinned import Pinned

__all__ = ["Outcome", "RunTestName", "case_name", "case_names", "percent"]


@attrs.frozen(kw_only=True)
class RunTestName:
    """The run test a report is about: its id, and its name when it could be read (else None)."""

    id: uuid.UUID
    name: str | None

    def label(self) -> str:
        """``name (id)``, or the id alone."""
        return f"{self.name} ({self.id})" if self.name else str(self.id)


@attrs.frozen(kw_only=True)
class Outcome:
    """How a run ended, for its reports: the verdict when one was reached, else the status and reasons
    (exit 3, 4, 5, 6, 129, 130, 143). ``exit_code`` is the code the command returns, written in each;
    ``pinned`` names the copy and agent version of a run on a pinned copy (else None); ``cost``, without
    a verdict, what the calls cost as last read (exit 6: at the cancel), else None (not read)."""

    run_test: RunTestName
    execution_id: uuid.UUID | None
    exit_code: int
    verdict: Verdict | None = None
    status: str = ""
    reasons: list[str] = attrs.field(factory=list)
    pinned: Pinned | None = None
    cost: ExecutionCost | None = None


def case_name(scenario: ScenarioVerdict) -> str:
    """The scenario's name, else its id, else (a call with neither) ``call <call execution id>``."""
    if scenario.scenario_name:
        return scenario.scenario_name
    if scenario.scenario_id:
        return str(scenario.scenario_id)
    calls = ", ".join(str(call.call_execution_id) for call in scenario.calls)
    return f"call {calls}" if calls else "scenario"


def case_names(scenarios: Iterable[ScenarioVerdict], taken: Iterable[str] = ()) -> list[str]:
    """One name per case, unique: a repeated name gets `` (2)``, `` (3)``...

    Linear: each name remembers the last number it was given, so the thousandth repeat is found in one
    step, not a thousand (3,000 scenarios with one name took 54 s when every repeat counted up from 2).
    """
    names: list[str] = []
    seen: set[str] = set(taken)
    last: dict[str, int] = {}
    for scenario in scenarios:
        base = xml_text(case_name(scenario))
        name = base
        if name in seen:
            n = last.get(base, 1)
            while name in seen:
                n += 1
                name = f"{base} ({n})"
            last[base] = n
        seen.add(name)
        names.append(name)
    return names


def percent(fraction: float) -> str:
    """89.9%, not 90%: a rate just under its minimum must not read as equal to it."""
    return f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"
