"""Client configuration: credentials, base URL, timeout and headers, resolved once per client."""

from __future__ import annotations

import ipaddress
import os
import uuid
import warnings
from collections.abc import Mapping
from typing import Literal
from urllib.parse import urlsplit

import httpx

from ._errors import CredentialsError, InsecureTransportWarning, InvalidArgumentError
from ._types import NotGiven
from ._validate import check_uuid
from ._version import __version__

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "ClientConfig", "resolve_config", "resolve_timeout"]

DEFAULT_BASE_URL = "https://api.futureagi.com"
# The generated client's default is no timeout at all; an execute call must never hang a CI job forever.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
ENV_API_KEY = "FI_API_KEY"
ENV_SECRET_KEY = "FI_SECRET_KEY"
ENV_BASE_URL = "FI_BASE_URL"

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
    return os.environ.get(name) or None


def _given_str(argument: str, value: str | NotGiven | None) -> str | None:
    if isinstance(value, NotGiven) or value is None:
        return None
    if not isinstance(value, str):
        raise CredentialsError(argument, f"must be a str, got {type(value).__name__}")
    if not value.strip():
        raise CredentialsError(argument, "must not be empty")
    return value


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
    """Arguments first, then FI_API_KEY, FI_SECRET_KEY and FI_BASE_URL."""
    explicit_key = _given_str("api_key", api_key)
    explicit_secret = _given_str("secret_key", secret_key)
    token = _given_str("bearer_token", bearer_token)

    headers = {"User-Agent": f"futureagi-simulate/{__version__}", "Accept": "application/json"}
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
        key = explicit_key or _env(ENV_API_KEY)
        secret = explicit_secret or _env(ENV_SECRET_KEY)
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
        workspace = check_uuid("workspace_id", workspace_id)
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
    if isinstance(base_url, NotGiven) or base_url is None:
        base_url = _env(ENV_BASE_URL) or DEFAULT_BASE_URL
    if not isinstance(base_url, str):
        raise InvalidArgumentError("base_url", f"must be a str, got {type(base_url).__name__}")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidArgumentError("base_url", f"must be an http:// or https:// URL, got {base_url!r}")
    if parts.query or parts.fragment:
        raise InvalidArgumentError("base_url", "must not carry a query or fragment")
    return base_url.rstrip("/")


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
    if timeout is None or isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise InvalidArgumentError(
            "timeout", f"must be a positive number, httpx.Timeout or None; got {timeout!r}"
        )
    return httpx.Timeout(float(timeout), connect=min(float(timeout), DEFAULT_TIMEOUT.connect or 10.0))
