from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_version import AgentVersion
    from ..models.detail_object import DetailObject
    from ..models.eval_config import EvalConfig
    from ..models.scenario import Scenario


T = TypeVar("T", bound="RunTest")


@_attrs_define
class RunTest:
    """A run test. The server adds fields over time; unknown fields are kept.

    Attributes:
        id (UUID): The run test's id.
        name (str): Display name.
        description (None | str | Unset): Free text.
        agent_definition (None | Unset | UUID): The agent under test; `null` for prompt simulations or a deleted agent.
        agent_version (AgentVersion | None | Unset): The bound agent version, else the agent's latest version, else
            `null`.
        agent_definition_detail (DetailObject | None | Unset): The agent definition's details.
        source_type (str | Unset): `agent_definition` or `prompt`; an open set.
        source_type_display (None | str | Unset): Human-readable `source_type`.
        prompt_template (None | Unset | UUID): The prompt template, for prompt simulations.
        prompt_template_detail (DetailObject | None | Unset): The prompt template's details.
        prompt_version (None | Unset | UUID): The prompt version, for prompt simulations.
        prompt_version_detail (DetailObject | None | Unset): The prompt version's details.
        scenarios (list[UUID] | Unset): Ids of the attached scenarios.
        scenarios_detail (list[Scenario] | Unset): The attached scenarios.
        dataset_row_ids (list[str] | None | Unset): Dataset rows the scenarios are restricted to.
        simulator_agent (None | Unset | UUID): The run test's own simulator agent.
        simulator_agent_detail (DetailObject | None | Unset): The simulator agent's details.
        simulate_eval_configs (list[UUID] | Unset): Ids of the attached evaluations.
        simulate_eval_configs_detail (list[EvalConfig] | Unset): The attached evaluations.
        evals_detail (list[EvalConfig] | Unset): The attached evaluations (kept by the server for older front ends).
        evals (list[EvalConfig] | Unset): The attached evaluations (kept by the server for older front ends).
        organization (None | Unset | UUID): The owning organisation.
        enable_tool_evaluation (bool | Unset): Whether tool calls are evaluated automatically.
        created_at (datetime.datetime | Unset): When the run test was created.
        updated_at (datetime.datetime | Unset): When the run test last changed.
        last_run_at (datetime.datetime | None | Unset): When the run test was last executed.
        deleted (bool | Unset): Whether the run test is soft-deleted.
        deleted_at (datetime.datetime | None | Unset): When the run test was soft-deleted.
    """

    id: UUID
    name: str
    description: None | str | Unset = UNSET
    agent_definition: None | Unset | UUID = UNSET
    agent_version: AgentVersion | None | Unset = UNSET
    agent_definition_detail: DetailObject | None | Unset = UNSET
    source_type: str | Unset = UNSET
    source_type_display: None | str | Unset = UNSET
    prompt_template: None | Unset | UUID = UNSET
    prompt_template_detail: DetailObject | None | Unset = UNSET
    prompt_version: None | Unset | UUID = UNSET
    prompt_version_detail: DetailObject | None | Unset = UNSET
    scenarios: list[UUID] | Unset = UNSET
    scenarios_detail: list[Scenario] | Unset = UNSET
    dataset_row_ids: list[str] | None | Unset = UNSET
    simulator_agent: None | Unset | UUID = UNSET
    simulator_agent_detail: DetailObject | None | Unset = UNSET
    simulate_eval_configs: list[UUID] | Unset = UNSET
    simulate_eval_configs_detail: list[EvalConfig] | Unset = UNSET
    evals_detail: list[EvalConfig] | Unset = UNSET
    evals: list[EvalConfig] | Unset = UNSET
    organization: None | Unset | UUID = UNSET
    enable_tool_evaluation: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    last_run_at: datetime.datetime | None | Unset = UNSET
    deleted: bool | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agent_version import AgentVersion
        from ..models.detail_object import DetailObject

        id = str(self.id)

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        agent_definition: None | str | Unset
        if isinstance(self.agent_definition, Unset):
            agent_definition = UNSET
        elif isinstance(self.agent_definition, UUID):
            agent_definition = str(self.agent_definition)
        else:
            agent_definition = self.agent_definition

        agent_version: dict[str, Any] | None | Unset
        if isinstance(self.agent_version, Unset):
            agent_version = UNSET
        elif isinstance(self.agent_version, AgentVersion):
            agent_version = self.agent_version.to_dict()
        else:
            agent_version = self.agent_version

        agent_definition_detail: dict[str, Any] | None | Unset
        if isinstance(self.agent_definition_detail, Unset):
            agent_definition_detail = UNSET
        elif isinstance(self.agent_definition_detail, DetailObject):
            agent_definition_detail = self.agent_definition_detail.to_dict()
        else:
            agent_definition_detail = self.agent_definition_detail

        source_type = self.source_type

        source_type_display: None | str | Unset
        if isinstance(self.source_type_display, Unset):
            source_type_display = UNSET
        else:
            source_type_display = self.source_type_display

        prompt_template: None | str | Unset
        if isinstance(self.prompt_template, Unset):
            prompt_template = UNSET
        elif isinstance(self.prompt_template, UUID):
            prompt_template = str(self.prompt_template)
        else:
            prompt_template = self.prompt_template

        prompt_template_detail: dict[str, Any] | None | Unset
        if isinstance(self.prompt_template_detail, Unset):
            prompt_template_detail = UNSET
        elif isinstance(self.prompt_template_detail, DetailObject):
            prompt_template_detail = self.prompt_template_detail.to_dict()
        else:
            prompt_template_detail = self.prompt_template_detail

        prompt_version: None | str | Unset
        if isinstance(self.prompt_version, Unset):
            prompt_version = UNSET
        elif isinstance(self.prompt_version, UUID):
            prompt_version = str(self.prompt_version)
        else:
            prompt_version = self.prompt_version

        prompt_version_detail: dict[str, Any] | None | Unset
        if isinstance(self.prompt_version_detail, Unset):
            prompt_version_detail = UNSET
        elif isinstance(self.prompt_version_detail, DetailObject):
            prompt_version_detail = self.prompt_version_detail.to_dict()
        else:
            prompt_version_detail = self.prompt_version_detail

        scenarios: list[str] | Unset = UNSET
        if not isinstance(self.scenarios, Unset):
            scenarios = []
            for scenarios_item_data in self.scenarios:
                scenarios_item = str(scenarios_item_data)
                scenarios.append(scenarios_item)

        scenarios_detail: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.scenarios_detail, Unset):
            scenarios_detail = []
            for scenarios_detail_item_data in self.scenarios_detail:
                scenarios_detail_item = scenarios_detail_item_data.to_dict()
                scenarios_detail.append(scenarios_detail_item)

        dataset_row_ids: list[str] | None | Unset
        if isinstance(self.dataset_row_ids, Unset):
            dataset_row_ids = UNSET
        elif isinstance(self.dataset_row_ids, list):
            dataset_row_ids = self.dataset_row_ids

        else:
            dataset_row_ids = self.dataset_row_ids

        simulator_agent: None | str | Unset
        if isinstance(self.simulator_agent, Unset):
            simulator_agent = UNSET
        elif isinstance(self.simulator_agent, UUID):
            simulator_agent = str(self.simulator_agent)
        else:
            simulator_agent = self.simulator_agent

        simulator_agent_detail: dict[str, Any] | None | Unset
        if isinstance(self.simulator_agent_detail, Unset):
            simulator_agent_detail = UNSET
        elif isinstance(self.simulator_agent_detail, DetailObject):
            simulator_agent_detail = self.simulator_agent_detail.to_dict()
        else:
            simulator_agent_detail = self.simulator_agent_detail

        simulate_eval_configs: list[str] | Unset = UNSET
        if not isinstance(self.simulate_eval_configs, Unset):
            simulate_eval_configs = []
            for simulate_eval_configs_item_data in self.simulate_eval_configs:
                simulate_eval_configs_item = str(simulate_eval_configs_item_data)
                simulate_eval_configs.append(simulate_eval_configs_item)

        simulate_eval_configs_detail: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.simulate_eval_configs_detail, Unset):
            simulate_eval_configs_detail = []
            for (
                simulate_eval_configs_detail_item_data
            ) in self.simulate_eval_configs_detail:
                simulate_eval_configs_detail_item = (
                    simulate_eval_configs_detail_item_data.to_dict()
                )
                simulate_eval_configs_detail.append(simulate_eval_configs_detail_item)

        evals_detail: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evals_detail, Unset):
            evals_detail = []
            for evals_detail_item_data in self.evals_detail:
                evals_detail_item = evals_detail_item_data.to_dict()
                evals_detail.append(evals_detail_item)

        evals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evals, Unset):
            evals = []
            for evals_item_data in self.evals:
                evals_item = evals_item_data.to_dict()
                evals.append(evals_item)

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, UUID):
            organization = str(self.organization)
        else:
            organization = self.organization

        enable_tool_evaluation = self.enable_tool_evaluation

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        last_run_at: None | str | Unset
        if isinstance(self.last_run_at, Unset):
            last_run_at = UNSET
        elif isinstance(self.last_run_at, datetime.datetime):
            last_run_at = self.last_run_at.isoformat()
        else:
            last_run_at = self.last_run_at

        deleted = self.deleted

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if agent_definition is not UNSET:
            field_dict["agent_definition"] = agent_definition
        if agent_version is not UNSET:
            field_dict["agent_version"] = agent_version
        if agent_definition_detail is not UNSET:
            field_dict["agent_definition_detail"] = agent_definition_detail
        if source_type is not UNSET:
            field_dict["source_type"] = source_type
        if source_type_display is not UNSET:
            field_dict["source_type_display"] = source_type_display
        if prompt_template is not UNSET:
            field_dict["prompt_template"] = prompt_template
        if prompt_template_detail is not UNSET:
            field_dict["prompt_template_detail"] = prompt_template_detail
        if prompt_version is not UNSET:
            field_dict["prompt_version"] = prompt_version
        if prompt_version_detail is not UNSET:
            field_dict["prompt_version_detail"] = prompt_version_detail
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios
        if scenarios_detail is not UNSET:
            field_dict["scenarios_detail"] = scenarios_detail
        if dataset_row_ids is not UNSET:
            field_dict["dataset_row_ids"] = dataset_row_ids
        if simulator_agent is not UNSET:
            field_dict["simulator_agent"] = simulator_agent
        if simulator_agent_detail is not UNSET:
            field_dict["simulator_agent_detail"] = simulator_agent_detail
        if simulate_eval_configs is not UNSET:
            field_dict["simulate_eval_configs"] = simulate_eval_configs
        if simulate_eval_configs_detail is not UNSET:
            field_dict["simulate_eval_configs_detail"] = simulate_eval_configs_detail
        if evals_detail is not UNSET:
            field_dict["evals_detail"] = evals_detail
        if evals is not UNSET:
            field_dict["evals"] = evals
        if organization is not UNSET:
            field_dict["organization"] = organization
        if enable_tool_evaluation is not UNSET:
            field_dict["enable_tool_evaluation"] = enable_tool_evaluation
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if last_run_at is not UNSET:
            field_dict["last_run_at"] = last_run_at
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_version import AgentVersion
        from ..models.detail_object import DetailObject
        from ..models.eval_config import EvalConfig
        from ..models.scenario import Scenario

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_agent_definition(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agent_definition_type_0 = UUID(data)

                return agent_definition_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agent_definition = _parse_agent_definition(d.pop("agent_definition", UNSET))

        def _parse_agent_version(data: object) -> AgentVersion | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agent_version_type_1 = AgentVersion.from_dict(data)

                return agent_version_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgentVersion | None | Unset, data)

        agent_version = _parse_agent_version(d.pop("agent_version", UNSET))

        def _parse_agent_definition_detail(data: object) -> DetailObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agent_definition_detail_type_1 = DetailObject.from_dict(data)

                return agent_definition_detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DetailObject | None | Unset, data)

        agent_definition_detail = _parse_agent_definition_detail(
            d.pop("agent_definition_detail", UNSET)
        )

        source_type = d.pop("source_type", UNSET)

        def _parse_source_type_display(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_type_display = _parse_source_type_display(
            d.pop("source_type_display", UNSET)
        )

        def _parse_prompt_template(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prompt_template_type_0 = UUID(data)

                return prompt_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        prompt_template = _parse_prompt_template(d.pop("prompt_template", UNSET))

        def _parse_prompt_template_detail(data: object) -> DetailObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_template_detail_type_1 = DetailObject.from_dict(data)

                return prompt_template_detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DetailObject | None | Unset, data)

        prompt_template_detail = _parse_prompt_template_detail(
            d.pop("prompt_template_detail", UNSET)
        )

        def _parse_prompt_version(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prompt_version_type_0 = UUID(data)

                return prompt_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        prompt_version = _parse_prompt_version(d.pop("prompt_version", UNSET))

        def _parse_prompt_version_detail(data: object) -> DetailObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_version_detail_type_1 = DetailObject.from_dict(data)

                return prompt_version_detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DetailObject | None | Unset, data)

        prompt_version_detail = _parse_prompt_version_detail(
            d.pop("prompt_version_detail", UNSET)
        )

        _scenarios = d.pop("scenarios", UNSET)
        scenarios: list[UUID] | Unset = UNSET
        if _scenarios is not UNSET:
            scenarios = []
            for scenarios_item_data in _scenarios:
                scenarios_item = UUID(scenarios_item_data)

                scenarios.append(scenarios_item)

        _scenarios_detail = d.pop("scenarios_detail", UNSET)
        scenarios_detail: list[Scenario] | Unset = UNSET
        if _scenarios_detail is not UNSET:
            scenarios_detail = []
            for scenarios_detail_item_data in _scenarios_detail:
                scenarios_detail_item = Scenario.from_dict(scenarios_detail_item_data)

                scenarios_detail.append(scenarios_detail_item)

        def _parse_dataset_row_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                dataset_row_ids_type_0 = cast(list[str], data)

                return dataset_row_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        dataset_row_ids = _parse_dataset_row_ids(d.pop("dataset_row_ids", UNSET))

        def _parse_simulator_agent(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                simulator_agent_type_0 = UUID(data)

                return simulator_agent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        simulator_agent = _parse_simulator_agent(d.pop("simulator_agent", UNSET))

        def _parse_simulator_agent_detail(data: object) -> DetailObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                simulator_agent_detail_type_1 = DetailObject.from_dict(data)

                return simulator_agent_detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DetailObject | None | Unset, data)

        simulator_agent_detail = _parse_simulator_agent_detail(
            d.pop("simulator_agent_detail", UNSET)
        )

        _simulate_eval_configs = d.pop("simulate_eval_configs", UNSET)
        simulate_eval_configs: list[UUID] | Unset = UNSET
        if _simulate_eval_configs is not UNSET:
            simulate_eval_configs = []
            for simulate_eval_configs_item_data in _simulate_eval_configs:
                simulate_eval_configs_item = UUID(simulate_eval_configs_item_data)

                simulate_eval_configs.append(simulate_eval_configs_item)

        _simulate_eval_configs_detail = d.pop("simulate_eval_configs_detail", UNSET)
        simulate_eval_configs_detail: list[EvalConfig] | Unset = UNSET
        if _simulate_eval_configs_detail is not UNSET:
            simulate_eval_configs_detail = []
            for simulate_eval_configs_detail_item_data in _simulate_eval_configs_detail:
                simulate_eval_configs_detail_item = EvalConfig.from_dict(
                    simulate_eval_configs_detail_item_data
                )

                simulate_eval_configs_detail.append(simulate_eval_configs_detail_item)

        _evals_detail = d.pop("evals_detail", UNSET)
        evals_detail: list[EvalConfig] | Unset = UNSET
        if _evals_detail is not UNSET:
            evals_detail = []
            for evals_detail_item_data in _evals_detail:
                evals_detail_item = EvalConfig.from_dict(evals_detail_item_data)

                evals_detail.append(evals_detail_item)

        _evals = d.pop("evals", UNSET)
        evals: list[EvalConfig] | Unset = UNSET
        if _evals is not UNSET:
            evals = []
            for evals_item_data in _evals:
                evals_item = EvalConfig.from_dict(evals_item_data)

                evals.append(evals_item)

        def _parse_organization(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_type_0 = UUID(data)

                return organization_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        enable_tool_evaluation = d.pop("enable_tool_evaluation", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        def _parse_last_run_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_run_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_run_at = _parse_last_run_at(d.pop("last_run_at", UNSET))

        deleted = d.pop("deleted", UNSET)

        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)

                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))

        run_test = cls(
            id=id,
            name=name,
            description=description,
            agent_definition=agent_definition,
            agent_version=agent_version,
            agent_definition_detail=agent_definition_detail,
            source_type=source_type,
            source_type_display=source_type_display,
            prompt_template=prompt_template,
            prompt_template_detail=prompt_template_detail,
            prompt_version=prompt_version,
            prompt_version_detail=prompt_version_detail,
            scenarios=scenarios,
            scenarios_detail=scenarios_detail,
            dataset_row_ids=dataset_row_ids,
            simulator_agent=simulator_agent,
            simulator_agent_detail=simulator_agent_detail,
            simulate_eval_configs=simulate_eval_configs,
            simulate_eval_configs_detail=simulate_eval_configs_detail,
            evals_detail=evals_detail,
            evals=evals,
            organization=organization,
            enable_tool_evaluation=enable_tool_evaluation,
            created_at=created_at,
            updated_at=updated_at,
            last_run_at=last_run_at,
            deleted=deleted,
            deleted_at=deleted_at,
        )

        run_test.additional_properties = d
        return run_test

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
