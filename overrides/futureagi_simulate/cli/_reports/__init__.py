"""What ``run`` leaves behind for CI: a JSON result, a JUnit file and a GitHub step summary.

Each is built from the ``Verdict`` (or, when the run ended without one, from why it ended) and the exit
code the command is about to return, so the three always agree with it. Text from the server is data,
never markup: every string written passes through ``redact`` (the credentials the command sends become
``[REDACTED]``, by the library's one rule, ``redaction_values``) and is made safe for where it goes
(XML 1.0, Markdown, a terminal, a CI log).

Each file is written whole or not at all: into a temporary file beside it, then renamed over it. The
three are written independently (``write_all``): one that cannot be written (a full disk) is a warning,
and the others are still written.

The rooms: ``_text`` (redaction and safe text, shared by all), ``_outcome`` (the run test, how the run
ended, case names), ``_json``, ``_junit``, ``_summary`` (one per format), ``_combined`` (several run
tests in one report of each format), ``_files`` (writing whole or not at all).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from ._combined import (
    combined_json,
    combined_junit,
    combined_summary,
    outcome_json,
    outcome_suite,
    write_combined_summary,
)
from ._cost import cost_line
from ._files import append_summary, clashing_paths, write_all, write_atomic, write_report
from ._json import MAX_DEPTH, NON_FINITE_NOTE, TOO_DEEP, failure_json, json_text, verdict_json
from ._junit import VERDICT_CASE, eval_line, failure_junit, junit_document, verdict_junit
from ._outcome import Outcome, RunTestName, case_name, case_names
from ._pinned import Pinned
from ._summary import (
    MAX_CELL,
    SUMMARY_LIMIT,
    SUMMARY_MARGIN,
    SummaryFullError,
    failure_summary,
    step_summary,
    write_failure_summary,
    write_step_summary,
)
from ._text import REDACTED, redact, safe_text, set_secrets, terminal_lines, terminal_text, xml_text

__all__ = [
    "MAX_CELL",
    "MAX_DEPTH",
    "NON_FINITE_NOTE",
    "REDACTED",
    "SUMMARY_LIMIT",
    "SUMMARY_MARGIN",
    "TOO_DEEP",
    "VERDICT_CASE",
    "Outcome",
    "Pinned",
    "RunTestName",
    "SummaryFullError",
    "append_summary",
    "case_name",
    "case_names",
    "clashing_paths",
    "combined_json",
    "combined_junit",
    "combined_summary",
    "cost_line",
    "eval_line",
    "failure_json",
    "failure_junit",
    "failure_summary",
    "json_text",
    "junit_document",
    "outcome_json",
    "outcome_suite",
    "redact",
    "safe_text",
    "set_secrets",
    "step_summary",
    "terminal_lines",
    "terminal_text",
    "verdict_json",
    "verdict_junit",
    "write_all",
    "write_atomic",
    "write_combined_reports",
    "write_combined_summary",
    "write_failure_summary",
    "write_report",
    "write_reports",
    "write_step_summary",
    "xml_text",
]


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
    run_test, verdict, code, pinned = outcome.run_test, outcome.verdict, outcome.exit_code, outcome.pinned

    def json_report(path: Path) -> None:
        write_report(path, outcome_json(outcome))

    def junit_report(path: Path) -> None:
        write_report(path, outcome_suite(outcome).bytes())

    def summary_report(path: Path) -> None:
        if verdict is not None:
            write_step_summary(path, verdict, run_test=run_test, pinned=pinned)
        else:
            write_failure_summary(
                path,
                run_test=run_test,
                execution_id=outcome.execution_id,
                exit_code=code,
                reasons=outcome.reasons,
                pinned=pinned,
            )

    targets: list[tuple[str, Path | None, Callable[[Path], None]]] = [
        ("--json", json_path, json_report),
        ("--junit", junit_path, junit_report),
        ("GITHUB_STEP_SUMMARY", summary_path, summary_report),
    ]
    write_all(
        [(what, functools.partial(write, path)) for what, path, write in targets if path is not None], warn
    )


def write_combined_reports(
    outcomes: Sequence[Outcome],
    *,
    exit_code: int,
    json_path: Path | None,
    junit_path: Path | None,
    summary_path: Path | None,
    warn: Callable[[str], None],
) -> None:
    """The reports of several run tests run together (``run`` of several ids, ``--search``, a suite):
    the JSON lists each run test's result (each as its own file would be), the JUnit has one test
    suite per run test, the step summary a line per run test and the details of the failed ones.
    Each written whole or not at all, each on its own, as ``write_reports`` does."""
    targets: list[tuple[str, Path | None, Callable[[Path], None]]] = [
        ("--json", json_path, lambda path: write_report(path, combined_json(outcomes, exit_code=exit_code))),
        ("--junit", junit_path, lambda path: write_report(path, combined_junit(outcomes))),
        (
            "GITHUB_STEP_SUMMARY",
            summary_path,
            lambda path: write_combined_summary(path, outcomes, exit_code=exit_code),
        ),
    ]
    write_all(
        [(what, functools.partial(write, path)) for what, path, write in targets if path is not None], warn
    )
