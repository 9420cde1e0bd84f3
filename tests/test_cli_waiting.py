"""The command's wait and the `report` command, run as the installed command against the emulator."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from futureagi_simulate.testing import Emulator, Fault
from tests.server import Recorded, RecordingServer, Reply
from tests.test_cli import COMMAND, cli, environment, run_args

# slow: each test runs the installed command.
pytestmark = pytest.mark.slow

POLL = "getSimulationRunResults"


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def started(emu: Emulator) -> str:
    """An execution of the seed's run test, started by the command's own execute."""
    done = cli(emu, "run-tests", "execute", str(emu.seed.run_test_id), "--body-casing", "snake", "--json")
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout)["execution_id"])


def report_args(emu: Emulator, execution: str, *more: str) -> list[str]:
    return ["report", execution, "--run-test-id", str(emu.seed.run_test_id), "--poll-interval", "0.01", *more]


# run's wait -------------------------------------------------------------------------------------------------


def test_run_rides_out_a_run_of_502s_on_its_polls(oss: Emulator) -> None:
    """Six 502s in a row while waiting (more than the client's retries): the run still ends on its verdict."""
    oss.inject(POLL, Fault.server_error(502), times=6)
    done = cli(oss, *run_args(oss))
    assert done.returncode == 0, done.stderr
    assert oss.request_count(POLL) >= 7


def test_run_says_in_its_log_why_the_wait_goes_on(oss: Emulator) -> None:
    """Each poll that met a 502 is a timestamped progress line naming the failure."""
    oss.inject(POLL, Fault.server_error(502), times=2)
    done = cli(oss, *run_args(oss))
    assert done.returncode == 0, done.stderr
    failed = [line for line in done.stderr.splitlines() if "waiting: a poll failed" in line]
    assert len(failed) == 2
    assert all("HTTP 502" in line and line[2] == ":" for line in failed)


def test_run_with_a_hanging_poll_exits_4_at_its_timeout(manual: Emulator) -> None:
    """A poll the server holds for 10 minutes is cut at --timeout: exit 4, not exit 3 minutes later."""
    manual.inject(POLL, Fault.delay(600), times=50)
    done = cli(manual, *run_args(manual, "--timeout", "1s"))
    assert done.returncode == 4, done.stderr
    assert "had not finished after --timeout 1 s" in done.stderr


def test_no_cancel_is_sent_for_an_execution_seen_finished(oss: Emulator) -> None:
    """SIGTERM while the results of a finished execution are read: no cancel, it stays completed."""
    reading = threading.Event()

    def forward(request: Recorded) -> Reply:
        if request.path == "/sdk/api/v1/simulation/runs/" and request.query.get("limit") != ["1"]:
            reading.set()  # the verdict's read: the command has seen the end
            return Reply(500, {"message": "held"}, delay=600)
        skip = ("host", "content-length", "connection")
        answer = httpx.request(
            request.method,
            oss.url + request.path,
            params=dict(request.query),
            content=request.body,
            headers={k: v for k, v in request.headers.items() if k not in skip},
        )
        return Reply(answer.status_code, answer.content, content_type=answer.headers.get("content-type", ""))

    proxy = RecordingServer()
    proxy.handler = forward
    proxy.start()
    try:
        process = subprocess.Popen(
            [COMMAND, *run_args(oss, "--cancel-on-interrupt")],
            env={**environment(oss), "FI_BASE_URL": proxy.url},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert reading.wait(60), process.communicate(timeout=5)
            process.send_signal(signal.SIGTERM)
            _out, err = process.communicate(timeout=60)
        finally:
            process.kill()
    finally:
        proxy.stop()
    assert process.returncode == 143, err
    (execution,) = oss.execution_ids(oss.seed.run_test_id)
    assert oss.request_count("cancelTestExecution") == 0
    assert oss.execution_status(execution) == "completed"
    assert "had already finished" in err


# report -----------------------------------------------------------------------------------------------------


def test_report_judges_an_existing_execution_and_executes_nothing(oss: Emulator, tmp_path: Path) -> None:
    """report waits for an execution another job started, writes run's reports, exits 0; no execute."""
    execution = started(oss)
    done = cli(oss, *report_args(oss, execution, "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["passed"], result["exit_code"], result["execution_id"]) == (True, 0, execution)
    assert oss.execution_count(oss.seed.run_test_id) == 1
    assert oss.request_count("executeRunTest") == 1


def test_report_fails_as_run_would(oss: Emulator, tmp_path: Path) -> None:
    """A failed call under run's --max-failed-calls default: exit 1, and the JUnit file says which."""
    oss.script(oss.seed.scenario_ids[1], call="failed")
    execution = started(oss)
    done = cli(oss, *report_args(oss, execution, "--junit", str(tmp_path / "j.xml")))
    assert done.returncode == 1, done.stderr
    assert "ended failed" in (tmp_path / "j.xml").read_text()


def test_report_resumes_a_gate_after_run_timed_out(manual: Emulator) -> None:
    """run exits 4; once the execution ends, report gates on it: exit 0, one execution in all."""
    timed_out = cli(manual, *run_args(manual, "--timeout", "0.2s"))
    assert timed_out.returncode == 4, timed_out.stderr
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert f"futureagi-simulate report {execution} --run-test-id" in timed_out.stderr
    manual.finish(execution)
    done = cli(manual, *report_args(manual, str(execution)))
    assert done.returncode == 0, done.stderr
    assert manual.execution_count(manual.seed.run_test_id) == 1


def test_report_past_its_timeout_exits_4_and_cancels_nothing(manual: Emulator, tmp_path: Path) -> None:
    """An execution still running at --timeout: exit 4, it goes on, no cancel, and how to resume."""
    execution = started(manual)
    done = cli(
        manual, *report_args(manual, execution, "--timeout", "0.2s", "--json", str(tmp_path / "r.json"))
    )
    assert done.returncode == 4, done.stderr
    assert manual.request_count("cancelTestExecution") == 0
    assert manual.execution_status(execution) == "pending"
    assert f"futureagi-simulate report {execution} --run-test-id" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 4


def test_report_of_an_unknown_execution_exits_3(oss: Emulator) -> None:
    """An execution the server does not have: exit 3 at once."""
    done = cli(oss, *report_args(oss, "00000000-0000-4000-8000-000000000000"))
    assert done.returncode == 3, done.stderr


def test_report_needs_the_run_test(oss: Emulator) -> None:
    """Without --run-test-id: exit 2, nothing sent."""
    done = cli(oss, "report", "00000000-0000-4000-8000-000000000000")
    assert done.returncode == 2
    assert "--run-test-id" in done.stderr
    assert oss.request_count(POLL) == 0


def test_report_refuses_an_option_out_of_range_before_any_request(oss: Emulator) -> None:
    """report --poll-interval 200h: exit 2 naming the option, and no request reaches the server."""
    done = cli(oss, *report_args(oss, "00000000-0000-4000-8000-000000000000", "--poll-interval", "200h"))
    assert done.returncode == 2, done.stderr
    assert "--poll-interval" in done.stderr
    assert oss.request_count(POLL) == 0


def test_report_has_runs_judging_options_and_none_that_start_or_stop() -> None:
    """report --help lists run's thresholds and report options, not its selection, dry run or cancel."""
    done = subprocess.run([COMMAND, "report", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    options = done.stdout.split("exit codes:")[0]
    for option in (
        "--min-pass-rate",
        "--max-failed-calls",
        "--junit",
        "--json",
        "--timeout",
        "--poll-interval",
    ):
        assert option in options
    for option in ("--only", "--all-except", "--dry-run", "--cancel-on-interrupt"):
        assert option not in options


def test_report_progress_comes_from_the_polls_and_the_wait_reads_no_rows(oss: Emulator) -> None:
    """report's timestamped progress lines come from the one-row polls; no page of call rows is read."""
    execution = started(oss)
    done = cli(oss, *report_args(oss, execution))
    assert done.returncode == 0, done.stderr
    assert any("calls done" in line and line[2] == ":" for line in done.stderr.splitlines())
    assert oss.request_count("getTestExecution") == 0
