"""One page of an execution's results (``getSimulationRunResults``), read into what the results read keeps:
the execution's status, times and counts, and each call's ``CallOutcome``.

Two roads give the same page, or the same error:

- **today's**: the answer decoded by ``json.loads`` and parsed by the generated ``SimulationRunResults``
  (``executions._parse_results_page``), then each ``CallResult`` made a ``CallOutcome``
  (``_results.call_outcomes``): ``page_of``.
- **the speed extra's** (``outcomes_page``): the answer's bytes decoded by msgspec into the results'
  mirrors (``_mirrors.decoder_of``: the same Structs, so the same JSON types checked, missing keys and
  unknown keys refused), and each call's outcome built straight from its mirror. It skips the
  ``CallResult``, ``EvalOutputs`` and ``EvalOutput`` models and their ``additional_properties`` dicts, 800
  objects a page of 100 calls that lived only until their outcomes were made (BENCHMARKS.md, "Issue 27,
  third session: results28"). It converts what the generated ``from_mirror`` converts, with the same
  readers (``read_uuid``, ``parse_datetime``; each call's id, new on every row, msgspec reads as a UUID
  itself, to the same value, refusing the rarer forms the fallback then reads), walks the same untyped
  values for the 64-level bound, and returns ``REFUSED`` on any refusal or exception: ``_flows.finish``
  then reads the same bytes by today's road, which raises today's error, its text and field path included.

Loaded with the results' values, on the first results read.
"""

from __future__ import annotations

import uuid
from typing import Any

from futureagi_simulate._api.models.simulation_run_results import SimulationRunResults
from futureagi_simulate._api.types import UNSET

from ._answers import MAX_BODY_DEPTH, REFUSED, Refused, depth
from ._mirrors import decoder_of
from ._parsing import parse_datetime, read_uuid
from ._results import (
    _FAILED_WORD,
    _FLOAT_INTS,
    _PASSED_WORD,
    CallOutcome,
    EvalOutcome,
    _BuildingCallOutcome,
    _BuildingEvalOutcome,
    _finite,
    _isfinite,
    _outcome,
    call_outcomes,
)

__all__ = ["ResultsPage", "outcomes_page", "page_of"]


class ResultsPage:
    """What the results read keeps of one page: the execution's id, status (as written), times (None when
    not given), its call count (``call_results.count``, else ``total_calls``; None when neither is an
    integer), ``total_calls`` as written (``UNSET`` when missing), the page count (None when not given),
    and the page's calls' outcomes in the server's order."""

    __slots__ = (
        "calls",
        "completed_at",
        "count",
        "execution_id",
        "started_at",
        "status",
        "total_calls",
        "total_pages",
    )

    def __init__(
        self,
        *,
        execution_id: uuid.UUID,
        status: str,
        started_at: Any,
        completed_at: Any,
        count: int | None,
        total_calls: Any,
        total_pages: int | None,
        calls: list[CallOutcome],
    ) -> None:
        self.execution_id = execution_id
        self.status = status
        self.started_at = started_at
        self.completed_at = completed_at
        self.count = count
        self.total_calls = total_calls
        self.total_pages = total_pages
        self.calls = calls


def _count(call_count: Any, total_calls: Any) -> int | None:
    # The call count the read checks every page against: the page's own, else the execution's.
    if isinstance(call_count, int):
        return call_count
    return total_calls if isinstance(total_calls, int) else None


def page_of(answer: SimulationRunResults) -> ResultsPage:
    """Today's road: the page from its generated model, each row made a ``CallOutcome``."""
    page = answer.call_results
    return _assembled(
        answer.execution_id,
        answer.status,
        answer.started_at,
        answer.completed_at,
        page,
        answer.total_calls,
        call_outcomes(page.results),
    )


def _assembled(
    execution_id: uuid.UUID,
    status: Any,
    started: Any,
    completed: Any,
    page: Any,
    total_calls: Any,
    calls: list[CallOutcome],
) -> ResultsPage:
    # Both roads' page from its read parts (the model's or the mirror's call_results as ``page``): an
    # absent time is None, the count the one the read checks pages against.
    pages = page.total_pages
    return ResultsPage(
        execution_id=execution_id,
        status=status,
        started_at=None if started is UNSET else started,
        completed_at=None if completed is UNSET else completed,
        count=_count(page.count, total_calls),
        total_calls=total_calls,
        total_pages=pages if isinstance(pages, int) else None,
        calls=calls,
    )


def outcomes_page(content: bytes) -> ResultsPage | Refused:
    """The speed extra's road: the page from the answer's bytes, or ``REFUSED`` (see the module)."""
    road = decoder_of(SimulationRunResults, envelope="result", as_uuid=_CALL_IDS)
    if road is None:
        return REFUSED
    decoder, deepest = road
    # The values msgspec decoded untyped that may nest (objects and arrays), walked below for the bound:
    # the ones SimulationRunResults.from_mirror collects, less the scalars, which nest no level.
    loose: list[Any] = []
    try:
        envelope = decoder.decode(content)
        loose.append(envelope.status)
        made = _page(envelope.result, loose)
    except Exception:
        # Any refusal (msgspec's, or a UUID or date-time the readers refuse): today's road reads the bytes.
        return REFUSED
    # As Mirrored's bounded read: each untyped value sits at most `deepest` levels down.
    limit = MAX_BODY_DEPTH + 1 - deepest
    if _nests_past(loose, limit):
        return REFUSED
    return made


# Each call's id decoded as a UUID by msgspec (``decoder_of``): it is new on every row, so the page's memo,
# which shares the ids a page repeats (its scenarios'), would only hold it.
_CALL_IDS = frozenset(("CallResult.call_execution_id",))


def _nests_past(loose: list[Any], limit: int) -> bool:
    """``depth(loose, limit) > limit``, walked in Python's loops: ``loose`` holds a page's few untyped values
    (the status, the eval summary), and ``depth``'s C calls a level (made for the call rows' thousands of
    values) cost 0.17 M instructions on a page's summary of two evals (BENCHMARKS.md, "report28"). Levels
    are counted as ``depth`` counts them, each holding only the objects and arrays found; a value of any
    type other than decoded JSON's (which msgspec does not make) is left to ``depth`` itself."""
    level: list[Any] = [loose]
    deepest = 0
    while level:
        deepest += 1
        if deepest > limit:
            return True
        below: list[Any] = []
        for value in level:
            for item in value.values() if type(value) is dict else value:
                kind = type(item)
                if kind is dict or kind is list:
                    below.append(item)
                elif not _SCALAR(kind):
                    return depth(loose, limit) > limit
        level = below
    return False


_SCALAR = frozenset((str, int, float, bool, type(None))).__contains__
# Call statuses as the server writes them, each equal to itself stripped and lower-cased.
_WRITTEN_STATUSES = frozenset(("completed", "failed", "cancelled", "pending", "running", "queued"))


def _page(m: Any, loose: list[Any]) -> ResultsPage:
    ids: dict[str, uuid.UUID] = {}
    execution_id = ids.get(m.execution_id) or read_uuid(m.execution_id, ids)
    started, completed, evals_summary = m.started_at, m.completed_at, m.eval_results
    if started is not UNSET and started is not None:
        started = parse_datetime(started)
    if completed is not UNSET and completed is not None:
        completed = parse_datetime(completed)
    if evals_summary is not UNSET and evals_summary is not None:
        loose.extend(evals_summary)
    page = m.call_results
    return _assembled(
        execution_id, m.status, started, completed, page, m.total_calls, _calls(page.results, ids, loose)
    )


# The JSON types of an eval output's error and skipped that nest no level (kept out of `loose`).
_FLAT = frozenset((str, int, float, bool, type(None), type(UNSET))).__contains__


def _calls(rows: list[Any], ids: dict[str, uuid.UUID], loose: list[Any]) -> list[CallOutcome]:
    """``call_outcomes`` of the rows ``CallResult.from_mirror`` would build from these mirrors: the same
    rule, on the mirrors' fields (of the same names; UNSET where a key is missing), with the same UUID
    reader, each value built as ``_results``' comment above ``_BuildingEvalOutcome`` says. An eval
    output's mirror types ``name`` as text, ``output_type`` and ``reason`` as text or null, and leaves
    ``output``, ``error`` and ``skipped`` untyped: those that may nest go to ``loose``. One loop, with the
    evals' inside it: this runs for every call and eval of every page."""
    made: list[CallOutcome] = []
    append = made.append
    get_id = ids.get
    # The module's names read once as locals: a global's read, though specialised, is a check and a load
    # in each of 30,000 values' building at 10,000 calls (3 M instructions of a report's 505 M).
    unset, flat, building, public = UNSET, _FLAT, _BuildingEvalOutcome, EvalOutcome
    building_call, public_call, written = _BuildingCallOutcome, CallOutcome, _WRITTEN_STATUSES
    for row in rows:
        scenario_id = row.scenario_id
        if scenario_id is unset or scenario_id is None:
            scenario_id = None
        else:
            scenario_id = get_id(scenario_id) or read_uuid(scenario_id, ids)
        outputs = row.eval_outputs
        evals: list[EvalOutcome] = []
        if outputs is not unset and outputs is not None:
            for eval_id, raw in outputs.items():
                output: Any = raw.output
                error, skipped = raw.error, raw.skipped
                if error is not unset and not flat(type(error)):
                    loose.append(error)
                if skipped is not unset and not flat(type(skipped)):
                    loose.append(skipped)
                passed: bool | None
                score: float | None
                kind: type = type(output)
                if kind is str:
                    # The server's own spellings first (the lower-cased word is the same): no new text.
                    if output == "Passed":
                        passed = True
                    elif output == "Failed":
                        passed = False
                    else:
                        word = output.lower()
                        passed = True if word == _PASSED_WORD else False if word == _FAILED_WORD else None
                    score = None
                elif output is None or output is unset:
                    output = passed = score = None
                elif kind is bool:
                    passed, score = output, None
                elif kind is float or kind is int:
                    passed, score = None, _finite(output)
                else:
                    # An object or an array: untyped JSON that may nest, and the rule written out.
                    loose.append(output)
                    evals.append(_outcome(eval_id, raw))
                    continue
                name, reason, output_type = raw.name, raw.reason, raw.output_type
                # Any: mypy knows the fields as frozen, and they are, once the class is the public one.
                judged: Any = building()
                judged.name = name if name is not unset and name else eval_id
                judged.eval_id = eval_id
                judged.passed = passed
                judged.score = score
                judged.output = output
                judged.reason = None if reason is unset else reason
                judged.output_type = None if output_type is unset else output_type
                judged.error = None if error is unset or error is None or error is False else str(error)
                judged.skipped = skipped is True
                judged.__class__ = public
                evals.append(judged)
        name, status, duration = row.scenario_name, row.status, row.duration_seconds
        outcome: Any = building_call()
        outcome.call_execution_id = row.call_execution_id
        outcome.scenario_id = scenario_id
        outcome.scenario_name = None if name is unset else name
        # A status the server writes (already stripped and lower-case) is kept: no new text.
        if type(status) is str:
            outcome.status = status if status in written else status.strip().lower()
        else:
            outcome.status = ""
        if type(duration) is float and _isfinite(duration):
            outcome.duration_seconds = duration
        elif type(duration) is int and -_FLOAT_INTS < duration < _FLOAT_INTS:
            outcome.duration_seconds = float(duration)
        else:
            outcome.duration_seconds = _finite(duration)
        outcome.evals = tuple(evals)
        outcome.__class__ = public_call
        append(outcome)
    return made
