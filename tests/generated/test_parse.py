"""The generated ``from_dict`` reads exactly what openapi.yaml allows, and says where an answer departs.

The oracle is openapi-core checking each drawn answer against the document, as the emulator checks every
exchange (``futureagi_simulate.testing._conformance``). Answers are drawn from the document's own schemas,
then broken in one place (a value of another JSON type, or a key removed). Whatever the oracle accepts
must parse and write back as it came (``to_dict``); whatever it refuses must raise ParseError whose path
leads to the broken place. The client's own reading (errors as APIResponseValidationError) is tested
through a real server on 127.0.0.1.
"""

from __future__ import annotations

import copy
import datetime
import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from futureagi_simulate import APIResponseValidationError, SimulateClient
from futureagi_simulate._api.models import ExecutionCamel, ExecutionSnake, RunTest, RunTestPage
from futureagi_simulate._api.types import ParseError, read_uuid
from futureagi_simulate.testing._conformance import Conformance, document_text
from tests.data import API_KEY, RUN, SECRET_KEY, page, run_test
from tests.server import RecordingServer, Reply

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

DOCUMENT: dict[str, Any] = yaml.safe_load(document_text())
SCHEMAS: dict[str, Any] = DOCUMENT["components"]["schemas"]
ORACLE = Conformance()


# Drawing answers from the document --------------------------------------------------------------------

# Any JSON, for the values the document leaves open and for the wrong values put in a right answer.
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    # Integral floats are left out: whether 5.0 is an integer is a question of JSON Schema drafts.
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer())
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=5), children, max_size=2)
    ),
    max_leaves=6,
)
MOMENTS = st.datetimes(
    min_value=datetime.datetime(1970, 1, 2),
    timezones=st.just(datetime.UTC)
    | st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
        lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
    ),
)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def answers(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values the schema allows, as a server would write them: UUIDs and date-times in their usual form."""
    schema = _resolve(schema)
    options: list[st.SearchStrategy[Any]] = []
    if schema.get("nullable"):
        options.append(st.none())
    if "enum" in schema:
        return st.one_of(*options, st.sampled_from([v for v in schema["enum"] if v is not None]))
    for combined in ("oneOf", "anyOf"):
        if combined in schema:
            return st.one_of(*options, *(answers(option, depth) for option in schema[combined]))
    if "allOf" in schema:
        (only,) = schema["allOf"]
        return st.one_of(*options, answers(only, depth))
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        options.append(_objects(schema, depth))
    elif kind == "array":
        most = min(schema.get("maxItems", 2), 2 if depth < 3 else 0)
        options.append(st.lists(answers(schema["items"], depth + 1), max_size=most))
    elif kind == "string":
        plain = {
            "uuid": st.uuids().map(str),
            "date-time": MOMENTS.map(lambda moment: moment.isoformat()),
        }
        options.append(plain.get(schema.get("format", ""), st.text(max_size=8)))
    elif kind == "integer":
        options.append(st.integers(-(2**40), 2**40))
    elif kind == "number":
        options.append(st.floats(allow_nan=False, allow_infinity=False))
    elif kind == "boolean":
        options.append(st.booleans())
    else:
        options.append(JSON)
    return st.one_of(*options)


def _objects(schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", ()))
    extra = schema.get("additionalProperties", True)
    if extra is False:
        unknown: st.SearchStrategy[dict[str, Any]] = st.just({})
    else:
        unknown = st.dictionaries(
            st.text(min_size=1, max_size=6).filter(lambda key: key not in properties),
            JSON if extra is True or extra == {} else answers(extra, depth + 1),
            max_size=2,
        )
    return st.builds(
        lambda known, more: {**more, **known},
        st.fixed_dictionaries(
            {key: answers(value, depth + 1) for key, value in properties.items() if key in required},
            optional={
                key: answers(value, depth + 1) for key, value in properties.items() if key not in required
            },
        ),
        unknown,
    )


# The oracle ----------------------------------------------------------------------------------------------


@attrs.frozen
class Answer:
    """An operation's success answer: its schema, and how the document's oracle is asked about a body."""

    name: str
    model: Any
    method: str
    path: str
    status: int

    def problems(self, body: Any) -> list[str]:
        return ORACLE.problems(
            method=self.method,
            path=self.path,
            query=[],
            headers={},
            body=b"",
            status=self.status,
            response_headers={"Content-Type": "application/json"},
            response_body=json.dumps(body).encode(),
            check_request=False,
        )


ANSWERS = [
    Answer("RunTestPage", RunTestPage, "get", "/simulate/run-tests/", 200),
    Answer("RunTest", RunTest, "post", "/simulate/run-tests/create/", 201),
    Answer("ExecutionSnake", ExecutionSnake, "post", f"/simulate/run-tests/{RUN}/execute/", 200),
]


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    children: Any = ()
    if isinstance(value, dict):
        children = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    for key, child in children:
        yield (*path, key)
        yield from _paths(child, (*path, key))


@st.composite
def broken(draw: st.DrawFn, answer: Answer) -> tuple[Any, tuple[str | int, ...]]:
    """A valid answer with one value replaced by JSON of another type, or one key removed; and where."""
    body = copy.deepcopy(draw(answers(SCHEMAS[answer.name])))
    places = list(_paths(body))
    assume(places)
    *parents, last = place = draw(st.sampled_from(places))
    container = body
    for step in parents:
        container = container[step]
    if isinstance(container, dict) and draw(st.booleans()):
        del container[last]
    else:
        before = container[last]
        container[last] = draw(JSON.filter(lambda new: type(new) is not type(before)))
    return body, place


def _read(answer: Answer, body: Any) -> Any:
    return answer.model.from_dict(body)


@pytest.mark.slow  # hypothesis draws the answers
@pytest.mark.no_cover  # they run the generated parse, which coverage leaves out
@pytest.mark.parametrize("answer", ANSWERS, ids=lambda answer: answer.name)
@SETTINGS
@given(data=st.data())
def test_every_answer_the_document_allows_reads_and_writes_back_as_it_came(
    answer: Answer, data: st.DataObject
) -> None:
    """A drawn answer the oracle accepts parses, and to_dict gives back the same JSON, unknown keys too."""
    body = data.draw(answers(SCHEMAS[answer.name]))
    assert answer.problems(body) == []
    kept = copy.deepcopy(body)
    model = _read(answer, body)
    assert body == kept  # the caller's JSON is left as it came
    assert model.to_dict() == body
    assert _read(answer, model.to_dict()) == model
    # consume=True (how the client reads its own answers) may reuse the JSON, and reads the same.
    assert answer.model.from_dict(copy.deepcopy(body), None, True) == model
    # from_dict assigns attributes without running __init__: every model it made is one __init__ makes.
    assert _through_init(model) == model


@pytest.mark.slow  # hypothesis draws the answers
@pytest.mark.no_cover  # they run the generated parse, which coverage leaves out
@pytest.mark.parametrize("answer", ANSWERS, ids=lambda answer: answer.name)
@SETTINGS
@given(data=st.data())
def test_an_answer_broken_in_one_place_parses_exactly_when_the_document_allows_it(
    answer: Answer, data: st.DataObject
) -> None:
    """Where the oracle refuses, ParseError names a path leading to the broken place; else it parses."""
    body, place = data.draw(broken(answer))
    if answer.problems(body):
        with pytest.raises(ParseError) as raised:
            _read(answer, body)
        where = tuple(raised.value.path)
        assert where, place
        assert place[: len(where)] == where, (where, place)
        with pytest.raises(ParseError) as consumed:
            answer.model.from_dict(copy.deepcopy(body), None, True)
        assert consumed.value.path == raised.value.path
    else:
        assert _read(answer, body).to_dict() == body


def test_a_wrong_value_is_named_by_its_path_from_the_top_of_the_answer() -> None:
    """The message names the first mismatching value as results[i].field.subfield."""
    runs = [run_test(), run_test()]
    runs[1]["scenarios_detail"] = [{"id": str(uuid.uuid4()), "name": "Angry customer", "status": 5}]
    body = page(runs, number=1, limit=10, count=2, base="http://x")
    with pytest.raises(ParseError, match=r"^results\[1\]\.scenarios_detail\[0\]\.status: expected string"):
        RunTestPage.from_dict(body)


def test_a_missing_required_key_is_named() -> None:
    """A run test without a name fails at results[0].name, not with a bare KeyError."""
    run = run_test()
    del run["name"]
    with pytest.raises(ParseError, match=r"^results\[0\]\.name: a required key is missing$"):
        RunTestPage.from_dict(page([run], number=1, limit=10, count=1, base="http://x"))


def test_camel_case_keys_are_read_from_the_keys_the_document_names() -> None:
    """ExecutionCamel reads executionId, not execution_id: the generated parse knows each model's keys."""
    execution_id, run_id = uuid.uuid4(), uuid.uuid4()
    camel = ExecutionCamel.from_dict(
        {
            "executionId": str(execution_id),
            "runTestId": str(run_id),
            "status": "started",
            "totalScenarios": 1,
            "totalCalls": 0,
            "scenarioIds": [],
        }
    )
    assert (camel.execution_id, camel.run_test_id) == (execution_id, run_id)
    assert camel.additional_properties == {}


def test_unknown_keys_are_kept_on_the_model_that_holds_them() -> None:
    """A key the document does not name is kept, under its wire name, on its own model only."""
    run = run_test(brand_new="kept")
    parsed = RunTestPage.from_dict(page([run], number=1, limit=10, count=1, base="http://x"))
    assert parsed.results[0].additional_properties == {"brand_new": "kept"}
    assert parsed.additional_properties == {}


def _through_init(value: Any) -> Any:
    """The same tree of models, each made again by its constructor from the attributes it holds."""
    if isinstance(value, list):
        return [_through_init(item) for item in value]
    if isinstance(value, dict):
        return {key: _through_init(item) for key, item in value.items()}
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return type(value)(**{f.alias: _through_init(getattr(value, f.name)) for f in fields})
    return value


def _generated_models() -> list[type[Any]]:
    import futureagi_simulate._api.models as package

    classes = [getattr(package, name) for name in package.__all__]
    return [cls for cls in classes if attrs.has(cls)]


@pytest.mark.parametrize("model", _generated_models(), ids=lambda model: model.__name__)
def test_a_generated_constructor_only_assigns(model: type[Any]) -> None:
    """No validator, converter, init hook or setattr hook: from_dict may assign in place of __init__."""
    assert all(f.validator is None and f.converter is None for f in attrs.fields(model))
    assert not hasattr(model, "__attrs_pre_init__")
    assert not hasattr(model, "__attrs_post_init__")
    assert vars(model).get("__setattr__", object.__setattr__) is object.__setattr__


def test_a_subclass_is_made_by_its_own_constructor() -> None:
    """from_dict on a user's subclass runs that subclass's __init__, nested models staying generated."""

    class Remembered(RunTestPage):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.made_by_init = True

    body = page([run_test()], number=1, limit=10, count=1, base="http://x")
    parsed = Remembered.from_dict(body)
    assert type(parsed) is Remembered
    assert parsed.made_by_init
    assert type(parsed.results[0]) is RunTest
    assert parsed.to_dict() == RunTestPage.from_dict(body).to_dict()


# Through the client ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[RecordingServer, SimulateClient]]:
    server = RecordingServer().start()
    client = SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=0)
    yield server, client
    client.close()
    server.stop()


def _listed(served: tuple[RecordingServer, SimulateClient], body: Any) -> RunTestPage:
    server, client = served
    server.handler = lambda request: Reply(200, body)
    return client.run_tests.list()


def test_a_broken_answer_is_an_api_response_validation_error_naming_the_field(
    served: tuple[RecordingServer, SimulateClient],
) -> None:
    """The client reports the generated parse's path in APIResponseValidationError, not a bare error."""
    run = run_test()
    run["created_at"] = 12
    with pytest.raises(APIResponseValidationError, match=r"results\[0\]\.created_at: expected string"):
        _listed(served, page([run], number=1, limit=10, count=1, base="http://x"))


def test_a_broken_answer_keeps_its_whole_body_on_the_error(
    served: tuple[RecordingServer, SimulateClient],
) -> None:
    """The error's body is the answer as it came (an agent's secrets [REDACTED], as in the models), though the
    parse reused its objects before failing."""
    runs = [run_test(run_id=str(uuid.uuid4())) for _ in range(3)]
    runs[2]["created_at"] = 12
    body = page(runs, number=1, limit=10, count=3, base="http://x")
    with pytest.raises(APIResponseValidationError, match=r"results\[2\]\.created_at") as caught:
        _listed(served, copy.deepcopy(body))
    expected = copy.deepcopy(body)
    for run in expected["results"]:
        run["agent_version"]["configuration_snapshot"]["api_key"] = "[REDACTED]"
    assert caught.value.body == expected


def test_each_model_of_a_page_owns_its_additional_properties(
    served: tuple[RecordingServer, SimulateClient],
) -> None:
    """No two models share an additional_properties dict, so writing into one leaves the rest as read."""
    runs = [run_test(run_id=str(uuid.uuid4()), extra_key=i) for i in range(3)]
    listed = _listed(served, page(runs, number=1, limit=10, count=3, base="http://x"))
    owned = [model.additional_properties for model in _models_in(listed)]
    assert len(owned) > 3
    for extra in owned:
        extra["written_by_the_user"] = True
        assert sum("written_by_the_user" in other for other in owned) == 1
        del extra["written_by_the_user"]


def _models_in(value: Any) -> Iterator[Any]:
    if isinstance(value, list):
        for item in value:
            yield from _models_in(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _models_in(getattr(value, field.name))


# The UUID shortcut -----------------------------------------------------------------------------------


def _outcome(read: Callable[[str], uuid.UUID], text: str) -> tuple[Any, ...]:
    try:
        made = read(text)
    except (ParseError, ValueError):
        return ("refused",)
    return (made.int, made.is_safe, repr(made), hash(made))


@pytest.mark.slow  # hypothesis draws 2,000 texts
@pytest.mark.no_cover  # the generated UUID reader, which coverage leaves out
@settings(max_examples=2000, deadline=None, database=None)
@given(
    text=st.one_of(
        st.text(alphabet="0123456789abcdefABCDEF-{}urnid:_ +x", min_size=28, max_size=46),
        st.uuids().map(str),
        st.uuids().map(lambda u: "{" + str(u).upper() + "}"),
        st.uuids().map(lambda u: u.urn),
        st.uuids().map(lambda u: u.hex),
    )
)
def test_the_uuid_reader_agrees_with_the_uuid_constructor(text: str) -> None:
    """read_uuid accepts exactly the text uuid.UUID accepts, and builds an equal UUID."""
    assert _outcome(lambda t: read_uuid(t, {}), text) == _outcome(uuid.UUID, text)


def test_the_oracle_reads_a_nullable_one_of_as_the_document_means() -> None:
    """A scenario's dataset_column_config may be null (nullable beside a oneOf): the oracle accepts it,
    and so does the parse. Drawn once by hypothesis, when the oracle read only a nullable allOf so."""
    body = {
        "id": "e3e70682-c209-4cac-629f-6fbed82c07cd",
        "name": "",
        "scenarios_detail": [{"id": "f728b4fa-4248-5e3a-0a5d-2f346baa9455", "dataset_column_config": None}],
    }
    (answer,) = [a for a in ANSWERS if a.name == "RunTest"]
    assert answer.problems(body) == []
    assert RunTest.from_dict(json.loads(json.dumps(body))).scenarios_detail[0].dataset_column_config is None  # type: ignore[index]
