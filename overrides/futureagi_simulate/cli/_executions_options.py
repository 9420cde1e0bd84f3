"""The options of ``run-tests executions RUN_TEST_ID``: loaded when it runs (``_options``' ``__getattr__``),
apart from ``run-tests list``'s (``_query_options``), so each of the two creates only its own class (a
frozen attrs class compiles its methods when created: BENCHMARKS.md, "Issue 27, fourth session:
query32")."""

from __future__ import annotations

import datetime
import uuid

import attrs

from ._options import ClientOptions

__all__ = ["RunTestExecutionsOptions"]


@attrs.frozen(kw_only=True)
class RunTestExecutionsOptions:
    """``run-tests executions RUN_TEST_ID``."""

    client: ClientOptions
    run_test_id: uuid.UUID
    started_after: datetime.datetime | None
    as_json: bool
