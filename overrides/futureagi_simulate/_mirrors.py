"""The decoding road of the ``speed`` extra: an answer's bytes decoded by msgspec into the models' mirrors,
then the models built from them; today's parse (``json.loads`` and the generated ``from_dict``) whenever
this road refuses, so the user gets the same model or the same error either way.

- Each generated model module declares its mirror, ``MIRROR`` (``templates/mirror_macros.jinja``): per
  declared key its attribute, JSON key, msgspec type and whether it is required. The first read of a model
  builds the mirrors it reaches as msgspec Structs that refuse unknown keys (a model keeps those in
  ``additional_properties``, which only ``from_dict`` fills), and that the cyclic collector does not track
  (``gc=False``: a mirror holds no cycle, and lives only while its model is built; BENCHMARKS.md, "The
  decoding road").
- msgspec checks every JSON type in C; the generated ``from_mirror`` converts what the model holds
  otherwise (UUIDs through the same ``read_uuid`` and the answer's memo, date-times through the same
  ``parse_datetime``, enums and unions through ``from_dict``'s own code) and builds the models as
  ``from_dict`` does.
- ``Mirrored`` is one read: bytes -> model, or ``REFUSED`` on any refusal (msgspec's: a wrong type, a missing
  or unknown key, NaN, a UUID in braces, bytes that are not UTF-8 JSON; the conversion's; or a nesting
  bound it cannot vouch for). The flows then decode and parse the answer as without the extra.

msgspec is imported on the first read, never by ``import futureagi_simulate``; without it (or at a version
the extra does not allow, or with ``use(False)``) every read returns ``REFUSED`` at once.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import threading
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast
from uuid import UUID

from ._answers import MAX_BODY_DEPTH, REFUSED, Reading, Refused, depth
from ._redaction import SECRET_FIELDS, redact_fields

if TYPE_CHECKING:
    import msgspec

__all__ = [
    "REFUSED",
    "Mirrored",
    "Reading",
    "Refused",
    "available",
    "redact_mirrored_agent_parts",
    "redact_mirrored_run_test",
    "redacted_json",
    "use",
]

T = TypeVar("T")


# Whether reads try the mirrors: tests switch it off to run the same cases without the extra's road.
_on = True
_BUILDING = threading.Lock()


def _unlock_in_child() -> None:
    # A child forked while another thread was building holds a copy of the lock that nobody will release:
    # it gets a lock of its own. A road is kept only once built; mirrors the parent's thread had half
    # registered at most make the child's decoder fail to build, which reads as without the extra.
    global _BUILDING
    _BUILDING = threading.Lock()


os.register_at_fork(after_in_child=_unlock_in_child)


def use(on: bool) -> None:
    """Reads try the mirrors (``on``) or go straight to today's parse: the same models, errors and checks
    either way; a switch for tests and measurements."""
    global _on
    _on = on


def available() -> bool:
    """True when msgspec (the ``speed`` extra, at a version it allows) is installed and the road is switched
    on."""
    return _on and _msgspec() is not None


# The msgspec versions the speed extra allows (pyproject.toml), the ones this road is checked against.
# Others decode differently where it matters: 0.16 reads an integer past 64 bits as a float, where
# json.loads keeps it an int.
_VERSIONS = ((0, 22), (1, 0))


def _msgspec() -> Any:
    """msgspec, or None when it is missing, broken, or of a version the extra does not allow."""
    try:
        import msgspec

        version = tuple(int(part) for part in msgspec.__version__.split(".")[:2])
    except Exception:  # missing (ImportError), broken, or with a version this code cannot read
        return None
    oldest, past = _VERSIONS
    return msgspec if oldest <= version < past else None


class Mirrored(Generic[T]):
    """One read of ``model`` from an answer's bytes through its mirror: ``self(content)`` is the model, or
    ``REFUSED``.

    ``envelope``: the key an answer may carry the model under, beside a ``status`` (``{"status": true,
    "result": {...}}``, the open-source server's results; ``_answers.envelope_key``); a bare answer is
    read as the model itself by the fallback. ``bounded``: the read refuses any answer nesting deeper than
    ``MAX_BODY_DEPTH`` (the fallback's ``shallow_object`` then raises its error); an unbounded read never
    decodes deeper than json.loads reaches (``_UNDER``), as today's parse, which bounds nothing else,
    then finds the answer is not JSON: the mirrors' own levels
    are bounded by their types, and the values msgspec decodes untyped are walked here, each at the
    deepest place it can be. ``prepare``: a change made to the decoded mirror before the
    model is built (the redaction of an agent's secrets).
    """

    __slots__ = ("_road", "bounded", "envelope", "model", "prepare")

    def __init__(
        self,
        model: type[T],
        *,
        envelope: str | None = None,
        bounded: bool = False,
        prepare: Callable[[Any], None] | None = None,
    ) -> None:
        self.model = model
        self.envelope = envelope
        self.bounded = bounded
        self.prepare = prepare
        self._road: tuple[msgspec.json.Decoder[Any], int] | Refused | None = None

    def __call__(self, content: bytes) -> T | Refused:
        if not _on:
            return REFUSED
        road = self._road
        if road is None:
            # Built once, by one thread: the mirrors a model reaches are registered one by one, and another
            # thread's decoder must not resolve a name not yet there.
            with _BUILDING:
                road = self._road
                if road is None:
                    try:
                        road = _road(self.model, self.envelope) or REFUSED
                    except Exception:  # a msgspec this code does not know: the client reads as without it
                        road = REFUSED
                    self._road = road
        if road is REFUSED:
            return REFUSED
        decoder, deepest = road  # type: ignore[misc]
        # Where today's parse bounds no nesting, it refuses only what json.loads cannot reach: decoded
        # under frames that leave msgspec less reach than json.loads (_UNDER), or else bounded here. The
        # untyped values are gathered only for a bound (None: from_mirror appends nothing).
        bounded = self.bounded or not _UNDER
        loose: list[Any] | None = [] if bounded else None
        try:
            mirror = decoder.decode(content) if self.bounded else _under(_UNDER, decoder.decode, content)
            if self.envelope is not None and loose is not None:
                # The envelope's status is untyped JSON too, which no model reads: the fallback's nesting
                # bound walks the whole answer, so the bound here walks it as well.
                loose.append(mirror.status)
                mirror = getattr(mirror, self.envelope)
            if self.prepare is not None:
                self.prepare(mirror)
            made: T = self.model.from_mirror(mirror, {}, loose, {})  # type: ignore[attr-defined]
        except Exception:
            # Any refusal, msgspec's (ValidationError, DecodeError, RecursionError) or the conversion's
            # (ParseError, ValueError): today's parse reads the same bytes and names what is wrong.
            return REFUSED
        # Each untyped value sits at most `deepest` levels down: the whole answer is within the bound when
        # each nests at most MAX_BODY_DEPTH - deepest levels (depth(loose) counts the list itself, and
        # stops once past the limit).
        if bounded and loose:
            limit = MAX_BODY_DEPTH + 1 - deepest
            if depth(loose, limit) > limit:
                return REFUSED
        return made


# Python frames a read without a nesting bound decodes under. In CPython 3.11 msgspec and json.loads
# count their levels against the recursion limit that Python frames count against, and msgspec reaches
# up to about 7 levels deeper than json.loads does from flows.finish: 16 frames more leave it less reach,
# so the mirrors never read an answer that today's parse finds is not JSON. Where C levels are counted
# apart from Python frames (3.12 on), such reads walk their untyped values for the nesting bound instead,
# and leave an answer past it to today's parse.
_UNDER = 16 if sys.version_info < (3, 12) else 0


def _under(frames: int, decode: Callable[[bytes], Any], content: bytes) -> Any:
    """``decode(content)``, called ``frames`` Python frames further down the stack."""
    if frames:
        return _under(frames - 1, decode, content)
    return decode(content)


# Building the mirrors ----------------------------------------------------------------------------------

_MODELS = "futureagi_simulate._api.models"
_NAMED = re.compile(r"\b(\w+)Mirror\b")
# One namespace per generated models package: msgspec resolves a Struct's annotations ("list[RunTestMirror]")
# in its module's namespace, so each package's mirrors live in a module of their own, with Any and UUID.
_SPACES: dict[str, types.ModuleType] = {}


def _road(
    model: type[Any], envelope: str | None, as_uuid: frozenset[str] = frozenset()
) -> tuple[msgspec.json.Decoder[Any], int] | None:
    """The decoder of ``model``'s mirror and the deepest level an untyped value can sit at; None when
    msgspec is missing (or of a version the extra does not allow) or the model has no mirror.
    ``as_uuid``: fields (``"Model.attribute"``) decoded by msgspec's own ``UUID`` type rather than as text
    (``decoder_of``), in mirrors of their own."""
    msgspec = _msgspec()
    if msgspec is None:
        return None
    package = _package_of(model)
    space = _space(package)
    root = _mirror(msgspec, space, package, model.__name__, as_uuid)
    if root is None:
        return None
    if envelope is not None:
        root = msgspec.defstruct(
            f"{model.__name__}Envelope{_variant(as_uuid)}",
            [("status", Any, space.UNSET), (envelope, root)],
            kw_only=True,
            forbid_unknown_fields=True,
            gc=False,
            module=space.__name__,
        )
    deepest = _deepest_loose(msgspec.inspect.type_info(root), 0, set())
    if deepest is None:
        return None
    return msgspec.json.Decoder(root), deepest


def _package_of(model: type[Any]) -> str:
    """The generated models package ``model`` comes from: its own module's, or futureagi_simulate._api's
    for the models publish() moved to futureagi_simulate."""
    module = sys.modules.get(model.__module__)
    if module is not None and "MIRROR" in vars(module):
        return cast("str", module.__package__)
    return _MODELS


def _space(package: str) -> types.ModuleType:
    space = _SPACES.get(package)
    if space is None:
        space = types.ModuleType(f"{__name__}.of.{package}")
        space.Any = Any  # type: ignore[attr-defined]
        space.UUID = UUID  # type: ignore[attr-defined]
        # The package's "key missing", the default of every mirror's optional fields (its types.UNSET).
        generated_types = importlib.import_module(package.rsplit(".", 1)[0] + ".types")
        space.UNSET = generated_types.UNSET  # type: ignore[attr-defined]
        sys.modules[space.__name__] = _SPACES[package] = space
    return space


def _variant(as_uuid: frozenset[str]) -> str:
    # The suffix of the mirrors a set of UUID-typed fields makes: "" for the models' own mirrors.
    return "".join(f"_{field.replace('.', '_')}" for field in sorted(as_uuid))


def _mirror(
    msgspec: Any, space: types.ModuleType, package: str, name: str, as_uuid: frozenset[str] = frozenset()
) -> Any:
    """The Struct mirroring the generated model ``name`` of ``package``, built with every mirror it names;
    None when the model has none. With ``as_uuid`` (``_road``), each mirror is a variant of its own (its
    name suffixed), every one it names too, and the fields named there are msgspec's ``UUID``."""
    suffix = _variant(as_uuid)
    key = f"{name}Mirror{suffix}"
    if key in vars(space):
        return vars(space)[key]
    models = importlib.import_module(package)
    fields = importlib.import_module(models._WHERE[name], package).MIRROR
    if fields is None:
        return None
    spec: list[tuple[str, Any] | tuple[str, Any, Any]] = []
    for attribute, _, kind, required in fields:
        if f"{name}.{attribute}" in as_uuid:
            # Text msgspec's UUID reads is text uuid.UUID reads, to the same value; it refuses the rest
            # (braces, "urn:uuid:", hyphens elsewhere), which the fallback then reads (_results_pages).
            if kind != "str":  # pragma: no cover - a guard for whoever names another field
                raise RuntimeError(f"{name}.{attribute} is not a required string: {kind!r}")
            kind = "UUID"
        kind = kind or "Any"
        if suffix:
            kind = _NAMED.sub(lambda found: f"{found.group(0)}{suffix}", kind)
        spec.append((attribute, kind) if required else (attribute, kind, space.UNSET))
    made = msgspec.defstruct(
        key,
        spec,
        rename={attribute: json_key for attribute, json_key, _, _ in fields},
        kw_only=True,
        forbid_unknown_fields=True,
        gc=False,
        module=space.__name__,
    )
    setattr(space, key, made)
    for _, _, kind, _ in fields:
        for named in _NAMED.findall(kind):
            if (
                _mirror(msgspec, space, package, named, as_uuid) is None
            ):  # pragma: no cover - the templates name
                raise RuntimeError(f"{key} names {named}Mirror, which has no mirror")  # only mirrored models
    return made


def _deepest_loose(info: Any, level: int, seen: set[type]) -> int | None:
    """The deepest level (containers above it) at which a value msgspec decodes untyped can sit in a value
    of type ``info`` at ``level``; -1 when there is none, None for a mirror that contains itself."""
    import msgspec.inspect as mi

    if isinstance(info, mi.AnyType) or (
        isinstance(info, mi.DictType) and isinstance(info.value_type, mi.AnyType)
    ):
        # Untyped JSON, or an object of it (appended to `loose` as a whole, its own level counted there).
        return level
    if isinstance(info, mi.DictType):
        # A dict of mirrors (a call's eval outputs): the dict is typed, its values sit one level down.
        return _deepest_loose(info.value_type, level + 1, seen)
    if isinstance(info, mi.ListType):
        return _deepest_loose(info.item_type, level + 1, seen)
    if isinstance(info, mi.UnionType):
        found = [_deepest_loose(t, level, seen) for t in info.types]
        return None if None in found else max((f for f in found if f is not None), default=-1)
    if isinstance(info, mi.StructType):
        if info.cls in seen:
            return None
        found = [_deepest_loose(f.type, level + 1, seen | {info.cls}) for f in info.fields]
        return None if None in found else max((f for f in found if f is not None), default=-1)
    return -1


# What a read changes in a decoded mirror --------------------------------------------------------------


def redact_mirrored_agent_parts(page: Any) -> None:
    """The agent's secrets (``_redaction.SECRET_FIELDS``) redacted in each run test of a page's mirror, where
    ``run_tests._redact_agent_parts`` redacts them in decoded JSON: the agent's details and the agent
    version's configuration snapshot (free-form objects, which the mirrors hold as dicts)."""
    clean: list[Any] = [None, None]
    for run in page.results:
        _redact_run(run, clean)


def redact_mirrored_run_test(run: Any) -> None:
    """``redact_mirrored_agent_parts`` for one run test's mirror."""
    _redact_run(run, [None, None])


def _redact_run(run: Any, clean: list[Any]) -> None:
    # clean: the last agent details and snapshot of this read found to hold no secret. A page's run tests
    # mostly share their agent, and an object equal to one without a secret has none either (JSON values
    # equal only to None, "", [] are those; a dict equal to one is equal key by key): one comparison in C
    # instead of a walk, about a third of the walk's time on the benchmark's page (BENCHMARKS.md, list28).
    detail = run.agent_definition_detail
    if type(detail) is dict and detail != clean[0]:
        redacted = redacted_json(detail)
        if redacted is detail:
            clean[0] = detail
        else:
            run.agent_definition_detail = redacted
    # A mirror, or null, or UNSET when the key is missing: only a mirror has a snapshot.
    snapshot = getattr(run.agent_version, "configuration_snapshot", None)
    if type(snapshot) is dict and snapshot != clean[1]:
        redacted = redacted_json(snapshot)
        if redacted is snapshot:
            clean[1] = snapshot
        else:
            run.agent_version.configuration_snapshot = redacted


def redacted_json(value: dict[str, Any]) -> dict[str, Any]:
    """``redact_fields(value)`` for a decoded JSON object: the object itself when redaction would change
    nothing in it (no ``SECRET_FIELDS`` key at any depth holds a value, as the agent details of the
    open-source server's run tests, whose ``api_key`` is ``""``), else its redacted copy. redact_fields
    copies every object it walks, and cost a quarter of reading a page of 100 run tests through the
    mirrors (BENCHMARKS.md, "The decoding road")."""
    return value if _holds_no_secret(value) else cast("dict[str, Any]", redact_fields(value))


_CONTAINERS = (dict, list)
_NO_SECRET_KEY = SECRET_FIELDS.isdisjoint


def _holds_no_secret(value: dict[str, Any]) -> bool:
    """True when no ``SECRET_FIELDS`` key at any depth of ``value`` holds a value redact_fields would
    replace. Iterative, as redact_fields is: a hostile object nested thousands deep cannot exhaust the
    stack. Only non-empty containers are walked (an empty one holds nothing), and an object's keys are
    tested against the secret ones in C (a disjoint test, then the intersection only where they meet)."""
    pending: list[Any] = [value]
    push = pending.append
    while pending:
        found = pending.pop()
        if type(found) is dict:
            if not _NO_SECRET_KEY(found):
                for key in SECRET_FIELDS.intersection(found):
                    held = found[key]
                    # What redact_fields leaves as it is: no secret set (None, "", []), or headers whose
                    # values are all unset.
                    if type(held) is dict:
                        for item in held.values():
                            if item is not None and item != "":
                                return False
                    elif held is not None and held != "" and held != []:
                        return False
            items: Any = found.values()
        else:
            items = found
        for item in items:
            if item and type(item) in _CONTAINERS:
                push(item)
    return True


# A read that builds its own values from a mirror -------------------------------------------------------

_DECODERS: dict[
    tuple[type[Any], str | None, frozenset[str]], tuple[msgspec.json.Decoder[Any], int] | None
] = {}


def decoder_of(
    model: type[Any], *, envelope: str | None = None, as_uuid: frozenset[str] = frozenset()
) -> tuple[msgspec.json.Decoder[Any], int] | None:
    """For a read that builds its own values from ``model``'s mirror rather than the model (the results
    read's outcomes, ``_results_pages``): the decoder ``Mirrored(model, envelope=envelope)`` decodes with,
    and the deepest level at which a value it decodes untyped can sit; None when the road is switched off
    (``use(False)``), msgspec is missing (or of a version the extra does not allow), or the model has no
    mirror. Built once a process, by one thread, as ``Mirrored`` builds its road.

    ``as_uuid`` names required text fields (``"CallResult.call_execution_id"``) that msgspec decodes as
    ``uuid.UUID`` itself, in C, in mirrors of their own: msgspec reads the canonical form and 32 hex digits
    (any case) to the value ``uuid.UUID`` reads, with its ``is_safe`` unknown, and refuses the other text
    ``uuid.UUID`` takes (braces, ``urn:uuid:``, a sign), which the caller's fallback then reads. For ids
    that are unique on a page (a call's), where the answer's memo shares nothing; 3,200 instructions an id
    against 8,900 read as text (BENCHMARKS.md, "Issue 27, fourth session: reads32")."""
    if not _on:
        return None
    key = (model, envelope, as_uuid)
    if key in _DECODERS:
        return _DECODERS[key]
    with _BUILDING:
        if key not in _DECODERS:
            try:
                _DECODERS[key] = _road(model, envelope, as_uuid)
            except Exception:  # a msgspec this code does not know: the client reads as without it
                _DECODERS[key] = None
        return _DECODERS[key]
