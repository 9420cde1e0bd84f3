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
    missing,
    new_instance,
    read_uuid,
    wrong_type,
)

# The JSON keys the document declares for EvalSummaryConfigEntry: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "id",
        "total_cells",
        "output",
        "avg_score",
    )
)
# The msgspec mirror of EvalSummaryConfigEntry, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("name", "name", "str", True),
    ("id", "id", "str", False),
    ("total_cells", "total_cells", "int | None", False),
    ("output", "output", "dict[str, Any]", False),
    ("avg_score", "avg_score", "int | float | None", False),
)


@_attrs_define
class EvalSummaryConfigEntry:
    """One eval config's counts. Only completed calls count, and of them only non-null outputs
    (`total_cells`); an output passes when it is "Passed" (any case) or `true`, fails when "Failed" (any
    case) or `false`; any other output (a word such as "Pass") is in `total_cells` only. `output` is `{}`
    when nothing was counted; for `Pass/Fail` it is `{pass, fail, pass_count, fail_count}` (`pass` and
    `fail` percentages of `total_cells`), for `score` percentiles `p5`...`p100` (scores times 100) with
    `avg_score` beside it.

        Attributes:
            name (str): The eval config's name.
            id (UUID | Unset): The eval config's id.
            total_cells (int | None | Unset): How many non-null outputs were counted.
            output (DetailObject | Unset): A nested detail object whose fields the server may change; all fields are kept.
            avg_score (float | None | Unset): A score eval's mean, in percent of the score (score times 100).
    """

    name: str
    id: UUID | Unset = UNSET
    total_cells: int | None | Unset = UNSET
    output: DetailObject | Unset = UNSET
    avg_score: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        total_cells: int | None | Unset
        if isinstance(self.total_cells, Unset):
            total_cells = UNSET
        else:
            total_cells = self.total_cells

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        avg_score: float | None | Unset
        if isinstance(self.avg_score, Unset):
            avg_score = UNSET
        else:
            avg_score = self.avg_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if total_cells is not UNSET:
            field_dict["total_cells"] = total_cells
        if output is not UNSET:
            field_dict["output"] = output
        if avg_score is not UNSET:
            field_dict["avg_score"] = avg_score

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
        if len(d) >= 5:
            try:
                json_name = d["name"]
                json_id = d["id"]
                json_total_cells = d["total_cells"]
                json_output = d["output"]
                json_avg_score = d["avg_score"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_name = d.get("name", UNSET)
            if json_name is UNSET:
                raise missing("name")
            json_id = d.get("id", UNSET)
            json_total_cells = d.get("total_cells", UNSET)
            json_output = d.get("output", UNSET)
            json_avg_score = d.get("avg_score", UNSET)

        if type(json_name) is not str:
            raise wrong_type("string", json_name, "name")

        if type(json_id) is str:
            json_id = ids.get(json_id) or read_uuid(json_id, ids, "id")

        elif json_id is not UNSET:
            raise wrong_type("string (uuid)", json_id, "id")

        if (
            type(json_total_cells) is not int
            and json_total_cells is not None
            and json_total_cells is not UNSET
        ):
            raise wrong_type("integer or null", json_total_cells, "total_cells")

        if type(json_output) is dict:
            made_json_output = new_instance(DetailObject)
            made_json_output.additional_properties = json_output
            json_output = made_json_output

        elif json_output is not UNSET:
            raise wrong_type("object", json_output, "output")

        if (
            type(json_avg_score) is not float
            and type(json_avg_score) is not int
            and json_avg_score is not None
            and json_avg_score is not UNSET
        ):
            raise wrong_type("number or null", json_avg_score, "avg_score")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 5 if complete else _KEYS.issuperset(d):
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
            if json_total_cells is not UNSET:
                del d["total_cells"]
            if json_output is not UNSET:
                del d["output"]
            if json_avg_score is not UNSET:
                del d["avg_score"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is EvalSummaryConfigEntry:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.name = json_name
            made.id = json_id
            made.total_cells = json_total_cells
            made.output = json_output
            made.avg_score = json_avg_score
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                name=json_name,
                id=json_id,
                total_cells=json_total_cells,
                output=json_output,
                avg_score=json_avg_score,
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
        if cls is not EvalSummaryConfigEntry:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = EvalSummaryConfigEntry.from_mirror(m, ids, loose, times)
            return cls(
                name=base.name,
                id=base.id,
                total_cells=base.total_cells,
                output=base.output,
                avg_score=base.avg_score,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.name = m.name
        json_id = m.id
        if json_id is not UNSET:
            json_id = ids.get(json_id) or read_uuid(json_id, ids)

        made.id = json_id
        made.total_cells = m.total_cells
        json_output = m.output
        if json_output is not UNSET:
            if loose is not None:
                loose.append(json_output)
            made_json_output = new_instance(DetailObject)
            made_json_output.additional_properties = json_output
            json_output = made_json_output

        made.output = json_output
        made.avg_score = m.avg_score
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
from ..models.detail_object import DetailObject
