"""The exit codes are one enum: the code returns its members, --help and README's table are written
from it."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    FutureAGIError,
    InvalidArgumentError,
    NotFoundError,
    WaitTimeoutError,
)
from futureagi_simulate.cli._exit import ExitCode, help_epilog, readme_table
from futureagi_simulate.cli._signals import Interrupted
from tests.cli.harness import invoke_bare

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readmes_table_is_the_enums() -> None:
    """README's "In CI" table of exit codes is exactly the one ExitCode writes, row for row."""
    text = README.read_text(encoding="utf-8")
    start = text.index("| exit code | meaning |")
    table = text[start : text.index("\n\n", start)]
    assert table == readme_table()


def test_every_help_ends_with_every_code() -> None:
    """--help of the command and of run ends with the epilog built from ExitCode, naming every code."""
    epilog = help_epilog()
    for code in ExitCode:
        assert re.search(rf"\b{code.value}\b", epilog), code
        assert code.meaning in epilog
    for args in ([], ["run"], ["report"], ["run-tests", "execute"], ["executions", "wait"]):
        done = invoke_bare(*args, "--help")
        assert done.stdout.rstrip().endswith(epilog), args


def test_the_epilog_reads_as_before() -> None:
    """The epilog's lines, as --help has always printed them, 6 added (the signals share the last line)."""
    assert help_epilog().splitlines() == [
        "exit codes:",
        "  0    the verdict passed (--dry-run and query commands: success)",
        "  1    the verdict failed",
        "  2    usage or configuration error; nothing was sent",
        "  3    the API refused (4xx, authentication) or a read failed",
        "  4    --timeout passed before the execution finished",
        "  5    an execute whose outcome is unknown: it may have started",
        "  6    --max-cost was passed: the execution was cancelled",
        "  130  interrupted (SIGINT); 143 terminated (SIGTERM); 129 hung up (SIGHUP)",
    ]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (InvalidArgumentError(argument="limit", rule="must be 1 or more"), ExitCode.USAGE),
        (WaitTimeoutError("had not finished", state=None, timeout=1.0), ExitCode.TIMED_OUT),
        (
            NotFoundError(
                "no such run test",
                response=httpx.Response(404, request=httpx.Request("GET", "http://127.0.0.1/")),
                body=None,
            ),
            ExitCode.API_REFUSED,
        ),
    ],
    ids=["bad input", "timed out", "refused"],
)
def test_a_failure_maps_to_its_code(error: FutureAGIError, code: ExitCode) -> None:
    """Bad input is 2, a wait past its timeout 4, any other refusal 3."""
    assert ExitCode.of_error(error) is code


def test_a_failure_that_may_have_started_something_is_5() -> None:
    """An error whose request may have started work on the server is 5, whatever its class."""
    error = APIConnectionError("connection reset", request=None, may_have_started=True)
    assert ExitCode.of_error(error) is ExitCode.OUTCOME_UNKNOWN


@pytest.mark.parametrize(
    ("signum", "code"),
    [
        (signal.SIGINT, ExitCode.INTERRUPTED),
        (signal.SIGTERM, ExitCode.TERMINATED),
        (signal.SIGHUP, ExitCode.HUNG_UP),
    ],
)
def test_a_signals_code_is_its_member(signum: int, code: ExitCode) -> None:
    """Each signal the command handles exits with 128 + its number, which is its ExitCode member."""
    assert Interrupted(signum).code == code
    assert code.is_signal
