"""Argument checks shared by every method. Each raises InvalidArgumentError naming the argument."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from typing import get_args

from ._errors import InvalidArgumentError
from ._parsing import read_uuid
from ._redaction import excerpt
from ._types import SimulationType

__all__ = [
    "check_bool",
    "check_json",
    "check_positive_int",
    "check_simulation_type",
    "check_text",
    "check_uuid",
    "check_uuid_list",
    "is_finite_number",
]

IdLike = str | uuid.UUID


def check_uuid(argument: str, value: object) -> uuid.UUID:
    """``value`` as a UUID; a str must spell one (the server routes non-UUID path ids to an HTML 404)."""
    if type(value) is uuid.UUID:
        return value
    if isinstance(value, uuid.UUID):
        # A subclass may print itself otherwise (upper case, braces): send the canonical form.
        return uuid.UUID(int=value.int)
    if isinstance(value, str):
        try:
            # read_uuid builds what uuid.UUID(value) builds, at less than half its cost (_parsing).
            return read_uuid(value, {}) if type(value) is str else uuid.UUID(value)
        except ValueError:  # ParseError is one
            pass
        raise InvalidArgumentError(argument, f"must be a UUID, got {excerpt(repr(value), 80)}")
    raise InvalidArgumentError(argument, f"must be a UUID (str or uuid.UUID), got {type(value).__name__}")


def check_uuid_list(argument: str, values: object) -> list[uuid.UUID]:
    """Every item of ``values`` as a UUID. A lone string is refused: it would iterate as characters."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidArgumentError(argument, f"must be a list of UUIDs, got {type(values).__name__}")
    return [check_uuid(f"{argument}[{i}]", value) for i, value in enumerate(values)]


# The largest page number or size sent: the server's integers are 32-bit, and a 5,000-digit int does
# not even print (Python refuses to convert it to text).
MAX_INT = 2**31 - 1


def is_finite_number(value: float) -> bool:
    """``math.isfinite``, but False rather than OverflowError for an int too large for a float."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def check_positive_int(argument: str, value: object) -> int:
    """``value`` as an int from 1 to 2**31 - 1 (``bool`` is not an int here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(argument, f"must be an int, got {type(value).__name__}")
    if value < 1:
        raise InvalidArgumentError(argument, "must be at least 1")
    if value > MAX_INT:
        raise InvalidArgumentError(argument, f"must be at most {MAX_INT}")
    return value


def check_text(argument: str, value: str) -> str:
    """``value`` if it can be sent as UTF-8: a lone surrogate (from a bad decode) cannot."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidArgumentError(
            argument, f"holds a character UTF-8 cannot encode (a lone surrogate at index {exc.start})"
        ) from None
    return value


def check_json(argument: str, value: object) -> object:
    """``value`` if it is plain JSON: dicts with str keys, lists, str, finite numbers, bool, None.

    Walked without recursion; the error names the path to the first offending value.
    """
    pending: list[tuple[str, object, int]] = [(argument, value, 0)]
    while pending:
        path, item, level = pending.pop()
        if level > 64:
            raise InvalidArgumentError(path, "nests deeper than 64 levels")
        if item is None or isinstance(item, (bool, int)):
            continue
        if isinstance(item, float):
            if item != item or item in (float("inf"), float("-inf")):
                raise InvalidArgumentError(path, f"must be a finite number, got {item!r}")
        elif isinstance(item, str):
            check_text(path, item)
        elif isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise InvalidArgumentError(path, f"keys must be str, got {type(key).__name__}")
                check_text(f"{path} key", key)
                pending.append((f"{path}[{key[:40]!r}]", child, level + 1))
        elif isinstance(item, (list, tuple)):
            pending.extend((f"{path}[{i}]", child, level + 1) for i, child in enumerate(item))
        else:
            raise InvalidArgumentError(
                path, f"must be JSON (dict, list, str, number, bool, None), got {type(item).__name__}"
            )
    return value


def check_bool(argument: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgumentError(argument, f"must be True or False, got {type(value).__name__}")
    return value


def check_simulation_type(value: object) -> SimulationType:
    allowed: tuple[SimulationType, ...] = get_args(SimulationType)
    for known in allowed:
        if value == known:
            return known
    raise InvalidArgumentError("simulation_type", f"must be one of {', '.join(allowed)}; got {value!r}")
