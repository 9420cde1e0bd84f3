from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_config import EvaluationConfig


T = TypeVar("T", bound="CreateRunTestRequest")


@_attrs_define
class CreateRunTestRequest:
    """Body of `createRunTest`. Unknown keys are rejected.

    Attributes:
        name (str): Display name; blank names are rejected.
        agent_definition_id (UUID): The agent under test; it must exist in the workspace.
        scenario_ids (list[UUID]): The scenarios to attach; every id must exist in the workspace.
        description (str | Unset): Free text. Leave it out rather than sending `null`, which is rejected.
        dataset_row_ids (list[str] | Unset): Dataset rows to restrict the scenarios to. Strings, not UUIDs.
        eval_config_ids (list[UUID] | Unset): Accepted for compatibility and ignored by the server; use
            `evaluations_config`.
        evaluations_config (list[EvaluationConfig] | Unset): Evaluations to create and attach to the run test.
        enable_tool_evaluation (bool | Unset): Evaluate the agent's tool calls automatically. Default: False.
        replay_session_id (None | Unset | UUID): A replay session to mark as completed once the run test exists.
        agent_version (None | Unset | UUID): The agent version to bind (the documentation does not list this field; the
            server accepts it).
    """

    name: str
    agent_definition_id: UUID
    scenario_ids: list[UUID]
    description: str | Unset = UNSET
    dataset_row_ids: list[str] | Unset = UNSET
    eval_config_ids: list[UUID] | Unset = UNSET
    evaluations_config: list[EvaluationConfig] | Unset = UNSET
    enable_tool_evaluation: bool | Unset = False
    replay_session_id: None | Unset | UUID = UNSET
    agent_version: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        agent_definition_id = str(self.agent_definition_id)

        scenario_ids = []
        for scenario_ids_item_data in self.scenario_ids:
            scenario_ids_item = str(scenario_ids_item_data)
            scenario_ids.append(scenario_ids_item)

        description = self.description

        dataset_row_ids: list[str] | Unset = UNSET
        if not isinstance(self.dataset_row_ids, Unset):
            dataset_row_ids = self.dataset_row_ids

        eval_config_ids: list[str] | Unset = UNSET
        if not isinstance(self.eval_config_ids, Unset):
            eval_config_ids = []
            for eval_config_ids_item_data in self.eval_config_ids:
                eval_config_ids_item = str(eval_config_ids_item_data)
                eval_config_ids.append(eval_config_ids_item)

        evaluations_config: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evaluations_config, Unset):
            evaluations_config = []
            for evaluations_config_item_data in self.evaluations_config:
                evaluations_config_item = evaluations_config_item_data.to_dict()
                evaluations_config.append(evaluations_config_item)

        enable_tool_evaluation = self.enable_tool_evaluation

        replay_session_id: None | str | Unset
        if isinstance(self.replay_session_id, Unset):
            replay_session_id = UNSET
        elif isinstance(self.replay_session_id, UUID):
            replay_session_id = str(self.replay_session_id)
        else:
            replay_session_id = self.replay_session_id

        agent_version: None | str | Unset
        if isinstance(self.agent_version, Unset):
            agent_version = UNSET
        elif isinstance(self.agent_version, UUID):
            agent_version = str(self.agent_version)
        else:
            agent_version = self.agent_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "agent_definition_id": agent_definition_id,
                "scenario_ids": scenario_ids,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if dataset_row_ids is not UNSET:
            field_dict["dataset_row_ids"] = dataset_row_ids
        if eval_config_ids is not UNSET:
            field_dict["eval_config_ids"] = eval_config_ids
        if evaluations_config is not UNSET:
            field_dict["evaluations_config"] = evaluations_config
        if enable_tool_evaluation is not UNSET:
            field_dict["enable_tool_evaluation"] = enable_tool_evaluation
        if replay_session_id is not UNSET:
            field_dict["replay_session_id"] = replay_session_id
        if agent_version is not UNSET:
            field_dict["agent_version"] = agent_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_config import EvaluationConfig

        d = dict(src_dict)
        name = d.pop("name")

        agent_definition_id = UUID(d.pop("agent_definition_id"))

        scenario_ids = []
        _scenario_ids = d.pop("scenario_ids")
        for scenario_ids_item_data in _scenario_ids:
            scenario_ids_item = UUID(scenario_ids_item_data)

            scenario_ids.append(scenario_ids_item)

        description = d.pop("description", UNSET)

        dataset_row_ids = cast(list[str], d.pop("dataset_row_ids", UNSET))

        _eval_config_ids = d.pop("eval_config_ids", UNSET)
        eval_config_ids: list[UUID] | Unset = UNSET
        if _eval_config_ids is not UNSET:
            eval_config_ids = []
            for eval_config_ids_item_data in _eval_config_ids:
                eval_config_ids_item = UUID(eval_config_ids_item_data)

                eval_config_ids.append(eval_config_ids_item)

        _evaluations_config = d.pop("evaluations_config", UNSET)
        evaluations_config: list[EvaluationConfig] | Unset = UNSET
        if _evaluations_config is not UNSET:
            evaluations_config = []
            for evaluations_config_item_data in _evaluations_config:
                evaluations_config_item = EvaluationConfig.from_dict(
                    evaluations_config_item_data
                )

                evaluations_config.append(evaluations_config_item)

        enable_tool_evaluation = d.pop("enable_tool_evaluation", UNSET)

        def _parse_replay_session_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replay_session_id_type_0 = UUID(data)

                return replay_session_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        replay_session_id = _parse_replay_session_id(d.pop("replay_session_id", UNSET))

        def _parse_agent_version(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agent_version_type_0 = UUID(data)

                return agent_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agent_version = _parse_agent_version(d.pop("agent_version", UNSET))

        create_run_test_request = cls(
            name=name,
            agent_definition_id=agent_definition_id,
            scenario_ids=scenario_ids,
            description=description,
            dataset_row_ids=dataset_row_ids,
            eval_config_ids=eval_config_ids,
            evaluations_config=evaluations_config,
            enable_tool_evaluation=enable_tool_evaluation,
            replay_session_id=replay_session_id,
            agent_version=agent_version,
        )

        return create_run_test_request
