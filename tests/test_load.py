"""Shared clients under load and faults: every call succeeds, and each execute call runs exactly once.

The emulator runs without conformance checks here (``validate=False``): the checks cost milliseconds
per exchange and are proven elsewhere; these tests count calls and executions.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from futureagi_simulate import (
    APIConnectionError,
    APITimeoutError,
    AsyncSimulateClient,
    Execution,
    InternalServerError,
    RunTest,
    RunTestPage,
    Selection,
    SimulateClient,
)
from futureagi_simulate.testing import Emulator, Fault

# slow: thousands of calls through injected faults. no_cover: the other tests run every line these do (but
# the emulator's validate=False branch), and tracing thousands of calls would more than double their time.
pytestmark = [pytest.mark.slow, pytest.mark.no_cover]

THREADS = 16
SYNC_CALLS = 1000
ASYNC_CALLS = 500
OPERATIONS = ("executeRunTest", "listRunTests", "getPromptSimulation", "executePromptSimulation")


@pytest.fixture
def fast() -> Iterator[Emulator]:
    with Emulator(dialect="oss", validate=False) as emu:
        yield emu


def sync_client(emu: Emulator, **options: Any) -> SimulateClient:
    return SimulateClient(
        api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url, body_casing="snake", **options
    )


def async_client(emu: Emulator) -> AsyncSimulateClient:
    return AsyncSimulateClient(
        api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url, body_casing="snake"
    )


def arm_faults(emu: Emulator, times: int) -> None:
    """429s on run-test execute (safe to resend) and 503s on the reads, consumed by the first requests.

    Fewer faults than first requests in flight means the faults are gone before any retry arrives, so
    no call can meet more than its one retry can absorb.
    """
    emu.inject("executeRunTest", Fault.rate_limit(retry_after=0.2), times=times)
    emu.inject("executePromptSimulation", Fault.rate_limit(retry_after=0.2), times=times)
    emu.inject("listRunTests", Fault.server_error(503), times=times)
    emu.inject("getPromptSimulation", Fault.server_error(503), times=times)


def sync_call(client: SimulateClient, emu: Emulator, n: int) -> Callable[[], object]:
    seed = emu.seed
    kind = OPERATIONS[n % len(OPERATIONS)]
    if kind == "executeRunTest":
        return lambda: client.run_tests.execute(seed.run_test_id, selection=Selection.all())
    if kind == "listRunTests":
        return lambda: client.run_tests.list(limit=5)
    if kind == "getPromptSimulation":
        return lambda: client.prompt_simulations.get(seed.prompt_template_id, seed.prompt_run_test_id)
    return lambda: client.prompt_simulations.execute(
        seed.prompt_template_id, seed.prompt_run_test_id, selection=Selection.all()
    )


RESULT_TYPES: dict[str, type] = {
    "executeRunTest": Execution,
    "listRunTests": RunTestPage,
    "getPromptSimulation": RunTest,
    "executePromptSimulation": Execution,
}


def expected_type(n: int) -> type:
    return RESULT_TYPES[OPERATIONS[n % len(OPERATIONS)]]


def assert_exactly_once(emu: Emulator, calls: int, faults: int) -> None:
    per_operation = calls // len(OPERATIONS)
    assert emu.execution_count(emu.seed.run_test_id) == per_operation
    assert emu.execution_count(emu.seed.prompt_run_test_id) == per_operation
    # Each fault was met once and absorbed by exactly one retry.
    assert [emu.request_count(op) for op in OPERATIONS] == [per_operation + faults] * len(OPERATIONS)


def test_sixteen_threads_share_one_client_through_429s_and_503s(fast: Emulator) -> None:
    """16 threads, 1,000 calls on one client with faults injected: all succeed, each execute runs once."""
    faults = THREADS // 2
    arm_faults(fast, faults)
    start = threading.Barrier(THREADS)

    with sync_client(fast) as client:

        def worker(thread: int) -> list[tuple[int, object]]:
            start.wait()
            # Every thread begins with a run-test execute, so the first wave meets the armed faults.
            mine = range(thread * len(OPERATIONS), SYNC_CALLS, THREADS * len(OPERATIONS))
            return [
                (n + k, sync_call(client, fast, n + k)())
                for n in mine
                for k in range(len(OPERATIONS))
                if n + k < SYNC_CALLS
            ]

        with ThreadPoolExecutor(THREADS) as pool:
            results = [item for chunk in pool.map(worker, range(THREADS)) for item in chunk]

    assert sorted(n for n, _ in results) == list(range(SYNC_CALLS))
    assert all(isinstance(result, expected_type(n)) for n, result in results)
    assert_exactly_once(fast, SYNC_CALLS, faults)


@pytest.mark.anyio
async def test_five_hundred_concurrent_async_calls_through_429s_and_503s(fast: Emulator) -> None:
    """500 concurrent calls on one async client with faults injected: all succeed, each execute runs once."""
    faults = 20
    arm_faults(fast, faults)
    seed = fast.seed
    async with async_client(fast) as client:

        async def call(n: int) -> object:
            kind = OPERATIONS[n % len(OPERATIONS)]
            if kind == "executeRunTest":
                return await client.run_tests.execute(seed.run_test_id, selection=Selection.all())
            if kind == "listRunTests":
                return await client.run_tests.list(limit=5)
            if kind == "getPromptSimulation":
                return await client.prompt_simulations.get(seed.prompt_template_id, seed.prompt_run_test_id)
            return await client.prompt_simulations.execute(
                seed.prompt_template_id, seed.prompt_run_test_id, selection=Selection.all()
            )

        results = await asyncio.gather(*(call(n) for n in range(ASYNC_CALLS)))

    assert all(isinstance(result, expected_type(n)) for n, result in enumerate(results))
    assert_exactly_once(fast, ASYNC_CALLS, faults)


FIRST_CALLS = """
import sys, threading
from concurrent.futures import ThreadPoolExecutor
from futureagi_simulate import SimulateClient, Selection

url, api_key, secret_key, run_test_id, threads = sys.argv[1:6]
client = SimulateClient(api_key=api_key, secret_key=secret_key, base_url=url, body_casing="snake")
start = threading.Barrier(int(threads))

def first(n):
    start.wait()
    if n % 2:
        return type(client.run_tests.list(limit=5)).__name__
    return type(client.run_tests.execute(run_test_id, selection=Selection.all())).__name__

with ThreadPoolExecutor(int(threads)) as pool:
    print(sorted(pool.map(first, range(int(threads)))))
"""


def test_first_calls_from_many_threads_at_once_load_the_client_once(fast: Emulator) -> None:
    """16 threads' first calls in a fresh interpreter load the lazy parts together, and all succeed."""
    seed = fast.seed
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            FIRST_CALLS,
            fast.url,
            fast.api_key,
            fast.secret_key,
            str(seed.run_test_id),
            str(THREADS),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    half = THREADS // 2
    assert out.strip() == str(["Execution"] * half + ["RunTestPage"] * half)
    assert fast.execution_count(seed.run_test_id) == half


# The ambiguous failures: the server acted, the client cannot know, so it must not resend. -------------


def test_dropped_execute_runs_once_and_is_not_resent(fast: Emulator) -> None:
    """The connection drops after the emulator started the execution: one request, one execution."""
    fast.inject("executeRunTest", Fault.drop())
    with sync_client(fast) as client, pytest.raises(APIConnectionError) as caught:
        client.run_tests.execute(fast.seed.run_test_id, selection=Selection.all())
    assert caught.value.may_have_started is True
    assert fast.request_count("executeRunTest") == 1
    assert fast.execution_count(fast.seed.run_test_id) == 1


@pytest.mark.anyio
async def test_async_dropped_prompt_execute_runs_once(fast: Emulator) -> None:
    """The async client does not resend a prompt execute whose connection dropped after it was read."""
    fast.inject("executePromptSimulation", Fault.drop())
    seed = fast.seed
    async with async_client(fast) as client:
        with pytest.raises(APIConnectionError) as caught:
            await client.prompt_simulations.execute(
                seed.prompt_template_id, seed.prompt_run_test_id, selection=Selection.all()
            )
    assert caught.value.may_have_started is True
    assert fast.request_count("executePromptSimulation") == 1
    assert fast.execution_count(seed.prompt_run_test_id) == 1


def test_timed_out_execute_runs_once_and_is_not_resent(fast: Emulator) -> None:
    """The answer comes after the timeout: the execution started once, and the client did not resend."""
    fast.inject("executeRunTest", Fault.delay(0.6))
    with sync_client(fast, timeout=0.2) as client, pytest.raises(APITimeoutError) as caught:
        client.run_tests.execute(fast.seed.run_test_id, selection=Selection.all())
    assert caught.value.may_have_started is True
    assert fast.request_count("executeRunTest") == 1
    assert fast.execution_count(fast.seed.run_test_id) == 1


def test_execute_met_by_503_is_raised_not_resent(fast: Emulator) -> None:
    """A 503 on execute raises InternalServerError after one request (here the gateway ran nothing)."""
    fast.inject("executeRunTest", Fault.server_error(503))
    with sync_client(fast) as client, pytest.raises(InternalServerError) as caught:
        client.run_tests.execute(fast.seed.run_test_id, selection=Selection.all())
    assert caught.value.may_have_started is True
    assert fast.request_count("executeRunTest") == 1
    assert fast.execution_count(fast.seed.run_test_id) == 0
