"""The generated models users meet, shown as ``futureagi_simulate.<Name>``.

Everything that parses an answer imports the generated models through here, so a model reached through
a call (``run.agent_version``) and one imported by name are shown the same way. Loaded on first use,
each model with those it names: importing the generated package costs more than the rest of the client.
"""

import importlib
import sys
from typing import TYPE_CHECKING, Any

from futureagi_simulate._api import models as _generated
from futureagi_simulate._api.types import UNSET, Unset

from ._exports import publish

if TYPE_CHECKING:
    from futureagi_simulate._api.models import (
        AgentDefinition,
        AgentDefinitionPage,
        AgentDefinitionSummary,
        AgentVersion,
        AgentVersionDetail,
        AgentVersionPage,
        AgentVersionSummary,
        CallExecution,
        ColumnConfig,
        DetailObject,
        EvalConfig,
        EvaluationConfig,
        FailedRerun,
        RerunCallsResult,
        RunTest,
        RunTestCallExecution,
        RunTestCallExecutionPage,
        RunTestExecution,
        RunTestPage,
        RunTestScenario,
        Scenario,
        ScenarioPage,
    )

__all__ = [
    "UNSET",
    "AgentDefinition",
    "AgentDefinitionPage",
    "AgentDefinitionSummary",
    "AgentVersion",
    "AgentVersionDetail",
    "AgentVersionPage",
    "AgentVersionSummary",
    "CallExecution",
    "ColumnConfig",
    "DetailObject",
    "EvalConfig",
    "EvaluationConfig",
    "FailedRerun",
    "RerunCallsResult",
    "RunTest",
    "RunTestCallExecution",
    "RunTestCallExecutionPage",
    "RunTestExecution",
    "RunTestPage",
    "RunTestScenario",
    "Scenario",
    "ScenarioPage",
    "Unset",
]

# Each model is loaded on first use (PEP 562), with the generated models it names: ``run-tests list``
# then loads the run test's models, not the agent definitions', the call rows' or the reruns' (BENCHMARKS.md,
# "The command's cold start"). A generated module imports the models it names when it loads, so a model
# reached through a call (``run.agent_version``) was loaded with the model the call returned, which came
# through here: every public model loaded by then is published with it, before any answer is read.
_MODULES = {
    name: f"{_generated.__name__}{_generated._WHERE[name]}" for name in __all__ if name in _generated._WHERE
}
publish(Unset)


def _publish_loaded() -> None:
    """Publishes, and keeps here, every public model whose generated module is loaded."""
    for name, module in _MODULES.items():
        if name not in globals() and module in sys.modules:
            model = getattr(sys.modules[module], name, None)
            if model is None:
                # A module is in sys.modules while it runs: another thread is importing it. The import
                # system waits for that thread's import to end; a cycle it broke leaves the module
                # unfinished, and the model is then published by the look-up that finishes it.
                model = getattr(importlib.import_module(module), name, None)
                if model is None:
                    continue
            publish(model)
            globals()[name] = model


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    getattr(_generated, name)  # loads its module, and with it the models it names
    _publish_loaded()
    return globals()[name]


def __dir__() -> list[str]:
    return sorted(__all__)
