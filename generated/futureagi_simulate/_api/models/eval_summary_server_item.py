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

# The JSON keys the document declares for EvalSummaryServerItem: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "id",
        "output_type",
        "result",
        "total_pass_rate",
        "total_avg",
        "total_choices_avg",
    )
)
# The msgspec mirror of EvalSummaryServerItem, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("name", "name", "str", True),
    ("id", "id", "str", False),
    ("output_type", "output_type", "str", False),
    ("result", "result", "list[dict[str, Any]]", False),
    ("total_pass_rate", "total_pass_rate", "int | float | None", False),
    ("total_avg", "total_avg", "", False),
    ("total_choices_avg", "total_choices_avg", "", False),
)


@_attrs_define
class EvalSummaryServerItem:
    """One eval *template*'s summary on the open-source server (`simulate/utils/eval_summary.py`), with one
    entry per eval config of the run test that uses the template in `result`: two configs on one template
    are two entries in one item. Which total is present depends on the template's `output_type`:
    `total_pass_rate` (a percentage from 0 to 100, the integer `0` when nothing was judged) for
    `Pass/Fail`, `total_avg` for `score`, `total_choices_avg` (choice to percentage) for `choices`.

        Attributes:
            name (str): The eval template's name.
            id (UUID | Unset): The eval template's id.
            output_type (str | Unset): The template's output type: `Pass/Fail`, `score` or `choices`; an open set.
            result (list[EvalSummaryConfigEntry] | Unset): One entry per eval config on this template.
            total_pass_rate (float | None | Unset): Passed outputs over counted outputs of every config on the template, 0
                to 100.
            total_avg (Any | Unset): The average score over the template's configs, in percent of the score.
            total_choices_avg (Any | Unset): Choice to percentage of calls.
    """

    name: str
    id: UUID | Unset = UNSET
    output_type: str | Unset = UNSET
    result: list[EvalSummaryConfigEntry] | Unset = UNSET
    total_pass_rate: float | None | Unset = UNSET
    total_avg: Any | Unset = UNSET
    total_choices_avg: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        output_type = self.output_type

        result: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = []
            for result_item_data in self.result:
                result_item = result_item_data.to_dict()
                result.append(result_item)

        total_pass_rate: float | None | Unset
        if isinstance(self.total_pass_rate, Unset):
            total_pass_rate = UNSET
        else:
            total_pass_rate = self.total_pass_rate

        total_avg = self.total_avg

        total_choices_avg = self.total_choices_avg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if output_type is not UNSET:
            field_dict["output_type"] = output_type
        if result is not UNSET:
            field_dict["result"] = result
        if total_pass_rate is not UNSET:
            field_dict["total_pass_rate"] = total_pass_rate
        if total_avg is not UNSET:
            field_dict["total_avg"] = total_avg
        if total_choices_avg is not UNSET:
            field_dict["total_choices_avg"] = total_choices_avg

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
        if len(d) >= 7:
            try:
                json_name = d["name"]
                json_id = d["id"]
                json_output_type = d["output_type"]
                json_result = d["result"]
                json_total_pass_rate = d["total_pass_rate"]
                json_total_avg = d["total_avg"]
                json_total_choices_avg = d["total_choices_avg"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_name = d.get("name", UNSET)
            if json_name is UNSET:
                raise missing("name")
            json_id = d.get("id", UNSET)
            json_output_type = d.get("output_type", UNSET)
            json_result = d.get("result", UNSET)
            json_total_pass_rate = d.get("total_pass_rate", UNSET)
            json_total_avg = d.get("total_avg", UNSET)
            json_total_choices_avg = d.get("total_choices_avg", UNSET)

        if type(json_name) is not str:
            raise wrong_type("string", json_name, "name")

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        elif json_id is not UNSET:
            raise wrong_type("string (uuid)", json_id, "id")

        if type(json_output_type) is not str and json_output_type is not UNSET:
            raise wrong_type("string", json_output_type, "output_type")

        if type(json_result) is list:
            if json_result:
                list_json_result: list[Any] = (
                    json_result if consume else json_result.copy()
                )
                index_json_result = 0
                try:
                    for item_json_result in list_json_result:
                        if type(item_json_result) is dict:
                            try:
                                item_json_result = EvalSummaryConfigEntry.from_dict(
                                    item_json_result, ids, consume
                                )
                            except ParseError as error:
                                raise error.within(index_json_result) from None

                        else:
                            raise wrong_type(
                                "object", item_json_result, index_json_result
                            )

                        list_json_result[index_json_result] = item_json_result
                        index_json_result += 1
                except ParseError as error:
                    raise error.within("result") from None
                json_result = list_json_result

        elif json_result is not UNSET:
            raise wrong_type("array", json_result, "result")

        if (
            type(json_total_pass_rate) is not float
            and type(json_total_pass_rate) is not int
            and json_total_pass_rate is not None
            and json_total_pass_rate is not UNSET
        ):
            raise wrong_type("number or null", json_total_pass_rate, "total_pass_rate")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 7 if complete else _KEYS.issuperset(d):
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
            del d["name"]
            if json_id is not UNSET:
                del d["id"]
            if json_output_type is not UNSET:
                del d["output_type"]
            if json_result is not UNSET:
                del d["result"]
            if json_total_pass_rate is not UNSET:
                del d["total_pass_rate"]
            if json_total_avg is not UNSET:
                del d["total_avg"]
            if json_total_choices_avg is not UNSET:
                del d["total_choices_avg"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is EvalSummaryServerItem:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.name = json_name
            made.id = json_id
            made.output_type = json_output_type
            made.result = json_result
            made.total_pass_rate = json_total_pass_rate
            made.total_avg = json_total_avg
            made.total_choices_avg = json_total_choices_avg
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                name=json_name,
                id=json_id,
                output_type=json_output_type,
                result=json_result,
                total_pass_rate=json_total_pass_rate,
                total_avg=json_total_avg,
                total_choices_avg=json_total_choices_avg,
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
        if cls is not EvalSummaryServerItem:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = EvalSummaryServerItem.from_mirror(m, ids, loose, times)
            return cls(
                name=base.name,
                id=base.id,
                output_type=base.output_type,
                result=base.result,
                total_pass_rate=base.total_pass_rate,
                total_avg=base.total_avg,
                total_choices_avg=base.total_choices_avg,
                additional_properties=base.additional_properties,
            )
        # Untyped JSON is read as from_dict reads it, but left as it came: the reader walks it afterwards for
        # the nesting bound (``loose``), which a consuming read would have emptied or filled with models.
        consume = False
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.name = m.name
        json_id = m.id
        if json_id is not UNSET:
            json_id = ids.get(json_id) or read_uuid(json_id, ids)

        made.id = json_id
        made.output_type = m.output_type
        json_result = m.result
        if json_result is not UNSET:
            index_json_result = 0
            for item_json_result in json_result:
                if loose is not None:
                    loose.append(item_json_result)
                item_json_result = EvalSummaryConfigEntry.from_dict(
                    item_json_result, ids, consume
                )

                json_result[index_json_result] = item_json_result
                index_json_result += 1

        made.result = json_result
        made.total_pass_rate = m.total_pass_rate
        json_total_avg = m.total_avg
        if loose is not None:
            loose.append(json_total_avg)

        made.total_avg = json_total_avg
        json_total_choices_avg = m.total_choices_avg
        if loose is not None:
            loose.append(json_total_choices_avg)

        made.total_choices_avg = json_total_choices_avg
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
from ..models.eval_summary_config_entry import EvalSummaryConfigEntry
