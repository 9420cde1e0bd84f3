"""No key, secret or bearer token appears in a repr, an exception's text, or a log record."""

from __future__ import annotations

import logging
import traceback
import warnings
from collections.abc import Callable

import pytest

from futureagi_simulate import FutureAGIError, Selection, SimulateClient
from futureagi_simulate._errors import BEARER_RULE
from futureagi_simulate.testing import Emulator, Fault
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
        == f"get prompt simulation (GET /simulate/prompt-templates/{TEMPLATE}/simulations/{RUN}/): HTTP 401 "
        "(authentication_error, authentication_failed): Invalid Token parsed: [REDACTED]. " + BEARER_RULE
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


def _everything_printed(value: object) -> list[str]:
    """What a user, a traceback printer or an error tracker could show of a result or an exception."""
    texts = [str(value), repr(value)]
    if isinstance(value, BaseException):
        texts += [repr(v) for v in vars(value).values()]
        texts += "".join(traceback.format_exception(value)).splitlines()
    return texts


@pytest.mark.slow  # every endpoint, each failure, with real timeouts: seconds
# The retries' waits are recorded, not slept: what is checked here is their text, not their length.
@pytest.mark.usefixtures("sleeps")
def test_no_secret_anywhere_across_every_endpoint_and_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Known secrets, every endpoint succeeding and failing (401, 429, 503, drop, timeout), all loggers
    at DEBUG, warnings on: no key, secret or token appears in anything captured."""
    captured: list[str] = []
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    with (
        Emulator(dialect="oss", api_key=API_KEY, secret_key=SECRET_KEY) as emu,
        warnings.catch_warnings(record=True) as warned,
        caplog.at_level(logging.DEBUG, logger="futureagi_simulate"),
        caplog.at_level(logging.DEBUG, logger="httpx"),
        caplog.at_level(logging.DEBUG, logger="httpcore"),
    ):
        warnings.simplefilter("always")
        seed = emu.seed
        # Plain http to a host that is not loopback: the warning names the host, not the credentials.
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url="http://api.example.com").close()
        emu.inject("executeRunTest", Fault.rate_limit(retry_after=0), times=1)
        emu.inject("listRunTests", Fault.server_error(503), times=1)
        emu.inject("executePromptSimulation", Fault.drop(), times=1)
        emu.inject("getPromptSimulation", Fault.delay(0.5), times=3)
        calls: list[Callable[[SimulateClient], object]] = [
            lambda c: c.run_tests.create(
                name="n", agent_definition_id=seed.agent_definition_ids[0], scenario_ids=seed.scenario_ids
            ),
            lambda c: c.run_tests.list(),
            lambda c: list(c.run_tests.iter(page_size=1)),
            lambda c: c.run_tests.execute(seed.run_test_id, selection=Selection.all()),
            lambda c: c.prompt_simulations.execute(
                seed.prompt_template_id, seed.prompt_run_test_id, selection=Selection.all()
            ),
            lambda c: c.with_options(timeout=0.1, max_retries=1).prompt_simulations.get(
                seed.prompt_template_id, seed.prompt_run_test_id
            ),
            lambda c: c.prompt_simulations.get(seed.prompt_template_id, seed.prompt_run_test_id),
        ]
        with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=emu.url) as keys:
            captured += _everything_printed(keys)
            outcomes = [_outcome(call, keys) for call in calls]
        with SimulateClient(bearer_token=BEARER, base_url=emu.url) as bad_token:
            captured += _everything_printed(bad_token)
            outcomes += [_outcome(call, bad_token) for call in calls[:2]]
        for outcome in outcomes:
            captured += _everything_printed(outcome)
        captured += [formatter.format(record) for record in caplog.records]
        captured += [str(w.message) for w in warned]
    kinds = {type(outcome).__name__ for outcome in outcomes}
    assert {"APIConnectionError", "APITimeoutError", "AuthenticationError", "Execution", "RunTest"} <= kinds
    assert any("retry 1 of 2" in text for text in captured)
    assert any("unencrypted" in text for text in captured)
    assert any(record.name.startswith("httpcore") for record in caplog.records)
    for text in captured:
        assert_clean(text)


def _outcome(call: Callable[[SimulateClient], object], client: SimulateClient) -> object:
    try:
        return call(client)
    except FutureAGIError as exc:
        return exc
