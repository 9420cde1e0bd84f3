from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.eval_summary_docs_item import EvalSummaryDocsItem


T = TypeVar("T", bound="EvalSummaryDocs")


@_attrs_define
class EvalSummaryDocs:
    """The documented dialect's eval summary.

    Attributes:
        evaluations (list[EvalSummaryDocsItem]): One item per eval config.
    """

    evaluations: list[EvalSummaryDocsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        evaluations = []
        for evaluations_item_data in self.evaluations:
            evaluations_item = evaluations_item_data.to_dict()
            evaluations.append(evaluations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "evaluations": evaluations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eval_summary_docs_item import EvalSummaryDocsItem

        d = dict(src_dict)
        evaluations = []
        _evaluations = d.pop("evaluations")
        for evaluations_item_data in _evaluations:
            evaluations_item = EvalSummaryDocsItem.from_dict(evaluations_item_data)

            evaluations.append(evaluations_item)

        eval_summary_docs = cls(
            evaluations=evaluations,
        )

        eval_summary_docs.additional_properties = d
        return eval_summary_docs

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
