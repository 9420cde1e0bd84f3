"""What an execution looks like after it started: its state, its results and its eval summary.

The server answers these in several shapes (two dialects, display-form and lower-case statuses, eval
outputs as words, booleans or numbers). This module reads each into one frozen value, so the verdict
(``_verdict``) and the users' code see one shape whatever the server. Loaded on first use: it imports
attrs and the generated models.
"""

from __future__ import annotations

import datetime
import math
import operator
import uuid
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from futureagi_simulate._api.models.agent_version_eval_summary_docs_item import (
    AgentVersionEvalSummaryDocsItem,
)
from futureagi_simulate._api.models.call_result import CallResult
from futureagi_simulate._api.models.eval_output import EvalOutput
from futureagi_simulate._api.models.eval_outputs import EvalOutputs
from futureagi_simulate._api.models.eval_summary_config_entry import EvalSummaryConfigEntry
from futureagi_simulate._api.models.eval_summary_docs import EvalSummaryDocs
from futureagi_simulate._api.models.eval_summary_server_envelope import EvalSummaryServerEnvelope
from futureagi_simulate._api.models.eval_summary_server_item import EvalSummaryServerItem
from futureagi_simulate._api.models.simulation_run_results import SimulationRunResults
from futureagi_simulate._api.models.test_execution_detail import TestExecutionDetail

from ._exports import publish
from ._models import UNSET, CallExecution, Unset
from ._status import FINISHED_STATUSES, normalise_status

if TYPE_CHECKING:
    from ._results_pages import ResultsPage

__all__ = [
    "FINISHED_STATUSES",
    "CallOutcome",
    "EvalOutcome",
    "EvalSummary",
    "EvalSummaryItem",
    "ExecutionResults",
    "ExecutionState",
    "call_outcomes",
    "eval_outcomes",
    "normalise_status",
    "results_of",
]

_status_of = operator.attrgetter("status")

# As the server's eval summary counts (simulate/utils/eval_summary.py, _calculate_pass_fail_stats): only
# these words (compared lower-cased, not stripped) and booleans pass or fail; any other output, "Pass"
# included, is in the total but passes not.
_PASSED_WORD = "passed"
_FAILED_WORD = "failed"


def _value(value: Any) -> Any:
    return None if isinstance(value, Unset) else value


def _finite(value: Any) -> float | None:
    """A number as a finite float, else None: a server's NaN, Infinity or 400-digit integer is no
    measurement, and float() of the last raises OverflowError."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


_isfinite = math.isfinite
#: Integers below this in size are floats without OverflowError (float's largest is about 2**1024).
_FLOAT_INTS = 1 << 1000


def _fraction(value: Any) -> float | None:
    number = _finite(value)
    return number if number is not None and 0.0 <= number <= 1.0 else None


@attrs.frozen
class EvalOutcome:
    """One eval's output for one call.

    ``name`` is the eval config's name as written on the output, ``eval_id`` the eval config's id the
    server filed it under (``executions.report`` matches live eval configs by this id). ``passed`` is
    True for ``Passed`` (any case) or ``true``, False for ``Failed`` or ``false``, and None for any
    other output (``Pass``, a score, a choice, or no output at all): the rule of the server's eval
    summary. ``score`` is the output when it is a number. ``output`` is the value as the server sent it,
    None when the eval judged nothing; then ``error`` (the server's error marker, as text) or
    ``skipped`` says why, and ``reason`` often more. ``output_type`` is ``Pass/Fail``, ``score`` or
    ``choices`` (an open set), None when not given.
    """

    name: str
    eval_id: str
    passed: bool | None
    score: float | None
    output: Any = attrs.field(eq=False)
    reason: str | None = None
    output_type: str | None = None
    error: str | None = None
    skipped: bool = False

    @property
    def judged(self) -> bool:
        """True when the eval gave an output for the call: the server counts every non-null output."""
        return self.output is not None


def _passed(output: Any) -> bool | None:
    if isinstance(output, bool):
        return output
    if isinstance(output, str):
        word = output.lower()
        return True if word == _PASSED_WORD else False if word == _FAILED_WORD else None
    return None


def _outcome(eval_id: str, raw: EvalOutput) -> EvalOutcome:
    """The rule written out, for any output; ``_evals`` uses it for outputs of a type JSON does not make."""
    output = _value(raw.output)
    score = _finite(output) if isinstance(output, (int, float)) and not isinstance(output, bool) else None
    name = _value(raw.name)
    reason = _value(raw.reason)
    output_type = _value(raw.output_type)
    error = _value(raw.error)
    return EvalOutcome(
        name=name if isinstance(name, str) and name else eval_id,
        eval_id=eval_id,
        passed=_passed(output),
        score=score,
        output=output,
        reason=reason if isinstance(reason, str) else None,
        output_type=output_type if isinstance(output_type, str) else None,
        error=None if error is None or error is False else str(error),
        skipped=_value(raw.skipped) is True,
    )


# A page of results makes 300 of these frozen values (a call and its two evals, 100 calls a page), and at
# that count their construction was a third of reading the page (BENCHMARKS.md, "reads27"). A frozen attrs
# class's own __init__ takes its fields by keyword and sets each through object.__setattr__, a call that
# makes a tuple of its arguments and looks the slot up by name. Here each value starts as an instance of a
# private subclass that adds no slot and lets attributes be assigned (object's own __setattr__ and
# __delattr__, so CPython stores to a slot without a call), gets every field assigned, then becomes the
# public class (__class__ assignment, which CPython allows between classes of the same layout). The object
# is the same: the same class, every field set, nothing else (these classes have no converters, validators
# or defaults that compute). tests/test_results.py checks each against the ordinary constructor
# (equality, repr, pickle, hash, immutability, every field set).
# The public constructor called positionally costs twice as much (BENCHMARKS.md, "reads27", Review). On a
# free-threaded CPython 3.13 each __class__ assignment stops every thread (python/cpython gh-120198); 3.14
# skips that for an object only this thread holds, as each of these is until it is appended (gh-145566).
# These classes must keep no converter, validator, computed default or __attrs_post_init__: none would run.
# A building class is called with no argument: its __init__ is object's, so the call allocates the value
# and runs no Python, 300 instructions less than object.__new__(cls), whose wrapper checks its argument
# (BENCHMARKS.md, "Issue 27, fourth session: reads32").


class _BuildingEvalOutcome(EvalOutcome):
    __slots__ = ()
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__
    __init__ = object.__init__


def _evals(outputs: EvalOutputs | Unset | None) -> tuple[EvalOutcome, ...]:
    """``eval_outcomes``: the types JSON makes told apart by their exact type, each value built as the
    comment above says; an output of any other type goes through ``_outcome``, the rule written out."""
    if outputs is None or outputs is UNSET or not isinstance(outputs, EvalOutputs):
        return ()
    made: list[EvalOutcome] = []
    for eval_id, raw in outputs.additional_properties.items():
        output: Any = raw.output
        passed: bool | None
        score: float | None
        kind: type = type(output)
        if kind is str:
            word = output.lower()
            passed = True if word == _PASSED_WORD else False if word == _FAILED_WORD else None
            score = None
        elif output is None or output is UNSET:
            output = passed = score = None
        elif kind is bool:
            passed, score = output, None
        elif kind is float or kind is int:
            passed, score = None, _finite(output)
        else:
            made.append(_outcome(eval_id, raw))
            continue
        name, reason, output_type, error = raw.name, raw.reason, raw.output_type, raw.error
        # Any: mypy knows the fields as frozen, and they are, once the class is the public one.
        outcome: Any = _BuildingEvalOutcome()
        outcome.name = name if isinstance(name, str) and name else eval_id
        outcome.eval_id = eval_id
        outcome.passed = passed
        outcome.score = score
        outcome.output = output
        outcome.reason = reason if isinstance(reason, str) else None
        outcome.output_type = output_type if isinstance(output_type, str) else None
        outcome.error = None if error is None or error is False or isinstance(error, Unset) else str(error)
        outcome.skipped = raw.skipped is True
        outcome.__class__ = EvalOutcome
        made.append(outcome)
    return tuple(made)


def eval_outcomes(outputs: EvalOutputs | Unset | None) -> tuple[EvalOutcome, ...]:
    """A call's eval outputs, one ``EvalOutcome`` each, in the server's order."""
    return _evals(outputs)


@attrs.frozen
class ExecutionState:
    """An execution as ``executions.get`` reads it: its status, its call counts and its calls.

    ``status`` is lower case, an open set (``pending``, ``running``, ``evaluating``, ``completed``,
    ``failed``, ``cancelling``, ``cancelled``, and whatever the server adds). ``is_finished`` is true for
    ``completed``, ``failed`` and ``cancelled``. ``completed`` means at least one call completed, not
    that the agent passed: ``executions.report`` decides that. ``calls`` are the generated
    ``CallExecution`` rows, every page of them; empty in the states ``executions.wait`` reads while it
    polls (``on_progress``, ``WaitTimeoutError.state``), which come from the server's own call counts.
    ``analyzing_calls`` are calls whose conversation ended and whose evals are running: done with
    their call, counted in ``finished_calls``.
    """

    execution_id: uuid.UUID
    status: str
    total_calls: int
    completed_calls: int
    failed_calls: int
    cancelled_calls: int
    calls: tuple[CallExecution, ...] = attrs.field(repr=False)
    error_messages: tuple[str, ...] = ()
    analyzing_calls: int = 0

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def finished_calls(self) -> int:
        """Calls whose conversation ended, whichever way, including those whose evals still run."""
        return self.completed_calls + self.failed_calls + self.cancelled_calls + self.analyzing_calls

    def progress(self) -> tuple[str, int, int, int, int, int]:
        """What ``wait`` compares to decide whether a poll changed something."""
        return (
            self.status,
            self.total_calls,
            self.completed_calls,
            self.failed_calls,
            self.cancelled_calls,
            self.analyzing_calls,
        )

    @classmethod
    def from_rows(
        cls, execution_id: uuid.UUID, last: TestExecutionDetail, calls: Iterable[CallExecution]
    ) -> ExecutionState:
        """The state from ``getTestExecution``: the status from the last page read, every call row."""
        rows = tuple(calls)
        # Each status as the rows write it counted in C, then normalised once: a page has a few.
        try:
            written = Counter(map(_status_of, rows))
        except TypeError:  # a status no JSON gives (unhashable): each row's one by one
            written = Counter(normalise_status(_value(row.status)) for row in rows)
        statuses: dict[str, int] = {}
        for status, times in written.items():
            normal = normalise_status(_value(status))
            statuses[normal] = statuses.get(normal, 0) + times
        errors = last.error_messages
        return cls(
            execution_id=execution_id,
            status=normalise_status(last.status),
            total_calls=len(rows),
            completed_calls=statuses.get("completed", 0),
            failed_calls=statuses.get("failed", 0),
            cancelled_calls=statuses.get("cancelled", 0),
            calls=rows,
            error_messages=tuple(str(m) for m in errors) if isinstance(errors, list) else (),
            analyzing_calls=statuses.get("analyzing", 0),
        )


@attrs.frozen
class CallOutcome:
    """One call of an execution's results: which scenario it played, how it ended, what the evals said."""

    call_execution_id: uuid.UUID
    scenario_id: uuid.UUID | None
    scenario_name: str | None
    status: str
    duration_seconds: float | None
    evals: tuple[EvalOutcome, ...]

    @property
    def failed(self) -> bool:
        """True when the call did not complete (``failed``, ``cancelled``, or never finished)."""
        return self.status != "completed"

    @classmethod
    def from_model(cls, row: CallResult) -> CallOutcome:
        """The call's outcome from its row of ``getSimulationRunResults``."""
        if cls is not CallOutcome:
            # A subclass's __init__ may do more than assign.
            return cls(
                call_execution_id=row.call_execution_id,
                scenario_id=_value(row.scenario_id),
                scenario_name=_value(row.scenario_name),
                status=normalise_status(_value(row.status)),
                duration_seconds=_finite(_value(row.duration_seconds)),
                evals=eval_outcomes(row.eval_outputs),
            )
        return call_outcomes((row,))[0]


@attrs.frozen
class ExecutionResults:
    """An execution's results (``executions.results``): status, times, and every call's outcome, each
    call exactly once, all from one consistent read of every page."""

    execution_id: uuid.UUID
    status: str
    started_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    calls: tuple[CallOutcome, ...]

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @classmethod
    def from_rows(cls, last: SimulationRunResults, calls: Iterable[CallResult]) -> ExecutionResults:
        """The results from every page of ``call_results``; the rest from the last page read."""
        return cls(
            execution_id=last.execution_id,
            status=normalise_status(last.status),
            started_at=_value(last.started_at),
            completed_at=_value(last.completed_at),
            calls=tuple(call_outcomes(calls)),
        )


def results_of(last: SimulationRunResults | ResultsPage, calls: Iterable[CallOutcome]) -> ExecutionResults:
    """``ExecutionResults.from_rows`` from the calls' outcomes (each page's, made as the pages come, so no
    page's models outlive it: ``_results_pages``); the rest from the last page read."""
    return ExecutionResults(
        execution_id=last.execution_id,
        status=normalise_status(last.status),
        started_at=_value(last.started_at),
        completed_at=_value(last.completed_at),
        calls=tuple(calls),
    )


class _BuildingCallOutcome(CallOutcome):
    __slots__ = ()
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__
    __init__ = object.__init__


def call_outcomes(rows: Iterable[CallResult]) -> list[CallOutcome]:
    """``CallOutcome.from_model`` of each row, in order (each value built as the comment above
    ``_BuildingEvalOutcome`` says)."""
    made: list[CallOutcome] = []
    for row in rows:
        scenario_id, name, duration = row.scenario_id, row.scenario_name, row.duration_seconds
        status = row.status
        # Any: mypy knows the fields as frozen, and they are, once the class is the public one.
        outcome: Any = _BuildingCallOutcome()
        outcome.call_execution_id = row.call_execution_id
        outcome.scenario_id = None if isinstance(scenario_id, Unset) else scenario_id
        outcome.scenario_name = None if isinstance(name, Unset) else name
        outcome.status = status.strip().lower() if isinstance(status, str) else ""
        # As _finite, without its call for the usual JSON numbers: a float as it is when finite, an int
        # as a float when it has one (below 2**1000; _finite tells the rest).
        if type(duration) is float and _isfinite(duration):
            outcome.duration_seconds = duration
        elif type(duration) is int and -_FLOAT_INTS < duration < _FLOAT_INTS:
            outcome.duration_seconds = float(duration)
        else:
            outcome.duration_seconds = _finite(duration)
        outcome.evals = _evals(row.eval_outputs)
        outcome.__class__ = CallOutcome
        made.append(outcome)
    return made


@attrs.frozen
class EvalSummaryItem:
    """One eval config's summary, addressed by the eval config's name (``summary["Tone check"]``).

    ``pass_rate`` is a fraction from 0 to 1: passed outputs over counted ones (None when nothing was
    counted, or for evals that do not pass or fail). ``passed``, ``failed`` and ``total_runs`` are counts
    (``total_runs`` counts every non-null output, so an output such as ``"Pass"`` lowers the rate as the
    server's dashboard shows it); ``average_score`` is a score eval's mean in the score's own units. On the
    open-source server the summary is grouped by eval *template*: ``template_id`` and ``template_name`` name
    the config's template (None in the documented dialect), and ``output_type`` is the template's. Source:
    ``futureagi/simulate/utils/eval_summary.py`` (future-agi/future-agi) and ``docs/dialects.md``, "Eval
    outputs and the eval summary".
    """

    name: str
    #: The eval config's id (None where the dialect does not give it).
    eval_id: uuid.UUID | None
    output_type: str | None
    pass_rate: float | None
    average_score: float | None
    passed: int | None
    failed: int | None
    total_runs: int | None
    template_id: uuid.UUID | None = None
    template_name: str | None = None


@attrs.frozen
class EvalSummary:
    """A run test's eval summary, one item per eval config in both dialects (``run_tests.eval_summary``).

    Two configs on one template stay two items; ``summary[name]`` finds a config by its name, as
    ``Thresholds.min_pass_rate`` names it.
    """

    evals: tuple[EvalSummaryItem, ...]

    def __getitem__(self, name: str) -> EvalSummaryItem:
        """The item of the eval config named ``name``; KeyError when there is none."""
        for item in self.evals:
            if item.name == name:
                return item
        raise KeyError(name)

    @classmethod
    def from_server(
        cls, envelope: EvalSummaryServerEnvelope | Iterable[EvalSummaryServerItem]
    ) -> EvalSummary:
        """Reads the open-source server's per-template items (its envelope, or the items it carries)
        into one item per eval config."""
        templates = envelope.result if isinstance(envelope, EvalSummaryServerEnvelope) else envelope
        items = []
        for template in templates:
            output_type = _value(template.output_type)
            for entry in _value(template.result) or ():
                items.append(_config_item(entry, output_type, template))
        return cls(evals=tuple(items))

    @classmethod
    def from_docs(cls, body: EvalSummaryDocs) -> EvalSummary:
        items = []
        for raw in body.evaluations:
            passed, failed = _value(raw.passed), _value(raw.failed)
            judged = (passed or 0) + (failed or 0)
            items.append(
                EvalSummaryItem(
                    name=raw.name,
                    eval_id=None,
                    output_type=None,
                    pass_rate=_fraction((passed or 0) / judged) if judged > 0 else None,
                    average_score=_finite(_value(raw.average_score)),
                    passed=passed,
                    failed=failed,
                    total_runs=_value(raw.total_runs),
                )
            )
        return cls(evals=tuple(items))

    @classmethod
    def from_version_docs(cls, body: Iterable[AgentVersionEvalSummaryDocsItem]) -> EvalSummary:
        """Reads the documented agent-version summary, one item per eval *template* (``eval_id``,
        ``eval_name``): each becomes an item named after the template, its rate ``pass`` over ``total``
        (``total`` counts errored evaluations too, as ``total_runs`` does)."""
        items = []
        for raw in body:
            total, passed = _count(_value(raw.total)), _count(_value(raw.pass_))
            template_id = _value(raw.eval_id)
            name = _value(raw.eval_name)
            items.append(
                EvalSummaryItem(
                    name=name if isinstance(name, str) else "",
                    eval_id=None,
                    output_type=None,
                    pass_rate=_fraction(passed / total) if passed is not None and total else None,
                    average_score=None,
                    passed=passed,
                    failed=_count(_value(raw.fail)),
                    total_runs=total,
                    template_id=template_id if isinstance(template_id, uuid.UUID) else None,
                    template_name=name if isinstance(name, str) else None,
                )
            )
        return cls(evals=tuple(items))


def _config_item(
    entry: EvalSummaryConfigEntry, output_type: Any, template: EvalSummaryServerItem
) -> EvalSummaryItem:
    output = entry.output.additional_properties if not isinstance(entry.output, Unset) else {}
    total = _value(entry.total_cells)
    total = total if isinstance(total, int) and not isinstance(total, bool) and total >= 0 else None
    passed, failed = _count(output.get("pass_count")), _count(output.get("fail_count"))
    pass_rate = None
    if passed is not None and total:
        pass_rate = _fraction(passed / total)
    elif total and _finite(output.get("pass")) is not None:
        # Counts absent: the server's percentage of total_cells.
        pass_rate = _fraction((_finite(output.get("pass")) or 0.0) / 100.0)
    average = _finite(_value(entry.avg_score))
    return EvalSummaryItem(
        name=entry.name,
        eval_id=_value(entry.id),
        output_type=output_type if isinstance(output_type, str) else None,
        pass_rate=pass_rate,
        # The server's avg_score is in percent of the score (score times 100).
        average_score=average / 100.0 if average is not None else None,
        passed=passed,
        failed=failed,
        total_runs=total,
        template_id=_value(template.id),
        template_name=template.name,
    )


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def results_json(results: ExecutionResults) -> dict[str, Any]:
    """``results`` as JSON values: times in ISO 8601, each call with its eval outcomes (name, passed,
    score, output, reason). One shape for every place that prints results: the command's
    ``executions results --json`` and the MCP server's ``get_execution_results``."""
    return {
        "execution_id": results.execution_id,
        "status": results.status,
        "started_at": results.started_at.isoformat() if results.started_at else None,
        "completed_at": results.completed_at.isoformat() if results.completed_at else None,
        "calls": [
            {
                "call_execution_id": call.call_execution_id,
                "scenario_id": call.scenario_id,
                "scenario_name": call.scenario_name,
                "status": call.status,
                "duration_seconds": call.duration_seconds,
                "evals": [
                    {
                        "name": e.name,
                        "passed": e.passed,
                        "score": e.score,
                        "output": e.output,
                        "reason": e.reason,
                    }
                    for e in call.evals
                ],
            }
            for call in results.calls
        ],
    }


publish(CallOutcome, EvalOutcome, EvalSummary, EvalSummaryItem, ExecutionResults, ExecutionState)
