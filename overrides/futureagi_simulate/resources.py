"""The resources a client holds, for their methods and for type annotations.

``SimulateClient.run_tests`` is a :class:`RunTests`, ``SimulateClient.executions`` an
:class:`Executions` and ``SimulateClient.prompt_simulations`` a :class:`PromptSimulations`;
``AsyncSimulateClient`` holds the ``Async`` twins, whose methods are awaited. A client builds its own;
there is no reason to build one yourself.

>>> from futureagi_simulate.resources import RunTests
>>> def newest(run_tests: RunTests) -> str: ...

Importing a class loads its resource's module and, with it, the generated models (about as much again
as ``import futureagi_simulate``, the cost a client's first call pays anyway). For annotations alone,
import it under ``typing.TYPE_CHECKING`` and nothing loads at run time.
"""

from ._resources import (
    AgentDefinitions,
    AgentVersions,
    AsyncAgentDefinitions,
    AsyncAgentVersions,
    AsyncExecutions,
    AsyncPromptSimulations,
    AsyncRunTests,
    AsyncScenarios,
    Executions,
    PromptSimulations,
    RunTests,
    Scenarios,
)

__all__ = [
    "AgentDefinitions",
    "AgentVersions",
    "AsyncAgentDefinitions",
    "AsyncAgentVersions",
    "AsyncExecutions",
    "AsyncPromptSimulations",
    "AsyncRunTests",
    "AsyncScenarios",
    "Executions",
    "PromptSimulations",
    "RunTests",
    "Scenarios",
]
