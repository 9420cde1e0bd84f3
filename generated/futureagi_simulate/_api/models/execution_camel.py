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

# The JSON keys the document declares for ExecutionCamel: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "executionId",
        "runTestId",
        "status",
        "totalScenarios",
        "totalCalls",
        "scenarioIds",
        "message",
    )
)
# The msgspec mirror of ExecutionCamel, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("execution_id", "executionId", "str", True),
    ("run_test_id", "runTestId", "str", True),
    ("status", "status", "str", True),
    ("total_scenarios", "totalScenarios", "int", True),
    ("total_calls", "totalCalls", "int", True),
    ("scenario_ids", "scenarioIds", "list[str]", True),
    ("message", "message", "str", False),
)


@_attrs_define
class ExecutionCamel:
    """A started execution, camelCase, as the documented prompt-simulation execute answers it.

    Attributes:
        execution_id (UUID): The new execution's id.
        run_test_id (UUID): The run test that was executed.
        status (str): Execution status, an open set (see `ExecutionSnake.status`).
        total_scenarios (int): How many scenarios the execution covers.
        total_calls (int): How many calls the execution will make; `0` while the executor has not counted them yet.
        scenario_ids (list[UUID]): The scenarios the execution covers.
        message (str | Unset): A human-readable sentence about the start.
    """

    execution_id: UUID
    run_test_id: UUID
    status: str
    total_scenarios: int
    total_calls: int
    scenario_ids: list[UUID]
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        execution_id = str(self.execution_id)

        run_test_id = str(self.run_test_id)

        status = self.status

        total_scenarios = self.total_scenarios

        total_calls = self.total_calls

        scenario_ids = []
        for scenario_ids_item_data in self.scenario_ids:
            scenario_ids_item = str(scenario_ids_item_data)
            scenario_ids.append(scenario_ids_item)

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "executionId": execution_id,
                "runTestId": run_test_id,
                "status": status,
                "totalScenarios": total_scenarios,
                "totalCalls": total_calls,
                "scenarioIds": scenario_ids,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

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
        if len(d) >= 7:
            try:
                json_execution_id = d["executionId"]
                json_run_test_id = d["runTestId"]
                json_status = d["status"]
                json_total_scenarios = d["totalScenarios"]
                json_total_calls = d["totalCalls"]
                json_scenario_ids = d["scenarioIds"]
                json_message = d["message"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_execution_id = d.get("executionId", UNSET)
            if json_execution_id is UNSET:
                raise missing("executionId")
            json_run_test_id = d.get("runTestId", UNSET)
            if json_run_test_id is UNSET:
                raise missing("runTestId")
            json_status = d.get("status", UNSET)
            if json_status is UNSET:
                raise missing("status")
            json_total_scenarios = d.get("totalScenarios", UNSET)
            if json_total_scenarios is UNSET:
                raise missing("totalScenarios")
            json_total_calls = d.get("totalCalls", UNSET)
            if json_total_calls is UNSET:
                raise missing("totalCalls")
            json_scenario_ids = d.get("scenarioIds", UNSET)
            if json_scenario_ids is UNSET:
                raise missing("scenarioIds")
            json_message = d.get("message", UNSET)

        if type(json_execution_id) is str:
            json_execution_id = ids.get(json_execution_id) or read_uuid(
                json_execution_id, ids, "executionId"
            )

        else:
            raise wrong_type("string (uuid)", json_execution_id, "executionId")

        if type(json_run_test_id) is str:
            json_run_test_id = ids.get(json_run_test_id) or read_uuid(
                json_run_test_id, ids, "runTestId"
            )

        else:
            raise wrong_type("string (uuid)", json_run_test_id, "runTestId")

        if type(json_status) is not str:
            raise wrong_type("string", json_status, "status")

        if type(json_total_scenarios) is not int:
            raise wrong_type("integer", json_total_scenarios, "totalScenarios")

        if type(json_total_calls) is not int:
            raise wrong_type("integer", json_total_calls, "totalCalls")

        if type(json_scenario_ids) is list:
            if json_scenario_ids:
                list_json_scenario_ids: list[Any] = (
                    json_scenario_ids if consume else json_scenario_ids.copy()
                )
                index_json_scenario_ids = 0
                try:
                    for item_json_scenario_ids in list_json_scenario_ids:
                        if type(item_json_scenario_ids) is str:
                            item_json_scenario_ids = ids.get(
                                item_json_scenario_ids
                            ) or read_uuid(
                                item_json_scenario_ids, ids, index_json_scenario_ids
                            )

                        else:
                            raise wrong_type(
                                "string (uuid)",
                                item_json_scenario_ids,
                                index_json_scenario_ids,
                            )

                        list_json_scenario_ids[index_json_scenario_ids] = (
                            item_json_scenario_ids
                        )
                        index_json_scenario_ids += 1
                except ParseError as error:
                    raise error.within("scenarioIds") from None
                json_scenario_ids = list_json_scenario_ids

        else:
            raise wrong_type("array", json_scenario_ids, "scenarioIds")

        if type(json_message) is not str and json_message is not UNSET:
            raise wrong_type("string", json_message, "message")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 7 if complete else _KEYS.issuperset(d):
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
            del d["executionId"]
            del d["runTestId"]
            del d["status"]
            del d["totalScenarios"]
            del d["totalCalls"]
            del d["scenarioIds"]
            if json_message is not UNSET:
                del d["message"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is ExecutionCamel:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.execution_id = json_execution_id
            made.run_test_id = json_run_test_id
            made.status = json_status
            made.total_scenarios = json_total_scenarios
            made.total_calls = json_total_calls
            made.scenario_ids = json_scenario_ids
            made.message = json_message
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                execution_id=json_execution_id,
                run_test_id=json_run_test_id,
                status=json_status,
                total_scenarios=json_total_scenarios,
                total_calls=json_total_calls,
                scenario_ids=json_scenario_ids,
                message=json_message,
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
        if cls is not ExecutionCamel:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = ExecutionCamel.from_mirror(m, ids, loose, times)
            return cls(
                execution_id=base.execution_id,
                run_test_id=base.run_test_id,
                status=base.status,
                total_scenarios=base.total_scenarios,
                total_calls=base.total_calls,
                scenario_ids=base.scenario_ids,
                message=base.message,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_execution_id = m.execution_id
        json_execution_id = ids.get(json_execution_id) or read_uuid(
            json_execution_id, ids
        )

        made.execution_id = json_execution_id
        json_run_test_id = m.run_test_id
        json_run_test_id = ids.get(json_run_test_id) or read_uuid(json_run_test_id, ids)

        made.run_test_id = json_run_test_id
        made.status = m.status
        made.total_scenarios = m.total_scenarios
        made.total_calls = m.total_calls
        json_scenario_ids = m.scenario_ids
        index_json_scenario_ids = 0
        for item_json_scenario_ids in json_scenario_ids:
            item_json_scenario_ids = ids.get(item_json_scenario_ids) or read_uuid(
                item_json_scenario_ids, ids
            )

            json_scenario_ids[index_json_scenario_ids] = item_json_scenario_ids
            index_json_scenario_ids += 1

        made.scenario_ids = json_scenario_ids
        made.message = m.message
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
