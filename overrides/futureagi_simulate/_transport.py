"""Reading one answer within its bounds: the whole-attempt deadline and the maximum response size.

httpx bounds each read, not an attempt: a server that sends one byte a second keeps a ``timeout=2``
call alive as long as it likes. And httpx decompresses a whole network chunk at once: 3 KB of
gzip-in-gzip grow to gigabytes before anyone can count them. So the clients stream the raw body and
decode it here, each decompression step bounded by what is left of ``max_response_size``, checking the
deadline between chunks. No I/O happens here: the clients feed the chunks.

The async client puts one ``asyncio.timeout`` over the whole attempt. The sync client sets
``ATTEMPT_DEADLINE`` around each attempt, which its pool's network backend (``_backend``) reads. Either
way the attempt also ends by its exchange's own deadline (``EXCHANGE_DEADLINE``): a poll of
``executions.wait`` never outlives the wait.
"""

from __future__ import annotations

import contextvars
import time
import zlib
from collections.abc import Iterator

import httpx

from ._answers import UNDECODED
from ._config import ACCEPT_ENCODING
from ._retry import ResponseTooLarge

__all__ = ["ATTEMPT_DEADLINE", "EXCHANGE_DEADLINE", "UNDECODED", "BodyReader"]

# The request extension that carries an exchange's own deadline (``Exchange.deadline``, on the
# flows' clock) from the request builder to the attempt, which ends by it whatever the client's timeout.
EXCHANGE_DEADLINE = "futureagi_simulate.exchange_deadline"


# ACCEPT_ENCODING is what we ask for and decode with the standard library; anything else is refused.
# More layers than this is no real server: gzip-in-gzip is how decompression bombs are made.
MAX_ENCODING_LAYERS = 2


class BodyReader:
    """Collects one answer's body, decoded, within ``limit`` bytes and before ``deadline``.

    Feed it raw chunks with :meth:`feed`; it returns an outcome (a failure to report instead of the
    response) as soon as one is due, else None. :meth:`finish` stores the body in the response.
    """

    __slots__ = (
        "_chunks",
        "_deadline",
        "_declared",
        "_layers",
        "_limit",
        "_raw",
        "_raw_size",
        "_response",
        "_size",
    )

    def __init__(self, response: httpx.Response, limit: int, deadline: float | None) -> None:
        self._response = response
        self._limit = limit
        self._deadline = deadline
        self._chunks: list[bytes] = []
        self._size = 0
        encoding, self._declared = _framing(response.headers)
        self._layers: list[zlib._Decompress] | None = _layers_for(encoding)
        # An error answer keeps its status and message even when its Content-Encoding lies (says gzip
        # over plain JSON, or names one we cannot decode): its raw bytes are kept beside the decoded ones,
        # within the same limit, and read as sent when decoding fails. A success is never read that way:
        # a gate reads no data it could not decode.
        is_error = response.status_code >= 300
        self._raw: list[bytes] | None = [] if is_error and self._layers != [] else None
        self._raw_size = 0

    def check(self) -> ResponseTooLarge | httpx.RequestError | None:
        """A failure already known from the headers: an encoding we cannot decode, or a declared size
        over the limit."""
        if self._layers is None:
            # Whole: the header is the server's text, redacted and then cut where the error is built
            # (a cut here could split a credential the server echoed, out of redaction's reach).
            encoding = self._response.headers.get("Content-Encoding", "")
            if self._raw is not None:
                self._read_as_sent()
                return None
            return httpx.DecodingError(
                f"the answer's Content-Encoding {encoding!r} is not one this client asked for "
                f"({ACCEPT_ENCODING})",
                request=self._response.request,
            )
        declared = self._declared
        if not self._layers and declared.isdigit() and len(declared) < 20 and int(declared) > self._limit:
            return ResponseTooLarge(self._response, self._limit)
        return None

    def read_already(self) -> httpx.Response | ResponseTooLarge:
        """For an answer an in-process transport (httpx.MockTransport, the emulator's) built in memory
        and httpx has already read: only its size is left to check."""
        if len(self._response.content) > self._limit:
            return ResponseTooLarge(self._response, self._limit)
        return self._response

    def feed(self, raw: bytes) -> ResponseTooLarge | httpx.RequestError | None:
        if self._layers and self._raw is not None:
            self._raw_size += len(raw)
            if self._raw_size > self._limit:
                return ResponseTooLarge(self._response, self._limit)
            self._raw.append(raw)
        if self._layers:
            try:
                for piece in _pump(self._layers, raw, self._limit - self._size + 1):
                    if (failure := self._add(piece)) is not None:
                        return failure
            except zlib.error as exc:
                if self._raw is None:
                    return httpx.DecodingError(
                        f"the answer's compressed body is broken: {exc}", request=self._response.request
                    )
                # An error answer whose body is not what its Content-Encoding says: read as sent.
                self._read_as_sent()
        elif (failure := self._add(raw)) is not None:
            return failure
        if self._deadline is not None and time.monotonic() > self._deadline:
            return self.late()
        return None

    def _read_as_sent(self) -> None:
        """From now on the body is its raw bytes (those kept so far, then each chunk as it comes), and the
        response says which Content-Encoding could not be undone (``UNDECODED``, for the error's words)."""
        self._chunks, self._size = list(self._raw or ()), self._raw_size
        self._layers, self._raw = [], None
        encoding = self._response.headers.get("Content-Encoding", "")[:100]
        self._response.extensions = {**self._response.extensions, UNDECODED: encoding}

    def late(self) -> httpx.ReadTimeout:
        return httpx.ReadTimeout(
            "the attempt's deadline passed before the whole answer had arrived",
            request=self._response.request,
        )

    def _add(self, piece: bytes) -> ResponseTooLarge | None:
        self._size += len(piece)
        if self._size > self._limit:
            return ResponseTooLarge(self._response, self._limit)
        self._chunks.append(piece)
        return None

    def finish(self) -> httpx.Response:
        response = self._response
        # What Response.read() does with its own decoder: the decoded body, read once, kept.
        response._content = b"".join(self._chunks)
        return response


def _framing(headers: httpx.Headers) -> tuple[str, str]:
    """The answer's Content-Encoding and Content-Length as ``headers.get`` gives them (each header's
    values joined by ", "; "" when there is none), in one pass: each ``get`` scans every header."""
    encodings: list[str] = []
    lengths: list[str] = []
    charset = headers.encoding
    for name, value in headers.raw:
        lowered = name.lower()
        if lowered == b"content-encoding":
            encodings.append(value.decode(charset))
        elif lowered == b"content-length":
            lengths.append(value.decode(charset))
    return ", ".join(encodings), ", ".join(lengths)


def _layers_for(header: str) -> list[zlib._Decompress] | None:
    if not header:
        return []  # nearly every answer: nothing to undo
    encodings = [e.strip().lower() for e in header.split(",") if e.strip()]
    encodings = [e for e in encodings if e != "identity"]
    if len(encodings) > MAX_ENCODING_LAYERS or any(e not in ("gzip", "x-gzip", "deflate") for e in encodings):
        return None
    # Applied in the order listed, so undone in reverse; wbits | 32 reads a zlib or a gzip header.
    return [zlib.decompressobj(zlib.MAX_WBITS | 32) for _ in reversed(encodings)]


def _pump(layers: list[zlib._Decompress], data: bytes, budget: int) -> Iterator[bytes]:
    """``data`` through each decompression layer in turn, no step producing more than ``budget`` bytes:
    the caller stops iterating once the total passes its limit, so memory stays bounded."""
    first, rest = layers[0], layers[1:]
    while data:
        out = first.decompress(data, budget)
        data = first.unconsumed_tail
        if out:
            if rest:
                yield from _pump(rest, out, budget)
            else:
                yield out
        if first.eof:
            return


# The monotonic time by which the current attempt must end, set by the sync client around each attempt
# (a context variable, so each thread has its own); None outside an attempt, or with no timeout.
ATTEMPT_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "futureagi_simulate_attempt_deadline", default=None
)
