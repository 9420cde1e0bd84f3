"""Who may call: API key pairs, web-login session tokens, and the workspace a request names.

The rules are the open-source server's (``accounts/authentication.py``; ``docs/dialects.md``,
"Authentication"): ``Authorization`` is read first and, when present, decides alone; otherwise both API
key headers are needed; a failure is a 401 with ``WWW-Authenticate: ApiKey`` and a write with a read-only
key a 403.
Every operation passes these checks before its handler runs, so a refused request reaches no handler.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Mapping

import attrs

from ._answers import error_answer
from ._exchange import Answer, Exchange

__all__ = ["Credentials", "workspace_error"]


@attrs.frozen
class _KeyPair:
    secret_key: str = attrs.field(repr=False)
    can_write: bool


class Credentials:
    """API key pairs and web-login session tokens the emulator accepts."""

    def __init__(self) -> None:
        self._keys: dict[str, _KeyPair] = {}
        self._tokens: set[str] = set()

    def add_keys(self, api_key: str, secret_key: str, *, can_write: bool) -> None:
        self._keys[api_key] = _KeyPair(secret_key, can_write)

    def add_token(self, token: str) -> None:
        self._tokens.add(token)

    def check(self, headers: Mapping[str, str], *, write: bool) -> Answer | None:
        """None when the request may go on, else the 401/403 the server would answer."""
        authorization = headers.get("authorization", "").strip()
        # Authorization is read first and, when present, decides alone; an empty "Bearer" is ignored.
        if authorization and authorization != "Bearer":
            scheme, _, token = authorization.partition(" ")
            if scheme == "Bearer" and any(_same(token.strip(), t) for t in self._tokens):
                return None
            return _unauthorized("authentication_failed", f"Invalid Token parsed: {token or authorization}")
        api_key, secret_key = headers.get("x-api-key"), headers.get("x-secret-key")
        if not api_key or not secret_key:
            return _unauthorized("not_authenticated", "Authentication credentials were not provided.")
        pair = self._keys.get(api_key)
        if pair is None or not _same(pair.secret_key, secret_key):
            return _unauthorized("authentication_failed", "Invalid API key or secret key")
        if write and not pair.can_write:
            message = "Write access denied to this workspace"
            return error_answer(
                403, "permission_error", "permission_denied", message, details={"detail": [message]}
            )
        return None


def _same(given: str, known: str) -> bool:
    # compare_digest refuses str with non-ASCII characters (a TypeError that would drop the connection):
    # header values arrive decoded as Latin-1, so compare their bytes.
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), known.encode("utf-8"))


def _unauthorized(code: str, message: str) -> Answer:
    # The recorded 401s carry the sentence in `details` too.
    return error_answer(
        401,
        "authentication_error",
        code,
        message,
        details={"detail": [message]},
        headers={"WWW-Authenticate": "ApiKey"},
    )


def workspace_error(exchange: Exchange) -> Answer | None:
    # The document declares the header a UUID; the emulator holds clients to that rather than guess
    # what the server does with a malformed one when the key already names the workspace.
    workspace = exchange.headers.get("x-workspace-id")
    if workspace is None:
        return None
    try:
        uuid.UUID(workspace)
    except ValueError:
        message = f'"{workspace}" is not a valid UUID.'
        return error_answer(
            400,
            "validation_error",
            "invalid",
            f"X-Workspace-Id: {message}",
            attr="X-Workspace-Id",
            details={"X-Workspace-Id": [message]},
        )
    return None
