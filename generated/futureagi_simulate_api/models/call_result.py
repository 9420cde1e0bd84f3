from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eval_outputs import EvalOutputs


T = TypeVar("T", bound="CallResult")


@_attrs_define
class CallResult:
    """One call in an execution's results.

    Attributes:
        call_execution_id (UUID): The call execution's id.
        scenario_id (None | Unset | UUID): The scenario the call played.
        scenario_name (None | str | Unset): The scenario's name.
        status (None | str | Unset): The call's status (see `CallExecution.status`).
        duration_seconds (float | None | Unset): The call's length in seconds.
        eval_outputs (EvalOutputs | None | Unset): The call's eval outputs, keyed by eval config id.
    """

    call_execution_id: UUID
    scenario_id: None | Unset | UUID = UNSET
    scenario_name: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    eval_outputs: EvalOutputs | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.eval_outputs import EvalOutputs

        call_execution_id = str(self.call_execution_id)

        scenario_id: None | str | Unset
        if isinstance(self.scenario_id, Unset):
            scenario_id = UNSET
        elif isinstance(self.scenario_id, UUID):
            scenario_id = str(self.scenario_id)
        else:
            scenario_id = self.scenario_id

        scenario_name: None | str | Unset
        if isinstance(self.scenario_name, Unset):
            scenario_name = UNSET
        else:
            scenario_name = self.scenario_name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        eval_outputs: dict[str, Any] | None | Unset
        if isinstance(self.eval_outputs, Unset):
            eval_outputs = UNSET
        elif isinstance(self.eval_outputs, EvalOutputs):
            eval_outputs = self.eval_outputs.to_dict()
        else:
            eval_outputs = self.eval_outputs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "call_execution_id": call_execution_id,
            }
        )
        if scenario_id is not UNSET:
            field_dict["scenario_id"] = scenario_id
        if scenario_name is not UNSET:
            field_dict["scenario_name"] = scenario_name
        if status is not UNSET:
            field_dict["status"] = status
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if eval_outputs is not UNSET:
            field_dict["eval_outputs"] = eval_outputs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eval_outputs import EvalOutputs

        d = dict(src_dict)
        call_execution_id = UUID(d.pop("call_execution_id"))

        def _parse_scenario_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scenario_id_type_0 = UUID(data)

                return scenario_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        scenario_id = _parse_scenario_id(d.pop("scenario_id", UNSET))

        def _parse_scenario_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scenario_name = _parse_scenario_name(d.pop("scenario_name", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_duration_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))

        def _parse_eval_outputs(data: object) -> EvalOutputs | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                eval_outputs_type_1 = EvalOutputs.from_dict(data)

                return eval_outputs_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvalOutputs | None | Unset, data)

        eval_outputs = _parse_eval_outputs(d.pop("eval_outputs", UNSET))

        call_result = cls(
            call_execution_id=call_execution_id,
            scenario_id=scenario_id,
            scenario_name=scenario_name,
            status=status,
            duration_seconds=duration_seconds,
            eval_outputs=eval_outputs,
        )

        call_result.additional_properties = d
        return call_result

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
