"""This execution against a baseline execution of the same run test: pure, no I/O.

``baseline_problem`` says why two executions cannot be compared (a baseline not finished, no scenario in
common, another set of eval configs), so the caller refuses the baseline before anything is executed;
``compare`` lines up two verdicts judged under the same thresholds and the same live eval configs: per
scenario newly failing, fixed, still failing or still passing; per eval config its pass rate (pass/fail
evals) or average score (score evals) then and now. A scenario that passed in the baseline and fails now
is a regression; so is an eval whose rate or average dropped by more than ``max_regression``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ._exports import publish
from ._models import EvalConfig
from ._results import FINISHED_STATUSES, ExecutionResults

if TYPE_CHECKING:
    from ._verdict import ScenarioVerdict, Verdict

__all__ = ["BaselineComparison", "EvalChange", "ScenarioChange", "baseline_problem", "compare"]

# Rates and averages are floats: a drop smaller than this is the same value computed another way.
_EPSILON = 1e-9

NEWLY_FAILING = "newly failing"
FIXED = "fixed"
STILL_FAILING = "still failing"
STILL_PASSING = "still passing"
NOT_IN_BASELINE = "not in the baseline"
NOT_RUN_NOW = "not in this execution"


@attrs.frozen(kw_only=True)
class ScenarioChange:
    """One scenario then and now: ``change`` is ``"newly failing"``, ``"fixed"``, ``"still failing"``,
    ``"still passing"``, ``"not in the baseline"`` or ``"not in this execution"``; ``passed`` and
    ``baseline_passed`` the two outcomes (None where the scenario did not run), each the verdict's own
    scenario outcome (``ScenarioVerdict.passed``) under the same thresholds."""

    scenario_id: uuid.UUID | None
    scenario_name: str | None
    change: str
    passed: bool | None
    baseline_passed: bool | None


@attrs.frozen(kw_only=True)
class EvalChange:
    """One live eval config then and now: ``measure`` is ``"pass rate"`` (a fraction) or ``"average
    score"`` (the score's units); ``value`` and ``baseline_value`` the two (None where it judged nothing),
    ``change`` the difference, ``regressed`` True when it dropped by more than ``max_regression``."""

    eval_config_id: uuid.UUID | None
    name: str
    measure: str
    value: float | None
    baseline_value: float | None
    change: float | None
    regressed: bool


@attrs.frozen(kw_only=True)
class BaselineComparison:
    """This execution against ``baseline_execution_id`` (``Verdict.baseline``): ``scenarios`` one
    ``ScenarioChange`` each, ``evals`` one ``EvalChange`` per live eval config, ``regressions`` one line
    per regression (the verdict fails on each), ``max_regression`` the drop allowed."""

    baseline_execution_id: uuid.UUID
    max_regression: float
    scenarios: tuple[ScenarioChange, ...]
    evals: tuple[EvalChange, ...]
    regressions: tuple[str, ...]

    @property
    def newly_failing(self) -> tuple[ScenarioChange, ...]:
        return tuple(s for s in self.scenarios if s.change == NEWLY_FAILING)

    @property
    def fixed(self) -> tuple[ScenarioChange, ...]:
        return tuple(s for s in self.scenarios if s.change == FIXED)


def _scenario_key(scenario_id: uuid.UUID | None, name: str | None) -> object:
    return scenario_id or name


def baseline_problem(
    baseline: ExecutionResults,
    *,
    eval_configs: Iterable[EvalConfig] | None,
    scenario_ids: Iterable[uuid.UUID] | None,
) -> str | None:
    """Why ``baseline`` cannot be compared with an execution of the run test whose live eval configs are
    ``eval_configs`` and that runs ``scenario_ids`` (None: not known yet); None when it can.

    Refused: a baseline not finished (its results may still change), one with no call, one that shares
    no scenario with ``scenario_ids``, and one whose calls carry outputs of another set of eval configs
    than the run test has now (compared by id over every call's outputs: a config added or deleted since
    makes rates that mean something else)."""
    if baseline.status not in FINISHED_STATUSES:
        status = baseline.status or "in an unknown state"
        return f"baseline execution {baseline.execution_id} is {status}, not finished"
    if not baseline.calls:
        return f"baseline execution {baseline.execution_id} has no calls"
    if scenario_ids is not None:
        wanted = set(scenario_ids)
        if wanted and not wanted & {call.scenario_id for call in baseline.calls}:
            return (
                f"baseline execution {baseline.execution_id} has no scenario in common with this run "
                f"({len(wanted)} scenarios)"
            )
    if eval_configs is None:
        return "the run test's eval configs are unknown, so a baseline's evals cannot be matched"
    live = {str(config.id) for config in eval_configs if isinstance(config.id, uuid.UUID)}
    completed = [call for call in baseline.calls if not call.failed]
    then = {outcome.eval_id for call in completed for outcome in call.evals}
    if completed and then != live:
        names = {outcome.eval_id: outcome.name for call in completed for outcome in call.evals}
        names.update({str(c.id): str(c.name) for c in eval_configs if isinstance(c.id, uuid.UUID)})
        added = ", ".join(repr(names[i]) for i in sorted(live - then)) or "none"
        gone = ", ".join(repr(names[i]) for i in sorted(then - live)) or "none"
        return (
            f"baseline execution {baseline.execution_id} was judged by another set of eval configs "
            f"(configs the run test has that the baseline lacks: {added}; configs of the baseline the run "
            f"test no longer has: {gone})"
        )
    return None


def _clean(scenario: ScenarioVerdict) -> bool:
    """Whether the scenario passed: the verdict's own scenario outcome under the same thresholds, so a
    report never calls a scenario passed in ``scenarios`` and failing in ``baseline.scenarios``."""
    return scenario.passed


def compare(current: Verdict, baseline: Verdict, *, max_regression: float) -> BaselineComparison:
    """``current`` against ``baseline``, two ``Verdict``s judged under the same thresholds and eval
    configs (``executions.report(..., baseline=...)`` judges both)."""
    regressions: list[str] = []
    before = {_scenario_key(s.scenario_id, s.scenario_name): s for s in baseline.scenarios}
    now = {_scenario_key(s.scenario_id, s.scenario_name): s for s in current.scenarios}
    changes: list[ScenarioChange] = []
    for key, scenario in now.items():
        old = before.get(key)
        passed = _clean(scenario)
        old_passed = None if old is None else _clean(old)
        if old is None:
            change = NOT_IN_BASELINE
        elif old_passed and not passed:
            change = NEWLY_FAILING
            label = scenario.scenario_name or scenario.scenario_id
            regressions.append(
                f"scenario {label} passed in baseline execution {baseline.execution_id} and fails now"
            )
        elif not old_passed and passed:
            change = FIXED
        else:
            change = STILL_PASSING if passed else STILL_FAILING
        changes.append(
            ScenarioChange(
                scenario_id=scenario.scenario_id,
                scenario_name=scenario.scenario_name,
                change=change,
                passed=passed,
                baseline_passed=old_passed,
            )
        )
    for key, old in before.items():
        if key not in now:
            changes.append(
                ScenarioChange(
                    scenario_id=old.scenario_id,
                    scenario_name=old.scenario_name,
                    change=NOT_RUN_NOW,
                    passed=None,
                    baseline_passed=_clean(old),
                )
            )
    then = {e.eval_config_id: e for e in baseline.evals}
    evals: list[EvalChange] = []
    for verdict in current.evals:
        old_eval = then.get(verdict.eval_config_id)
        score = verdict.pass_rate is None and (
            verdict.average_score is not None or (old_eval is not None and old_eval.average_score is not None)
        )
        measure = "average score" if score else "pass rate"
        value = verdict.average_score if score else verdict.pass_rate
        old_value = None if old_eval is None else (old_eval.average_score if score else old_eval.pass_rate)
        delta = None if value is None or old_value is None else value - old_value
        regressed = delta is not None and delta < -max_regression - _EPSILON
        if regressed:
            regressions.append(
                f"eval {verdict.name!r}: {measure} {_shown(value, score)} against "
                f"{_shown(old_value, score)} in "
                f"baseline execution {baseline.execution_id}, a drop of {_shown(-(delta or 0.0), score)}; "
                f"at most {_shown(max_regression, score)} may (max_regression)"
            )
        evals.append(
            EvalChange(
                eval_config_id=verdict.eval_config_id,
                name=verdict.name,
                measure=measure,
                value=value,
                baseline_value=old_value,
                change=delta,
                regressed=regressed,
            )
        )
    return BaselineComparison(
        baseline_execution_id=baseline.execution_id,
        max_regression=max_regression,
        scenarios=tuple(changes),
        evals=tuple(evals),
        regressions=tuple(regressions),
    )


def _shown(value: float | None, score: bool) -> str:
    if value is None:
        return "none"
    if score:
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"


publish(BaselineComparison, EvalChange, ScenarioChange)
