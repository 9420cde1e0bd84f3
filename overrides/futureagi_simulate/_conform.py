"""Checks that a parsed generated model holds the types its annotations promise.

The generated ``from_dict`` converts what it must (UUIDs, datetimes, nested models) but copies every
other value as it came: ``{"name": 5}`` would become a RunTest whose ``name`` is an int, failing far
from the call. Checking once, right after parsing, turns such answers into APIResponseValidationError.
"""

from __future__ import annotations

import datetime
import functools
import threading
import types
import typing
import uuid
from collections.abc import Callable
from typing import Any

import attrs

from futureagi_simulate_api.types import Unset

__all__ = ["check_model"]


@functools.cache
def _names() -> dict[str, Any]:
    # The generated modules import their sibling models only under TYPE_CHECKING; resolve names here.
    # Imported on first use, like every generated model (see _wire).
    import futureagi_simulate_api.models as models

    return {**vars(models), "UUID": uuid.UUID, "datetime": datetime, "Unset": Unset, "Any": Any}


_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def _field_types(cls: type[Any]) -> dict[str, Any]:
    # Resolving annotations is slow; each model class is resolved once (a race only repeats the work).
    found = _FIELD_TYPES.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls, localns=_names())
        found = {f.name: hints[f.name] for f in attrs.fields(cls) if f.name != "additional_properties"}
        _FIELD_TYPES[cls] = found
    return found


def check_model(instance: object) -> None:
    """Raises TypeError naming the first field (as ``results[3].scenarios_detail[0].status``) whose value
    does not match its annotation."""
    cls: type[Any] = type(instance)
    if not _model_checker(cls)(instance):
        _explain_model(instance, "")
        raise TypeError("the answer does not match its annotations")  # _explain_model found nothing


# Fast path: one compiled predicate per annotation, run on every answer. -------------------------------

Predicate = Callable[[object], bool]
_MODEL_CHECKERS: dict[type[Any], Predicate] = {}
_BUILDING: dict[type[Any], Predicate] = {}
_LOCK = threading.RLock()


def _model_checker(cls: type[Any]) -> Predicate:
    found = _MODEL_CHECKERS.get(cls)
    if found is not None:
        return found
    with _LOCK:
        found = _MODEL_CHECKERS.get(cls) or _BUILDING.get(cls)
        if found is not None:
            return found
        fields: list[tuple[str, Predicate]] = []

        def model_ok(value: object) -> bool:
            return isinstance(value, cls) and all(ok(getattr(value, name)) for name, ok in fields)

        # Visible while its fields compile, so a model that refers to itself terminates; published for
        # other threads only once complete.
        _BUILDING[cls] = model_ok
        try:
            fields.extend((name, _compile(expected)) for name, expected in _field_types(cls).items())
        finally:
            del _BUILDING[cls]
        _MODEL_CHECKERS[cls] = model_ok
        return model_ok


def _compile(expected: Any) -> Predicate:
    if expected is Any:
        return lambda value: True
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(expected)
        plain = tuple(o for o in options if isinstance(o, type) and not attrs.has(o))
        others = [_compile(o) for o in options if o not in plain]
        # bool is an int subclass in Python but not in JSON: a bool passes only where bool is allowed.
        accepts_bool = bool in plain
        return lambda value: (
            (isinstance(value, plain) and (accepts_bool or not isinstance(value, bool)))
            or any(ok(value) for ok in others)
        )
    if origin is list:
        (item_type,) = typing.get_args(expected)
        item_ok = _compile(item_type)
        return lambda value: isinstance(value, list) and all(item_ok(item) for item in value)
    if origin is dict:
        return lambda value: isinstance(value, dict)
    if isinstance(expected, type) and attrs.has(expected):
        return _model_checker(expected)
    if expected is bool:
        return lambda value: isinstance(value, bool)
    if isinstance(expected, type):
        return lambda value: isinstance(value, expected) and not isinstance(value, bool)
    raise TypeError(f"cannot check against {expected!r}")


# Slow path: only after the fast path failed, to say where. ----------------------------------------------


def _explain_model(instance: object, path: str) -> None:
    cls: type[Any] = type(instance)
    for name, expected in _field_types(cls).items():
        _check(getattr(instance, name), expected, f"{path}.{name}" if path else name)


def _check(value: object, expected: Any, path: str) -> None:
    if expected is Any:
        return
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        errors: list[TypeError] = []
        for option in typing.get_args(expected):
            try:
                _check(value, option, path)
            except TypeError as exc:
                errors.append(exc)
            else:
                return
        # The option that got deepest before failing is the one the server meant: report its error.
        raise max(errors, key=lambda exc: len(str(exc).partition(":")[0]))
    if origin is list:
        if not isinstance(value, list):
            raise TypeError(f"{path}: expected a list, got {type(value).__name__}")
        (item_type,) = typing.get_args(expected)
        for i, item in enumerate(value):
            _check(item, item_type, f"{path}[{i}]")
        return
    if origin is dict:
        if not isinstance(value, dict):
            raise TypeError(f"{path}: expected an object, got {type(value).__name__}")
        return
    if expected is type(None):
        if value is not None:
            raise TypeError(f"{path}: expected null, got {type(value).__name__}")
        return
    if isinstance(expected, type):
        # JSON true is not a count: bool is an int subclass in Python, not in the document.
        if isinstance(value, bool) and expected is not bool:
            raise TypeError(f"{path}: expected {expected.__name__}, got bool")
        if not isinstance(value, expected):
            raise TypeError(f"{path}: expected {expected.__name__}, got {type(value).__name__}")
        if attrs.has(expected):
            _explain_model(value, path)
        return
    raise TypeError(f"{path}: cannot check against {expected!r}")
