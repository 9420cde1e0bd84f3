"""The committed Python API reference covers the public package, and its check catches what is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.project.python_docs_check import problems

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "python"


def test_the_committed_reference_covers_the_public_package() -> None:
    """docs/python has every public name, the clients' resources, every resource method, offline."""
    assert problems(REFERENCE) == []


def test_the_reference_shows_the_key_names_a_newcomer_looks_for() -> None:
    """Clients, resources, Selection, the error tree's root and the emulator each have their section."""
    package = (REFERENCE / "futureagi_simulate.html").read_text()
    for name in ("SimulateClient", "AsyncSimulateClient", "Selection", "FutureAGIError", "APIStatusError"):
        assert f'<section id="{name}"' in package
    assert '<section id="Emulator"' in (REFERENCE / "futureagi_simulate" / "testing.html").read_text()
    assert 'id="RunTests.execute"' in (REFERENCE / "futureagi_simulate" / "resources.html").read_text()


def test_a_missing_section_or_a_network_fetch_is_reported(tmp_path: Path) -> None:
    """Dropping the run_tests section and adding a CDN script each produce a problem."""
    copy = tmp_path / "python"
    shutil.copytree(REFERENCE, copy)
    page = copy / "futureagi_simulate.html"
    text = page.read_text()
    assert 'id="SimulateClient.run_tests"' in text
    page.write_text(
        text.replace('id="SimulateClient.run_tests"', 'id="gone"').replace(
            "<head>", '<head><script src="https://cdn.example.com/x.js"></script>', 1
        )
    )
    assert problems(copy) == [
        "futureagi_simulate: needs the network: <script src='https://cdn.example.com/x.js'>",
        "futureagi_simulate: SimulateClient does not show run_tests",
    ]
