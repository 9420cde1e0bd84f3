"""Flows: what one operation sends and how it reads the answer, with no I/O and no generated code.

Each operation is a *flow*: a generator that yields the requests to send (``Exchange``: one request
and how to read its answer; not a ``Call``, which is a simulated phone or chat call) and receives their
responses, then returns the result. A flow that waits (``executions.wait``) also yields a ``float``, the
seconds to sleep, and is sent ``None`` when the time has passed; it reads the time from a clock it is
given, so a test drives it with scripted answers and a fake clock, and no real time passes. The sync
and async clients drive the same flows (``_client.py``), so the two can never disagree about casing,
envelopes or errors. The requests themselves are built by each resource's module (``_resources``),
which needs the generated package and so loads on a resource's first use.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator, Mapping
from typing import Any, Generic, Literal, TypeVar

import httpx

from ._answers import Reading, Refused, decode_body
from ._errors import APIResponseValidationError, InvalidArgumentError, make_status_error
from ._redaction import excerpt, redact, redact_fields, secret_field_values
from ._types import BodyCasing

log = logging.getLogger("futureagi_simulate")

T = TypeVar("T")
Casing = Literal["camel", "snake"]
# A flow yields a request to send, or a float: the seconds to sleep before it goes on.
Flow = Generator["Exchange[Any] | float", "httpx.Response | None", T]
# Seconds on a monotonic clock: time.monotonic in the clients, a fake one in tests.
Clock = Callable[[], float]


# The records below are plain slotted classes, not attrs: they are defined at import, and importing
# attrs costs more than the rest of the package (BENCHMARKS.md).
class Exchange(Generic[T]):
    """One request to send and how to read a successful answer to it."""

    __slots__ = (
        "deadline",
        "headers",
        "json",
        "method",
        "not_found_if",
        "operation",
        "params",
        "parse",
        "path",
        "secrets",
        "starts_work",
    )

    def __init__(
        self,
        *,
        operation: str,
        method: str,
        path: str,
        parse: Callable[[object], T],
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        starts_work: bool = False,
        not_found_if: Callable[[httpx.Response], bool] | None = None,
        deadline: float | None = None,
        secrets: tuple[str, ...] = (),
    ) -> None:
        self.operation = operation
        self.method = method
        self.path = path
        self.parse = parse
        self.params: Mapping[str, Any] = params or {}
        self.json = json
        self.headers: Mapping[str, str] = headers or {}
        # True for execute calls: once the request may have reached the server, a simulation may run.
        self.starts_work = starts_work
        # An error answer that means "no such thing" whatever its status: not retried, raised NotFoundError.
        self.not_found_if = not_found_if
        # The time, on the flow's clock (``Context.clock``), by which this exchange must be over: a poll of
        # executions.wait, which must not outlive the wait's timeout. Each attempt is cut off there, and
        # the retry layer makes no retry of such an exchange: the flow that set it retries on its own clock,
        # up to the same deadline, however many attempts that takes.
        self.deadline = deadline
        # Secrets the request's own body carries (an agent's provider key: ``_redaction.SECRET_FIELDS``),
        # redacted from its errors beside the client's credentials: a server may quote what it was sent.
        self.secrets = secrets

    @classmethod
    def from_generated(
        cls,
        operation: str,
        kwargs: Mapping[str, Any],
        parse: Callable[[object], T],
        *,
        starts_work: bool = False,
        not_found_if: Callable[[httpx.Response], bool] | None = None,
    ) -> Exchange[T]:
        body = kwargs.get("json")
        declared = kwargs.get("headers")
        # Header parameters the document declares, as text for httpx; not the JSON Content-Type,
        # which httpx writes itself for a json= body (and is all a body's operation usually declares).
        headers: dict[str, str] = {}
        if declared and not (body is not None and declared == _JSON_ONLY):
            headers = {
                str(k): str(v)
                for k, v in declared.items()
                if not (body is not None and _is_json_content_type(k, v))
            }
        params = kwargs.get("params")
        # __init__'s assignments without its keyword call: every request is made here.
        exchange: Exchange[T] = object.__new__(cls)
        exchange.operation = operation
        exchange.method = str(kwargs["method"]).upper()
        exchange.path = str(kwargs["url"])
        exchange.parse = parse
        exchange.params = dict(params) if params else {}
        exchange.json = body
        exchange.headers = headers
        exchange.starts_work = starts_work
        exchange.not_found_if = not_found_if
        exchange.deadline = None
        exchange.secrets = secret_field_values(body) if body is not None else ()
        return exchange

    def is_not_found(self, response: httpx.Response) -> bool:
        return self.not_found_if is not None and self.not_found_if(response)


# What the generated kwargs of an operation with a JSON body declare as headers when it has no header
# parameter of its own.
_JSON_ONLY = {"Content-Type": "application/json"}


def _is_json_content_type(name: object, value: object) -> bool:
    return str(name).lower() == "content-type" and str(value) == "application/json"


class CasingState:
    """The execute-body casing a client uses. In ``auto`` mode it starts camelCase and may switch once."""

    __slots__ = ("current", "mode")

    def __init__(self, *, mode: BodyCasing, current: Casing) -> None:
        self.mode = mode
        self.current = current

    @classmethod
    def for_mode(cls, mode: object) -> CasingState:
        if mode == "auto" or mode == "camel":
            return cls(mode=mode, current="camel")
        if mode == "snake":
            return cls(mode="snake", current="snake")
        raise InvalidArgumentError("body_casing", f"must be 'auto', 'camel' or 'snake'; got {mode!r}")


class Context:
    """What a flow needs from its client: the secrets to keep out of errors, and the casing state.

    Its repr shows neither: flows take the context as an argument, and tracebacks that show locals
    (rich, error trackers) print the reprs of arguments.
    """

    __slots__ = ("base_url", "casing", "clock", "secrets")

    def __init__(
        self,
        *,
        secrets: tuple[str, ...],
        casing: CasingState,
        base_url: str = "",
        clock: Clock = time.monotonic,
    ) -> None:
        self.secrets = secrets
        self.casing = casing
        # For error messages only ("check base_url"); requests are built by the client.
        self.base_url = base_url
        # The clock of the flows that wait (executions.wait) and of the deadlines their calls carry: the
        # client reads it too, to cut an attempt off at an exchange's deadline. A test gives a fake one.
        self.clock = clock

    def __repr__(self) -> str:
        return f"Context(casing={self.casing.mode!r}/{self.casing.current!r})"


# Reading answers ------------------------------------------------------------------------------------------


def finish(exchange: Exchange[T], response: httpx.Response, ctx: Context) -> T:
    """The parsed result of a successful answer, or the exception an error answer maps to."""
    status = response.status_code
    log.debug("%s %s -> %s", exchange.method, exchange.path, status)
    secrets = ctx.secrets + exchange.secrets if exchange.secrets else ctx.secrets
    if not 200 <= status < 300:  # httpx's is_success, without its two calls
        raise make_status_error(
            response,
            secrets=secrets,
            starts_work=exchange.starts_work,
            operation=exchange.operation,
            base_url=ctx.base_url,
            not_found=exchange.is_not_found(response),
        )
    if type(exchange.parse) is Reading:
        # The speed extra's road (_mirrors): the answer's bytes read into the model, else read below.
        made: T | Refused = exchange.parse.fast(response.content)
        if not isinstance(made, Refused):
            return made
    body, is_json = decode_body(response)
    # An execute that was answered 2xx was accepted: whatever the body, the simulation may have started.
    started = exchange.starts_work
    if not is_json:
        # Redacted, then cut: a header is the server's text, and may echo what it was sent.
        content_type = excerpt(redact(response.headers.get("Content-Type", "none"), secrets), 100)
        raise APIResponseValidationError(
            f"{exchange.operation}: the {response.status_code} answer is not JSON "
            f"(Content-Type: {content_type})",
            response=response,
            body=redact(body, secrets),
            may_have_started=started,
        )
    try:
        return exchange.parse(body)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError, OverflowError) as exc:
        reason = excerpt(redact(f"{type(exc).__name__}: {exc}", secrets))
        # Decoded again: a parse may have reused (emptied) the objects it read before it failed. An
        # answer is the server's data, not an error sentence: an agent's secrets in it (an agent's
        # api_key, as run tests and agent definitions carry them) are redacted as the models have them.
        raise APIResponseValidationError(
            f"{exchange.operation}: the answer does not match openapi.yaml ({reason})",
            response=response,
            body=redact_fields(redact(decode_body(response)[0], secrets)),
            may_have_started=started,
        ) from None


def rejects_camel_keys(response: httpx.Response, sent: object) -> bool:
    """True when a 400 calls the camelCase keys we sent unknown fields: the server speaks snake_case only.

    Only then is a resend safe and right. Any other 400 (even one of type ``validation_error``, which the
    server also uses when its workflow engine is down) is the caller's answer, not a casing problem.
    """
    if response.status_code != 400 or not isinstance(sent, Mapping):
        return False
    body, _ = decode_body(response)
    details = body.get("details") if isinstance(body, Mapping) else None
    if not isinstance(details, Mapping):
        return False
    camel_keys = [key for key in sent if key != _snake(key)]
    return any(key in details and "unknown field" in str(details[key]).lower() for key in camel_keys)


def _snake(key: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in key)


# Flows ------------------------------------------------------------------------------------------------


def single(exchange: Exchange[T], ctx: Context) -> Flow[T]:
    response = yield exchange
    return finish(exchange, _answered(response), ctx)


def _answered(response: httpx.Response | None) -> httpx.Response:
    # A driver sends None only after a sleep; after an Exchange it always sends the answer.
    assert response is not None, "a driver answers every Exchange it is given"
    return response


def negotiated(build: Callable[[Casing], Exchange[T] | Flow[Exchange[T]]], ctx: Context) -> Flow[T]:
    """Sends the execute body in the client's casing; in ``auto`` mode falls back to snake_case once.

    The fallback resends only after a 400 that names our camelCase keys as unknown fields: the server
    validated the body before doing anything, so nothing ran and nothing can run twice. ``build`` gives
    the request for a casing, or a flow that reads what it needs first and then gives it.
    """
    casing = ctx.casing.current
    made = build(casing)
    # An Exchange is used as it is: a generator per call only for a builder that reads first.
    exchange = made if isinstance(made, Exchange) else (yield from made)
    response = _answered((yield exchange))
    if ctx.casing.mode == "auto" and casing == "camel" and rejects_camel_keys(response, exchange.json):
        log.info("the server rejected camelCase execute bodies; this client now sends snake_case")
        ctx.casing.current = "snake"
        made = build("snake")
        exchange = made if isinstance(made, Exchange) else (yield from made)
        response = _answered((yield exchange))
    return finish(exchange, response, ctx)


__all__ = [
    "Casing",
    "CasingState",
    "Clock",
    "Context",
    "Exchange",
    "Flow",
    "finish",
    "negotiated",
    "single",
]
