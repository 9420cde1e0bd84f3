"""Proxy variables httpx acts on when the pool is made, whatever the host: every one it reads, either case.

httpx builds a transport for each of HTTP_PROXY, HTTPS_PROXY and ALL_PROXY (lower case first) as the pool
is made, even when the base URL's host is in NO_PROXY or of another scheme: a SOCKS proxy without socksio
was an ImportError, a proxy that is no URL an httpx.InvalidURL. A proxy the client never uses must not
stop it; one it would use is an InvalidArgumentError naming the variable as it was set.
"""

from __future__ import annotations

import importlib.util

import pytest

from futureagi_simulate import AsyncSimulateClient, InvalidArgumentError, SimulateClient
from tests.data import API_KEY, SECRET_KEY
from tests.server import RecordingServer, Reply

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
# Proxy URLs httpx cannot make a transport for: SOCKS without socksio, and two that are no URL.
UNUSABLE = ["socks5://user:hunter2@127.0.0.1:1080", "http://[::1", "::::"]
EMPTY_PAGE: dict[str, object] = {"count": 0, "next": None, "previous": None, "results": []}


@pytest.fixture(autouse=True)
def _no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    # The SOCKS cases are about a machine without httpx's SOCKS support, as the dev tools are.
    assert importlib.util.find_spec("socksio") is None


def _list(server: RecordingServer) -> int:
    server.reply(Reply(200, EMPTY_PAGE))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=0) as c:
        return c.run_tests.list().count


@pytest.mark.parametrize("value", UNUSABLE, ids=["socks", "bad-port", "no-url"])
@pytest.mark.parametrize("case", [str.upper, str.lower], ids=["upper", "lower"])
def test_an_unusable_all_proxy_for_a_host_in_no_proxy_is_not_used(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch, value: str, case: type[str]
) -> None:
    """ALL_PROXY unusable, the base URL's host in NO_PROXY: the client is made and talks to it directly."""
    monkeypatch.setenv(case("ALL_PROXY"), value)
    monkeypatch.setenv(case("NO_PROXY"), "127.0.0.1")
    assert _list(server) == 0
    assert [r.headers["host"] for r in server.requests] == [server.url.removeprefix("http://")]


@pytest.mark.parametrize("value", UNUSABLE, ids=["socks", "bad-port", "no-url"])
@pytest.mark.parametrize("name", ["HTTPS_PROXY", "https_proxy"])
def test_an_unusable_proxy_of_another_scheme_is_not_used(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch, value: str, name: str
) -> None:
    """HTTPS_PROXY unusable and an http:// base URL: the client is made and works."""
    monkeypatch.setenv(name, value)
    assert _list(server) == 0


@pytest.mark.anyio
async def test_the_async_client_is_made_past_an_unused_socks_proxy(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The async client too: ALL_PROXY=socks5://… with the host in NO_PROXY works."""
    monkeypatch.setenv("ALL_PROXY", UNUSABLE[0])
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    server.reply(Reply(200, EMPTY_PAGE))
    async with AsyncSimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as client:
        assert (await client.run_tests.list()).count == 0


@pytest.mark.parametrize("value", UNUSABLE, ids=["socks", "bad-port", "no-url"])
@pytest.mark.parametrize("name", ["ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy"])
@pytest.mark.parametrize("client_class", [SimulateClient, AsyncSimulateClient], ids=["sync", "async"])
def test_an_unusable_proxy_the_host_would_use_is_named(
    monkeypatch: pytest.MonkeyPatch, value: str, name: str, client_class: type[SimulateClient]
) -> None:
    """The base URL would go through the unusable proxy: InvalidArgumentError naming the variable as set,
    without the proxy's password."""
    monkeypatch.setenv(name, value)
    with pytest.raises(InvalidArgumentError) as caught:
        client_class(api_key=API_KEY, secret_key=SECRET_KEY, base_url="http://127.0.0.1:9")
    assert caught.value.argument == name
    assert "hunter2" not in str(caught.value)


@pytest.mark.filterwarnings("ignore::futureagi_simulate.InsecureTransportWarning")
def test_the_proxy_the_host_uses_is_kept_past_an_unusable_one(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ALL_PROXY unusable, HTTP_PROXY a working proxy: the request goes through HTTP_PROXY."""
    monkeypatch.setenv("ALL_PROXY", UNUSABLE[0])
    monkeypatch.setenv("HTTP_PROXY", server.url)
    server.reply(Reply(200, EMPTY_PAGE))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url="http://api.invalid:9") as client:
        assert client.run_tests.list().count == 0
    # A proxy is asked for the absolute URL of the real host.
    assert [r.headers["host"] for r in server.requests] == ["api.invalid:9"]
