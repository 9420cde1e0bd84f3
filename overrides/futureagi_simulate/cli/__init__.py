"""``futureagi-simulate``: run a simulation from CI and gate the pipeline on its verdict.

The command is a thin shell over the public client: everything it does, a Python user can do with
``SimulateClient``. Its one library beyond the client's, rich (the progress line and the summary
table), comes with the ``cli`` extra; the JUnit file is written with the standard library's
ElementTree and the arguments read by argparse. They load only when the command runs, so
``import futureagi_simulate`` stays as cheap as it was.

Its exit codes are ``_exit.ExitCode``, from which ``--help`` and README's table are written.
"""

from __future__ import annotations

import sys

__all__ = ["main", "main_exit"]

# The package is on no index: the extra is added to whatever the package was installed from.
INSTALL_HINT = (
    "install the package again with its cli extra, e.g. pip install '<your wheel, checkout or git URL>[cli]'"
)


def main(argv: list[str] | None = None) -> int:
    """The console script's entry point; returns the exit code (130, quietly, on SIGINT at any point)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130


def _main(argv: list[str] | None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    # Found, not imported: importing rich costs tens of milliseconds that a query, which never draws,
    # would pay at every start (BENCHMARKS.md, "The command's cold start"). The paths that draw import it.
    from importlib.util import find_spec

    if find_spec("rich") is None:
        if not arguments or {"-h", "--help", "--version"} & set(arguments) or arguments[0] == "mcp":
            # The help and the version need none of the extra's libraries; `mcp` needs the mcp extra's.
            from ._commands import run_cli

            return run_cli(arguments)
        print(
            f"futureagi-simulate: the command needs the 'cli' extra (rich is missing): {INSTALL_HINT}",
            file=sys.stderr,
        )
        return 2
    from ._commands import run_cli

    return run_cli(argv)


def main_exit() -> None:
    """The console script: exits with ``main``'s code."""
    sys.exit(main())
