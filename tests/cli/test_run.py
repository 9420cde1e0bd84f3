"""``run`` in this process against the emulator: argv in; the exit code, stdout, stderr and the report
files out (``tests/cli/harness.py``)."""

from __future__ import annotations

import json
import math
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import xunitparser

from futureagi_simulate.resources import AsyncExecutions, AsyncRunTests
from futureagi_simulate.testing import Emulator, Fault, ScriptedEval
from tests.cli.harness import hostile, invoke, junit_cases, renamed, run_args


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def test_a_passing_run_exits_0_and_writes_its_reports(oss: Emulator, tmp_path: Path) -> None:
    """Every scenario passes: exit 0, a JSON result, a JUnit file and a step summary that agree."""
    summary = tmp_path / "summary.md"
    done = invoke(
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


def test_the_junit_file_needs_no_library_beyond_the_cli_extra(
    oss: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With junitparser unimportable (the cli extra no longer brings it), run writes its JUnit file."""
    monkeypatch.setitem(sys.modules, "junitparser", None)
    done = invoke(oss, *run_args(oss, "--junit", str(tmp_path / "j.xml")))
    assert done.returncode == 0, done.stderr
    with (tmp_path / "j.xml").open() as junit:
        _suite, report = xunitparser.parse(junit)
    assert (report.testsRun, len(report.failures), len(report.errors)) == (4, 0, 0)


def test_progress_lines_are_timestamped_in_ci(oss: Emulator) -> None:
    """With CI set, progress is plain lines starting with HH:MM:SS, on stderr; stdout stays empty."""
    done = invoke(oss, *run_args(oss))
    lines = [line for line in done.stderr.splitlines() if "calls done" in line]
    assert lines
    assert all(line[2] == ":" and line[5] == ":" and line[:8].replace(":", "").isdigit() for line in lines)
    assert done.stdout == ""


def test_a_failing_scenario_exits_1_and_junit_says_which(oss: Emulator, tmp_path: Path) -> None:
    """A scripted failing call: exit 1, and its JUnit case fails with the reason and eval outputs."""
    failing = oss.seed.scenario_ids[1]
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    oss.script(failing, call="failed")
    done = invoke(
        oss, *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--min-pass-rate", "Tone check=0.4")
    )
    assert done.returncode == 1, done.stderr
    with (tmp_path / "j.xml").open() as junit:
        suite, _report = xunitparser.parse(junit)
    cases = {case.methodname: case for case in suite}
    assert len(cases) == 4
    assert not cases.pop("verdict").good
    failed = sorted(case.message for case in cases.values() if not case.good)
    assert len(failed) == 2  # the failed call's scenario, and the one Tone check failed under 0.4
    assert "ended failed" in failed[0]
    assert "did not pass call" in failed[1]
    assert "Verdict: FAILED" in done.stderr


def test_the_verdict_case_fails_when_no_scenario_does(oss: Emulator, tmp_path: Path) -> None:
    """A threshold on an eval that gave no pass/fail output fails the verdict; the JUnit file is not green."""
    for scenario in oss.seed.scenario_ids:
        oss.script(scenario, evals={"Tone check": 0.5})
    done = invoke(
        oss, *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--min-pass-rate", "Tone check=0.9")
    )
    assert done.returncode == 1
    with (tmp_path / "j.xml").open() as junit:
        suite, _report = xunitparser.parse(junit)
    assert [case.methodname for case in suite if not case.good] == ["verdict"]
    assert "Tone check" in done.stderr


def test_missing_credentials_exit_2_naming_the_variables(oss: Emulator) -> None:
    """No key pair in the environment: exit 2 naming the variables and the options, before any request."""
    done = invoke(oss, *run_args(oss), FI_API_KEY="", FI_SECRET_KEY="")
    assert done.returncode == 2
    assert "Set FI_API_KEY and FI_SECRET_KEY (or --api-key and --secret-key)" in done.stderr
    assert sum(oss.app.requests.values()) == 0


@pytest.mark.parametrize(
    ("extra_args", "environment", "names"),
    [
        ((), {"FI_API_KEY": "", "FI_SECRET_KEY": ""}, ("FI_API_KEY", "--api-key", "--secret-key")),
        (("--api-key", "a-key-0123"), {"FI_SECRET_KEY": ""}, ("--secret-key", "FI_SECRET_KEY")),
        (("--api-key", "k\u00e9y-0123"), {}, ("--api-key",)),
        (("--base-url", "http://user:hunter2@127.0.0.1:1"), {}, ("--base-url", "FI_API_KEY", "--api-key")),
        ((), {"FI_BASE_URL": "http://user:hunter2@127.0.0.1:1"}, ("FI_BASE_URL", "FI_API_KEY", "--api-key")),
    ],
)
def test_a_bad_client_setting_is_named_by_its_option_never_its_python_argument(
    oss: Emulator, extra_args: tuple[str, ...], environment: dict[str, str], names: tuple[str, ...]
) -> None:
    """A credential or base URL error names the options and variables to set, once, not api_key=."""
    done = invoke(oss, "run-tests", "list", *extra_args, **environment)
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    for python_word in ("api_key", "secret_key", "base_url", "bearer_token"):
        assert python_word not in line, line
    for name in names:
        assert name in line, line
    assert line.count("FI_API_KEY") <= 1, line
    assert "hunter2" not in line
    assert sum(oss.app.requests.values()) == 0


def test_a_401_exits_3_and_shows_no_secret(oss: Emulator) -> None:
    """Wrong keys: the API refuses, exit 3, and neither key appears anywhere."""
    done = invoke(oss, *run_args(oss), FI_API_KEY="wrong-key-0123", FI_SECRET_KEY="wrong-secret-4567")
    assert done.returncode == 3, done.stderr
    assert "401" in done.stderr
    for secret in ("wrong-secret-4567", oss.secret_key):
        assert secret not in done.stderr + done.stdout
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_an_unknown_run_test_exits_3(oss: Emulator) -> None:
    """A 404 on execute is the API refusing: exit 3."""
    done = invoke(oss, "run", str(uuid.uuid4()))
    assert done.returncode == 3, done.stderr


def test_a_timeout_exits_4_and_cancels_when_asked(manual: Emulator, tmp_path: Path) -> None:
    """A held execution outlasts --timeout: exit 4, the execution is cancelled and the JSON says so."""
    done = invoke(
        manual,
        *run_args(manual, "--timeout", "0.3s", "--cancel-on-interrupt", "--json", str(tmp_path / "r.json")),
    )
    assert done.returncode == 4, done.stderr
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    assert f"cancelled execution {execution}" in done.stderr
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["passed"], result["exit_code"], result["execution_id"]) == (False, 4, str(execution))


def test_a_timeout_without_cancel_leaves_it_running(manual: Emulator) -> None:
    """Without --cancel-on-interrupt the execution goes on, and the command says how to cancel it."""
    done = invoke(manual, *run_args(manual, "--timeout", "0.2s"))
    assert done.returncode == 4
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) == "pending"
    assert f"futureagi-simulate executions cancel {execution}" in done.stderr


def test_a_timeout_s_reason_reads_as_one_sentence_per_part(manual: Emulator, tmp_path: Path) -> None:
    """The JSON's reason for a timeout joins its parts once: no '.;' where the library's advice was cut."""
    done = invoke(manual, *run_args(manual, "--timeout", "0.2s", "--json", str(tmp_path / "r.json")))
    assert done.returncode == 4
    (reason,) = json.loads((tmp_path / "r.json").read_text())["reasons"]
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert reason.endswith(f"calls finished; execution {execution} goes on"), reason


@pytest.mark.parametrize("fault", [Fault.drop(), Fault.server_error(502)], ids=["dropped", "502"])
def test_an_execute_of_unknown_outcome_exits_5_and_is_not_resent(oss: Emulator, fault: Fault) -> None:
    """A dropped connection or a 5xx on execute: exit 5, one execute, and how to check."""
    oss.inject("executeRunTest", fault)
    done = invoke(oss, *run_args(oss, "--body-casing", "snake"))
    assert done.returncode == 5, done.stderr
    assert oss.request_count("executeRunTest") == 1
    assert f"futureagi-simulate run-tests executions {oss.seed.run_test_id} --started-after" in done.stderr


def test_dry_run_lists_the_rest_and_sends_no_execute(oss: Emulator) -> None:
    """--dry-run resolves --all-except from the scenario list, prints it, exits 0, executes nothing."""
    left_out = oss.seed.scenario_ids[0]
    done = invoke(oss, *run_args(oss, "--all-except", str(left_out), "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert "2 of the run test's 3 scenarios would run" in done.stdout
    assert str(left_out) not in done.stdout
    assert oss.request_count("executeRunTest") == 0


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
    done = invoke(oss, *run_args(oss, option, str(path)))
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
    done = invoke(oss, *run_args(oss), GITHUB_STEP_SUMMARY=str(tmp_path))
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
        done = invoke(oss, *run_args(oss, "--min-pass-rate", "[/]=0.5"), FI_BASE_URL=server.url)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "[v2] [bold]Angry[/bold] [/]" in done.stderr
    assert "eval '[/]' passed 1 of 3" in done.stderr


CONTROL = "Angry\x1b[31m red\x00\x01\x9b\ud800 customer"


def test_control_characters_from_the_server_are_made_safe(oss: Emulator, tmp_path: Path) -> None:
    """ESC, NUL, C1 and a lone surrogate in a scenario name: valid JUnit, a UTF-8 summary, no raw ESC."""
    summary = tmp_path / "summary.md"
    with hostile(oss, renamed("Angry customer", CONTROL)) as server:
        done = invoke(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
            GITHUB_STEP_SUMMARY=str(summary),
        )
        assert done.returncode == 0, done.stderr
        execution = json.loads((tmp_path / "r.json").read_text())["execution_id"]
        results = invoke(oss, "executions", "results", execution, FI_BASE_URL=server.url)
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
        done = invoke(
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
        done = invoke(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
            GITHUB_STEP_SUMMARY=str(summary),
        )
        assert done.returncode == 0, done.stderr
        execution = json.loads((tmp_path / "r.json").read_text())["execution_id"]
        results = invoke(oss, "executions", "results", execution, "--json", FI_BASE_URL=server.url)
    written = [(tmp_path / "r.json").read_text(), (tmp_path / "j.xml").read_text(), summary.read_text()]
    for text in (done.stderr, results.stdout, *written):
        assert oss.api_key not in text
        assert oss.secret_key not in text
        assert "REDACTED" in text


def test_a_timeout_writes_junit_and_the_step_summary_too(manual: Emulator, tmp_path: Path) -> None:
    """Exit 4: the JUnit file fails a `verdict` case saying why, and the step summary says so too."""
    summary = tmp_path / "summary.md"
    done = invoke(
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
    done = invoke(oss, *run_args(oss, "--junit", str(tmp_path / "j.xml")))
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
        done = invoke(oss, *run_args(oss, "--json", str(tmp_path / "r.json")), FI_BASE_URL=server.url)
    assert "Traceback" not in done.stderr
    assert done.returncode == 3, done.stderr
    assert "nests deeper than 64 levels" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 3


def test_calls_without_a_scenario_are_named_by_their_call(oss: Emulator, tmp_path: Path) -> None:
    """Calls with no scenario id or name: JUnit cases `call <id>`, unique, and no `None` in the summary."""
    summary = tmp_path / "summary.md"

    def change(value: Any) -> Any:
        if isinstance(value, dict) and ("call_execution_id" in value or "test_execution_id" in value):
            dropped = ("scenario", "scenario_id", "scenario_name")
            return {k: v for k, v in value.items() if k not in dropped}
        return value

    with hostile(oss, change) as server:
        done = invoke(
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


@pytest.mark.parametrize(("allowed", "code"), [(None, 1), ("1", 0)])
def test_max_unjudged_calls_says_how_many_unjudged_calls_an_eval_may_leave(
    oss: Emulator, tmp_path: Path, allowed: str | None, code: int
) -> None:
    """An eval that errored on one call fails the run by default; --max-unjudged-calls 1 lets it pass."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": ScriptedEval.errored()})
    option = ["--max-unjudged-calls", allowed] if allowed is not None else []
    done = invoke(oss, *run_args(oss, *option, "--json", str(tmp_path / "r.json")))
    assert done.returncode == code, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    tone = next(e for e in document["evals"] if e["name"] == "Tone check")
    assert (tone["unjudged"], tone["errored"]) == (1, 1)
    assert document["thresholds"]["max_unjudged_calls"] == (0 if allowed is None else 1)


def _broken(error: type[BaseException]) -> Any:
    # run works with the async client: its methods are coroutines.
    async def broken(*args: object, **kwargs: object) -> None:
        raise error("library bug")

    return broken


def test_an_unexpected_error_while_judging_is_one_line_and_exit_3(
    oss: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library bug after the execute started: one line, exit 3, the execution's id and how to cancel it."""
    monkeypatch.setattr(AsyncExecutions, "report", _broken(RecursionError))
    done = invoke(oss, *run_args(oss), "--json", str(tmp_path / "r.json"))
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert "futureagi-simulate: internal error: RecursionError: library bug" in done.stderr
    (execution,) = oss.execution_ids(oss.seed.run_test_id)
    assert f"futureagi-simulate executions cancel {execution}" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 3


def test_an_unexpected_error_in_the_execute_is_exit_5_with_how_to_check(
    oss: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library bug in the execute: exit 5, how to check, and a traceback only with FI_DEBUG."""
    monkeypatch.setattr(AsyncRunTests, "execute", _broken(OverflowError))
    done = invoke(oss, *run_args(oss))
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr
    assert "futureagi-simulate: internal error: OverflowError: library bug" in done.stderr
    assert f"run-tests executions {oss.seed.run_test_id} --started-after" in done.stderr
    debugged = invoke(oss, *run_args(oss), FI_DEBUG="1")
    assert debugged.returncode == 5
    assert "Traceback" in debugged.stderr


def _scored(emu: Emulator, *scores: float) -> None:
    for scenario, value in zip(emu.seed.scenario_ids, scores, strict=True):
        emu.script(scenario, evals={"Issue resolved": value})


def test_min_score_fails_a_run_whose_average_score_is_below_it(oss: Emulator, tmp_path: Path) -> None:
    """Scores 0.4, 0.5, 0.6 average 0.5 < 0.7: exit 1; the 0.4 scenario's JUnit case names its score."""
    _scored(oss, 0.4, 0.5, 0.6)
    args = [
        "--min-score",
        "Issue resolved=0.7",
        "--json",
        str(tmp_path / "r.json"),
        "--junit",
        str(tmp_path / "j.xml"),
    ]
    done = invoke(oss, *run_args(oss, *args))
    assert done.returncode == 1, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    resolved = next(e for e in document["evals"] if e["name"] == "Issue resolved")
    assert (resolved["average_score"], resolved["min_score"], resolved["passed"]) == (
        pytest.approx(0.5),
        0.7,
        False,
    )
    assert document["thresholds"]["min_score"] == {"Issue resolved": 0.7}
    cases = junit_cases(tmp_path / "j.xml")
    failed = [case for name, case in cases.items() if not case.good and name != "verdict"]
    assert len(failed) == 3
    assert any("scored 0.4 on call" in case.message for case in failed)


def test_min_score_passes_a_run_whose_average_reaches_it(oss: Emulator) -> None:
    """The same scores against --min-score 0.5: exit 0."""
    _scored(oss, 0.4, 0.5, 0.6)
    done = invoke(oss, *run_args(oss, "--min-score", "Issue resolved=0.5"))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [("Issue resolved", "use EVAL=SCORE"), ("Issue resolved=high", "is not a number"), ("X=nan", "finite")],
)
def test_a_bad_min_score_is_a_usage_error(oss: Emulator, value: str, message: str) -> None:
    """--min-score without =, with a word or NaN: exit 2 naming the rule, nothing executed."""
    done = invoke(oss, *run_args(oss, "--min-score", value))
    assert done.returncode == 2
    assert "--min-score" in done.stderr
    assert message in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_a_min_score_on_no_eval_config_is_refused_before_the_execute(oss: Emulator) -> None:
    """A typo in --min-score is exit 2 naming the option and a close name; no execution starts."""
    done = invoke(oss, *run_args(oss, "--min-score", "Issue resolvd=0.5"))
    assert done.returncode == 2
    assert "--min-score: 'Issue resolvd'" in done.stderr
    assert "did you mean 'Issue resolved'" in done.stderr
    assert "nothing was executed" in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_the_step_summary_shows_a_score_eval_average_against_its_minimum(
    oss: Emulator, tmp_path: Path
) -> None:
    """The step summary's eval table gives a score eval's average and its --min-score."""
    _scored(oss, 0.4, 0.5, 0.6)
    summary = tmp_path / "summary.md"
    invoke(oss, *run_args(oss, "--min-score", "Issue resolved=0.7"), GITHUB_STEP_SUMMARY=str(summary))
    assert "| Issue resolved | failed | average score 0.5 | average score 0.7 |" in summary.read_text()
