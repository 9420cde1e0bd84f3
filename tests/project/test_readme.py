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
