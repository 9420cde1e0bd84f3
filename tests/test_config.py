"""Client configuration: credentials, environment variables, headers, base URL, timeouts, pools."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    DEFAULT_TIMEOUT,
    AsyncSimulateClient,
    CredentialsError,
    InsecureTransportWarning,
    InvalidArgumentError,
    SimulateClient,
    __version__,
)
from tests.clients import EMPTY_PAGE, KEY, SECRET, _printed, keys
from tests.data import API_KEY, BEARER, RUN, SECRET_KEY, TEMPLATE, new_id, page
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


@pytest.mark.parametrize(
    "timeout", [float("inf"), float("nan"), -1.0, 0, 10.0**300, httpx.Timeout(float("inf")), "5"]
)
def test_a_timeout_no_socket_can_take_is_refused(timeout: Any) -> None:
    """timeout=inf, nan, 0, huge or not a number is an InvalidArgumentError naming timeout."""
    with pytest.raises(InvalidArgumentError, match=r"^timeout"):
        SimulateClient(**keys(timeout=timeout))


@pytest.mark.parametrize(
    "base_url", ["http://[::1", "http://host:99999", "http://exa mple.com", "ftp://example.com", "http://"]
)
def test_a_base_url_that_is_no_url_is_refused(base_url: str) -> None:
    """base_url='http://[::1' and the like: InvalidArgumentError naming base_url, not ValueError."""
    with pytest.raises(InvalidArgumentError, match=r"^base_url"):
        SimulateClient(**keys(base_url=base_url))


def test_a_socks_proxy_httpx_cannot_use_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """ALL_PROXY=socks5://… without socksio: InvalidArgumentError naming ALL_PROXY, not ImportError."""
    pytest.importorskip("httpx")
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "NO_PROXY",
        "http_proxy",
        "https_proxy",
        "no_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ALL_PROXY", "socks5://user:hunter2@127.0.0.1:1080")
    with pytest.raises(InvalidArgumentError) as caught:
        SimulateClient(**keys(base_url="https://api.example.com"))
    assert caught.value.argument == "ALL_PROXY"
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize(
    ("variable", "value", "base_url"),
    [
        ("SSL_CERT_FILE", "/nonexistent/ca.pem", "https://127.0.0.1:9"),
        ("SSL_CERT_FILE", "/etc/hostname", "https://127.0.0.1:9"),
        ("HTTP_PROXY", "ftp://127.0.0.1:1", "http://127.0.0.1:9"),
    ],
)
def test_a_stale_environment_setting_is_an_invalid_argument(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, base_url: str
) -> None:
    """A TLS or proxy variable httpx cannot use is an InvalidArgumentError at construction, sync and async."""
    for name in (
        "NO_PROXY",
        "no_proxy",
        "ALL_PROXY",
        "all_proxy",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, value)
    for client_class in (SimulateClient, AsyncSimulateClient):
        with pytest.raises(InvalidArgumentError, match=variable) as caught:
            client_class(**keys(base_url=base_url))
        assert caught.value.argument == "environment"


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


def test_a_base_url_with_user_and_password_is_refused() -> None:
    """base_url='https://user:password@host' is refused, and the password is not quoted back."""
    with pytest.raises(InvalidArgumentError) as caught:
        SimulateClient(api_key=KEY, secret_key=SECRET, base_url="https://me:hunter2@api.futureagi.com")
    assert caught.value.argument == "base_url"
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize(
    "base_url", ["https://api.example.com/?x=1", "https://api.example.com/#top", "http://h/?"]
)
def test_a_base_url_with_a_query_or_fragment_is_refused(base_url: str) -> None:
    """base_url with a query or a fragment is refused at construction."""
    with pytest.raises(InvalidArgumentError, match=r"query or fragment"):
        SimulateClient(api_key=KEY, secret_key=SECRET, base_url=base_url)


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


PAST_THE_PROXY = {"HTTP_PROXY": "http://127.0.0.1:1", "NO_PROXY": "127.0.0.1"}


@pytest.mark.parametrize("proxy_variables", [{}, PAST_THE_PROXY])
def test_a_plain_http_base_url_reads_no_tls_setting(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch, proxy_variables: dict[str, str]
) -> None:
    """An http:// client, direct or past NO_PROXY, works with a stale SSL_CERT_FILE, sync and async."""
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name, value in proxy_variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    server.reply(Reply(200, EMPTY_PAGE), Reply(200, EMPTY_PAGE))
    with SimulateClient(**keys(base_url=server.url)) as client:
        client.run_tests.list()

    async def listed() -> None:
        async with AsyncSimulateClient(**keys(base_url=server.url)) as client:
            await client.run_tests.list()

    asyncio.run(listed())
    assert len(server.requests) == 2


def test_a_plain_http_base_url_through_a_proxy_still_reads_the_tls_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through a proxy (maybe https://), an http:// client reads SSL_CERT_FILE: a stale one is refused."""
    for name in ("http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:1")
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    for client_class in (SimulateClient, AsyncSimulateClient):
        with pytest.raises(InvalidArgumentError, match="SSL_CERT_FILE") as caught:
            client_class(**keys(base_url="http://127.0.0.1:9"))
        assert caught.value.argument == "environment"


@pytest.mark.parametrize(
    "no_proxy", [".api.localhost", ".API.localhost", "*.api.localhost", "api.localhost:80"]
)
def test_a_plain_http_base_url_httpx_still_sends_through_a_proxy_reads_the_tls_settings(
    monkeypatch: pytest.MonkeyPatch, no_proxy: str
) -> None:
    """A NO_PROXY entry httpx does not read as the base URL's host (``.api.localhost``) leaves it proxied."""
    for name in ("http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "https://127.0.0.1:1")
    monkeypatch.setenv("NO_PROXY", no_proxy)
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    for client_class in (SimulateClient, AsyncSimulateClient):
        with pytest.raises(InvalidArgumentError, match="SSL_CERT_FILE") as caught:
            client_class(**keys(base_url="http://api.localhost"))
        assert caught.value.argument == "environment"
