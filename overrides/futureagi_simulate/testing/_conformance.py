"""Checks each exchange the emulator serves against ``openapi.yaml`` with openapi-core.

The document travels inside the generated package (``make generate`` copies it there), so an installed
emulator checks against the document its client was generated from.
"""

from __future__ import annotations

import importlib.resources
import threading
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["Conformance", "document_text"]

# openapi-core matches servers as well as paths; requests are checked as if sent to the documented server,
# because the emulator's own address is not (and should not be) in the document.
_DOCUMENTED_HOST = "https://api.futureagi.com"


def document_text() -> str:
    return (importlib.resources.files("futureagi_simulate._api") / "openapi.yaml").read_text("utf-8")


@attrs.define  # openapi-core writes the resolved path parameters back
class _Request:
    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: Any
    host_url: str = _DOCUMENTED_HOST


@attrs.frozen
class _Response:
    status_code: int
    data: bytes
    content_type: str
    headers: Any


_LOADING = threading.Lock()
_LOADED: list[tuple[Any, Any]] = []


class Conformance:
    """Loads the document once; ``problems`` lists every way one exchange departs from it."""

    def __init__(self) -> None:
        try:
            import yaml
            from openapi_core import OpenAPI
            from openapi_core.datatypes import RequestParameters
            from werkzeug.datastructures import Headers, ImmutableMultiDict
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise RuntimeError(
                "the emulator's conformance check needs openapi-core: install the package again with its "
                "testing extra (the package is on no index: pip install '<your wheel, checkout or git "
                "URL>[testing]', which is futureagi-simulate[testing]) or start the emulator with "
                "validate=False (--no-validate)"
            ) from exc
        with _LOADING:
            if not _LOADED:
                # Once per process: reading and compiling the document is most of an emulator's start,
                # and every emulator checks against the same document.
                # libyaml's safe loader where PyYAML was built with it: the same result, read in C.
                loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
                document = _nullable_references(yaml.load(document_text(), Loader=loader))
                _LOADED.append((_take_allow_empty_value(document), OpenAPI.from_dict(document)))
            self._empty_allowed, self._openapi = _LOADED[0]
        self._parameters = RequestParameters
        self._headers = Headers
        self._multidict = ImmutableMultiDict

    def problems(
        self,
        *,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes,
        status: int,
        response_headers: Mapping[str, str],
        response_body: bytes,
        check_request: bool,
    ) -> list[str]:
        request = _Request(
            path=path,
            method=method.lower(),
            body=body or None,
            content_type=headers.get("content-type", "").lower(),
            parameters=self._parameters(
                # An empty value of a parameter that allows one needs no further check (see
                # _take_allow_empty_value); any other value is checked against its schema as usual.
                query=self._multidict([(k, v) for k, v in query if v or k not in self._empty_allowed]),
                header=self._headers(dict(headers)),
            ),
        )
        response = _Response(
            status_code=status,
            data=response_body,
            content_type=response_headers.get("Content-Type", "").lower(),
            headers=self._headers(dict(response_headers)),
        )
        found: list[str] = []
        if check_request:
            found.extend(f"request: {_describe(e)}" for e in self._openapi.iter_request_errors(request))
        found.extend(
            f"response {status}: {_describe(e)}"
            for e in self._openapi.iter_response_errors(request, response)
        )
        return found


def _nullable_references(node: Any) -> Any:
    """Reads ``nullable: true`` beside an ``allOf`` the way the generators do: as "this, or null".

    The document marks nullable references that way because it is the form openapi-python-client and
    openapi-generator turn into ``Model | None`` (a nullable component would rename the model). OpenAPI
    3.0.3, which openapi-core follows to the letter, gives ``nullable`` no effect without a ``type`` beside
    it, so the check would reject the ``null`` the server really sends.
    """
    if isinstance(node, list):
        return [_nullable_references(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _nullable_references(value) for key, value in node.items()}
    # The same for a nullable oneOf/anyOf (Scenario.dataset_column_config: a column map, [] or null).
    for combinator in ("allOf", "oneOf", "anyOf"):
        if node.get("nullable") is True and combinator in node and "type" not in node:
            rest = {k: v for k, v in node.items() if k not in ("nullable", combinator)}
            return {
                **rest,
                "anyOf": [
                    {combinator: node[combinator]},
                    {"type": "object", "nullable": True, "enum": [None]},
                ],
            }
    return node


def _take_allow_empty_value(document: Any) -> frozenset[str]:
    """Removes ``allowEmptyValue: true`` from the optional query parameters; returns their names.

    openapi-core warns ``DeprecationWarning`` every time it reads that property (on every request to the
    operation, empty value or not), from the emulator's server threads. A user whose tests turn warnings
    into errors would see the emulator fail every list call. A filter cannot be scoped to those threads
    (``warnings.catch_warnings`` swaps the process-wide filters, racing pytest's own per-test swap), so
    the emulator never lets openapi-core read the property: it drops the empty values of those
    parameters before the check instead, which is what the property allows.
    """
    names: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            if node.get("in") == "query" and node.get("allowEmptyValue") is True and not node.get("required"):
                del node["allowEmptyValue"]
                names.add(str(node["name"]))
            for value in node.values():
                visit(value)

    visit(document)
    return frozenset(names)


def _describe(error: Exception) -> str:
    """openapi-core's own sentence plus the schema errors behind it, which say which field and why."""
    parts = [str(error)]
    cause = error.__cause__
    for schema_error in getattr(cause, "schema_errors", ()) or ():
        where = "/".join(str(p) for p in getattr(schema_error, "absolute_path", ()))
        parts.append(f"{where or '<root>'}: {getattr(schema_error, 'message', schema_error)}")
    return "; ".join(parts)
