"""The options of ``report`` and ``check``: loaded when one of them runs (``_options``' ``__getattr__``),
so that ``run`` (``_run_options``) does not create them."""

from __future__ import annotations

import uuid
from pathlib import Path

import attrs

from ._options import ClientOptions
from ._run_options import GateOptions

__all__ = ["CheckOptions", "ReportOptions"]


@attrs.frozen(kw_only=True)
class CheckOptions:
    """``check [--suite PATH]``."""

    client: ClientOptions
    suite: Path | None


@attrs.frozen(kw_only=True)
class ReportOptions:
    """``report EXECUTION_ID --run-test-id RUN_TEST_ID``."""

    client: ClientOptions
    gate: GateOptions
    execution_id: uuid.UUID
    run_test_id: uuid.UUID
