"""Counts in the messages the library and the command write: ``1 call``, ``2 calls``."""

from __future__ import annotations

__all__ = ["counted"]


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``1 call``, ``0 calls``, ``3 calls``; ``plural`` where adding an ``s`` is wrong."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
