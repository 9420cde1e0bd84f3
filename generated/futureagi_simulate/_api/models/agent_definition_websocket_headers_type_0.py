from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq as _model_eq
from ..._model_methods import model_repr as _model_repr
from ..types import (
    as_object,
    new_instance,
)

# The JSON keys the document declares for AgentDefinitionWebsocketHeadersType0: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(())
# AgentDefinitionWebsocketHeadersType0 has no msgspec mirror: its objects are read by from_dict (templates/mirror_macros.jinja).
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = None


@_attrs_define
class AgentDefinitionWebsocketHeadersType0:
    """The websocket headers; redacted by the client."""

    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

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
        # The object itself, not a copy: a parse allocates nothing it need not, and the caller's answer
        # is freshly decoded. Assigned, so no empty dict is made only to be replaced.
        if cls is AgentDefinitionWebsocketHeadersType0:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.additional_properties = d
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                additional_properties=d,
            )

        return made

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
