"""Client configuration: credentials, environment variables, headers, base URL, timeouts, pools."""

from __future__ import annotations

import warnings

import httpx
import pytest

from futureagi_simulate import (
    DEFAULT_TIMEOUT,
    CredentialsError,
    InsecureTransportWarning,
    InvalidArgumentError,
    SimulateClient,
    __version__,
)
from tests.data import API_KEY, BEARER, SECRET_KEY, new_id, page
from tests.server import RecordingServer, Reply


def empty_page(server: RecordingServer) -> Reply:
    return Reply(200, page([], number=1, limit=10, count=0, base=server.url))


def test_key_pair_headers_and_user_agent(client: SimulateClient, server: RecordingServer) -> None:
    """A key client sends X-Api-Key, X-Secret-Key and its User-Agent, and no Authorization."""
    server.reply(empty_page(server))
    client.run_tests.list()
    headers = server.requests[0].headers
    assert (headers["x-api-key"], headers["x-secret-key"]) == (API_KEY, SECRET_KEY)
    assert headers["user-agent"] == f"futureagi-simulate/{__version__}"
    assert "authorization" not in headers


def test_bearer_client_sends_no_key_headers(server: RecordingServer) -> None:
    """A bearer client sends Authorization: Bearer and neither key header."""
    server.reply(empty_page(server))
    with SimulateClient(bearer_token=BEARER, base_url=server.url) as client:
        client.run_tests.list()
    headers = server.requests[0].headers
    assert headers["authorization"] == f"Bearer {BEARER}"
    assert "x-api-key" not in headers
    assert "x-secret-key" not in headers


def test_bearer_wins_over_keys_from_the_environment(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An explicit bearer token is used even when FI_API_KEY/FI_SECRET_KEY are set, and they are not sent."""
    monkeypatch.setenv("FI_API_KEY", API_KEY)
    monkeypatch.setenv("FI_SECRET_KEY", SECRET_KEY)
    server.reply(empty_page(server))
    with SimulateClient(bearer_token=BEARER, base_url=server.url) as client:
        client.run_tests.list()
    assert "x-api-key" not in server.requests[0].headers


def test_environment_configures_everything(server: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """FI_API_KEY, FI_SECRET_KEY and FI_BASE_URL are enough to build a working client."""
    monkeypatch.setenv("FI_API_KEY", API_KEY)
    monkeypatch.setenv("FI_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("FI_BASE_URL", server.url + "/")
    server.reply(empty_page(server))
    with SimulateClient() as client:
        assert client.base_url == server.url
        client.run_tests.list()
    assert server.requests[0].headers["x-api-key"] == API_KEY


def test_arguments_override_the_environment(server: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Explicit keys and base_url win over the environment variables."""
    monkeypatch.setenv("FI_API_KEY", "env-key")
    monkeypatch.setenv("FI_SECRET_KEY", "env-secret")
    monkeypatch.setenv("FI_BASE_URL", "http://127.0.0.1:1")
    server.reply(empty_page(server))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        client.run_tests.list()
    assert server.requests[0].headers["x-secret-key"] == SECRET_KEY


def test_default_base_url_is_the_hosted_api() -> None:
    """Without base_url or FI_BASE_URL the client talks to https://api.futureagi.com."""
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY) as client:
        assert client.base_url == "https://api.futureagi.com"


def test_no_credentials_names_the_environment_variables() -> None:
    """With nothing configured the error says which variables to set."""
    with pytest.raises(CredentialsError) as caught:
        SimulateClient()
    assert "FI_API_KEY" in str(caught.value)
    assert "FI_SECRET_KEY" in str(caught.value)


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"api_key": API_KEY}, "secret_key"),
        ({"secret_key": SECRET_KEY}, "api_key"),
        ({"api_key": API_KEY, "secret_key": SECRET_KEY, "bearer_token": BEARER}, "bearer_token"),
        ({"api_key": API_KEY, "bearer_token": BEARER}, "bearer_token"),
        ({"api_key": "", "secret_key": SECRET_KEY}, "api_key"),
    ],
    ids=["key only", "secret only", "keys and bearer", "key and bearer", "empty key"],
)
def test_incomplete_or_conflicting_credentials_are_refused(arguments: dict[str, str], argument: str) -> None:
    """Half a key pair, or keys together with a bearer token, is a CredentialsError naming the argument."""
    with pytest.raises(CredentialsError) as caught:
        SimulateClient(**arguments)  # type: ignore[arg-type]
    assert caught.value.argument == argument


def test_workspace_id_becomes_a_header(server: RecordingServer) -> None:
    """workspace_id is sent as X-Workspace-Id on every call."""
    workspace = new_id()
    server.reply(empty_page(server))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, workspace_id=workspace
    ) as c:
        c.run_tests.list()
    assert server.requests[0].headers["x-workspace-id"] == workspace


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"workspace_id": "team-a"}, "workspace_id"),
        ({"base_url": "api.futureagi.com"}, "base_url"),
        ({"base_url": "ftp://api.futureagi.com"}, "base_url"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": "60"}, "timeout"),
        ({"body_casing": "kebab"}, "body_casing"),
        ({"http_client": httpx.AsyncClient()}, "http_client"),
    ],
)
def test_bad_configuration_is_refused(arguments: dict[str, object], argument: str) -> None:
    """Each bad constructor argument raises InvalidArgumentError naming it."""
    with pytest.raises(InvalidArgumentError) as caught:
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, **arguments)  # type: ignore[arg-type]
    assert caught.value.argument == argument


def test_timeout_defaults_to_sixty_seconds_with_a_short_connect(server: RecordingServer) -> None:
    """The default timeout is bounded: 60 s overall and 10 s to connect, never None by accident."""
    seen: list[object] = []
    transport = httpx.HTTPTransport()

    class Spy(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request.extensions["timeout"])
            return transport.handle_request(request)

    server.reply(empty_page(server))
    with transport, SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        client._http._transport = Spy()
        client.run_tests.list()
    assert seen == [DEFAULT_TIMEOUT.as_dict()]
    assert httpx.Timeout(60.0, connect=10.0) == DEFAULT_TIMEOUT


def test_user_http_client_is_used_and_left_open(server: RecordingServer) -> None:
    """A passed http_client carries the requests (its own headers too) and is not closed by the client."""
    server.reply(empty_page(server))
    with httpx.Client(headers={"X-Trace": "t-1"}) as http:
        with SimulateClient(
            api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, http_client=http
        ) as c:
            c.run_tests.list()
        assert not http.is_closed
    assert server.requests[0].headers["x-trace"] == "t-1"
    assert server.requests[0].headers["x-api-key"] == API_KEY


def test_close_releases_the_owned_pool() -> None:
    """Leaving the context manager closes the pool the client created."""
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY) as client:
        pass
    assert client._http.is_closed


def test_connections_are_reused(client: SimulateClient, server: RecordingServer) -> None:
    """Consecutive calls share one keep-alive connection from the pool."""
    server.reply(*[empty_page(server)] * 3)
    for _ in range(3):
        client.run_tests.list()
    assert len({request.peer_port for request in server.requests}) == 1


def test_no_timeout_only_when_asked_for_explicitly() -> None:
    """timeout=None means no timeout; leaving timeout out means the bounded default."""
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, timeout=None) as unbounded:
        assert unbounded.timeout is None
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY) as default:
        assert default.timeout == DEFAULT_TIMEOUT


@pytest.mark.parametrize(
    "base_url", ["http://api.example.com", "http://10.0.0.7:8000", "http://[2001:db8::1]:8000"]
)
def test_plain_http_to_another_host_warns(base_url: str) -> None:
    """Credentials over http:// to a host that is not this machine raise InsecureTransportWarning."""
    with pytest.warns(InsecureTransportWarning, match="unencrypted") as caught:
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=base_url).close()
    text = str(caught[0].message)
    assert API_KEY not in text
    assert SECRET_KEY not in text
    assert caught[0].filename == __file__


@pytest.mark.parametrize(
    "base_url",
    [
        "https://api.example.com",
        "http://127.0.0.1:8000",
        "http://127.5.0.1",
        "http://localhost:8000",
        "http://[::1]:8000",
        "http://emulator.localhost",
    ],
)
def test_https_and_loopback_do_not_warn(base_url: str) -> None:
    """https://, and plain http to loopback (the emulator, a local proxy), pass silently."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=base_url).close()
