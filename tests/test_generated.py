"""The generated package holds models, types and request builders, and nothing that sends a request."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil

import pytest

import futureagi_simulate_api.api as api

OPERATIONS = sorted(
    info.name
    for info in pkgutil.walk_packages(api.__path__, prefix="futureagi_simulate_api.api.")
    if not info.ispkg
)


def test_the_generated_package_has_no_http_client() -> None:
    """No Client without our timeouts and safety rules is one import away from users."""
    assert importlib.util.find_spec("futureagi_simulate_api.client") is None
    assert importlib.util.find_spec("futureagi_simulate_api.errors") is None


def test_every_operation_has_a_module() -> None:
    """The walk below finds the five operations of the document, so the next test checks something."""
    assert len(OPERATIONS) >= 5


@pytest.mark.parametrize("name", OPERATIONS)
def test_each_operation_module_is_only_a_request_builder(name: str) -> None:
    """Each operation's module offers build_request_kwargs and none of the generator's endpoint functions."""
    module = importlib.import_module(name)
    assert callable(module.build_request_kwargs)
    assert not {"sync", "sync_detailed", "asyncio", "asyncio_detailed", "_get_kwargs"} & set(vars(module))
