"""``--only`` and ``--all-except``, shared by ``run-tests execute`` and ``run``: a module of its own, so that
neither loads the other's options."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import attrs

from futureagi_simulate._value_methods import value_eq, value_hash, value_repr

from ._options import _flatten

if TYPE_CHECKING:
    from futureagi_simulate import Selection


@attrs.frozen(kw_only=True)
class _Selecting:
    """``--only`` and ``--all-except``, each as the ids given (any number of uses, comma-separated)."""

    only: tuple[uuid.UUID, ...] = attrs.field(converter=_flatten)
    all_except: tuple[uuid.UUID, ...] = attrs.field(converter=_flatten)

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    def selection(self) -> Selection | None:
        """The scenarios chosen; None when both options were given (a usage error the caller says)."""
        from futureagi_simulate import Selection  # not at the top: --help needs no client code

        if self.only and self.all_except:
            return None
        if self.only:
            return Selection.only(self.only)
        if self.all_except:
            return Selection.all_except(self.all_except)
        return Selection.all()
