"""Checks that a parsed generated model holds the types its annotations promise.

The generated ``from_dict`` converts what it must (UUIDs, datetimes, nested models) but copies every
other value as it came: ``{"name": 5}`` would become a RunTest whose ``name`` is an int, failing far
from the call. Checking once, right after parsing, turns such answers into APIResponseValidationError.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
import uuid
from typing import Any

import attrs

from futureagi_simulate_api.types import Unset

__all__ = ["check_model", "field_types", "resolved_hints"]


@functools.cache
def _names() -> dict[str, Any]:
    # The generated modules import their sibling models only under TYPE_CHECKING; resolve names here.
    # Imported on first use: this module loads with the first answer, not with the package.
    import futureagi_simulate_api.models as models

    return {**vars(models), "UUID": uuid.UUID, "datetime": datetime, "Unset": Unset, "Any": Any}


# Resolving annotations is slow: each model class is resolved once (a race only repeats the work).
_HINTS: dict[type[Any], dict[str, Any]] = {}
_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def resolved_hints(cls: type[Any]) -> dict[str, Any]:
    """The annotations of a generated model, with its sibling models' names resolved."""
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls, localns=_names())
    return found


def field_types(cls: type[Any]) -> dict[str, Any]:
    """The annotation of each attribute the document declares, in the model's order."""
    found = _FIELD_TYPES.get(cls)
    if found is None:
        hints = resolved_hints(cls)
        found = {f.name: hints[f.name] for f in attrs.fields(cls) if f.name != "additional_properties"}
        _FIELD_TYPES[cls] = found
    return found


def check_model(instance: object) -> None:
    """Raises TypeError naming the first field (as ``results[3].scenarios_detail[0].status``) whose value
    does not match its annotation.

    Answers of the documented shape never get here: ``_parse`` builds and checks them in one pass. This
    runs after the generated parser, for the answers that are not, so it favours saying where over speed.
    """
    _explain_model(instance, "")


def _explain_model(instance: object, path: str) -> None:
    cls: type[Any] = type(instance)
    for name, expected in field_types(cls).items():
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
