"""The sync client's network backend: every connect, read and write ends by the attempt's deadline.

httpx bounds each read, and reads the status line and headers itself, before the client sees a byte:
a server or proxy dripping its head one byte at a time keeps a sync call alive as long as it likes.
The async client puts one ``asyncio.timeout`` over the attempt; the sync client has no such thing, so
the pools it makes get this backend (httpcore's public extension point), which shortens each wait to
what is left of ``ATTEMPT_DEADLINE``. Imported when a sync client makes its pool, as httpx then imports
httpcore anyway.
"""

from __future__ import annotations

import ssl
import time
import typing
from collections.abc import Iterable

import httpcore
import httpx

from ._transport import ATTEMPT_DEADLINE

__all__ = ["bound_every_wait"]

_Late = type[httpcore.ConnectTimeout] | type[httpcore.ReadTimeout] | type[httpcore.WriteTimeout]


def _within_deadline(timeout: float | None, late: _Late, phase: str) -> float | None:
    """``timeout`` (httpx's bound for one wait), shortened to what is left of the attempt."""
    deadline = ATTEMPT_DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise late(f"the attempt's deadline passed {phase}")
    return left if timeout is None else min(timeout, left)


class _BoundedStream(httpcore.NetworkStream):
    """One connection whose reads and writes never wait past the attempt's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    # read and write, a few times a request, do _within_deadline's work in place: one call less each.
    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        deadline = ATTEMPT_DEADLINE.get()
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise httpcore.ReadTimeout(
                    "the attempt's deadline passed before the whole answer had arrived"
                )
            if timeout is None or left < timeout:
                timeout = left
        return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return  # h11's end of a body of known length: nothing to write, as httpcore's backends do
        deadline = ATTEMPT_DEADLINE.get()
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise httpcore.WriteTimeout("the attempt's deadline passed while sending the request")
            if timeout is None or left < timeout:
                timeout = left
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _within_deadline(timeout, httpcore.ConnectTimeout, "while connecting")
        return _BoundedStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _BoundedBackend(httpcore.NetworkBackend):
    """Makes connections as ``backend`` does, each bounded by the attempt's deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _within_deadline(timeout, httpcore.ConnectTimeout, "while connecting")
        return _BoundedStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _within_deadline(timeout, httpcore.ConnectTimeout, "while connecting")
        return _BoundedStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def bound_every_wait(http: httpx.Client) -> bool:
    """Puts the deadline's backend under every connection pool of a client this package made (its own
    and the environment proxies'). True when every pool has it.

    httpx has no public way to hand its transports a network backend yet (encode/httpx#3749, open), so
    this reaches the pool through httpx's and httpcore's private names, pinned by our constraints and
    checked by a test. On versions without them it does nothing and returns False: the body is still
    bounded (BodyReader), the status line and headers by httpx's per-read timeout only.
    """
    transports = [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]
    bounded = True
    for transport in transports:
        if transport is None:  # a mount that means "no proxy for these hosts"
            continue
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if not isinstance(backend, httpcore.NetworkBackend):
            bounded = False
        elif not isinstance(backend, _BoundedBackend):
            pool._network_backend = _BoundedBackend(backend)  # type: ignore[union-attr]
    return bounded and transports[0] is not None
