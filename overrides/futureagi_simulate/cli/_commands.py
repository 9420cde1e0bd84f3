"""The command's way in: parse the arguments, build the command's options, run its handler, and turn
any failure into one line and its exit code (``_exit.ExitCode``).

The rooms: ``_parser`` (argparse, argument types), ``_options`` (the typed options of each command),
``_run`` (``run``), ``_many`` (``run`` of several run tests), ``_suite`` and ``_suite_command`` (the suite
file and ``check``), ``_report_command`` (``report``), ``_queries`` (``run-tests ...``,
``executions ...``), ``_gate`` and ``_waiting`` (what ``run`` and ``report`` share), ``_preflight``
(the check before paying), ``_reports`` (JSON, JUnit, step summary), ``_signals``, ``_progress``,
``_output``, ``_common`` (lines, the client, the usage error).
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any

from . import _output, _reports
from ._common import UsageError, internal_error, say, use_secrets
from ._exit import ExitCode
from ._options import ClientOptions, from_args, options_class
from ._parser import Command, build_parser, parse_duration

__all__ = ["build_parser", "parse_duration", "run_cli"]


def _show_warning(
    message: Warning | str, category: type[Warning], filename: str, lineno: int, *args: Any, **kwargs: Any
) -> None:
    say(f"warning: {message}")


def run_cli(argv: Sequence[str] | None = None) -> int:
    """Runs the command and returns its exit code (argparse's usage errors are 2).

    stdout and stderr go through ``_output.SafeLines``: no line CI reads as a command, a closed pipe is
    not an error, and a character the stream's encoding lacks is escaped, not fatal."""
    out, err = _output.install()
    try:
        return _cli(argv)
    finally:
        out.flush()
        err.flush()


def _credentials_given(arguments: Sequence[str]) -> list[str | None]:
    """The credentials in the environment and on the command line, known before parsing: argparse quotes
    a value it refuses back (``--only VALUE``), and a key pasted in the wrong place would be one."""
    found: list[str | None] = [os.environ.get("FI_API_KEY"), os.environ.get("FI_SECRET_KEY")]
    for at, argument in enumerate(arguments):
        name, equals, value = argument.partition("=")
        # argparse takes any unambiguous start of an option's name (--secret VALUE), so any start names
        # the option here; one that argparse finds ambiguous only hides a value that was no credential.
        if len(name) > 2 and name.startswith("--") and any(o.startswith(name) for o in _CREDENTIAL_OPTIONS):
            if equals:
                found.append(value)
            elif at + 1 < len(arguments):
                found.append(arguments[at + 1])
    return found


_CREDENTIAL_OPTIONS = ("--api-key", "--secret-key")


def _cli(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    _reports.set_secrets(_credentials_given(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else ExitCode.USAGE
    command: Command = args.command
    if hasattr(args, "command_line"):
        # run's arguments as given: a suite file's options go before them, so that they win.
        given = list(sys.argv[1:] if argv is None else argv)
        args.command_line = tuple(given[given.index("run") + 1 :]) if "run" in given else ()
    # Here, not at the top: --help (which argparse ends above) loads no error class, nor httpx with them.
    from futureagi_simulate import FutureAGIError

    client = from_args(ClientOptions, args)
    use_secrets(client)
    # A warning (plain http:// to another host, for one) is one line of ours, not Python's two.
    warnings.showwarning = _show_warning
    try:
        options = from_args(options_class(command.options), args)
        if command.whole:
            # run and report make their own client and report their own failures.
            code: int = command.handler(options)
            return code
        from ._queries import run_query

        return run_query(command.handler, options, client)
    except UsageError as error:
        say(str(error))
        return ExitCode.USAGE
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except FutureAGIError as error:
        say(str(error))
        return ExitCode.of_error(error)
    except Exception as error:  # unexpected: one line and 3, never a traceback and 1
        say(internal_error(error))
        return ExitCode.API_REFUSED
