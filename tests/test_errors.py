"""Error answers and broken connections become the documented exception classes with their fields."""

from __future__ import annotations

import email.utils
import types

import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    Selection,
    SimulateClient,
    _answers,
)
from tests.data import API_KEY, RUN, S1, SECRET_KEY, error
from tests.server import RecordingServer, Reply

DJANGO_404 = (
    "<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>"
)


@pytest.mark.parametrize(
    ("status", "cls", "error_type", "code"),
    [
        (400, BadRequestError, "validation_error", "invalid"),
        (401, AuthenticationError, "authentication_error", "authentication_failed"),
        (402, PaymentRequiredError, "payment_required", "payment_required"),
        (403, PermissionDeniedError, "permission_error", "permission_denied"),
        (404, NotFoundError, "not_found", "not_found"),
        (500, InternalServerError, "server_error", "server_error"),
        (503, InternalServerError, "service_unavailable", "service_unavailable"),
        (409, APIStatusError, "conflict", "conflict"),
    ],
)
def test_status_maps_to_its_class_with_envelope_fields(
    client: SimulateClient,
    server: RecordingServer,
    status: int,
    cls: type[APIStatusError],
    error_type: str,
    code: str,
) -> None:
    """Each status raises its class, carrying status_code, message, code, error_type and body."""
    body = error(error_type, code, f"the server says {status}")
    server.reply(Reply(status, body))
    with pytest.raises(cls) as caught:
        client.run_tests.list()
    raised = caught.value
    assert type(raised) is cls
    assert (raised.status_code, raised.message, raised.code, raised.error_type) == (
        status,
        f"the server says {status}",
        code,
        error_type,
    )
    assert raised.body == body
    # A code equal to the type is said once: "(payment_required)", not "(payment_required, payment_required)".
    labels = error_type if code == error_type else f"{error_type}, {code}"
    assert str(raised) == (
        f"list run tests (GET /simulate/run-tests/): HTTP {status} ({labels}): the server says {status}"
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


def test_redirect_is_not_followed(client: SimulateClient, server: RecordingServer) -> None:
    """A 3xx raises naming the Location, and nothing is sent there."""
    server.reply(Reply(302, None, headers={"Location": "https://elsewhere.example/simulate/run-tests/"}))
    with pytest.raises(APIStatusError) as caught:
        client.run_tests.list()
    assert caught.value.status_code == 302
    assert "https://elsewhere.example/simulate/run-tests/" in caught.value.message
    assert len(server.requests) == 1


def test_slow_answer_is_a_timeout_error(server: RecordingServer) -> None:
    """An answer slower than the timeout raises APITimeoutError, a kind of APIConnectionError."""
    server.reply(Reply(200, {"count": 0, "results": []}, delay=1.0))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, timeout=0.2, max_retries=0
    ) as client:
        with pytest.raises(APITimeoutError) as caught:
            client.run_tests.list()
    assert isinstance(caught.value, APIConnectionError)
