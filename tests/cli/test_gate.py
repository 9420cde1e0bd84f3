"""``run`` and ``report`` against a hostile server: what an answer says never chooses what is judged. In
this process; the emulator behind a proxy that rewrites its answers, or a scripted server."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from futureagi_simulate.cli import _waiting
from futureagi_simulate.testing import Emulator
from tests.cli.harness import Done, hostile, invoke, invoke_with, run_args
from tests.data import API_KEY, EXECUTION, SECRET_KEY
from tests.moving_results import RESULTS_PATH, RUN_TEST, MovingResults
from tests.server import Recorded, RecordingServer, Reply

# The poll of an execution's results.
POLL = "getSimulationRunResults"


def report_against(handler: Callable[[Recorded], Reply], *options: str) -> Done:
    """``report EXECUTION --run-test-id RUN_TEST`` against a scripted server answering with ``handler``."""
    server = RecordingServer()
    server.handler = handler
    server.start()
    try:
        return invoke_with(
            {
                **{k: v for k, v in os.environ.items() if not k.startswith(("FI_", "GITHUB_"))},
                "FI_API_KEY": API_KEY,
                "FI_SECRET_KEY": SECRET_KEY,
                "FI_BASE_URL": server.url,
            },
            "report",
            EXECUTION,
            "--run-test-id",
            RUN_TEST["id"],
            *options,
        )
    finally:
        server.stop()


def test_an_execute_answer_naming_another_run_test_does_not_choose_the_evals(
    oss: Emulator, tmp_path: Path
) -> None:
    """The execute's answer names a run test without eval configs: the asked one's failing eval fails."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    asked, other = str(oss.seed.run_test_id), str(oss.seed.incomplete_run_test_id)

    def other_run_test(value: Any) -> Any:
        if isinstance(value, dict) and "total_scenarios" in value and value.get("run_test_id") == asked:
            return {**value, "run_test_id": other}
        return value

    with hostile(oss, other_run_test) as server:
        done = invoke(oss, *run_args(oss, "--json", str(tmp_path / "r.json")), FI_BASE_URL=server.url)
    assert done.returncode == 1, done.stderr
    reasons = json.loads((tmp_path / "r.json").read_text())["reasons"]
    assert any(reason.startswith("eval 'Tone check' passed") for reason in reasons)


@pytest.mark.parametrize("only", [True, False], ids=["only A B", "all"])
def test_a_scenario_asked_for_that_the_server_did_not_run_fails(
    oss: Emulator, tmp_path: Path, only: bool
) -> None:
    """--only A B (or every scenario); the server runs and names only A: B has no call, so the verdict
    fails and says so."""
    ran, dropped = (str(s) for s in oss.seed.scenario_ids[:2])
    selection = ["--only", f"{ran},{dropped}"] if only else []

    def run_only_the_first(request: Recorded) -> Reply:
        body = request.body
        if request.method == "POST" and request.path.endswith("/execute/"):
            sent = json.loads(body)
            for key in ("scenario_ids", "scenarioIds"):
                if key in sent:
                    sent[key] = [ran]
            body = json.dumps(sent).encode()
        headers = {
            k: v for k, v in request.headers.items() if k not in ("host", "content-length", "connection")
        }
        answer = httpx.request(
            request.method, oss.url + request.path, params=dict(request.query), content=body, headers=headers
        )
        return Reply(answer.status_code, answer.content, content_type=answer.headers.get("content-type", ""))

    server = RecordingServer()
    server.handler = run_only_the_first
    server.start()
    try:
        done = invoke(
            oss,
            *run_args(oss, *selection, "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
        )
    finally:
        server.stop()
    assert done.returncode == 1, done.stderr
    reasons = json.loads((tmp_path / "r.json").read_text())["reasons"]
    assert f"scenario {dropped} was expected but has no call" in reasons


def test_report_of_an_execution_of_another_run_test_is_not_judged(oss: Emulator, tmp_path: Path) -> None:
    """report EXECUTION --run-test-id of a run test without eval configs: exit 3, no verdict, no wait."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    started = invoke(oss, "run-tests", "execute", str(oss.seed.run_test_id), "--json")
    assert started.returncode == 0, started.stderr
    execution = json.loads(started.stdout)["execution_id"]
    done = invoke(
        oss,
        "report",
        execution,
        "--run-test-id",
        str(oss.seed.incomplete_run_test_id),
        "--poll-interval",
        "0.01",
        "--json",
        str(tmp_path / "r.json"),
    )
    assert done.returncode == 3, done.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["reasons"] == [
        f"execution {execution} is not one of run test Billing (draft) ({oss.seed.incomplete_run_test_id})'s "
        "executions: it does not exist, or it was started from another run test (give the --run-test-id "
        "it was started from)"
    ]
    assert oss.request_count(POLL) == 0


def test_report_waits_again_when_the_results_say_the_execution_runs_again(tmp_path: Path) -> None:
    """The polls saw it completed, the results then say running (a rerun): report waits again and judges
    the end, exit 0, instead of failing the verdict on a run that had not finished."""
    results = MovingResults(3)
    snapshots = 0

    def answer(request: Recorded) -> Reply:
        nonlocal snapshots
        if request.path.endswith("/executions/"):
            row = {"id": EXECUTION, "status": "Completed"}
            return Reply(200, {"count": 1, "total_pages": 1, "current_page": 1, "results": [row]})
        if (
            request.path == RESULTS_PATH
            and request.query["limit"] != ["1"]
            and request.query["page"] == ["1"]
        ):
            snapshots += 1
            results.status = "running" if snapshots == 1 else "completed"
        elif request.path == RESULTS_PATH and request.query["limit"] == ["1"]:
            results.status = "completed"
        return results.answer(request)

    done = report_against(answer, "--poll-interval", "0.01")
    assert done.returncode == 0, done.stderr
    assert "is running again after it had ended (a rerun?): waiting for its end before judging" in done.stderr
    assert snapshots == 2


@pytest.mark.parametrize(
    ("options", "summary", "named"),
    [
        (["--json", "same", "--junit", "same"], None, "--json and --junit"),
        (["--junit", "same"], "same", "--junit and GITHUB_STEP_SUMMARY"),
        (["--json", "same", "--junit", "./sub/../same"], None, "--json and --junit"),
    ],
)
@pytest.mark.parametrize("command", ["report", "run", "run --dry-run"])
def test_two_reports_in_one_file_are_refused(
    oss: Emulator, tmp_path: Path, options: list[str], summary: str | None, named: str, command: str
) -> None:
    """Two reports given one file: exit 2 naming both, nothing sent, rather than a JSON file holding XML."""
    (tmp_path / "sub").mkdir()
    given = [str(tmp_path / o) if o.startswith(("same", "./")) else o for o in options]
    extra = {"GITHUB_STEP_SUMMARY": str(tmp_path / summary)} if summary else {}
    run_test = str(oss.seed.run_test_id)
    words = (
        ["report", str(uuid.uuid4()), "--run-test-id", run_test]
        if command == "report"
        else [*command.split(), run_test]
    )
    before = sum(oss.app.requests.values())
    done = invoke(oss, *words, *given, **extra)
    assert done.returncode == 2, done.stderr
    assert f"{named} name the same file" in done.stderr
    if command == "report":
        assert sum(oss.app.requests.values()) == before
    else:
        # run still reads the run test, to list every problem at once; it never executes.
        assert oss.request_count("executeRunTest") == 0
    assert not (tmp_path / "same").exists()


def test_report_with_a_min_pass_rate_name_no_eval_config_has_exits_2_before_waiting(oss: Emulator) -> None:
    """--min-pass-rate 'Tone chek=0.9': exit 2 naming the eval configs before any poll, not 1 after a wait."""
    started = invoke(oss, "run-tests", "execute", str(oss.seed.run_test_id), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    done = invoke(
        oss,
        "report",
        execution,
        "--run-test-id",
        str(oss.seed.run_test_id),
        "--min-pass-rate",
        "Tone chek=0.9",
    )
    assert done.returncode == 2, done.stderr
    assert (
        f"--min-pass-rate names 'Tone chek', no eval config of run test {oss.seed.run_test_id} "
        "(its eval configs: 'Issue resolved', 'Tone check')" in done.stderr
    )
    assert oss.request_count(POLL) == 0


def test_results_that_keep_saying_running_after_the_polls_said_completed_end_in_exit_4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Polls say completed, every results read says running: report waits between rounds and exits 4 at
    --timeout, reading the results a handful of times, not back to back."""
    results = MovingResults(3)
    snapshots = 0
    # The rounds' clock is the test's: each pause moves it on, none is slept.
    now = [0.0]
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(_waiting, "clock", lambda: now[0])
    monkeypatch.setattr(_waiting, "sleep", pause)

    def answer(request: Recorded) -> Reply:
        nonlocal snapshots
        if request.path.endswith("/executions/"):
            row = {"id": EXECUTION, "status": "Completed"}
            return Reply(200, {"count": 1, "total_pages": 1, "current_page": 1, "results": [row]})
        if request.path == RESULTS_PATH:
            polled = request.query["limit"] == ["1"]
            snapshots += 0 if polled else 1
            results.status = "completed" if polled else "running"
        return results.answer(request)

    done = report_against(
        answer, "--timeout", "2s", "--poll-interval", "0.5s", "--json", str(tmp_path / "r.json")
    )
    assert done.returncode == 4, done.stderr
    assert 2 <= snapshots <= 6
    # A pause of --poll-interval between rounds, until --timeout: four rounds in 2 s, not back to back.
    assert (snapshots, pauses) == (4, [0.5, 0.5, 0.5, 0.5])
    report = json.loads((tmp_path / "r.json").read_text())
    assert (report["exit_code"], report["status"]) == (4, "running")


def test_run_waits_again_when_the_results_say_the_execution_runs_again(oss: Emulator, tmp_path: Path) -> None:
    """run: the first results read after the end says running (a rerun): it waits again, then exits 0."""
    snapshots = 0
    forwarder = httpx.Client()

    def first_snapshot_running(request: Recorded) -> Reply:
        nonlocal snapshots
        headers = {
            k: v for k, v in request.headers.items() if k not in ("host", "content-length", "connection")
        }
        answer = forwarder.request(
            request.method,
            oss.url + request.path,
            params=dict(request.query),
            content=request.body,
            headers=headers,
        )
        body = answer.content
        if request.path == RESULTS_PATH and request.query["limit"] != ["1"] and answer.status_code == 200:
            snapshots += 1
            if snapshots == 1:
                data = answer.json()
                data["result"]["status"] = "running"
                body = json.dumps(data).encode()
        return Reply(answer.status_code, body, content_type=answer.headers.get("content-type", ""))

    server = RecordingServer()
    server.handler = first_snapshot_running
    server.start()
    try:
        done = invoke(oss, *run_args(oss, "--json", str(tmp_path / "r.json")), FI_BASE_URL=server.url)
    finally:
        server.stop()
        forwarder.close()
    assert done.returncode == 0, done.stderr
    assert "is running again after it had ended (a rerun?)" in done.stderr
    assert (snapshots, oss.execution_count(oss.seed.run_test_id)) == (2, 1)
