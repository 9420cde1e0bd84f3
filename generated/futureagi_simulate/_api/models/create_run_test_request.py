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
    missing,
    new_instance,
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for CreateRunTestRequest: any other key is refused.
_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "agent_definition_id",
        "scenario_ids",
        "description",
        "dataset_row_ids",
        "eval_config_ids",
        "evaluations_config",
        "enable_tool_evaluation",
        "replay_session_id",
        "agent_version",
    )
)
# The msgspec mirror of CreateRunTestRequest, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("name", "name", "str", True),
    ("agent_definition_id", "agent_definition_id", "str", True),
    ("scenario_ids", "scenario_ids", "list[str]", True),
    ("description", "description", "str", False),
    ("dataset_row_ids", "dataset_row_ids", "list[str]", False),
    ("eval_config_ids", "eval_config_ids", "list[str]", False),
    ("evaluations_config", "evaluations_config", "list[dict[str, Any]]", False),
    ("enable_tool_evaluation", "enable_tool_evaluation", "bool", False),
    ("replay_session_id", "replay_session_id", "str | None", False),
    ("agent_version", "agent_version", "str | None", False),
)


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

    __repr__ = _model_repr
    __eq__ = _model_eq

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
        if len(d) == 10:
            try:
                json_name = d["name"]
                json_agent_definition_id = d["agent_definition_id"]
                json_scenario_ids = d["scenario_ids"]
                json_description = d["description"]
                json_dataset_row_ids = d["dataset_row_ids"]
                json_eval_config_ids = d["eval_config_ids"]
                json_evaluations_config = d["evaluations_config"]
                json_enable_tool_evaluation = d["enable_tool_evaluation"]
                json_replay_session_id = d["replay_session_id"]
                json_agent_version = d["agent_version"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_name = d.get("name", UNSET)
            if json_name is UNSET:
                raise missing("name")
            json_agent_definition_id = d.get("agent_definition_id", UNSET)
            if json_agent_definition_id is UNSET:
                raise missing("agent_definition_id")
            json_scenario_ids = d.get("scenario_ids", UNSET)
            if json_scenario_ids is UNSET:
                raise missing("scenario_ids")
            json_description = d.get("description", UNSET)
            json_dataset_row_ids = d.get("dataset_row_ids", UNSET)
            json_eval_config_ids = d.get("eval_config_ids", UNSET)
            json_evaluations_config = d.get("evaluations_config", UNSET)
            json_enable_tool_evaluation = d.get("enable_tool_evaluation", UNSET)
            json_replay_session_id = d.get("replay_session_id", UNSET)
            json_agent_version = d.get("agent_version", UNSET)

        if type(json_name) is not str:
            raise wrong_type("string", json_name, "name")

        if type(json_agent_definition_id) is str:
            json_agent_definition_id = ids.get(json_agent_definition_id) or read_uuid(
                json_agent_definition_id, ids, "agent_definition_id"
            )

        else:
            raise wrong_type(
                "string (uuid)", json_agent_definition_id, "agent_definition_id"
            )

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
                    raise error.within("scenario_ids") from None
                json_scenario_ids = list_json_scenario_ids

        else:
            raise wrong_type("array", json_scenario_ids, "scenario_ids")

        if type(json_description) is not str and json_description is not UNSET:
            raise wrong_type("string", json_description, "description")

        if type(json_dataset_row_ids) is list:
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
            raise wrong_type("array", json_dataset_row_ids, "dataset_row_ids")

        if type(json_eval_config_ids) is list:
            if json_eval_config_ids:
                list_json_eval_config_ids: list[Any] = (
                    json_eval_config_ids if consume else json_eval_config_ids.copy()
                )
                index_json_eval_config_ids = 0
                try:
                    for item_json_eval_config_ids in list_json_eval_config_ids:
                        if type(item_json_eval_config_ids) is str:
                            item_json_eval_config_ids = ids.get(
                                item_json_eval_config_ids
                            ) or read_uuid(
                                item_json_eval_config_ids,
                                ids,
                                index_json_eval_config_ids,
                            )

                        else:
                            raise wrong_type(
                                "string (uuid)",
                                item_json_eval_config_ids,
                                index_json_eval_config_ids,
                            )

                        list_json_eval_config_ids[index_json_eval_config_ids] = (
                            item_json_eval_config_ids
                        )
                        index_json_eval_config_ids += 1
                except ParseError as error:
                    raise error.within("eval_config_ids") from None
                json_eval_config_ids = list_json_eval_config_ids

        elif json_eval_config_ids is not UNSET:
            raise wrong_type("array", json_eval_config_ids, "eval_config_ids")

        if type(json_evaluations_config) is list:
            if json_evaluations_config:
                list_json_evaluations_config: list[Any] = (
                    json_evaluations_config
                    if consume
                    else json_evaluations_config.copy()
                )
                index_json_evaluations_config = 0
                try:
                    for item_json_evaluations_config in list_json_evaluations_config:
                        if type(item_json_evaluations_config) is dict:
                            try:
                                item_json_evaluations_config = (
                                    EvaluationConfig.from_dict(
                                        item_json_evaluations_config, ids, consume
                                    )
                                )
                            except ParseError as error:
                                raise error.within(
                                    index_json_evaluations_config
                                ) from None

                        else:
                            raise wrong_type(
                                "object",
                                item_json_evaluations_config,
                                index_json_evaluations_config,
                            )

                        list_json_evaluations_config[index_json_evaluations_config] = (
                            item_json_evaluations_config
                        )
                        index_json_evaluations_config += 1
                except ParseError as error:
                    raise error.within("evaluations_config") from None
                json_evaluations_config = list_json_evaluations_config

        elif json_evaluations_config is not UNSET:
            raise wrong_type("array", json_evaluations_config, "evaluations_config")

        if (
            type(json_enable_tool_evaluation) is not bool
            and json_enable_tool_evaluation is not UNSET
        ):
            raise wrong_type(
                "boolean", json_enable_tool_evaluation, "enable_tool_evaluation"
            )

        if json_replay_session_id is None:
            pass
        elif type(json_replay_session_id) is str:
            json_replay_session_id = ids.get(json_replay_session_id) or read_uuid(
                json_replay_session_id, ids, "replay_session_id"
            )

        elif json_replay_session_id is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_replay_session_id, "replay_session_id"
            )

        if json_agent_version is None:
            pass
        elif type(json_agent_version) is str:
            json_agent_version = ids.get(json_agent_version) or read_uuid(
                json_agent_version, ids, "agent_version"
            )

        elif json_agent_version is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_agent_version, "agent_version"
            )

        if cls is CreateRunTestRequest:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.name = json_name
            made.agent_definition_id = json_agent_definition_id
            made.scenario_ids = json_scenario_ids
            made.description = json_description
            made.dataset_row_ids = json_dataset_row_ids
            made.eval_config_ids = json_eval_config_ids
            made.evaluations_config = json_evaluations_config
            made.enable_tool_evaluation = json_enable_tool_evaluation
            made.replay_session_id = json_replay_session_id
            made.agent_version = json_agent_version
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                name=json_name,
                agent_definition_id=json_agent_definition_id,
                scenario_ids=json_scenario_ids,
                description=json_description,
                dataset_row_ids=json_dataset_row_ids,
                eval_config_ids=json_eval_config_ids,
                evaluations_config=json_evaluations_config,
                enable_tool_evaluation=json_enable_tool_evaluation,
                replay_session_id=json_replay_session_id,
                agent_version=json_agent_version,
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
        if cls is not CreateRunTestRequest:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = CreateRunTestRequest.from_mirror(m, ids, loose, times)
            return cls(
                name=base.name,
                agent_definition_id=base.agent_definition_id,
                scenario_ids=base.scenario_ids,
                description=base.description,
                dataset_row_ids=base.dataset_row_ids,
                eval_config_ids=base.eval_config_ids,
                evaluations_config=base.evaluations_config,
                enable_tool_evaluation=base.enable_tool_evaluation,
                replay_session_id=base.replay_session_id,
                agent_version=base.agent_version,
            )
        # Untyped JSON is read as from_dict reads it, but left as it came: the reader walks it afterwards for
        # the nesting bound (``loose``), which a consuming read would have emptied or filled with models.
        consume = False
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.name = m.name
        json_agent_definition_id = m.agent_definition_id
        json_agent_definition_id = ids.get(json_agent_definition_id) or read_uuid(
            json_agent_definition_id, ids
        )

        made.agent_definition_id = json_agent_definition_id
        json_scenario_ids = m.scenario_ids
        index_json_scenario_ids = 0
        for item_json_scenario_ids in json_scenario_ids:
            item_json_scenario_ids = ids.get(item_json_scenario_ids) or read_uuid(
                item_json_scenario_ids, ids
            )

            json_scenario_ids[index_json_scenario_ids] = item_json_scenario_ids
            index_json_scenario_ids += 1

        made.scenario_ids = json_scenario_ids
        made.description = m.description
        made.dataset_row_ids = m.dataset_row_ids
        json_eval_config_ids = m.eval_config_ids
        if json_eval_config_ids is not UNSET:
            index_json_eval_config_ids = 0
            for item_json_eval_config_ids in json_eval_config_ids:
                item_json_eval_config_ids = ids.get(
                    item_json_eval_config_ids
                ) or read_uuid(item_json_eval_config_ids, ids)

                json_eval_config_ids[index_json_eval_config_ids] = (
                    item_json_eval_config_ids
                )
                index_json_eval_config_ids += 1

        made.eval_config_ids = json_eval_config_ids
        json_evaluations_config = m.evaluations_config
        if json_evaluations_config is not UNSET:
            index_json_evaluations_config = 0
            for item_json_evaluations_config in json_evaluations_config:
                if loose is not None:
                    loose.append(item_json_evaluations_config)
                item_json_evaluations_config = EvaluationConfig.from_dict(
                    item_json_evaluations_config, ids, consume
                )

                json_evaluations_config[index_json_evaluations_config] = (
                    item_json_evaluations_config
                )
                index_json_evaluations_config += 1

        made.evaluations_config = json_evaluations_config
        made.enable_tool_evaluation = m.enable_tool_evaluation
        json_replay_session_id = m.replay_session_id
        if json_replay_session_id is not None and json_replay_session_id is not UNSET:
            json_replay_session_id = ids.get(json_replay_session_id) or read_uuid(
                json_replay_session_id, ids
            )

        made.replay_session_id = json_replay_session_id
        json_agent_version = m.agent_version
        if json_agent_version is not None and json_agent_version is not UNSET:
            json_agent_version = ids.get(json_agent_version) or read_uuid(
                json_agent_version, ids
            )

        made.agent_version = json_agent_version
        return made


# Sibling models, imported once the class above exists: models refer to each other in cycles, and an
# import inside from_dict would run on every call.
from ..models.evaluation_config import EvaluationConfig
