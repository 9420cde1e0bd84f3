"""What the generated models' ``from_dict`` reads answers with: the JSON type checks, the error that names
where a value is, and the readers of UUIDs and date-times.

Hand-written, so it is read, type-checked and tested as code; the generated ``futureagi_simulate._api.types``
re-exports it and the templates' ``from_dict`` (``templates/parse_macros.jinja``) calls it. Each name below is
bound once at import, because ``from_dict`` runs hundreds of times a page (BENCHMARKS.md).
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = [
    "ParseError",
    "as_object",
    "json_type",
    "missing",
    "new_instance",
    "parse_datetime",
    "read_uuid",
    "wrong_type",
]


class ParseError(ValueError):
    """JSON that does not match the document. ``path`` names the value, from the top of the object read:
    keys as str, array positions as int; ``str()`` reads ``results[3].scenarios_detail[0].status: ...``.
    """

    def __init__(self, reason: str, *path: str | int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path: list[str | int] = list(path)

    def within(self, *path: str | int) -> ParseError:
        """This error, with ``path`` put in front of its own: each container adds its step on the way out."""
        self.path[:0] = path
        return self

    def __str__(self) -> str:
        where = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in self.path)
        where = where.removeprefix(".")
        return f"{where}: {self.reason}" if where else self.reason


_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type (``"object"``, ``"null"``, ...); a Python type's own name
    for a value ``json.loads`` does not make."""
    return "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)


def wrong_type(expected: str, value: object, *path: str | int) -> ParseError:
    """The error for a value of another JSON type than ``expected``, at ``path``."""
    return ParseError(f"expected {expected}, got {json_type(value)}", *path)


def missing(*path: str | int) -> ParseError:
    """The error for a required key that is absent, at ``path`` (the key's own name last)."""
    return ParseError("a required key is missing", *path)


def as_object(value: object) -> dict[str, Any]:
    """``value`` as the dict a model reads: decoded JSON objects are dicts already, other mappings are copied.

    Raises ParseError (at no path: the caller adds it) for anything that is not a mapping.
    """
    if isinstance(value, dict):
        return value
    if isinstance(value, Mapping):
        return dict(value)
    raise wrong_type("object", value)


_T = TypeVar("_T")

if TYPE_CHECKING:

    def new_instance(cls: type[_T], /) -> _T:
        """An instance of ``cls`` whose ``__init__`` has not run: from_dict assigns its attributes."""

else:
    # Bound once: looking up object.__new__ where it is called is not cached on CPython 3.11 and makes a
    # method object each time, which costs more than the allocation itself (BENCHMARKS.md).
    new_instance = object.__new__


def _read_uuid_by_init(text: str, ids: dict[str, uuid.UUID], *path: str | int) -> uuid.UUID:
    try:
        made = ids[text] = uuid.UUID(text)
    except ValueError:
        raise ParseError(f"not a UUID: {text!r}", *path) from None
    return made


# A CPython shortcut, faster than uuid.UUID(text) (BENCHMARKS.md, "The UUID shortcut"), and a page of run
# tests holds hundreds of new ids. uuid.UUID(text) strips "urn:uuid:" and braces, removes hyphens,
# requires 32 characters left and reads them with int(text, 16) into its slots. Text with hyphens alone
# removed that is 32 characters long is read here the same way and written into the same slots through
# their own descriptors (UUID forbids plain assignment); any other text goes to uuid.UUID itself.
_set_int = vars(uuid.UUID)["int"].__set__
_set_is_safe = vars(uuid.UUID)["is_safe"].__set__
_UNKNOWN_SAFETY = uuid.SafeUUID.unknown


def _read_uuid_by_slots(text: str, ids: dict[str, uuid.UUID], *path: str | int) -> uuid.UUID:
    digits = text.replace("-", "")
    if len(digits) != 32:
        return _read_uuid_by_init(text, ids, *path)
    try:
        number = int(digits, 16)
    except ValueError:
        # uuid.UUID would strip the same text to fewer than 32 characters, or fail the same int().
        raise ParseError(f"not a UUID: {text!r}", *path) from None
    made = new_instance(uuid.UUID)
    _set_int(made, number)
    _set_is_safe(made, _UNKNOWN_SAFETY)
    ids[text] = made
    return made


def _pick_uuid_reader(
    by_slots: Callable[..., uuid.UUID] = _read_uuid_by_slots,
) -> Callable[..., uuid.UUID]:
    # The shortcut is taken only where it builds exactly what the constructor builds on this Python.
    sample = "0a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    try:
        made, expected = by_slots(sample, {}), uuid.UUID(sample)
        same = (
            getattr(uuid.UUID, "__slots__", None) == ("int", "is_safe", "__weakref__")
            and made == expected
            and made.is_safe is expected.is_safe
            and hash(made) == hash(expected)
            and str(made) == sample
        )
    except (AttributeError, TypeError, ValueError):
        same = False
    return by_slots if same else _read_uuid_by_init


read_uuid = _pick_uuid_reader()
"""read_uuid(text, ids, *path): the UUID a JSON string names, remembered in ``ids`` (the UUIDs read so far
from one answer: a page repeats its organisation, agents and scenarios, and models look there first), or
ParseError at ``path``."""


_ONE_SECOND = datetime.timedelta(seconds=1)
# Bound once, as new_instance is: a class method looked up where it is called is a new object each time.
_fromisoformat = datetime.datetime.fromisoformat


def parse_datetime(text: str) -> datetime.datetime:
    """An RFC 3339 date-time in any of its legal forms, always with a time zone; ValueError otherwise.

    ``datetime.fromisoformat`` reads the usual form; RFC 3339 also allows a lower-case ``t`` and ``z``
    and a leap second (``23:59:60``, read as the next second's start, as Python has no second 60).
    A date-time without an offset (which RFC 3339 does not allow, but servers write) is read as UTC.
    """
    try:
        moment = _fromisoformat(text)
    except ValueError:
        normal = text.strip()
        if len(normal) > 10 and normal[10] in "t ":
            normal = normal[:10] + "T" + normal[11:]
        if normal.endswith("z"):
            normal = normal[:-1] + "Z"
        leap = len(normal) >= 19 and normal[16:19] == ":60"
        if leap:
            normal = normal[:17] + "59" + normal[19:]
        moment = _fromisoformat(normal)
        if leap:
            moment += _ONE_SECOND
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment
