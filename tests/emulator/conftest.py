from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import http_client


@pytest.fixture
def http(emulator: Emulator) -> Iterator[httpx.Client]:
    """An httpx client on ``emulator`` (each dialect), with its key pair."""
    with http_client(emulator) as client:
        yield client


@pytest.fixture
def oss_http(oss: Emulator) -> Iterator[httpx.Client]:
    """An httpx client on the ``oss`` emulator, with its key pair."""
    with http_client(oss) as client:
        yield client


@pytest.fixture(params=["docs", "oss"])
def manual(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """The emulator in each dialect, moving executions only when told."""
    with Emulator(dialect=request.param, advance="manual") as emu:
        yield emu


@pytest.fixture
def mhttp(manual: Emulator) -> Iterator[httpx.Client]:
    """An httpx client on the ``manual`` emulator."""
    with http_client(manual) as client:
        yield client


@pytest.fixture
def docs_manual() -> Iterator[Emulator]:
    """The ``docs`` emulator, moving executions only when told."""
    with Emulator(dialect="docs", advance="manual") as emu:
        yield emu


@pytest.fixture
def oss_manual() -> Iterator[Emulator]:
    """The ``oss`` emulator, moving executions only when told."""
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu
