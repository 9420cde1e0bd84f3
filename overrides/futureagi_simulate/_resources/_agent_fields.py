"""The fields of an agent's configuration, as an agent version create and an agent definition create
take them, and how each is checked before anything is sent.

The names are the open-source server's (snake_case, ``simulate/serializers/requests/agent_version.py``
and ``agent_definition.py``); the documented dialect spells them in camelCase (``camel``). Values of the
secret fields (``_redaction.SECRET_FIELDS``) are never quoted in an error: a rule names the field alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from futureagi_simulate._errors import InvalidArgumentError
from futureagi_simulate._redaction import SECRET_FIELDS
from futureagi_simulate._validate import check_json, check_text, check_uuid

__all__ = [
    "AGENT_FIELDS",
    "DEFINITION_FIELDS",
    "camel",
    "camel_body",
    "check_commit_message",
    "check_configuration",
]

# The kinds of value: text (str), nullable text, a bool, a list of language codes, a UUID or null, a JSON
# object or null, an int of at least 1.
_TEXT, _TEXT_OR_NULL, _BOOL, _LANGUAGES, _UUID_OR_NULL, _OBJECT_OR_NULL, _POSITIVE = range(7)

#: Every configuration field, with its kind and, for text, the server's maximum length.
AGENT_FIELDS: dict[str, tuple[int, int | None]] = {
    "agent_name": (_TEXT, 255),
    "agent_type": (_TEXT, None),
    "description": (_TEXT_OR_NULL, None),
    "provider": (_TEXT_OR_NULL, None),
    "api_key": (_TEXT_OR_NULL, None),
    "assistant_id": (_TEXT_OR_NULL, None),
    "authentication_method": (_TEXT_OR_NULL, None),
    "language": (_TEXT_OR_NULL, None),
    "languages": (_LANGUAGES, None),
    "contact_number": (_TEXT_OR_NULL, None),
    "inbound": (_BOOL, None),
    "knowledge_base": (_UUID_OR_NULL, None),
    "model": (_TEXT_OR_NULL, None),
    "model_details": (_OBJECT_OR_NULL, None),
    "livekit_url": (_TEXT, 500),
    "livekit_api_key": (_TEXT, 255),
    "livekit_api_secret": (_TEXT, 500),
    "livekit_agent_name": (_TEXT, 255),
    "livekit_config_json": (_OBJECT_OR_NULL, None),
    "livekit_max_concurrency": (_POSITIVE, None),
    "observability_enabled": (_BOOL, None),
}

#: An agent definition's create takes these too (``simulate/serializers/requests/agent_definition.py``).
DEFINITION_FIELDS: dict[str, tuple[int, int | None]] = {
    **AGENT_FIELDS,
    "websocket_url": (_TEXT_OR_NULL, None),
    "websocket_headers": (_OBJECT_OR_NULL, None),
    "replay_session_id": (_UUID_OR_NULL, None),
}

_AGENT_TYPES = ("voice", "text")


def camel(name: str) -> str:
    """``agent_name`` as the documented dialect spells it, ``agentName``."""
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def camel_body(body: Mapping[str, Any]) -> dict[str, Any]:
    """``body``'s top-level keys in camelCase (the values, a model's settings included, as they are)."""
    return {camel(key): value for key, value in body.items()}


_CAMEL_NAMES = {camel(name): name for name in DEFINITION_FIELDS}


def check_commit_message(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError("commit_message", f"must be a str, got {type(value).__name__}")
    if not value.strip():
        raise InvalidArgumentError("commit_message", "must not be empty or only whitespace")
    return check_text("commit_message", value)


def check_configuration(
    argument: str, value: object, fields: Mapping[str, tuple[int, int | None]] = AGENT_FIELDS
) -> dict[str, Any]:
    """``value`` (a mapping of configuration fields, snake_case) checked field by field; the fields in
    wire form. A key that is not a field, a camelCase spelling included, is refused with the right name."""
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(
            argument, f"must be a mapping of field names to values, got {type(value).__name__}"
        )
    checked: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise InvalidArgumentError(argument, f"keys must be str, got {type(key).__name__}")
        if key not in fields:
            hint = f"; did you mean {_CAMEL_NAMES[key]!r} (snake_case)?" if key in _CAMEL_NAMES else ""
            raise InvalidArgumentError(
                f"{argument}.{key}",
                f"is not a field of an agent's configuration{hint} (fields: {', '.join(fields)})",
            )
        checked[key] = _check_field(f"{argument}.{key}", fields[key], key in SECRET_FIELDS, key, item)
    return checked


def _check_field(where: str, spec: tuple[int, int | None], secret: bool, name: str, value: object) -> Any:
    kind, max_length = spec
    if kind in (_TEXT, _TEXT_OR_NULL):
        if value is None and kind == _TEXT_OR_NULL:
            return None
        if not isinstance(value, str):
            raise InvalidArgumentError(where, f"must be a str, got {type(value).__name__}")
        if max_length is not None and len(value) > max_length:
            raise InvalidArgumentError(where, f"must be at most {max_length} characters, got {len(value)}")
        if name == "agent_type" and value not in _AGENT_TYPES:
            raise InvalidArgumentError(where, f"must be 'voice' or 'text', got {value!r}")
        if name == "agent_name" and not value.strip():
            raise InvalidArgumentError(where, "must not be empty or only whitespace")
        try:
            return check_text(where, value)
        except InvalidArgumentError:
            if secret:
                # The rule alone: the message of the check would say where in the value it failed.
                raise InvalidArgumentError(where, "holds a character UTF-8 cannot encode") from None
            raise
    if kind == _BOOL:
        if not isinstance(value, bool):
            raise InvalidArgumentError(where, f"must be a bool, got {type(value).__name__}")
        return value
    if kind == _LANGUAGES:
        if value is None:
            return None
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise InvalidArgumentError(
                where, f"must be a list of language codes (str), got {type(value).__name__}"
            )
        for index, code in enumerate(value):
            if not isinstance(code, str):
                raise InvalidArgumentError(f"{where}[{index}]", f"must be a str, got {type(code).__name__}")
            check_text(f"{where}[{index}]", code)
        return list(value)
    if kind == _UUID_OR_NULL:
        return None if value is None else str(check_uuid(where, value))
    if kind == _OBJECT_OR_NULL:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise InvalidArgumentError(
                where, f"must be a mapping (a JSON object), got {type(value).__name__}"
            )
        check_json(where, dict(value))
        return dict(value)
    # _POSITIVE
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgumentError(where, f"must be an int of at least 1, got {value!r}")
    return value
