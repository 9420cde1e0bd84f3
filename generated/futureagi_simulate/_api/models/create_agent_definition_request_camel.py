from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define

from ..._model_methods import model_eq as _model_eq
from ..._model_methods import model_repr as _model_repr
from ..models.agent_type import AgentType, check_agent_type
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

# The JSON keys the document declares for CreateAgentDefinitionRequestCamel: any other key is refused.
_KEYS: frozenset[str] = frozenset(
    (
        "agentName",
        "agentType",
        "commitMessage",
        "description",
        "provider",
        "apiKey",
        "assistantId",
        "authenticationMethod",
        "language",
        "languages",
        "contactNumber",
        "inbound",
        "knowledgeBase",
        "model",
        "modelDetails",
        "livekitUrl",
        "livekitApiKey",
        "livekitApiSecret",
        "livekitAgentName",
        "livekitConfigJson",
        "livekitMaxConcurrency",
        "observabilityEnabled",
        "websocketUrl",
        "websocketHeaders",
        "replaySessionId",
    )
)
# The msgspec mirror of CreateAgentDefinitionRequestCamel, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("agent_name", "agentName", "str", True),
    ("agent_type", "agentType", "", True),
    ("commit_message", "commitMessage", "str", False),
    ("description", "description", "str | None", False),
    ("provider", "provider", "str | None", False),
    ("api_key", "apiKey", "str | None", False),
    ("assistant_id", "assistantId", "str | None", False),
    ("authentication_method", "authenticationMethod", "str | None", False),
    ("language", "language", "str | None", False),
    ("languages", "languages", "list[str] | None", False),
    ("contact_number", "contactNumber", "str | None", False),
    ("inbound", "inbound", "bool", False),
    ("knowledge_base", "knowledgeBase", "str | None", False),
    ("model", "model", "str | None", False),
    ("model_details", "modelDetails", "dict[str, Any] | None", False),
    ("livekit_url", "livekitUrl", "str", False),
    ("livekit_api_key", "livekitApiKey", "str", False),
    ("livekit_api_secret", "livekitApiSecret", "str", False),
    ("livekit_agent_name", "livekitAgentName", "str", False),
    ("livekit_config_json", "livekitConfigJson", "dict[str, Any] | None", False),
    ("livekit_max_concurrency", "livekitMaxConcurrency", "int", False),
    ("observability_enabled", "observabilityEnabled", "bool", False),
    ("websocket_url", "websocketUrl", "str | None", False),
    ("websocket_headers", "websocketHeaders", "dict[str, Any] | None", False),
    ("replay_session_id", "replaySessionId", "str | None", False),
)


@_attrs_define
class CreateAgentDefinitionRequestCamel:
    """The agent definition create body in the documented (camelCase) dialect.

    Attributes:
        agent_name (str): The agent's display name.
        agent_type (AgentType): What the agent talks over: `voice` or `text`. One named schema for both casings of the
            create body, so that a generator naming enums after their property (typescript-fetch) writes it once.
        commit_message (str | Unset): What the first version is (the documentation makes one up when left out).
        description (None | str | Unset): What the agent or this version is.
        provider (None | str | Unset): The voice provider (`vapi`, `retell`, `livekit`, `others`, ...).
        api_key (None | str | Unset): The provider's API key (a secret, answered masked).
        assistant_id (None | str | Unset): The assistant's id at the provider.
        authentication_method (None | str | Unset): How the provider is authenticated (`api_key`).
        language (None | str | Unset): The primary language, an ISO 639-1 code.
        languages (list[str] | None | Unset): The languages, ISO 639-1 codes.
        contact_number (None | str | Unset): The agent's phone number with its country code.
        inbound (bool | Unset): Whether the agent takes inbound calls.
        knowledge_base (None | Unset | UUID): A knowledge base of the organisation; null removes it.
        model (None | str | Unset): The agent's model.
        model_details (CreateAgentDefinitionRequestCamelModelDetailsType0 | None | Unset): The model's settings.
        livekit_url (str | Unset): The LiveKit server's URL (`wss://...`).
        livekit_api_key (str | Unset): The LiveKit API key (a secret, answered masked).
        livekit_api_secret (str | Unset): The LiveKit API secret (a secret, answered masked).
        livekit_agent_name (str | Unset): The LiveKit agent's name.
        livekit_config_json (CreateAgentDefinitionRequestCamelLivekitConfigJsonType0 | None | Unset): LiveKit settings.
        livekit_max_concurrency (int | Unset): Calls LiveKit may run at once.
        observability_enabled (bool | Unset): Turn the provider's observability on or off.
        websocket_url (None | str | Unset): The agent's websocket URL.
        websocket_headers (CreateAgentDefinitionRequestCamelWebsocketHeadersType0 | None | Unset): Headers for the
            websocket (a secret, answered masked).
        replay_session_id (None | Unset | UUID): A replay session to link the agent to.
    """

    agent_name: str
    agent_type: AgentType
    commit_message: str | Unset = UNSET
    description: None | str | Unset = UNSET
    provider: None | str | Unset = UNSET
    api_key: None | str | Unset = UNSET
    assistant_id: None | str | Unset = UNSET
    authentication_method: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    contact_number: None | str | Unset = UNSET
    inbound: bool | Unset = UNSET
    knowledge_base: None | Unset | UUID = UNSET
    model: None | str | Unset = UNSET
    model_details: CreateAgentDefinitionRequestCamelModelDetailsType0 | None | Unset = (
        UNSET
    )
    livekit_url: str | Unset = UNSET
    livekit_api_key: str | Unset = UNSET
    livekit_api_secret: str | Unset = UNSET
    livekit_agent_name: str | Unset = UNSET
    livekit_config_json: (
        CreateAgentDefinitionRequestCamelLivekitConfigJsonType0 | None | Unset
    ) = UNSET
    livekit_max_concurrency: int | Unset = UNSET
    observability_enabled: bool | Unset = UNSET
    websocket_url: None | str | Unset = UNSET
    websocket_headers: (
        CreateAgentDefinitionRequestCamelWebsocketHeadersType0 | None | Unset
    ) = UNSET
    replay_session_id: None | Unset | UUID = UNSET

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        agent_name = self.agent_name

        agent_type: str = self.agent_type

        commit_message = self.commit_message

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        api_key: None | str | Unset
        if isinstance(self.api_key, Unset):
            api_key = UNSET
        else:
            api_key = self.api_key

        assistant_id: None | str | Unset
        if isinstance(self.assistant_id, Unset):
            assistant_id = UNSET
        else:
            assistant_id = self.assistant_id

        authentication_method: None | str | Unset
        if isinstance(self.authentication_method, Unset):
            authentication_method = UNSET
        else:
            authentication_method = self.authentication_method

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

        contact_number: None | str | Unset
        if isinstance(self.contact_number, Unset):
            contact_number = UNSET
        else:
            contact_number = self.contact_number

        inbound = self.inbound

        knowledge_base: None | str | Unset
        if isinstance(self.knowledge_base, Unset):
            knowledge_base = UNSET
        elif isinstance(self.knowledge_base, UUID):
            knowledge_base = str(self.knowledge_base)
        else:
            knowledge_base = self.knowledge_base

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        model_details: dict[str, Any] | None | Unset
        if isinstance(self.model_details, Unset):
            model_details = UNSET
        elif isinstance(
            self.model_details, CreateAgentDefinitionRequestCamelModelDetailsType0
        ):
            model_details = self.model_details.to_dict()
        else:
            model_details = self.model_details

        livekit_url = self.livekit_url

        livekit_api_key = self.livekit_api_key

        livekit_api_secret = self.livekit_api_secret

        livekit_agent_name = self.livekit_agent_name

        livekit_config_json: dict[str, Any] | None | Unset
        if isinstance(self.livekit_config_json, Unset):
            livekit_config_json = UNSET
        elif isinstance(
            self.livekit_config_json,
            CreateAgentDefinitionRequestCamelLivekitConfigJsonType0,
        ):
            livekit_config_json = self.livekit_config_json.to_dict()
        else:
            livekit_config_json = self.livekit_config_json

        livekit_max_concurrency = self.livekit_max_concurrency

        observability_enabled = self.observability_enabled

        websocket_url: None | str | Unset
        if isinstance(self.websocket_url, Unset):
            websocket_url = UNSET
        else:
            websocket_url = self.websocket_url

        websocket_headers: dict[str, Any] | None | Unset
        if isinstance(self.websocket_headers, Unset):
            websocket_headers = UNSET
        elif isinstance(
            self.websocket_headers,
            CreateAgentDefinitionRequestCamelWebsocketHeadersType0,
        ):
            websocket_headers = self.websocket_headers.to_dict()
        else:
            websocket_headers = self.websocket_headers

        replay_session_id: None | str | Unset
        if isinstance(self.replay_session_id, Unset):
            replay_session_id = UNSET
        elif isinstance(self.replay_session_id, UUID):
            replay_session_id = str(self.replay_session_id)
        else:
            replay_session_id = self.replay_session_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agentName": agent_name,
                "agentType": agent_type,
            }
        )
        if commit_message is not UNSET:
            field_dict["commitMessage"] = commit_message
        if description is not UNSET:
            field_dict["description"] = description
        if provider is not UNSET:
            field_dict["provider"] = provider
        if api_key is not UNSET:
            field_dict["apiKey"] = api_key
        if assistant_id is not UNSET:
            field_dict["assistantId"] = assistant_id
        if authentication_method is not UNSET:
            field_dict["authenticationMethod"] = authentication_method
        if language is not UNSET:
            field_dict["language"] = language
        if languages is not UNSET:
            field_dict["languages"] = languages
        if contact_number is not UNSET:
            field_dict["contactNumber"] = contact_number
        if inbound is not UNSET:
            field_dict["inbound"] = inbound
        if knowledge_base is not UNSET:
            field_dict["knowledgeBase"] = knowledge_base
        if model is not UNSET:
            field_dict["model"] = model
        if model_details is not UNSET:
            field_dict["modelDetails"] = model_details
        if livekit_url is not UNSET:
            field_dict["livekitUrl"] = livekit_url
        if livekit_api_key is not UNSET:
            field_dict["livekitApiKey"] = livekit_api_key
        if livekit_api_secret is not UNSET:
            field_dict["livekitApiSecret"] = livekit_api_secret
        if livekit_agent_name is not UNSET:
            field_dict["livekitAgentName"] = livekit_agent_name
        if livekit_config_json is not UNSET:
            field_dict["livekitConfigJson"] = livekit_config_json
        if livekit_max_concurrency is not UNSET:
            field_dict["livekitMaxConcurrency"] = livekit_max_concurrency
        if observability_enabled is not UNSET:
            field_dict["observabilityEnabled"] = observability_enabled
        if websocket_url is not UNSET:
            field_dict["websocketUrl"] = websocket_url
        if websocket_headers is not UNSET:
            field_dict["websocketHeaders"] = websocket_headers
        if replay_session_id is not UNSET:
            field_dict["replaySessionId"] = replay_session_id

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
        if len(d) == 25:
            try:
                json_agent_name = d["agentName"]
                json_agent_type = d["agentType"]
                json_commit_message = d["commitMessage"]
                json_description = d["description"]
                json_provider = d["provider"]
                json_api_key = d["apiKey"]
                json_assistant_id = d["assistantId"]
                json_authentication_method = d["authenticationMethod"]
                json_language = d["language"]
                json_languages = d["languages"]
                json_contact_number = d["contactNumber"]
                json_inbound = d["inbound"]
                json_knowledge_base = d["knowledgeBase"]
                json_model = d["model"]
                json_model_details = d["modelDetails"]
                json_livekit_url = d["livekitUrl"]
                json_livekit_api_key = d["livekitApiKey"]
                json_livekit_api_secret = d["livekitApiSecret"]
                json_livekit_agent_name = d["livekitAgentName"]
                json_livekit_config_json = d["livekitConfigJson"]
                json_livekit_max_concurrency = d["livekitMaxConcurrency"]
                json_observability_enabled = d["observabilityEnabled"]
                json_websocket_url = d["websocketUrl"]
                json_websocket_headers = d["websocketHeaders"]
                json_replay_session_id = d["replaySessionId"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_agent_name = d.get("agentName", UNSET)
            if json_agent_name is UNSET:
                raise missing("agentName")
            json_agent_type = d.get("agentType", UNSET)
            if json_agent_type is UNSET:
                raise missing("agentType")
            json_commit_message = d.get("commitMessage", UNSET)
            json_description = d.get("description", UNSET)
            json_provider = d.get("provider", UNSET)
            json_api_key = d.get("apiKey", UNSET)
            json_assistant_id = d.get("assistantId", UNSET)
            json_authentication_method = d.get("authenticationMethod", UNSET)
            json_language = d.get("language", UNSET)
            json_languages = d.get("languages", UNSET)
            json_contact_number = d.get("contactNumber", UNSET)
            json_inbound = d.get("inbound", UNSET)
            json_knowledge_base = d.get("knowledgeBase", UNSET)
            json_model = d.get("model", UNSET)
            json_model_details = d.get("modelDetails", UNSET)
            json_livekit_url = d.get("livekitUrl", UNSET)
            json_livekit_api_key = d.get("livekitApiKey", UNSET)
            json_livekit_api_secret = d.get("livekitApiSecret", UNSET)
            json_livekit_agent_name = d.get("livekitAgentName", UNSET)
            json_livekit_config_json = d.get("livekitConfigJson", UNSET)
            json_livekit_max_concurrency = d.get("livekitMaxConcurrency", UNSET)
            json_observability_enabled = d.get("observabilityEnabled", UNSET)
            json_websocket_url = d.get("websocketUrl", UNSET)
            json_websocket_headers = d.get("websocketHeaders", UNSET)
            json_replay_session_id = d.get("replaySessionId", UNSET)

        if type(json_agent_name) is not str:
            raise wrong_type("string", json_agent_name, "agentName")

        if type(json_agent_type) is str:
            try:
                json_agent_type = check_agent_type(json_agent_type)
            except TypeError:
                raise ParseError(
                    f"not one of the documented values: {json_agent_type!r}",
                    "agentType",
                ) from None

        else:
            raise wrong_type(
                "one of the documented values", json_agent_type, "agentType"
            )

        if type(json_commit_message) is not str and json_commit_message is not UNSET:
            raise wrong_type("string", json_commit_message, "commitMessage")

        if (
            type(json_description) is not str
            and json_description is not None
            and json_description is not UNSET
        ):
            raise wrong_type("string or null", json_description, "description")

        if (
            type(json_provider) is not str
            and json_provider is not None
            and json_provider is not UNSET
        ):
            raise wrong_type("string or null", json_provider, "provider")

        if (
            type(json_api_key) is not str
            and json_api_key is not None
            and json_api_key is not UNSET
        ):
            raise wrong_type("string or null", json_api_key, "apiKey")

        if (
            type(json_assistant_id) is not str
            and json_assistant_id is not None
            and json_assistant_id is not UNSET
        ):
            raise wrong_type("string or null", json_assistant_id, "assistantId")

        if (
            type(json_authentication_method) is not str
            and json_authentication_method is not None
            and json_authentication_method is not UNSET
        ):
            raise wrong_type(
                "string or null", json_authentication_method, "authenticationMethod"
            )

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
            type(json_contact_number) is not str
            and json_contact_number is not None
            and json_contact_number is not UNSET
        ):
            raise wrong_type("string or null", json_contact_number, "contactNumber")

        if type(json_inbound) is not bool and json_inbound is not UNSET:
            raise wrong_type("boolean", json_inbound, "inbound")

        if json_knowledge_base is None:
            pass
        elif type(json_knowledge_base) is str:
            json_knowledge_base = ids.get(json_knowledge_base) or read_uuid(
                json_knowledge_base, ids, "knowledgeBase"
            )

        elif json_knowledge_base is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_knowledge_base, "knowledgeBase"
            )

        if (
            type(json_model) is not str
            and json_model is not None
            and json_model is not UNSET
        ):
            raise wrong_type("string or null", json_model, "model")

        if json_model_details is None:
            pass
        elif type(json_model_details) is dict:
            made_json_model_details = new_instance(
                CreateAgentDefinitionRequestCamelModelDetailsType0
            )
            made_json_model_details.additional_properties = json_model_details
            json_model_details = made_json_model_details

        elif json_model_details is not UNSET:
            raise wrong_type("object or null", json_model_details, "modelDetails")

        if type(json_livekit_url) is not str and json_livekit_url is not UNSET:
            raise wrong_type("string", json_livekit_url, "livekitUrl")

        if type(json_livekit_api_key) is not str and json_livekit_api_key is not UNSET:
            raise wrong_type("string", json_livekit_api_key, "livekitApiKey")

        if (
            type(json_livekit_api_secret) is not str
            and json_livekit_api_secret is not UNSET
        ):
            raise wrong_type("string", json_livekit_api_secret, "livekitApiSecret")

        if (
            type(json_livekit_agent_name) is not str
            and json_livekit_agent_name is not UNSET
        ):
            raise wrong_type("string", json_livekit_agent_name, "livekitAgentName")

        if json_livekit_config_json is None:
            pass
        elif type(json_livekit_config_json) is dict:
            made_json_livekit_config_json = new_instance(
                CreateAgentDefinitionRequestCamelLivekitConfigJsonType0
            )
            made_json_livekit_config_json.additional_properties = (
                json_livekit_config_json
            )
            json_livekit_config_json = made_json_livekit_config_json

        elif json_livekit_config_json is not UNSET:
            raise wrong_type(
                "object or null", json_livekit_config_json, "livekitConfigJson"
            )

        if (
            type(json_livekit_max_concurrency) is not int
            and json_livekit_max_concurrency is not UNSET
        ):
            raise wrong_type(
                "integer", json_livekit_max_concurrency, "livekitMaxConcurrency"
            )

        if (
            type(json_observability_enabled) is not bool
            and json_observability_enabled is not UNSET
        ):
            raise wrong_type(
                "boolean", json_observability_enabled, "observabilityEnabled"
            )

        if (
            type(json_websocket_url) is not str
            and json_websocket_url is not None
            and json_websocket_url is not UNSET
        ):
            raise wrong_type("string or null", json_websocket_url, "websocketUrl")

        if json_websocket_headers is None:
            pass
        elif type(json_websocket_headers) is dict:
            made_json_websocket_headers = new_instance(
                CreateAgentDefinitionRequestCamelWebsocketHeadersType0
            )
            made_json_websocket_headers.additional_properties = json_websocket_headers
            json_websocket_headers = made_json_websocket_headers

        elif json_websocket_headers is not UNSET:
            raise wrong_type(
                "object or null", json_websocket_headers, "websocketHeaders"
            )

        if json_replay_session_id is None:
            pass
        elif type(json_replay_session_id) is str:
            json_replay_session_id = ids.get(json_replay_session_id) or read_uuid(
                json_replay_session_id, ids, "replaySessionId"
            )

        elif json_replay_session_id is not UNSET:
            raise wrong_type(
                "string (uuid) or null", json_replay_session_id, "replaySessionId"
            )

        if cls is CreateAgentDefinitionRequestCamel:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.agent_name = json_agent_name
            made.agent_type = json_agent_type
            made.commit_message = json_commit_message
            made.description = json_description
            made.provider = json_provider
            made.api_key = json_api_key
            made.assistant_id = json_assistant_id
            made.authentication_method = json_authentication_method
            made.language = json_language
            made.languages = json_languages
            made.contact_number = json_contact_number
            made.inbound = json_inbound
            made.knowledge_base = json_knowledge_base
            made.model = json_model
            made.model_details = json_model_details
            made.livekit_url = json_livekit_url
            made.livekit_api_key = json_livekit_api_key
            made.livekit_api_secret = json_livekit_api_secret
            made.livekit_agent_name = json_livekit_agent_name
            made.livekit_config_json = json_livekit_config_json
            made.livekit_max_concurrency = json_livekit_max_concurrency
            made.observability_enabled = json_observability_enabled
            made.websocket_url = json_websocket_url
            made.websocket_headers = json_websocket_headers
            made.replay_session_id = json_replay_session_id
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                agent_name=json_agent_name,
                agent_type=json_agent_type,
                commit_message=json_commit_message,
                description=json_description,
                provider=json_provider,
                api_key=json_api_key,
                assistant_id=json_assistant_id,
                authentication_method=json_authentication_method,
                language=json_language,
                languages=json_languages,
                contact_number=json_contact_number,
                inbound=json_inbound,
                knowledge_base=json_knowledge_base,
                model=json_model,
                model_details=json_model_details,
                livekit_url=json_livekit_url,
                livekit_api_key=json_livekit_api_key,
                livekit_api_secret=json_livekit_api_secret,
                livekit_agent_name=json_livekit_agent_name,
                livekit_config_json=json_livekit_config_json,
                livekit_max_concurrency=json_livekit_max_concurrency,
                observability_enabled=json_observability_enabled,
                websocket_url=json_websocket_url,
                websocket_headers=json_websocket_headers,
                replay_session_id=json_replay_session_id,
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
        if cls is not CreateAgentDefinitionRequestCamel:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = CreateAgentDefinitionRequestCamel.from_mirror(m, ids, loose, times)
            return cls(
                agent_name=base.agent_name,
                agent_type=base.agent_type,
                commit_message=base.commit_message,
                description=base.description,
                provider=base.provider,
                api_key=base.api_key,
                assistant_id=base.assistant_id,
                authentication_method=base.authentication_method,
                language=base.language,
                languages=base.languages,
                contact_number=base.contact_number,
                inbound=base.inbound,
                knowledge_base=base.knowledge_base,
                model=base.model,
                model_details=base.model_details,
                livekit_url=base.livekit_url,
                livekit_api_key=base.livekit_api_key,
                livekit_api_secret=base.livekit_api_secret,
                livekit_agent_name=base.livekit_agent_name,
                livekit_config_json=base.livekit_config_json,
                livekit_max_concurrency=base.livekit_max_concurrency,
                observability_enabled=base.observability_enabled,
                websocket_url=base.websocket_url,
                websocket_headers=base.websocket_headers,
                replay_session_id=base.replay_session_id,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.agent_name = m.agent_name
        json_agent_type = m.agent_type
        if loose is not None:
            loose.append(json_agent_type)
        if type(json_agent_type) is str:
            try:
                json_agent_type = check_agent_type(json_agent_type)
            except TypeError:
                raise ParseError(
                    f"not one of the documented values: {json_agent_type!r}",
                    "agentType",
                ) from None

        else:
            raise wrong_type(
                "one of the documented values", json_agent_type, "agentType"
            )

        made.agent_type = json_agent_type
        made.commit_message = m.commit_message
        made.description = m.description
        made.provider = m.provider
        made.api_key = m.api_key
        made.assistant_id = m.assistant_id
        made.authentication_method = m.authentication_method
        made.language = m.language
        made.languages = m.languages
        made.contact_number = m.contact_number
        made.inbound = m.inbound
        json_knowledge_base = m.knowledge_base
        if json_knowledge_base is not None and json_knowledge_base is not UNSET:
            json_knowledge_base = ids.get(json_knowledge_base) or read_uuid(
                json_knowledge_base, ids
            )

        made.knowledge_base = json_knowledge_base
        made.model = m.model
        json_model_details = m.model_details
        if json_model_details is not None and json_model_details is not UNSET:
            if loose is not None:
                loose.append(json_model_details)
            made_json_model_details = new_instance(
                CreateAgentDefinitionRequestCamelModelDetailsType0
            )
            made_json_model_details.additional_properties = json_model_details
            json_model_details = made_json_model_details

        made.model_details = json_model_details
        made.livekit_url = m.livekit_url
        made.livekit_api_key = m.livekit_api_key
        made.livekit_api_secret = m.livekit_api_secret
        made.livekit_agent_name = m.livekit_agent_name
        json_livekit_config_json = m.livekit_config_json
        if (
            json_livekit_config_json is not None
            and json_livekit_config_json is not UNSET
        ):
            if loose is not None:
                loose.append(json_livekit_config_json)
            made_json_livekit_config_json = new_instance(
                CreateAgentDefinitionRequestCamelLivekitConfigJsonType0
            )
            made_json_livekit_config_json.additional_properties = (
                json_livekit_config_json
            )
            json_livekit_config_json = made_json_livekit_config_json

        made.livekit_config_json = json_livekit_config_json
        made.livekit_max_concurrency = m.livekit_max_concurrency
        made.observability_enabled = m.observability_enabled
        made.websocket_url = m.websocket_url
        json_websocket_headers = m.websocket_headers
        if json_websocket_headers is not None and json_websocket_headers is not UNSET:
            if loose is not None:
                loose.append(json_websocket_headers)
            made_json_websocket_headers = new_instance(
                CreateAgentDefinitionRequestCamelWebsocketHeadersType0
            )
            made_json_websocket_headers.additional_properties = json_websocket_headers
            json_websocket_headers = made_json_websocket_headers

        made.websocket_headers = json_websocket_headers
        json_replay_session_id = m.replay_session_id
        if json_replay_session_id is not None and json_replay_session_id is not UNSET:
            json_replay_session_id = ids.get(json_replay_session_id) or read_uuid(
                json_replay_session_id, ids
            )

        made.replay_session_id = json_replay_session_id
        return made


# Sibling models, imported once the class above exists: models refer to each other in cycles, and an
# import inside from_dict would run on every call.
from ..models.create_agent_definition_request_camel_livekit_config_json_type_0 import (
    CreateAgentDefinitionRequestCamelLivekitConfigJsonType0,
)
from ..models.create_agent_definition_request_camel_model_details_type_0 import (
    CreateAgentDefinitionRequestCamelModelDetailsType0,
)
from ..models.create_agent_definition_request_camel_websocket_headers_type_0 import (
    CreateAgentDefinitionRequestCamelWebsocketHeadersType0,
)
