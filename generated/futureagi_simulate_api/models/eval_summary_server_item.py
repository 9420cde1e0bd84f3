from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.detail_object import DetailObject


T = TypeVar("T", bound="EvalSummaryServerItem")


@_attrs_define
class EvalSummaryServerItem:
    """One eval config's summary on the open-source server. Which total is present depends on `output_type`:
    `total_pass_rate` (a percentage from 0 to 100) for `Pass/Fail`, `total_avg` for `score`,
    `total_choices_avg` (choice to percentage) for `choices`.

        Attributes:
            name (str): The eval config's name.
            id (UUID | Unset): The eval's id.
            output_type (str | Unset): `Pass/Fail`, `score` or `choices`; an open set.
            result (list[DetailObject] | Unset): Per-config detail.
            total_pass_rate (float | None | Unset): Percentage of completed calls that passed, 0 to 100.
            total_avg (Any | Unset): The average score.
            total_choices_avg (Any | Unset): Choice to percentage of calls.
    """

    name: str
    id: UUID | Unset = UNSET
    output_type: str | Unset = UNSET
    result: list[DetailObject] | Unset = UNSET
    total_pass_rate: float | None | Unset = UNSET
    total_avg: Any | Unset = UNSET
    total_choices_avg: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        output_type = self.output_type

        result: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = []
            for result_item_data in self.result:
                result_item = result_item_data.to_dict()
                result.append(result_item)

        total_pass_rate: float | None | Unset
        if isinstance(self.total_pass_rate, Unset):
            total_pass_rate = UNSET
        else:
            total_pass_rate = self.total_pass_rate

        total_avg = self.total_avg

        total_choices_avg = self.total_choices_avg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if output_type is not UNSET:
            field_dict["output_type"] = output_type
        if result is not UNSET:
            field_dict["result"] = result
        if total_pass_rate is not UNSET:
            field_dict["total_pass_rate"] = total_pass_rate
        if total_avg is not UNSET:
            field_dict["total_avg"] = total_avg
        if total_choices_avg is not UNSET:
            field_dict["total_choices_avg"] = total_choices_avg

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.detail_object import DetailObject

        d = dict(src_dict)
        name = d.pop("name")

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        output_type = d.pop("output_type", UNSET)

        _result = d.pop("result", UNSET)
        result: list[DetailObject] | Unset = UNSET
        if _result is not UNSET:
            result = []
            for result_item_data in _result:
                result_item = DetailObject.from_dict(result_item_data)

                result.append(result_item)

        def _parse_total_pass_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_pass_rate = _parse_total_pass_rate(d.pop("total_pass_rate", UNSET))

        total_avg = d.pop("total_avg", UNSET)

        total_choices_avg = d.pop("total_choices_avg", UNSET)

        eval_summary_server_item = cls(
            name=name,
            id=id,
            output_type=output_type,
            result=result,
            total_pass_rate=total_pass_rate,
            total_avg=total_avg,
            total_choices_avg=total_choices_avg,
        )

        eval_summary_server_item.additional_properties = d
        return eval_summary_server_item

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
