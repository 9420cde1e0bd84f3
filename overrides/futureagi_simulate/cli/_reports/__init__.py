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
tests in one report of each format), ``_files`` (writing whole or not at all), ``_writing`` (the reports
of a run, each on its own).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from futureagi_simulate._exports import lazy_attribute

# Every command prints through these (``_common.say``): loaded at once, and cheap.
from ._text import REDACTED, redact, safe_text, set_secrets, terminal_lines, terminal_text, xml_text

if TYPE_CHECKING:
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
    from ._writing import write_combined_reports, write_reports

# The rest on first use (PEP 562, as the package does): a query's --json needs ``json_text`` only, and
# --help none of them (BENCHMARKS.md, "The command's cold start"); the reports of a run load with it.
_LAZY = {
    **dict.fromkeys(
        [
            "combined_json",
            "combined_junit",
            "combined_summary",
            "outcome_json",
            "outcome_suite",
            "write_combined_summary",
        ],
        "_combined",
    ),
    "cost_line": "_cost",
    **dict.fromkeys(
        ["append_summary", "clashing_paths", "write_all", "write_atomic", "write_report"], "_files"
    ),
    **dict.fromkeys(
        ["MAX_DEPTH", "NON_FINITE_NOTE", "TOO_DEEP", "failure_json", "json_text", "verdict_json"], "_json"
    ),
    **dict.fromkeys(
        ["VERDICT_CASE", "eval_line", "failure_junit", "junit_document", "verdict_junit"], "_junit"
    ),
    **dict.fromkeys(["Outcome", "RunTestName", "case_name", "case_names"], "_outcome"),
    "Pinned": "_pinned",
    **dict.fromkeys(
        [
            "MAX_CELL",
            "SUMMARY_LIMIT",
            "SUMMARY_MARGIN",
            "SummaryFullError",
            "failure_summary",
            "step_summary",
            "write_failure_summary",
            "write_step_summary",
        ],
        "_summary",
    ),
    **dict.fromkeys(["write_combined_reports", "write_reports"], "_writing"),
}
_SUBMODULES = frozenset(_LAZY.values())


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:  # ``_reports._json``: a submodule, as when this module imported them all
        return importlib.import_module(f"{__name__}.{name}")
    return lazy_attribute(globals(), _LAZY, name, prefix=f"{__name__}.")


def __dir__() -> list[str]:
    return sorted(__all__)


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
