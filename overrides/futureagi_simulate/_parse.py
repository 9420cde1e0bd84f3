"""Reads an answer into the generated models fast, with the generated parser as the arbiter.

The generated ``from_dict`` followed by ``_conform.check_model`` is the definition of a correct parse.
It is slow on the list endpoint: openapi-python-client defines a nested function for every union field
on every call, and the check walks the finished objects a second time. On a page of 100 fully
populated run tests, ``from_dict`` alone took about seven times what this module's parse takes, and it
checks no type (BENCHMARKS.md).

So, once per model, this module writes one plain function that checks each value's JSON type and
converts it while it builds the object. It accepts only the exact shapes the document promises (a
``str`` where a UUID is due, a ``dict`` where a model is due, and so on), and for those it builds
what the generated parser builds; ``tests/test_parse.py`` compares the two over generated answers.
On anything else (a missing key, a wrong type, a string that is not a UUID) it gives up, and the
generated parser reads the answer again: it either accepts it or raises the error it always raised.
A fast parse is never looser than the generated one, and a bad answer is reported in the same words.

Like attrs, the functions are generated source compiled with ``exec``: a loop over per-field closures
costs several times more per field than straight-line code. The source is registered with
``linecache``, so a traceback through it shows its lines.
"""

from __future__ import annotations

import datetime
import itertools
import linecache
import threading
import types
import typing
import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from futureagi_simulate_api.types import UNSET, Unset

from ._conform import check_model, field_types, resolved_hints

__all__ = ["parse_datetime", "parse_model", "read_naive_as_utc", "wire_name"]

M = TypeVar("M")


class _ShapeError(Exception):
    """The answer is not of the plain, well-typed shape; the generated parser decides."""


# What a fast parse may raise before it gives up: the same kinds the generated parser raises.
_SHAPE_ERRORS = (_ShapeError, KeyError, TypeError, ValueError, AttributeError)


def parse_model(cls: type[M], body: object) -> M:
    """``cls.from_dict(body)`` checked against its annotations, or the error that raises.

    Callers hand over a freshly decoded answer that nothing else holds, and it is spent: the model keeps
    containers of ``body`` where the generated parser would make new ones (empty lists, objects of
    unknown keys, and the emptied JSON objects as ``additional_properties``). Every allocation saved
    counts: Python's cyclic collector runs by allocation count, and on a page of run tests its extra
    passes still cost about a third as much as the parsing itself (BENCHMARKS.md).
    """
    fast = _parser(cls)
    if fast is not None:
        # One memo of UUIDs per answer: a page repeats its organisation, agents and scenarios.
        ids: dict[str, uuid.UUID] = {}
        emptied: list[dict[str, object]] = []
        try:
            model = fast(body, ids, emptied.append)
        except _SHAPE_ERRORS:
            pass
        else:
            # Each model with no unknown keys took its own JSON object as its additional_properties,
            # rather than a new empty dict: emptied only now, so that until the parse has succeeded
            # ``body`` is whole for the generated parser.
            for read in emptied:
                read.clear()
            return model  # type: ignore[no-any-return]
    if not isinstance(body, Mapping):
        raise TypeError(f"expected a JSON object, got {type(body).__name__}")
    model = cls.from_dict(body)  # type: ignore[attr-defined]
    check_model(model)
    read_naive_as_utc(model)
    return model  # type: ignore[no-any-return]


def read_naive_as_utc(model: object) -> None:
    """Gives every date-time without an offset in ``model`` (the generated parser's result) the UTC
    zone, as the fast parser does: both paths read an answer the same way. Walked without recursion."""
    pending: list[Any] = [model]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
            continue
        if not attrs.has(type(item)):
            continue
        for field in attrs.fields(type(item)):
            value = getattr(item, field.name)
            if isinstance(value, datetime.datetime):
                if value.tzinfo is None:
                    setattr(item, field.name, value.replace(tzinfo=_UTC))
            else:
                pending.append(value)


def wire_name(field_name: str) -> str:
    """The JSON key of a generated model's attribute.

    openapi-python-client keeps snake_case property names as they are and appends ``_`` to the ones
    that would shadow a Python keyword or builtin (``next`` becomes ``next_``). ``tests/test_parse.py``
    checks this against the keys each compiled model's ``from_dict`` reads, so a property named
    otherwise fails a test rather than a parse.
    """
    return field_name[:-1] if field_name.endswith("_") else field_name


# Values ---------------------------------------------------------------------------------------------------

_new_object = object.__new__
# UUID forbids assignment; its slots' own descriptors write them (what object.__setattr__ reaches, sooner).
_set_uuid_int = vars(uuid.UUID)["int"].__set__
_set_uuid_is_safe = vars(uuid.UUID)["is_safe"].__set__
# An enum member is a descriptor lookup on every access; read it once.
_UNKNOWN_SAFETY = uuid.SafeUUID.unknown


def _uuid_by_init(value: object, memo: dict[str, uuid.UUID]) -> uuid.UUID:
    if type(value) is not str:
        raise _ShapeError
    made = memo[value] = uuid.UUID(value)
    return made


def _uuid_by_slots(value: object, memo: dict[str, uuid.UUID]) -> uuid.UUID:
    # uuid.UUID(text) strips "urn:", "uuid:", braces and hyphens, requires 32 characters left and reads
    # them with int(text, 16). Text without those prefixes reads to the same int by this shorter path,
    # and text with them fails int() here, so the caller gives up and uuid.UUID decides.
    if type(value) is not str:
        raise _ShapeError
    digits = value.replace("-", "")
    if len(digits) != 32:
        raise _ShapeError
    made = _new_object(uuid.UUID)
    _set_uuid_int(made, int(digits, 16))
    _set_uuid_is_safe(made, _UNKNOWN_SAFETY)
    memo[value] = made
    return made


def _pick_uuid_reader() -> Callable[[object, dict[str, uuid.UUID]], uuid.UUID]:
    # Building a UUID through its slots takes half the time of uuid.UUID(text), and a page of run tests
    # holds over a thousand. The shortcut is taken only where it is indistinguishable from the
    # constructor on this Python.
    sample = "0a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    try:
        made, expected = _uuid_by_slots(sample, {}), uuid.UUID(sample)
        same = (
            getattr(uuid.UUID, "__slots__", None) == ("int", "is_safe", "__weakref__")
            and made == expected
            and made.is_safe is expected.is_safe
            and hash(made) == hash(expected)
            and repr(made) == repr(expected)
        )
    except (AttributeError, TypeError, ValueError):
        same = False
    return _uuid_by_slots if same else _uuid_by_init


def _datetime(value: object) -> datetime.datetime:
    if type(value) is not str:
        raise _ShapeError
    return parse_datetime(value)


_UTC = datetime.UTC
_ONE_SECOND = datetime.timedelta(seconds=1)


def parse_datetime(text: str) -> datetime.datetime:
    """An RFC 3339 date-time in any of its legal forms, always with a time zone.

    ``datetime.fromisoformat`` reads the usual form; RFC 3339 also allows a lower-case ``t`` and ``z``
    and a leap second (``23:59:60``, read as the next second's start, as Python has no second 60).
    A date-time without an offset (which RFC 3339 does not allow, but servers write) is read as UTC.
    """
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        moment = _irregular_datetime(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=_UTC)
    return moment


def _irregular_datetime(text: str) -> datetime.datetime:
    normal = text.strip()
    if len(normal) > 10 and normal[10] in "t ":
        normal = normal[:10] + "T" + normal[11:]
    if normal.endswith("z"):
        normal = normal[:-1] + "Z"
    leap = len(normal) >= 19 and normal[16:19] == ":60"
    if leap:
        normal = normal[:17] + "59" + normal[19:]
    moment = datetime.datetime.fromisoformat(normal)
    return moment + _ONE_SECOND if leap else moment


# Compiling ----------------------------------------------------------------------------------------------

Parser = Callable[[object, dict[str, uuid.UUID], Callable[[dict[str, object]], None]], Any]
_PARSERS: dict[type[Any], Parser | None] = {}
_LOCK = threading.Lock()
_SOURCE_NUMBER = itertools.count()


class _UnsupportedAnnotationError(Exception):
    """An annotation this compiler does not mirror; the model is always parsed the generated way."""


def _parser(cls: type[Any]) -> Parser | None:
    found = _PARSERS.get(cls, _UnsupportedAnnotationError)
    if found is not _UnsupportedAnnotationError:
        return found
    with _LOCK:
        if cls not in _PARSERS:
            try:
                _PARSERS[cls] = _Compiler(cls).compile()
            except _UnsupportedAnnotationError:
                _PARSERS[cls] = None
        return _PARSERS[cls]


class _Compiler:
    """Writes a function ``parse_<n>(d, ids, keep)`` for each model reachable from ``root``.

    ``ids`` memoises the answer's UUIDs; ``keep(d)`` records a JSON object that became a model's
    ``additional_properties``, for ``parse_model`` to empty once the whole answer has been read.
    """

    def __init__(self, root: type[Any]) -> None:
        self.root = root
        self.names: dict[type[Any], str] = {}
        self.pending: list[type[Any]] = []
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {
            "ShapeError": _ShapeError,
            "UNSET": UNSET,
            "new": _new_object,
            "read_uuid": _pick_uuid_reader(),
            "datetime": _datetime,
            "fromisoformat": parse_datetime,
        }

    def compile(self) -> Parser:
        root = self.function_for(self.root)
        while self.pending:
            self.write_model(self.pending.pop())
        source = "\n".join(self.lines) + "\n"
        filename = f"<futureagi_simulate parser {next(_SOURCE_NUMBER)} for {self.root.__name__}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), self.namespace)
        parse: Parser = self.namespace[root]
        return parse

    def function_for(self, cls: type[Any]) -> str:
        if cls not in self.names:
            number = len(self.names)
            self.names[cls] = f"parse_{number}"
            self.namespace[f"Model_{number}"] = cls
            self.pending.append(cls)
        return self.names[cls]

    def write_model(self, cls: type[Any]) -> None:
        name = self.names[cls]
        fields = {field: _options(expected) for field, expected in field_types(cls).items()}
        # The generated from_dict names every key it reads as a constant; a key wire_name gets wrong
        # (a camelCase property) is missing there, and the model is left to the generated parser.
        code = getattr(cls.from_dict, "__code__", None)
        if not isinstance(code, types.CodeType):
            raise _UnsupportedAnnotationError(f"{cls.__name__}.from_dict is not a plain function")
        unread = {wire_name(field) for field in fields} - _string_constants(code)
        if unread:
            raise _UnsupportedAnnotationError(f"{cls.__name__}.from_dict does not read {sorted(unread)}")
        optional = {field for field, options in fields.items() if Unset in options}
        known = f"known_{name}"
        self.namespace[known] = frozenset(wire_name(field) for field in fields)
        out = self.lines
        out += [
            f"def {name}(d, ids, keep):",
            "    if type(d) is not dict:",
            "        raise ShapeError",
            f"    o = new(Model_{name.removeprefix('parse_')})",
        ]
        extra = self.extra(cls)
        if not fields and extra == "x":
            # Only unknown keys, kept as they came: the generated parser keeps a copy of the same dict.
            self.lines += ["    o.additional_properties = d", "    return o", ""]
            return
        # Servers render every field, so the usual answer has exactly the known keys: read them without
        # asking whether each is there. With as many keys but one of them unknown, a known one is
        # missing, and the KeyError sends the answer down the general path below.
        out += [f"    if len(d) == {len(fields)}:", "        try:"]
        for field, options in fields.items():
            out.append(f"            v = d[{wire_name(field)!r}]")
            out += ["            " + line for line in self.convert(options - {Unset})]
            out.append(f"            o.{field} = v")
        out += [
            "            o.additional_properties = d",
            "            keep(d)",
            "            return o",
            "        except KeyError:",
            "            pass",
            "    get = d.get",
            # n counts the known keys present, so unknown keys are looked for only when there are some.
            f"    n = {len(fields) - len(optional)}",
        ]
        for field, options in fields.items():
            key = wire_name(field)
            if field in optional:
                out += [f"    v = get({key!r}, UNSET)", "    if v is not UNSET:", "        n += 1"]
                out += ["        " + line for line in self.convert(options - {Unset})]
            else:
                # A missing required key is a ShapeError, not a KeyError: the all-keys branch of the
                # model above catches KeyError, and would otherwise read its whole answer a second time.
                out += [f"    v = get({key!r}, UNSET)", "    if v is UNSET:", "        raise ShapeError"]
                out += ["    " + line for line in self.convert(options)]
            out.append(f"    o.{field} = v")
        out += [
            "    if n == len(d):",
            "        o.additional_properties = d",
            "        keep(d)",
            "    else:",
            f"        o.additional_properties = {{k: {extra} for k, x in d.items() if k not in {known}}}",
            "    return o",
            "",
        ]

    def convert(self, options: set[Any]) -> list[str]:
        """Statements that check ``v`` against ``options`` and replace it with its parsed value."""
        if options == {Any}:
            return []
        nullable = type(None) in options
        kept = [t for t in (str, bool, int, float) if t in options]
        converted = [t for t in options if t in (uuid.UUID, datetime.datetime) or attrs.has(t) or _is_list(t)]
        if options - {type(None), *kept, *converted}:
            raise _UnsupportedAnnotationError(f"cannot mirror {options!r}")
        by_json_type = [_json_type(t) for t in [*kept, *converted]]
        if len(set(by_json_type)) != len(by_json_type):
            # e.g. str | UUID, or two models: which one the generated parser picks depends on the value.
            raise _UnsupportedAnnotationError(f"two options read the same JSON type in {options!r}")
        if not kept and len(converted) == 1:
            # One conversion, which checks the JSON type itself.
            steps = self.steps(converted[0])
            return steps if not nullable else ["if v is not None:", *("    " + s for s in steps)]
        lines: list[str] = []
        for option in converted:
            lines += [f"{'elif' if lines else 'if'} type(v) is {_json_type(option)}:"]
            lines += ["    " + s for s in self.steps(option)]
        # The values kept as they came share one test.
        allowed = [f"type(v) is not {t.__name__}" for t in kept] + (["v is not None"] if nullable else [])
        if allowed:
            lines += [f"{'elif' if lines else 'if'} {' and '.join(allowed)}:", "    raise ShapeError"]
        else:
            lines += ["else:", "    raise ShapeError"]
        return lines

    def steps(self, option: Any) -> list[str]:
        """Statements that turn ``v`` into ``option``, giving up unless it has the right JSON type."""
        if _is_list(option):
            (item,) = typing.get_args(option)
            check = ["if type(v) is not list:", "    raise ShapeError"]
            if item is Any:
                return check  # the generated parser keeps such a list as it came
            if item is str:
                return [*check, "for x in v:", "    if type(x) is not str:", "        raise ShapeError"]
            # An empty list (the usual evals) is kept as it came, and a loop allocates less than a
            # comprehension, which is a function of its own: see parse_model on allocations.
            return [
                *check,
                "if v:",
                "    items = []",
                "    for x in v:",
                f"        items.append({self.one(item, 'x')})",
                "    v = items",
            ]
        if option is datetime.datetime:
            return ["if type(v) is not str:", "    raise ShapeError", "v = fromisoformat(v)"]
        return [f"v = {self.one(option, 'v')}"]

    def one(self, option: Any, value: str) -> str:
        """An expression that parses ``value`` into ``option``, giving up on the wrong JSON type."""
        if option is uuid.UUID:
            return f"ids.get({value}) or read_uuid({value}, ids)"
        if option is datetime.datetime:
            return f"datetime({value})"
        if isinstance(option, type) and attrs.has(option):
            return f"{self.function_for(option)}({value}, ids, keep)"
        raise _UnsupportedAnnotationError(f"cannot mirror {option!r}")

    def extra(self, cls: type[Any]) -> str:
        """The expression for one unknown key's value ``x``, as ``additional_properties`` holds it."""
        (_, value_type) = typing.get_args(resolved_hints(cls)["additional_properties"])
        return "x" if value_type is Any else self.one(value_type, "x")


def _string_constants(code: types.CodeType) -> set[str]:
    found = {c for c in code.co_consts if isinstance(c, str)}
    for nested in code.co_consts:
        if isinstance(nested, types.CodeType):
            found |= _string_constants(nested)
    return found


def _options(expected: Any) -> set[Any]:
    if typing.get_origin(expected) in (typing.Union, type(int | str)):
        return set(typing.get_args(expected))
    return {expected}


def _is_list(option: Any) -> bool:
    return typing.get_origin(option) is list


def _json_type(option: Any) -> str:
    """The Python type json.loads gives the values an option is read from."""
    if option in (str, uuid.UUID, datetime.datetime):
        return "str"
    if isinstance(option, type) and attrs.has(option):
        return "dict"
    if _is_list(option):
        return "list"
    return str(option.__name__)
