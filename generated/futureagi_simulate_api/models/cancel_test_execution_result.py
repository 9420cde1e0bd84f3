from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelTestExecutionResult")


@_attrs_define
class CancelTestExecutionResult:
    """The answer to a cancel.

    Attributes:
        success (bool | Unset): `true`.
        message (str | Unset): A human-readable sentence.
        test_execution_id (UUID | Unset): The execution.
    """

    success: bool | Unset = UNSET
    message: str | Unset = UNSET
    test_execution_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        test_execution_id: str | Unset = UNSET
        if not isinstance(self.test_execution_id, Unset):
            test_execution_id = str(self.test_execution_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if success is not UNSET:
            field_dict["success"] = success
        if message is not UNSET:
            field_dict["message"] = message
        if test_execution_id is not UNSET:
            field_dict["test_execution_id"] = test_execution_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success", UNSET)

        message = d.pop("message", UNSET)

        _test_execution_id = d.pop("test_execution_id", UNSET)
        test_execution_id: UUID | Unset
        if isinstance(_test_execution_id, Unset):
            test_execution_id = UNSET
        else:
            test_execution_id = UUID(_test_execution_id)

        cancel_test_execution_result = cls(
            success=success,
            message=message,
            test_execution_id=test_execution_id,
        )

        cancel_test_execution_result.additional_properties = d
        return cancel_test_execution_result

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
