"""The emulator's command (``python -m futureagi_simulate.testing``): serving, running a command against
the emulator, and the one-line errors it gives."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from futureagi_simulate.testing import Dialect

# slow: the emulator's command, in a process of its own.
pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def test_command_runs_against_the_emulator_with_its_environment() -> None:
    """`-- command` runs with FI_BASE_URL, keys and seed ids set, and exits with the command's status."""
    probe = (
        "import os, httpx, sys;"
        "r = httpx.get(os.environ['FI_BASE_URL'] + '/simulate/run-tests/',"
        " headers={'X-Api-Key': os.environ['FI_API_KEY'], 'X-Secret-Key': os.environ['FI_SECRET_KEY']});"
        "sys.exit(0 if r.json()['results'][-1]['id'] == os.environ['FI_DEMO_RUN_TEST_ID'] else 3)"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "futureagi_simulate.testing",
            "--dialect",
            "docs",
            "--",
            sys.executable,
            "-c",
            probe,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "docs dialect" in done.stdout


def test_command_status_is_passed_through() -> None:
    """A failing command's exit status is the emulator's."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "futureagi_simulate.testing",
            "--",
            sys.executable,
            "-c",
            "raise SystemExit(7)",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 7


def test_serving_prints_url_and_stops_on_sigterm() -> None:
    """Without a command it serves until SIGTERM, having printed its URL and credentials."""
    process = subprocess.Popen(
        [BIN / "futureagi-simulate-emulator", "--port", "0", "--api-key", "k", "--secret-key", "s"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = re.search(r"serving (\S+)", process.stdout.readline())
    assert url is not None
    response = httpx.get(
        url.group(1) + "/simulate/run-tests/", headers={"X-Api-Key": "k", "X-Secret-Key": "s"}
    )
    assert response.json()["count"] == 3
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    process.stdout.close()


def _emulator(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "futureagi_simulate.testing", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_taken_port_is_one_line_and_exit_2() -> None:
    """A port already in use is said in one line naming it, with exit 2, not a traceback."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _emulator("--port", str(port), "--", "true")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"emulator: cannot listen on 127.0.0.1:{port}: Address already in use"
    ]


def test_a_missing_command_is_one_line_and_exit_127() -> None:
    """A command that does not exist is named in one line with a shell's 127, not a traceback."""
    done = _emulator("--", "no-such-command-for-the-emulator")
    assert done.returncode == 127
    assert done.stderr.strip().splitlines() == [
        "emulator: cannot run 'no-such-command-for-the-emulator': No such file or directory"
    ]


def test_the_banner_lines_can_be_pasted_into_a_shell() -> None:
    """The banner's FI_* lines are shell exports: pasted, they point a client at the emulator."""
    done = _emulator("--", "true")
    exports = [line.strip() for line in done.stdout.splitlines() if line.strip().startswith("export ")]
    url = re.search(r"serving (\S+)", done.stdout)
    assert url is not None
    assert len(exports) == 3
    script = "\n".join([*exports, "sh -c 'echo \"$FI_BASE_URL $FI_API_KEY $FI_SECRET_KEY\"'"])
    shown = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert shown[0] == url.group(1)
    # Both keys came through: split() drops an empty or unset variable.
    assert len(shown) == 3


def test_a_missing_extra_is_one_line_naming_it() -> None:
    """Without openapi-core (the testing extra), the command says which extra to install, in one line."""
    blocked = "import sys, runpy; sys.modules['openapi_core'] = None; sys.argv[0] = 'emulator'; "
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            blocked + "runpy.run_module('futureagi_simulate.testing', run_name='__main__')",
            "--",
            "true",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("emulator: ")
    assert "futureagi-simulate[testing]" in line
    assert "--no-validate" in line


def test_the_installed_command_calls_itself_by_its_name() -> None:
    """futureagi-simulate-emulator's usage and errors name that command, not python -m ...testing."""
    done = subprocess.run(
        [str(BIN / "futureagi-simulate-emulator"), "--dialect", "nope"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("usage: futureagi-simulate-emulator [-h]"), done.stderr
    assert "futureagi-simulate-emulator: error: argument --dialect" in done.stderr
    assert "python -m" not in done.stderr


def test_a_port_out_of_range_is_one_line_and_exit_2() -> None:
    """--port 99999 is said in one line with exit 2, not an OverflowError traceback."""
    done = _emulator("--port", "99999", "--", "true")
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("emulator: cannot listen on 127.0.0.1:99999: ")


EMULATOR = (sys.executable, "-m", "futureagi_simulate.testing")


@pytest.mark.slow  # runs the emulator's command
@pytest.mark.parametrize("dialect", ["docs", "oss"])
def test_command_line_advance_manual(dialect: Dialect) -> None:
    """`--advance manual` keeps executions pending across reads until /_emulator/finish."""
    probe = (
        "import os, httpx, sys;"
        "h = {'X-Api-Key': os.environ['FI_API_KEY'], 'X-Secret-Key': os.environ['FI_SECRET_KEY']};"
        "c = httpx.Client(base_url=os.environ['FI_BASE_URL'], headers=h);"
        "r = os.environ['FI_DEMO_RUN_TEST_ID'];"
        "i = c.post('/simulate/run-tests/' + r + '/execute/', json={}).json()['execution_id'];"
        "s = [c.get('/simulate/test-executions/' + i + '/').json()['status'] for _ in range(2)];"
        "c.post('/_emulator/finish', json={});"
        "s.append(c.get('/simulate/test-executions/' + i + '/').json()['status']);"
        "sys.exit(0 if s == ['pending', 'pending', 'completed'] else 3)"
    )
    done = subprocess.run(
        [*EMULATOR, "--dialect", dialect, "--advance", "manual", "--", sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
