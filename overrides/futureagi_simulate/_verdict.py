"""Did the agent pass? ``Thresholds`` say what passing means; ``judge`` decides, with no I/O.

The verdict judges what the server would judge, on one complete snapshot of the execution's results
(``executions.report`` reads it, every call exactly once) and the run test's eval configs as they are
now. "Completed" is not "passed": the server marks an execution ``completed`` as soon as one call
completed (``docs/dialects.md``, "After execute"). A verdict passes only when

- the execution is ``completed``: one still running (or ``evaluating``, ``cancelling``) is not judged
  final, and one that ended ``failed`` or ``cancelled`` fails;
- every expected scenario (``expected_scenario_ids``) has a call;
- no more calls than ``max_failed_calls`` ended without completing (``failed``, ``cancelled``, or never
  finished);
- only the run test's live eval configs count, matched to the calls' outputs by eval config id: the
  server keeps the outputs of deleted configs on each call, and a name can be reused after its config
  is deleted. Outputs of other configs are ignored (the reasons say so);
- every live eval config judged at least one completed call: one that judged nothing never passes;
- no live eval config left more than ``max_unjudged_calls`` completed calls unjudged: an output that is
  ``null`` (the eval errored or was skipped) or missing is unjudged;
- every pass/fail eval's pass rate is at least its minimum: ``min_pass_rate[name]`` for the evals named
  there, ``default_min_pass_rate`` (1.0: every call passes) for the others. The rate is the server's
  eval summary's: over the completed calls the eval gave an output for, only ``Passed``/``Failed`` (any
  case) and booleans pass or fail, and every other output (``Pass``, a choice) is in the total too;
- every name in ``min_pass_rate`` is a live pass/fail eval config of the run test, so a typo never
  passes silently. An eval config whose outputs are scores (numbers, or typed ``score``/``choices``) has
  no pass rate; its scores are on each ``EvalOutcome``;
- every score eval named in ``min_score`` averages at least its minimum over the completed calls it
  judged; each name must be a live eval config whose every output is a number (a score), so a typo or a
  pass/fail eval named there fails the verdict.

A scenario fails when one of its calls did not complete, when it was expected and has no call, or when
one of its calls failed, scored below the minimum of, or was left unjudged by, an eval that failed the
verdict: the scenarios that
failed are the ones that cost the verdict. A run test with no eval configs is judged on call outcomes
alone, and says so.
"""

from __future__ import annotations

import operator
import uuid
from collections.abc import Iterable, Mapping
from functools import reduce
from itertools import compress
from typing import Any

import attrs

from ._baseline import BaselineComparison, compare
from ._cost import ExecutionCost
from ._errors import InvalidArgumentError
from ._exports import publish
from ._models import EvalConfig
from ._results import CallOutcome, EvalOutcome, ExecutionResults
from ._thresholds import Thresholds, _shown, live_eval_configs
from ._validate import check_uuid_list, is_finite_number
from ._words import counted

__all__ = [
    "FLAKY_POLICIES",
    "EvalVerdict",
    "ScenarioVerdict",
    "Thresholds",
    "Verdict",
    "judge",
    "judge_rounds",
    "live_eval_configs",
    "rerun_call_ids",
]


@attrs.frozen(kw_only=True)
class ScenarioVerdict:
    """One scenario's part of a verdict: ``passed`` and, when it failed, ``reasons`` saying why. It
    passed when each of its calls completed and every live eval config passed it (a pass/fail eval:
    ``Passed``; a score eval named in ``min_score``: at least the minimum), whatever the whole verdict;
    the baseline comparison uses the same outcome.

    After reruns of failures (``judge_rounds``): ``flaky`` is True for a scenario that failed and then
    passed on a rerun; ``first_reasons`` and ``first_calls`` keep why it failed the first time and its
    calls then (the first results, which the rerun replaced on the server); ``attempts`` is how many
    rounds judged it (1: never rerun). ``outcome`` is ``"passed"``, ``"failed"`` or ``"flaky"``.
    """

    scenario_id: uuid.UUID | None
    scenario_name: str | None
    passed: bool
    reasons: list[str]
    calls: tuple[CallOutcome, ...] = attrs.field(repr=False)
    flaky: bool = False
    first_reasons: tuple[str, ...] = ()
    first_calls: tuple[CallOutcome, ...] = attrs.field(default=(), repr=False)
    attempts: int = 1

    @property
    def outcome(self) -> str:
        """``"flaky"`` (failed, then passed on a rerun), else ``"passed"`` or ``"failed"``."""
        return "flaky" if self.flaky else "passed" if self.passed else "failed"


@attrs.frozen(kw_only=True)
class EvalVerdict:
    """One live eval config's part of a verdict, counted as the server's eval summary counts.

    ``judged`` is how many completed calls it gave an output for (the summary's ``total_cells``), of
    which ``pass_count`` said ``Passed``/``true`` and ``fail_count`` ``Failed``/``false``. ``unjudged``
    is how many completed calls it left without one: ``errored`` of them with an error, ``skipped``
    skipped, the rest with a ``null`` or no output. ``pass_rate`` is ``pass_count / judged`` (a
    fraction) for a pass/fail eval, None for a score or choices eval and for one that judged nothing;
    ``minimum`` is the rate it had to reach (None when no rate applies). ``average_score`` is the mean
    of its scores over the calls it judged when every output it gave is a number (None otherwise), in
    the score's own units; ``min_score`` the average it had to reach (``Thresholds.min_score``, None
    when not named there). ``passed`` is whether this eval let the verdict pass.
    """

    eval_config_id: uuid.UUID | None
    name: str
    judged: int
    pass_count: int
    fail_count: int
    unjudged: int
    errored: int
    skipped: int
    pass_rate: float | None
    minimum: float | None
    passed: bool
    average_score: float | None = None
    min_score: float | None = None


@attrs.frozen(kw_only=True)
class Verdict:
    """Whether an execution passed, and why (``executions.report``).

    ``reasons`` explain the verdict, failures first: each failed rule, then the eval pass rates and the
    call counts. ``scenarios`` has one entry per scenario, in the order the calls came. ``evals`` has one
    entry per live eval config of the run test, in the run test's order. ``pass_rates`` maps each pass/fail
    eval config's name to its pass rate (a fraction), over the completed calls it judged;
    ``unjudged_calls`` maps each eval config's name to how many completed calls it left unjudged.
    ``cost`` is what the calls cost (``ExecutionCost``, from the call rows' ``cost_cents``; its
    ``total_cents`` None where the server sent none), None when it was not read; it does not change
    ``passed``. ``baseline`` compares this execution with a baseline execution's (``BaselineComparison``)
    when one was given: each of its ``regressions`` failed the verdict.
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
    evals: tuple[EvalVerdict, ...] = ()
    unjudged_calls: Mapping[str, int] = attrs.field(factory=dict)
    cost: ExecutionCost | None = None
    baseline: BaselineComparison | None = None
    #: Rerun rounds judged after the first (``judge_rounds``); 0 when nothing was rerun.
    reruns: int = 0
    #: ``"fail"`` or ``"pass"``: whether a flaky scenario failed the verdict (``judge_rounds``).
    flaky_policy: str = "fail"
    #: The scenario ids it was judged to expect (``expected_scenario_ids`` of ``judge``), in order: a
    #: rejudge (``executions.rerun_failed``) reuses them with ``thresholds`` and ``baseline``.
    expected_scenario_ids: tuple[uuid.UUID, ...] = ()

    @property
    def flaky_scenarios(self) -> tuple[ScenarioVerdict, ...]:
        """The scenarios that failed and then passed on a rerun."""
        return tuple(s for s in self.scenarios if s.flaky)


FLAKY_POLICIES = ("fail", "pass")


def _key(scenario: ScenarioVerdict) -> object:
    calls = tuple(call.call_execution_id for call in scenario.calls)
    return scenario.scenario_id or scenario.scenario_name or calls


def rerun_call_ids(verdict: Verdict) -> list[uuid.UUID]:
    """The calls to rerun after ``verdict``: of each scenario that failed, the calls that failed (the call
    did not complete) or that its reasons name (an eval failed, left it unjudged or scored it below its
    minimum); every call of a failed scenario whose reasons name none of them. A pure function."""
    chosen: list[uuid.UUID] = []
    for scenario in verdict.scenarios:
        if scenario.passed:
            continue
        said = " ".join(scenario.reasons)
        named = [c.call_execution_id for c in scenario.calls if c.failed or str(c.call_execution_id) in said]
        chosen.extend(named or [c.call_execution_id for c in scenario.calls])
    return list(dict.fromkeys(chosen))


def _baseline_id(verdict: Verdict) -> uuid.UUID | None:
    return None if verdict.baseline is None else verdict.baseline.baseline_execution_id


def judged_apart(first: Verdict, later: Verdict) -> str | None:
    """What ``later`` was judged with that differs from ``first``: ``"thresholds"``, ``"expected
    scenario ids"`` or ``"baseline"``; None when both were judged alike. A pure function."""
    if later.thresholds != first.thresholds:
        return "thresholds"
    if set(later.expected_scenario_ids) != set(first.expected_scenario_ids):
        return "expected scenario ids"
    if _baseline_id(later) != _baseline_id(first):
        return "baseline"
    return None


def judge_rounds(rounds: Iterable[Verdict], *, flaky: str = "fail") -> Verdict:
    """One verdict from the first verdict and those after each rerun of its failures, in order; pure.

    The last round's verdict stands (the rates and the calls are the results after the last rerun),
    with each scenario that failed in an earlier round and passed in the last marked ``flaky``, its first
    reasons and calls kept. ``flaky="fail"`` (the default) fails the verdict on a flaky scenario;
    ``"pass"`` lets the last round decide. A scenario that failed in every round stays failed, and one
    an earlier round judged that the last round's results lack fails the verdict under either policy.
    """
    if flaky not in FLAKY_POLICIES:
        raise InvalidArgumentError("flaky", f"must be 'fail' or 'pass', got {_shown(flaky)}")
    judged = list(rounds)
    if not judged or not all(isinstance(v, Verdict) for v in judged):
        raise InvalidArgumentError("rounds", "must be one or more Verdicts, the first verdict first")
    first, last = judged[0], judged[-1]
    for number, later in enumerate(judged[1:], start=2):
        dropped = judged_apart(first, later)
        if dropped is not None:
            # The last round's verdict stands: judged on looser rules, a failing gate would pass.
            raise InvalidArgumentError(
                "rounds", f"round {number} was judged with other {dropped} than the first verdict"
            )
    if len(judged) == 1:
        return attrs.evolve(first, flaky_policy=flaky)
    earlier = {_key(s): s for s in first.scenarios}
    # Rounds in which each scenario was judged failed before the last: each was followed by a rerun.
    failed_in: dict[object, int] = {}
    for verdict in judged[:-1]:
        for scenario in verdict.scenarios:
            if not scenario.passed:
                failed_in[_key(scenario)] = failed_in.get(_key(scenario), 0) + 1
    scenarios: list[ScenarioVerdict] = []
    for scenario in last.scenarios:
        before = earlier.get(_key(scenario))
        if before is None or before.passed:
            scenarios.append(scenario)
            continue
        scenarios.append(
            attrs.evolve(
                scenario,
                flaky=scenario.passed,
                first_reasons=tuple(before.reasons),
                first_calls=before.calls,
                attempts=failed_in.get(_key(scenario), 1) + 1,
            )
        )
    # A scenario an earlier round judged and the last round's results lack (its calls gone after the
    # rerun) was never judged again: it fails, or the verdict would pass on the scenarios left.
    present = {_key(s) for s in last.scenarios}
    missing: dict[object, ScenarioVerdict] = {}
    for verdict in judged[:-1]:
        for scenario in verdict.scenarios:
            if _key(scenario) not in present:
                missing[_key(scenario)] = scenario
    gone = "it had no call in the results after the rerun: it was not judged again"
    for scenario in missing.values():
        scenarios.append(
            attrs.evolve(
                scenario,
                passed=False,
                flaky=False,
                reasons=[*scenario.reasons, gone],
                first_reasons=tuple(earlier[_key(scenario)].reasons) if _key(scenario) in earlier else (),
                attempts=failed_in.get(_key(scenario), 0) + 1,
            )
        )
    flakes = [s for s in scenarios if s.flaky]
    reasons = list(last.reasons)
    passed = last.passed and not missing
    if missing:
        names = ", ".join(str(s.scenario_name or s.scenario_id) for s in missing.values())
        reasons.insert(0, f"{len(missing)} scenarios had no call in the results after the rerun: {names}")
    if flakes:
        names = ", ".join(str(s.scenario_name or s.scenario_id) for s in flakes)
        are = "scenario is" if len(flakes) == 1 else "scenarios are"
        line = f"{len(flakes)} {are} flaky (failed, then passed on a rerun): {names}"
        if flaky == "fail":
            passed = False
            reasons.insert(0, f"{line}; flaky fails the verdict (--flaky fail)")
        else:
            reasons.append(f"{line}; flaky passes (--flaky pass)")
    reasons.append(f"{counted(len(judged) - 1, 'rerun round')} of the failures after the first results")
    return attrs.evolve(
        last, passed=passed, reasons=reasons, scenarios=scenarios, reruns=len(judged) - 1, flaky_policy=flaky
    )


def judge(
    results: ExecutionResults,
    *,
    eval_configs: Iterable[EvalConfig] | None,
    thresholds: Thresholds | None = None,
    expected_scenario_ids: Iterable[uuid.UUID | str] | None = None,
    cost: ExecutionCost | None = None,
    baseline: Verdict | None = None,
) -> Verdict:
    """The verdict on ``results`` under ``thresholds``: a pure function, the same answer every time.

    ``results`` is one complete snapshot of the execution's calls (``executions.results``).
    ``eval_configs`` are the run test's eval configs now (``live_eval_configs(run_tests.get(...))``):
    only their outputs count, matched by id; None means they are unknown, and the verdict fails.
    ``baseline`` is the baseline execution's verdict under the same thresholds and eval configs (check
    it first with ``baseline_problem``): a scenario it passed that fails now, or an eval whose rate or
    average score dropped by more than ``thresholds.max_regression``, fails the verdict.
    """
    if thresholds is None:
        thresholds = _DEFAULT_THRESHOLDS
    elif not isinstance(thresholds, Thresholds):
        raise InvalidArgumentError("thresholds", f"must be a Thresholds, got {type(thresholds).__name__}")
    expected = (
        []
        if expected_scenario_ids is None
        else check_uuid_list("expected_scenario_ids", expected_scenario_ids)
    )
    configs = None if eval_configs is None else _checked_configs(eval_configs)
    failures: list[str] = []
    notes: list[str] = []
    calls = results.calls

    failures.extend(_status_failures(results.status))
    if not calls:
        failures.append("the execution has no calls")

    failed_calls, completed = _split(calls)
    if len(failed_calls) > thresholds.max_failed_calls:
        failures.append(
            f"{len(failed_calls)} of {len(calls)} calls did not complete "
            f"({_names(failed_calls)}); at most {thresholds.max_failed_calls} may"
        )
    else:
        notes.append(f"{len(completed)} of {len(calls)} calls completed")

    evals: list[EvalVerdict] = []
    # Eval config id -> its name, and whether its failed outputs, its unjudged calls or both cost the verdict.
    costly: dict[str, tuple[str, set[str]]] = {}
    tallies: dict[str, _Tally] = {}
    if configs is None:
        failures.append(
            "the run test's eval configs are unknown (its answer has no evals_detail, evals or "
            "simulate_eval_configs_detail), so the evals cannot be judged"
        )
    else:
        if not configs:
            notes.append("the run test has no eval configs: the verdict rests on call outcomes alone")
        # Read once for every eval config's tally, and counting every output for _ignored_outputs.
        columns = _Columns.of(completed) if configs else None
        evals, costly, tallies = _judge_evals(configs, completed, thresholds, failures, notes, columns)
        _check_named(thresholds, [e.name for e in evals], evals, failures)
        _ignored_outputs(configs, completed, tallies, notes, None if columns is None else len(columns.flat))

    scenarios = _scenario_verdicts(calls, completed, failed_calls, expected, costly, evals, tallies)
    for scenario in scenarios:
        if not scenario.passed and not scenario.calls:
            failures.append(f"scenario {scenario.scenario_id} was expected but has no call")
    verdict = Verdict(
        execution_id=results.execution_id,
        status=results.status,
        passed=not failures,
        reasons=failures + notes,
        scenarios=scenarios,
        pass_rates={e.name: e.pass_rate for e in evals if e.pass_rate is not None},
        total_calls=len(calls),
        failed_calls=len(failed_calls),
        thresholds=thresholds,
        evals=tuple(evals),
        unjudged_calls={e.name: e.unjudged for e in evals},
        cost=cost,
        expected_scenario_ids=tuple(expected),
    )
    if baseline is None:
        return verdict
    if not isinstance(baseline, Verdict):
        raise InvalidArgumentError("baseline", f"must be a Verdict, got {type(baseline).__name__}")
    comparison = compare(verdict, baseline, max_regression=thresholds.max_regression)
    summary = (
        f"against baseline execution {baseline.execution_id}: {len(comparison.newly_failing)} scenarios "
        f"newly failing, {len(comparison.fixed)} fixed"
    )
    newly = {(c.scenario_id, c.scenario_name) for c in comparison.newly_failing}
    why = f"passed in baseline execution {baseline.execution_id} and fails now"
    return attrs.evolve(
        verdict,
        passed=verdict.passed and not comparison.regressions,
        reasons=failures + list(comparison.regressions) + notes + [summary],
        # A scenario newly failing fails in every report, even where no eval failed the whole verdict.
        scenarios=[
            attrs.evolve(s, passed=False, reasons=[*s.reasons, why])
            if (s.scenario_id, s.scenario_name) in newly
            else s
            for s in verdict.scenarios
        ],
        baseline=comparison,
    )


# The thresholds of a verdict judged with none: a frozen value (its mappings read-only), built once, where
# each verdict ran Thresholds()'s five converters.
_DEFAULT_THRESHOLDS = Thresholds()


def _split(calls: tuple[CallOutcome, ...]) -> tuple[list[CallOutcome], list[CallOutcome]]:
    """The calls that failed (``CallOutcome.failed``) and those that completed, each in order. When every
    call is a ``CallOutcome`` itself (no subclass's own ``failed``), its rule (``status != "completed"``)
    is written out in one list comprehension: a loop calling the property was a sixth of a verdict."""
    if list(map(type, calls)).count(CallOutcome) == len(calls):
        failing = [call.status != "completed" for call in calls]
        if not any(failing):
            return [], list(calls)
        return list(compress(calls, failing)), list(compress(calls, map(operator.not_, failing)))
    failed: list[CallOutcome] = []
    completed: list[CallOutcome] = []
    for call in calls:
        (failed if call.failed else completed).append(call)
    return failed, completed


def _checked_configs(eval_configs: Iterable[EvalConfig]) -> list[EvalConfig]:
    if isinstance(eval_configs, (str, bytes, Mapping)) or not isinstance(eval_configs, Iterable):
        raise InvalidArgumentError(
            "eval_configs", f"must be the run test's EvalConfig list, got {type(eval_configs).__name__}"
        )
    configs = list(eval_configs)
    for index, config in enumerate(configs):
        if not isinstance(config, EvalConfig):
            raise InvalidArgumentError(
                f"eval_configs[{index}]", f"must be an EvalConfig, got {type(config).__name__}"
            )
    return configs


def _status_failures(status: str) -> list[str]:
    if status == "completed":
        return []
    if status in ("failed", "cancelled"):
        return [f"the execution ended {status}, not completed"]
    shown = status or "in an unknown state"
    return [
        f"the execution is {shown}, not finished: its results are not final, so they were not judged "
        "as final; wait for the end (executions.wait) and report again"
    ]


def _config_name(config: EvalConfig) -> str:
    name = config.name
    if isinstance(name, str) and name:
        return name
    return str(config.id) if isinstance(config.id, uuid.UUID) else "(an eval config without a name)"


# Output types whose outputs have no pass rate: the server's score and choices, and the normalised names
# of those kinds (percentage, deterministic) a server may write instead (simulate/utils/eval_summary.py).
_NOT_PASS_FAIL_TYPES = frozenset({"score", "choices", "percentage", "deterministic"})


def _is_pass_fail(tally: _Tally) -> bool:
    """A pass/fail eval unless its outputs are typed score/choices or, untyped or of a type nobody
    knows, all numbers: the open sets lean to pass/fail, so an output nobody recognises is counted (as
    not passed), never dropped. A type is compared stripped and lower-cased (``"Pass/Fail "``)."""
    outputs = tally.outputs
    # An output told passed or not (counted by the tally's loop) makes it pass/fail, whatever the types.
    if tally.told:
        return True
    # Each type written once, then normalised: the outputs of one eval config mostly share one.
    types = {kind.strip().lower() for kind in {o.output_type for o in outputs} if kind}
    if "pass/fail" in types:
        return True
    if types and types <= _NOT_PASS_FAIL_TYPES:
        return False
    # Untyped, or of a type nobody knows: numbers are scores, anything else is judged pass/fail.
    return len(tally.scores) < len(outputs)


@attrs.frozen
class _Tally:
    """One eval config's outputs over the completed calls: the non-null ones, and the calls without.

    ``unsure``: the completed calls (by ``id()``) without a judged output under the id, or with more than
    one output under it; ``unpassed``: those whose output under the id is judged but not passed. What
    ``_faulted`` finds the calls that may fail a scenario with. ``pass_count`` and ``fail_count``: the
    outputs whose ``passed`` is True, False; ``told``: those whose ``passed`` is not None; ``scores``:
    the outputs' scores that are not None, in order: counted in the same loop, as each output is found
    (the verdict read every output three more times for them, BENCHMARKS.md, "report28")."""

    outputs: list[EvalOutcome]
    missing: list[EvalOutcome | None]
    unsure: set[int] = attrs.field(factory=set)
    unpassed: set[int] = attrs.field(factory=set)
    pass_count: int = 0
    fail_count: int = 0
    told: int = 0
    scores: list[float] = attrs.field(factory=list)

    @classmethod
    def of(cls, key: str, completed: list[CallOutcome], columns: _Columns | None = None) -> _Tally:
        if columns is not None:
            made = columns.tally(key, completed)
            if made is not None:
                return made
        outputs: list[EvalOutcome] = []
        missing: list[EvalOutcome | None] = []
        unsure: set[int] = set()
        unpassed: set[int] = set()
        scores: list[float] = []
        pass_count = fail_count = told = 0
        for call in completed:
            # The call's first output filed under the eval config's id. A loop, not next() over a
            # generator, and `output is not None` for `judged`: this runs for every call and config.
            outcome = None
            for candidate in call.evals:
                if candidate.eval_id == key:
                    if outcome is not None:
                        unsure.add(id(call))  # a second output under the id: _call_reasons reads the last
                        break
                    outcome = candidate
            if outcome is not None and outcome.output is not None:
                outputs.append(outcome)
                passed, score = outcome.passed, outcome.score
                if passed is True:
                    pass_count += 1
                    told += 1
                else:
                    unpassed.add(id(call))
                    if passed is not None:
                        told += 1
                        if passed is False:
                            fail_count += 1
                if score is not None:
                    scores.append(score)
            else:
                missing.append(outcome)
                unsure.add(id(call))
        return cls(outputs, missing, unsure, unpassed, pass_count, fail_count, told, scores)

    @property
    def errored(self) -> int:
        return sum(1 for o in self.missing if o is not None and o.error is not None)

    @property
    def skipped(self) -> int:
        return sum(1 for o in self.missing if o is not None and o.error is None and o.skipped)

    def why_missing(self) -> str:
        """`` (errored on 3, no output on 1)``: how the calls it did not judge went."""
        errored, skipped = self.errored, self.skipped
        parts = [f"errored on {errored}"] if errored else []
        parts += [f"skipped {skipped}"] if skipped else []
        rest = len(self.missing) - errored - skipped
        parts += [f"no output on {rest}"] if rest else []
        return f" ({', '.join(parts)})" if parts else ""


class _Columns:
    """The completed calls' outputs side by side, when every completed call has as many (the usual
    results: the server files each call's outputs alike), for ``tally`` to count an eval config id's
    outputs as a column, in list comprehensions and C, where ``_Tally.of``'s loop (the rule itself) reads
    every output of every call again for each id (over half of a verdict, BENCHMARKS.md, "report32").
    Any other shape, or a column with an unjudged output, is left to the loop: both give the same tally
    (tests/test_verdict.py draws results of that shape and compares the two)."""

    __slots__ = ("flat", "heads", "heads_read", "ids", "width")

    def __init__(self, flat: list[EvalOutcome], ids: list[object], width: int) -> None:
        self.flat = flat
        self.ids = ids
        self.width = width
        # Each column's id when every id is exact text and each column holds one, read once a verdict
        # (None: not so, each config's ids then counted as in ``tally``).
        self.heads: list[str] | None = None
        self.heads_read = False

    def _heads(self) -> list[str] | None:
        # Exact text is equal only to text of the same characters, so when every id of a column equals
        # its first, an exact text key equals all of them or none: its count there is the column's length
        # or 0, as `list.count` would find, without counting the columns again for every eval config.
        if not self.heads_read:
            self.heads_read = True
            ids, width = self.ids, self.width
            if set(map(type, ids)) == {str}:
                columns = [ids[column::width] for column in range(width)]
                if all(column.count(column[0]) == len(column) for column in columns):
                    self.heads = [str(column[0]) for column in columns]
        return self.heads

    @classmethod
    def of(cls, completed: list[CallOutcome]) -> _Columns | None:
        lists = [call.evals for call in completed]
        try:
            width = len(lists[0]) if lists else 0
            if not width or list(map(len, lists)).count(width) != len(lists):
                return None
        except TypeError:  # evals that are no tuple: the loop reads them as it can
            return None
        # Joined by list += tuple, one C call a call (chain.from_iterable, a nested comprehension: more).
        flat: list[EvalOutcome] = reduce(operator.iconcat, lists, [])
        return cls(flat, [outcome.eval_id for outcome in flat], width)

    def tally(self, key: str, completed: list[CallOutcome]) -> _Tally | None:
        """``_Tally.of(key, completed)`` from the id's column, or None for the loop to count."""
        width, count = self.width, len(completed)
        # list.count compares each id `== key` as the loop does: the id must be in one column on every
        # call and nowhere else, so each call's first (and only) output under it is that column's.
        heads = self._heads() if type(key) is str else None
        if heads is not None:
            found = [count if head == key else 0 for head in heads]
        else:
            found = [self.ids[column::width].count(key) for column in range(width)]
        if found.count(0) != width - 1 or count not in found:
            return None
        outputs = self.flat[found.index(count) :: width]
        passed = [outcome.passed for outcome in outputs if outcome.output is not None]
        if len(passed) != count:
            return None  # an unjudged call: the loop tells how
        # Told apart by identity, as the loop's `is True`, `is False` and `is None`, whatever their type.
        others = [said for said in passed if said is not True]
        told = count - len([said for said in others if said is None])
        fail_count = len([said for said in others if said is False])
        unpassed = (
            {id(call) for call, said in zip(completed, passed, strict=True) if said is not True}
            if others
            else set()
        )
        scores: list[float] = [outcome.score for outcome in outputs if outcome.score is not None]
        return _Tally(outputs, [], set(), unpassed, count - len(others), fail_count, told, scores)


def _judge_evals(
    configs: list[EvalConfig],
    completed: list[CallOutcome],
    thresholds: Thresholds,
    failures: list[str],
    notes: list[str],
    columns: _Columns | None = None,
) -> tuple[list[EvalVerdict], dict[str, tuple[str, set[str]]], dict[str, _Tally]]:
    names = [_config_name(config) for config in configs]
    for name in dict.fromkeys(n for n in names if names.count(n) > 1):
        failures.append(
            f"two live eval configs are named {name!r}: thresholds by name cannot tell them apart"
        )
    ids = [config.id for config in configs if isinstance(config.id, uuid.UUID)]
    for config_id in dict.fromkeys(i for i in ids if ids.count(i) > 1):
        failures.append(
            f"two live eval configs have the id {config_id}: the outputs filed under it cannot be told apart"
        )
    verdicts: list[EvalVerdict] = []
    costly: dict[str, tuple[str, set[str]]] = {}
    # Each live eval config's tally by its id as text (configs sharing an id have the same one).
    tallies: dict[str, _Tally] = {}
    for config, name in zip(configs, names, strict=True):
        if not isinstance(config.id, uuid.UUID):
            failures.append(
                f"eval config {name!r} has no id in the run test's answer: its outputs are unknown"
            )
            verdicts.append(_eval_verdict(config, name, _Tally([], []), None, passed=False))
            continue
        key = str(config.id)
        tally = tallies[key] = _Tally.of(key, completed, columns)
        judged, missing = len(tally.outputs), len(tally.missing)
        pass_fail = bool(tally.outputs) and _is_pass_fail(tally)
        minimum = thresholds.minimum(name) if pass_fail else None
        before = len(failures)
        if not tally.outputs:
            done = f"none of the {len(completed)} completed calls" if completed else "no call: none completed"
            failures.append(f"eval {name!r} judged {done}{tally.why_missing()}")
            costly.setdefault(key, (name, set()))[1].add("unjudged")
        elif missing > thresholds.max_unjudged_calls:
            failures.append(
                f"eval {name!r} left {missing} of {len(completed)} completed calls unjudged"
                f"{tally.why_missing()}; at most {thresholds.max_unjudged_calls} may (max_unjudged_calls)"
            )
            costly.setdefault(key, (name, set()))[1].add("unjudged")
        elif missing:
            notes.append(
                f"eval {name!r} left {missing} of {len(completed)} completed calls unjudged"
                f"{tally.why_missing()}; max_unjudged_calls allows {thresholds.max_unjudged_calls}"
            )
        verdict = _eval_verdict(
            config, name, tally, minimum, passed=True, min_score=thresholds.min_score.get(name)
        )
        if verdict.pass_rate is not None and minimum is not None:
            text = (
                f"eval {name!r} passed {verdict.pass_count} of {judged} calls it judged "
                f"({_percent(verdict.pass_rate)})"
            )
            if verdict.pass_rate < minimum:
                failures.append(f"{text}, below the minimum {_percent(minimum)}")
                costly.setdefault(key, (name, set()))[1].add("failed")
            else:
                notes.append(f"{text}, minimum {_percent(minimum)}")
        elif tally.outputs and name not in thresholds.min_score:
            notes.append(_score_line(verdict))
        if (
            name in thresholds.min_score
            and tally.outputs
            and _score_failure(verdict, pass_fail=pass_fail, failures=failures, notes=notes)
        ):
            costly.setdefault(key, (name, set()))[1].add("scored")
        # Built passed: a copy only for an eval that failed (attrs.evolve was a tenth of a verdict).
        verdicts.append(verdict if len(failures) == before else attrs.evolve(verdict, passed=False))
    return verdicts, costly, tallies


def _score_line(verdict: EvalVerdict) -> str:
    if verdict.average_score is None:
        return f"eval {verdict.name!r} gives scores, not pass/fail: it judged {verdict.judged} calls"
    return (
        f"eval {verdict.name!r} gives scores, not pass/fail: it averaged {_number(verdict.average_score)} "
        f"over the {verdict.judged} calls it judged"
    )


def _score_failure(verdict: EvalVerdict, *, pass_fail: bool, failures: list[str], notes: list[str]) -> bool:
    """The ``min_score`` rule on one named eval: True when its average score failed the verdict (the
    calls below the minimum then fail their scenarios). A name on a pass/fail eval, or on one whose
    outputs are not all numbers, fails too: an average of what is not a score means nothing."""
    name, minimum = verdict.name, verdict.min_score
    if pass_fail:
        failures.append(
            f"min_score names {name!r}, whose outputs are pass/fail, not scores: no score applies"
        )
        return False
    if verdict.average_score is None or minimum is None:
        failures.append(
            f"min_score names {name!r}, whose outputs are not all numbers (choices?): "
            "no average score applies"
        )
        return False
    text = (
        f"eval {name!r} averaged a score of {_number(verdict.average_score)} over the {verdict.judged} calls "
        f"it judged"
    )
    if verdict.average_score < minimum:
        failures.append(f"{text}, below the minimum {_number(minimum)} (min_score)")
        return True
    notes.append(f"{text}, minimum {_number(minimum)} (min_score)")
    return False


def _number(value: float) -> str:
    """A score as written: 0.55, 7, 0.333."""
    return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def _eval_verdict(
    config: EvalConfig,
    name: str,
    tally: _Tally,
    minimum: float | None,
    *,
    passed: bool,
    min_score: float | None = None,
) -> EvalVerdict:
    # The counts and scores the tally's loop took as it found each output.
    pass_count, fail_count, scores = tally.pass_count, tally.fail_count, tally.scores
    average = sum(scores) / len(scores) if scores and len(scores) == len(tally.outputs) else None
    return EvalVerdict(
        eval_config_id=config.id if isinstance(config.id, uuid.UUID) else None,
        name=name,
        judged=len(tally.outputs),
        pass_count=pass_count,
        fail_count=fail_count,
        unjudged=len(tally.missing),
        errored=tally.errored,
        skipped=tally.skipped,
        # The server's rate: passes over every non-null output, "Pass" and the like in the total.
        pass_rate=pass_count / len(tally.outputs) if minimum is not None else None,
        minimum=minimum,
        passed=passed,
        average_score=average if average is None or is_finite_number(average) else None,
        min_score=min_score,
    )


def _check_named(
    thresholds: Thresholds, names: list[str], verdicts: list[EvalVerdict], failures: list[str]
) -> None:
    """Every name in min_pass_rate is a live pass/fail eval config: a typo never passes silently."""
    live = ", ".join(repr(n) for n in names) or "none"
    for name in thresholds.min_pass_rate:
        if name not in names:
            failures.append(
                f"min_pass_rate names {name!r}, which is no eval config of the run test "
                f"(its eval configs: {live})"
            )
        elif any(v.name == name and v.judged and v.minimum is None for v in verdicts):
            failures.append(
                f"min_pass_rate names {name!r}, whose outputs are scores, not pass/fail: no pass rate applies"
            )
    for name in thresholds.min_score:
        if name not in names:
            failures.append(
                f"min_score names {name!r}, which is no eval config of the run test "
                f"(its eval configs: {live})"
            )


def _ignored_outputs(
    configs: list[EvalConfig],
    completed: list[CallOutcome],
    tallies: dict[str, _Tally],
    notes: list[str],
    total: int | None = None,
) -> None:
    if _all_outputs_live(completed, tallies, total):
        return
    live = {str(config.id) for config in configs if isinstance(config.id, uuid.UUID)}
    ignored: dict[str, int] = {}
    for call in completed:
        for outcome in call.evals:
            if outcome.eval_id not in live:
                ignored[outcome.name] = ignored.get(outcome.name, 0) + 1
    if ignored:
        shown = ", ".join(f"{name!r} ({count} calls)" for name, count in ignored.items())
        notes.append(f"ignored the outputs of eval configs the run test no longer has: {shown}")


_evals_of = operator.attrgetter("evals")


def _all_outputs_live(completed: list[CallOutcome], tallies: dict[str, _Tally], total: int | None) -> bool:
    """True when every output of the completed calls is filed under a live eval config's id, told from the
    tallies (one per live id) without reading each output again: each found an output under its id on so
    many calls, and when these add up to every output, none is filed under another id. False when they do
    not, which ``_ignored_outputs`` then finds out output by output. ``total``: how many outputs the
    completed calls have, when already counted (``_Columns``)."""
    found = sum(len(t.outputs) + len(t.missing) - t.missing.count(None) for t in tallies.values())
    return found == (sum(map(len, map(_evals_of, completed))) if total is None else total)


def _percent(fraction: float) -> str:
    """89.9%, not 90%: a rate just under its minimum must not read as equal to it."""
    return f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"


def _names(calls: list[CallOutcome]) -> str:
    shown = [
        f"{call.scenario_name or call.scenario_id or call.call_execution_id}: {call.status}" for call in calls
    ]
    return "; ".join(shown[:5]) + (f"; and {len(shown) - 5} more" if len(shown) > 5 else "")


def _scenario_verdicts(
    calls: tuple[CallOutcome, ...],
    completed: list[CallOutcome],
    failed_calls: list[CallOutcome],
    expected: list[uuid.UUID],
    costly: dict[str, tuple[str, set[str]]],
    evals: list[EvalVerdict],
    tallies: dict[str, _Tally],
) -> list[ScenarioVerdict]:
    groups = _groups(calls)
    # The live eval configs by the id their outputs are filed under: the same for every call.
    live = {str(e.eval_config_id): e for e in evals if e.eval_config_id is not None}
    # The calls that may have a reason (by id()): the failed ones, and the completed ones _faulted finds.
    faulted = _faulted(completed, costly, live, tallies)
    if faulted is not None:
        faulted.update(map(id, failed_calls))
    verdicts: list[ScenarioVerdict] = []
    for group in groups.values():
        reasons: list[str] = []
        # No call faulted (the usual verdict): no call of the group has a reason.
        for call in group if faulted is None or faulted else ():
            if faulted is not None and id(call) not in faulted:
                continue
            if call.failed:
                reasons.append(f"call {call.call_execution_id} ended {call.status or 'in an unknown state'}")
            else:
                reasons.extend(_call_reasons(call, costly, live))
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
        if _group(scenario_id) not in groups:
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


def _groups(calls: tuple[CallOutcome, ...]) -> dict[object, list[CallOutcome]]:
    """The calls by scenario (``_group`` of the first of scenario id, name and call id that is set), in
    the order each scenario first came. When every scenario id is a ``uuid.UUID`` itself (always true:
    UUID has no length and no ``__bool__``), each key is the id's int, read in comprehensions; one
    scenario (the results of a run test of one) is then one group without a loop."""
    groups: dict[object, list[CallOutcome]] = {}
    ids: list[Any] = [call.scenario_id for call in calls]  # each a UUID where the ints are read
    if ids and list(map(type, ids)).count(uuid.UUID) == len(ids):
        keys = [scenario_id.int for scenario_id in ids]
        if keys.count(keys[0]) == len(keys):
            groups[keys[0]] = list(calls)
            return groups
        for number, call in zip(keys, calls, strict=True):
            groups.setdefault(number, []).append(call)
        return groups
    for call in calls:
        key = call.scenario_id or call.scenario_name or call.call_execution_id
        # As _group, written out: this runs for every call.
        groups.setdefault(key.int if isinstance(key, uuid.UUID) else (key,), []).append(call)
    return groups


def _group(key: object) -> object:
    """A scenario's key in ``_scenario_verdicts``' groups: a UUID (or a subclass's) as its 128-bit int,
    whose hash is computed in C where a UUID's is a Python method (the same groups: two UUIDs are equal
    when their ints are); any other key inside a tuple, which no int equals."""
    return key.int if isinstance(key, uuid.UUID) else (key,)


def _faulted(
    completed: list[CallOutcome],
    costly: dict[str, tuple[str, set[str]]],
    live: dict[str, EvalVerdict],
    tallies: dict[str, _Tally],
) -> set[int] | None:
    """The completed calls (by ``id()``) for which ``_call_reasons`` may give a reason; None when any may.

    The verdict reads every call; most pass every live eval config, and ``_call_reasons`` (a dict of the
    call's outputs, then each rule) for each was half of a verdict's cost (BENCHMARKS.md, "results28").
    Each live eval config's tally already names the calls without a judged output under its id, or with
    two outputs under it (``unsure``), and those whose output did not pass (``unpassed``, which the pass
    rate's rule fails); the minimum score's rule is tested here on each call's last output under the id,
    as ``_call_reasons`` finds it. A call in none of these gets no reason there either; one that may is
    read by ``_call_reasons`` itself, which writes the reasons. The rule for eval configs whose outputs are
    unknown applies to configs that are not live: when there are any, every call is read."""
    if any(key not in live for key in costly):
        return None
    faulted: set[int] = set()
    for key, judged in live.items():
        tally = tallies[key]
        faulted |= tally.unsure
        minimum = judged.min_score
        if judged.pass_rate is not None:
            faulted |= tally.unpassed
        elif minimum is not None:
            for call in completed:
                outcome = None
                for candidate in call.evals:
                    if candidate.eval_id == key:
                        outcome = candidate  # no break: the last one filed under the id
                if outcome is not None and outcome.score is not None and outcome.score < minimum:
                    faulted.add(id(call))
    return faulted


def _call_reasons(
    call: CallOutcome, costly: dict[str, tuple[str, set[str]]], live: dict[str, EvalVerdict]
) -> list[str]:
    """Why this completed call fails its scenario: a live eval config did not pass it (a pass/fail eval
    not ``Passed``; a score eval named in ``min_score`` scored it below the minimum, issue 25 §2) or left it
    unjudged. One rule for every report, the reruns and a baseline (``BaselineComparison``), whether
    or not the eval's rate or average failed the whole verdict: a gate tolerant of one failed call
    still shows which scenario failed, and a baseline still tells one that went from passing to
    failing. An eval config whose outputs are unknown (``costly`` only) fails the calls it did not judge.
    ``live``: the live eval configs' verdicts by their id as text."""
    reasons: list[str] = []
    by_id = {o.eval_id: o for o in call.evals}
    for key, judged in live.items():
        outcome = by_id.get(key)
        # output None: not judged (EvalOutcome.judged), written out as this runs for every call and eval.
        if outcome is None or outcome.output is None:
            reasons.append(_unjudged_reason(call, judged.name, outcome))
            continue
        if judged.pass_rate is not None and outcome.passed is not True:
            reasons.append(f"eval {judged.name!r} did not pass call {call.call_execution_id}{_why(outcome)}")
        minimum = judged.min_score
        if (
            judged.pass_rate is None
            and minimum is not None
            and outcome.score is not None
            and outcome.score < minimum
        ):
            reasons.append(
                f"eval {judged.name!r} scored {_number(outcome.score)} on call {call.call_execution_id}, "
                f"below the minimum {_number(minimum)}{_why(outcome)}"
            )
    for key, (name, how) in costly.items():
        outcome = by_id.get(key)
        if key not in live and "unjudged" in how and (outcome is None or not outcome.judged):
            reasons.append(_unjudged_reason(call, name, outcome))
    return reasons


def _why(outcome: EvalOutcome) -> str:
    """``": <the eval's reason>"``, or nothing when it gave none: written only into a reason given."""
    return f": {outcome.reason}" if outcome.reason else ""


def _unjudged_reason(call: CallOutcome, name: str, outcome: EvalOutcome | None) -> str:
    if outcome is None:
        return f"eval {name!r} gave no output for call {call.call_execution_id}"
    how = "errored on" if outcome.error is not None else "skipped" if outcome.skipped else "did not judge"
    why = f": {outcome.reason}" if outcome.reason else ""
    return f"eval {name!r} {how} call {call.call_execution_id}{why}"


publish(EvalVerdict, ScenarioVerdict, Verdict)
