"""README's Python snippets run as written against the emulator, and its links stay in the repository."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from futureagi_simulate.testing import Dialect, Emulator

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
FENCE = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
# A snippet that opens with a file name is a file of the reader's own test suite, run by pytest.
FILE_NAME = re.compile(r"\A# (conftest\.py|test_\w+\.py)\n")


def _snippets() -> list[tuple[int, str]]:
    text = README.read_text(encoding="utf-8")
    return [(text.count("\n", 0, found.start()) + 2, found.group(1)) for found in FENCE.finditer(text)]


SNIPPETS = _snippets()
SCRIPTS = [(line, code) for line, code in SNIPPETS if not FILE_NAME.match(code)]
FILES = [(line, code) for line, code in SNIPPETS if FILE_NAME.match(code)]


def _ids(emulator: Emulator) -> dict[str, Any]:
    """The names README's snippets leave to the reader, bound to the emulator's seeded ids."""
    seed = emulator.seed
    return {
        "agent_definition_id": str(seed.agent_definition_ids[0]),
        "scenario_ids": [str(s) for s in seed.scenario_ids],
        "scenario_id": str(seed.scenario_ids[0]),
        "run_test_id": str(seed.run_test_id),
        "prompt_template_id": str(seed.prompt_template_id),
        "prompt_run_test_id": str(seed.prompt_run_test_id),
        "slow_scenario_id": str(seed.prompt_scenario_ids[0]),
        "agent_version_id": str(seed.agent_version_ids[1]),
    }


@pytest.fixture(params=["oss", "docs"])
def environment(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    dialect: Dialect = request.param
    with Emulator(dialect=dialect) as emulator:
        monkeypatch.setenv("FI_API_KEY", emulator.api_key)
        monkeypatch.setenv("FI_SECRET_KEY", emulator.secret_key)
        monkeypatch.setenv("FI_BASE_URL", emulator.url)
        yield emulator


def test_readme_has_the_snippets_this_test_runs() -> None:
    """The quick start, async, configuration, emulator and pytest-plugin snippets are all found."""
    assert len(SCRIPTS) >= 4
    assert [FILE_NAME.match(code).group(1) for _, code in FILES] == ["conftest.py", "test_checkout.py"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("line", "code"), SCRIPTS, ids=[f"README.md:{line}" for line, _ in SCRIPTS])
def test_snippet_runs_as_written(
    line: int, code: str, environment: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each snippet runs against the emulator in both dialects, with FI_* and the ids it names set."""
    # The emulator moves an execution one stage per poll, so a snippet that waits needs polls, not time.
    monkeypatch.setattr("futureagi_simulate._client.time.sleep", lambda seconds: None)
    namespace: dict[str, Any] = {"__name__": "readme", **_ids(environment)}
    exec(compile(code, f"README.md:{line}", "exec"), namespace)
    assert environment.conformance_failures == []


@pytest.mark.slow  # runs pytest in a subprocess
def test_pytest_plugin_snippets_pass_as_written(pytester: pytest.Pytester) -> None:
    """README's conftest.py and test file, as a reader's own suite, pass under `-W error`."""
    tests = 0
    for _, code in FILES:
        name = FILE_NAME.match(code).group(1)  # type: ignore[union-attr]
        pytester.path.joinpath(name).write_text(code, encoding="utf-8")
        tests += code.count("\ndef test_") + code.count("\nasync def test_")
    assert tests >= 2
    # pytest-asyncio (in the dev tools for tests/emulator/test_plugin.py) warns about its own unset option
    # under -W error; README's snippet runs on anyio, as a reader without pytest-asyncio would.
    result = pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider", "-p", "no:asyncio")
    result.assert_outcomes(passed=tests)


def test_readme_links_stay_inside_the_repository() -> None:
    """No link or path leaves the checkout (`../`), and every relative link names a file that exists."""
    text = README.read_text(encoding="utf-8")
    assert "../" not in text
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if not re.match(r"[a-z]+:", target):
            assert (ROOT / target).exists(), target


def _layout_rows() -> list[tuple[list[str], str]]:
    """README's Layout table: each row's paths (a bare name beside a file's path is in that file's folder)
    and its text."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n### Layout\n")
    table = text[start : text.index("\n\n", text.index("\n| path |", start) + 1)]
    rows: list[tuple[list[str], str]] = []
    for line in table.splitlines():
        if not line.startswith("| `"):
            continue
        _, first, what, *_ = line.split("|")
        named = re.findall(r"`([^`]+)`", first)
        # `a/b/c.py`, `d.py`: d.py is in a/b/; `benchmarks/`, `BENCHMARKS.md`: both at the top.
        folder = named[0].rpartition("/")[0] if not named[0].endswith("/") else ""
        beside = [p if "/" in p or not folder else f"{folder}/{p}" for p in named[1:]]
        rows.append(([named[0], *beside], what))
    return rows


LAYOUT = _layout_rows()


def test_layout_table_names_only_paths_that_exist() -> None:
    """Every path the Layout table names, and every file its rows name in a folder it names, exists."""
    assert len(LAYOUT) >= 20
    missing = [path for paths, _ in LAYOUT for path in paths if not (ROOT / path).exists()]
    for paths, what in LAYOUT:
        if paths[0].endswith("/"):
            named = re.findall(r"`([\w/]+\.py)`", what)
            inside = [paths[0] + name for name in named if "/" not in name]
            missing += [path for path in inside if not (ROOT / path).exists()]
    assert missing == []


def test_layout_table_names_every_module_of_the_package() -> None:
    """Each module of the package and its subpackages is named in the Layout table, by path or by name."""
    package = ROOT / "overrides" / "futureagi_simulate"
    quoted = [word for _, what in LAYOUT for word in re.findall(r"`([^`]+)`", what)]
    words = {word.removesuffix(".py").rstrip("/") for word in quoted}
    paths = {path.removesuffix(".py").rstrip("/") for row, _ in LAYOUT for path in row}
    unnamed = []
    for module in sorted(package.rglob("*.py")):
        if module.name == "__init__.py" and module.parent != package:
            continue
        relative = module.relative_to(ROOT).with_suffix("").as_posix()
        if module.name == "__init__.py" or relative in paths:
            continue
        name = module.relative_to(package.parent).as_posix()
        inside = module.parent.relative_to(ROOT).as_posix()
        # A module named in its folder's row, or a subfolder named there as a whole (`_reports/`).
        if inside in paths and module.stem in words:
            continue
        if module.parent.parent.relative_to(ROOT).as_posix() in paths and module.parent.name in words:
            continue
        unnamed.append(name)
    assert unnamed == []
