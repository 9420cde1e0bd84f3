"""How the emulator words an answer: JSON bodies, the server's error envelope, and Django's 404 page.

Every error the emulator gives has the open-source server's envelope (``tfc/utils/api_errors.py``;
``docs/dialects.md``, "Errors"), so a client's error handling meets one shape whichever rule refused it.
A handler that finds a problem deep inside raises ``InvalidError`` (field errors, collected as a DRF
serializer collects them) or ``RefusalError`` (any other whole-request answer); ``EmulatorApp.handle``
turns either into its answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ._exchange import Answer

__all__ = [
    "JSON",
    "InvalidError",
    "RefusalError",
    "bad_request",
    "error_answer",
    "json_answer",
    "not_found_page",
]

JSON = "application/json"

# What Django answers for a URL no route matches: an HTML page, not the JSON envelope.
_HTML_404 = (
    b'<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta http-equiv="content-type" content="text/html;'
    b' charset=utf-8">\n  <title>Page not found at /</title>\n</head>\n<body>\n  <h1>Not Found</h1>\n'
    b"  <p>The requested resource was not found on this server.</p>\n</body>\n</html>\n"
)


def json_answer(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Answer:
    return Answer(status, json.dumps(payload).encode(), {"Content-Type": JSON, **(headers or {})})


def error_answer(
    status: int,
    type_: str,
    code: str,
    message: str,
    *,
    attr: str | None = None,
    details: Mapping[str, list[str]] | None = None,
    headers: Mapping[str, str] | None = None,
    result: Any = None,
) -> Answer:
    """The server's one error envelope, whatever refused the request. ``result`` is the sentence unless
    given (the incomplete-scenarios 400 has an object there)."""
    body: dict[str, Any] = {
        "status": False,
        "type": type_,
        "code": code,
        "detail": message,
        "message": message,
        "error": message,
        "result": message if result is None else result,
    }
    if attr is not None:
        body["attr"] = attr
    if details is not None:
        body["details"] = dict(details)
    return json_answer(status, body, headers)


def not_found_page() -> Answer:
    return Answer(404, _HTML_404, {"Content-Type": "text/html; charset=utf-8"})


class InvalidError(Exception):
    """Field errors, in the order found: field -> [(code, message)]."""

    def __init__(self, problems: dict[str, list[tuple[str, str]]]) -> None:
        super().__init__(problems)
        self.problems = problems

    @classmethod
    def one(cls, field: str, code: str, message: str) -> InvalidError:
        return cls({field: [(code, message)]})

    def answer(self) -> Answer:
        first = next(iter(self.problems))
        sentence = "; ".join(f"{f}: {m}" for f, found in self.problems.items() for _, m in found)
        details = {f: [m for _, m in found] for f, found in self.problems.items()}
        return error_answer(
            400, "validation_error", self.problems[first][0][0], sentence, attr=first, details=details
        )


class RefusalError(Exception):
    """A whole-request error answer raised from deep inside a handler."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(answer.status)
        self.answer = answer


def bad_request(message: str, *, details: Mapping[str, list[str]] | None = None) -> RefusalError:
    return RefusalError(error_answer(400, "validation_error", "invalid", message, details=details))
