from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_config_config import EvaluationConfigConfig
    from ..models.evaluation_config_filters_item import EvaluationConfigFiltersItem
    from ..models.evaluation_config_mapping import EvaluationConfigMapping


T = TypeVar("T", bound="EvaluationConfig")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_config_config import EvaluationConfigConfig
        from ..models.evaluation_config_filters_item import EvaluationConfigFiltersItem
        from ..models.evaluation_config_mapping import EvaluationConfigMapping

        d = dict(src_dict)
        template_id = UUID(d.pop("template_id"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: EvaluationConfigConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = EvaluationConfigConfig.from_dict(_config)

        _mapping = d.pop("mapping", UNSET)
        mapping: EvaluationConfigMapping | Unset
        if isinstance(_mapping, Unset):
            mapping = UNSET
        else:
            mapping = EvaluationConfigMapping.from_dict(_mapping)

        _filters = d.pop("filters", UNSET)
        filters: list[EvaluationConfigFiltersItem] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = EvaluationConfigFiltersItem.from_dict(filters_item_data)

                filters.append(filters_item)

        error_localizer = d.pop("error_localizer", UNSET)

        model = d.pop("model", UNSET)

        def _parse_kb_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kb_id_type_0 = UUID(data)

                return kb_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        kb_id = _parse_kb_id(d.pop("kb_id", UNSET))

        def _parse_eval_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        eval_group = _parse_eval_group(d.pop("eval_group", UNSET))

        evaluation_config = cls(
            template_id=template_id,
            name=name,
            config=config,
            mapping=mapping,
            filters=filters,
            error_localizer=error_localizer,
            model=model,
            kb_id=kb_id,
            eval_group=eval_group,
        )

        evaluation_config.additional_properties = d
        return evaluation_config

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
