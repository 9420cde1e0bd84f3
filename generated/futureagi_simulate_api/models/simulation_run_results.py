from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_result_page import CallResultPage
    from ..models.detail_object import DetailObject


T = TypeVar("T", bound="SimulationRunResults")


@_attrs_define
class SimulationRunResults:
    """An execution's status, counts and per-call results.

    Attributes:
        execution_id (UUID): The execution.
        status (str): The execution's status (see `TestExecutionDetail.status`).
        call_results (CallResultPage): One page of an execution's call results. It carries no `next` or `previous`.
        started_at (datetime.datetime | None | Unset): When the execution started.
        completed_at (datetime.datetime | None | Unset): When it ended.
        total_calls (int | None | Unset): How many calls the execution has.
        completed_calls (int | None | Unset): How many ended `completed`.
        failed_calls (int | None | Unset): How many ended `failed`.
        eval_results (list[DetailObject] | None | Unset): Per eval config, an aggregate over the calls.
    """

    execution_id: UUID
    status: str
    call_results: CallResultPage
    started_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    total_calls: int | None | Unset = UNSET
    completed_calls: int | None | Unset = UNSET
    failed_calls: int | None | Unset = UNSET
    eval_results: list[DetailObject] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_id = str(self.execution_id)

        status = self.status

        call_results = self.call_results.to_dict()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        total_calls: int | None | Unset
        if isinstance(self.total_calls, Unset):
            total_calls = UNSET
        else:
            total_calls = self.total_calls

        completed_calls: int | None | Unset
        if isinstance(self.completed_calls, Unset):
            completed_calls = UNSET
        else:
            completed_calls = self.completed_calls

        failed_calls: int | None | Unset
        if isinstance(self.failed_calls, Unset):
            failed_calls = UNSET
        else:
            failed_calls = self.failed_calls

        eval_results: list[dict[str, Any]] | None | Unset
        if isinstance(self.eval_results, Unset):
            eval_results = UNSET
        elif isinstance(self.eval_results, list):
            eval_results = []
            for eval_results_type_0_item_data in self.eval_results:
                eval_results_type_0_item = eval_results_type_0_item_data.to_dict()
                eval_results.append(eval_results_type_0_item)

        else:
            eval_results = self.eval_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "execution_id": execution_id,
                "status": status,
                "call_results": call_results,
            }
        )
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if total_calls is not UNSET:
            field_dict["total_calls"] = total_calls
        if completed_calls is not UNSET:
            field_dict["completed_calls"] = completed_calls
        if failed_calls is not UNSET:
            field_dict["failed_calls"] = failed_calls
        if eval_results is not UNSET:
            field_dict["eval_results"] = eval_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.call_result_page import CallResultPage
        from ..models.detail_object import DetailObject

        d = dict(src_dict)
        execution_id = UUID(d.pop("execution_id"))

        status = d.pop("status")

        call_results = CallResultPage.from_dict(d.pop("call_results"))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_total_calls(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_calls = _parse_total_calls(d.pop("total_calls", UNSET))

        def _parse_completed_calls(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        completed_calls = _parse_completed_calls(d.pop("completed_calls", UNSET))

        def _parse_failed_calls(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        failed_calls = _parse_failed_calls(d.pop("failed_calls", UNSET))

        def _parse_eval_results(data: object) -> list[DetailObject] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                eval_results_type_0 = []
                _eval_results_type_0 = data
                for eval_results_type_0_item_data in _eval_results_type_0:
                    eval_results_type_0_item = DetailObject.from_dict(
                        eval_results_type_0_item_data
                    )

                    eval_results_type_0.append(eval_results_type_0_item)

                return eval_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DetailObject] | None | Unset, data)

        eval_results = _parse_eval_results(d.pop("eval_results", UNSET))

        simulation_run_results = cls(
            execution_id=execution_id,
            status=status,
            call_results=call_results,
            started_at=started_at,
            completed_at=completed_at,
            total_calls=total_calls,
            completed_calls=completed_calls,
            failed_calls=failed_calls,
            eval_results=eval_results,
        )

        simulation_run_results.additional_properties = d
        return simulation_run_results

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
