"""The command's JSON text (``--json`` of every query, the JSON reports): one pass over the answer writes
exactly what the walk (depth bound, redaction, lone surrogates, non-finite numbers) then
``json.dumps(indent=2, allow_nan=False)`` writes."""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from futureagi_simulate.cli import _reports
from futureagi_simulate.cli._reports import _json

SECRET = "s3cret-key"
# A credential JSON escapes (a quote, a backslash), looked for in its escaped form.
ESCAPED = 'q"uo\\te'


class _Text(str):
    """A str subclass: the walk's general rules."""


class _Dict(dict[Any, Any]):
    """A dict subclass: the walk's general rules."""


class _Number(int):
    """An int subclass: json.dumps writes its number."""


@pytest.fixture(autouse=True)
def _secret() -> Iterator[None]:
    _reports.set_secrets([SECRET, "RED", ESCAPED])
    try:
        yield
    finally:
        _reports.set_secrets([])


def _as_walked(document: Any) -> str:
    """What the command wrote before the one-pass writer: the walk, then json.dumps."""
    return _json._walked_text(document)


_TEXTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [SECRET, f"Bearer {SECRET}!", "[REDACTED]", "x\ud800y", "\udfff", "é", "notes", "RED", f"<{ESCAPED}>"]
    ),
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    _TEXTS,
    _TEXTS.map(_Text),
    st.integers(min_value=0, max_value=9).map(_Number),
    st.builds(uuid.UUID, st.uuids().map(str)),
)
_KEYS = st.one_of(_TEXTS, _TEXTS.map(_Text), st.integers(min_value=-2, max_value=2), st.booleans(), st.none())
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(_KEYS, inner, max_size=4),
        st.dictionaries(_TEXTS, inner, max_size=3).map(_Dict),
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_the_json_text_is_the_walked_values_dumped_with_an_indent_of_two(document: Any) -> None:
    """Any document (subclasses, UUIDs, tuples, non-text keys, credentials, surrogates, NaN): same text."""
    assert _json.json_text(document) == _as_walked(document)


def test_a_run_test_page_as_the_command_prints_it_is_the_same_text() -> None:
    """Rows of answers with repeated keys, nulls, nested objects and a credential: the same text."""
    row = {
        "id": str(uuid.UUID(int=1)),
        "name": f"Angry customer {SECRET}",
        "agent": {"api_key": SECRET, "languages": ["en", "fr"], "limits": {}, "tags": []},
        "inbound": True,
        "score": 0.25,
        "count": 3,
        "description": None,
    }
    document = [dict(row, id=str(uuid.UUID(int=n))) for n in range(20)]
    assert _json.json_text(document) == _as_walked(document)
    assert SECRET not in _json.json_text(document)


def test_a_credential_json_escapes_is_redacted_as_the_walk_redacts_it() -> None:
    """A credential holding a quote and a backslash, alone in the answer: ``[REDACTED]``, the same text."""
    document = [{"name": f"echo {ESCAPED}", ESCAPED: 1}]
    assert _json.json_text(document) == _as_walked(document)
    assert json.loads(_json.json_text(document)) == [{"name": "echo [REDACTED]", "[REDACTED]": 1}]


def test_a_dict_whose_keys_become_one_after_redaction_is_written_as_the_walk_writes_it() -> None:
    """A credential key and ``[REDACTED]``, or two lone surrogates: one key, the later value, as before."""
    surrogates = {chr(0xD800): 1, chr(0xDFFF): 2}
    document = {"rows": [{SECRET: 1, "[REDACTED]": 2}, surrogates, {1: "a", "1": "b"}]}
    assert _json.json_text(document) == _as_walked(document)
    assert json.loads(_json.json_text(document))["rows"] == [{"[REDACTED]": 2}, {"\ufffd": 2}, {"1": "b"}]


def test_a_non_finite_number_anywhere_is_null_and_noted_once() -> None:
    """NaN deep in a dict document: null there, and the note at the end (an existing ``notes`` replaced)."""
    document = {"notes": ["kept?"], "a": [{"b": math.nan}], "c": math.inf}
    text = _json.json_text(document)
    assert text == _as_walked(document)
    assert json.loads(text) == {"notes": [_json.NON_FINITE_NOTE], "a": [{"b": None}], "c": None}


@pytest.mark.parametrize("levels", [63, 64, 65, 700])
def test_nesting_past_64_levels_is_cut_to_the_same_short_string(levels: int) -> None:
    """Dicts, lists and a dict subclass nested past the bound: the same text, ``<nested too deep>`` once."""
    for make in (lambda inner: {"a": inner}, lambda inner: [inner], lambda inner: _Dict(a=inner)):
        document: Any = {}
        for _ in range(levels):
            document = make(document)
        text = _json.json_text(document)
        assert text == _as_walked(document)
        assert text.count(_json.TOO_DEEP) == (1 if levels >= 64 else 0)


def test_a_document_holding_itself_is_cut_at_the_bound_not_refused() -> None:
    """A list inside itself: written to 64 levels, then the short string, as the walk writes it."""
    looped: list[Any] = [1]
    looped.append(looped)
    assert _json.json_text(looped) == _as_walked(looped)
