"""The installed `futureagi-simulate` command, run as a subprocess against the emulator."""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import xunitparser

from futureagi_simulate.cli import _reports
from futureagi_simulate.testing import Emulator, Fault, ScriptedEval
from tests.server import Recorded, RecordingServer, Reply

# slow: each test runs the installed command or another interpreter.
pytestmark = pytest.mark.slow

COMMAND = str(Path(sys.executable).parent / "futureagi-simulate")


def environment(emu: Emulator, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("FI_", "GITHUB_"))}
    return {
        **base,
        "FI_API_KEY": emu.api_key,
        "FI_SECRET_KEY": emu.secret_key,
        "FI_BASE_URL": emu.url,
        "CI": "true",
        **extra,
    }


def cli(emu: Emulator, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, *args],
        env=environment(emu, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def run_args(emu: Emulator, *more: str) -> list[str]:
    return ["run", str(emu.seed.run_test_id), "--poll-interval", "0.01", *more]


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def test_a_passing_run_exits_0_and_writes_its_reports(oss: Emulator, tmp_path: Path) -> None:
    """Every scenario passes: exit 0, a JSON result, a JUnit file and a step summary that agree."""
    summary = tmp_path / "summary.md"
    done = cli(
        oss,
        *run_args(oss, "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["passed"], result["exit_code"], result["status"]) == (True, 0, "completed")
    assert result["run_test_id"] == str(oss.seed.run_test_id)
    uuid.UUID(result["execution_id"])
    with (tmp_path / "j.xml").open() as junit:
        _suite, report = xunitparser.parse(junit)
    # Three scenarios and the `verdict` case, which every file has.
    assert (report.testsRun, len(report.failures), len(report.errors)) == (4, 0, 0)
    assert "## futureagi-simulate: PASSED" in summary.read_text()
    assert "Verdict: PASSED" in done.stderr


def test_progress_lines_are_timestamped_in_ci(oss: Emulator) -> None:
    """With CI set, progress is plain lines starting with HH:MM:SS, on stderr; stdout stays empty."""
    done = cli(oss, *run_args(oss))
    lines = [line for line in done.stderr.splitlines() if "calls done" in line]
    assert lines
    assert all(line[2] == ":" and line[5] == ":" and line[:8].replace(":", "").isdigit() for line in lines)
    assert done.stdout == ""


def test_a_failing_scenario_exits_1_and_junit_says_which(oss: Emulator, tmp_path: Path) -> None:
    """A scripted failing call: exit 1, and its JUnit case fails with the reason and eval outputs."""
    failing = oss.seed.scenario_ids[1]
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    oss.script(failing, call="failed")
    done = cli(oss, *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--min-pass-rate", "Tone check=0.4"))
    assert done.returncode == 1, done.stderr
    with (tmp_path / "j.xml").open() as junit:
        suite, _report = xunitparser.parse(junit)
    cases = {case.methodname: case for case in suite}
    assert len(cases) == 4
    assert not cases.pop("verdict").good
    failed = [case for case in cases.values() if not case.good]
    assert len(failed) == 1
    assert "ended failed" in failed[0].message
    assert "Verdict: FAILED" in done.stderr


def test_the_verdict_case_fails_when_no_scenario_does(oss: Emulator, tmp_path: Path) -> None:
    """A threshold on an eval that gave no pass/fail output fails the verdict; the JUnit file is not green."""
    for scenario in oss.seed.scenario_ids:
        oss.script(scenario, evals={"Tone check": 0.5})
    done = cli(oss, *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--min-pass-rate", "Tone check=0.9"))
    assert done.returncode == 1
    with (tmp_path / "j.xml").open() as junit:
        suite, _report = xunitparser.parse(junit)
    assert [case.methodname for case in suite if not case.good] == ["verdict"]
    assert "Tone check" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["run", "not-a-uuid"],
        ["run", "{run}", "--timeout", "soon"],
        ["run", "{run}", "--timeout", "0"],
        ["run", "{run}", "--min-pass-rate", "Tone check=90"],
        ["run", "{run}", "--min-pass-rate", "0.9"],
        ["run", "{run}", "--only", "{s0}", "--all-except", "{s1}"],
        ["run", "{run}", "--only", "nope"],
        ["run", "{run}", "--max-failed-calls", "-1"],
        ["run", "{run}", "--frobnicate"],
        ["executions", "get", "123"],
    ],
)
def test_bad_arguments_exit_2_and_send_nothing(oss: Emulator, args: list[str]) -> None:
    """A bad id, option or value is caught before any request."""
    values = {
        "run": str(oss.seed.run_test_id),
        "s0": str(oss.seed.scenario_ids[0]),
        "s1": str(oss.seed.scenario_ids[1]),
    }
    done = cli(oss, *(arg.format(**values) for arg in args))
    assert done.returncode == 2, done.stderr
    assert sum(oss.app.requests.values()) == 0


def test_missing_credentials_exit_2_naming_the_variables(oss: Emulator) -> None:
    """No key pair in the environment: exit 2 naming the variables and the options, before any request."""
    done = cli(oss, *run_args(oss), FI_API_KEY="", FI_SECRET_KEY="")
    assert done.returncode == 2
    assert "Set FI_API_KEY and FI_SECRET_KEY (or --api-key and --secret-key)" in done.stderr
    assert sum(oss.app.requests.values()) == 0


def test_a_401_exits_3_and_shows_no_secret(oss: Emulator) -> None:
    """Wrong keys: the API refuses, exit 3, and neither key appears anywhere."""
    done = cli(oss, *run_args(oss), FI_API_KEY="wrong-key-0123", FI_SECRET_KEY="wrong-secret-4567")
    assert done.returncode == 3, done.stderr
    assert "401" in done.stderr
    for secret in ("wrong-secret-4567", oss.secret_key):
        assert secret not in done.stderr + done.stdout
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_an_unknown_run_test_exits_3(oss: Emulator) -> None:
    """A 404 on execute is the API refusing: exit 3."""
    done = cli(oss, "run", str(uuid.uuid4()))
    assert done.returncode == 3, done.stderr


def test_a_timeout_exits_4_and_cancels_when_asked(manual: Emulator, tmp_path: Path) -> None:
    """A held execution outlasts --timeout: exit 4, the execution is cancelled and the JSON says so."""
    done = cli(
        manual,
        *run_args(manual, "--timeout", "0.3s", "--cancel-on-interrupt", "--json", str(tmp_path / "r.json")),
    )
    assert done.returncode == 4, done.stderr
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    assert f"cancelled execution {execution}" in done.stderr
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["passed"], result["exit_code"], result["execution_id"]) == (False, 4, str(execution))


def test_a_warning_is_one_line_of_ours(oss: Emulator) -> None:
    """Plain http:// to a host that is not this machine: one warning line, no Python source line."""
    done = cli(oss, "run-tests", "list", FI_BASE_URL="http://example.invalid:9")
    warned = [line for line in done.stderr.splitlines() if "warning:" in line]
    assert len(warned) == 1
    assert warned[0].startswith("futureagi-simulate: warning: ")
    assert "return SimulateClient(" not in done.stderr


def test_a_timeout_without_cancel_leaves_it_running(manual: Emulator) -> None:
    """Without --cancel-on-interrupt the execution goes on, and the command says how to cancel it."""
    done = cli(manual, *run_args(manual, "--timeout", "0.2s"))
    assert done.returncode == 4
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) == "pending"
    assert f"futureagi-simulate executions cancel {execution}" in done.stderr


@pytest.mark.parametrize("fault", [Fault.drop(), Fault.server_error(502)], ids=["dropped", "502"])
def test_an_execute_of_unknown_outcome_exits_5_and_is_not_resent(oss: Emulator, fault: Fault) -> None:
    """A dropped connection or a 5xx on execute: exit 5, one execute, and how to check."""
    oss.inject("executeRunTest", fault)
    done = cli(oss, *run_args(oss, "--body-casing", "snake"))
    assert done.returncode == 5, done.stderr
    assert oss.request_count("executeRunTest") == 1
    assert f"futureagi-simulate run-tests executions {oss.seed.run_test_id} --started-after" in done.stderr


def test_dry_run_lists_the_rest_and_sends_no_execute(oss: Emulator) -> None:
    """--dry-run resolves --all-except from the scenario list, prints it, exits 0, executes nothing."""
    left_out = oss.seed.scenario_ids[0]
    done = cli(oss, *run_args(oss, "--all-except", str(left_out), "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert "2 of the run test's 3 scenarios would run" in done.stdout
    assert str(left_out) not in done.stdout
    assert oss.request_count("executeRunTest") == 0


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


def test_query_commands_print_json_on_stdout(oss: Emulator) -> None:
    """run-tests get/execute and executions get/results/cancel answer JSON on stdout."""
    run_test = str(oss.seed.run_test_id)
    got = cli(oss, "run-tests", "get", run_test, "--json")
    assert json.loads(got.stdout)["id"] == run_test
    listed = cli(oss, "run-tests", "list", "--limit", "2", "--json")
    assert len(json.loads(listed.stdout)) == 2
    started = cli(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    waited = cli(oss, "executions", "wait", execution, "--poll-interval", "0.01", "--json")
    assert json.loads(waited.stdout)["status"] == "completed"
    results = json.loads(cli(oss, "executions", "results", execution, "--json").stdout)
    assert [call["scenario_id"] for call in results["calls"]] == [str(oss.seed.scenario_ids[0])]
    cancelled = json.loads(cli(oss, "executions", "cancel", execution, "--json").stdout)
    assert cancelled == {"execution_id": execution, "cancel_requested": False, "status": "completed"}
    found = json.loads(cli(oss, "run-tests", "executions", run_test, "--json").stdout)
    assert [row["id"] for row in found] == [execution]


def test_cancelling_a_finished_execution_says_nothing_was_cancelled(oss: Emulator) -> None:
    """cancel on a completed execution says it had already finished, not that a cancel is under way."""
    run_test = str(oss.seed.run_test_id)
    started = cli(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    cli(oss, "executions", "wait", execution, "--poll-interval", "0.01")
    done = cli(oss, "executions", "cancel", execution)
    assert done.returncode == 0
    assert done.stdout.strip() == f"{execution}  had already finished (completed): nothing to cancel"


def test_cancelling_a_running_execution_says_where_it_is_now(oss: Emulator) -> None:
    """cancel on a running execution says the cancel was asked for and the status it is in now."""
    run_test = str(oss.seed.run_test_id)
    started = cli(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    done = cli(oss, "executions", "cancel", execution)
    assert done.returncode == 0
    now = {f"{execution}  cancel requested; now {status}" for status in ("cancelling", "cancelled")}
    assert done.stdout.strip() in now


def test_cancelling_a_cancelled_execution_sends_nothing_more(oss: Emulator) -> None:
    """A second cancel, once the execution is cancelled, says it had already finished."""
    run_test = str(oss.seed.run_test_id)
    started = cli(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    cli(oss, "executions", "cancel", execution)
    cli(oss, "executions", "wait", execution, "--poll-interval", "0.01")
    again = json.loads(cli(oss, "executions", "cancel", execution, "--json").stdout)
    assert again == {"execution_id": execution, "cancel_requested": False, "status": "cancelled"}


def test_help_on_every_level_shows_the_exit_codes() -> None:
    """--help works at every level, and the run command's help lists the exit codes."""
    for args in ([], ["run"], ["run-tests"], ["run-tests", "list"], ["executions"], ["executions", "wait"]):
        done = subprocess.run([COMMAND, *args, "--help"], capture_output=True, text=True, check=False)
        assert done.returncode == 0, args
    run_help = subprocess.run([COMMAND, "run", "--help"], capture_output=True, text=True, check=False).stdout
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "130"):
        assert f"  {code}" in run_help


def test_the_package_imports_no_cli_library() -> None:
    """With the cli extra installed (and click not, as the extra does not bring it), importing the package
    loads none of the command's libraries."""
    probe = (
        "import sys; sys.modules['click'] = None; import futureagi_simulate; "
        "print(sorted({'rich', 'junitparser', 'futureagi_simulate.cli'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_missing_extra_is_one_line_naming_the_install() -> None:
    """Without rich, the command says which extra to install, in one line, and exits 2."""
    probe = (
        "import sys; sys.modules['rich'] = None; from futureagi_simulate.cli import main; "
        "sys.exit(main(['run-tests', 'list']))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "futureagi-simulate: the command needs the 'cli' extra (rich is missing): install the package "
        "again with its cli extra, e.g. pip install '<your wheel, checkout or git URL>[cli]'"
    ]


@pytest.mark.parametrize("argv", [[], ["--help"], ["run", "--help"], ["--version"]])
def test_help_needs_no_extra(argv: list[str]) -> None:
    """Without rich, --help, --version and the bare command still answer, from argparse alone."""
    probe = (
        "import sys; sys.modules['rich'] = None; "
        f"from futureagi_simulate.cli import main; sys.exit(main({argv!r}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert "cli' extra" not in done.stderr
    assert "futureagi-simulate" in done.stdout + done.stderr
    assert done.returncode == (2 if not argv else 0)


# Hostile answers: the emulator behind a proxy that rewrites what it answers ------------------------------


def rewrite(value: Any, change: Callable[[Any], Any]) -> Any:
    """``value`` with ``change`` applied to every node, children first."""
    if isinstance(value, dict):
        value = {k: rewrite(v, change) for k, v in value.items()}
    elif isinstance(value, list):
        value = [rewrite(v, change) for v in value]
    return change(value)


@contextlib.contextmanager
def hostile(emu: Emulator, change: Callable[[Any], Any]) -> Iterator[RecordingServer]:
    """A server in front of the emulator that answers what the emulator does, rewritten by ``change``."""

    def forward(request: Recorded) -> Reply:
        skip = ("host", "content-length", "connection")
        headers = {k: v for k, v in request.headers.items() if k not in skip}
        answer = httpx.request(
            request.method,
            emu.url + request.path,
            params=dict(request.query),
            content=request.body,
            headers=headers,
        )
        if answer.headers.get("content-type", "").startswith("application/json") and answer.content:
            body = json.dumps(rewrite(answer.json(), change)).encode()
            return Reply(answer.status_code, body)
        return Reply(answer.status_code, answer.content, content_type=answer.headers.get("content-type", ""))

    server = RecordingServer()
    server.handler = forward
    server.start()
    try:
        yield server
    finally:
        server.stop()


def renamed(old: str, new: str) -> Callable[[Any], Any]:
    return lambda value: value.replace(old, new) if isinstance(value, str) else value


def junit_cases(path: Path) -> dict[str, Any]:
    with path.open() as junit:
        suite, _report = xunitparser.parse(junit)
    return {case.methodname: case for case in suite}


def probe(code: str, emu: Emulator, **extra: str) -> subprocess.CompletedProcess[str]:
    """Runs ``code`` in a fresh Python with the command's environment: a library patched to misbehave."""
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environment(emu, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


RAISING = """
import sys
from futureagi_simulate import _resources
def broken(*args, **kwargs):
    raise {error}("library bug")
_resources.{where} = broken
from futureagi_simulate.cli import main
sys.exit(main({argv!r}))
"""


def test_an_unexpected_error_while_judging_is_one_line_and_exit_3(oss: Emulator, tmp_path: Path) -> None:
    """A library bug after the execute started: one line, exit 3, the execution's id and how to cancel it."""
    argv = [*run_args(oss), "--json", str(tmp_path / "r.json")]
    done = probe(RAISING.format(error="RecursionError", where="Executions.report", argv=argv), oss)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert "futureagi-simulate: internal error: RecursionError: library bug" in done.stderr
    (execution,) = oss.execution_ids(oss.seed.run_test_id)
    assert f"futureagi-simulate executions cancel {execution}" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 3


def test_an_unexpected_error_in_the_execute_is_exit_5_with_how_to_check(oss: Emulator) -> None:
    """A library bug in the execute: exit 5, how to check, and a traceback only with FI_DEBUG."""
    code = RAISING.format(error="OverflowError", where="RunTests.execute", argv=run_args(oss))
    done = probe(code, oss)
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr
    assert "futureagi-simulate: internal error: OverflowError: library bug" in done.stderr
    assert f"run-tests executions {oss.seed.run_test_id} --started-after" in done.stderr
    debugged = probe(code, oss, FI_DEBUG="1")
    assert debugged.returncode == 5
    assert "Traceback" in debugged.stderr


def test_an_unexpected_error_in_a_query_is_exit_3(oss: Emulator) -> None:
    """A library bug in a query command: one line and exit 3, not a traceback and 1."""
    argv = ["executions", "get", str(uuid.uuid4())]
    done = probe(RAISING.format(error="OverflowError", where="Executions.get", argv=argv), oss)
    assert done.returncode == 3, done.stderr
    assert done.stderr.strip().splitlines() == [
        "futureagi-simulate: internal error: OverflowError: library bug"
    ]


@pytest.mark.parametrize("option", ["--json", "--junit"])
@pytest.mark.parametrize("where", ["a directory", "a missing folder", "a folder that is a file"])
def test_an_unwritable_report_path_exits_2_before_any_request(
    oss: Emulator, tmp_path: Path, option: str, where: str
) -> None:
    """A report path that is a directory, in a missing folder or under a file: exit 2, nothing sent."""
    # Paths no one can write, root included (CI runs as root, so a read-only file would not do).
    (tmp_path / "plain.txt").write_text("")
    path = {
        "a directory": tmp_path,
        "a missing folder": tmp_path / "nope" / "r.out",
        "a folder that is a file": tmp_path / "plain.txt" / "r.out",
    }[where]
    done = cli(oss, *run_args(oss, option, str(path)))
    assert done.returncode == 2, done.stderr
    assert option in done.stderr
    assert sum(oss.app.requests.values()) == 0


@pytest.mark.parametrize("verdict", ["passed", "failed"])
def test_an_unwritable_step_summary_warns_and_keeps_the_verdict(
    oss: Emulator, tmp_path: Path, verdict: str
) -> None:
    """GITHUB_STEP_SUMMARY naming a directory: one warning line, the verdict's exit code unchanged."""
    if verdict == "failed":
        oss.script(oss.seed.scenario_ids[0], call="failed")
    done = cli(oss, *run_args(oss), GITHUB_STEP_SUMMARY=str(tmp_path))
    assert done.returncode == (0 if verdict == "passed" else 1), done.stderr
    assert "Traceback" not in done.stderr
    assert (
        len([line for line in done.stderr.splitlines() if "could not write GITHUB_STEP_SUMMARY" in line]) == 1
    )


def test_eval_names_and_server_text_are_never_markup(oss: Emulator) -> None:
    """Brackets in an eval name (an option) or a scenario name (the server) print as they are."""
    for scenario in oss.seed.scenario_ids[:2]:
        oss.script(scenario, evals={"Tone check": False})
    scenario_renamed, eval_renamed = (
        renamed("Angry customer", "[v2] [bold]Angry[/bold] [/]"),
        renamed("Tone check", "[/]"),
    )
    with hostile(oss, lambda value: eval_renamed(scenario_renamed(value))) as server:
        done = cli(oss, *run_args(oss, "--min-pass-rate", "[/]=0.5"), FI_BASE_URL=server.url)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "[v2] [bold]Angry[/bold] [/]" in done.stderr
    assert "eval '[/]' passed 1 of 3" in done.stderr


CONTROL = "Angry\x1b[31m red\x00\x01\x9b\ud800 customer"


def test_control_characters_from_the_server_are_made_safe(oss: Emulator, tmp_path: Path) -> None:
    """ESC, NUL, C1 and a lone surrogate in a scenario name: valid JUnit, a UTF-8 summary, no raw ESC."""
    summary = tmp_path / "summary.md"
    with hostile(oss, renamed("Angry customer", CONTROL)) as server:
        done = cli(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
            GITHUB_STEP_SUMMARY=str(summary),
        )
        assert done.returncode == 0, done.stderr
        execution = json.loads((tmp_path / "r.json").read_text())["execution_id"]
        results = cli(oss, "executions", "results", execution, FI_BASE_URL=server.url)
    assert results.returncode == 0, results.stderr
    for text in (done.stderr, results.stdout):
        assert "Angry\\x1b[31m red\\x00\\x01\\x9b" in text
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
    assert any(name.startswith("Angry") for name in junit_cases(tmp_path / "j.xml"))
    assert "Angry" in summary.read_text(encoding="utf-8")
    json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def test_non_finite_numbers_become_null_in_json_and_leave_junit_time_out(
    oss: Emulator, tmp_path: Path
) -> None:
    """A NaN duration and an Infinity score: --json stays valid JSON (null, noted), JUnit has no time=nan."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": 0.5})

    def change(value: Any) -> Any:
        if isinstance(value, dict) and "duration_seconds" in value:
            value = {**value, "duration_seconds": math.nan}
        return math.inf if value == 0.5 and not isinstance(value, bool) else value

    with hostile(oss, change) as server:
        done = cli(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
        )
    assert done.returncode in (0, 1), done.stderr
    text = (tmp_path / "r.json").read_text()
    result = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in --json"))
    assert any("non-finite" in note for note in result["notes"])
    assert "nan" not in (tmp_path / "j.xml").read_text().lower()


def test_credentials_echoed_by_the_server_are_redacted_everywhere(oss: Emulator, tmp_path: Path) -> None:
    """A scenario name holding both keys: stderr, --json, --junit and the step summary say [REDACTED]."""
    summary = tmp_path / "summary.md"
    leak = f"Angry {oss.api_key} and {oss.secret_key}"
    with hostile(oss, renamed("Angry customer", leak)) as server:
        done = cli(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
            GITHUB_STEP_SUMMARY=str(summary),
        )
        assert done.returncode == 0, done.stderr
        execution = json.loads((tmp_path / "r.json").read_text())["execution_id"]
        results = cli(oss, "executions", "results", execution, "--json", FI_BASE_URL=server.url)
    written = [(tmp_path / "r.json").read_text(), (tmp_path / "j.xml").read_text(), summary.read_text()]
    for text in (done.stderr, results.stdout, *written):
        assert oss.api_key not in text
        assert oss.secret_key not in text
        assert "REDACTED" in text


def test_a_timeout_writes_junit_and_the_step_summary_too(manual: Emulator, tmp_path: Path) -> None:
    """Exit 4: the JUnit file fails a `verdict` case saying why, and the step summary says so too."""
    summary = tmp_path / "summary.md"
    done = cli(
        manual,
        *run_args(manual, "--timeout", "0.2s", "--junit", str(tmp_path / "j.xml")),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 4, done.stderr
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    (case,) = junit_cases(tmp_path / "j.xml").values()
    assert case.methodname == "verdict"
    assert not case.good
    assert f"execution {execution} goes on" in case.message
    assert "FAILED (exit 4)" in summary.read_text()


def test_an_execute_of_unknown_outcome_writes_junit(oss: Emulator, tmp_path: Path) -> None:
    """Exit 5 writes the failing `verdict` case too, so CI shows why."""
    oss.inject("executeRunTest", Fault.server_error(502))
    done = cli(oss, *run_args(oss, "--junit", str(tmp_path / "j.xml")))
    assert done.returncode == 5, done.stderr
    assert [name for name, case in junit_cases(tmp_path / "j.xml").items() if not case.good] == ["verdict"]


def test_deep_nesting_in_an_answer_is_a_read_failure(oss: Emulator, tmp_path: Path) -> None:
    """An eval output nested 700 levels deep is refused by the client: exit 3, one line why, --json kept."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": 0.5})
    deep: Any = "bottom"
    for _ in range(700):
        deep = [deep]

    def change(value: Any) -> Any:
        if isinstance(value, dict) and value.get("output") == 0.5:
            return {**value, "output": deep}
        return value

    with hostile(oss, change) as server:
        done = cli(oss, *run_args(oss, "--json", str(tmp_path / "r.json")), FI_BASE_URL=server.url)
    assert "Traceback" not in done.stderr
    assert done.returncode == 3, done.stderr
    assert "nests deeper than 64 levels" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 3


def test_jsonable_cuts_deep_nesting_and_non_finite_numbers() -> None:
    """_jsonable: 700 levels become a short string at depth 64; NaN becomes null."""
    deep: Any = {"x": math.nan}
    for _ in range(700):
        deep = {"a": [deep]}
    text = json.dumps(_reports._json._jsonable(deep), allow_nan=False)
    assert "<nested too deep>" in text
    assert _reports._json._jsonable([math.nan, math.inf, 1.5]) == [None, None, 1.5]


def test_calls_without_a_scenario_are_named_by_their_call(oss: Emulator, tmp_path: Path) -> None:
    """Calls with no scenario id or name: JUnit cases `call <id>`, unique, and no `None` in the summary."""
    summary = tmp_path / "summary.md"

    def change(value: Any) -> Any:
        if isinstance(value, dict) and ("call_execution_id" in value or "test_execution_id" in value):
            dropped = ("scenario", "scenario_id", "scenario_name")
            return {k: v for k, v in value.items() if k not in dropped}
        return value

    with hostile(oss, change) as server:
        done = cli(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml")),
            FI_BASE_URL=server.url,
            GITHUB_STEP_SUMMARY=str(summary),
        )
    assert done.returncode in (0, 1), done.stderr
    with (tmp_path / "j.xml").open() as junit:
        suite, _report = xunitparser.parse(junit)
    names = [case.methodname for case in suite]
    calls = [name for name in names if name.startswith("call ")]
    assert len(calls) == 3
    assert len(set(names)) == len(names)
    assert "None" not in summary.read_text()
    assert "None" not in done.stderr


def test_sigint_during_the_start_up_import_exits_130_quietly() -> None:
    """A KeyboardInterrupt while the command's modules load: exit 130, no traceback."""
    code = (
        "import sys\n"
        "class Interrupting:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'futureagi_simulate.cli._commands':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupting())\n"
        "from futureagi_simulate.cli import main\n"
        "sys.exit(main(['--help']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 130
    assert done.stderr == ""


@pytest.mark.parametrize(("allowed", "code"), [(None, 1), ("1", 0)])
def test_max_unjudged_calls_says_how_many_unjudged_calls_an_eval_may_leave(
    oss: Emulator, tmp_path: Path, allowed: str | None, code: int
) -> None:
    """An eval that errored on one call fails the run by default; --max-unjudged-calls 1 lets it pass."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": ScriptedEval.errored()})
    option = ["--max-unjudged-calls", allowed] if allowed is not None else []
    done = cli(oss, *run_args(oss, *option, "--json", str(tmp_path / "r.json")))
    assert done.returncode == code, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    tone = next(e for e in document["evals"] if e["name"] == "Tone check")
    assert (tone["unjudged"], tone["errored"]) == (1, 1)
    assert document["thresholds"]["max_unjudged_calls"] == (0 if allowed is None else 1)
