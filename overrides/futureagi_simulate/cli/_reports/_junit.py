"""The JUnit file (``--junit``): one case per scenario and a ``verdict`` case with the verdict's own
reasons; for a run that ended without a verdict, that case holds an ``<error>``."""

from __future__ import annotations

import math
import uuid
from xml.etree import ElementTree

from futureagi_simulate import EvalVerdict, ScenarioVerdict, Verdict

from ._outcome import RunTestName, case_names, percent
from ._text import xml_text

__all__ = [
    "VERDICT_CASE",
    "eval_line",
    "failure_junit",
    "failure_suite",
    "junit_document",
    "verdict_junit",
    "verdict_suite",
]


def _details(scenario: ScenarioVerdict) -> str:
    lines = list(scenario.reasons)
    for call in scenario.calls:
        lines.append(f"call {call.call_execution_id}: {call.status}")
        for outcome in call.evals:
            verdict = {True: "passed", False: "failed", None: "output"}[outcome.passed]
            why = f" ({outcome.reason})" if outcome.reason else ""
            lines.append(f"  eval {outcome.name!r} {verdict}: {outcome.output!r}{why}")
    return "\n".join(lines)


VERDICT_CASE = "verdict"


class _Suite:
    """One JUnit test suite, built in one pass: counts kept as cases are added, never recounted."""

    def __init__(self, run_test: RunTestName, execution_id: uuid.UUID | None) -> None:
        self.run_test = run_test
        # Stable across runs, so CI keeps each case's history: the run test's name (its id if unnamed).
        self.classname = xml_text(run_test.name or str(run_test.id))
        self.suite = ElementTree.Element(
            "testsuite", name=xml_text(f"futureagi-simulate: {run_test.label()}")
        )
        properties = ElementTree.SubElement(self.suite, "properties")
        for key, value in (
            ("run_test_id", str(run_test.id)),
            ("run_test_name", run_test.name or ""),
            ("execution_id", str(execution_id) if execution_id else ""),
        ):
            ElementTree.SubElement(properties, "property", name=key, value=xml_text(value))
        self.tests = self.failures = self.errors = 0
        self.time = 0.0

    def case(
        self,
        name: str,
        *,
        seconds: float | None = None,
        failure: tuple[str, str] | None = None,
        error: tuple[str, str, str] | None = None,
        output: str | None = None,
    ) -> None:
        case = ElementTree.SubElement(self.suite, "testcase", name=name, classname=self.classname)
        if seconds is not None and math.isfinite(seconds):
            case.set("time", f"{seconds:.3f}")
            self.time += seconds
        self.tests += 1
        if failure is not None:
            self.failures += 1
            element = ElementTree.SubElement(case, "failure", message=xml_text(failure[0]))
            element.text = xml_text(failure[1])
        elif error is not None:
            self.errors += 1
            element = ElementTree.SubElement(case, "error", message=xml_text(error[0]), type=error[2])
            element.text = xml_text(error[1])
        elif output:
            ElementTree.SubElement(case, "system-out").text = xml_text(output)

    def finished(self) -> ElementTree.Element:
        """The ``testsuite`` element with its counts."""
        counts = {"tests": self.tests, "failures": self.failures, "errors": self.errors, "skipped": 0}
        for key, value in counts.items():
            self.suite.set(key, str(value))
        self.suite.set("time", f"{self.time:.3f}" if math.isfinite(self.time) else "0")
        return self.suite

    def bytes(self) -> bytes:
        return junit_document([self])


def junit_document(suites: list[_Suite]) -> bytes:
    """The JUnit file: ``testsuites`` holding each suite, with the counts of them all."""
    elements = [suite.finished() for suite in suites]
    totals = {
        key: sum(int(element.get(key, "0")) for element in elements)
        for key in ("tests", "failures", "errors")
    }
    root = ElementTree.Element("testsuites", {k: str(v) for k, v in totals.items()})
    root.extend(elements)
    document: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def verdict_junit(verdict: Verdict, *, run_test: RunTestName) -> bytes:
    """JUnit XML of ``verdict_suite``: the file of one run test."""
    return verdict_suite(verdict, run_test=run_test).bytes()


def verdict_suite(verdict: Verdict, *, run_test: RunTestName) -> _Suite:
    """JUnit XML: one test case per scenario, a ``<failure>`` with the reasons and the eval outputs.

    One more case, ``verdict``, carries the verdict's own reasons (the execution's status, the pass rates
    against their minimums, the failed-call count): a ``<failure>`` when the verdict failed, so the
    file never reads green while the job is red, even when no scenario carries the reason. Every case's
    class name is the run test's name, the same from run to run.
    """
    suite = _Suite(run_test, verdict.execution_id)
    for scenario, name in zip(
        verdict.scenarios, case_names(verdict.scenarios, taken=(VERDICT_CASE,)), strict=True
    ):
        durations = [call.duration_seconds for call in scenario.calls if call.duration_seconds is not None]
        seconds = float(sum(durations)) if durations else None
        details = _details(scenario)
        if scenario.passed:
            suite.case(name, seconds=seconds, output=details)
        else:
            suite.case(name, seconds=seconds, failure=("; ".join(scenario.reasons) or "failed", details))
    reasons = list(verdict.reasons) + [eval_line(e) for e in verdict.evals]
    if verdict.passed:
        suite.case(VERDICT_CASE, output="\n".join(reasons))
    else:
        suite.case(VERDICT_CASE, failure=("; ".join(reasons[:3]) or "failed", "\n".join(reasons)))
    return suite


def eval_line(verdict: EvalVerdict) -> str:
    """One eval config's counts in a sentence: what it judged, passed and left unjudged, and its minimum."""
    rate = "no pass rate" if verdict.pass_rate is None else f"pass rate {percent(verdict.pass_rate)}"
    minimum = "" if verdict.minimum is None else f", minimum {percent(verdict.minimum)}"
    left = f"{verdict.unjudged} unjudged ({verdict.errored} errored, {verdict.skipped} skipped)"
    result = "passed" if verdict.passed else "failed"
    return (
        f"eval {verdict.name!r}: {result}; {rate}{minimum}; judged {verdict.judged} completed calls "
        f"({verdict.pass_count} passed, {verdict.fail_count} failed); {left}"
    )


def failure_junit(
    *, run_test: RunTestName, execution_id: uuid.UUID | None, exit_code: int, reasons: list[str]
) -> bytes:
    """JUnit XML of ``failure_suite``: the file of one run test."""
    return failure_suite(
        run_test=run_test, execution_id=execution_id, exit_code=exit_code, reasons=reasons
    ).bytes()


def failure_suite(
    *, run_test: RunTestName, execution_id: uuid.UUID | None, exit_code: int, reasons: list[str]
) -> _Suite:
    """JUnit XML for a run that ended without a verdict (a timeout, an API error, a signal): one
    ``verdict`` case with an ``<error>`` (the gate could not judge), not a ``<failure>``."""
    suite = _Suite(run_test, execution_id)
    suite.case(
        VERDICT_CASE, error=("; ".join(reasons[:3]) or "no verdict", "\n".join(reasons), f"exit {exit_code}")
    )
    return suite
