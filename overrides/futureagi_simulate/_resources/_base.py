"""What every resource module shares: how a client runs a flow, the resource base classes, the loops
over pages for ``iter``-style methods, and the argument checks more than one operation makes.

A resource module (``run_tests``, ``executions``, ``prompt_simulations``) builds each operation's
flow and hands it to the runner its client gave it: ``RunFlow`` for the sync client, ``AsyncRunFlow``
for the async one. That is the only difference between a resource's sync and async classes.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Protocol, TypeVar

from futureagi_simulate._errors import InvalidArgumentError
from futureagi_simulate._flows import Context, Exchange, Flow, single
from futureagi_simulate._models import UNSET, Unset
from futureagi_simulate._pagination import PageWalk
from futureagi_simulate._selection import Selection
from futureagi_simulate._types import NotGiven
from futureagi_simulate._validate import check_uuid

__all__ = [
    "PAGE_SIZE",
    "AsyncResource",
    "AsyncRunFlow",
    "PageExchange",
    "Resource",
    "RunFlow",
    "async_rows",
    "check_selection",
    "numbered",
    "optional",
    "optional_uuid",
    "rows",
]

T = TypeVar("T")

#: Rows asked for per page when the client reads every page itself: few requests, modest answers.
PAGE_SIZE = 100

PageExchange = Callable[[int], "Exchange[Any]"]


def numbered(exchanges: Callable[..., Exchange[Any]]) -> PageExchange:
    """Page N's exchange from ``exchanges(page=N)``. The first is built now, so that an iteration's
    arguments are checked when it is made, before the first page is asked for."""
    first = exchanges(page=1)
    return lambda number: first if number == 1 else exchanges(page=number)


class RunFlow(Protocol):
    """How a sync client carries out a flow: each request sent with its retries, each wait slept."""

    def __call__(self, flow: Flow[T], /) -> T: ...


class AsyncRunFlow(Protocol):
    """How an async client carries out a flow, to ``await``."""

    async def __call__(self, flow: Flow[T], /) -> T: ...


class Resource:
    """What a sync resource holds: its client's way to run a flow, and the context its flows read."""

    __slots__ = ("_ctx", "_run")

    def __init__(self, run: RunFlow, ctx: Context) -> None:
        self._run = run
        self._ctx = ctx


class AsyncResource:
    """What an async resource holds: as ``Resource``, with a runner to ``await``."""

    __slots__ = ("_ctx", "_run")

    def __init__(self, run: AsyncRunFlow, ctx: Context) -> None:
        self._run = run
        self._ctx = ctx


def rows(run: RunFlow, ctx: Context, exchanges: PageExchange) -> Iterator[Any]:
    """Every row of every page, once each, asking for the next page only when the rows so far are used
    up, and ending however the server pages (``PageWalk``). Holds one page and its ids at a time."""
    walk = PageWalk(whole=False)
    while True:
        page = run(single(exchanges(walk.number), ctx))
        new = walk.fresh(page)
        yield from new
        if not walk.advance(page, len(new)):
            return


async def async_rows(run: AsyncRunFlow, ctx: Context, exchanges: PageExchange) -> AsyncIterator[Any]:
    """``rows`` for ``async for``."""
    walk = PageWalk(whole=False)
    while True:
        page = await run(single(exchanges(walk.number), ctx))
        new = walk.fresh(page)
        for row in new:
            yield row
        if not walk.advance(page, len(new)):
            return


def optional(value: object, check: Callable[[object], T]) -> T | Unset:
    """``check(value)``, or ``UNSET`` (not sent) when the argument was left out."""
    return UNSET if isinstance(value, NotGiven) else check(value)


def optional_uuid(argument: str, value: object) -> uuid.UUID | Unset:
    """A UUID argument, or ``UNSET`` (not sent) when it was left out or None."""
    if isinstance(value, NotGiven) or value is None:
        return UNSET
    return check_uuid(argument, value)


def check_selection(selection: object) -> Selection:
    """The ``selection`` of an execute: a ``Selection``, or ``InvalidArgumentError`` before any request."""
    if not isinstance(selection, Selection):
        raise InvalidArgumentError(
            "selection",
            "must be Selection.all(), Selection.only([...]) or Selection.all_except([...]); "
            f"got {type(selection).__name__}",
        )
    return selection
