"""What `help()` shows a newcomer: the clients' resource attributes and what each holds."""

from __future__ import annotations

import pydoc
import typing

import pytest

from futureagi_simulate import AsyncSimulateClient, SimulateClient


@pytest.mark.parametrize(
    ("client_class", "run_tests", "prompt_simulations", "executions"),
    [
        (SimulateClient, "RunTests", "PromptSimulations", "Executions"),
        (AsyncSimulateClient, "AsyncRunTests", "AsyncPromptSimulations", "AsyncExecutions"),
    ],
)
def test_help_names_the_resources_and_what_they_hold(
    client_class: type[object], run_tests: str, prompt_simulations: str, executions: str
) -> None:
    """help(client class) names run_tests, executions and prompt_simulations, their classes and methods."""
    # pydoc.plaintext is public but missing from typeshed; TextDoc is what it is an instance of.
    text = pydoc.render_doc(client_class, renderer=pydoc.TextDoc())
    assert f"run_tests: :class:`futureagi_simulate.resources.{run_tests}`" in text
    assert f"prompt_simulations: :class:`futureagi_simulate.resources.{prompt_simulations}`" in text
    assert f"executions: :class:`futureagi_simulate.resources.{executions}`" in text
    for method in ("create", "list", "iter", "execute", "get", "wait", "report", "cancel"):
        assert f"``{method}``" in text


@pytest.mark.parametrize("client_class", [SimulateClient, AsyncSimulateClient])
def test_resources_are_declared_on_the_class(client_class: type[object]) -> None:
    """The class declares every resource with its type and a docstring, so help(), IDEs and pdoc list it."""
    for name in ("run_tests", "executions", "prompt_simulations"):
        declared = getattr(client_class, name)
        assert isinstance(declared, property)
        assert declared.__doc__
        returned = typing.get_type_hints(declared.fget)["return"]
        assert returned.__name__.endswith(name.title().replace("_", ""))
