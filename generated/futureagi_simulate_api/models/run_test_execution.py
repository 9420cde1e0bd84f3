from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RunTestExecution")


@_attrs_define
class RunTestExecution:
    """One row of a run test's executions.

    Attributes:
        id (UUID): The execution's id.
        status (None | str | Unset): The execution's status in display form (`Pending`, `Running`, `Completed`, ...), an
            open set.
        scenarios (None | str | Unset): The scenarios' names, joined.
        start_time (datetime.datetime | None | Unset): When the execution started.
        duration (Any | Unset): How long it ran.
        error_reason (None | str | Unset): Why it failed, if it did.
        success_rate (float | None | Unset): The share of calls that succeeded, a percentage.
        calls (int | None | Unset): How many calls it has.
        calls_attempted (int | None | Unset): How many calls were attempted.
        connected_calls (int | None | Unset): How many calls connected.
        agent_type (None | str | Unset): The agent's type.
        source_type (None | str | Unset): `agent_definition` or `prompt`.
    """

    id: UUID
    status: None | str | Unset = UNSET
    scenarios: None | str | Unset = UNSET
    start_time: datetime.datetime | None | Unset = UNSET
    duration: Any | Unset = UNSET
    error_reason: None | str | Unset = UNSET
    success_rate: float | None | Unset = UNSET
    calls: int | None | Unset = UNSET
    calls_attempted: int | None | Unset = UNSET
    connected_calls: int | None | Unset = UNSET
    agent_type: None | str | Unset = UNSET
    source_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        scenarios: None | str | Unset
        if isinstance(self.scenarios, Unset):
            scenarios = UNSET
        else:
            scenarios = self.scenarios

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        elif isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        duration = self.duration

        error_reason: None | str | Unset
        if isinstance(self.error_reason, Unset):
            error_reason = UNSET
        else:
            error_reason = self.error_reason

        success_rate: float | None | Unset
        if isinstance(self.success_rate, Unset):
            success_rate = UNSET
        else:
            success_rate = self.success_rate

        calls: int | None | Unset
        if isinstance(self.calls, Unset):
            calls = UNSET
        else:
            calls = self.calls

        calls_attempted: int | None | Unset
        if isinstance(self.calls_attempted, Unset):
            calls_attempted = UNSET
        else:
            calls_attempted = self.calls_attempted

        connected_calls: int | None | Unset
        if isinstance(self.connected_calls, Unset):
            connected_calls = UNSET
        else:
            connected_calls = self.connected_calls

        agent_type: None | str | Unset
        if isinstance(self.agent_type, Unset):
            agent_type = UNSET
        else:
            agent_type = self.agent_type

        source_type: None | str | Unset
        if isinstance(self.source_type, Unset):
            source_type = UNSET
        else:
            source_type = self.source_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if duration is not UNSET:
            field_dict["duration"] = duration
        if error_reason is not UNSET:
            field_dict["error_reason"] = error_reason
        if success_rate is not UNSET:
            field_dict["success_rate"] = success_rate
        if calls is not UNSET:
            field_dict["calls"] = calls
        if calls_attempted is not UNSET:
            field_dict["calls_attempted"] = calls_attempted
        if connected_calls is not UNSET:
            field_dict["connected_calls"] = connected_calls
        if agent_type is not UNSET:
            field_dict["agent_type"] = agent_type
        if source_type is not UNSET:
            field_dict["source_type"] = source_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_scenarios(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scenarios = _parse_scenarios(d.pop("scenarios", UNSET))

        def _parse_start_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_time_type_0 = datetime.datetime.fromisoformat(data)

                return start_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        duration = d.pop("duration", UNSET)

        def _parse_error_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_reason = _parse_error_reason(d.pop("error_reason", UNSET))

        def _parse_success_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        success_rate = _parse_success_rate(d.pop("success_rate", UNSET))

        def _parse_calls(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        calls = _parse_calls(d.pop("calls", UNSET))

        def _parse_calls_attempted(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        calls_attempted = _parse_calls_attempted(d.pop("calls_attempted", UNSET))

        def _parse_connected_calls(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        connected_calls = _parse_connected_calls(d.pop("connected_calls", UNSET))

        def _parse_agent_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_type = _parse_agent_type(d.pop("agent_type", UNSET))

        def _parse_source_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_type = _parse_source_type(d.pop("source_type", UNSET))

        run_test_execution = cls(
            id=id,
            status=status,
            scenarios=scenarios,
            start_time=start_time,
            duration=duration,
            error_reason=error_reason,
            success_rate=success_rate,
            calls=calls,
            calls_attempted=calls_attempted,
            connected_calls=connected_calls,
            agent_type=agent_type,
            source_type=source_type,
        )

        run_test_execution.additional_properties = d
        return run_test_execution

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
