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
    Unset,
    as_object,
    new_instance,
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for AgentVersionEvalSummaryDocsItem: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "eval_id",
        "eval_name",
        "eval_type",
        "total",
        "pass",
        "fail",
        "error",
        "pass_rate",
    )
)
# The msgspec mirror of AgentVersionEvalSummaryDocsItem, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("eval_id", "eval_id", "str", False),
    ("eval_name", "eval_name", "str", False),
    ("eval_type", "eval_type", "str | None", False),
    ("total", "total", "int", False),
    ("pass_", "pass", "int", False),
    ("fail", "fail", "int", False),
    ("error", "error", "int", False),
    ("pass_rate", "pass_rate", "int | float | None", False),
)


@_attrs_define
class AgentVersionEvalSummaryDocsItem:
    """One eval template's summary over a version's calls, in the documented dialect.

    Attributes:
        eval_id (UUID | Unset): The eval template's id.
        eval_name (str | Unset): The eval template's name.
        eval_type (None | str | Unset): The eval's kind.
        total (int | Unset): How many evaluations ran.
        pass_ (int | Unset): How many passed.
        fail (int | Unset): How many failed.
        error (int | Unset): How many could not complete.
        pass_rate (float | None | Unset): `pass` over `total`, a percentage from 0 to 100.
    """

    eval_id: UUID | Unset = UNSET
    eval_name: str | Unset = UNSET
    eval_type: None | str | Unset = UNSET
    total: int | Unset = UNSET
    pass_: int | Unset = UNSET
    fail: int | Unset = UNSET
    error: int | Unset = UNSET
    pass_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        eval_id: str | Unset = UNSET
        if not isinstance(self.eval_id, Unset):
            eval_id = str(self.eval_id)

        eval_name = self.eval_name

        eval_type: None | str | Unset
        if isinstance(self.eval_type, Unset):
            eval_type = UNSET
        else:
            eval_type = self.eval_type

        total = self.total

        pass_ = self.pass_

        fail = self.fail

        error = self.error

        pass_rate: float | None | Unset
        if isinstance(self.pass_rate, Unset):
            pass_rate = UNSET
        else:
            pass_rate = self.pass_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if eval_id is not UNSET:
            field_dict["eval_id"] = eval_id
        if eval_name is not UNSET:
            field_dict["eval_name"] = eval_name
        if eval_type is not UNSET:
            field_dict["eval_type"] = eval_type
        if total is not UNSET:
            field_dict["total"] = total
        if pass_ is not UNSET:
            field_dict["pass"] = pass_
        if fail is not UNSET:
            field_dict["fail"] = fail
        if error is not UNSET:
            field_dict["error"] = error
        if pass_rate is not UNSET:
            field_dict["pass_rate"] = pass_rate

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
        if len(d) >= 8:
            try:
                json_eval_id = d["eval_id"]
                json_eval_name = d["eval_name"]
                json_eval_type = d["eval_type"]
                json_total = d["total"]
                json_pass_ = d["pass"]
                json_fail = d["fail"]
                json_error = d["error"]
                json_pass_rate = d["pass_rate"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_eval_id = d.get("eval_id", UNSET)
            json_eval_name = d.get("eval_name", UNSET)
            json_eval_type = d.get("eval_type", UNSET)
            json_total = d.get("total", UNSET)
            json_pass_ = d.get("pass", UNSET)
            json_fail = d.get("fail", UNSET)
            json_error = d.get("error", UNSET)
            json_pass_rate = d.get("pass_rate", UNSET)

        if type(json_eval_id) is str:
            json_eval_id = ids.get(json_eval_id) or read_uuid(
                json_eval_id, ids, "eval_id"
            )

        elif json_eval_id is not UNSET:
            raise wrong_type("string (uuid)", json_eval_id, "eval_id")

        if type(json_eval_name) is not str and json_eval_name is not UNSET:
            raise wrong_type("string", json_eval_name, "eval_name")

        if (
            type(json_eval_type) is not str
            and json_eval_type is not None
            and json_eval_type is not UNSET
        ):
            raise wrong_type("string or null", json_eval_type, "eval_type")

        if type(json_total) is not int and json_total is not UNSET:
            raise wrong_type("integer", json_total, "total")

        if type(json_pass_) is not int and json_pass_ is not UNSET:
            raise wrong_type("integer", json_pass_, "pass")

        if type(json_fail) is not int and json_fail is not UNSET:
            raise wrong_type("integer", json_fail, "fail")

        if type(json_error) is not int and json_error is not UNSET:
            raise wrong_type("integer", json_error, "error")

        if (
            type(json_pass_rate) is not float
            and type(json_pass_rate) is not int
            and json_pass_rate is not None
            and json_pass_rate is not UNSET
        ):
            raise wrong_type("number or null", json_pass_rate, "pass_rate")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 8 if complete else _KEYS.issuperset(d):
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
            if json_eval_id is not UNSET:
                del d["eval_id"]
            if json_eval_name is not UNSET:
                del d["eval_name"]
            if json_eval_type is not UNSET:
                del d["eval_type"]
            if json_total is not UNSET:
                del d["total"]
            if json_pass_ is not UNSET:
                del d["pass"]
            if json_fail is not UNSET:
                del d["fail"]
            if json_error is not UNSET:
                del d["error"]
            if json_pass_rate is not UNSET:
                del d["pass_rate"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is AgentVersionEvalSummaryDocsItem:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.eval_id = json_eval_id
            made.eval_name = json_eval_name
            made.eval_type = json_eval_type
            made.total = json_total
            made.pass_ = json_pass_
            made.fail = json_fail
            made.error = json_error
            made.pass_rate = json_pass_rate
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                eval_id=json_eval_id,
                eval_name=json_eval_name,
                eval_type=json_eval_type,
                total=json_total,
                pass_=json_pass_,
                fail=json_fail,
                error=json_error,
                pass_rate=json_pass_rate,
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
        if cls is not AgentVersionEvalSummaryDocsItem:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = AgentVersionEvalSummaryDocsItem.from_mirror(m, ids, loose, times)
            return cls(
                eval_id=base.eval_id,
                eval_name=base.eval_name,
                eval_type=base.eval_type,
                total=base.total,
                pass_=base.pass_,
                fail=base.fail,
                error=base.error,
                pass_rate=base.pass_rate,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_eval_id = m.eval_id
        if json_eval_id is not UNSET:
            json_eval_id = ids.get(json_eval_id) or read_uuid(json_eval_id, ids)

        made.eval_id = json_eval_id
        made.eval_name = m.eval_name
        made.eval_type = m.eval_type
        made.total = m.total
        made.pass_ = m.pass_
        made.fail = m.fail
        made.error = m.error
        made.pass_rate = m.pass_rate
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
