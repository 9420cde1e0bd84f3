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

# The JSON keys the document declares for SimulationRunResults: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "execution_id",
        "status",
        "call_results",
        "started_at",
        "completed_at",
        "total_calls",
        "completed_calls",
        "failed_calls",
        "eval_results",
    )
)
# The msgspec mirror of SimulationRunResults, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("execution_id", "execution_id", "str", True),
    ("status", "status", "str", True),
    ("call_results", "call_results", "CallResultPageMirror", True),
    ("started_at", "started_at", "str | None", False),
    ("completed_at", "completed_at", "str | None", False),
    ("total_calls", "total_calls", "int | None", False),
    ("completed_calls", "completed_calls", "int | None", False),
    ("failed_calls", "failed_calls", "int | None", False),
    ("eval_results", "eval_results", "list[dict[str, Any]] | None", False),
)


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
        eval_results (list[DetailObject] | None | Unset): The eval summary of this execution, as `getEvalSummary` gives
            it: one item per eval template of
            the run test's current eval configs, each config inside.
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
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

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
        if len(d) >= 9:
            try:
                json_execution_id = d["execution_id"]
                json_status = d["status"]
                json_call_results = d["call_results"]
                json_started_at = d["started_at"]
                json_completed_at = d["completed_at"]
                json_total_calls = d["total_calls"]
                json_completed_calls = d["completed_calls"]
                json_failed_calls = d["failed_calls"]
                json_eval_results = d["eval_results"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_execution_id = d.get("execution_id", UNSET)
            if json_execution_id is UNSET:
                raise missing("execution_id")
            json_status = d.get("status", UNSET)
            if json_status is UNSET:
                raise missing("status")
            json_call_results = d.get("call_results", UNSET)
            if json_call_results is UNSET:
                raise missing("call_results")
            json_started_at = d.get("started_at", UNSET)
            json_completed_at = d.get("completed_at", UNSET)
            json_total_calls = d.get("total_calls", UNSET)
            json_completed_calls = d.get("completed_calls", UNSET)
            json_failed_calls = d.get("failed_calls", UNSET)
            json_eval_results = d.get("eval_results", UNSET)

        if type(json_execution_id) is str:
            json_execution_id = ids.get(json_execution_id) or read_uuid(
                json_execution_id, ids, "execution_id"
            )

        else:
            raise wrong_type("string (uuid)", json_execution_id, "execution_id")

        if type(json_status) is not str:
            raise wrong_type("string", json_status, "status")

        if type(json_call_results) is dict:
            try:
                json_call_results = CallResultPage.from_dict(
                    json_call_results, ids, consume
                )
            except ParseError as error:
                raise error.within("call_results") from None

        else:
            raise wrong_type("object", json_call_results, "call_results")

        if json_started_at is None:
            pass
        elif type(json_started_at) is str:
            try:
                json_started_at = parse_datetime(json_started_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_started_at!r}", "started_at"
                ) from None

        elif json_started_at is not UNSET:
            raise wrong_type(
                "string (date-time) or null", json_started_at, "started_at"
            )

        if json_completed_at is None:
            pass
        elif type(json_completed_at) is str:
            try:
                json_completed_at = parse_datetime(json_completed_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_completed_at!r}", "completed_at"
                ) from None

        elif json_completed_at is not UNSET:
            raise wrong_type(
                "string (date-time) or null", json_completed_at, "completed_at"
            )

        if (
            type(json_total_calls) is not int
            and json_total_calls is not None
            and json_total_calls is not UNSET
        ):
            raise wrong_type("integer or null", json_total_calls, "total_calls")

        if (
            type(json_completed_calls) is not int
            and json_completed_calls is not None
            and json_completed_calls is not UNSET
        ):
            raise wrong_type("integer or null", json_completed_calls, "completed_calls")

        if (
            type(json_failed_calls) is not int
            and json_failed_calls is not None
            and json_failed_calls is not UNSET
        ):
            raise wrong_type("integer or null", json_failed_calls, "failed_calls")

        if json_eval_results is None:
            pass
        elif type(json_eval_results) is list:
            if json_eval_results:
                list_json_eval_results: list[Any] = (
                    json_eval_results if consume else json_eval_results.copy()
                )
                index_json_eval_results = 0
                try:
                    for item_json_eval_results in list_json_eval_results:
                        if type(item_json_eval_results) is dict:
                            made_item_json_eval_results = new_instance(DetailObject)
                            made_item_json_eval_results.additional_properties = (
                                item_json_eval_results
                            )
                            item_json_eval_results = made_item_json_eval_results

                        else:
                            raise wrong_type(
                                "object",
                                item_json_eval_results,
                                index_json_eval_results,
                            )

                        list_json_eval_results[index_json_eval_results] = (
                            item_json_eval_results
                        )
                        index_json_eval_results += 1
                except ParseError as error:
                    raise error.within("eval_results") from None
                json_eval_results = list_json_eval_results

        elif json_eval_results is not UNSET:
            raise wrong_type("array or null", json_eval_results, "eval_results")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 9 if complete else _KEYS.issuperset(d):
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
            del d["execution_id"]
            del d["status"]
            del d["call_results"]
            if json_started_at is not UNSET:
                del d["started_at"]
            if json_completed_at is not UNSET:
                del d["completed_at"]
            if json_total_calls is not UNSET:
                del d["total_calls"]
            if json_completed_calls is not UNSET:
                del d["completed_calls"]
            if json_failed_calls is not UNSET:
                del d["failed_calls"]
            if json_eval_results is not UNSET:
                del d["eval_results"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is SimulationRunResults:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.execution_id = json_execution_id
            made.status = json_status
            made.call_results = json_call_results
            made.started_at = json_started_at
            made.completed_at = json_completed_at
            made.total_calls = json_total_calls
            made.completed_calls = json_completed_calls
            made.failed_calls = json_failed_calls
            made.eval_results = json_eval_results
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                execution_id=json_execution_id,
                status=json_status,
                call_results=json_call_results,
                started_at=json_started_at,
                completed_at=json_completed_at,
                total_calls=json_total_calls,
                completed_calls=json_completed_calls,
                failed_calls=json_failed_calls,
                eval_results=json_eval_results,
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
        if cls is not SimulationRunResults:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = SimulationRunResults.from_mirror(m, ids, loose, times)
            return cls(
                execution_id=base.execution_id,
                status=base.status,
                call_results=base.call_results,
                started_at=base.started_at,
                completed_at=base.completed_at,
                total_calls=base.total_calls,
                completed_calls=base.completed_calls,
                failed_calls=base.failed_calls,
                eval_results=base.eval_results,
                additional_properties=base.additional_properties,
            )
        if times is None:
            times = {}
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_execution_id = m.execution_id
        json_execution_id = ids.get(json_execution_id) or read_uuid(
            json_execution_id, ids
        )

        made.execution_id = json_execution_id
        made.status = m.status
        json_call_results = m.call_results
        json_call_results = CallResultPage.from_mirror(
            json_call_results, ids, loose, times
        )

        made.call_results = json_call_results
        json_started_at = m.started_at
        if json_started_at is not None and json_started_at is not UNSET:
            json_started_at = times.get(json_started_at) or times.setdefault(
                json_started_at, parse_datetime(json_started_at)
            )

        made.started_at = json_started_at
        json_completed_at = m.completed_at
        if json_completed_at is not None and json_completed_at is not UNSET:
            json_completed_at = times.get(json_completed_at) or times.setdefault(
                json_completed_at, parse_datetime(json_completed_at)
            )

        made.completed_at = json_completed_at
        made.total_calls = m.total_calls
        made.completed_calls = m.completed_calls
        made.failed_calls = m.failed_calls
        json_eval_results = m.eval_results
        if json_eval_results is not None and json_eval_results is not UNSET:
            index_json_eval_results = 0
            for item_json_eval_results in json_eval_results:
                if loose is not None:
                    loose.append(item_json_eval_results)
                made_item_json_eval_results = new_instance(DetailObject)
                made_item_json_eval_results.additional_properties = (
                    item_json_eval_results
                )
                item_json_eval_results = made_item_json_eval_results

                json_eval_results[index_json_eval_results] = item_json_eval_results
                index_json_eval_results += 1

        made.eval_results = json_eval_results
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
from ..models.call_result_page import CallResultPage
from ..models.detail_object import DetailObject
