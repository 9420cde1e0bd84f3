"""Fault injection: what the emulator does instead of (or besides) answering normally.

A fault is armed for one operation (or ``"*"`` for all) and a number of requests; each matching request
uses up one. What a fault does to the request decides what a client may safely assume:

- ``delay``: the request is handled normally, and the answer held back (a read timeout after the work).
- ``status`` (429, 500, 502, 503): answered before the request reaches the API, as a gateway or rate
  limiter would: nothing was created or executed.
- ``drop``: the request is handled (an execution is counted), then the connection is closed with no
  answer: the ambiguous failure a client must never resend.
- ``not_json``: the request is handled, then answered ``200`` with an HTML page instead of JSON.

``EmulatorApp.handle`` takes the request's fault from its ``FaultPlan``, answers a ``status`` fault
with ``gateway_answer`` and passes every other answer through ``apply_fault``.
"""

from __future__ import annotations

import threading
from typing import Any, Literal

import attrs

from ._answers import error_answer, json_answer
from ._exchange import Answer

__all__ = ["Fault", "FaultKind", "FaultPlan", "apply_fault", "gateway_answer"]

FaultKind = Literal["delay", "status", "drop", "not_json"]
_STATUSES = (429, 500, 502, 503)
# The ``not_json`` fault's page: a 200 such as a proxy in front of the API might give, not JSON.
_HTML_PROXY_PAGE = b"<html><body><h1>200 OK</h1><p>Your request was received.</p></body></html>\n"


@attrs.frozen
class Fault:
    """One kind of misbehaviour. Build it with the class methods."""

    kind: FaultKind
    seconds: float = 0.0
    status: int = 0
    retry_after: str | None = None

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Handle the request, then hold the answer back by ``seconds``."""
        if seconds < 0:
            raise ValueError("seconds: must be >= 0")
        return cls("delay", seconds=seconds)

    @classmethod
    def rate_limit(cls, retry_after: float | str = 1) -> Fault:
        """Answer 429 with ``Retry-After`` (seconds, or an HTTP date given as a string)."""
        value = retry_after if isinstance(retry_after, str) else format(retry_after, "g")
        return cls("status", status=429, retry_after=value)

    @classmethod
    def server_error(cls, status: int = 503) -> Fault:
        """Answer 500, 502 or 503 without handling the request."""
        if status not in _STATUSES or status == 429:
            raise ValueError("status: must be 500, 502 or 503 (use rate_limit for 429)")
        return cls("status", status=status)

    @classmethod
    def drop(cls) -> Fault:
        """Handle the request, then close the connection without answering."""
        return cls("drop")

    @classmethod
    def not_json(cls) -> Fault:
        """Handle the request, then answer 200 with an HTML page."""
        return cls("not_json")

    @classmethod
    def from_json(cls, body: Any) -> Fault:
        """The fault described by a control-route body (``{"kind": ..., ...}``)."""
        if not isinstance(body, dict):
            raise ValueError("body: must be a JSON object")
        kind = body.get("kind")
        if kind == "delay":
            return cls.delay(float(body.get("seconds", 0)))
        if kind == "rate_limit":
            return cls.rate_limit(body.get("retry_after", 1))
        if kind == "server_error":
            return cls.server_error(int(body.get("status", 503)))
        if kind == "drop":
            return cls.drop()
        if kind == "not_json":
            return cls.not_json()
        raise ValueError("kind: must be one of delay, rate_limit, server_error, drop, not_json")


@attrs.define
class _Armed:
    operation: str
    fault: Fault
    remaining: int


class FaultPlan:
    """Armed faults, consumed first in, first out by the requests they match."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: list[_Armed] = []

    def arm(self, operation: str, fault: Fault, times: int) -> None:
        if times < 1:
            raise ValueError("times: must be >= 1")
        with self._lock:
            self._armed.append(_Armed(operation, fault, times))

    def clear(self) -> None:
        with self._lock:
            self._armed.clear()

    def take(self, operation: str) -> Fault | None:
        with self._lock:
            for armed in self._armed:
                if armed.operation in (operation, "*"):
                    armed.remaining -= 1
                    if armed.remaining == 0:
                        self._armed.remove(armed)
                    return armed.fault
        return None


def gateway_answer(fault: Fault) -> Answer:
    """A ``status`` fault's answer, given instead of handling the request."""
    if fault.status == 429:
        retry_after = fault.retry_after or "1"
        message = "Request was throttled."
        body = {
            "status": False,
            "result": {"code": "RATE_LIMITED", "message": message, "retry_after": retry_after},
        }
        return json_answer(429, body, {"Retry-After": retry_after})
    return error_answer(fault.status, "server_error", "server_error", f"Injected fault: HTTP {fault.status}.")


def apply_fault(fault: Fault | None, answer: Answer) -> Answer:
    """The handled request's answer as any other fault (or none) changes it."""
    if fault is None:
        return answer
    if fault.kind == "delay":
        return attrs.evolve(answer, delay=fault.seconds)
    if fault.kind == "drop":
        return attrs.evolve(answer, drop=True)
    return Answer(200, _HTML_PROXY_PAGE, {"Content-Type": "text/html; charset=utf-8"})
