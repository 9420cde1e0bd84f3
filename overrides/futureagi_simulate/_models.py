"""The generated models users meet, shown as ``futureagi_simulate.<Name>``.

Everything that parses an answer imports the generated models through here, so a model reached through
a call (``run.agent_version``) and one imported by name are shown the same way. Loaded on first use:
importing the generated package costs more than the rest of the client.
"""

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
    RunTest,
    RunTestCallExecution,
    RunTestCallExecutionPage,
    RunTestExecution,
    RunTestPage,
    RunTestScenario,
    Scenario,
    ScenarioPage,
)
from futureagi_simulate._api.types import UNSET, Unset

from ._exports import publish

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

publish(*(value for value in map(globals().__getitem__, __all__) if isinstance(value, type)))
