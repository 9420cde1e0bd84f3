"""The casing and end-of-pages rules, each signal pinned alone: pure functions, no server."""

from __future__ import annotations

import importlib
import uuid
from typing import Any

import httpx
import pytest

import futureagi_simulate
from futureagi_simulate._flows import rejects_camel_keys
from futureagi_simulate._pagination import next_page_number
from futureagi_simulate_api.models import RunTest, RunTestPage
from futureagi_simulate_api.types import UNSET
from tests.data import unknown_fields

CAMEL_BODY = {"selectAll": True, "scenarioIds": []}


def _answer(status: int, body: Any) -> httpx.Response:
    return httpx.Response(status, json=body)


def test_a_400_calling_our_camel_case_keys_unknown_is_a_casing_rejection() -> None:
    """The open-source server's answer to camelCase keys: resend in snake_case."""
    assert rejects_camel_keys(_answer(400, unknown_fields("selectAll", "scenarioIds")), CAMEL_BODY)


@pytest.mark.parametrize(
    "details",
    [
        {"name": ["This field is required."]},
        {"selectAll": ["Must be a valid boolean."]},
        {"select_all": ["Unknown field."]},
        {"somethingElse": ["Unknown field."]},
        {},
    ],
    ids=["another field", "our key, another problem", "a snake key", "a camel key we did not send", "empty"],
)
def test_a_400_with_details_is_no_casing_rejection_unless_they_call_our_camel_keys_unknown(
    details: dict[str, list[str]],
) -> None:
    """Any other 400 with details is the caller's answer: resending it in snake_case could run work twice."""
    body = {"status": False, "error": {"type": "validation_error"}, "details": details}
    assert not rejects_camel_keys(_answer(400, body), CAMEL_BODY)


@pytest.mark.parametrize("status", [401, 422, 500])
def test_only_a_400_can_be_a_casing_rejection(status: int) -> None:
    """The same unknown-field details under another status are not a casing problem."""
    assert not rejects_camel_keys(_answer(status, unknown_fields("selectAll")), CAMEL_BODY)


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


@pytest.mark.parametrize("name", futureagi_simulate.__all__)
def test_every_public_name_resolves(name: str) -> None:
    """Each name in __all__ is importable from a fresh look-up, lazy ones included."""
    module = importlib.import_module("futureagi_simulate")
    assert getattr(module, name) is not None
    assert name in dir(module)
