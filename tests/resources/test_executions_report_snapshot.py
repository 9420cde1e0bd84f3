"""One snapshot: the results come newest update first, so calls that change move between pages while they are
read; report judges every call exactly once, or raises. A scripted server over real HTTP orders the rows as
the open-source server does (``order_by("-updated_at")``) and changes them between page reads."""

from __future__ import annotations

import copy

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    FutureAGIError,
    IncompleteResultsError,
    SimulateClient,
    TooManyPagesError,
)
from tests.data import EXECUTION
from tests.moving_results import (
    RESULTS_PATH,
    RUN_TEST,
    TONE_CHECK,
    MovingResults,
    passing_row,
)
from tests.server import RecordingServer


@pytest.fixture
def moving(server: RecordingServer) -> MovingResults:
    results = MovingResults(150)
    server.handler = results.answer
    return results


def pages_asked(server: RecordingServer) -> list[int]:
    return [int(r.query["page"][0]) for r in server.requests if r.path == RESULTS_PATH]


def fail_tone_check_of_call_120(results: MovingResults, reads: int) -> None:
    """While page 1 is read, call 120 (on page 2) gets its Tone check and jumps to page 1."""
    if reads == 1:
        row = results.rows[120]
        outputs = copy.deepcopy(row["eval_outputs"])
        outputs[TONE_CHECK]["output"] = "Failed"
        results.update(120, eval_outputs=outputs)


def test_a_call_that_moves_while_page_1_is_read_is_judged_after_a_reread(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """150 calls, one updated while page 1 was read: all 150 are judged, once each, after reading again."""
    moving.between_pages = fail_tone_check_of_call_120
    verdict = client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    judged = [c.call_execution_id for s in verdict.scenarios for c in s.calls]
    assert (verdict.total_calls, len(set(judged))) == (150, 150)
    assert pages_asked(server) == [1, 2, 1, 2]


def test_the_moved_call_that_failed_its_eval_fails_the_verdict(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """Read once, the moved call was lost and 149 calls passed; it is judged, and its failure counts."""
    moving.between_pages = fail_tone_check_of_call_120
    verdict = client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert verdict.passed is False
    assert (
        "eval 'Tone check' passed 149 of 150 calls it judged (99.3%), below the minimum 100%"
        in verdict.reasons
    )


def test_results_keep_moving_on_every_read_raises(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """Calls that move during every read: after five reads, IncompleteResultsError, and no verdict."""
    moving.between_pages = lambda results, reads: results.update(120) if reads % 2 == 1 else None
    with pytest.raises(IncompleteResultsError) as caught:
        client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert isinstance(caught.value, FutureAGIError)
    assert f"the results of execution {EXECUTION} changed while they were read, 5 reads" in str(caught.value)
    assert pages_asked(server) == [1, 2] * 5


def test_a_status_that_changes_between_pages_is_read_again(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """Page 1 said evaluating, page 2 completed: the read starts over; status and calls are one moment's."""
    moving.status = "evaluating"

    def finish(results: MovingResults, reads: int) -> None:
        if reads == 1:
            results.status = "completed"

    moving.between_pages = finish
    verdict = client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert (verdict.status, verdict.passed, verdict.total_calls) == ("completed", True, 150)
    assert pages_asked(server) == [1, 2, 1, 2]


def test_a_call_added_between_pages_is_read_again(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """A count that grows from 150 to 151 between pages starts the read over; the verdict has all 151."""

    def add_a_call(results: MovingResults, reads: int) -> None:
        if reads == 1:
            results.rows.insert(0, passing_row(150))
            results.count = 151

    moving.between_pages = add_a_call
    verdict = client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert verdict.total_calls == 151
    assert pages_asked(server) == [1, 2, 1, 2]


def test_a_page_that_comes_back_empty_before_the_count_is_read_starts_over(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """Page 2 empty while the count says 150: the read starts over rather than judge 100 calls."""

    def lose_then_find_page_2(results: MovingResults, reads: int) -> None:
        results.visible = 100 if reads == 1 else None

    moving.between_pages = lose_then_find_page_2
    verdict = client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert verdict.total_calls == 150
    assert pages_asked(server) == [1, 2, 1, 2]


def test_results_that_do_not_say_how_many_calls_raise(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """Without call_results.count or total_calls a partial read looks complete: refused, not judged."""
    moving.count = None
    with pytest.raises(IncompleteResultsError, match="do not say how many calls it has"):
        client.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])


def test_without_total_pages_the_count_says_how_many_pages_to_read(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """No total_pages: 150 calls at 100 a page are two pages, each read once."""
    moving.total_pages = None
    results = client.executions.results(EXECUTION)
    assert (len(results.calls), pages_asked(server)) == (150, [1, 2])


def test_more_pages_than_one_read_follows_are_refused(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """A total_pages past MAX_PAGES is refused after page 1, not followed."""
    moving.total_pages = 10**6
    with pytest.raises(TooManyPagesError, match="span 1000000 pages"):
        client.executions.results(EXECUTION)
    assert pages_asked(server) == [1]


def test_executions_results_is_the_same_snapshot(
    client: SimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """executions.results reads again as report does: each of the 150 calls once."""
    moving.between_pages = fail_tone_check_of_call_120
    results = client.executions.results(EXECUTION)
    assert len({call.call_execution_id for call in results.calls}) == len(results.calls) == 150


@pytest.mark.anyio
async def test_the_async_report_reads_again_too(
    aclient: AsyncSimulateClient, server: RecordingServer, moving: MovingResults
) -> None:
    """The async client judges the same complete snapshot."""
    moving.between_pages = fail_tone_check_of_call_120
    verdict = await aclient.executions.report(EXECUTION, run_test_id=RUN_TEST["id"])
    assert (verdict.total_calls, verdict.passed) == (150, False)
    assert pages_asked(server) == [1, 2, 1, 2]
