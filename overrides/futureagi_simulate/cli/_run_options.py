"""The options of ``run`` and the groups it shares with ``report`` (the gate, the verdict) and only it has
(the spend, the agent version, several run tests): loaded when one of them runs (``_options``'
``__getattr__``). ``report``'s and ``check``'s own are in ``_report_options``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from futureagi_simulate._value_methods import value_eq, value_hash, value_repr

from ._options import ClientOptions, _ids, _rates
from ._selecting import _Selecting

if TYPE_CHECKING:
    from futureagi_simulate import Thresholds

__all__ = [
    "GateOptions",
    "ManyOptions",
    "RunOptions",
    "SpendOptions",
    "VerdictOptions",
    "VersionOptions",
]


def _arguments(given: Iterable[str]) -> tuple[str, ...]:
    # A function of ours rather than ``tuple``: attrs reads a converter's signature, and a builtin's is
    # parsed from its text with ``tokenize``, whose patterns the start would then compile (about 12 M
    # instructions, BENCHMARKS.md "Issue 27, fourth session: dryrun32").
    return tuple(given)


@attrs.frozen(kw_only=True)
class VerdictOptions:
    """The verdict's rules of issue 25 that ``run`` and ``report`` share: ``min_score`` as
    ``(eval config name, minimum average score)`` pairs, in the order given; ``baseline`` and
    ``max_regression``."""

    min_score: tuple[tuple[str, float], ...] = attrs.field(converter=_rates)
    #: An execution id, ``"last-passed"``, or None.
    baseline: uuid.UUID | str | None
    max_regression: float

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash


@attrs.frozen(kw_only=True)
class GateOptions:
    """What ``run`` and ``report`` share: how long and how often to wait, the verdict's thresholds,
    and where the reports go. ``timeout`` and ``poll_interval`` in seconds."""

    timeout: float
    poll_interval: float
    min_pass_rate: tuple[tuple[str, float], ...] = attrs.field(converter=_rates)
    max_failed_calls: int
    max_unjudged_calls: int
    json_path: Path | None
    junit: Path | None
    verdict: VerdictOptions

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    def thresholds(self) -> Thresholds:
        """The verdict's thresholds (a name given twice is refused before, by ``option_problems``)."""
        # Here, not at the top: the verdict's module loads every generated model, which --help and the
        # queries never need (BENCHMARKS.md, "The command's cold start").
        from futureagi_simulate import Thresholds

        return Thresholds(
            min_pass_rate=dict(self.min_pass_rate),
            max_failed_calls=self.max_failed_calls,
            max_unjudged_calls=self.max_unjudged_calls,
            min_score=dict(self.verdict.min_score),
            max_regression=self.verdict.max_regression,
        )


@attrs.frozen(kw_only=True)
class VersionOptions:
    """``run``'s agent version: ``--agent-version ID`` or ``--new-agent-version FILE`` (a JSON or YAML
    file of the version's fields), ``--version-message``, ``--keep-run-test``. With either, the run
    test's short-lived copy pinned to that version runs instead of the run test itself."""

    agent_version: uuid.UUID | None
    new_agent_version: Path | None
    version_message: str | None
    keep_run_test: bool

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    @property
    def pinned(self) -> bool:
        """True when the run is on a copy pinned to an agent version."""
        return self.agent_version is not None or self.new_agent_version is not None

    @property
    def given(self) -> bool:
        """True when any of these options was given: only then is there a pinning to check (``plan_of``)."""
        return self.pinned or self.version_message is not None or self.keep_run_test


@attrs.frozen(kw_only=True)
class RunOptions(_Selecting):
    """``run [RUN_TEST_ID ...]``: as parsed, the run tests asked for (``run_test_ids``, ``search``);
    each run test's run gets its own copy with one id (``one``)."""

    client: ClientOptions
    gate: GateOptions
    version: VersionOptions
    run_test_ids: tuple[uuid.UUID, ...] = attrs.field(converter=_ids)
    cancel_on_interrupt: bool
    dry_run: bool
    many: ManyOptions
    spend: SpendOptions
    #: The command line's arguments after ``run``, as given: a suite's options come before them.
    command_line: tuple[str, ...] = attrs.field(converter=_arguments, default=())

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    @property
    def run_test_id(self) -> uuid.UUID:
        """The run test of a run of one (``one``); ValueError for options that name several or none."""
        if len(self.run_test_ids) != 1:
            raise ValueError(f"the options name {len(self.run_test_ids)} run tests, not one")
        return self.run_test_ids[0]

    def one(self, run_test_id: uuid.UUID) -> RunOptions:
        """These options for one run test."""
        return attrs.evolve(self, run_test_ids=(run_test_id,))


@attrs.frozen(kw_only=True)
class SpendOptions:
    """``run``'s options of issue 25 that spend or save money: ``max_cost``, in the currency's main unit
    (None: no cap); ``rerun_failed``, rerun rounds of the failures (0: none), and ``flaky``, ``"fail"``
    or ``"pass"``."""

    max_cost: float | None
    rerun_failed: int
    flaky: str

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    @property
    def max_cost_cents(self) -> float | None:
        """The cap in cents, as the call rows' ``cost_cents`` count (``--max-cost 2.50`` is 250)."""
        return None if self.max_cost is None else round(self.max_cost * 100, 6)


@attrs.frozen(kw_only=True)
class ManyOptions:
    """How ``run`` finds and runs several run tests: ``--search``, ``--concurrency``, ``--suite``."""

    search: str | None
    concurrency: int
    suite: Path | None

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash
