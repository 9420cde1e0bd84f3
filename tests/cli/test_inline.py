"""``run_inline``: the dry run's steps run to their end without an event loop, or refused loudly."""

from __future__ import annotations

import asyncio

import pytest

from futureagi_simulate import SimulateClient
from futureagi_simulate.cli._inline import InlineClient, run_inline
from futureagi_simulate.testing import Emulator


async def _answer() -> int:
    return 7


async def _fails() -> int:
    raise ValueError("its own error")


async def _waits() -> int:
    await asyncio.sleep(0)
    return 7


def test_a_coroutine_that_never_waits_gives_its_value() -> None:
    """run_inline returns what the coroutine returns."""
    assert run_inline(_answer()) == 7


def test_a_coroutine_s_error_comes_out_as_it_is() -> None:
    """run_inline lets the coroutine's own exception through."""
    with pytest.raises(ValueError, match="its own error"):
        run_inline(_fails())


def test_a_coroutine_that_would_wait_is_refused() -> None:
    """run_inline refuses (RuntimeError) a coroutine that suspends, rather than dropping its work."""
    with pytest.raises(RuntimeError, match="needs an event loop"):
        run_inline(_waits())


def test_an_inline_client_reads_as_the_async_client_does(oss: Emulator) -> None:
    """An InlineClient's awaited read gives the run test the sync client reads, with no event loop."""
    sync = SimulateClient(api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url)
    with SimulateClient(api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url) as other:
        expected = other.run_tests.get(oss.seed.run_test_id)
    inline = InlineClient(sync)

    async def read() -> object:
        async with inline:
            return await inline.run_tests.get(oss.seed.run_test_id)

    assert run_inline(read()) == expected
    assert sync._http.is_closed
