"""How ``run`` meets a CI system's cancellation.

GitHub's runner cancels a step by signalling the step's process: SIGINT, then SIGTERM 7.5 s later, then
SIGKILL 2.5 s after that (actions/runner, ``ProcessInvoker``). A terminal's hang-up is SIGHUP. The
command answers each the same way, in phases:

* working (before and while waiting): the first signal stops the work where it is (``Interrupted``);
* the execute in flight: the signal is held until the answer arrives, because the answer holds the id
  of the execution the server started, the one thing needed to cancel it; a second signal does not wait;
* cancelling: a further signal abandons the cancel, and the message says the execution may still run;
* writing the reports: signals are noted and change nothing, so the reports are written whole and the
  exit code is the one they hold. The command is about to exit with it, so these handlers stay.

The handlers are installed explicitly, even where the process started with a signal ignored (a shell
starts a background command with SIGINT ignored, and Python then leaves it so).

Under asyncio (``run``), an exception raised by a handler would land wherever the main thread is, the
event loop's own code included. So once ``interrupting(task)`` is called, a signal that stops the work
cancels that task instead, from the loop, where it waits; ``interrupts()`` (and ``holding`` and
``raising``) turn that cancel back into ``Interrupted``, so the steps see what they saw before. A signal
that comes between two waits is delivered no later than the next step that notes signals (``noting``)
or the end of the ``interrupts()`` block, as the exception would have been at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio

__all__ = ["HANDLED", "Interrupted", "Signals", "exit_code", "install_all"]

HANDLED: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def exit_code(signum: int) -> int:
    """The shell's convention: 128 + the signal's number (130 SIGINT, 143 SIGTERM, 129 SIGHUP)."""
    return 128 + signum


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


class Interrupted(BaseException):
    """A signal, raised where the main thread was (a BaseException, like KeyboardInterrupt, so no
    ``except Exception`` swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal_name(self.signum)

    @property
    def code(self) -> int:
        return exit_code(self.signum)

    @property
    def status(self) -> str:
        """What the reports call the run's end: interrupted (SIGINT), terminated, hung up."""
        return _STATUS.get(self.signum, "interrupted")


_STATUS: dict[int, str] = {
    signal.SIGINT: "interrupted",
    signal.SIGTERM: "terminated",
    signal.SIGHUP: "hung up",
}


_RAISE, _HOLD, _NOTE = "raise", "hold", "note"


def _note(text: str) -> None:
    """A line on stderr written from inside a handler: one os.write, so it cannot break a print that
    the signal interrupted (a buffered write re-entered raises RuntimeError)."""
    line = f"{time.strftime('%H:%M:%S')} {text}\n".encode("ascii", "backslashreplace")
    with contextlib.suppress(OSError):
        os.write(2, line)


# The Signals each signal goes to: one per run test being run (``install_all``).
_installed: list[Signals] = []


def install_all(every: list[Signals]) -> None:
    """Installs the handlers for SIGINT, SIGTERM and SIGHUP: each signal goes to every one of ``every``
    (the runs of several run tests, each in its own phase), and each different line is said once."""
    _installed[:] = every
    for signum in HANDLED:
        signal.signal(signum, _dispatch)


def _dispatch(signum: int, frame: FrameType | None) -> None:
    lines: list[str] = []
    raised: Interrupted | None = None
    for signals in list(_installed):
        try:
            line = signals._handle(signum)
        except Interrupted as interrupted:  # without asyncio: raised here, once all have heard it
            raised = raised or interrupted
            continue
        if line is not None and line not in lines:
            lines.append(line)
    for line in lines:
        _note(line)
    if raised is not None:
        raise raised


class Signals:
    """The handlers of ``run`` for SIGINT, SIGTERM and SIGHUP, and the phase they act in."""

    def __init__(self) -> None:
        self.received: list[int] = []
        self._mode = _RAISE
        self._held_since = 0
        # Under asyncio: the task a signal cancels, and the signal whose cancel is not delivered yet.
        self._task: asyncio.Task[object] | None = None
        self._undelivered: int | None = None

    def install(self) -> Signals:
        """These handlers, alone: the command's one run."""
        install_all([self])
        return self

    def interrupting(self, task: asyncio.Task[object]) -> Signals:
        """Under asyncio: a signal that stops the work cancels ``task`` (from its loop) instead of raising
        where the main thread is; ``interrupts()`` turns the cancel into ``Interrupted``."""
        self._task = task
        return self

    @property
    def first(self) -> int | None:
        """The first signal received, if any."""
        return self.received[0] if self.received else None

    def _handle(self, signum: int) -> str | None:
        """What the signal does in this phase; returns the line to say, if any."""
        self.received.append(signum)
        name = signal_name(signum)
        # Raising switches to noting first: the code that catches the first signal is not itself cut
        # short by the next one before it can write the reports.
        if self._mode == _RAISE:
            self._mode = _NOTE
            self._interrupt(signum)
            return None
        if self._mode == _HOLD:
            if len(self.received) - self._held_since > 1:
                self._mode = _NOTE
                self._interrupt(signum)
                return None
            return (
                f"{name} received while the execute is in flight: "
                "waiting for its answer, which names the execution"
            )
        return f"{name} received: the reports are written first, and the exit code stays theirs"

    def _interrupt(self, signum: int) -> None:
        """Stops the work: ``Interrupted`` raised here, or under asyncio the task cancelled."""
        task = self._task
        if task is None or task.done():
            raise Interrupted(signum)
        self._undelivered = signum
        # Cancelled from the loop, where the task waits, never from inside its step or the loop's code.
        task.get_loop().call_soon_threadsafe(self._deliver)

    def _deliver(self) -> None:
        if self._undelivered is not None and self._task is not None and not self._task.done():
            self._task.cancel()

    def _take(self) -> None:
        """A signal whose cancel is not delivered yet is raised now, as it would have been at once."""
        signum, self._undelivered = self._undelivered, None
        if signum is not None:
            raise Interrupted(signum)

    @contextlib.contextmanager
    def interrupts(self) -> Iterator[None]:
        """Under asyncio: inside, a signal's cancel of the task comes out as ``Interrupted``; one not yet
        delivered when the block ends is raised there. Any other cancel goes on as it is."""
        import asyncio

        try:
            yield
        except asyncio.CancelledError:
            signum, self._undelivered = self._undelivered, None
            if signum is None:
                raise
            if self._task is not None:
                self._task.uncancel()
            raise Interrupted(signum) from None
        self._take()

    @contextlib.contextmanager
    def holding(self) -> Iterator[None]:
        """While the execute is in flight: the first signal is held (``pending`` says which), a second
        raises ``Interrupted``."""
        previous, self._mode, self._held_since = self._mode, _HOLD, len(self.received)
        try:
            with self.interrupts():
                yield
        finally:
            if self._mode == _HOLD:
                self._mode = previous

    def pending(self) -> int | None:
        """A signal held by ``holding``, once it has ended (one received since, not yet delivered under
        asyncio, raises ``Interrupted`` here, as it would have at once)."""
        self._take()
        return self.received[-1] if len(self.received) > self._held_since else None

    def noting(self) -> None:
        """From now on a signal is noted and changes nothing: the reports are being written. A signal
        that came before and is not delivered yet (asyncio) raises ``Interrupted`` here."""
        self._mode = _NOTE
        self._take()

    def stopping(self) -> None:
        """The work stops for a signal already: from now on signals are noted, and one not yet delivered
        (asyncio) is dropped, the run being interrupted already."""
        self._mode, self._undelivered = _NOTE, None

    @contextlib.contextmanager
    def raising(self) -> Iterator[None]:
        """Inside: a signal raises ``Interrupted`` (to abandon a cancel); outside, signals are noted."""
        self._mode = _RAISE
        try:
            with self.interrupts():
                yield
        finally:
            self._mode = _NOTE
