from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CancelTestExecutionRequest")


@_attrs_define
class CancelTestExecutionRequest:
    """The cancel body, always empty."""

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        cancel_test_execution_request = cls()

        return cancel_test_execution_request
