"""The verdict's rules, one by one: ``judge`` on built results and eval configs, no I/O."""

from __future__ import annotations

import math
import pickle
import uuid
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from futureagi_simulate import EvalConfig, InvalidArgumentError, RunTest, Thresholds
from futureagi_simulate._results import CallOutcome, EvalOutcome, ExecutionResults
from futureagi_simulate._verdict import judge, live_eval_configs

EXECUTION = uuid.UUID("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d")
TONE = EvalConfig(id=uuid.UUID("94dc838f-7a95-4d1e-aef5-551d6050f533"), name="Tone check")
RESOLVED = EvalConfig(id=uuid.UUID("af99e6fe-f629-47a7-9665-8855da167c1f"), name="Issue resolved")
#: A config deleted from the run test: its outputs stay on the calls (the server does not prune them).
DELETED_TONE = EvalConfig(id=uuid.UUID("0d7c5b1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e"), name="Tone check")


def output(config: EvalConfig, value: Any, **extra: Any) -> EvalOutcome:
    """An eval output as the results endpoint gives it (name, output, output_type, and error etc.)."""
    passed = value if isinstance(value, bool) else {"passed": True, "failed": False}.get(str(value).lower())
    score = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return EvalOutcome(
        name=str(config.name),
        eval_id=str(config.id),
        passed=passed if value is not None else None,
        score=score,
        output=value,
        output_type=extra.pop("output_type", "Pass/Fail"),
        **extra,
    )


def errored(config: EvalConfig) -> EvalOutcome:
    return output(config, None, error="error", reason="Evaluation failed. Please contact Future AGI support.")


def call(*evals: EvalOutcome, status: str = "completed", scenario: str | None = None) -> CallOutcome:
    return CallOutcome(
        call_execution_id=uuid.uuid4(),
        scenario_id=uuid.uuid4(),
        scenario_name=scenario,
        status=status,
        duration_seconds=42.0,
        evals=evals,
    )


def results(*calls: CallOutcome, status: str = "completed") -> ExecutionResults:
    return ExecutionResults(
        execution_id=EXECUTION, status=status, started_at=None, completed_at=None, calls=tuple(calls)
    )


# An eval that judged nothing can never pass ---------------------------------------------------------------


def test_an_eval_that_errored_on_every_call_fails() -> None:
    """Errored on all 4 calls: the verdict fails and names the eval and how it went."""
    verdict = judge(
        results(*(call(output(TONE, "Passed"), errored(RESOLVED)) for _ in range(4))),
        eval_configs=[TONE, RESOLVED],
    )
    assert verdict.passed is False
    assert "eval 'Issue resolved' judged none of the 4 completed calls (errored on 4)" in verdict.reasons


def test_an_eval_that_judged_nothing_fails_even_when_every_allowance_is_wide() -> None:
    """No max_unjudged_calls or default_min_pass_rate lets an eval that judged no call pass."""
    thresholds = Thresholds(max_unjudged_calls=100, default_min_pass_rate=0)
    verdict = judge(results(call(errored(RESOLVED))), eval_configs=[RESOLVED], thresholds=thresholds)
    assert verdict.passed is False
    assert [(e.name, e.judged, e.passed) for e in verdict.evals] == [("Issue resolved", 0, False)]


def test_a_live_eval_with_no_output_on_any_call_fails() -> None:
    """A config the calls carry no output for at all judged nothing: it fails, 'no output' on each call."""
    verdict = judge(
        results(call(output(TONE, "Passed")), call(output(TONE, "Passed"))), eval_configs=[TONE, RESOLVED]
    )
    assert verdict.passed is False
    assert "eval 'Issue resolved' judged none of the 2 completed calls (no output on 2)" in verdict.reasons


# Pass rates are the dashboard's numbers --------------------------------------------------------------------


def test_pass_passed_passed_passed_is_75_percent() -> None:
    """Only Passed passes; Pass is in the total: 3 of 4, as the server's summary shows."""
    calls = [call(output(TONE, "Pass"))] + [call(output(TONE, "Passed")) for _ in range(3)]
    verdict = judge(results(*calls), eval_configs=[TONE])
    assert verdict.pass_rates == {"Tone check": 0.75}
    (tone,) = verdict.evals
    assert (tone.judged, tone.pass_count, tone.fail_count) == (4, 3, 0)


@pytest.mark.parametrize(
    ("value", "passed"), [(True, True), (False, False), ("PASSED", True), ("failed", False)]
)
def test_booleans_and_the_two_words_in_any_case_pass_or_fail(value: object, passed: bool) -> None:
    """true/false and Passed/Failed in any case are the pass/fail outputs."""
    verdict = judge(
        results(call(output(TONE, value))),
        eval_configs=[TONE],
        thresholds=Thresholds(default_min_pass_rate=0),
    )
    assert verdict.pass_rates == {"Tone check": 1.0 if passed else 0.0}


def test_a_numeric_output_is_a_score_with_no_pass_rate() -> None:
    """A score eval judged its calls and has no rate; it neither passes nor fails the verdict."""
    verdict = judge(results(call(output(TONE, 0.4, output_type="score"))), eval_configs=[TONE])
    assert (verdict.passed, verdict.pass_rates) == (True, {})
    assert verdict.evals[0].judged == 1
    assert verdict.scenarios[0].calls[0].evals[0].score == 0.4


def test_min_pass_rate_on_a_score_eval_fails() -> None:
    """A pass rate cannot apply to scores: naming a score eval in min_pass_rate fails the verdict."""
    thresholds = Thresholds(min_pass_rate={"Tone check": 0.5})
    verdict = judge(
        results(call(output(TONE, 0.9, output_type="score"))), eval_configs=[TONE], thresholds=thresholds
    )
    assert verdict.passed is False
    assert (
        "min_pass_rate names 'Tone check', whose outputs are scores, not pass/fail: no pass rate applies"
        in verdict.reasons
    )


def test_untyped_numbers_are_scores_and_untyped_words_are_pass_fail() -> None:
    """Without an output_type, numbers are scores; a word nobody knows is pass/fail, counted as not passed."""
    calls = [call(output(TONE, 0.7, output_type=None), output(RESOLVED, "Good", output_type=None))]
    verdict = judge(results(*calls), eval_configs=[TONE, RESOLVED])
    assert verdict.pass_rates == {"Issue resolved": 0.0}
    assert "eval 'Tone check' gives scores, not pass/fail: it averaged 0.7 over the 1 calls it judged" in (
        verdict.reasons
    )


# A completed call an eval did not judge is counted and named -----------------------------------------------


def test_one_errored_call_fails_the_verdict_and_its_scenario() -> None:
    """One errored output of three fails by default; the verdict counts it, and its scenario fails."""
    calls = [call(output(TONE, "Passed"), scenario="A"), call(output(TONE, "Passed"), scenario="B")]
    calls.append(call(errored(TONE), scenario="C"))
    verdict = judge(results(*calls), eval_configs=[TONE])
    assert verdict.passed is False
    assert (
        "eval 'Tone check' left 1 of 3 completed calls unjudged (errored on 1); "
        "at most 0 may (max_unjudged_calls)" in verdict.reasons
    )
    assert verdict.unjudged_calls == {"Tone check": 1}
    assert [s.scenario_name for s in verdict.scenarios if not s.passed] == ["C"]


def test_max_unjudged_calls_allows_that_many_and_says_so() -> None:
    """max_unjudged_calls=1 lets one unjudged call through; the rate is over the judged ones."""
    calls = [call(output(TONE, "Passed")), call(output(TONE, "Passed")), call(errored(TONE))]
    verdict = judge(results(*calls), eval_configs=[TONE], thresholds=Thresholds(max_unjudged_calls=1))
    assert verdict.passed is True
    assert verdict.pass_rates == {"Tone check": 1.0}
    assert (
        "eval 'Tone check' left 1 of 3 completed calls unjudged (errored on 1); max_unjudged_calls allows 1"
        in verdict.reasons
    )


def test_skipped_and_missing_outputs_are_unjudged_and_told_apart() -> None:
    """A skipped eval, a null output and no output at all are each counted as unjudged, by kind."""
    calls = [
        call(output(TONE, "Passed")),
        call(output(TONE, None, skipped=True)),
        call(output(TONE, None)),
        call(),
    ]
    verdict = judge(results(*calls), eval_configs=[TONE])
    (tone,) = verdict.evals
    assert (tone.judged, tone.unjudged, tone.errored, tone.skipped) == (1, 3, 0, 1)
    assert (
        "eval 'Tone check' left 3 of 4 completed calls unjudged (skipped 1, no output on 2)"
        in verdict.reasons[0]
    )


def test_failed_calls_are_not_unjudged() -> None:
    """A call that did not complete is counted as failed, not as a call an eval left unjudged."""
    calls = [call(output(TONE, "Passed")), call(status="failed")]
    verdict = judge(results(*calls), eval_configs=[TONE], thresholds=Thresholds(max_failed_calls=1))
    assert (verdict.passed, verdict.unjudged_calls) == (True, {"Tone check": 0})


# Only live eval configs count ------------------------------------------------------------------------------


def test_outputs_of_a_deleted_config_are_ignored() -> None:
    """A deleted config's failures stay on the calls but do not count; the reasons say they were ignored."""
    calls = [call(output(DELETED_TONE, "Failed"), output(TONE, "Passed")) for _ in range(2)]
    verdict = judge(results(*calls), eval_configs=[TONE])
    assert verdict.passed is True
    assert verdict.pass_rates == {"Tone check": 1.0}
    assert (
        "ignored the outputs of eval configs the run test no longer has: 'Tone check' (2 calls)"
        in verdict.reasons
    )


def test_a_name_reused_after_its_config_was_deleted_judges_the_live_config() -> None:
    """Only the deleted 'Tone check' judged the calls: the live one, by id, judged nothing and fails."""
    verdict = judge(results(call(output(DELETED_TONE, "Passed"))), eval_configs=[TONE])
    assert verdict.passed is False
    assert verdict.pass_rates == {}
    assert "eval 'Tone check' judged none of the 1 completed calls (no output on 1)" in verdict.reasons


def test_a_threshold_on_a_name_that_is_no_live_config_fails() -> None:
    """A typo, or the name of a deleted config, never passes silently."""
    thresholds = Thresholds(min_pass_rate={"Tone chek": 0.5})
    verdict = judge(results(call(output(TONE, "Passed"))), eval_configs=[TONE], thresholds=thresholds)
    assert verdict.passed is False
    assert (
        "min_pass_rate names 'Tone chek', which is no eval config of the run test "
        "(its eval configs: 'Tone check')" in verdict.reasons
    )


def test_a_threshold_on_a_run_test_without_eval_configs_fails() -> None:
    """min_pass_rate names an eval, but the run test has none: the verdict fails, it does not ignore it."""
    thresholds = Thresholds(min_pass_rate={"Tone check": 0.5})
    verdict = judge(results(call()), eval_configs=[], thresholds=thresholds)
    assert verdict.passed is False
    assert (
        "min_pass_rate names 'Tone check', which is no eval config of the run test (its eval configs: none)"
        in verdict.reasons
    )


def test_two_live_configs_with_one_name_fail() -> None:
    """Thresholds are by name: two live configs named alike cannot be told apart, so the verdict fails."""
    twin = EvalConfig(id=uuid.uuid4(), name="Tone check")
    calls = [call(output(TONE, "Passed"), EvalOutcome("Tone check", str(twin.id), True, None, "Passed"))]
    verdict = judge(results(*calls), eval_configs=[TONE, twin])
    assert verdict.passed is False
    assert (
        "two live eval configs are named 'Tone check': thresholds by name cannot tell them apart"
        in verdict.reasons
    )


def test_an_eval_config_without_an_id_fails() -> None:
    """A live config whose id the run test did not give cannot be matched to outputs: it fails, by name."""
    verdict = judge(results(call(output(TONE, "Passed"))), eval_configs=[EvalConfig(name="Tone check")])
    assert verdict.passed is False
    assert (
        "eval config 'Tone check' has no id in the run test's answer: its outputs are unknown"
        in verdict.reasons
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"evals_detail": [TONE.to_dict()], "evals": [RESOLVED.to_dict()]}, ("Tone check", "Issue resolved")),
        (
            {"evals": [RESOLVED.to_dict()], "simulate_eval_configs_detail": [TONE.to_dict()]},
            ("Issue resolved", "Tone check"),
        ),
        ({"evals_detail": [TONE.to_dict()], "evals": [TONE.to_dict()]}, ("Tone check",)),
        ({"simulate_eval_configs_detail": [TONE.to_dict()]}, ("Tone check",)),
        ({"evals_detail": []}, ()),
        ({}, None),
    ],
)
def test_live_eval_configs_are_every_config_any_field_lists(
    fields: dict[str, Any], expected: tuple[str, ...] | None
) -> None:
    """evals_detail's configs, then those evals and simulate_eval_configs_detail add (by id), each once;
    None when the run test's answer has none of these fields."""
    configs = live_eval_configs(RunTest.from_dict({"id": str(uuid.uuid4()), "name": "Checkout", **fields}))
    assert (None if configs is None else tuple(c.name for c in configs)) == expected


def test_unknown_eval_configs_fail() -> None:
    """Without the run test's eval configs nothing can be judged, so nothing passes."""
    verdict = judge(results(call(output(TONE, "Passed"))), eval_configs=None)
    assert verdict.passed is False
    assert verdict.reasons[0].startswith("the run test's eval configs are unknown")


def test_eval_configs_must_be_eval_configs() -> None:
    """A list of names is refused, naming the item."""
    with pytest.raises(InvalidArgumentError) as caught:
        judge(results(), eval_configs=["Tone check"])  # type: ignore[list-item]
    assert caught.value.argument == "eval_configs[0]"


# Reasons are true ------------------------------------------------------------------------------------------


def test_no_evals_is_said_only_when_the_run_test_has_none() -> None:
    """A run test without eval configs is judged on its calls, and the reasons say so."""
    verdict = judge(results(call()), eval_configs=[])
    assert verdict.passed is True
    assert "the run test has no eval configs: the verdict rests on call outcomes alone" in verdict.reasons


def test_no_completed_call_is_not_called_no_evals() -> None:
    """When no call completed, the reasons say the evals had nothing to judge, not that there are none."""
    verdict = judge(results(call(status="failed"), status="failed"), eval_configs=[TONE])
    assert verdict.reasons[0] == "the execution ended failed, not completed"
    assert "eval 'Tone check' judged no call: none completed" in verdict.reasons
    assert not any("no eval configs" in reason for reason in verdict.reasons)


# Thresholds and output types --------------------------------------------------------------------------------


def test_thresholds_cannot_be_changed_after_the_fact() -> None:
    """Thresholds are frozen all the way down, and hashable."""
    thresholds = Thresholds(min_pass_rate={"T": 0.9})
    with pytest.raises(TypeError):
        thresholds.min_pass_rate["T"] = 7  # type: ignore[index]
    assert hash(thresholds) == hash(Thresholds(min_pass_rate={"T": 0.9}))
    assert pickle.loads(pickle.dumps(thresholds)) == thresholds


@pytest.mark.parametrize("output_type", ["pass_fail", "Pass/Fail ", "PASS/FAIL", "boolean", " "])
def test_words_of_an_unknown_output_type_are_judged_pass_fail(output_type: str) -> None:
    """Outputs 'Pass'/'Fail' typed other than score or choices: a pass/fail eval whose rate is 0%, failed."""
    calls = [call(output(TONE, word, output_type=output_type)) for word in ("Pass", "Fail", "Pass")]
    verdict = judge(results(*calls), eval_configs=[TONE])
    assert verdict.passed is False
    assert "eval 'Tone check' passed 0 of 3 calls it judged (0%), below the minimum 100%" in verdict.reasons


@pytest.mark.parametrize("output_type", ["score", "percentage", "numeric"])
def test_numbers_of_a_score_kind_or_unknown_type_stay_scores(output_type: str) -> None:
    """Numbers typed score, percentage or a type nobody knows are scores: no pass rate, so no rate fails."""
    calls = [call(output(TONE, value, output_type=output_type)) for value in (0.2, 0.9)]
    verdict = judge(results(*calls), eval_configs=[TONE])
    assert (verdict.passed, verdict.pass_rates) == (True, {})


# Scores: min_score on the average of a score eval ----------------------------------------------------------


def score(config: EvalConfig, value: float) -> EvalOutcome:
    return output(config, value, output_type="score")


def test_an_average_score_below_min_score_fails_and_names_the_low_call() -> None:
    """Scores 0.4 and 0.8 average 0.6 < 0.7: the verdict fails, and so does the 0.4 call's scenario."""
    low, high = call(score(RESOLVED, 0.4), scenario="Refund"), call(score(RESOLVED, 0.8), scenario="Greeting")
    verdict = judge(
        results(low, high), eval_configs=[RESOLVED], thresholds=Thresholds(min_score={"Issue resolved": 0.7})
    )
    assert verdict.passed is False
    assert (
        "eval 'Issue resolved' averaged a score of 0.6 over the 2 calls it judged, below the minimum 0.7 "
        "(min_score)" in verdict.reasons
    )
    refund, greeting = verdict.scenarios
    assert refund.passed is False
    assert greeting.passed is True
    assert refund.reasons == [
        f"eval 'Issue resolved' scored 0.4 on call {low.call_execution_id}, below the minimum 0.7"
    ]
    assert verdict.evals[0].average_score == pytest.approx(0.6)
    assert verdict.evals[0].min_score == 0.7


def test_an_average_score_at_min_score_passes_and_says_so() -> None:
    """A low call does not fail a verdict whose average reaches the minimum: the rule is on the average."""
    verdict = judge(
        results(call(score(RESOLVED, 0.5)), call(score(RESOLVED, 0.9))),
        eval_configs=[RESOLVED],
        thresholds=Thresholds(min_score={"Issue resolved": 0.7}),
    )
    assert verdict.passed is True
    assert (
        "eval 'Issue resolved' averaged a score of 0.7 over the 2 calls it judged, minimum 0.7 (min_score)"
        in verdict.reasons
    )


def test_a_call_scored_below_min_score_fails_its_scenario_when_the_average_passes() -> None:
    """Scores 0.5 and 0.9 under min_score 0.7: the verdict passes, the 0.5 call's scenario fails."""
    verdict = judge(
        results(call(score(RESOLVED, 0.5), scenario="Low"), call(score(RESOLVED, 0.9), scenario="High")),
        eval_configs=[RESOLVED],
        thresholds=Thresholds(min_score={"Issue resolved": 0.7}),
    )
    low, high = verdict.scenarios
    assert (verdict.passed, low.passed, high.passed) == (True, False, True)
    assert "scored 0.5" in low.reasons[0]
    assert "below the minimum 0.7" in low.reasons[0]


def test_a_score_of_0_4_fails_a_min_score_of_0_7() -> None:
    """The issue's example: a score of 0.4 is no longer ignored by the verdict."""
    verdict = judge(
        results(call(score(RESOLVED, 0.4))),
        eval_configs=[RESOLVED],
        thresholds=Thresholds(min_score={"Issue resolved": 0.7}),
    )
    assert verdict.passed is False
    assert verdict.evals[0].passed is False


def test_min_score_on_a_pass_fail_eval_fails() -> None:
    """An average of Passed/Failed means nothing: naming a pass/fail eval in min_score fails the verdict."""
    verdict = judge(
        results(call(output(TONE, "Passed"))),
        eval_configs=[TONE],
        thresholds=Thresholds(min_score={"Tone check": 0.5}),
    )
    assert verdict.passed is False
    assert (
        "min_score names 'Tone check', whose outputs are pass/fail, not scores: no score applies"
        in verdict.reasons
    )


def test_min_score_on_choices_fails() -> None:
    """A choices eval's outputs are no numbers: min_score on it fails rather than averaging some of them."""
    verdict = judge(
        results(call(output(TONE, "Good", output_type="choices")), call(score(TONE, 0.9))),
        eval_configs=[TONE],
        thresholds=Thresholds(min_score={"Tone check": 0.5}),
    )
    assert verdict.passed is False
    assert verdict.evals[0].average_score is None


def test_min_score_on_a_name_that_is_no_live_config_fails() -> None:
    """A typo in min_score never passes silently."""
    verdict = judge(
        results(call(score(RESOLVED, 0.9))),
        eval_configs=[RESOLVED],
        thresholds=Thresholds(min_score={"Issue resolvd": 0.5}),
    )
    assert verdict.passed is False
    assert "min_score names 'Issue resolvd', which is no eval config of the run test" in verdict.reasons[0]


def test_an_unjudged_call_still_fails_a_score_eval() -> None:
    """min_score does not loosen max_unjudged_calls: an errored call fails as before."""
    verdict = judge(
        results(call(score(RESOLVED, 0.9)), call(errored(RESOLVED))),
        eval_configs=[RESOLVED],
        thresholds=Thresholds(min_score={"Issue resolved": 0.5}),
    )
    assert verdict.passed is False


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ({"X": float("nan")}, "min_score['X']"),
        ({"X": True}, "min_score['X']"),
        ({"X": "0.7"}, "min_score['X']"),
        ({"": 0.7}, "min_score"),
        (["X"], "min_score"),
    ],
)
def test_bad_min_scores_are_refused_naming_the_field(value: object, rule: str) -> None:
    """A NaN, a bool, a string, an empty name or a list is refused with the argument named."""
    with pytest.raises(InvalidArgumentError) as caught:
        Thresholds(min_score=value)
    assert caught.value.argument == rule


def test_thresholds_with_min_score_pickle_and_hash() -> None:
    """Thresholds with min_score stay a frozen, hashable, picklable value."""
    thresholds = Thresholds(min_score={"Issue resolved": 0.7})
    assert pickle.loads(pickle.dumps(thresholds)) == thresholds
    assert hash(thresholds) == hash(Thresholds(min_score={"Issue resolved": 0.7}))


# The shortcut for calls with no reason (``_verdict._faulted``) -------------------------------------------

_CONFIGS = [
    TONE,
    RESOLVED,
    DELETED_TONE,
    EvalConfig(name="No id"),
    EvalConfig(id=uuid.UUID(int=99), name=""),
]
_SCENARIOS = [uuid.UUID(int=1), uuid.UUID(int=2), None]
_VALUES = st.one_of(
    st.sampled_from(["Passed", "Failed", "PASSED", "Pass", "", None, True, False]),
    st.floats(0, 1),
    st.integers(0, 10),
    st.just([0.5]),
)


@st.composite
def _drawn_outcome(draw: st.DrawFn) -> EvalOutcome:
    config = draw(st.sampled_from([*_CONFIGS[:3], _CONFIGS[4]]))
    # Mostly a pass/fail or a score eval's output as the server writes them, else anything.
    kind = draw(st.sampled_from(["pass/fail", "score", "any"]))
    value: Any
    output_type: str | None
    if kind == "pass/fail":
        value, output_type = draw(st.sampled_from(["Passed", "Failed", True, None])), "Pass/Fail"
    elif kind == "score":
        value, output_type = (
            draw(st.one_of(st.floats(0, 1), st.none())),
            draw(st.sampled_from(["score", None])),
        )
    else:
        value, output_type = draw(_VALUES), draw(st.sampled_from(["Pass/Fail", "score", None, "choices"]))
    extra = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "error": st.sampled_from(["error", None]),
                "skipped": st.booleans(),
                "reason": st.sampled_from(["why", "", None]),
            },
        )
    )
    return output(config, value, output_type=output_type, **extra)


@st.composite
def _drawn_call(draw: st.DrawFn) -> CallOutcome:
    return CallOutcome(
        call_execution_id=draw(st.sampled_from([uuid.UUID(int=7), uuid.uuid4()])),
        scenario_id=draw(st.sampled_from(_SCENARIOS)),
        scenario_name=draw(st.sampled_from(["A", "", None])),
        status=draw(st.sampled_from(["completed", "completed", "failed", "cancelled", ""])),
        duration_seconds=None,
        # Duplicate eval ids drawn too: the tally reads the first output under an id, the reasons the last.
        evals=tuple(draw(st.lists(_drawn_outcome(), max_size=4))),
    )


@pytest.mark.slow  # hypothesis draws the results
@settings(max_examples=400, deadline=None)
# Two outputs under one id: the tally counts the first, a call's reasons read the last.
@example(
    calls=[call(output(TONE, "Passed"), output(TONE, "Failed"))],
    configs=[TONE],
    thresholds=Thresholds(),
    expected=[],
)
@example(
    calls=[call(output(TONE, 0.9, output_type="score"), output(TONE, 0.2, output_type="score"))],
    configs=[TONE],
    thresholds=Thresholds(min_score={"Tone check": 0.5}),
    expected=[],
)
@given(
    calls=st.lists(_drawn_call(), max_size=8),
    configs=st.lists(st.sampled_from(_CONFIGS), max_size=4),
    thresholds=st.sampled_from(
        [
            Thresholds(),
            Thresholds(min_score={"Tone check": 0.5}),
            Thresholds(max_unjudged_calls=3, default_min_pass_rate=0.5),
            Thresholds(min_score={"Issue resolved": 0.3}, max_failed_calls=2),
        ]
    ),
    expected=st.lists(st.sampled_from([uuid.UUID(int=1), uuid.UUID(int=3)]), max_size=2),
)
def test_a_verdict_is_the_same_when_every_call_is_read_for_reasons(
    calls: list[CallOutcome],
    configs: list[EvalConfig],
    thresholds: Thresholds,
    expected: list[uuid.UUID],
) -> None:
    """Drawn results give the same verdict (reasons, notes, scenarios) whether or not the shortcuts skip
    the calls with no reason and the search for ignored outputs: they skip only what finds nothing."""
    drawn = results(*calls)
    fast = judge(drawn, eval_configs=configs, thresholds=thresholds, expected_scenario_ids=expected)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("futureagi_simulate._verdict._faulted", lambda *args: None)
        patch.setattr("futureagi_simulate._verdict._all_outputs_live", lambda *args: False)
        every = judge(drawn, eval_configs=configs, thresholds=thresholds, expected_scenario_ids=expected)
    assert (fast, repr(fast)) == (every, repr(every))
    assert [_counted(drawn.calls, c) for c in configs if isinstance(c.id, uuid.UUID)] == [
        (e.judged, e.pass_count, e.fail_count, e.average_score)
        for c, e in zip(configs, fast.evals, strict=True)
        if isinstance(c.id, uuid.UUID)
    ]


def _counted(calls: Sequence[CallOutcome], config: EvalConfig) -> tuple[int, int, int, float | None]:
    """An eval's counts by the rules written plainly: the first output under its id on each completed
    call, those not null judged; the average when every one has a finite score."""
    key = str(config.id)
    firsts = [next((o for o in c.evals if o.eval_id == key), None) for c in calls if not c.failed]
    judged = [o for o in firsts if o is not None and o.output is not None]
    scores = [o.score for o in judged if o.score is not None]
    average = sum(scores) / len(scores) if scores and len(scores) == len(judged) else None
    return (
        len(judged),
        sum(o.passed is True for o in judged),
        sum(o.passed is False for o in judged),
        average if average is not None and math.isfinite(average) else None,
    )


class _ScenarioId(uuid.UUID):
    """A caller's own UUID type: equal to the UUID of the same value, as UUID's equality says."""

    __slots__ = ()


def test_a_scenario_id_of_a_uuid_subclass_is_the_expected_scenario() -> None:
    """A call whose scenario id is a UUID subclass equal to an expected id is that scenario's call."""
    scenario = uuid.UUID(int=5)
    own = CallOutcome(
        call_execution_id=uuid.UUID(int=1),
        scenario_id=_ScenarioId(int=5),
        scenario_name=None,
        status="completed",
        duration_seconds=None,
        evals=(output(TONE, "Passed"),),
    )
    plain = attrs.evolve(own, call_execution_id=uuid.UUID(int=2), scenario_id=scenario)
    verdict = judge(results(own, plain), eval_configs=[TONE], expected_scenario_ids=[scenario])
    assert verdict.passed is True
    assert [(s.scenario_id, len(s.calls)) for s in verdict.scenarios] == [(scenario, 2)]
    alone = judge(results(own), eval_configs=[TONE], expected_scenario_ids=[scenario])
    assert (alone.passed, [len(s.calls) for s in alone.scenarios]) == (True, [1])


# The verdict's roads for results whose calls file their outputs alike (``_verdict._Columns``, ``_split``,
# ``_groups``) against the rules written plainly ---------------------------------------------------------


def _split_plainly(calls: Sequence[CallOutcome]) -> tuple[list[CallOutcome], list[CallOutcome]]:
    """The failed calls and the completed ones, by ``CallOutcome.failed``, one call at a time."""
    return [c for c in calls if c.failed], [c for c in calls if not c.failed]


def _groups_plainly(calls: Sequence[CallOutcome]) -> dict[object, list[CallOutcome]]:
    """The calls by the first of scenario id, name and call id that is set, a UUID by its int."""
    groups: dict[object, list[CallOutcome]] = {}
    for c in calls:
        key = c.scenario_id or c.scenario_name or c.call_execution_id
        groups.setdefault(key.int if isinstance(key, uuid.UUID) else (key,), []).append(c)
    return groups


@st.composite
def _alike_results(draw: st.DrawFn) -> tuple[ExecutionResults, list[EvalConfig]]:
    """Calls that file one output under each of the same eval config ids, in the same order (what the
    server writes), with outputs of every kind, unjudged ones, now and then a ``passed`` or a score of a
    type the reader never makes, and now and then two calls ragged; the configs judged are some of those
    ids (or others)."""
    # One id twice now and then: the tally reads the first output under it, the reasons the last.
    filed = draw(
        st.lists(st.sampled_from([TONE, RESOLVED, DELETED_TONE, _CONFIGS[4]]), min_size=1, max_size=4)
    )
    value = st.sampled_from(["Passed", "Failed", "passed", "Pass", True, False, 0.0, 0.25, 0.75, 0, 3, [0.5]])
    # Each config's outputs typed alike, as the server writes them, or untyped.
    typed = [draw(st.sampled_from(["Pass/Fail", "score", "choices", None])) for _ in filed]
    scenario = st.sampled_from([uuid.UUID(int=1), uuid.UUID(int=2), None, "same"])
    first = uuid.UUID(int=1)
    # Unjudged outputs (null) in half the draws only: a column holding one is left to the loop.
    written = st.one_of(value, st.none()) if draw(st.booleans()) else value
    calls = []
    for number in range(draw(st.integers(1, 12))):
        evals = []
        for config, output_type in zip(filed, typed, strict=True):
            outcome = output(config, draw(written), output_type=output_type)
            odd = draw(st.sampled_from([None, None, None, None, None, None, "passed", "score"]))
            if odd == "passed":
                odd_passed: Any = draw(st.sampled_from([1, 0, 1.0, "yes"]))
                outcome = attrs.evolve(outcome, passed=odd_passed)
            elif odd == "score":
                outcome = attrs.evolve(outcome, score=draw(st.sampled_from([1, True, 0.5])))
            evals.append(outcome)
        drawn_scenario: Any = draw(scenario)
        calls.append(
            CallOutcome(
                call_execution_id=uuid.UUID(int=100 + number),
                # "same": the first scenario's id as another UUID object, equal to it.
                scenario_id=uuid.UUID(int=first.int) if drawn_scenario == "same" else drawn_scenario,
                scenario_name=draw(st.sampled_from(["A", None])),
                status=draw(st.sampled_from(["completed", "completed", "completed", "failed", "cancelled"])),
                duration_seconds=None,
                evals=tuple(evals),
            )
        )
    if len(calls) > 1 and draw(st.booleans()):
        # Now and then one call files its outputs in the other order: as many a call, but the columns
        # no longer hold one id each.
        turned = calls[0]
        calls[0] = attrs.evolve(turned, status="completed", evals=turned.evals[::-1])
    if len(calls) > 2 and draw(st.booleans()):
        # Ragged now and then: a call with its first output twice, the last call without it, as many
        # outputs in all as calls filed alike have (and, with two ids, the same ids at every other place).
        extra, last = calls[-2], calls[-1]
        calls[-2] = attrs.evolve(extra, status="completed", evals=(*extra.evals, extra.evals[0]))
        calls[-1] = attrs.evolve(last, status="completed", evals=last.evals[1:])
    judged = draw(st.lists(st.sampled_from([*filed, RESOLVED, _CONFIGS[3]]), max_size=3))
    return results(*calls), judged


@pytest.mark.slow  # hypothesis draws the results
@settings(max_examples=400, deadline=None)
@given(
    drawn=_alike_results(),
    thresholds=st.sampled_from(
        [
            Thresholds(),
            Thresholds(min_score={"Tone check": 0.5}),
            Thresholds(max_unjudged_calls=3, default_min_pass_rate=0.5),
            Thresholds(min_score={"Issue resolved": 0.3}, max_failed_calls=2),
        ]
    ),
    expected=st.lists(st.sampled_from([uuid.UUID(int=1), uuid.UUID(int=3)]), max_size=2),
)
def test_a_verdict_on_calls_filed_alike_is_the_verdict_of_the_rules_one_call_at_a_time(
    drawn: tuple[ExecutionResults, list[EvalConfig]],
    thresholds: Thresholds,
    expected: list[uuid.UUID],
) -> None:
    """Results whose calls file their outputs alike give the same verdict (reasons, notes, scenarios,
    counts) by the columns and comprehensions as by the loop that reads one call at a time."""
    from futureagi_simulate import _verdict

    execution, configs = drawn
    completed = [c for c in execution.calls if not c.failed]
    # The columns are taken whenever the completed calls have as many outputs each: the comparison below
    # is then never the loop against itself.
    alike = len({len(c.evals) for c in completed}) == 1
    assert (_verdict._Columns.of(completed) is not None) == alike
    fast = judge(execution, eval_configs=configs, thresholds=thresholds, expected_scenario_ids=expected)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_verdict._Columns, "of", lambda completed: None)
        patch.setattr(_verdict, "_split", _split_plainly)
        patch.setattr(_verdict, "_groups", _groups_plainly)
        plain = judge(execution, eval_configs=configs, thresholds=thresholds, expected_scenario_ids=expected)
    assert (fast, repr(fast)) == (plain, repr(plain))
    assert [_counted(execution.calls, c) for c in configs if isinstance(c.id, uuid.UUID)] == [
        (e.judged, e.pass_count, e.fail_count, e.average_score)
        for c, e in zip(configs, fast.evals, strict=True)
        if isinstance(c.id, uuid.UUID)
    ]


def test_thresholds_mappings_answer_get_and_in_as_a_dict_does() -> None:
    """``min_pass_rate`` and ``min_score`` answer ``get`` (with and without a default) and ``in`` as the
    dict they were given does, and refuse an unhashable name alike."""
    thresholds = Thresholds(min_pass_rate={"Tone check": 0.5}, min_score={"Issue resolved": 0.7})
    given = {"Tone check": 0.5}
    rates = thresholds.min_pass_rate
    assert (rates.get("Tone check"), rates.get("Other"), rates.get("Other", 1.0)) == (
        given.get("Tone check"),
        given.get("Other"),
        given.get("Other", 1.0),
    )
    other: object = 1
    assert ("Tone check" in rates, "Other" in rates, other in rates) == (True, False, False)
    assert ("Issue resolved" in thresholds.min_score, thresholds.min_score.get("Tone check")) == (True, None)
    unhashable: object = []
    with pytest.raises(TypeError):
        _ = unhashable in rates
