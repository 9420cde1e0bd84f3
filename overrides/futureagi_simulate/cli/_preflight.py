"""``run``'s check before paying, shared with ``--dry-run``: every problem is found before the execute.

Two steps. ``option_problems`` needs no request: every option in range, as the library would refuse it
later (``--poll-interval 200h`` used to be refused only after the execute had been paid for). Then the
library's ``run_tests.check`` reads the run test and its scenario list: every ``--min-pass-rate`` name is
one of its eval configs, every ``--only``/``--all-except`` id one of its scenarios, and "all but these"
leaves something. Any problem is exit 2 with every problem listed, and no execute; ``--dry-run`` runs the
same two steps, so it exits as the real run would.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from futureagi_simulate import InvalidArgumentError, RunTestCheck, Selection, Thresholds
from futureagi_simulate._resources.executions import check_wait_arguments

from . import _reports

if TYPE_CHECKING:
    from ._options import GateOptions

__all__ = ["dry_run_lines", "option_problems", "problems_of", "write_refusal_reports"]

# What each argument of run_tests.check is called on the command line.
_THRESHOLD_OPTION = "--min-pass-rate"


def option_problems(options: GateOptions) -> list[str]:
    """Every option of ``run`` (and ``report``) out of range, each as one line naming the option and the
    rule."""
    problems: list[str] = []
    # The wait's own rules (executions.wait), each option checked alone so that every one is named.
    for option, timeout, poll_interval in (
        ("--timeout", options.timeout, 1.0),
        ("--poll-interval", 1.0, options.poll_interval),
    ):
        try:
            check_wait_arguments(timeout, poll_interval, poll_interval)
        except InvalidArgumentError as error:
            problems.append(f"{option}: {error.rule}")
    rates: dict[str, float] = {}
    for name, rate in options.min_pass_rate:
        if name in rates:
            problems.append(
                f"{_THRESHOLD_OPTION}: {name!r} is given twice ({rates[name]:g} and {rate:g}); "
                "give each eval config once"
            )
        rates.setdefault(name, rate)
    scores: dict[str, float] = {}
    for name, minimum in options.verdict.min_score:
        if name in scores:
            problems.append(
                f"--min-score: {name!r} is given twice ({scores[name]:g} and {minimum:g}); "
                "give each eval config once"
            )
        scores.setdefault(name, minimum)
    # Two reports in one file: the last written would replace the other, and a JSON reader would get XML.
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    clash = _reports.clashing_paths(
        {
            "--json": options.json_path,
            "--junit": options.junit,
            "GITHUB_STEP_SUMMARY": Path(summary) if summary else None,
        }
    )
    if clash is not None:
        problems.append(clash)
    return problems


def problems_of(check: RunTestCheck, selection: Selection) -> list[str]:
    """The check's problems in the command's terms: each names the option it came from."""
    selection_option = "--only" if not selection.select_all else "--all-except"
    lines = []
    for problem in check.problems:
        if problem.argument.startswith("thresholds.min_pass_rate"):
            option = _THRESHOLD_OPTION
        elif problem.argument.startswith("thresholds.min_score"):
            option = "--min-score"
        elif problem.argument.startswith("selection.") or selection.scenario_ids:
            option = selection_option
        else:
            option = "RUN_TEST_ID"
        lines.append(f"{option}: {problem.rule}")
    return lines


def dry_run_lines(check: RunTestCheck, thresholds: Thresholds) -> list[str]:
    """What ``--dry-run`` prints on stdout: the scenarios that would run, and the eval configs judged."""
    names = dict(check.scenarios)
    shown = (
        f"{check.run_test_name!r} ({check.run_test_id})" if check.run_test_name else str(check.run_test_id)
    )
    lines = [
        f"dry run: {len(check.selected_scenario_ids)} of the run test's {len(check.scenarios)} scenarios "
        f"would run; nothing was sent",
        f"run test {shown}",
    ]
    lines += [
        f"  {scenario}  {names.get(scenario) or ''}".rstrip() for scenario in check.selected_scenario_ids
    ]
    if check.eval_config_names:
        # The run test's answer does not say whether an eval config gives pass/fail or scores (its
        # outputs do), so each line says what the verdict will require of either, as judge does.
        lines.append("eval configs, each with what the verdict requires of it:")
        lines += [
            f"  {name}  gives scores: average score at least {thresholds.min_score[name]:g} (--min-score)"
            if name in thresholds.min_score
            else f"  {name}  pass/fail: pass rate at least {thresholds.minimum(name):g}; "
            "if it gives scores: no minimum (--min-score sets one)"
            for name in check.eval_config_names
        ]
    else:
        lines.append("the run test has no eval configs: the verdict judges call outcomes only")
    return lines


def write_refusal_reports(
    run_test_id: uuid.UUID,
    options: GateOptions,
    *,
    code: int,
    reasons: list[str],
    warn: Callable[[str], None],
) -> None:
    """The reports a real ``run`` stopped before its execute writes: each says why, and that nothing
    started. One that cannot be written is a warning, never another exit code."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    _reports.write_reports(
        _reports.Outcome(
            run_test=_reports.RunTestName(id=run_test_id, name=None),
            execution_id=None,
            exit_code=code,
            status="not started",
            reasons=reasons,
        ),
        json_path=options.json_path,
        junit_path=options.junit,
        summary_path=Path(summary) if summary else None,
        warn=warn,
    )
