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
  tests run by anyio's pytest plugin (``@pytest.mark.anyio``, installed with httpx) or by
  pytest-asyncio in auto mode (its strict mode runs only fixtures it declared itself).
- ``simulate_environment``: sets ``FI_BASE_URL``, ``FI_API_KEY``, ``FI_SECRET_KEY`` and the seeded
  ``FI_DEMO_*`` ids for the test, for code that builds its own ``SimulateClient()``.
- ``simulate_dialect``: ``"oss"`` (the open-source server). Override it in a ``conftest.py`` to test
  against ``"docs"`` (the documented wire form), or parametrize it to test both.

The clients speak the dialect's casing from the first request (``snake`` for ``oss``, ``camel`` for
``docs``) instead of probing (``auto``), so a fault injected on an execute hits the execute that runs
rather than the probe the open-source server refuses.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

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


@pytest.fixture
async def simulate_async_client(simulate_emulator: Emulator) -> AsyncIterator[AsyncSimulateClient]:
    """An ``AsyncSimulateClient`` bound to ``simulate_emulator``, closed after the test."""
    async with AsyncSimulateClient(
        api_key=simulate_emulator.api_key,
        secret_key=simulate_emulator.secret_key,
        base_url=simulate_emulator.url,
        body_casing=_CASING[simulate_emulator.dialect],
    ) as client:
        yield client


@pytest.fixture
def simulate_environment(simulate_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """Points ``FI_*`` at ``simulate_emulator`` for the test; returns the emulator."""
    monkeypatch.setenv("FI_BASE_URL", simulate_emulator.url)
    monkeypatch.setenv("FI_API_KEY", simulate_emulator.api_key)
    monkeypatch.setenv("FI_SECRET_KEY", simulate_emulator.secret_key)
    for name, value in simulate_emulator.seed.as_environment().items():
        monkeypatch.setenv(name, value)
    return simulate_emulator
