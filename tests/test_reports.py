"""The reports `run` writes, built from verdicts the judge gives on scripted results."""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Callable
from types import FrameType
from typing import Any
from xml.etree import ElementTree

from futureagi_simulate import CallOutcome, EvalConfig, EvalOutcome, ExecutionResults, Thresholds, Verdict
from futureagi_simulate._verdict import judge
from futureagi_simulate.cli import _reports

RUN_TEST = _reports.RunTestName(id=uuid.UUID(int=7), name="Checkout regression")
TONE = EvalConfig(id=uuid.UUID(int=3), name="Tone check")


def verdict_over(
    count: int, *, name: str = "Angry customer", failing: bool = True, reason: str = ""
) -> Verdict:
    """The verdict on ``count`` calls of ``count`` scenarios all named ``name``, each failing its eval."""
    calls = tuple(
        CallOutcome(
            call_execution_id=uuid.UUID(int=10_000 + n),
            scenario_id=uuid.UUID(int=20_000 + n),
            scenario_name=name,
            status="completed",
            duration_seconds=1.0,
            evals=(
                EvalOutcome(
                    name="Tone check",
                    eval_id=str(TONE.id),
                    passed=not failing,
                    score=None,
                    output="Failed" if failing else "Passed",
                    reason=reason or None,
                ),
            ),
        )
        for n in range(count)
    )
    results = ExecutionResults(
        execution_id=uuid.UUID(int=1), status="completed", started_at=None, completed_at=None, calls=calls
    )
    return judge(results, eval_configs=[TONE])


def test_a_thousand_failing_calls_keep_the_summary_under_one_mib() -> None:
    """1,000 failing calls with long reasons: the summary is under 1 MiB and says how many it left out."""
    verdict = verdict_over(1000, reason="the agent was rude " * 60)
    text = _reports.step_summary(verdict, run_test=RUN_TEST)
    assert len(text.encode("utf-8")) < 1024 * 1024
    rows = [line for line in text.splitlines() if line.startswith("| Angry")]
    assert 0 < len(rows) < 1000
    assert f"{1000 - len(rows)} of 1000 scenarios are not shown" in text


def test_the_summary_lists_failed_scenarios_before_passed_ones() -> None:
    """A cut summary keeps what failed: failed rows come first."""
    passing = verdict_over(2, name="Calm", failing=False)
    failing = verdict_over(2, name="Rude")
    mixed = Verdict(
        execution_id=passing.execution_id,
        status="completed",
        passed=False,
        reasons=["one failed"],
        scenarios=[*passing.scenarios, *failing.scenarios],
        pass_rates={},
        total_calls=4,
        failed_calls=0,
        thresholds=passing.thresholds,
    )
    text = _reports.step_summary(mixed, run_test=RUN_TEST)
    rows = [line.split(" | ")[1] for line in text.splitlines() if line.startswith(("| Calm", "| Rude"))]
    assert rows == ["failed", "failed", "passed", "passed"]


def lines_run(work: Callable[[], Any]) -> int:
    """How many lines of Python ``work`` runs, counted by a trace function: operations, not time."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def test_junit_writing_is_linear_in_cases() -> None:
    """Twice the scenarios, all with one name, cost at most about twice the work (it was quadratic)."""
    small, large = verdict_over(400), verdict_over(800)
    once = lines_run(lambda: _reports.verdict_junit(small, run_test=RUN_TEST))
    twice = lines_run(lambda: _reports.verdict_junit(large, run_test=RUN_TEST))
    assert twice < 2.2 * once, (once, twice)


def test_junit_case_names_stay_unique_whatever_the_scenarios_are_called() -> None:
    """Repeated names, and names that look like the numbered ones, give one case each, all distinct."""
    base = verdict_over(3, name="Angry")
    named = [
        *base.scenarios,
        *verdict_over(1, name="Angry (2)").scenarios,
        *verdict_over(1, name="verdict").scenarios,
    ]
    mixed = Verdict(
        execution_id=base.execution_id,
        status="completed",
        passed=False,
        reasons=["failed"],
        scenarios=named,
        pass_rates={},
        total_calls=5,
        failed_calls=0,
        thresholds=base.thresholds,
    )
    root = ElementTree.fromstring(_reports.verdict_junit(mixed, run_test=RUN_TEST))
    names = [case.get("name") for case in root.iter("testcase")]
    assert len(names) == len(set(names)) == 6
    assert names[-1] == "verdict"
    assert {case.get("classname") for case in root.iter("testcase")} == {"Checkout regression"}
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("6", "6", "0")


def verdict_with_an_errored_eval(*, max_unjudged_calls: int = 0) -> Verdict:
    """Three completed calls: 'Tone check' passed one, errored on one and was skipped on one."""
    outcomes = (
        EvalOutcome(name="Tone check", eval_id=str(TONE.id), passed=True, score=None, output="Passed"),
        EvalOutcome(
            name="Tone check", eval_id=str(TONE.id), passed=None, score=None, output=None, error="error"
        ),
        EvalOutcome(
            name="Tone check", eval_id=str(TONE.id), passed=None, score=None, output=None, skipped=True
        ),
    )
    calls = tuple(
        CallOutcome(
            call_execution_id=uuid.UUID(int=10_000 + n),
            scenario_id=uuid.UUID(int=20_000 + n),
            scenario_name=f"scenario {n}",
            status="completed",
            duration_seconds=1.0,
            evals=(outcome,),
        )
        for n, outcome in enumerate(outcomes)
    )
    results = ExecutionResults(
        execution_id=uuid.UUID(int=1), status="completed", started_at=None, completed_at=None, calls=calls
    )
    return judge(results, eval_configs=[TONE], thresholds=Thresholds(max_unjudged_calls=max_unjudged_calls))


def test_the_json_report_counts_each_evals_unjudged_calls() -> None:
    """The JSON report has one entry per eval config with its judged, errored and skipped counts."""
    document = json.loads(
        _reports.verdict_json(verdict_with_an_errored_eval(), run_test=RUN_TEST, exit_code=1)
    )
    (tone,) = document["evals"]
    assert (tone["name"], tone["judged"], tone["unjudged"], tone["errored"], tone["skipped"]) == (
        "Tone check",
        1,
        2,
        1,
        1,
    )
    assert (tone["passed"], document["thresholds"]["max_unjudged_calls"]) == (False, 0)


def test_the_step_summary_shows_each_evals_unjudged_calls() -> None:
    """The step summary's eval table names the eval and how many calls it left unjudged, and why."""
    text = _reports.step_summary(verdict_with_an_errored_eval(max_unjudged_calls=2), run_test=RUN_TEST)
    assert "| Tone check | passed | 100% | 100% | 1 | 2 (1 errored, 1 skipped) |" in text


def test_the_junit_verdict_case_shows_each_evals_unjudged_calls() -> None:
    """The JUnit file's verdict case carries each eval's counts, unjudged calls included."""
    junit = _reports.verdict_junit(verdict_with_an_errored_eval(), run_test=RUN_TEST)
    case = ElementTree.fromstring(junit).find("./testsuite/testcase[@name='verdict']")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert failure.text is not None
    assert "eval 'Tone check': failed; pass rate 100%" in failure.text
    assert "2 unjudged (1 errored, 1 skipped)" in failure.text
