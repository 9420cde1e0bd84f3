"""``python -m futureagi_simulate.testing``: serve the emulator, or run one command against it.

    python -m futureagi_simulate.testing --port 8765 --dialect oss
    python -m futureagi_simulate.testing --dialect docs -- python examples/quickstart.py

With a command after ``--``, the emulator starts on a free port (unless ``--port`` says otherwise), the
command runs with ``FI_BASE_URL``, ``FI_API_KEY``, ``FI_SECRET_KEY``, the seeded ids (``FI_DEMO_*``) and
``FI_EMULATOR_DIALECT`` in its environment, and the emulator stops when it ends: its exit status is the
command's, or 1 when an exchange did not conform to ``openapi.yaml``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Sequence
from typing import Any

from ._dialects import DIALECTS
from ._emulator import Emulator, EmulatorConformanceError
from ._store import ADVANCE_MODES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m futureagi_simulate.testing",
        description="An emulator of the Future AGI Simulate API on loopback.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    parser.add_argument(
        "--dialect",
        choices=DIALECTS,
        default="oss",
        help="documented wire form, or the open-source server's (default oss)",
    )
    parser.add_argument(
        "--no-validate",
        dest="validate",
        action="store_false",
        help="do not check exchanges against openapi.yaml",
    )
    parser.add_argument(
        "--advance",
        choices=ADVANCE_MODES,
        default="on_read",
        help="executions move one stage per read of them (on_read, the default), or only when"
        " POST /_emulator/advance or /_emulator/finish says so (manual)",
    )
    parser.add_argument("--api-key", help="API key to accept (default: a random one)")
    parser.add_argument("--secret-key", help="secret key to accept (default: a random one)")
    parser.add_argument(
        "command",
        nargs=argparse.REMAINDER,
        help="after '--': a command to run against the emulator, which then stops",
    )
    return parser


# One line per dialect, printed under the banner: what a client talking to this emulator should expect.
DIALECT_SUMMARIES = {
    "oss": (
        "plays the open-source server: snake_case execute bodies only (camelCase keys are a 400), answers "
        "wrapped as {status: true, result}; its run-test execute ignores select_all whenever scenario ids "
        "are sent"
    ),
    "docs": (
        "plays the hosted API as its documentation describes it: camelCase execute bodies, answers wrapped "
        'as {status: "success", data}; select_all with ids means every scenario but those'
    ),
}


def _banner(description: dict[str, Any]) -> str:
    ids = {
        k: v
        for k, v in description.items()
        if k not in ("url", "dialect", "api_key", "secret_key", "bearer_token")
    }
    lines = [
        f"futureagi-simulate emulator ({description['dialect']} dialect) serving {description['url']}",
        textwrap.fill(
            DIALECT_SUMMARIES[description["dialect"]],
            width=100,
            initial_indent="  it ",
            subsequent_indent="  ",
        ),
        # Lines a shell takes as they are: paste them, and the client in that shell talks to the emulator.
        f"  export FI_BASE_URL={description['url']}",
        f"  export FI_API_KEY={description['api_key']}",
        f"  export FI_SECRET_KEY={description['secret_key']}",
        f"  bearer token: {description['bearer_token']}",
        "seeded ids:",
        *(
            f"  {name}: {', '.join(value) if isinstance(value, list) else value}"
            for name, value in ids.items()
        ),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    command = [c for c in options.command if c != "--"] if options.command else []
    try:
        emulator = Emulator(
            dialect=options.dialect,
            validate=options.validate,
            host=options.host,
            port=options.port,
            api_key=options.api_key,
            secret_key=options.secret_key,
            advance=options.advance,
        )
    except RuntimeError as exc:  # the conformance check's extra is not installed; the message says how
        print(f"emulator: {exc}", file=sys.stderr)
        return 2
    try:
        emulator.start()
    except (OSError, OverflowError) as exc:  # the port is taken or out of range; the address not ours
        where = f"{options.host}:{options.port}" if options.port else options.host
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"emulator: cannot listen on {where}: {reason}", file=sys.stderr)
        return 2
    try:
        print(_banner(emulator.describe()), flush=True)
        status = _run(command, emulator) if command else _serve()
        executions = sum(emulator.app.state()["executions"].values())
        print(f"\nemulator stopped after {executions} executions", flush=True)
    finally:
        try:
            emulator.stop()
        except EmulatorConformanceError as failure:
            print(f"openapi.yaml conformance failures:\n{failure}", file=sys.stderr)
            status = 1
    return status


def _run(command: list[str], emulator: Emulator) -> int:
    environment = {
        **os.environ,
        "FI_BASE_URL": emulator.url,
        "FI_API_KEY": emulator.api_key,
        "FI_SECRET_KEY": emulator.secret_key,
        # Lets the command say what it is talking to (examples/quickstart.py does).
        "FI_EMULATOR_DIALECT": emulator.dialect,
        **emulator.seed.as_environment(),
    }
    try:
        return subprocess.run(command, env=environment, check=False).returncode
    except OSError as exc:  # not found, not executable: a shell's 127 and 126
        print(f"emulator: cannot run {command[0]!r}: {exc.strerror or exc}", file=sys.stderr)
        return 127 if isinstance(exc, FileNotFoundError) else 126


def _serve() -> int:
    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    stopped.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
