"""``client.executions`` (``Executions``) and ``AsyncExecutions``: an execution after it started, whole.

Each operation's request and answer reading (through the generated package and the one envelope rule
of ``_answers``), its flow (reading every page of an execution, waiting for its end, drawing a verdict
on it), and the sync and async methods, which differ only by ``await``. The flows are plain generators
with no I/O: the waiting one reads time from the clock it is given and asks for sleeps, so a test drives
it with scripted answers and a fake clock.

Imports go one way: this module uses the run tests' module for the run test a verdict judges
(``run_tests.get_exchange``), never the reverse. Loaded on a client's first use of ``executions``
(``_resources``'s ``__getattr__``), so it imports the generated package at the top.
"""

from __future__ import annotations

import functools
import logging
import operator
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs
import httpx

# The public methods annotate the names loaded on first use through the package (as run_tests.py does):
# typing.get_type_hints then loads them when asked, where a name imported only under TYPE_CHECKING is a
# NameError.
import futureagi_simulate
from futureagi_simulate._answers import Whole, about, decode_body, shallow_object, unwrap_object
from futureagi_simulate._api.api.executions import get_simulation_run_results as _results
from futureagi_simulate._api.api.executions import get_test_execution as _get_execution
from futureagi_simulate._api.models.simulation_run_results import SimulationRunResults
from futureagi_simulate._api.models.test_execution_detail import TestExecutionDetail
from futureagi_simulate._config import MAX_TIMEOUT
from futureagi_simulate._cost import ExecutionCost, main_unit
from futureagi_simulate._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    BudgetExceededError,
    IncompleteResultsError,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    TooManyPagesError,
    WaitTimeoutError,
)
from futureagi_simulate._flows import Clock, Context, Exchange, Flow, single
from futureagi_simulate._mirrors import Mirrored, Reading
from futureagi_simulate._models import CallExecution, EvalConfig
from futureagi_simulate._pagination import MAX_PAGES, all_pages
from futureagi_simulate._redaction import excerpt
from futureagi_simulate._status import normalise_status
from futureagi_simulate._thresholds import Thresholds, live_eval_configs
from futureagi_simulate._validate import IdLike, check_uuid, check_uuid_list, is_finite_number
from futureagi_simulate._words import counted

from . import run_tests
from ._base import PAGE_SIZE, AsyncResource, Resource, async_rows, rows

if TYPE_CHECKING:
    # Loaded where used: the command's --dry-run reads the cost history through this module and needs
    # neither the results' models nor the verdict nor the baseline.
    from futureagi_simulate._models import RerunCallsResult
    from futureagi_simulate._results import ExecutionResults, ExecutionState
    from futureagi_simulate._results_pages import ResultsPage
    from futureagi_simulate._verdict import Verdict

__all__ = [
    "GOES_ON",
    "HEARTBEAT",
    "AsyncExecutions",
    "Executions",
    "check_rerun_arguments",
    "check_wait_arguments",
    "execution_progress",
    "execution_results",
    "execution_state",
    "report",
    "rerun_exchange",
    "wait",
]

log = logging.getLogger("futureagi_simulate")
#: Where ``wait`` tells of each failed poll it rides out (INFO), a child of the package's logger: the
#: command shows these lines in its progress, so a CI log says why the wait is taking long.
wait_log = logging.getLogger("futureagi_simulate.wait")

OnProgress = Callable[["futureagi_simulate.ExecutionState"], Any]

# Each wait between polls is half as long again as the one before, up to the maximum (the first and the
# maximum are the arguments of executions.wait: 2 s and 15 s by default).
_POLL_GROWTH = 1.5
#: Seconds after which ``on_progress`` hears the last state again though nothing changed: CI systems show
#: a step that prints nothing for long as hung, and people cancel it.
HEARTBEAT = 60.0
# Statuses a poll may meet while the API blips; the next poll may well be answered.
_PASSING_STATUSES = frozenset({408, 429})


# Reading answers ------------------------------------------------------------------------------------------


def _unknown_execution(response: httpx.Response) -> bool:
    """The open-source server's 500 for an execution id it does not have (``docs/dialects.md``,
    "Unknown ids")."""
    if response.status_code != 500:
        return False
    body, _ = decode_body(response)
    return "No TestExecution matches the given query" in str(body)


# These read an answer the client decoded itself and reads nothing else of (flows.finish decodes the body
# again for an error's text), so the parse may reuse its objects and arrays (consume=True): a call row's
# own object then keeps its unknown keys, with no copy (BENCHMARKS.md, "Execution reads").
def _parse_execution_page(body: object) -> TestExecutionDetail:
    return TestExecutionDetail.from_dict(shallow_object(body), None, True)


# A page of call rows is read whole from its bytes (``Whole``), with or without the extra: its rows carry
# keys the document does not declare, which a mirror refuses, so msgspec (or json.loads) decodes it untyped,
# the bound is counted on the bytes first, and the parse consumes what it reads (each row's own object keeps
# its unknown keys). Any refusal is read again by _parse_execution_page.
def _read_execution_page(body: Any) -> TestExecutionDetail:
    return TestExecutionDetail.from_dict(body, None, True)


def _parse_results_page(body: object) -> SimulationRunResults:
    return SimulationRunResults.from_dict(
        unwrap_object(shallow_object(body), own=("execution_id",)), None, True
    )


# Each first from the answer's bytes (the results through the speed extra's mirrors, ``_mirrors``), with
# the same nesting bound; else (or when they refuse) as above. The results in the open-source
# envelope (``{"status": true, "result": {...}}``); a bare answer is read by the fallback.
parse_execution_page = Reading(_parse_execution_page, Whole(_read_execution_page))
parse_results_page = Reading(
    _parse_results_page, Mirrored(SimulationRunResults, envelope="result", bounded=True)
)


def parse_cancel(body: object) -> None:
    # Cancel's and rerun's endpoints and models load with their first use: a read of an execution (the
    # command's dry run reads call rows for the cost) needs neither (BENCHMARKS.md, start28).
    from futureagi_simulate._api.models.cancel_test_execution_result import CancelTestExecutionResult

    CancelTestExecutionResult.from_dict(shallow_object(body), None, True)


def execution_page_exchange(execution_id: uuid.UUID, page: int) -> Exchange[TestExecutionDetail]:
    kwargs = _get_execution.build_request_kwargs(execution_id, page=page, limit=PAGE_SIZE)
    return Exchange.from_generated(
        "get test execution", kwargs, parse_execution_page, not_found_if=_unknown_execution
    )


def results_page_exchange(execution_id: uuid.UUID, page: int) -> Exchange[ResultsPage]:
    """One page of the results read: its calls' outcomes, built straight from the answer's mirrors with the
    speed extra, else from its parsed model (``_results_pages``); the same page or the same error."""
    kwargs = _results.build_request_kwargs(execution_id=execution_id, page=page, limit=PAGE_SIZE)
    parse = about(execution_id, "execution", _outcome_pages(), _execution_of)
    return Exchange.from_generated("get simulation run results", kwargs, parse)


@functools.cache
def _outcome_pages() -> Reading[ResultsPage]:
    # Loaded on the first results read, with the results' values: a dry run reads no results.
    from futureagi_simulate._results_pages import outcomes_page, page_of

    return Reading(lambda body: page_of(_parse_results_page(body)), outcomes_page)


_execution_of = operator.attrgetter("execution_id")


def _results_of(execution_id: uuid.UUID) -> Callable[[object], SimulationRunResults]:
    return about(execution_id, "execution", parse_results_page, lambda answer: answer.execution_id)


def progress_exchange(execution_id: uuid.UUID, *, deadline: float | None) -> Exchange[SimulationRunResults]:
    """One poll of ``executions.wait``: the results' first page of one row, for the execution's status
    and call counts without its rows. Over by ``deadline`` (the wait's timeout, on the flow's clock)."""
    kwargs = _results.build_request_kwargs(execution_id=execution_id, page=1, limit=1)
    exchange = Exchange.from_generated("get simulation run results", kwargs, _results_of(execution_id))
    exchange.deadline = deadline
    return exchange


def cancel_exchange(execution_id: uuid.UUID) -> Exchange[None]:
    from futureagi_simulate._api.api.executions import cancel_test_execution as _cancel
    from futureagi_simulate._api.models.cancel_test_execution_request import CancelTestExecutionRequest

    kwargs = _cancel.build_request_kwargs(execution_id, body=CancelTestExecutionRequest())
    return Exchange.from_generated(
        "cancel test execution", kwargs, parse_cancel, not_found_if=_unknown_execution
    )


RerunType = Literal["call_and_eval", "eval_only"]
_RERUN_TYPES: tuple[RerunType, ...] = ("call_and_eval", "eval_only")


def check_rerun_arguments(
    call_execution_ids: object, all_calls: object, rerun_type: object
) -> tuple[list[uuid.UUID], bool, RerunType]:
    """The arguments of ``rerun_calls``, checked before anything is sent: the call ids (in order, each
    once), whether every call is rerun, and the rerun type. ``InvalidArgumentError`` names the first
    problem."""
    if rerun_type not in _RERUN_TYPES:
        raise InvalidArgumentError(
            "rerun_type", f"must be 'call_and_eval' or 'eval_only', got {rerun_type!r}"
        )
    if not isinstance(all_calls, bool):
        raise InvalidArgumentError("all_calls", f"must be a bool, got {type(all_calls).__name__}")
    if all_calls:
        if call_execution_ids is not None:
            # The open-source server reads select_all with ids as "every call except these ids": one
            # meaning only, so the two are never sent together.
            raise InvalidArgumentError(
                "call_execution_ids", "must be left out with all_calls=True (which reruns every call)"
            )
        return [], True, rerun_type
    if call_execution_ids is None:
        raise InvalidArgumentError(
            "call_execution_ids", "must name at least one call execution, or pass all_calls=True"
        )
    ids = list(dict.fromkeys(check_uuid_list("call_execution_ids", call_execution_ids)))
    if not ids:
        raise InvalidArgumentError(
            "call_execution_ids",
            "must name at least one call execution (an empty list is refused by the server); "
            "pass all_calls=True for every call",
        )
    return ids, False, rerun_type


def parse_rerun(body: object) -> RerunCallsResult:
    # Through _models, which publishes the answer's public models before any is read.
    from futureagi_simulate._models import RerunCallsResult

    return RerunCallsResult.from_dict(shallow_object(body))


def rerun_exchange(
    execution_id: uuid.UUID, call_execution_ids: list[uuid.UUID], all_calls: bool, rerun_type: RerunType
) -> Exchange[RerunCallsResult]:
    """``POST /simulate/test-executions/{id}/rerun-calls/``: starts paid work, so it is never sent again
    once it may have reached the server (``starts_work``), as an execute."""
    from futureagi_simulate._api.api.executions import rerun_calls as _rerun
    from futureagi_simulate._api.models.rerun_calls_request import RerunCallsRequest

    body = RerunCallsRequest(rerun_type=rerun_type)
    if all_calls:
        body.select_all = True
    else:
        body.call_execution_ids = call_execution_ids
    kwargs = _rerun.build_request_kwargs(execution_id, body=body)
    return Exchange.from_generated("rerun calls", kwargs, parse_rerun, starts_work=True)


# Flows ------------------------------------------------------------------------------------------------


def execution_state(execution_id: uuid.UUID, ctx: Context) -> Flow[ExecutionState]:
    from futureagi_simulate._results import ExecutionState

    last, calls = yield from all_pages(lambda number: execution_page_exchange(execution_id, number), ctx)
    return ExecutionState.from_rows(execution_id, last, calls)


def execution_progress(
    execution_id: uuid.UUID, ctx: Context, *, deadline: float | None = None
) -> Flow[ExecutionState]:
    """The execution's status and call counts from one small request, without its call rows: the
    results' first page of one row, whose ``total_calls``, ``completed_calls`` and ``failed_calls`` are
    the counts the server's workflow keeps as calls end. Chosen over the detail's ``count`` and
    ``status`` (also one row) because those say nothing of how many calls are done. Over by
    ``deadline`` (on ``ctx.clock``) when one is given."""
    answer = yield from single(progress_exchange(execution_id, deadline=deadline), ctx)
    return _state_from_counts(execution_id, answer)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _state_from_counts(execution_id: uuid.UUID, answer: Any) -> ExecutionState:
    from futureagi_simulate._results import ExecutionState

    rows = getattr(answer.call_results, "count", None)
    # The page's count is the rows that exist; total_calls is the workflow's own number, 0 until it
    # has written it (``docs/dialects.md``, "After execute"): the larger of the two.
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
    from futureagi_simulate._results import ExecutionResults

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


def _read_results(execution_id: uuid.UUID, ctx: Context) -> Flow[ExecutionResults | str]:
    """One read of every page: the results, or what made the read inconsistent."""
    from futureagi_simulate._results import results_of

    # Each page comes as its calls' outcomes (results_page_exchange), so no page's models outlive its
    # answer and none pile up for the collector to walk (BENCHMARKS.md, "reads27" and "results28").
    first = yield from single(results_page_exchange(execution_id, 1), ctx)
    count = first.count
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
    calls = first.calls
    pages = first.total_pages
    if pages is None:
        # Page 1 holds a full page unless it is the last: the count tells how many pages follow.
        pages = -(-count // len(calls)) if calls else 1
    if pages > MAX_PAGES:
        raise TooManyPagesError(
            f"the results of execution {execution_id} span {pages} pages, more than the {MAX_PAGES} one "
            "read follows; no verdict was drawn from part of the calls"
        )
    for number in range(2, pages + 1):
        answer = yield from single(results_page_exchange(execution_id, number), ctx)
        if normalise_status(answer.status) != normalise_status(first.status):
            return (
                f"the execution went from {normalise_status(first.status) or 'unknown'} to "
                f"{normalise_status(answer.status) or 'unknown'} between pages 1 and {number}"
            )
        if answer.count != count:
            return f"its call count went from {count} to {answer.count} between pages 1 and {number}"
        if not answer.calls:
            break
        calls.extend(answer.calls)
    unique = len(set(map(_call_id, calls)))
    if unique != len(calls):
        return f"{len(calls) - unique} calls came on two pages while others moved between pages"
    if unique != count:
        return f"the pages held {unique} of its {count} calls"
    return results_of(first, calls)


# Told apart in C: a call's id, a UUID (the parse reads it so), by its 128-bit int, whose hash is computed
# in C where a UUID's is a Python method.
_call_id = operator.attrgetter("call_execution_id.int")


def baseline_results(
    baseline: uuid.UUID,
    ctx: Context,
    *,
    run_test_id: uuid.UUID,
    eval_configs: Iterable[EvalConfig] | None,
    scenario_ids: Iterable[uuid.UUID] | None,
    execution_id: uuid.UUID | None = None,
) -> Flow[ExecutionResults]:
    """The baseline's results once it is known comparable: one of the run test's executions (its list,
    every page), not ``execution_id`` itself, finished, a scenario in common, the same eval configs
    (``baseline_problem``). Raises ``InvalidArgumentError("baseline", reason)`` otherwise."""
    from futureagi_simulate._baseline import baseline_problem

    if baseline == execution_id:
        raise InvalidArgumentError("baseline", f"execution {baseline} cannot be its own baseline")
    _last, listed = yield from all_pages(
        functools.partial(run_tests.executions_page_exchange, run_test_id), ctx, key=lambda row: row.id
    )
    if not any(row.id == baseline for row in listed):
        raise InvalidArgumentError(
            "baseline",
            f"execution {baseline} is not one of run test {run_test_id}'s executions: it does not exist, or "
            "it was started from another run test, whose results cannot be compared",
        )
    results = yield from execution_results(baseline, ctx)
    problem = baseline_problem(results, eval_configs=eval_configs, scenario_ids=scenario_ids)
    if problem is not None:
        raise InvalidArgumentError("baseline", problem)
    return results


def check_baseline(
    baseline: uuid.UUID, ctx: Context, *, run_test_id: uuid.UUID, scenario_ids: Iterable[uuid.UUID] | None
) -> Flow[None]:
    """The run test's eval configs now, then ``baseline_results``: the check before anything runs."""
    run_test = yield from single(run_tests.get_exchange(run_test_id), ctx)
    yield from baseline_results(
        baseline,
        ctx,
        run_test_id=run_test_id,
        eval_configs=live_eval_configs(run_test),
        scenario_ids=scenario_ids,
    )


def report(
    execution_id: uuid.UUID,
    ctx: Context,
    *,
    run_test_id: uuid.UUID,
    thresholds: Thresholds | None,
    expected_scenario_ids: Iterable[uuid.UUID | str] | None,
    baseline: uuid.UUID | None = None,
    baseline_run_test_id: uuid.UUID | None = None,
) -> Flow[Verdict]:
    """The run test's eval configs now, then one complete snapshot of the results, then the baseline's
    (when given, once checked comparable; an execution of ``baseline_run_test_id``, the run test judged
    when None), then ``judge``."""
    from futureagi_simulate._baseline import copy_problem, matched_eval_configs, with_eval_ids
    from futureagi_simulate._verdict import judge

    # Checked before the first request: a flow runs up to its first yield when the driver starts it.
    if thresholds is not None and not isinstance(thresholds, Thresholds):
        raise InvalidArgumentError("thresholds", f"must be a Thresholds, got {type(thresholds).__name__}")
    expected = (
        None
        if expected_scenario_ids is None
        else check_uuid_list("expected_scenario_ids", expected_scenario_ids)
    )
    run_test = yield from single(run_tests.get_exchange(run_test_id), ctx)
    results = yield from execution_results(execution_id, ctx)
    configs = live_eval_configs(run_test)
    then = None
    if baseline is not None:
        source_id = run_test_id if baseline_run_test_id is None else baseline_run_test_id
        source_configs, mapping = configs, None
        if source_id != run_test_id:
            # A copy's baseline is one of its original's executions, whose outputs are filed under the
            # original's eval config ids: matched to the copy's by name and template.
            source = yield from single(run_tests.get_exchange(source_id), ctx)
            problem = copy_problem(run_test, source)
            if problem is not None:
                raise InvalidArgumentError("baseline_run_test_id", problem)
            source_configs = live_eval_configs(source)
            matched = matched_eval_configs(source_configs, configs)
            if isinstance(matched, str):
                raise InvalidArgumentError("baseline", matched)
            mapping = matched
        base = yield from baseline_results(
            baseline,
            ctx,
            run_test_id=source_id,
            eval_configs=source_configs,
            scenario_ids=[call.scenario_id for call in results.calls if call.scenario_id is not None],
            execution_id=execution_id,
        )
        if mapping is not None:
            base = with_eval_ids(base, mapping)
        # The baseline judged as this execution is: the same thresholds, the run test's configs now.
        then = judge(base, eval_configs=configs, thresholds=thresholds)
    return judge(
        results,
        eval_configs=configs,
        thresholds=thresholds,
        expected_scenario_ids=expected,
        baseline=then,
    )


def execution_cost(execution_id: uuid.UUID, ctx: Context) -> Flow[ExecutionCost]:
    """Every call row of the execution, then what they cost: the cost is on the call rows
    (``cost_cents``), not on the results."""
    last, calls = yield from all_pages(lambda number: execution_page_exchange(execution_id, number), ctx)
    return _cost_of(last, calls)


def _state_and_cost(execution_id: uuid.UUID, ctx: Context) -> Flow[tuple[ExecutionState, ExecutionCost]]:
    """Every call row read once, the state and what the calls cost."""
    from futureagi_simulate._results import ExecutionState

    last, calls = yield from all_pages(lambda number: execution_page_exchange(execution_id, number), ctx)
    return ExecutionState.from_rows(execution_id, last, calls), _cost_of(last, calls)


def _cost_of(last: TestExecutionDetail, calls: list[CallExecution]) -> ExecutionCost:
    """What the call rows cost; rows the answer counts but no page held count as calls of unknown cost
    (never a smaller total). No ``ExecutionState``: the command's --dry-run reads only the cost."""
    cost = ExecutionCost.of_rows(calls)
    counted = last.count if isinstance(last.count, int) and not isinstance(last.count, bool) else 0
    unread = counted - len(calls)
    if unread <= 0:
        return cost
    return attrs.evolve(
        cost,
        total_cents=None,
        ended_calls=cost.ended_calls + unread,
        unknown_calls=cost.unknown_calls + unread,
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
    max_cost: float | None = None,
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
            if max_cost is not None:
                # The one-row poll carries no cost: every call row is read (execution_state).
                state = yield from _within_budget(execution_id, ctx, max_cost)
            if state.is_finished:
                if not read_calls and max_cost is None:
                    return state
                if max_cost is not None:
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


def _within_budget(execution_id: uuid.UUID, ctx: Context, max_cost: float) -> Flow[ExecutionState]:
    """Every call row, and what they cost: past ``max_cost`` (main unit), or with a call that ended
    without a cost, the execution is cancelled (unless it finished) and ``BudgetExceededError`` raised."""
    state, cost = yield from _state_and_cost(execution_id, ctx)
    if not state.is_finished:
        # While calls run, a row may move between pages as it is read: only a finished execution's
        # unread rows are a cost that can no longer be known.
        cost = ExecutionCost.of_rows(state.calls)
    cap = round(max_cost * 100, 6)
    if cost.known_cents > cap:
        why = f"its calls cost {main_unit(cost.known_cents)}, more than max_cost {max_cost:.2f}"
    elif cost.unknown_calls:
        why = (
            f"{counted(cost.unknown_calls, 'call')} ended without cost_cents (or were not read), so max_cost "
            f"{max_cost:.2f} can no longer be watched"
        )
    else:
        return state
    cancelled, how = True, "it was cancelled"
    if state.is_finished:
        cancelled, how = False, "it had already finished"
    else:
        try:
            yield from single(cancel_exchange(execution_id), ctx)
        except APIError as error:
            cancelled, how = False, f"cancelling it failed ({_short(error)}); it may still be running"
    raise BudgetExceededError(
        f"execution {execution_id}: {why}; {how}",
        state=state,
        cost=cost,
        max_cost=max_cost,
        cancelled=cancelled,
    )


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


def _wait_flow(
    ctx: Context,
    execution_id: IdLike,
    timeout: float,
    poll_interval: float,
    max_poll_interval: float,
    on_progress: OnProgress | None,
    read_calls: bool,
    max_cost: float | None = None,
) -> Flow[ExecutionState]:
    execution = check_uuid("execution_id", execution_id)
    check_wait_arguments(timeout, poll_interval, max_poll_interval)
    if max_cost is not None and (
        isinstance(max_cost, bool)
        or not isinstance(max_cost, (int, float))
        or not is_finite_number(max_cost)
        or max_cost <= 0
    ):
        raise InvalidArgumentError(
            "max_cost", f"must be an amount > 0 in the currency's main unit (2.50), got {max_cost!r}"
        )
    if on_progress is not None and not callable(on_progress):
        raise InvalidArgumentError("on_progress", f"must be callable, got {type(on_progress).__name__}")
    if not isinstance(read_calls, bool):
        raise InvalidArgumentError("read_calls", f"must be True or False, got {type(read_calls).__name__}")
    return wait(
        execution,
        ctx,
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max(max_poll_interval, poll_interval),
        on_progress=on_progress,
        clock=ctx.clock,
        read_calls=read_calls,
        max_cost=None if max_cost is None else float(max_cost),
    )


def check_rerun_failed_arguments(verdict: object, rounds: object, flaky: object, timeout: object) -> None:
    """``rerun_failed``'s arguments, before anything is sent."""
    from futureagi_simulate._verdict import FLAKY_POLICIES, Verdict

    if not isinstance(verdict, Verdict):
        raise InvalidArgumentError("verdict", f"must be the Verdict of report, got {type(verdict).__name__}")
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 0:
        raise InvalidArgumentError("rounds", f"must be an int >= 0, got {rounds!r}")
    if flaky not in FLAKY_POLICIES:
        raise InvalidArgumentError("flaky", f"must be 'fail' or 'pass', got {flaky!r}")
    check_wait_arguments(timeout, 1.0, 1.0)


def judged_like(
    verdict: Verdict,
    thresholds: Thresholds | None,
    expected_scenario_ids: Iterable[IdLike] | None,
    baseline: IdLike | None,
) -> tuple[Thresholds, list[uuid.UUID], uuid.UUID | None]:
    """The thresholds, expected scenario ids and baseline ``verdict`` was judged with, which every rerun
    round is judged with too: a round judged on fewer rules could pass a failing gate. An argument given
    is checked to be the same, else ``InvalidArgumentError`` naming it, before anything is sent."""
    judged_baseline = None if verdict.baseline is None else verdict.baseline.baseline_execution_id
    if thresholds is not None and thresholds != verdict.thresholds:
        raise InvalidArgumentError(
            "thresholds", "must be the thresholds the verdict was judged with (or None, to reuse them)"
        )
    if expected_scenario_ids is not None and set(
        check_uuid_list("expected_scenario_ids", expected_scenario_ids)
    ) != set(verdict.expected_scenario_ids):
        raise InvalidArgumentError(
            "expected_scenario_ids",
            "must be the scenario ids the verdict was judged to expect (or None, to reuse them)",
        )
    if baseline is not None and check_uuid("baseline", baseline) != judged_baseline:
        raise InvalidArgumentError(
            "baseline", "must be the baseline the verdict was judged against (or None, to reuse it)"
        )
    return verdict.thresholds, list(verdict.expected_scenario_ids), judged_baseline


def _rerun_left(execution_id: uuid.UUID, deadline: float, clock: Clock, timeout: float) -> float:
    left = deadline - clock()
    if left <= 0:
        raise WaitTimeoutError(
            f"execution {execution_id}: the reruns of its failures had not ended after {timeout:g} s. "
            f"{GOES_ON}",
            state=None,
            timeout=timeout,
        )
    return left


# The classes ------------------------------------------------------------------------------------------


class Executions(Resource):
    """Executions after they started: state, calls, results, cancel, wait, a verdict, and reruns of
    calls."""

    __slots__ = ()

    def get(self, execution_id: IdLike) -> futureagi_simulate.ExecutionState:
        """The execution's status (lower case), call counts and every call row
        (``GET /simulate/test-executions/{id}/``, every page of 100 rows).

        It reads every page: to follow an execution, ``wait`` costs one small request a poll. An unknown
        id is ``NotFoundError``, also where the open-source server answers it with a 500.
        """
        flow = execution_state(check_uuid("execution_id", execution_id), self._ctx)
        return self._run(flow)

    def calls(self, execution_id: IdLike) -> Iterator[CallExecution]:
        """Every call row of the execution, a page of 100 at a time."""
        execution = check_uuid("execution_id", execution_id)
        return rows(self._run, self._ctx, functools.partial(execution_page_exchange, execution))

    def cancel(self, execution_id: IdLike) -> None:
        """Asks the execution to stop (``POST /simulate/test-executions/{id}/cancel/``): it goes
        ``cancelling``, then ``cancelled``, its pending and ongoing calls ``cancelled``. Safe to repeat on
        a running or cancelled execution.

        Not on a finished one: the server says yes (200) and changes it. Seen on the open-source server
        (``docs/dialects.md``, "Cancel and the two executors"): its older executor turns a ``completed``
        execution ``cancelled`` (the calls keep their status), and its Temporal executor leaves it
        ``cancelling``, which no workflow ends. Either way the run no longer reads as it finished.
        Check ``get(...).is_finished`` (or the state ``wait`` returned) first; the command never
        cancels an execution it saw finished. Unknown id: ``NotFoundError``.
        """
        exchange = cancel_exchange(check_uuid("execution_id", execution_id))
        self._run(single(exchange, self._ctx))

    def rerun_calls(
        self,
        execution_id: IdLike,
        *,
        call_execution_ids: Iterable[IdLike] | None = None,
        all_calls: bool = False,
        rerun_type: RerunType = "call_and_eval",
    ) -> futureagi_simulate.RerunCallsResult:
        """Reruns calls of a finished execution in place
        (``POST /simulate/test-executions/{id}/rerun-calls/``); returns the server's answer.

        Name the calls with ``call_execution_ids`` (the ``id`` of the call rows of ``get`` or ``calls``;
        order kept, each sent once) or pass ``all_calls=True``, never both. ``rerun_type``:
        ``"call_and_eval"`` places each call again and judges it again (paid, like an execute);
        ``"eval_only"`` judges the calls' existing transcripts again. The server first keeps what each
        call had (status, eval outputs, ``cost_cents``) as a snapshot, listed newest first in the call
        row's ``rerun_snapshots`` for ``call_and_eval``; the execution goes back to ``running`` (or
        ``evaluating``) and ends as an execute does: ``wait`` for it again. A text agent's execution
        takes ``eval_only`` only (400), and the open-source server refuses a ``pending`` or
        ``cancelling`` execution (400); ``docs/dialects.md``, "Reruns".

        The answer's ``successful_reruns`` lists the calls being rerun. A 200 can rerun nothing: ids that
        are not calls of the execution are dropped (or listed in ``failed_reruns``), and when the
        open-source server could not reach its workflow engine every call is in ``failed_reruns`` and
        ``dispatch_error`` says why (nothing was started). Never sent again once it may have reached the
        server: a failure then has ``may_have_started=True`` and says how to check. Bad arguments raise
        ``InvalidArgumentError`` before anything is sent; an unknown execution is ``NotFoundError``.
        """
        ids, every, kind = check_rerun_arguments(call_execution_ids, all_calls, rerun_type)
        exchange = rerun_exchange(check_uuid("execution_id", execution_id), ids, every, kind)
        return self._run(single(exchange, self._ctx))

    def wait(
        self,
        execution_id: IdLike,
        *,
        timeout: float,
        poll_interval: float = 2.0,
        max_poll_interval: float = 15.0,
        on_progress: OnProgress | None = None,
        read_calls: bool = True,
        max_cost: float | None = None,
    ) -> futureagi_simulate.ExecutionState:
        """Polls until the execution is ``completed``, ``failed`` or ``cancelled``; returns that state.

        Each poll is one small request, the results' first page of one row
        (``GET /sdk/api/v1/simulation/runs/?execution_id=…&page=1&limit=1``): status and the server's call
        counts, not the call rows. Once the execution is finished, its call rows are read once, as
        ``get`` reads them, and the state returned has them; with ``read_calls=False`` the last poll's
        state is returned instead (``calls`` empty), for a caller that reads the results next
        (``report``).

        ``timeout`` (seconds, finite) bounds the whole wait, each poll included: a poll is cut off when
        the timeout passes, whatever the client's own timeout. Past it, ``WaitTimeoutError`` carries the
        last state read, and the execution goes on (``wait`` never cancels). A poll that meets a
        connection error, a 408, a 429 or a 5xx does not end the wait: it polls on until the timeout,
        however many failures that takes (``max_retries`` does not apply). A 401, 403 or 404 (or the
        open-source server's 500 for an unknown execution) ends it at once with that error.

        Polls are ``poll_interval`` seconds apart at first, then half as long again each time up to
        ``max_poll_interval``, and never sooner than a 429 asks. ``on_progress(state)`` is called with
        the first state, each that changed something, and the last one again after a minute without
        one (a heartbeat for CI logs). Its states come from the polls: counts and status, no rows.

        ``max_cost`` (the currency's main unit: 2.50 is 250 ``cost_cents``) caps what the calls may
        cost: after each poll every call row is read (the cost is on them), and once the ended calls cost
        more than the cap, or one ended without a cost (the cap could no longer guard anything), the
        execution is cancelled and ``BudgetExceededError`` raised (with the state, the ``ExecutionCost``
        and whether the cancel went through). The returned state then has every call row.
        """
        flow = _wait_flow(
            self._ctx,
            execution_id,
            timeout,
            poll_interval,
            max_poll_interval,
            on_progress,
            read_calls,
            max_cost,
        )
        return self._run(flow)

    def cost(self, execution_id: IdLike) -> ExecutionCost:
        """What the execution's calls cost, total and per scenario, in cents of the account's currency:
        the call rows' ``cost_cents`` (``GET /simulate/test-executions/{id}/``, every page) plus what each
        rerun snapshotted. ``total_cents`` is None ("unknown") when a call that ended carries no cost,
        as the recorded open-source server sends it (``docs/dialects.md``), or when the pages held fewer
        rows than the answer's ``count`` (each unread row counted as a call of unknown cost)."""
        return self._run(execution_cost(check_uuid("execution_id", execution_id), self._ctx))

    def results(self, execution_id: IdLike) -> futureagi_simulate.ExecutionResults:
        """Per call: its scenario, status and eval outcomes (``GET /sdk/api/v1/simulation/runs/``).

        One complete snapshot: every call exactly once, read again when calls moved between pages while
        they were read; ``IncompleteResultsError`` when they kept moving (see ``executions.report``).
        """
        flow = execution_results(check_uuid("execution_id", execution_id), self._ctx)
        return self._run(flow)

    def report(
        self,
        execution_id: IdLike,
        *,
        run_test_id: IdLike,
        thresholds: Thresholds | None = None,
        expected_scenario_ids: Iterable[IdLike] | None = None,
        baseline: IdLike | None = None,
        baseline_run_test_id: IdLike | None = None,
    ) -> futureagi_simulate.Verdict:
        """The verdict on the execution's results under ``thresholds`` (see ``Thresholds``, ``Verdict``).

        ``run_test_id`` is the execution's run test (``Execution.run_test_id``): its eval configs as they
        are now (``GET /simulate/run-tests/{run_test_id}/``) are the evals judged, matched to the calls'
        outputs by id, so outputs of deleted configs do not count. Then every call is read exactly once
        (``executions.results``). "Completed" is not "passed": the verdict passes only when the execution
        completed, every id in ``expected_scenario_ids`` (for example ``Execution.scenario_ids``) has a
        call, at most ``max_failed_calls`` calls failed, every eval config judged the completed calls (at
        most ``max_unjudged_calls`` left unjudged each), and every pass/fail eval's pass rate, counted as
        the server's eval summary counts it, reaches its minimum. An execution not yet finished never
        passes. Raises ``IncompleteResultsError`` when no complete snapshot could be read, and
        ``NotFoundError`` for an unknown run test or execution.

        ``baseline`` is another execution of the same run test to compare with (``Verdict.baseline``, a
        ``BaselineComparison``): judged under the same thresholds and the run test's eval configs now,
        a scenario it passed that fails now, or an eval whose pass rate or average score dropped by more
        than ``thresholds.max_regression``, fails the verdict; the absolute thresholds still apply. A
        baseline that cannot be compared (not one of the run test's executions, not finished, no scenario
        in common, another set of eval configs) raises ``InvalidArgumentError`` naming ``baseline`` and
        the reason: never a silent pass. Check it before executing with ``check_baseline``.

        ``baseline_run_test_id`` (default: ``run_test_id``) is the run test ``baseline`` belongs to: the
        run test a copy was made from (``run_tests.clone``, whose description names it) when judging the
        copy. The original's eval configs are then matched to the copy's by name and template (a copy's
        are recreated with new ids); another run test, or configs that do not match one to one, raise
        ``InvalidArgumentError`` with the reason.
        """
        flow = report(
            check_uuid("execution_id", execution_id),
            self._ctx,
            run_test_id=check_uuid("run_test_id", run_test_id),
            thresholds=thresholds,
            expected_scenario_ids=expected_scenario_ids,
            baseline=None if baseline is None else check_uuid("baseline", baseline),
            baseline_run_test_id=(
                None
                if baseline_run_test_id is None
                else check_uuid("baseline_run_test_id", baseline_run_test_id)
            ),
        )
        return self._run(flow)

    def rerun_failed(
        self,
        verdict: futureagi_simulate.Verdict,
        *,
        run_test_id: IdLike,
        rounds: int,
        timeout: float,
        flaky: str = "fail",
        thresholds: Thresholds | None = None,
        expected_scenario_ids: Iterable[IdLike] | None = None,
        baseline: IdLike | None = None,
        baseline_run_test_id: IdLike | None = None,
        poll_interval: float = 2.0,
    ) -> futureagi_simulate.Verdict:
        """Reruns the failures of ``verdict`` (a ``report`` of a finished execution) and judges again, up
        to ``rounds`` rounds: each round reruns the calls ``rerun_call_ids`` names through
        ``rerun_calls`` (sent once, never again), waits for the end and ``report``s again with the same
        arguments, until nothing failed or the server reruns nothing. Returns ``judge_rounds`` of the
        rounds: a scenario that failed and then passed is flaky (``ScenarioVerdict.flaky``, its first
        reasons and calls kept), and ``flaky="fail"`` (default) fails the verdict on one. ``timeout``
        (seconds) bounds every round's wait together: past it, ``WaitTimeoutError`` (the execution goes
        on). Errors of ``rerun_calls``, ``wait`` and ``report`` are raised as they are.

        Every round is judged with what ``verdict`` was judged with: its ``thresholds``,
        ``expected_scenario_ids`` and baseline (``verdict.baseline``), so a rerun never passes a gate on
        rules it dropped. ``thresholds``, ``expected_scenario_ids`` and ``baseline`` may be left None;
        given, each must be the same as the verdict's, else ``InvalidArgumentError`` naming it before
        anything is sent.
        """
        from futureagi_simulate._verdict import judge_rounds, rerun_call_ids

        check_rerun_failed_arguments(verdict, rounds, flaky, timeout)
        thresholds, expected, baseline_id = judged_like(verdict, thresholds, expected_scenario_ids, baseline)
        clock = self._ctx.clock
        deadline = clock() + timeout
        judged = [verdict]
        execution_id = verdict.execution_id
        for _ in range(rounds):
            ids = rerun_call_ids(judged[-1]) if judged[-1].status == "completed" else []
            if not ids:
                break
            answer = self.rerun_calls(execution_id, call_execution_ids=ids)
            if not answer.successful_reruns:
                break
            left = _rerun_left(execution_id, deadline, clock, timeout)
            self.wait(execution_id, timeout=left, poll_interval=poll_interval, read_calls=False)
            judged.append(
                self.report(
                    execution_id,
                    run_test_id=run_test_id,
                    thresholds=thresholds,
                    expected_scenario_ids=expected,
                    baseline=baseline_id,
                    baseline_run_test_id=baseline_run_test_id,
                )
            )
        return judge_rounds(judged, flaky=flaky)

    def check_baseline(
        self, baseline: IdLike, *, run_test_id: IdLike, scenario_ids: Iterable[IdLike] | None = None
    ) -> None:
        """Raises ``InvalidArgumentError("baseline", reason)`` when execution ``baseline`` cannot be a
        baseline for an execution of ``run_test_id`` running ``scenario_ids`` (None: any): not one of the
        run test's executions, not finished, no call, no scenario in common, or judged by another set of
        eval configs than the run test has now. Reads the run test, its executions and the baseline's
        results; sends nothing that starts work, so call it before ``run_tests.execute``."""
        flow = check_baseline(
            check_uuid("baseline", baseline),
            self._ctx,
            run_test_id=check_uuid("run_test_id", run_test_id),
            scenario_ids=None if scenario_ids is None else check_uuid_list("scenario_ids", scenario_ids),
        )
        self._run(flow)


class AsyncExecutions(AsyncResource):
    """Executions after they started (asyncio): the same methods as ``Executions``, to ``await``."""

    __slots__ = ()

    async def get(self, execution_id: IdLike) -> futureagi_simulate.ExecutionState:
        """The execution's status (lower case), call counts and every call row."""
        flow = execution_state(check_uuid("execution_id", execution_id), self._ctx)
        return await self._run(flow)

    def calls(self, execution_id: IdLike) -> AsyncIterator[CallExecution]:
        """Every call row of the execution, for ``async for``."""
        execution = check_uuid("execution_id", execution_id)
        return async_rows(self._run, self._ctx, functools.partial(execution_page_exchange, execution))

    async def cost(self, execution_id: IdLike) -> ExecutionCost:
        """What the execution's calls cost, total and per scenario; see ``Executions.cost``."""
        return await self._run(execution_cost(check_uuid("execution_id", execution_id), self._ctx))

    async def results(self, execution_id: IdLike) -> futureagi_simulate.ExecutionResults:
        """Per call: its scenario, status and eval outcomes, one complete snapshot; see
        ``Executions.results``."""
        flow = execution_results(check_uuid("execution_id", execution_id), self._ctx)
        return await self._run(flow)

    async def cancel(self, execution_id: IdLike) -> None:
        """Asks the execution to stop; see ``Executions.cancel``: never cancel one seen finished, the
        server would change it (``cancelled``, or ``cancelling`` for good)."""
        exchange = cancel_exchange(check_uuid("execution_id", execution_id))
        await self._run(single(exchange, self._ctx))

    async def rerun_calls(
        self,
        execution_id: IdLike,
        *,
        call_execution_ids: Iterable[IdLike] | None = None,
        all_calls: bool = False,
        rerun_type: RerunType = "call_and_eval",
    ) -> futureagi_simulate.RerunCallsResult:
        """Reruns calls of a finished execution in place; never sent again once it may have reached the
        server. See ``Executions.rerun_calls``."""
        ids, every, kind = check_rerun_arguments(call_execution_ids, all_calls, rerun_type)
        exchange = rerun_exchange(check_uuid("execution_id", execution_id), ids, every, kind)
        return await self._run(single(exchange, self._ctx))

    async def wait(
        self,
        execution_id: IdLike,
        *,
        timeout: float,
        poll_interval: float = 2.0,
        max_poll_interval: float = 15.0,
        on_progress: OnProgress | None = None,
        read_calls: bool = True,
        max_cost: float | None = None,
    ) -> futureagi_simulate.ExecutionState:
        """Polls until the execution is finished, riding out connection errors, 408, 429 and 5xx until
        ``timeout``; see ``Executions.wait``."""
        flow = _wait_flow(
            self._ctx,
            execution_id,
            timeout,
            poll_interval,
            max_poll_interval,
            on_progress,
            read_calls,
            max_cost,
        )
        return await self._run(flow)

    async def report(
        self,
        execution_id: IdLike,
        *,
        run_test_id: IdLike,
        thresholds: Thresholds | None = None,
        expected_scenario_ids: Iterable[IdLike] | None = None,
        baseline: IdLike | None = None,
        baseline_run_test_id: IdLike | None = None,
    ) -> futureagi_simulate.Verdict:
        """The verdict on the execution's results, against ``baseline`` when given; see
        ``Executions.report``."""
        flow = report(
            check_uuid("execution_id", execution_id),
            self._ctx,
            run_test_id=check_uuid("run_test_id", run_test_id),
            thresholds=thresholds,
            expected_scenario_ids=expected_scenario_ids,
            baseline=None if baseline is None else check_uuid("baseline", baseline),
            baseline_run_test_id=(
                None
                if baseline_run_test_id is None
                else check_uuid("baseline_run_test_id", baseline_run_test_id)
            ),
        )
        return await self._run(flow)

    async def rerun_failed(
        self,
        verdict: futureagi_simulate.Verdict,
        *,
        run_test_id: IdLike,
        rounds: int,
        timeout: float,
        flaky: str = "fail",
        thresholds: Thresholds | None = None,
        expected_scenario_ids: Iterable[IdLike] | None = None,
        baseline: IdLike | None = None,
        baseline_run_test_id: IdLike | None = None,
        poll_interval: float = 2.0,
    ) -> futureagi_simulate.Verdict:
        """Reruns the failures of ``verdict`` and judges again; see ``Executions.rerun_failed``."""
        from futureagi_simulate._verdict import judge_rounds, rerun_call_ids

        check_rerun_failed_arguments(verdict, rounds, flaky, timeout)
        thresholds, expected, baseline_id = judged_like(verdict, thresholds, expected_scenario_ids, baseline)
        clock = self._ctx.clock
        deadline = clock() + timeout
        judged = [verdict]
        execution_id = verdict.execution_id
        for _ in range(rounds):
            ids = rerun_call_ids(judged[-1]) if judged[-1].status == "completed" else []
            if not ids:
                break
            answer = await self.rerun_calls(execution_id, call_execution_ids=ids)
            if not answer.successful_reruns:
                break
            left = _rerun_left(execution_id, deadline, clock, timeout)
            await self.wait(execution_id, timeout=left, poll_interval=poll_interval, read_calls=False)
            judged.append(
                await self.report(
                    execution_id,
                    run_test_id=run_test_id,
                    thresholds=thresholds,
                    expected_scenario_ids=expected,
                    baseline=baseline_id,
                    baseline_run_test_id=baseline_run_test_id,
                )
            )
        return judge_rounds(judged, flaky=flaky)

    async def check_baseline(
        self, baseline: IdLike, *, run_test_id: IdLike, scenario_ids: Iterable[IdLike] | None = None
    ) -> None:
        """Raises ``InvalidArgumentError("baseline", reason)`` when ``baseline`` cannot be compared; see
        ``Executions.check_baseline``."""
        flow = check_baseline(
            check_uuid("baseline", baseline),
            self._ctx,
            run_test_id=check_uuid("run_test_id", run_test_id),
            scenario_ids=None if scenario_ids is None else check_uuid_list("scenario_ids", scenario_ids),
        )
        await self._run(flow)
