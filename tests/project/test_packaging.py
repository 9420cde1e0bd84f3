"""The wheel: one distribution, one typed top-level package, importable from a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

# slow: builds a wheel and a virtual environment.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("futureagi_simulate-*.whl")
    return built


def test_wheel_holds_one_top_level_package(wheel: Path) -> None:
    """Users meet one import name: everything but the metadata is under futureagi_simulate/."""
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if ".dist-info/" not in name}
    assert tops == {"futureagi_simulate"}


def test_wheel_holds_the_generated_subpackage_typed(wheel: Path) -> None:
    """The public package and its generated subpackage _api are in the wheel, each with py.typed."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "futureagi_simulate/__init__.py" in names
    assert "futureagi_simulate/py.typed" in names
    assert "futureagi_simulate/_api/api/run_tests/execute_run_test.py" in names
    assert "futureagi_simulate/_api/py.typed" in names
    assert not any(name.startswith(("tests/", "overrides/", "generated/")) for name in names)


def test_wheel_ships_the_emulator_with_its_document(wheel: Path) -> None:
    """The emulator, its console script and the document it checks against are in the wheel."""
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    assert "futureagi_simulate/testing/__main__.py" in names
    document = archive.read("futureagi_simulate/_api/openapi.yaml")
    assert document == (Path(__file__).resolve().parents[2] / "openapi.yaml").read_bytes()
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert (
        "futureagi-simulate-emulator = futureagi_simulate.testing.__main__:main"
        in archive.read(entry_points).decode()
    )


def test_wheel_imports_in_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    """pip install of the wheel into a new venv gives a working import from that venv, not the checkout."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", str(wheel)], check=True
    )
    # The runtime dependencies come from this environment's site-packages, added by path only: its .pth
    # files (among them the editable install of this checkout) are not processed, so they cannot leak in.
    site = Path(sysconfig.get_paths()["purelib"])
    (
        Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"]) / "deps.pth"
    ).write_text(f"{site}\n")
    script = (
        "import sys, futureagi_simulate as f, futureagi_simulate._api as g; "
        "c = f.SimulateClient(api_key='k', secret_key='s'); "
        "print(f.__file__); print(g.__file__); print(f.__version__, c.base_url); "
        "print(len(f.__path__), 'pkgutil' in sys.modules)"
    )
    result = subprocess.run(
        [str(python), "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    public, generated, summary, path = result.stdout.splitlines()
    assert public.startswith(str(venv))
    assert generated.startswith(str(venv))
    assert summary.endswith("https://api.futureagi.com")
    # Installed, _api sits inside the package folder: no second folder is searched, pkgutil not loaded.
    assert path == "1 False"


def test_importing_the_client_leaves_attrs_and_the_generated_package_for_later() -> None:
    """Importing SimulateClient and Selection loads neither attrs, httpcore nor the generated package."""
    code = (
        "import sys\n"
        "from futureagi_simulate import SimulateClient, Selection\n"
        "Selection.only(['3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b'])\n"
        "late = ('attr', 'attrs', 'httpcore', 'futureagi_simulate._api')\n"
        "early = sorted(m for m in sys.modules if m.startswith(late))\n"
        "import futureagi_simulate\n"
        "futureagi_simulate.RunTest\n"
        "print(early, 'futureagi_simulate._api.models' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[] True"
