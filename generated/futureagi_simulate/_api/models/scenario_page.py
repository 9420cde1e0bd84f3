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

# The JSON keys the document declares for ScenarioPage: any other key is kept in additional_properties.
_KEYS: frozenset[str] = frozenset(
    (
        "count",
        "results",
        "next",
        "previous",
        "total_pages",
        "current_page",
    )
)
# The msgspec mirror of ScenarioPage, which futureagi_simulate._mirrors builds with the speed extra: for each
# declared key, (attribute, JSON key, mirror type or "" for untyped JSON, required); unknown keys are refused.
MIRROR: tuple[tuple[str, str, str, bool], ...] | None = (
    ("count", "count", "int", True),
    ("results", "results", "list[ScenarioMirror]", True),
    ("next_", "next", "str | None", False),
    ("previous", "previous", "str | None", False),
    ("total_pages", "total_pages", "int", False),
    ("current_page", "current_page", "int", False),
)


@_attrs_define
class ScenarioPage:
    """One page of scenarios, newest first.

    Attributes:
        count (int): Scenarios matching the query, over all pages.
        results (list[Scenario]): The scenarios on this page.
        next_ (None | str | Unset): Absolute URL of the next page. Page by number instead of following it.
        previous (None | str | Unset): Absolute URL of the previous page.
        total_pages (int | Unset): How many pages there are (open-source server).
        current_page (int | Unset): This page's number (open-source server).
    """

    count: int
    results: list[Scenario]
    next_: None | str | Unset = UNSET
    previous: None | str | Unset = UNSET
    total_pages: int | Unset = UNSET
    current_page: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(factory=dict, kw_only=True)

    __repr__ = _model_repr
    __eq__ = _model_eq

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        previous: None | str | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        else:
            previous = self.previous

        total_pages = self.total_pages

        current_page = self.current_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "results": results,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if previous is not UNSET:
            field_dict["previous"] = previous
        if total_pages is not UNSET:
            field_dict["total_pages"] = total_pages
        if current_page is not UNSET:
            field_dict["current_page"] = current_page

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
        if len(d) >= 6:
            try:
                json_count = d["count"]
                json_results = d["results"]
                json_next_ = d["next"]
                json_previous = d["previous"]
                json_total_pages = d["total_pages"]
                json_current_page = d["current_page"]
                complete = True
            except KeyError:
                pass
        if not complete:
            json_count = d.get("count", UNSET)
            if json_count is UNSET:
                raise missing("count")
            json_results = d.get("results", UNSET)
            if json_results is UNSET:
                raise missing("results")
            json_next_ = d.get("next", UNSET)
            json_previous = d.get("previous", UNSET)
            json_total_pages = d.get("total_pages", UNSET)
            json_current_page = d.get("current_page", UNSET)

        if type(json_count) is not int:
            raise wrong_type("integer", json_count, "count")

        if type(json_results) is list:
            if json_results:
                list_json_results: list[Any] = (
                    json_results if consume else json_results.copy()
                )
                index_json_results = 0
                try:
                    for item_json_results in list_json_results:
                        if type(item_json_results) is dict:
                            try:
                                item_json_results = Scenario.from_dict(
                                    item_json_results, ids, consume
                                )
                            except ParseError as error:
                                raise error.within(index_json_results) from None

                        else:
                            raise wrong_type(
                                "object", item_json_results, index_json_results
                            )

                        list_json_results[index_json_results] = item_json_results
                        index_json_results += 1
                except ParseError as error:
                    raise error.within("results") from None
                json_results = list_json_results

        else:
            raise wrong_type("array", json_results, "results")

        if (
            type(json_next_) is not str
            and json_next_ is not None
            and json_next_ is not UNSET
        ):
            raise wrong_type("string or null", json_next_, "next")

        if (
            type(json_previous) is not str
            and json_previous is not None
            and json_previous is not UNSET
        ):
            raise wrong_type("string or null", json_previous, "previous")

        if type(json_total_pages) is not int and json_total_pages is not UNSET:
            raise wrong_type("integer", json_total_pages, "total_pages")

        if type(json_current_page) is not int and json_current_page is not UNSET:
            raise wrong_type("integer", json_current_page, "current_page")

        # Unknown keys are found in C where possible: by the key count once every declared key was
        # read, else by testing the object's keys against the declared ones.
        if len(d) == 6 if complete else _KEYS.issuperset(d):
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
            del d["count"]
            del d["results"]
            if json_next_ is not UNSET:
                del d["next"]
            if json_previous is not UNSET:
                del d["previous"]
            if json_total_pages is not UNSET:
                del d["total_pages"]
            if json_current_page is not UNSET:
                del d["current_page"]
        else:
            additional_properties = {k: v for k, v in d.items() if k not in _KEYS}
        if cls is ScenarioPage:
            # __init__ only assigns, and calling it costs more than the assignments (BENCHMARKS.md, list).
            made = new_instance(cls)
            made.count = json_count
            made.results = json_results
            made.next_ = json_next_
            made.previous = json_previous
            made.total_pages = json_total_pages
            made.current_page = json_current_page
            made.additional_properties = additional_properties
        else:
            # A subclass's __init__ may do more than assign. By name: a subclass may reorder its fields.
            made = cls(
                count=json_count,
                results=json_results,
                next_=json_next_,
                previous=json_previous,
                total_pages=json_total_pages,
                current_page=json_current_page,
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
        if cls is not ScenarioPage:
            # A subclass's __init__ may do more than assign: it gets the fields read as for this class, by name.
            base = ScenarioPage.from_mirror(m, ids, loose, times)
            return cls(
                count=base.count,
                results=base.results,
                next_=base.next_,
                previous=base.previous,
                total_pages=base.total_pages,
                current_page=base.current_page,
                additional_properties=base.additional_properties,
            )
        # Made first and filled field by field: a value msgspec typed as the model holds it goes straight
        # from the mirror's slot into the model's (BENCHMARKS.md, list28).
        made = new_instance(cls)
        made.count = m.count
        json_results = m.results
        index_json_results = 0
        for item_json_results in json_results:
            item_json_results = Scenario.from_mirror(
                item_json_results, ids, loose, times
            )

            json_results[index_json_results] = item_json_results
            index_json_results += 1

        made.results = json_results
        made.next_ = m.next_
        made.previous = m.previous
        made.total_pages = m.total_pages
        made.current_page = m.current_page
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
from ..models.scenario import Scenario
