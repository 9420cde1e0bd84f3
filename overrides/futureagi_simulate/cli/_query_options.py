"""The options of the run tests' list queries (``run-tests list``, ``run-tests executions``): loaded when
one of them runs (``_options``' ``__getattr__``), so a start creates only its own command's classes
(each frozen attrs class compiles its methods when created: BENCHMARKS.md, "The command's cold start")."""

from __future__ import annotations

import datetime
import uuid

import attrs

from ._options import ClientOptions

__all__ = [
    "ListRunTestsOptions",
    "RunTestExecutionsOptions",
]


@attrs.frozen(kw_only=True)
class ListRunTestsOptions:
    """``run-tests list``."""

    client: ClientOptions
    search: str | None
    simulation_type: str | None
    limit: int
    as_json: bool


@attrs.frozen(kw_only=True)
class RunTestExecutionsOptions:
    """``run-tests executions RUN_TEST_ID``."""

    client: ClientOptions
    run_test_id: uuid.UUID
    started_after: datetime.datetime | None
    as_json: bool
