"""What ``run`` leaves behind for CI: a JSON result, a JUnit file and a GitHub step summary.

Each is built from the ``Verdict`` alone, so the three always agree with the exit code. None of them
can hold a credential: they are made of ids, names, statuses, eval outputs and the verdict's reasons.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from futureagi_simulate import ScenarioVerdict, Verdict

__all__ = ["verdict_json", "write_json", "write_junit", "write_step_summary"]


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _scenario(scenario: ScenarioVerdict) -> dict[str, Any]:
    return {
        "scenario_id": scenario.scenario_id,
        "scenario_name": scenario.scenario_name,
        "passed": scenario.passed,
        "reasons": scenario.reasons,
        "calls": [
            {
                "call_execution_id": call.call_execution_id,
                "status": call.status,
                "duration_seconds": call.duration_seconds,
                "evals": [
                    {
                        "name": outcome.name,
                        "passed": outcome.passed,
                        "score": outcome.score,
                        "output": outcome.output,
                        "reason": outcome.reason,
                    }
                    for outcome in call.evals
                ],
            }
            for call in scenario.calls
        ],
    }


def verdict_json(verdict: Verdict, *, run_test_id: uuid.UUID, exit_code: int) -> dict[str, Any]:
    """The machine-readable result of ``run``: ids, ``passed`` (a boolean), reasons, every scenario."""
    document: dict[str, Any] = _jsonable(
        {
            "run_test_id": run_test_id,
            "execution_id": verdict.execution_id,
            "status": verdict.status,
            "passed": verdict.passed,
            "exit_code": exit_code,
            "reasons": verdict.reasons,
            "pass_rates": verdict.pass_rates,
            "total_calls": verdict.total_calls,
            "failed_calls": verdict.failed_calls,
            "thresholds": {
                "min_pass_rate": verdict.thresholds.min_pass_rate,
                "default_min_pass_rate": verdict.thresholds.default_min_pass_rate,
                "max_failed_calls": verdict.thresholds.max_failed_calls,
            },
            "scenarios": [_scenario(s) for s in verdict.scenarios],
        }
    )
    return document


def write_json(path: Path, document: Any) -> None:
    path.write_text(json.dumps(_jsonable(document), indent=2) + "\n", encoding="utf-8")


def _case_name(scenario: ScenarioVerdict) -> str:
    return scenario.scenario_name or str(scenario.scenario_id or "scenario")


def _details(scenario: ScenarioVerdict) -> str:
    lines = list(scenario.reasons)
    for call in scenario.calls:
        lines.append(f"call {call.call_execution_id}: {call.status}")
        for outcome in call.evals:
            verdict = {True: "passed", False: "failed", None: "output"}[outcome.passed]
            why = f" ({outcome.reason})" if outcome.reason else ""
            lines.append(f"  eval {outcome.name!r} {verdict}: {outcome.output!r}{why}")
    return "\n".join(lines)


def write_junit(path: Path, verdict: Verdict, *, run_test_id: uuid.UUID) -> None:
    """JUnit XML: one test case per scenario, a failure with the reasons and the eval outputs.

    When the verdict failed for a reason no scenario carries (the execution was cancelled, a threshold
    named an eval it does not have), one more case, ``verdict``, fails with those reasons, so the file
    never reads green while the job is red.
    """
    from junitparser import Failure, JUnitXml, TestCase, TestSuite

    suite = TestSuite(f"futureagi-simulate run test {run_test_id}")
    classname = f"futureagi_simulate.execution.{verdict.execution_id}"
    for scenario in verdict.scenarios:
        case = TestCase(_case_name(scenario), classname=classname)
        durations = [call.duration_seconds for call in scenario.calls if call.duration_seconds is not None]
        case.time = float(sum(durations))
        if not scenario.passed:
            failure = Failure("; ".join(scenario.reasons) or "failed")
            failure.text = _details(scenario)
            case.result = [failure]
        else:
            case.system_out = _details(scenario)
        suite.add_testcase(case)
    if not verdict.passed and all(scenario.passed for scenario in verdict.scenarios):
        case = TestCase("verdict", classname=classname)
        failure = Failure("; ".join(verdict.reasons[:3]))
        failure.text = "\n".join(verdict.reasons)
        case.result = [failure]
        suite.add_testcase(case)
    document = JUnitXml()
    document.add_testsuite(suite)
    document.write(str(path), pretty=True)


_RESULT = {True: "passed", False: "failed"}


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_step_summary(path: Path, verdict: Verdict, *, run_test_id: uuid.UUID) -> None:
    """Appends a Markdown summary to the file GitHub Actions names in ``GITHUB_STEP_SUMMARY``."""
    mark = "PASSED" if verdict.passed else "FAILED"
    lines = [
        f"## futureagi-simulate: {mark}",
        "",
        f"Run test `{run_test_id}`, execution `{verdict.execution_id}` ({verdict.status}): "
        f"{verdict.total_calls - verdict.failed_calls} of {verdict.total_calls} calls completed.",
        "",
        *(f"- {_cell(reason)}" for reason in verdict.reasons),
        "",
        "| scenario | result | why |",
        "|---|---|---|",
        *(
            f"| {_cell(_case_name(s))} | {_RESULT[s.passed]} | {_cell('; '.join(s.reasons))} |"
            for s in verdict.scenarios
        ),
        "",
    ]
    with path.open("a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n")
