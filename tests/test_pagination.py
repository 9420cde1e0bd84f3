"""Paging: the end-of-pages rules, each signal pinned alone, and the bounds on servers that never end."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from futureagi_simulate import SimulateClient, TooManyPagesError
from futureagi_simulate._api.models import RunTest, RunTestPage
from futureagi_simulate._api.types import UNSET
from futureagi_simulate._flows import Exchange
from futureagi_simulate._pagination import MAX_PAGES, all_pages, next_page_number
from futureagi_simulate._resources.executions import execution_state
from futureagi_simulate._resources.run_tests import scenarios_page_exchange
from tests import scripted
from tests.data import EXECUTION, RUN, S1, call_row, page, run_test
from tests.scripted import CTX
from tests.server import RecordingServer, Reply


def _page(*, results: int, next_: str | None, current: int, total: int, count: int) -> RunTestPage:
    runs = [RunTest(id=uuid.uuid4(), name=f"run {i}") for i in range(results)]
    return RunTestPage(count=count, results=runs, next_=next_, current_page=current, total_pages=total)


NEXT = "http://127.0.0.1/simulate/run-tests/?page=2"


def test_a_page_with_every_sign_of_more_asks_for_the_next_number() -> None:
    """The control for the three tests below: next set, pages left, runs left."""
    assert next_page_number(_page(results=2, next_=NEXT, current=1, total=3, count=6), 1, 2) == 2


def test_a_null_next_alone_ends_the_pages() -> None:
    """next is null while current_page and count both say there is more: the loop stops."""
    assert next_page_number(_page(results=2, next_=None, current=1, total=3, count=6), 1, 2) is None


def test_the_last_page_number_alone_ends_the_pages() -> None:
    """current_page == total_pages while next is set and count says there is more: the loop stops."""
    assert next_page_number(_page(results=2, next_=NEXT, current=3, total=3, count=60), 3, 2) is None


def test_having_seen_count_runs_alone_ends_the_pages() -> None:
    """seen == count while next is set and pages remain: the loop stops."""
    assert next_page_number(_page(results=2, next_=NEXT, current=1, total=3, count=2), 1, 2) is None


def test_an_empty_page_alone_ends_the_pages() -> None:
    """No results while every other field says there is more: the loop stops."""
    assert next_page_number(_page(results=0, next_=NEXT, current=1, total=3, count=6), 1, 0) is None


def test_a_server_without_page_numbers_is_paged_by_next_and_count() -> None:
    """The documented server sends no current_page or total_pages: next and count still drive the loop."""
    page = _page(results=2, next_=NEXT, current=1, total=3, count=6)
    page.current_page, page.total_pages = UNSET, UNSET
    assert next_page_number(page, 1, 2) == 2


def answer(
    exchange: Exchange[Any], status: int, body: object, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(
        status, json=body, headers=headers, request=httpx.Request(exchange.method, "http://t" + exchange.path)
    )


def test_pages_of_new_rows_without_a_count_end_in_an_error() -> None:
    """A server that answers every page with a new row and no count is refused at MAX_PAGES, not followed."""
    requests: list[Exchange[Any]] = []

    def endless() -> None:
        flow = execution_state(uuid.UUID(EXECUTION), CTX)
        step = next(flow)
        while True:
            assert isinstance(step, Exchange)
            requests.append(step)
            step = flow.send(answer(step, 200, {"status": "running", "results": [call_row(S1, "ongoing")]}))

    with pytest.raises(TooManyPagesError):
        endless()
    assert len(requests) == MAX_PAGES


def test_a_count_of_400_digits_is_no_overflow(client: SimulateClient, server: RecordingServer) -> None:
    """The page limit is integer arithmetic: a 400-digit count reads one page and ends."""
    body = '{"count": 1' + "0" * 400 + ', "status": "completed", "next": null, "results": []}'
    server.reply(Reply(200, body))
    assert client.executions.get(EXECUTION).status == "completed"


def _paged(server: RecordingServer, pages: Iterator[dict[str, Any]]) -> None:
    server.handler = lambda request: Reply(200, next(pages))


def test_iter_ends_on_a_server_that_repeats_a_page(client: SimulateClient, server: RecordingServer) -> None:
    """A server answering page 1 to every page number: iter yields its run tests once and ends."""
    runs = [run_test(str(os.urandom(16).hex()[:8]) + RUN[8:], f"r{i}") for i in range(2)]
    same = page(runs, number=1, limit=2, count=10, base=server.url)
    server.handler = lambda request: Reply(200, same)
    listed = list(client.run_tests.iter(page_size=2))
    assert [r.name for r in listed] == ["r0", "r1"]
    assert len(server.requests) == 2


def test_iter_ends_on_a_count_that_keeps_growing(client: SimulateClient, server: RecordingServer) -> None:
    """New run tests and a larger count on every page: iter stops after count/size + 1 pages."""

    def endless() -> Iterator[dict[str, Any]]:
        for number in range(1, 10_000):
            runs = [run_test(f"{number:08x}-{i:04x}" + RUN[13:], f"p{number}-{i}") for i in range(2)]
            yield page(runs, number=number, limit=2, count=4 + 10 * number, base=server.url)

    _paged(server, endless())
    listed = list(client.run_tests.iter(page_size=2))
    assert len(server.requests) == 8  # ceil(14 / 2) + 1
    assert len({r.id for r in listed}) == len(listed) == 16


def test_iter_never_yields_a_run_test_twice_when_one_is_created_meanwhile(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A run test created between pages shifts the list: iter yields every run test, each once."""
    ids = [f"{i:08x}" + RUN[8:] for i in range(5)]
    before = [run_test(i, f"old{n}") for n, i in enumerate(ids)]
    created = run_test("ffffffff" + RUN[8:], "new")
    after = [created, *before]
    server.reply(
        Reply(200, page(before[0:2], number=1, limit=2, count=5, base=server.url)),
        Reply(200, page(after[2:4], number=2, limit=2, count=6, base=server.url)),
        Reply(200, page(after[4:6], number=3, limit=2, count=6, base=server.url)),
    )
    listed = [r.name for r in client.run_tests.iter(page_size=2)]
    assert listed == ["old0", "old1", "old2", "old3", "old4"]


# all_pages driven as a flow with scripted pages: no socket ------------------------------------------------


def _scenarios(*ids: str, number: int, count: int, pages: int) -> dict[str, Any]:
    return {
        "count": count,
        "next": None if number >= pages else f"http://api.test/next?page={number + 1}",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [{"id": i, "name": f"Scenario {i[:4]}", "row_count": 1} for i in ids],
    }


def _walk(pages: Callable[[int], dict[str, Any]]) -> scripted.Driven:
    """Every scenario page of a run test, each request answered with ``pages(number)``."""
    flow = all_pages(lambda number: scenarios_page_exchange(uuid.UUID(RUN), number), CTX)
    return scripted.run(
        flow,
        lambda request: httpx.Response(200, json=pages(int(request.url.params["page"])), request=request),
    )


def _ids(driven: scripted.Driven) -> list[str]:
    assert isinstance(driven.result, tuple), driven.result
    rows: list[Any] = driven.result[1]
    return [str(row.id) for row in rows]


IDS = [str(uuid.UUID(int=n)) for n in range(1, 9)]


def test_a_scripted_walk_asks_for_each_page_by_number_until_the_last() -> None:
    """Three pages of two: pages 1, 2 and 3 are asked for, and every row is given in order."""
    driven = _walk(lambda n: _scenarios(*IDS[2 * (n - 1) : 2 * n], number=n, count=6, pages=3))
    assert [r.url.params["page"] for r in driven.requests] == ["1", "2", "3"]
    assert _ids(driven) == IDS[:6]


def test_a_scripted_walk_ends_on_a_server_that_repeats_a_page() -> None:
    """Page 1 given for every number: the second answer brings nothing new, so the walk ends."""
    driven = _walk(lambda n: _scenarios(*IDS[:2], number=1, count=6, pages=3))
    assert len(driven.requests) == 2
    assert _ids(driven) == IDS[:2]


def test_a_scripted_walk_stops_after_the_pages_the_first_count_needs_plus_one() -> None:
    """A count that grows on every page: 4 rows in pages of 2 need 2 pages, so the walk stops after 3."""
    driven = _walk(lambda n: _scenarios(*IDS[2 * (n - 1) : 2 * n], number=n, count=4 * n, pages=n + 1))
    assert len(driven.requests) == 3
    assert _ids(driven) == IDS[:6]


def test_a_scripted_walk_gives_each_row_once_when_the_list_shifts() -> None:
    """A row created between pages pushes the last of page 1 onto page 2: it is given once."""
    pages = {
        1: _scenarios(IDS[0], IDS[1], number=1, count=4, pages=2),
        2: _scenarios(IDS[1], IDS[2], number=2, count=5, pages=3),
        3: _scenarios(IDS[3], number=3, count=5, pages=3),
    }
    driven = _walk(pages.__getitem__)
    assert _ids(driven) == IDS[:4]


def test_a_scripted_walk_gives_a_row_once_that_one_page_holds_twice() -> None:
    """A page that holds the same row twice, beside new ones: the row is given once, the others in order."""
    pages = {
        1: _scenarios(IDS[0], IDS[1], number=1, count=5, pages=2),
        2: _scenarios(IDS[2], IDS[2], IDS[3], number=2, count=5, pages=2),
    }
    driven = _walk(pages.__getitem__)
    assert _ids(driven) == IDS[:4]


def _walk_memory(
    client: SimulateClient, server: RecordingServer, *, count: int, at: tuple[int, int]
) -> list[int]:
    """Bytes the paging code holds (allocated in _pagination.py and still alive) after the ``at`` rows of
    an ``iter`` over ``count`` run tests, pages of 10, each row dropped once yielded."""
    import tracemalloc

    from futureagi_simulate import _pagination

    def answer(request: Any) -> Reply:
        number = int(request.query["page"][0])
        ids = [str(uuid.UUID(int=(number << 16) + i)) for i in range(10)]
        runs = [run_test(i, f"r{number}-{n}") for n, i in enumerate(ids)]
        return Reply(200, page(runs, number=number, limit=10, count=count, base=server.url))

    server.handler = answer
    held: list[int] = []
    only_paging = [tracemalloc.Filter(True, _pagination.__file__)]
    tracemalloc.start()
    try:
        for seen, _ in enumerate(client.run_tests.iter(page_size=10), start=1):
            if seen in at:
                snapshot = tracemalloc.take_snapshot().filter_traces(only_paging)
                held.append(sum(stat.size for stat in snapshot.statistics("filename")))
    finally:
        tracemalloc.stop()
    assert seen == count
    return held


def test_iter_holds_the_ids_of_one_page_however_many_it_yielded(
    client: SimulateClient, server: RecordingServer
) -> None:
    """After 1,500 run tests iter holds no more for its duplicate check than after 15: one page's ids."""
    early, late = _walk_memory(client, server, count=1500, at=(15, 1495))
    # One page's ids (ten ints and a small set) fit in a kilobyte; 1,500 remembered ids would take ~100.
    assert late <= early + 1024, (early, late)
