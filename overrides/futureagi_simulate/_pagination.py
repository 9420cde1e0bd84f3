"""Page-number iteration over the list endpoint, planned once for the sync and async loops."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from futureagi_simulate_api.models.run_test_page import RunTestPage

__all__ = ["next_page_number"]


def next_page_number(page: RunTestPage, number: int, seen: int) -> int | None:
    """The page to ask for after ``page`` (number ``number``, ``seen`` runs so far), or None to stop.

    Pages by number and never follows ``next``: it is an absolute URL the server builds from the request
    and may name the wrong scheme or host behind a proxy. Asking past the last page is a 500 on the
    open-source server, so every sign of the end stops the loop.
    """
    if not page.results or page.next_ is None:
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
