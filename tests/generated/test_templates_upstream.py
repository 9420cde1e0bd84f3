"""Our templates that replace one of the generator's show their difference from it.

openapi-python-client loads a custom template in place of its namesake (a ChoiceLoader: our folder,
then its own) and offers no other name for the original, whose templates have no blocks to override:
so each of ours is the upstream file with our changes, each between an "ours" comment saying why and
"/ours". These tests diff each one against the installed upstream template of the pinned version.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import re
from pathlib import Path

import openapi_python_client
import pytest

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM_TEMPLATES = Path(openapi_python_client.__file__).parent / "templates"
# The header each of them starts with, naming the upstream version and template it comes from.
UPSTREAM_VERSION = re.compile(
    r"\A\{#- Upstream: openapi-python-client (\S+), openapi_python_client/templates/(\S+\.jinja)"
)
OURS = re.compile(r"^\s*\{# ours: .+")
END_OURS = re.compile(r"^\s*\{# /ours #\}\s*$")
FORKS = sorted(
    path.name for path in (ROOT / "templates").glob("*.jinja") if (UPSTREAM_TEMPLATES / path.name).is_file()
)


def _marked(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """A template's lines without its header and markers, and the marked regions as [start, end) in them."""
    header_end = text.index("-#}") + len("-#}")
    lines: list[str] = []
    regions: list[tuple[int, int]] = []
    start: int | None = None
    inside_comment = False
    for line in text[header_end:].removeprefix("\n").splitlines():
        if start is None and OURS.match(line):
            start = len(lines)
            # A marker's reason may run over more lines; the comment ends at "#}".
            inside_comment = "#}" not in line
        elif inside_comment:
            inside_comment = "#}" not in line
        elif start is not None and END_OURS.match(line):
            regions.append((start, len(lines)))
            start = None
        else:
            lines.append(line)
    assert start is None, "an ours marker without its /ours"
    return lines, regions


def _unmarked_differences(name: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Differences from upstream outside every marked region, and the regions that differ in nothing."""
    ours, regions = _marked((ROOT / "templates" / name).read_text())
    upstream = (UPSTREAM_TEMPLATES / name).read_text().splitlines()
    used: set[tuple[int, int]] = set()
    stray: list[str] = []
    matcher = difflib.SequenceMatcher(None, upstream, ours, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # A difference is covered by a region that holds all its lines (or, for a removal, its place).
        covering = [(a, b) for a, b in regions if a <= j1 and j2 <= b]
        if covering:
            used.update(covering)
        else:
            stray.append(f"upstream lines {i1 + 1}-{i2}, ours {j1}-{j2}: {upstream[i1:i2]} -> {ours[j1:j2]}")
    return stray, [region for region in regions if region not in used]


def test_each_forked_template_names_the_upstream_version_it_comes_from() -> None:
    """Each template that replaces one of the generator's names that template and the pinned version."""
    pinned = re.search(
        r"^openapi-python-client==(\S+)$", (ROOT / "requirements" / "dev.txt").read_text(), re.M
    )
    assert pinned is not None
    assert FORKS == [
        "endpoint_module.py.jinja",
        "model.py.jinja",
        "models_init.py.jinja",
        "package_init.py.jinja",
        "types.py.jinja",
    ]
    for name in FORKS:
        header = UPSTREAM_VERSION.match((ROOT / "templates" / name).read_text())
        assert header is not None, name
        assert header.groups() == (pinned.group(1), name)
        assert importlib.metadata.version("openapi-python-client") == pinned.group(1)


@pytest.mark.parametrize("name", FORKS)
def test_a_forked_template_differs_from_upstream_only_where_marked(name: str) -> None:
    """Every difference from the installed upstream template sits in an "ours" region that says why."""
    stray, _ = _unmarked_differences(name)
    assert stray == []


@pytest.mark.parametrize("name", FORKS)
def test_every_marked_region_still_differs_from_upstream(name: str) -> None:
    """A region marked as ours that upstream now matches is a stale marker."""
    _, unused = _unmarked_differences(name)
    assert unused == []
