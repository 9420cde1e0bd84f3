"""The command's output streams: a marker split over several writes is still caught."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from futureagi_simulate.cli._output import SafeLines, ci_safe
from futureagi_simulate.testing import Emulator
from tests.cli.harness import COMMAND, cli_process, environment, hostile, invoke, renamed, run_args


def test_a_marker_split_over_writes_is_still_made_safe() -> None:
    """`:` then `:error::x` then a newline, as print and rich write it: the line starts with `\\::`."""
    target = io.StringIO()
    stream = SafeLines(target)
    for part in ("done\n", ":", ":error::x", "\n", "  ", "::warning::y\nlast ##", "[group]"):
        stream.write(part)
    stream.flush()
    assert target.getvalue() == "done\n\\::error::x\n  \\::warning::y\nlast ##\\[group]"


# The rule, one line at a time, as the command applied it before it checked a whole text in one pass.
_MARKER = re.compile(
    r"^(?P<lead>[ \t\f\v]*(?:\x1b\[0K|\\x1b\[0K)?)(?P<marker>::|section_start:|section_end:)"
)


def _line_by_line(text: str, at_line_start: bool) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        line = line.replace("##[", "##\\[")
        lines[i] = _MARKER.sub(r"\g<lead>\\\g<marker>", line, count=1) if i or at_line_start else line
    return "\n".join(lines)


_PIECES = st.sampled_from(
    ["::", "section_start:", "section_end:", "##[", "\x1b[0K", "\\x1b[0K", " ", "\t", "\n", "a"]
)


@given(pieces=st.lists(_PIECES | st.text(max_size=3), max_size=12), at_line_start=st.booleans())
def test_ci_safe_changes_each_line_as_the_line_by_line_rule_does(
    pieces: list[str], at_line_start: bool
) -> None:
    """Any text, markers and whitespace mixed over lines, comes out as the rule applied line by line."""
    text = "".join(pieces)
    assert ci_safe(text, at_line_start=at_line_start) == _line_by_line(text, at_line_start)


def test_ci_safe_leaves_ordinary_text_alone() -> None:
    """Text that holds no marker, `a::b` mid-line included, is written character for character."""
    text = "12:00:01 started execution\nscope a::b and ## heading\n"
    assert ci_safe(text) == text


def test_gitlab_section_markers_are_made_safe() -> None:
    """`section_start:` at a line's start or after ESC[0K gets a backslash before it."""
    assert ci_safe("section_end:1:x\n\x1b[0Ksection_start:1:y") == (
        "\\section_end:1:x\n\x1b[0K\\section_start:1:y"
    )


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
        done = invoke(
            oss,
            *run_args(oss, "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")),
            FI_BASE_URL=server.url,
            GITHUB_STEP_SUMMARY=str(summary),
        )
        assert done.returncode == 1, done.stderr
        execution = json.loads((tmp_path / "r.json").read_text())["execution_id"]
        results = invoke(oss, "executions", "results", execution, FI_BASE_URL=server.url)
    assert results.returncode == 0, results.stderr
    assert "Angry" in results.stdout
    assert "Angry" in done.stderr
    for text in (done.stdout, done.stderr, results.stdout, results.stderr, summary.read_text()):
        assert ci_commands(text) == []


# What only a process shows: its own stdout closed, its streams' encoding. ----------------------------


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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
        done = cli_process(
            oss, "run-tests", "get", str(oss.seed.run_test_id), FI_BASE_URL=server.url, **encoding
        )
    assert done.returncode == 0, done.stderr
    assert "Checkout \\u2713 r\\xe9gression" in done.stdout


@pytest.mark.slow
def test_a_run_with_an_ascii_stderr_shows_the_names_escaped(oss: Emulator) -> None:
    """run's progress and summary table on an ASCII stderr: the verdict's exit code, ✓ shown as \\u2713."""
    with hostile(oss, renamed("Angry customer", "Angry ✓ café")) as server:
        done = cli_process(oss, *run_args(oss), FI_BASE_URL=server.url, PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert "Angry \\u2713 caf\\xe9" in done.stderr


@pytest.mark.slow
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
