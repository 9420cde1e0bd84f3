from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.simulation_run_results import SimulationRunResults


T = TypeVar("T", bound="SimulationRunResultsEnvelope")


@_attrs_define
class SimulationRunResultsEnvelope:
    """The open-source server's results answer.

    Attributes:
        status (bool): `true`.
        result (SimulationRunResults): An execution's status, counts and per-call results.
    """

    status: bool
    result: SimulationRunResults
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        result = self.result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.simulation_run_results import SimulationRunResults

        d = dict(src_dict)
        status = d.pop("status")

        result = SimulationRunResults.from_dict(d.pop("result"))

        simulation_run_results_envelope = cls(
            status=status,
            result=result,
        )

        simulation_run_results_envelope.additional_properties = d
        return simulation_run_results_envelope

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
