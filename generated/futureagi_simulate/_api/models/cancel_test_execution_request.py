from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define

from ..._model_methods import model_eq as _model_eq
from ..._model_methods import model_repr as _model_repr
from ..types import (
    ParseError,
    as_object,
    new_instance,
)

# The JSON keys the document declares for CancelTestExecutionRequest: any other key is refused.
_KEYS: frozenset[str] = frozenset(())
# CancelTestExecutionRequest has no msgspec mirror: its objects are read by from_dict (templates/mirror_macros.jinja).
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = None


@_attrs_define
class CancelTestExecutionRequest:
    """The cancel body, always empty."""

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(
        cls,
        src_dict: Mapping[str, Any],
        ids: dict[str, UUID] | None = None,
        consume: bool = False,
    ) -> Self:
        """Reads decoded JSON, checking each value's JSON type against the document as it goes.

        Raises ParseError naming the first value that does not match, by its path. ``ids`` is the memo of
        UUIDs that nested models share while they read one answer; callers leave it out. ``consume=True``
        lets the parse reuse the JSON objects and arrays it reads for what it builds, leaving them changed
        (emptied, or holding models): only for JSON the caller decoded itself and will not read again.
        """
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        if ids is None:
            ids = {}
        if cls is CancelTestExecutionRequest:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls()

        for k in d:
            if k not in _KEYS:
                raise ParseError("the document allows no other keys here", k)
        return made
