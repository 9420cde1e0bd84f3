from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eval_config_config_type_0 import EvalConfigConfigType0
    from ..models.eval_config_mapping_type_0 import EvalConfigMappingType0


T = TypeVar("T", bound="EvalConfig")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.eval_config_config_type_0 import EvalConfigConfigType0
        from ..models.eval_config_mapping_type_0 import EvalConfigMappingType0

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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eval_config_config_type_0 import EvalConfigConfigType0
        from ..models.eval_config_mapping_type_0 import EvalConfigMappingType0

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_config(data: object) -> EvalConfigConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0 = EvalConfigConfigType0.from_dict(data)

                return config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvalConfigConfigType0 | None | Unset, data)

        config = _parse_config(d.pop("config", UNSET))

        def _parse_mapping(data: object) -> EvalConfigMappingType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mapping_type_0 = EvalConfigMappingType0.from_dict(data)

                return mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvalConfigMappingType0 | None | Unset, data)

        mapping = _parse_mapping(d.pop("mapping", UNSET))

        def _parse_filters(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                filters_type_0 = cast(list[Any], data)

                return filters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        filters = _parse_filters(d.pop("filters", UNSET))

        def _parse_error_localizer(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        error_localizer = _parse_error_localizer(d.pop("error_localizer", UNSET))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_eval_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        eval_group = _parse_eval_group(d.pop("eval_group", UNSET))

        def _parse_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        eval_config = cls(
            id=id,
            name=name,
            config=config,
            mapping=mapping,
            filters=filters,
            error_localizer=error_localizer,
            model=model,
            status=status,
            eval_group=eval_group,
            template_id=template_id,
        )

        eval_config.additional_properties = d
        return eval_config

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
