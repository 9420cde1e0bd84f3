"""Hostile and broken answers: every endpoint returns a valid object or raises one of the client's errors.

Hypothesis draws the answer (status, content type, body) a real HTTP server on 127.0.0.1 sends back:
valid bodies with fields dropped, retyped or added, unknown enum values, huge strings, arbitrary JSON,
HTML pages, empty bodies and bytes that are not UTF-8, on success and on error statuses. Whatever comes
back, the call ends in its documented result type or a ``FutureAGIError``, and both print.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from futureagi_simulate import Execution, FutureAGIError, RunTest, RunTestPage, Selection, SimulateClient
from tests.data import AGENT, API_KEY, RUN, SECRET_KEY, TEMPLATE, execution_camel, execution_snake, run_test
from tests.data import page as page_body
from tests.server import RecordingServer, Reply

# slow: hypothesis draws the answers. no_cover: the error tests reach every line these do, and tracing
# hundreds of drawn answers would double the time (pytest-cov's marker).
pytestmark = [pytest.mark.slow, pytest.mark.no_cover]

EXAMPLES = 300

# Statuses without a body (1xx, 204, 205, 304) are left out: a body on them breaks HTTP framing itself,
# which is the connection's failure, proven in test_retry, not the client's reading of an answer.
STATUSES = st.one_of(
    st.sampled_from([200, 201, 400, 401, 402, 403, 404, 408, 409, 415, 429, 500, 502, 503, 504]),
    st.integers(200, 599).filter(lambda s: s not in (204, 205, 304)),
)
SUCCESS = st.sampled_from([200, 201, 202])

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # NaN and infinities too: Python's json writes and reads them
    st.text(max_size=30),
    st.uuids().map(str),
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=24,
)
HUGE_TEXT = st.integers(10_000, 1_000_000).map(lambda n: "x" * n)
UNKNOWN_ENUM = st.sampled_from(["Archived", "workflow", "queued_for_gpu", "", "COMPLETED"])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    children: Any = (
        value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    )
    for key, child in children:
        yield (*prefix, key)
        yield from _paths(child, (*prefix, key))


@st.composite
def mutated(draw: st.DrawFn, valid: Any) -> Any:
    """``valid`` with a few fields dropped, retyped, grown huge, given unknown enum values, or added."""
    body = copy.deepcopy(valid)
    for _ in range(draw(st.integers(0, 4))):
        paths = list(_paths(body))
        if not paths:
            break
        *parents, key = draw(st.sampled_from(paths))
        container = body
        for step in parents:
            container = container[step]
        action = draw(st.sampled_from(["drop", "retype", "huge", "enum", "add"]))
        if action == "drop" and isinstance(container, dict):
            del container[key]
        elif action == "add" and isinstance(container, dict):
            container[draw(st.text(min_size=1, max_size=12))] = draw(JSON)
        else:
            new = {"retype": JSON, "huge": HUGE_TEXT, "enum": UNKNOWN_ENUM}.get(action, JSON)
            container[key] = draw(new)
    return body


def replies(valid_bodies: list[Any]) -> st.SearchStrategy[Reply]:
    valid = st.sampled_from(valid_bodies).flatmap(mutated)
    return st.one_of(
        st.builds(Reply, status=SUCCESS, body=valid),
        st.builds(Reply, status=STATUSES, body=valid),
        st.builds(Reply, status=STATUSES, body=JSON),
        st.builds(
            Reply,
            status=STATUSES,
            body=st.sampled_from(["<html><body>Bad Gateway</body></html>", "", "OK", "null", "{", "[]"]),
            content_type=st.sampled_from(["text/html", "text/plain", "application/json", ""]),
        ),
        st.builds(
            Reply, status=STATUSES, body=st.binary(max_size=200), content_type=st.just("application/json")
        ),
        st.builds(Reply, status=STATUSES, body=HUGE_TEXT),
    )


RUN_TEST = run_test()
PAGE = page_body([run_test(), run_test(RUN, "Second")], number=1, limit=2, count=4, base="http://127.0.0.1")
EXECUTIONS = [
    execution_snake(),
    {"status": True, "result": execution_snake()},
    {"status": True, "data": execution_camel()},
    execution_camel(),
]

Endpoint = tuple[Callable[[SimulateClient], object], type, list[Any]]
ENDPOINTS: dict[str, Endpoint] = {
    "create": (
        lambda c: c.run_tests.create(name="n", agent_definition_id=AGENT, scenario_ids=[RUN]),
        RunTest,
        [RUN_TEST],
    ),
    "list": (lambda c: c.run_tests.list(), RunTestPage, [PAGE]),
    # At most 20 runs: a hostile server can promise pages forever.
    "iter": (lambda c: list(itertools.islice(c.run_tests.iter(page_size=2), 20)), list, [PAGE]),
    "get prompt simulation": (
        lambda c: c.prompt_simulations.get(TEMPLATE, RUN),
        RunTest,
        [RUN_TEST, {"status": True, "result": RUN_TEST}],
    ),
    "execute run test": (
        lambda c: c.run_tests.execute(RUN, selection=Selection.all()),
        Execution,
        EXECUTIONS,
    ),
    "execute prompt simulation": (
        lambda c: c.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.only([RUN])),
        Execution,
        EXECUTIONS,
    ),
}


@pytest.fixture(scope="module")
def hostile() -> Iterator[tuple[RecordingServer, SimulateClient]]:
    server = RecordingServer().start()
    # One attempt per answer: what a retry does is proven in test_retry, and it would only repeat
    # the same drawn answer here. camelCase bodies: no casing fallback changes state between examples.
    client = SimulateClient(
        api_key=API_KEY,
        secret_key=SECRET_KEY,
        base_url=server.url,
        timeout=10.0,
        max_retries=0,
        body_casing="camel",
    )
    yield server, client
    client.close()
    server.stop()


def _check(endpoint: str, hostile: tuple[RecordingServer, SimulateClient], reply: Reply) -> None:
    server, client = hostile
    call, expected, _ = ENDPOINTS[endpoint]
    server.handler = lambda request: reply
    try:
        result = call(client)
    except FutureAGIError as exc:
        # The error prints: a message that itself crashed would hide the server's answer.
        result = exc
        expected = FutureAGIError
    assert isinstance(result, expected)
    # Printing never raises, and an error always says something: an empty message hides the answer.
    printed, _ = str(result), repr(result)
    if isinstance(result, FutureAGIError):
        assert printed.strip()


def _test_for(endpoint: str) -> Callable[..., None]:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(reply=replies(ENDPOINTS[endpoint][2]))
    def test(hostile: tuple[RecordingServer, SimulateClient], reply: Reply) -> None:
        _check(endpoint, hostile, reply)

    test.__doc__ = (
        f"{endpoint}: any answer gives the documented type or a FutureAGIError, never another error."
    )
    return test


test_create_survives_hostile_answers = _test_for("create")
test_list_survives_hostile_answers = _test_for("list")
test_iter_survives_hostile_answers = _test_for("iter")
test_get_prompt_simulation_survives_hostile_answers = _test_for("get prompt simulation")
test_execute_run_test_survives_hostile_answers = _test_for("execute run test")
test_execute_prompt_simulation_survives_hostile_answers = _test_for("execute prompt simulation")
