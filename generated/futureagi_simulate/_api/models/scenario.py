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

# The JSON keys the document declares for Scenario: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "name",
        "description",
        "source",
        "scenario_type",
        "scenario_type_display",
        "source_type",
        "source_type_display",
        "organization",
        "dataset",
        "dataset_rows",
        "dataset_column_config",
        "graph",
        "agent",
        "agent_type",
        "prompt_template",
        "prompt_template_detail",
        "prompt_version",
        "prompt_version_detail",
        "status",
        "created_at",
        "updated_at",
        "deleted",
        "deleted_at",
    )
)
# The msgspec mirror of Scenario, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("id", "id", "str", True),
    ("name", "name", "str", False),
    ("description", "description", "str | None", False),
    ("source", "source", "str | None", False),
    ("scenario_type", "scenario_type", "str | None", False),
    ("scenario_type_display", "scenario_type_display", "str | None", False),
    ("source_type", "source_type", "str | None", False),
    ("source_type_display", "source_type_display", "str | None", False),
    ("organization", "organization", "str | None", False),
    ("dataset", "dataset", "str | None", False),
    ("dataset_rows", "dataset_rows", "int | None", False),
    ("dataset_column_config", "dataset_column_config", "", False),
    ("graph", "graph", "dict[str, Any] | None", False),
    ("agent", "agent", "dict[str, Any] | None", False),
    ("agent_type", "agent_type", "str | None", False),
    ("prompt_template", "prompt_template", "str | None", False),
    (
        "prompt_template_detail",
        "prompt_template_detail",
        "dict[str, Any] | None",
        False,
    ),
    ("prompt_version", "prompt_version", "str | None", False),
    ("prompt_version_detail", "prompt_version_detail", "dict[str, Any] | None", False),
    ("status", "status", "str | None", False),
    ("created_at", "created_at", "str", False),
    ("updated_at", "updated_at", "str", False),
    ("deleted", "deleted", "bool", False),
    ("deleted_at", "deleted_at", "str | None", False),
)


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
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
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
        if len(d) >= 24:
            try:
                json_id = d["id"]
                json_name = d["name"]
                json_description = d["description"]
                json_source = d["source"]
                json_scenario_type = d["scenario_type"]
                json_scenario_type_display = d["scenario_type_display"]
                json_source_type = d["source_type"]
                json_source_type_display = d["source_type_display"]
                json_organization = d["organization"]
                json_dataset = d["dataset"]
                json_dataset_rows = d["dataset_rows"]
                json_dataset_column_config = d["dataset_column_config"]
                json_graph = d["graph"]
                json_agent = d["agent"]
                json_agent_type = d["agent_type"]
                json_prompt_template = d["prompt_template"]
                json_prompt_template_detail = d["prompt_template_detail"]
                json_prompt_version = d["prompt_version"]
                json_prompt_version_detail = d["prompt_version_detail"]
                json_status = d["status"]
                json_created_at = d["created_at"]
                json_updated_at = d["updated_at"]
                json_deleted = d["deleted"]
                json_deleted_at = d["deleted_at"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_id = d.get("id", UNSET)
            if json_id is UNSET:
                raise missing("id")
            json_name = d.get("name", UNSET)
            json_description = d.get("description", UNSET)
            json_source = d.get("source", UNSET)
            json_scenario_type = d.get("scenario_type", UNSET)
            json_scenario_type_display = d.get("scenario_type_display", UNSET)
            json_source_type = d.get("source_type", UNSET)
            json_source_type_display = d.get("source_type_display", UNSET)
            json_organization = d.get("organization", UNSET)
            json_dataset = d.get("dataset", UNSET)
            json_dataset_rows = d.get("dataset_rows", UNSET)
            json_dataset_column_config = d.get("dataset_column_config", UNSET)
            json_graph = d.get("graph", UNSET)
            json_agent = d.get("agent", UNSET)
            json_agent_type = d.get("agent_type", UNSET)
            json_prompt_template = d.get("prompt_template", UNSET)
            json_prompt_template_detail = d.get("prompt_template_detail", UNSET)
            json_prompt_version = d.get("prompt_version", UNSET)
            json_prompt_version_detail = d.get("prompt_version_detail", UNSET)
            json_status = d.get("status", UNSET)
            json_created_at = d.get("created_at", UNSET)
            json_updated_at = d.get("updated_at", UNSET)
            json_deleted = d.get("deleted", UNSET)
            json_deleted_at = d.get("deleted_at", UNSET)

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        else:
            raise wrong_type("string (uuid)", json_id, "id")

        if type(json_name) is not str and json_name is not UNSET:
            raise wrong_type("string", json_name, "name")

        if (
            type(json_description) is not str
            and json_description is not None
            and json_description is not UNSET
        ):
            raise wrong_type("string or null", json_description, "description")

        if (
            type(json_source) is not str
            and json_source is not None
            and json_source is not UNSET
        ):
            raise wrong_type("string or null", json_source, "source")

        if (
            type(json_scenario_type) is not str
            and json_scenario_type is not None
            and json_scenario_type is not UNSET
        ):
            raise wrong_type("string or null", json_scenario_type, "scenario_type")

        if (
            type(json_scenario_type_display) is not str
            and json_scenario_type_display is not None
            and json_scenario_type_display is not UNSET
        ):
            raise wrong_type(
                "string or null", json_scenario_type_display, "scenario_type_display"
            )

        if (
            type(json_source_type) is not str
            and json_source_type is not None
            and json_source_type is not UNSET
        ):
            raise wrong_type("string or null", json_source_type, "source_type")

        if (
            type(json_source_type_display) is not str
            and json_source_type_display is not None
            and json_source_type_display is not UNSET
        ):
            raise wrong_type(
                "string or null", json_source_type_display, "source_type_display"
            )

        if json_organization is None:
            pass
        elif type(json_organization) is str:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids, "organization"
            )

        elif json_organization is not UNSET:
            raise wrong_type("string (uuid) or null", json_organization, "organization")

        if json_dataset is None:
            pass
        elif type(json_dataset) is str:
            json_dataset = ids.get(json_dataset) or read_uuid(
                json_dataset, ids, "dataset"
            )

        elif json_dataset is not UNSET:
            raise wrong_type("string (uuid) or null", json_dataset, "dataset")

        if (
            type(json_dataset_rows) is not int
            and json_dataset_rows is not None
            and json_dataset_rows is not UNSET
        ):
            raise wrong_type("integer or null", json_dataset_rows, "dataset_rows")

        if json_dataset_column_config is None:
            pass
        elif type(json_dataset_column_config) is dict:
            try:
                json_dataset_column_config = ColumnConfigMap.from_dict(
                    json_dataset_column_config, ids, consume
                )
            except ParseError as error:
                raise error.within("dataset_column_config") from None

        elif type(json_dataset_column_config) is list:
            if json_dataset_column_config:
                list_json_dataset_column_config: list[Any] = (
                    json_dataset_column_config
                    if consume
                    else json_dataset_column_config.copy()
                )
                index_json_dataset_column_config = 0
                try:
                    for (
                        item_json_dataset_column_config
                    ) in list_json_dataset_column_config:
                        if type(item_json_dataset_column_config) is dict:
                            try:
                                item_json_dataset_column_config = (
                                    ColumnConfig.from_dict(
                                        item_json_dataset_column_config, ids, consume
                                    )
                                )
                            except ParseError as error:
                                raise error.within(
                                    index_json_dataset_column_config
                                ) from None

                        else:
                            raise wrong_type(
                                "object",
                                item_json_dataset_column_config,
                                index_json_dataset_column_config,
                            )

                        list_json_dataset_column_config[
                            index_json_dataset_column_config
                        ] = item_json_dataset_column_config
                        index_json_dataset_column_config += 1
                except ParseError as error:
                    raise error.within("dataset_column_config") from None
                json_dataset_column_config = list_json_dataset_column_config

        elif json_dataset_column_config is not UNSET:
            raise wrong_type(
                "object or array or null",
                json_dataset_column_config,
                "dataset_column_config",
            )

        if json_graph is None:
            pass
        elif type(json_graph) is dict:
            made_json_graph = new_instance(ScenarioGraphType0)
            made_json_graph.additional_properties = json_graph
            json_graph = made_json_graph

        elif json_graph is not UNSET:
            raise wrong_type("object or null", json_graph, "graph")

        if json_agent is None:
            pass
        elif type(json_agent) is dict:
            made_json_agent = new_instance(ScenarioAgentType0)
            made_json_agent.additional_properties = json_agent
            json_agent = made_json_agent

        elif json_agent is not UNSET:
            raise wrong_type("object or null", json_agent, "agent")

        if (
            type(json_agent_type) is not str
            and json_agent_type is not None
            and json_agent_type is not UNSET
        ):
            raise wrong_type("string or null", json_agent_type, "agent_type")

        if json_prompt_template is None:
            pass
        elif type(json_prompt_template) is str:
            json_prompt_template = ids.get(json_prompt_template) or read_uuid(
                json_prompt_template, ids, "prompt_template"
            )

        elif json_prompt_template is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_prompt_template, "prompt_template"
            )

        if json_prompt_template_detail is None:
            pass
        elif type(json_prompt_template_detail) is dict:
            made_json_prompt_template_detail = new_instance(
                ScenarioPromptTemplateDetailType0
            )
            made_json_prompt_template_detail.additional_properties = (
                json_prompt_template_detail
            )
            json_prompt_template_detail = made_json_prompt_template_detail

        elif json_prompt_template_detail is not UNSET:
            raise wrong_type(
                "object or null", json_prompt_template_detail, "prompt_template_detail"
            )

        if json_prompt_version is None:
            pass
        elif type(json_prompt_version) is str:
            json_prompt_version = ids.get(json_prompt_version) or read_uuid(
                json_prompt_version, ids, "prompt_version"
            )

        elif json_prompt_version is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_prompt_version, "prompt_version"
            )

        if json_prompt_version_detail is None:
            pass
        elif type(json_prompt_version_detail) is dict:
            made_json_prompt_version_detail = new_instance(
                ScenarioPromptVersionDetailType0
            )
            made_json_prompt_version_detail.additional_properties = (
                json_prompt_version_detail
            )
            json_prompt_version_detail = made_json_prompt_version_detail

        elif json_prompt_version_detail is not UNSET:
            raise wrong_type(
                "object or null", json_prompt_version_detail, "prompt_version_detail"
            )

        if (
            type(json_status) is not str
            and json_status is not None
            and json_status is not UNSET
        ):
            raise wrong_type("string or null", json_status, "status")

        if type(json_created_at) is str:
            try:
                json_created_at = parse_datetime(json_created_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_created_at!r}", "created_at"
                ) from None

        elif json_created_at is not UNSET:
            raise wrong_type("string (date-time)", json_created_at, "created_at")

        if type(json_updated_at) is str:
            try:
                json_updated_at = parse_datetime(json_updated_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_updated_at!r}", "updated_at"
                ) from None

        elif json_updated_at is not UNSET:
            raise wrong_type("string (date-time)", json_updated_at, "updated_at")

        if type(json_deleted) is not bool and json_deleted is not UNSET:
            raise wrong_type("boolean", json_deleted, "deleted")

        if json_deleted_at is None:
            pass
        elif type(json_deleted_at) is str:
            try:
                json_deleted_at = parse_datetime(json_deleted_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_deleted_at!r}", "deleted_at"
                ) from None

        elif json_deleted_at is not UNSET:
            raise wrong_type(
                "string (date-time) or null", json_deleted_at, "deleted_at"
            )

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 24 if complete else _KEYS.issuperset(d):
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
            del d["id"]
            if json_name is not UNSET:
                del d["name"]
            if json_description is not UNSET:
                del d["description"]
            if json_source is not UNSET:
                del d["source"]
            if json_scenario_type is not UNSET:
                del d["scenario_type"]
            if json_scenario_type_display is not UNSET:
                del d["scenario_type_display"]
            if json_source_type is not UNSET:
                del d["source_type"]
            if json_source_type_display is not UNSET:
                del d["source_type_display"]
            if json_organization is not UNSET:
                del d["organization"]
            if json_dataset is not UNSET:
                del d["dataset"]
            if json_dataset_rows is not UNSET:
                del d["dataset_rows"]
            if json_dataset_column_config is not UNSET:
                del d["dataset_column_config"]
            if json_graph is not UNSET:
                del d["graph"]
            if json_agent is not UNSET:
                del d["agent"]
            if json_agent_type is not UNSET:
                del d["agent_type"]
            if json_prompt_template is not UNSET:
                del d["prompt_template"]
            if json_prompt_template_detail is not UNSET:
                del d["prompt_template_detail"]
            if json_prompt_version is not UNSET:
                del d["prompt_version"]
            if json_prompt_version_detail is not UNSET:
                del d["prompt_version_detail"]
            if json_status is not UNSET:
                del d["status"]
            if json_created_at is not UNSET:
                del d["created_at"]
            if json_updated_at is not UNSET:
                del d["updated_at"]
            if json_deleted is not UNSET:
                del d["deleted"]
            if json_deleted_at is not UNSET:
                del d["deleted_at"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is Scenario:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.name = json_name
            made.description = json_description
            made.source = json_source
            made.scenario_type = json_scenario_type
            made.scenario_type_display = json_scenario_type_display
            made.source_type = json_source_type
            made.source_type_display = json_source_type_display
            made.organization = json_organization
            made.dataset = json_dataset
            made.dataset_rows = json_dataset_rows
            made.dataset_column_config = json_dataset_column_config
            made.graph = json_graph
            made.agent = json_agent
            made.agent_type = json_agent_type
            made.prompt_template = json_prompt_template
            made.prompt_template_detail = json_prompt_template_detail
            made.prompt_version = json_prompt_version
            made.prompt_version_detail = json_prompt_version_detail
            made.status = json_status
            made.created_at = json_created_at
            made.updated_at = json_updated_at
            made.deleted = json_deleted
            made.deleted_at = json_deleted_at
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                name=json_name,
                description=json_description,
                source=json_source,
                scenario_type=json_scenario_type,
                scenario_type_display=json_scenario_type_display,
                source_type=json_source_type,
                source_type_display=json_source_type_display,
                organization=json_organization,
                dataset=json_dataset,
                dataset_rows=json_dataset_rows,
                dataset_column_config=json_dataset_column_config,
                graph=json_graph,
                agent=json_agent,
                agent_type=json_agent_type,
                prompt_template=json_prompt_template,
                prompt_template_detail=json_prompt_template_detail,
                prompt_version=json_prompt_version,
                prompt_version_detail=json_prompt_version_detail,
                status=json_status,
                created_at=json_created_at,
                updated_at=json_updated_at,
                deleted=json_deleted,
                deleted_at=json_deleted_at,
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
        if cls is not Scenario:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = Scenario.from_mirror(m, ids, loose, times)
            return cls(
                id=base.id,
                name=base.name,
                description=base.description,
                source=base.source,
                scenario_type=base.scenario_type,
                scenario_type_display=base.scenario_type_display,
                source_type=base.source_type,
                source_type_display=base.source_type_display,
                organization=base.organization,
                dataset=base.dataset,
                dataset_rows=base.dataset_rows,
                dataset_column_config=base.dataset_column_config,
                graph=base.graph,
                agent=base.agent,
                agent_type=base.agent_type,
                prompt_template=base.prompt_template,
                prompt_template_detail=base.prompt_template_detail,
                prompt_version=base.prompt_version,
                prompt_version_detail=base.prompt_version_detail,
                status=base.status,
                created_at=base.created_at,
                updated_at=base.updated_at,
                deleted=base.deleted,
                deleted_at=base.deleted_at,
                additional_properties=base.additional_properties,
            )
        if times is None:
            times = {}
        # Untyped JSON is read as from_dict reads it, but left as it came: the reader walks it afterwards for
        # the nesting bound (``loose``), which a consuming read would have emptied or filled with models.
        consume = False
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_id = m.id
        json_id = ids.get(json_id) or read_uuid(json_id, ids)

        made.id = json_id
        made.name = m.name
        made.description = m.description
        made.source = m.source
        made.scenario_type = m.scenario_type
        made.scenario_type_display = m.scenario_type_display
        made.source_type = m.source_type
        made.source_type_display = m.source_type_display
        json_organization = m.organization
        if json_organization is not None and json_organization is not UNSET:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids
            )

        made.organization = json_organization
        json_dataset = m.dataset
        if json_dataset is not None and json_dataset is not UNSET:
            json_dataset = ids.get(json_dataset) or read_uuid(json_dataset, ids)

        made.dataset = json_dataset
        made.dataset_rows = m.dataset_rows
        json_dataset_column_config = m.dataset_column_config
        if loose is not None:
            loose.append(json_dataset_column_config)
        if json_dataset_column_config is None:
            pass
        elif type(json_dataset_column_config) is dict:
            try:
                json_dataset_column_config = ColumnConfigMap.from_dict(
                    json_dataset_column_config, ids, consume
                )
            except ParseError as error:
                raise error.within("dataset_column_config") from None

        elif type(json_dataset_column_config) is list:
            if json_dataset_column_config:
                list_json_dataset_column_config: list[Any] = (
                    json_dataset_column_config
                    if consume
                    else json_dataset_column_config.copy()
                )
                index_json_dataset_column_config = 0
                try:
                    for (
                        item_json_dataset_column_config
                    ) in list_json_dataset_column_config:
                        if type(item_json_dataset_column_config) is dict:
                            try:
                                item_json_dataset_column_config = (
                                    ColumnConfig.from_dict(
                                        item_json_dataset_column_config, ids, consume
                                    )
                                )
                            except ParseError as error:
                                raise error.within(
                                    index_json_dataset_column_config
                                ) from None

                        else:
                            raise wrong_type(
                                "object",
                                item_json_dataset_column_config,
                                index_json_dataset_column_config,
                            )

                        list_json_dataset_column_config[
                            index_json_dataset_column_config
                        ] = item_json_dataset_column_config
                        index_json_dataset_column_config += 1
                except ParseError as error:
                    raise error.within("dataset_column_config") from None
                json_dataset_column_config = list_json_dataset_column_config

        elif json_dataset_column_config is not UNSET:
            raise wrong_type(
                "object or array or null",
                json_dataset_column_config,
                "dataset_column_config",
            )

        made.dataset_column_config = json_dataset_column_config
        json_graph = m.graph
        if json_graph is not None and json_graph is not UNSET:
            if loose is not None:
                loose.append(json_graph)
            made_json_graph = new_instance(ScenarioGraphType0)
            made_json_graph.additional_properties = json_graph
            json_graph = made_json_graph

        made.graph = json_graph
        json_agent = m.agent
        if json_agent is not None and json_agent is not UNSET:
            if loose is not None:
                loose.append(json_agent)
            made_json_agent = new_instance(ScenarioAgentType0)
            made_json_agent.additional_properties = json_agent
            json_agent = made_json_agent

        made.agent = json_agent
        made.agent_type = m.agent_type
        json_prompt_template = m.prompt_template
        if json_prompt_template is not None and json_prompt_template is not UNSET:
            json_prompt_template = ids.get(json_prompt_template) or read_uuid(
                json_prompt_template, ids
            )

        made.prompt_template = json_prompt_template
        json_prompt_template_detail = m.prompt_template_detail
        if (
            json_prompt_template_detail is not None
            and json_prompt_template_detail is not UNSET
        ):
            if loose is not None:
                loose.append(json_prompt_template_detail)
            made_json_prompt_template_detail = new_instance(
                ScenarioPromptTemplateDetailType0
            )
            made_json_prompt_template_detail.additional_properties = (
                json_prompt_template_detail
            )
            json_prompt_template_detail = made_json_prompt_template_detail

        made.prompt_template_detail = json_prompt_template_detail
        json_prompt_version = m.prompt_version
        if json_prompt_version is not None and json_prompt_version is not UNSET:
            json_prompt_version = ids.get(json_prompt_version) or read_uuid(
                json_prompt_version, ids
            )

        made.prompt_version = json_prompt_version
        json_prompt_version_detail = m.prompt_version_detail
        if (
            json_prompt_version_detail is not None
            and json_prompt_version_detail is not UNSET
        ):
            if loose is not None:
                loose.append(json_prompt_version_detail)
            made_json_prompt_version_detail = new_instance(
                ScenarioPromptVersionDetailType0
            )
            made_json_prompt_version_detail.additional_properties = (
                json_prompt_version_detail
            )
            json_prompt_version_detail = made_json_prompt_version_detail

        made.prompt_version_detail = json_prompt_version_detail
        made.status = m.status
        json_created_at = m.created_at
        if json_created_at is not UNSET:
            json_created_at = times.get(json_created_at) or times.setdefault(
                json_created_at, parse_datetime(json_created_at)
            )

        made.created_at = json_created_at
        json_updated_at = m.updated_at
        if json_updated_at is not UNSET:
            json_updated_at = times.get(json_updated_at) or times.setdefault(
                json_updated_at, parse_datetime(json_updated_at)
            )

        made.updated_at = json_updated_at
        made.deleted = m.deleted
        json_deleted_at = m.deleted_at
        if json_deleted_at is not None and json_deleted_at is not UNSET:
            json_deleted_at = times.get(json_deleted_at) or times.setdefault(
                json_deleted_at, parse_datetime(json_deleted_at)
            )

        made.deleted_at = json_deleted_at
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
# The model ColumnConfigMap keeps, which from_mirror builds from its mirror.
