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

# The JSON keys the document declares for AgentVersionDetail: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "version_number",
        "version_name",
        "version_name_display",
        "status",
        "status_display",
        "score",
        "test_count",
        "pass_rate",
        "description",
        "commit_message",
        "release_notes",
        "agent_definition",
        "organization",
        "configuration_snapshot",
        "is_active",
        "is_latest",
        "created_at",
        "updated_at",
    )
)
# The msgspec mirror of AgentVersionDetail, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("id", "id", "str", True),
    ("version_number", "version_number", "int", False),
    ("version_name", "version_name", "str | None", False),
    ("version_name_display", "version_name_display", "str | None", False),
    ("status", "status", "str | None", False),
    ("status_display", "status_display", "str | None", False),
    ("score", "score", "int | float | None", False),
    ("test_count", "test_count", "int | None", False),
    ("pass_rate", "pass_rate", "int | float | None", False),
    ("description", "description", "str | None", False),
    ("commit_message", "commit_message", "str | None", False),
    ("release_notes", "release_notes", "str | None", False),
    ("agent_definition", "agent_definition", "str | None", False),
    ("organization", "organization", "str | None", False),
    (
        "configuration_snapshot",
        "configuration_snapshot",
        "dict[str, Any] | None",
        False,
    ),
    ("is_active", "is_active", "bool", False),
    ("is_latest", "is_latest", "bool", False),
    ("created_at", "created_at", "str", False),
    ("updated_at", "updated_at", "str | None", False),
)


@_attrs_define
class AgentVersionDetail:
    """One version with its configuration snapshot, as get and create answer it. Unknown keys are kept.

    Attributes:
        id (UUID): The version's id.
        version_number (int | Unset): The version's number, 1 for the first.
        version_name (None | str | Unset): Its name (`v1`, `v2`, ...), or a name given to it.
        version_name_display (None | str | Unset): Its name for display.
        status (None | str | Unset): An open set: `draft`, `active`, `inactive`, `archived`, `deprecated`.
        status_display (None | str | Unset): Human-readable `status`.
        score (float | None | Unset): Its evaluation score, 0 to 10; null before any test.
        test_count (int | None | Unset): How many test executions ran against it.
        pass_rate (float | None | Unset): The share of tests that passed, a percentage; null before any test.
        description (None | str | Unset): Its description.
        commit_message (None | str | Unset): What changed in it.
        release_notes (None | str | Unset): Release notes, if any.
        agent_definition (None | Unset | UUID): The agent definition it is a version of.
        organization (None | Unset | UUID): The owning organisation.
        configuration_snapshot (AgentVersionDetailConfigurationSnapshotType0 | None | Unset): The agent's configuration
            at this version; secrets (`api_key`, `livekit_api_secret`) are masked by the server and redacted by the client.
        is_active (bool | Unset): Whether it is the agent's active version.
        is_latest (bool | Unset): Whether it is the agent's newest version.
        created_at (datetime.datetime | Unset): When it was created.
        updated_at (datetime.datetime | None | Unset): When it last changed.
    """

    id: UUID
    version_number: int | Unset = UNSET
    version_name: None | str | Unset = UNSET
    version_name_display: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    status_display: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    test_count: int | None | Unset = UNSET
    pass_rate: float | None | Unset = UNSET
    description: None | str | Unset = UNSET
    commit_message: None | str | Unset = UNSET
    release_notes: None | str | Unset = UNSET
    agent_definition: None | Unset | UUID = UNSET
    organization: None | Unset | UUID = UNSET
    configuration_snapshot: (
        AgentVersionDetailConfigurationSnapshotType0 | None | Unset
    ) = UNSET
    is_active: bool | Unset = UNSET
    is_latest: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version_number = self.version_number

        version_name: None | str | Unset
        if isinstance(self.version_name, Unset):
            version_name = UNSET
        else:
            version_name = self.version_name

        version_name_display: None | str | Unset
        if isinstance(self.version_name_display, Unset):
            version_name_display = UNSET
        else:
            version_name_display = self.version_name_display

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        status_display: None | str | Unset
        if isinstance(self.status_display, Unset):
            status_display = UNSET
        else:
            status_display = self.status_display

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        test_count: int | None | Unset
        if isinstance(self.test_count, Unset):
            test_count = UNSET
        else:
            test_count = self.test_count

        pass_rate: float | None | Unset
        if isinstance(self.pass_rate, Unset):
            pass_rate = UNSET
        else:
            pass_rate = self.pass_rate

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        commit_message: None | str | Unset
        if isinstance(self.commit_message, Unset):
            commit_message = UNSET
        else:
            commit_message = self.commit_message

        release_notes: None | str | Unset
        if isinstance(self.release_notes, Unset):
            release_notes = UNSET
        else:
            release_notes = self.release_notes

        agent_definition: None | str | Unset
        if isinstance(self.agent_definition, Unset):
            agent_definition = UNSET
        elif isinstance(self.agent_definition, UUID):
            agent_definition = str(self.agent_definition)
        else:
            agent_definition = self.agent_definition

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, UUID):
            organization = str(self.organization)
        else:
            organization = self.organization

        configuration_snapshot: dict[str, Any] | None | Unset
        if isinstance(self.configuration_snapshot, Unset):
            configuration_snapshot = UNSET
        elif isinstance(
            self.configuration_snapshot, AgentVersionDetailConfigurationSnapshotType0
        ):
            configuration_snapshot = self.configuration_snapshot.to_dict()
        else:
            configuration_snapshot = self.configuration_snapshot

        is_active = self.is_active

        is_latest = self.is_latest

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if version_number is not UNSET:
            field_dict["version_number"] = version_number
        if version_name is not UNSET:
            field_dict["version_name"] = version_name
        if version_name_display is not UNSET:
            field_dict["version_name_display"] = version_name_display
        if status is not UNSET:
            field_dict["status"] = status
        if status_display is not UNSET:
            field_dict["status_display"] = status_display
        if score is not UNSET:
            field_dict["score"] = score
        if test_count is not UNSET:
            field_dict["test_count"] = test_count
        if pass_rate is not UNSET:
            field_dict["pass_rate"] = pass_rate
        if description is not UNSET:
            field_dict["description"] = description
        if commit_message is not UNSET:
            field_dict["commit_message"] = commit_message
        if release_notes is not UNSET:
            field_dict["release_notes"] = release_notes
        if agent_definition is not UNSET:
            field_dict["agent_definition"] = agent_definition
        if organization is not UNSET:
            field_dict["organization"] = organization
        if configuration_snapshot is not UNSET:
            field_dict["configuration_snapshot"] = configuration_snapshot
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if is_latest is not UNSET:
            field_dict["is_latest"] = is_latest
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

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
        if len(d) >= 19:
            try:
                json_id = d["id"]
                json_version_number = d["version_number"]
                json_version_name = d["version_name"]
                json_version_name_display = d["version_name_display"]
                json_status = d["status"]
                json_status_display = d["status_display"]
                json_score = d["score"]
                json_test_count = d["test_count"]
                json_pass_rate = d["pass_rate"]
                json_description = d["description"]
                json_commit_message = d["commit_message"]
                json_release_notes = d["release_notes"]
                json_agent_definition = d["agent_definition"]
                json_organization = d["organization"]
                json_configuration_snapshot = d["configuration_snapshot"]
                json_is_active = d["is_active"]
                json_is_latest = d["is_latest"]
                json_created_at = d["created_at"]
                json_updated_at = d["updated_at"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_id = d.get("id", UNSET)
            if json_id is UNSET:
                raise missing("id")
            json_version_number = d.get("version_number", UNSET)
            json_version_name = d.get("version_name", UNSET)
            json_version_name_display = d.get("version_name_display", UNSET)
            json_status = d.get("status", UNSET)
            json_status_display = d.get("status_display", UNSET)
            json_score = d.get("score", UNSET)
            json_test_count = d.get("test_count", UNSET)
            json_pass_rate = d.get("pass_rate", UNSET)
            json_description = d.get("description", UNSET)
            json_commit_message = d.get("commit_message", UNSET)
            json_release_notes = d.get("release_notes", UNSET)
            json_agent_definition = d.get("agent_definition", UNSET)
            json_organization = d.get("organization", UNSET)
            json_configuration_snapshot = d.get("configuration_snapshot", UNSET)
            json_is_active = d.get("is_active", UNSET)
            json_is_latest = d.get("is_latest", UNSET)
            json_created_at = d.get("created_at", UNSET)
            json_updated_at = d.get("updated_at", UNSET)

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        else:
            raise wrong_type("string (uuid)", json_id, "id")

        if type(json_version_number) is not int and json_version_number is not UNSET:
            raise wrong_type("integer", json_version_number, "version_number")

        if (
            type(json_version_name) is not str
            and json_version_name is not None
            and json_version_name is not UNSET
        ):
            raise wrong_type("string or null", json_version_name, "version_name")

        if (
            type(json_version_name_display) is not str
            and json_version_name_display is not None
            and json_version_name_display is not UNSET
        ):
            raise wrong_type(
                "string or null", json_version_name_display, "version_name_display"
            )

        if (
            type(json_status) is not str
            and json_status is not None
            and json_status is not UNSET
        ):
            raise wrong_type("string or null", json_status, "status")

        if (
            type(json_status_display) is not str
            and json_status_display is not None
            and json_status_display is not UNSET
        ):
            raise wrong_type("string or null", json_status_display, "status_display")

        if (
            type(json_score) is not float
            and type(json_score) is not int
            and json_score is not None
            and json_score is not UNSET
        ):
            raise wrong_type("number or null", json_score, "score")

        if (
            type(json_test_count) is not int
            and json_test_count is not None
            and json_test_count is not UNSET
        ):
            raise wrong_type("integer or null", json_test_count, "test_count")

        if (
            type(json_pass_rate) is not float
            and type(json_pass_rate) is not int
            and json_pass_rate is not None
            and json_pass_rate is not UNSET
        ):
            raise wrong_type("number or null", json_pass_rate, "pass_rate")

        if (
            type(json_description) is not str
            and json_description is not None
            and json_description is not UNSET
        ):
            raise wrong_type("string or null", json_description, "description")

        if (
            type(json_commit_message) is not str
            and json_commit_message is not None
            and json_commit_message is not UNSET
        ):
            raise wrong_type("string or null", json_commit_message, "commit_message")

        if (
            type(json_release_notes) is not str
            and json_release_notes is not None
            and json_release_notes is not UNSET
        ):
            raise wrong_type("string or null", json_release_notes, "release_notes")

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

        if json_organization is None:
            pass
        elif type(json_organization) is str:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids, "organization"
            )

        elif json_organization is not UNSET:
            raise wrong_type("string (uuid) or null", json_organization, "organization")

        if json_configuration_snapshot is None:
            pass
        elif type(json_configuration_snapshot) is dict:
            made_json_configuration_snapshot = new_instance(
                AgentVersionDetailConfigurationSnapshotType0
            )
            made_json_configuration_snapshot.additional_properties = (
                json_configuration_snapshot
            )
            json_configuration_snapshot = made_json_configuration_snapshot

        elif json_configuration_snapshot is not UNSET:
            raise wrong_type(
                "object or null", json_configuration_snapshot, "configuration_snapshot"
            )

        if type(json_is_active) is not bool and json_is_active is not UNSET:
            raise wrong_type("boolean", json_is_active, "is_active")

        if type(json_is_latest) is not bool and json_is_latest is not UNSET:
            raise wrong_type("boolean", json_is_latest, "is_latest")

        if type(json_created_at) is str:
            try:
                json_created_at = parse_datetime(json_created_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_created_at!r}", "created_at"
                ) from None

        elif json_created_at is not UNSET:
            raise wrong_type("string (date-time)", json_created_at, "created_at")

        if json_updated_at is None:
            pass
        elif type(json_updated_at) is str:
            try:
                json_updated_at = parse_datetime(json_updated_at)
            except ValueError:
                raise ParseError(
                    f"not a date-time: {json_updated_at!r}", "updated_at"
                ) from None

        elif json_updated_at is not UNSET:
            raise wrong_type(
                "string (date-time) or null", json_updated_at, "updated_at"
            )

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 19 if complete else _KEYS.issuperset(d):
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
            if json_version_number is not UNSET:
                del d["version_number"]
            if json_version_name is not UNSET:
                del d["version_name"]
            if json_version_name_display is not UNSET:
                del d["version_name_display"]
            if json_status is not UNSET:
                del d["status"]
            if json_status_display is not UNSET:
                del d["status_display"]
            if json_score is not UNSET:
                del d["score"]
            if json_test_count is not UNSET:
                del d["test_count"]
            if json_pass_rate is not UNSET:
                del d["pass_rate"]
            if json_description is not UNSET:
                del d["description"]
            if json_commit_message is not UNSET:
                del d["commit_message"]
            if json_release_notes is not UNSET:
                del d["release_notes"]
            if json_agent_definition is not UNSET:
                del d["agent_definition"]
            if json_organization is not UNSET:
                del d["organization"]
            if json_configuration_snapshot is not UNSET:
                del d["configuration_snapshot"]
            if json_is_active is not UNSET:
                del d["is_active"]
            if json_is_latest is not UNSET:
                del d["is_latest"]
            if json_created_at is not UNSET:
                del d["created_at"]
            if json_updated_at is not UNSET:
                del d["updated_at"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is AgentVersionDetail:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.version_number = json_version_number
            made.version_name = json_version_name
            made.version_name_display = json_version_name_display
            made.status = json_status
            made.status_display = json_status_display
            made.score = json_score
            made.test_count = json_test_count
            made.pass_rate = json_pass_rate
            made.description = json_description
            made.commit_message = json_commit_message
            made.release_notes = json_release_notes
            made.agent_definition = json_agent_definition
            made.organization = json_organization
            made.configuration_snapshot = json_configuration_snapshot
            made.is_active = json_is_active
            made.is_latest = json_is_latest
            made.created_at = json_created_at
            made.updated_at = json_updated_at
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                version_number=json_version_number,
                version_name=json_version_name,
                version_name_display=json_version_name_display,
                status=json_status,
                status_display=json_status_display,
                score=json_score,
                test_count=json_test_count,
                pass_rate=json_pass_rate,
                description=json_description,
                commit_message=json_commit_message,
                release_notes=json_release_notes,
                agent_definition=json_agent_definition,
                organization=json_organization,
                configuration_snapshot=json_configuration_snapshot,
                is_active=json_is_active,
                is_latest=json_is_latest,
                created_at=json_created_at,
                updated_at=json_updated_at,
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
        if cls is not AgentVersionDetail:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = AgentVersionDetail.from_mirror(m, ids, loose, times)
            return cls(
                id=base.id,
                version_number=base.version_number,
                version_name=base.version_name,
                version_name_display=base.version_name_display,
                status=base.status,
                status_display=base.status_display,
                score=base.score,
                test_count=base.test_count,
                pass_rate=base.pass_rate,
                description=base.description,
                commit_message=base.commit_message,
                release_notes=base.release_notes,
                agent_definition=base.agent_definition,
                organization=base.organization,
                configuration_snapshot=base.configuration_snapshot,
                is_active=base.is_active,
                is_latest=base.is_latest,
                created_at=base.created_at,
                updated_at=base.updated_at,
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
        made.version_number = m.version_number
        made.version_name = m.version_name
        made.version_name_display = m.version_name_display
        made.status = m.status
        made.status_display = m.status_display
        made.score = m.score
        made.test_count = m.test_count
        made.pass_rate = m.pass_rate
        made.description = m.description
        made.commit_message = m.commit_message
        made.release_notes = m.release_notes
        json_agent_definition = m.agent_definition
        if json_agent_definition is not None and json_agent_definition is not UNSET:
            json_agent_definition = ids.get(json_agent_definition) or read_uuid(
                json_agent_definition, ids
            )

        made.agent_definition = json_agent_definition
        json_organization = m.organization
        if json_organization is not None and json_organization is not UNSET:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids
            )

        made.organization = json_organization
        json_configuration_snapshot = m.configuration_snapshot
        if (
            json_configuration_snapshot is not None
            and json_configuration_snapshot is not UNSET
        ):
            if loose is not None:
                loose.append(json_configuration_snapshot)
            made_json_configuration_snapshot = new_instance(
                AgentVersionDetailConfigurationSnapshotType0
            )
            made_json_configuration_snapshot.additional_properties = (
                json_configuration_snapshot
            )
            json_configuration_snapshot = made_json_configuration_snapshot

        made.configuration_snapshot = json_configuration_snapshot
        made.is_active = m.is_active
        made.is_latest = m.is_latest
        json_created_at = m.created_at
        if json_created_at is not UNSET:
            json_created_at = times.get(json_created_at) or times.setdefault(
                json_created_at, parse_datetime(json_created_at)
            )

        made.created_at = json_created_at
        json_updated_at = m.updated_at
        if json_updated_at is not None and json_updated_at is not UNSET:
            json_updated_at = times.get(json_updated_at) or times.setdefault(
                json_updated_at, parse_datetime(json_updated_at)
            )

        made.updated_at = json_updated_at
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
from ..models.agent_version_detail_configuration_snapshot_type_0 import (
    AgentVersionDetailConfigurationSnapshotType0,
)
