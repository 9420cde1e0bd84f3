"""The fast parser builds what the generated parser builds, and gives way to it on anything else.

The oracle is the generated ``from_dict`` followed by the annotation check: the definition of a
correct parse. Answers are drawn from the generated models' own annotations, served by a real HTTP
server on 127.0.0.1, and read through the public client.
"""

from __future__ import annotations

import ast
import copy
import datetime
import inspect
import typing
import uuid
from collections.abc import Iterator
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from futureagi_simulate import APIResponseValidationError, SimulateClient
from futureagi_simulate._conform import check_model, field_types, resolved_hints
from futureagi_simulate._parse import _Compiler, _parser, _uuid_by_slots, read_naive_as_utc, wire_name
from futureagi_simulate_api.models import ExecutionCamel, ExecutionSnake, RunTest, RunTestPage
from futureagi_simulate_api.types import Unset
from tests.data import API_KEY, SECRET_KEY
from tests.server import RecordingServer, Reply

EXAMPLES = 200
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
)


def _datetimes() -> st.SearchStrategy[str]:
    moments = st.datetimes(timezones=st.none() | st.just(datetime.UTC) | OFFSETS)
    return st.one_of(
        moments.map(lambda moment: moment.isoformat()),
        moments.map(lambda moment: moment.isoformat().replace("+00:00", "Z")),  # as Django writes UTC
        moments.map(lambda moment: moment.isoformat(timespec="milliseconds")),
    )


def _uuids(*, canonical: bool) -> st.SearchStrategy[str]:
    plain = st.uuids().map(str)
    if canonical:
        return plain
    # Forms uuid.UUID accepts that the fast path leaves to it.
    return st.one_of(
        plain,
        plain.map(str.upper),
        plain.map(lambda text: "{" + text + "}"),
        plain.map(lambda text: "urn:uuid:" + text),
        plain.map(lambda text: text.replace("-", "")),
    )


def popped_keys(cls: type[Any]) -> dict[str, str]:
    """Attribute name to JSON key, read from the generated ``from_dict``: ``x = ... d.pop("key" ...)``."""
    tree = ast.parse(inspect.getsource(inspect.getmodule(cls)))  # type: ignore[arg-type]
    (method,) = (
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == "from_dict"
    )
    keys: dict[str, str] = {}
    for statement in method.body:
        if not isinstance(statement, ast.Assign) or not isinstance(statement.targets[0], ast.Name):
            continue
        for call in ast.walk(statement.value):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "pop"
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
            ):
                keys[statement.targets[0].id.lstrip("_")] = call.args[0].value
    return keys


class Answers:
    """Well-typed JSON for a generated model, drawn from its annotations.

    ``complete`` answers are rendered as servers render them: every key, and no others.
    """

    def __init__(self, *, canonical: bool, complete: bool = False) -> None:
        self.canonical = canonical
        self.complete = complete

    def model(self, cls: type[Any], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
        keys = popped_keys(cls)
        fields = field_types(cls)
        required = {keys[f]: self.value(t, depth) for f, t in fields.items() if Unset not in _options(t)}
        optional = {keys[f]: self.value(t, depth) for f, t in fields.items() if Unset in _options(t)}
        if self.complete:
            return st.fixed_dictionaries({**required, **optional})
        (_, extra_type) = typing.get_args(resolved_hints(cls)["additional_properties"])
        extra = st.dictionaries(
            st.text(min_size=1, max_size=8).filter(lambda k: k not in keys.values()),
            JSON if extra_type is Any else self.value(extra_type, depth),
            max_size=2,
        )
        return st.builds(
            lambda fixed, some, more: {**fixed, **some, **more},
            st.fixed_dictionaries(required),
            st.fixed_dictionaries({}, optional=optional),
            extra,
        )

    def value(self, expected: Any, depth: int) -> st.SearchStrategy[Any]:
        options = _options(expected) - {Unset}
        if len(options) > 1:
            return st.one_of(*(self.value(option, depth) for option in options))
        (option,) = options
        if option is Any:
            return JSON
        if option is type(None):
            return st.none()
        if typing.get_origin(option) is list:
            (item,) = typing.get_args(option)
            return st.lists(self.value(item, depth + 1), max_size=2 if depth < 2 else 0)
        if isinstance(option, type) and attrs.has(option):
            if depth >= 3:
                return st.nothing()
            return st.deferred(lambda: self.model(option, depth + 1))
        plain: dict[Any, st.SearchStrategy[Any]] = {
            str: st.text(max_size=10),
            int: st.integers(-(2**70), 2**70),
            bool: st.booleans(),
            float: st.floats(allow_nan=False),
            uuid.UUID: _uuids(canonical=self.canonical),
            datetime.datetime: _datetimes(),
        }
        return plain[option]


def _options(expected: Any) -> set[Any]:
    args = typing.get_args(expected)
    return set(args) if typing.get_origin(expected) in (typing.Union, type(int | str)) else {expected}


def _generated_parse(body: Any) -> RunTestPage:
    """The generated parser's page, with date-times that have no offset read as UTC (README)."""
    page = RunTestPage.from_dict(body)
    check_model(page)
    read_naive_as_utc(page)
    return page


def _wrong_somewhere(valid: Any, draw: st.DrawFn) -> Any:
    """``valid`` with one value anywhere replaced by other JSON, or one key removed."""
    body = copy.deepcopy(valid)
    paths: list[tuple[Any, ...]] = []

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        children = (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
        )
        for key, child in children:
            paths.append((*path, key))
            walk(child, (*path, key))

    walk(body, ())
    if not paths:
        return body
    *parents, key = draw(st.sampled_from(paths))
    container = body
    for step in parents:
        container = container[step]
    if isinstance(container, dict) and draw(st.booleans()):
        del container[key]
    else:
        container[key] = draw(JSON | _uuids(canonical=False) | _datetimes())
    return body


@st.composite
def broken_pages(draw: st.DrawFn) -> Any:
    return _wrong_somewhere(draw(Answers(canonical=False).model(RunTestPage)), draw)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[RecordingServer, SimulateClient]]:
    server = RecordingServer().start()
    client = SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=0)
    yield server, client
    client.close()
    server.stop()


def _listed(served: tuple[RecordingServer, SimulateClient], body: Any) -> RunTestPage:
    """``body`` served as the list answer and read through the public client."""
    server, client = served
    server.handler = lambda request: Reply(200, body)
    return client.run_tests.list()


DOCUMENTED_PAGES = st.one_of(
    Answers(canonical=True).model(RunTestPage), Answers(canonical=True, complete=True).model(RunTestPage)
)


@SETTINGS
@given(body=DOCUMENTED_PAGES)
def test_documented_pages_are_read_without_the_generated_parser(
    served: tuple[RecordingServer, SimulateClient], body: dict[str, Any]
) -> None:
    """A well-typed page equals the generated parse, repr for repr, and the generated parser never runs."""
    expected = _generated_parse(body)
    assert _parser(RunTestPage) is not None  # compiled before from_dict is replaced below
    refuse = mock.Mock(side_effect=AssertionError("the generated parser ran"))
    with mock.patch.object(RunTestPage, "from_dict", refuse), mock.patch.object(RunTest, "from_dict", refuse):
        page = _listed(served, body)
    assert page == expected
    assert repr(page) == repr(expected)


@SETTINGS
@given(body=Answers(canonical=False).model(RunTestPage))
def test_other_spellings_of_ids_are_read_as_the_generated_parser_reads_them(
    served: tuple[RecordingServer, SimulateClient], body: dict[str, Any]
) -> None:
    """Upper-case, braced, urn: and hyphen-less UUIDs parse to the same values as before."""
    expected = _generated_parse(body)
    page = _listed(served, body)
    assert page == expected
    assert repr(page) == repr(expected)


def _models_in(value: Any) -> Iterator[Any]:
    if isinstance(value, list):
        for item in value:
            yield from _models_in(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _models_in(getattr(value, field.name))


@SETTINGS
@given(body=DOCUMENTED_PAGES)
def test_each_model_of_a_page_owns_its_additional_properties(
    served: tuple[RecordingServer, SimulateClient], body: dict[str, Any]
) -> None:
    """No two models share an additional_properties dict, so writing into one leaves the rest as read."""
    expected = _generated_parse(body)
    page = _listed(served, body)
    owned = [model.additional_properties for model in _models_in(page)]
    for extra in owned:
        extra["written_by_the_user"] = True
        assert sum("written_by_the_user" in other for other in owned) == 1
        del extra["written_by_the_user"]
    assert page == expected


@SETTINGS
@given(body=broken_pages())
def test_a_broken_page_has_the_outcome_the_generated_parser_gives(
    served: tuple[RecordingServer, SimulateClient], body: Any
) -> None:
    """One wrong value or missing key anywhere: the same page, or an error with the same reason."""
    try:
        expected: RunTestPage | str = _generated_parse(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        expected = f"{type(exc).__name__}: {exc}"
    if isinstance(expected, str):
        with pytest.raises(APIResponseValidationError) as raised:
            _listed(served, body)
        assert expected in str(raised.value)
    else:
        page = _listed(served, body)
        assert page == expected
        assert repr(page) == repr(expected)


def _compiled_models() -> list[type[Any]]:
    models: list[type[Any]] = []
    for root in (RunTestPage, RunTest):
        compiler = _Compiler(root)
        compiler.compile()
        models += [cls for cls in compiler.names if cls not in models]
    return models


@pytest.mark.parametrize("cls", _compiled_models(), ids=lambda cls: cls.__name__)
def test_each_attribute_is_read_from_the_key_the_generated_parser_reads(cls: type[Any]) -> None:
    """wire_name agrees with the generated from_dict for every model the fast parser builds."""
    assert {field: wire_name(field) for field in field_types(cls)} == popped_keys(cls)


def test_the_models_of_every_run_test_answer_have_a_fast_parser() -> None:
    """A regeneration that brings an annotation the compiler cannot mirror fails here, not silently."""
    assert _parser(RunTestPage) is not None
    assert _parser(RunTest) is not None


def test_a_model_whose_keys_wire_name_cannot_predict_is_left_to_the_generated_parser() -> None:
    """ExecutionCamel reads camelCase keys (executionId), so no fast parser is written for it."""
    assert _parser(ExecutionCamel) is None
    assert _parser(ExecutionSnake) is not None


def test_a_fast_parser_shows_its_source() -> None:
    """The compiled source is registered, so tracebacks and inspect show its lines."""
    source = inspect.getsource(_parser(RunTest))  # type: ignore[arg-type]
    assert source.startswith("def parse_0(d, ids, keep):")
    assert "read_uuid" in source


@settings(max_examples=2000, deadline=None, database=None)
@given(
    text=st.one_of(
        st.text(alphabet="0123456789abcdefABCDEF-{}urnid:_ +", min_size=28, max_size=46),
        _uuids(canonical=False),
    )
)
def test_the_uuid_shortcut_agrees_with_the_uuid_constructor(text: str) -> None:
    """Where the shortcut builds a UUID it equals uuid.UUID(text) in value, safety and repr."""
    try:
        made = _uuid_by_slots(text, {})
    except Exception:  # giving up, in any way, hands the text to uuid.UUID
        return
    expected = uuid.UUID(text)
    assert (made.int, made.is_safe, repr(made), hash(made)) == (
        expected.int,
        expected.is_safe,
        repr(expected),
        hash(expected),
    )
