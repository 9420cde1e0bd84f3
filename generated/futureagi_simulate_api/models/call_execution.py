from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_execution_eval_metrics_type_0 import (
        CallExecutionEvalMetricsType0,
    )
    from ..models.eval_outputs import EvalOutputs


T = TypeVar("T", bound="CallExecution")


@_attrs_define
class CallExecution:
    """One simulated call of an execution. The open-source server sends some 60 keys, most nullable; the ones
    below are described, the rest are kept.

        Attributes:
            id (UUID): The call execution's id.
            status (None | str | Unset): The call's status, an open set: `pending`, `queued`, `ongoing`, `analyzing`,
                `completed`, `failed`, `cancelled`.
            scenario (None | str | Unset): The scenario's name.
            scenario_id (None | Unset | UUID): The scenario's id.
            test_execution_id (None | Unset | UUID): The execution the call belongs to.
            timestamp (datetime.datetime | None | Unset): When the call was created.
            start_time (datetime.datetime | None | Unset): When the call started.
            duration (float | None | Unset): The call's length in seconds.
            duration_seconds (float | None | Unset): The call's length in seconds.
            transcript (list[Any] | None | Unset): The conversation, one item per turn.
            overall_score (float | None | Unset): An aggregate eval score.
            eval_outputs (EvalOutputs | None | Unset): The call's eval outputs, keyed by eval config id.
            eval_metrics (CallExecutionEvalMetricsType0 | None | Unset): Eval metrics of the call.
            ended_reason (None | str | Unset): Why the call ended.
            call_summary (None | str | Unset): A summary of the call.
            simulation_call_type (None | str | Unset): `voice` or `text`; an open set.
    """

    id: UUID
    status: None | str | Unset = UNSET
    scenario: None | str | Unset = UNSET
    scenario_id: None | Unset | UUID = UNSET
    test_execution_id: None | Unset | UUID = UNSET
    timestamp: datetime.datetime | None | Unset = UNSET
    start_time: datetime.datetime | None | Unset = UNSET
    duration: float | None | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    transcript: list[Any] | None | Unset = UNSET
    overall_score: float | None | Unset = UNSET
    eval_outputs: EvalOutputs | None | Unset = UNSET
    eval_metrics: CallExecutionEvalMetricsType0 | None | Unset = UNSET
    ended_reason: None | str | Unset = UNSET
    call_summary: None | str | Unset = UNSET
    simulation_call_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.call_execution_eval_metrics_type_0 import (
            CallExecutionEvalMetricsType0,
        )
        from ..models.eval_outputs import EvalOutputs

        id = str(self.id)

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        scenario: None | str | Unset
        if isinstance(self.scenario, Unset):
            scenario = UNSET
        else:
            scenario = self.scenario

        scenario_id: None | str | Unset
        if isinstance(self.scenario_id, Unset):
            scenario_id = UNSET
        elif isinstance(self.scenario_id, UUID):
            scenario_id = str(self.scenario_id)
        else:
            scenario_id = self.scenario_id

        test_execution_id: None | str | Unset
        if isinstance(self.test_execution_id, Unset):
            test_execution_id = UNSET
        elif isinstance(self.test_execution_id, UUID):
            test_execution_id = str(self.test_execution_id)
        else:
            test_execution_id = self.test_execution_id

        timestamp: None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = self.timestamp.isoformat()
        else:
            timestamp = self.timestamp

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        elif isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        transcript: list[Any] | None | Unset
        if isinstance(self.transcript, Unset):
            transcript = UNSET
        elif isinstance(self.transcript, list):
            transcript = self.transcript

        else:
            transcript = self.transcript

        overall_score: float | None | Unset
        if isinstance(self.overall_score, Unset):
            overall_score = UNSET
        else:
            overall_score = self.overall_score

        eval_outputs: dict[str, Any] | None | Unset
        if isinstance(self.eval_outputs, Unset):
            eval_outputs = UNSET
        elif isinstance(self.eval_outputs, EvalOutputs):
            eval_outputs = self.eval_outputs.to_dict()
        else:
            eval_outputs = self.eval_outputs

        eval_metrics: dict[str, Any] | None | Unset
        if isinstance(self.eval_metrics, Unset):
            eval_metrics = UNSET
        elif isinstance(self.eval_metrics, CallExecutionEvalMetricsType0):
            eval_metrics = self.eval_metrics.to_dict()
        else:
            eval_metrics = self.eval_metrics

        ended_reason: None | str | Unset
        if isinstance(self.ended_reason, Unset):
            ended_reason = UNSET
        else:
            ended_reason = self.ended_reason

        call_summary: None | str | Unset
        if isinstance(self.call_summary, Unset):
            call_summary = UNSET
        else:
            call_summary = self.call_summary

        simulation_call_type: None | str | Unset
        if isinstance(self.simulation_call_type, Unset):
            simulation_call_type = UNSET
        else:
            simulation_call_type = self.simulation_call_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if scenario is not UNSET:
            field_dict["scenario"] = scenario
        if scenario_id is not UNSET:
            field_dict["scenario_id"] = scenario_id
        if test_execution_id is not UNSET:
            field_dict["test_execution_id"] = test_execution_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if duration is not UNSET:
            field_dict["duration"] = duration
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if transcript is not UNSET:
            field_dict["transcript"] = transcript
        if overall_score is not UNSET:
            field_dict["overall_score"] = overall_score
        if eval_outputs is not UNSET:
            field_dict["eval_outputs"] = eval_outputs
        if eval_metrics is not UNSET:
            field_dict["eval_metrics"] = eval_metrics
        if ended_reason is not UNSET:
            field_dict["ended_reason"] = ended_reason
        if call_summary is not UNSET:
            field_dict["call_summary"] = call_summary
        if simulation_call_type is not UNSET:
            field_dict["simulation_call_type"] = simulation_call_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.call_execution_eval_metrics_type_0 import (
            CallExecutionEvalMetricsType0,
        )
        from ..models.eval_outputs import EvalOutputs

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_scenario(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scenario = _parse_scenario(d.pop("scenario", UNSET))

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

        def _parse_test_execution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                test_execution_id_type_0 = UUID(data)

                return test_execution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        test_execution_id = _parse_test_execution_id(d.pop("test_execution_id", UNSET))

        def _parse_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

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

        def _parse_duration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_duration_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))

        def _parse_transcript(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                transcript_type_0 = cast(list[Any], data)

                return transcript_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        transcript = _parse_transcript(d.pop("transcript", UNSET))

        def _parse_overall_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        overall_score = _parse_overall_score(d.pop("overall_score", UNSET))

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

        def _parse_eval_metrics(
            data: object,
        ) -> CallExecutionEvalMetricsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                eval_metrics_type_0 = CallExecutionEvalMetricsType0.from_dict(data)

                return eval_metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallExecutionEvalMetricsType0 | None | Unset, data)

        eval_metrics = _parse_eval_metrics(d.pop("eval_metrics", UNSET))

        def _parse_ended_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ended_reason = _parse_ended_reason(d.pop("ended_reason", UNSET))

        def _parse_call_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_summary = _parse_call_summary(d.pop("call_summary", UNSET))

        def _parse_simulation_call_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        simulation_call_type = _parse_simulation_call_type(
            d.pop("simulation_call_type", UNSET)
        )

        call_execution = cls(
            id=id,
            status=status,
            scenario=scenario,
            scenario_id=scenario_id,
            test_execution_id=test_execution_id,
            timestamp=timestamp,
            start_time=start_time,
            duration=duration,
            duration_seconds=duration_seconds,
            transcript=transcript,
            overall_score=overall_score,
            eval_outputs=eval_outputs,
            eval_metrics=eval_metrics,
            ended_reason=ended_reason,
            call_summary=call_summary,
            simulation_call_type=simulation_call_type,
        )

        call_execution.additional_properties = d
        return call_execution

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
