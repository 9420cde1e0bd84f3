"""Reading an execution's results: measurements that are no numbers, nesting, pickling, and the values
built."""

from __future__ import annotations

import copy
import json
import pickle
import uuid
import weakref
from typing import Any

import attrs
import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    CallExecution,
    CallOutcome,
    EvalOutcome,
    ExecutionResults,
    ExecutionState,
    IncompleteResultsError,
    SimulateClient,
)
from futureagi_simulate._resources.executions import parse_execution_page, parse_results_page
from futureagi_simulate._results import eval_outcomes
from tests.data import (
    EVAL_TONE,
    EXECUTION,
    RUN,
    S1,
    call_row,
    eval_output,
    execution_detail,
    result_row,
    results,
    run_test,
)
from tests.server import RecordingServer, Reply


@pytest.mark.parametrize("number", ["1" + "0" * 400, "NaN", "Infinity", "-Infinity"])
def test_numbers_no_float_holds_are_no_measurement(
    client: SimulateClient, server: RecordingServer, number: str
) -> None:
    """A score or duration of 400 digits, NaN or Infinity reads as None, not as an OverflowError or a NaN."""
    row = result_row(S1, evals={EVAL_TONE: {"name": "Politeness", "output": 0, "output_type": "score"}})
    rendered = json.dumps(results("completed", [row])).replace('"output": 0', f'"output": {number}')
    rendered = rendered.replace('"duration_seconds": 30.5', f'"duration_seconds": {number}')
    server.reply(Reply(200, rendered))
    (call,) = client.executions.results(EXECUTION).calls
    assert (call.duration_seconds, call.evals[0].score) == (None, None)


def test_an_answer_nested_700_deep_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """Free-form fields nested hundreds deep are refused, so results always pickle."""
    deep: Any = "bottom"
    for _ in range(700):
        deep = {"x": deep}
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", deep)})
    server.reply(Reply(200, results("completed", [row])))
    with pytest.raises(APIResponseValidationError, match="nests deeper than"):
        client.executions.results(EXECUTION)


def test_a_nesting_the_api_uses_still_pickles(client: SimulateClient, server: RecordingServer) -> None:
    """An ordinary answer's results and verdict survive pickle."""
    server.reply(
        Reply(200, run_test(evals_detail=[{"id": EVAL_TONE, "name": "T"}])),
        Reply(200, results("completed", [result_row(S1, evals={EVAL_TONE: eval_output("T", "Passed")})])),
    )
    verdict = client.executions.report(EXECUTION, run_test_id=RUN)
    assert pickle.loads(pickle.dumps(verdict)) == verdict


# Each page's calls and eval outputs are built without their classes' __init__ (BENCHMARKS.md, "reads27"):
# these prove each value read is the one the public constructor makes.

NAMED = {"name": "Tone check", "output_type": "Pass/Fail", "reason": "Polite throughout."}


def _read_evals(client: SimulateClient, server: RecordingServer, output: dict[str, Any]) -> EvalOutcome:
    server.reply(Reply(200, results("completed", [result_row(S1, evals={EVAL_TONE: output})])))
    (call,) = client.executions.results(EXECUTION).calls
    (outcome,) = call.evals
    return outcome


def _ordinary(value: Any) -> Any:
    """The value the public class's constructor makes from ``value``'s fields, every one of them."""
    # The public class named, not type(value): a value left as another class must not be its own measure.
    cls = EvalOutcome if isinstance(value, EvalOutcome) else CallOutcome
    return cls(**{field.name: getattr(value, field.name) for field in attrs.fields(cls)})


def _same(read: Any, expected: Any) -> None:
    assert type(read) is type(expected)
    assert read == expected
    assert repr(read) == repr(expected)
    assert hash(read) == hash(expected)
    # Not compared by ==: output (eq=False).
    assert [getattr(read, f.name) for f in attrs.fields(type(read))] == [
        getattr(expected, f.name) for f in attrs.fields(type(expected))
    ]


@pytest.mark.parametrize(
    ("output", "passed", "score"),
    [
        ("Passed", True, None),
        ("FAILED", False, None),
        ("Pass", None, None),
        (True, True, None),
        (False, False, None),
        (0.75, None, 0.75),
        (3, None, 3.0),
        (None, None, None),
        ({"label": "polite"}, None, None),
        (["polite"], None, None),
    ],
)
def test_an_eval_output_of_each_json_type_reads_as_the_constructor_builds_it(
    client: SimulateClient, server: RecordingServer, output: Any, passed: bool | None, score: float | None
) -> None:
    """Words, booleans, numbers, null, objects and arrays read into the EvalOutcome the constructor makes."""
    read = _read_evals(client, server, {**NAMED, "output": output})
    expected = EvalOutcome(
        name="Tone check",
        eval_id=EVAL_TONE,
        passed=passed,
        score=score,
        output=output,
        reason="Polite throughout.",
        output_type="Pass/Fail",
    )
    _same(read, expected)


@pytest.mark.parametrize(
    ("extra", "fields"),
    [
        ({}, {"name": EVAL_TONE, "output": None, "reason": None, "output_type": None}),
        ({"error": "error", "skipped": True}, {"error": "error", "skipped": True}),
        ({"error": True, "skipped": "yes"}, {"error": "True", "skipped": False}),
        ({"error": False, "skipped": False}, {"error": None, "skipped": False}),
        ({"error": None, "name": ""}, {"error": None, "name": EVAL_TONE}),
    ],
)
def test_an_eval_output_without_keys_or_with_errors_reads_as_the_constructor_builds_it(
    client: SimulateClient, server: RecordingServer, extra: dict[str, Any], fields: dict[str, Any]
) -> None:
    """Missing keys, error markers and skips read into the EvalOutcome the constructor makes."""
    body = {"name": "Tone check", "output": None, **extra} if extra else {}
    read = _read_evals(client, server, body)
    expected: dict[str, Any] = {"name": "Tone check", "output": None, "reason": None, "output_type": None}
    expected |= fields
    _same(read, EvalOutcome(eval_id=EVAL_TONE, passed=None, score=None, **expected))


def test_a_call_read_from_a_page_is_the_value_its_constructor_makes(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Each CallOutcome and EvalOutcome of a page equals, reprs and hashes as its constructor's value."""
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", "Passed", reason="ok")})
    server.reply(Reply(200, results("completed", [row, result_row(S1, "failed")])))
    read = client.executions.results(EXECUTION)
    for call in read.calls:
        _same(call, _ordinary(call))
        for outcome in call.evals:
            _same(outcome, _ordinary(outcome))
    assert [type(call) for call in read.calls] == [CallOutcome, CallOutcome]


def test_values_read_from_a_page_are_frozen(client: SimulateClient, server: RecordingServer) -> None:
    """A call and an eval outcome read from a page refuse assignment and deletion, as constructed ones do."""
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", "Passed")})
    server.reply(Reply(200, results("completed", [row])))
    (call,) = client.executions.results(EXECUTION).calls
    for value, field in ((call, "status"), (call.evals[0], "passed")):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, field, None)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(value, field)
    assert attrs.evolve(call, status="failed").failed


def test_values_read_from_a_page_pickle_as_the_public_classes(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Results read from a page pickle to equal values that name only the public classes."""
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", 0.5)})
    server.reply(Reply(200, results("completed", [row])))
    read = client.executions.results(EXECUTION)
    data = pickle.dumps(read)
    assert b"Building" not in data
    again = pickle.loads(data)
    assert again == read
    assert type(again.calls[0].evals[0]) is EvalOutcome
    assert weakref.ref(read.calls[0])() is read.calls[0]


def test_call_outcome_from_model_is_the_constructor_value() -> None:
    """CallOutcome.from_model and eval_outcomes give what the public constructor gives for the same row."""
    page = parse_results_page(
        results("completed", [result_row(S1, evals={EVAL_TONE: eval_output("T", "Failed")})])
    )
    (row,) = page.call_results.results
    call = CallOutcome.from_model(row)
    _same(call, _ordinary(call))
    assert eval_outcomes(row.eval_outputs) == call.evals


def test_get_counts_each_status_in_any_case_and_spacing(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Display forms, spaces, null and a missing status each count as the lower-case status or none."""
    rows = [
        call_row(S1, status) for status in ("Completed", " completed ", "FAILED", "Cancelled", "analyzing")
    ]
    rows += [call_row(S1, None), {k: v for k, v in call_row(S1).items() if k != "status"}]  # type: ignore[arg-type]
    server.reply(Reply(200, execution_detail("Completed", rows)))
    state = client.executions.get(EXECUTION)
    counts = (state.total_calls, state.completed_calls, state.failed_calls, state.cancelled_calls)
    assert (*counts, state.analyzing_calls, state.status) == (7, 2, 1, 1, 1, "completed")


def test_a_state_from_rows_of_unhashable_statuses_counts_none_of_them() -> None:
    """ExecutionState.from_rows over rows built with a status no JSON gives counts them as no status."""
    detail = parse_execution_page(execution_detail("running", []))
    row = CallExecution.from_dict(call_row(S1))
    row.status = ["completed"]  # type: ignore[assignment]
    state = ExecutionState.from_rows(uuid.UUID(EXECUTION), detail, [row, row])
    assert (state.total_calls, state.completed_calls, state.finished_calls) == (2, 0, 0)


# Review of the values built without __init__ (issue 27): each way a user copies or stores a value gives
# what the public constructor's value gives.


def _read_one_call(client: SimulateClient, server: RecordingServer) -> CallOutcome:
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", "Failed", reason="Rude.")})
    server.reply(Reply(200, results("completed", [row])))
    (call,) = client.executions.results(EXECUTION).calls
    return call


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_values_read_from_a_page_pickle_as_the_constructor_values_in_every_protocol(
    client: SimulateClient, server: RecordingServer, protocol: int
) -> None:
    """A call and its eval outcome read from a page pickle to the bytes their constructor's values give."""
    call = _read_one_call(client, server)
    for value in (call, call.evals[0]):
        assert pickle.dumps(value, protocol) == pickle.dumps(_ordinary(value), protocol)
        assert pickle.loads(pickle.dumps(value, protocol)) == value


def test_values_read_from_a_page_copy_and_deepcopy_as_public_values(
    client: SimulateClient, server: RecordingServer
) -> None:
    """copy.copy and copy.deepcopy of a call read from a page give equal values of the public classes."""
    call = _read_one_call(client, server)
    for made in (copy.copy(call), copy.deepcopy(call)):
        _same(made, _ordinary(call))
        _same(made.evals[0], _ordinary(call.evals[0]))


def test_a_results_page_that_holds_one_call_twice_is_refused(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A page whose count matches its rows but holds one call twice is read again, then refused."""
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", "Passed")})
    server.handler = lambda request: Reply(200, results("completed", [row, row]))
    with pytest.raises(IncompleteResultsError, match="1 calls came on two pages"):
        client.executions.results(EXECUTION)


def test_execution_results_from_rows_is_what_a_read_of_the_page_gives(
    client: SimulateClient, server: RecordingServer
) -> None:
    """ExecutionResults.from_rows over a page's parsed rows equals executions.results of that page."""
    rows = [result_row(S1, evals={EVAL_TONE: eval_output("Tone check", 0.5)}), result_row(S1, "failed")]
    body = results("completed", rows)
    page = parse_results_page(json.loads(json.dumps(body)))
    server.reply(Reply(200, body))
    assert ExecutionResults.from_rows(page, page.call_results.results) == client.executions.results(EXECUTION)


@attrs.frozen
class _TaggedCall(CallOutcome):
    pass


def test_call_outcome_from_model_of_a_subclass_builds_that_subclass() -> None:
    """A subclass's from_model goes through its own constructor and gives an equal-field subclass value."""
    page = parse_results_page(results("completed", [result_row(S1, evals={EVAL_TONE: eval_output("T", 1)})]))
    (row,) = page.call_results.results
    made = _TaggedCall.from_model(row)
    assert type(made) is _TaggedCall
    assert attrs.astuple(made, recurse=False) == attrs.astuple(CallOutcome.from_model(row), recurse=False)
