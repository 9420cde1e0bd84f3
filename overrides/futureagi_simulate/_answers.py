"""Reading an answer: its body decoded, the one envelope rule, and what an error answer says.

- ``decode_body``: the answer's JSON, or its text when it is not JSON.
- ``envelope_key``: the one envelope rule for successful answers. The open-source server wraps some
  answers as ``{"status": true, "result": X}`` and the documented dialect some as ``{"status":
  "success", "data": X}`` (``docs/dialects.md``, "Envelopes of the answers"); every resource reads its
  answers through this one rule (``unwrap_object``, ``unwrap_array``), so no operation unwraps in its
  own way, and an envelope holding the wrong JSON type is named as the generated models name it
  (``result: expected object, got null``).
- ``ErrorAnswer.read``: the sentence, codes and field details of an error answer, from the error
  envelope (``{status: false, type, code, detail, message, error, result, attr, details}``) or,
  when there is none, a sentence made from the status line; ``retry_after_seconds``: the wait a 429
  (or any answer with ``Retry-After``) asks for.

No error classes here: the one status -> exception factory (``_errors.make_status_error``) reads error
answers with this module, and the flows turn a failed read of a successful answer into
``APIResponseValidationError``. Loaded at import: the standard library, httpx and ``_parsing`` (itself the
standard library only).
"""

from __future__ import annotations

import email.utils
import json
import math
import time
from collections.abc import Callable, Mapping
from itertools import chain, compress
from operator import not_
from typing import Any, Final, Generic, TypeVar

import httpx

from ._parsing import ParseError, wrong_type
from ._redaction import excerpt, redact

__all__ = [
    "ENVELOPE_KEYS",
    "INVALID_PAGE",
    "MAX_BODY_DEPTH",
    "REFUSED",
    "UNDECODED",
    "ErrorAnswer",
    "Reading",
    "Refused",
    "Whole",
    "about",
    "decode_body",
    "depth",
    "envelope_key",
    "is_invalid_page",
    "json_object",
    "retry_after_seconds",
    "shallow_object",
    "text_depth",
    "untyped_decoder",
    "unwrap_array",
    "unwrap_object",
]

T = TypeVar("T")

# A JSON body nested deeper than this is refused or kept as text: nothing the API sends nests a tenth
# as deep, and every walk over it (redaction, repr, pickle, a JSON report) would be a recursion hazard.
MAX_BODY_DEPTH = 64
#: The keys an envelope holds its content under: ``result`` (the open-source server), ``data`` (the
#: documented dialect's execute answers), in the order they are looked for.
ENVELOPE_KEYS = ("data", "result")
#: The server's sentence for a run-test page past the last one (a 500, the same every time).
INVALID_PAGE = "Invalid page."
#: The response extension the body reader (``_transport``) sets on an error answer read as sent: the
#: Content-Encoding that could not be undone, which the error's message then names.
UNDECODED = "futureagi_simulate.undecoded_content_encoding"


def decode_body(response: httpx.Response) -> tuple[object, bool]:
    """The answer's JSON and True, or its text and False when it is not JSON."""
    try:
        return json.loads(response.content), True
    except (ValueError, RecursionError):
        # RecursionError: a hostile body nested deeper than the parser goes is not JSON we can use.
        return response.content.decode("utf-8", errors="replace"), False


def depth(value: Any, limit: int = MAX_BODY_DEPTH) -> int:
    """How deep ``value`` nests (0 for a scalar, 1 for an object or array of scalars), counted level by
    level without recursion, stopping once past ``limit``.

    Every answer that carries free-form JSON goes through here, so the walk is kept in C's loops: each
    level's values are sorted by their exact type (``itertools.compress`` over ``map(type, ...)``) rather
    than tested one by one with an abstract ``isinstance``, which cost half of reading an execution's
    call rows (BENCHMARKS.md, "Execution reads"). Decoded JSON holds only dicts, lists and scalars; any
    other Mapping or list (a body a caller built) is still walked, found by the slower test."""
    level: list[Any] = [value]
    deepest = 0
    while level:
        kinds = list(map(type, level))
        objects = list(compress(level, map(_IS_DICT, kinds)))
        arrays = list(compress(level, map(_IS_LIST, kinds)))
        for other in compress(level, map(not_, map(_PLAIN, kinds))):
            if isinstance(other, Mapping):
                arrays.append(other.values())
            elif isinstance(other, list):
                arrays.append(other)
        if not objects and not arrays:
            break
        deepest += 1
        if deepest > limit:
            break
        # The next level: the values of this one's objects and arrays that are not scalars.
        children = chain(chain.from_iterable(map(dict.values, objects)), chain.from_iterable(arrays))
        again = chain(chain.from_iterable(map(dict.values, objects)), chain.from_iterable(arrays))
        level = list(compress(children, map(not_, map(_SCALAR, map(type, again)))))
    return deepest


# Exact-type tests done in C (``frozenset.__contains__`` of a value's type): a JSON object, a JSON array,
# a JSON scalar, and every type decoded JSON holds.
_IS_DICT = frozenset((dict,)).__contains__
_IS_LIST = frozenset((list,)).__contains__
_SCALAR = frozenset((str, int, float, bool, type(None))).__contains__
_PLAIN = frozenset((dict, list, str, int, float, bool, type(None))).__contains__


def text_depth(content: bytes, limit: int = MAX_BODY_DEPTH) -> int:
    """How deep the UTF-8 JSON text ``content`` nests, as ``depth`` counts the value it decodes to, counted
    on the bytes before anything is decoded; ``limit + 1`` once past ``limit``, and for brackets that do
    not pair (text that is not JSON, which no decoder then reads).

    Walking a decoded execution page for the bound cost about two thirds of decoding it (12.9 M
    instructions beside msgspec's 10.2 M, BENCHMARKS.md, "Issue 27, third session: rows28"); this costs a
    few passes of C over the bytes. Only for text a UTF-8 decoder then reads: in any other encoding (which
    ``json.loads`` of bytes also reads) the count means nothing. In JSON text every bracket outside a
    string is a level's start or end, and the count is the number of rounds that remove every innermost
    pair, which is the deepest level."""
    if b"\\" in content:
        # Escapes first: a backslash pair is one character, and an escaped quote is part of its string.
        # Once both are gone, every quote left starts or ends a string.
        content = content.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Quotes and brackets only, each bracket an opening or a closing one; then the brackets alone.
    quoted = content.translate(_BRACKETS, _NOT_STRUCTURE)
    shape = quoted.translate(None, b'"')
    if len(quoted) - len(shape) != 2 * quoted.count(b'""'):
        # Some string holds a bracket (else every string is an adjacent pair of quotes): the brackets
        # between the first and second quote, the third and fourth, ... are strings'.
        shape = b"".join(quoted.split(b'"')[::2])
    deepest = 0
    while shape:
        if deepest == limit:
            return limit + 1
        deepest += 1
        inner = shape.replace(b"()", b"")
        if len(inner) == len(shape):
            return limit + 1
        shape = inner
    return deepest


_STRUCTURE = b'"[]{}'
_NOT_STRUCTURE = bytes(sorted(set(range(256)).difference(_STRUCTURE)))
_BRACKETS = bytes.maketrans(b"[{]}", b"(())")


# Successful answers -----------------------------------------------------------------------------------


def json_object(body: object) -> dict[str, Any]:
    """``body`` if it is a decoded JSON object; the generated models read nothing else. TypeError if not."""
    # dict, not Mapping: the body is decoded JSON, and an ABC check costs more.
    if not isinstance(body, dict):
        raise TypeError(f"expected a JSON object, got {type(body).__name__}")
    return body


def shallow_object(body: object) -> dict[str, Any]:
    """``json_object``, refusing (ValueError) a body that nests deeper than ``MAX_BODY_DEPTH`` levels.

    For answers that carry free-form JSON (transcripts, eval outputs): nothing a user does with the
    result (pickle, repr, a JSON report) then walks hundreds of levels."""
    answer = json_object(body)
    if depth(answer) > MAX_BODY_DEPTH:
        raise ValueError(f"the answer nests deeper than {MAX_BODY_DEPTH} levels")
    return answer


def envelope_key(body: dict[str, Any], *, own: tuple[str, ...]) -> str | None:
    """The one envelope rule: the key under which an answer carries its content, None when it is bare.

    ``own`` are keys the bare object always has at its top level (``id`` for a run test,
    ``execution_id`` for an execution). An object with one of them is the object itself, whatever
    other keys (a ``result`` or ``data`` field the server added) it carries. Otherwise an object
    holding ``data`` or ``result`` (``ENVELOPE_KEYS``, in that order) is an envelope, and its content
    is that key's value, of whatever JSON type (the open-source eval summary's is a list). Any other
    object is read as it is, and the model reading it names what is missing.
    """
    if any(key in body for key in own):
        return None
    for key in ENVELOPE_KEYS:
        if key in body:
            return key
    return None


def unwrap_object(body: dict[str, Any], *, own: tuple[str, ...]) -> dict[str, Any]:
    """What an answer carries (``envelope_key``'s rule), for an answer whose content is one JSON object.

    An envelope holding anything else is a ``ParseError`` naming its key in JSON's terms (``result:
    expected object, got null``), as the generated models name what they read."""
    key = envelope_key(body, own=own)
    if key is None:
        return body
    content = body[key]
    if not isinstance(content, dict):
        raise wrong_type("object", content, key)
    return content


def unwrap_array(body: dict[str, Any], *, key: str, parse: Callable[[dict[str, Any]], T]) -> list[T]:
    """An envelope's array under ``key``, each item a JSON object read by ``parse``. A ``ParseError``
    names where, in JSON's terms, from the top of the answer (``result[2].name: ...``)."""
    content = body[key]
    if not isinstance(content, list):
        raise wrong_type("array", content, key)
    items: list[T] = []
    for index, item in enumerate(content):
        if not isinstance(item, dict):
            raise wrong_type("object", item, key, index)
        try:
            items.append(parse(item))
        except ParseError as exc:
            raise exc.within(key, index) from None
    return items


def about(
    asked: object, what: str, parse: Callable[[object], T], of: Callable[[T], object]
) -> Callable[[object], T]:
    """``parse``, refusing (ValueError) an answer about another object than the one asked for: a verdict
    drawn from another execution's results, or another run test's eval configs, would judge the wrong
    run. ``of`` reads the answer's own id, ``what`` names the kind of object in the message. A ``Reading``
    stays one: its fast road refuses such an answer too, and today's parse then raises the error."""

    def checked(body: object) -> T:
        answer = parse(body)
        told = of(answer)
        if told != asked:
            raise ValueError(f"the answer is about {what} {excerpt(str(told), 60)}, not {asked} as asked")
        return answer

    if type(parse) is not Reading:
        return checked
    fast = parse.fast

    def checked_fast(content: bytes) -> T | Refused:
        answer: T | Refused = fast(content)
        if isinstance(answer, Refused) or of(answer) != asked:
            return REFUSED
        return answer

    return Reading(checked, checked_fast)


class Refused:
    """The type of ``REFUSED``: a fast road could not vouch for an answer; today's parse reads it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED: Final = Refused()


class Reading(Generic[T]):
    """A parse with a faster road first: ``self(body)`` reads decoded JSON (today's road, ``parse``);
    ``fast(content)`` reads the answer's bytes (the ``speed`` extra's msgspec mirrors, ``_mirrors``) and
    returns ``REFUSED`` for any answer it cannot vouch for, which ``_flows.finish`` then decodes and reads
    with ``parse``: the same model or the same error either way."""

    __slots__ = ("fast", "parse")

    def __init__(self, parse: Callable[[object], T], fast: Callable[[bytes], T | Refused]) -> None:
        self.parse = parse
        self.fast = fast

    def __call__(self, body: object) -> T:
        return self.parse(body)


class Whole(Generic[T]):
    """A fast road (``Reading.fast``) for an answer that ``parse`` reads whole and may consume (``from_dict``
    with ``consume=True``): the nesting bound counted on the bytes (``text_depth``) before anything is
    decoded, then the bytes decoded untyped (``untyped_decoder``) and read by ``parse``.

    ``REFUSED`` for an answer past the bound, text that is not UTF-8 JSON or that the decoder refuses, and
    any error of the parse: the flows then read the bytes again by today's road (``json.loads``, the
    bound walked on the decoded value, the same parse), which names what is wrong. So the model or the
    error is the same either way, and the parse may consume what it reads: nothing reads it afterwards.
    """

    __slots__ = ("parse",)

    def __init__(self, parse: Callable[[object], T]) -> None:
        self.parse = parse

    def __call__(self, content: bytes) -> T | Refused:
        if text_depth(content) > MAX_BODY_DEPTH:
            return REFUSED
        try:
            return self.parse(untyped_decoder()(content))
        except Exception:
            # Any refusal, the decoder's or the parse's: today's road reads the same bytes.
            return REFUSED


def untyped_decoder() -> Callable[[bytes], object]:
    """The decoder of UTF-8 JSON text into plain values: msgspec's with the ``speed`` extra when its road is
    on (``_mirrors.available``), else ``json.loads`` of the text.

    They make the same values of the same text (the same ints of any size, floats, strings, the last of a
    key given twice, in its first place); msgspec refuses what ``json.loads`` reads otherwise (NaN,
    ``1e400``, a lone surrogate, a byte order mark), and a ``Whole`` road then leaves those answers to
    today's road (``tests/test_mirrors.py``). Not ``json.loads`` of the bytes, which reads UTF-16 and
    UTF-32 too, where ``text_depth`` counts nothing."""
    from . import _mirrors  # at first use: _mirrors imports this module

    if _mirrors.available():
        import msgspec

        decode: Callable[[bytes], object] = msgspec.json.decode
        return decode
    return _loads_utf8


def _loads_utf8(content: bytes) -> object:
    return json.loads(content.decode("utf-8"))


# Error answers ----------------------------------------------------------------------------------------


class ErrorAnswer:
    """What an error answer says, redacted: read once by ``read``, then mapped to an exception class.

    ``message`` is the server's own sentence (``message``, ``detail``, ``error``, or ``result`` of the
    envelope, else ``result.message``), else one made from the status line; redacted, then cut to
    ``MAX_EXCERPT`` characters. ``body`` is the redacted JSON, or the text when it is not JSON or nests
    deeper than ``MAX_BODY_DEPTH`` (then ``details`` is None); ``raw`` the body as decoded, unredacted,
    for rules that read the server's own values (``is_invalid_page``, ``retry_after_seconds``).
    """

    __slots__ = ("attr", "body", "code", "details", "error_type", "is_json", "message", "raw")

    def __init__(
        self,
        *,
        message: str,
        body: object,
        raw: object,
        is_json: bool,
        code: str | None,
        error_type: str | None,
        attr: str | None,
        details: Mapping[str, Any] | None,
    ) -> None:
        self.message = message
        self.body = body
        self.raw = raw
        self.is_json = is_json
        self.code = code
        self.error_type = error_type
        self.attr = attr
        self.details = details

    @classmethod
    def read(cls, response: httpx.Response, *, secrets: tuple[str, ...]) -> ErrorAnswer:
        raw, is_json = decode_body(response)
        body = redact(raw, secrets)
        envelope: Mapping[str, Any] = body if isinstance(body, Mapping) else {}
        result = envelope.get("result")
        nested: Mapping[str, Any] = result if isinstance(result, Mapping) else {}

        message = _first_text(envelope.get("message"), envelope.get("detail"), envelope.get("error"), result)
        message = message or _first_text(nested.get("message")) or _fallback_message(response, body)
        # Redacted before it is cut, and whole: the fallback sentence quotes the status line and the
        # Content-Type, which a server may fill with what it was sent; a cut through a credential would
        # leave its first characters where redaction no longer finds them.
        message = excerpt(redact(message, secrets))
        details = envelope.get("details")
        if is_json and depth(raw) > MAX_BODY_DEPTH:
            # The envelope's sentence is kept; the body itself as text, so that nothing a user does with
            # the exception (repr, pickle) walks hundreds of levels.
            body = redact(response.content.decode("utf-8", errors="replace"), secrets)
            details = None
        return cls(
            message=message,
            body=body,
            raw=raw,
            is_json=is_json,
            code=_first_text(envelope.get("code"), nested.get("code")),
            error_type=_first_text(envelope.get("type")),
            attr=_first_text(envelope.get("attr")),
            details=details if isinstance(details, Mapping) else None,
        )


def is_invalid_page(body: object) -> bool:
    """True when a decoded 500 body is the server's answer to a page past the last one."""
    if not isinstance(body, Mapping):
        return False
    return any(body.get(key) == INVALID_PAGE for key in ("detail", "message", "error"))


def _first_text(*candidates: object) -> str | None:
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            return candidate
    return None


def _fallback_message(response: httpx.Response, body: object) -> str:
    kind = response.headers.get("Content-Type", "no content type").split(";")[0]
    reason = response.reason_phrase or "error"
    # Set by the body reader on an error answer its Content-Encoding lied about.
    undecoded = response.extensions.get(UNDECODED)
    if isinstance(undecoded, str):
        encoding = excerpt(undecoded, 40)
        return f"{reason} (the body is not {encoding!r} as its Content-Encoding says, nor the JSON envelope)"
    if isinstance(body, str) and not body.strip():
        return f"{reason} (empty body)"
    return f"{reason} (the body was {kind}, not the JSON error envelope)"


def retry_after_seconds(response: httpx.Response, *, body: object = None) -> float | None:
    """The wait the server asked for: ``Retry-After`` in seconds or as an HTTP date, else the open-source
    server's ``result.retry_after`` in a 429 body (``body``, decoded here when not given).

    A wait too large to represent (``inf``, ``1e309``, a 400-digit integer) or not a number at all
    (``nan``) is ``math.inf``: "too long to wait", never a reason to resend at once.
    """
    header = response.headers.get("Retry-After")
    if header is not None:
        try:
            return _seconds(float(header))
        except ValueError:
            pass
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError, IndexError, OverflowError):
            when = None
        if when is not None and when.tzinfo is not None:
            try:
                return _seconds(when.timestamp() - time.time())
            except (OverflowError, ValueError, OSError):
                return math.inf
    if response.status_code != 429:
        return None
    if body is None:
        body, _ = decode_body(response)
    result = body.get("result") if isinstance(body, Mapping) else None
    in_body = result.get("retry_after") if isinstance(result, Mapping) else None
    if isinstance(in_body, (int, float)) and not isinstance(in_body, bool):
        try:
            return _seconds(float(in_body))
        except OverflowError:  # an integer too large for a float
            return math.inf if in_body > 0 else 0.0
    return None


def _seconds(value: float) -> float:
    # "inf", "1e309" and "nan" parse as floats; none is a wait anyone can honour.
    if math.isnan(value):
        return math.inf
    return max(0.0, value)
