"""The whole gate of several run tests as CI runs it: the installed command, a suite file in the job's
directory, the emulator in both dialects; ``check`` first, then ``run`` with no id."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import COMMAND, POLL, environment
from tests.cli.test_many import add_run_test

pytestmark = pytest.mark.slow


@pytest.fixture(params=["docs", "oss"])
def emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    with Emulator(dialect=request.param) as emu:
        yield emu


def command(emu: Emulator, cwd: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, *args],
        env=environment(emu, **extra),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_check_then_run_of_the_suite_gates_every_run_test(emulator: Emulator, tmp_path: Path) -> None:
    """check exits 0 and executes nothing; run with no id executes each run test once, passes, and writes
    one JSON, one JUnit (a suite per run test) and one step summary."""
    smoke = add_run_test(emulator, "Checkout smoke", scenarios=2)
    (tmp_path / "simulate.toml").write_text(
        f"""[defaults]
poll-interval = {POLL}
timeout = "2m"
cancel-on-interrupt = true
json = "simulate.json"
junit = "simulate.xml"

[[run_test]]
id = "{emulator.seed.run_test_id}"
min-pass-rate = {{ "Tone check" = 0.9 }}

[[run_test]]
id = "{smoke}"
max-failed-calls = 0
"""
    )
    checked = command(emulator, tmp_path, "check")
    assert checked.returncode == 0, checked.stderr
    assert emulator.request_count("executeRunTest") == 0
    summary = tmp_path / "summary.md"
    done = command(emulator, tmp_path, "run", GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    assert (emulator.execution_count(emulator.seed.run_test_id), emulator.execution_count(smoke)) == (1, 1)
    document = json.loads((tmp_path / "simulate.json").read_text())
    assert (document["passed"], document["exit_code"]) == (True, 0)
    assert [r["run_test_id"] for r in document["run_tests"]] == [str(emulator.seed.run_test_id), str(smoke)]
    suites = ElementTree.parse(tmp_path / "simulate.xml").getroot().findall("testsuite")
    assert [len(suite.findall("testcase")) for suite in suites] == [4, 3]
    assert "## futureagi-simulate: PASSED" in summary.read_text()
