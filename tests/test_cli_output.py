"""What the installed command prints and writes is output CI can trust: real processes, a hostile server."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import xunitparser

from futureagi_simulate.testing import Emulator
from tests.test_cli import COMMAND, cli, environment, hostile, renamed, run_args

pytestmark = pytest.mark.slow

HOSTILE_NAME = (
    "Angry\n::error title=Injected::a scenario name\n"
    "  ::add-mask::indented\n"
    "text ##[error]the older form\n"
    "section_start:1700000000:fake_section\r\x1b[0K\n"
    "\x1b[0Ksection_end:1700000000:fake_section\n" + "word " * 30 + ":: ::warning::after a wrap"
)


def ci_commands(text: str) -> list[str]:
    """The lines of ``text`` a CI system would act on: GitHub's runner trims a line's start and takes
    `::` there, and `##[` anywhere (actions/runner ActionCommand.TryParseV2, TryParse); GitLab takes a
    section marker at a line's start or after ESC[0K."""
    found = []
    for line in re.split(r"\r\n|\n|\r", text):
        stripped = line.lstrip()
        github = stripped.startswith("::") or "##[" in line
        gitlab = re.match(r"^\s*(\x1b\[0K)?section_(start|end):", line) or "\x1b[0Ksection_" in line
        if github or gitlab:
            found.append(line)
    return found


def test_server_text_never_starts_a_line_ci_reads_as_a_command(oss: Emulator, tmp_path: Path) -> None:
    """A scenario name with newlines and CI markers: no CI command line in stdout, stderr or the summary."""
    summary = tmp_path / "summary.md"
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    with hostile(oss, renamed("Angry customer", HOSTILE_NAME)) as server:
        done = cli(
            oss,
            *run_args(oss, "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")),
            FI_BASE_URL=server.url,
            GITHUB_STEP_SUMMARY=str(summary),
        )
        assert done.returncode == 1, done.stderr
        execution = json.loads((tmp_path / "r.json").read_text())["execution_id"]
        results = cli(oss, "executions", "results", execution, FI_BASE_URL=server.url)
    assert results.returncode == 0, results.stderr
    assert "Angry" in results.stdout
    assert "Angry" in done.stderr
    for text in (done.stdout, done.stderr, results.stdout, results.stderr, summary.read_text()):
        assert ci_commands(text) == []


def test_a_closed_stdout_is_not_an_error(oss: Emulator) -> None:
    """stdout's reader gone before the answer (`| head -1` that already left): exit 0, nothing on stderr."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [COMMAND, "run-tests", "list"],
            env=environment(oss),
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_query_piped_to_head_succeeds_under_pipefail(oss: Emulator) -> None:
    """`set -o pipefail; futureagi-simulate run-tests list | head -1`: one line, and the pipeline exits 0."""
    env = environment(oss, PATH=str(Path(COMMAND).parent) + os.pathsep + os.environ.get("PATH", ""))
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", "futureagi-simulate run-tests list --limit 50 | head -1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == ""


@pytest.mark.parametrize(
    "encoding",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""},
    ],
    ids=["PYTHONIOENCODING=ascii", "LANG=C"],
)
def test_a_stdout_that_cannot_encode_a_character_does_not_crash_a_query(
    oss: Emulator, encoding: dict[str, str]
) -> None:
    """A run test named with ✓ and é, printed to an ASCII stdout: exit 0, the characters escaped."""
    with hostile(oss, renamed("Checkout regression", "Checkout ✓ régression")) as server:
        done = cli(oss, "run-tests", "get", str(oss.seed.run_test_id), FI_BASE_URL=server.url, **encoding)
    assert done.returncode == 0, done.stderr
    assert "Checkout \\u2713 r\\xe9gression" in done.stdout


def test_a_run_with_an_ascii_stderr_shows_the_names_escaped(oss: Emulator) -> None:
    """run's progress and summary table on an ASCII stderr: the verdict's exit code, ✓ shown as \\u2713."""
    with hostile(oss, renamed("Angry customer", "Angry ✓ café")) as server:
        done = cli(oss, *run_args(oss), FI_BASE_URL=server.url, PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert "Angry \\u2713 caf\\xe9" in done.stderr


def test_a_key_read_with_a_trailing_newline_is_redacted_as_sent(oss: Emulator, tmp_path: Path) -> None:
    """FI_API_KEY and FI_SECRET_KEY end in a newline; the server echoes them as sent: redacted everywhere."""
    summary = tmp_path / "summary.md"
    leak = f"Angry {oss.api_key} and {oss.secret_key}"
    with hostile(oss, renamed("Angry customer", leak)) as server:
        done = cli(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
            FI_API_KEY=oss.api_key + "\n",
            FI_SECRET_KEY=oss.secret_key + "\n",
            GITHUB_STEP_SUMMARY=str(summary),
        )
    assert done.returncode == 0, done.stderr
    written = [(tmp_path / "r.json").read_text(), (tmp_path / "j.xml").read_text(), summary.read_text()]
    for text in (done.stderr, *written):
        assert oss.api_key not in text
        assert oss.secret_key not in text
        # The summary escapes the brackets for Markdown.
        assert re.search(r"Angry \\?\[REDACTED\\?\] and \\?\[REDACTED\\?\]", text), text


def test_huge_server_text_keeps_the_step_summary_under_githubs_limit(oss: Emulator, tmp_path: Path) -> None:
    """Scenario names of 600,000 characters: the summary stays under 1 MiB and says what it cut."""
    summary = tmp_path / "summary.md"
    with hostile(oss, renamed("customer", "customer " + "x" * 600_000)) as server:
        done = cli(oss, *run_args(oss), FI_BASE_URL=server.url, GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    assert summary.stat().st_size < 1024 * 1024
    assert "more characters" in summary.read_text()


def test_a_step_summary_already_full_is_left_as_it_was(oss: Emulator, tmp_path: Path) -> None:
    """The step already wrote all but 100 bytes of 1 MiB: nothing added, a warning, the verdict's exit."""
    summary = tmp_path / "summary.md"
    earlier = "x" * (1024 * 1024 - 100 - 1) + "\n"
    summary.write_text(earlier)
    done = cli(oss, *run_args(oss), GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    assert summary.read_text() == earlier
    assert "warning: could not write GITHUB_STEP_SUMMARY" in done.stderr
    assert "GitHub drops one over 1 MiB, so nothing was added" in done.stderr


def junit(path: Path) -> tuple[Any, list[Any]]:
    with path.open() as file:
        suite, _report = xunitparser.parse(file)
    return suite, list(suite)


def test_junit_class_names_are_the_run_tests_name_in_every_run(oss: Emulator, tmp_path: Path) -> None:
    """Two runs of one run test: every case's class name is the run test's name, the same both times."""
    names = []
    for n in (1, 2):
        done = cli(oss, *run_args(oss, "--junit", str(tmp_path / f"{n}.xml")))
        assert done.returncode == 0, done.stderr
        _suite, cases = junit(tmp_path / f"{n}.xml")
        names.append(sorted((case.classname, case.methodname) for case in cases))
    assert names[0] == names[1]
    assert {classname for classname, _name in names[0]} == {"Checkout regression"}


def test_a_failed_verdict_is_a_failure_and_an_api_error_an_error(oss: Emulator, tmp_path: Path) -> None:
    """JUnit: a failing scenario and the verdict are <failure>; a refused read (exit 3) is an <error>."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    failed = cli(oss, *run_args(oss, "--junit", str(tmp_path / "f.xml")))
    assert failed.returncode == 1, failed.stderr
    _suite, cases = junit(tmp_path / "f.xml")
    assert sorted(case.result for case in cases) == ["failure", "failure", "success", "success"]
    refused = cli(oss, *run_args(oss, "--junit", str(tmp_path / "e.xml")), FI_API_KEY="wrong-key-123")
    assert refused.returncode == 3, refused.stderr
    _suite, cases = junit(tmp_path / "e.xml")
    assert [(case.methodname, case.result) for case in cases] == [("verdict", "error")]


def test_a_reason_no_scenario_carries_has_its_own_case(oss: Emulator, tmp_path: Path) -> None:
    """Every scenario passes but a pass rate is asked of a score eval, which has none: the `verdict` case
    fails alone."""
    oss.add_eval_config(oss.seed.run_test_id, "Warmth", template="tone")
    done = cli(oss, *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--min-pass-rate", "Warmth=0.9"))
    assert done.returncode == 1, done.stderr
    _suite, cases = junit(tmp_path / "j.xml")
    assert [(case.methodname, case.result) for case in cases if case.result != "success"] == [
        ("verdict", "failure")
    ]
    assert "Warmth" in cases[-1].message


def test_every_report_names_the_run_test_by_name_and_id(oss: Emulator, tmp_path: Path) -> None:
    """The JSON, the JUnit suite and the step summary each give the run test's name and its id."""
    summary = tmp_path / "summary.md"
    done = cli(
        oss,
        *run_args(oss, "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stderr
    run_test = str(oss.seed.run_test_id)
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["run_test_name"], result["run_test_id"]) == ("Checkout regression", run_test)
    assert f'name="futureagi-simulate: Checkout regression ({run_test})"' in (tmp_path / "j.xml").read_text()
    assert f"Run test **Checkout regression** `{run_test}`" in summary.read_text()
    assert f"run test Checkout regression ({run_test})" in done.stderr


def test_a_run_that_ends_without_a_verdict_names_the_run_test_too(
    manual_oss: Emulator, tmp_path: Path
) -> None:
    """Exit 4: the JSON, JUnit and summary still give the run test's name and id."""
    summary = tmp_path / "summary.md"
    done = cli(
        manual_oss,
        *run_args(
            manual_oss,
            "--timeout",
            "0.2s",
            "--json",
            str(tmp_path / "r.json"),
            "--junit",
            str(tmp_path / "j.xml"),
        ),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 4, done.stderr
    run_test = str(manual_oss.seed.run_test_id)
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["run_test_name"], result["exit_code"]) == ("Checkout regression", 4)
    assert f"Checkout regression ({run_test})" in (tmp_path / "j.xml").read_text()
    assert f"Run test **Checkout regression** `{run_test}`" in summary.read_text()


@pytest.fixture
def manual_oss() -> Any:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def test_help_to_a_closed_stdout_is_not_an_error() -> None:
    """`futureagi-simulate --help` into a pipe nobody reads: exit 0, no traceback."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [COMMAND, "run", "--help"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")
