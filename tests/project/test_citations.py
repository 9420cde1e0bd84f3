"""The code cites only what a reader of the repository can open: the server's code or ``docs/``."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Notes kept beside the project, outside the repository. Spelt in two parts so this file does not cite it.
OUTSIDE_NOTES = "API-" + "NOTES"
#: The code, its tests, the generator's templates and the document the client is generated from.
CITING = (ROOT / "overrides", ROOT / "tests", ROOT / "templates", ROOT / "openapi.yaml")


def _files() -> list[Path]:
    found: list[Path] = []
    for place in CITING:
        files = [place] if place.is_file() else sorted(p for p in place.rglob("*") if p.is_file())
        found += [p for p in files if "__pycache__" not in p.parts]
    return found


def test_no_file_cites_notes_outside_the_repository() -> None:
    """No file of the code, tests, templates or document cites notes kept outside the repository."""
    files = _files()
    # The walk reaches every place, this file included, so an empty walk cannot pass.
    assert Path(__file__).resolve() in files
    assert {place for place in CITING if not any(f == place or place in f.parents for f in files)} == set()
    citing = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_bytes().decode("utf-8", "replace").splitlines(), 1)
        if OUTSIDE_NOTES in line
    ]
    assert citing == [], f"cite docs/dialects.md or the server's code instead: {citing}"
