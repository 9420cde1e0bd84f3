"""Reruns of failures and flaky as an outcome: ``judge_rounds`` and ``rerun_call_ids``, no I/O."""

from __future__ import annotations

import uuid

import attrs
import pytest

from futureagi_simulate import InvalidArgumentError, Thresholds
from futureagi_simulate._results import CallOutcome, EvalOutcome, ExecutionResults
from futureagi_simulate._verdict import Verdict, judge, judge_rounds, rerun_call_ids
from tests.test_verdict import TONE, output

EXECUTION = uuid.uuid4()
REFUND, GREETING = uuid.uuid4(), uuid.uuid4()


def call(
    scenario: uuid.UUID, *evals: EvalOutcome, status: str = "completed", call_id: uuid.UUID | None = None
) -> CallOutcome:
    return CallOutcome(
        call_execution_id=call_id or uuid.uuid4(),
        scenario_id=scenario,
        scenario_name="Refund" if scenario == REFUND else "Greeting",
        status=status,
        duration_seconds=1.0,
        evals=evals,
    )


def verdict(*calls: CallOutcome) -> Verdict:
    results = ExecutionResults(
        execution_id=EXECUTION, status="completed", started_at=None, completed_at=None, calls=calls
    )
    return judge(results, eval_configs=[TONE])


REFUND_CALL, GREETING_CALL = uuid.uuid4(), uuid.uuid4()
FIRST = verdict(
    call(REFUND, output(TONE, "Failed", reason="rude"), call_id=REFUND_CALL),
    call(GREETING, output(TONE, "Passed"), call_id=GREETING_CALL),
)
RERUN_PASSED = verdict(
    call(REFUND, output(TONE, "Passed"), call_id=REFUND_CALL),
    call(GREETING, output(TONE, "Passed"), call_id=GREETING_CALL),
)
RERUN_FAILED = FIRST


def test_a_scenario_that_failed_then_passed_is_flaky_and_fails_by_default() -> None:
    """Refund failed, then passed on the rerun: flaky; with the default policy the verdict fails."""
    final = judge_rounds([FIRST, RERUN_PASSED])
    refund = next(s for s in final.scenarios if s.scenario_id == REFUND)
    assert (refund.outcome, refund.passed, refund.attempts) == ("flaky", True, 2)
    assert final.passed is False
    assert final.reasons[0].startswith("1 scenario is flaky (failed, then passed on a rerun): Refund")
    assert final.reruns == 1


def test_flaky_pass_lets_the_last_round_decide() -> None:
    """With flaky='pass' the same rounds pass: the last results pass every rule."""
    final = judge_rounds([FIRST, RERUN_PASSED], flaky="pass")
    assert final.passed is True
    assert [s.outcome for s in final.scenarios] == ["flaky", "passed"]


def test_the_first_results_are_kept_on_a_flaky_scenario() -> None:
    """A flaky scenario keeps why it failed first and its first calls, which the rerun replaced."""
    refund = next(s for s in judge_rounds([FIRST, RERUN_PASSED]).scenarios if s.scenario_id == REFUND)
    assert refund.first_reasons == (f"eval 'Tone check' did not pass call {REFUND_CALL}: rude",)
    assert refund.first_calls[0].evals[0].output == "Failed"


def test_a_scenario_that_failed_every_round_stays_failed_and_is_not_flaky() -> None:
    """Failed first, failed on both reruns: failed, not flaky, three attempts."""
    final = judge_rounds([FIRST, RERUN_FAILED, RERUN_FAILED])
    refund = next(s for s in final.scenarios if s.scenario_id == REFUND)
    assert (refund.outcome, refund.attempts) == ("failed", 3)
    assert final.passed is False
    assert final.flaky_scenarios == ()


def test_one_round_is_the_first_verdict() -> None:
    """No rerun: the first verdict, nothing flaky."""
    final = judge_rounds([FIRST])
    assert (final.passed, final.reruns, final.flaky_scenarios) == (FIRST.passed, 0, ())


def test_rerun_call_ids_are_the_failed_calls_of_failed_scenarios() -> None:
    """Only Refund's call, which failed its eval, is rerun; Greeting passed."""
    assert rerun_call_ids(FIRST) == [REFUND_CALL]


def test_a_call_that_did_not_complete_is_rerun() -> None:
    """A failed call of a failed scenario is rerun."""
    failed = uuid.uuid4()
    first = verdict(call(REFUND, status="failed", call_id=failed), call(GREETING, output(TONE, "Passed")))
    assert rerun_call_ids(first) == [failed]


@pytest.mark.parametrize("policy", ["maybe", ""])
def test_an_unknown_flaky_policy_is_refused(policy: str) -> None:
    """flaky must be 'fail' or 'pass'."""
    with pytest.raises(InvalidArgumentError) as caught:
        judge_rounds([FIRST], flaky=policy)
    assert caught.value.argument == "flaky"


@pytest.mark.parametrize("policy", ["fail", "pass"])
def test_a_scenario_judged_before_and_missing_after_a_rerun_fails_the_verdict(policy: str) -> None:
    """Refund failed, then had no call in the rerun's results: the verdict fails, whatever --flaky."""
    only_greeting = verdict(call(GREETING, output(TONE, "Passed"), call_id=GREETING_CALL))
    final = judge_rounds([FIRST, only_greeting], flaky=policy)
    assert final.passed is False
    assert any("Refund" in reason and "no call" in reason for reason in final.reasons)


def test_judge_rounds_refuses_a_round_judged_with_other_thresholds() -> None:
    """A rerun round judged without the first verdict's thresholds would decide alone: refused."""
    strict = attrs.evolve(FIRST, thresholds=Thresholds(min_pass_rate={"Tone check": 1.0}))
    with pytest.raises(InvalidArgumentError) as caught:
        judge_rounds([strict, RERUN_PASSED])
    assert caught.value.argument == "rounds"
    assert "other thresholds" in caught.value.rule


def test_judge_rounds_refuses_a_round_judged_expecting_other_scenarios() -> None:
    """A rerun round that no longer expects the first verdict's scenarios is refused."""
    expecting = attrs.evolve(FIRST, expected_scenario_ids=(REFUND, GREETING, uuid.uuid4()))
    with pytest.raises(InvalidArgumentError) as caught:
        judge_rounds([expecting, RERUN_PASSED])
    assert "other expected scenario ids" in caught.value.rule


def test_one_rerun_round_is_said_in_the_singular() -> None:
    """One rerun: the reasons say "1 rerun round", not "1 rerun rounds"."""
    final = judge_rounds([FIRST, RERUN_PASSED])
    assert "1 rerun round of the failures after the first results" in final.reasons
