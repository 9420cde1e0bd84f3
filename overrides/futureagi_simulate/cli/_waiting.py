"""How ``run`` and ``report`` wait for an execution's end: cheap polls, progress from them, and a memory
of whether the end was seen, so that nothing cancels an execution that had finished.

On the real server a cancel of a finished execution changes it (``docs/dialects.md``, "Cancel and the two
executors": the older executor turns a ``completed`` one ``cancelled``, Temporal leaves it
``cancelling``), so a signal or a timeout that comes after the command saw the end must leave the
execution alone.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from futureagi_simulate import AsyncSimulateClient, ExecutionState, SimulateClient, Verdict

    from ._progress import Progress

__all__ = [
    "Watch",
    "async_sleep",
    "clock",
    "sleep",
    "wait_and_judge",
    "wait_and_judge_async",
    "wait_for_end",
    "wait_for_end_async",
]

# The clock and the pause between the rounds of ``wait_and_judge``: time's own, replaced by a test's
# (tests/cli/test_gate.py), so that a rule about the timeout is proven without time passing.
clock: Callable[[], float] = time.monotonic
sleep: Callable[[float], None] = time.sleep


async def async_sleep(seconds: float) -> None:
    """``sleep`` of ``wait_and_judge_async``: asyncio's, so other runs go on meanwhile."""
    import asyncio

    await asyncio.sleep(seconds)


class Watch:
    """What the command saw of one execution while it waited: each state goes on to the progress line,
    and ``finished`` stays true once any state said the execution had finished."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.finished = False
        self._shown: tuple[object, ...] | None = None

    def update(self, state: ExecutionState) -> None:
        if state.is_finished:
            self.finished = True
        shown = (
            state.status,
            state.total_calls,
            state.finished_calls,
            state.completed_calls,
            state.failed_calls + state.cancelled_calls,
        )
        # A finished execution's state said again tells nothing: --max-cost's watch and the wait that
        # follows both see the end, and a CI log got each "completed: ..." line twice.
        if state.is_finished and shown == self._shown:
            return
        self._shown = shown
        self.progress.update(state)


# The watch of the wait going on in this task (or thread): the poll failures the library logs go to its
# progress only, when several runs wait at once.
_watching: contextvars.ContextVar[Watch | None] = contextvars.ContextVar("watching", default=None)


class _Told(logging.Handler):
    """Each failed poll the wait rides out, as a progress line: a CI log says why the wait goes on. Only
    the lines logged by the wait of its own watch (its task's, by ``_watching``)."""

    def __init__(self, watch: Watch) -> None:
        super().__init__(logging.INFO)
        self.watch = watch

    def emit(self, record: logging.LogRecord) -> None:
        if _watching.get() is not self.watch:
            return
        try:
            self.watch.progress.say(f"waiting: {record.getMessage()}")
        except Exception:  # a progress line is never worth the wait
            self.handleError(record)


@contextlib.contextmanager
def _telling(watch: Watch) -> Iterator[None]:
    """While a wait goes on: the library's lines about failed polls go to the watch's progress."""
    told = _Told(watch)
    waits = logging.getLogger("futureagi_simulate.wait")
    if not _waits_told(waits):
        _level_before[0] = waits.level
    waits.addHandler(told)
    waits.setLevel(logging.INFO)
    token = _watching.set(watch)
    try:
        yield
    finally:
        _watching.reset(token)
        waits.removeHandler(told)
        # The level as it was before the first of the waits going on at once, put back by the last.
        if not _waits_told(waits):
            waits.setLevel(_level_before[0])


_level_before = [logging.NOTSET]


def _waits_told(waits: logging.Logger) -> bool:
    return any(isinstance(handler, _Told) for handler in waits.handlers)


def wait_for_end(
    client: SimulateClient, execution_id: uuid.UUID, *, timeout: float, poll_interval: float, watch: Watch
) -> ExecutionState:
    """Waits for the end with ``--timeout`` and ``--poll-interval``: one small request a poll, riding out
    connection errors, 408, 429 and 5xx until the timeout. The call rows are not read here: the
    verdict reads the results once, next. Raises as ``executions.wait`` does."""
    with _telling(watch):
        state = client.executions.wait(
            execution_id,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=watch.update,
            read_calls=False,
        )
    if state.is_finished:
        watch.finished = True
    return state


async def wait_for_end_async(
    client: AsyncSimulateClient,
    execution_id: uuid.UUID,
    *,
    timeout: float,
    poll_interval: float,
    watch: Watch,
) -> ExecutionState:
    """``wait_for_end`` with the async client."""
    with _telling(watch):
        state = await client.executions.wait(
            execution_id,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=watch.update,
            read_calls=False,
        )
    if state.is_finished:
        watch.finished = True
    return state


# A step of the rounds: wait for the end (the seconds left), judge, or pause (seconds).
_WAIT, _JUDGE, _PAUSE = "wait", "judge", "pause"
_Rounds = Generator[tuple[str, float], Any, "tuple[ExecutionState, Verdict]"]


def _rounds(execution_id: uuid.UUID, *, timeout: float, poll_interval: float, watch: Watch) -> _Rounds:
    """The rounds of ``wait_and_judge`` without their I/O: each step it yields is done by the driver
    (sync or async), which sends back the state of a wait or the verdict of a judge."""
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
        state: ExecutionState = yield _WAIT, remaining
        verdict: Verdict = yield _JUDGE, 0.0
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
        yield _PAUSE, min(poll_interval, remaining)
        # The next wait gets what is left after the pause, so the whole stays within the timeout.
        remaining = deadline - clock()
        if remaining <= 0:
            raise timed_out(state, verdict.status)


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
    rounds = _rounds(execution_id, timeout=timeout, poll_interval=poll_interval, watch=watch)
    answer: Any = None
    try:
        while True:
            step, seconds = rounds.send(answer)
            if step == _WAIT:
                answer = wait_for_end(
                    client, execution_id, timeout=seconds, poll_interval=poll_interval, watch=watch
                )
            elif step == _JUDGE:
                answer = judge()
            else:
                sleep(seconds)
                answer = None
    except StopIteration as done:
        result: tuple[ExecutionState, Verdict] = done.value
        return result


async def wait_and_judge_async(
    client: AsyncSimulateClient,
    execution_id: uuid.UUID,
    *,
    timeout: float,
    poll_interval: float,
    watch: Watch,
    judge: Callable[[], Awaitable[Verdict]],
) -> tuple[ExecutionState, Verdict]:
    """``wait_and_judge`` with the async client, the same rounds; the pause is ``async_sleep``."""
    rounds = _rounds(execution_id, timeout=timeout, poll_interval=poll_interval, watch=watch)
    answer: Any = None
    try:
        while True:
            step, seconds = rounds.send(answer)
            if step == _WAIT:
                answer = await wait_for_end_async(
                    client, execution_id, timeout=seconds, poll_interval=poll_interval, watch=watch
                )
            elif step == _JUDGE:
                answer = await judge()
            else:
                await async_sleep(seconds)
                answer = None
    except StopIteration as done:
        result: tuple[ExecutionState, Verdict] = done.value
        return result
