"""Scripted outcomes for driving the flows without a socket: the context, answers and clocks they need.

``run`` drives a flow through the retry rules (``_retry.drive``) as a client would, but each request is
answered by a script instead of a server and each wait is recorded instead of slept: a rule is pinned
by what was sent and how long the client would have waited, with no socket and no clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import httpx

from futureagi_simulate import FutureAGIError
from futureagi_simulate._flows import CasingState, Context, Exchange, Flow
from futureagi_simulate._retry import Finished, drive, resume

CTX = Context(secrets=(), casing=CasingState.for_mode("auto"))

#: One scripted outcome for a request: an answer, or the transport error it ended with.
Outcome = httpx.Response | httpx.RequestError
Script = Callable[[httpx.Request], Outcome]


class Driven:
    """What a scripted run did: its result (or the FutureAGIError it raised), requests and waits."""

    def __init__(self, result: object, requests: list[httpx.Request], sleeps: list[float]) -> None:
        self.result = result
        self.requests = requests
        self.sleeps = sleeps

    @property
    def bodies(self) -> list[Any]:
        """The JSON body of each request sent, in order."""
        return [httpx.Response(200, content=r.content).json() if r.content else None for r in self.requests]


def request_of(exchange: Exchange[Any]) -> httpx.Request:
    """The request a client would send for ``exchange``, on a host nobody resolves."""
    return httpx.Request(
        exchange.method, "http://api.test" + exchange.path, params=dict(exchange.params), json=exchange.json
    )


def answer(status: int, body: object = None, headers: dict[str, str] | None = None) -> Script:
    """A script step answering ``status`` with the JSON ``body``."""
    return lambda request: httpx.Response(status, json=body, headers=headers, request=request)


def failure(kind: type[httpx.RequestError]) -> Script:
    """A script step ending the request with the transport error ``kind``."""
    return lambda request: kind("scripted", request=request)


def in_turn(*steps: Script) -> Script:
    """Each request answered by the next of ``steps``; a request past the last fails the test."""
    left = iter(steps)
    return lambda request: next(left)(request)


def run(flow: Flow[Any], script: Script, *, max_retries: int = 2, draws: Iterable[float] = ()) -> Driven:
    """Drives ``flow`` with retries against ``script``; each backoff's jitter is the next of ``draws``."""
    jitter = iter(draws)
    program = drive(flow, request_of, max_retries, rand=lambda: next(jitter, 0.0))
    requests: list[httpx.Request] = []
    sleeps: list[float] = []
    try:
        step = resume(program, None)
        while not isinstance(step, Finished):
            if isinstance(step, float):
                sleeps.append(step)
                step = resume(program, None)
                continue
            requests.append(step)
            step = resume(program, script(step))
    except FutureAGIError as error:
        return Driven(error, requests, sleeps)
    return Driven(step.value, requests, sleeps)
