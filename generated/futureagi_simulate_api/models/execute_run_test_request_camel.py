from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecuteRunTestRequestCamel")


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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        select_all = d.pop("selectAll", UNSET)

        _scenario_ids = d.pop("scenarioIds", UNSET)
        scenario_ids: list[UUID] | Unset = UNSET
        if _scenario_ids is not UNSET:
            scenario_ids = []
            for scenario_ids_item_data in _scenario_ids:
                scenario_ids_item = UUID(scenario_ids_item_data)

                scenario_ids.append(scenario_ids_item)

        def _parse_simulator_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                simulator_id_type_0 = UUID(data)

                return simulator_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        simulator_id = _parse_simulator_id(d.pop("simulatorId", UNSET))

        execute_run_test_request_camel = cls(
            select_all=select_all,
            scenario_ids=scenario_ids,
            simulator_id=simulator_id,
        )

        return execute_run_test_request_camel
