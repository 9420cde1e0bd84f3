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

# The JSON keys the document declares for RunTest: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "name",
        "description",
        "agent_definition",
        "agent_version",
        "agent_definition_detail",
        "source_type",
        "source_type_display",
        "prompt_template",
        "prompt_template_detail",
        "prompt_version",
        "prompt_version_detail",
        "scenarios",
        "scenarios_detail",
        "dataset_row_ids",
        "simulator_agent",
        "simulator_agent_detail",
        "simulate_eval_configs",
        "simulate_eval_configs_detail",
        "evals_detail",
        "evals",
        "organization",
        "enable_tool_evaluation",
        "created_at",
        "updated_at",
        "last_run_at",
        "deleted",
        "deleted_at",
    )
)
# The msgspec mirror of RunTest, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("id", "id", "str", True),
    ("name", "name", "str", True),
    ("description", "description", "str | None", False),
    ("agent_definition", "agent_definition", "str | None", False),
    ("agent_version", "agent_version", "AgentVersionMirror | None", False),
    (
        "agent_definition_detail",
        "agent_definition_detail",
        "dict[str, Any] | None",
        False,
    ),
    ("source_type", "source_type", "str", False),
    ("source_type_display", "source_type_display", "str | None", False),
    ("prompt_template", "prompt_template", "str | None", False),
    (
        "prompt_template_detail",
        "prompt_template_detail",
        "dict[str, Any] | None",
        False,
    ),
    ("prompt_version", "prompt_version", "str | None", False),
    ("prompt_version_detail", "prompt_version_detail", "dict[str, Any] | None", False),
    ("scenarios", "scenarios", "list[str]", False),
    ("scenarios_detail", "scenarios_detail", "list[ScenarioMirror]", False),
    ("dataset_row_ids", "dataset_row_ids", "list[str] | None", False),
    ("simulator_agent", "simulator_agent", "str | None", False),
    (
        "simulator_agent_detail",
        "simulator_agent_detail",
        "dict[str, Any] | None",
        False,
    ),
    ("simulate_eval_configs", "simulate_eval_configs", "list[str]", False),
    (
        "simulate_eval_configs_detail",
        "simulate_eval_configs_detail",
        "list[EvalConfigMirror]",
        False,
    ),
    ("evals_detail", "evals_detail", "list[EvalConfigMirror]", False),
    ("evals", "evals", "list[EvalConfigMirror]", False),
    ("organization", "organization", "str | None", False),
    ("enable_tool_evaluation", "enable_tool_evaluation", "bool", False),
    ("created_at", "created_at", "str", False),
    ("updated_at", "updated_at", "str", False),
    ("last_run_at", "last_run_at", "str | None", False),
    ("deleted", "deleted", "bool", False),
    ("deleted_at", "deleted_at", "str | None", False),
)


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
        if len(d) >= 28:
            try:
                json_id = d["id"]
                json_name = d["name"]
                json_description = d["description"]
                json_agent_definition = d["agent_definition"]
                json_agent_version = d["agent_version"]
                json_agent_definition_detail = d["agent_definition_detail"]
                json_source_type = d["source_type"]
                json_source_type_display = d["source_type_display"]
                json_prompt_template = d["prompt_template"]
                json_prompt_template_detail = d["prompt_template_detail"]
                json_prompt_version = d["prompt_version"]
                json_prompt_version_detail = d["prompt_version_detail"]
                json_scenarios = d["scenarios"]
                json_scenarios_detail = d["scenarios_detail"]
                json_dataset_row_ids = d["dataset_row_ids"]
                json_simulator_agent = d["simulator_agent"]
                json_simulator_agent_detail = d["simulator_agent_detail"]
                json_simulate_eval_configs = d["simulate_eval_configs"]
                json_simulate_eval_configs_detail = d["simulate_eval_configs_detail"]
                json_evals_detail = d["evals_detail"]
                json_evals = d["evals"]
                json_organization = d["organization"]
                json_enable_tool_evaluation = d["enable_tool_evaluation"]
                json_created_at = d["created_at"]
                json_updated_at = d["updated_at"]
                json_last_run_at = d["last_run_at"]
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
            if json_name is UNSET:
                raise missing("name")
            json_description = d.get("description", UNSET)
            json_agent_definition = d.get("agent_definition", UNSET)
            json_agent_version = d.get("agent_version", UNSET)
            json_agent_definition_detail = d.get("agent_definition_detail", UNSET)
            json_source_type = d.get("source_type", UNSET)
            json_source_type_display = d.get("source_type_display", UNSET)
            json_prompt_template = d.get("prompt_template", UNSET)
            json_prompt_template_detail = d.get("prompt_template_detail", UNSET)
            json_prompt_version = d.get("prompt_version", UNSET)
            json_prompt_version_detail = d.get("prompt_version_detail", UNSET)
            json_scenarios = d.get("scenarios", UNSET)
            json_scenarios_detail = d.get("scenarios_detail", UNSET)
            json_dataset_row_ids = d.get("dataset_row_ids", UNSET)
            json_simulator_agent = d.get("simulator_agent", UNSET)
            json_simulator_agent_detail = d.get("simulator_agent_detail", UNSET)
            json_simulate_eval_configs = d.get("simulate_eval_configs", UNSET)
            json_simulate_eval_configs_detail = d.get(
                "simulate_eval_configs_detail", UNSET
            )
            json_evals_detail = d.get("evals_detail", UNSET)
            json_evals = d.get("evals", UNSET)
            json_organization = d.get("organization", UNSET)
            json_enable_tool_evaluation = d.get("enable_tool_evaluation", UNSET)
            json_created_at = d.get("created_at", UNSET)
            json_updated_at = d.get("updated_at", UNSET)
            json_last_run_at = d.get("last_run_at", UNSET)
            json_deleted = d.get("deleted", UNSET)
            json_deleted_at = d.get("deleted_at", UNSET)

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        else:
            raise wrong_type("string (uuid)", json_id, "id")

        if type(json_name) is not str:
            raise wrong_type("string", json_name, "name")

        if (
            type(json_description) is not str
            and json_description is not None
            and json_description is not UNSET
        ):
            raise wrong_type("string or null", json_description, "description")

        if json_agent_definition is None:
            pass
        elif type(json_agent_definition) is str:
            json_agent_definition = ids.get(json_agent_definition) or read_uuid(
                json_agent_definition, ids, "agent_definition"
            )

        elif json_agent_definition is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_agent_definition, "agent_definition"
            )

        if json_agent_version is None:
            pass
        elif type(json_agent_version) is dict:
            try:
                json_agent_version = AgentVersion.from_dict(
                    json_agent_version, ids, consume
                )
            except ParseError as error:
                raise error.within("agent_version") from None

        elif json_agent_version is not UNSET:
            raise wrong_type("null or object", json_agent_version, "agent_version")

        if json_agent_definition_detail is None:
            pass
        elif type(json_agent_definition_detail) is dict:
            made_json_agent_definition_detail = new_instance(DetailObject)
            made_json_agent_definition_detail.additional_properties = (
                json_agent_definition_detail
            )
            json_agent_definition_detail = made_json_agent_definition_detail

        elif json_agent_definition_detail is not UNSET:
            raise wrong_type(
                "null or object",
                json_agent_definition_detail,
                "agent_definition_detail",
            )

        if type(json_source_type) is not str and json_source_type is not UNSET:
            raise wrong_type("string", json_source_type, "source_type")

        if (
            type(json_source_type_display) is not str
            and json_source_type_display is not None
            and json_source_type_display is not UNSET
        ):
            raise wrong_type(
                "string or null", json_source_type_display, "source_type_display"
            )

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
            made_json_prompt_template_detail = new_instance(DetailObject)
            made_json_prompt_template_detail.additional_properties = (
                json_prompt_template_detail
            )
            json_prompt_template_detail = made_json_prompt_template_detail

        elif json_prompt_template_detail is not UNSET:
            raise wrong_type(
                "null or object", json_prompt_template_detail, "prompt_template_detail"
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
            made_json_prompt_version_detail = new_instance(DetailObject)
            made_json_prompt_version_detail.additional_properties = (
                json_prompt_version_detail
            )
            json_prompt_version_detail = made_json_prompt_version_detail

        elif json_prompt_version_detail is not UNSET:
            raise wrong_type(
                "null or object", json_prompt_version_detail, "prompt_version_detail"
            )

        if type(json_scenarios) is list:
            if json_scenarios:
                list_json_scenarios: list[Any] = (
                    json_scenarios if consume else json_scenarios.copy()
                )
                index_json_scenarios = 0
                try:
                    for item_json_scenarios in list_json_scenarios:
                        if type(item_json_scenarios) is str:
                            item_json_scenarios = ids.get(
                                item_json_scenarios
                            ) or read_uuid(
                                item_json_scenarios, ids, index_json_scenarios
                            )

                        else:
                            raise wrong_type(
                                "string (uuid)",
                                item_json_scenarios,
                                index_json_scenarios,
                            )

                        list_json_scenarios[index_json_scenarios] = item_json_scenarios
                        index_json_scenarios += 1
                except ParseError as error:
                    raise error.within("scenarios") from None
                json_scenarios = list_json_scenarios

        elif json_scenarios is not UNSET:
            raise wrong_type("array", json_scenarios, "scenarios")

        if type(json_scenarios_detail) is list:
            if json_scenarios_detail:
                list_json_scenarios_detail: list[Any] = (
                    json_scenarios_detail if consume else json_scenarios_detail.copy()
                )
                index_json_scenarios_detail = 0
                try:
                    for item_json_scenarios_detail in list_json_scenarios_detail:
                        if type(item_json_scenarios_detail) is dict:
                            try:
                                item_json_scenarios_detail = Scenario.from_dict(
                                    item_json_scenarios_detail, ids, consume
                                )
                            except ParseError as error:
                                raise error.within(
                                    index_json_scenarios_detail
                                ) from None

                        else:
                            raise wrong_type(
                                "object",
                                item_json_scenarios_detail,
                                index_json_scenarios_detail,
                            )

                        list_json_scenarios_detail[index_json_scenarios_detail] = (
                            item_json_scenarios_detail
                        )
                        index_json_scenarios_detail += 1
                except ParseError as error:
                    raise error.within("scenarios_detail") from None
                json_scenarios_detail = list_json_scenarios_detail

        elif json_scenarios_detail is not UNSET:
            raise wrong_type("array", json_scenarios_detail, "scenarios_detail")

        if json_dataset_row_ids is None:
            pass
        elif type(json_dataset_row_ids) is list:
            for item_json_dataset_row_ids in json_dataset_row_ids:
                if type(item_json_dataset_row_ids) is not str:
                    raise wrong_type(
                        "string",
                        item_json_dataset_row_ids,
                        "dataset_row_ids",
                        next(
                            i
                            for i, x in enumerate(json_dataset_row_ids)
                            if x is item_json_dataset_row_ids
                        ),
                    )

        elif json_dataset_row_ids is not UNSET:
            raise wrong_type("array or null", json_dataset_row_ids, "dataset_row_ids")

        if json_simulator_agent is None:
            pass
        elif type(json_simulator_agent) is str:
            json_simulator_agent = ids.get(json_simulator_agent) or read_uuid(
                json_simulator_agent, ids, "simulator_agent"
            )

        elif json_simulator_agent is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_simulator_agent, "simulator_agent"
            )

        if json_simulator_agent_detail is None:
            pass
        elif type(json_simulator_agent_detail) is dict:
            made_json_simulator_agent_detail = new_instance(DetailObject)
            made_json_simulator_agent_detail.additional_properties = (
                json_simulator_agent_detail
            )
            json_simulator_agent_detail = made_json_simulator_agent_detail

        elif json_simulator_agent_detail is not UNSET:
            raise wrong_type(
                "null or object", json_simulator_agent_detail, "simulator_agent_detail"
            )

        if type(json_simulate_eval_configs) is list:
            if json_simulate_eval_configs:
                list_json_simulate_eval_configs: list[Any] = (
                    json_simulate_eval_configs
                    if consume
                    else json_simulate_eval_configs.copy()
                )
                index_json_simulate_eval_configs = 0
                try:
                    for (
                        item_json_simulate_eval_configs
                    ) in list_json_simulate_eval_configs:
                        if type(item_json_simulate_eval_configs) is str:
                            item_json_simulate_eval_configs = ids.get(
                                item_json_simulate_eval_configs
                            ) or read_uuid(
                                item_json_simulate_eval_configs,
                                ids,
                                index_json_simulate_eval_configs,
                            )

                        else:
                            raise wrong_type(
                                "string (uuid)",
                                item_json_simulate_eval_configs,
                                index_json_simulate_eval_configs,
                            )

                        list_json_simulate_eval_configs[
                            index_json_simulate_eval_configs
                        ] = item_json_simulate_eval_configs
                        index_json_simulate_eval_configs += 1
                except ParseError as error:
                    raise error.within("simulate_eval_configs") from None
                json_simulate_eval_configs = list_json_simulate_eval_configs

        elif json_simulate_eval_configs is not UNSET:
            raise wrong_type(
                "array", json_simulate_eval_configs, "simulate_eval_configs"
            )

        if type(json_simulate_eval_configs_detail) is list:
            if json_simulate_eval_configs_detail:
                list_json_simulate_eval_configs_detail: list[Any] = (
                    json_simulate_eval_configs_detail
                    if consume
                    else json_simulate_eval_configs_detail.copy()
                )
                index_json_simulate_eval_configs_detail = 0
                try:
                    for (
                        item_json_simulate_eval_configs_detail
                    ) in list_json_simulate_eval_configs_detail:
                        if type(item_json_simulate_eval_configs_detail) is dict:
                            try:
                                item_json_simulate_eval_configs_detail = (
                                    EvalConfig.from_dict(
                                        item_json_simulate_eval_configs_detail,
                                        ids,
                                        consume,
                                    )
                                )
                            except ParseError as error:
                                raise error.within(
                                    index_json_simulate_eval_configs_detail
                                ) from None

                        else:
                            raise wrong_type(
                                "object",
                                item_json_simulate_eval_configs_detail,
                                index_json_simulate_eval_configs_detail,
                            )

                        list_json_simulate_eval_configs_detail[
                            index_json_simulate_eval_configs_detail
                        ] = item_json_simulate_eval_configs_detail
                        index_json_simulate_eval_configs_detail += 1
                except ParseError as error:
                    raise error.within("simulate_eval_configs_detail") from None
                json_simulate_eval_configs_detail = (
                    list_json_simulate_eval_configs_detail
                )

        elif json_simulate_eval_configs_detail is not UNSET:
            raise wrong_type(
                "array",
                json_simulate_eval_configs_detail,
                "simulate_eval_configs_detail",
            )

        if type(json_evals_detail) is list:
            if json_evals_detail:
                list_json_evals_detail: list[Any] = (
                    json_evals_detail if consume else json_evals_detail.copy()
                )
                index_json_evals_detail = 0
                try:
                    for item_json_evals_detail in list_json_evals_detail:
                        if type(item_json_evals_detail) is dict:
                            try:
                                item_json_evals_detail = EvalConfig.from_dict(
                                    item_json_evals_detail, ids, consume
                                )
                            except ParseError as error:
                                raise error.within(index_json_evals_detail) from None

                        else:
                            raise wrong_type(
                                "object",
                                item_json_evals_detail,
                                index_json_evals_detail,
                            )

                        list_json_evals_detail[index_json_evals_detail] = (
                            item_json_evals_detail
                        )
                        index_json_evals_detail += 1
                except ParseError as error:
                    raise error.within("evals_detail") from None
                json_evals_detail = list_json_evals_detail

        elif json_evals_detail is not UNSET:
            raise wrong_type("array", json_evals_detail, "evals_detail")

        if type(json_evals) is list:
            if json_evals:
                list_json_evals: list[Any] = (
                    json_evals if consume else json_evals.copy()
                )
                index_json_evals = 0
                try:
                    for item_json_evals in list_json_evals:
                        if type(item_json_evals) is dict:
                            try:
                                item_json_evals = EvalConfig.from_dict(
                                    item_json_evals, ids, consume
                                )
                            except ParseError as error:
                                raise error.within(index_json_evals) from None

                        else:
                            raise wrong_type(
                                "object", item_json_evals, index_json_evals
                            )

                        list_json_evals[index_json_evals] = item_json_evals
                        index_json_evals += 1
                except ParseError as error:
                    raise error.within("evals") from None
                json_evals = list_json_evals

        elif json_evals is not UNSET:
            raise wrong_type("array", json_evals, "evals")

        if json_organization is None:
            pass
        elif type(json_organization) is str:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids, "organization"
            )

        elif json_organization is not UNSET:
            raise wrong_type("string (uuid) or null", json_organization, "organization")

        if (
            type(json_enable_tool_evaluation) is not bool
            and json_enable_tool_evaluation is not UNSET
        ):
            raise wrong_type(
                "boolean", json_enable_tool_evaluation, "enable_tool_evaluation"
            )

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

        if json_last_run_at is None:
            pass
        elif type(json_last_run_at) is str:
            try:
                json_last_run_at = parse_datetime(json_last_run_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_last_run_at!r}", "last_run_at"
                ) from None

        elif json_last_run_at is not UNSET:
            raise wrong_type(
                "string (date-time) or null", json_last_run_at, "last_run_at"
            )

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
        if len(d) == 28 if complete else _KEYS.issuperset(d):
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
            del d["name"]
            if json_description is not UNSET:
                del d["description"]
            if json_agent_definition is not UNSET:
                del d["agent_definition"]
            if json_agent_version is not UNSET:
                del d["agent_version"]
            if json_agent_definition_detail is not UNSET:
                del d["agent_definition_detail"]
            if json_source_type is not UNSET:
                del d["source_type"]
            if json_source_type_display is not UNSET:
                del d["source_type_display"]
            if json_prompt_template is not UNSET:
                del d["prompt_template"]
            if json_prompt_template_detail is not UNSET:
                del d["prompt_template_detail"]
            if json_prompt_version is not UNSET:
                del d["prompt_version"]
            if json_prompt_version_detail is not UNSET:
                del d["prompt_version_detail"]
            if json_scenarios is not UNSET:
                del d["scenarios"]
            if json_scenarios_detail is not UNSET:
                del d["scenarios_detail"]
            if json_dataset_row_ids is not UNSET:
                del d["dataset_row_ids"]
            if json_simulator_agent is not UNSET:
                del d["simulator_agent"]
            if json_simulator_agent_detail is not UNSET:
                del d["simulator_agent_detail"]
            if json_simulate_eval_configs is not UNSET:
                del d["simulate_eval_configs"]
            if json_simulate_eval_configs_detail is not UNSET:
                del d["simulate_eval_configs_detail"]
            if json_evals_detail is not UNSET:
                del d["evals_detail"]
            if json_evals is not UNSET:
                del d["evals"]
            if json_organization is not UNSET:
                del d["organization"]
            if json_enable_tool_evaluation is not UNSET:
                del d["enable_tool_evaluation"]
            if json_created_at is not UNSET:
                del d["created_at"]
            if json_updated_at is not UNSET:
                del d["updated_at"]
            if json_last_run_at is not UNSET:
                del d["last_run_at"]
            if json_deleted is not UNSET:
                del d["deleted"]
            if json_deleted_at is not UNSET:
                del d["deleted_at"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is RunTest:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.name = json_name
            made.description = json_description
            made.agent_definition = json_agent_definition
            made.agent_version = json_agent_version
            made.agent_definition_detail = json_agent_definition_detail
            made.source_type = json_source_type
            made.source_type_display = json_source_type_display
            made.prompt_template = json_prompt_template
            made.prompt_template_detail = json_prompt_template_detail
            made.prompt_version = json_prompt_version
            made.prompt_version_detail = json_prompt_version_detail
            made.scenarios = json_scenarios
            made.scenarios_detail = json_scenarios_detail
            made.dataset_row_ids = json_dataset_row_ids
            made.simulator_agent = json_simulator_agent
            made.simulator_agent_detail = json_simulator_agent_detail
            made.simulate_eval_configs = json_simulate_eval_configs
            made.simulate_eval_configs_detail = json_simulate_eval_configs_detail
            made.evals_detail = json_evals_detail
            made.evals = json_evals
            made.organization = json_organization
            made.enable_tool_evaluation = json_enable_tool_evaluation
            made.created_at = json_created_at
            made.updated_at = json_updated_at
            made.last_run_at = json_last_run_at
            made.deleted = json_deleted
            made.deleted_at = json_deleted_at
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                name=json_name,
                description=json_description,
                agent_definition=json_agent_definition,
                agent_version=json_agent_version,
                agent_definition_detail=json_agent_definition_detail,
                source_type=json_source_type,
                source_type_display=json_source_type_display,
                prompt_template=json_prompt_template,
                prompt_template_detail=json_prompt_template_detail,
                prompt_version=json_prompt_version,
                prompt_version_detail=json_prompt_version_detail,
                scenarios=json_scenarios,
                scenarios_detail=json_scenarios_detail,
                dataset_row_ids=json_dataset_row_ids,
                simulator_agent=json_simulator_agent,
                simulator_agent_detail=json_simulator_agent_detail,
                simulate_eval_configs=json_simulate_eval_configs,
                simulate_eval_configs_detail=json_simulate_eval_configs_detail,
                evals_detail=json_evals_detail,
                evals=json_evals,
                organization=json_organization,
                enable_tool_evaluation=json_enable_tool_evaluation,
                created_at=json_created_at,
                updated_at=json_updated_at,
                last_run_at=json_last_run_at,
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
        if cls is not RunTest:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = RunTest.from_mirror(m, ids, loose, times)
            return cls(
                id=base.id,
                name=base.name,
                description=base.description,
                agent_definition=base.agent_definition,
                agent_version=base.agent_version,
                agent_definition_detail=base.agent_definition_detail,
                source_type=base.source_type,
                source_type_display=base.source_type_display,
                prompt_template=base.prompt_template,
                prompt_template_detail=base.prompt_template_detail,
                prompt_version=base.prompt_version,
                prompt_version_detail=base.prompt_version_detail,
                scenarios=base.scenarios,
                scenarios_detail=base.scenarios_detail,
                dataset_row_ids=base.dataset_row_ids,
                simulator_agent=base.simulator_agent,
                simulator_agent_detail=base.simulator_agent_detail,
                simulate_eval_configs=base.simulate_eval_configs,
                simulate_eval_configs_detail=base.simulate_eval_configs_detail,
                evals_detail=base.evals_detail,
                evals=base.evals,
                organization=base.organization,
                enable_tool_evaluation=base.enable_tool_evaluation,
                created_at=base.created_at,
                updated_at=base.updated_at,
                last_run_at=base.last_run_at,
                deleted=base.deleted,
                deleted_at=base.deleted_at,
                additional_properties=base.additional_properties,
            )
        if times is None:
            times = {}
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_id = m.id
        json_id = ids.get(json_id) or read_uuid(json_id, ids)

        made.id = json_id
        made.name = m.name
        made.description = m.description
        json_agent_definition = m.agent_definition
        if json_agent_definition is not None and json_agent_definition is not UNSET:
            json_agent_definition = ids.get(json_agent_definition) or read_uuid(
                json_agent_definition, ids
            )

        made.agent_definition = json_agent_definition
        json_agent_version = m.agent_version
        if json_agent_version is not None and json_agent_version is not UNSET:
            json_agent_version = AgentVersion.from_mirror(
                json_agent_version, ids, loose, times
            )

        made.agent_version = json_agent_version
        json_agent_definition_detail = m.agent_definition_detail
        if (
            json_agent_definition_detail is not None
            and json_agent_definition_detail is not UNSET
        ):
            if loose is not None:
                loose.append(json_agent_definition_detail)
            made_json_agent_definition_detail = new_instance(DetailObject)
            made_json_agent_definition_detail.additional_properties = (
                json_agent_definition_detail
            )
            json_agent_definition_detail = made_json_agent_definition_detail

        made.agent_definition_detail = json_agent_definition_detail
        made.source_type = m.source_type
        made.source_type_display = m.source_type_display
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
            made_json_prompt_template_detail = new_instance(DetailObject)
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
            made_json_prompt_version_detail = new_instance(DetailObject)
            made_json_prompt_version_detail.additional_properties = (
                json_prompt_version_detail
            )
            json_prompt_version_detail = made_json_prompt_version_detail

        made.prompt_version_detail = json_prompt_version_detail
        json_scenarios = m.scenarios
        if json_scenarios is not UNSET:
            index_json_scenarios = 0
            for item_json_scenarios in json_scenarios:
                item_json_scenarios = ids.get(item_json_scenarios) or read_uuid(
                    item_json_scenarios, ids
                )

                json_scenarios[index_json_scenarios] = item_json_scenarios
                index_json_scenarios += 1

        made.scenarios = json_scenarios
        json_scenarios_detail = m.scenarios_detail
        if json_scenarios_detail is not UNSET:
            index_json_scenarios_detail = 0
            for item_json_scenarios_detail in json_scenarios_detail:
                item_json_scenarios_detail = Scenario.from_mirror(
                    item_json_scenarios_detail, ids, loose, times
                )

                json_scenarios_detail[index_json_scenarios_detail] = (
                    item_json_scenarios_detail
                )
                index_json_scenarios_detail += 1

        made.scenarios_detail = json_scenarios_detail
        made.dataset_row_ids = m.dataset_row_ids
        json_simulator_agent = m.simulator_agent
        if json_simulator_agent is not None and json_simulator_agent is not UNSET:
            json_simulator_agent = ids.get(json_simulator_agent) or read_uuid(
                json_simulator_agent, ids
            )

        made.simulator_agent = json_simulator_agent
        json_simulator_agent_detail = m.simulator_agent_detail
        if (
            json_simulator_agent_detail is not None
            and json_simulator_agent_detail is not UNSET
        ):
            if loose is not None:
                loose.append(json_simulator_agent_detail)
            made_json_simulator_agent_detail = new_instance(DetailObject)
            made_json_simulator_agent_detail.additional_properties = (
                json_simulator_agent_detail
            )
            json_simulator_agent_detail = made_json_simulator_agent_detail

        made.simulator_agent_detail = json_simulator_agent_detail
        json_simulate_eval_configs = m.simulate_eval_configs
        if json_simulate_eval_configs is not UNSET:
            index_json_simulate_eval_configs = 0
            for item_json_simulate_eval_configs in json_simulate_eval_configs:
                item_json_simulate_eval_configs = ids.get(
                    item_json_simulate_eval_configs
                ) or read_uuid(item_json_simulate_eval_configs, ids)

                json_simulate_eval_configs[index_json_simulate_eval_configs] = (
                    item_json_simulate_eval_configs
                )
                index_json_simulate_eval_configs += 1

        made.simulate_eval_configs = json_simulate_eval_configs
        json_simulate_eval_configs_detail = m.simulate_eval_configs_detail
        if json_simulate_eval_configs_detail is not UNSET:
            index_json_simulate_eval_configs_detail = 0
            for (
                item_json_simulate_eval_configs_detail
            ) in json_simulate_eval_configs_detail:
                item_json_simulate_eval_configs_detail = EvalConfig.from_mirror(
                    item_json_simulate_eval_configs_detail, ids, loose, times
                )

                json_simulate_eval_configs_detail[
                    index_json_simulate_eval_configs_detail
                ] = item_json_simulate_eval_configs_detail
                index_json_simulate_eval_configs_detail += 1

        made.simulate_eval_configs_detail = json_simulate_eval_configs_detail
        json_evals_detail = m.evals_detail
        if json_evals_detail is not UNSET:
            index_json_evals_detail = 0
            for item_json_evals_detail in json_evals_detail:
                item_json_evals_detail = EvalConfig.from_mirror(
                    item_json_evals_detail, ids, loose, times
                )

                json_evals_detail[index_json_evals_detail] = item_json_evals_detail
                index_json_evals_detail += 1

        made.evals_detail = json_evals_detail
        json_evals = m.evals
        if json_evals is not UNSET:
            index_json_evals = 0
            for item_json_evals in json_evals:
                item_json_evals = EvalConfig.from_mirror(
                    item_json_evals, ids, loose, times
                )

                json_evals[index_json_evals] = item_json_evals
                index_json_evals += 1

        made.evals = json_evals
        json_organization = m.organization
        if json_organization is not None and json_organization is not UNSET:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids
            )

        made.organization = json_organization
        made.enable_tool_evaluation = m.enable_tool_evaluation
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
        json_last_run_at = m.last_run_at
        if json_last_run_at is not None and json_last_run_at is not UNSET:
            json_last_run_at = times.get(json_last_run_at) or times.setdefault(
                json_last_run_at, parse_datetime(json_last_run_at)
            )

        made.last_run_at = json_last_run_at
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
from ..models.agent_version import AgentVersion
from ..models.detail_object import DetailObject
from ..models.eval_config import EvalConfig
from ..models.scenario import Scenario
