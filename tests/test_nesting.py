"""The nesting bound on answers that carry free-form JSON (transcripts, eval outputs): 64 levels read,
65 refused, counted the same way whatever the body holds."""

from __future__ import annotations

import collections
import json
import types
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from futureagi_simulate import APIResponseValidationError, SimulateClient
from futureagi_simulate._answers import MAX_BODY_DEPTH, depth, text_depth
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


# Strings made of what JSON text nests and quotes with (brackets, quotes, backslashes) and of others.
TRICKY = st.text(alphabet=st.sampled_from('[]{}"\\/ ab\n\u00e9\U0001f600'), max_size=6)
TEXT = st.recursive(
    SCALARS | TRICKY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TRICKY, inner, max_size=4),
    max_leaves=40,
)


@pytest.mark.slow  # hypothesis draws the bodies
@settings(max_examples=500, deadline=None)
@given(body=TEXT, ascii_only=st.booleans(), indent=st.sampled_from([None, 0, 2]))
def test_the_bound_counted_on_json_text_is_the_rule_of_the_value_it_decodes_to(
    body: Any, ascii_only: bool, indent: int | None
) -> None:
    """Counted on the bytes of JSON text, however spaced and whatever its strings hold (brackets, quotes,
    escapes, other UTF-8), the depth is the rule's for the decoded value, stopping one past the limit."""
    text = json.dumps(body, ensure_ascii=ascii_only, indent=indent).encode()
    assert text_depth(text) == min(reference_depth(body), MAX_BODY_DEPTH + 1)
    assert text_depth(text, limit=2) == min(reference_depth(body), 3)


def test_the_bound_counted_on_text_stops_once_past_the_limit() -> None:
    """Text 10,000 levels deep is counted only to one past the limit; brackets that do not pair, past it."""
    assert text_depth(b"[" * 10_000 + b"]" * 10_000) == MAX_BODY_DEPTH + 1
    assert text_depth(b'{"a": [[1], {"b": []}]}', limit=2) == 3
    assert text_depth(b'{"a": [[}') == MAX_BODY_DEPTH + 1


# The answer's own levels above a call row's transcript items: the page, results, the row, transcript.
ABOVE_TRANSCRIPT = 4


@pytest.mark.slow  # hypothesis draws the transcripts
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(item=TEXT, wrapped=st.integers(MAX_BODY_DEPTH - 12, MAX_BODY_DEPTH))
def test_a_call_rows_transcript_is_read_exactly_when_the_page_nests_within_the_bound(
    client: SimulateClient, server: RecordingServer, item: Any, wrapped: int
) -> None:
    """A drawn transcript item (strings of brackets, quotes and escapes) nested near the bound: the page is
    read, the item as sent, exactly when the whole answer nests at most 64 levels; else the error names
    the bound."""
    for _ in range(wrapped - ABOVE_TRANSCRIPT):
        item = [item]
    row = call_row(S1)
    row["transcript"] = [item]
    body = execution_detail("completed", [row])
    server.reply(Reply(200, body))
    if reference_depth(body) > MAX_BODY_DEPTH:
        with pytest.raises(APIResponseValidationError, match="nests deeper than 64 levels"):
            client.executions.get(EXECUTION)
    else:
        (call,) = client.executions.get(EXECUTION).calls
        assert call.transcript == [item]
