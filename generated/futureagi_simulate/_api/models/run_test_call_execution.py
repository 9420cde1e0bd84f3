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

# The JSON keys the document declares for RunTestCallExecution: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "status",
        "scenario",
        "scenario_id",
        "test_execution_id",
        "duration",
        "duration_seconds",
        "overall_score",
        "eval_outputs",
        "ended_reason",
        "created_at",
    )
)
# The msgspec mirror of RunTestCallExecution, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("id", "id", "str", True),
    ("status", "status", "str | None", False),
    ("scenario", "scenario", "", False),
    ("scenario_id", "scenario_id", "str | None", False),
    ("test_execution_id", "test_execution_id", "str | None", False),
    ("duration", "duration", "int | float | None", False),
    ("duration_seconds", "duration_seconds", "int | float | None", False),
    ("overall_score", "overall_score", "int | float | None", False),
    ("eval_outputs", "eval_outputs", "dict[str, Any] | None", False),
    ("ended_reason", "ended_reason", "str | None", False),
    ("created_at", "created_at", "str | None", False),
)


@_attrs_define
class RunTestCallExecution:
    """One call of one of a run test's executions. The keys are an execution detail's call row's
    (`CallExecution`); `scenario` is the scenario's name on the open-source server and an object `{id,
    name}` in the documentation, so it is kept as sent. Unknown keys are kept.

        Attributes:
            id (UUID): The call execution's id.
            status (None | str | Unset): The call's status, an open set (see `CallExecution.status`).
            scenario (Any | Unset): The scenario, by name (open-source server) or as `{id, name}` (documentation).
            scenario_id (None | Unset | UUID): The scenario's id.
            test_execution_id (None | Unset | UUID): The execution the call belongs to.
            duration (float | None | Unset): The call's length in seconds.
            duration_seconds (float | None | Unset): The call's length in seconds.
            overall_score (float | None | Unset): An aggregate eval score.
            eval_outputs (None | RunTestCallExecutionEvalOutputsType0 | Unset): The call's eval outputs, keyed by eval
                config id.
            ended_reason (None | str | Unset): Why the call ended.
            created_at (datetime.datetime | None | Unset): When the call was created.
    """

    id: UUID
    status: None | str | Unset = UNSET
    scenario: Any | Unset = UNSET
    scenario_id: None | Unset | UUID = UNSET
    test_execution_id: None | Unset | UUID = UNSET
    duration: float | None | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    overall_score: float | None | Unset = UNSET
    eval_outputs: None | RunTestCallExecutionEvalOutputsType0 | Unset = UNSET
    ended_reason: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
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

        overall_score: float | None | Unset
        if isinstance(self.overall_score, Unset):
            overall_score = UNSET
        else:
            overall_score = self.overall_score

        eval_outputs: dict[str, Any] | None | Unset
        if isinstance(self.eval_outputs, Unset):
            eval_outputs = UNSET
        elif isinstance(self.eval_outputs, RunTestCallExecutionEvalOutputsType0):
            eval_outputs = self.eval_outputs.to_dict()
        else:
            eval_outputs = self.eval_outputs

        ended_reason: None | str | Unset
        if isinstance(self.ended_reason, Unset):
            ended_reason = UNSET
        else:
            ended_reason = self.ended_reason

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

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
        if duration is not UNSET:
            field_dict["duration"] = duration
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if overall_score is not UNSET:
            field_dict["overall_score"] = overall_score
        if eval_outputs is not UNSET:
            field_dict["eval_outputs"] = eval_outputs
        if ended_reason is not UNSET:
            field_dict["ended_reason"] = ended_reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

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
        if len(d) >= 11:
            try:
                json_id = d["id"]
                json_status = d["status"]
                json_scenario = d["scenario"]
                json_scenario_id = d["scenario_id"]
                json_test_execution_id = d["test_execution_id"]
                json_duration = d["duration"]
                json_duration_seconds = d["duration_seconds"]
                json_overall_score = d["overall_score"]
                json_eval_outputs = d["eval_outputs"]
                json_ended_reason = d["ended_reason"]
                json_created_at = d["created_at"]
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
            json_duration = d.get("duration", UNSET)
            json_duration_seconds = d.get("duration_seconds", UNSET)
            json_overall_score = d.get("overall_score", UNSET)
            json_eval_outputs = d.get("eval_outputs", UNSET)
            json_ended_reason = d.get("ended_reason", UNSET)
            json_created_at = d.get("created_at", UNSET)

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
            made_json_eval_outputs = new_instance(RunTestCallExecutionEvalOutputsType0)
            made_json_eval_outputs.additional_properties = json_eval_outputs
            json_eval_outputs = made_json_eval_outputs

        elif json_eval_outputs is not UNSET:
            raise wrong_type("object or null", json_eval_outputs, "eval_outputs")

        if (
            type(json_ended_reason) is not str
            and json_ended_reason is not None
            and json_ended_reason is not UNSET
        ):
            raise wrong_type("string or null", json_ended_reason, "ended_reason")

        if json_created_at is None:
            pass
        elif type(json_created_at) is str:
            try:
                json_created_at = parse_datetime(json_created_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_created_at!r}", "created_at"
                ) from None

        elif json_created_at is not UNSET:
            raise wrong_type(
                "string (date-time) or null", json_created_at, "created_at"
            )

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 11 if complete else _KEYS.issuperset(d):
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
            if json_duration is not UNSET:
                del d["duration"]
            if json_duration_seconds is not UNSET:
                del d["duration_seconds"]
            if json_overall_score is not UNSET:
                del d["overall_score"]
            if json_eval_outputs is not UNSET:
                del d["eval_outputs"]
            if json_ended_reason is not UNSET:
                del d["ended_reason"]
            if json_created_at is not UNSET:
                del d["created_at"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is RunTestCallExecution:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.status = json_status
            made.scenario = json_scenario
            made.scenario_id = json_scenario_id
            made.test_execution_id = json_test_execution_id
            made.duration = json_duration
            made.duration_seconds = json_duration_seconds
            made.overall_score = json_overall_score
            made.eval_outputs = json_eval_outputs
            made.ended_reason = json_ended_reason
            made.created_at = json_created_at
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                status=json_status,
                scenario=json_scenario,
                scenario_id=json_scenario_id,
                test_execution_id=json_test_execution_id,
                duration=json_duration,
                duration_seconds=json_duration_seconds,
                overall_score=json_overall_score,
                eval_outputs=json_eval_outputs,
                ended_reason=json_ended_reason,
                created_at=json_created_at,
                additional_properties=additional_properties,
            )

        return made

    @classmethod
    def from_mirror(
        cls,
        m: Any,
        ids: dict[str, UUID],
        loose: list[Any] | None,
        times: dict[str, Any] | None = None,
    ) -> Self:
        """Builds the model from its msgspec mirror ``m`` (``futureagi_simulate._mirrors``), whose JSON types
        msgspec has checked. Appends to ``loose`` each value msgspec decoded untyped, for the nesting bound
        (None: the read bounds no nesting).

        Raises ParseError, ValueError or TypeError where from_dict would raise: the caller then reads the
        answer again with from_dict, for the model or the error it gives. ``ids`` is the UUID memo of from_dict;
        ``times`` the read's memo of date-times (one datetime per text; made here when not given).

        @private: the speed extra's own hook, not part of the public API (pdoc leaves it out of the reference).
        """
        if cls is not RunTestCallExecution:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = RunTestCallExecution.from_mirror(m, ids, loose, times)
            return cls(
                id=base.id,
                status=base.status,
                scenario=base.scenario,
                scenario_id=base.scenario_id,
                test_execution_id=base.test_execution_id,
                duration=base.duration,
                duration_seconds=base.duration_seconds,
                overall_score=base.overall_score,
                eval_outputs=base.eval_outputs,
                ended_reason=base.ended_reason,
                created_at=base.created_at,
                additional_properties=base.additional_properties,
            )
        if times is None:
            times = {}
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_id = m.id
        json_id = ids.get(json_id) or read_uuid(json_id, ids)

        made.id = json_id
        made.status = m.status
        json_scenario = m.scenario
        if loose is not None:
            loose.append(json_scenario)

        made.scenario = json_scenario
        json_scenario_id = m.scenario_id
        if json_scenario_id is not None and json_scenario_id is not UNSET:
            json_scenario_id = ids.get(json_scenario_id) or read_uuid(
                json_scenario_id, ids
            )

        made.scenario_id = json_scenario_id
        json_test_execution_id = m.test_execution_id
        if json_test_execution_id is not None and json_test_execution_id is not UNSET:
            json_test_execution_id = ids.get(json_test_execution_id) or read_uuid(
                json_test_execution_id, ids
            )

        made.test_execution_id = json_test_execution_id
        made.duration = m.duration
        made.duration_seconds = m.duration_seconds
        made.overall_score = m.overall_score
        json_eval_outputs = m.eval_outputs
        if json_eval_outputs is not None and json_eval_outputs is not UNSET:
            if loose is not None:
                loose.append(json_eval_outputs)
            made_json_eval_outputs = new_instance(RunTestCallExecutionEvalOutputsType0)
            made_json_eval_outputs.additional_properties = json_eval_outputs
            json_eval_outputs = made_json_eval_outputs

        made.eval_outputs = json_eval_outputs
        made.ended_reason = m.ended_reason
        json_created_at = m.created_at
        if json_created_at is not None and json_created_at is not UNSET:
            json_created_at = times.get(json_created_at) or times.setdefault(
                json_created_at, parse_datetime(json_created_at)
            )

        made.created_at = json_created_at
        made.additional_properties = {}
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
from ..models.run_test_call_execution_eval_outputs_type_0 import (
    RunTestCallExecutionEvalOutputsType0,
)
