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

# The JSON keys the document declares for RunTestExecution: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "status",
        "scenarios",
        "start_time",
        "duration",
        "error_reason",
        "success_rate",
        "calls",
        "calls_attempted",
        "connected_calls",
        "agent_type",
        "source_type",
    )
)
# The msgspec mirror of RunTestExecution, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("id", "id", "str", True),
    ("status", "status", "str | None", False),
    ("scenarios", "scenarios", "str | None", False),
    ("start_time", "start_time", "str | None", False),
    ("duration", "duration", "", False),
    ("error_reason", "error_reason", "str | None", False),
    ("success_rate", "success_rate", "int | float | None", False),
    ("calls", "calls", "int | None", False),
    ("calls_attempted", "calls_attempted", "int | None", False),
    ("connected_calls", "connected_calls", "int | None", False),
    ("agent_type", "agent_type", "str | None", False),
    ("source_type", "source_type", "str | None", False),
)


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
        if len(d) >= 12:
            try:
                json_id = d["id"]
                json_status = d["status"]
                json_scenarios = d["scenarios"]
                json_start_time = d["start_time"]
                json_duration = d["duration"]
                json_error_reason = d["error_reason"]
                json_success_rate = d["success_rate"]
                json_calls = d["calls"]
                json_calls_attempted = d["calls_attempted"]
                json_connected_calls = d["connected_calls"]
                json_agent_type = d["agent_type"]
                json_source_type = d["source_type"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_id = d.get("id", UNSET)
            if json_id is UNSET:
                raise missing("id")
            json_status = d.get("status", UNSET)
            json_scenarios = d.get("scenarios", UNSET)
            json_start_time = d.get("start_time", UNSET)
            json_duration = d.get("duration", UNSET)
            json_error_reason = d.get("error_reason", UNSET)
            json_success_rate = d.get("success_rate", UNSET)
            json_calls = d.get("calls", UNSET)
            json_calls_attempted = d.get("calls_attempted", UNSET)
            json_connected_calls = d.get("connected_calls", UNSET)
            json_agent_type = d.get("agent_type", UNSET)
            json_source_type = d.get("source_type", UNSET)

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
            type(json_scenarios) is not str
            and json_scenarios is not None
            and json_scenarios is not UNSET
        ):
            raise wrong_type("string or null", json_scenarios, "scenarios")

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
            type(json_error_reason) is not str
            and json_error_reason is not None
            and json_error_reason is not UNSET
        ):
            raise wrong_type("string or null", json_error_reason, "error_reason")

        if (
            type(json_success_rate) is not float
            and type(json_success_rate) is not int
            and json_success_rate is not None
            and json_success_rate is not UNSET
        ):
            raise wrong_type("number or null", json_success_rate, "success_rate")

        if (
            type(json_calls) is not int
            and json_calls is not None
            and json_calls is not UNSET
        ):
            raise wrong_type("integer or null", json_calls, "calls")

        if (
            type(json_calls_attempted) is not int
            and json_calls_attempted is not None
            and json_calls_attempted is not UNSET
        ):
            raise wrong_type("integer or null", json_calls_attempted, "calls_attempted")

        if (
            type(json_connected_calls) is not int
            and json_connected_calls is not None
            and json_connected_calls is not UNSET
        ):
            raise wrong_type("integer or null", json_connected_calls, "connected_calls")

        if (
            type(json_agent_type) is not str
            and json_agent_type is not None
            and json_agent_type is not UNSET
        ):
            raise wrong_type("string or null", json_agent_type, "agent_type")

        if (
            type(json_source_type) is not str
            and json_source_type is not None
            and json_source_type is not UNSET
        ):
            raise wrong_type("string or null", json_source_type, "source_type")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 12 if complete else _KEYS.issuperset(d):
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
            if json_scenarios is not UNSET:
                del d["scenarios"]
            if json_start_time is not UNSET:
                del d["start_time"]
            if json_duration is not UNSET:
                del d["duration"]
            if json_error_reason is not UNSET:
                del d["error_reason"]
            if json_success_rate is not UNSET:
                del d["success_rate"]
            if json_calls is not UNSET:
                del d["calls"]
            if json_calls_attempted is not UNSET:
                del d["calls_attempted"]
            if json_connected_calls is not UNSET:
                del d["connected_calls"]
            if json_agent_type is not UNSET:
                del d["agent_type"]
            if json_source_type is not UNSET:
                del d["source_type"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is RunTestExecution:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.status = json_status
            made.scenarios = json_scenarios
            made.start_time = json_start_time
            made.duration = json_duration
            made.error_reason = json_error_reason
            made.success_rate = json_success_rate
            made.calls = json_calls
            made.calls_attempted = json_calls_attempted
            made.connected_calls = json_connected_calls
            made.agent_type = json_agent_type
            made.source_type = json_source_type
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                status=json_status,
                scenarios=json_scenarios,
                start_time=json_start_time,
                duration=json_duration,
                error_reason=json_error_reason,
                success_rate=json_success_rate,
                calls=json_calls,
                calls_attempted=json_calls_attempted,
                connected_calls=json_connected_calls,
                agent_type=json_agent_type,
                source_type=json_source_type,
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
        if cls is not RunTestExecution:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = RunTestExecution.from_mirror(m, ids, loose, times)
            return cls(
                id=base.id,
                status=base.status,
                scenarios=base.scenarios,
                start_time=base.start_time,
                duration=base.duration,
                error_reason=base.error_reason,
                success_rate=base.success_rate,
                calls=base.calls,
                calls_attempted=base.calls_attempted,
                connected_calls=base.connected_calls,
                agent_type=base.agent_type,
                source_type=base.source_type,
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
        made.scenarios = m.scenarios
        json_start_time = m.start_time
        if json_start_time is not None and json_start_time is not UNSET:
            json_start_time = times.get(json_start_time) or times.setdefault(
                json_start_time, parse_datetime(json_start_time)
            )

        made.start_time = json_start_time
        json_duration = m.duration
        if loose is not None:
            loose.append(json_duration)

        made.duration = json_duration
        made.error_reason = m.error_reason
        made.success_rate = m.success_rate
        made.calls = m.calls
        made.calls_attempted = m.calls_attempted
        made.connected_calls = m.connected_calls
        made.agent_type = m.agent_type
        made.source_type = m.source_type
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
