"""The options of the commands on one run test or execution (``run-tests get|delete|execute``,
``executions ...``) and of ``mcp``: loaded when one of them runs (``_options``' ``__getattr__``)."""

from __future__ import annotations

import uuid

import attrs

from ._options import ClientOptions
from ._selecting import _Selecting

__all__ = [
    "CancelOptions",
    "DeleteRunTestOptions",
    "ExecuteOptions",
    "ExecutionOptions",
    "GetRunTestOptions",
    "McpOptions",
    "WaitOptions",
]


@attrs.frozen(kw_only=True)
class GetRunTestOptions:
    """``run-tests get RUN_TEST_ID``."""

    client: ClientOptions
    run_test_id: uuid.UUID
    as_json: bool


@attrs.frozen(kw_only=True)
class DeleteRunTestOptions(GetRunTestOptions):
    """``run-tests delete RUN_TEST_ID``."""


@attrs.frozen(kw_only=True)
class ExecuteOptions(_Selecting):
    """``run-tests execute RUN_TEST_ID``."""

    client: ClientOptions
    run_test_id: uuid.UUID
    as_json: bool


@attrs.frozen(kw_only=True)
class ExecutionOptions:
    """``executions get|results EXECUTION_ID``."""

    client: ClientOptions
    execution_id: uuid.UUID
    as_json: bool


@attrs.frozen(kw_only=True)
class CancelOptions(ExecutionOptions):
    """``executions cancel EXECUTION_ID``."""


@attrs.frozen(kw_only=True)
class WaitOptions(ExecutionOptions):
    """``executions wait EXECUTION_ID``; ``timeout`` and ``poll_interval`` in seconds."""

    timeout: float
    poll_interval: float


@attrs.frozen(kw_only=True)
class McpOptions:
    """``mcp``: the MCP server over stdio; ``max_timeout`` in seconds."""

    client: ClientOptions
    max_timeout: float
