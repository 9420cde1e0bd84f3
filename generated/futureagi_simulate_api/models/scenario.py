from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.column_config import ColumnConfig
    from ..models.column_config_map import ColumnConfigMap
    from ..models.scenario_agent_type_0 import ScenarioAgentType0
    from ..models.scenario_graph_type_0 import ScenarioGraphType0
    from ..models.scenario_prompt_template_detail_type_0 import (
        ScenarioPromptTemplateDetailType0,
    )
    from ..models.scenario_prompt_version_detail_type_0 import (
        ScenarioPromptVersionDetailType0,
    )


T = TypeVar("T", bound="Scenario")


@_attrs_define
class Scenario:
    """A scenario attached to a run test.

    Attributes:
        id (UUID): The scenario's id.
        name (str | Unset): Display name.
        description (None | str | Unset): Free text.
        source (None | str | Unset): Where the scenario came from.
        scenario_type (None | str | Unset): The scenario's kind, an open set.
        scenario_type_display (None | str | Unset): Human-readable `scenario_type`.
        source_type (None | str | Unset): `agent_definition` or `prompt`; an open set.
        source_type_display (None | str | Unset): Human-readable `source_type`.
        organization (None | Unset | UUID): The owning organisation.
        dataset (None | Unset | UUID): The scenario's dataset.
        dataset_rows (int | None | Unset): How many rows the dataset has.
        dataset_column_config (ColumnConfigMap | list[ColumnConfig] | None | Unset): Column id to column config, or an
            empty array when there is no dataset.
        graph (None | ScenarioGraphType0 | Unset): The scenario's conversation graph.
        agent (None | ScenarioAgentType0 | Unset): The simulator agent of the scenario.
        agent_type (None | str | Unset): `inbound`, `outbound`, `chat` or `prompt`; an open set.
        prompt_template (None | Unset | UUID): The prompt template, for prompt scenarios.
        prompt_template_detail (None | ScenarioPromptTemplateDetailType0 | Unset): The prompt template's details.
        prompt_version (None | Unset | UUID): The prompt version, for prompt scenarios.
        prompt_version_detail (None | ScenarioPromptVersionDetailType0 | Unset): The prompt version's details.
        status (None | str | Unset): Scenario status, an open set: `Completed`, `Running`, and others the server may
            add. Only `Completed` scenarios can be executed.
        created_at (datetime.datetime | Unset): When the scenario was created.
        updated_at (datetime.datetime | Unset): When the scenario last changed.
        deleted (bool | Unset): Whether the scenario is soft-deleted.
        deleted_at (datetime.datetime | None | Unset): When the scenario was soft-deleted.
    """

    id: UUID
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    scenario_type: None | str | Unset = UNSET
    scenario_type_display: None | str | Unset = UNSET
    source_type: None | str | Unset = UNSET
    source_type_display: None | str | Unset = UNSET
    organization: None | Unset | UUID = UNSET
    dataset: None | Unset | UUID = UNSET
    dataset_rows: int | None | Unset = UNSET
    dataset_column_config: ColumnConfigMap | list[ColumnConfig] | None | Unset = UNSET
    graph: None | ScenarioGraphType0 | Unset = UNSET
    agent: None | ScenarioAgentType0 | Unset = UNSET
    agent_type: None | str | Unset = UNSET
    prompt_template: None | Unset | UUID = UNSET
    prompt_template_detail: None | ScenarioPromptTemplateDetailType0 | Unset = UNSET
    prompt_version: None | Unset | UUID = UNSET
    prompt_version_detail: None | ScenarioPromptVersionDetailType0 | Unset = UNSET
    status: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    deleted: bool | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.column_config_map import ColumnConfigMap
        from ..models.scenario_agent_type_0 import ScenarioAgentType0
        from ..models.scenario_graph_type_0 import ScenarioGraphType0
        from ..models.scenario_prompt_template_detail_type_0 import (
            ScenarioPromptTemplateDetailType0,
        )
        from ..models.scenario_prompt_version_detail_type_0 import (
            ScenarioPromptVersionDetailType0,
        )

        id = str(self.id)

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        scenario_type: None | str | Unset
        if isinstance(self.scenario_type, Unset):
            scenario_type = UNSET
        else:
            scenario_type = self.scenario_type

        scenario_type_display: None | str | Unset
        if isinstance(self.scenario_type_display, Unset):
            scenario_type_display = UNSET
        else:
            scenario_type_display = self.scenario_type_display

        source_type: None | str | Unset
        if isinstance(self.source_type, Unset):
            source_type = UNSET
        else:
            source_type = self.source_type

        source_type_display: None | str | Unset
        if isinstance(self.source_type_display, Unset):
            source_type_display = UNSET
        else:
            source_type_display = self.source_type_display

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, UUID):
            organization = str(self.organization)
        else:
            organization = self.organization

        dataset: None | str | Unset
        if isinstance(self.dataset, Unset):
            dataset = UNSET
        elif isinstance(self.dataset, UUID):
            dataset = str(self.dataset)
        else:
            dataset = self.dataset

        dataset_rows: int | None | Unset
        if isinstance(self.dataset_rows, Unset):
            dataset_rows = UNSET
        else:
            dataset_rows = self.dataset_rows

        dataset_column_config: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.dataset_column_config, Unset):
            dataset_column_config = UNSET
        elif isinstance(self.dataset_column_config, ColumnConfigMap):
            dataset_column_config = self.dataset_column_config.to_dict()
        elif isinstance(self.dataset_column_config, list):
            dataset_column_config = []
            for componentsschemas_no_columns_item_data in self.dataset_column_config:
                componentsschemas_no_columns_item = (
                    componentsschemas_no_columns_item_data.to_dict()
                )
                dataset_column_config.append(componentsschemas_no_columns_item)

        else:
            dataset_column_config = self.dataset_column_config

        graph: dict[str, Any] | None | Unset
        if isinstance(self.graph, Unset):
            graph = UNSET
        elif isinstance(self.graph, ScenarioGraphType0):
            graph = self.graph.to_dict()
        else:
            graph = self.graph

        agent: dict[str, Any] | None | Unset
        if isinstance(self.agent, Unset):
            agent = UNSET
        elif isinstance(self.agent, ScenarioAgentType0):
            agent = self.agent.to_dict()
        else:
            agent = self.agent

        agent_type: None | str | Unset
        if isinstance(self.agent_type, Unset):
            agent_type = UNSET
        else:
            agent_type = self.agent_type

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
        elif isinstance(self.prompt_template_detail, ScenarioPromptTemplateDetailType0):
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
        elif isinstance(self.prompt_version_detail, ScenarioPromptVersionDetailType0):
            prompt_version_detail = self.prompt_version_detail.to_dict()
        else:
            prompt_version_detail = self.prompt_version_detail

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

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
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if source is not UNSET:
            field_dict["source"] = source
        if scenario_type is not UNSET:
            field_dict["scenario_type"] = scenario_type
        if scenario_type_display is not UNSET:
            field_dict["scenario_type_display"] = scenario_type_display
        if source_type is not UNSET:
            field_dict["source_type"] = source_type
        if source_type_display is not UNSET:
            field_dict["source_type_display"] = source_type_display
        if organization is not UNSET:
            field_dict["organization"] = organization
        if dataset is not UNSET:
            field_dict["dataset"] = dataset
        if dataset_rows is not UNSET:
            field_dict["dataset_rows"] = dataset_rows
        if dataset_column_config is not UNSET:
            field_dict["dataset_column_config"] = dataset_column_config
        if graph is not UNSET:
            field_dict["graph"] = graph
        if agent is not UNSET:
            field_dict["agent"] = agent
        if agent_type is not UNSET:
            field_dict["agent_type"] = agent_type
        if prompt_template is not UNSET:
            field_dict["prompt_template"] = prompt_template
        if prompt_template_detail is not UNSET:
            field_dict["prompt_template_detail"] = prompt_template_detail
        if prompt_version is not UNSET:
            field_dict["prompt_version"] = prompt_version
        if prompt_version_detail is not UNSET:
            field_dict["prompt_version_detail"] = prompt_version_detail
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.column_config import ColumnConfig
        from ..models.column_config_map import ColumnConfigMap
        from ..models.scenario_agent_type_0 import ScenarioAgentType0
        from ..models.scenario_graph_type_0 import ScenarioGraphType0
        from ..models.scenario_prompt_template_detail_type_0 import (
            ScenarioPromptTemplateDetailType0,
        )
        from ..models.scenario_prompt_version_detail_type_0 import (
            ScenarioPromptVersionDetailType0,
        )

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_scenario_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scenario_type = _parse_scenario_type(d.pop("scenario_type", UNSET))

        def _parse_scenario_type_display(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scenario_type_display = _parse_scenario_type_display(
            d.pop("scenario_type_display", UNSET)
        )

        def _parse_source_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_type = _parse_source_type(d.pop("source_type", UNSET))

        def _parse_source_type_display(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_type_display = _parse_source_type_display(
            d.pop("source_type_display", UNSET)
        )

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

        def _parse_dataset(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dataset_type_0 = UUID(data)

                return dataset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        dataset = _parse_dataset(d.pop("dataset", UNSET))

        def _parse_dataset_rows(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dataset_rows = _parse_dataset_rows(d.pop("dataset_rows", UNSET))

        def _parse_dataset_column_config(
            data: object,
        ) -> ColumnConfigMap | list[ColumnConfig] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dataset_column_config_type_0 = ColumnConfigMap.from_dict(data)

                return dataset_column_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                dataset_column_config_type_1 = []
                _dataset_column_config_type_1 = data
                for (
                    componentsschemas_no_columns_item_data
                ) in _dataset_column_config_type_1:
                    componentsschemas_no_columns_item = ColumnConfig.from_dict(
                        componentsschemas_no_columns_item_data
                    )

                    dataset_column_config_type_1.append(
                        componentsschemas_no_columns_item
                    )

                return dataset_column_config_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ColumnConfigMap | list[ColumnConfig] | None | Unset, data)

        dataset_column_config = _parse_dataset_column_config(
            d.pop("dataset_column_config", UNSET)
        )

        def _parse_graph(data: object) -> None | ScenarioGraphType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                graph_type_0 = ScenarioGraphType0.from_dict(data)

                return graph_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScenarioGraphType0 | Unset, data)

        graph = _parse_graph(d.pop("graph", UNSET))

        def _parse_agent(data: object) -> None | ScenarioAgentType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agent_type_0 = ScenarioAgentType0.from_dict(data)

                return agent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScenarioAgentType0 | Unset, data)

        agent = _parse_agent(d.pop("agent", UNSET))

        def _parse_agent_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_type = _parse_agent_type(d.pop("agent_type", UNSET))

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

        def _parse_prompt_template_detail(
            data: object,
        ) -> None | ScenarioPromptTemplateDetailType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_template_detail_type_0 = (
                    ScenarioPromptTemplateDetailType0.from_dict(data)
                )

                return prompt_template_detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScenarioPromptTemplateDetailType0 | Unset, data)

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

        def _parse_prompt_version_detail(
            data: object,
        ) -> None | ScenarioPromptVersionDetailType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_version_detail_type_0 = (
                    ScenarioPromptVersionDetailType0.from_dict(data)
                )

                return prompt_version_detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScenarioPromptVersionDetailType0 | Unset, data)

        prompt_version_detail = _parse_prompt_version_detail(
            d.pop("prompt_version_detail", UNSET)
        )

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

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

        scenario = cls(
            id=id,
            name=name,
            description=description,
            source=source,
            scenario_type=scenario_type,
            scenario_type_display=scenario_type_display,
            source_type=source_type,
            source_type_display=source_type_display,
            organization=organization,
            dataset=dataset,
            dataset_rows=dataset_rows,
            dataset_column_config=dataset_column_config,
            graph=graph,
            agent=agent,
            agent_type=agent_type,
            prompt_template=prompt_template,
            prompt_template_detail=prompt_template_detail,
            prompt_version=prompt_version,
            prompt_version_detail=prompt_version_detail,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            deleted=deleted,
            deleted_at=deleted_at,
        )

        scenario.additional_properties = d
        return scenario

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
