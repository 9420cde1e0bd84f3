"""The generated models' ``__repr__`` and ``__eq__``: one function each, shared by every model class.

attrs writes a class's ``__repr__`` and ``__eq__`` as source text and compiles it when the class is made
(``attrs.define``): for the models one run test names, a tenth of the command's cold start
(BENCHMARKS.md, "Issue 27, third session: start28"). attrs writes neither for a class that has its own
(``auto_detect``), so each generated model class names these (``templates/model.py.jinja``), which give
what attrs' would, reading the class's fields from ``__attrs_attrs__``:

- ``repr``: ``Name(field=value!r, ...)`` in the fields' order (the class's ``__qualname__`` after its
  last ``>.``), and ``...`` for an instance already being shown further up (a model inside itself).
- ``==``: ``NotImplemented`` unless the other is of the very same class; else each field compared in
  order, the first false comparison the answer, as attrs' chain of ``and``; ``!=`` its opposite (Python's
  own), and no hash (Python's rule for a class defining ``__eq__``, attrs' for a mutable one).

``tests/generated/test_model_methods.py`` checks both against attrs' own over every generated model.
"""

from __future__ import annotations

import threading
from typing import Any

from attrs import NOTHING

__all__ = ["model_eq", "model_repr"]

# The instances being shown in this thread, by id (attrs keeps its own set for the classes it compiles).
_showing = threading.local()


def model_repr(self: Any) -> str:
    """``Name(field=value, ...)``, as attrs writes it."""
    try:
        showing: set[int] = _showing.ids
    except AttributeError:
        showing = {id(self)}
        _showing.ids = showing
    else:
        if id(self) in showing:
            return "..."
        showing.add(id(self))
    try:
        parts = []
        for field in type(self).__attrs_attrs__:
            shown = field.repr
            if shown is False:
                continue
            value = getattr(self, field.name) if field.init else getattr(self, field.name, NOTHING)
            parts.append(f"{field.name}={value!r}" if shown is True else f"{field.name}={shown(value)}")
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        showing.remove(id(self))


def _compared(field: Any, self: Any, other: Any) -> Any:
    key = field.eq_key
    if key is not None:
        return key(getattr(self, field.name)) == key(getattr(other, field.name))
    return getattr(self, field.name) == getattr(other, field.name)


def model_eq(self: Any, other: object) -> Any:
    """``self == other``, as attrs writes it: the same class, and every field equal."""
    if other.__class__ is not self.__class__:
        return NotImplemented
    cls: Any = type(self)
    fields = [field for field in cls.__attrs_attrs__ if field.eq]
    if not fields:
        return True
    for field in fields[:-1]:
        result = _compared(field, self, other)
        if not result:
            return result
    return _compared(fields[-1], self, other)
