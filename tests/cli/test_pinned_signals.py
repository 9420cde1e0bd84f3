"""A pinned run (``run --agent-version``) meets CI's cancellation: the installed command in a process of
its own, signals sent by the test once the command says (or the emulator sees) it is in the phase meant.
The copy is deleted on the way out, or one line names the run test left and why."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from futureagi_simulate import SimulateClient
from futureagi_simulate.testing import Dialect, Emulator
from tests.cli.harness import COMMAND, environment, run_args
from tests.cli.test_signals import ENDS_WITHIN, Running, holding

pytestmark = pytest.mark.slow


@pytest.fixture(params=["oss", "docs"])
def manual(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    dialect: Dialect = request.param
    with Emulator(dialect=dialect, advance="manual") as emu:
        yield emu


def names(emu: Emulator) -> list[str]:
    with SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url) as client:
        return [run.name for run in client.run_tests.iter()]


def pinned_copies(emu: Emulator) -> list[str]:
    return [name for name in names(emu) if "[agent version" in name]


def interrupted_mid_wait(emu: Emulator, tmp_path: Path) -> tuple[int, str, dict[str, Any]]:
    """``run --agent-version v2 --cancel-on-interrupt`` signalled with SIGINT once its execution started:
    the exit code, stderr and the JSON result."""
    argv = [
        COMMAND,
        *run_args(emu, "--agent-version", str(emu.seed.agent_version_ids[1]), "--cancel-on-interrupt"),
        "--json",
        str(tmp_path / "r.json"),
    ]
    running = Running(argv, env=environment(emu))
    running.wait_for("started execution")
    running.signal(signal.SIGINT)
    code, err = running.finish()
    result: dict[str, Any] = json.loads((tmp_path / "r.json").read_text())
    return code, err, result


def test_sigint_while_waiting_cancels_then_deletes_the_copy(tmp_path: Path) -> None:
    """oss: SIGINT mid-wait: exit 130, reports written, then the copy deleted."""
    with Emulator(dialect="oss", advance="manual") as emu:
        code, err, result = interrupted_mid_wait(emu, tmp_path)
        assert code == 130, err
        assert result["status"] == "interrupted"
        copy = result["pinned"]["copy_run_test_id"]
        assert emu.execution_count(copy) == 1
        assert emu.execution_count(emu.seed.run_test_id) == 0
        assert f"deleted run test {result['pinned']['copy_run_test_name']} ({copy})" in err
        assert pinned_copies(emu) == []
        # On a signal the reports come first (CI's SIGKILL may follow), the delete after them.
        assert result["pinned"]["copy_deleted"] is None


def test_a_copy_the_server_will_not_delete_yet_is_named_in_one_line(tmp_path: Path) -> None:
    """docs: the hosted API refuses to delete a run test whose execution has not ended: exit 130, and
    one line names the copy left, the server's reason and how to delete it."""
    with Emulator(dialect="docs", advance="manual") as emu:
        code, err, result = interrupted_mid_wait(emu, tmp_path)
        assert code == 130, err
        copy = result["pinned"]["copy_run_test_id"]
        (left,) = [line for line in err.splitlines() if "was left" in line]
        assert f"run test {copy} was left: deleting it failed:" in left
        assert f"delete it with: futureagi-simulate run-tests delete {copy}" in left
        assert len(pinned_copies(emu)) == 1


def test_sigint_during_the_copys_create_deletes_it_and_executes_nothing(
    manual: Emulator, tmp_path: Path
) -> None:
    """SIGINT while the create is out: held until its answer names the copy, which is then deleted."""
    with holding(manual, lambda r: r.method == "POST" and r.path.endswith("/run-tests/create/")) as (
        url,
        arrived,
        release,
    ):
        argv = [COMMAND, *run_args(manual, "--agent-version", str(manual.seed.agent_version_ids[1]))]
        running = Running(argv, env=environment(manual, FI_BASE_URL=url))
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGINT)
        release.set()
        code, err = running.finish()
    assert code == 130, err
    assert manual.request_count("executeRunTest") == 0
    assert "deleted run test" in err
    assert pinned_copies(manual) == []


def test_sigint_during_the_delete_names_the_run_test_left(manual: Emulator, tmp_path: Path) -> None:
    """A second signal while the copy's delete is out: exit 130, and one line names the copy left."""
    with holding(manual, lambda r: r.method == "DELETE") as (url, arrived, release):
        argv = [COMMAND, *run_args(manual, "--agent-version", str(manual.seed.agent_version_ids[1]))]
        running = Running(argv, env=environment(manual, FI_BASE_URL=url))
        running.wait_for("started execution")
        running.signal(signal.SIGINT)
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGTERM)
        code, err = running.finish()
        release.set()
    assert code == 130, err
    (left,) = [line for line in err.splitlines() if "was left" in line]
    assert "SIGTERM stopped its delete" in left
    assert "futureagi-simulate run-tests delete" in left
