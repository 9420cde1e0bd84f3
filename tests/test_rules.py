"""The casing and end-of-pages rules, each signal pinned alone: pure functions, no server."""

from __future__ import annotations

import importlib
import pickle
import subprocess
import sys
import typing
import uuid
from typing import Any

import attrs
import httpx
import pytest

import futureagi_simulate
from futureagi_simulate._api.models import RunTest, RunTestPage
from futureagi_simulate._api.types import UNSET
from futureagi_simulate._flows import rejects_camel_keys
from futureagi_simulate._pagination import next_page_number
from tests.data import API_KEY, SECRET_KEY, unknown_fields

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


PUBLIC_CLASSES = [
    name for name in futureagi_simulate.__all__ if isinstance(getattr(futureagi_simulate, name), type)
]


@pytest.mark.parametrize("name", PUBLIC_CLASSES)
def test_every_public_class_shows_the_package_as_its_module(name: str) -> None:
    """A public class says it is futureagi_simulate.<Name>, where users import it from."""
    assert getattr(futureagi_simulate, name).__module__ == "futureagi_simulate"


@pytest.mark.parametrize("name", PUBLIC_CLASSES)
def test_every_public_class_has_type_hints_that_resolve(name: str) -> None:
    """Renaming the module keeps typing.get_type_hints (and attrs.resolve_types, for cattrs) working."""
    cls = getattr(futureagi_simulate, name)
    hints = typing.get_type_hints(cls)
    if attrs.has(cls):
        attrs.resolve_types(cls)
        assert set(hints) >= {field.name for field in attrs.fields(cls)}


@pytest.mark.slow  # a fresh interpreter, so that no test before it has named the model
def test_a_model_reached_through_a_call_shows_the_package_and_pickles() -> None:
    """A model parsed from an answer, never named by the user, is futureagi_simulate.RunTest and pickles."""
    code = f"""
import json, pickle, httpx
from futureagi_simulate import SimulateClient
from tests.data import page, run_test

body = page([run_test()], number=1, limit=10, count=1, base="http://api.test")
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
with SimulateClient(api_key="{API_KEY}", secret_key="{SECRET_KEY}", base_url="http://127.0.0.1:9",
                    http_client=httpx.Client(transport=transport)) as client:
    listed = client.run_tests.list()
run = listed.results[0]
same = pickle.loads(pickle.dumps(run)) == run
print(type(listed).__module__, type(run).__name__, type(run).__module__, same)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["futureagi_simulate", "RunTest", "futureagi_simulate", "True"]


def test_unset_stays_the_one_unset_through_pickle() -> None:
    """A pickled UNSET comes back as UNSET itself, so `x is UNSET` holds in another process."""
    assert pickle.loads(pickle.dumps(futureagi_simulate.UNSET)) is futureagi_simulate.UNSET
