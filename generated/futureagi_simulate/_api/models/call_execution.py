from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq as _model_eq
from ..._model_methods import model_repr as _model_repr
from ..types import (
    UNSET,
    ParseError,
    Unset,
    as_object,
    missing,
    new_instance,
    parse_datetime,
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for CallExecution: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "status",
        "scenario",
        "scenario_id",
        "test_execution_id",
        "timestamp",
        "start_time",
        "duration",
        "duration_seconds",
        "transcript",
        "overall_score",
        "eval_outputs",
        "eval_metrics",
        "ended_reason",
        "call_summary",
        "simulation_call_type",
        "cost_cents",
        "rerun_snapshots",
    )
)
# CallExecution has no msgspec mirror: its objects are read by from_dict (templates/mirror_macros.jinja).
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = None


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
            eval_outputs (EvalOutputs | None | Unset): The call's eval outputs, keyed by eval config id. The open-source
                server sends them here in a
                structured form, `{value, reason, type, name, error, status, skipped}` (`value` the verdict,
                `error` a boolean), not the stored `{name, output, reason, output_type}` the results endpoint
                returns; the keys are kept either way.
            eval_metrics (CallExecutionEvalMetricsType0 | None | Unset): Eval metrics of the call, keyed by eval config id:
                the structured output plus `id`,
                `template_type`, `visible` and `error_localizer`.
            ended_reason (None | str | Unset): Why the call ended.
            call_summary (None | str | Unset): A summary of the call.
            simulation_call_type (None | str | Unset): `voice` or `text`; an open set.
            cost_cents (float | None | Unset): What the call cost, in cents of the account's currency, once it ended (the
                open-source server's
                `CallExecution.cost_cents`); `null` while it runs and wherever the server does not know a cost
                (the recorded open-source server sends `null`). The documentation's call detail shows costs in
                USD instead (`total_cost`, `llm_cost`, ...), kept as unknown keys.
            rerun_snapshots (list[DetailObject] | None | Unset): What each `call_and_eval` rerun kept of the call as it was
                before (the server's
                `CallExecutionSnapshot`: `status`, `eval_outputs` as stored, `cost_cents`, `snapshot_timestamp`,
                `rerun_type`, ...), newest first; `[]` for a call never rerun. `eval_only` reruns are snapshotted
                too but not listed here.
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
    cost_cents: float | None | Unset = UNSET
    rerun_snapshots: list[DetailObject] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
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

        cost_cents: float | None | Unset
        if isinstance(self.cost_cents, Unset):
            cost_cents = UNSET
        else:
            cost_cents = self.cost_cents

        rerun_snapshots: list[dict[str, Any]] | None | Unset
        if isinstance(self.rerun_snapshots, Unset):
            rerun_snapshots = UNSET
        elif isinstance(self.rerun_snapshots, list):
            rerun_snapshots = []
            for rerun_snapshots_type_0_item_data in self.rerun_snapshots:
                rerun_snapshots_type_0_item = rerun_snapshots_type_0_item_data.to_dict()
                rerun_snapshots.append(rerun_snapshots_type_0_item)

        else:
            rerun_snapshots = self.rerun_snapshots

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
        if cost_cents is not UNSET:
            field_dict["cost_cents"] = cost_cents
        if rerun_snapshots is not UNSET:
            field_dict["rerun_snapshots"] = rerun_snapshots

        return field_dict

    @classmethod
    def from_dict(
        cls,
        src_dict: Mapping[str, Any],
        ids: dict[str, UUID] | None = None,
        consume: bool = False,
    ) -> Self:
        """Reads decoded JSON, checking each value's JSON type against the document as it goes.

        Raises ParseError naming the first value that does not match, by its path. ``ids`` is the memo of
        UUIDs that nested models share while they read one answer; callers leave it out. ``consume=True``
        lets the parse reuse the JSON objects and arrays it reads for what it builds, leaving them changed
        (emptied, or holding models): only for JSON the caller decoded itself and will not read again.
        """
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        if ids is None:
            ids = {}
        # Servers render every declared key, so most objects have exactly those: they are read by
        # subscript, which costs less than a get() with a default. Any other object is read key by key.
        # An object that keeps unknown keys is read by subscript too when it has more keys than declared:
        # the open-source server's call rows have 61 keys where 16 are declared (BENCHMARKS.md,
        # "Execution reads").
        complete = False
        if len(d) >= 18:
            try:
                json_id = d["id"]
                json_status = d["status"]
                json_scenario = d["scenario"]
                json_scenario_id = d["scenario_id"]
                json_test_execution_id = d["test_execution_id"]
                json_timestamp = d["timestamp"]
                json_start_time = d["start_time"]
                json_duration = d["duration"]
                json_duration_seconds = d["duration_seconds"]
                json_transcript = d["transcript"]
                json_overall_score = d["overall_score"]
                json_eval_outputs = d["eval_outputs"]
                json_eval_metrics = d["eval_metrics"]
                json_ended_reason = d["ended_reason"]
                json_call_summary = d["call_summary"]
                json_simulation_call_type = d["simulation_call_type"]
                json_cost_cents = d["cost_cents"]
                json_rerun_snapshots = d["rerun_snapshots"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_id = d.get("id", UNSET)
            if json_id is UNSET:
                raise missing("id")
            json_status = d.get("status", UNSET)
            json_scenario = d.get("scenario", UNSET)
            json_scenario_id = d.get("scenario_id", UNSET)
            json_test_execution_id = d.get("test_execution_id", UNSET)
            json_timestamp = d.get("timestamp", UNSET)
            json_start_time = d.get("start_time", UNSET)
            json_duration = d.get("duration", UNSET)
            json_duration_seconds = d.get("duration_seconds", UNSET)
            json_transcript = d.get("transcript", UNSET)
            json_overall_score = d.get("overall_score", UNSET)
            json_eval_outputs = d.get("eval_outputs", UNSET)
            json_eval_metrics = d.get("eval_metrics", UNSET)
            json_ended_reason = d.get("ended_reason", UNSET)
            json_call_summary = d.get("call_summary", UNSET)
            json_simulation_call_type = d.get("simulation_call_type", UNSET)
            json_cost_cents = d.get("cost_cents", UNSET)
            json_rerun_snapshots = d.get("rerun_snapshots", UNSET)

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        else:
            raise wrong_type("string (uuid)", json_id, "id")

        if (
            type(json_status) is not str
            and json_status is not None
            and json_status is not UNSET
        ):
            raise wrong_type("string or null", json_status, "status")

        if (
            type(json_scenario) is not str
            and json_scenario is not None
            and json_scenario is not UNSET
        ):
            raise wrong_type("string or null", json_scenario, "scenario")

        if json_scenario_id is None:
            pass
        elif type(json_scenario_id) is str:
            json_scenario_id = ids.get(json_scenario_id) or read_uuid(
                json_scenario_id, ids, "scenario_id"
            )

        elif json_scenario_id is not UNSET:
            raise wrong_type("string (uuid) or null", json_scenario_id, "scenario_id")

        if json_test_execution_id is None:
            pass
        elif type(json_test_execution_id) is str:
            json_test_execution_id = ids.get(json_test_execution_id) or read_uuid(
                json_test_execution_id, ids, "test_execution_id"
            )

        elif json_test_execution_id is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_test_execution_id, "test_execution_id"
            )

        if json_timestamp is None:
            pass
        elif type(json_timestamp) is str:
            try:
                json_timestamp = parse_datetime(json_timestamp)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_timestamp!r}", "timestamp"
                ) from None

        elif json_timestamp is not UNSET:
            raise wrong_type("string (date-time) or null", json_timestamp, "timestamp")

        if json_start_time is None:
            pass
        elif type(json_start_time) is str:
            try:
                json_start_time = parse_datetime(json_start_time)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_start_time!r}", "start_time"
                ) from None

        elif json_start_time is not UNSET:
            raise wrong_type(
                "string (date-time) or null", json_start_time, "start_time"
            )

        if (
            type(json_duration) is not float
            and type(json_duration) is not int
            and json_duration is not None
            and json_duration is not UNSET
        ):
            raise wrong_type("number or null", json_duration, "duration")

        if (
            type(json_duration_seconds) is not float
            and type(json_duration_seconds) is not int
            and json_duration_seconds is not None
            and json_duration_seconds is not UNSET
        ):
            raise wrong_type(
                "number or null", json_duration_seconds, "duration_seconds"
            )

        if json_transcript is None or type(json_transcript) is list:
            pass

        elif json_transcript is not UNSET:
            raise wrong_type("array or null", json_transcript, "transcript")

        if (
            type(json_overall_score) is not float
            and type(json_overall_score) is not int
            and json_overall_score is not None
            and json_overall_score is not UNSET
        ):
            raise wrong_type("number or null", json_overall_score, "overall_score")

        if json_eval_outputs is None:
            pass
        elif type(json_eval_outputs) is dict:
            try:
                json_eval_outputs = EvalOutputs.from_dict(
                    json_eval_outputs, ids, consume
                )
            except ParseError as error:
                raise error.within("eval_outputs") from None

        elif json_eval_outputs is not UNSET:
            raise wrong_type("null or object", json_eval_outputs, "eval_outputs")

        if json_eval_metrics is None:
            pass
        elif type(json_eval_metrics) is dict:
            made_json_eval_metrics = new_instance(CallExecutionEvalMetricsType0)
            made_json_eval_metrics.additional_properties = json_eval_metrics
            json_eval_metrics = made_json_eval_metrics

        elif json_eval_metrics is not UNSET:
            raise wrong_type("object or null", json_eval_metrics, "eval_metrics")

        if (
            type(json_ended_reason) is not str
            and json_ended_reason is not None
            and json_ended_reason is not UNSET
        ):
            raise wrong_type("string or null", json_ended_reason, "ended_reason")

        if (
            type(json_call_summary) is not str
            and json_call_summary is not None
            and json_call_summary is not UNSET
        ):
            raise wrong_type("string or null", json_call_summary, "call_summary")

        if (
            type(json_simulation_call_type) is not str
            and json_simulation_call_type is not None
            and json_simulation_call_type is not UNSET
        ):
            raise wrong_type(
                "string or null", json_simulation_call_type, "simulation_call_type"
            )

        if (
            type(json_cost_cents) is not float
            and type(json_cost_cents) is not int
            and json_cost_cents is not None
            and json_cost_cents is not UNSET
        ):
            raise wrong_type("number or null", json_cost_cents, "cost_cents")

        if json_rerun_snapshots is None:
            pass
        elif type(json_rerun_snapshots) is list:
            if json_rerun_snapshots:
                list_json_rerun_snapshots: list[Any] = (
                    json_rerun_snapshots if consume else json_rerun_snapshots.copy()
                )
                index_json_rerun_snapshots = 0
                try:
                    for item_json_rerun_snapshots in list_json_rerun_snapshots:
                        if type(item_json_rerun_snapshots) is dict:
                            made_item_json_rerun_snapshots = new_instance(DetailObject)
                            made_item_json_rerun_snapshots.additional_properties = (
                                item_json_rerun_snapshots
                            )
                            item_json_rerun_snapshots = made_item_json_rerun_snapshots

                        else:
                            raise wrong_type(
                                "object",
                                item_json_rerun_snapshots,
                                index_json_rerun_snapshots,
                            )

                        list_json_rerun_snapshots[index_json_rerun_snapshots] = (
                            item_json_rerun_snapshots
                        )
                        index_json_rerun_snapshots += 1
                except ParseError as error:
                    raise error.within("rerun_snapshots") from None
                json_rerun_snapshots = list_json_rerun_snapshots

        elif json_rerun_snapshots is not UNSET:
            raise wrong_type("array or null", json_rerun_snapshots, "rerun_snapshots")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 18 if complete else _KEYS.issuperset(d):
            if consume:
                # The answer's own object, emptied, holds the (no) unknown keys: freeing it and making an
                # empty dict in its place cost a list call about a tenth of its time (BENCHMARKS.md, list).
                d.clear()
                additional_properties = d
            else:
                additional_properties = {}
        elif complete:
            # Every declared key is there: the unknown ones are what is left once those are deleted, in
            # the order they came. any() runs the deletions in C (each returns None), where a dict
            # comprehension over all 61 keys of a call row ran in Python (BENCHMARKS.md, "Execution reads").
            additional_properties = d if consume else d.copy()
            any(map(additional_properties.__delitem__, _KEYS))
        elif consume:
            # Some declared keys are missing (the open-source server's eval outputs in call rows lack two):
            # the object itself keeps the unknown ones once the declared ones it has are deleted (a required
            # one is there, an optional one is when read above), where a comprehension walks every key.
            additional_properties = d
            del d["id"]
            if json_status is not UNSET:
                del d["status"]
            if json_scenario is not UNSET:
                del d["scenario"]
            if json_scenario_id is not UNSET:
                del d["scenario_id"]
            if json_test_execution_id is not UNSET:
                del d["test_execution_id"]
            if json_timestamp is not UNSET:
                del d["timestamp"]
            if json_start_time is not UNSET:
                del d["start_time"]
            if json_duration is not UNSET:
                del d["duration"]
            if json_duration_seconds is not UNSET:
                del d["duration_seconds"]
            if json_transcript is not UNSET:
                del d["transcript"]
            if json_overall_score is not UNSET:
                del d["overall_score"]
            if json_eval_outputs is not UNSET:
                del d["eval_outputs"]
            if json_eval_metrics is not UNSET:
                del d["eval_metrics"]
            if json_ended_reason is not UNSET:
                del d["ended_reason"]
            if json_call_summary is not UNSET:
                del d["call_summary"]
            if json_simulation_call_type is not UNSET:
                del d["simulation_call_type"]
            if json_cost_cents is not UNSET:
                del d["cost_cents"]
            if json_rerun_snapshots is not UNSET:
                del d["rerun_snapshots"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is CallExecution:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.status = json_status
            made.scenario = json_scenario
            made.scenario_id = json_scenario_id
            made.test_execution_id = json_test_execution_id
            made.timestamp = json_timestamp
            made.start_time = json_start_time
            made.duration = json_duration
            made.duration_seconds = json_duration_seconds
            made.transcript = json_transcript
            made.overall_score = json_overall_score
            made.eval_outputs = json_eval_outputs
            made.eval_metrics = json_eval_metrics
            made.ended_reason = json_ended_reason
            made.call_summary = json_call_summary
            made.simulation_call_type = json_simulation_call_type
            made.cost_cents = json_cost_cents
            made.rerun_snapshots = json_rerun_snapshots
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                status=json_status,
                scenario=json_scenario,
                scenario_id=json_scenario_id,
                test_execution_id=json_test_execution_id,
                timestamp=json_timestamp,
                start_time=json_start_time,
                duration=json_duration,
                duration_seconds=json_duration_seconds,
                transcript=json_transcript,
                overall_score=json_overall_score,
                eval_outputs=json_eval_outputs,
                eval_metrics=json_eval_metrics,
                ended_reason=json_ended_reason,
                call_summary=json_call_summary,
                simulation_call_type=json_simulation_call_type,
                cost_cents=json_cost_cents,
                rerun_snapshots=json_rerun_snapshots,
                additional_properties=additional_properties,
            )

        return made

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


# Sibling models, imported once the class above exists: models refer to each other in cycles, and an
# import inside from_dict would run on every call.
from ..models.call_execution_eval_metrics_type_0 import CallExecutionEvalMetricsType0
from ..models.detail_object import DetailObject

# The model EvalOutputs keeps, which from_mirror builds from its mirror.
from ..models.eval_outputs import EvalOutputs
