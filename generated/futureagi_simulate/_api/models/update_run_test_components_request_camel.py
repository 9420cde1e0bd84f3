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

# The JSON keys the document declares for UpdateRunTestComponentsRequestCamel: any other key is refused.
_KEYS: frozenset[str] = frozenset(
    (
        "agentDefinitionId",
        "version",
        "simulatorAgentId",
        "scenarios",
        "enableToolEvaluation",
    )
)
# The msgspec mirror of UpdateRunTestComponentsRequestCamel, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("agent_definition_id", "agentDefinitionId", "str", False),
    ("version", "version", "str", False),
    ("simulator_agent_id", "simulatorAgentId", "str", False),
    ("scenarios", "scenarios", "list[str]", False),
    ("enable_tool_evaluation", "enableToolEvaluation", "bool", False),
)


@_attrs_define
class UpdateRunTestComponentsRequestCamel:
    """The components body in the documented (camelCase) dialect; every field may be left out.

    Attributes:
        agent_definition_id (UUID | Unset): The agent definition the run test is to use.
        version (UUID | Unset): The agent version to pin; the agent's active version when left out.
        simulator_agent_id (UUID | Unset): The simulator agent to use.
        scenarios (list[UUID] | Unset): The scenarios, replacing the whole set.
        enable_tool_evaluation (bool | Unset): Evaluate the agent's tool calls.
    """

    agent_definition_id: UUID | Unset = UNSET
    version: UUID | Unset = UNSET
    simulator_agent_id: UUID | Unset = UNSET
    scenarios: list[UUID] | Unset = UNSET
    enable_tool_evaluation: bool | Unset = UNSET

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        agent_definition_id: str | Unset = UNSET
        if not isinstance(self.agent_definition_id, Unset):
            agent_definition_id = str(self.agent_definition_id)

        version: str | Unset = UNSET
        if not isinstance(self.version, Unset):
            version = str(self.version)

        simulator_agent_id: str | Unset = UNSET
        if not isinstance(self.simulator_agent_id, Unset):
            simulator_agent_id = str(self.simulator_agent_id)

        scenarios: list[str] | Unset = UNSET
        if not isinstance(self.scenarios, Unset):
            scenarios = []
            for scenarios_item_data in self.scenarios:
                scenarios_item = str(scenarios_item_data)
                scenarios.append(scenarios_item)

        enable_tool_evaluation = self.enable_tool_evaluation

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if agent_definition_id is not UNSET:
            field_dict["agentDefinitionId"] = agent_definition_id
        if version is not UNSET:
            field_dict["version"] = version
        if simulator_agent_id is not UNSET:
            field_dict["simulatorAgentId"] = simulator_agent_id
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios
        if enable_tool_evaluation is not UNSET:
            field_dict["enableToolEvaluation"] = enable_tool_evaluation

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
        if len(d) == 5:
            try:
                json_agent_definition_id = d["agentDefinitionId"]
                json_version = d["version"]
                json_simulator_agent_id = d["simulatorAgentId"]
                json_scenarios = d["scenarios"]
                json_enable_tool_evaluation = d["enableToolEvaluation"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_agent_definition_id = d.get("agentDefinitionId", UNSET)
            json_version = d.get("version", UNSET)
            json_simulator_agent_id = d.get("simulatorAgentId", UNSET)
            json_scenarios = d.get("scenarios", UNSET)
            json_enable_tool_evaluation = d.get("enableToolEvaluation", UNSET)

        if type(json_agent_definition_id) is str:
            json_agent_definition_id = ids.get(json_agent_definition_id) or read_uuid(
                json_agent_definition_id, ids, "agentDefinitionId"
            )

        elif json_agent_definition_id is not UNSET:
            raise wrong_type(
                "string (uuid)", json_agent_definition_id, "agentDefinitionId"
            )

        if type(json_version) is str:
            json_version = ids.get(json_version) or read_uuid(
                json_version, ids, "version"
            )

        elif json_version is not UNSET:
            raise wrong_type("string (uuid)", json_version, "version")

        if type(json_simulator_agent_id) is str:
            json_simulator_agent_id = ids.get(json_simulator_agent_id) or read_uuid(
                json_simulator_agent_id, ids, "simulatorAgentId"
            )

        elif json_simulator_agent_id is not UNSET:
            raise wrong_type(
                "string (uuid)", json_simulator_agent_id, "simulatorAgentId"
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

        if (
            type(json_enable_tool_evaluation) is not bool
            and json_enable_tool_evaluation is not UNSET
        ):
            raise wrong_type(
                "boolean", json_enable_tool_evaluation, "enableToolEvaluation"
            )

        if cls is UpdateRunTestComponentsRequestCamel:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.agent_definition_id = json_agent_definition_id
            made.version = json_version
            made.simulator_agent_id = json_simulator_agent_id
            made.scenarios = json_scenarios
            made.enable_tool_evaluation = json_enable_tool_evaluation
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                agent_definition_id=json_agent_definition_id,
                version=json_version,
                simulator_agent_id=json_simulator_agent_id,
                scenarios=json_scenarios,
                enable_tool_evaluation=json_enable_tool_evaluation,
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
        if cls is not UpdateRunTestComponentsRequestCamel:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = UpdateRunTestComponentsRequestCamel.from_mirror(m, ids, loose, times)
            return cls(
                agent_definition_id=base.agent_definition_id,
                version=base.version,
                simulator_agent_id=base.simulator_agent_id,
                scenarios=base.scenarios,
                enable_tool_evaluation=base.enable_tool_evaluation,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_agent_definition_id = m.agent_definition_id
        if json_agent_definition_id is not UNSET:
            json_agent_definition_id = ids.get(json_agent_definition_id) or read_uuid(
                json_agent_definition_id, ids
            )

        made.agent_definition_id = json_agent_definition_id
        json_version = m.version
        if json_version is not UNSET:
            json_version = ids.get(json_version) or read_uuid(json_version, ids)

        made.version = json_version
        json_simulator_agent_id = m.simulator_agent_id
        if json_simulator_agent_id is not UNSET:
            json_simulator_agent_id = ids.get(json_simulator_agent_id) or read_uuid(
                json_simulator_agent_id, ids
            )

        made.simulator_agent_id = json_simulator_agent_id
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
        made.enable_tool_evaluation = m.enable_tool_evaluation
        return made
