"""The command line: bad arguments are refused before any request, --help works at every level."""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs
import pytest

from futureagi_simulate.cli._options import ClientOptions, RunOptions, from_args, options_class
from futureagi_simulate.cli._parser import Command, build_parser
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


@pytest.mark.parametrize(
    ("given", "environment"),
    [
        ((), {}),
        (("--secret-key", "cli-secret-0123456"), {"FI_SECRET_KEY": ""}),
        (("--secret-key=cli-secret-0123456",), {"FI_SECRET_KEY": ""}),
        (("--secret", "cli-secret-0123456"), {"FI_SECRET_KEY": ""}),
        (("--secr=cli-secret-0123456",), {"FI_SECRET_KEY": ""}),
    ],
    ids=["from FI_SECRET_KEY", "--secret-key VALUE", "--secret-key=VALUE", "--secret VALUE", "--secr=VALUE"],
)
def test_a_credential_argparse_quotes_back_is_redacted(
    oss: Emulator, given: tuple[str, ...], environment: dict[str, str]
) -> None:
    """A secret key pasted where an id goes (--only SECRET): the usage error shows [REDACTED], not the key."""
    secret = "cli-secret-0123456" if given else oss.secret_key
    done = invoke(oss, "run", str(oss.seed.run_test_id), *given, "--only", secret, **environment)
    assert done.returncode == 2
    assert "argument --only: '[REDACTED]' is not an id" in done.stderr
    assert secret not in done.stderr + done.stdout
    assert sum(oss.app.requests.values()) == 0


def test_help_on_every_level_shows_the_exit_codes() -> None:
    """--help works at every level, and the run command's help lists the exit codes."""
    for args in ([], ["run"], ["run-tests"], ["run-tests", "list"], ["executions"], ["executions", "wait"]):
        done = invoke_bare(*args, "--help")
        assert done.returncode == 0, args
    run_help = invoke_bare("run", "--help").stdout
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "130"):
        assert f"  {code}" in run_help


@pytest.mark.parametrize("command", [["run"], ["report"], ["executions", "wait"]])
def test_every_duration_option_shows_it_takes_a_duration(command: list[str]) -> None:
    """--timeout and --poll-interval read DURATION in every command's help, as they take the same values."""
    usage = invoke_bare(*command, "--help").stdout
    assert "--timeout DURATION" in usage
    assert "--poll-interval DURATION" in usage


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


ID = "00000000-0000-4000-8000-000000000001"


@pytest.mark.parametrize(
    "argv",
    [
        ["run", ID, "--only", f"{ID},{ID}", "--min-pass-rate", "Tone check=0.9", "--json", "r.json"],
        ["report", ID, "--run-test-id", ID, "--timeout", "90s", "--junit", "j.xml"],
        ["run-tests", "list", "--search", "checkout", "--limit", "3"],
        ["run-tests", "get", ID],
        ["run-tests", "execute", ID, "--all-except", ID],
        ["run-tests", "executions", ID, "--started-after", "2026-01-01T00:00:00+00:00"],
        ["executions", "get", ID],
        ["executions", "wait", ID, "--poll-interval", "1s"],
        ["executions", "cancel", ID, "--json"],
        ["executions", "results", ID],
    ],
    ids=lambda argv: " ".join(word for word in argv if not word.startswith(("0", "-")) and "=" not in word)[
        :40
    ],
)
def test_every_command_builds_its_options_as_a_frozen_value(argv: list[str]) -> None:
    """Each command's parsed arguments become its typed options value, whose fields cannot change."""
    args = build_parser().parse_args(argv)
    command: Command = args.command
    cls = options_class(command.options)
    options = from_args(cls, args)
    assert isinstance(options, cls)
    assert isinstance(options.client, ClientOptions)
    field = attrs.fields(type(options))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(options, field, None)


def test_run_options_hold_the_ids_and_rates_given() -> None:
    """--only a,b --only c is three ids; --min-pass-rate pairs keep their order; paths are paths."""
    other = "00000000-0000-4000-8000-000000000002"
    argv = [
        "run",
        ID,
        "--only",
        f"{ID},{other}",
        "--only",
        ID,
        "--min-pass-rate",
        "A=0.5",
        "--json",
        "r.json",
    ]
    options = from_args(RunOptions, build_parser().parse_args(argv))
    assert [str(i) for i in options.only] == [ID, other, ID]
    assert options.gate.min_pass_rate == (("A", 0.5),)
    assert options.gate.json_path == Path("r.json")
    assert (options.gate.timeout, options.gate.poll_interval) == (1800.0, 2.0)


def _subcommand(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[name]
            return found
    raise LookupError(name)


def test_a_command_s_arguments_are_added_when_it_is_first_used() -> None:
    """Building the parser adds no command's arguments (only -h); its first parse adds them all."""
    parser = build_parser()
    run, report = _subcommand(parser, "run"), _subcommand(parser, "report")
    assert [action.dest for action in run._actions] == ["help"]
    parsed = parser.parse_args(["run", "9f0d1c2e-0000-4000-8000-000000000001", "--dry-run"])
    assert parsed.dry_run is True
    assert {"api_key", "dry_run", "min_pass_rate"} <= {action.dest for action in run._actions}
    assert [action.dest for action in report._actions] == ["help"]


def test_argparse_sets_up_only_the_parsers_of_the_command_given() -> None:
    """A parse of run-tests list sets up its parsers only: run's, report's, get's stay as built."""
    parser = build_parser()
    parser.parse_args(["run-tests", "list", "--json"])
    run_tests = _subcommand(parser, "run-tests")
    unused = [_subcommand(parser, "run"), _subcommand(parser, "report"), _subcommand(run_tests, "get")]
    assert [vars(unused_parser).get("_actions") for unused_parser in unused] == [None, None, None]
    assert "--json" in vars(_subcommand(run_tests, "list"))["_option_string_actions"]
    assert [action.dest for action in _subcommand(run_tests, "get")._actions] == ["help"]


def test_a_command_s_usage_lists_the_client_settings_before_its_own_options() -> None:
    """run-tests list's usage shows -h, then the client settings, then its own options, as before."""
    listing = _subcommand(_subcommand(build_parser(), "run-tests"), "list")
    text = listing.format_usage()
    assert text.index("[-h]") < text.index("--api-key") < text.index("--search") < text.index("--json")
    assert "client settings (each also read from its environment variable):" in listing.format_help()
