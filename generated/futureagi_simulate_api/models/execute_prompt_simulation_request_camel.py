from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecutePromptSimulationRequestCamel")


@_attrs_define
class ExecutePromptSimulationRequestCamel:
    """Prompt-simulation execute body in the documented (camelCase) dialect.

    Attributes:
        select_all (bool | Unset): With ids, run every scenario except them; without ids, run every scenario. Default:
            False.
        scenario_ids (list[UUID] | Unset): Scenario ids to run (or, with `selectAll`, to leave out). Empty means every
            scenario.
    """

    select_all: bool | Unset = False
    scenario_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        select_all = self.select_all

        scenario_ids: list[str] | Unset = UNSET
        if not isinstance(self.scenario_ids, Unset):
            scenario_ids = []
            for scenario_ids_item_data in self.scenario_ids:
                scenario_ids_item = str(scenario_ids_item_data)
                scenario_ids.append(scenario_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if select_all is not UNSET:
            field_dict["selectAll"] = select_all
        if scenario_ids is not UNSET:
            field_dict["scenarioIds"] = scenario_ids

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

        execute_prompt_simulation_request_camel = cls(
            select_all=select_all,
            scenario_ids=scenario_ids,
        )

        return execute_prompt_simulation_request_camel
