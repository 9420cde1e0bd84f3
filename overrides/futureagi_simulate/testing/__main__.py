"""``python -m futureagi_simulate.testing``: serve the emulator, or run one command against it.

    python -m futureagi_simulate.testing --port 8765 --dialect oss
    python -m futureagi_simulate.testing --dialect docs -- python examples/quickstart.py

With a command after ``--``, the emulator starts on a free port (unless ``--port`` says otherwise), the
command runs with ``FI_BASE_URL``, ``FI_API_KEY``, ``FI_SECRET_KEY``, the seeded ids (``FI_DEMO_*``) and
``FI_EMULATOR_DIALECT`` in its environment, and the emulator stops when it ends: its exit status is the
command's (128+N when a signal N ended it, as a shell says), or 1 when an exchange did not conform to
``openapi.yaml``. Ctrl-C reaches the command from the terminal: the emulator waits for it to finish and
exits with its status, with no traceback of its own. SIGTERM and SIGHUP sent to the emulator are passed
on to the command, and so is SIGINT when no terminal sent it to both.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from ._dialects import DIALECTS
from ._emulator import Emulator, EmulatorConformanceError
from ._records import ADVANCE_MODES

# The status a shell gives a program Ctrl-C ended: 128 + SIGINT.
SIGINT_STATUS = 128 + signal.SIGINT


# The installed command's name; started any other way, the module is how to start it again.
COMMAND = "futureagi-simulate-emulator"


def _parser() -> argparse.ArgumentParser:
    started_as = os.path.splitext(os.path.basename(sys.argv[0]))[0] if sys.argv else ""
    parser = argparse.ArgumentParser(
        prog=COMMAND if started_as == COMMAND else "python -m futureagi_simulate.testing",
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
    status = SIGINT_STATUS
    try:
        print(_banner(emulator.describe()), flush=True)
        status = _run(command, emulator) if command else _serve()
        executions = sum(emulator.app.state()["executions"].values())
        print(f"\nemulator stopped after {executions} executions", flush=True)
    except KeyboardInterrupt:
        # Ctrl-C before the command started or while stopping: the shell's status for it, no traceback.
        pass
    finally:
        try:
            emulator.stop()
        except EmulatorConformanceError as failure:
            print(f"openapi.yaml conformance failures:\n{failure}", file=sys.stderr)
            status = 1
        except KeyboardInterrupt:
            status = SIGINT_STATUS
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
    # Set before the command starts, so that no signal falls between the two; a handler of Python's (not
    # SIG_IGN) is reset to the default in the command, which so gets its signals as it would in a shell.
    with _signals_while_running() as passing_on:
        try:
            child = subprocess.Popen(command, env=environment)
        except OSError as exc:  # not found, not executable: a shell's 127 and 126
            print(f"emulator: cannot run {command[0]!r}: {exc.strerror or exc}", file=sys.stderr)
            return 127 if isinstance(exc, FileNotFoundError) else 126
        passing_on.started(child)
        code = child.wait()
    # A command a signal ended: 128 + its number, as a shell reports it (subprocess gives -N).
    return 128 - code if code < 0 else code


class _PassingOn:
    """The signals to pass on to the command. One that comes while the command is being started (it can
    run, and be seen running, before ``Popen`` has returned here) is kept and sent once it has."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._pending: list[int] = []

    def started(self, child: subprocess.Popen[bytes]) -> None:
        self._child = child
        while self._pending:
            self.send(self._pending.pop(0))

    def send(self, signum: int) -> None:
        if self._child is None:
            self._pending.append(signum)
        elif self._child.poll() is None:
            self._child.send_signal(signum)


@contextlib.contextmanager
def _signals_while_running() -> Iterator[_PassingOn]:
    """While the command runs: Ctrl-C, which the terminal sends the command too, is left to the command
    (the emulator waits for it to finish); SIGTERM and SIGHUP, sent to the emulator alone, are passed on,
    and so is SIGINT when no terminal sent it. Handlers can be set only in the main thread; elsewhere
    signals are left as they are."""
    passing_on = _PassingOn()
    if threading.current_thread() is not threading.main_thread():
        yield passing_on
        return

    def forward(signum: int, frame: object) -> None:
        passing_on.send(signum)

    def interrupt(signum: int, frame: object) -> None:
        # From a terminal, Ctrl-C goes to its whole foreground process group, the command included:
        # passing it on would make it two. Sent to the emulator alone (no terminal: CI), it is passed on.
        if not _terminal_interrupts_us():
            forward(signum, frame)

    handlers = {signal.SIGINT: interrupt, signal.SIGTERM: forward, signal.SIGHUP: forward}
    previous = {signum: signal.signal(signum, handler) for signum, handler in handlers.items()}
    try:
        yield passing_on
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _terminal_interrupts_us() -> bool:
    """True when our process group is the foreground one of the terminal on stdin: a Ctrl-C there
    reaches every process of the group, the command too."""
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (OSError, ValueError, AttributeError):  # no terminal, stdin closed, or not POSIX
        return False


def _serve() -> int:
    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    stopped.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
