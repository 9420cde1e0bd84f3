from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define

from ..._model_methods import model_eq as _model_eq
from ..._model_methods import model_repr as _model_repr
from ..models.rerun_calls_request_rerun_type import (
    RerunCallsRequestRerunType,
    check_rerun_calls_request_rerun_type,
)
from ..types import (
    UNSET,
    ParseError,
    Unset,
    as_object,
    missing,
    new_instance,
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for RerunCallsRequest: any other key is refused.
_KEYS: frozenset[str] = frozenset(
    (
        "rerun_type",
        "call_execution_ids",
        "select_all",
    )
)
# The msgspec mirror of RerunCallsRequest, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("rerun_type", "rerun_type", "", True),
    ("call_execution_ids", "call_execution_ids", "list[str]", False),
    ("select_all", "select_all", "bool", False),
)


@_attrs_define
class RerunCallsRequest:
    """Which calls to rerun, and how. snake_case in both dialects; any other key is a 400.

    Attributes:
        rerun_type (RerunCallsRequestRerunType): `call_and_eval`: place the call again, then judge it; `eval_only`:
            judge the existing call again.
        call_execution_ids (list[UUID] | Unset): The calls to rerun (with `select_all`, on the open-source server, the
            calls *not* to rerun).
        select_all (bool | Unset): Every call of the execution. Default false.
    """

    rerun_type: RerunCallsRequestRerunType
    call_execution_ids: list[UUID] | Unset = UNSET
    select_all: bool | Unset = UNSET

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        rerun_type: str = self.rerun_type

        call_execution_ids: list[str] | Unset = UNSET
        if not isinstance(self.call_execution_ids, Unset):
            call_execution_ids = []
            for call_execution_ids_item_data in self.call_execution_ids:
                call_execution_ids_item = str(call_execution_ids_item_data)
                call_execution_ids.append(call_execution_ids_item)

        select_all = self.select_all

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rerun_type": rerun_type,
            }
        )
        if call_execution_ids is not UNSET:
            field_dict["call_execution_ids"] = call_execution_ids
        if select_all is not UNSET:
            field_dict["select_all"] = select_all

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
        if len(d) == 3:
            try:
                json_rerun_type = d["rerun_type"]
                json_call_execution_ids = d["call_execution_ids"]
                json_select_all = d["select_all"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_rerun_type = d.get("rerun_type", UNSET)
            if json_rerun_type is UNSET:
                raise missing("rerun_type")
            json_call_execution_ids = d.get("call_execution_ids", UNSET)
            json_select_all = d.get("select_all", UNSET)

        if type(json_rerun_type) is str:
            try:
                json_rerun_type = check_rerun_calls_request_rerun_type(json_rerun_type)
            except TypeError:
                raise ParseError(
                    f"not one of the documented values: {json_rerun_type!r}",
                    "rerun_type",
                ) from None

        else:
            raise wrong_type(
                "one of the documented values", json_rerun_type, "rerun_type"
            )

        if type(json_call_execution_ids) is list:
            if json_call_execution_ids:
                list_json_call_execution_ids: list[Any] = (
                    json_call_execution_ids
                    if consume
                    else json_call_execution_ids.copy()
                )
                index_json_call_execution_ids = 0
                try:
                    for item_json_call_execution_ids in list_json_call_execution_ids:
                        if type(item_json_call_execution_ids) is str:
                            item_json_call_execution_ids = ids.get(
                                item_json_call_execution_ids
                            ) or read_uuid(
                                item_json_call_execution_ids,
                                ids,
                                index_json_call_execution_ids,
                            )

                        else:
                            raise wrong_type(
                                "string (uuid)",
                                item_json_call_execution_ids,
                                index_json_call_execution_ids,
                            )

                        list_json_call_execution_ids[index_json_call_execution_ids] = (
                            item_json_call_execution_ids
                        )
                        index_json_call_execution_ids += 1
                except ParseError as error:
                    raise error.within("call_execution_ids") from None
                json_call_execution_ids = list_json_call_execution_ids

        elif json_call_execution_ids is not UNSET:
            raise wrong_type("array", json_call_execution_ids, "call_execution_ids")

        if type(json_select_all) is not bool and json_select_all is not UNSET:
            raise wrong_type("boolean", json_select_all, "select_all")

        if cls is RerunCallsRequest:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.rerun_type = json_rerun_type
            made.call_execution_ids = json_call_execution_ids
            made.select_all = json_select_all
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                rerun_type=json_rerun_type,
                call_execution_ids=json_call_execution_ids,
                select_all=json_select_all,
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
        if cls is not RerunCallsRequest:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = RerunCallsRequest.from_mirror(m, ids, loose, times)
            return cls(
                rerun_type=base.rerun_type,
                call_execution_ids=base.call_execution_ids,
                select_all=base.select_all,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_rerun_type = m.rerun_type
        if loose is not None:
            loose.append(json_rerun_type)
        if type(json_rerun_type) is str:
            try:
                json_rerun_type = check_rerun_calls_request_rerun_type(json_rerun_type)
            except TypeError:
                raise ParseError(
                    f"not one of the documented values: {json_rerun_type!r}",
                    "rerun_type",
                ) from None

        else:
            raise wrong_type(
                "one of the documented values", json_rerun_type, "rerun_type"
            )

        made.rerun_type = json_rerun_type
        json_call_execution_ids = m.call_execution_ids
        if json_call_execution_ids is not UNSET:
            index_json_call_execution_ids = 0
            for item_json_call_execution_ids in json_call_execution_ids:
                item_json_call_execution_ids = ids.get(
                    item_json_call_execution_ids
                ) or read_uuid(item_json_call_execution_ids, ids)

                json_call_execution_ids[index_json_call_execution_ids] = (
                    item_json_call_execution_ids
                )
                index_json_call_execution_ids += 1

        made.call_execution_ids = json_call_execution_ids
        made.select_all = m.select_all
        return made
