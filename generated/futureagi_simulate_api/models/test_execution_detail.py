from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_execution import CallExecution
    from ..models.detail_object import DetailObject


T = TypeVar("T", bound="TestExecutionDetail")


@_attrs_define
class TestExecutionDetail:
    """An execution and one page of its call rows.

    Attributes:
        results (list[CallExecution]): The call rows on this page.
        status (str): The execution's status, lower case, an open set: `pending`, `running`, `evaluating`, `completed`,
            `failed`, `cancelling`, `cancelled`.
        count (int | Unset): Call rows over all pages.
        next_ (None | str | Unset): Absolute URL of the next page. Page by number instead of following it.
        previous (None | str | Unset): Absolute URL of the previous page.
        total_pages (int | Unset): How many pages of calls there are.
        current_page (int | Unset): This page's number.
        error_messages (list[str] | None | Unset): Error sentences, if any.
        column_order (list[DetailObject] | None | Unset): Column configuration of the dashboard's grid.
        provider (None | str | Unset): The agent's provider (`vapi`, `prompt`, ...).
        agent_type (None | str | Unset): `voice` or `text`; an open set.
    """

    results: list[CallExecution]
    status: str
    count: int | Unset = UNSET
    next_: None | str | Unset = UNSET
    previous: None | str | Unset = UNSET
    total_pages: int | Unset = UNSET
    current_page: int | Unset = UNSET
    error_messages: list[str] | None | Unset = UNSET
    column_order: list[DetailObject] | None | Unset = UNSET
    provider: None | str | Unset = UNSET
    agent_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        status = self.status

        count = self.count

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        previous: None | str | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        else:
            previous = self.previous

        total_pages = self.total_pages

        current_page = self.current_page

        error_messages: list[str] | None | Unset
        if isinstance(self.error_messages, Unset):
            error_messages = UNSET
        elif isinstance(self.error_messages, list):
            error_messages = self.error_messages

        else:
            error_messages = self.error_messages

        column_order: list[dict[str, Any]] | None | Unset
        if isinstance(self.column_order, Unset):
            column_order = UNSET
        elif isinstance(self.column_order, list):
            column_order = []
            for column_order_type_0_item_data in self.column_order:
                column_order_type_0_item = column_order_type_0_item_data.to_dict()
                column_order.append(column_order_type_0_item)

        else:
            column_order = self.column_order

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        agent_type: None | str | Unset
        if isinstance(self.agent_type, Unset):
            agent_type = UNSET
        else:
            agent_type = self.agent_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
                "status": status,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if next_ is not UNSET:
            field_dict["next"] = next_
        if previous is not UNSET:
            field_dict["previous"] = previous
        if total_pages is not UNSET:
            field_dict["total_pages"] = total_pages
        if current_page is not UNSET:
            field_dict["current_page"] = current_page
        if error_messages is not UNSET:
            field_dict["error_messages"] = error_messages
        if column_order is not UNSET:
            field_dict["column_order"] = column_order
        if provider is not UNSET:
            field_dict["provider"] = provider
        if agent_type is not UNSET:
            field_dict["agent_type"] = agent_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.call_execution import CallExecution
        from ..models.detail_object import DetailObject

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = CallExecution.from_dict(results_item_data)

            results.append(results_item)

        status = d.pop("status")

        count = d.pop("count", UNSET)

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        def _parse_previous(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous = _parse_previous(d.pop("previous", UNSET))

        total_pages = d.pop("total_pages", UNSET)

        current_page = d.pop("current_page", UNSET)

        def _parse_error_messages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                error_messages_type_0 = cast(list[str], data)

                return error_messages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        error_messages = _parse_error_messages(d.pop("error_messages", UNSET))

        def _parse_column_order(data: object) -> list[DetailObject] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                column_order_type_0 = []
                _column_order_type_0 = data
                for column_order_type_0_item_data in _column_order_type_0:
                    column_order_type_0_item = DetailObject.from_dict(
                        column_order_type_0_item_data
                    )

                    column_order_type_0.append(column_order_type_0_item)

                return column_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DetailObject] | None | Unset, data)

        column_order = _parse_column_order(d.pop("column_order", UNSET))

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        def _parse_agent_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_type = _parse_agent_type(d.pop("agent_type", UNSET))

        test_execution_detail = cls(
            results=results,
            status=status,
            count=count,
            next_=next_,
            previous=previous,
            total_pages=total_pages,
            current_page=current_page,
            error_messages=error_messages,
            column_order=column_order,
            provider=provider,
            agent_type=agent_type,
        )

        test_execution_detail.additional_properties = d
        return test_execution_detail

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
