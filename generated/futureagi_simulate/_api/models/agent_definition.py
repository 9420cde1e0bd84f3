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

# The JSON keys the document declares for AgentDefinition: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "id",
        "agent_name",
        "agent_type",
        "contact_number",
        "inbound",
        "description",
        "assistant_id",
        "provider",
        "language",
        "languages",
        "websocket_url",
        "websocket_headers",
        "workspace",
        "knowledge_base",
        "organization",
        "model",
        "model_details",
        "created_at",
        "updated_at",
        "authentication_method",
        "api_key",
        "observability_provider",
        "livekit_url",
        "livekit_api_key",
        "livekit_agent_name",
        "livekit_config_json",
        "livekit_max_concurrency",
        "versions",
        "active_version",
        "version_count",
    )
)
# The msgspec mirror of AgentDefinition, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("id", "id", "str", True),
    ("agent_name", "agent_name", "str | None", False),
    ("agent_type", "agent_type", "str | None", False),
    ("contact_number", "contact_number", "str | None", False),
    ("inbound", "inbound", "bool | None", False),
    ("description", "description", "str | None", False),
    ("assistant_id", "assistant_id", "str | None", False),
    ("provider", "provider", "str | None", False),
    ("language", "language", "str | None", False),
    ("languages", "languages", "list[str] | None", False),
    ("websocket_url", "websocket_url", "str | None", False),
    ("websocket_headers", "websocket_headers", "dict[str, Any] | None", False),
    ("workspace", "workspace", "str | None", False),
    ("knowledge_base", "knowledge_base", "str | None", False),
    ("organization", "organization", "str | None", False),
    ("model", "model", "str | None", False),
    ("model_details", "model_details", "dict[str, Any] | None", False),
    ("created_at", "created_at", "str", False),
    ("updated_at", "updated_at", "str | None", False),
    ("authentication_method", "authentication_method", "str | None", False),
    ("api_key", "api_key", "str | None", False),
    ("observability_provider", "observability_provider", "str | None", False),
    ("livekit_url", "livekit_url", "str | None", False),
    ("livekit_api_key", "livekit_api_key", "str | None", False),
    ("livekit_agent_name", "livekit_agent_name", "str | None", False),
    ("livekit_config_json", "livekit_config_json", "dict[str, Any] | None", False),
    ("livekit_max_concurrency", "livekit_max_concurrency", "int | None", False),
    ("versions", "versions", "list[AgentVersionSummaryMirror]", False),
    ("active_version", "active_version", "AgentVersionSummaryMirror | None", False),
    ("version_count", "version_count", "int", False),
)


@_attrs_define
class AgentDefinition:
    """One agent definition as get and create answer it. Its secrets (`api_key`, `livekit_api_key`,
    `websocket_headers`) are masked by the server and replaced by `[REDACTED]` in the client; get adds
    its versions. Unknown keys are kept.

        Attributes:
            id (UUID): The agent definition's id.
            agent_name (None | str | Unset): Display name.
            agent_type (None | str | Unset): `voice` or `text`; an open set.
            contact_number (None | str | Unset): Phone number with its country code.
            inbound (bool | None | Unset): Whether the agent takes inbound calls.
            description (None | str | Unset): Free text.
            assistant_id (None | str | Unset): The assistant's id at the provider.
            provider (None | str | Unset): The voice provider.
            language (None | str | Unset): The primary language.
            languages (list[str] | None | Unset): The languages.
            websocket_url (None | str | Unset): The websocket URL.
            websocket_headers (AgentDefinitionWebsocketHeadersType0 | None | Unset): The websocket headers; redacted by the
                client.
            workspace (None | Unset | UUID): The workspace.
            knowledge_base (None | Unset | UUID): The linked knowledge base.
            organization (None | Unset | UUID): The owning organisation.
            model (None | str | Unset): The agent's model.
            model_details (AgentDefinitionModelDetailsType0 | None | Unset): The model's settings.
            created_at (datetime.datetime | Unset): When it was created.
            updated_at (datetime.datetime | None | Unset): When it last changed.
            authentication_method (None | str | Unset): How the provider is authenticated.
            api_key (None | str | Unset): The provider's API key, masked ("" when none is set); redacted by the client.
            observability_provider (None | Unset | UUID): The observability provider linked to the agent.
            livekit_url (None | str | Unset): The LiveKit server's URL.
            livekit_api_key (None | str | Unset): The LiveKit API key, masked; redacted by the client.
            livekit_agent_name (None | str | Unset): The LiveKit agent's name.
            livekit_config_json (AgentDefinitionLivekitConfigJsonType0 | None | Unset): LiveKit settings.
            livekit_max_concurrency (int | None | Unset): Calls LiveKit may run at once.
            versions (list[AgentVersionSummary] | Unset): Its versions, newest first (get only).
            active_version (AgentVersionSummary | None | Unset): Its active version (get only).
            version_count (int | Unset): How many versions it has (get only).
    """

    id: UUID
    agent_name: None | str | Unset = UNSET
    agent_type: None | str | Unset = UNSET
    contact_number: None | str | Unset = UNSET
    inbound: bool | None | Unset = UNSET
    description: None | str | Unset = UNSET
    assistant_id: None | str | Unset = UNSET
    provider: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    websocket_url: None | str | Unset = UNSET
    websocket_headers: AgentDefinitionWebsocketHeadersType0 | None | Unset = UNSET
    workspace: None | Unset | UUID = UNSET
    knowledge_base: None | Unset | UUID = UNSET
    organization: None | Unset | UUID = UNSET
    model: None | str | Unset = UNSET
    model_details: AgentDefinitionModelDetailsType0 | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    authentication_method: None | str | Unset = UNSET
    api_key: None | str | Unset = UNSET
    observability_provider: None | Unset | UUID = UNSET
    livekit_url: None | str | Unset = UNSET
    livekit_api_key: None | str | Unset = UNSET
    livekit_agent_name: None | str | Unset = UNSET
    livekit_config_json: AgentDefinitionLivekitConfigJsonType0 | None | Unset = UNSET
    livekit_max_concurrency: int | None | Unset = UNSET
    versions: list[AgentVersionSummary] | Unset = UNSET
    active_version: AgentVersionSummary | None | Unset = UNSET
    version_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        agent_name: None | str | Unset
        if isinstance(self.agent_name, Unset):
            agent_name = UNSET
        else:
            agent_name = self.agent_name

        agent_type: None | str | Unset
        if isinstance(self.agent_type, Unset):
            agent_type = UNSET
        else:
            agent_type = self.agent_type

        contact_number: None | str | Unset
        if isinstance(self.contact_number, Unset):
            contact_number = UNSET
        else:
            contact_number = self.contact_number

        inbound: bool | None | Unset
        if isinstance(self.inbound, Unset):
            inbound = UNSET
        else:
            inbound = self.inbound

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        assistant_id: None | str | Unset
        if isinstance(self.assistant_id, Unset):
            assistant_id = UNSET
        else:
            assistant_id = self.assistant_id

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages

        else:
            languages = self.languages

        websocket_url: None | str | Unset
        if isinstance(self.websocket_url, Unset):
            websocket_url = UNSET
        else:
            websocket_url = self.websocket_url

        websocket_headers: dict[str, Any] | None | Unset
        if isinstance(self.websocket_headers, Unset):
            websocket_headers = UNSET
        elif isinstance(self.websocket_headers, AgentDefinitionWebsocketHeadersType0):
            websocket_headers = self.websocket_headers.to_dict()
        else:
            websocket_headers = self.websocket_headers

        workspace: None | str | Unset
        if isinstance(self.workspace, Unset):
            workspace = UNSET
        elif isinstance(self.workspace, UUID):
            workspace = str(self.workspace)
        else:
            workspace = self.workspace

        knowledge_base: None | str | Unset
        if isinstance(self.knowledge_base, Unset):
            knowledge_base = UNSET
        elif isinstance(self.knowledge_base, UUID):
            knowledge_base = str(self.knowledge_base)
        else:
            knowledge_base = self.knowledge_base

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, UUID):
            organization = str(self.organization)
        else:
            organization = self.organization

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        model_details: dict[str, Any] | None | Unset
        if isinstance(self.model_details, Unset):
            model_details = UNSET
        elif isinstance(self.model_details, AgentDefinitionModelDetailsType0):
            model_details = self.model_details.to_dict()
        else:
            model_details = self.model_details

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

        authentication_method: None | str | Unset
        if isinstance(self.authentication_method, Unset):
            authentication_method = UNSET
        else:
            authentication_method = self.authentication_method

        api_key: None | str | Unset
        if isinstance(self.api_key, Unset):
            api_key = UNSET
        else:
            api_key = self.api_key

        observability_provider: None | str | Unset
        if isinstance(self.observability_provider, Unset):
            observability_provider = UNSET
        elif isinstance(self.observability_provider, UUID):
            observability_provider = str(self.observability_provider)
        else:
            observability_provider = self.observability_provider

        livekit_url: None | str | Unset
        if isinstance(self.livekit_url, Unset):
            livekit_url = UNSET
        else:
            livekit_url = self.livekit_url

        livekit_api_key: None | str | Unset
        if isinstance(self.livekit_api_key, Unset):
            livekit_api_key = UNSET
        else:
            livekit_api_key = self.livekit_api_key

        livekit_agent_name: None | str | Unset
        if isinstance(self.livekit_agent_name, Unset):
            livekit_agent_name = UNSET
        else:
            livekit_agent_name = self.livekit_agent_name

        livekit_config_json: dict[str, Any] | None | Unset
        if isinstance(self.livekit_config_json, Unset):
            livekit_config_json = UNSET
        elif isinstance(
            self.livekit_config_json, AgentDefinitionLivekitConfigJsonType0
        ):
            livekit_config_json = self.livekit_config_json.to_dict()
        else:
            livekit_config_json = self.livekit_config_json

        livekit_max_concurrency: int | None | Unset
        if isinstance(self.livekit_max_concurrency, Unset):
            livekit_max_concurrency = UNSET
        else:
            livekit_max_concurrency = self.livekit_max_concurrency

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)

        active_version: dict[str, Any] | None | Unset
        if isinstance(self.active_version, Unset):
            active_version = UNSET
        elif isinstance(self.active_version, AgentVersionSummary):
            active_version = self.active_version.to_dict()
        else:
            active_version = self.active_version

        version_count = self.version_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if agent_type is not UNSET:
            field_dict["agent_type"] = agent_type
        if contact_number is not UNSET:
            field_dict["contact_number"] = contact_number
        if inbound is not UNSET:
            field_dict["inbound"] = inbound
        if description is not UNSET:
            field_dict["description"] = description
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if provider is not UNSET:
            field_dict["provider"] = provider
        if language is not UNSET:
            field_dict["language"] = language
        if languages is not UNSET:
            field_dict["languages"] = languages
        if websocket_url is not UNSET:
            field_dict["websocket_url"] = websocket_url
        if websocket_headers is not UNSET:
            field_dict["websocket_headers"] = websocket_headers
        if workspace is not UNSET:
            field_dict["workspace"] = workspace
        if knowledge_base is not UNSET:
            field_dict["knowledge_base"] = knowledge_base
        if organization is not UNSET:
            field_dict["organization"] = organization
        if model is not UNSET:
            field_dict["model"] = model
        if model_details is not UNSET:
            field_dict["model_details"] = model_details
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if authentication_method is not UNSET:
            field_dict["authentication_method"] = authentication_method
        if api_key is not UNSET:
            field_dict["api_key"] = api_key
        if observability_provider is not UNSET:
            field_dict["observability_provider"] = observability_provider
        if livekit_url is not UNSET:
            field_dict["livekit_url"] = livekit_url
        if livekit_api_key is not UNSET:
            field_dict["livekit_api_key"] = livekit_api_key
        if livekit_agent_name is not UNSET:
            field_dict["livekit_agent_name"] = livekit_agent_name
        if livekit_config_json is not UNSET:
            field_dict["livekit_config_json"] = livekit_config_json
        if livekit_max_concurrency is not UNSET:
            field_dict["livekit_max_concurrency"] = livekit_max_concurrency
        if versions is not UNSET:
            field_dict["versions"] = versions
        if active_version is not UNSET:
            field_dict["active_version"] = active_version
        if version_count is not UNSET:
            field_dict["version_count"] = version_count

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
        if len(d) >= 30:
            try:
                json_id = d["id"]
                json_agent_name = d["agent_name"]
                json_agent_type = d["agent_type"]
                json_contact_number = d["contact_number"]
                json_inbound = d["inbound"]
                json_description = d["description"]
                json_assistant_id = d["assistant_id"]
                json_provider = d["provider"]
                json_language = d["language"]
                json_languages = d["languages"]
                json_websocket_url = d["websocket_url"]
                json_websocket_headers = d["websocket_headers"]
                json_workspace = d["workspace"]
                json_knowledge_base = d["knowledge_base"]
                json_organization = d["organization"]
                json_model = d["model"]
                json_model_details = d["model_details"]
                json_created_at = d["created_at"]
                json_updated_at = d["updated_at"]
                json_authentication_method = d["authentication_method"]
                json_api_key = d["api_key"]
                json_observability_provider = d["observability_provider"]
                json_livekit_url = d["livekit_url"]
                json_livekit_api_key = d["livekit_api_key"]
                json_livekit_agent_name = d["livekit_agent_name"]
                json_livekit_config_json = d["livekit_config_json"]
                json_livekit_max_concurrency = d["livekit_max_concurrency"]
                json_versions = d["versions"]
                json_active_version = d["active_version"]
                json_version_count = d["version_count"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_id = d.get("id", UNSET)
            if json_id is UNSET:
                raise missing("id")
            json_agent_name = d.get("agent_name", UNSET)
            json_agent_type = d.get("agent_type", UNSET)
            json_contact_number = d.get("contact_number", UNSET)
            json_inbound = d.get("inbound", UNSET)
            json_description = d.get("description", UNSET)
            json_assistant_id = d.get("assistant_id", UNSET)
            json_provider = d.get("provider", UNSET)
            json_language = d.get("language", UNSET)
            json_languages = d.get("languages", UNSET)
            json_websocket_url = d.get("websocket_url", UNSET)
            json_websocket_headers = d.get("websocket_headers", UNSET)
            json_workspace = d.get("workspace", UNSET)
            json_knowledge_base = d.get("knowledge_base", UNSET)
            json_organization = d.get("organization", UNSET)
            json_model = d.get("model", UNSET)
            json_model_details = d.get("model_details", UNSET)
            json_created_at = d.get("created_at", UNSET)
            json_updated_at = d.get("updated_at", UNSET)
            json_authentication_method = d.get("authentication_method", UNSET)
            json_api_key = d.get("api_key", UNSET)
            json_observability_provider = d.get("observability_provider", UNSET)
            json_livekit_url = d.get("livekit_url", UNSET)
            json_livekit_api_key = d.get("livekit_api_key", UNSET)
            json_livekit_agent_name = d.get("livekit_agent_name", UNSET)
            json_livekit_config_json = d.get("livekit_config_json", UNSET)
            json_livekit_max_concurrency = d.get("livekit_max_concurrency", UNSET)
            json_versions = d.get("versions", UNSET)
            json_active_version = d.get("active_version", UNSET)
            json_version_count = d.get("version_count", UNSET)

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        else:
            raise wrong_type("string (uuid)", json_id, "id")

        if (
            type(json_agent_name) is not str
            and json_agent_name is not None
            and json_agent_name is not UNSET
        ):
            raise wrong_type("string or null", json_agent_name, "agent_name")

        if (
            type(json_agent_type) is not str
            and json_agent_type is not None
            and json_agent_type is not UNSET
        ):
            raise wrong_type("string or null", json_agent_type, "agent_type")

        if (
            type(json_contact_number) is not str
            and json_contact_number is not None
            and json_contact_number is not UNSET
        ):
            raise wrong_type("string or null", json_contact_number, "contact_number")

        if (
            type(json_inbound) is not bool
            and json_inbound is not None
            and json_inbound is not UNSET
        ):
            raise wrong_type("boolean or null", json_inbound, "inbound")

        if (
            type(json_description) is not str
            and json_description is not None
            and json_description is not UNSET
        ):
            raise wrong_type("string or null", json_description, "description")

        if (
            type(json_assistant_id) is not str
            and json_assistant_id is not None
            and json_assistant_id is not UNSET
        ):
            raise wrong_type("string or null", json_assistant_id, "assistant_id")

        if (
            type(json_provider) is not str
            and json_provider is not None
            and json_provider is not UNSET
        ):
            raise wrong_type("string or null", json_provider, "provider")

        if (
            type(json_language) is not str
            and json_language is not None
            and json_language is not UNSET
        ):
            raise wrong_type("string or null", json_language, "language")

        if json_languages is None:
            pass
        elif type(json_languages) is list:
            for item_json_languages in json_languages:
                if type(item_json_languages) is not str:
                    raise wrong_type(
                        "string",
                        item_json_languages,
                        "languages",
                        next(
                            i
                            for i, x in enumerate(json_languages)
                            if x is item_json_languages
                        ),
                    )

        elif json_languages is not UNSET:
            raise wrong_type("array or null", json_languages, "languages")

        if (
            type(json_websocket_url) is not str
            and json_websocket_url is not None
            and json_websocket_url is not UNSET
        ):
            raise wrong_type("string or null", json_websocket_url, "websocket_url")

        if json_websocket_headers is None:
            pass
        elif type(json_websocket_headers) is dict:
            made_json_websocket_headers = new_instance(
                AgentDefinitionWebsocketHeadersType0
            )
            made_json_websocket_headers.additional_properties = json_websocket_headers
            json_websocket_headers = made_json_websocket_headers

        elif json_websocket_headers is not UNSET:
            raise wrong_type(
                "object or null", json_websocket_headers, "websocket_headers"
            )

        if json_workspace is None:
            pass
        elif type(json_workspace) is str:
            json_workspace = ids.get(json_workspace) or read_uuid(
                json_workspace, ids, "workspace"
            )

        elif json_workspace is not UNSET:
            raise wrong_type("string (uuid) or null", json_workspace, "workspace")

        if json_knowledge_base is None:
            pass
        elif type(json_knowledge_base) is str:
            json_knowledge_base = ids.get(json_knowledge_base) or read_uuid(
                json_knowledge_base, ids, "knowledge_base"
            )

        elif json_knowledge_base is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_knowledge_base, "knowledge_base"
            )

        if json_organization is None:
            pass
        elif type(json_organization) is str:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids, "organization"
            )

        elif json_organization is not UNSET:
            raise wrong_type("string (uuid) or null", json_organization, "organization")

        if (
            type(json_model) is not str
            and json_model is not None
            and json_model is not UNSET
        ):
            raise wrong_type("string or null", json_model, "model")

        if json_model_details is None:
            pass
        elif type(json_model_details) is dict:
            made_json_model_details = new_instance(AgentDefinitionModelDetailsType0)
            made_json_model_details.additional_properties = json_model_details
            json_model_details = made_json_model_details

        elif json_model_details is not UNSET:
            raise wrong_type("object or null", json_model_details, "model_details")

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

        if (
            type(json_authentication_method) is not str
            and json_authentication_method is not None
            and json_authentication_method is not UNSET
        ):
            raise wrong_type(
                "string or null", json_authentication_method, "authentication_method"
            )

        if (
            type(json_api_key) is not str
            and json_api_key is not None
            and json_api_key is not UNSET
        ):
            raise wrong_type("string or null", json_api_key, "api_key")

        if json_observability_provider is None:
            pass
        elif type(json_observability_provider) is str:
            json_observability_provider = ids.get(
                json_observability_provider
            ) or read_uuid(json_observability_provider, ids, "observability_provider")

        elif json_observability_provider is not UNSET:
            raise wrong_type(
                "string (uuid) or null",
                json_observability_provider,
                "observability_provider",
            )

        if (
            type(json_livekit_url) is not str
            and json_livekit_url is not None
            and json_livekit_url is not UNSET
        ):
            raise wrong_type("string or null", json_livekit_url, "livekit_url")

        if (
            type(json_livekit_api_key) is not str
            and json_livekit_api_key is not None
            and json_livekit_api_key is not UNSET
        ):
            raise wrong_type("string or null", json_livekit_api_key, "livekit_api_key")

        if (
            type(json_livekit_agent_name) is not str
            and json_livekit_agent_name is not None
            and json_livekit_agent_name is not UNSET
        ):
            raise wrong_type(
                "string or null", json_livekit_agent_name, "livekit_agent_name"
            )

        if json_livekit_config_json is None:
            pass
        elif type(json_livekit_config_json) is dict:
            made_json_livekit_config_json = new_instance(
                AgentDefinitionLivekitConfigJsonType0
            )
            made_json_livekit_config_json.additional_properties = (
                json_livekit_config_json
            )
            json_livekit_config_json = made_json_livekit_config_json

        elif json_livekit_config_json is not UNSET:
            raise wrong_type(
                "object or null", json_livekit_config_json, "livekit_config_json"
            )

        if (
            type(json_livekit_max_concurrency) is not int
            and json_livekit_max_concurrency is not None
            and json_livekit_max_concurrency is not UNSET
        ):
            raise wrong_type(
                "integer or null",
                json_livekit_max_concurrency,
                "livekit_max_concurrency",
            )

        if type(json_versions) is list:
            if json_versions:
                list_json_versions: list[Any] = (
                    json_versions if consume else json_versions.copy()
                )
                index_json_versions = 0
                try:
                    for item_json_versions in list_json_versions:
                        if type(item_json_versions) is dict:
                            try:
                                item_json_versions = AgentVersionSummary.from_dict(
                                    item_json_versions, ids, consume
                                )
                            except ParseError as error:
                                raise error.within(index_json_versions) from None

                        else:
                            raise wrong_type(
                                "object", item_json_versions, index_json_versions
                            )

                        list_json_versions[index_json_versions] = item_json_versions
                        index_json_versions += 1
                except ParseError as error:
                    raise error.within("versions") from None
                json_versions = list_json_versions

        elif json_versions is not UNSET:
            raise wrong_type("array", json_versions, "versions")

        if json_active_version is None:
            pass
        elif type(json_active_version) is dict:
            try:
                json_active_version = AgentVersionSummary.from_dict(
                    json_active_version, ids, consume
                )
            except ParseError as error:
                raise error.within("active_version") from None

        elif json_active_version is not UNSET:
            raise wrong_type("null or object", json_active_version, "active_version")

        if type(json_version_count) is not int and json_version_count is not UNSET:
            raise wrong_type("integer", json_version_count, "version_count")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 30 if complete else _KEYS.issuperset(d):
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
            if json_agent_name is not UNSET:
                del d["agent_name"]
            if json_agent_type is not UNSET:
                del d["agent_type"]
            if json_contact_number is not UNSET:
                del d["contact_number"]
            if json_inbound is not UNSET:
                del d["inbound"]
            if json_description is not UNSET:
                del d["description"]
            if json_assistant_id is not UNSET:
                del d["assistant_id"]
            if json_provider is not UNSET:
                del d["provider"]
            if json_language is not UNSET:
                del d["language"]
            if json_languages is not UNSET:
                del d["languages"]
            if json_websocket_url is not UNSET:
                del d["websocket_url"]
            if json_websocket_headers is not UNSET:
                del d["websocket_headers"]
            if json_workspace is not UNSET:
                del d["workspace"]
            if json_knowledge_base is not UNSET:
                del d["knowledge_base"]
            if json_organization is not UNSET:
                del d["organization"]
            if json_model is not UNSET:
                del d["model"]
            if json_model_details is not UNSET:
                del d["model_details"]
            if json_created_at is not UNSET:
                del d["created_at"]
            if json_updated_at is not UNSET:
                del d["updated_at"]
            if json_authentication_method is not UNSET:
                del d["authentication_method"]
            if json_api_key is not UNSET:
                del d["api_key"]
            if json_observability_provider is not UNSET:
                del d["observability_provider"]
            if json_livekit_url is not UNSET:
                del d["livekit_url"]
            if json_livekit_api_key is not UNSET:
                del d["livekit_api_key"]
            if json_livekit_agent_name is not UNSET:
                del d["livekit_agent_name"]
            if json_livekit_config_json is not UNSET:
                del d["livekit_config_json"]
            if json_livekit_max_concurrency is not UNSET:
                del d["livekit_max_concurrency"]
            if json_versions is not UNSET:
                del d["versions"]
            if json_active_version is not UNSET:
                del d["active_version"]
            if json_version_count is not UNSET:
                del d["version_count"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is AgentDefinition:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.id = json_id
            made.agent_name = json_agent_name
            made.agent_type = json_agent_type
            made.contact_number = json_contact_number
            made.inbound = json_inbound
            made.description = json_description
            made.assistant_id = json_assistant_id
            made.provider = json_provider
            made.language = json_language
            made.languages = json_languages
            made.websocket_url = json_websocket_url
            made.websocket_headers = json_websocket_headers
            made.workspace = json_workspace
            made.knowledge_base = json_knowledge_base
            made.organization = json_organization
            made.model = json_model
            made.model_details = json_model_details
            made.created_at = json_created_at
            made.updated_at = json_updated_at
            made.authentication_method = json_authentication_method
            made.api_key = json_api_key
            made.observability_provider = json_observability_provider
            made.livekit_url = json_livekit_url
            made.livekit_api_key = json_livekit_api_key
            made.livekit_agent_name = json_livekit_agent_name
            made.livekit_config_json = json_livekit_config_json
            made.livekit_max_concurrency = json_livekit_max_concurrency
            made.versions = json_versions
            made.active_version = json_active_version
            made.version_count = json_version_count
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                id=json_id,
                agent_name=json_agent_name,
                agent_type=json_agent_type,
                contact_number=json_contact_number,
                inbound=json_inbound,
                description=json_description,
                assistant_id=json_assistant_id,
                provider=json_provider,
                language=json_language,
                languages=json_languages,
                websocket_url=json_websocket_url,
                websocket_headers=json_websocket_headers,
                workspace=json_workspace,
                knowledge_base=json_knowledge_base,
                organization=json_organization,
                model=json_model,
                model_details=json_model_details,
                created_at=json_created_at,
                updated_at=json_updated_at,
                authentication_method=json_authentication_method,
                api_key=json_api_key,
                observability_provider=json_observability_provider,
                livekit_url=json_livekit_url,
                livekit_api_key=json_livekit_api_key,
                livekit_agent_name=json_livekit_agent_name,
                livekit_config_json=json_livekit_config_json,
                livekit_max_concurrency=json_livekit_max_concurrency,
                versions=json_versions,
                active_version=json_active_version,
                version_count=json_version_count,
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
        if cls is not AgentDefinition:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = AgentDefinition.from_mirror(m, ids, loose, times)
            return cls(
                id=base.id,
                agent_name=base.agent_name,
                agent_type=base.agent_type,
                contact_number=base.contact_number,
                inbound=base.inbound,
                description=base.description,
                assistant_id=base.assistant_id,
                provider=base.provider,
                language=base.language,
                languages=base.languages,
                websocket_url=base.websocket_url,
                websocket_headers=base.websocket_headers,
                workspace=base.workspace,
                knowledge_base=base.knowledge_base,
                organization=base.organization,
                model=base.model,
                model_details=base.model_details,
                created_at=base.created_at,
                updated_at=base.updated_at,
                authentication_method=base.authentication_method,
                api_key=base.api_key,
                observability_provider=base.observability_provider,
                livekit_url=base.livekit_url,
                livekit_api_key=base.livekit_api_key,
                livekit_agent_name=base.livekit_agent_name,
                livekit_config_json=base.livekit_config_json,
                livekit_max_concurrency=base.livekit_max_concurrency,
                versions=base.versions,
                active_version=base.active_version,
                version_count=base.version_count,
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
        made.agent_name = m.agent_name
        made.agent_type = m.agent_type
        made.contact_number = m.contact_number
        made.inbound = m.inbound
        made.description = m.description
        made.assistant_id = m.assistant_id
        made.provider = m.provider
        made.language = m.language
        made.languages = m.languages
        made.websocket_url = m.websocket_url
        json_websocket_headers = m.websocket_headers
        if json_websocket_headers is not None and json_websocket_headers is not UNSET:
            if loose is not None:
                loose.append(json_websocket_headers)
            made_json_websocket_headers = new_instance(
                AgentDefinitionWebsocketHeadersType0
            )
            made_json_websocket_headers.additional_properties = json_websocket_headers
            json_websocket_headers = made_json_websocket_headers

        made.websocket_headers = json_websocket_headers
        json_workspace = m.workspace
        if json_workspace is not None and json_workspace is not UNSET:
            json_workspace = ids.get(json_workspace) or read_uuid(json_workspace, ids)

        made.workspace = json_workspace
        json_knowledge_base = m.knowledge_base
        if json_knowledge_base is not None and json_knowledge_base is not UNSET:
            json_knowledge_base = ids.get(json_knowledge_base) or read_uuid(
                json_knowledge_base, ids
            )

        made.knowledge_base = json_knowledge_base
        json_organization = m.organization
        if json_organization is not None and json_organization is not UNSET:
            json_organization = ids.get(json_organization) or read_uuid(
                json_organization, ids
            )

        made.organization = json_organization
        made.model = m.model
        json_model_details = m.model_details
        if json_model_details is not None and json_model_details is not UNSET:
            if loose is not None:
                loose.append(json_model_details)
            made_json_model_details = new_instance(AgentDefinitionModelDetailsType0)
            made_json_model_details.additional_properties = json_model_details
            json_model_details = made_json_model_details

        made.model_details = json_model_details
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
        made.authentication_method = m.authentication_method
        made.api_key = m.api_key
        json_observability_provider = m.observability_provider
        if (
            json_observability_provider is not None
            and json_observability_provider is not UNSET
        ):
            json_observability_provider = ids.get(
                json_observability_provider
            ) or read_uuid(json_observability_provider, ids)

        made.observability_provider = json_observability_provider
        made.livekit_url = m.livekit_url
        made.livekit_api_key = m.livekit_api_key
        made.livekit_agent_name = m.livekit_agent_name
        json_livekit_config_json = m.livekit_config_json
        if (
            json_livekit_config_json is not None
            and json_livekit_config_json is not UNSET
        ):
            if loose is not None:
                loose.append(json_livekit_config_json)
            made_json_livekit_config_json = new_instance(
                AgentDefinitionLivekitConfigJsonType0
            )
            made_json_livekit_config_json.additional_properties = (
                json_livekit_config_json
            )
            json_livekit_config_json = made_json_livekit_config_json

        made.livekit_config_json = json_livekit_config_json
        made.livekit_max_concurrency = m.livekit_max_concurrency
        json_versions = m.versions
        if json_versions is not UNSET:
            index_json_versions = 0
            for item_json_versions in json_versions:
                item_json_versions = AgentVersionSummary.from_mirror(
                    item_json_versions, ids, loose, times
                )

                json_versions[index_json_versions] = item_json_versions
                index_json_versions += 1

        made.versions = json_versions
        json_active_version = m.active_version
        if json_active_version is not None and json_active_version is not UNSET:
            json_active_version = AgentVersionSummary.from_mirror(
                json_active_version, ids, loose, times
            )

        made.active_version = json_active_version
        made.version_count = m.version_count
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
from ..models.agent_definition_livekit_config_json_type_0 import (
    AgentDefinitionLivekitConfigJsonType0,
)
from ..models.agent_definition_model_details_type_0 import (
    AgentDefinitionModelDetailsType0,
)
from ..models.agent_definition_websocket_headers_type_0 import (
    AgentDefinitionWebsocketHeadersType0,
)
from ..models.agent_version_summary import AgentVersionSummary
