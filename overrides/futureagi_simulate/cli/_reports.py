"""What ``run`` leaves behind for CI: a JSON result, a JUnit file and a GitHub step summary.

Each is built from the ``Verdict`` (or, when the run ended without one, from why it ended) and the exit
code the command is about to return, so the three always agree with it. Text from the server is data,
never markup: every string written passes through ``redact`` (the credentials the command sends become
``[REDACTED]``, by the library's one rule, ``redaction_values``) and is made safe for where it goes
(XML 1.0, Markdown, a terminal, a CI log).

Each file is written whole or not at all: into a temporary file beside it, then renamed over it. The
three are written independently (``write_all``): one that cannot be written (a full disk) is a warning,
and the others are still written.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import re
import tempfile
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs

from futureagi_simulate import EvalVerdict, ScenarioVerdict, Verdict
from futureagi_simulate._errors import REDACTED, _redact_scalar, redaction_values

from ._output import ci_safe

__all__ = [
    "REDACTED",
    "Outcome",
    "RunTestName",
    "append_summary",
    "case_name",
    "clashing_paths",
    "failure_json",
    "failure_junit",
    "failure_summary",
    "redact",
    "set_secrets",
    "step_summary",
    "terminal_text",
    "verdict_json",
    "verdict_junit",
    "write_all",
    "write_atomic",
    "write_failure_summary",
    "write_report",
    "write_reports",
    "write_step_summary",
]

TOO_DEEP = "<nested too deep>"
MAX_DEPTH = 64
NON_FINITE_NOTE = "non-finite numbers (NaN, Infinity) were written as null"
# GitHub drops a step summary over 1 MiB whole ("Job summaries ... Step summary is over 1024k"); the
# command keeps what it appends, plus what the step already wrote, under it with room to spare.
SUMMARY_LIMIT = 1024 * 1024
SUMMARY_MARGIN = 1024
# One table cell at most; a longer one is cut and says how much was left out.
MAX_CELL = 1000

_secrets: tuple[str, ...] = ()


def set_secrets(secrets: Iterable[str | None]) -> None:
    """The credentials the command uses: ``redact`` replaces each wherever it appears.

    Which values count is the library's rule (``redaction_values``): the value as sent, stripped of
    surrounding whitespace, so a key given with a trailing newline is redacted as the server saw it.
    """
    global _secrets
    _secrets = redaction_values(secrets)


def redact(text: str) -> str:
    """``text`` with every credential the command knows replaced by ``[REDACTED]``."""
    result: str = _redact_scalar(text, _secrets) if _secrets else text
    return result


# Lone surrogates cannot be encoded; XML 1.0 forbids C0 controls but tab/newline/CR, and U+FFFE/U+FFFF.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# For a terminal: C0 controls but tab, DEL and C1 controls (ESC starts escape sequences). A newline in
# server text is escaped too: printed raw it would start a line the text chose.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _escape_control(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def safe_text(text: str) -> str:
    """Redacted, with lone surrogates as U+FFFD: encodable as UTF-8 anywhere."""
    return _SURROGATE.sub("\ufffd", redact(text))


def xml_text(text: object) -> str:
    """Redacted, with the characters XML 1.0 forbids (and lone surrogates) as U+FFFD."""
    return _NOT_XML.sub("\ufffd", redact(str(text)))


def terminal_text(text: object) -> str:
    """One printable line: redacted, control characters (ESC and newline included) shown as ``\\xNN``,
    surrogates U+FFFD."""
    return _CONTROL.sub(_escape_control, safe_text(str(text)))


def terminal_lines(text: object) -> str:
    """Like ``terminal_text``, but the newlines of our own multi-line text (a traceback) are kept."""
    return "\n".join(terminal_text(line) for line in str(text).split("\n"))


@attrs.frozen(kw_only=True)
class RunTestName:
    """The run test a report is about: its id, and its name when it could be read (else None)."""

    id: uuid.UUID
    name: str | None

    def label(self) -> str:
        """``name (id)``, or the id alone."""
        return f"{self.name} ({self.id})" if self.name else str(self.id)


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


# Writing a file whole or not at all --------------------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Writes ``data`` to ``path`` whole or not at all: a temporary file beside it, flushed to disk,
    then renamed over it. On any failure (a full disk: OSError ENOSPC) the temporary file is removed, and
    so is an older file at ``path``: a report left there must not pass for this run's.
    ``mode`` defaults to what a new file gets under the umask."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            os.fchmod(fd, (0o666 & ~_umask()) if mode is None else mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _replaceable(path: Path) -> Path | None:
    """The regular file to replace for ``path``, its symlinks followed (a link stays a link); None when
    ``path`` is something else (``/dev/stdout``, a pipe, a terminal), which can only be written in place
    and must never be renamed over."""
    real = Path(os.path.realpath(path))
    if real.exists() and not real.is_file():
        return None
    return real


def _write_in_place(path: Path, data: bytes, *, append: bool) -> None:
    with path.open("ab" if append else "wb") as stream:
        stream.write(data)


def write_report(path: Path, data: bytes) -> None:
    """Writes a report whole or not at all (``write_atomic``); on failure no older report is left at
    ``path``. A path that is not a regular file (``--json /dev/stdout``) is written in place."""
    real = _replaceable(path)
    if real is None:
        _write_in_place(path, data, append=False)
        return
    try:
        write_atomic(real, data)
    except BaseException:
        with contextlib.suppress(OSError):
            if real.is_file():
                real.unlink()
        raise


def append_summary(path: Path, text: str) -> None:
    """Appends ``text`` to the step summary file, whole or not at all.

    The file is GitHub's, and earlier commands of the step may have written to it: the new file is what
    was there plus ``text``, renamed over it. Where the folder cannot hold a temporary file, ``text`` is
    appended in place, and a failed append is cut back to the file's old length. A path that is not a
    regular file (a pipe) is appended to in place.
    """
    data = text.encode("utf-8")
    real = _replaceable(path)
    if real is None:
        _write_in_place(path, data, append=True)
        return
    try:
        before = real.read_bytes() if real.exists() else b""
        mode = real.stat().st_mode & 0o7777 if real.exists() else None
        write_atomic(real, before + data, mode=mode)
        return
    except PermissionError:
        pass
    size = real.stat().st_size if real.exists() else 0
    try:
        _write_in_place(real, data, append=True)
    except BaseException:
        with contextlib.suppress(OSError), real.open("r+b") as summary:
            summary.truncate(size)
        raise


def write_all(writes: Iterable[tuple[str, Callable[[], None]]], warn: Callable[[str], None]) -> None:
    """Runs every write in turn: one that fails is one warning line, and the rest are still written."""
    for what, write in writes:
        try:
            write()
        except Exception as error:  # a report is never worth the others, nor the verdict
            warn(f"warning: could not write {what}: {type(error).__name__}: {error}")


# JSON ----------------------------------------------------------------------------------------------------


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


def verdict_json(verdict: Verdict, *, run_test: RunTestName, exit_code: int) -> bytes:
    """The machine-readable result of ``run``: ids, ``passed`` (a boolean), reasons, every scenario."""
    document = {
        "run_test_id": run_test.id,
        "run_test_name": run_test.name,
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
            "max_unjudged_calls": verdict.thresholds.max_unjudged_calls,
        },
        "evals": [attrs.asdict(e) for e in verdict.evals],
        "scenarios": [_scenario(s) for s in verdict.scenarios],
    }
    return (json_text(document) + "\n").encode("utf-8")


def failure_json(
    *, run_test: RunTestName, execution_id: uuid.UUID | None, status: str, exit_code: int, reasons: list[str]
) -> bytes:
    """The result of a run that ended without a verdict (exit 3, 4, 5, 129, 130, 143)."""
    document = {
        "run_test_id": run_test.id,
        "run_test_name": run_test.name,
        "execution_id": execution_id,
        "status": status,
        "passed": False,
        "exit_code": exit_code,
        "reasons": reasons,
    }
    return (json_text(document) + "\n").encode("utf-8")


# JUnit ---------------------------------------------------------------------------------------------------


def case_name(scenario: ScenarioVerdict) -> str:
    """The scenario's name, else its id, else (a call with neither) ``call <call execution id>``."""
    if scenario.scenario_name:
        return scenario.scenario_name
    if scenario.scenario_id:
        return str(scenario.scenario_id)
    calls = ", ".join(str(call.call_execution_id) for call in scenario.calls)
    return f"call {calls}" if calls else "scenario"


def _case_names(scenarios: Iterable[ScenarioVerdict], taken: Iterable[str] = ()) -> list[str]:
    """One name per case, unique: a repeated name gets `` (2)``, `` (3)``...

    Linear: each name remembers the last number it was given, so the thousandth repeat is found in one
    step, not a thousand (3,000 scenarios with one name took 54 s when every repeat counted up from 2).
    """
    names: list[str] = []
    seen: set[str] = set(taken)
    last: dict[str, int] = {}
    for scenario in scenarios:
        base = xml_text(case_name(scenario))
        name = base
        if name in seen:
            n = last.get(base, 1)
            while name in seen:
                n += 1
                name = f"{base} ({n})"
            last[base] = n
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

    def bytes(self) -> bytes:
        counts = {"tests": self.tests, "failures": self.failures, "errors": self.errors, "skipped": 0}
        for key, value in counts.items():
            self.suite.set(key, str(value))
        self.suite.set("time", f"{self.time:.3f}" if math.isfinite(self.time) else "0")
        root = ElementTree.Element("testsuites", {k: str(v) for k, v in counts.items() if k != "skipped"})
        root.append(self.suite)
        document: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
        return document + b"\n"


def verdict_junit(verdict: Verdict, *, run_test: RunTestName) -> bytes:
    """JUnit XML: one test case per scenario, a ``<failure>`` with the reasons and the eval outputs.

    One more case, ``verdict``, carries the verdict's own reasons (the execution's status, the pass rates
    against their minimums, the failed-call count): a ``<failure>`` when the verdict failed, so the
    file never reads green while the job is red, even when no scenario carries the reason. Every case's
    class name is the run test's name, the same from run to run.
    """
    suite = _Suite(run_test, verdict.execution_id)
    for scenario, name in zip(
        verdict.scenarios, _case_names(verdict.scenarios, taken=(VERDICT_CASE,)), strict=True
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
    return suite.bytes()


def eval_line(verdict: EvalVerdict) -> str:
    """One eval config's counts in a sentence: what it judged, passed and left unjudged, and its minimum."""
    rate = "no pass rate" if verdict.pass_rate is None else f"pass rate {_percent(verdict.pass_rate)}"
    minimum = "" if verdict.minimum is None else f", minimum {_percent(verdict.minimum)}"
    left = f"{verdict.unjudged} unjudged ({verdict.errored} errored, {verdict.skipped} skipped)"
    result = "passed" if verdict.passed else "failed"
    return (
        f"eval {verdict.name!r}: {result}; {rate}{minimum}; judged {verdict.judged} completed calls "
        f"({verdict.pass_count} passed, {verdict.fail_count} failed); {left}"
    )


def _percent(fraction: float) -> str:
    """89.9%, not 90%: a rate just under its minimum must not read as equal to it."""
    return f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"


def failure_junit(
    *, run_test: RunTestName, execution_id: uuid.UUID | None, exit_code: int, reasons: list[str]
) -> bytes:
    """JUnit XML for a run that ended without a verdict (a timeout, an API error, a signal): one
    ``verdict`` case with an ``<error>`` (the gate could not judge), not a ``<failure>``."""
    suite = _Suite(run_test, execution_id)
    suite.case(
        VERDICT_CASE, error=("; ".join(reasons[:3]) or "no verdict", "\n".join(reasons), f"exit {exit_code}")
    )
    return suite.bytes()


# The step summary ----------------------------------------------------------------------------------------

_RESULT = {True: "passed", False: "failed"}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _cut(text: str, limit: int = MAX_CELL) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def _cell(text: object) -> str:
    """Text as one line of Markdown: redacted, cut to MAX_CELL, no control characters, markup escaped."""
    line = terminal_text(_cut(str(text).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")))
    return _MARKDOWN.sub(r"\\\1", line)


def _budget(path: Path) -> int:
    """Bytes the command may append: GitHub's limit less what the step already wrote, less a margin."""
    try:
        used = path.stat().st_size
    except OSError:
        used = 0
    return max(SUMMARY_LIMIT - SUMMARY_MARGIN - used, 0)


class SummaryFullError(Exception):
    """The step summary is so near GitHub's limit that not even the verdict's line fits."""


def _fit(head: list[str], rows: list[str], budget: int, total: int) -> str:
    """The summary's lines, with as many table rows as fit in ``budget`` bytes and a line saying how many
    were left out; only the first line and why the rest is missing when not even the head fits.
    Raises SummaryFullError when not even that fits."""

    def size(lines: list[str]) -> int:
        return sum(len(line.encode("utf-8")) + 1 for line in lines)

    note = (
        "{left} of {total} scenarios are not shown: GitHub drops a step summary over 1 MiB. "
        "Every scenario is in the --json and --junit reports."
    )
    reserve = len(note) + 40
    used = size(head) + reserve
    if used > budget:
        short = [
            head[0],
            "",
            "The rest is left out: GitHub drops a step summary over 1 MiB, and this one is near it.",
            "",
        ]
        if size(short) > budget:
            raise SummaryFullError(
                f"the step summary already holds {SUMMARY_LIMIT - SUMMARY_MARGIN - budget:,} bytes; "
                "GitHub drops one over 1 MiB, so nothing was added"
            )
        return ci_safe("\n".join(short) + "\n")
    kept: list[str] = []
    for row in rows:
        used += len(row.encode("utf-8")) + 1
        if used > budget:
            break
        kept.append(row)
    lines = head + kept
    if len(kept) < len(rows):
        lines += ["", note.format(left=len(rows) - len(kept), total=total)]
    return ci_safe("\n".join([*lines, ""]) + "\n")


def _heading(mark: str, run_test: RunTestName) -> str:
    name = f"**{_cell(run_test.name)}** " if run_test.name else ""
    return f"## futureagi-simulate: {mark}\n\nRun test {name}`{run_test.id}`"


def step_summary(
    verdict: Verdict, *, run_test: RunTestName, budget: int = SUMMARY_LIMIT - SUMMARY_MARGIN
) -> str:
    """The Markdown summary: the verdict, its reasons, and a table of scenarios, failed ones first; kept
    within ``budget`` bytes (rows that do not fit are counted in a line of their own)."""
    mark = "PASSED" if verdict.passed else "FAILED"
    head = [
        f"{_heading(mark, run_test)}, execution `{verdict.execution_id}` ({_cell(verdict.status)}): "
        f"{verdict.total_calls - verdict.failed_calls} of {verdict.total_calls} calls completed.",
        "",
        *(f"- {_cell(reason)}" for reason in verdict.reasons),
        "",
        *_eval_table(verdict),
        "| scenario | result | why |",
        "|---|---|---|",
    ]
    named = list(zip(verdict.scenarios, _case_names(verdict.scenarios), strict=True))
    ordered = [pair for pair in named if not pair[0].passed] + [pair for pair in named if pair[0].passed]
    rows = [f"| {_cell(name)} | {_RESULT[s.passed]} | {_cell('; '.join(s.reasons))} |" for s, name in ordered]
    return _fit(head, rows, budget, len(rows))


def _eval_table(verdict: Verdict) -> list[str]:
    """Per live eval config: its pass rate against its minimum, and how many calls it judged and left
    unjudged; nothing when the run test has no eval configs."""
    if not verdict.evals:
        return []
    lines = [
        "| eval config | result | pass rate | minimum | judged | unjudged |",
        "|---|---|---|---|---|---|",
    ]
    for e in verdict.evals:
        rate = "none" if e.pass_rate is None else _percent(e.pass_rate)
        minimum = "none" if e.minimum is None else _percent(e.minimum)
        lines.append(
            f"| {_cell(e.name)} | {_RESULT[e.passed]} | {rate} | {minimum} | {e.judged} | "
            f"{e.unjudged} ({e.errored} errored, {e.skipped} skipped) |"
        )
    return [*lines, ""]


def failure_summary(
    *,
    run_test: RunTestName,
    execution_id: uuid.UUID | None,
    exit_code: int,
    reasons: list[str],
    budget: int = SUMMARY_LIMIT - SUMMARY_MARGIN,
) -> str:
    """A short Markdown summary for a run that ended without a verdict, within ``budget`` bytes."""
    execution = f"execution `{execution_id}`" if execution_id else "no execution known"
    head = [
        f"{_heading(f'FAILED (exit {exit_code})', run_test)}, {execution}.",
        "",
        *(f"- {_cell(reason)}" for reason in reasons),
    ]
    return _fit(head, [], budget, 0)


def write_step_summary(path: Path, verdict: Verdict, *, run_test: RunTestName) -> None:
    """Appends the verdict's summary to GitHub's step summary file, within its 1 MiB limit."""
    append_summary(path, step_summary(verdict, run_test=run_test, budget=_budget(path)))


def write_failure_summary(
    path: Path, *, run_test: RunTestName, execution_id: uuid.UUID | None, exit_code: int, reasons: list[str]
) -> None:
    """Appends why the run ended without a verdict to GitHub's step summary file, within its limit."""
    summary = failure_summary(
        run_test=run_test,
        execution_id=execution_id,
        exit_code=exit_code,
        reasons=reasons,
        budget=_budget(path),
    )
    append_summary(path, summary)


@attrs.frozen(kw_only=True)
class Outcome:
    """How a run ended, for its reports: the verdict when one was reached, else the status and reasons
    (exit 3, 4, 5, 129, 130, 143). ``exit_code`` is the code the command returns, written in each."""

    run_test: RunTestName
    execution_id: uuid.UUID | None
    exit_code: int
    verdict: Verdict | None = None
    status: str = ""
    reasons: list[str] = attrs.field(factory=list)


def write_reports(
    outcome: Outcome,
    *,
    json_path: Path | None,
    junit_path: Path | None,
    summary_path: Path | None,
    warn: Callable[[str], None],
) -> None:
    """Writes the reports asked for (a None path: not asked), each whole or not at all and each on its
    own (``write_all``): one that fails is one ``warn`` line and the others are still written."""
    run_test, verdict, code = outcome.run_test, outcome.verdict, outcome.exit_code

    def json_report(path: Path) -> None:
        document = (
            verdict_json(verdict, run_test=run_test, exit_code=code)
            if verdict is not None
            else failure_json(
                run_test=run_test,
                execution_id=outcome.execution_id,
                status=outcome.status,
                exit_code=code,
                reasons=outcome.reasons,
            )
        )
        write_report(path, document)

    def junit_report(path: Path) -> None:
        junit = (
            verdict_junit(verdict, run_test=run_test)
            if verdict is not None
            else failure_junit(
                run_test=run_test, execution_id=outcome.execution_id, exit_code=code, reasons=outcome.reasons
            )
        )
        write_report(path, junit)

    def summary_report(path: Path) -> None:
        if verdict is not None:
            write_step_summary(path, verdict, run_test=run_test)
        else:
            write_failure_summary(
                path,
                run_test=run_test,
                execution_id=outcome.execution_id,
                exit_code=code,
                reasons=outcome.reasons,
            )

    targets: list[tuple[str, Path | None, Callable[[Path], None]]] = [
        ("--json", json_path, json_report),
        ("--junit", junit_path, junit_report),
        ("GITHUB_STEP_SUMMARY", summary_path, summary_report),
    ]
    write_all(
        [(what, functools.partial(write, path)) for what, path, write in targets if path is not None], warn
    )


def clashing_paths(paths: Mapping[str, Path | None]) -> str | None:
    """Two reports given one file (``--json`` and ``--junit``, or either and ``GITHUB_STEP_SUMMARY``): a
    sentence naming them, else None. Written one after the other, the last would replace the other, and
    a JSON reader would get XML. ``paths`` maps each option's name to its path (None when not given)."""
    seen: dict[str, str] = {}
    for option, path in paths.items():
        if path is None:
            continue
        key = os.path.realpath(path)
        if key in seen:
            return f"{seen[key]} and {option} name the same file ({path}): each report needs its own"
        seen[key] = option
    return None
