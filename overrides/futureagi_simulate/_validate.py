"""Argument checks shared by every method. Each raises InvalidArgumentError naming the argument."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import get_args

from ._errors import InvalidArgumentError
from ._types import SimulationType

__all__ = [
    "check_bool",
    "check_positive_int",
    "check_simulation_type",
    "check_uuid",
    "check_uuid_list",
]

IdLike = str | uuid.UUID


def check_uuid(argument: str, value: object) -> uuid.UUID:
    """``value`` as a UUID; a str must spell one (the server routes non-UUID path ids to an HTML 404)."""
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
        raise InvalidArgumentError(argument, f"must be a UUID, got {value!r}")
    raise InvalidArgumentError(argument, f"must be a UUID (str or uuid.UUID), got {type(value).__name__}")


def check_uuid_list(argument: str, values: object) -> list[uuid.UUID]:
    """Every item of ``values`` as a UUID. A lone string is refused: it would iterate as characters."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidArgumentError(argument, f"must be a list of UUIDs, got {type(values).__name__}")
    return [check_uuid(f"{argument}[{i}]", value) for i, value in enumerate(values)]


def check_positive_int(argument: str, value: object) -> int:
    """``value`` as an int of at least 1 (``bool`` is not an int here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(argument, f"must be an int, got {type(value).__name__}")
    if value < 1:
        raise InvalidArgumentError(argument, f"must be at least 1, got {value}")
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
