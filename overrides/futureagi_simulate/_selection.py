"""Selection: which of a run test's scenarios an execution covers."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import attrs

from ._errors import InvalidArgumentError
from ._validate import IdLike, check_uuid_list

__all__ = ["Selection"]


def _dedupe(ids: Iterable[uuid.UUID]) -> tuple[uuid.UUID, ...]:
    return tuple(dict.fromkeys(ids))


@attrs.frozen(repr=False)
class Selection:
    """The scenarios to execute, as the wire's ``select_all`` flag and id list.

    Build one with ``Selection.all()``, ``Selection.only(ids)`` or ``Selection.all_except(ids)``. On the wire
    an empty id list means "every scenario" whatever the flag, so ``only([])`` is refused rather than
    silently running everything.
    """

    select_all: bool
    scenario_ids: tuple[uuid.UUID, ...] = attrs.field(converter=_dedupe, default=())

    def __attrs_post_init__(self) -> None:
        if not self.select_all and not self.scenario_ids:
            raise InvalidArgumentError(
                "selection",
                "Selection.only() needs at least one scenario id: the API reads an empty list as "
                "'every scenario'; use Selection.all() for that",
            )

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
