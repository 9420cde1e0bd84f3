"""``report``: it judges an execution that exists, as ``run`` would, and never executes or cancels; in
this process against the emulator."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import invoke, run_args

POLL = "getSimulationRunResults"


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def started(emu: Emulator) -> str:
    """An execution of the seed's run test, started by the command's own execute."""
    done = invoke(emu, "run-tests", "execute", str(emu.seed.run_test_id), "--body-casing", "snake", "--json")
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["execution_id"])


def report_args(emu: Emulator, execution: str, *more: str) -> list[str]:
    return ["report", execution, "--run-test-id", str(emu.seed.run_test_id), "--poll-interval", "0.01", *more]


def test_report_judges_an_existing_execution_and_executes_nothing(oss: Emulator, tmp_path: Path) -> None:
    """report waits for an execution another job started, writes run's reports, exits 0; no execute."""
    execution = started(oss)
    done = invoke(oss, *report_args(oss, execution, "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["passed"], result["exit_code"], result["execution_id"]) == (True, 0, execution)
    assert oss.execution_count(oss.seed.run_test_id) == 1
    assert oss.request_count("executeRunTest") == 1


def test_report_fails_as_run_would(oss: Emulator, tmp_path: Path) -> None:
    """A failed call under run's --max-failed-calls default: exit 1, and the JUnit file says which."""
    oss.script(oss.seed.scenario_ids[1], call="failed")
    execution = started(oss)
    done = invoke(oss, *report_args(oss, execution, "--junit", str(tmp_path / "j.xml")))
    assert done.returncode == 1, done.stderr
    assert "ended failed" in (tmp_path / "j.xml").read_text()


def test_report_resumes_a_gate_after_run_timed_out(manual: Emulator) -> None:
    """run exits 4; once the execution ends, report gates on it: exit 0, one execution in all."""
    timed_out = invoke(manual, *run_args(manual, "--timeout", "0.2s"))
    assert timed_out.returncode == 4, timed_out.stderr
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert f"futureagi-simulate report {execution} --run-test-id" in timed_out.stderr
    manual.finish(execution)
    done = invoke(manual, *report_args(manual, str(execution)))
    assert done.returncode == 0, done.stderr
    assert manual.execution_count(manual.seed.run_test_id) == 1


def test_report_past_its_timeout_exits_4_and_cancels_nothing(manual: Emulator, tmp_path: Path) -> None:
    """An execution still running at --timeout: exit 4, it goes on, no cancel, and how to resume."""
    execution = started(manual)
    done = invoke(
        manual, *report_args(manual, execution, "--timeout", "0.2s", "--json", str(tmp_path / "r.json"))
    )
    assert done.returncode == 4, done.stderr
    assert manual.request_count("cancelTestExecution") == 0
    assert manual.execution_status(execution) == "pending"
    assert f"futureagi-simulate report {execution} --run-test-id" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 4


def test_report_past_its_timeout_advises_the_command_not_the_python_method(
    manual: Emulator, tmp_path: Path
) -> None:
    """The JSON's reason for a timeout says which command cancels the execution, not executions.cancel()."""
    execution = started(manual)
    invoke(manual, *report_args(manual, execution, "--timeout", "0.2s", "--json", str(tmp_path / "r.json")))
    (reason,) = json.loads((tmp_path / "r.json").read_text())["reasons"]
    assert reason.endswith(f"It goes on; cancel it with: futureagi-simulate executions cancel {execution}")
    assert "executions.cancel()" not in reason


def test_report_of_an_unknown_execution_exits_3(oss: Emulator) -> None:
    """An execution the server does not have: exit 3 at once."""
    done = invoke(oss, *report_args(oss, "00000000-0000-4000-8000-000000000000"))
    assert done.returncode == 3, done.stderr


def test_report_needs_the_run_test(oss: Emulator) -> None:
    """Without --run-test-id: exit 2, nothing sent."""
    done = invoke(oss, "report", "00000000-0000-4000-8000-000000000000")
    assert done.returncode == 2
    assert "--run-test-id" in done.stderr
    assert oss.request_count(POLL) == 0


def test_report_refuses_an_option_out_of_range_before_any_request(oss: Emulator) -> None:
    """report --poll-interval 200h: exit 2 naming the option, and no request reaches the server."""
    done = invoke(oss, *report_args(oss, "00000000-0000-4000-8000-000000000000", "--poll-interval", "200h"))
    assert done.returncode == 2, done.stderr
    assert "--poll-interval" in done.stderr
    assert oss.request_count(POLL) == 0


def test_report_progress_comes_from_the_polls_and_the_wait_reads_no_rows(oss: Emulator) -> None:
    """report's timestamped progress lines come from the one-row polls; the call rows are read once, for
    the cost, after the verdict."""
    execution = started(oss)
    done = invoke(oss, *report_args(oss, execution))
    assert done.returncode == 0, done.stderr
    assert any("calls done" in line and line[2] == ":" for line in done.stderr.splitlines())
    assert oss.request_count("getTestExecution") == 1
