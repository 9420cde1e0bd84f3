"""A module loaded on first use, for the parts of the package that need the generated code."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["OnFirstUse"]


class OnFirstUse:
    """Stands for a module until an attribute is first read, then imports it.

    Each attribute is kept on the stand-in once read, so later reads are a plain attribute lookup: no
    import statement, no ``__getattr__`` call. An import statement inside a function costs a few
    microseconds on every call even when the module is loaded (BENCHMARKS.md).
    """

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(importlib.import_module(self._module), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"<{self._module}, imported on first use>"
