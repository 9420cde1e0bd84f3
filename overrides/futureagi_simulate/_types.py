"""Small shared types: the "not given" sentinel and the public literal aliases."""

from __future__ import annotations

import enum
from typing import Final, Literal

from ._exports import publish

__all__ = ["NOT_GIVEN", "BodyCasing", "NotGiven", "SimulationType"]

BodyCasing = Literal["auto", "camel", "snake"]
SimulationType = Literal["agent_definition", "prompt"]


class NotGiven(enum.Enum):
    """Marks an argument the caller left out, as distinct from an explicit ``None``.

    ``timeout=None`` means "no timeout"; leaving ``timeout`` out means "the default". An enum member
    gives the sentinel a stable repr and lets type checkers narrow it away with ``is``.
    """

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> Literal[False]:
        return False


NOT_GIVEN: Final = NotGiven.NOT_GIVEN

# Shown as futureagi_simulate.NotGiven, where users import it from (and where pickle finds NOT_GIVEN).
publish(NotGiven)
