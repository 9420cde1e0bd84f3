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
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for RerunCallsResult: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "successful_reruns",
        "failed_reruns",
        "message",
        "test_execution_id",
        "rerun_type",
        "total_processed",
        "success_count",
        "failure_count",
        "dispatch_error",
    )
)
# The msgspec mirror of RerunCallsResult, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("successful_reruns", "successful_reruns", "list[str]", True),
    ("failed_reruns", "failed_reruns", "list[FailedRerunMirror]", True),
    ("message", "message", "str", False),
    ("test_execution_id", "test_execution_id", "str", False),
    ("rerun_type", "rerun_type", "str", False),
    ("total_processed", "total_processed", "int", False),
    ("success_count", "success_count", "int", False),
    ("failure_count", "failure_count", "int", False),
    ("dispatch_error", "dispatch_error", "str | None", False),
)


@_attrs_define
class RerunCallsResult:
    """The answer to a rerun, bare in both dialects.

    Attributes:
        successful_reruns (list[UUID]): The calls being rerun.
        failed_reruns (list[FailedRerun]): The calls that could not be rerun, each with its reason.
        message (str | Unset): A human-readable sentence.
        test_execution_id (UUID | Unset): The execution.
        rerun_type (str | Unset): The rerun type asked for.
        total_processed (int | Unset): Calls the server tried to rerun.
        success_count (int | Unset): How many calls are being rerun.
        failure_count (int | Unset): How many could not be.
        dispatch_error (None | str | Unset): The open-source server's: why the rerun could not be handed to its workflow
            engine (every call
            is then in `failed_reruns`); `null` when it could.
    """

    successful_reruns: list[UUID]
    failed_reruns: list[FailedRerun]
    message: str | Unset = UNSET
    test_execution_id: UUID | Unset = UNSET
    rerun_type: str | Unset = UNSET
    total_processed: int | Unset = UNSET
    success_count: int | Unset = UNSET
    failure_count: int | Unset = UNSET
    dispatch_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        successful_reruns = []
        for successful_reruns_item_data in self.successful_reruns:
            successful_reruns_item = str(successful_reruns_item_data)
            successful_reruns.append(successful_reruns_item)

        failed_reruns = []
        for failed_reruns_item_data in self.failed_reruns:
            failed_reruns_item = failed_reruns_item_data.to_dict()
            failed_reruns.append(failed_reruns_item)

        message = self.message

        test_execution_id: str | Unset = UNSET
        if not isinstance(self.test_execution_id, Unset):
            test_execution_id = str(self.test_execution_id)

        rerun_type = self.rerun_type

        total_processed = self.total_processed

        success_count = self.success_count

        failure_count = self.failure_count

        dispatch_error: None | str | Unset
        if isinstance(self.dispatch_error, Unset):
            dispatch_error = UNSET
        else:
            dispatch_error = self.dispatch_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "successful_reruns": successful_reruns,
                "failed_reruns": failed_reruns,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if test_execution_id is not UNSET:
            field_dict["test_execution_id"] = test_execution_id
        if rerun_type is not UNSET:
            field_dict["rerun_type"] = rerun_type
        if total_processed is not UNSET:
            field_dict["total_processed"] = total_processed
        if success_count is not UNSET:
            field_dict["success_count"] = success_count
        if failure_count is not UNSET:
            field_dict["failure_count"] = failure_count
        if dispatch_error is not UNSET:
            field_dict["dispatch_error"] = dispatch_error

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
                json_successful_reruns = d["successful_reruns"]
                json_failed_reruns = d["failed_reruns"]
                json_message = d["message"]
                json_test_execution_id = d["test_execution_id"]
                json_rerun_type = d["rerun_type"]
                json_total_processed = d["total_processed"]
                json_success_count = d["success_count"]
                json_failure_count = d["failure_count"]
                json_dispatch_error = d["dispatch_error"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_successful_reruns = d.get("successful_reruns", UNSET)
            if json_successful_reruns is UNSET:
                raise missing("successful_reruns")
            json_failed_reruns = d.get("failed_reruns", UNSET)
            if json_failed_reruns is UNSET:
                raise missing("failed_reruns")
            json_message = d.get("message", UNSET)
            json_test_execution_id = d.get("test_execution_id", UNSET)
            json_rerun_type = d.get("rerun_type", UNSET)
            json_total_processed = d.get("total_processed", UNSET)
            json_success_count = d.get("success_count", UNSET)
            json_failure_count = d.get("failure_count", UNSET)
            json_dispatch_error = d.get("dispatch_error", UNSET)

        if type(json_successful_reruns) is list:
            if json_successful_reruns:
                list_json_successful_reruns: list[Any] = (
                    json_successful_reruns if consume else json_successful_reruns.copy()
                )
                index_json_successful_reruns = 0
                try:
                    for item_json_successful_reruns in list_json_successful_reruns:
                        if type(item_json_successful_reruns) is str:
                            item_json_successful_reruns = ids.get(
                                item_json_successful_reruns
                            ) or read_uuid(
                                item_json_successful_reruns,
                                ids,
                                index_json_successful_reruns,
                            )

                        else:
                            raise wrong_type(
                                "string (uuid)",
                                item_json_successful_reruns,
                                index_json_successful_reruns,
                            )

                        list_json_successful_reruns[index_json_successful_reruns] = (
                            item_json_successful_reruns
                        )
                        index_json_successful_reruns += 1
                except ParseError as error:
                    raise error.within("successful_reruns") from None
                json_successful_reruns = list_json_successful_reruns

        else:
            raise wrong_type("array", json_successful_reruns, "successful_reruns")

        if type(json_failed_reruns) is list:
            if json_failed_reruns:
                list_json_failed_reruns: list[Any] = (
                    json_failed_reruns if consume else json_failed_reruns.copy()
                )
                index_json_failed_reruns = 0
                try:
                    for item_json_failed_reruns in list_json_failed_reruns:
                        if type(item_json_failed_reruns) is dict:
                            try:
                                item_json_failed_reruns = FailedRerun.from_dict(
                                    item_json_failed_reruns, ids, consume
                                )
                            except ParseError as error:
                                raise error.within(index_json_failed_reruns) from None

                        else:
                            raise wrong_type(
                                "object",
                                item_json_failed_reruns,
                                index_json_failed_reruns,
                            )

                        list_json_failed_reruns[index_json_failed_reruns] = (
                            item_json_failed_reruns
                        )
                        index_json_failed_reruns += 1
                except ParseError as error:
                    raise error.within("failed_reruns") from None
                json_failed_reruns = list_json_failed_reruns

        else:
            raise wrong_type("array", json_failed_reruns, "failed_reruns")

        if type(json_message) is not str and json_message is not UNSET:
            raise wrong_type("string", json_message, "message")

        if type(json_test_execution_id) is str:
            json_test_execution_id = ids.get(json_test_execution_id) or read_uuid(
                json_test_execution_id, ids, "test_execution_id"
            )

        elif json_test_execution_id is not UNSET:
            raise wrong_type(
                "string (uuid)", json_test_execution_id, "test_execution_id"
            )

        if type(json_rerun_type) is not str and json_rerun_type is not UNSET:
            raise wrong_type("string", json_rerun_type, "rerun_type")

        if type(json_total_processed) is not int and json_total_processed is not UNSET:
            raise wrong_type("integer", json_total_processed, "total_processed")

        if type(json_success_count) is not int and json_success_count is not UNSET:
            raise wrong_type("integer", json_success_count, "success_count")

        if type(json_failure_count) is not int and json_failure_count is not UNSET:
            raise wrong_type("integer", json_failure_count, "failure_count")

        if (
            type(json_dispatch_error) is not str
            and json_dispatch_error is not None
            and json_dispatch_error is not UNSET
        ):
            raise wrong_type("string or null", json_dispatch_error, "dispatch_error")

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
            del d["successful_reruns"]
            del d["failed_reruns"]
            if json_message is not UNSET:
                del d["message"]
            if json_test_execution_id is not UNSET:
                del d["test_execution_id"]
            if json_rerun_type is not UNSET:
                del d["rerun_type"]
            if json_total_processed is not UNSET:
                del d["total_processed"]
            if json_success_count is not UNSET:
                del d["success_count"]
            if json_failure_count is not UNSET:
                del d["failure_count"]
            if json_dispatch_error is not UNSET:
                del d["dispatch_error"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is RerunCallsResult:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.successful_reruns = json_successful_reruns
            made.failed_reruns = json_failed_reruns
            made.message = json_message
            made.test_execution_id = json_test_execution_id
            made.rerun_type = json_rerun_type
            made.total_processed = json_total_processed
            made.success_count = json_success_count
            made.failure_count = json_failure_count
            made.dispatch_error = json_dispatch_error
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                successful_reruns=json_successful_reruns,
                failed_reruns=json_failed_reruns,
                message=json_message,
                test_execution_id=json_test_execution_id,
                rerun_type=json_rerun_type,
                total_processed=json_total_processed,
                success_count=json_success_count,
                failure_count=json_failure_count,
                dispatch_error=json_dispatch_error,
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
        if cls is not RerunCallsResult:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = RerunCallsResult.from_mirror(m, ids, loose, times)
            return cls(
                successful_reruns=base.successful_reruns,
                failed_reruns=base.failed_reruns,
                message=base.message,
                test_execution_id=base.test_execution_id,
                rerun_type=base.rerun_type,
                total_processed=base.total_processed,
                success_count=base.success_count,
                failure_count=base.failure_count,
                dispatch_error=base.dispatch_error,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        json_successful_reruns = m.successful_reruns
        index_json_successful_reruns = 0
        for item_json_successful_reruns in json_successful_reruns:
            item_json_successful_reruns = ids.get(
                item_json_successful_reruns
            ) or read_uuid(item_json_successful_reruns, ids)

            json_successful_reruns[index_json_successful_reruns] = (
                item_json_successful_reruns
            )
            index_json_successful_reruns += 1

        made.successful_reruns = json_successful_reruns
        json_failed_reruns = m.failed_reruns
        index_json_failed_reruns = 0
        for item_json_failed_reruns in json_failed_reruns:
            item_json_failed_reruns = FailedRerun.from_mirror(
                item_json_failed_reruns, ids, loose, times
            )

            json_failed_reruns[index_json_failed_reruns] = item_json_failed_reruns
            index_json_failed_reruns += 1

        made.failed_reruns = json_failed_reruns
        made.message = m.message
        json_test_execution_id = m.test_execution_id
        if json_test_execution_id is not UNSET:
            json_test_execution_id = ids.get(json_test_execution_id) or read_uuid(
                json_test_execution_id, ids
            )

        made.test_execution_id = json_test_execution_id
        made.rerun_type = m.rerun_type
        made.total_processed = m.total_processed
        made.success_count = m.success_count
        made.failure_count = m.failure_count
        made.dispatch_error = m.dispatch_error
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
from ..models.failed_rerun import FailedRerun
