"""How ``run`` and ``report`` wait for an execution's end: cheap polls, progress from them, and a memory
of whether the end was seen, so that nothing cancels an execution that had finished.

On the real server a cancel of a finished execution changes it (``docs/dialects.md``, "Cancel and the two
executors": the older executor turns a ``completed`` one ``cancelled``, Temporal leaves it
``cancelling``), so a signal or a timeout that comes after the command saw the end must leave the
execution alone.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from futureagi_simulate import ExecutionState, SimulateClient, Verdict

    from ._progress import Progress

__all__ = ["Watch", "clock", "sleep", "wait_and_judge", "wait_for_end"]

# The clock and the pause between the rounds of ``wait_and_judge``: time's own, replaced by a test's
# (tests/cli/test_gate.py), so that a rule about the timeout is proven without time passing.
clock: Callable[[], float] = time.monotonic
sleep: Callable[[float], None] = time.sleep


class Watch:
    """What the command saw of one execution while it waited: each state goes on to the progress line,
    and ``finished`` stays true once any state said the execution had finished."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.finished = False

    def update(self, state: ExecutionState) -> None:
        if state.is_finished:
            self.finished = True
        self.progress.update(state)


class _Told(logging.Handler):
    """Each failed poll the wait rides out, as a progress line: a CI log says why the wait goes on."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.INFO)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.progress.say(f"waiting: {record.getMessage()}")
        except Exception:  # a progress line is never worth the wait
            self.handleError(record)


def wait_for_end(
    client: SimulateClient, execution_id: uuid.UUID, *, timeout: float, poll_interval: float, watch: Watch
) -> ExecutionState:
    """Waits for the end with ``--timeout`` and ``--poll-interval``: one small request a poll, riding out
    connection errors, 408, 429 and 5xx until the timeout. The call rows are not read here: the
    verdict reads the results once, next. Raises as ``executions.wait`` does."""
    told = _Told(watch.progress)
    waits = logging.getLogger("futureagi_simulate.wait")
    level = waits.level
    waits.addHandler(told)
    waits.setLevel(logging.INFO)
    try:
        state = client.executions.wait(
            execution_id,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=watch.update,
            read_calls=False,
        )
    finally:
        waits.removeHandler(told)
        waits.setLevel(level)
    if state.is_finished:
        watch.finished = True
    return state


def wait_and_judge(
    client: SimulateClient,
    execution_id: uuid.UUID,
    *,
    timeout: float,
    poll_interval: float,
    watch: Watch,
    judge: Callable[[], Verdict],
) -> tuple[ExecutionState, Verdict]:
    """Waits for the end, then judges (``judge`` reads one snapshot of the results); when that snapshot
    says the execution is not finished after all (a rerun moves a finished execution back to running:
    ``docs/dialects.md``, "After execute"), waits for its end again, all within ``timeout`` (seconds):
    the command judges only after the end. Raises ``WaitTimeoutError`` when the timeout passes first, as
    ``wait_for_end`` does."""
    import attrs

    from futureagi_simulate import WaitTimeoutError
    from futureagi_simulate._results import FINISHED_STATUSES

    def timed_out(state: ExecutionState, status: str) -> WaitTimeoutError:
        now = status or "in an unknown state"
        return WaitTimeoutError(
            f"execution {execution_id} had not finished after {timeout:g} s: it was {now} again after "
            "it had ended. It goes on; call executions.cancel() to stop it",
            # The state as the results last said it, not the poll's finished one: the reports and
            # the message must not call "completed" an execution that had not finished.
            state=attrs.evolve(state, status=status),
            timeout=timeout,
        )

    deadline = clock() + timeout
    remaining = timeout
    while True:
        state = wait_for_end(
            client, execution_id, timeout=remaining, poll_interval=poll_interval, watch=watch
        )
        verdict = judge()
        if verdict.status in FINISHED_STATUSES:
            return state, verdict
        remaining = deadline - clock()
        if remaining <= 0:
            raise timed_out(state, verdict.status)
        now = verdict.status or "in an unknown state"
        watch.progress.say(
            f"execution {execution_id} is {now} again after it had ended (a rerun?): waiting for its end "
            "before judging"
        )
        # A poll may say finished at once again (a server whose two reads disagree): without a pause each
        # round would read every page of results back to back until the timeout.
        sleep(min(poll_interval, remaining))
        # The next wait gets what is left after the pause, so the whole stays within the timeout.
        remaining = deadline - clock()
        if remaining <= 0:
            raise timed_out(state, verdict.status)
