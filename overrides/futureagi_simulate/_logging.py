"""No credential reaches a log line, whatever the server echoes back.

The client's own log lines carry no header, but the libraries under it log what the server sends: at
DEBUG, httpcore logs every response's headers (``receive_response_headers.complete return_value=(...,
[(b'x-api-key', b'...'), (b'set-cookie', b'...')])``), and httpx logs each status line at INFO. A server
or proxy that echoes the key it was sent (``X-Api-Key`` back, the key in a cookie, any header) would put
it into a user's logs. So every client registers its credentials here, and a filter on those loggers
(and the client's own, ``futureagi_simulate``) rewrites a record before any handler sees it: each live
client's credentials become ``[REDACTED]``, and httpcore's header lists show no value of a header that
carries credentials (cookies, authorization, the API key headers). Both by the package's one rule
(``_redaction``: which values, which headers, and the marker).

A filter on a logger runs for the records made on that logger, before they propagate to any handler
(the user's, pytest's caplog): it holds however logging is configured.
"""

from __future__ import annotations

import collections
import logging
import re
import threading
import weakref

from ._redaction import CREDENTIAL_HEADERS, REDACTED, redact

__all__ = ["LOGGERS", "register"]

# The loggers whose records can carry what the server sent: httpcore's (one per module that traces)
# and httpx's, and the client's own.
LOGGERS = (
    "futureagi_simulate",
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
# Longest first: "set-cookie" is matched whole rather than as a "cookie" it ends with.
_CREDENTIAL_HEADERS = "|".join(sorted(CREDENTIAL_HEADERS, key=lambda name: (-len(name), name)))
# One (name, value) pair of httpcore's header list as its repr writes it: (b'name', b'value'). As text,
# compiled by re when a record first needs it and kept in its cache: a process that logs nothing from
# httpcore (logging's default level) never compiles it, which cost every start 1 M instructions.
_HEADER_PAIR = rf"""(?i)\(b(['"])({_CREDENTIAL_HEADERS})\1, b(['"])(?:\\.|(?!\3).)*\3\)"""

_lock = threading.Lock()
# The credentials of each live client, by the client's id; a client's entry goes when it is collected.
_secrets: dict[int, tuple[str, ...]] = {}
# Ids of collected clients, dropped from _secrets the next time the lock is held. A finalizer runs
# wherever the collector happens to run, possibly inside `_current` on the same thread with the lock
# held: it must take no lock (a deadlock, seen under a debug-logging test) and change no dict being read.
_collected: collections.deque[int] = collections.deque()


def register(owner: object, secrets: tuple[str, ...]) -> None:
    """Keeps ``secrets`` out of every log line while ``owner`` (a client) lives."""
    key = id(owner)
    with _lock:
        # A collected client's id may be reused by this one: its removal must not outlive it.
        while _collected:
            _secrets.pop(_collected.popleft(), None)
        _secrets[key] = secrets
    weakref.finalize(owner, _forget, key)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def _forget(key: int) -> None:
    # deque.append is atomic and takes no lock: safe from a finalizer at any point.
    _collected.append(key)


def _current() -> tuple[str, ...]:
    with _lock:
        while _collected:
            _secrets.pop(_collected.popleft(), None)
        held = tuple(_secrets.values())
    return tuple(secret for secrets in held for secret in secrets)


class _Redacting(logging.Filter):
    """Rewrites a record's message without the credentials; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # a record that cannot be formatted is the logging module's to report
            return True
        cleaned = re.sub(_HEADER_PAIR, _masked, text) if record.name.startswith("httpcore") else text
        cleaned = redact(cleaned, _current())
        if cleaned != text:
            record.msg, record.args = cleaned, None
        return True


def _masked(match: re.Match[str]) -> str:
    return f"(b'{match.group(2)}', b'{REDACTED}')"


_FILTER = _Redacting()
