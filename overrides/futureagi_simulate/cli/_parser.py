"""The command line: argparse's parser for every command, the argument types, and which handler and
options value each command has.

argparse (the standard library) rather than click: httpx imports its own command line (click, rich,
pygments) whenever click is installed, which would make every ``import futureagi_simulate`` of a user
with the ``cli`` extra pay for libraries it never uses.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import math
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import attrs

from futureagi_simulate import __version__

from ._exit import SEVERITY, help_epilog

__all__ = ["Command", "build_parser", "parse_duration", "run_parser"]

EXIT_CODES = help_epilog()
_FORMATTER = argparse.RawDescriptionHelpFormatter


@attrs.frozen
class Command:
    """A command's handler and the options value built for it from the parsed arguments: ``options`` names
    its class in ``_options`` (loaded when the command runs, ``_options.options_class``). ``whole``: the
    handler makes its own client and reports its own failures (``run``, ``report``); otherwise it is a
    query, given a client and the options."""

    handler: Callable[..., int]
    options: str
    whole: bool = attrs.field(default=False, kw_only=True)


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose unknown options are refused by the command they were given to, so the
    message shows that command's usage (``futureagi-simulate run: error: ...``), not the top level's.

    A command's arguments are added when it is first parsed, shown or read (``later``), not when the
    parser is built: a start builds every command's parser and parses one (BENCHMARKS.md, "Issue 27,
    third session: start28"). For the same reason argparse's own set-up of a parser (its registries,
    groups and ``-h``) waits for the parser's first attribute argparse reads: the command's parent
    reads none of its commands' parsers but the one given (BENCHMARKS.md, "Issue 27, fourth session:
    query32")."""

    _fill: Callable[[argparse.ArgumentParser], None] | None = None

    def __init__(self, **settings: Any) -> None:
        # ArgumentParser.__init__'s arguments, kept until first needed (``__getattr__``).
        self.__dict__["_settings"] = settings

    def __getattr__(self, name: str) -> Any:
        # Only an attribute the instance lacks comes here: before the set-up, any of argparse's.
        settings = self.__dict__.pop("_settings", None)
        if settings is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        super().__init__(**settings)
        return getattr(self, name)

    def later(
        self, fill: Callable[[argparse.ArgumentParser], None], *, parent: argparse.ArgumentParser
    ) -> None:
        """Adds ``parent``'s arguments and then ``fill``'s when the parser is first used: as argparse's
        ``parents=[parent]`` does, after ``-h``, before the command's own."""

        def filling(parser: argparse.ArgumentParser) -> None:
            parser._add_container_actions(parent)
            parser._defaults.update(parent._defaults)
            fill(parser)

        self._fill = filling

    def filled(self) -> _Parser:
        """This parser with its arguments added (once)."""
        fill, self._fill = self._fill, None
        if fill is not None:
            fill(self)
        return self

    def format_usage(self) -> str:
        return super(_Parser, self.filled()).format_usage()

    def error(self, message: str) -> NoReturn:
        # argparse quotes a value it refuses back (``--only VALUE``): a credential pasted there is not
        # shown (the credentials are known before parsing: ``_commands``).
        from . import _reports

        super().error(_reports.redact(message))

    def format_help(self) -> str:
        return super(_Parser, self.filled()).format_help()

    def get_default(self, dest: str) -> Any:
        return super(_Parser, self.filled()).get_default(dest)

    def parse_known_args(  # type: ignore[override]
        self, args: Any = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.filled()
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and self._subparsers is None:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


# Argument types -------------------------------------------------------------------------------------------

# As text, compiled by re on first use and kept in its cache: a start that reads no duration never pays.
_DURATION = r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$"
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_duration(text: str) -> float:
    """``90``, ``90s``, ``30m``, ``1h`` as seconds; ValueError for anything else or for zero."""
    match = re.match(_DURATION, text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration: use seconds or 90s, 30m, 1h")
    seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(f"{text!r} must be more than zero")
    return seconds


def _duration(text: str) -> float:
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def an_id(text: str) -> uuid.UUID:
    """An argument that is an id (a UUID)."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a UUID)") from None


def _id_list(text: str) -> list[uuid.UUID]:
    return [an_id(part) for part in text.split(",") if part.strip()]


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def _positive(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _rate(text: str) -> tuple[str, float]:
    name, equals, rate = text.rpartition("=")
    if not equals or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: use EVAL=RATE, e.g. 'Tone check=0.9'")
    try:
        number = float(rate)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{rate!r} is not a number") from None
    if not math.isfinite(number) or not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{rate!r} must be a fraction from 0 to 1 (0.9 for 90%)")
    return name.strip(), number


def _started_after(text: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r}: give the time with its offset (Z or +00:00)")
    return moment


# The parser ----------------------------------------------------------------------------------------------


def _client_parent() -> argparse.ArgumentParser:
    parent = _Parser(add_help=False)
    group = parent.add_argument_group("client settings (each also read from its environment variable)")
    group.add_argument("--api-key", metavar="KEY", help="API key [FI_API_KEY]")
    group.add_argument("--secret-key", metavar="KEY", help="secret key [FI_SECRET_KEY]")
    group.add_argument("--base-url", metavar="URL", help="default https://api.futureagi.com [FI_BASE_URL]")
    group.add_argument("--workspace-id", metavar="ID", help="sent as X-Workspace-Id [FI_WORKSPACE_ID]")
    group.add_argument(
        "--body-casing",
        choices=["auto", "camel", "snake"],
        help="execute bodies: camelCase (hosted), snake_case (open-source), or auto [FI_BODY_CASING]",
    )
    return parent


# _Handler and _Later are plain classes, not attrs': a frozen attrs class compiles its methods when it is
# created, 2.3 M instructions each at every start (BENCHMARKS.md, "Issue 27, fourth session: query32").
class _Handler:
    """A command's handler, its module imported on the first call: building the parser (which every
    start does) then loads no command's code (BENCHMARKS.md, "The command's cold start"). Equal when
    it names the same handler, as the ``Command`` holding it is compared."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> int:
        handler = getattr(importlib.import_module(f"{__package__}.{self.module}"), self.name)
        code: int = handler(*args, **kwargs)
        return code

    def __eq__(self, other: object) -> bool:
        if type(other) is not _Handler:
            return NotImplemented
        return (self.module, self.name) == (other.module, other.name)

    def __hash__(self) -> int:
        return hash((self.module, self.name))

    def __repr__(self) -> str:
        return f"_Handler(module={self.module!r}, name={self.name!r})"


class _Later:
    """A handler module by name: ``_Later("_queries").list_run_tests`` is that handler, loaded when called."""

    __slots__ = ("module",)

    def __init__(self, module: str) -> None:
        self.module = module

    def __getattr__(self, name: str) -> _Handler:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Handler(self.module, name)


def _score(text: str) -> tuple[str, float]:
    name, equals, value = text.rpartition("=")
    if not equals or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: use EVAL=SCORE, e.g. 'Issue resolved=0.7'")
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"{value!r} must be a finite number")
    return name.strip(), number


LAST_PASSED = "last-passed"


def _baseline(text: str) -> uuid.UUID | str:
    if text.strip() == LAST_PASSED:
        return LAST_PASSED
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is neither an execution id nor {LAST_PASSED!r}") from None


def _drop(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(number) or number < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be a finite number >= 0")
    return number


def _verdict_arguments(parser: argparse.ArgumentParser) -> None:
    """Issue 25's rules of the verdict, shared by ``run`` and ``report``: scores and a baseline."""
    parser.add_argument(
        "--baseline",
        type=_baseline,
        metavar="EXECUTION_ID|last-passed",
        help="compare with this execution of the run test (or the newest earlier one that passes); "
        "refused before anything runs when it cannot be compared",
    )
    parser.add_argument(
        "--max-regression",
        type=_drop,
        default=0.0,
        metavar="DROP",
        help="how far an eval's pass rate (a fraction) or average score may drop below the baseline's (0)",
    )
    parser.add_argument(
        "--min-score",
        type=_score,
        action="append",
        default=[],
        metavar="EVAL=SCORE",
        help="minimum average score, in the score's units, of the score eval config named EVAL (repeat)",
    )


def _amount(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount (2.50)") from None
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(
            f"{text!r} must be an amount > 0, in the currency's main unit (2.50)"
        )
    return number


def _budget_arguments(parser: argparse.ArgumentParser) -> None:
    """Issue 25's options of ``run`` alone, which spend or save money: the budget, reruns of failures
    (and whether a scenario they turn flaky fails)."""
    parser.add_argument(
        "--max-cost",
        type=_amount,
        metavar="AMOUNT",
        help="cancel the execution and exit 6 once its calls cost more than AMOUNT, in the currency's "
        "main unit (2.50 is 250 cost_cents); refused when the server reports no cost",
    )
    parser.add_argument(
        "--rerun-failed",
        type=_count,
        default=0,
        metavar="N",
        help="after the end, rerun the calls that failed and judge again, up to N rounds (0); a scenario "
        "that failed and then passed is flaky",
    )
    parser.add_argument(
        "--flaky",
        choices=["fail", "pass"],
        default="fail",
        help="whether a flaky scenario fails the verdict (fail)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command's namespace holds ``command``, a ``Command``."""
    # The handlers' modules load when their command runs: --help loads none, a query only _queries.
    _queries, _report_command, _run = _Later("_queries"), _Later("_report_command"), _Later("_run")
    _suite_command = _Later("_suite_command")

    client = _client_parent()
    parser: argparse.ArgumentParser = _Parser(
        prog="futureagi-simulate",
        description=(
            "Run Future AGI simulations from CI and gate the pipeline on their verdict.\n\n"
            "Credentials come from FI_API_KEY and FI_SECRET_KEY (or --api-key/--secret-key),\n"
            "the server from FI_BASE_URL (or --base-url)."
        ),
        epilog=EXIT_CODES,
        formatter_class=_FORMATTER,
    )
    parser.add_argument("--version", action="version", version=f"futureagi-simulate {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run",
        formatter_class=_FORMATTER,
        help="execute a run test, wait for the end, and exit on the verdict",
        description=(
            "Execute RUN_TEST_ID, wait for the execution to finish, and judge it.\n\n"
            "'Completed' is not 'passed': the verdict passes only when the execution completed,\n"
            "no more calls failed than --max-failed-calls, every eval's pass rate reaches its\n"
            "minimum (--min-pass-rate for the evals named, every call for the others), and no eval\n"
            "left more completed calls unjudged than --max-unjudged-calls.\n"
            "The execute is sent once and never again.\n\n"
            "Several RUN_TEST_IDs, --search TEXT, or no RUN_TEST_ID (the suite file, simulate.toml)\n"
            "run their run tests at once into one report of each kind; the exit code is the most\n"
            f"severe of theirs: {', '.join(str(code.value) for code in SEVERITY)}."
        ),
        epilog=EXIT_CODES,
    )

    def fill_run(run: argparse.ArgumentParser) -> None:
        run.add_argument(
            "run_test_ids",
            metavar="RUN_TEST_ID",
            type=an_id,
            nargs="*",
            help="the run tests to run, at once (none: the suite file's, or --search's)",
        )
        _selection_arguments(run)
        run.add_argument(
            "--timeout",
            type=_duration,
            default="30m",
            metavar="DURATION",
            help="how long to wait: 90s, 30m, 1h (30m)",
        )
        run.add_argument(
            "--poll-interval",
            type=_duration,
            default="2s",
            metavar="DURATION",
            help="first wait between polls (2s)",
        )
        run.add_argument(
            "--min-pass-rate",
            type=_rate,
            action="append",
            default=[],
            metavar="EVAL=RATE",
            help="minimum pass rate, a fraction from 0 to 1, of the eval config named EVAL (repeat)",
        )
        run.add_argument(
            "--max-failed-calls", type=_count, default=0, metavar="N", help="calls allowed to fail (0)"
        )
        run.add_argument(
            "--max-unjudged-calls",
            type=_count,
            default=0,
            metavar="N",
            help="completed calls each eval config may leave unjudged: errored, skipped, no output (0)",
        )
        _verdict_arguments(run)
        _budget_arguments(run)
        run.add_argument(
            "--junit", type=Path, metavar="PATH", help="write JUnit XML here, one case per scenario"
        )
        run.add_argument("--json", dest="json_path", type=Path, metavar="PATH", help="write the result here")
        run.add_argument(
            "--cancel-on-interrupt",
            action="store_true",
            help="cancel the execution on SIGINT/SIGTERM or --timeout",
        )
        run.add_argument(
            "--dry-run", action="store_true", help="print the scenarios that would run; send nothing"
        )
        _version_arguments(run)
        _many_arguments(run)
        run.set_defaults(command=Command(_run.run_command, "RunOptions", whole=True), command_line=())

    _later(run, fill_run, parent=client)
    _add_report_parser(commands, run=run, client=client, handler=_report_command.report_command)

    checking = commands.add_parser(
        "check",
        formatter_class=_FORMATTER,
        help="check the suite file, then its ids and eval names on the server; executes nothing",
        description=(
            "Check the suite file (simulate.toml, or --suite PATH): unknown keys and wrong types, each\n"
            "with its file, line and key; then, on the server, every run test id and every eval name,\n"
            "scenario id and option value it gives, as run checks them before paying. Executes nothing;\n"
            "exits 2 on any problem."
        ),
        epilog=EXIT_CODES,
    )

    def fill_check(checking: argparse.ArgumentParser) -> None:
        checking.add_argument(
            "--suite", type=Path, metavar="PATH", help="the suite file (default: ./simulate.toml)"
        )
        checking.set_defaults(command=Command(_suite_command.check_command, "CheckOptions", whole=True))

    _later(checking, fill_check, parent=client)

    run_tests = commands.add_parser("run-tests", help="run tests: list, get, delete, execute, executions")
    run_tests_commands = run_tests.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = run_tests_commands.add_parser("list", help="list run tests, newest first")

    def fill_list(listing: argparse.ArgumentParser) -> None:
        listing.add_argument("--search", help="text matched against run-test and agent names")
        listing.add_argument("--simulation-type", choices=["agent_definition", "prompt"])
        listing.add_argument("--limit", type=_positive, default=20, help="how many (20)")
        _json_flag(listing)
        listing.set_defaults(command=Command(_queries.list_run_tests, "ListRunTestsOptions"))

    _later(listing, fill_list, parent=client)
    getting = run_tests_commands.add_parser("get", help="show one run test")

    def fill_get(getting: argparse.ArgumentParser) -> None:
        getting.add_argument("run_test_id", metavar="RUN_TEST_ID", type=an_id)
        _json_flag(getting)
        getting.set_defaults(command=Command(_queries.get_run_test, "GetRunTestOptions"))

    _later(getting, fill_get, parent=client)
    deleting = run_tests_commands.add_parser(
        "delete", help="delete a run test (a pinned copy 'run' left behind); sent once"
    )

    def fill_delete(deleting: argparse.ArgumentParser) -> None:
        deleting.add_argument("run_test_id", metavar="RUN_TEST_ID", type=an_id)
        _json_flag(deleting)
        deleting.set_defaults(command=Command(_queries.delete_run_test, "DeleteRunTestOptions"))

    _later(deleting, fill_delete, parent=client)
    executing = run_tests_commands.add_parser(
        "execute",
        formatter_class=_FORMATTER,
        help="start one execution and print it; never resent",
        epilog=EXIT_CODES,
    )

    def fill_execute(executing: argparse.ArgumentParser) -> None:
        executing.add_argument("run_test_id", metavar="RUN_TEST_ID", type=an_id)
        _selection_arguments(executing)
        _json_flag(executing)
        executing.set_defaults(command=Command(_queries.execute_run_test, "ExecuteOptions"))

    _later(executing, fill_execute, parent=client)
    listing_executions = run_tests_commands.add_parser(
        "executions", help="list a run test's executions, newest first"
    )

    def fill_executions(listing_executions: argparse.ArgumentParser) -> None:
        listing_executions.add_argument("run_test_id", metavar="RUN_TEST_ID", type=an_id)
        listing_executions.add_argument(
            "--started-after",
            type=_started_after,
            metavar="TIME",
            help="only those started since (ISO 8601, offset)",
        )
        _json_flag(listing_executions)
        listing_executions.set_defaults(
            command=Command(_queries.run_test_executions, "RunTestExecutionsOptions")
        )

    _later(listing_executions, fill_executions, parent=client)

    executions = commands.add_parser("executions", help="executions: get, wait, cancel, results")
    execution_commands = executions.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name, command, text in (
        (
            "get",
            Command(_queries.get_execution, "ExecutionOptions"),
            "show an execution's status and call counts",
        ),
        ("wait", Command(_queries.wait_execution, "WaitOptions"), "wait until an execution finishes"),
        ("cancel", Command(_queries.cancel_execution, "CancelOptions"), "cancel an execution"),
        (
            "results",
            Command(_queries.execution_results, "ExecutionOptions"),
            "show each call's scenario, status and eval outputs",
        ),
    ):
        subcommand = execution_commands.add_parser(
            name, help=text, formatter_class=_FORMATTER, epilog=EXIT_CODES
        )
        _later(subcommand, _execution_arguments(name, command), parent=client)
    _add_mcp_parser(commands, client=client)
    return parser


def _execution_arguments(name: str, command: Command) -> Callable[[argparse.ArgumentParser], None]:
    """What ``executions NAME`` adds to its parser when first used."""

    def fill(subcommand: argparse.ArgumentParser) -> None:
        subcommand.add_argument("execution_id", metavar="EXECUTION_ID", type=an_id)
        if name == "wait":
            subcommand.add_argument(
                "--timeout", type=_duration, default="30m", metavar="DURATION", help="90s, 30m, 1h (30m)"
            )
            subcommand.add_argument(
                "--poll-interval", type=_duration, default="2s", metavar="DURATION", help="first wait (2s)"
            )
        _json_flag(subcommand)
        subcommand.set_defaults(command=command)

    return fill


def _later(
    parser: argparse.ArgumentParser,
    fill: Callable[[argparse.ArgumentParser], None],
    *,
    parent: argparse.ArgumentParser,
) -> None:
    """``parser``'s arguments (``parent``'s, then ``fill``'s) added when it is first used (``_Parser``)."""
    assert isinstance(parser, _Parser)
    parser.later(fill, parent=parent)


def _filled(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` with its arguments added."""
    assert isinstance(parser, _Parser)
    return parser.filled()


def _add_mcp_parser(commands: Any, *, client: argparse.ArgumentParser) -> None:
    """``mcp``: the MCP server over stdio (``cli/_mcp.py``; the SDK comes with the ``mcp`` extra)."""
    serving = commands.add_parser(
        "mcp",
        formatter_class=_FORMATTER,
        help="serve the Model Context Protocol over stdio, for coding agents (the mcp extra)",
        description=(
            "Serve MCP (the Model Context Protocol) on stdin and stdout, so a coding agent can list run\n"
            "tests, run a simulation to its verdict and read executions. Its tools: list_run_tests,\n"
            "get_run_test, run_simulation, list_executions, get_execution, get_execution_results,\n"
            "cancel_execution.\n"
            "Needs the mcp extra (pip install '<your wheel, checkout or git URL>[mcp]')."
        ),
    )

    def fill_mcp(serving: argparse.ArgumentParser) -> None:
        serving.add_argument(
            "--max-timeout",
            type=_duration,
            default="2h",
            metavar="DURATION",
            help="the longest wait run_simulation accepts: 90s, 30m, 2h (2h)",
        )
        serving.set_defaults(command=Command(_Later("_mcp").mcp_command, "McpOptions", whole=True))

    _later(serving, fill_mcp, parent=client)


def run_parser() -> argparse.ArgumentParser:
    """``run``'s own parser (its options are the suite file's keys)."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices["run"]
            return _filled(found)
    raise LookupError("the command line has no run command")


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--only",
        type=_id_list,
        action="append",
        metavar="ID",
        help="run only these scenarios (repeat or a,b)",
    )
    parser.add_argument(
        "--all-except", type=_id_list, action="append", metavar="ID", help="run every scenario but these"
    )


def _version_arguments(parser: argparse.ArgumentParser) -> None:
    """``run``'s agent version options: the run goes to a short-lived copy of the run test pinned to the
    version, so that the run test others use is never changed."""
    group = parser.add_argument_group(
        "agent version (runs a short-lived copy of RUN_TEST_ID pinned to it; the run test is unchanged)"
    )
    group.add_argument(
        "--agent-version",
        type=an_id,
        metavar="VERSION_ID",
        help="run the run test's scenarios and evals against this version of its agent",
    )
    group.add_argument(
        "--new-agent-version",
        type=Path,
        metavar="FILE",
        help=(
            "first create a version of the run test's agent from this JSON or YAML file, then run it "
            "(the server makes it the agent's active version)"
        ),
    )
    group.add_argument(
        "--version-message",
        metavar="TEXT",
        help="the new version's commit message (default: the commit CI names, GITHUB_SHA or CI_COMMIT_SHA)",
    )
    group.add_argument(
        "--keep-run-test",
        action="store_true",
        help="keep the copy after the run (default: delete it, also on failure and interrupt)",
    )


def _many_arguments(parser: argparse.ArgumentParser) -> None:
    """``run``'s options for several run tests at once (README, "Several run tests")."""
    group = parser.add_argument_group("several run tests")
    group.add_argument(
        "--search",
        metavar="TEXT",
        help="also run every run test whose name contains TEXT (any case); --dry-run lists them",
    )
    group.add_argument(
        "--concurrency",
        type=_positive,
        default=4,
        metavar="N",
        help="how many run tests run at once (4)",
    )
    group.add_argument(
        "--suite",
        type=Path,
        metavar="PATH",
        help="the suite file when no RUN_TEST_ID is given (default: ./simulate.toml)",
    )


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", dest="as_json", action="store_true", help="print JSON on stdout")


# report: run's judging options, shared ----------------------------------------------------------------------

# run's options that are about starting or stopping an execution: report does neither.
_NOT_SHARED = frozenset(
    {
        "help",
        "run_test_ids",
        "only",
        "all_except",
        "dry_run",
        "cancel_on_interrupt",
        # The agent version options make and remove a copy: report judges an execution that exists.
        "agent_version",
        "new_agent_version",
        "version_message",
        "keep_run_test",
        "search",
        "concurrency",
        "suite",
        # Issue 25: spending (the budget, reruns) is run's alone.
        "max_cost",
        "rerun_failed",
        "flaky",
    }
)

REPORT_DESCRIPTION = (
    "Wait for EXECUTION_ID, an execution of RUN_TEST_ID that already exists, and judge it as 'run'\n"
    "does, with the same thresholds, reports and exit codes. Nothing is executed or cancelled: use it\n"
    "to resume a gate after 'run' exited 3, 4 or 5, or to gate in one CI job on an execution that\n"
    "another job started."
)


def _add_report_parser(
    commands: Any,
    *,
    run: argparse.ArgumentParser,
    client: argparse.ArgumentParser,
    handler: Callable[..., int],
) -> argparse.ArgumentParser:
    """Adds ``report`` to ``commands``, with ``client``'s settings and every option of ``run`` that
    is about waiting, judging and reporting (the same action objects, as argparse's ``parents`` shares
    them), so that an option added to ``run`` is ``report``'s too."""
    report: argparse.ArgumentParser = commands.add_parser(
        "report",
        formatter_class=_FORMATTER,
        help="wait for an existing execution and exit on its verdict; executes nothing",
        description=REPORT_DESCRIPTION,
        epilog=EXIT_CODES,
    )

    def fill(report: argparse.ArgumentParser) -> None:
        report.add_argument("execution_id", metavar="EXECUTION_ID", type=an_id)
        report.add_argument(
            "--run-test-id",
            required=True,
            type=an_id,
            metavar="ID",
            help="the run test EXECUTION_ID is an execution of (named in the reports)",
        )
        known = {action.dest for action in client._actions} | _NOT_SHARED
        for action in _filled(run)._actions:
            if action.dest not in known:
                # What ArgumentParser(parents=[...]) does with a parent's actions.
                report._add_action(action)
        report.set_defaults(command=Command(handler, "ReportOptions", whole=True))

    _later(report, fill, parent=client)
    return report
