"""The one redaction rule: which credentials are blanked out of text the client did not write, and how.

Used by everything that shows such text: the error tree (``_errors``: a server may echo what it was
sent; the open-source server's 401 quotes the token it failed to parse), the log filter (``_logging``)
and the command's reports and output (``cli``). One rule, so the library and the command never disagree
about what counts as a credential. Also the bound on how much of that text a message quotes
(``excerpt``), which is applied after redaction, never before (a cut through a credential would leave
its first characters where redaction no longer finds them).

No imports beyond the standard library: the package loads this at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "CREDENTIAL_HEADERS",
    "MAX_EXCERPT",
    "MIN_SECRET_LENGTH",
    "REDACTED",
    "SECRET_FIELDS",
    "excerpt",
    "redact",
    "redact_fields",
    "redact_scalar",
    "redaction_values",
    "secret_field_values",
]

#: What a credential is replaced by, in errors, log lines and the command's output alike.
REDACTED = "[REDACTED]"
#: Shorter credentials are not searched for in outside text (see ``redaction_values``).
MIN_SECRET_LENGTH = 6
#: Headers whose values are credentials whoever set them (a session cookie the server issues is one
#: too): an error's copy of the request and httpcore's header log lines show them blanked.
CREDENTIAL_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "x-secret-key", "cookie", "set-cookie"}
)
#: Fields of an agent definition or agent version whose values are secrets, in both casings: the
#: provider's API key, LiveKit's key and secret, and the websocket headers (which carry the agent's own
#: credentials). A body the client sends with them has their values added to what its errors redact
#: (``secret_field_values``); an answer that holds them has them replaced before it becomes a model
#: (``redact_fields``), so no repr, pickle, report or log line can show them, masked or not.
SECRET_FIELDS = frozenset(
    {
        "api_key",
        "apiKey",
        "livekit_api_key",
        "livekitApiKey",
        "livekit_api_secret",
        "livekitApiSecret",
        "websocket_headers",
        "websocketHeaders",
    }
)
#: The most of a server's text an exception quotes: a 1 GiB message must not become a 1 GiB str(exc).
MAX_EXCERPT = 1000


def redaction_values(values: Iterable[str | None]) -> tuple[str, ...]:
    """The one rule for what is redacted, used by the client and by the command alike.

    Each credential counts as it is sent: with surrounding whitespace removed, as ``resolve_config``
    removes it before it goes into a header (a key read from a file with its trailing newline is
    redacted by the value the server saw, which also covers the value as given). Values shorter than
    ``MIN_SECRET_LENGTH`` are left out: a one-letter placeholder key would otherwise blank every letter
    it shares with the server's sentence, while no real credential is that short. Longest first, so a
    credential that contains another is replaced whole.
    """
    kept = {value.strip() for value in values if isinstance(value, str)}
    return tuple(sorted((v for v in kept if len(v) >= MIN_SECRET_LENGTH), key=lambda v: (-len(v), v)))


def redact(value: Any, secrets: Iterable[str]) -> Any:
    """``value`` with every occurrence of each secret replaced, through nested dicts and lists.

    Iterative, so a hostile body nested thousands deep cannot exhaust the stack; text that holds no
    secret is returned unchanged, character for character. Keys are left as they are (the envelope's
    ``message`` must stay readable). Which values count is ``redaction_values``' rule.
    """
    secrets = redaction_values(secrets)
    if not secrets:
        return value
    if not isinstance(value, (Mapping, list)):
        return redact_scalar(value, secrets)
    root: list[Any] = [None]
    # Each entry: the source container, the copy's parent, and the slot of the copy in that parent.
    pending: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while pending:
        source, parent, slot = pending.pop()
        if isinstance(source, Mapping):
            copied: dict[Any, Any] = {}
            parent[slot] = copied
            for key, v in source.items():
                if isinstance(v, (Mapping, list)):
                    copied[key] = None
                    pending.append((v, copied, key))
                else:
                    copied[key] = redact_scalar(v, secrets)
        else:
            items: list[Any] = [None] * len(source)
            parent[slot] = items
            for i, v in enumerate(source):
                if isinstance(v, (Mapping, list)):
                    pending.append((v, items, i))
                else:
                    items[i] = redact_scalar(v, secrets)
    return root[0]


def redact_scalar(value: Any, secrets: tuple[str, ...]) -> Any:
    """``value`` with each of ``secrets`` replaced when it is text; any other value as it is.

    ``secrets`` must already be ``redaction_values``' output (the command computes it once, then calls
    this for every string it writes)."""
    if isinstance(value, str):
        for secret in secrets:
            if secret in value:
                value = value.replace(secret, REDACTED)
    return value


def secret_field_values(value: Any) -> tuple[str, ...]:
    """Every text held under a ``SECRET_FIELDS`` key anywhere in ``value`` (nested dicts and lists),
    for ``redaction_values``: what a request body carries that its errors must never quote."""
    found: list[str] = []
    # Containers not under a secret key: only their keys and nested containers matter. Exact types are
    # tested first (every request body is built of dicts, lists and scalars, and an abstract isinstance
    # costs more than the rest of the walk); any other Mapping or list is still walked.
    pending: list[Any] = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is dict:
            for k, v in item.items():
                if k in SECRET_FIELDS:
                    found.extend(_texts(v))
                elif type(v) not in _JSON_SCALARS:
                    pending.append(v)
        elif kind is list:
            for v in item:
                if type(v) not in _JSON_SCALARS:
                    pending.append(v)
        elif isinstance(item, Mapping):
            pending.append(dict(item))
        elif isinstance(item, list):
            pending.append(list(item))
    return tuple(found)


def _texts(value: Any) -> list[str]:
    """Every text in ``value``, at any depth: what a secret field holds."""
    texts: list[str] = []
    pending: list[Any] = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, Mapping):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return texts


_JSON_SCALARS = frozenset((str, int, float, bool, type(None)))


def redact_fields(value: Any) -> Any:
    """``value`` with the value of every ``SECRET_FIELDS`` key, at any depth, replaced by ``REDACTED``
    (an empty or null one is left as it is: it tells that no secret is set; an object, such as headers,
    keeps its keys and loses its values). Other values are returned as they are; iterative, as
    ``redact`` is."""
    if not isinstance(value, (Mapping, list)):
        return value
    root: list[Any] = [None]
    pending: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while pending:
        source, parent, slot = pending.pop()
        if isinstance(source, Mapping):
            copied: dict[Any, Any] = {}
            parent[slot] = copied
            for key, v in source.items():
                if key in SECRET_FIELDS and isinstance(v, Mapping):
                    # Headers: their names stay (what is set), every value goes.
                    copied[key] = {k: v[k] if v[k] in (None, "") else REDACTED for k in v}
                elif key in SECRET_FIELDS and v not in (None, "", []):
                    copied[key] = REDACTED
                elif isinstance(v, (Mapping, list)):
                    copied[key] = None
                    pending.append((v, copied, key))
                else:
                    copied[key] = v
        else:
            items: list[Any] = [None] * len(source)
            parent[slot] = items
            for i, v in enumerate(source):
                if isinstance(v, (Mapping, list)):
                    pending.append((v, items, i))
                else:
                    items[i] = v
    return root[0]


def excerpt(text: str, limit: int = MAX_EXCERPT) -> str:
    """``text``, cut to ``limit`` characters with a note of how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"
