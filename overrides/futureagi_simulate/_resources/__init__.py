"""The resources: one module per resource, each holding everything of its operations.

- ``run_tests``: ``RunTests`` and ``AsyncRunTests`` (create, list, iter, get, scenarios, executions,
  eval_summary, execute, check).
- ``executions``: ``Executions`` and ``AsyncExecutions`` (get, calls, results, cancel, wait, report).
- ``prompt_simulations``: ``PromptSimulations`` and ``AsyncPromptSimulations`` (get, execute).
- ``agent_versions``: ``AgentVersions`` and ``AsyncAgentVersions`` (an agent definition's versions: ``list``,
  ``iter``, ``get``, ``create`` and ``eval_summary``).
- ``agent_definitions``: ``AgentDefinitions`` and ``AsyncAgentDefinitions`` (the agents under test: ``list``,
  ``iter``, ``get`` and ``create``).
- ``call_executions``: ``CallExecutions`` and ``AsyncCallExecutions`` (get, session_comparison).
- ``scenarios``: ``Scenarios`` and ``AsyncScenarios`` (the workspace's scenarios: ``list``, ``iter`` and
  ``get``).
- ``_base``: what they share (the run-flow protocols, the resource base classes, the page loops).

A resource module holds its operations' requests (the generated builders), answer reading, flows and
both client classes, the async one differing only by ``await``. It sits on the shared machinery below
(``_flows``, ``_retry``, ``_transport``, ``_pagination``, ``_answers``, ``_errors``, ...), which never
imports a resource. Adding an operation: the document, ``make generate``, one method in one resource
module, the emulator's handler, tests.

The classes are loaded on first access (PEP 562, the package's one lazy-loading mechanism, as in
``futureagi_simulate/__init__.py``): each resource module imports the generated package at its top,
which ``import futureagi_simulate`` must not pay for. A client reads them when a resource is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from futureagi_simulate._exports import lazy_attribute

if TYPE_CHECKING:
    from .agent_definitions import AgentDefinitions, AsyncAgentDefinitions
    from .agent_versions import AgentVersions, AsyncAgentVersions
    from .call_executions import AsyncCallExecutions, CallExecutions
    from .executions import AsyncExecutions, Executions
    from .prompt_simulations import AsyncPromptSimulations, PromptSimulations
    from .run_tests import AsyncRunTests, RunTests
    from .scenarios import AsyncScenarios, Scenarios

__all__ = [
    "AgentDefinitions",
    "AgentVersions",
    "AsyncAgentDefinitions",
    "AsyncAgentVersions",
    "AsyncCallExecutions",
    "AsyncExecutions",
    "AsyncPromptSimulations",
    "AsyncRunTests",
    "AsyncScenarios",
    "CallExecutions",
    "Executions",
    "PromptSimulations",
    "RunTests",
    "Scenarios",
]

_MODULES = {
    "Scenarios": "scenarios",
    "AsyncScenarios": "scenarios",
    "AgentDefinitions": "agent_definitions",
    "AsyncAgentDefinitions": "agent_definitions",
    "AgentVersions": "agent_versions",
    "AsyncAgentVersions": "agent_versions",
    "RunTests": "run_tests",
    "AsyncRunTests": "run_tests",
    "Executions": "executions",
    "AsyncExecutions": "executions",
    "PromptSimulations": "prompt_simulations",
    "AsyncPromptSimulations": "prompt_simulations",
    "CallExecutions": "call_executions",
    "AsyncCallExecutions": "call_executions",
}


def __getattr__(name: str) -> Any:
    return lazy_attribute(globals(), _MODULES, name, prefix=f"{__name__}.")


def __dir__() -> list[str]:
    return sorted(__all__)
