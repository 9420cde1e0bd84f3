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
    Unset,
    as_object,
    new_instance,
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for EvalConfig: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "name",
        "config",
        "mapping",
        "filters",
        "error_localizer",
        "model",
        "status",
        "eval_group",
        "template_id",
    )
)
# The msgspec mirror of EvalConfig, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("id", "id", "str", False),
    ("name", "name", "str | None", False),
    ("config", "config", "dict[str, Any] | None", False),
    ("mapping", "mapping", "dict[str, Any] | None", False),
    ("filters", "filters", "", False),
    ("error_localizer", "error_localizer", "bool | None", False),
    ("model", "model", "str | None", False),
    ("status", "status", "str | None", False),
    ("eval_group", "eval_group", "str | None", False),
    ("template_id", "template_id", "str | None", False),
)


@_attrs_define
class EvalConfig:
    """An evaluation attached to a run test.

    Attributes:
        id (UUID | Unset): The evaluation's id.
        name (None | str | Unset): Display name.
        config (EvalConfigConfigType0 | None | Unset): Template-specific configuration.
        mapping (EvalConfigMappingType0 | None | Unset): Maps the template's inputs to call fields.
        filters (list[Any] | None | Unset): Filters restricting which calls are evaluated.
        error_localizer (bool | None | Unset): Whether errors are localised.
        model (None | str | Unset): Model the evaluation runs on.
        status (None | str | Unset): The evaluation's status, an open set.
        eval_group (None | str | Unset): Name of the evaluation group.
        template_id (None | Unset | UUID): The evaluation template.
    """

    id: UUID | Unset = UNSET
    name: None | str | Unset = UNSET
    config: EvalConfigConfigType0 | None | Unset = UNSET
    mapping: EvalConfigMappingType0 | None | Unset = UNSET
    filters: list[Any] | None | Unset = UNSET
    error_localizer: bool | None | Unset = UNSET
    model: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    eval_group: None | str | Unset = UNSET
    template_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, EvalConfigConfigType0):
            config = self.config.to_dict()
        else:
            config = self.config

        mapping: dict[str, Any] | None | Unset
        if isinstance(self.mapping, Unset):
            mapping = UNSET
        elif isinstance(self.mapping, EvalConfigMappingType0):
            mapping = self.mapping.to_dict()
        else:
            mapping = self.mapping

        filters: list[Any] | None | Unset
        if isinstance(self.filters, Unset):
            filters = UNSET
        elif isinstance(self.filters, list):
            filters = self.filters

        else:
            filters = self.filters

        error_localizer: bool | None | Unset
        if isinstance(self.error_localizer, Unset):
            error_localizer = UNSET
        else:
            error_localizer = self.error_localizer

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        eval_group: None | str | Unset
        if isinstance(self.eval_group, Unset):
            eval_group = UNSET
        else:
            eval_group = self.eval_group

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        elif isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
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
        if status is not UNSET:
            field_dict["status"] = status
        if eval_group is not UNSET:
            field_dict["eval_group"] = eval_group
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

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
        if len(d) >= 10:
            try:
                json_id = d["id"]
                json_name = d["name"]
                json_config = d["config"]
                json_mapping = d["mapping"]
                json_filters = d["filters"]
                json_error_localizer = d["error_localizer"]
                json_model = d["model"]
                json_status = d["status"]
                json_eval_group = d["eval_group"]
                json_template_id = d["template_id"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_id = d.get("id", UNSET)
            json_name = d.get("name", UNSET)
            json_config = d.get("config", UNSET)
            json_mapping = d.get("mapping", UNSET)
            json_filters = d.get("filters", UNSET)
            json_error_localizer = d.get("error_localizer", UNSET)
            json_model = d.get("model", UNSET)
            json_status = d.get("status", UNSET)
            json_eval_group = d.get("eval_group", UNSET)
            json_template_id = d.get("template_id", UNSET)

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        elif json_id is not UNSET:
            raise wrong_type("string (uuid)", json_id, "id")

        if (
            type(json_name) is not str
            and json_name is not None
            and json_name is not UNSET
        ):
            raise wrong_type("string or null", json_name, "name")

        if json_config is None:
            pass
        elif type(json_config) is dict:
            made_json_config = new_instance(EvalConfigConfigType0)
            made_json_config.additional_properties = json_config
            json_config = made_json_config

        elif json_config is not UNSET:
            raise wrong_type("object or null", json_config, "config")

        if json_mapping is None:
            pass
        elif type(json_mapping) is dict:
            made_json_mapping = new_instance(EvalConfigMappingType0)
            made_json_mapping.additional_properties = json_mapping
            json_mapping = made_json_mapping

        elif json_mapping is not UNSET:
            raise wrong_type("object or null", json_mapping, "mapping")

        if json_filters is None or type(json_filters) is list:
            pass

        elif json_filters is not UNSET:
            raise wrong_type("array or null", json_filters, "filters")

        if (
            type(json_error_localizer) is not bool
            and json_error_localizer is not None
            and json_error_localizer is not UNSET
        ):
            raise wrong_type("boolean or null", json_error_localizer, "error_localizer")

        if (
            type(json_model) is not str
            and json_model is not None
            and json_model is not UNSET
        ):
            raise wrong_type("string or null", json_model, "model")

        if (
            type(json_status) is not str
            and json_status is not None
            and json_status is not UNSET
        ):
            raise wrong_type("string or null", json_status, "status")

        if (
            type(json_eval_group) is not str
            and json_eval_group is not None
            and json_eval_group is not UNSET
        ):
            raise wrong_type("string or null", json_eval_group, "eval_group")

        if json_template_id is None:
            pass
        elif type(json_template_id) is str:
            json_template_id = ids.get(json_template_id) or read_uuid(
                json_template_id, ids, "template_id"
            )

        elif json_template_id is not UNSET:
            raise wrong_type("string (uuid) or null", json_template_id, "template_id")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 10 if complete else _KEYS.issuperset(d):
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
            if json_id is not UNSET:
                del d["id"]
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
            if json_status is not UNSET:
                del d["status"]
            if json_eval_group is not UNSET:
                del d["eval_group"]
            if json_template_id is not UNSET:
                del d["template_id"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is EvalConfig:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.name = json_name
            made.config = json_config
            made.mapping = json_mapping
            made.filters = json_filters
            made.error_localizer = json_error_localizer
            made.model = json_model
            made.status = json_status
            made.eval_group = json_eval_group
            made.template_id = json_template_id
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                name=json_name,
                config=json_config,
                mapping=json_mapping,
                filters=json_filters,
                error_localizer=json_error_localizer,
                model=json_model,
                status=json_status,
                eval_group=json_eval_group,
                template_id=json_template_id,
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
        if cls is not EvalConfig:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = EvalConfig.from_mirror(m, ids, loose, times)
            return cls(
                id=base.id,
                name=base.name,
                config=base.config,
                mapping=base.mapping,
                filters=base.filters,
                error_localizer=base.error_localizer,
                model=base.model,
                status=base.status,
                eval_group=base.eval_group,
                template_id=base.template_id,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_id = m.id
        if json_id is not UNSET:
            json_id = ids.get(json_id) or read_uuid(json_id, ids)

        made.id = json_id
        made.name = m.name
        json_config = m.config
        if json_config is not None and json_config is not UNSET:
            if loose is not None:
                loose.append(json_config)
            made_json_config = new_instance(EvalConfigConfigType0)
            made_json_config.additional_properties = json_config
            json_config = made_json_config

        made.config = json_config
        json_mapping = m.mapping
        if json_mapping is not None and json_mapping is not UNSET:
            if loose is not None:
                loose.append(json_mapping)
            made_json_mapping = new_instance(EvalConfigMappingType0)
            made_json_mapping.additional_properties = json_mapping
            json_mapping = made_json_mapping

        made.mapping = json_mapping
        json_filters = m.filters
        if loose is not None:
            loose.append(json_filters)
        if json_filters is None or type(json_filters) is list:
            pass

        elif json_filters is not UNSET:
            raise wrong_type("array or null", json_filters, "filters")

        made.filters = json_filters
        made.error_localizer = m.error_localizer
        made.model = m.model
        made.status = m.status
        made.eval_group = m.eval_group
        json_template_id = m.template_id
        if json_template_id is not None and json_template_id is not UNSET:
            json_template_id = ids.get(json_template_id) or read_uuid(
                json_template_id, ids
            )

        made.template_id = json_template_id
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
from ..models.eval_config_config_type_0 import EvalConfigConfigType0
from ..models.eval_config_mapping_type_0 import EvalConfigMappingType0
