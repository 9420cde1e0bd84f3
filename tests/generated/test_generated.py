"""The generated package holds models, types and request builders, and nothing that sends a request."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path

import pytest

import futureagi_simulate._api.api as api

OPERATIONS = sorted(
    info.name
    for info in pkgutil.walk_packages(api.__path__, prefix="futureagi_simulate._api.api.")
    if not info.ispkg
)


def test_the_generated_package_has_no_http_client() -> None:
    """No Client without our timeouts and safety rules is one import away from users."""
    assert importlib.util.find_spec("futureagi_simulate._api.client") is None
    assert importlib.util.find_spec("futureagi_simulate._api.errors") is None


def test_every_operation_has_a_module() -> None:
    """The walk below finds the five operations of the document, so the next test checks something."""
    assert len(OPERATIONS) >= 5


@pytest.mark.parametrize("name", OPERATIONS)
def test_each_operation_module_is_only_a_request_builder(name: str) -> None:
    """Each operation's module offers build_request_kwargs and none of the generator's endpoint functions."""
    module = importlib.import_module(name)
    assert callable(module.build_request_kwargs)
    assert not {"sync", "sync_detailed", "asyncio", "asyncio_detailed", "_get_kwargs"} & set(vars(module))


ROOT = Path(__file__).resolve().parents[2]
# What a user reads: README, the docs written by hand, the examples.
USER_FACING = [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "examples").iterdir()]
GENERATED_IMPORT = re.compile(r"\b(?:import|from)\s+futureagi_simulate(?:_api|\._api)\b")


@pytest.mark.parametrize("path", USER_FACING, ids=lambda path: path.name)
def test_no_user_facing_text_imports_the_generated_package(path: Path) -> None:
    """Users import futureagi_simulate only: no example or document names the generated package."""
    assert GENERATED_IMPORT.findall(path.read_text(encoding="utf-8")) == []


def test_the_generated_package_is_a_subpackage_of_the_public_one() -> None:
    """The generated code is futureagi_simulate._api: one import name, the generated part private."""
    assert importlib.util.find_spec("futureagi_simulate_api") is None
    assert api.__name__ == "futureagi_simulate._api.api"
