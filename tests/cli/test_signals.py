"""CI's cancellation meets the installed command: real processes, signals sent by the test.

GitHub's runner cancels a step by signalling the step's shell: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s
after that. No test here waits for a time to pass: each waits for a line the command prints (or for a
request the command sends), then signals, so each signal lands in the phase it is meant for.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import xunitparser
import yaml

from futureagi_simulate.testing import Emulator
from tests.cli.harness import COMMAND, environment, run_args
from tests.server import Recorded, RecordingServer, Reply

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BIN = str(Path(sys.executable).parent)
# Generous bounds on a process that should end by itself: they catch a hang, they time nothing.
ENDS_WITHIN = 60.0
#: The emulator's seeded run test plays these three scenarios.
SEEDED_SCENARIOS = ("Angry customer", "Refund request", "Wrong number")


class Running:
    """A command started by the test, its stderr read line by line as it comes."""

    def __init__(
        self, argv: list[str], *, env: dict[str, str], cwd: Path | None = None, **popen: Any
    ) -> None:
        self.process = subprocess.Popen(
            argv,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # Its own process group: a test that fails leaves no command behind (see finish).
            start_new_session=True,
            **popen,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, text: str) -> str:
        """The first line (from here on) holding ``text``; fails if the command ends first."""
        while True:
            line = self._queue.get(timeout=ENDS_WITHIN)
            if line is None:
                pytest.fail(f"the command ended before saying {text!r}:\n{''.join(self.lines)}")
            self.lines.append(line)
            if text in line:
                return line

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def finish(self) -> tuple[int, str]:
        """The exit code and all of stderr, once the command has ended by itself."""
        try:
            code = self.process.wait(timeout=ENDS_WITHIN)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        while (line := self._queue.get(timeout=ENDS_WITHIN)) is not None:
            self.lines.append(line)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return code, "".join(self.lines)


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


@contextlib.contextmanager
def holding(
    emu: Emulator, held: Callable[[Recorded], bool]
) -> Iterator[tuple[str, threading.Event, threading.Event]]:
    """A server in front of the emulator that holds the requests ``held`` picks until the test releases
    them. Yields its URL, an event set when a held request has arrived, and the event that releases it."""
    arrived, release = threading.Event(), threading.Event()

    def forward(request: Recorded) -> Reply:
        if held(request):
            arrived.set()
            release.wait(ENDS_WITHIN)
        skip = ("host", "content-length", "connection")
        try:
            answer = httpx.request(
                request.method,
                emu.url + request.path,
                params=dict(request.query),
                content=request.body,
                headers={k: v for k, v in request.headers.items() if k not in skip},
            )
        except httpx.HTTPError as error:  # released after the test: nobody waits for this answer
            return Reply(502, {"message": str(error)})
        return Reply(answer.status_code, answer.content, content_type=answer.headers.get("content-type", ""))

    server = RecordingServer()
    server.handler = forward
    server.start()
    try:
        yield server.url, arrived, release
    finally:
        release.set()
        server.stop()


def reports(tmp_path: Path) -> list[str]:
    """The --json and --junit options, into ``tmp_path``."""
    return ["--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")]


def assert_reports_hold(tmp_path: Path, summary: Path, code: int) -> dict[str, Any]:
    """The three reports are there, complete, and hold ``code``; returns the JSON result."""
    result: dict[str, Any] = json.loads((tmp_path / "r.json").read_text())
    assert result["exit_code"] == code
    with (tmp_path / "j.xml").open() as junit:
        _suite, report = xunitparser.parse(junit)
    assert report.testsRun >= 1
    text = summary.read_text()
    assert text.count("## futureagi-simulate: ") == 1
    assert text.endswith("\n")
    if code != 0:
        assert f"exit {code}" in text or "FAILED" in text
    return result


def readme_workflow() -> dict[Any, Any]:
    """The GitHub Actions workflow README gives by hand (its one YAML block with `runs-on:` that runs the
    command; the other uses the action, tests/cli/test_action.py)."""
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    (block,) = [block for block in blocks if "runs-on:" in block and "futureagi-simulate run" in block]
    workflow: dict[Any, Any] = yaml.safe_load(block)
    return workflow


def workflow_files() -> list[Path]:
    # examples/github-action.yml uses the action instead (tests/cli/test_action.py).
    return sorted(p for p in (ROOT / "examples").glob("*.yml") if "futureagi-simulate run" in p.read_text())


def simulate_step(workflow: dict[Any, Any]) -> dict[str, Any]:
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    found: list[dict[str, Any]] = [step for step in steps if "futureagi-simulate run" in step.get("run", "")]
    (step,) = found
    return step


def all_workflows() -> list[tuple[str, dict[Any, Any]]]:
    examples: list[tuple[str, dict[Any, Any]]] = [
        (path.name, yaml.safe_load(path.read_text())) for path in workflow_files()
    ]
    return [("README.md", readme_workflow()), *examples]


def test_every_workflow_given_starts_the_command_with_exec() -> None:
    """README's and each example's workflow: an `on:` trigger, `exec`, ids through env:, no ${{ }} in run."""
    workflows = all_workflows()
    assert len(workflows) >= 2
    assert workflows[1][1] == workflows[0][1], "examples/github-actions.yml is README's workflow"
    for where, workflow in workflows:
        # PyYAML reads the key `on` as the boolean True (YAML 1.1).
        assert "on" in workflow or True in workflow, where
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), (where, step)
        step = simulate_step(workflow)
        assert step["run"].lstrip().startswith("exec futureagi-simulate run "), where
        assert '"$FI_RUN_TEST_ID"' in step["run"], where
        assert "FI_RUN_TEST_ID" in step["env"], where


def github_shell(step: dict[str, Any], emu: Emulator, tmp_path: Path, **extra: str) -> Running:
    """Runs the step's script as GitHub's runner does on Linux (`bash -e {0}`), with the step's env:
    each `${{ secrets.X }}` and `${{ vars.X }}` filled from the emulator."""
    script = tmp_path / "step.sh"
    script.write_text(step["run"])
    values = {
        "FI_API_KEY": emu.api_key,
        "FI_SECRET_KEY": emu.secret_key,
        "FI_RUN_TEST_ID": str(emu.seed.run_test_id),
    }
    env = environment(emu)
    for name, value in step["env"].items():
        env[name] = values[name] if "${{" in str(value) else str(value)
    env["PATH"] = BIN + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return Running(["bash", "-e", str(script)], env=env, cwd=tmp_path)


@pytest.mark.parametrize("source", ["README.md", "example"])
def test_githubs_sigint_reaches_the_command_through_the_workflows_shell(
    manual: Emulator, tmp_path: Path, source: str
) -> None:
    """SIGINT to the step's shell: the exec'd command cancels the execution, writes its reports, exits 130."""
    workflow = readme_workflow() if source == "README.md" else yaml.safe_load(workflow_files()[0].read_text())
    summary = tmp_path / "summary.md"
    running = github_shell(
        simulate_step(workflow), manual, tmp_path, GITHUB_STEP_SUMMARY=str(summary), FI_BASE_URL=manual.url
    )
    running.wait_for("started execution")
    running.signal(signal.SIGINT)
    code, err = running.finish()
    assert code == 130, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    result = json.loads((tmp_path / "simulate.json").read_text())
    assert (result["exit_code"], result["status"]) == (130, "interrupted")
    assert "FAILED (exit 130)" in summary.read_text()


def test_githubs_whole_cancellation_sequence_through_readmes_shell(manual: Emulator, tmp_path: Path) -> None:
    """README's step, SIGINT, then SIGTERM with the cancel unanswered: it ends by itself, reports whole."""
    summary = tmp_path / "summary.md"
    with holding(manual, lambda r: r.path.endswith("/cancel/")) as (url, arrived, _release):
        running = github_shell(
            simulate_step(readme_workflow()),
            manual,
            tmp_path,
            GITHUB_STEP_SUMMARY=str(summary),
            FI_BASE_URL=url,
        )
        running.wait_for("started execution")
        running.signal(signal.SIGINT)
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGTERM)
        # GitHub would SIGKILL 2.5 s later: the command must end by itself, without it.
        code, err = running.finish()
    assert code == 130, err
    result = json.loads((tmp_path / "simulate.json").read_text())
    assert (result["exit_code"], result["status"]) == (130, "interrupted")
    assert "its cancel was stopped by SIGTERM" in result["reasons"][0]
    (case,) = junit_cases(tmp_path / "simulate.xml")
    assert case.result == "error"
    assert "FAILED (exit 130)" in summary.read_text()


def test_sigterm_while_the_cancel_is_out_stops_it_and_still_writes_the_reports(
    manual: Emulator, tmp_path: Path
) -> None:
    """GitHub's SIGTERM after its SIGINT, the cancel unanswered: reports whole, exit 130, how to cancel."""
    summary = tmp_path / "summary.md"
    with holding(manual, lambda r: r.path.endswith("/cancel/")) as (url, arrived, _release):
        running = Running(
            [COMMAND, *run_args(manual, "--cancel-on-interrupt", *reports(tmp_path))],
            env=environment(manual, FI_BASE_URL=url, GITHUB_STEP_SUMMARY=str(summary)),
        )
        running.wait_for("started execution")
        running.signal(signal.SIGINT)
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGTERM)
        code, err = running.finish()
    assert code == 130, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert f"cancel it with: futureagi-simulate executions cancel {execution}" in err
    result = assert_reports_hold(tmp_path, summary, 130)
    assert "its cancel was stopped by SIGTERM" in result["reasons"][0]


def test_a_signal_while_the_execute_is_in_flight_cancels_the_execution_it_started(
    manual: Emulator, tmp_path: Path
) -> None:
    """SIGINT before the execute's answer: the command waits for it, then cancels that execution."""
    summary = tmp_path / "summary.md"
    with holding(manual, lambda r: r.path.endswith("/execute/")) as (url, arrived, release):
        running = Running(
            [
                COMMAND,
                *run_args(manual, "--cancel-on-interrupt", "--body-casing", "snake", *reports(tmp_path)),
            ],
            env=environment(manual, FI_BASE_URL=url, GITHUB_STEP_SUMMARY=str(summary)),
        )
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGINT)
        running.wait_for("SIGINT received while the execute is in flight")
        release.set()
        code, err = running.finish()
    assert code == 130, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    assert f"cancelled execution {execution}" in err
    result = assert_reports_hold(tmp_path, summary, 130)
    assert result["execution_id"] == str(execution)


def test_without_cancel_a_signal_during_the_execute_names_the_execution_to_cancel(
    manual: Emulator, tmp_path: Path
) -> None:
    """No --cancel-on-interrupt: the command waits for the execute's answer and says how to cancel it."""
    with holding(manual, lambda r: r.path.endswith("/execute/")) as (url, arrived, release):
        running = Running(
            [COMMAND, *run_args(manual, "--body-casing", "snake", *reports(tmp_path))],
            env=environment(manual, FI_BASE_URL=url),
        )
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGTERM)
        running.wait_for("SIGTERM received while the execute is in flight")
        release.set()
        code, err = running.finish()
    assert code == 143, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) == "pending"
    assert f"cancel it with: futureagi-simulate executions cancel {execution}" in err
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["exit_code"], result["status"], result["execution_id"]) == (
        143,
        "terminated",
        str(execution),
    )


def test_a_second_signal_during_the_execute_says_how_to_find_the_execution(
    manual: Emulator, tmp_path: Path
) -> None:
    """SIGINT, then SIGTERM, the execute unanswered: exit 130, and the command names how to look for it."""
    summary = tmp_path / "summary.md"
    with holding(manual, lambda r: r.path.endswith("/execute/")) as (url, arrived, _release):
        running = Running(
            [
                COMMAND,
                *run_args(manual, "--cancel-on-interrupt", "--body-casing", "snake", *reports(tmp_path)),
            ],
            env=environment(manual, FI_BASE_URL=url, GITHUB_STEP_SUMMARY=str(summary)),
        )
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGINT)
        running.wait_for("SIGINT received while the execute is in flight")
        running.signal(signal.SIGTERM)
        code, err = running.finish()
    assert code == 130, err
    hint = f"futureagi-simulate run-tests executions {manual.seed.run_test_id} --started-after"
    assert hint in err
    result = assert_reports_hold(tmp_path, summary, 130)
    assert result["execution_id"] is None
    assert "outcome is unknown" in result["reasons"][0]


def test_sighup_writes_the_reports_and_exits_129(manual: Emulator, tmp_path: Path) -> None:
    """A hang-up while waiting: the execution is cancelled, the reports say so, exit 129."""
    summary = tmp_path / "summary.md"
    running = Running(
        [COMMAND, *run_args(manual, "--cancel-on-interrupt", *reports(tmp_path))],
        env=environment(manual, GITHUB_STEP_SUMMARY=str(summary)),
    )
    running.wait_for("started execution")
    running.signal(signal.SIGHUP)
    code, err = running.finish()
    assert code == 129, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    result = assert_reports_hold(tmp_path, summary, 129)
    assert result["status"] == "hung up"
    (case,) = junit_cases(tmp_path / "j.xml")
    assert case.result == "error"


def junit_cases(path: Path) -> list[Any]:
    with path.open() as junit:
        suite, _report = xunitparser.parse(junit)
    return list(suite)


def test_a_signal_ignored_by_the_parent_shell_still_reaches_the_command(
    manual: Emulator, tmp_path: Path
) -> None:
    """Started with SIGINT ignored (a shell's background job): SIGINT still cancels and exits 130."""
    running = Running(
        [COMMAND, *run_args(manual, "--cancel-on-interrupt", *reports(tmp_path))],
        env=environment(manual),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    running.wait_for("started execution")
    running.signal(signal.SIGINT)
    code, err = running.finish()
    assert code == 130, err
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 130


def test_a_signal_while_the_reports_are_written_changes_nothing(oss: Emulator, tmp_path: Path) -> None:
    """SIGTERM while the step summary waits for its reader: every report is written whole, exit 0."""
    summary = tmp_path / "summary.md"
    os.mkfifo(summary)
    running = Running(
        [COMMAND, *run_args(oss, *reports(tmp_path))], env=environment(oss, GITHUB_STEP_SUMMARY=str(summary))
    )
    # The JUnit file appears (renamed into place, whole) just before the summary is opened, which waits
    # for a reader: from here on the command is writing its reports.
    deadline = time.monotonic() + ENDS_WITHIN
    while not (tmp_path / "j.xml").exists():
        assert running.process.poll() is None, running.finish()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    running.signal(signal.SIGTERM)
    running.wait_for("SIGTERM received: the reports are written first")
    with summary.open() as reader:
        text = reader.read()
    code, err = running.finish()
    assert code == 0, err
    assert text.startswith("## futureagi-simulate: PASSED")
    # Whole: every scenario's row, and the table closed (the rows come in the results' order).
    rows = [line for line in text.splitlines() if line.endswith("| passed |  |")]
    assert sorted(rows) == [f"| {name} | passed |  |" for name in SEEDED_SCENARIOS]
    assert text.endswith("| passed |  |\n\n")
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["exit_code"], result["passed"]) == (0, True)
    assert len(junit_cases(tmp_path / "j.xml")) == 4


FULL_DISK = """
import errno, os, sys
real_write = os.write
def write(fd, data):
    if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".j.xml."):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_write(fd, data)
os.write = write
from futureagi_simulate.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_for_one_report_loses_none_of_the_others(oss: Emulator, tmp_path: Path) -> None:
    """The JUnit file hits ENOSPC: no JUnit file (not even last run's), the JSON and summary whole, exit 0."""
    summary = tmp_path / "summary.md"
    (tmp_path / "j.xml").write_text("<testsuites>last run's</testsuites>")
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, *run_args(oss, *reports(tmp_path))],
        env=environment(oss, GITHUB_STEP_SUMMARY=str(summary)),
        capture_output=True,
        text=True,
        timeout=ENDS_WITHIN,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "warning: could not write --junit: OSError: [Errno 28] No space left on device" in done.stderr
    assert not (tmp_path / "j.xml").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 0
    assert "## futureagi-simulate: PASSED" in summary.read_text()


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_cancels_with_cancel_on_interrupt(manual: Emulator, signum: int, code: int) -> None:
    """SIGTERM or SIGINT while waiting: the execution is cancelled, and the exit code says which signal."""
    process = subprocess.Popen(
        [COMMAND, *run_args(manual, "--cancel-on-interrupt", "--poll-interval", "0.05")],
        env=environment(manual),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while (
            manual.execution_count(manual.seed.run_test_id) == 0
            or manual.request_count("getSimulationRunResults") == 0
        ):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        process.send_signal(signum)
        _out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == code, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    assert f"cancelled execution {execution}" in err


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
