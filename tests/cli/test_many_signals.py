"""CI's cancellation meets ``run`` of several run tests: the installed command as a real process, the
signal sent once every execution has started (each waited for by its line, never by time)."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import COMMAND, POLL, environment
from tests.cli.test_many import add_run_test
from tests.cli.test_pinned_many import run_test_names
from tests.cli.test_signals import Running

pytestmark = pytest.mark.slow


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_cancels_every_execution_with_cancel_on_interrupt(
    manual: Emulator, tmp_path: Path, signum: int, code: int
) -> None:
    """Two run tests waiting: one signal cancels both executions; one JSON holds both, exit the signal's."""
    smoke = add_run_test(manual, "Checkout smoke")
    running = Running(
        [
            COMMAND,
            "run",
            str(manual.seed.run_test_id),
            str(smoke),
            "--poll-interval",
            POLL,
            "--cancel-on-interrupt",
            "--json",
            str(tmp_path / "r.json"),
        ],
        env=environment(manual),
    )
    running.wait_for("started execution")
    running.wait_for("started execution")
    running.signal(signum)
    exit_code, err = running.finish()
    assert exit_code == code, err
    for run_test in (manual.seed.run_test_id, smoke):
        (execution,) = manual.execution_ids(run_test)
        assert manual.execution_status(execution) in ("cancelling", "cancelled")
        assert f"cancelled execution {execution}" in err
    document = json.loads((tmp_path / "r.json").read_text())
    assert document["exit_code"] == code
    assert [r["exit_code"] for r in document["run_tests"]] == [code, code]


def test_without_cancel_a_signal_leaves_every_execution_running_and_says_how_to_cancel(
    manual: Emulator,
) -> None:
    """No --cancel-on-interrupt: SIGTERM ends the command with 143; both executions go on, each named."""
    smoke = add_run_test(manual, "Checkout smoke")
    running = Running(
        [COMMAND, "run", str(manual.seed.run_test_id), str(smoke), "--poll-interval", POLL],
        env=environment(manual),
    )
    running.wait_for("started execution")
    running.wait_for("started execution")
    running.signal(signal.SIGTERM)
    exit_code, err = running.finish()
    assert exit_code == 143, err
    for run_test in (manual.seed.run_test_id, smoke):
        (execution,) = manual.execution_ids(run_test)
        assert manual.execution_status(execution) == "pending"
        assert f"cancel it with: futureagi-simulate executions cancel {execution}" in err


def test_a_signal_while_a_run_test_waits_for_its_turn_starts_nothing_for_it(
    manual: Emulator, tmp_path: Path
) -> None:
    """--concurrency 1: SIGINT while the first runs; it is cancelled, the second is never executed."""
    smoke = add_run_test(manual, "Checkout smoke")
    running = Running(
        [
            COMMAND,
            "run",
            str(manual.seed.run_test_id),
            str(smoke),
            "--concurrency",
            "1",
            "--poll-interval",
            POLL,
            "--cancel-on-interrupt",
            "--json",
            str(tmp_path / "r.json"),
        ],
        env=environment(manual),
    )
    running.wait_for("started execution")
    running.signal(signal.SIGINT)
    exit_code, err = running.finish()
    assert exit_code == 130, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    assert manual.execution_count(smoke) == 0
    first, second = json.loads((tmp_path / "r.json").read_text())["run_tests"]
    assert (first["exit_code"], second["exit_code"], second["execution_id"]) == (130, 130, None)
    assert second["reasons"] == ["interrupted by SIGINT; nothing was started"]


def test_a_signal_cancels_every_pinned_copys_execution_and_deletes_every_copy(
    manual: Emulator, tmp_path: Path
) -> None:
    """Two run tests on copies pinned to v2, both waiting: SIGTERM with --cancel-on-interrupt cancels
    both executions and deletes both copies, each said in one line (after the reports, as for one run
    test); exit 143."""
    smoke = add_run_test(manual, "Checkout smoke")
    _, v2 = manual.seed.agent_version_ids
    running = Running(
        [
            COMMAND,
            "run",
            str(manual.seed.run_test_id),
            str(smoke),
            "--agent-version",
            str(v2),
            "--poll-interval",
            POLL,
            "--cancel-on-interrupt",
            "--json",
            str(tmp_path / "r.json"),
        ],
        env=environment(manual),
    )
    running.wait_for("started execution")
    running.wait_for("started execution")
    running.signal(signal.SIGTERM)
    exit_code, err = running.finish()
    assert exit_code == 143, err
    document = json.loads((tmp_path / "r.json").read_text())
    for result in document["run_tests"]:
        pinned = result["pinned"]
        copy = pinned["copy_run_test_id"]
        (execution,) = manual.execution_ids(copy)
        assert manual.execution_status(execution) in ("cancelling", "cancelled")
        assert f"cancelled execution {execution}" in err
        # As for one run test: the reports are written first, then the copy is deleted and said.
        assert err.count(f"deleted run test {pinned['copy_run_test_name']} ({copy}), the pinned copy") == 1
    assert not any("[agent version" in name for name in run_test_names(manual))
    assert manual.execution_count(manual.seed.run_test_id) == manual.execution_count(smoke) == 0
