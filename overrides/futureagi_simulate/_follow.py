"""Flows after execute: read every page of an execution, wait for its end, report on it, and run
"all except" where the server ignores ``select_all``. Plain generators with no I/O, driven by the sync
and async clients like every other flow (``_flows``); the waiting one reads time from the clock it is
given and asks for sleeps, so a test drives it with scripted answers and a fake clock.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from . import _executions_wire as wire
from ._config import MAX_TIMEOUT
from ._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    IncompleteResultsError,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    TooManyPagesError,
    WaitTimeoutError,
    excerpt,
)
from ._flows import Call, Clock, Context, Flow, single
from ._pagination import MAX_PAGES, Page, PageWalk
from ._results import ExecutionResults, ExecutionState, normalise_status
from ._selection import Selection
from ._validate import check_uuid_list, is_finite_number
from ._verdict import Thresholds, Verdict, judge, live_eval_configs

__all__ = [
    "all_pages",
    "check_wait_arguments",
    "complement",
    "execution_progress",
    "execution_results",
    "execution_state",
    "report",
    "scenario_ids",
    "wait",
]

if TYPE_CHECKING:
    from futureagi_simulate._api.models.simulation_run_results import SimulationRunResults

log = logging.getLogger("futureagi_simulate")
#: Where ``wait`` tells of each failed poll it rides out (INFO), a child of the package's logger: the
#: command shows these lines in its progress, so a CI log says why the wait is taking long.
wait_log = logging.getLogger("futureagi_simulate.wait")

R = TypeVar("R")

# Each wait between polls is half as long again as the one before, up to the maximum (the first and the
# maximum are the arguments of executions.wait: 2 s and 15 s by default).
_POLL_GROWTH = 1.5
#: Seconds after which ``on_progress`` hears the last state again though nothing changed: CI systems show
#: a step that prints nothing for long as hung, and people cancel it.
HEARTBEAT = 60.0
# Statuses a poll may meet while the API blips; the next poll may well be answered.
_PASSING_STATUSES = frozenset({408, 429})


def all_pages(
    page_call: Callable[[int], Call[R]],
    ctx: Context,
    paged: Callable[[R], Page] | None = None,
    key: Callable[[Any], object] | None = None,
) -> Flow[tuple[R, list[Any]]]:
    """The last answer and every row of every page, once each, asked for by number until a sign of the
    last page; the walk ends however the server pages (``PageWalk``). ``paged`` finds the page in an
    answer that holds it (the results' ``call_results``); ``key`` tells rows apart (their ``id``)."""
    walk = PageWalk() if key is None else PageWalk(key)
    rows: list[Any] = []
    while True:
        answer = yield from single(page_call(walk.number), ctx)
        page: Page = paged(answer) if paged is not None else answer  # type: ignore[assignment]
        new = walk.fresh(page)
        rows.extend(new)
        if not walk.advance(page, len(new)):
            return answer, rows


def execution_state(execution_id: uuid.UUID, ctx: Context) -> Flow[ExecutionState]:
    last, calls = yield from all_pages(lambda number: wire.execution_page_call(execution_id, number), ctx)
    return ExecutionState.from_rows(execution_id, last, calls)


def execution_progress(
    execution_id: uuid.UUID, ctx: Context, *, deadline: float | None = None
) -> Flow[ExecutionState]:
    """The execution's status and call counts from one small request, without its call rows: the
    results' first page of one row, whose ``total_calls``, ``completed_calls`` and ``failed_calls`` are
    the counts the server's workflow keeps as calls end. Chosen over the detail's ``count`` and
    ``status`` (also one row) because those say nothing of how many calls are done. Over by
    ``deadline`` (on ``ctx.clock``) when one is given."""
    answer = yield from single(wire.progress_call(execution_id, deadline=deadline), ctx)
    return _state_from_counts(execution_id, answer)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _state_from_counts(execution_id: uuid.UUID, answer: Any) -> ExecutionState:
    rows = getattr(answer.call_results, "count", None)
    # The page's count is the rows that exist; total_calls is the workflow's own number, 0 until it
    # has written it (API-NOTES.md): the larger of the two.
    total = max(_count(rows), _count(answer.total_calls))
    status = normalise_status(answer.status)
    completed, failed = _count(answer.completed_calls), _count(answer.failed_calls)
    # The workflow counts a call completed only once its evals end, but an execution turns `evaluating`
    # only when every call has ended (simulate/models/test_execution.py): then the calls it has not
    # counted yet are being evaluated, done with their call.
    analyzing = max(0, total - completed - failed) if status == "evaluating" else 0
    return ExecutionState(
        execution_id=execution_id,
        status=status,
        total_calls=total,
        completed_calls=completed,
        failed_calls=failed,
        cancelled_calls=0,
        calls=(),
        analyzing_calls=analyzing,
    )


#: How many times a read of an execution's results starts over when its pages shifted under it.
MAX_SNAPSHOT_READS = 5


def execution_results(execution_id: uuid.UUID, ctx: Context) -> Flow[ExecutionResults]:
    """Every call of the execution exactly once, from one consistent read of every page.

    The results endpoint orders calls by their last update, newest first (the open-source server's
    ``order_by("-updated_at")``), so a call that changes while the pages are read moves to the front of
    page 1: the page after then repeats a call and misses another. A read counts only when every page
    gave the same execution status and call count and the calls add up to that count, each call once
    (by ``call_execution_id``), and a completed execution's rows are as many as its ``total_calls``;
    otherwise it starts over, up to ``MAX_SNAPSHOT_READS`` reads, and then
    raises ``IncompleteResultsError``: a verdict is never drawn from part of the calls.
    """
    problem = ""
    for _ in range(MAX_SNAPSHOT_READS):
        snapshot = yield from _read_results(execution_id, ctx)
        if isinstance(snapshot, ExecutionResults):
            return snapshot
        problem = snapshot
        log.info("results of execution %s: %s; reading them again", execution_id, problem)
    raise IncompleteResultsError(
        f"the results of execution {execution_id} changed while they were read, {MAX_SNAPSHOT_READS} "
        f"reads in a row ({problem}); no verdict was drawn from part of the calls. Read them again once "
        "the execution stops changing"
    )


def _call_count(answer: SimulationRunResults) -> int | None:
    count = answer.call_results.count
    if isinstance(count, int):
        return count
    total = answer.total_calls
    return total if isinstance(total, int) else None


def _read_results(execution_id: uuid.UUID, ctx: Context) -> Flow[ExecutionResults | str]:
    """One read of every page: the results, or what made the read inconsistent."""
    first = yield from single(wire.results_page_call(execution_id, 1), ctx)
    count = _call_count(first)
    if count is None or count < 0:
        raise IncompleteResultsError(
            f"the results of execution {execution_id} do not say how many calls it has (call_results.count "
            "or total_calls), so a complete read cannot be told from a partial one; no verdict was drawn"
        )
    planned = first.total_calls
    if (
        normalise_status(first.status) == "completed"
        and isinstance(planned, int)
        and not isinstance(planned, bool)
        and planned > count
    ):
        # The workflow's own number of calls above the rows the pages count: calls a completed execution
        # had are missing from its results, and judging the rest would pass on part of the run.
        return f"it says it has {planned} calls (total_calls) but its pages count {count}"
    rows = list(first.call_results.results)
    pages = first.call_results.total_pages
    if not isinstance(pages, int):
        # Page 1 holds a full page unless it is the last: the count tells how many pages follow.
        pages = -(-count // len(rows)) if rows else 1
    if pages > MAX_PAGES:
        raise TooManyPagesError(
            f"the results of execution {execution_id} span {pages} pages, more than the {MAX_PAGES} one "
            "read follows; no verdict was drawn from part of the calls"
        )
    for number in range(2, pages + 1):
        answer = yield from single(wire.results_page_call(execution_id, number), ctx)
        if normalise_status(answer.status) != normalise_status(first.status):
            return (
                f"the execution went from {normalise_status(first.status) or 'unknown'} to "
                f"{normalise_status(answer.status) or 'unknown'} between pages 1 and {number}"
            )
        if _call_count(answer) != count:
            return f"its call count went from {count} to {_call_count(answer)} between pages 1 and {number}"
        if not answer.call_results.results:
            break
        rows.extend(answer.call_results.results)
    ids = [row.call_execution_id for row in rows]
    unique = set(ids)
    if len(unique) != len(ids):
        return f"{len(ids) - len(unique)} calls came on two pages while others moved between pages"
    if len(unique) != count:
        return f"the pages held {len(unique)} of its {count} calls"
    return ExecutionResults.from_rows(first, rows)


def scenario_ids(run_test_id: uuid.UUID, ctx: Context) -> Flow[list[uuid.UUID]]:
    """The ids of every scenario of the run test, in the server's order."""
    _, rows = yield from all_pages(lambda number: wire.run_test_scenarios_page_call(run_test_id, number), ctx)
    return [row.id for row in rows]


def report(
    execution_id: uuid.UUID,
    ctx: Context,
    *,
    run_test_id: uuid.UUID,
    thresholds: Thresholds | None,
    expected_scenario_ids: Iterable[uuid.UUID | str] | None,
) -> Flow[Verdict]:
    """The run test's eval configs now, then one complete snapshot of the results, then ``judge``."""
    # Checked before the first request: a flow runs up to its first yield when the driver starts it.
    if thresholds is not None and not isinstance(thresholds, Thresholds):
        raise InvalidArgumentError("thresholds", f"must be a Thresholds, got {type(thresholds).__name__}")
    expected = (
        None
        if expected_scenario_ids is None
        else check_uuid_list("expected_scenario_ids", expected_scenario_ids)
    )
    run_test = yield from single(wire.get_run_test_call(run_test_id), ctx)
    results = yield from execution_results(execution_id, ctx)
    return judge(
        results,
        eval_configs=live_eval_configs(run_test),
        thresholds=thresholds,
        expected_scenario_ids=expected,
    )


def check_wait_arguments(timeout: object, poll_interval: object, max_poll_interval: object) -> None:
    for name, value in (
        ("timeout", timeout),
        ("poll_interval", poll_interval),
        ("max_poll_interval", max_poll_interval),
    ):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not is_finite_number(value):
            shown = repr(value) if len(repr(value)) <= 40 else f"a number of {len(repr(value))} digits"
            raise InvalidArgumentError(name, f"must be a finite number of seconds, got {shown}")
        if value <= 0:
            raise InvalidArgumentError(name, f"must be more than 0 seconds, got {value!r}")
        # A poll interval is slept in one go, and time.sleep refuses more than the platform's time_t.
        if name != "timeout" and value > MAX_TIMEOUT:
            raise InvalidArgumentError(
                name, f"must be at most {MAX_TIMEOUT:,.0f} seconds (a week), got {value!r}"
            )


def wait(
    execution_id: uuid.UUID,
    ctx: Context,
    *,
    timeout: float,
    poll_interval: float,
    max_poll_interval: float,
    on_progress: Callable[[ExecutionState], Any] | None,
    clock: Clock,
    read_calls: bool = True,
) -> Flow[ExecutionState]:
    """Polls until the execution is finished; returns its state, every call row read once at the end
    (``read_calls``), else the last poll's.

    Each poll is one small request (``execution_progress``) that ends by the timeout, whatever the
    client's own timeout. A poll that meets no answer, a 408, a 429 or a 5xx is not the end: the wait
    polls on until ``timeout``, as the execution goes on while the API blips. An answer that will not
    change (401, 403, 404, a body that cannot be read) ends the wait at once. Waits ``poll_interval``
    after the first poll, half as long again after each later one up to ``max_poll_interval``, and never
    less than a 429's ``Retry-After``. Raises ``WaitTimeoutError`` with the last state once ``timeout``
    seconds have passed; never cancels. ``on_progress`` gets each state that differs from the one
    before (the first one included), and the last one again after ``HEARTBEAT`` seconds without one.
    """
    deadline = clock() + timeout
    interval = poll_interval
    last: ExecutionState | None = None
    told = clock()
    failure: APIError | None = None
    while True:
        delay = interval
        try:
            state = yield from execution_progress(execution_id, ctx, deadline=deadline)
        except APIError as error:
            if not _passing(error):
                raise
            if clock() >= deadline:
                # A poll cut at the wait's own timeout, or not sent for it, is the timeout, not a failure
                # of the API: said as a timeout, with the last real failure if there was one.
                raise WaitTimeoutError(
                    _timed_out(execution_id, timeout, last, failure), state=last, timeout=timeout
                ) from None
            failure = error
            asked = error.retry_after if isinstance(error, RateLimitError) else None
            if asked is not None:
                delay = max(interval, asked)
            wait_log.info("a poll failed (%s); polling on until the timeout", _short(error))
        else:
            failure = None
            changed = last is None or state.progress() != last.progress()
            last = state
            if changed:
                told = clock()
                if on_progress is not None:
                    on_progress(state)
            if state.is_finished:
                if not read_calls:
                    return state
                final: ExecutionState = yield from execution_state(execution_id, ctx)
                return final
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeoutError(
                _timed_out(execution_id, timeout, last, failure), state=last, timeout=timeout
            )
        wake = clock() + min(delay, remaining)
        # The sleep is cut where a heartbeat falls due, so that one comes at least every HEARTBEAT s.
        while on_progress is not None and last is not None and told + HEARTBEAT < wake:
            yield float(max(0.0, told + HEARTBEAT - clock()))
            told = clock()
            on_progress(last)
        yield float(max(0.0, wake - clock()))
        interval = min(max_poll_interval, interval * _POLL_GROWTH)


def _passing(error: APIError) -> bool:
    """True for a failed poll that says nothing lasting: no answer, or 408, 429, 5xx. Not the server's
    500 for an execution it does not have (``NotFoundError``)."""
    if isinstance(error, NotFoundError):
        return False
    if isinstance(error, APIConnectionError):
        return True
    return isinstance(error, APIStatusError) and (
        error.status_code in _PASSING_STATUSES or 500 <= error.status_code <= 599
    )


def _short(error: APIError) -> str:
    return excerpt(str(error), 300)


#: The end of a wait's timeout message: what a Python user can do (the command says it in its own terms).
GOES_ON = "It goes on; call executions.cancel() to stop it"


def _timed_out(
    execution_id: uuid.UUID, timeout: float, state: ExecutionState | None, failure: APIError | None
) -> str:
    seen = (
        f"it was {state.status} with {state.finished_calls} of {state.total_calls} calls finished"
        if state is not None
        else "no state could be read"
    )
    failed = f"; the last poll failed: {_short(failure)}" if failure is not None else ""
    return f"execution {execution_id} had not finished after {timeout:g} s: {seen}{failed}. {GOES_ON}"


def complement(run_test_id: uuid.UUID, selection: Selection, ctx: Context) -> Flow[Selection]:
    """``Selection.only`` of the run test's scenarios that ``selection`` (an ``all_except``) leaves in.

    The open-source server's run-test execute runs exactly the ids it is given whatever ``select_all``
    says (API-NOTES.md), so there the client carries out "all except" itself: it reads the run test's
    scenario list and sends the rest. An empty rest is refused before the execute is sent.
    """
    everything = yield from scenario_ids(run_test_id, ctx)
    left_out = set(selection.scenario_ids)
    rest = [scenario for scenario in everything if scenario not in left_out]
    if not rest:
        raise InvalidArgumentError(
            "selection",
            f"Selection.all_except() leaves none of the run test's {len(everything)} scenarios to run; "
            "nothing was started",
        )
    log.info("all_except: this server ignores select_all; sending the %d other scenarios", len(rest))
    return Selection.only(rest)
