"""Text from the server as each report's medium can carry it: redacted of the credentials the command
uses (the library's one rule, ``redaction_values``), then made safe for UTF-8, XML 1.0 or a terminal."""

from __future__ import annotations

import re
from collections.abc import Iterable

from futureagi_simulate._redaction import REDACTED, redact_scalar, redaction_values

__all__ = [
    "REDACTED",
    "redact",
    "safe_text",
    "secrets",
    "set_secrets",
    "terminal_lines",
    "terminal_text",
    "xml_text",
]

_secrets: tuple[str, ...] = ()


def set_secrets(secrets: Iterable[str | None]) -> None:
    """The credentials the command uses: ``redact`` replaces each wherever it appears.

    Which values count is the library's rule (``redaction_values``): the value as sent, stripped of
    surrounding whitespace, so a key given with a trailing newline is redacted as the server saw it.
    """
    global _secrets
    _secrets = redaction_values(secrets)


def secrets() -> tuple[str, ...]:
    """The credentials ``redact`` replaces, as ``redaction_values`` gave them."""
    return _secrets


def redact(text: str) -> str:
    """``text`` with every credential the command knows replaced by ``[REDACTED]``."""
    result: str = redact_scalar(text, _secrets) if _secrets else text
    return result


# Lone surrogates cannot be encoded; XML 1.0 forbids C0 controls but tab/newline/CR, and U+FFFE/U+FFFF.
# Patterns as text, compiled by re on first use and kept in its cache: compiling the two at import cost
# every start of the command 6.7 M instructions (a query's JSON of ASCII text and --help use neither).
_SURROGATE = "[\ud800-\udfff]"
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
# For a terminal: C0 controls but tab, DEL and C1 controls (ESC starts escape sequences). A newline in
# server text is escaped too: printed raw it would start a line the text chose.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _escape_control(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def safe_text(text: str) -> str:
    """Redacted, with lone surrogates as U+FFFD: encodable as UTF-8 anywhere."""
    text = redact(text)
    # ASCII text has no surrogate: most of an answer's strings skip the pattern.
    return text if text.isascii() else re.sub(_SURROGATE, "\ufffd", text)


def xml_text(text: object) -> str:
    """Redacted, with the characters XML 1.0 forbids (and lone surrogates) as U+FFFD."""
    return re.sub(_NOT_XML, "\ufffd", redact(str(text)))


def terminal_text(text: object) -> str:
    """One printable line: redacted, control characters (ESC and newline included) shown as ``\\xNN``,
    surrogates U+FFFD."""
    return _CONTROL.sub(_escape_control, safe_text(str(text)))


def terminal_lines(text: object) -> str:
    """Like ``terminal_text``, but the newlines of our own multi-line text (a traceback) are kept."""
    return "\n".join(terminal_text(line) for line in str(text).split("\n"))
