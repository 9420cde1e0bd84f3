"""The options of ``run-tests list``: loaded when it runs (``_options``' ``__getattr__``), so a start
creates only its own command's class (each frozen attrs class compiles its methods when created:
BENCHMARKS.md, "The command's cold start"; ``run-tests executions``' is in ``_executions_options``)."""

from __future__ import annotations

import attrs

from ._options import ClientOptions

__all__ = ["ListRunTestsOptions"]


@attrs.frozen(kw_only=True)
class ListRunTestsOptions:
    """``run-tests list``."""

    client: ClientOptions
    search: str | None
    simulation_type: str | None
    limit: int
    as_json: bool
