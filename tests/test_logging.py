"""A credential the server echoes in a response header reaches no log line, at any level.

httpcore logs every response's headers at DEBUG and httpx each status line at INFO; a server or proxy
that echoes the key back (``X-Api-Key``, a cookie, any header) must not put it into the user's logs. Every
logger is captured at DEBUG, as a user who turns on debugging would.
"""

from __future__ import annotations

import logging

import pytest

from futureagi_simulate import AsyncSimulateClient, Selection, SimulateClient
from tests.clients import EMPTY_PAGE, KEY, SECRET, _failures, assert_clean
from tests.data import API_KEY, RUN, SECRET_KEY, execution_snake
from tests.server import RecordingServer, Reply

# The credentials, echoed in a header of their own, in a cookie, and inside another header's value.
ECHOES = {
    "X-Api-Key": API_KEY,
    "Set-Cookie": f"fi_secret={SECRET_KEY}; Path=/; HttpOnly",
    "X-Debug-Echo": f"you sent {API_KEY} and {SECRET_KEY}",
    "X-Secret-Key": SECRET_KEY,
}
SESSION_COOKIE = "session=9f8e7d6c5b4a39281706"


def _captured(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured line, formatted as a handler would write it."""
    return "\n".join(caplog.text.splitlines() + [record.getMessage() for record in caplog.records])


def test_credentials_echoed_in_headers_reach_no_debug_line(
    server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Headers echoing the API key and secret key: no log line of any logger holds either."""
    caplog.set_level(logging.DEBUG)
    server.reply(Reply(200, EMPTY_PAGE, headers=ECHOES))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        client.run_tests.list()
    text = _captured(caplog)
    # The headers were logged (httpcore at DEBUG): the capture did see them.
    assert "receive_response_headers" in text
    assert "x-debug-echo" in text.lower()
    assert API_KEY not in text
    assert SECRET_KEY not in text


def test_a_session_cookie_the_server_sets_reaches_no_debug_line(
    server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A Set-Cookie of the server's own (a credential this client never had) is logged without its value."""
    caplog.set_level(logging.DEBUG)
    server.reply(Reply(200, EMPTY_PAGE, headers={"Set-Cookie": SESSION_COOKIE}))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        client.run_tests.list()
    text = _captured(caplog)
    assert "set-cookie" in text.lower()
    assert "9f8e7d6c5b4a39281706" not in text


def test_an_echo_on_an_error_answer_reaches_no_debug_line(
    server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A retried 503 echoing the key, then a 200: neither the retry line nor httpcore's lines hold it."""
    caplog.set_level(logging.DEBUG)
    server.reply(
        Reply(503, {"message": "busy"}, headers={**ECHOES, "Retry-After": "0"}),
        Reply(200, EMPTY_PAGE, headers=ECHOES),
    )
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=1) as client:
        client.run_tests.list()
    text = _captured(caplog)
    assert "retry 1 of 1" in text
    assert API_KEY not in text
    assert SECRET_KEY not in text


@pytest.mark.anyio
async def test_the_async_client_keeps_echoed_credentials_out_of_logs(
    server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """The async client's pool logs through httpcore's async side: no credential there either."""
    caplog.set_level(logging.DEBUG)
    server.reply(Reply(200, EMPTY_PAGE, headers=ECHOES))
    async with AsyncSimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        await client.run_tests.list()
    text = _captured(caplog)
    assert "receive_response_headers" in text
    assert API_KEY not in text
    assert SECRET_KEY not in text


def test_a_client_collected_while_a_record_is_filtered_does_not_deadlock() -> None:
    """A client's finalizer run by the collector inside the filter, lock held, returns at once."""
    from futureagi_simulate import _logging

    class Owner:
        pass

    owner = Owner()
    _logging.register(owner, ("collected-secret-value",))
    assert "collected-secret-value" in _logging._current()
    with _logging._lock:
        # What the collector does when it frees the client during `_current`: the finalizer runs here.
        _logging._forget(id(owner))
    assert "collected-secret-value" not in _logging._current()


def test_successful_calls_log_nothing_secret(
    client: SimulateClient, server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """DEBUG logging of a successful call names the route but no credential."""
    server.reply(Reply(200, execution_snake()))
    with caplog.at_level(logging.DEBUG):
        client.run_tests.execute(RUN, selection=Selection.all())
    messages = [record.getMessage() for record in caplog.records]
    assert any(f"/simulate/run-tests/{RUN}/execute/" in m for m in messages)
    for message in messages:
        assert_clean(message)


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
