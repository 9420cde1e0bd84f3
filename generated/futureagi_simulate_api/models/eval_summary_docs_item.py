from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvalSummaryDocsItem")


@_attrs_define
class EvalSummaryDocsItem:
    """One eval config's summary in the documented dialect.

    Attributes:
        name (str): The eval config's name.
        average_score (float | None | Unset): The average score over the evaluated calls.
        total_runs (int | Unset): How many times the eval ran.
        passed (int | Unset): How many runs passed.
        failed (int | Unset): How many runs failed.
    """

    name: str
    average_score: float | None | Unset = UNSET
    total_runs: int | Unset = UNSET
    passed: int | Unset = UNSET
    failed: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        average_score: float | None | Unset
        if isinstance(self.average_score, Unset):
            average_score = UNSET
        else:
            average_score = self.average_score

        total_runs = self.total_runs

        passed = self.passed

        failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if average_score is not UNSET:
            field_dict["average_score"] = average_score
        if total_runs is not UNSET:
            field_dict["total_runs"] = total_runs
        if passed is not UNSET:
            field_dict["passed"] = passed
        if failed is not UNSET:
            field_dict["failed"] = failed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_average_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_score = _parse_average_score(d.pop("average_score", UNSET))

        total_runs = d.pop("total_runs", UNSET)

        passed = d.pop("passed", UNSET)

        failed = d.pop("failed", UNSET)

        eval_summary_docs_item = cls(
            name=name,
            average_score=average_score,
            total_runs=total_runs,
            passed=passed,
            failed=failed,
        )

        eval_summary_docs_item.additional_properties = d
        return eval_summary_docs_item

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
