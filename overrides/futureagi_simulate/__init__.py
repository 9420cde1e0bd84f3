"""futureagi-simulate: the Python client for the Future AGI Simulate API.

>>> from futureagi_simulate import SimulateClient, Selection
>>> with SimulateClient() as client:                      # FI_API_KEY / FI_SECRET_KEY
...     run = client.run_tests.create(name="Checkout", agent_definition_id=agent, scenario_ids=ids)
...     execution = client.run_tests.execute(run.id, selection=Selection.all())
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
    UnsafeSelectionError,
)
from ._selection import Selection
from ._types import NOT_GIVEN, BodyCasing, NotGiven, SimulationType
from ._version import __version__

if TYPE_CHECKING:
    from futureagi_simulate_api.models import (
        AgentVersion,
        ColumnConfig,
        DetailObject,
        EvalConfig,
        EvaluationConfig,
        RunTest,
        RunTestPage,
        Scenario,
    )
    from futureagi_simulate_api.types import UNSET, Unset

    from ._execution import Execution

# Loaded on first access (PEP 562): the generated package and attrs cost more to import than httpx
# itself, and a script that only starts executions never names these until a call has returned one.
_LAZY = {
    **dict.fromkeys(
        [
            "AgentVersion",
            "ColumnConfig",
            "DetailObject",
            "EvalConfig",
            "EvaluationConfig",
            "RunTest",
            "RunTestPage",
            "Scenario",
        ],
        "futureagi_simulate_api.models",
    ),
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
    "ColumnConfig",
    "CredentialsError",
    "DetailObject",
    "EvalConfig",
    "EvaluationConfig",
    "Execution",
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
    "RunTestPage",
    "Scenario",
    "Selection",
    "SimulateClient",
    "SimulationType",
    "UnsafeSelectionError",
    "Unset",
    "__version__",
]
