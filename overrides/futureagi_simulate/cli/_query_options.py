"""The options of the query commands (``run-tests ...``, ``executions ...``) and of ``mcp``: loaded when
one of them runs (``_options``' ``__getattr__``), so a start creates only its own group's classes."""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING

import attrs

from ._options import ClientOptions, _flatten

if TYPE_CHECKING:
    from futureagi_simulate import Selection

__all__ = [
    "CancelOptions",
    "DeleteRunTestOptions",
    "ExecuteOptions",
    "ExecutionOptions",
    "GetRunTestOptions",
    "ListRunTestsOptions",
    "McpOptions",
    "RunTestExecutionsOptions",
    "WaitOptions",
]


@attrs.frozen(kw_only=True)
class _Selecting:
    """``--only`` and ``--all-except``, each as the ids given (any number of uses, comma-separated)."""

    only: tuple[uuid.UUID, ...] = attrs.field(converter=_flatten)
    all_except: tuple[uuid.UUID, ...] = attrs.field(converter=_flatten)

    def selection(self) -> Selection | None:
        """The scenarios chosen; None when both options were given (a usage error the caller says)."""
        from futureagi_simulate import Selection  # not at the top: --help needs no client code

        if self.only and self.all_except:
            return None
        if self.only:
            return Selection.only(self.only)
        if self.all_except:
            return Selection.all_except(self.all_except)
        return Selection.all()


@attrs.frozen(kw_only=True)
class ListRunTestsOptions:
    """``run-tests list``."""

    client: ClientOptions
    search: str | None
    simulation_type: str | None
    limit: int
    as_json: bool


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
class RunTestExecutionsOptions:
    """``run-tests executions RUN_TEST_ID``."""

    client: ClientOptions
    run_test_id: uuid.UUID
    started_after: datetime.datetime | None
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
