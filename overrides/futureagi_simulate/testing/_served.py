"""What the operations' handlers and the control routes read of the emulator, named as protocols.

``EmulatorApp`` routes each request down to a handler (``_routes``, ``_control``), so a handler that
named the app in its signature would point back up at the module that calls it. Each names instead
what it uses: an operation's handler the state and the dialect, a control route also the faults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ._dialects import Dialect
    from ._faults import Fault, FaultPlan
    from ._store import Store

__all__ = ["Controlled", "Served"]


class Served(Protocol):
    """The emulator as an operation's handler sees it: its state and the dialect it plays."""

    @property
    def store(self) -> Store: ...

    @property
    def dialect(self) -> Dialect: ...


class Controlled(Served, Protocol):
    """The emulator as a ``/_emulator/`` control route sees it: also its faults and its state's dump."""

    @property
    def faults(self) -> FaultPlan: ...

    def arm(self, operation: str, fault: Fault, times: int) -> None: ...

    def state(self) -> dict[str, Any]: ...
