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
from ._models import EvalConfig, RunTest
from ._results import FINISHED_STATUSES, ExecutionResults

if TYPE_CHECKING:
    from ._verdict import ScenarioVerdict, Verdict

__all__ = [
    "BaselineComparison",
    "EvalChange",
    "ScenarioChange",
    "baseline_problem",
    "compare",
    "copied_from",
    "copy_problem",
    "matched_eval_configs",
    "with_eval_ids",
]

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


# What ``run_tests.clone`` writes on a copy (``COPY_DESCRIPTION`` in ``_resources/run_tests.py``): the only
# record the server keeps of the run test a copy was made from.
_COPY_MARK = "Copy of run test {original} pinned to agent version "


def copy_problem(judged: RunTest, original: RunTest) -> str | None:
    """Why executions of run test ``original`` cannot be baselines for ``judged``; None when ``judged``
    is ``original`` or a copy of it made by ``run_tests.clone`` (its description names the original)."""
    if judged.id == original.id:
        return None
    description = judged.description if isinstance(judged.description, str) else ""
    if description.startswith(_COPY_MARK.format(original=original.id)):
        return None
    return (
        f"run test {original.id} is neither run test {judged.id} nor the run test it was copied from "
        "(a copy's description, written by run_tests.clone, names its original), so their results "
        "cannot be compared"
    )


def copied_from(run_test: RunTest) -> uuid.UUID | None:
    """The run test ``run_tests.clone`` made ``run_test`` from, as its description names it; None when
    it is no such copy."""
    description = run_test.description if isinstance(run_test.description, str) else ""
    head, _, rest = _COPY_MARK.partition("{original}")
    if not description.startswith(head):
        return None
    named = description[len(head) :].split(rest, 1)[0] if rest in description else ""
    try:
        return uuid.UUID(named)
    except ValueError:
        return None


def _config_key(config: EvalConfig) -> tuple[str, str] | None:
    template = config.template_id
    if not isinstance(config.id, uuid.UUID) or not isinstance(template, uuid.UUID):
        return None
    return (str(config.name), str(template))


def matched_eval_configs(
    baseline_configs: Iterable[EvalConfig] | None, configs: Iterable[EvalConfig] | None
) -> dict[str, str] | str:
    """The baseline run test's eval config ids mapped to the judged run test's (as text, as call outputs
    name them), matched by what survives ``run_tests.clone``: the name and the template (a copy's configs
    are recreated with new ids). Returns why they cannot be matched instead: either side unknown, a
    config without an id or template, two configs of one side alike, or another set of configs."""
    if baseline_configs is None or configs is None:
        return "the run tests' eval configs are unknown, so a baseline's evals cannot be matched"
    sides: list[dict[tuple[str, str], str]] = []
    for label, side in (("the baseline's run test", baseline_configs), ("the run test judged", configs)):
        keyed: dict[tuple[str, str], str] = {}
        for config in side:
            key = _config_key(config)
            if key is None:
                return (
                    f"eval config {config.name!r} of {label} has no id or template_id in the answer, so it "
                    "cannot be matched with the baseline's"
                )
            if key in keyed:
                return (
                    f"{label} has two eval configs named {key[0]!r} of template {key[1]}, so they cannot be "
                    "matched with the baseline's"
                )
            keyed[key] = str(config.id)
        sides.append(keyed)
    then, now = sides
    if set(then) != set(now):
        added = ", ".join(repr(name) for name, _ in sorted(set(now) - set(then))) or "none"
        gone = ", ".join(repr(name) for name, _ in sorted(set(then) - set(now))) or "none"
        return (
            "the baseline's run test has another set of eval configs, matched by name and template "
            f"(configs the run test judged has that the baseline's lacks: {added}; configs of the "
            f"baseline's run test the run test judged lacks: {gone})"
        )
    return {then[key]: now[key] for key in then}


def with_eval_ids(results: ExecutionResults, mapping: dict[str, str]) -> ExecutionResults:
    """``results`` with every eval output filed under the id ``mapping`` gives it (unmapped ids kept):
    a baseline of the original judged by its copy's eval configs."""
    calls = tuple(
        attrs.evolve(
            call,
            evals=tuple(attrs.evolve(o, eval_id=mapping.get(o.eval_id, o.eval_id)) for o in call.evals),
        )
        for call in results.calls
    )
    return attrs.evolve(results, calls=calls)


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
        key = str(verdict.eval_config_id)
        score = verdict.pass_rate is None and (
            verdict.average_score is not None
            or (old_eval is not None and old_eval.average_score is not None)
            or _numbers_among(current, key)
            or _numbers_among(baseline, key)
        )
        measure = "average score" if score else "pass rate"
        value = verdict.average_score if score else verdict.pass_rate
        old_value = None if old_eval is None else (old_eval.average_score if score else old_eval.pass_rate)
        delta = None if value is None or old_value is None else value - old_value
        regressed = delta is not None and delta < -max_regression - _EPSILON
        # A measure one side lacks (a score eval with a NaN, a bool or text among its scores, or an eval
        # that judged nothing) hides any drop: it fails rather than passing as "no regression".
        unmeasured = (
            old_eval is not None
            and (score or value is not None or old_value is not None)
            and (value is None or old_value is None)
        )
        if unmeasured:
            regressed = True
            side = "now" if value is None else f"in baseline execution {baseline.execution_id}"
            regressions.append(
                f"eval {verdict.name!r}: its {measure} cannot be compared with baseline execution "
                f"{baseline.execution_id}: it has none {side} (outputs that are not all "
                f"{'scores' if score else 'pass/fail'}, or none judged)"
            )
        elif regressed:
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


def _numbers_among(verdict: Verdict, eval_id: str) -> bool:
    """Whether any output of the eval in ``verdict`` is a number (a NaN included): a score eval."""
    return any(
        isinstance(outcome.output, (int, float)) and not isinstance(outcome.output, bool)
        for scenario in verdict.scenarios
        for call in scenario.calls
        for outcome in call.evals
        if outcome.eval_id == eval_id
    )


def _shown(value: float | None, score: bool) -> str:
    if value is None:
        return "none"
    if score:
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{value * 100:.1f}".rstrip("0").rstrip(".") + "%"


publish(BaselineComparison, EvalChange, ScenarioChange)
