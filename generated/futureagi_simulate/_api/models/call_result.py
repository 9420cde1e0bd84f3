from __future__ import annotations

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
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for CallResult: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "call_execution_id",
        "scenario_id",
        "scenario_name",
        "status",
        "duration_seconds",
        "eval_outputs",
    )
)
# The msgspec mirror of CallResult, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("call_execution_id", "call_execution_id", "str", True),
    ("scenario_id", "scenario_id", "str | None", False),
    ("scenario_name", "scenario_name", "str | None", False),
    ("status", "status", "str | None", False),
    ("duration_seconds", "duration_seconds", "int | float | None", False),
    ("eval_outputs", "eval_outputs", "dict[str, EvalOutputMirror] | None", False),
)


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
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
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
        if len(d) >= 6:
            try:
                json_call_execution_id = d["call_execution_id"]
                json_scenario_id = d["scenario_id"]
                json_scenario_name = d["scenario_name"]
                json_status = d["status"]
                json_duration_seconds = d["duration_seconds"]
                json_eval_outputs = d["eval_outputs"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_call_execution_id = d.get("call_execution_id", UNSET)
            if json_call_execution_id is UNSET:
                raise missing("call_execution_id")
            json_scenario_id = d.get("scenario_id", UNSET)
            json_scenario_name = d.get("scenario_name", UNSET)
            json_status = d.get("status", UNSET)
            json_duration_seconds = d.get("duration_seconds", UNSET)
            json_eval_outputs = d.get("eval_outputs", UNSET)

        if type(json_call_execution_id) is str:
            json_call_execution_id = ids.get(json_call_execution_id) or read_uuid(
                json_call_execution_id, ids, "call_execution_id"
            )

        else:
            raise wrong_type(
                "string (uuid)", json_call_execution_id, "call_execution_id"
            )

        if json_scenario_id is None:
            pass
        elif type(json_scenario_id) is str:
            json_scenario_id = ids.get(json_scenario_id) or read_uuid(
                json_scenario_id, ids, "scenario_id"
            )

        elif json_scenario_id is not UNSET:
            raise wrong_type("string (uuid) or null", json_scenario_id, "scenario_id")

        if (
            type(json_scenario_name) is not str
            and json_scenario_name is not None
            and json_scenario_name is not UNSET
        ):
            raise wrong_type("string or null", json_scenario_name, "scenario_name")

        if (
            type(json_status) is not str
            and json_status is not None
            and json_status is not UNSET
        ):
            raise wrong_type("string or null", json_status, "status")

        if (
            type(json_duration_seconds) is not float
            and type(json_duration_seconds) is not int
            and json_duration_seconds is not None
            and json_duration_seconds is not UNSET
        ):
            raise wrong_type(
                "number or null", json_duration_seconds, "duration_seconds"
            )

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

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 6 if complete else _KEYS.issuperset(d):
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
            del d["call_execution_id"]
            if json_scenario_id is not UNSET:
                del d["scenario_id"]
            if json_scenario_name is not UNSET:
                del d["scenario_name"]
            if json_status is not UNSET:
                del d["status"]
            if json_duration_seconds is not UNSET:
                del d["duration_seconds"]
            if json_eval_outputs is not UNSET:
                del d["eval_outputs"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is CallResult:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.call_execution_id = json_call_execution_id
            made.scenario_id = json_scenario_id
            made.scenario_name = json_scenario_name
            made.status = json_status
            made.duration_seconds = json_duration_seconds
            made.eval_outputs = json_eval_outputs
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                call_execution_id=json_call_execution_id,
                scenario_id=json_scenario_id,
                scenario_name=json_scenario_name,
                status=json_status,
                duration_seconds=json_duration_seconds,
                eval_outputs=json_eval_outputs,
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
        if cls is not CallResult:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = CallResult.from_mirror(m, ids, loose, times)
            return cls(
                call_execution_id=base.call_execution_id,
                scenario_id=base.scenario_id,
                scenario_name=base.scenario_name,
                status=base.status,
                duration_seconds=base.duration_seconds,
                eval_outputs=base.eval_outputs,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_call_execution_id = m.call_execution_id
        json_call_execution_id = ids.get(json_call_execution_id) or read_uuid(
            json_call_execution_id, ids
        )

        made.call_execution_id = json_call_execution_id
        json_scenario_id = m.scenario_id
        if json_scenario_id is not None and json_scenario_id is not UNSET:
            json_scenario_id = ids.get(json_scenario_id) or read_uuid(
                json_scenario_id, ids
            )

        made.scenario_id = json_scenario_id
        made.scenario_name = m.scenario_name
        made.status = m.status
        made.duration_seconds = m.duration_seconds
        json_eval_outputs = m.eval_outputs
        if json_eval_outputs is not None and json_eval_outputs is not UNSET:
            for (
                key_json_eval_outputs,
                item_json_eval_outputs,
            ) in json_eval_outputs.items():
                json_eval_outputs[key_json_eval_outputs] = EvalOutput.from_mirror(
                    item_json_eval_outputs, ids, loose, times
                )
            made_json_eval_outputs = new_instance(EvalOutputs)
            made_json_eval_outputs.additional_properties = json_eval_outputs
            json_eval_outputs = made_json_eval_outputs

        made.eval_outputs = json_eval_outputs
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
# The model EvalOutputs keeps, which from_mirror builds from its mirror.
from ..models.eval_output import EvalOutput
from ..models.eval_outputs import EvalOutputs
