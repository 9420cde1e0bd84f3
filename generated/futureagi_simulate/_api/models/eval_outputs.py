from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq as _model_eq
from ..._model_methods import model_repr as _model_repr
from ..types import (
    ParseError,
    as_object,
    new_instance,
    wrong_type,
)

# The JSON keys the document declares for EvalOutputs: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(())
# EvalOutputs has no msgspec mirror: its objects are read by from_dict (templates/mirror_macros.jinja).
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = None


@_attrs_define
class EvalOutputs:
    """One call's eval outputs, keyed by eval config id."""

    additional_properties: dict[str, EvalOutput] = _attrs_field(
        factory=dict, kw_only=True
    )

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

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
        if cls is EvalOutputs:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.additional_properties = {}
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                additional_properties={},
            )

        # Consumed, the answer's own object takes what is read in place of the JSON values: a value
        # replaced while the object is walked leaves its keys, size and order as they were.
        additional_properties: dict[str, EvalOutput] = d if consume else {}
        for k, v in d.items():
            if type(v) is dict:
                try:
                    v = EvalOutput.from_dict(v, ids, consume)
                except ParseError as error:
                    raise error.within(k) from None

            else:
                raise wrong_type("object", v, k)

            additional_properties[k] = v
        made.additional_properties = additional_properties
        return made

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> EvalOutput:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: EvalOutput) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Sibling models, imported once the class above exists: models refer to each other in cycles, and an
# import inside from_dict would run on every call.
from ..models.eval_output import EvalOutput
