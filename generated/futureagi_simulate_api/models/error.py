from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_details import ErrorDetails


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """The error envelope of every error answer. `detail`, `message` and `error` hold the same sentence.
    A 429 carries only `status` and a `result` object with `code`, `message` and `retry_after`.

        Attributes:
            status (bool): Always `false`.
            type_ (str | Unset): The error's kind, an open set: `validation_error`, `authentication_error`,
                `payment_required`,
                `entitlement_error`, `permission_error`, `not_found`, `server_error`, and others.
            code (str | Unset): Machine-readable code, an open set (`invalid`, `required`, `null`, `parse_error`,
                `min_value`, `not_authenticated`, `authentication_failed`, `not_found`, `server_error`, ...).
            detail (str | Unset): The error sentence.
            message (str | Unset): The error sentence.
            error (str | Unset): The error sentence.
            result (Any | Unset): The error sentence, or for a 429 an object with `code`, `message` and `retry_after`.
            attr (None | str | Unset): The first offending field, on field errors only.
            details (ErrorDetails | Unset): Field name to the messages about it, on validation, parse and authentication
                errors.
    """

    status: bool
    type_: str | Unset = UNSET
    code: str | Unset = UNSET
    detail: str | Unset = UNSET
    message: str | Unset = UNSET
    error: str | Unset = UNSET
    result: Any | Unset = UNSET
    attr: None | str | Unset = UNSET
    details: ErrorDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        type_ = self.type_

        code = self.code

        detail = self.detail

        message = self.message

        error = self.error

        result = self.result

        attr: None | str | Unset
        if isinstance(self.attr, Unset):
            attr = UNSET
        else:
            attr = self.attr

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if code is not UNSET:
            field_dict["code"] = code
        if detail is not UNSET:
            field_dict["detail"] = detail
        if message is not UNSET:
            field_dict["message"] = message
        if error is not UNSET:
            field_dict["error"] = error
        if result is not UNSET:
            field_dict["result"] = result
        if attr is not UNSET:
            field_dict["attr"] = attr
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_details import ErrorDetails

        d = dict(src_dict)
        status = d.pop("status")

        type_ = d.pop("type", UNSET)

        code = d.pop("code", UNSET)

        detail = d.pop("detail", UNSET)

        message = d.pop("message", UNSET)

        error = d.pop("error", UNSET)

        result = d.pop("result", UNSET)

        def _parse_attr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attr = _parse_attr(d.pop("attr", UNSET))

        _details = d.pop("details", UNSET)
        details: ErrorDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ErrorDetails.from_dict(_details)

        error = cls(
            status=status,
            type_=type_,
            code=code,
            detail=detail,
            message=message,
            error=error,
            result=result,
            attr=attr,
            details=details,
        )

        error.additional_properties = d
        return error

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
