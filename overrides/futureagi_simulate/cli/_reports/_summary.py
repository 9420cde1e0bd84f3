"""GitHub's step summary (``GITHUB_STEP_SUMMARY``): Markdown appended to the step's file, kept under
GitHub's 1 MiB limit together with what the step already wrote."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from futureagi_simulate import Verdict
from futureagi_simulate.cli._output import ci_safe

from ._files import append_summary
from ._outcome import RunTestName, case_names, percent
from ._pinned import Pinned
from ._text import terminal_text

__all__ = [
    "MAX_CELL",
    "SUMMARY_LIMIT",
    "SUMMARY_MARGIN",
    "SummaryFullError",
    "failure_summary",
    "step_summary",
    "write_failure_summary",
    "write_step_summary",
]

# GitHub drops a step summary over 1 MiB whole ("Job summaries ... Step summary is over 1024k"); the
# command keeps what it appends, plus what the step already wrote, under it with room to spare.
SUMMARY_LIMIT = 1024 * 1024
SUMMARY_MARGIN = 1024
# One table cell at most; a longer one is cut and says how much was left out.
MAX_CELL = 1000

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


def _fit(head: list[str], rows: list[str], budget: int, total: int, *, unit: str = "scenarios") -> str:
    """The summary's lines, with as many table rows as fit in ``budget`` bytes and a line saying how many
    were left out; only the first line and why the rest is missing when not even the head fits.
    Raises SummaryFullError when not even that fits."""

    def size(lines: list[str]) -> int:
        return sum(len(line.encode("utf-8")) + 1 for line in lines)

    note = (
        "{left} of {total} {unit} are not shown: GitHub drops a step summary over 1 MiB. "
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
        lines += ["", note.format(left=len(rows) - len(kept), total=total, unit=unit)]
    return ci_safe("\n".join([*lines, ""]) + "\n")


def _heading(mark: str, run_test: RunTestName) -> str:
    name = f"**{_cell(run_test.name)}** " if run_test.name else ""
    return f"## futureagi-simulate: {mark}\n\nRun test {name}`{run_test.id}`"


def step_summary(
    verdict: Verdict,
    *,
    run_test: RunTestName,
    budget: int = SUMMARY_LIMIT - SUMMARY_MARGIN,
    pinned: Pinned | None = None,
) -> str:
    """The Markdown summary: the verdict, its reasons, and a table of scenarios, failed ones first; kept
    within ``budget`` bytes (rows that do not fit are counted in a line of their own)."""
    mark = "PASSED" if verdict.passed else "FAILED"
    head = [
        f"{_heading(mark, run_test)}, execution `{verdict.execution_id}` ({_cell(verdict.status)}): "
        f"{verdict.total_calls - verdict.failed_calls} of {verdict.total_calls} calls completed.",
        "",
        *_pinned_lines(pinned),
        *(f"- {_cell(reason)}" for reason in verdict.reasons),
        "",
        *_eval_table(verdict),
        "| scenario | result | why |",
        "|---|---|---|",
    ]
    named = list(zip(verdict.scenarios, case_names(verdict.scenarios), strict=True))
    ordered = [pair for pair in named if not pair[0].passed] + [pair for pair in named if pair[0].passed]
    rows = [f"| {_cell(name)} | {_RESULT[s.passed]} | {_cell('; '.join(s.reasons))} |" for s, name in ordered]
    return _fit(head, rows, budget, len(rows))


def _pinned_lines(pinned: Pinned | None) -> list[str]:
    """The run's agent version, commit and copy, as a paragraph of its own; nothing for a plain run."""
    return [] if pinned is None else [_cell(pinned.sentence()), ""]


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
        rate = "none" if e.pass_rate is None else percent(e.pass_rate)
        minimum = "none" if e.minimum is None else percent(e.minimum)
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
    pinned: Pinned | None = None,
) -> str:
    """A short Markdown summary for a run that ended without a verdict, within ``budget`` bytes."""
    execution = f"execution `{execution_id}`" if execution_id else "no execution known"
    head = [
        f"{_heading(f'FAILED (exit {exit_code})', run_test)}, {execution}.",
        "",
        *_pinned_lines(pinned),
        *(f"- {_cell(reason)}" for reason in reasons),
    ]
    return _fit(head, [], budget, 0)


def write_step_summary(
    path: Path, verdict: Verdict, *, run_test: RunTestName, pinned: Pinned | None = None
) -> None:
    """Appends the verdict's summary to GitHub's step summary file, within its 1 MiB limit."""
    append_summary(path, step_summary(verdict, run_test=run_test, budget=_budget(path), pinned=pinned))


def write_failure_summary(
    path: Path,
    *,
    run_test: RunTestName,
    execution_id: uuid.UUID | None,
    exit_code: int,
    reasons: list[str],
    pinned: Pinned | None = None,
) -> None:
    """Appends why the run ended without a verdict to GitHub's step summary file, within its limit."""
    summary = failure_summary(
        run_test=run_test,
        execution_id=execution_id,
        exit_code=exit_code,
        reasons=reasons,
        budget=_budget(path),
        pinned=pinned,
    )
    append_summary(path, summary)
