"""What ``run`` leaves behind for CI: a JSON result, a JUnit file and a GitHub step summary.

Each is built from the ``Verdict`` alone, so the three always agree with the exit code. Text from the
server is data, never markup: every string written passes through ``redact`` (the credentials the
command used become ``[REDACTED]``) and is made safe for where it goes (XML 1.0, Markdown, a terminal).
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from futureagi_simulate import ScenarioVerdict, Verdict

__all__ = [
    "redact",
    "set_secrets",
    "terminal_text",
    "verdict_json",
    "write_failure_junit",
    "write_failure_summary",
    "write_json",
    "write_junit",
    "write_step_summary",
]

REDACTED = "[REDACTED]"
TOO_DEEP = "<nested too deep>"
MAX_DEPTH = 64
NON_FINITE_NOTE = "non-finite numbers (NaN, Infinity) were written as null"

_secrets: list[str] = []


def set_secrets(secrets: Iterable[str | None]) -> None:
    """The credentials the command uses: ``redact`` replaces each wherever it appears."""
    # Longest first, so a secret that contains another is replaced whole; very short values would
    # redact ordinary text and are not real keys.
    _secrets[:] = sorted({s for s in secrets if s and len(s.strip()) >= 4}, key=len, reverse=True)


def redact(text: str) -> str:
    """``text`` with every credential the command knows replaced by ``[REDACTED]``."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


# Lone surrogates cannot be encoded; XML 1.0 forbids C0 controls but tab/newline/CR, and U+FFFE/U+FFFF.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# For a terminal: C0 controls but tab/newline, DEL and C1 controls (ESC starts escape sequences).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape_control(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def safe_text(text: str) -> str:
    """Redacted, with lone surrogates as U+FFFD: encodable as UTF-8 anywhere."""
    return _SURROGATE.sub("\ufffd", redact(text))


def xml_text(text: object) -> str:
    """Redacted, with the characters XML 1.0 forbids (and lone surrogates) as U+FFFD."""
    return _NOT_XML.sub("\ufffd", redact(str(text)))


def terminal_text(text: object) -> str:
    """Redacted and printable: control characters (ESC included) shown as ``\\xNN``, surrogates U+FFFD."""
    return _CONTROL.sub(_escape_control, safe_text(str(text)))


class _Walk:
    """Turns an answer into plain JSON data: bounded depth, finite numbers, redacted strings."""

    def __init__(self) -> None:
        self.non_finite = False

    def __call__(self, value: Any, depth: int = 0) -> Any:
        if isinstance(value, str):
            return safe_text(value)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            if math.isfinite(value):
                return value
            self.non_finite = True
            return None
        if isinstance(value, uuid.UUID):
            return str(value)
        if isinstance(value, (Mapping, list, tuple)):
            if depth >= MAX_DEPTH:
                return TOO_DEEP
            if isinstance(value, Mapping):
                return {safe_text(str(k)): self(v, depth + 1) for k, v in value.items()}
            return [self(v, depth + 1) for v in value]
        return safe_text(str(value))


def _jsonable(value: Any) -> Any:
    """``value`` as JSON data: subtrees deeper than MAX_DEPTH become a short string, NaN/Infinity null,
    credentials ``[REDACTED]``."""
    return _Walk()(value)


def json_text(document: Any) -> str:
    """Valid JSON (``allow_nan=False``); a dict document notes when a non-finite number became null."""
    walk = _Walk()
    data = walk(document)
    if walk.non_finite and isinstance(data, dict):
        data["notes"] = [NON_FINITE_NOTE]
    return json.dumps(data, indent=2, allow_nan=False)


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
    return {
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


def write_json(path: Path, document: Any) -> None:
    path.write_text(json_text(document) + "\n", encoding="utf-8")


def case_name(scenario: ScenarioVerdict) -> str:
    """The scenario's name, else its id, else (a call with neither) ``call <call execution id>``."""
    if scenario.scenario_name:
        return scenario.scenario_name
    if scenario.scenario_id:
        return str(scenario.scenario_id)
    calls = ", ".join(str(call.call_execution_id) for call in scenario.calls)
    return f"call {calls}" if calls else "scenario"


def _case_names(scenarios: Iterable[ScenarioVerdict]) -> list[str]:
    """One name per case, unique: a repeated name gets `` (2)``, `` (3)``..."""
    names: list[str] = []
    seen: set[str] = set()
    for scenario in scenarios:
        base = xml_text(case_name(scenario))
        name, n = base, 1
        while name in seen:
            n += 1
            name = f"{base} ({n})"
        seen.add(name)
        names.append(name)
    return names


def _details(scenario: ScenarioVerdict) -> str:
    lines = list(scenario.reasons)
    for call in scenario.calls:
        lines.append(f"call {call.call_execution_id}: {call.status}")
        for outcome in call.evals:
            verdict = {True: "passed", False: "failed", None: "output"}[outcome.passed]
            why = f" ({outcome.reason})" if outcome.reason else ""
            lines.append(f"  eval {outcome.name!r} {verdict}: {outcome.output!r}{why}")
    return "\n".join(lines)


def _failing_case(name: str, classname: str, reasons: list[str]) -> Any:
    from junitparser import Failure, TestCase

    case = TestCase(name, classname=classname)
    failure = Failure(xml_text("; ".join(reasons[:3]) or "failed"))
    failure.text = xml_text("\n".join(reasons))
    case.result = [failure]
    return case


def _write_suite(path: Path, suite: Any) -> None:
    from junitparser import JUnitXml

    document = JUnitXml()
    document.add_testsuite(suite)
    document.write(str(path), pretty=True)


def write_junit(path: Path, verdict: Verdict, *, run_test_id: uuid.UUID) -> None:
    """JUnit XML: one test case per scenario, a failure with the reasons and the eval outputs.

    When the verdict failed for a reason no scenario carries (the execution was cancelled, a threshold
    named an eval it does not have), one more case, ``verdict``, fails with those reasons, so the file
    never reads green while the job is red.
    """
    from junitparser import Failure, TestCase, TestSuite

    suite = TestSuite(f"futureagi-simulate run test {run_test_id}")
    classname = f"futureagi_simulate.execution.{verdict.execution_id}"
    for scenario, name in zip(verdict.scenarios, _case_names(verdict.scenarios), strict=True):
        case = TestCase(name, classname=classname)
        durations = [call.duration_seconds for call in scenario.calls if call.duration_seconds is not None]
        total = float(sum(durations))
        if math.isfinite(total):
            case.time = total
        if not scenario.passed:
            failure = Failure(xml_text("; ".join(scenario.reasons) or "failed"))
            failure.text = xml_text(_details(scenario))
            case.result = [failure]
        else:
            case.system_out = xml_text(_details(scenario))
        suite.add_testcase(case)
    if not verdict.passed and all(scenario.passed for scenario in verdict.scenarios):
        suite.add_testcase(_failing_case("verdict", classname, list(verdict.reasons)))
    _write_suite(path, suite)


def write_failure_junit(
    path: Path, *, run_test_id: uuid.UUID, execution_id: uuid.UUID | None, reasons: list[str]
) -> None:
    """JUnit XML for a run that ended without a verdict (exit 3, 4, 5, 130, 143): one failing ``verdict``."""
    from junitparser import TestSuite

    suite = TestSuite(f"futureagi-simulate run test {run_test_id}")
    suite.add_testcase(_failing_case("verdict", f"futureagi_simulate.execution.{execution_id}", reasons))
    _write_suite(path, suite)


_RESULT = {True: "passed", False: "failed"}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _cell(text: object) -> str:
    """Text as one line of Markdown: redacted, no control characters, its markup characters escaped."""
    line = terminal_text(str(text).replace("\r\n", " ").replace("\n", " ").replace("\t", " "))
    return _MARKDOWN.sub(r"\\\1", line)


def _append(path: Path, lines: list[str]) -> None:
    with path.open("a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n")


def write_step_summary(path: Path, verdict: Verdict, *, run_test_id: uuid.UUID) -> None:
    """Appends a Markdown summary to the file GitHub Actions names in ``GITHUB_STEP_SUMMARY``."""
    mark = "PASSED" if verdict.passed else "FAILED"
    lines = [
        f"## futureagi-simulate: {mark}",
        "",
        f"Run test `{run_test_id}`, execution `{verdict.execution_id}` ({_cell(verdict.status)}): "
        f"{verdict.total_calls - verdict.failed_calls} of {verdict.total_calls} calls completed.",
        "",
        *(f"- {_cell(reason)}" for reason in verdict.reasons),
        "",
        "| scenario | result | why |",
        "|---|---|---|",
        *(
            f"| {_cell(name)} | {_RESULT[s.passed]} | {_cell('; '.join(s.reasons))} |"
            for s, name in zip(verdict.scenarios, _case_names(verdict.scenarios), strict=True)
        ),
        "",
    ]
    _append(path, lines)


def write_failure_summary(
    path: Path, *, run_test_id: uuid.UUID, execution_id: uuid.UUID | None, code: int, reasons: list[str]
) -> None:
    """Appends a short Markdown summary for a run that ended without a verdict."""
    execution = f"execution `{execution_id}`" if execution_id else "no execution known"
    lines = [
        f"## futureagi-simulate: FAILED (exit {code})",
        "",
        f"Run test `{run_test_id}`, {execution}.",
        "",
        *(f"- {_cell(reason)}" for reason in reasons),
        "",
    ]
    _append(path, lines)
