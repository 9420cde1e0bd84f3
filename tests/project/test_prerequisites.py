"""`make test` names every missing prerequisite on one line before it installs or runs anything."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# These run `make`, which builds .venv-demo and dist/: one xdist worker runs them all, one at a time.
# slow: runs the prerequisite script and `make`.
pytestmark = [pytest.mark.xdist_group("make"), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check-prerequisites.sh"


def _fake(folder: Path, name: str, output: str, *, stderr: bool = False) -> None:
    tool = folder / name
    tool.write_text(f"#!/bin/sh\necho '{output}'{' >&2' if stderr else ''}\n")
    tool.chmod(0o755)


def _tools(folder: Path, *, node: str, java: str, python: str) -> dict[str, str]:
    folder.mkdir()
    _fake(folder, "node", node)
    _fake(folder, "npm", "10.0.0")
    _fake(folder, "java", f'openjdk version "{java}" 2025-04-15', stderr=True)
    _fake(folder, "python-fake", python)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}", "PYTHON": str(folder / "python-fake")}


def _check(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", str(SCRIPT), "python", "node", "java"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_recent_enough_tools_pass_silently(tmp_path: Path) -> None:
    """Node 20, Java 17 and Python 3.11 are enough: exit 0, nothing printed."""
    done = _check(_tools(tmp_path / "bin", node="v20.1.0", java="17.0.15", python="3.11"))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_old_tools_are_named_together_on_one_line(tmp_path: Path) -> None:
    """Node 18, Java 11 and Python 3.10 are each named, with the version found, in one line."""
    done = _check(_tools(tmp_path / "bin", node="v18.19.0", java="11.0.2", python="3.10"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "Node.js 20+ (node is v18.19.0)" in done.stderr
    assert "Java 17+ for the TypeScript check (java is 11.0.2)" in done.stderr
    assert "Python 3.11+" in done.stderr
    assert "is 3.10" in done.stderr


def test_java_8_version_form_is_read_as_8(tmp_path: Path) -> None:
    """Java 8 reports itself as "1.8.0_402", which is 8, not 1."""
    done = _check(_tools(tmp_path / "bin", node="v22.0.0", java="1.8.0_402", python="3.12"))
    assert done.stderr.strip().startswith(
        "missing prerequisites: Java 17+ for the TypeScript check (java is 1.8"
    )


def test_absent_tools_are_named(tmp_path: Path) -> None:
    """With neither node, npm, java nor the Python named by PYTHON on PATH, all are named."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for utility in ("sed", "head"):
        found = shutil.which(utility)
        assert found is not None
        (folder / utility).symlink_to(found)
    done = _check({"PATH": str(folder), "PYTHON": "python-that-is-not-there"})
    assert done.returncode == 1
    for name in ("Python 3.11+", "Node.js 20+ (node not found)", "npm", "Java 17+"):
        assert name in done.stderr


def test_make_test_stops_at_the_first_step_when_node_is_old(tmp_path: Path) -> None:
    """`make test` with Node 18 fails on the prerequisite line, before any other step runs."""
    environment = _tools(tmp_path / "bin", node="v18.0.0", java="17.0.1", python="3.11")
    environment = {k: v for k, v in environment.items() if not k.startswith("MAKE")}
    done = subprocess.run(
        ["make", "-s", "test"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert done.stdout == ""
    first, *rest = done.stderr.splitlines()
    assert first == 'missing prerequisites: Node.js 20+ (node is v18.0.0) (README, "Development", lists them)'
    assert all(line.startswith("make:") for line in rest)
