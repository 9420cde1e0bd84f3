"""Page-number iteration over the list endpoints, planned once (``PageWalk``) for the sync and async
loops of the resources and for the flows that read every page (``all_pages``)."""

from __future__ import annotations

import operator
import uuid
from collections.abc import Callable
from itertools import repeat
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ._errors import TooManyPagesError
from ._flows import Context, Exchange, Flow, single

if TYPE_CHECKING:
    # Only for the annotations: importing the generated package waits for the first call.
    from futureagi_simulate._api.types import Unset

__all__ = ["MAX_PAGES", "Page", "PageWalk", "all_pages", "next_page_number"]

R = TypeVar("R")

#: The most pages one walk asks for: 100,000 rows at the client's own page size of 100.
MAX_PAGES = 1000


class Page(Protocol):
    """What every paged answer has: its rows, and (on some endpoints) how many rows and pages in all."""

    @property
    def results(self) -> list[Any]: ...
    @property
    def count(self) -> int | Unset: ...
    @property
    def total_pages(self) -> int | Unset: ...
    @property
    def current_page(self) -> int | Unset: ...


def next_page_number(page: Page, number: int, seen: int) -> int | None:
    """The page to ask for after ``page`` (number ``number``, ``seen`` runs so far), or None to stop.

    Pages by number and never follows ``next``: it is an absolute URL the server builds from the request
    and may name the wrong scheme or host behind a proxy. Asking past the last page is a 500 on the
    open-source server, so every sign of the end stops the loop.
    """
    # getSimulationRunResults' call_results carry no next at all: there, count and total_pages decide.
    if not page.results or getattr(page, "next_", ...) is None:
        return None
    on_last_page = (
        isinstance(page.current_page, int)
        and isinstance(page.total_pages, int)
        and page.current_page >= page.total_pages
    )
    saw_everything = isinstance(page.count, int) and seen >= page.count
    if on_last_page or saw_everything:
        return None
    return number + 1


def _row_id(row: Any) -> object:
    # The id's 128-bit int, not the UUID: a third of the memory per remembered row.
    return row.id.int if isinstance(row.id, uuid.UUID) else row.id


_ids_of = operator.attrgetter("id")
_ints_of = operator.attrgetter("int")


def _row_ids(rows: list[Any]) -> list[object]:
    """``_row_id`` of each row, in C when every id is a UUID (as the parse reads them)."""
    ids = list(map(_ids_of, rows))
    if all(map(isinstance, ids, repeat(uuid.UUID))):
        return list(map(_ints_of, ids))
    return [_row_id(row) for row in rows]


class PageWalk:
    """One iteration over the pages, shared by the sync and async loops: which rows of a page to
    yield, and which page to ask for next.

    Page-number paging over a list that changes meanwhile shifts it: a run test created during the
    walk pushes the others down, and the last of one page comes back first on the next. So a row is
    yielded once, by id: a row the page before held is not yielded again. With ``whole=False`` (the
    iterators, ``iter`` and ``calls``) only that page's ids are remembered, so memory stays bounded by a
    page however many rows the walk yields: a shift moves a row by a page at most. ``whole=True``
    (``all_pages``, which keeps every row anyway) remembers every id. And the walk ends however the
    server behaves: on a page that brings nothing new (a server repeating itself), after the pages the
    first page's ``count`` needs plus one (a ``count`` that keeps growing would otherwise be followed
    forever), and, whatever the pages say, after ``MAX_PAGES`` pages: a server that keeps sending new
    rows with no count at all is refused with ``TooManyPagesError`` rather than followed, since a
    truncated read would be a wrong one.
    """

    __slots__ = ("_ids", "_key", "_limit", "_seen", "_whole", "number")

    def __init__(self, key: Callable[[Any], object] = _row_id, *, whole: bool = True) -> None:
        self.number = 1
        self._key = key
        self._whole = whole
        # Every id yielded (whole), or the ids of the page before (not whole).
        self._ids: set[object] = set()
        self._seen = 0
        self._limit: int | None = None

    def fresh(self, page: Page) -> list[Any]:
        """The rows of ``page`` not yielded before (by ``key``, the row's ``id`` by default), in order."""
        rows = page.results
        keys = _row_ids(rows) if self._key is _row_id else list(map(self._key, rows))
        before = self._ids
        distinct = set(keys)
        if len(distinct) == len(keys) and before.isdisjoint(distinct):
            # The usual page: every row new and none twice. Told in C, where the loop below runs in
            # Python for each row.
            new = list(rows)
            if self._whole:
                before.update(distinct)
            else:
                self._ids = distinct
        else:
            here = before if self._whole else set()
            new = []
            for row, key in zip(rows, keys, strict=True):
                if key not in before and key not in here:
                    new.append(row)
                here.add(key)
            self._ids = here
        self._seen += len(new)
        return new

    def advance(self, page: Page, new: int) -> bool:
        """Moves to the next page after ``page`` (which brought ``new`` rows); False to stop."""
        if self.number == 1 and isinstance(page.count, int) and page.results:
            # One page more than the count needs: room for the shift that new rows cause. Integer
            # division: a count of 400 digits is no float.
            self._limit = -(-page.count // len(page.results)) + 1
        following = next_page_number(page, self.number, self._seen)
        if following is None or new == 0 or (self._limit is not None and following > self._limit):
            return False
        if following > MAX_PAGES:
            raise TooManyPagesError(
                f"the server kept sending pages of new rows past page {MAX_PAGES} without a sign of the "
                "last one; stopped rather than read on or return part of the list"
            )
        self.number = following
        return True


def all_pages(
    page_exchange: Callable[[int], Exchange[R]],
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
        answer = yield from single(page_exchange(walk.number), ctx)
        page: Page = paged(answer) if paged is not None else answer  # type: ignore[assignment]
        new = walk.fresh(page)
        rows.extend(new)
        if not walk.advance(page, len(new)):
            return answer, rows
