"""Which failed requests are sent again, after how long, and the one loop that does it.

Executing a simulation starts paid LLM and voice calls, so a POST is sent again only when the server
certainly did not act on it: the connection could not be opened, or it answered 429 (a rate limiter
refuses before the work). A read timeout, a connection dropped after the request went out, or a 5xx
may come after the server started the work, so they raise at once. GETs change nothing and are
retried on every transient failure.

"May it have started?" is decided by *when* the failure happened, not by the exception's type: a
failure before any byte of the request was written (no pooled connection in time, the connection or
the proxy could not be reached, a header refused locally) left nothing on the server, so even a POST
is sent again; anything later may have reached it.

The loop is a generator that yields what to do next (send this request, sleep this long) and is told
what happened. The sync and the async client each drive it in a few lines (``_client.py``), so the
retry rules exist once and the two flavours cannot drift.

An exchange with a deadline (a poll of ``executions.wait``) gets no retries here: its flow retries it on its
own clock until the wait's timeout, which ``max_retries`` knows nothing of. A failure the loop raises
is thrown into the flow where it asked for the request, so such a flow can catch it.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Generator
from typing import Any, Generic, TypeVar

import httpx

from ._answers import decode_body, is_invalid_page, retry_after_seconds
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    InvalidArgumentError,
    may_have_started_hint,
)
from ._flows import Exchange, Flow
from ._redaction import excerpt, redact

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "NOT_SENT",
    "Finished",
    "ResponseTooLarge",
    "Step",
    "backoff",
    "check_max_retries",
    "drive",
    "resume",
]

log = logging.getLogger("futureagi_simulate")

T = TypeVar("T")

DEFAULT_MAX_RETRIES = 2
# Ends the message of a connection error whose request never left: what a caller reads to know nothing
# was made (run_tests.clone after a failed create).
NOT_SENT = "The request was not sent"
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
# A Retry-After longer than this is the server saying "not now": raise and let the caller decide.
MAX_RETRY_AFTER = 60.0
RETRIED_GET_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# The backoff doubles this many times at most: 2.0 ** retry overflows past 1023, and 8 s is reached at 4.
MAX_BACKOFF_EXPONENT = 16
# Failures that happen before any byte of the request reached the server: no connection was opened
# (or none came free from the pool in time), the proxy refused the tunnel, or h11 refused a header
# before writing anything.
NEVER_SENT: tuple[type[httpx.RequestError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.LocalProtocolError,
    httpx.UnsupportedProtocol,
)


# A plain slotted class, not attrs: it is defined at import, and attrs costs more to import than the
# rest of the package (BENCHMARKS.md).
class Finished(Generic[T]):
    """The operation's result."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value


class ResponseTooLarge:
    """The answer's body grew past ``limit`` bytes (after decompression), and reading it stopped."""

    __slots__ = ("limit", "response")

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self.response = response
        self.limit = limit


# What a driver is told to do next: send a request, or sleep this many seconds.
Step = httpx.Request | float
# What it reports back: the answer, the transport failure, an answer too large, or nothing (a sleep).
Outcome = httpx.Response | httpx.RequestError | ResponseTooLarge | None
Program = Generator[Step, Outcome, T]


def check_max_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError("max_retries", f"must be an int >= 0, got {value!r}")
    return value


def backoff(retry: int, rand: float) -> float:
    """The wait before retry number ``retry`` (0 for the first): 0.5 s doubling up to 8 s, less a random
    quarter at most so that many clients failing together do not come back together."""
    return min(MAX_BACKOFF, INITIAL_BACKOFF * 2.0 ** min(retry, MAX_BACKOFF_EXPONENT)) * (1 - 0.25 * rand)


class _Retry:
    """Send again, after the server's ``Retry-After`` when it gave one, else after our backoff."""

    __slots__ = ("retry_after",)

    def __init__(self, retry_after: float | None = None) -> None:
        self.retry_after = retry_after


def _after_error(exchange: Exchange[Any], error: httpx.RequestError) -> _Retry | None:
    if exchange.method == "GET":
        return _Retry() if isinstance(error, httpx.TransportError) else None
    return _Retry() if isinstance(error, NEVER_SENT) else None


def _after_response(exchange: Exchange[Any], response: httpx.Response) -> _Retry | None:
    status = response.status_code
    retried = status in RETRIED_GET_STATUSES if exchange.method == "GET" else status == 429
    if not retried or exchange.is_not_found(response):
        return None
    if status == 500 and is_invalid_page(decode_body(response)[0]):
        return None  # a page past the last one: the server answers the same every time
    asked = retry_after_seconds(response)
    if asked is not None and asked > MAX_RETRY_AFTER:
        return None
    return _Retry(asked)


def _send_with_retries(
    exchange: Exchange[Any],
    build: Callable[[Exchange[Any]], httpx.Request],
    max_retries: int,
    secrets: tuple[str, ...],
    proxy: str | None,
    rand: Callable[[], float],
) -> Program[httpx.Response]:
    retry = 0
    while True:
        request = build(exchange)
        outcome = yield request
        if isinstance(outcome, ResponseTooLarge):
            raise _too_large(exchange, outcome)
        # An exchange with a deadline (a poll of executions.wait) is retried by its flow, on the flow's clock
        # and up to that deadline, not here: max_retries would end a 30-minute wait after a few seconds
        # of 502s.
        allowed = 0 if exchange.deadline is not None else max_retries
        if isinstance(outcome, httpx.Response):
            again = _after_response(exchange, outcome)
            if again is None or retry >= allowed:
                return outcome
            reason = f"HTTP {outcome.status_code}"
        else:
            assert outcome is not None, "a driver reports the outcome of every request it sends"
            again = _after_error(exchange, outcome)
            if again is None or retry >= allowed:
                # Not chained: the httpx exception holds the original request, credentials and all.
                raise _connection_error(
                    outcome, request, exchange, attempts=retry + 1, secrets=secrets, proxy=proxy
                ) from None
            reason = type(outcome).__name__
        delay = again.retry_after if again.retry_after is not None else backoff(retry, rand())
        retry += 1
        log.info(
            "%s: %s from %s; retry %d of %d in %.2f s",
            exchange.operation,
            reason,
            request.url.host,
            retry,
            max_retries,
            delay,
        )
        yield float(delay)


def drive(
    flow: Flow[T],
    build: Callable[[Exchange[Any]], httpx.Request],
    max_retries: int,
    *,
    secrets: tuple[str, ...] = (),
    proxy: str | None = None,
    rand: Callable[[], float] | None = None,
) -> Program[T]:
    """The whole operation: each request the flow asks for, sent with retries, and each wait it asks
    for, until it returns.

    ``secrets`` are blanked out of error texts; ``proxy`` (the proxy in use, without credentials) lets
    a connection error say that the proxy, not the server, could not be reached. ``rand`` draws each
    backoff's jitter from [0, 1) (``random.random``, looked up when the operation starts): a test
    scripts it.
    """
    draw = random.random if rand is None else rand
    step = next(flow)
    while True:
        response: httpx.Response | None = None
        failure: APIError | None = None
        if isinstance(step, float):
            yield step
        else:
            try:
                response = yield from _send_with_retries(step, build, max_retries, secrets, proxy, draw)
            except APIError as error:
                # Raised where the flow asked for the request, so that a flow which can ride it out
                # (executions.wait, until its timeout) catches it; any other flow lets it through.
                failure = error
        try:
            step = flow.send(response) if failure is None else flow.throw(failure)
        except StopIteration as done:
            result: T = done.value
            return result


def resume(program: Program[T], outcome: Outcome) -> Step | Finished[T]:
    """Reports ``outcome`` to ``program`` and returns its next step, or its result."""
    try:
        return program.send(outcome)
    except StopIteration as done:
        return Finished(done.value)


def _connection_error(
    exc: httpx.RequestError,
    request: httpx.Request,
    exchange: Exchange[Any],
    *,
    attempts: int,
    secrets: tuple[str, ...] = (),
    proxy: str | None = None,
) -> APIConnectionError:
    never_sent = isinstance(exc, NEVER_SENT)
    may_have_started = exchange.starts_work and not never_sent
    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
    # Redacted before it is cut: a cut through a credential would leave its first characters.
    detail = excerpt(redact(str(exc), secrets), 300)
    target = f"{request.url.scheme}://{request.url.netloc.decode()}"
    if proxy is not None and isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.ProxyError)):
        what = f"{exchange.operation}: {type(exc).__name__}: the proxy {proxy} failed, not {target}{tries}"
    else:
        what = f"{exchange.operation}: {type(exc).__name__} talking to {target}{tries}"
    if detail:
        what += f" ({detail})"
    if never_sent:
        what += f". {NOT_SENT}"
    elif may_have_started:
        what += f". The request may have reached the server. {may_have_started_hint(exchange.operation)}"
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return cls(what, request=request, may_have_started=may_have_started)


def _too_large(exchange: Exchange[Any], outcome: ResponseTooLarge) -> APIResponseValidationError:
    status = outcome.response.status_code
    # Answered: an execute may have started, unless the server said no with a 4xx.
    started = exchange.starts_work and not 400 <= status < 500
    return APIResponseValidationError(
        f"{exchange.operation}: the {status} answer is larger than max_response_size "
        f"({outcome.limit:,} bytes after decompression); reading stopped there",
        response=outcome.response,
        body=None,
        may_have_started=started,
    )
