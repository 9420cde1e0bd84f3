"""``Exchange`` and ``Answer``: one request in, one answer out, with no socket in between.

Every way of reaching the emulator (the HTTP server, the httpx transports) turns a request into an
``Exchange`` and writes back the ``Answer`` that ``EmulatorApp.handle`` returns, so the rules never see
a socket and a test without one sees what a client over the network sees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

__all__ = ["Answer", "Exchange"]


@attrs.frozen
class Exchange:
    """One request as the emulator sees it. Header names are lower-case."""

    method: str
    path: str
    query: Sequence[tuple[str, str]]
    headers: Mapping[str, str]
    body: bytes
    #: ``scheme://host[:port]`` as the client addressed it, for the absolute ``next``/``previous`` links.
    origin: str


@attrs.frozen
class Answer:
    status: int
    body: bytes
    headers: Mapping[str, str]
    #: Seconds to hold the answer back (a ``delay`` fault).
    delay: float = 0.0
    #: Close the connection instead of answering (a ``drop`` fault).
    drop: bool = False
