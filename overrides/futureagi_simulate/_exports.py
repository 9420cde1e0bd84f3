"""What the package's public names say they are.

``publish`` shows a public class as ``futureagi_simulate.<Name>``, where users import it from, where
tracebacks and reprs of types then point, and where pickle finds it.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Mapping
from typing import Any

__all__ = ["PUBLIC_MODULE", "lazy_attribute", "publish"]

PUBLIC_MODULE = "futureagi_simulate"


def publish(*classes: type) -> None:
    """Gives each class ``PUBLIC_MODULE`` as its ``__module__``.

    Annotations written as strings (``from __future__ import annotations``) are resolved first, in the
    module that defines them: ``typing.get_type_hints`` (and so attrs' ``resolve_types`` and cattrs)
    looks names up in the module ``__module__`` names, where they would not be found.
    """
    for cls in classes:
        # A class's own annotations (Python 3.10+); inspect.get_annotations would import inspect.
        own: dict[str, Any] = getattr(cls, "__annotations__", {})
        if own and any(isinstance(value, str) for value in own.values()):
            try:
                hints = typing.get_type_hints(cls, include_extras=True)
            except (NameError, TypeError, AttributeError):
                # A name only a type checker imports: left as written, as unresolvable as it was.
                pass
            else:
                cls.__annotations__ = {name: hints.get(name, value) for name, value in own.items()}
        cls.__module__ = PUBLIC_MODULE


def lazy_attribute(
    namespace: dict[str, Any], modules: Mapping[str, str], name: str, *, prefix: str = ""
) -> Any:
    """What a module's ``__getattr__`` (PEP 562) answers for ``name``: the attribute of that name of the
    module ``prefix + modules[name]``, imported on first use and kept in ``namespace`` (the asking module's
    globals), so later look-ups never come here. AttributeError for a name ``modules`` does not list.
    """
    module = modules.get(name)
    if module is None:
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(prefix + module), name)
    namespace[name] = value
    return value
