"""Every exception the client raises, and the one factory that turns an error answer into one.

The tree::

    FutureAGIError
    ├── WaitTimeoutError                          executions.wait gave up; ``state`` is the last state seen
    ├── InvalidArgumentError (also a ValueError)  bad input, raised before anything is sent
    │   ├── CredentialsError                      missing, partial or conflicting credentials
    │   └── UnsafeSelectionError                  a selection the server would run differently
    └── APIError                                  talking to the API went wrong
        ├── APIConnectionError                    no answer: the connection failed or broke
        │   └── APITimeoutError                   no answer in time
        ├── APIResponseValidationError            an answer that does not match openapi.yaml
        └── APIStatusError                        an answer with a 3xx, 4xx or 5xx status
            ├── BadRequestError                   400
            ├── AuthenticationError               401
            ├── PaymentRequiredError              402
            ├── PermissionDeniedError             403
            ├── NotFoundError                     404 (and the server's 500 for an unknown execution)
            ├── RateLimitError                    429 (``retry_after``)
            └── InternalServerError               500 and above

One warning, outside the tree: ``InsecureTransportWarning`` (a ``UserWarning``), when credentials would
travel unencrypted to a host that is not this machine.

Nothing raised here ever carries a credential in its text: the factory takes the secrets in use and
blanks them out of the server's message and body, because a server may echo what it was sent
(the open-source server's 401 quotes the token it failed to parse).
"""

from __future__ import annotations

import email.utils
import json
import math
import time
from collections.abc import Iterable, Mapping
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CredentialsError",
    "FutureAGIError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnsafeSelectionError",
    "WaitTimeoutError",
]

REDACTED = "[REDACTED]"
# Said by every error after which an execute call may be running: one sentence, one way to check.
MAY_HAVE_STARTED = (
    "The execution may have started: before executing again, look for it with "
    "client.run_tests.executions(run_test_id, started_after=<the time of this call>)"
)


class InsecureTransportWarning(UserWarning):
    """The client sends credentials over plain ``http://`` to a host that is not loopback."""


class FutureAGIError(Exception):
    """Root of every exception this package raises."""


class WaitTimeoutError(FutureAGIError):
    """``executions.wait`` gave up: the execution had not finished when its ``timeout`` passed.

    ``state`` is the last ``ExecutionState`` read, ``timeout`` the seconds waited. The execution goes on:
    ``wait`` never cancels it (call ``executions.cancel`` for that).
    """

    def __init__(self, message: str, *, state: Any, timeout: float) -> None:
        self.message = message
        self.state = state
        self.timeout = timeout
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments: the default pickling would call WaitTimeoutError(message) and fail.
        return (_restore_wait_timeout, (self.message, self.state, self.timeout))


def _restore_wait_timeout(message: str, state: Any, timeout: float) -> WaitTimeoutError:
    return WaitTimeoutError(message, state=state, timeout=timeout)


class InvalidArgumentError(FutureAGIError, ValueError):
    """An argument breaks a rule of the API; raised before any request is sent.

    ``argument`` names the offending argument (``"scenario_ids[2]"``), ``rule`` says what it must be.
    """

    def __init__(self, argument: str, rule: str) -> None:
        self.argument = argument
        self.rule = rule
        super().__init__(f"{argument}: {rule}")


class CredentialsError(InvalidArgumentError):
    """The client was given no credentials, half a key pair, or both a key pair and a bearer token."""


class UnsafeSelectionError(InvalidArgumentError):
    """The server would run a different set of scenarios than the selection asks for."""


class APIError(FutureAGIError):
    """Talking to the API went wrong. ``request`` is the request that was sent (or tried)."""

    def __init__(self, message: str, *, request: httpx.Request | None) -> None:
        self.message = message
        self.request = request
        super().__init__(message)


class APIConnectionError(APIError):
    """No answer came back: the connection could not be opened, or broke before the answer.

    ``may_have_started`` is true when an execute request may have reached the server: the simulation
    may be running even though this call failed, so check before sending it again.
    """

    def __init__(
        self, message: str, *, request: httpx.Request | None, may_have_started: bool = False
    ) -> None:
        self.may_have_started = may_have_started
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """No answer came back within the timeout."""


class APIResponseValidationError(APIError):
    """A successful answer whose body does not match the document (not JSON, wrong shape or types)."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = body
        super().__init__(message, request=response.request)


class APIStatusError(APIError):
    """The server answered with an error status.

    ``message`` is the server's own sentence; ``code``, ``error_type``, ``attr`` and ``details`` come from
    its error envelope when it sent one; ``body`` is the parsed JSON, or the text when it was not JSON.
    ``may_have_started`` is true for a 5xx answer to an execute call: a gateway or the server may have
    failed after the simulation started, so check before executing again.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        code: str | None = None,
        error_type: str | None = None,
        attr: str | None = None,
        details: Mapping[str, Any] | None = None,
        may_have_started: bool = False,
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = code
        self.error_type = error_type
        self.attr = attr
        self.details = details
        self.may_have_started = may_have_started
        super().__init__(message, request=response.request)

    def __str__(self) -> str:
        labels = ", ".join(label for label in (self.error_type, self.code) if label)
        suffix = f" ({labels})" if labels else ""
        text = f"HTTP {self.status_code}{suffix}: {self.message}"
        if self.may_have_started:
            text += f". {MAY_HAVE_STARTED}"
        return text


class BadRequestError(APIStatusError):
    """400: the server refused the request; ``details`` names each offending field."""


class AuthenticationError(APIStatusError):
    """401: the credentials are missing, wrong, or (for a bearer token) not a session token."""


class PaymentRequiredError(APIStatusError):
    """402: the organisation's plan does not cover this call."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials may not write to this workspace."""


class NotFoundError(APIStatusError):
    """404: no such run test or prompt simulation (or a path id that is not a UUID)."""


class RateLimitError(APIStatusError):
    """429: too many requests. ``retry_after`` is the wait in seconds the server asked for, if any."""

    def __init__(self, message: str, *, retry_after: float | None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class InternalServerError(APIStatusError):
    """500 or above: the server failed. An execute call may or may not have started."""


_STATUS_CLASSES: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def redact(value: Any, secrets: Iterable[str]) -> Any:
    """``value`` with every occurrence of each secret replaced, through nested dicts and lists."""
    secrets = tuple(s for s in secrets if s)
    if not secrets:
        return value
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, Mapping):
        return {redact(k, secrets): redact(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(item, secrets) for item in value]
    return value


def decode_body(response: httpx.Response) -> tuple[object, bool]:
    """The answer's JSON and True, or its text and False when it is not JSON."""
    try:
        return json.loads(response.content), True
    except (ValueError, RecursionError):
        # RecursionError: a hostile body nested deeper than the parser goes is not JSON we can use.
        return response.content.decode("utf-8", errors="replace"), False


def make_status_error(
    response: httpx.Response,
    *,
    secrets: Iterable[str] = (),
    starts_work: bool = False,
    not_found: bool = False,
) -> APIStatusError:
    """The exception for an error answer: its class from the status, its fields from the envelope.

    ``starts_work`` marks an execute call, whose 5xx answers leave it unknown whether it ran.
    ``not_found`` makes it a ``NotFoundError`` whatever the status: the open-source server answers an
    unknown execution id with a 500 (API-NOTES.md), which is the caller's mistake, not a server failure.
    """
    secrets = tuple(secrets)
    raw, _ = decode_body(response)
    body = redact(raw, secrets)
    envelope: Mapping[str, Any] = body if isinstance(body, Mapping) else {}
    result = envelope.get("result")
    nested: Mapping[str, Any] = result if isinstance(result, Mapping) else {}

    message = _first_text(envelope.get("message"), envelope.get("detail"), envelope.get("error"), result)
    message = message or _first_text(nested.get("message")) or _fallback_message(response, body)
    details = envelope.get("details")
    fields: dict[str, Any] = {
        "response": response,
        "body": body,
        "code": _first_text(envelope.get("code"), nested.get("code")),
        "error_type": _first_text(envelope.get("type")),
        "attr": _first_text(envelope.get("attr")),
        "details": details if isinstance(details, Mapping) else None,
    }
    status = response.status_code
    if status == 429:
        return RateLimitError(message, retry_after=retry_after_seconds(response, body=raw), **fields)
    if 300 <= status < 400:
        location = redact(response.headers.get("Location", "(none)"), secrets)
        message = f"redirect to {location} refused: credentials are only sent to the configured base_url"
    if not_found:
        return NotFoundError(message, **fields)
    cls = _STATUS_CLASSES.get(status, InternalServerError if status >= 500 else APIStatusError)
    return cls(message, may_have_started=starts_work and status >= 500, **fields)


def _first_text(*candidates: object) -> str | None:
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            return candidate
    return None


def _fallback_message(response: httpx.Response, body: object) -> str:
    kind = response.headers.get("Content-Type", "no content type").split(";")[0]
    reason = response.reason_phrase or "error"
    if isinstance(body, str) and not body.strip():
        return f"{reason} (empty body)"
    return f"{reason} (the body was {kind}, not the JSON error envelope)"


def retry_after_seconds(response: httpx.Response, *, body: object = None) -> float | None:
    """The wait the server asked for: ``Retry-After`` in seconds or as an HTTP date, else the open-source
    server's ``result.retry_after`` in a 429 body (``body``, decoded here when not given)."""
    header = response.headers.get("Retry-After")
    if header is not None:
        try:
            return _seconds(float(header))
        except ValueError:
            pass
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None and when.tzinfo is not None:
            return max(0.0, when.timestamp() - time.time())
    if response.status_code != 429:
        return None
    if body is None:
        body, _ = decode_body(response)
    result = body.get("result") if isinstance(body, Mapping) else None
    in_body = result.get("retry_after") if isinstance(result, Mapping) else None
    if isinstance(in_body, (int, float)) and not isinstance(in_body, bool):
        return _seconds(float(in_body))
    return None


def _seconds(value: float) -> float | None:
    # "inf" and "nan" parse as floats; neither is a wait anyone can honour.
    return max(0.0, value) if math.isfinite(value) else None
