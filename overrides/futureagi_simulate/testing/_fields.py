"""Reading a request's body and query as the server's Django REST Framework views do.

DRF parses only JSON here (anything else is a 415), refuses a body that is not valid JSON (a 400
``parse_error``), and its serializers refuse unknown keys and report every bad field at once, each with
DRF's own code and sentence. ``Fields`` does the same for a JSON object or a query: each reader returns
the value or records why not, and ``done()`` raises all that was recorded as one 400.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from ._answers import InvalidError, RefusalError, error_answer
from ._exchange import Answer, Exchange

__all__ = ["Fields", "lenient_query", "media_type_error", "read_json", "strict_query"]


class Fields:
    """Reads a JSON object's fields the way a DRF serializer does, collecting every error."""

    def __init__(self, body: Any, allowed: Sequence[str]) -> None:
        if not isinstance(body, dict):
            raise InvalidError.one("non_field_errors", "invalid", "Invalid data. Expected a dictionary.")
        self.body = body
        # The server names unknown keys in sorted order (recorded: "scenarioIds: ...; selectAll: ...").
        self.problems: dict[str, list[tuple[str, str]]] = {
            key: [("invalid", "Unknown field.")] for key in sorted(body) if key not in allowed
        }

    def fail(self, field: str, code: str, message: str) -> None:
        self.problems.setdefault(field, []).append((code, message))

    def done(self) -> None:
        if self.problems:
            raise InvalidError(self.problems)

    def present(self, field: str, *, required: bool, nullable: bool = False) -> bool:
        if field not in self.body:
            if required:
                self.fail(field, "required", "This field is required.")
            return False
        if self.body[field] is None:
            if not nullable:
                self.fail(field, "null", "This field may not be null.")
            return False
        return True

    def boolean(self, field: str, default: bool = False) -> bool:
        if not self.present(field, required=False):
            return default
        value = self.body[field]
        if not isinstance(value, bool):
            self.fail(field, "invalid", "Must be a valid boolean.")
            return default
        return value

    def string(self, field: str, *, required: bool, max_length: int | None = None) -> str | None:
        if not self.present(field, required=required):
            return None
        value = self.body[field]
        if not isinstance(value, str):
            self.fail(field, "invalid", "Not a valid string.")
        elif required and not value.strip():
            self.fail(field, "blank", "This field may not be blank.")
        elif max_length is not None and len(value) > max_length:
            self.fail(field, "max_length", f"Ensure this field has no more than {max_length} characters.")
        else:
            return value
        return None

    def an_id(self, field: str, *, required: bool = False, nullable: bool = True) -> uuid.UUID | None:
        if not self.present(field, required=required, nullable=nullable):
            return None
        return self._parse_uuid(field, self.body[field])

    def ids(self, field: str, *, required: bool = False, non_empty: bool = False) -> list[uuid.UUID]:
        items = self._list(field, required=required, non_empty=non_empty)
        parsed = [self._parse_uuid(field, item) for item in items]
        return list(dict.fromkeys(p for p in parsed if p is not None))

    def string_list(self, field: str, *, max_length: int) -> list[str]:
        found: list[str] = []
        for item in self._list(field, required=False, non_empty=False):
            if not isinstance(item, str):
                self.fail(field, "invalid", "Not a valid string.")
            elif len(item) > max_length:
                self.fail(field, "max_length", f"Ensure this field has no more than {max_length} characters.")
            else:
                found.append(item)
        return found

    def objects(self, field: str) -> list[dict[str, Any]]:
        items = self._list(field, required=False, non_empty=False)
        if not all(isinstance(item, dict) for item in items):
            self.fail(field, "invalid", "Invalid data. Expected a dictionary.")
            return []
        return items

    def _list(self, field: str, *, required: bool, non_empty: bool) -> list[Any]:
        if not self.present(field, required=required):
            return []
        value = self.body[field]
        if not isinstance(value, list):
            self.fail(field, "not_a_list", f'Expected a list of items but got type "{type(value).__name__}".')
            return []
        if non_empty and not value:
            self.fail(field, "empty", "This list may not be empty.")
        return value

    def _parse_uuid(self, field: str, value: Any) -> uuid.UUID | None:
        if isinstance(value, str):
            try:
                return uuid.UUID(value)
            except ValueError:
                pass
        self.fail(field, "invalid", f'"{value}" is not a valid UUID.')
        return None


def read_json(body: bytes) -> Any:
    try:
        return json.loads(body or b"{}")
    except (ValueError, RecursionError) as exc:
        raise RefusalError(
            error_answer(
                400,
                "validation_error",
                "parse_error",
                f"JSON parse error - {exc}",
                details={"non_field_errors": [f"JSON parse error - {exc}"]},
            )
        ) from None


def lenient_query(query: Mapping[str, str]) -> Fields:
    # These views ignore query parameters they do not know (unlike the run-test list and the results).
    return Fields(dict(query), tuple(query))


def strict_query(query: Mapping[str, str], allowed: Sequence[str]) -> Fields:
    unknown = [key for key in query if key not in allowed]
    if unknown:
        raise InvalidError({key: [("invalid", "Unknown field.")] for key in unknown})
    return Fields(dict(query), allowed)


def media_type_error(exchange: Exchange) -> Answer | None:
    # DRF parses only the content types it has parsers for; this API's views take JSON.
    content_type = exchange.headers.get("content-type", "").split(";")[0].strip().lower()
    if not exchange.body or content_type in ("", "application/json"):
        return None
    message = f'Unsupported media type "{content_type}" in request.'
    return error_answer(415, "validation_error", "unsupported_media_type", message)
