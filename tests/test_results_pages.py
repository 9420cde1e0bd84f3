"""The results read's pages (``_results_pages``): with the speed extra each page's calls become their outcomes
straight from msgspec's mirrors; without it (or when the mirrors refuse) from the generated models. A user
gets the same ``ExecutionResults``, or the same error (class and text, the field's path included), either way.

Every case is served by a real HTTP server on 127.0.0.1 and read through the public client twice: with the
road on, then switched off in-process (``_mirrors.use(False)``), which is the client without the extra.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from futureagi_simulate import FutureAGIError, SimulateClient, _mirrors
from futureagi_simulate._answers import MAX_BODY_DEPTH
from futureagi_simulate._api.models import CallResult, EvalOutput, SimulationRunResults
from tests.data import EVAL_RESOLVED, EVAL_TONE, EXECUTION, S1, S2, eval_output, result_row, results
from tests.server import Recorded, RecordingServer, Reply, nested_list, raw_json_reply

Body = dict[str, Any]


@pytest.fixture(autouse=True)
def _road_back_on() -> Iterator[None]:
    yield
    _mirrors.use(True)


def read_both_ways(server: RecordingServer, client: SimulateClient, pages: list[Reply]) -> list[Any]:
    """``executions.results`` over ``pages`` (answered by the page asked for, the last one past the end),
    with the mirrors and without: each read's results and repr, or its error's class and text."""
    server.handler = lambda request: pages[min(_page_number(request), len(pages)) - 1]
    seen: list[Any] = []
    for on in (True, False):
        _mirrors.use(on)
        try:
            made = client.executions.results(EXECUTION)
        except FutureAGIError as exc:
            seen.append(("error", type(exc).__name__, str(exc)))
        else:
            seen.append(("results", made, repr(made)))
    return seen


def _page_number(request: Recorded) -> int:
    try:
        return max(1, int(request.query.get("page", ["1"])[0]))
    except ValueError:
        return 1


def _rows() -> list[Body]:
    return [
        result_row(S1, evals={EVAL_TONE: eval_output("Tone", "Passed", reason="calm")}),
        result_row(S2, "failed", evals={EVAL_RESOLVED: eval_output("Resolved", 0.25)}),
    ]


def _page(change: Callable[[Body], None] = lambda body: None) -> Reply:
    body = results("completed", _rows())
    change(body)
    return Reply(200, body)


def _both(*changes: Callable[[Body], None]) -> Callable[[Body], None]:
    """The changes made one after another."""

    def change(body: Body) -> None:
        for each in changes:
            each(body)

    return change


def _set(path: str, value: Any) -> Callable[[Body], None]:
    """A change setting the value at a dotted path (list positions as numbers)."""

    def change(body: Body) -> None:
        *above, last = path.split(".")
        held: Any = body
        for step in above:
            held = held[int(step)] if isinstance(held, list) else held[step]
        if isinstance(held, list):
            held[int(last)] = value
        else:
            held[last] = value

    return change


_ROW = "result.call_results.results"
# The levels above an eval output's value: the envelope, result, call_results, its results, the row,
# eval_outputs, the eval output.
_ABOVE_OUTPUT = 7
# Above an item of the eval summary (eval_results): the envelope, result, eval_results.
_ABOVE_SUMMARY = 3

CASES: dict[str, Callable[[], Reply]] = {
    "as the open-source server sends it": lambda: _page(),
    "an error and skipped on an eval output": lambda: _page(
        _set(
            f"{_ROW}.0.eval_outputs.{EVAL_TONE}",
            {"name": "Tone", "output": None, "error": 1, "skipped": True},
        )
    ),
    "an eval output without a name": lambda: _page(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}", {"output": "x"})
    ),
    "an eval output of an empty name": lambda: _page(_set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.name", "")),
    "an eval output whose name is a number": lambda: _page(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.name", 3)
    ),
    "an eval output that is text": lambda: _page(_set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}", "Passed")),
    "eval outputs that are a list": lambda: _page(_set(f"{_ROW}.0.eval_outputs", [])),
    "eval outputs that are null": lambda: _page(_set(f"{_ROW}.0.eval_outputs", None)),
    "an unknown key on an eval output": lambda: _page(_set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.cost", 1)),
    "an eval output that is an object": lambda: _page(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.output", {"score": [0.5]})
    ),
    "an eval output at the nesting bound": lambda: _page(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.output", nested_list(MAX_BODY_DEPTH - _ABOVE_OUTPUT))
    ),
    "an eval output past the nesting bound": lambda: _page(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.output", nested_list(MAX_BODY_DEPTH - _ABOVE_OUTPUT + 1))
    ),
    "an eval error past the nesting bound": lambda: _page(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.error", nested_list(MAX_BODY_DEPTH - _ABOVE_OUTPUT + 1))
    ),
    "an eval skipped past the nesting bound": lambda: _page(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.skipped", nested_list(MAX_BODY_DEPTH - _ABOVE_OUTPUT + 1))
    ),
    "an eval summary at the nesting bound": lambda: _page(
        _set("result.eval_results", [{"deep": nested_list(MAX_BODY_DEPTH - _ABOVE_SUMMARY - 1)}])
    ),
    "an eval summary past the nesting bound": lambda: _page(
        _set("result.eval_results", [{"deep": nested_list(MAX_BODY_DEPTH - _ABOVE_SUMMARY)}])
    ),
    "a call id that is not a UUID": lambda: _page(_set(f"{_ROW}.1.call_execution_id", "call-2")),
    "a call id in braces": lambda: _page(_set(f"{_ROW}.1.call_execution_id", "{" + S1 + "}")),
    # msgspec reads a call id as a UUID itself: the forms it takes, those it leaves to the fallback.
    "a call id in upper case": lambda: _page(_set(f"{_ROW}.1.call_execution_id", S1.upper())),
    "a call id of 32 hex digits": lambda: _page(_set(f"{_ROW}.1.call_execution_id", S1.replace("-", ""))),
    "a call id as a URN": lambda: _page(_set(f"{_ROW}.1.call_execution_id", "urn:uuid:" + S1)),
    "a call id with a sign": lambda: _page(
        _set(f"{_ROW}.1.call_execution_id", "+" + S1.replace("-", "")[1:])
    ),
    "a call id hyphenated elsewhere": lambda: _page(
        _set(f"{_ROW}.1.call_execution_id", S1.replace("-", "")[:10] + "----" + S1.replace("-", "")[10:])
    ),
    "a call id that is a number": lambda: _page(_set(f"{_ROW}.1.call_execution_id", 7)),
    "a call id that is null": lambda: _page(_set(f"{_ROW}.1.call_execution_id", None)),
    "a call id that is its scenario's id": lambda: _page(_set(f"{_ROW}.1.call_execution_id", S2)),
    "two calls of one id": lambda: _page(
        _both(_set(f"{_ROW}.0.call_execution_id", S1), _set(f"{_ROW}.1.call_execution_id", S1))
    ),
    "a scenario id in upper case": lambda: _page(_set(f"{_ROW}.1.scenario_id", S2.upper())),
    "a scenario id that is a number": lambda: _page(_set(f"{_ROW}.1.scenario_id", 7)),
    "a scenario id that is null": lambda: _page(_set(f"{_ROW}.1.scenario_id", None)),
    "a status that is null": lambda: _page(_set(f"{_ROW}.1.status", None)),
    "a status in display form": lambda: _page(_set(f"{_ROW}.1.status", " Completed ")),
    "a duration that is text": lambda: _page(_set(f"{_ROW}.1.duration_seconds", "30")),
    "a duration that is a boolean": lambda: _page(_set(f"{_ROW}.1.duration_seconds", True)),
    "a duration past a float's range": lambda: _page(_set(f"{_ROW}.1.duration_seconds", 10**400)),
    "a duration past 64 bits": lambda: _page(_set(f"{_ROW}.1.duration_seconds", 2**70)),
    "a duration of NaN": lambda: raw_json_reply(results("completed", _rows()), {"30.5": "NaN"}),
    "a duration of 1e400": lambda: raw_json_reply(results("completed", _rows()), {"30.5": "1e400"}),
    "a started_at that is no date-time": lambda: _page(_set("result.started_at", "yesterday")),
    "a completed_at without an offset": lambda: _page(_set("result.completed_at", "2026-11-30T10:00:00")),
    "about another execution": lambda: _page(_set("result.execution_id", S1)),
    "a row missing its call id": lambda: _page(
        lambda body: body["result"]["call_results"]["results"][0].clear()
    ),
    "an unknown key on a row": lambda: _page(_set(f"{_ROW}.0.cost", 1)),
    "an unknown key on the results": lambda: _page(_set("result.took_ms", 4)),
    "a call count that is text": lambda: _page(_set("result.call_results.count", "2")),
    "no page count": lambda: _page(lambda body: body["result"]["call_results"].pop("total_pages")),
    "a completed execution missing calls": lambda: _page(_set("result.total_calls", 3)),
    "bare, as documented": lambda: Reply(200, results("completed", _rows(), envelope=False)),
    "a duplicate key": lambda: raw_json_reply(
        results("completed", _rows()), {"Tone": 'Tone", "name": "Again'}
    ),
    "UTF-16": lambda: Reply(200, json.dumps(results("completed", _rows())).encode("utf-16")),
}


@pytest.mark.parametrize("case", CASES)
def test_results_pages_read_the_same_with_and_without_the_speed_extra(
    case: str, server: RecordingServer, client: SimulateClient
) -> None:
    """executions.results gives the same results, or the same error text, with the road or without."""
    first, second = read_both_ways(server, client, [CASES[case]()])
    assert first == second


@pytest.mark.parametrize("call_id", [S1, S1.upper(), S1.replace("-", "")], ids=["canonical", "upper", "hex"])
def test_the_outcomes_road_builds_no_row_models(
    call_id: str, server: RecordingServer, client: SimulateClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the extra, a well-formed page's calls (their ids in each form msgspec reads) become outcomes
    without a CallResult or EvalOutput model."""

    def refused(*args: object) -> None:
        raise AssertionError("a row model was built")

    for model in (CallResult, EvalOutput, SimulationRunResults):
        monkeypatch.setattr(model, "from_mirror", classmethod(refused))
        monkeypatch.setattr(model, "from_dict", classmethod(refused))
    server.reply(_page(_set(f"{_ROW}.0.call_execution_id", call_id)))
    made = client.executions.results(EXECUTION)
    assert [call.evals[0].passed for call in made.calls] == [True, None]
    read, expected = made.calls[0].call_execution_id, uuid.UUID(S1)
    assert (type(read), read, read.is_safe) == (uuid.UUID, expected, expected.is_safe)


def test_the_decoder_is_withheld_while_the_road_is_switched_off() -> None:
    """decoder_of gives the results' decoder with the extra, and None once the road is switched off."""
    assert _mirrors.decoder_of(SimulationRunResults, envelope="result") is not None
    _mirrors.use(False)
    assert _mirrors.decoder_of(SimulationRunResults, envelope="result") is None


# Many pages, drawn ------------------------------------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["Passed", "FAILED", "passed", "Pass", "", "0.5", S1]),
    st.text(max_size=8),
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
)
# A key left out, as a drawn value of its own.
_MISSING = object()


def _optional(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(values, values, values, st.just(_MISSING))


def _object(**keys: Any) -> dict[str, Any]:
    return {key: value for key, value in keys.items() if value is not _MISSING}


_DATES = st.sampled_from(["2026-11-30T10:00:00Z", "2026-11-30T10:00:00.1234565+02:00", "2026-11-30T10:00:00"])
_OUTPUTS = st.one_of(
    st.sampled_from(["Passed", "Failed", "PASSED", "Pass", "yes", ""]),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(2**63), 2**63 - 1),
    st.none(),
    st.lists(st.floats(0, 1), max_size=2),
    st.integers(50, 60).map(nested_list),
)
# Eval outputs as the server writes them: each key optional.
_EVAL_OUTPUT = st.builds(
    _object,
    name=_optional(st.sampled_from(["Tone", "", "Resolved"])),
    output=_optional(_OUTPUTS),
    reason=_optional(st.one_of(st.text(max_size=8), st.none())),
    output_type=_optional(st.sampled_from(["Pass/Fail", "score", None])),
    error=_optional(st.sampled_from([None, False, "timed out", {"code": 1}])),
    skipped=_optional(st.booleans()),
)
_ROWS = st.builds(
    _object,
    call_execution_id=st.uuids().map(str),
    scenario_id=_optional(st.one_of(st.sampled_from([S1, S2, None]), st.uuids().map(str))),
    scenario_name=_optional(st.one_of(st.text(max_size=6), st.none())),
    status=_optional(st.sampled_from(["completed", "Failed", " cancelled ", "COMPLETED", None])),
    duration_seconds=_optional(
        st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(), st.none())
    ),
    eval_outputs=_optional(
        st.one_of(
            st.dictionaries(st.sampled_from([EVAL_TONE, EVAL_RESOLVED, "x"]), _EVAL_OUTPUT, max_size=3),
            st.none(),
        )
    ),
)


def _places(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON value, as the keys and positions leading to it (the top included)."""
    yield where
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*where, index))


def _change(body: Any, where: tuple[Any, ...], how: str, value: Any) -> Any:
    """``body`` with the value at ``where`` replaced by ``value``, or deleted, or given an unknown key."""
    if not where:
        return value if how == "set" else body
    held = body
    for step in where[:-1]:
        held = held[step]
    last = where[-1]
    if how == "set":
        held[last] = value
    elif how == "delete" and isinstance(held, dict):
        del held[last]
    elif how == "add" and isinstance(held[last], dict):
        held[last]["unknown"] = value
    return body


@st.composite
def _pages(draw: st.DrawFn) -> list[Reply]:
    """One to three pages of results as a server writes them, then up to two drawn changes in each: a value
    anywhere replaced by any JSON, a key deleted, an unknown key added."""
    rows = draw(st.lists(_ROWS, max_size=5))
    per_page = draw(st.integers(1, 3))
    numbered = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    head = _object(
        execution_id=EXECUTION,
        status=draw(st.sampled_from(["completed", "Completed", "running", "failed"])),
        started_at=draw(_optional(_DATES)),
        completed_at=draw(_optional(st.one_of(_DATES, st.none()))),
        total_calls=draw(st.one_of(st.just(len(rows)), _optional(st.one_of(st.integers(-1, 9), st.none())))),
        completed_calls=draw(_optional(st.one_of(st.integers(0, 9), st.none()))),
        failed_calls=draw(_optional(st.one_of(st.integers(0, 9), st.none()))),
        eval_results=draw(
            _optional(st.lists(st.dictionaries(st.text(max_size=3), _JSON, max_size=2), max_size=2))
        ),
    )
    count = draw(st.one_of(st.just(len(rows)), st.just(len(rows)), _optional(st.integers(-1, 9))))
    total_pages = draw(
        st.one_of(st.just(len(numbered)), st.just(len(numbered)), _optional(st.integers(0, 4)))
    )
    replies = []
    for number, on_page in enumerate(numbered, 1):
        page = _object(results=on_page, count=count, total_pages=total_pages, current_page=number)
        body: Any = {"status": True, "result": {**copy.deepcopy(head), "call_results": page}}
        for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
            where = draw(st.sampled_from(list(_places(body))))
            how = draw(st.sampled_from(["set", "delete", "add"]))
            body = _change(body, where, how, draw(_JSON))
        replies.append(Reply(200, json.dumps(body).encode()))
    return replies


@pytest.mark.slow  # hypothesis draws the pages
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=_pages())
def test_any_drawn_pages_read_the_same_with_and_without_the_speed_extra(
    pages: list[Reply], server: RecordingServer, client: SimulateClient
) -> None:
    """Drawn pages (any JSON where the results' values go) give the same results or error both ways."""
    first, second = read_both_ways(server, client, pages)
    assert first == second
