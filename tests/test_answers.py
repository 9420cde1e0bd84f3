"""Reading an answer: the one envelope rule, error answers and their fields, retry-after, unreadable ones."""

from __future__ import annotations

import email.utils
import pickle
import types
from collections.abc import Callable
from typing import Any

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    FutureAGIError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    Selection,
    SimulateClient,
    _answers,
)
from tests.clients import KEY, SECRET, execute
from tests.data import RUN, S1, TEMPLATE, error, execution_snake
from tests.server import RecordingServer, Reply

DJANGO_404 = (
    "<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>"
)


def test_field_errors_carry_attr_and_details(client: SimulateClient, server: RecordingServer) -> None:
    """attr names the first bad field and details maps each field to its messages."""
    body = error(
        "validation_error",
        "invalid",
        "scenario_ids: Scenarios not found; name: Ensure this field has no more than 255 characters.",
        attr="scenario_ids",
        details={
            "scenario_ids": ["Scenarios not found"],
            "name": ["Ensure this field has no more than 255 characters."],
        },
    )
    server.reply(Reply(400, body))
    with pytest.raises(BadRequestError) as caught:
        client.run_tests.list()
    assert caught.value.attr == "scenario_ids"
    assert caught.value.details == body["details"]


def test_incomplete_scenarios_message_is_kept(client: SimulateClient, server: RecordingServer) -> None:
    """The server's 'Scenarios incomplete' sentence and list reach the user untouched."""
    sentence = f"Scenarios incomplete: ['{S1}']"
    server.reply(Reply(400, error("validation_error", "invalid", sentence)))
    with pytest.raises(BadRequestError) as caught:
        client.run_tests.execute(RUN, selection=Selection.only([S1]))
    assert caught.value.message == sentence


def test_django_html_404_is_a_not_found_error(client: SimulateClient, server: RecordingServer) -> None:
    """An HTML 404 page still raises NotFoundError, with the page as the body and a clear message."""
    server.reply(Reply(404, DJANGO_404, content_type="text/html; charset=utf-8"))
    with pytest.raises(NotFoundError) as caught:
        client.prompt_simulations.get(RUN, RUN)
    assert caught.value.body == DJANGO_404
    assert "text/html" in caught.value.message
    assert caught.value.code is None


def test_rate_limit_reads_retry_after_seconds(client: SimulateClient, server: RecordingServer) -> None:
    """A 429 carries the server's message and Retry-After in seconds."""
    body = {"status": False, "result": {"code": "RATE_LIMITED", "message": "Slow down.", "retry_after": 30}}
    server.reply(Reply(429, body, headers={"Retry-After": "12"}))
    with pytest.raises(RateLimitError) as caught:
        client.run_tests.list()
    assert (caught.value.retry_after, caught.value.message, caught.value.code) == (
        12.0,
        "Slow down.",
        "RATE_LIMITED",
    )


def test_rate_limit_reads_retry_after_http_date(
    client: SimulateClient, server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Retry-After as an HTTP date becomes the seconds from now until then."""
    now = 1_800_000_000.0  # a whole second: the HTTP date has no fraction to lose
    monkeypatch.setattr(_answers, "time", types.SimpleNamespace(time=lambda: now))
    when = email.utils.formatdate(now + 40, usegmt=True)
    server.reply(Reply(429, {"status": False}, headers={"Retry-After": when}))
    with pytest.raises(RateLimitError) as caught:
        client.run_tests.list()
    assert caught.value.retry_after == 40.0


def test_rate_limit_falls_back_to_body_retry_after(client: SimulateClient, server: RecordingServer) -> None:
    """Without the header, result.retry_after from the body is used."""
    server.reply(
        Reply(429, {"status": False, "result": {"code": "RATE_LIMITED", "message": "m", "retry_after": 7}})
    )
    with pytest.raises(RateLimitError) as caught:
        client.run_tests.list()
    assert caught.value.retry_after == 7.0


def test_bad_gateway_html_is_an_internal_server_error(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A proxy's 502 page raises InternalServerError, not a decoding error."""
    server.reply(Reply(502, "<html>Bad Gateway</html>", content_type="text/html"))
    with pytest.raises(InternalServerError) as caught:
        client.run_tests.list()
    assert caught.value.status_code == 502


def test_empty_error_body_still_has_a_message(client: SimulateClient, server: RecordingServer) -> None:
    """A 500 with no body says so instead of an empty message."""
    server.reply(Reply(500, None))
    with pytest.raises(InternalServerError, match="empty body"):
        client.run_tests.list()


def test_non_json_success_is_a_response_validation_error(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 200 HTML page raises APIResponseValidationError, never JSONDecodeError."""
    server.reply(Reply(200, "<html>maintenance</html>", content_type="text/html"))
    with pytest.raises(APIResponseValidationError, match="not JSON"):
        client.run_tests.list()


def test_json_nested_too_deep_is_a_response_validation_error(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A body nested past the JSON parser's depth raises APIResponseValidationError, not RecursionError."""
    server.reply(Reply(200, "[" * 200_000 + "]" * 200_000))
    with pytest.raises(APIResponseValidationError, match="not JSON"):
        client.run_tests.list()


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"count": 1},
        {"count": 1, "results": "nope"},
        {"count": 1, "results": [{"id": "not-a-uuid", "name": "x"}]},
        {"count": 1, "results": [{"id": RUN, "name": "x", "created_at": "yesterday"}]},
        {"count": "1", "results": []},
        {"count": True, "results": []},
        {"count": 1, "results": [{"id": RUN, "name": 5}]},
        {"count": 1, "results": [{"id": RUN, "name": "x", "scenarios": "S1"}]},
        {"count": 1, "results": [{"id": RUN, "name": "x", "agent_version": "v3"}]},
    ],
    ids=[
        "list",
        "no results",
        "results not a list",
        "bad uuid",
        "bad datetime",
        "count as string",
        "count as bool",
        "name as int",
        "ids as string",
        "object as string",
    ],
)
def test_wrong_shapes_are_response_validation_errors(
    client: SimulateClient, server: RecordingServer, body: object
) -> None:
    """Missing fields or wrong types raise APIResponseValidationError with the body attached."""
    server.reply(Reply(200, body))
    with pytest.raises(APIResponseValidationError) as caught:
        client.run_tests.list()
    assert caught.value.body == body


def test_wrong_type_error_names_the_field(client: SimulateClient, server: RecordingServer) -> None:
    """The validation error says which nested field broke the document."""
    body = {"count": 1, "results": [{"id": RUN, "name": "x", "scenarios_detail": [{"id": S1, "status": 3}]}]}
    server.reply(Reply(200, body))
    with pytest.raises(APIResponseValidationError, match=r"results\[0\]\.scenarios_detail\[0\]\.status"):
        client.run_tests.list()


@pytest.mark.parametrize(
    "body",
    [
        {"status": "started"},
        {
            "execution_id": "e",
            "run_test_id": RUN,
            "status": "started",
            "total_scenarios": 1,
            "total_calls": 0,
            "scenario_ids": [],
        },
        {
            "status": True,
            "result": {
                "execution_id": RUN,
                "run_test_id": RUN,
                "status": "started",
                "total_scenarios": "1",
                "total_calls": 0,
                "scenario_ids": [],
            },
        },
        "started",
    ],
    ids=["missing ids", "bad execution id", "count as string", "a string"],
)
def test_broken_execution_answers_are_response_validation_errors(
    client: SimulateClient, server: RecordingServer, body: object
) -> None:
    """An execute answer that is no execution raises APIResponseValidationError, never KeyError."""
    server.reply(Reply(200, body))
    with pytest.raises(APIResponseValidationError):
        client.run_tests.execute(RUN, selection=Selection.all())


def test_an_error_body_nested_600_deep(client: SimulateClient, server: RecordingServer) -> None:
    """An error body nested 600 deep (redaction walks it) raises BadRequestError, which prints and pickles."""
    # Written by hand: the test server's own json.dumps recurses too.
    nested = '{"inner": ' * 300 + "[" * 300 + '"bottom"' + "]" * 300 + "}" * 300
    server.reply(Reply(400, f'{{"message": "Deep.", "details": {nested}}}'))
    with pytest.raises(BadRequestError) as caught:
        client.run_tests.list()
    assert "Deep." in str(caught.value)
    # Too deep to keep as data: the body is kept as the text it came as, and no details are read from it.
    assert caught.value.body == f'{{"message": "Deep.", "details": {nested}}}'
    assert caught.value.details is None
    assert pickle.loads(pickle.dumps(caught.value)).body == caught.value.body


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("", "application/json"),
        ("<html>Welcome</html>", "text/html"),
        ('{"execution_id": ', "application/json"),
        ({"execution_id": "not a uuid"}, "application/json"),
    ],
    ids=["empty", "html", "truncated", "malformed"],
)
def test_a_2xx_execute_that_cannot_be_read_may_have_started(
    client: SimulateClient, server: RecordingServer, body: Any, content_type: str
) -> None:
    """An execute answered 2xx with an unreadable body: APIResponseValidationError, may_have_started."""
    server.reply(Reply(200, body, content_type=content_type))
    with pytest.raises(APIResponseValidationError) as caught:
        execute(client)
    assert caught.value.may_have_started is True
    assert caught.value.status_code == 200
    assert "may have started" in str(caught.value)


def test_a_list_that_cannot_be_read_did_not_start_anything(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The same unreadable answer to a list says may_have_started=False: a GET starts nothing."""
    server.reply(Reply(200, "<html>Welcome</html>", content_type="text/html"))
    with pytest.raises(APIResponseValidationError) as caught:
        client.run_tests.list()
    assert caught.value.may_have_started is False


def test_a_huge_error_message_is_quoted_in_an_excerpt(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 5 MB error message gives a str(exc) of a few hundred characters, not 5 MB."""
    server.reply(Reply(400, error("validation_error", "invalid", "y" * 5_000_000)))
    with pytest.raises(APIStatusError) as caught:
        client.run_tests.list()
    assert len(str(caught.value)) < 2000
    assert "more characters" in str(caught.value)


@pytest.mark.parametrize("extra", [{"result": {"note": "x"}}, {"data": {"queued": True}}, {"result": {}}])
def test_an_execution_with_its_own_fields_is_not_taken_for_an_envelope(
    client: SimulateClient, server: RecordingServer, extra: dict[str, Any]
) -> None:
    """A bare execute answer that also has a result or data key is read from its top level."""
    server.reply(Reply(200, {**execution_snake(), **extra}))
    execution = client.run_tests.execute(RUN, selection=Selection.all())
    assert str(execution.run_test_id) == RUN
    assert execution.additional_properties == extra


def test_an_enveloped_execution_is_still_unwrapped(client: SimulateClient, server: RecordingServer) -> None:
    """The open-source envelope {status, result: execution} is still read from its result."""
    server.reply(Reply(200, {"status": True, "result": execution_snake()}))
    assert str(client.run_tests.execute(RUN, selection=Selection.all()).run_test_id) == RUN


def test_a_status_error_names_the_operation_method_and_path(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Every APIStatusError message says which operation it was, and the method and path it called."""
    server.reply(Reply(403, error("permission_error", "permission_denied", "No write access.")))
    with pytest.raises(FutureAGIError) as caught:
        client.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.all())
    text = str(caught.value)
    assert text.startswith(
        "execute prompt simulation "
        f"(POST /simulate/prompt-templates/{TEMPLATE}/simulations/{RUN}/execute/): HTTP 403"
    )


def test_an_html_404_says_check_base_url(server: RecordingServer) -> None:
    """Django's HTML 404 page (a wrong base path) adds 'check base_url' with the base URL in use."""
    server.reply(Reply(404, "<html><h1>Not Found</h1></html>", content_type="text/html"))
    with SimulateClient(
        api_key=KEY, secret_key=SECRET, base_url=server.url + "/api/v2", max_retries=0
    ) as client:
        with pytest.raises(NotFoundError) as caught:
            client.run_tests.list()
    assert f"check base_url (in use: {server.url}/api/v2)" in str(caught.value)


def test_a_401_on_a_bearer_token_says_what_a_bearer_token_must_be(server: RecordingServer) -> None:
    """An API key passed as bearer_token: the 401 says a bearer token is a web-login session token."""
    server.reply(Reply(401, error("authentication_error", "authentication_failed", "Invalid Token parsed")))
    with SimulateClient(bearer_token=KEY, base_url=server.url, max_retries=0) as client:
        with pytest.raises(AuthenticationError) as caught:
            client.run_tests.list()
    assert "must be a web-login session token of the Future AGI app, not an API key" in str(caught.value)
    assert KEY not in str(caught.value)


def test_a_401_on_a_key_pair_does_not_talk_about_bearer_tokens(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The bearer advice is only given when a bearer token was sent."""
    server.reply(Reply(401, error("authentication_error", "authentication_failed", "Invalid API key.")))
    with pytest.raises(AuthenticationError) as caught:
        client.run_tests.list()
    assert "bearer" not in str(caught.value).lower()


# The envelope's own rule: what is wrong inside {status, result} is named at its key, in JSON's terms.
EXECUTION = "22222222-2222-2222-2222-222222222222"
ALL = Selection.all()


def _summary(client: SimulateClient) -> object:
    return client.run_tests.eval_summary(RUN)


# Each operation whose answer the open-source server wraps as {"status": true, "result": X}.
READS: dict[str, Callable[[SimulateClient], object]] = {
    "results": lambda client: client.executions.results(EXECUTION),
    "prompt simulation": lambda client: client.prompt_simulations.get(TEMPLATE, RUN),
    "execute": lambda client: client.run_tests.execute(RUN, selection=ALL),
    "prompt execute": lambda client: client.prompt_simulations.execute(TEMPLATE, RUN, selection=ALL),
}


def _refusal(client: SimulateClient, server: RecordingServer, body: Any, read: Callable[..., object]) -> str:
    server.handler = lambda _: Reply(200, body)
    with pytest.raises(APIResponseValidationError) as caught:
        read(client)
    return str(caught.value)


def test_eval_summary_with_a_null_result_names_the_key_in_json_terms(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An eval summary envelope holding null says `result: expected array, got null`, as before."""
    message = _refusal(client, server, {"status": True, "result": None}, _summary)
    assert "(ParseError: result: expected array, got null)" in message


def test_eval_summary_with_an_object_result_names_the_key_in_json_terms(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An eval summary envelope holding an object says `result: expected array, got object`."""
    message = _refusal(client, server, {"status": True, "result": {"id": 5}}, _summary)
    assert "(ParseError: result: expected array, got object)" in message


def test_eval_summary_item_faults_name_their_place_in_the_answer(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A wrong eval template inside the envelope is named from the answer's top: `result[1]: ...`."""
    body = {"status": True, "result": [{"id": RUN, "name": "tone", "result": []}, 5]}
    message = _refusal(client, server, body, _summary)
    assert "(ParseError: result[1]: expected object, got integer)" in message


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_an_envelope_holding_null_names_its_key(
    client: SimulateClient, server: RecordingServer, read: Callable[[SimulateClient], object]
) -> None:
    """`{status: true, result: null}` says `result: expected object, got null`, not a Python type or a key
    the envelope was never meant to have."""
    message = _refusal(client, server, {"status": True, "result": None}, read)
    assert "(ParseError: result: expected object, got null)" in message
    assert "NoneType" not in message


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_an_envelope_holding_an_array_names_its_key(
    client: SimulateClient, server: RecordingServer, read: Callable[[SimulateClient], object]
) -> None:
    """`{status: "success", data: [...]}` says `data: expected object, got array`."""
    message = _refusal(client, server, {"status": "success", "data": [1]}, read)
    assert "(ParseError: data: expected object, got array)" in message
