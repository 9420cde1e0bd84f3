"""The emulator's ``-- <command>`` wrapper: the command's status, 128+N for a signal, and Ctrl-C as a
shell handles it. Real processes: a real terminal (a pty) for Ctrl-C, real signals otherwise.

Each command says ``ready`` once it runs, so a signal is sent only when there is a command to get it:
no sleeping, no timing window.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import subprocess
import sys
import termios
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.slow  # the emulator's command, in a process of its own

EMULATOR = [sys.executable, "-m", "futureagi_simulate.testing", "--"]
# A command killed by the signal it gets (sleep keeps the default handlers).
SLEEPER = ["sh", "-c", "echo ready; exec sleep 120"]
# A command that handles SIGINT and exits 3, as a test runner does after printing its summary.
HANDLER = [
    sys.executable,
    "-c",
    "import signal, sys; signal.signal(signal.SIGINT, lambda *a: sys.exit(3)); print('ready', flush=True);"
    " signal.pause()",
]


def _read_until(fd: int, marker: bytes) -> bytes:
    """What ``fd`` gives until ``marker`` has come (bounded by a generous guard, not a timing window)."""
    seen = b""
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], 60)
        assert ready, f"no {marker!r} within 60 s; got {seen[-500:]!r}"
        chunk = os.read(fd, 4096)
        assert chunk, f"closed before {marker!r}; got {seen[-500:]!r}"
        seen += chunk
    return seen


def _on_its_own_terminal() -> None:
    """In the child, after setsid: the pty on stdin becomes its controlling terminal, its process group
    the foreground one, so Ctrl-C typed there reaches the whole group, as in a shell."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    controller, terminal_side = pty.openpty()
    yield controller, terminal_side
    for fd in (controller, terminal_side):
        with contextlib.suppress(OSError):
            os.close(fd)


def _start_on_terminal(command: list[str], terminal: tuple[int, int]) -> subprocess.Popen[bytes]:
    _controller, terminal_side = terminal
    return subprocess.Popen(
        [*EMULATOR, *command],
        stdin=terminal_side,
        stdout=terminal_side,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_on_its_own_terminal,
    )


@pytest.mark.parametrize(
    ("command", "status"),
    [(SLEEPER, 130), (HANDLER, 3)],
    ids=["killed-by-it", "handles-it"],
)
def test_ctrl_c_on_a_terminal_ends_with_the_commands_status(
    terminal: tuple[int, int], command: list[str], status: int
) -> None:
    """Ctrl-C typed on the terminal: the command gets it once, the emulator waits for it and exits with its
    status (130 when SIGINT killed it), stops, and prints no traceback."""
    process = _start_on_terminal(command, terminal)
    controller = terminal[0]
    _read_until(controller, b"ready")
    os.write(controller, b"\x03")  # the terminal's interrupt character: SIGINT to its foreground group
    _, errors = process.communicate(timeout=60)
    assert process.returncode == status
    assert b"Traceback" not in errors
    assert b"emulator stopped after" in _read_until(controller, b"executions")


def _start(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*EMULATOR, *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_a_signal_to_the_emulator_alone_is_passed_on(signum: int, status: int) -> None:
    """SIGTERM, SIGHUP, or SIGINT with no terminal, sent to the emulator only: the command gets it and
    the emulator exits 128+N as the command did, with no traceback."""
    process = _start(SLEEPER)
    assert process.stdout is not None
    _read_until(process.stdout.fileno(), b"ready")
    process.send_signal(signum)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == status
    assert b"Traceback" not in errors


@pytest.mark.parametrize(("signal_name", "status"), [("TERM", 143), ("KILL", 137), ("INT", 130)])
def test_a_command_a_signal_ended_gives_128_plus_n(signal_name: str, status: int) -> None:
    """A command that a signal ended: the emulator's status is 128+N, as a shell reports it, not -N."""
    done = subprocess.run(
        [*EMULATOR, "sh", "-c", f"kill -{signal_name} $$"],
        capture_output=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == status, done.stderr
