"""The nesting bound on answers that carry free-form JSON (transcripts, eval outputs): 64 levels read,
65 refused, counted the same way whatever the body holds."""

from __future__ import annotations

import collections
import types
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from futureagi_simulate import APIResponseValidationError, SimulateClient
from futureagi_simulate._answers import MAX_BODY_DEPTH, depth
from tests.data import EXECUTION, S1, call_row, execution_detail
from tests.server import RecordingServer, Reply


def reference_depth(value: Any) -> int:
    """The rule, written plainly: an object or array is one level more than its deepest value."""
    if isinstance(value, collections.abc.Mapping):
        children: Any = list(value.values())
    elif isinstance(value, list):
        children = value
    else:
        return 0
    return 1 + max((reference_depth(child) for child in children), default=0)


SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=40,
)


# What a caller may hand an error or a parse besides decoded JSON: other mappings, a list subclass, and
# values that are no JSON at all (a tuple is a scalar to the rule, as it was).
class Items(list[Any]):
    pass


ANY = st.recursive(
    SCALARS | st.tuples(st.integers()),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.lists(inner, max_size=3).map(Items)
        | st.dictionaries(st.text(max_size=2), inner, max_size=3)
        | st.dictionaries(st.text(max_size=2), inner, max_size=3).map(types.MappingProxyType)
        | st.dictionaries(st.text(max_size=2), inner, max_size=3).map(collections.OrderedDict)
    ),
    max_leaves=30,
)


@pytest.mark.slow  # hypothesis draws the bodies
@settings(max_examples=300, deadline=None)
@given(body=JSON)
def test_depth_of_decoded_json_is_the_plain_rule(body: Any) -> None:
    """Level by level with exact types, the count is the recursive rule's for any decoded JSON."""
    assert depth(body) == reference_depth(body)


@pytest.mark.slow  # hypothesis draws the bodies
@settings(max_examples=300, deadline=None)
@given(body=ANY)
def test_depth_walks_other_mappings_and_lists_too(body: Any) -> None:
    """A mapping that is no dict, or a list subclass, counts as a level, as the abstract test counted it."""
    assert depth(body) == reference_depth(body)


def test_depth_stops_once_past_the_limit() -> None:
    """A body 10,000 levels deep is counted only to one past the limit."""
    deep: Any = "bottom"
    for _ in range(10_000):
        deep = [deep]
    assert depth(deep) == MAX_BODY_DEPTH + 1
    assert depth(deep, limit=3) == 4


def _detail_nested(levels: int) -> dict[str, Any]:
    """An execution page whose whole body nests exactly ``levels`` deep, through one call's transcript."""
    row = call_row(S1)
    body = execution_detail("completed", [row])
    row["transcript"] = []
    base = reference_depth(body)  # the transcript, an empty array, is the deepest level so far
    inner: Any = []
    for _ in range(levels - base):
        inner = [inner]
    row["transcript"] = inner
    assert reference_depth(body) == levels
    return body


def test_a_call_row_at_the_nesting_bound_reads(client: SimulateClient, server: RecordingServer) -> None:
    """An execution page nesting exactly 64 levels is read whole."""
    server.reply(Reply(200, _detail_nested(MAX_BODY_DEPTH)))
    (call,) = client.executions.get(EXECUTION).calls
    assert call.status == "completed"


def test_a_call_row_one_past_the_bound_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """An execution page nesting 65 levels is an APIResponseValidationError that names the bound."""
    server.reply(Reply(200, _detail_nested(MAX_BODY_DEPTH + 1)))
    with pytest.raises(APIResponseValidationError, match="nests deeper than 64 levels"):
        client.executions.get(EXECUTION)
