"""Selection: which of a run test's scenarios an execution covers."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from ._errors import InvalidArgumentError
from ._exports import publish
from ._validate import IdLike, check_uuid_list

__all__ = ["Selection"]


def _dedupe(ids: Iterable[uuid.UUID]) -> tuple[uuid.UUID, ...]:
    return tuple(dict.fromkeys(ids))


class Selection:
    """The scenarios to execute, as the wire's ``select_all`` flag and id list.

    Build one with ``Selection.all()``, ``Selection.only(ids)`` or ``Selection.all_except(ids)``. On the wire
    an empty id list means "every scenario" whatever the flag, so ``only([])`` is refused rather than
    silently running everything.

    A frozen value: equal selections compare and hash equal, and assigning to one raises AttributeError.
    A plain class rather than attrs, because a script imports it before anything else (BENCHMARKS.md).
    """

    __slots__ = ("_scenario_ids", "_select_all")
    _select_all: bool
    _scenario_ids: tuple[uuid.UUID, ...]

    def __init__(self, select_all: bool, scenario_ids: Iterable[IdLike] = ()) -> None:
        # The constructor makes the class methods' checks itself: Selection("false") would otherwise be
        # "everything", and Selection(False, "abc") a list of three one-letter ids.
        if not isinstance(select_all, bool):
            raise InvalidArgumentError(
                "select_all", f"must be True or False, got {type(select_all).__name__}"
            )
        ids = _dedupe(check_uuid_list("scenario_ids", scenario_ids))
        if not select_all and not ids:
            raise InvalidArgumentError(
                "selection",
                "Selection.only() needs at least one scenario id: the API reads an empty list as "
                "'every scenario'; use Selection.all() for that",
            )
        object.__setattr__(self, "_select_all", bool(select_all))
        object.__setattr__(self, "_scenario_ids", ids)

    @property
    def select_all(self) -> bool:
        """The wire's ``select_all`` flag."""
        return self._select_all

    @property
    def scenario_ids(self) -> tuple[uuid.UUID, ...]:
        """The wire's id list: the scenarios to run, or with ``select_all`` the ones to leave out."""
        return self._scenario_ids

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Selection is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Selection is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selection):
            return NotImplemented
        return (self.select_all, self.scenario_ids) == (other.select_all, other.scenario_ids)

    def __hash__(self) -> int:
        return hash((Selection, self.select_all, self.scenario_ids))

    def __reduce__(self) -> tuple[type[Selection], tuple[bool, tuple[uuid.UUID, ...]]]:
        return (Selection, (self.select_all, self.scenario_ids))

    @classmethod
    def all(cls) -> Selection:
        """Every scenario of the run test."""
        return cls(select_all=True)

    @classmethod
    def only(cls, scenario_ids: Iterable[IdLike]) -> Selection:
        """Exactly these scenarios (duplicates dropped, order kept). At least one is required."""
        return cls(select_all=False, scenario_ids=check_uuid_list("scenario_ids", scenario_ids))

    @classmethod
    def all_except(cls, scenario_ids: Iterable[IdLike]) -> Selection:
        """Every scenario but these; ``all_except([])`` is ``all()``."""
        return cls(select_all=True, scenario_ids=check_uuid_list("scenario_ids", scenario_ids))

    @property
    def is_all_except(self) -> bool:
        return self.select_all and bool(self.scenario_ids)

    def __repr__(self) -> str:
        ids = [str(i) for i in self.scenario_ids]
        if not self.select_all:
            return f"Selection.only({ids!r})"
        return f"Selection.all_except({ids!r})" if ids else "Selection.all()"


# Shown as futureagi_simulate.Selection, where users import it from.
publish(Selection)
