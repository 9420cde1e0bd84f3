"""The ``__repr__``, ``__eq__`` and ``__hash__`` of the frozen value classes a dry run makes: one function
each, shared by every class that names them.

attrs writes a frozen class's ``__repr__``, ``__eq__`` and ``__hash__`` as source text and compiles them
when the class is made: about 1.8 M instructions a class of six fields, more than half of what making
it costs, which a ``run ID --dry-run`` paid for 13 classes at every start (BENCHMARKS.md, "Issue 27,
fourth session: dryrun32"). attrs writes none of them for a class that has its own (``auto_detect``,
on for ``attrs.frozen``), so the class body names these, which give what attrs' would:

- ``repr`` and ``==``: the generated models' (``_model_methods``): ``Name(field=value!r, ...)`` in the
  fields' order, fields with ``repr=False`` left out, ``...`` for an instance already being shown; ``==``
  only for the very same class, field by field in order.
- ``hash``: as attrs' for a frozen class: the hash of a tuple of a seed of the class and every field
  compared by ``==``, in order (a field's ``eq`` key applied first); a field holding an unhashable value
  raises TypeError, as attrs' does. The seed is attrs' (the hash of ``<attrs generated hash
  module.Name>``), with the module the class names when first hashed: for a public class the package
  (``futureagi_simulate.ExecutionCost``), where attrs took the defining module. Like attrs', the numbers
  are the same within a process, not across processes (a string's hash is salted).

The classes stay frozen slotted attrs classes: ``attrs.fields``, ``attrs.evolve``, ``attrs.has`` and
pickle work on them as before. ``tests/test_value_methods.py`` checks each class that names these
against a twin attrs makes from its fields, with attrs' own methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._model_methods import model_eq, model_repr

__all__ = ["value_eq", "value_hash", "value_repr"]

value_repr = model_repr
value_eq = model_eq

# Per class: its seed and the fields its hash reads (name, eq key), found on the first hash.
_HASHING: dict[type, tuple[int, tuple[tuple[str, Callable[[Any], Any] | None], ...]]] = {}


def value_hash(self: Any) -> int:
    """``hash(self)``, as attrs writes it for a frozen class: the class's seed, then each field's value."""
    cls = type(self)
    plan = _HASHING.get(cls)
    if plan is None:
        seed = hash(f"<attrs generated hash {cls.__module__}.{cls.__qualname__}>")
        hashed = tuple(
            (field.name, field.eq_key)
            for field in cls.__attrs_attrs__
            if field.hash is True or (field.hash is None and field.eq is True)
        )
        plan = _HASHING[cls] = (seed, hashed)
    seed, hashed = plan
    values = [seed]
    for name, key in hashed:
        value = getattr(self, name)
        values.append(value if key is None else key(value))
    return hash(tuple(values))
