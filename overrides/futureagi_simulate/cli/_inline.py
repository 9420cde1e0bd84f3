"""``run --dry-run``'s steps without an event loop.

The dry run takes the real run's steps (``_run._checked_then_run``: the check before paying,
``--baseline``'s, the version's and the cost estimate's reads), coroutines that await the async client, so
that both check alike. Its requests go one after another: asyncio gains it nothing, and loading it with
the async pool's backend (anyio) cost more than a fifth of the dry run's start (BENCHMARKS.md, "Issue 27,
third session: start28").

``InlineClient`` is an ``AsyncSimulateClient`` whose every request is made, inside the await, by a
``SimulateClient``: the same flows, retries, deadlines, size bound and errors, on a sync pool. A coroutine
that awaits only such requests never suspends, and ``run_inline`` runs it to its end with one ``send``.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, TypeVar

from futureagi_simulate import AsyncSimulateClient, SimulateClient
from futureagi_simulate._flows import Flow

__all__ = ["InlineClient", "run_inline"]

T = TypeVar("T")


class InlineClient(AsyncSimulateClient):
    """The async client's resources and methods over ``client``, a ``SimulateClient``, which makes each
    request (and owns the pool: closing this closes it)."""

    def __init__(self, client: SimulateClient) -> None:
        # Not AsyncSimulateClient.__init__: it would make an async pool that no request uses. The
        # resources need the run and the context; repr the configuration and the retries.
        self._sync = client
        self._config = client._config
        self._ctx = client._ctx
        self._max_retries = client._max_retries
        self._bind_resources()

    async def _run(self, flow: Flow[T]) -> T:
        return self._sync._run(flow)

    async def close(self) -> None:
        """Closes the sync client's pool."""
        self._sync.close()


def run_inline(steps: Coroutine[Any, Any, T]) -> T:
    """What ``steps`` returns (or raises), run to its end at once. ``steps`` must await nothing that waits
    (only an ``InlineClient``'s requests): one that would suspend is closed, and RuntimeError says so."""
    try:
        steps.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    steps.close()
    raise RuntimeError("the dry run awaited something that waits, which needs an event loop")
