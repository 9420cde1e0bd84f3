"""The command line: bad arguments are refused before any request, --help works at every level."""

from __future__ import annotations

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import invoke, invoke_bare


@pytest.mark.parametrize(
    "args",
    [
        ["run", "not-a-uuid"],
        ["run", "{run}", "--timeout", "soon"],
        ["run", "{run}", "--timeout", "0"],
        ["run", "{run}", "--min-pass-rate", "Tone check=90"],
        ["run", "{run}", "--min-pass-rate", "0.9"],
        ["run", "{run}", "--only", "{s0}", "--all-except", "{s1}"],
        ["run", "{run}", "--only", "nope"],
        ["run", "{run}", "--max-failed-calls", "-1"],
        ["run", "{run}", "--frobnicate"],
        ["executions", "get", "123"],
    ],
)
def test_bad_arguments_exit_2_and_send_nothing(oss: Emulator, args: list[str]) -> None:
    """A bad id, option or value is caught before any request."""
    values = {
        "run": str(oss.seed.run_test_id),
        "s0": str(oss.seed.scenario_ids[0]),
        "s1": str(oss.seed.scenario_ids[1]),
    }
    done = invoke(oss, *(arg.format(**values) for arg in args))
    assert done.returncode == 2, done.stderr
    assert sum(oss.app.requests.values()) == 0


def test_help_on_every_level_shows_the_exit_codes() -> None:
    """--help works at every level, and the run command's help lists the exit codes."""
    for args in ([], ["run"], ["run-tests"], ["run-tests", "list"], ["executions"], ["executions", "wait"]):
        done = invoke_bare(*args, "--help")
        assert done.returncode == 0, args
    run_help = invoke_bare("run", "--help").stdout
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "130"):
        assert f"  {code}" in run_help


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["run", "{run}", "--frobnicate"], "run"),
        (["run-tests", "list", "--frobnicate"], "run-tests list"),
        (["executions", "wait", "{run}", "--frobnicate"], "executions wait"),
    ],
)
def test_an_unknown_option_is_refused_by_its_command(oss: Emulator, args: list[str], command: str) -> None:
    """An unknown option of a command: exit 2 with that command's usage, not the top level's."""
    done = invoke(oss, *(arg.format(run=oss.seed.run_test_id) for arg in args))
    assert done.returncode == 2
    assert done.stderr.startswith(f"usage: futureagi-simulate {command} ")
    assert f"futureagi-simulate {command}: error: unrecognized arguments: --frobnicate" in done.stderr
    assert sum(oss.app.requests.values()) == 0


def test_report_has_runs_judging_options_and_none_that_start_or_stop() -> None:
    """report --help lists run's thresholds and report options, not its selection, dry run or cancel."""
    done = invoke_bare("report", "--help")
    assert done.returncode == 0
    options = done.stdout.split("exit codes:")[0]
    for option in (
        "--min-pass-rate",
        "--max-failed-calls",
        "--junit",
        "--json",
        "--timeout",
        "--poll-interval",
    ):
        assert option in options
    for option in ("--only", "--all-except", "--dry-run", "--cancel-on-interrupt"):
        assert option not in options
