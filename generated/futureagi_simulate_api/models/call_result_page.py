from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_result import CallResult


T = TypeVar("T", bound="CallResultPage")


@_attrs_define
class CallResultPage:
    """One page of an execution's call results. It carries no `next` or `previous`.

    Attributes:
        results (list[CallResult]): The calls on this page.
        count (int | Unset): Calls over all pages.
        total_pages (int | Unset): How many pages there are.
        current_page (int | Unset): This page's number.
    """

    results: list[CallResult]
    count: int | Unset = UNSET
    total_pages: int | Unset = UNSET
    current_page: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        count = self.count

        total_pages = self.total_pages

        current_page = self.current_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if total_pages is not UNSET:
            field_dict["total_pages"] = total_pages
        if current_page is not UNSET:
            field_dict["current_page"] = current_page

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.call_result import CallResult

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = CallResult.from_dict(results_item_data)

            results.append(results_item)

        count = d.pop("count", UNSET)

        total_pages = d.pop("total_pages", UNSET)

        current_page = d.pop("current_page", UNSET)

        call_result_page = cls(
            results=results,
            count=count,
            total_pages=total_pages,
            current_page=current_page,
        )

        call_result_page.additional_properties = d
        return call_result_page

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
