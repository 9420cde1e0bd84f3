"""The reports of several run tests run together: each run test's part is what its own report would
hold (the same builders), so a field added to one run test's report is in the combined one too."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._files import append_summary
from ._json import failure_json, json_text, verdict_json
from ._junit import _Suite, failure_suite, junit_document, verdict_suite
from ._outcome import Outcome
from ._summary import SUMMARY_LIMIT, SUMMARY_MARGIN, _budget, _cell, _fit

__all__ = [
    "combined_json",
    "combined_junit",
    "combined_summary",
    "outcome_json",
    "outcome_suite",
    "write_combined_summary",
]


def outcome_json(outcome: Outcome) -> bytes:
    """The JSON result of one run test's run: the verdict's, or why it ended without one."""
    if outcome.verdict is not None:
        return verdict_json(
            outcome.verdict, run_test=outcome.run_test, exit_code=outcome.exit_code, pinned=outcome.pinned
        )
    return failure_json(
        run_test=outcome.run_test,
        execution_id=outcome.execution_id,
        status=outcome.status,
        exit_code=outcome.exit_code,
        reasons=outcome.reasons,
        pinned=outcome.pinned,
        cost=outcome.cost,
    )


def outcome_suite(outcome: Outcome) -> _Suite:
    """The JUnit test suite of one run test's run."""
    if outcome.verdict is not None:
        return verdict_suite(outcome.verdict, run_test=outcome.run_test, pinned=outcome.pinned)
    return failure_suite(
        run_test=outcome.run_test,
        execution_id=outcome.execution_id,
        exit_code=outcome.exit_code,
        reasons=outcome.reasons,
        pinned=outcome.pinned,
    )


def combined_json(outcomes: Sequence[Outcome], *, exit_code: int) -> bytes:
    """``passed`` (every run test passed), ``exit_code`` (the command's), and ``run_tests``: each run
    test's result, as ``--json`` writes it for one, in the order the run tests were given."""
    results: list[Any] = [json.loads(outcome_json(outcome)) for outcome in outcomes]
    document = {
        "passed": bool(outcomes) and all(outcome.exit_code == 0 for outcome in outcomes),
        "exit_code": exit_code,
        "run_tests": results,
    }
    return (json_text(document) + "\n").encode("utf-8")


def combined_junit(outcomes: Sequence[Outcome]) -> bytes:
    """One ``testsuite`` per run test (named after it), each with its case per scenario and its
    ``verdict`` case, as the file of one run test has them."""
    return junit_document([outcome_suite(outcome) for outcome in outcomes])


def _result(outcome: Outcome) -> str:
    if outcome.exit_code == 0:
        return "passed"
    return "failed" if outcome.verdict is not None else f"not judged (exit {outcome.exit_code})"


def combined_summary(
    outcomes: Sequence[Outcome], *, exit_code: int, budget: int = SUMMARY_LIMIT - SUMMARY_MARGIN
) -> str:
    """The Markdown summary: the command's result, a line per run test, then each failed run test's
    reasons and failed scenarios; within ``budget`` bytes."""
    passed = sum(1 for outcome in outcomes if outcome.exit_code == 0)
    mark = "PASSED" if exit_code == 0 else f"FAILED (exit {exit_code})"
    head = [
        f"## futureagi-simulate: {mark}",
        "",
        f"{passed} of {len(outcomes)} run tests passed.",
        "",
        "| run test | result | execution |",
        "|---|---|---|",
        *(
            f"| {_cell(outcome.run_test.label())} | {_result(outcome)} | "
            f"{_cell(outcome.execution_id or 'none')} |"
            for outcome in outcomes
        ),
    ]
    details: list[str] = []
    for outcome in outcomes:
        if outcome.exit_code == 0:
            continue
        details += ["", f"### {_cell(outcome.run_test.label())}: {_result(outcome)}", ""]
        verdict = outcome.verdict
        reasons = verdict.reasons if verdict is not None else outcome.reasons
        details += [f"- {_cell(reason)}" for reason in reasons]
        if verdict is not None:
            details += [
                f"- scenario {_cell(s.scenario_name or s.scenario_id)}: {_cell('; '.join(s.reasons))}"
                for s in verdict.scenarios
                if not s.passed
            ]
    return _fit(head, details, budget, len(details), unit="lines of failure details")


def write_combined_summary(path: Path, outcomes: Sequence[Outcome], *, exit_code: int) -> None:
    """Appends the combined summary to GitHub's step summary file, within its 1 MiB limit."""
    append_summary(path, combined_summary(outcomes, exit_code=exit_code, budget=_budget(path)))
