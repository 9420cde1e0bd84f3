"""What the package's public names say they are.

``publish`` shows a public class as ``futureagi_simulate.<Name>``, where users import it from, where
tracebacks and reprs of types then point, and where pickle finds it.
"""

from __future__ import annotations

import importlib
import sys
import types
import typing
from collections.abc import Mapping
from types import CodeType
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
            resolved = _plainly_resolved(cls, own)
            if resolved is not None:
                cls.__annotations__ = resolved
            else:
                try:
                    hints = typing.get_type_hints(cls, include_extras=True)
                except (NameError, TypeError, AttributeError):
                    # A name only a type checker imports: left as written, as unresolvable as it was.
                    pass
                else:
                    cls.__annotations__ = {name: hints.get(name, value) for name, value in own.items()}
        cls.__module__ = PUBLIC_MODULE


# Each annotation's text compiled once: the models repeat a few (``None | str | Unset``) many times.
_CODE: dict[str, CodeType] = {}


def _plainly_resolved(cls: type, own: dict[str, Any]) -> dict[str, Any] | None:
    """``cls``'s own annotations as ``typing.get_type_hints`` resolves them, when each is text naming a
    plain class, a union of such (``X | None``) or a builtin generic of such (``list[X]``); else None,
    and the caller asks typing.

    The same evaluation (the text in the defining module's namespace, then the class's, then the
    builtins) without what typing adds for the forms left to it: a ForwardRef per text, compiled each
    time, and the checks of special forms. Its result is the value typing gives, or one equal to it (a
    generic typing rebuilds). One class of a model's start's ten costs 0.9 M instructions through typing
    (BENCHMARKS.md, "Issue 27, fourth session: query32").
    """
    if any(_has_text_annotations(base) for base in cls.__mro__[1:]):
        return None  # typing would evaluate (and could refuse) the bases' annotations too
    module = sys.modules.get(cls.__module__)
    if module is None:
        return None
    # typing.get_type_hints' namespaces for a class: its module's names first, then the class's.
    names = module.__dict__
    scope = dict(vars(cls))
    resolved: dict[str, Any] = {}
    for name, text in own.items():
        if type(text) is not str:
            return None
        code = _CODE.get(text)
        if code is None:
            try:
                code = _CODE[text] = compile(text, "<string>", "eval")
            except SyntaxError:
                return None
        try:
            value = eval(code, scope, names)
        except Exception:
            # typing decides how an annotation that fails is refused: the caller asks it.
            return None
        if not _plain(value):
            return None
        resolved[name] = value
    return resolved


def _has_text_annotations(cls: type) -> bool:
    # The class's own, as typing reads them (inspect.get_annotations would import inspect).
    annotations = cls.__dict__.get("__annotations__")  # noqa: RUF063
    return isinstance(annotations, dict) and any(isinstance(value, str) for value in annotations.values())


def _plain(value: object) -> bool:
    """True for what typing's checks give back as it is (or equal): a plain class, or a union or a
    builtin generic (``list[X]``, ``dict[str, X]``) of these."""
    kind = type(value)
    if kind is types.UnionType or kind is types.GenericAlias:
        return all(_plain(arg) for arg in value.__args__)  # type: ignore[attr-defined]
    return _plain_class(value)


def _plain_class(value: object) -> bool:
    # Generic and Protocol are classes typing refuses alone; Any is a class it keeps.
    return isinstance(value, type) and value is not typing.Generic and value is not typing.Protocol


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
