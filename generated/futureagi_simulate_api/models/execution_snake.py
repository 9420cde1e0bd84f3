from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecutionSnake")


@_attrs_define
class ExecutionSnake:
    """A started execution, snake_case.

    Attributes:
        execution_id (UUID): The new execution's id.
        run_test_id (UUID): The run test that was executed.
        status (str): Execution status, an open set: the execute endpoints answer `started` (the documentation says
            `pending`); stored executions are `pending`, `running`, `completed`, `failed`, `cancelled`,
            `cancelling` or `evaluating`, and the server may add more.
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
                "execution_id": execution_id,
                "run_test_id": run_test_id,
                "status": status,
                "total_scenarios": total_scenarios,
                "total_calls": total_calls,
                "scenario_ids": scenario_ids,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        execution_id = UUID(d.pop("execution_id"))

        run_test_id = UUID(d.pop("run_test_id"))

        status = d.pop("status")

        total_scenarios = d.pop("total_scenarios")

        total_calls = d.pop("total_calls")

        scenario_ids = []
        _scenario_ids = d.pop("scenario_ids")
        for scenario_ids_item_data in _scenario_ids:
            scenario_ids_item = UUID(scenario_ids_item_data)

            scenario_ids.append(scenario_ids_item)

        message = d.pop("message", UNSET)

        execution_snake = cls(
            execution_id=execution_id,
            run_test_id=run_test_id,
            status=status,
            total_scenarios=total_scenarios,
            total_calls=total_calls,
            scenario_ids=scenario_ids,
            message=message,
        )

        execution_snake.additional_properties = d
        return execution_snake

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
