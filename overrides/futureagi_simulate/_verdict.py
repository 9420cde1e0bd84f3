"""Did the agent pass? ``Thresholds`` say what passing means; ``judge`` decides, with no I/O.

"Completed" is not "passed": the server marks an execution ``completed`` as soon as one call completed
(API-NOTES.md, the execution lifecycle). A verdict passes only when

- the execution is ``completed``;
- every expected scenario (``expected_scenario_ids``) has a call;
- no more calls than ``max_failed_calls`` ended without completing (``failed``, ``cancelled``, or never
  finished);
- every eval's pass rate, over the calls that completed and whose output says pass or fail, is at least
  its minimum: ``min_pass_rate[name]`` for the evals named there, ``default_min_pass_rate`` (1.0: every
  call passes) for the others. A named eval with no pass/fail output at all fails the verdict, so a typo
  in a name never passes silently.

A scenario fails when one of its calls did not complete, when it was expected and has no call, or when one
of its calls failed an eval whose pass rate fell below its minimum: the scenarios that failed are the ones
that cost the verdict. A run with no evals is judged on call outcomes alone, and says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ._errors import InvalidArgumentError
from ._exports import publish
from ._results import CallOutcome, ExecutionResults
from ._validate import check_uuid_list, is_finite_number

__all__ = ["ScenarioVerdict", "Thresholds", "Verdict", "judge"]


def _rate(argument: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not is_finite_number(value):
        raise InvalidArgumentError(argument, f"must be a number from 0 to 1, got {_shown(value)}")
    if not 0 <= value <= 1:
        raise InvalidArgumentError(argument, f"must be a fraction from 0 to 1 (0.9 for 90%), got {value!r}")
    return float(value)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:40]}… ({len(text)} characters)"


class FrozenRates(Mapping[str, float]):
    """A read-only, hashable mapping of eval config names to minimum pass rates."""

    __slots__ = ("_rates",)

    def __init__(self, rates: Mapping[str, float]) -> None:
        self._rates = dict(rates)

    def __getitem__(self, name: str) -> float:
        return self._rates[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rates)

    def __len__(self) -> int:
        return len(self._rates)

    def __hash__(self) -> int:
        return hash(frozenset(self._rates.items()))

    def __eq__(self, other: object) -> bool:
        return dict(self._rates) == dict(other) if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._rates)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenRates, (self._rates,))


def _rates(value: object) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(
            "min_pass_rate", f"must map eval config names to fractions, got {type(value).__name__}"
        )
    checked: dict[str, float] = {}
    for name, rate in value.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidArgumentError("min_pass_rate", f"keys must be eval config names, got {_shown(name)}")
        checked[name] = _rate(f"min_pass_rate[{name!r}]", rate)
    return FrozenRates(checked)


def _default_rate(value: object) -> float:
    return _rate("default_min_pass_rate", value)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError("max_failed_calls", f"must be an int >= 0, got {_shown(value)}")
    return value


@attrs.frozen(kw_only=True)
class Thresholds:
    """What passing means for ``executions.report``.

    >>> Thresholds(min_pass_rate={"Tone check": 0.9}, max_failed_calls=0)

    ``min_pass_rate`` maps an eval config's name (as the run test's evaluations name it) to the lowest
    share of calls, a fraction from 0 to 1, that must pass it. Evals not named there must reach
    ``default_min_pass_rate``: 1.0 by default, every call; 0 to ignore them. ``max_failed_calls`` is how
    many calls may end ``failed`` or ``cancelled``. Bad values raise ``InvalidArgumentError``.
    """

    min_pass_rate: Mapping[str, float] = attrs.field(factory=dict, converter=_rates)
    max_failed_calls: int = attrs.field(default=0, converter=_count)
    default_min_pass_rate: float = attrs.field(default=1.0, converter=_default_rate)

    def minimum(self, eval_name: str) -> float:
        return self.min_pass_rate.get(eval_name, self.default_min_pass_rate)


@attrs.frozen(kw_only=True)
class ScenarioVerdict:
    """One scenario's part of a verdict: ``passed`` and, when it failed, ``reasons`` saying why."""

    scenario_id: uuid.UUID | None
    scenario_name: str | None
    passed: bool
    reasons: list[str]
    calls: tuple[CallOutcome, ...] = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class Verdict:
    """Whether an execution passed, and why (``executions.report``).

    ``reasons`` explain the verdict, failures first: each failed rule, then the eval pass rates and the
    call counts. ``scenarios`` has one entry per scenario, in the order the calls came. ``pass_rates``
    maps each eval name to its pass rate (a fraction), over the completed calls with a pass/fail output.
    """

    execution_id: uuid.UUID
    status: str
    passed: bool
    reasons: list[str]
    scenarios: list[ScenarioVerdict]
    pass_rates: Mapping[str, float]
    total_calls: int
    failed_calls: int
    thresholds: Thresholds


def judge(
    results: ExecutionResults,
    *,
    thresholds: Thresholds | None = None,
    expected_scenario_ids: Iterable[uuid.UUID | str] | None = None,
) -> Verdict:
    """The verdict on ``results`` under ``thresholds``: a pure function, the same answer every time."""
    if thresholds is None:
        thresholds = Thresholds()
    elif not isinstance(thresholds, Thresholds):
        raise InvalidArgumentError("thresholds", f"must be a Thresholds, got {type(thresholds).__name__}")
    expected = (
        []
        if expected_scenario_ids is None
        else check_uuid_list("expected_scenario_ids", expected_scenario_ids)
    )
    failures: list[str] = []
    notes: list[str] = []
    calls = results.calls

    if results.status != "completed":
        failures.append(f"the execution is {results.status or 'in an unknown state'}, not completed")
    if not calls:
        failures.append("the execution has no calls")

    failed_calls = [call for call in calls if call.failed]
    if len(failed_calls) > thresholds.max_failed_calls:
        failures.append(
            f"{len(failed_calls)} of {len(calls)} calls did not complete "
            f"({_names(failed_calls)}); at most {thresholds.max_failed_calls} may"
        )
    else:
        notes.append(f"{len(calls) - len(failed_calls)} of {len(calls)} calls completed")

    rates, judged = _pass_rates(calls)
    below: set[str] = set()
    for name in thresholds.min_pass_rate:
        if name not in rates:
            seen = ", ".join(repr(n) for n in rates) or "none"
            failures.append(f"eval {name!r} has no pass/fail output in this execution (evals seen: {seen})")
    for name, rate in rates.items():
        minimum = thresholds.minimum(name)
        passed_count, total = judged[name]
        text = f"eval {name!r} passed {passed_count} of {total} completed calls ({_percent(rate)})"
        if rate < minimum:
            below.add(name)
            failures.append(f"{text}, below the minimum {_percent(minimum)}")
        else:
            notes.append(f"{text}, minimum {_percent(minimum)}")
    if not any(call.evals for call in calls):
        notes.append("no evals were configured: the verdict rests on call outcomes alone")

    scenarios = _scenario_verdicts(calls, expected, below)
    for scenario in scenarios:
        if not scenario.passed and not scenario.calls:
            failures.append(f"scenario {scenario.scenario_id} was expected but has no call")
    return Verdict(
        execution_id=results.execution_id,
        status=results.status,
        passed=not failures,
        reasons=failures + notes,
        scenarios=scenarios,
        pass_rates=rates,
        total_calls=len(calls),
        failed_calls=len(failed_calls),
        thresholds=thresholds,
    )


def _percent(fraction: float) -> str:
    """89.9%, not 90%: a rate just under its minimum must not read as equal to it."""
    return f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"


def _names(calls: list[CallOutcome]) -> str:
    shown = [
        f"{call.scenario_name or call.scenario_id or call.call_execution_id}: {call.status}" for call in calls
    ]
    return "; ".join(shown[:5]) + (f"; and {len(shown) - 5} more" if len(shown) > 5 else "")


def _pass_rates(calls: tuple[CallOutcome, ...]) -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
    # Only completed calls count, as on the server's eval summary: a failed call has no eval output.
    judged: dict[str, tuple[int, int]] = {}
    for call in calls:
        if call.failed:
            continue
        for outcome in call.evals:
            if outcome.passed is None:
                continue
            passed, total = judged.get(outcome.name, (0, 0))
            judged[outcome.name] = (passed + outcome.passed, total + 1)
    rates = {name: passed / total for name, (passed, total) in judged.items()}
    return rates, judged


def _scenario_verdicts(
    calls: tuple[CallOutcome, ...], expected: list[uuid.UUID], below: set[str]
) -> list[ScenarioVerdict]:
    groups: dict[object, list[CallOutcome]] = {}
    for call in calls:
        groups.setdefault(call.scenario_id or call.scenario_name or call.call_execution_id, []).append(call)
    verdicts: list[ScenarioVerdict] = []
    for group in groups.values():
        reasons: list[str] = []
        for call in group:
            if call.failed:
                reasons.append(f"call {call.call_execution_id} ended {call.status or 'in an unknown state'}")
            for outcome in call.evals:
                if outcome.passed is False and outcome.name in below:
                    why = f": {outcome.reason}" if outcome.reason else ""
                    reasons.append(f"eval {outcome.name!r} failed on call {call.call_execution_id}{why}")
        verdicts.append(
            ScenarioVerdict(
                scenario_id=group[0].scenario_id,
                scenario_name=group[0].scenario_name,
                passed=not reasons,
                reasons=reasons,
                calls=tuple(group),
            )
        )
    for scenario_id in dict.fromkeys(expected):
        if scenario_id not in groups:
            verdicts.append(
                ScenarioVerdict(
                    scenario_id=scenario_id,
                    scenario_name=None,
                    passed=False,
                    reasons=["no call of this scenario in the execution"],
                    calls=(),
                )
            )
    return verdicts


publish(ScenarioVerdict, Thresholds, Verdict)
