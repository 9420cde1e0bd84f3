"""No key, secret or bearer token appears in a repr, an exception's text or attributes, or a pickle."""

from __future__ import annotations

import logging
import pickle
import traceback
import warnings
from collections.abc import Callable

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    BadRequestError,
    FutureAGIError,
    Selection,
    SimulateClient,
)
from futureagi_simulate._errors import BEARER_RULE
from futureagi_simulate.testing import Emulator, Fault
from tests.clients import KEY, SECRET, _failures, _printed, assert_clean
from tests.data import API_KEY, BEARER, RUN, SECRET_KEY, TEMPLATE, error, unknown_fields
from tests.moving_results import RUN_TEST
from tests.server import Recorded, RecordingServer, Reply


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


def leaked(error: FutureAGIError) -> list[str]:
    """The forms of ``error`` a user keeps or prints that hold a credential, or its first ten characters."""
    forms = {
        "str": str(error),
        "repr": repr(error),
        "pickle": repr(pickle.dumps(error)),
        "args": repr(error.args),
    }
    return [name for name, text in forms.items() for key in (API_KEY, SECRET_KEY) if key[:10] in text]


def test_a_content_type_that_echoes_the_key_is_redacted(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 200 answer that is not JSON, its Content-Type holding the API key: the error quotes it redacted."""
    server.reply(Reply(200, "<html>", content_type=f"text/html; echo={API_KEY}"))
    with pytest.raises(APIResponseValidationError) as caught:
        client.run_tests.get(RUN_TEST["id"])
    assert "[REDACTED]" in str(caught.value)
    assert leaked(caught.value) == []


def test_an_error_answer_whose_content_type_is_the_key_is_redacted(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 that is not the JSON envelope: the sentence naming its Content-Type holds no credential."""
    server.reply(Reply(400, "refused", content_type=f"{SECRET_KEY}/x"))
    with pytest.raises(BadRequestError) as caught:
        client.run_tests.get(RUN_TEST["id"])
    assert "[REDACTED]" in str(caught.value)
    assert leaked(caught.value) == []


@pytest.mark.parametrize("shift", [80, 88])
def test_a_content_encoding_that_echoes_the_key_is_never_cut_through_it(
    client: SimulateClient, server: RecordingServer, shift: int
) -> None:
    """An unknown Content-Encoding whose 100th character falls inside the echoed key: no part of it shows."""
    server.reply(Reply(200, "{}", headers={"Content-Encoding": "b" * shift + API_KEY}))
    with pytest.raises(FutureAGIError) as caught:
        client.run_tests.get(RUN_TEST["id"])
    assert leaked(caught.value) == []


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
