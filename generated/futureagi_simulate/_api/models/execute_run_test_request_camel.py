from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define

from ..._model_methods import model_eq as _model_eq
from ..._model_methods import model_repr as _model_repr
from ..types import (
    UNSET,
    ParseError,
    Unset,
    as_object,
    new_instance,
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for ExecuteRunTestRequestCamel: any other key is refused.
_KEYS: frozenset[str] = frozenset(
    (
        "selectAll",
        "scenarioIds",
        "simulatorId",
    )
)
# The msgspec mirror of ExecuteRunTestRequestCamel, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("select_all", "selectAll", "bool", False),
    ("scenario_ids", "scenarioIds", "list[str]", False),
    ("simulator_id", "simulatorId", "str | None", False),
)


@_attrs_define
class ExecuteRunTestRequestCamel:
    """Run-test execute body in the documented (camelCase) dialect.

    Attributes:
        select_all (bool | Unset): With ids, run every scenario except them; without ids, run every scenario. Default:
            False.
        scenario_ids (list[UUID] | Unset): Scenario ids to run (or, with `selectAll`, to leave out). Empty means every
            scenario.
        simulator_id (None | Unset | UUID): Simulator agent to use instead of the run test's own; an unknown id falls
            back silently.
    """

    select_all: bool | Unset = False
    scenario_ids: list[UUID] | Unset = UNSET
    simulator_id: None | Unset | UUID = UNSET

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        select_all = self.select_all

        scenario_ids: list[str] | Unset = UNSET
        if not isinstance(self.scenario_ids, Unset):
            scenario_ids = []
            for scenario_ids_item_data in self.scenario_ids:
                scenario_ids_item = str(scenario_ids_item_data)
                scenario_ids.append(scenario_ids_item)

        simulator_id: None | str | Unset
        if isinstance(self.simulator_id, Unset):
            simulator_id = UNSET
        elif isinstance(self.simulator_id, UUID):
            simulator_id = str(self.simulator_id)
        else:
            simulator_id = self.simulator_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if select_all is not UNSET:
            field_dict["selectAll"] = select_all
        if scenario_ids is not UNSET:
            field_dict["scenarioIds"] = scenario_ids
        if simulator_id is not UNSET:
            field_dict["simulatorId"] = simulator_id

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
        complete = False
        if len(d) == 3:
            try:
                json_select_all = d["selectAll"]
                json_scenario_ids = d["scenarioIds"]
                json_simulator_id = d["simulatorId"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_select_all = d.get("selectAll", UNSET)
            json_scenario_ids = d.get("scenarioIds", UNSET)
            json_simulator_id = d.get("simulatorId", UNSET)

        if type(json_select_all) is not bool and json_select_all is not UNSET:
            raise wrong_type("boolean", json_select_all, "selectAll")

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

        elif json_scenario_ids is not UNSET:
            raise wrong_type("array", json_scenario_ids, "scenarioIds")

        if json_simulator_id is None:
            pass
        elif type(json_simulator_id) is str:
            json_simulator_id = ids.get(json_simulator_id) or read_uuid(
                json_simulator_id, ids, "simulatorId"
            )

        elif json_simulator_id is not UNSET:
            raise wrong_type("string (uuid) or null", json_simulator_id, "simulatorId")

        if cls is ExecuteRunTestRequestCamel:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.select_all = json_select_all
            made.scenario_ids = json_scenario_ids
            made.simulator_id = json_simulator_id
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                select_all=json_select_all,
                scenario_ids=json_scenario_ids,
                simulator_id=json_simulator_id,
            )

        if complete:
            return made
        for k in d:
            if k not in _KEYS:
                raise ParseError("the document allows no other keys here", k)
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
        if cls is not ExecuteRunTestRequestCamel:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = ExecuteRunTestRequestCamel.from_mirror(m, ids, loose, times)
            return cls(
                select_all=base.select_all,
                scenario_ids=base.scenario_ids,
                simulator_id=base.simulator_id,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.select_all = m.select_all
        json_scenario_ids = m.scenario_ids
        if json_scenario_ids is not UNSET:
            index_json_scenario_ids = 0
            for item_json_scenario_ids in json_scenario_ids:
                item_json_scenario_ids = ids.get(item_json_scenario_ids) or read_uuid(
                    item_json_scenario_ids, ids
                )

                json_scenario_ids[index_json_scenario_ids] = item_json_scenario_ids
                index_json_scenario_ids += 1

        made.scenario_ids = json_scenario_ids
        json_simulator_id = m.simulator_id
        if json_simulator_id is not None and json_simulator_id is not UNSET:
            json_simulator_id = ids.get(json_simulator_id) or read_uuid(
                json_simulator_id, ids
            )

        made.simulator_id = json_simulator_id
        return made
