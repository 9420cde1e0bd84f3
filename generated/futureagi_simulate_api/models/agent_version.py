from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_version_configuration_snapshot_type_0 import (
        AgentVersionConfigurationSnapshotType0,
    )


T = TypeVar("T", bound="AgentVersion")


@_attrs_define
class AgentVersion:
    """The agent version a run test is bound to (or the agent's latest version).

    Attributes:
        id (UUID | Unset): The version's id.
        name (None | str | Unset): The version's name.
        configuration_snapshot (AgentVersionConfigurationSnapshotType0 | None | Unset): The agent's configuration at
            that version, with secrets masked.
    """

    id: UUID | Unset = UNSET
    name: None | str | Unset = UNSET
    configuration_snapshot: AgentVersionConfigurationSnapshotType0 | None | Unset = (
        UNSET
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agent_version_configuration_snapshot_type_0 import (
            AgentVersionConfigurationSnapshotType0,
        )

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        configuration_snapshot: dict[str, Any] | None | Unset
        if isinstance(self.configuration_snapshot, Unset):
            configuration_snapshot = UNSET
        elif isinstance(
            self.configuration_snapshot, AgentVersionConfigurationSnapshotType0
        ):
            configuration_snapshot = self.configuration_snapshot.to_dict()
        else:
            configuration_snapshot = self.configuration_snapshot

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if configuration_snapshot is not UNSET:
            field_dict["configuration_snapshot"] = configuration_snapshot

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_version_configuration_snapshot_type_0 import (
            AgentVersionConfigurationSnapshotType0,
        )

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

        def _parse_configuration_snapshot(
            data: object,
        ) -> AgentVersionConfigurationSnapshotType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                configuration_snapshot_type_0 = (
                    AgentVersionConfigurationSnapshotType0.from_dict(data)
                )

                return configuration_snapshot_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgentVersionConfigurationSnapshotType0 | None | Unset, data)

        configuration_snapshot = _parse_configuration_snapshot(
            d.pop("configuration_snapshot", UNSET)
        )

        agent_version = cls(
            id=id,
            name=name,
            configuration_snapshot=configuration_snapshot,
        )

        agent_version.additional_properties = d
        return agent_version

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
