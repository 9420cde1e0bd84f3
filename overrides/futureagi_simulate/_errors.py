"""Every exception the client raises, and the one factory that turns an error answer into one.

The tree::

    FutureAGIError
    ├── WaitTimeoutError                          executions.wait gave up; ``state`` is the last state seen
    ├── BudgetExceededError                       executions.wait(max_cost=...) cancelled past the cap
    ├── TooManyPagesError                         a paged read found no last page within MAX_PAGES
    ├── CloneError                                run_tests.clone stopped part-way; ``left_run_test_id``
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
(the open-source server's 401 quotes the token it failed to parse). The request an error keeps
(``exc.request``, ``exc.response.request``) is a copy whose credential headers read ``[REDACTED]``.

Every exception pickles (process pools, multiprocessing) with its message, status, code, body and
``may_have_started``; the request and response objects are left behind, so nothing secret travels.
Every exception has ``may_have_started``: true only when an execute call may have started work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote

import httpx

from ._answers import INVALID_PAGE, MAX_BODY_DEPTH, ErrorAnswer, depth, is_invalid_page, retry_after_seconds
from ._exports import publish
from ._redaction import CREDENTIAL_HEADERS, REDACTED, excerpt, redact

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BudgetExceededError",
    "CloneError",
    "CredentialsError",
    "FutureAGIError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "TooManyPagesError",
    "UnsafeSelectionError",
    "WaitTimeoutError",
]

BEARER_RULE = (
    "A bearer token must be a web-login session token of the Future AGI app, not an API key: "
    "for API keys pass api_key= and secret_key= (or FI_API_KEY and FI_SECRET_KEY) instead"
)
# Said by every error after which an execute call may be running: one sentence, one way to check.
MAY_HAVE_STARTED = (
    "The execution may have started: before executing again, look for it with "
    "client.run_tests.executions(run_test_id, started_after=<the time of this call>)"
)
# Said instead after a rerun of calls, which starts work in an execution that exists already.
RERUN_MAY_HAVE_STARTED = (
    "The rerun may have started: before rerunning again, read the execution with "
    "client.executions.get(execution_id): a rerun moves it back to running or evaluating"
)
_STARTED_HINTS = {"rerun calls": RERUN_MAY_HAVE_STARTED}


def may_have_started_hint(operation: str | None) -> str:
    """The sentence that says how to check whether ``operation`` (an Exchange's name) started work."""
    return _STARTED_HINTS.get(operation or "", MAY_HAVE_STARTED)


class InsecureTransportWarning(UserWarning):
    """The client sends credentials over plain ``http://`` to a host that is not loopback."""


class FutureAGIError(Exception):
    """Root of every exception this package raises.

    ``may_have_started`` is true only when the call was an execute (or a rerun of calls,
    ``executions.rerun_calls``) and its request may have reached the server: then the simulation may be
    running even though the call failed, and the message says how to check. False means nothing was
    started and calling again is safe.
    """

    may_have_started: bool = False

    def __reduce__(self) -> tuple[Any, ...]:
        # The default rebuilds an exception by calling its class with ``args``, which keyword-only
        # constructors refuse; and the httpx request and response would travel too (the request holds
        # the credentials). Rebuild from the attributes instead, without those two.
        state = {k: v for k, v in vars(self).items() if k not in ("request", "response")}
        if "request" in vars(self):
            state["request"] = None
        if "response" in vars(self):
            state["response"] = None
        return (_rebuild, (type(self), self.args), state)


def _rebuild(cls: type[FutureAGIError], args: tuple[Any, ...]) -> FutureAGIError:
    exc = cls.__new__(cls)
    exc.args = args
    return exc


def safe_request(request: httpx.Request | None) -> httpx.Request | None:
    """A copy of ``request`` to keep in an exception: method, URL and headers, credentials blanked,
    no body. The original may be kept alive by a traceback printer or an error tracker."""
    if request is None:
        return None
    headers = [
        (name, REDACTED if name.lower() in CREDENTIAL_HEADERS else value)
        for name, value in request.headers.items()
    ]
    return httpx.Request(request.method, request.url, headers=headers)


class TooManyPagesError(FutureAGIError):
    """A paged read gave up: the server kept sending new rows past ``MAX_PAGES`` pages with no sign of
    the last page. Raised rather than returning part of a list, which would be silently wrong."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class IncompleteResultsError(FutureAGIError):
    """An execution's results could not be read as one complete, consistent snapshot: its calls kept
    moving between pages (the results are ordered by last update) through every re-read, or the answer
    did not say how many calls there are. Raised rather than judging part of the calls."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class CloneError(FutureAGIError):
    """``run_tests.clone`` stopped part-way. The message says what failed, the server's own message
    included (the failure is also ``__cause__``), and what became of the copy.

    ``left_run_test_id`` is the copy that exists and could not be deleted (delete it with
    ``run_tests.delete``), else None: nothing was made, or what was made was deleted again.
    ``left_run_test_name`` is the copy's name, also when its id is unknown (a create whose answer was
    lost and whose copy could not be found): look for it with ``run_tests.list(search=...)``.
    """

    def __init__(
        self,
        message: str,
        *,
        left_run_test_id: Any = None,
        left_run_test_name: str | None = None,
    ) -> None:
        self.message = message
        self.left_run_test_id = left_run_test_id
        self.left_run_test_name = left_run_test_name
        super().__init__(message)


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


class BudgetExceededError(FutureAGIError):
    """``executions.wait(..., max_cost=...)`` saw the calls cost more than ``max_cost`` (or a call end
    without a cost, so the cap could no longer be watched) and cancelled the execution.

    ``state`` is the last ``ExecutionState`` read (every call row), ``cost`` the ``ExecutionCost`` then,
    ``max_cost`` the cap in the currency's main unit; ``cancelled`` is False when the cancel failed (the
    message says why) and the execution may still be running.
    """

    def __init__(self, message: str, *, state: Any, cost: Any, max_cost: float, cancelled: bool) -> None:
        self.message = message
        self.state = state
        self.cost = cost
        self.max_cost = max_cost
        self.cancelled = cancelled
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_budget, (self.message, self.state, self.cost, self.max_cost, self.cancelled))


def _restore_budget(
    message: str, state: Any, cost: Any, max_cost: float, cancelled: bool
) -> BudgetExceededError:
    return BudgetExceededError(message, state=state, cost=cost, max_cost=max_cost, cancelled=cancelled)


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
        self.request = safe_request(request)
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
    """An answer that cannot be used: not JSON, the wrong shape or types, or larger than
    ``max_response_size``. ``status_code`` is the status it came with.

    ``may_have_started`` is true for an execute call: the server answered, so it may well have
    started the simulation even though the answer cannot be read.
    """

    def __init__(
        self, message: str, *, response: httpx.Response, body: object, may_have_started: bool = False
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = _within_depth(body)
        self.may_have_started = may_have_started
        super().__init__(message, request=_request_of(response))
        _keep_safe_request(response, self.request)

    def __str__(self) -> str:
        text = self.message
        if self.may_have_started:
            # Every such message starts with the operation's name (``_flows.finish``, ``_retry``).
            text += f". {may_have_started_hint(text.partition(':')[0])}"
        return text


class APIStatusError(APIError):
    """The server answered with an error status.

        ``message`` is the server's own sentence; ``code``, ``error_type``, ``attr`` and ``details`` come from
        its error envelope when it sent one; ``body`` is the parsed JSON, or the text when it was not JSON
    (None, with ``details``, when it nests deeper than ``MAX_BODY_DEPTH`` levels: the error stays picklable).
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
        operation: str | None = None,
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = _within_depth(body)
        self.code = code
        self.error_type = error_type
        self.attr = attr
        self.details = details if _within_depth(details) is details else None
        self.may_have_started = may_have_started
        # What was called, for the message: the operation's name, the method and the URL path.
        self.operation = operation
        request = _request_of(response)
        self.method = request.method if request is not None else None
        self.path = unquote(request.url.path) if request is not None else None
        super().__init__(message, request=request)
        _keep_safe_request(response, self.request)

    def __str__(self) -> str:
        labels = ", ".join(dict.fromkeys(label for label in (self.error_type, self.code) if label))
        suffix = f" ({labels})" if labels else ""
        called = " ".join(part for part in (self.method, self.path) if part)
        where = f"{self.operation or 'request'} ({called}): " if called or self.operation else ""
        text = f"{where}HTTP {self.status_code}{suffix}: {excerpt(self.message)}"
        if self.may_have_started:
            text += f". {may_have_started_hint(self.operation)}"
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


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:  # a Response built without a request
        return None


def _within_depth(body: Any) -> Any:
    """``body``, or None when it nests deeper than ``MAX_BODY_DEPTH``: an error keeps only what pickle,
    repr and a JSON report can walk (a hostile answer can nest thousands of levels)."""
    return None if depth(body) > MAX_BODY_DEPTH else body


def _keep_safe_request(response: httpx.Response, request: httpx.Request | None) -> None:
    # exc.response.request would otherwise be the original request, credentials and all.
    if request is not None:
        response.request = request


_STATUS_CLASSES: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def make_status_error(
    response: httpx.Response,
    *,
    secrets: Iterable[str] = (),
    starts_work: bool = False,
    not_found: bool = False,
    operation: str | None = None,
    base_url: str | None = None,
) -> APIStatusError:
    """The one factory of ``APIStatusError``: its class from the status, its fields from the envelope.

    ``starts_work`` marks an execute call, whose 5xx answers leave it unknown whether it ran.
    ``not_found`` makes it a ``NotFoundError`` whatever the status: the open-source server answers an
    unknown execution id with a 500 (``docs/dialects.md``, "Unknown ids"), which is the caller's
    mistake, not a server failure. The answer is read by ``_answers.ErrorAnswer``.
    ``operation`` and ``base_url`` go into the message, so that it says what was called and where.
    """
    secrets = tuple(secrets)
    answer = ErrorAnswer.read(response, secrets=secrets)
    message = answer.message
    fields: dict[str, Any] = {
        "response": response,
        "body": answer.body,
        "code": answer.code,
        "error_type": answer.error_type,
        "attr": answer.attr,
        "details": answer.details,
        "operation": operation,
    }
    status = response.status_code
    if status == 429:
        return RateLimitError(message, retry_after=retry_after_seconds(response, body=answer.raw), **fields)
    if not_found:
        return NotFoundError(message, **fields)
    request = _request_of(response)
    if 300 <= status < 400:
        location = excerpt(redact(response.headers.get("Location", "(none)"), secrets), 200)
        message = f"redirect to {location} refused: credentials are only sent to the configured base_url"
    elif status == 404 and not answer.is_json and base_url:
        # Django's HTML 404 page: no route matched, which is usually a base_url with the wrong path.
        message += f"; no such route: check base_url (in use: {base_url})"
    elif (
        status == 401
        and request is not None
        and request.headers.get("Authorization", "").startswith("Bearer")
    ):
        message += f". {BEARER_RULE}"
    elif status == 500 and is_invalid_page(answer.raw):
        page = request.url.params.get("page") if request is not None else None
        message = (
            f"page {page or '?'} is past the last page (the server answers 500 '{INVALID_PAGE}'); "
            "ask for a page between 1 and the total_pages of page 1, or use iter()"
        )
        fields["code"] = fields["code"] or "invalid_page"
        return InternalServerError(message, may_have_started=False, **fields)
    cls = _STATUS_CLASSES.get(status, InternalServerError if status >= 500 else APIStatusError)
    return cls(message, may_have_started=starts_work and status >= 500, **fields)


# Shown as futureagi_simulate.<Name>, where users import them from, in tracebacks too.
publish(
    InsecureTransportWarning,
    FutureAGIError,
    TooManyPagesError,
    IncompleteResultsError,
    CloneError,
    WaitTimeoutError,
    BudgetExceededError,
    InvalidArgumentError,
    CredentialsError,
    UnsafeSelectionError,
    APIError,
    APIConnectionError,
    APITimeoutError,
    APIResponseValidationError,
    APIStatusError,
    BadRequestError,
    AuthenticationError,
    PaymentRequiredError,
    PermissionDeniedError,
    NotFoundError,
    RateLimitError,
    InternalServerError,
)
