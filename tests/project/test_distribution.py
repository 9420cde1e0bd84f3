"""What another project installs: `make dist`'s wheel and source archive, a git URL, the command as a uv
tool, and the license."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, StdioServerParameters

from futureagi_simulate.testing import Emulator

# These run `make`, which builds .venv-demo and dist/: one xdist worker runs them all, one at a time.
# slow: runs `make dist` and pip.
pytestmark = [pytest.mark.xdist_group("make"), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
LICENSE = ROOT / "LICENSE"


BUILD_PYTHON = ROOT / ".venv-build" / "bin" / "python"
# uv, pinned in requirements/dev.txt: the installer of `uv tool install` (README, "As a command").
UV = Path(sys.executable).parent / "uv"
DEV_TOOLS = {"mypy", "ruff", "pytest", "openapi-python-client", "schemathesis", "hypothesis", "editables"}


@pytest.fixture(scope="module")
def no_dev_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("make") / "dev-venv"


@pytest.fixture(scope="module")
def dist(no_dev_venv: Path) -> Path:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    # VENV names where the development environment would be: `make dist` must not need it.
    subprocess.run(
        ["make", "-s", "dist", f"VENV={no_dev_venv}"],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )
    return ROOT / "dist"


def test_license_file_is_the_license_pyproject_names() -> None:
    """pyproject.toml says Apache-2.0, and LICENSE is that license's full text."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "Apache-2.0"
    text = LICENSE.read_text()
    assert text.split()[:4] == ["Apache", "License", "Version", "2.0,"]
    assert "END OF TERMS AND CONDITIONS" in text


def test_make_dist_builds_a_wheel_and_source_archive_with_license_and_extras(dist: Path) -> None:
    """dist/ gets one wheel and one sdist of this version; both carry LICENSE; the wheel names its extras."""
    (wheel,) = dist.glob("futureagi_simulate-*-py3-none-any.whl")
    (sdist,) = dist.glob("futureagi_simulate-*.tar.gz")
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    (license_name,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert archive.read(license_name) == LICENSE.read_bytes()
    (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    metadata = Parser().parsestr(archive.read(metadata_name).decode())
    assert metadata["License-Expression"] == "Apache-2.0"
    assert "testing" in (metadata.get_all("Provides-Extra") or [])
    with tarfile.open(sdist) as source:
        (license_member,) = [m for m in source.getnames() if m.endswith("/LICENSE")]
        extracted = source.extractfile(license_member)
        assert extracted is not None
        assert extracted.read() == LICENSE.read_bytes()


def test_make_dist_builds_without_the_development_toolchain(dist: Path, no_dev_venv: Path) -> None:
    """`make dist` makes no dev environment; its build environment has hatchling and none of the dev tools."""
    assert not no_dev_venv.exists()
    listed = subprocess.run(
        [BUILD_PYTHON, "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    installed = {entry["name"].lower() for entry in json.loads(listed.stdout)}
    assert "hatchling" in installed
    assert not installed & DEV_TOOLS


def test_the_source_archive_builds_the_same_wheel(dist: Path, tmp_path: Path) -> None:
    """A wheel built from the sdist holds the same package files as `make dist`'s wheel."""
    (sdist,) = dist.glob("futureagi_simulate-*.tar.gz")
    subprocess.run(
        [
            BUILD_PYTHON,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            tmp_path,
            sdist,
        ],
        check=True,
        capture_output=True,
    )
    (rebuilt,) = tmp_path.glob("futureagi_simulate-*.whl")
    (wheel,) = dist.glob("futureagi_simulate-*.whl")

    def package_files(path: Path) -> set[str]:
        return {name for name in zipfile.ZipFile(path).namelist() if ".dist-info/" not in name}

    assert package_files(rebuilt) == package_files(wheel)
    assert "futureagi_simulate/_api/models/run_test.py" in package_files(rebuilt)


def test_install_from_a_git_url(tmp_path: Path) -> None:
    """`pip install "futureagi-simulate[testing] @ git+file://..."` installs the committed package."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            f"futureagi-simulate[testing] @ git+file://{ROOT}",
        ],
        check=True,
        capture_output=True,
    )
    assert (target / "futureagi_simulate" / "testing" / "pytest_plugin.py").is_file()
    assert (target / "futureagi_simulate" / "_api" / "openapi.yaml").is_file()


def uv_tool_environment(tmp_path: Path) -> dict[str, str]:
    """uv's settings for a tool environment of the test's own: tools, their commands and uv's cache under
    ``tmp_path``; the interpreter the tests run on (uv downloads none)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("UV_", "FI_", "VIRTUAL_ENV"))}
    return {
        **base,
        "UV_TOOL_DIR": str(tmp_path / "tools"),
        "UV_TOOL_BIN_DIR": str(tmp_path / "bin"),
        "UV_CACHE_DIR": str(tmp_path / "cache"),
        "UV_PYTHON_DOWNLOADS": "never",
        "UV_NO_CONFIG": "1",
    }


def test_uv_tool_install_of_the_wheel_gives_a_command_that_answers(
    dist: Path, tmp_path: Path, oss: Emulator
) -> None:
    """`uv tool install "futureagi-simulate[cli] @ WHEEL"` (dependencies from the package index) into a tool
    environment of its own: the command on its bin folder answers --help and a query to the emulator."""
    (wheel,) = dist.glob("futureagi_simulate-*.whl")
    env = uv_tool_environment(tmp_path)
    subprocess.run(
        [
            UV,
            "tool",
            "install",
            "--quiet",
            "--python",
            sys.executable,
            "--constraints",
            str(ROOT / "requirements" / "constraints.txt"),
            f"futureagi-simulate[cli] @ {wheel}",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    command = tmp_path / "bin" / "futureagi-simulate"
    assert (tmp_path / "tools" / "futureagi-simulate").is_dir()
    helped = subprocess.run([command, "--help"], env=env, capture_output=True, text=True, check=True)
    assert "usage: futureagi-simulate" in helped.stdout
    queried = subprocess.run(
        [command, "run-tests", "get", str(oss.seed.run_test_id), "--json"],
        env=env | {"FI_API_KEY": oss.api_key, "FI_SECRET_KEY": oss.secret_key, "FI_BASE_URL": oss.url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert queried.returncode == 0, queried.stderr
    assert json.loads(queried.stdout)["name"] == "Checkout regression"
    # The tool's own environment, not the tests': it holds the package as the wheel installs it.
    (site,) = (tmp_path / "tools" / "futureagi-simulate").glob("lib/python*/site-packages")
    assert (site / "futureagi_simulate" / "_api" / "openapi.yaml").is_file()


def test_uv_tool_install_with_the_mcp_extra_serves_mcp(dist: Path, tmp_path: Path, oss: Emulator) -> None:
    """`uv tool install "futureagi-simulate[mcp] @ WHEEL"`: the tool's `futureagi-simulate mcp` answers an MCP
    client over stdio (the mcp extra alone, without the cli extra)."""
    (wheel,) = dist.glob("futureagi_simulate-*.whl")
    env = uv_tool_environment(tmp_path)
    subprocess.run(
        [
            UV,
            "tool",
            "install",
            "--quiet",
            "--python",
            sys.executable,
            "--constraints",
            str(ROOT / "requirements" / "constraints.txt"),
            f"futureagi-simulate[mcp] @ {wheel}",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    command = str(tmp_path / "bin" / "futureagi-simulate")
    settings = env | {"FI_API_KEY": oss.api_key, "FI_SECRET_KEY": oss.secret_key, "FI_BASE_URL": oss.url}

    async def list_run_tests() -> dict[str, Any]:
        async with Client(StdioServerParameters(command=command, args=["mcp"], env=settings)) as client:
            answer = await client.call_tool("list_run_tests", {"search": "Checkout"})
        content = answer.structured_content
        assert isinstance(content, dict)
        return content

    answer = anyio.run(list_run_tests)
    assert [row["name"] for row in answer["run_tests"]] == ["Checkout regression"]
