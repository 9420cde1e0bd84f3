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

# The JSON keys the document declares for CreateAgentVersionRequestSnake: any other key is refused.
_KEYS: frozenset[str] = frozenset(
    (
        "commit_message",
        "agent_name",
        "agent_type",
        "description",
        "provider",
        "api_key",
        "assistant_id",
        "authentication_method",
        "language",
        "languages",
        "contact_number",
        "inbound",
        "knowledge_base",
        "model",
        "model_details",
        "livekit_url",
        "livekit_api_key",
        "livekit_api_secret",
        "livekit_agent_name",
        "livekit_config_json",
        "livekit_max_concurrency",
        "observability_enabled",
    )
)
# The msgspec mirror of CreateAgentVersionRequestSnake, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("commit_message", "commit_message", "str", False),
    ("agent_name", "agent_name", "str", False),
    ("agent_type", "agent_type", "str", False),
    ("description", "description", "str | None", False),
    ("provider", "provider", "str | None", False),
    ("api_key", "api_key", "str | None", False),
    ("assistant_id", "assistant_id", "str | None", False),
    ("authentication_method", "authentication_method", "str | None", False),
    ("language", "language", "str | None", False),
    ("languages", "languages", "list[str] | None", False),
    ("contact_number", "contact_number", "str | None", False),
    ("inbound", "inbound", "bool", False),
    ("knowledge_base", "knowledge_base", "str | None", False),
    ("model", "model", "str | None", False),
    ("model_details", "model_details", "dict[str, Any] | None", False),
    ("livekit_url", "livekit_url", "str", False),
    ("livekit_api_key", "livekit_api_key", "str", False),
    ("livekit_api_secret", "livekit_api_secret", "str", False),
    ("livekit_agent_name", "livekit_agent_name", "str", False),
    ("livekit_config_json", "livekit_config_json", "dict[str, Any] | None", False),
    ("livekit_max_concurrency", "livekit_max_concurrency", "int", False),
    ("observability_enabled", "observability_enabled", "bool", False),
)


@_attrs_define
class CreateAgentVersionRequestSnake:
    """The agent version create body in the open-source server's (snake_case) dialect. Fields left out keep the agent's
    values; unknown keys are refused.

        Attributes:
            commit_message (str | Unset): What changed in this version, and why ("" when left out).
            agent_name (str | Unset): The agent's display name.
            agent_type (str | Unset): `voice` or `text`.
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
            model_details (CreateAgentVersionRequestSnakeModelDetailsType0 | None | Unset): The model's settings.
            livekit_url (str | Unset): The LiveKit server's URL (`wss://...`).
            livekit_api_key (str | Unset): The LiveKit API key (a secret, answered masked).
            livekit_api_secret (str | Unset): The LiveKit API secret (a secret, answered masked).
            livekit_agent_name (str | Unset): The LiveKit agent's name.
            livekit_config_json (CreateAgentVersionRequestSnakeLivekitConfigJsonType0 | None | Unset): LiveKit settings.
            livekit_max_concurrency (int | Unset): Calls LiveKit may run at once.
            observability_enabled (bool | Unset): Turn the provider's observability on or off.
    """

    commit_message: str | Unset = UNSET
    agent_name: str | Unset = UNSET
    agent_type: str | Unset = UNSET
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
    model_details: CreateAgentVersionRequestSnakeModelDetailsType0 | None | Unset = (
        UNSET
    )
    livekit_url: str | Unset = UNSET
    livekit_api_key: str | Unset = UNSET
    livekit_api_secret: str | Unset = UNSET
    livekit_agent_name: str | Unset = UNSET
    livekit_config_json: (
        CreateAgentVersionRequestSnakeLivekitConfigJsonType0 | None | Unset
    ) = UNSET
    livekit_max_concurrency: int | Unset = UNSET
    observability_enabled: bool | Unset = UNSET

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        commit_message = self.commit_message

        agent_name = self.agent_name

        agent_type = self.agent_type

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
            self.model_details, CreateAgentVersionRequestSnakeModelDetailsType0
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
            CreateAgentVersionRequestSnakeLivekitConfigJsonType0,
        ):
            livekit_config_json = self.livekit_config_json.to_dict()
        else:
            livekit_config_json = self.livekit_config_json

        livekit_max_concurrency = self.livekit_max_concurrency

        observability_enabled = self.observability_enabled

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if commit_message is not UNSET:
            field_dict["commit_message"] = commit_message
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if agent_type is not UNSET:
            field_dict["agent_type"] = agent_type
        if description is not UNSET:
            field_dict["description"] = description
        if provider is not UNSET:
            field_dict["provider"] = provider
        if api_key is not UNSET:
            field_dict["api_key"] = api_key
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if authentication_method is not UNSET:
            field_dict["authentication_method"] = authentication_method
        if language is not UNSET:
            field_dict["language"] = language
        if languages is not UNSET:
            field_dict["languages"] = languages
        if contact_number is not UNSET:
            field_dict["contact_number"] = contact_number
        if inbound is not UNSET:
            field_dict["inbound"] = inbound
        if knowledge_base is not UNSET:
            field_dict["knowledge_base"] = knowledge_base
        if model is not UNSET:
            field_dict["model"] = model
        if model_details is not UNSET:
            field_dict["model_details"] = model_details
        if livekit_url is not UNSET:
            field_dict["livekit_url"] = livekit_url
        if livekit_api_key is not UNSET:
            field_dict["livekit_api_key"] = livekit_api_key
        if livekit_api_secret is not UNSET:
            field_dict["livekit_api_secret"] = livekit_api_secret
        if livekit_agent_name is not UNSET:
            field_dict["livekit_agent_name"] = livekit_agent_name
        if livekit_config_json is not UNSET:
            field_dict["livekit_config_json"] = livekit_config_json
        if livekit_max_concurrency is not UNSET:
            field_dict["livekit_max_concurrency"] = livekit_max_concurrency
        if observability_enabled is not UNSET:
            field_dict["observability_enabled"] = observability_enabled

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
        if len(d) == 22:
            try:
                json_commit_message = d["commit_message"]
                json_agent_name = d["agent_name"]
                json_agent_type = d["agent_type"]
                json_description = d["description"]
                json_provider = d["provider"]
                json_api_key = d["api_key"]
                json_assistant_id = d["assistant_id"]
                json_authentication_method = d["authentication_method"]
                json_language = d["language"]
                json_languages = d["languages"]
                json_contact_number = d["contact_number"]
                json_inbound = d["inbound"]
                json_knowledge_base = d["knowledge_base"]
                json_model = d["model"]
                json_model_details = d["model_details"]
                json_livekit_url = d["livekit_url"]
                json_livekit_api_key = d["livekit_api_key"]
                json_livekit_api_secret = d["livekit_api_secret"]
                json_livekit_agent_name = d["livekit_agent_name"]
                json_livekit_config_json = d["livekit_config_json"]
                json_livekit_max_concurrency = d["livekit_max_concurrency"]
                json_observability_enabled = d["observability_enabled"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_commit_message = d.get("commit_message", UNSET)
            json_agent_name = d.get("agent_name", UNSET)
            json_agent_type = d.get("agent_type", UNSET)
            json_description = d.get("description", UNSET)
            json_provider = d.get("provider", UNSET)
            json_api_key = d.get("api_key", UNSET)
            json_assistant_id = d.get("assistant_id", UNSET)
            json_authentication_method = d.get("authentication_method", UNSET)
            json_language = d.get("language", UNSET)
            json_languages = d.get("languages", UNSET)
            json_contact_number = d.get("contact_number", UNSET)
            json_inbound = d.get("inbound", UNSET)
            json_knowledge_base = d.get("knowledge_base", UNSET)
            json_model = d.get("model", UNSET)
            json_model_details = d.get("model_details", UNSET)
            json_livekit_url = d.get("livekit_url", UNSET)
            json_livekit_api_key = d.get("livekit_api_key", UNSET)
            json_livekit_api_secret = d.get("livekit_api_secret", UNSET)
            json_livekit_agent_name = d.get("livekit_agent_name", UNSET)
            json_livekit_config_json = d.get("livekit_config_json", UNSET)
            json_livekit_max_concurrency = d.get("livekit_max_concurrency", UNSET)
            json_observability_enabled = d.get("observability_enabled", UNSET)

        if type(json_commit_message) is not str and json_commit_message is not UNSET:
            raise wrong_type("string", json_commit_message, "commit_message")

        if type(json_agent_name) is not str and json_agent_name is not UNSET:
            raise wrong_type("string", json_agent_name, "agent_name")

        if type(json_agent_type) is not str and json_agent_type is not UNSET:
            raise wrong_type("string", json_agent_type, "agent_type")

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
            raise wrong_type("string or null", json_api_key, "api_key")

        if (
            type(json_assistant_id) is not str
            and json_assistant_id is not None
            and json_assistant_id is not UNSET
        ):
            raise wrong_type("string or null", json_assistant_id, "assistant_id")

        if (
            type(json_authentication_method) is not str
            and json_authentication_method is not None
            and json_authentication_method is not UNSET
        ):
            raise wrong_type(
                "string or null", json_authentication_method, "authentication_method"
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
            raise wrong_type("string or null", json_contact_number, "contact_number")

        if type(json_inbound) is not bool and json_inbound is not UNSET:
            raise wrong_type("boolean", json_inbound, "inbound")

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
                CreateAgentVersionRequestSnakeModelDetailsType0
            )
            made_json_model_details.additional_properties = json_model_details
            json_model_details = made_json_model_details

        elif json_model_details is not UNSET:
            raise wrong_type("object or null", json_model_details, "model_details")

        if type(json_livekit_url) is not str and json_livekit_url is not UNSET:
            raise wrong_type("string", json_livekit_url, "livekit_url")

        if type(json_livekit_api_key) is not str and json_livekit_api_key is not UNSET:
            raise wrong_type("string", json_livekit_api_key, "livekit_api_key")

        if (
            type(json_livekit_api_secret) is not str
            and json_livekit_api_secret is not UNSET
        ):
            raise wrong_type("string", json_livekit_api_secret, "livekit_api_secret")

        if (
            type(json_livekit_agent_name) is not str
            and json_livekit_agent_name is not UNSET
        ):
            raise wrong_type("string", json_livekit_agent_name, "livekit_agent_name")

        if json_livekit_config_json is None:
            pass
        elif type(json_livekit_config_json) is dict:
            made_json_livekit_config_json = new_instance(
                CreateAgentVersionRequestSnakeLivekitConfigJsonType0
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
            and json_livekit_max_concurrency is not UNSET
        ):
            raise wrong_type(
                "integer", json_livekit_max_concurrency, "livekit_max_concurrency"
            )

        if (
            type(json_observability_enabled) is not bool
            and json_observability_enabled is not UNSET
        ):
            raise wrong_type(
                "boolean", json_observability_enabled, "observability_enabled"
            )

        if cls is CreateAgentVersionRequestSnake:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.commit_message = json_commit_message
            made.agent_name = json_agent_name
            made.agent_type = json_agent_type
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
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                commit_message=json_commit_message,
                agent_name=json_agent_name,
                agent_type=json_agent_type,
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
        if cls is not CreateAgentVersionRequestSnake:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = CreateAgentVersionRequestSnake.from_mirror(m, ids, loose, times)
            return cls(
                commit_message=base.commit_message,
                agent_name=base.agent_name,
                agent_type=base.agent_type,
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
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.commit_message = m.commit_message
        made.agent_name = m.agent_name
        made.agent_type = m.agent_type
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
                CreateAgentVersionRequestSnakeModelDetailsType0
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
                CreateAgentVersionRequestSnakeLivekitConfigJsonType0
            )
            made_json_livekit_config_json.additional_properties = (
                json_livekit_config_json
            )
            json_livekit_config_json = made_json_livekit_config_json

        made.livekit_config_json = json_livekit_config_json
        made.livekit_max_concurrency = m.livekit_max_concurrency
        made.observability_enabled = m.observability_enabled
        return made


# Sibling models, imported once the class above exists: models refer to each other in cycles, and an
# import inside from_dict would run on every call.
from ..models.create_agent_version_request_snake_livekit_config_json_type_0 import (
    CreateAgentVersionRequestSnakeLivekitConfigJsonType0,
)
from ..models.create_agent_version_request_snake_model_details_type_0 import (
    CreateAgentVersionRequestSnakeModelDetailsType0,
)
