"""Page-number pagination as DRF's paginator writes it, shared by every list the emulator answers.

A page is ``{count, next, previous, total_pages, current_page, results}``; ``next`` and ``previous``
are absolute links rebuilt from the request's own query. ``page`` and ``limit`` are positive integers,
read into the same ``Fields`` as the rest of the query so that their errors join the others. Whether a
page past the end is an error (the 500 "Invalid page." of most lists) or an empty page is each
operation's to say.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from ._answers import RefusalError, error_answer, json_answer
from ._exchange import Answer, Exchange
from ._fields import Fields

__all__ = ["invalid_page", "list_answer", "page_and_limit", "page_body", "page_count", "page_of"]


def page_and_limit(fields: Fields, query: Mapping[str, str], default_limit: int = 10) -> tuple[int, int]:
    return _positive(fields, query, "page", 1), _positive(fields, query, "limit", default_limit)


def page_count(count: int, limit: int) -> int:
    """How many pages ``count`` items fill: one, even with no items."""
    return max(1, math.ceil(count / limit))


def page_of(items: Sequence[Any], page: int, limit: int) -> tuple[list[Any], int]:
    """The items on ``page``, and how many pages there are."""
    return list(items[(page - 1) * limit : page * limit]), page_count(len(items), limit)


def invalid_page(message: str = "Invalid page.") -> RefusalError:
    return RefusalError(error_answer(500, "server_error", "server_error", message))


def page_body(
    exchange: Exchange,
    query: Mapping[str, str],
    *,
    count: int,
    page: int,
    total_pages: int,
    results: list[Any],
) -> dict[str, Any]:
    url = f"{exchange.origin}{exchange.path}"
    return {
        "count": count,
        "next": _page_link(url, query, page + 1) if page < total_pages else None,
        "previous": _page_link(url, query, page - 1) if page > 1 else None,
        "total_pages": total_pages,
        "current_page": page,
        "results": results,
    }


def list_answer(
    exchange: Exchange,
    query: Mapping[str, str],
    items: Sequence[Any],
    page: int,
    limit: int,
    render: Callable[[Any], Any],
    *,
    past_end: str = "Invalid page.",
) -> Answer:
    """A list operation's page of ``items``, each rendered; a page past the end is a 500 ``past_end``."""
    rows, total_pages = page_of(items, page, limit)
    if page > total_pages:
        raise invalid_page(past_end)
    results = [render(item) for item in rows]
    body = page_body(exchange, query, count=len(items), page=page, total_pages=total_pages, results=results)
    return json_answer(200, body)


def _positive(fields: Fields, query: Mapping[str, str], name: str, default: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        fields.fail(name, "invalid", "A valid integer is required.")
        return default
    if value < 1:
        fields.fail(name, "min_value", "Ensure this value is greater than or equal to 1.")
        return default
    return value


def _page_link(url: str, query: Mapping[str, str], page: int) -> str:
    # DRF rebuilds the query sorted by name, and drops `page` altogether for the first page.
    params = {k: v for k, v in query.items() if k != "page"}
    if page > 1:
        params["page"] = str(page)
    return f"{url}?{urlencode(sorted(params.items()))}" if params else url
