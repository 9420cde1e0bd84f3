from __future__ import annotations

import fcntl
import os
import ssl
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import httpx._transports.default
import pytest

from futureagi_simulate import AsyncSimulateClient, SimulateClient
from futureagi_simulate._retry import Outcome, Step
from futureagi_simulate.testing import Emulator
from tests.data import API_KEY, SECRET_KEY
from tests.server import RecordingServer

ROOT = Path(__file__).resolve().parent.parent


# The test modules that run `make` (demo, dist, test) build the same .venv-demo and dist/, and are marked
# xdist_group("make") so that one worker runs them. pytest 9.2 with pytest-xdist 3.8 ignores that mark
# (pytest-dev/pytest-xdist#1386: the worker's group suffix on the node id no longer takes effect), and a
# test listed .venv-demo while the other worker's `make demo` was reinstalling it. So each such module
# also holds one lock file of the checkout while its tests run, whatever the scheduler does.
@pytest.fixture(scope="module", autouse=True)
def _one_make_at_a_time(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("xdist_group") is None:
        yield
        return
    with (ROOT / ".make-tests.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


# Every httpx client builds an SSL context from certifi's bundle, tens of milliseconds each, though these
# tests talk plain HTTP to 127.0.0.1: over a thousand clients made that a third of `make check`. One context
# per setting of the variables httpx reads for it serves them all; any other verify or cert is built as
# before, and a test that points SSL_CERT_FILE at a missing file still gets its own context, and its error.
@pytest.fixture(scope="session", autouse=True)
def _one_ssl_context_per_setting() -> Iterator[None]:
    build = httpx.create_ssl_context
    made: dict[tuple[str | None, str | None], ssl.SSLContext] = {}

    def shared(verify: object = True, cert: object = None, trust_env: bool = True) -> ssl.SSLContext:
        if verify is not True or cert is not None or not trust_env:
            return build(verify=verify, cert=cert, trust_env=trust_env)  # type: ignore[arg-type]
        setting = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        if setting not in made:
            made[setting] = build(verify=True, cert=None, trust_env=True)
        return made[setting]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(httpx._transports.default, "create_ssl_context", shared)
        yield


@pytest.fixture(autouse=True)
def _no_credentials_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FI_API_KEY", "FI_SECRET_KEY", "FI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the sync and async clients are told to take between attempts, recorded and not slept.

    The requests still cross a real socket; only the clock is the test's, so a test asserts the exact
    wait a rule asks for and spends none of it.
    """
    slept: list[float] = []
    sync_perform = SimulateClient._perform
    async_perform = AsyncSimulateClient._perform

    def perform(self: SimulateClient, step: Step) -> Outcome:
        if isinstance(step, float):
            slept.append(step)
            return None
        return sync_perform(self, step)

    async def aperform(self: AsyncSimulateClient, step: Step) -> Outcome:
        if isinstance(step, float):
            slept.append(step)
            return None
        return await async_perform(self, step)

    monkeypatch.setattr(SimulateClient, "_perform", perform)
    monkeypatch.setattr(AsyncSimulateClient, "_perform", aperform)
    return slept


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    running = RecordingServer().start()
    yield running
    running.stop()


# The scripted-server clients send each request once: their tests assert on how one answer is read.
# What is retried, and how, is proven in test_retry.py with clients of the default retry count.
@pytest.fixture
def client(server: RecordingServer) -> Iterator[SimulateClient]:
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, timeout=5.0, max_retries=0
    ) as c:
        yield c


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def aclient(server: RecordingServer) -> AsyncIterator[AsyncSimulateClient]:
    async with AsyncSimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, timeout=5.0, max_retries=0
    ) as c:
        yield c


@pytest.fixture(params=["docs", "oss"])
def emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """The emulator in each dialect, checking every exchange against openapi.yaml."""
    with Emulator(dialect=request.param) as emu:
        yield emu


@pytest.fixture
def oss() -> Iterator[Emulator]:
    with Emulator(dialect="oss") as emu:
        yield emu


@pytest.fixture
def docs() -> Iterator[Emulator]:
    with Emulator(dialect="docs") as emu:
        yield emu


@pytest.fixture
def emulated(emulator: Emulator) -> Iterator[SimulateClient]:
    with SimulateClient(
        api_key=emulator.api_key, secret_key=emulator.secret_key, base_url=emulator.url, timeout=10.0
    ) as c:
        yield c


@pytest.fixture
async def aemulated(emulator: Emulator) -> AsyncIterator[AsyncSimulateClient]:
    async with AsyncSimulateClient(
        api_key=emulator.api_key, secret_key=emulator.secret_key, base_url=emulator.url, timeout=10.0
    ) as c:
        yield c
