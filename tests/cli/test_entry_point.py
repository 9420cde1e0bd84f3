"""What only a process of its own shows: the installed command, the import of the package without the
command's libraries, the command without its extra, an interrupt while it loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import cli_process, run_args

# slow: each test starts the installed command or another interpreter.
pytestmark = pytest.mark.slow


def test_the_package_imports_no_cli_library() -> None:
    """With the cli and mcp extras installed (and click not, as the extra does not bring it), importing the
    package loads none of the command's libraries, nor the MCP server's."""
    probe = (
        "import sys; sys.modules['click'] = None; import futureagi_simulate; "
        "print(sorted({'rich', 'futureagi_simulate.cli', 'futureagi_simulate.mcp', 'mcp', 'pydantic', "
        "'starlette'} & set(sys.modules)))"
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


@pytest.mark.parametrize("argv", [[], ["--help"], ["run", "--help"], ["mcp", "--help"], ["--version"]])
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


def test_the_installed_command_gates_a_run(oss: Emulator, tmp_path: Path) -> None:
    """The console script on PATH runs a passing run: exit 0 and its JSON result."""
    done = cli_process(oss, *run_args(oss, "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 0


def test_python_dash_m_is_the_same_command() -> None:
    """python -m futureagi_simulate.cli answers as the console script does."""
    done = subprocess.run(
        [sys.executable, "-m", "futureagi_simulate.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("futureagi-simulate ")
