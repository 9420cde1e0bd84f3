"""No key, secret or bearer token appears in a repr, an exception's text, or a log record."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from futureagi_simulate import FutureAGIError, Selection, SimulateClient
from tests.data import API_KEY, BEARER, RUN, SECRET_KEY, TEMPLATE, error, execution_snake, unknown_fields
from tests.server import Recorded, RecordingServer, Reply

SECRETS = (API_KEY, SECRET_KEY, BEARER)


def echo_credentials(request: Recorded) -> Reply:
    """A hostile server that quotes every credential it received in each kind of error."""
    sent = " ".join(request.headers.get(h, "") for h in ("x-api-key", "x-secret-key", "authorization"))
    if request.path.endswith("/execute/"):
        return Reply(
            400,
            {
                **unknown_fields("selectAll"),
                "message": f"bad {sent}",
                "details": {"selectAll": [f"Unknown field. {sent}"]},
            },
        )
    if request.path.startswith("/simulate/prompt-templates/"):
        return Reply(
            401, error("authentication_error", "authentication_failed", f"Invalid Token parsed: {sent}")
        )
    if request.path.endswith("/create/"):
        return Reply(500, f"<html>{sent}</html>", content_type="text/html")
    return Reply(200, {"count": "x", "results": sent})


CALLS: list[Callable[[SimulateClient], object]] = [
    lambda c: c.run_tests.create(name="n", agent_definition_id=TEMPLATE, scenario_ids=[RUN]),
    lambda c: c.run_tests.list(),
    lambda c: c.run_tests.execute(RUN, selection=Selection.all()),
    lambda c: c.prompt_simulations.get(TEMPLATE, RUN),
    lambda c: c.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.all()),
]


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize(
    "credentials",
    [{"api_key": API_KEY, "secret_key": SECRET_KEY}, {"bearer_token": BEARER}],
    ids=["key pair", "bearer"],
)
def test_no_secret_in_reprs_errors_or_logs(
    server: RecordingServer, caplog: pytest.LogCaptureFixture, credentials: dict[str, str]
) -> None:
    """Every endpoint failing against a server that echoes credentials leaks none of them anywhere."""
    server.handler = echo_credentials
    captured: list[str] = []
    with (
        caplog.at_level(logging.DEBUG, logger="futureagi_simulate"),
        caplog.at_level(logging.DEBUG, logger="httpx"),
        caplog.at_level(logging.DEBUG, logger="httpcore"),
    ):
        with SimulateClient(base_url=server.url, **credentials) as client:  # type: ignore[arg-type]
            captured += [repr(client), str(client), repr(client._config), repr(client._ctx)]
            for call in CALLS:
                with pytest.raises(FutureAGIError) as caught:
                    call(client)
                exc = caught.value
                captured += [
                    str(exc),
                    repr(exc),
                    repr(getattr(exc, "body", None)),
                    repr(vars(exc).get("details")),
                ]
                captured.append(str(getattr(exc, "message", "")))
    assert len(server.requests) == len(CALLS) + 1  # the camelCase execute was resent once in snake_case
    captured += [record.getMessage() for record in caplog.records]
    assert any("/simulate/" in text for text in captured)
    for text in captured:
        assert_clean(text)


def test_redaction_keeps_the_rest_of_the_message(server: RecordingServer) -> None:
    """Blanking a token leaves the server's sentence readable."""
    server.reply(
        Reply(401, error("authentication_error", "authentication_failed", f"Invalid Token parsed: {BEARER}"))
    )
    with SimulateClient(bearer_token=BEARER, base_url=server.url) as client:
        with pytest.raises(FutureAGIError) as caught:
            client.prompt_simulations.get(TEMPLATE, RUN)
    assert (
        str(caught.value)
        == "HTTP 401 (authentication_error, authentication_failed): Invalid Token parsed: [REDACTED]"
    )


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
