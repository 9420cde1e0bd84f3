"""Client configuration: credentials, base URL, timeout and headers, resolved once per client."""

from __future__ import annotations

import importlib.util
import ipaddress
import math
import os
import re
import urllib.request
import uuid
import warnings
from collections.abc import Mapping
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from ._errors import CredentialsError, InsecureTransportWarning, InvalidArgumentError
from ._types import NotGiven
from ._validate import check_uuid
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_TIMEOUT",
    "ClientConfig",
    "attempt_deadline",
    "check_max_response_size",
    "environment_proxy",
    "plain_http_pool_options",
    "proxy_pool_options",
    "resolve_config",
    "resolve_timeout",
]

DEFAULT_BASE_URL = "https://api.futureagi.com"
# The generated client's default is no timeout at all; an execute call must never hang a CI job forever.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
ENV_API_KEY = "FI_API_KEY"
ENV_SECRET_KEY = "FI_SECRET_KEY"
ENV_BASE_URL = "FI_BASE_URL"
ENV_WORKSPACE_ID = "FI_WORKSPACE_ID"
# The encodings asked for: the ones _transport decodes itself, within max_response_size.
ACCEPT_ENCODING = "gzip, deflate"
# The largest answer read, counted after decompression: a page of 1,000 fully populated run tests is
# about 5 MB, and a gzip bomb must not grow the process to gigabytes.
DEFAULT_MAX_RESPONSE_SIZE = 32 * 1024 * 1024
# The longest timeout accepted (a week): sockets refuse larger ones with OverflowError.
MAX_TIMEOUT = 7 * 24 * 3600.0
# What an HTTP header value can carry: visible ASCII and inner spaces (h11 refuses control characters
# and httpx encodes values as ASCII).
_HEADER_SAFE = re.compile(r"[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?")

TimeoutArg = float | httpx.Timeout | None | NotGiven


class ClientConfig:
    """Everything a request needs from its client. It has no repr of its own: headers and secrets
    never print. A plain slotted class: attrs costs more to import than the rest of the package."""

    __slots__ = ("auth", "base_url", "headers", "secrets", "timeout", "use_client_timeout", "workspace_id")

    def __init__(
        self,
        *,
        base_url: str,
        auth: Literal["api_key", "bearer"],
        workspace_id: uuid.UUID | None,
        timeout: httpx.Timeout | None,
        use_client_timeout: bool,
        headers: Mapping[str, str],
        secrets: tuple[str, ...],
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.workspace_id = workspace_id
        # None means no timeout at all; use_client_timeout leaves the timeout to the user's own client.
        self.timeout = timeout
        self.use_client_timeout = use_client_timeout
        self.headers = headers
        self.secrets = secrets

    def with_timeout(self, timeout: httpx.Timeout | None) -> ClientConfig:
        """A copy that sets its own timeout, even over a user-supplied http_client's."""
        return ClientConfig(
            base_url=self.base_url,
            auth=self.auth,
            workspace_id=self.workspace_id,
            timeout=timeout,
            use_client_timeout=False,
            headers=self.headers,
            secrets=self.secrets,
        )


def _env(name: str) -> str | None:
    """The variable's value without surrounding whitespace (CI secret stores add newlines); None when
    unset or blank."""
    return os.environ.get(name, "").strip() or None


def _given_str(argument: str, value: str | NotGiven | None) -> str | None:
    if isinstance(value, NotGiven) or value is None:
        return None
    if not isinstance(value, str):
        raise CredentialsError(argument, f"must be a str, got {type(value).__name__}")
    if not value.strip():
        raise CredentialsError(argument, "must not be empty")
    return _header_safe(argument, value.strip())


def _header_safe(variable: str, value: str) -> str:
    """``value`` if a header can carry it; else CredentialsError naming ``variable``, never the value."""
    if not _HEADER_SAFE.fullmatch(value):
        raise CredentialsError(
            variable,
            "holds a character an HTTP header cannot carry (only printable ASCII and inner spaces are "
            "allowed; a control character or a non-ASCII one was found). The value is not shown",
        )
    return value


def _credential_from_env(name: str) -> str | None:
    value = _env(name)
    return None if value is None else _header_safe(name, value)


def resolve_config(
    *,
    api_key: str | NotGiven | None,
    secret_key: str | NotGiven | None,
    bearer_token: str | NotGiven | None,
    base_url: str | NotGiven | None,
    workspace_id: object,
    timeout: TimeoutArg,
    user_http_client: bool,
) -> ClientConfig:
    """Arguments first, then FI_API_KEY, FI_SECRET_KEY, FI_BASE_URL and FI_WORKSPACE_ID.

    Surrounding whitespace is removed from every value; what is left must be something an HTTP header
    or URL can carry, else the error names the argument or variable (never a credential's value).
    """
    explicit_key = _given_str("api_key", api_key)
    explicit_secret = _given_str("secret_key", secret_key)
    token = _given_str("bearer_token", bearer_token)

    headers = {
        "User-Agent": f"futureagi-simulate/{__version__}",
        "Accept": "application/json",
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    if token is not None:
        # The server reads Authorization before the keys and fails the request on it alone, so a client
        # that sent both would fail with a valid key pair: one kind of credential per client.
        if explicit_key is not None or explicit_secret is not None:
            raise CredentialsError(
                "bearer_token", "give either bearer_token or the api_key/secret_key pair, not both"
            )
        auth: Literal["api_key", "bearer"] = "bearer"
        headers["Authorization"] = f"Bearer {token}"
        secrets: tuple[str, ...] = (token,)
    else:
        key = explicit_key or _credential_from_env(ENV_API_KEY)
        secret = explicit_secret or _credential_from_env(ENV_SECRET_KEY)
        if key is None and secret is None:
            raise CredentialsError(
                "api_key",
                f"no credentials: pass api_key= and secret_key= (or bearer_token=), "
                f"or set the {ENV_API_KEY} and {ENV_SECRET_KEY} environment variables",
            )
        if key is None or secret is None:
            missing = "api_key" if key is None else "secret_key"
            env = ENV_API_KEY if key is None else ENV_SECRET_KEY
            raise CredentialsError(
                missing, f"the key pair is incomplete: {missing} (or {env}) is missing; the API needs both"
            )
        auth = "api_key"
        headers["X-Api-Key"] = key
        headers["X-Secret-Key"] = secret
        secrets = (key, secret)

    workspace: uuid.UUID | None = None
    if workspace_id is not None:
        workspace = check_uuid(
            "workspace_id", workspace_id.strip() if isinstance(workspace_id, str) else workspace_id
        )
    elif (from_env := _env(ENV_WORKSPACE_ID)) is not None:
        workspace = check_uuid(ENV_WORKSPACE_ID, from_env)
    if workspace is not None:
        headers["X-Workspace-Id"] = str(workspace)

    checked_url = _check_base_url(base_url)
    _warn_if_cleartext(checked_url)
    return ClientConfig(
        base_url=checked_url,
        auth=auth,
        workspace_id=workspace,
        timeout=resolve_timeout(timeout),
        # A client the user built keeps the timeout they gave it unless they pass one here.
        use_client_timeout=user_http_client and isinstance(timeout, NotGiven),
        headers=headers,
        secrets=secrets,
    )


def _check_base_url(base_url: str | NotGiven | None) -> str:
    variable = "base_url"
    if isinstance(base_url, NotGiven) or base_url is None:
        from_env = _env(ENV_BASE_URL)
        variable = ENV_BASE_URL if from_env else "base_url"
        base_url = from_env or DEFAULT_BASE_URL
    if not isinstance(base_url, str):
        raise InvalidArgumentError(variable, f"must be a str, got {type(base_url).__name__}")
    base_url = base_url.strip()
    if any(c.isspace() or not c.isprintable() for c in base_url):
        raise InvalidArgumentError(variable, "must not contain whitespace or control characters")
    try:
        parts = urlsplit(base_url)
        port = parts.port
    except ValueError as exc:
        raise InvalidArgumentError(variable, f"is not a valid URL ({exc})") from None
    if "@" in parts.netloc:
        # Not quoted back: the part before @ is a user name and password.
        raise InvalidArgumentError(
            variable,
            "must not carry user:password@ credentials: pass api_key= and secret_key= (or bearer_token=)",
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidArgumentError(variable, f"must be an http:// or https:// URL, got {base_url!r}")
    if parts.query or parts.fragment or base_url.endswith(("?", "#")):
        raise InvalidArgumentError(variable, "must not carry a query or fragment")
    try:
        httpx.URL(base_url)
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise InvalidArgumentError(variable, f"is not a valid URL ({exc})") from None
    del port
    return base_url.rstrip("/")


def environment_proxy(base_url: str) -> str | None:
    """The proxy the environment sets for ``base_url`` (as httpx reads it), without credentials;
    None when there is none. Refuses a proxy httpx cannot use, naming the variable that set it."""
    proxies = urllib.request.getproxies_environment()
    host = urlsplit(base_url).hostname or ""
    # proxy_bypass_environment reads NO_PROXY as httpx does; typeshed does not list it.
    bypass: Any = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009
    if not proxies or bypass(host, proxies):
        return None
    scheme = urlsplit(base_url).scheme
    proxy = proxies.get(scheme) or proxies.get("all")
    if not proxy:
        return None
    shown_name = _variable(scheme if proxies.get(scheme) else "all")
    try:
        parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        hostport = parts.hostname or ""
        if parts.port:
            hostport += f":{parts.port}"
    except ValueError:
        raise InvalidArgumentError(
            shown_name, "the proxy URL in the environment is not a valid URL"
        ) from None
    if parts.scheme.startswith("socks") and importlib.util.find_spec("socksio") is None:
        raise InvalidArgumentError(
            shown_name,
            f"names a SOCKS proxy ({parts.scheme}://{hostport}), which needs httpx's SOCKS support: "
            "pip install 'httpx[socks]', or unset the variable (or list the host in NO_PROXY)",
        )
    return f"{parts.scheme}://{hostport} (from {shown_name})"


# The proxy variables httpx reads (through urllib, lower case first), by the scheme key urllib gives them.
_PROXY_KEYS = ("http", "https", "all")
# A pool option, not httpx's: "make the pool with a plain transport", which reads no proxy variable.
DIRECT = "_futureagi_direct"


def proxy_pool_options(base_url: str) -> dict[str, Any]:
    """Pool options that keep httpx from building proxies this client never uses.

    httpx makes a transport for every proxy variable it reads (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, either
    case) when the pool is made, whatever the host: a SOCKS proxy without socksio, or a proxy URL it cannot
    parse, fails the pool even for a base URL listed in NO_PROXY or of another scheme. This client only
    ever talks to ``base_url``, so when some proxy variable is unusable and ``base_url`` does not go
    through it, the pool gets only what ``base_url`` needs: its own proxy (``proxy=``), or none
    (``DIRECT``). ``{}`` when httpx can read the environment itself, or when the proxy ``base_url`` uses
    is the unusable one (then the pool fails, and the client names the setting).
    """
    proxies = urllib.request.getproxies_environment()
    if all(_usable_proxy(proxies[key]) for key in _PROXY_KEYS if proxies.get(key)):
        return {}
    host, scheme = urlsplit(base_url).hostname or "", urlsplit(base_url).scheme
    bypass: Any = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009
    ours = None if bypass(host, proxies) else (proxies.get(scheme) or proxies.get("all"))
    if ours is None:
        return {DIRECT: True}
    if not _usable_proxy(ours):
        return {}
    return {"proxy": ours if "://" in ours else f"http://{ours}"}


def _variable(key: str) -> str:
    """The proxy variable urllib (and so httpx) took ``key``'s proxy from: lower case wins, as there."""
    lower = f"{key}_proxy"
    return lower if os.environ.get(lower) else lower.upper()


def _usable_proxy(url: str) -> bool:
    """Whether httpx can make a transport for this proxy URL (as written in the variable)."""
    try:
        proxy = httpx.Proxy(url if "://" in url else f"http://{url}")
    except (ValueError, TypeError, httpx.InvalidURL):
        return False
    return not proxy.url.scheme.startswith("socks") or importlib.util.find_spec("socksio") is not None


def _warn_if_cleartext(base_url: str) -> None:
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if parts.scheme != "http" or _is_loopback(host):
        return
    warnings.warn(
        f"base_url {parts.scheme}://{parts.netloc} is plain http: the API credentials will cross the "
        "network unencrypted. Use https:// unless this host is on a network you trust",
        InsecureTransportWarning,
        # Points at the user's SimulateClient(...) line, past resolve_config and both __init__s.
        stacklevel=5,
    )


def _is_loopback(host: str) -> bool:
    if host.rstrip(".").lower() == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_timeout(timeout: TimeoutArg) -> httpx.Timeout | None:
    if isinstance(timeout, NotGiven):
        return DEFAULT_TIMEOUT
    if timeout is None:
        return timeout
    if isinstance(timeout, httpx.Timeout):
        for phase in ("connect", "read", "write", "pool"):
            value = getattr(timeout, phase)
            if value is not None:
                _check_seconds(f"timeout.{phase}", value)
        return timeout
    seconds = _check_seconds("timeout", timeout)
    return httpx.Timeout(seconds, connect=min(seconds, DEFAULT_TIMEOUT.connect or 10.0))


def _check_seconds(argument: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgumentError(
            argument, f"must be a positive number, httpx.Timeout or None; got {type(value).__name__}"
        )
    try:
        seconds = float(value)
    except OverflowError:
        seconds = math.inf
    if not math.isfinite(seconds) or seconds <= 0 or seconds > MAX_TIMEOUT:
        raise InvalidArgumentError(
            argument,
            f"must be a number of seconds above 0 and at most {MAX_TIMEOUT:,.0f} (a week), or None for "
            f"no timeout; got {value!r}",
        )
    return seconds


def attempt_deadline(timeout: httpx.Timeout | None) -> float | None:
    """The most one attempt may take, from waiting for a connection to the last byte of the answer:
    the largest of the timeout's phases (60 s by default). None when a phase is unbounded: a timeout
    such as ``httpx.Timeout(None, connect=10)`` asks for no limit on reads, and gets none."""
    if timeout is None:
        return None
    phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    if any(t is None for t in phases):
        return None
    return max(t for t in phases if t is not None)


def check_max_response_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgumentError("max_response_size", f"must be an int of bytes >= 1, got {value!r}")
    return value


def plain_http_pool_options(base_url: str) -> dict[str, Any]:
    """``{"verify": context}`` for a pool that never speaks TLS, else ``{}``.

    httpx loads certifi's bundle of about 150 CA certificates into an SSL context whenever a pool is made,
    whatever the URL: about 200 M instructions, a quarter of a ``futureagi-simulate run-tests list`` start
    (BENCHMARKS.md, issue 27's fourth session). A client whose ``base_url`` is plain ``http://`` (the
    emulator, an open-source server on localhost) and that no proxy variable sends through a proxy only
    ever opens plain TCP connections to that host: it asks for nothing else and follows no redirect. Its
    pool gets an SSL context with no CA certificate instead: were it ever used, every certificate would
    fail verification (``CERT_REQUIRED``, host names checked), so it fails closed. The TLS variables
    (``SSL_CERT_FILE``, ``SSL_CERT_DIR``) are not read for such a client, since it has no use for them.
    """
    parts = urlsplit(base_url)
    if parts.scheme != "http":
        return {}
    proxies = urllib.request.getproxies_environment()
    bypass: Any = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009
    host = parts.hostname or ""
    # Past the proxy only when both readings of NO_PROXY say so: urllib's (proxy_pool_options' pool) and
    # httpx's (the pool httpx routes itself), which differ: ``.example.com`` covers example.com in one only.
    past = bypass(host, proxies) and _httpx_bypasses(host, proxies.get("no", ""))
    if not past and (proxies.get("http") or proxies.get("all")):
        return {}  # through a proxy, which may be https:// and verified with the pool's context
    import ssl  # loaded by httpx already

    return {"verify": ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)}


def _httpx_bypasses(host: str, no_proxy: str) -> bool:
    """Whether httpx sends a request for ``host`` past the proxy by ``no_proxy`` (httpx's
    get_environment_proxies and URLPattern): ``*``; the host itself (an IP address, ``localhost``, a
    name); ``name`` also its subdomains; ``.name`` only its subdomains. A form read otherwise (a URL, a
    port, a wildcard, a network, IDNA) counts as not past: the pool then loads the CA certificates."""
    host = host.lower()
    if not host.isascii():
        return False
    for entry in (item.strip().lower() for item in no_proxy.split(",")):
        if entry == "*":
            return True
        if not entry or not entry.isascii() or "xn--" in entry or any(c in entry for c in ":/*[]"):
            continue
        if entry.startswith("."):
            if host.endswith(entry) and len(host) > len(entry):
                return True
        elif host == entry or (host.endswith(f".{entry}") and entry != "localhost" and not _is_ipv4(entry)):
            return True
    return False


def _is_ipv4(text: str) -> bool:
    try:
        ipaddress.IPv4Address(text)
    except ValueError:
        return False
    return True
