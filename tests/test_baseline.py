"""A verdict against a baseline: ``judge(..., baseline=...)`` and ``baseline_problem``, no I/O."""

from __future__ import annotations

import uuid

import pytest

from futureagi_simulate import InvalidArgumentError, Thresholds
from futureagi_simulate._baseline import (
    baseline_problem,
    copied_from,
    copy_problem,
    matched_eval_configs,
    with_eval_ids,
)
from futureagi_simulate._models import EvalConfig, RunTest
from futureagi_simulate._resources.run_tests import COPY_DESCRIPTION
from futureagi_simulate._results import CallOutcome, EvalOutcome, ExecutionResults
from futureagi_simulate._verdict import judge
from tests.test_verdict import RESOLVED, TONE, output

NOW, THEN = uuid.uuid4(), uuid.uuid4()
REFUND, GREETING, ANGRY = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def call(scenario: uuid.UUID, *evals: EvalOutcome, status: str = "completed") -> CallOutcome:
    return CallOutcome(
        call_execution_id=uuid.uuid4(),
        scenario_id=scenario,
        scenario_name=str(scenario)[:6],
        status=status,
        duration_seconds=1.0,
        evals=evals,
    )


def results(execution: uuid.UUID, *calls: CallOutcome, status: str = "completed") -> ExecutionResults:
    return ExecutionResults(
        execution_id=execution, status=status, started_at=None, completed_at=None, calls=tuple(calls)
    )


def tone(value: object) -> EvalOutcome:
    return output(TONE, value)


def verdicts(now: ExecutionResults, then: ExecutionResults, thresholds: Thresholds) -> object:
    base = judge(then, eval_configs=[TONE], thresholds=thresholds)
    return judge(now, eval_configs=[TONE], thresholds=thresholds, baseline=base)


def test_a_scenario_that_passed_in_the_baseline_and_fails_now_fails_the_verdict() -> None:
    """Refund passed then and fails now: a regression, even where the absolute rate 2 of 3 is allowed."""
    thresholds = Thresholds(min_pass_rate={"Tone check": 0.5}, max_regression=1.0)
    then = results(
        THEN, call(REFUND, tone("Passed")), call(GREETING, tone("Passed")), call(ANGRY, tone("Failed"))
    )
    now = results(
        NOW, call(REFUND, tone("Failed")), call(GREETING, tone("Passed")), call(ANGRY, tone("Passed"))
    )
    base = judge(then, eval_configs=[TONE], thresholds=thresholds)
    verdict = judge(now, eval_configs=[TONE], thresholds=thresholds, baseline=base)
    assert verdict.passed is False
    assert verdict.baseline is not None
    changes = {s.scenario_id: s.change for s in verdict.baseline.scenarios}
    assert changes == {REFUND: "newly failing", GREETING: "still passing", ANGRY: "fixed"}
    assert any(
        "passed in baseline execution" in reason and "fails now" in reason for reason in verdict.reasons
    )


def test_a_still_failing_scenario_is_no_regression() -> None:
    """A scenario that failed then and fails now is still failing: no regression beyond the absolute rule."""
    thresholds = Thresholds(min_pass_rate={"Tone check": 0.5})
    then = results(THEN, call(REFUND, tone("Failed")), call(GREETING, tone("Passed")))
    now = results(NOW, call(REFUND, tone("Failed")), call(GREETING, tone("Passed")))
    base = judge(then, eval_configs=[TONE], thresholds=thresholds)
    verdict = judge(now, eval_configs=[TONE], thresholds=thresholds, baseline=base)
    assert verdict.passed is True
    assert verdict.baseline is not None
    assert [s.change for s in verdict.baseline.scenarios] == ["still failing", "still passing"]


def test_a_pass_rate_drop_beyond_max_regression_fails() -> None:
    """Rate 3/4 then, 2/4 now, on a scenario failing both times: a drop of 25 points; max_regression 0.3
    lets it pass, 0.2 fails it."""
    then = results(
        THEN,
        *(call(REFUND, tone("Passed")) for _ in range(2)),
        call(GREETING, tone("Passed")),
        call(GREETING, tone("Failed")),
    )
    now = results(
        NOW,
        *(call(REFUND, tone("Passed")) for _ in range(2)),
        *(call(GREETING, tone("Failed")) for _ in range(2)),
    )
    for allowed, passes in ((0.3, True), (0.2, False)):
        thresholds = Thresholds(default_min_pass_rate=0, max_regression=allowed)
        base = judge(then, eval_configs=[TONE], thresholds=thresholds)
        verdict = judge(now, eval_configs=[TONE], thresholds=thresholds, baseline=base)
        assert verdict.baseline is not None
        (change,) = verdict.baseline.evals
        assert (change.measure, change.value, change.baseline_value) == ("pass rate", 0.5, 0.75)
        assert change.regressed is not passes
        assert verdict.passed is passes


def test_an_average_score_drop_beyond_max_regression_fails() -> None:
    """A score eval averaging 0.9 then and 0.7 now dropped 0.2: beyond max_regression 0.1, it fails."""
    then = results(THEN, call(REFUND, output(RESOLVED, 0.9, output_type="score")))
    now = results(NOW, call(REFUND, output(RESOLVED, 0.7, output_type="score")))
    thresholds = Thresholds(max_regression=0.1)
    base = judge(then, eval_configs=[RESOLVED], thresholds=thresholds)
    verdict = judge(now, eval_configs=[RESOLVED], thresholds=thresholds, baseline=base)
    assert verdict.passed is False
    assert verdict.baseline is not None
    (change,) = verdict.baseline.evals
    assert change.measure == "average score"
    assert change.change == pytest.approx(-0.2)
    assert any("average score 0.7 against 0.9" in reason for reason in verdict.reasons)


def test_the_absolute_thresholds_still_apply_with_a_baseline() -> None:
    """Equal to a failing baseline is no pass: the minimum pass rate still fails the verdict."""
    then = results(THEN, call(REFUND, tone("Failed")))
    now = results(NOW, call(REFUND, tone("Failed")))
    base = judge(then, eval_configs=[TONE])
    verdict = judge(now, eval_configs=[TONE], baseline=base)
    assert verdict.passed is False
    assert verdict.baseline is not None
    assert verdict.baseline.regressions == ()


def test_a_baseline_not_finished_is_refused() -> None:
    """A running baseline's results may still change: refused, with its status."""
    problem = baseline_problem(
        results(THEN, call(REFUND, tone("Passed")), status="running"), eval_configs=[TONE], scenario_ids=None
    )
    assert problem == f"baseline execution {THEN} is running, not finished"


def test_a_baseline_with_no_scenario_in_common_is_refused() -> None:
    """A baseline that ran only other scenarios compares nothing: refused."""
    problem = baseline_problem(
        results(THEN, call(REFUND, tone("Passed"))), eval_configs=[TONE], scenario_ids=[GREETING]
    )
    assert problem is not None
    assert "no scenario in common" in problem


def test_a_baseline_judged_by_another_set_of_eval_configs_is_refused() -> None:
    """Issue resolved was added since the baseline: refused, naming the config it lacks."""
    problem = baseline_problem(
        results(THEN, call(REFUND, tone("Passed"))), eval_configs=[TONE, RESOLVED], scenario_ids=[REFUND]
    )
    assert problem is not None
    assert "another set of eval configs" in problem
    assert "'Issue resolved'" in problem


def test_a_comparable_baseline_has_no_problem() -> None:
    """Same scenarios, same eval configs, finished: comparable."""
    problem = baseline_problem(
        results(THEN, call(REFUND, tone("Passed"))), eval_configs=[TONE], scenario_ids=[REFUND, GREETING]
    )
    assert problem is None


@pytest.mark.parametrize("value", [-0.1, float("inf"), True, "0.1"])
def test_a_bad_max_regression_is_refused_naming_it(value: object) -> None:
    """A negative, infinite, boolean or text max_regression: InvalidArgumentError naming it."""
    with pytest.raises(InvalidArgumentError) as caught:
        Thresholds(max_regression=value)
    assert caught.value.argument == "max_regression"


TEMPLATE, OTHER_TEMPLATE = uuid.uuid4(), uuid.uuid4()


def config(name: str, template: uuid.UUID = TEMPLATE) -> EvalConfig:
    """An eval config with a fresh id, as a copy's recreated config has."""
    return EvalConfig(id=uuid.uuid4(), name=name, template_id=template)


def test_a_copys_eval_configs_are_matched_to_the_originals_by_name_and_template() -> None:
    """Same names and templates, new ids: each original id maps to the copy's."""
    tone, resolved = config("Tone check"), config("Issue resolved", OTHER_TEMPLATE)
    tone_copy, resolved_copy = config("Tone check"), config("Issue resolved", OTHER_TEMPLATE)
    matched = matched_eval_configs([tone, resolved], [resolved_copy, tone_copy])
    assert matched == {str(tone.id): str(tone_copy.id), str(resolved.id): str(resolved_copy.id)}


@pytest.mark.parametrize(
    ("then", "now", "words"),
    [
        ([config("Tone check")], [config("Tone check"), config("Politeness")], "'Politeness'"),
        ([config("Tone check")], [config("Tone check", OTHER_TEMPLATE)], "another set of eval configs"),
        (
            [config("Tone check")],
            [
                config("Tone"),
            ],
            "'Tone'",
        ),
        ([config("Tone check"), config("Tone check")], [config("Tone check")], "two eval configs named"),
        ([EvalConfig(id=uuid.uuid4(), name="Tone check")], [config("Tone check")], "no id or template_id"),
    ],
)
def test_eval_configs_that_do_not_match_one_to_one_are_refused_with_the_reason(
    then: list[EvalConfig], now: list[EvalConfig], words: str
) -> None:
    """An added config, another template, a renamed config, two alike or no template: the reason."""
    matched = matched_eval_configs(then, now)
    assert isinstance(matched, str)
    assert words in matched


def test_unknown_eval_configs_cannot_be_matched() -> None:
    """A run test answer without eval configs: refused, never matched as empty."""
    assert isinstance(matched_eval_configs(None, [config("Tone check")]), str)


def test_a_baselines_outputs_are_filed_under_the_copys_ids() -> None:
    """with_eval_ids renames the mapped eval ids and keeps the others."""
    copy_tone = str(uuid.uuid4())
    then = results(THEN, call(REFUND, tone("Passed"), output(RESOLVED, "Passed")))
    renamed = with_eval_ids(then, {str(TONE.id): copy_tone})
    assert [o.eval_id for o in renamed.calls[0].evals] == [copy_tone, str(RESOLVED.id)]


def test_a_copy_made_by_clone_may_take_its_originals_baseline() -> None:
    """The description run_tests.clone writes names the original: no problem; the run test itself neither."""
    original = RunTest(id=uuid.uuid4(), name="Checkout")
    copy = RunTest(
        id=uuid.uuid4(),
        name="Copy",
        description=COPY_DESCRIPTION.format(original=original.id, version=uuid.uuid4()),
    )
    assert copy_problem(copy, original) is None
    assert copy_problem(original, original) is None


def test_a_run_test_that_is_not_the_original_is_refused() -> None:
    """Another run test, or a copy of another original: refused with the reason."""
    original, stranger = RunTest(id=uuid.uuid4(), name="Checkout"), RunTest(id=uuid.uuid4(), name="Other")
    copy = RunTest(
        id=uuid.uuid4(), name="Copy", description=COPY_DESCRIPTION.format(original=stranger.id, version="v2")
    )
    assert "neither run test" in str(copy_problem(copy, original))
    assert "neither run test" in str(copy_problem(stranger, original))


def test_the_original_of_a_copy_is_read_from_its_description() -> None:
    """copied_from gives the original clone's description names; None for any other description."""
    original = uuid.uuid4()
    copy = RunTest(
        id=uuid.uuid4(), name="Copy", description=COPY_DESCRIPTION.format(original=original, version="v2")
    )
    assert copied_from(copy) == original
    assert copied_from(RunTest(id=uuid.uuid4(), name="Plain", description="Copy of run test x")) is None
    assert copied_from(RunTest(id=uuid.uuid4(), name="None")) is None


@pytest.mark.parametrize("bad", [float("nan"), True, "0.1"])
def test_a_score_eval_whose_outputs_now_are_not_all_scores_fails_against_a_baseline(bad: object) -> None:
    """Scores 0.9 then, 0.1 and a NaN, bool or text now: the drop cannot be measured, so the verdict fails."""
    then = results(
        THEN,
        call(REFUND, output(RESOLVED, 0.9, output_type="score")),
        call(GREETING, output(RESOLVED, 0.9, output_type="score")),
    )
    now = results(
        NOW,
        call(REFUND, output(RESOLVED, 0.1, output_type="score")),
        call(GREETING, output(RESOLVED, bad, output_type="score")),
    )
    thresholds = Thresholds(max_regression=0.1)
    base = judge(then, eval_configs=[RESOLVED], thresholds=thresholds)
    verdict = judge(now, eval_configs=[RESOLVED], thresholds=thresholds, baseline=base)
    assert verdict.passed is False
    assert any("cannot be compared" in reason for reason in verdict.reasons)


def test_a_score_eval_whose_baseline_outputs_are_not_all_scores_fails() -> None:
    """A NaN in the baseline's scores: its average is unknown, so no drop can be ruled out; it fails."""
    then = results(
        THEN,
        call(REFUND, output(RESOLVED, 0.9, output_type="score")),
        call(GREETING, output(RESOLVED, float("nan"), output_type="score")),
    )
    now = results(
        NOW,
        call(REFUND, output(RESOLVED, 0.1, output_type="score")),
        call(GREETING, output(RESOLVED, 0.1, output_type="score")),
    )
    thresholds = Thresholds(max_regression=0.1)
    base = judge(then, eval_configs=[RESOLVED], thresholds=thresholds)
    verdict = judge(now, eval_configs=[RESOLVED], thresholds=thresholds, baseline=base)
    assert verdict.passed is False
    assert any("cannot be compared" in reason for reason in verdict.reasons)


def test_the_baseline_calls_each_scenario_what_the_verdict_calls_it() -> None:
    """Scores 0.8, 0.8, 0.7 under min_score 0.75: each baseline outcome is the verdict's own scenario's."""
    thresholds = Thresholds(min_score={"Issue resolved": 0.75})
    scores = ((REFUND, 0.8), (GREETING, 0.8), (ANGRY, 0.7))
    then = results(THEN, *(call(s, output(RESOLVED, v, output_type="score")) for s, v in scores))
    now = results(NOW, *(call(s, output(RESOLVED, v, output_type="score")) for s, v in scores))
    base = judge(then, eval_configs=[RESOLVED], thresholds=thresholds)
    verdict = judge(now, eval_configs=[RESOLVED], thresholds=thresholds, baseline=base)
    assert verdict.baseline is not None
    passed = {s.scenario_id: s.passed for s in verdict.scenarios}
    assert passed == {s.scenario_id: s.passed for s in verdict.baseline.scenarios}
    assert passed == {REFUND: True, GREETING: True, ANGRY: False}
    assert {s.scenario_id: s.change for s in verdict.baseline.scenarios}[ANGRY] == "still failing"
