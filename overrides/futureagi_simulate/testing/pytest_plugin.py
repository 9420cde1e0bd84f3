"""pytest fixtures for testing your own code against the emulator. Enable them with one line in a
``conftest.py`` at the root of your tests::

    pytest_plugins = ["futureagi_simulate.testing.pytest_plugin"]

(or ``pytest -p futureagi_simulate.testing.pytest_plugin``). Needs the ``testing`` extra.

Fixtures, each new for every test, so no test sees another's executions or faults:

- ``simulate_emulator``: a started :class:`~futureagi_simulate.testing.Emulator` in the dialect
  ``simulate_dialect`` names; stopping it raises ``EmulatorConformanceError`` when an exchange broke
  ``openapi.yaml``.
- ``simulate_client``: a :class:`~futureagi_simulate.SimulateClient` bound to it.
- ``simulate_async_client``: an :class:`~futureagi_simulate.AsyncSimulateClient` bound to it, for async
  tests run by anyio's pytest plugin (``@pytest.mark.anyio``, installed with httpx) or by pytest-asyncio
  in strict mode (``@pytest.mark.asyncio``) or auto mode. The fixture itself is not async, so whichever
  runner runs the test needs nothing of it: the client opens its connections in the test's own event
  loop and closes each one when its answer has been read.
- ``simulate_environment``: sets ``FI_BASE_URL``, ``FI_API_KEY``, ``FI_SECRET_KEY`` and the seeded
  ``FI_DEMO_*`` ids for the test, for code that builds its own ``SimulateClient()``.
- ``simulate_dialect``: ``"oss"`` (the open-source server). Override it in a ``conftest.py`` to test
  against ``"docs"`` (the documented wire form), or parametrize it to test both.

The clients speak the dialect's casing from the first request (``snake`` for ``oss``, ``camel`` for
``docs``) instead of probing (``auto``), so a fault injected on an execute hits the execute that runs
rather than the probe the open-source server refuses.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from futureagi_simulate import AsyncSimulateClient, BodyCasing, SimulateClient

from ._dialects import Dialect
from ._emulator import Emulator

__all__ = [
    "simulate_async_client",
    "simulate_client",
    "simulate_dialect",
    "simulate_emulator",
    "simulate_environment",
]

_CASING: dict[str, BodyCasing] = {"oss": "snake", "docs": "camel"}


@pytest.fixture
def simulate_dialect() -> Dialect:
    """The emulated server: ``"oss"``; override this fixture for ``"docs"``."""
    return "oss"


@pytest.fixture
def simulate_emulator(simulate_dialect: Dialect) -> Iterator[Emulator]:
    """A started emulator on 127.0.0.1, stopped (and checked for conformance) after the test."""
    with Emulator(dialect=simulate_dialect) as emulator:
        yield emulator


@pytest.fixture
def simulate_client(simulate_emulator: Emulator) -> Iterator[SimulateClient]:
    """A ``SimulateClient`` bound to ``simulate_emulator``, closed after the test."""
    with SimulateClient(
        api_key=simulate_emulator.api_key,
        secret_key=simulate_emulator.secret_key,
        base_url=simulate_emulator.url,
        body_casing=_CASING[simulate_emulator.dialect],
    ) as client:
        yield client


class _LoopFreeAsyncClient(AsyncSimulateClient):
    """An ``AsyncSimulateClient`` that keeps no connection open between requests.

    An async fixture is run by whichever plugin claims it (anyio's, pytest-asyncio's in auto mode, or
    none in pytest-asyncio's strict mode), in that plugin's event loop, which need not be the test's: so
    the fixture is a plain one, and its client leaves nothing bound to a loop once an answer is read.
    Then no connection outlives the test's loop, whichever runner made it, and closing the client
    afterwards needs no loop of the test's. A connection per request costs nothing on loopback.
    """

    def _pool_options(self) -> dict[str, Any]:
        return {**super()._pool_options(), "limits": httpx.Limits(max_keepalive_connections=0)}


# Shown as what it is for users: their tests see an AsyncSimulateClient.
_LoopFreeAsyncClient.__name__ = _LoopFreeAsyncClient.__qualname__ = "AsyncSimulateClient"


@pytest.fixture
def simulate_async_client(simulate_emulator: Emulator) -> Iterator[AsyncSimulateClient]:
    """An ``AsyncSimulateClient`` bound to ``simulate_emulator``, closed after the test; for a test run by
    anyio or pytest-asyncio (strict or auto mode)."""
    client = _LoopFreeAsyncClient(
        api_key=simulate_emulator.api_key,
        secret_key=simulate_emulator.secret_key,
        base_url=simulate_emulator.url,
        body_casing=_CASING[simulate_emulator.dialect],
    )
    try:
        yield client
    finally:
        _close(client)


def _close(client: AsyncSimulateClient) -> None:
    """Closes the client's pool, which holds no connection by now, in an event loop of its own (the
    test's may be closed already), on a thread of its own: the test thread's event loop, which a runner
    may still be using, is left as it is."""
    closer = threading.Thread(target=asyncio.run, args=(client.close(),), name="simulate_async_client")
    closer.start()
    closer.join()


@pytest.fixture
def simulate_environment(simulate_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """Points ``FI_*`` at ``simulate_emulator`` for the test; returns the emulator."""
    monkeypatch.setenv("FI_BASE_URL", simulate_emulator.url)
    monkeypatch.setenv("FI_API_KEY", simulate_emulator.api_key)
    monkeypatch.setenv("FI_SECRET_KEY", simulate_emulator.secret_key)
    for name, value in simulate_emulator.seed.as_environment().items():
        monkeypatch.setenv(name, value)
    return simulate_emulator
