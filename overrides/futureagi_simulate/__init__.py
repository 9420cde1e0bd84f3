"""futureagi-simulate: the Python client for the Future AGI Simulate API.

>>> from futureagi_simulate import SimulateClient, Selection
>>> with SimulateClient() as client:                      # FI_API_KEY / FI_SECRET_KEY
...     run = client.run_tests.create(name="Checkout", agent_definition_id=agent, scenario_ids=ids)
...     execution = client.run_tests.execute(run.id, selection=Selection.all())
...     client.executions.wait(execution.execution_id, timeout=1800)
...     verdict = client.executions.report(execution.execution_id)
"""

from typing import TYPE_CHECKING, Any

from ._client import AsyncSimulateClient, SimulateClient
from ._config import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CredentialsError,
    FutureAGIError,
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
from ._selection import Selection
from ._types import NOT_GIVEN, BodyCasing, NotGiven, SimulationType
from ._version import __version__

if TYPE_CHECKING:
    from futureagi_simulate_api.models import (
        AgentVersion,
        CallExecution,
        ColumnConfig,
        DetailObject,
        EvalConfig,
        EvaluationConfig,
        RunTest,
        RunTestExecution,
        RunTestPage,
        RunTestScenario,
        Scenario,
    )
    from futureagi_simulate_api.types import UNSET, Unset

    from ._execution import Execution
    from ._results import (
        CallOutcome,
        EvalOutcome,
        EvalSummary,
        EvalSummaryItem,
        ExecutionResults,
        ExecutionState,
    )
    from ._verdict import ScenarioVerdict, Thresholds, Verdict

# Loaded on first access (PEP 562): the generated package and attrs cost more to import than httpx
# itself, and a script that only starts executions never names these until a call has returned one.
_LAZY = {
    **dict.fromkeys(
        [
            "AgentVersion",
            "CallExecution",
            "ColumnConfig",
            "DetailObject",
            "EvalConfig",
            "EvaluationConfig",
            "RunTest",
            "RunTestExecution",
            "RunTestPage",
            "RunTestScenario",
            "Scenario",
        ],
        "futureagi_simulate_api.models",
    ),
    **dict.fromkeys(
        [
            "CallOutcome",
            "EvalOutcome",
            "EvalSummary",
            "EvalSummaryItem",
            "ExecutionResults",
            "ExecutionState",
        ],
        "futureagi_simulate._results",
    ),
    **dict.fromkeys(["ScenarioVerdict", "Thresholds", "Verdict"], "futureagi_simulate._verdict"),
    "UNSET": "futureagi_simulate_api.types",
    "Unset": "futureagi_simulate_api.types",
    "Execution": "futureagi_simulate._execution",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
    "AgentVersion",
    "AsyncSimulateClient",
    "AuthenticationError",
    "BadRequestError",
    "BodyCasing",
    "CallExecution",
    "CallOutcome",
    "ColumnConfig",
    "CredentialsError",
    "DetailObject",
    "EvalConfig",
    "EvalOutcome",
    "EvalSummary",
    "EvalSummaryItem",
    "EvaluationConfig",
    "Execution",
    "ExecutionResults",
    "ExecutionState",
    "FutureAGIError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RunTest",
    "RunTestExecution",
    "RunTestPage",
    "RunTestScenario",
    "Scenario",
    "ScenarioVerdict",
    "Selection",
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
