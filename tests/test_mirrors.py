"""The ``speed`` extra's decoding road (``_mirrors``) gives what today's parse gives: the same model or the
same error, text and field path included, with every check kept (types, unknown keys kept, secrets
redacted, the 64-level nesting bound).

Each case is served by a real HTTP server on 127.0.0.1 and read twice through the public client: once with
the msgspec mirrors (msgspec is in the dev environment), once with the road switched off in-process
(``_mirrors.use(False)``), which is the client a user without the extra runs. Other tests prove the road is
taken at all, that ``import futureagi_simulate`` does not load msgspec, and that the client reads answers
without msgspec installed.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from futureagi_simulate import FutureAGIError, SimulateClient, _mirrors
from futureagi_simulate._answers import MAX_BODY_DEPTH, REFUSED, decode_body
from futureagi_simulate._api.models import DetailObject, EvalOutputs, RunTestPage
from futureagi_simulate._redaction import SECRET_FIELDS, redact_fields
from futureagi_simulate._resources import executions
from tests.data import (
    API_KEY,
    EVAL_RESOLVED,
    EVAL_TONE,
    EXECUTION,
    RUN,
    S1,
    S2,
    SECRET_KEY,
    call_row,
    eval_output,
    execution_detail,
    page,
    result_row,
    results,
    run_test,
)
from tests.server import RecordingServer, Reply, nested_list, raw_json_reply

Body = dict[str, Any]


@pytest.fixture(autouse=True)
def _road_back_on() -> Iterator[None]:
    yield
    _mirrors.use(True)


def both_ways(
    server: RecordingServer, client: SimulateClient, answer: Reply, read: Callable[[], Any]
) -> None:
    """Reads ``answer`` with the mirrors and without them; asserts the same model (equal and of equal repr)
    or the same exception (class and text)."""
    seen = []
    for on in (True, False):
        _mirrors.use(on)
        server.reply(answer)
        try:
            made = read()
        except FutureAGIError as exc:
            seen.append(("error", type(exc).__name__, str(exc)))
        else:
            seen.append(("model", made, repr(made)))
    assert seen[0] == seen[1]


# run_tests.list --------------------------------------------------------------------------------------------


def _page(server: RecordingServer, *runs: Body) -> Body:
    return page(
        list(runs) or [run_test(), run_test(run_id=S2, name="Second")],
        number=1,
        limit=10,
        count=2,
        base=server.url,
    )


def _run_with(change: Callable[[Body], None]) -> Callable[[RecordingServer], Reply]:
    def answer(server: RecordingServer) -> Reply:
        body = _page(server)
        change(body)
        return Reply(200, body)

    return answer


def _set(path: str, value: Any) -> Callable[[Body], None]:
    """Sets the value at ``path`` (``results.0.scenarios_detail.0.status``) of a page."""

    def change(body: Body) -> None:
        *parents, last = path.split(".")
        target: Any = body
        for step in parents:
            target = target[int(step)] if step.isdigit() else target[step]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = copy.deepcopy(value)

    return change


_DELETE = object()

LIST_CASES: dict[str, Callable[[RecordingServer], Reply]] = {
    "as the open-source server sends it": _run_with(lambda body: None),
    "an unknown key on a run test, kept": _run_with(_set("results.0.cost_estimate", 3.5)),
    "an unknown key on a scenario, kept": _run_with(_set("results.0.scenarios_detail.0.language", "fr")),
    "an unknown key on the page, kept": _run_with(_set("generated_at", "now")),
    "a scenario status of the wrong type": _run_with(_set("results.1.scenarios_detail.0.status", 3)),
    "a run test without its id": _run_with(_set("results.1.id", _DELETE)),
    "a run test's name null": _run_with(_set("results.0.name", None)),
    "a page count that is a boolean": _run_with(_set("count", True)),
    "a dataset_rows that is a float": _run_with(_set("results.0.scenarios_detail.0.dataset_rows", 12.0)),
    "scenarios null": _run_with(_set("results.0.scenarios", None)),
    "a UUID in braces": _run_with(
        _set("results.0.agent_definition", "{6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f}")
    ),
    "a UUID as a URN": _run_with(
        _set("results.0.organization", "urn:uuid:4c3b2a1f-0e9d-4c8b-7a6f-5e4d3c2b1a0f")
    ),
    "a UUID without hyphens, upper case": _run_with(
        _set("results.0.scenarios.1", "1C9A7B6F2D3E4F5A8B9C0D1E2F3A4B5C")
    ),
    "a UUID that is none": _run_with(_set("results.0.scenarios.0", "not-a-uuid")),
    "a date-time without an offset": _run_with(_set("results.0.created_at", "2026-11-22T10:00:00")),
    "a date-time in lower case": _run_with(_set("results.0.updated_at", "2026-11-22t10:00:00z")),
    "a date-time at a leap second": _run_with(
        _set("results.0.scenarios_detail.0.created_at", "2016-12-31T23:59:60Z")
    ),
    "a date-time with nanoseconds": _run_with(
        _set("results.0.created_at", "2026-11-22T10:00:00.123456789+02:00")
    ),
    "a date-time that is none": _run_with(_set("results.0.last_run_at", "yesterday")),
    "a large integer in a free-form object": _run_with(_set("results.0.agent_definition_detail.n", 10**30)),
    "a float in a free-form object": _run_with(_set("results.0.agent_definition_detail.x", 0.1)),
    "an agent's secrets": _run_with(_set("results.0.agent_definition_detail.api_key", "sk-live-123")),
    "an agent version's secrets": _run_with(
        _set("results.0.agent_version.configuration_snapshot.api_key", "tok-999")
    ),
    "a page that is an array": lambda server: Reply(200, [_page(server)]),
    "NaN in a free-form object": lambda server: raw_json_reply(
        _page(server, run_test(agent_definition_detail={"x": "@NAN"})), {"@NAN": "NaN"}
    ),
    "a number too large for a float": lambda server: raw_json_reply(
        _page(server, run_test(agent_definition_detail={"x": "@BIG"})), {"@BIG": "1e400"}
    ),
    "a lone surrogate in a name": lambda server: raw_json_reply(
        _page(server, run_test(name="@S")), {"@S": '"\\ud800"'}
    ),
    "a key given twice": lambda server: Reply(
        200, json.dumps(_page(server)).replace('"name": "Second"', '"name": "x", "name": "Second"').encode()
    ),
    "the page in UTF-16": lambda server: Reply(200, json.dumps(_page(server)).encode("utf-16")),
    "bytes that are not JSON": lambda server: Reply(200, b'{"count": 1, "results": ['),
}


@pytest.mark.parametrize("case", LIST_CASES)
def test_list_reads_the_same_with_and_without_the_speed_extra(
    case: str, server: RecordingServer, client: SimulateClient
) -> None:
    """run_tests.list gives the same page, or the same error text and path, with the mirrors and without."""
    both_ways(server, client, LIST_CASES[case](server), lambda: client.run_tests.list(limit=10))


GET_CASES: dict[str, Callable[[], Body]] = {
    "as the open-source server sends it": lambda: run_test(),
    "another run test than the one asked for": lambda: run_test(run_id=S2),
    "an agent's secrets": lambda: run_test(agent_definition_detail={"id": "a", "api_key": "sk-live-123"}),
    "an unknown key, kept": lambda: run_test(cost_estimate=3.5),
    "a scenario without its id": lambda: run_test(scenarios_detail=[{"name": "x"}]),
}


@pytest.mark.parametrize("case", GET_CASES)
def test_get_reads_the_same_with_and_without_the_speed_extra(
    case: str, server: RecordingServer, client: SimulateClient
) -> None:
    """run_tests.get gives the same run test, or the same error text, with the mirrors and without."""
    both_ways(server, client, Reply(200, GET_CASES[case]()), lambda: client.run_tests.get(RUN))


def _deepest_read(server: RecordingServer, client: SimulateClient, answer: Callable[[int], Reply]) -> int:
    """The deepest nesting (``answer(levels)``) the list reads without the mirrors: json.loads' reach from
    the read's own stack, found by bisection."""
    _mirrors.use(False)
    low, high = MAX_BODY_DEPTH, sys.getrecursionlimit() + 100
    while high - low > 1:
        middle = (low + high) // 2
        server.reply(answer(middle))
        try:
            client.run_tests.list()
        except FutureAGIError:
            high = middle
        else:
            low = middle
    _mirrors.use(True)
    return low


def test_details_nested_to_the_edge_of_json_loads_reach_read_the_same_both_ways(
    server: RecordingServer, client: SimulateClient
) -> None:
    """A run test's details nested just within, and just past, what json.loads decodes from the list's
    stack give the same page or the same error with the mirrors (msgspec decodes a few levels deeper)."""

    def answer(levels: int) -> Reply:
        return Reply(200, _page(server, run_test(agent_definition_detail={"deep": nested_list(levels)})))

    deepest = _deepest_read(server, client, answer)
    for levels in range(deepest - 8, deepest + 3):
        both_ways(server, client, answer(levels), lambda: client.run_tests.list())


def test_the_mirrors_redact_an_agents_secrets(server: RecordingServer, client: SimulateClient) -> None:
    """A run test read through the mirrors holds no agent secret: the details' and the snapshot's redacted."""
    run = run_test(agent_definition_detail={"id": "a", "api_key": "sk-live-123"})
    run["agent_version"]["configuration_snapshot"]["livekit_api_key"] = "tok-987"
    server.reply(Reply(200, _page(server, run)))
    listed = client.run_tests.list()
    assert "sk-live-123" not in repr(listed)
    assert "tok-987" not in repr(listed)


def _agent(**changes: Any) -> Body:
    """An agent's details as the open-source server sends them (no secret set), with ``changes``."""
    details: Body = {"id": "a", "agent_name": "Support", "api_key": "", "livekit_api_key": ""}
    details.update({"websocket_headers": {"X-Tenant": None}, "model_details": {}})
    return details | changes


def test_run_tests_sharing_an_agent_have_each_ones_secrets_redacted(
    server: RecordingServer, client: SimulateClient
) -> None:
    """A page's run tests whose agent details and snapshots match but for a secret each have it redacted,
    with the mirrors and without them (the same page both ways)."""
    secrets = {"sk-live-333333": "api_key", "tok-444444": "livekit_api_key"}
    runs = [
        run_test(run_id=S1, agent_definition_detail=_agent()),
        run_test(run_id=S2, agent_definition_detail=_agent()),
    ]
    for secret, key in secrets.items():
        runs.append(run_test(run_id=S1, agent_definition_detail=_agent(**{key: secret})))
    runs.append(
        run_test(run_id=S2, agent_definition_detail=_agent(websocket_headers={"X-Tenant": "hdr-555555"}))
    )
    runs.append(run_test(run_id=S1, agent_definition_detail=_agent()))
    for run, secret in zip(runs, ["", "", "", "", "", "snap-666666"], strict=True):
        run["agent_version"]["configuration_snapshot"] = {"agent_type": "voice", "api_key": secret}
    for on in (True, False):
        _mirrors.use(on)
        server.reply(Reply(200, _page(server, *runs)))
        listed = client.run_tests.list()
        for secret in [*secrets, "hdr-555555", "snap-666666"]:
            assert secret not in repr(listed)
    both_ways(server, client, Reply(200, _page(server, *runs)), lambda: client.run_tests.list())


def test_run_tests_after_one_with_a_secret_have_theirs_redacted_too(
    server: RecordingServer, client: SimulateClient
) -> None:
    """Run tests with the same agent details as an earlier one that held a secret hold it redacted too,
    with the mirrors and without them."""
    runs = [run_test(agent_definition_detail=_agent(api_key="sk-live-777777")) for _ in range(3)]
    for on in (True, False):
        _mirrors.use(on)
        server.reply(Reply(200, _page(server, *runs)))
        details = [run.agent_definition_detail for run in client.run_tests.list().results]
        assert [d["api_key"] for d in details if isinstance(d, DetailObject)] == ["[REDACTED]"] * 3


# Keys redaction knows and others; values that redaction keeps (unset) or replaces, in every JSON shape.
_KEYS = st.sampled_from(sorted(SECRET_FIELDS)[:4]) | st.text(max_size=2)
_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.sampled_from(["", "sk-1"])
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=20,
)


@pytest.mark.slow  # hypothesis draws the objects
@given(st.dictionaries(_KEYS, _JSON, max_size=5))
def test_the_mirrors_redact_any_json_object_as_redact_fields_does(value: Body) -> None:
    """The mirrors' redaction of an agent's details (the object itself when nothing is secret) equals the
    one rule's, redact_fields, for any JSON object."""
    assert _mirrors.redacted_json(copy.deepcopy(value)) == redact_fields(value)


_OBJECTS = st.dictionaries(_KEYS, _JSON, max_size=5)


@pytest.mark.slow  # hypothesis draws the pages
@given(st.lists(_OBJECTS, min_size=1, max_size=3), st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2))))
def test_the_mirrors_redact_each_run_test_of_a_page_as_redact_fields_does(
    pool: list[Body], picks: list[tuple[int, int]]
) -> None:
    """Each run test's agent details and snapshot, drawn again and again from a few JSON objects (as a
    page's run tests share an agent), are redacted by the mirrors as redact_fields redacts each alone."""
    chosen = [(pool[d % len(pool)], pool[s % len(pool)]) for d, s in picks]
    runs = [
        SimpleNamespace(
            agent_definition_detail=copy.deepcopy(detail),
            agent_version=SimpleNamespace(configuration_snapshot=copy.deepcopy(snapshot)),
        )
        for detail, snapshot in chosen
    ]
    _mirrors.redact_mirrored_agent_parts(SimpleNamespace(results=runs))
    for run, (detail, snapshot) in zip(runs, chosen, strict=True):
        assert run.agent_definition_detail == redact_fields(detail)
        assert run.agent_version.configuration_snapshot == redact_fields(snapshot)


# executions.get, .calls, .results --------------------------------------------------------------------------


def _calls(*, transcript: Any = None) -> list[Body]:
    rows = [
        call_row(S1, evals={EVAL_TONE: eval_output("Tone", True)}),
        call_row(S2, "failed", evals={EVAL_RESOLVED: eval_output("Resolved", 0.25, reason="late")}),
    ]
    # The open-source server's rows carry keys the document does not declare (tests/data/answers-oss.json).
    rows[0].update(customer_cost_cents=12, recording_url=None, provider_call_data={"a": [1, {"b": None}]})
    if transcript is not None:
        rows[1]["transcript"] = transcript
    return rows


def _detail(change: Callable[[Body], None] = lambda body: None, **options: Any) -> Reply:
    body = execution_detail("completed", _calls(**options))
    change(body)
    return Reply(200, body)


# The answer's own levels above a call row's transcript items: the page, results, the row, transcript.
_ABOVE_TRANSCRIPT = 3
# An eval output of a call row as the open-source server sends it (tests/data/answers-oss.json): a
# structured form, two declared keys (output, output_type) absent and three undeclared ones.
_STRUCTURED_OUTPUT = {
    "value": "Passed",
    "reason": "calm",
    "type": "Pass/Fail",
    "name": "Tone",
    "error": False,
    "status": "completed",
    "skipped": False,
}
_TRICKY = '[{"]}\\" \\\\ \\u005b \u00e9 ]]'

DETAIL_CASES: dict[str, Callable[[], Reply]] = {
    "as the open-source server sends it, rows with undeclared keys": lambda: _detail(),
    "a transcript at the nesting bound": lambda: _detail(
        transcript=nested_list(MAX_BODY_DEPTH - _ABOVE_TRANSCRIPT)
    ),
    "a transcript past the nesting bound": lambda: _detail(
        transcript=nested_list(MAX_BODY_DEPTH - _ABOVE_TRANSCRIPT + 1)
    ),
    "a column order past the nesting bound": lambda: _detail(
        _set("column_order", [nested_list(MAX_BODY_DEPTH)])
    ),
    "a status of the wrong type": lambda: _detail(_set("status", 7)),
    "an unknown key on the page, kept": lambda: _detail(_set("queue", {"waiting": 2})),
    "a call row's id that is none": lambda: _detail(_set("results.1.id", "nope")),
    "a call row's duration as an integer": lambda: _detail(_set("results.0.duration_seconds", 42)),
    "error messages of the wrong type": lambda: _detail(_set("error_messages", [1])),
    "eval outputs as the open-source server sends them in call rows": lambda: _detail(
        _set(f"results.0.eval_outputs.{EVAL_TONE}", _STRUCTURED_OUTPUT)
    ),
    "an eval output that is no object": lambda: _detail(_set(f"results.1.eval_outputs.{EVAL_RESOLVED}", [])),
    "eval outputs null": lambda: _detail(_set("results.0.eval_outputs", None)),
    "a call row without its status, unknown keys kept": lambda: _detail(_set("results.0.status", _DELETE)),
    "a call row without its id": lambda: _detail(_set("results.0.id", _DELETE)),
    "a call row that is an array": lambda: _detail(_set("results.1", [])),
    "strings holding brackets, quotes and escapes": lambda: _detail(transcript=[_TRICKY, {_TRICKY: _TRICKY}]),
    # Brackets in strings are no levels: closing ones before the deepest place and opening ones after it
    # would hide 3 levels from a count that took them for the answer's own.
    "a transcript past the bound, its strings holding brackets": lambda: _detail(
        transcript=["]]]", nested_list(MAX_BODY_DEPTH - _ABOVE_TRANSCRIPT), "[[["]
    ),
    "NaN in a call row's undeclared key": lambda: raw_json_reply(_detail().body, {"+15550100": "NaN"}),
    "a number too large for a float in a call row": lambda: raw_json_reply(
        _detail().body, {"+15550100": "1e400"}
    ),
    "an integer of 5,000 digits in a call row": lambda: raw_json_reply(
        _detail().body, {"+15550100": "7" * 5000}
    ),
    "a lone surrogate in a call row": lambda: raw_json_reply(_detail().body, {"+15550100": '"\\ud800"'}),
    "a key given twice in a call row": lambda: Reply(
        200,
        json.dumps(_detail().body).replace('"status": "failed"', '"status": 3, "status": "failed"').encode(),
    ),
    "the page in UTF-16": lambda: Reply(200, json.dumps(_detail().body).encode("utf-16")),
    "the page after a byte order mark": lambda: Reply(
        200, b"\xef\xbb\xbf" + json.dumps(_detail().body).encode()
    ),
    "a page that is an array": lambda: Reply(200, [_detail().body]),
    "bytes that are not JSON": lambda: Reply(200, b'{"results": [{"id": "x"}, '),
    "brackets that do not pair": lambda: Reply(200, b'{"results": [[[}'),
}


def _outcome(read: Callable[[], Any]) -> tuple[Any, ...]:
    """What a read gives: the model and its repr, or the exception's class and text."""
    try:
        made = read()
    except FutureAGIError as exc:
        return ("error", type(exc).__name__, str(exc))
    return ("model", made, repr(made))


@pytest.mark.parametrize("case", DETAIL_CASES)
def test_execution_detail_reads_the_same_with_and_without_the_speed_extra(
    case: str, server: RecordingServer, client: SimulateClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """executions.get gives the same state, or the same error text and path, with msgspec, without it (the
    page decoded by json.loads), and by today's parse (json.loads, the bound walked on the decoded page)."""
    answer = DETAIL_CASES[case]()
    seen = []
    for on in (True, False):
        _mirrors.use(on)
        server.reply(answer)
        seen.append(_outcome(lambda: client.executions.get(EXECUTION)))
    # Today's parse alone: the page's fast road refuses every answer.
    monkeypatch.setattr(executions.parse_execution_page, "fast", lambda content: REFUSED)
    server.reply(answer)
    seen.append(_outcome(lambda: client.executions.get(EXECUTION)))
    assert seen[0] == seen[1] == seen[2]


def test_calls_read_the_same_with_and_without_the_speed_extra(
    server: RecordingServer, client: SimulateClient
) -> None:
    """executions.calls yields the same call executions, unknown keys kept, with the mirrors and without."""
    both_ways(server, client, _detail(), lambda: list(client.executions.calls(EXECUTION)))


def _result_rows() -> list[Body]:
    return [
        result_row(S1, evals={EVAL_TONE: eval_output("Tone", True, reason="calm")}),
        result_row(S2, "failed", evals={EVAL_RESOLVED: eval_output("Resolved", {"score": [0.5]})}),
    ]


def _results(change: Callable[[Body], None] = lambda body: None, *, envelope: bool = True) -> Reply:
    body = results("completed", _result_rows(), envelope=envelope)
    change(body)
    return Reply(200, body)


# Where the result rows are, in the open-source envelope, and the levels above an eval output's value: the
# envelope, result, call_results, its results, the row, eval_outputs, the eval output.
_ROW = "result.call_results.results"
_ABOVE_OUTPUT = 7

RESULTS_CASES: dict[str, Callable[[], Reply]] = {
    "in the open-source envelope": lambda: _results(),
    "bare, as documented": lambda: _results(envelope=False),
    "in a data envelope": lambda: Reply(
        200, {"status": "success", "data": results("completed", [], envelope=False)}
    ),
    "about another execution": lambda: _results(_set("result.execution_id", S1)),
    "a duration that is text": lambda: _results(_set("result.call_results.results.1.duration_seconds", "x")),
    "a duration that is an integer": lambda: _results(
        _set("result.call_results.results.1.duration_seconds", 30)
    ),
    "an eval output at the nesting bound": lambda: _results(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.output", nested_list(MAX_BODY_DEPTH - _ABOVE_OUTPUT))
    ),
    "an eval output past the nesting bound": lambda: _results(
        _set(f"{_ROW}.0.eval_outputs.{EVAL_TONE}.output", nested_list(MAX_BODY_DEPTH - _ABOVE_OUTPUT + 1))
    ),
    "a started_at without an offset": lambda: _results(_set("result.started_at", "2026-11-30T10:00:00")),
    "an unknown key in the envelope": lambda: _results(_set("took_ms", 4)),
    # The envelope itself is one level: its status, which nothing reads, nests within the rest's bound.
    "an envelope status at the nesting bound": lambda: _results(
        _set("status", nested_list(MAX_BODY_DEPTH - 1))
    ),
    "an envelope status past the nesting bound": lambda: _results(
        _set("status", nested_list(MAX_BODY_DEPTH))
    ),
    "an unknown key on a result row, kept": lambda: _results(_set(f"{_ROW}.0.cost", 1)),
}


@pytest.mark.parametrize("case", RESULTS_CASES)
def test_results_read_the_same_with_and_without_the_speed_extra(
    case: str, server: RecordingServer, client: SimulateClient
) -> None:
    """executions.results gives the same results, or the same error text, with the mirrors and without."""
    both_ways(server, client, RESULTS_CASES[case](), lambda: client.executions.results(EXECUTION))


# The road itself --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "read"),
    [
        (lambda server: Reply(200, _page(server)), lambda client: client.run_tests.list()),
        (lambda server: Reply(200, run_test()), lambda client: client.run_tests.get(RUN)),
        (lambda server: _detail(), lambda client: client.executions.get(EXECUTION)),
        (lambda server: _results(), lambda client: client.executions.results(EXECUTION)),
    ],
    ids=["run_tests.list", "run_tests.get", "executions.get", "executions.results"],
)
def test_the_mirrors_read_a_well_formed_answer_without_json_loads(
    answer: Callable[[RecordingServer], Reply],
    read: Callable[[SimulateClient], Any],
    server: RecordingServer,
    client: SimulateClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the extra, a page as the open-source server sends it is read from its bytes by the mirrors:
    today's decoding is not called."""
    decoded: list[object] = []

    def counted(response: httpx.Response) -> tuple[object, bool]:
        decoded.append(response)
        return decode_body(response)

    monkeypatch.setattr("futureagi_simulate._flows.decode_body", counted)
    server.reply(answer(server))
    read(client)
    assert decoded == []


def test_import_leaves_msgspec_unloaded_until_an_answer_is_read(server: RecordingServer) -> None:
    """``import futureagi_simulate`` and a client do not load msgspec; the first answer read does."""
    server.handler = lambda request: Reply(200, _page(server))
    script = textwrap.dedent(
        f"""
        import sys
        import futureagi_simulate
        client = futureagi_simulate.SimulateClient(api_key={API_KEY!r}, secret_key={SECRET_KEY!r},
                                                   base_url={server.url!r})
        client.run_tests
        print("msgspec" in sys.modules)
        client.run_tests.list()
        print("msgspec" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_the_client_reads_answers_without_msgspec(server: RecordingServer) -> None:
    """Without msgspec installed (the extra left out) the client reads the same pages, by today's parse."""
    server.handler = lambda request: Reply(200, _page(server))
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["msgspec"] = None  # what an environment without the extra has: import msgspec fails
        import futureagi_simulate
        from futureagi_simulate import _mirrors
        client = futureagi_simulate.SimulateClient(api_key={API_KEY!r}, secret_key={SECRET_KEY!r},
                                                   base_url={server.url!r})
        listed = client.run_tests.list()
        print(_mirrors.available(), [run.name for run in listed.results])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False ['Checkout regression', 'Second']"


def test_without_msgspec_a_page_of_call_rows_is_read_from_its_bytes_the_same(
    server: RecordingServer, client: SimulateClient
) -> None:
    """Without msgspec installed, a page of call rows is still read from its bytes (json.loads of its text,
    the bound counted on the bytes, not decoded again by today's road), to the rows the extra reads."""
    answer = _detail(transcript=[_TRICKY, {"turn": [1, [2, [3]]]}])
    server.handler = lambda request: answer
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["msgspec"] = None  # what an environment without the extra has: import msgspec fails
        import futureagi_simulate
        from futureagi_simulate import _flows, _mirrors
        decoded = []
        def counted(response, decode=_flows.decode_body):
            decoded.append(response)
            return decode(response)
        _flows.decode_body = counted
        client = futureagi_simulate.SimulateClient(api_key={API_KEY!r}, secret_key={SECRET_KEY!r},
                                                   base_url={server.url!r})
        rows = list(client.executions.calls({EXECUTION!r}))
        print(_mirrors.available(), len(decoded))
        print(repr(rows))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    flags, printed = done.stdout.split("\n", 1)
    assert flags.split() == ["False", "0"]
    # The same repr but for where each process keeps its UNSET (``<... Unset object at 0x...>``).
    here = repr(list(client.executions.calls(EXECUTION)))
    assert re.sub(" at 0x[0-9a-f]+", "", printed.strip()) == re.sub(" at 0x[0-9a-f]+", "", here)


def test_an_msgspec_older_than_the_extras_reads_as_without_it(server: RecordingServer) -> None:
    """An msgspec older than the speed extra's floor (0.16 reads an integer past 64 bits as a float, where
    json.loads keeps it an int) is not used: the page is read by today's parse."""
    run = run_test(agent_definition_detail={"n": 10**30})
    server.handler = lambda request: Reply(200, _page(server, run))
    script = textwrap.dedent(
        f"""
        import msgspec
        msgspec.__version__ = "0.16.0"  # what an environment with an older msgspec installed has
        import futureagi_simulate
        from futureagi_simulate import _flows, _mirrors
        decoded = []
        def counted(response, decode=_flows.decode_body):
            decoded.append(response)
            return decode(response)
        _flows.decode_body = counted
        client = futureagi_simulate.SimulateClient(api_key={API_KEY!r}, secret_key={SECRET_KEY!r},
                                                   base_url={server.url!r})
        listed = client.run_tests.list()
        detail = listed.results[0].agent_definition_detail.additional_properties
        print(_mirrors.available(), len(decoded), detail["n"])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "1", str(10**30)]


def test_without_msgspec_a_reader_refuses_every_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where msgspec cannot be imported, the road reports itself unavailable and refuses at once, so the
    flows read the answer by today's parse."""
    monkeypatch.setitem(sys.modules, "msgspec", None)
    assert not _mirrors.available()
    reader = _mirrors.Mirrored(RunTestPage)
    assert reader(json.dumps(page([run_test()], number=1, limit=10, count=1, base="x")).encode()) is REFUSED


def test_a_model_without_a_mirror_is_read_by_todays_parse() -> None:
    """A model the templates give no mirror (a map of eval outputs, read by from_dict) has no fast road."""
    assert _mirrors.Mirrored(EvalOutputs)(b"{}") is REFUSED


def test_the_road_is_available_with_msgspec_until_switched_off() -> None:
    """With msgspec installed the road is available; use(False) switches it off in-process."""
    assert _mirrors.available()
    _mirrors.use(False)
    assert not _mirrors.available()


def test_a_child_forked_while_the_mirrors_were_being_built_reads_its_page(server: RecordingServer) -> None:
    """A process forked while another thread held the mirrors' build (its lock) reads its first page in the
    child rather than waiting for a thread the child does not have."""
    server.handler = lambda request: Reply(200, _page(server))
    script = textwrap.dedent(
        f"""
        import os, signal
        import futureagi_simulate
        from futureagi_simulate import _mirrors
        client = futureagi_simulate.SimulateClient(api_key={API_KEY!r}, secret_key={SECRET_KEY!r},
                                                   base_url={server.url!r})
        _mirrors._BUILDING.acquire()  # what another thread's first build holds at the fork
        pid = os.fork()
        if pid == 0:
            signal.alarm(30)  # a child stuck on the parent's lock is killed rather than left behind
            os._exit(0 if [run.name for run in client.run_tests.list().results] else 3)
        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
