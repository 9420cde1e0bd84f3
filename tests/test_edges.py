"""Issue 14, sections 4 and 5 (secrets at the edges; input and answers of every legal form), and the
errors of issue 17 that say what to do."""

from __future__ import annotations

import datetime
import logging
import pickle
import traceback
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIResponseValidationError,
    AuthenticationError,
    CredentialsError,
    FutureAGIError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    Selection,
    SimulateClient,
)
from tests.data import BEARER, RUN, TEMPLATE, error, execution_camel, execution_snake, page, run_test
from tests.server import RecordingServer, Reply

KEY = "fi-edge-api-key-77aa"
SECRET = "fi-edge-secret-key-99bb"
EMPTY_PAGE: dict[str, Any] = {"count": 0, "next": None, "previous": None, "results": []}


def _printed(exc: BaseException) -> str:
    """Everything a traceback printer or an error tracker could show of an exception and its chain."""
    texts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    seen: BaseException | None = exc
    while seen is not None:
        texts += [repr(v) for v in vars(seen).values()]
        request = getattr(seen, "request", None)
        if request is not None:
            texts.append(repr(dict(request.headers)))
        response = getattr(seen, "response", None)
        if response is not None:
            texts.append(repr(dict(response.request.headers)))
        seen = seen.__cause__ or seen.__context__
    return "\n".join(texts)


# 4. Secrets, at the edges too ----------------------------------------------------------------------------


def test_surrounding_whitespace_from_the_environment_is_removed(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FI_API_KEY and FI_SECRET_KEY with a CI store's trailing newline work, and are sent without it."""
    monkeypatch.setenv("FI_API_KEY", f"{KEY}\n")
    monkeypatch.setenv("FI_SECRET_KEY", f"  {SECRET}\r\n")
    server.reply(Reply(200, EMPTY_PAGE))
    with SimulateClient(base_url=server.url) as client:
        client.run_tests.list()
    sent = server.requests[0].headers
    assert (sent["x-api-key"], sent["x-secret-key"]) == (KEY, SECRET)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("FI_API_KEY", f"{KEY}\nX-Injected: 1"),
        ("FI_SECRET_KEY", f"{SECRET}\x7f"),
        ("FI_API_KEY", f"{KEY}é"),
        ("FI_SECRET_KEY", f"{SECRET}\tend"),
    ],
)
def test_a_credential_no_header_can_carry_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """A control or non-ASCII character in a key: CredentialsError naming the variable, never the value."""
    monkeypatch.setenv("FI_API_KEY", KEY)
    monkeypatch.setenv("FI_SECRET_KEY", SECRET)
    monkeypatch.setenv(variable, value)
    with pytest.raises(CredentialsError) as caught:
        SimulateClient(base_url="http://127.0.0.1:1")
    assert caught.value.argument == variable
    assert KEY not in _printed(caught.value)
    assert SECRET not in _printed(caught.value)


@pytest.mark.parametrize("argument", ["api_key", "secret_key", "bearer_token"])
def test_a_credential_argument_no_header_can_carry_is_refused_by_name(argument: str) -> None:
    """The same for arguments: a key with a newline inside is refused at construction, naming the argument."""
    credentials: dict[str, Any] = (
        {"bearer_token": f"tok\nen-{BEARER}"}
        if argument == "bearer_token"
        else {"api_key": KEY, "secret_key": SECRET, argument: f"ke\ny-{BEARER}"}
    )
    with pytest.raises(CredentialsError) as caught:
        SimulateClient(base_url="http://127.0.0.1:1", **credentials)
    assert caught.value.argument == argument
    assert BEARER not in _printed(caught.value)


def _failures(server: RecordingServer) -> list[FutureAGIError]:
    """One status error, one unreadable answer, one rate limit and one connection failure."""
    server.reply(
        Reply(400, error("validation_error", "invalid", "Bad selection.")),
        Reply(200, "<html>hi</html>", content_type="text/html"),
        Reply(429, error("throttled", "throttled", "Later."), headers={"Retry-After": "3600"}),
    )
    caught: list[FutureAGIError] = []
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url, max_retries=0) as client:
        calls: list[Callable[[SimulateClient], object]] = [
            lambda c: c.run_tests.execute(RUN, selection=Selection.all()),
            lambda c: c.run_tests.execute(RUN, selection=Selection.all()),
            lambda c: c.run_tests.list(),
        ]
        for call in calls:
            with pytest.raises(FutureAGIError) as raised:
                call(client)
            caught.append(raised.value)
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url="http://127.0.0.1:9", max_retries=0) as gone:
        with pytest.raises(APIConnectionError) as refused:
            gone.run_tests.execute(RUN, selection=Selection.all())
    return [*caught, refused.value]


def test_no_credential_in_exception_attributes_or_chains(server: RecordingServer) -> None:
    """exc.request.headers, exc.response.request.headers, the chain and the traceback show no credential."""
    failures = _failures(server)
    assert [type(f).__name__ for f in failures] == [
        "BadRequestError",
        "APIResponseValidationError",
        "RateLimitError",
        "APIConnectionError",
    ]
    for failure in failures:
        text = _printed(failure)
        assert "x-api-key" in text.lower()  # the header is there, blanked
        assert KEY not in text
        assert SECRET not in text


def test_exceptions_survive_pickle_without_secrets(server: RecordingServer) -> None:
    """Each error pickles and unpickles with status, message, code and may_have_started, and no secret."""
    for failure in _failures(server):
        data = pickle.dumps(failure)
        assert KEY.encode() not in data
        assert SECRET.encode() not in data
        back = pickle.loads(data)
        assert type(back) is type(failure)
        assert str(back) == str(failure)
        for name in ("status_code", "message", "code", "may_have_started", "retry_after", "body"):
            assert getattr(back, name, None) == getattr(failure, name, None)
        assert isinstance(back, FutureAGIError)


def test_no_credential_in_debug_logs_of_any_library(
    server: RecordingServer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every logger at DEBUG (ours, httpx, httpcore) over calls that fail and succeed: no credential."""
    monkeypatch.setenv("FI_API_KEY", f"{KEY}\n")
    monkeypatch.setenv("FI_SECRET_KEY", SECRET)
    with caplog.at_level(logging.DEBUG):
        _failures(server)
        server.reply(Reply(200, EMPTY_PAGE))
        with SimulateClient(base_url=server.url) as client:
            client.run_tests.list()
    formatter = logging.Formatter("%(name)s %(message)s %(args)s")
    logged = "\n".join(formatter.format(record) for record in caplog.records)
    assert "httpcore" in logged
    assert KEY not in logged
    assert SECRET not in logged


def test_a_base_url_with_user_and_password_is_refused() -> None:
    """base_url='https://user:password@host' is refused, and the password is not quoted back."""
    with pytest.raises(InvalidArgumentError) as caught:
        SimulateClient(api_key=KEY, secret_key=SECRET, base_url="https://me:hunter2@api.futureagi.com")
    assert caught.value.argument == "base_url"
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize(
    "message",
    [
        "Scenario 'fi-edge' is not ready [REDACTED] — déjà vu 🚀",
        "The key fi-edge-api-key-77a is unknown",  # one character short of the key: not the key
        "",
    ],
)
def test_redaction_never_alters_text_that_holds_no_secret(server: RecordingServer, message: str) -> None:
    """A server sentence without a credential in it reaches exc.message exactly as sent."""
    body = {**error("validation_error", "invalid", message), "details": {"name": [message]}}
    server.reply(Reply(400, body))
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url, max_retries=0) as client:
        with pytest.raises(FutureAGIError) as caught:
            client.run_tests.list()
    assert getattr(caught.value, "body", None) == body
    if message:
        assert getattr(caught.value, "message", None) == message


# 5. Input and answers of every legal form ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        (("false",), "select_all"),
        ((1,), "select_all"),
        ((None,), "select_all"),
        ((False, "abc"), "scenario_ids"),
        ((True, [RUN, "nope"]), "scenario_ids[1]"),
        ((False, []), "selection"),
    ],
)
def test_selection_cannot_be_built_around_its_checks(args: tuple[Any, ...], argument: str) -> None:
    """Selection('false') is not 'everything', Selection(False, 'abc') is not three ids: both refused."""
    with pytest.raises(InvalidArgumentError) as caught:
        Selection(*args)
    assert caught.value.argument == argument


def test_selection_built_directly_equals_the_class_methods() -> None:
    """Selection(False, [id]) is Selection.only([id]); Selection(True) is Selection.all()."""
    assert Selection(False, [RUN]) == Selection.only([RUN])
    assert Selection(True) == Selection.all()


class ShoutingUUID(uuid.UUID):
    """A UUID subclass that prints itself upper-case in braces."""

    def __str__(self) -> str:
        return "{" + super().__str__().upper() + "}"


def test_a_uuid_subclass_is_sent_in_canonical_form(client: SimulateClient, server: RecordingServer) -> None:
    """Ids given as a uuid.UUID subclass go out canonical, in the path and in the body."""
    server.reply(Reply(200, execution_camel()))
    client.run_tests.execute(ShoutingUUID(RUN), selection=Selection.only([ShoutingUUID(TEMPLATE)]))
    sent = server.requests[0]
    assert sent.path == f"/simulate/run-tests/{RUN}/execute/"
    assert sent.json()["scenarioIds"] == [TEMPLATE]


@pytest.mark.parametrize(
    "base_url", ["https://api.example.com/?x=1", "https://api.example.com/#top", "http://h/?"]
)
def test_a_base_url_with_a_query_or_fragment_is_refused(base_url: str) -> None:
    """base_url with a query or a fragment is refused at construction."""
    with pytest.raises(InvalidArgumentError, match=r"query or fragment"):
        SimulateClient(api_key=KEY, secret_key=SECRET, base_url=base_url)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-30T10:00:00z", datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)),
        ("2026-11-30t10:00:00Z", datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)),
        ("2016-12-31T23:59:60Z", datetime.datetime(2017, 1, 1, tzinfo=datetime.UTC)),
        (
            "2026-11-30T10:00:00.123456789+02:00",
            datetime.datetime(2026, 11, 30, 8, 0, 0, 123456, tzinfo=datetime.UTC),
        ),
        ("2026-11-30T10:00:00", datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)),
    ],
)
def test_every_rfc3339_date_time_form_parses(
    client: SimulateClient, server: RecordingServer, text: str, expected: datetime.datetime
) -> None:
    """Lower-case z and t, a leap second and nanoseconds parse; a date-time without offset is UTC."""
    run = run_test(RUN, "Dated", created_at=text, updated_at=text, last_run_at=text)
    server.reply(Reply(200, page([run], number=1, limit=10, count=1, base=server.url)))
    listed = client.run_tests.list().results[0]
    for moment in (listed.created_at, listed.updated_at, listed.last_run_at):
        assert moment == expected
        assert isinstance(moment, datetime.datetime)
        assert moment.tzinfo is not None


# Issue 17: errors that say what to do -------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("variable", "value", "cleaned"),
    [
        ("FI_BASE_URL", "  http://127.0.0.1:{port}/\n", True),
        ("FI_BASE_URL", "http://127.0.0.1:{port}/a b", False),
    ],
)
def test_a_base_url_from_the_environment_is_cleaned_or_refused_by_name(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, cleaned: bool
) -> None:
    """FI_BASE_URL with a trailing newline is cleaned; with a space inside it is refused by name."""
    port = server.url.rsplit(":", 1)[1]
    monkeypatch.setenv(variable, value.format(port=port))
    if cleaned:
        with SimulateClient(api_key=KEY, secret_key=SECRET) as client:
            assert client.base_url == server.url
        return
    with pytest.raises(InvalidArgumentError) as caught:
        SimulateClient(api_key=KEY, secret_key=SECRET)
    assert caught.value.argument == variable


def test_a_base_url_argument_with_a_trailing_newline_is_cleaned(server: RecordingServer) -> None:
    """base_url=' http://host:port/\\n' is used without its whitespace."""
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=f" {server.url}/\n") as client:
        assert client.base_url == server.url


def test_fi_workspace_id_configures_the_workspace(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FI_WORKSPACE_ID (trailing newline and all) is sent as X-Workspace-Id; an argument wins over it."""
    monkeypatch.setenv("FI_WORKSPACE_ID", f"{TEMPLATE}\n")
    server.reply(Reply(200, EMPTY_PAGE), Reply(200, EMPTY_PAGE))
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url) as client:
        client.run_tests.list()
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url, workspace_id=RUN) as client:
        client.run_tests.list()
    assert [r.headers["x-workspace-id"] for r in server.requests] == [TEMPLATE, RUN]


def test_a_bad_fi_workspace_id_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """FI_WORKSPACE_ID that is no UUID: InvalidArgumentError naming FI_WORKSPACE_ID, at construction."""
    monkeypatch.setenv("FI_WORKSPACE_ID", "my-workspace")
    with pytest.raises(InvalidArgumentError) as caught:
        SimulateClient(api_key=KEY, secret_key=SECRET, base_url="http://127.0.0.1:1")
    assert caught.value.argument == "FI_WORKSPACE_ID"


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


def test_a_page_past_the_last_says_so_and_is_not_retried(server: RecordingServer) -> None:
    """list(page=9) past the end (the server's 500 'Invalid page.') says so plainly, after one request."""
    server.handler = lambda request: Reply(500, error("server_error", "server_error", "Invalid page."))
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url) as client:
        with pytest.raises(InternalServerError) as caught:
            client.run_tests.list(page=9)
    assert "page 9 is past the last page" in str(caught.value)
    assert caught.value.may_have_started is False
    assert len(server.requests) == 1


def test_other_500s_on_a_list_are_still_retried(server: RecordingServer) -> None:
    """Only 'Invalid page.' is final: another 500 on a list is retried as before."""
    server.reply(Reply(500, error("server_error", "server_error", "Boom."), headers={"Retry-After": "0"}))
    server.reply(Reply(200, EMPTY_PAGE))
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url) as client:
        assert client.run_tests.list().count == 0
    assert len(server.requests) == 2


def test_kinds_the_tree_promises_are_importable() -> None:
    """The errors used above are the public ones (nothing here reaches into private modules)."""
    assert issubclass(RateLimitError, FutureAGIError)
    assert issubclass(APIResponseValidationError, FutureAGIError)
