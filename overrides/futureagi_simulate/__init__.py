"""futureagi-simulate: the Python client for the Future AGI Simulate API.

>>> from futureagi_simulate import SimulateClient, Selection
>>> with SimulateClient() as client:                      # FI_API_KEY / FI_SECRET_KEY
...     run = client.run_tests.create(name="Checkout", agent_definition_id=agent, scenario_ids=ids)
...     execution = client.run_tests.execute(run.id, selection=Selection.all())
...     client.executions.wait(execution.execution_id, timeout=1800)
...     verdict = client.executions.report(execution.execution_id, run_test_id=run.id)
"""

import os as _os
from typing import TYPE_CHECKING, Any

# In a checkout the generated subpackage ``_api`` is in generated/futureagi_simulate/, a folder apart from
# this one that `make generate` owns; the editable install puts both folders on sys.path, and this takes
# the second into the package's path. The wheel merges the two folders, so an installed package skips it
# (and neither imports pkgutil nor merges a stray futureagi_simulate folder found on sys.path).
if not _os.path.isdir(_os.path.join(__path__[0], "_api")):
    import pkgutil as _pkgutil

    __path__ = _pkgutil.extend_path(__path__, __name__)

from ._version import __version__

if TYPE_CHECKING:
    from ._baseline import BaselineComparison, EvalChange, ScenarioChange
    from ._client import AsyncSimulateClient, SimulateClient
    from ._config import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
    from ._cost import ExecutionCost, ScenarioCost
    from ._errors import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        BudgetExceededError,
        CloneError,
        CredentialsError,
        FutureAGIError,
        IncompleteResultsError,
        InsecureTransportWarning,
        InternalServerError,
        InvalidArgumentError,
        NotFoundError,
        PaymentRequiredError,
        PermissionDeniedError,
        RateLimitError,
        TooManyPagesError,
        UnsafeSelectionError,
        WaitTimeoutError,
    )
    from ._execution import Execution
    from ._models import (
        UNSET,
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
        Unset,
    )
    from ._preflight import CheckProblem, RunTestCheck
    from ._resources.call_executions import SessionComparison
    from ._results import (
        CallOutcome,
        EvalOutcome,
        EvalSummary,
        EvalSummaryItem,
        ExecutionResults,
        ExecutionState,
    )
    from ._selection import Selection
    from ._thresholds import Thresholds
    from ._types import NOT_GIVEN, BodyCasing, NotGiven, SimulationType
    from ._verdict import EvalVerdict, ScenarioVerdict, Verdict


def _names_of(module: str, names: list[str]) -> dict[str, str]:
    return dict.fromkeys(names, f"{__name__}.{module}")


# Every public name is loaded on first access (PEP 562), the client's too: ``import futureagi_simulate``
# imports no httpx, so the command's ``--help`` (whose ``futureagi_simulate.cli`` is inside this package)
# needs none, and ``from futureagi_simulate import SimulateClient, Selection`` loads the client and the
# selection, not the generated package and attrs, which cost more to import than httpx itself. PEP 562 is
# the package's one lazy-loading mechanism (``_resources`` loads its modules the same way): a module
# attribute that is not there yet is the only hook Python gives for a name read from outside, and a name
# read once is then a plain global. Each module publishes its own public classes (``_exports.publish``),
# so a class reached without this package (an error raised by a call) shows the package all the same.
_LAZY = {
    **_names_of("_client", ["AsyncSimulateClient", "SimulateClient"]),
    **_names_of("_config", ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT"]),
    **_names_of(
        "_errors",
        [
            "APIConnectionError",
            "APIError",
            "APIResponseValidationError",
            "APIStatusError",
            "APITimeoutError",
            "AuthenticationError",
            "BadRequestError",
            "BudgetExceededError",
            "CloneError",
            "CredentialsError",
            "FutureAGIError",
            "IncompleteResultsError",
            "InsecureTransportWarning",
            "InternalServerError",
            "InvalidArgumentError",
            "NotFoundError",
            "PaymentRequiredError",
            "PermissionDeniedError",
            "RateLimitError",
            "TooManyPagesError",
            "UnsafeSelectionError",
            "WaitTimeoutError",
        ],
    ),
    **_names_of("_selection", ["Selection"]),
    **_names_of("_types", ["NOT_GIVEN", "BodyCasing", "NotGiven", "SimulationType"]),
    **_names_of(
        "_models",
        [
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
        ],
    ),
    **_names_of(
        "_results",
        [
            "CallOutcome",
            "EvalOutcome",
            "EvalSummary",
            "EvalSummaryItem",
            "ExecutionResults",
            "ExecutionState",
        ],
    ),
    **_names_of("_thresholds", ["Thresholds"]),
    **_names_of("_verdict", ["EvalVerdict", "ScenarioVerdict", "Verdict"]),
    **_names_of("_execution", ["Execution"]),
    **_names_of("_cost", ["ExecutionCost", "ScenarioCost"]),
    **_names_of("_baseline", ["BaselineComparison", "EvalChange", "ScenarioChange"]),
    **_names_of("_preflight", ["CheckProblem", "RunTestCheck"]),
    **_names_of("_resources.call_executions", ["SessionComparison"]),
}


def __getattr__(name: str) -> Any:
    # Imported here, not at the top: `import futureagi_simulate` loads nothing but the version.
    from ._exports import lazy_attribute

    return lazy_attribute(globals(), _LAZY, name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AgentDefinition",
    "AgentDefinitionPage",
    "AgentDefinitionSummary",
    "AgentVersion",
    "AgentVersionDetail",
    "AgentVersionPage",
    "AgentVersionSummary",
    "AsyncSimulateClient",
    "AuthenticationError",
    "BadRequestError",
    "BaselineComparison",
    "BodyCasing",
    "BudgetExceededError",
    "CallExecution",
    "CallOutcome",
    "CheckProblem",
    "CloneError",
    "ColumnConfig",
    "CredentialsError",
    "DetailObject",
    "EvalChange",
    "EvalConfig",
    "EvalOutcome",
    "EvalSummary",
    "EvalSummaryItem",
    "EvalVerdict",
    "EvaluationConfig",
    "Execution",
    "ExecutionCost",
    "ExecutionResults",
    "ExecutionState",
    "FailedRerun",
    "FutureAGIError",
    "IncompleteResultsError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RerunCallsResult",
    "RunTest",
    "RunTestCallExecution",
    "RunTestCallExecutionPage",
    "RunTestCheck",
    "RunTestExecution",
    "RunTestPage",
    "RunTestScenario",
    "Scenario",
    "ScenarioChange",
    "ScenarioCost",
    "ScenarioPage",
    "ScenarioVerdict",
    "Selection",
    "SessionComparison",
    "SimulateClient",
    "SimulationType",
    "Thresholds",
    "TooManyPagesError",
    "UnsafeSelectionError",
    "Unset",
    "Verdict",
    "WaitTimeoutError",
    "__version__",
]
