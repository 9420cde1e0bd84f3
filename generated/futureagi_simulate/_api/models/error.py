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

# The JSON keys the document declares for Error: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "status",
        "type",
        "code",
        "detail",
        "message",
        "error",
        "result",
        "attr",
        "details",
    )
)
# The msgspec mirror of Error, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("status", "status", "bool", True),
    ("type_", "type", "str", False),
    ("code", "code", "str", False),
    ("detail", "detail", "str", False),
    ("message", "message", "str", False),
    ("error", "error", "str", False),
    ("result", "result", "", False),
    ("attr", "attr", "str | None", False),
    ("details", "details", "dict[str, Any]", False),
)


@_attrs_define
class Error:
    """The error envelope of every error answer. `detail`, `message` and `error` hold the same sentence.
    A 429 carries only `status` and a `result` object with `code`, `message` and `retry_after`.

        Attributes:
            status (bool): Always `false`.
            type_ (str | Unset): The error's kind, an open set: `validation_error`, `authentication_error`,
                `payment_required`,
                `entitlement_error`, `permission_error`, `not_found`, `server_error`, and others.
            code (str | Unset): Machine-readable code, an open set (`invalid`, `required`, `null`, `parse_error`,
                `min_value`, `not_authenticated`, `authentication_failed`, `not_found`, `server_error`, ...).
            detail (str | Unset): The error sentence.
            message (str | Unset): The error sentence.
            error (str | Unset): The error sentence.
            result (Any | Unset): The error sentence, or for a 429 an object with `code`, `message` and `retry_after`.
            attr (None | str | Unset): The first offending field, on field errors only.
            details (ErrorDetails | Unset): Field name to the messages about it, on validation, parse and authentication
                errors.
    """

    status: bool
    type_: str | Unset = UNSET
    code: str | Unset = UNSET
    detail: str | Unset = UNSET
    message: str | Unset = UNSET
    error: str | Unset = UNSET
    result: Any | Unset = UNSET
    attr: None | str | Unset = UNSET
    details: ErrorDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        type_ = self.type_

        code = self.code

        detail = self.detail

        message = self.message

        error = self.error

        result = self.result

        attr: None | str | Unset
        if isinstance(self.attr, Unset):
            attr = UNSET
        else:
            attr = self.attr

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if code is not UNSET:
            field_dict["code"] = code
        if detail is not UNSET:
            field_dict["detail"] = detail
        if message is not UNSET:
            field_dict["message"] = message
        if error is not UNSET:
            field_dict["error"] = error
        if result is not UNSET:
            field_dict["result"] = result
        if attr is not UNSET:
            field_dict["attr"] = attr
        if details is not UNSET:
            field_dict["details"] = details

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
        if len(d) >= 9:
            try:
                json_status = d["status"]
                json_type_ = d["type"]
                json_code = d["code"]
                json_detail = d["detail"]
                json_message = d["message"]
                json_error = d["error"]
                json_result = d["result"]
                json_attr = d["attr"]
                json_details = d["details"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_status = d.get("status", UNSET)
            if json_status is UNSET:
                raise missing("status")
            json_type_ = d.get("type", UNSET)
            json_code = d.get("code", UNSET)
            json_detail = d.get("detail", UNSET)
            json_message = d.get("message", UNSET)
            json_error = d.get("error", UNSET)
            json_result = d.get("result", UNSET)
            json_attr = d.get("attr", UNSET)
            json_details = d.get("details", UNSET)

        if type(json_status) is not bool:
            raise wrong_type("boolean", json_status, "status")

        if type(json_type_) is not str and json_type_ is not UNSET:
            raise wrong_type("string", json_type_, "type")

        if type(json_code) is not str and json_code is not UNSET:
            raise wrong_type("string", json_code, "code")

        if type(json_detail) is not str and json_detail is not UNSET:
            raise wrong_type("string", json_detail, "detail")

        if type(json_message) is not str and json_message is not UNSET:
            raise wrong_type("string", json_message, "message")

        if type(json_error) is not str and json_error is not UNSET:
            raise wrong_type("string", json_error, "error")

        if (
            type(json_attr) is not str
            and json_attr is not None
            and json_attr is not UNSET
        ):
            raise wrong_type("string or null", json_attr, "attr")

        if type(json_details) is dict:
            try:
                json_details = ErrorDetails.from_dict(json_details, ids, consume)
            except ParseError as error:
                raise error.within("details") from None

        elif json_details is not UNSET:
            raise wrong_type("object", json_details, "details")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 9 if complete else _KEYS.issuperset(d):
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
            del d["status"]
            if json_type_ is not UNSET:
                del d["type"]
            if json_code is not UNSET:
                del d["code"]
            if json_detail is not UNSET:
                del d["detail"]
            if json_message is not UNSET:
                del d["message"]
            if json_error is not UNSET:
                del d["error"]
            if json_result is not UNSET:
                del d["result"]
            if json_attr is not UNSET:
                del d["attr"]
            if json_details is not UNSET:
                del d["details"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is Error:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.status = json_status
            made.type_ = json_type_
            made.code = json_code
            made.detail = json_detail
            made.message = json_message
            made.error = json_error
            made.result = json_result
            made.attr = json_attr
            made.details = json_details
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                status=json_status,
                type_=json_type_,
                code=json_code,
                detail=json_detail,
                message=json_message,
                error=json_error,
                result=json_result,
                attr=json_attr,
                details=json_details,
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
        if cls is not Error:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = Error.from_mirror(m, ids, loose, times)
            return cls(
                status=base.status,
                type_=base.type_,
                code=base.code,
                detail=base.detail,
                message=base.message,
                error=base.error,
                result=base.result,
                attr=base.attr,
                details=base.details,
                additional_properties=base.additional_properties,
            )
        # Untyped JSON is read as from_dict reads it, but left as it came: the reader walks it afterwards for
        # the nesting bound (``loose``), which a consuming read would have emptied or filled with models.
        consume = False
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.status = m.status
        made.type_ = m.type_
        made.code = m.code
        made.detail = m.detail
        made.message = m.message
        made.error = m.error
        json_result = m.result
        if loose is not None:
            loose.append(json_result)

        made.result = json_result
        made.attr = m.attr
        json_details = m.details
        if json_details is not UNSET:
            if loose is not None:
                loose.append(json_details)
            json_details = ErrorDetails.from_dict(json_details, ids, consume)

        made.details = json_details
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
from ..models.error_details import ErrorDetails
