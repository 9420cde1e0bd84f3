from __future__ import annotations

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
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for EvaluationConfig: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "template_id",
        "name",
        "config",
        "mapping",
        "filters",
        "error_localizer",
        "model",
        "kb_id",
        "eval_group",
    )
)
# The msgspec mirror of EvaluationConfig, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("template_id", "template_id", "str", True),
    ("name", "name", "str", False),
    ("config", "config", "dict[str, Any]", False),
    ("mapping", "mapping", "dict[str, Any]", False),
    ("filters", "filters", "list[dict[str, Any]]", False),
    ("error_localizer", "error_localizer", "bool", False),
    ("model", "model", "str", False),
    ("kb_id", "kb_id", "str | None", False),
    ("eval_group", "eval_group", "str | None", False),
)


@_attrs_define
class EvaluationConfig:
    """An evaluation to create with a run test.

    Attributes:
        template_id (UUID): The evaluation template.
        name (str | Unset): Display name of the evaluation.
        config (EvaluationConfigConfig | Unset): Template-specific configuration.
        mapping (EvaluationConfigMapping | Unset): Maps the template's inputs to call fields.
        filters (list[EvaluationConfigFiltersItem] | Unset): Filters restricting which calls are evaluated.
        error_localizer (bool | Unset): Localise errors in failing calls.
        model (str | Unset): Model the evaluation runs on.
        kb_id (None | Unset | UUID): Knowledge base the evaluation may consult.
        eval_group (None | str | Unset): Evaluation group to file the evaluation under.
    """

    template_id: UUID
    name: str | Unset = UNSET
    config: EvaluationConfigConfig | Unset = UNSET
    mapping: EvaluationConfigMapping | Unset = UNSET
    filters: list[EvaluationConfigFiltersItem] | Unset = UNSET
    error_localizer: bool | Unset = UNSET
    model: str | Unset = UNSET
    kb_id: None | Unset | UUID = UNSET
    eval_group: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        name = self.name

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = self.mapping.to_dict()

        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item = filters_item_data.to_dict()
                filters.append(filters_item)

        error_localizer = self.error_localizer

        model = self.model

        kb_id: None | str | Unset
        if isinstance(self.kb_id, Unset):
            kb_id = UNSET
        elif isinstance(self.kb_id, UUID):
            kb_id = str(self.kb_id)
        else:
            kb_id = self.kb_id

        eval_group: None | str | Unset
        if isinstance(self.eval_group, Unset):
            eval_group = UNSET
        else:
            eval_group = self.eval_group

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_id": template_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if config is not UNSET:
            field_dict["config"] = config
        if mapping is not UNSET:
            field_dict["mapping"] = mapping
        if filters is not UNSET:
            field_dict["filters"] = filters
        if error_localizer is not UNSET:
            field_dict["error_localizer"] = error_localizer
        if model is not UNSET:
            field_dict["model"] = model
        if kb_id is not UNSET:
            field_dict["kb_id"] = kb_id
        if eval_group is not UNSET:
            field_dict["eval_group"] = eval_group

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
        if len(d) >= 9:
            try:
                json_template_id = d["template_id"]
                json_name = d["name"]
                json_config = d["config"]
                json_mapping = d["mapping"]
                json_filters = d["filters"]
                json_error_localizer = d["error_localizer"]
                json_model = d["model"]
                json_kb_id = d["kb_id"]
                json_eval_group = d["eval_group"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_template_id = d.get("template_id", UNSET)
            if json_template_id is UNSET:
                raise missing("template_id")
            json_name = d.get("name", UNSET)
            json_config = d.get("config", UNSET)
            json_mapping = d.get("mapping", UNSET)
            json_filters = d.get("filters", UNSET)
            json_error_localizer = d.get("error_localizer", UNSET)
            json_model = d.get("model", UNSET)
            json_kb_id = d.get("kb_id", UNSET)
            json_eval_group = d.get("eval_group", UNSET)

        if type(json_template_id) is str:
            json_template_id = ids.get(json_template_id) or read_uuid(
                json_template_id, ids, "template_id"
            )

        else:
            raise wrong_type("string (uuid)", json_template_id, "template_id")

        if type(json_name) is not str and json_name is not UNSET:
            raise wrong_type("string", json_name, "name")

        if type(json_config) is dict:
            made_json_config = new_instance(EvaluationConfigConfig)
            made_json_config.additional_properties = json_config
            json_config = made_json_config

        elif json_config is not UNSET:
            raise wrong_type("object", json_config, "config")

        if type(json_mapping) is dict:
            made_json_mapping = new_instance(EvaluationConfigMapping)
            made_json_mapping.additional_properties = json_mapping
            json_mapping = made_json_mapping

        elif json_mapping is not UNSET:
            raise wrong_type("object", json_mapping, "mapping")

        if type(json_filters) is list:
            if json_filters:
                list_json_filters: list[Any] = (
                    json_filters if consume else json_filters.copy()
                )
                index_json_filters = 0
                try:
                    for item_json_filters in list_json_filters:
                        if type(item_json_filters) is dict:
                            made_item_json_filters = new_instance(
                                EvaluationConfigFiltersItem
                            )
                            made_item_json_filters.additional_properties = (
                                item_json_filters
                            )
                            item_json_filters = made_item_json_filters

                        else:
                            raise wrong_type(
                                "object", item_json_filters, index_json_filters
                            )

                        list_json_filters[index_json_filters] = item_json_filters
                        index_json_filters += 1
                except ParseError as error:
                    raise error.within("filters") from None
                json_filters = list_json_filters

        elif json_filters is not UNSET:
            raise wrong_type("array", json_filters, "filters")

        if type(json_error_localizer) is not bool and json_error_localizer is not UNSET:
            raise wrong_type("boolean", json_error_localizer, "error_localizer")

        if type(json_model) is not str and json_model is not UNSET:
            raise wrong_type("string", json_model, "model")

        if json_kb_id is None:
            pass
        elif type(json_kb_id) is str:
            json_kb_id = ids.get(json_kb_id) or read_uuid(json_kb_id, ids, "kb_id")

        elif json_kb_id is not UNSET:
            raise wrong_type("string (uuid) or null", json_kb_id, "kb_id")

        if (
            type(json_eval_group) is not str
            and json_eval_group is not None
            and json_eval_group is not UNSET
        ):
            raise wrong_type("string or null", json_eval_group, "eval_group")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 9 if complete else _KEYS.issuperset(d):
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
            del d["template_id"]
            if json_name is not UNSET:
                del d["name"]
            if json_config is not UNSET:
                del d["config"]
            if json_mapping is not UNSET:
                del d["mapping"]
            if json_filters is not UNSET:
                del d["filters"]
            if json_error_localizer is not UNSET:
                del d["error_localizer"]
            if json_model is not UNSET:
                del d["model"]
            if json_kb_id is not UNSET:
                del d["kb_id"]
            if json_eval_group is not UNSET:
                del d["eval_group"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is EvaluationConfig:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.template_id = json_template_id
            made.name = json_name
            made.config = json_config
            made.mapping = json_mapping
            made.filters = json_filters
            made.error_localizer = json_error_localizer
            made.model = json_model
            made.kb_id = json_kb_id
            made.eval_group = json_eval_group
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                template_id=json_template_id,
                name=json_name,
                config=json_config,
                mapping=json_mapping,
                filters=json_filters,
                error_localizer=json_error_localizer,
                model=json_model,
                kb_id=json_kb_id,
                eval_group=json_eval_group,
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
        if cls is not EvaluationConfig:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = EvaluationConfig.from_mirror(m, ids, loose, times)
            return cls(
                template_id=base.template_id,
                name=base.name,
                config=base.config,
                mapping=base.mapping,
                filters=base.filters,
                error_localizer=base.error_localizer,
                model=base.model,
                kb_id=base.kb_id,
                eval_group=base.eval_group,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_template_id = m.template_id
        json_template_id = ids.get(json_template_id) or read_uuid(json_template_id, ids)

        made.template_id = json_template_id
        made.name = m.name
        json_config = m.config
        if json_config is not UNSET:
            if loose is not None:
                loose.append(json_config)
            made_json_config = new_instance(EvaluationConfigConfig)
            made_json_config.additional_properties = json_config
            json_config = made_json_config

        made.config = json_config
        json_mapping = m.mapping
        if json_mapping is not UNSET:
            if loose is not None:
                loose.append(json_mapping)
            made_json_mapping = new_instance(EvaluationConfigMapping)
            made_json_mapping.additional_properties = json_mapping
            json_mapping = made_json_mapping

        made.mapping = json_mapping
        json_filters = m.filters
        if json_filters is not UNSET:
            index_json_filters = 0
            for item_json_filters in json_filters:
                if loose is not None:
                    loose.append(item_json_filters)
                made_item_json_filters = new_instance(EvaluationConfigFiltersItem)
                made_item_json_filters.additional_properties = item_json_filters
                item_json_filters = made_item_json_filters

                json_filters[index_json_filters] = item_json_filters
                index_json_filters += 1

        made.filters = json_filters
        made.error_localizer = m.error_localizer
        made.model = m.model
        json_kb_id = m.kb_id
        if json_kb_id is not None and json_kb_id is not UNSET:
            json_kb_id = ids.get(json_kb_id) or read_uuid(json_kb_id, ids)

        made.kb_id = json_kb_id
        made.eval_group = m.eval_group
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
from ..models.evaluation_config_config import EvaluationConfigConfig
from ..models.evaluation_config_filters_item import EvaluationConfigFiltersItem
from ..models.evaluation_config_mapping import EvaluationConfigMapping
