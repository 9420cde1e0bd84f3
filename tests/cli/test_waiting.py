"""How ``run`` waits, in this process against the emulator: polls ride out the API's blips, each said
in the log, and no poll outlives ``--timeout``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from futureagi_simulate.testing import Emulator, Fault
from tests.cli.harness import invoke, run_args

POLL = "getSimulationRunResults"


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def test_run_rides_out_a_run_of_502s_on_its_polls(oss: Emulator, sleeps: list[float]) -> None:
    """Six 502s in a row while waiting (more than the client's retries): the run still ends on its verdict."""
    oss.inject(POLL, Fault.server_error(502), times=6)
    done = invoke(oss, *run_args(oss))
    assert done.returncode == 0, done.stderr
    assert oss.request_count(POLL) >= 7


def test_run_says_in_its_log_why_the_wait_goes_on(oss: Emulator, sleeps: list[float]) -> None:
    """Each poll that met a 502 is a timestamped progress line naming the failure."""
    oss.inject(POLL, Fault.server_error(502), times=2)
    done = invoke(oss, *run_args(oss))
    assert done.returncode == 0, done.stderr
    failed = [line for line in done.stderr.splitlines() if "waiting: a poll failed" in line]
    assert len(failed) == 2
    assert all("HTTP 502" in line and line[2] == ":" for line in failed)


# slow: it waits its --timeout of 1 s.
@pytest.mark.slow
def test_run_with_a_hanging_poll_exits_4_at_its_timeout(manual: Emulator) -> None:
    """A poll the server holds for 10 minutes is cut at --timeout: exit 4, not exit 3 minutes later."""
    manual.inject(POLL, Fault.delay(600), times=50)
    done = invoke(manual, *run_args(manual, "--timeout", "1s"))
    assert done.returncode == 4, done.stderr
    assert "had not finished after --timeout 1 s" in done.stderr
