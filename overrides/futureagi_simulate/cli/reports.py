"""The command's reports, for Python (with the ``cli`` extra): the JSON result, the JUnit file and the
GitHub step summary that ``futureagi-simulate run`` writes, for one run test or several together.

Build an ``Outcome`` per run test from the ``Verdict`` that ``executions.report`` returned (or, when a
run ended without one, from its status and reasons), with the exit code you give it
(``futureagi-simulate``'s codes: 0 passed, 1 failed, ...), then write::

    from futureagi_simulate.cli.reports import Outcome, RunTestName, write_combined_reports

    outcomes = [
        Outcome(run_test=RunTestName(id=run_test.id, name=run_test.name),
                execution_id=verdict.execution_id, exit_code=0 if verdict.passed else 1, verdict=verdict)
        for run_test, verdict in judged
    ]
    write_combined_reports(outcomes, exit_code=max(o.exit_code for o in outcomes),
                           json_path=Path("simulate.json"), junit_path=Path("simulate.xml"),
                           summary_path=None, warn=print)

Each file is written whole or not at all; a file that cannot be written is one ``warn`` line. Every
string is redacted of the credentials registered with ``set_secrets`` (the command registers its own).
The bytes and text builders (``verdict_json``, ``combined_junit``, ...) write nothing.
"""

from __future__ import annotations

from ._reports import (
    Outcome,
    RunTestName,
    combined_json,
    combined_junit,
    combined_summary,
    failure_json,
    failure_junit,
    failure_summary,
    set_secrets,
    step_summary,
    verdict_json,
    verdict_junit,
    write_combined_reports,
    write_reports,
)

__all__ = [
    "Outcome",
    "RunTestName",
    "combined_json",
    "combined_junit",
    "combined_summary",
    "failure_json",
    "failure_junit",
    "failure_summary",
    "set_secrets",
    "step_summary",
    "verdict_json",
    "verdict_junit",
    "write_combined_reports",
    "write_reports",
]
