"""Page-number iteration over the list endpoints, planned once for the sync and async loops."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    # Only for the annotations: importing the generated package waits for the first call.
    from futureagi_simulate_api.types import Unset

__all__ = ["Page", "next_page_number"]


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
