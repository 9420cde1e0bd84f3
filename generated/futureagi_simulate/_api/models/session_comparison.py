from __future__ import annotations

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
    wrong_type,
)

# The JSON keys the document declares for SessionComparison: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "metrics_comparison",
        "transcript_comparison",
        "recording_urls",
        "eval_comparison",
    )
)
# The msgspec mirror of SessionComparison, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("metrics_comparison", "metrics_comparison", "ComparisonMirror", True),
    ("transcript_comparison", "transcript_comparison", "ComparisonMirror", True),
    ("recording_urls", "recording_urls", "ComparisonMirror", False),
    ("eval_comparison", "eval_comparison", "ComparisonMirror", False),
)


@_attrs_define
class SessionComparison:
    """The documented dialect's session comparison, the call against its most recent rerun snapshot.

    Attributes:
        metrics_comparison (Comparison): One side-by-side pair; both dialects add keys, all kept.
        transcript_comparison (Comparison): One side-by-side pair; both dialects add keys, all kept.
        recording_urls (Comparison | Unset): One side-by-side pair; both dialects add keys, all kept.
        eval_comparison (Comparison | Unset): One side-by-side pair; both dialects add keys, all kept.
    """

    metrics_comparison: Comparison
    transcript_comparison: Comparison
    recording_urls: Comparison | Unset = UNSET
    eval_comparison: Comparison | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        metrics_comparison = self.metrics_comparison.to_dict()

        transcript_comparison = self.transcript_comparison.to_dict()

        recording_urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recording_urls, Unset):
            recording_urls = self.recording_urls.to_dict()

        eval_comparison: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eval_comparison, Unset):
            eval_comparison = self.eval_comparison.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metrics_comparison": metrics_comparison,
                "transcript_comparison": transcript_comparison,
            }
        )
        if recording_urls is not UNSET:
            field_dict["recording_urls"] = recording_urls
        if eval_comparison is not UNSET:
            field_dict["eval_comparison"] = eval_comparison

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
        if len(d) >= 4:
            try:
                json_metrics_comparison = d["metrics_comparison"]
                json_transcript_comparison = d["transcript_comparison"]
                json_recording_urls = d["recording_urls"]
                json_eval_comparison = d["eval_comparison"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_metrics_comparison = d.get("metrics_comparison", UNSET)
            if json_metrics_comparison is UNSET:
                raise missing("metrics_comparison")
            json_transcript_comparison = d.get("transcript_comparison", UNSET)
            if json_transcript_comparison is UNSET:
                raise missing("transcript_comparison")
            json_recording_urls = d.get("recording_urls", UNSET)
            json_eval_comparison = d.get("eval_comparison", UNSET)

        if type(json_metrics_comparison) is dict:
            try:
                json_metrics_comparison = Comparison.from_dict(
                    json_metrics_comparison, ids, consume
                )
            except ParseError as error:
                raise error.within("metrics_comparison") from None

        else:
            raise wrong_type("object", json_metrics_comparison, "metrics_comparison")

        if type(json_transcript_comparison) is dict:
            try:
                json_transcript_comparison = Comparison.from_dict(
                    json_transcript_comparison, ids, consume
                )
            except ParseError as error:
                raise error.within("transcript_comparison") from None

        else:
            raise wrong_type(
                "object", json_transcript_comparison, "transcript_comparison"
            )

        if type(json_recording_urls) is dict:
            try:
                json_recording_urls = Comparison.from_dict(
                    json_recording_urls, ids, consume
                )
            except ParseError as error:
                raise error.within("recording_urls") from None

        elif json_recording_urls is not UNSET:
            raise wrong_type("object", json_recording_urls, "recording_urls")

        if type(json_eval_comparison) is dict:
            try:
                json_eval_comparison = Comparison.from_dict(
                    json_eval_comparison, ids, consume
                )
            except ParseError as error:
                raise error.within("eval_comparison") from None

        elif json_eval_comparison is not UNSET:
            raise wrong_type("object", json_eval_comparison, "eval_comparison")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 4 if complete else _KEYS.issuperset(d):
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
            del d["metrics_comparison"]
            del d["transcript_comparison"]
            if json_recording_urls is not UNSET:
                del d["recording_urls"]
            if json_eval_comparison is not UNSET:
                del d["eval_comparison"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is SessionComparison:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.metrics_comparison = json_metrics_comparison
            made.transcript_comparison = json_transcript_comparison
            made.recording_urls = json_recording_urls
            made.eval_comparison = json_eval_comparison
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                metrics_comparison=json_metrics_comparison,
                transcript_comparison=json_transcript_comparison,
                recording_urls=json_recording_urls,
                eval_comparison=json_eval_comparison,
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
        if cls is not SessionComparison:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = SessionComparison.from_mirror(m, ids, loose, times)
            return cls(
                metrics_comparison=base.metrics_comparison,
                transcript_comparison=base.transcript_comparison,
                recording_urls=base.recording_urls,
                eval_comparison=base.eval_comparison,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_metrics_comparison = m.metrics_comparison
        json_metrics_comparison = Comparison.from_mirror(
            json_metrics_comparison, ids, loose, times
        )

        made.metrics_comparison = json_metrics_comparison
        json_transcript_comparison = m.transcript_comparison
        json_transcript_comparison = Comparison.from_mirror(
            json_transcript_comparison, ids, loose, times
        )

        made.transcript_comparison = json_transcript_comparison
        json_recording_urls = m.recording_urls
        if json_recording_urls is not UNSET:
            json_recording_urls = Comparison.from_mirror(
                json_recording_urls, ids, loose, times
            )

        made.recording_urls = json_recording_urls
        json_eval_comparison = m.eval_comparison
        if json_eval_comparison is not UNSET:
            json_eval_comparison = Comparison.from_mirror(
                json_eval_comparison, ids, loose, times
            )

        made.eval_comparison = json_eval_comparison
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
from ..models.comparison import Comparison
