"""The resources a client holds, for their methods and for type annotations.

``SimulateClient.run_tests`` is a :class:`RunTests`, ``SimulateClient.executions`` an
:class:`Executions` and ``SimulateClient.prompt_simulations`` a :class:`PromptSimulations`;
``AsyncSimulateClient`` holds the ``Async`` twins, whose methods are awaited. A client builds its own;
there is no reason to build one yourself.

>>> from futureagi_simulate.resources import RunTests
>>> def newest(run_tests: RunTests) -> str: ...
"""

from ._resources import (
    AsyncExecutions,
    AsyncPromptSimulations,
    AsyncRunTests,
    Executions,
    PromptSimulations,
    RunTests,
)

__all__ = [
    "AsyncExecutions",
    "AsyncPromptSimulations",
    "AsyncRunTests",
    "Executions",
    "PromptSimulations",
    "RunTests",
]
