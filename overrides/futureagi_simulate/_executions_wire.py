"""Requests and answers of the operations after execute: an execution's state, calls, results and
cancel, and a run test's own object, scenarios, executions and eval summary. No I/O, like ``_wire``;
loaded on the first call, since it imports the generated package.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

import httpx

from futureagi_simulate._api.api.executions import cancel_test_execution as _cancel
from futureagi_simulate._api.api.executions import get_simulation_run_results as _results
from futureagi_simulate._api.api.executions import get_test_execution as _get_execution
from futureagi_simulate._api.api.run_tests import get_eval_summary as _eval_summary
from futureagi_simulate._api.api.run_tests import get_run_test as _get_run_test
from futureagi_simulate._api.api.run_tests import list_run_test_executions as _executions
from futureagi_simulate._api.api.run_tests import list_run_test_scenarios as _scenarios
from futureagi_simulate._api.models.cancel_test_execution_request import CancelTestExecutionRequest
from futureagi_simulate._api.models.cancel_test_execution_result import CancelTestExecutionResult
from futureagi_simulate._api.models.eval_summary_docs import EvalSummaryDocs
from futureagi_simulate._api.models.eval_summary_server_envelope import EvalSummaryServerEnvelope
from futureagi_simulate._api.models.run_test_execution_page import RunTestExecutionPage
from futureagi_simulate._api.models.run_test_scenario_page import RunTestScenarioPage
from futureagi_simulate._api.models.simulation_run_results import SimulationRunResults
from futureagi_simulate._api.models.test_execution_detail import TestExecutionDetail

from ._errors import MAX_BODY_DEPTH, decode_body, depth, excerpt
from ._flows import Call
from ._models import UNSET, RunTest
from ._results import EvalSummary
from ._wire import json_object, parse_run_test

__all__ = [
    "PAGE_SIZE",
    "cancel_call",
    "eval_summary_call",
    "execution_page_call",
    "get_run_test_call",
    "progress_call",
    "results_page_call",
    "run_test_executions_page_call",
    "run_test_scenarios_page_call",
]

T = TypeVar("T")

# Rows asked for per page when the client reads every page itself: few requests, modest answers.
PAGE_SIZE = 100


def _unknown_execution(response: httpx.Response) -> bool:
    """The open-source server's 500 for an execution id it does not have (API-NOTES.md)."""
    if response.status_code != 500:
        return False
    body, _ = decode_body(response)
    return "No TestExecution matches the given query" in str(body)


def _object(body: object) -> dict[str, object]:
    if not isinstance(body, dict):
        raise TypeError(f"expected a JSON object, got {type(body).__name__}")
    # Transcripts and eval outputs are free-form JSON: a body nested this deep is refused, so that
    # nothing a user does with the result (pickle, repr, a JSON report) walks hundreds of levels.
    if depth(body) > MAX_BODY_DEPTH:
        raise ValueError(f"the answer nests deeper than {MAX_BODY_DEPTH} levels")
    return body


def _unwrap(body: object) -> object:
    """``{"status": true, "result": X}`` (the open-source server) to X; any other body as it is."""
    envelope = _object(body)
    if isinstance(envelope.get("status"), bool) and "result" in envelope and len(envelope) == 2:
        return envelope["result"]
    return envelope


def parse_execution_page(body: object) -> TestExecutionDetail:
    return TestExecutionDetail.from_dict(_object(body))


def parse_results_page(body: object) -> SimulationRunResults:
    return SimulationRunResults.from_dict(json_object(_unwrap(body)))


def _about(
    asked: uuid.UUID, what: str, parse: Callable[[object], T], of: Callable[[T], object]
) -> Callable[[object], T]:
    """``parse``, refusing an answer about another object than the one asked for: a verdict drawn from
    another execution's results, or another run test's eval configs, would judge the wrong run."""

    def checked(body: object) -> T:
        answer = parse(body)
        told = of(answer)
        if told != asked:
            raise ValueError(f"the answer is about {what} {excerpt(str(told), 60)}, not {asked} as asked")
        return answer

    return checked


def parse_eval_summary(body: object) -> EvalSummary:
    """Either dialect's shape: ``{"status": true, "result": [...]}`` or ``{"evaluations": [...]}``."""
    answer = _object(body)
    if "evaluations" in answer:
        return EvalSummary.from_docs(EvalSummaryDocs.from_dict(answer))
    return EvalSummary.from_server(EvalSummaryServerEnvelope.from_dict(answer))


def parse_cancel(body: object) -> None:
    CancelTestExecutionResult.from_dict(_object(body))


# Building requests ---------------------------------------------------------------------------------------


def get_run_test_call(run_test_id: uuid.UUID) -> Call[RunTest]:
    kwargs = _get_run_test.build_request_kwargs(run_test_id)
    parse = _about(run_test_id, "run test", parse_run_test, lambda answer: answer.id)
    return Call.from_generated("get run test", kwargs, parse)


def run_test_scenarios_page_call(run_test_id: uuid.UUID, page: int) -> Call[RunTestScenarioPage]:
    kwargs = _scenarios.build_request_kwargs(run_test_id, page=page, limit=PAGE_SIZE)
    return Call.from_generated(
        "list run test scenarios", kwargs, lambda body: RunTestScenarioPage.from_dict(_object(body))
    )


def run_test_executions_page_call(run_test_id: uuid.UUID, page: int) -> Call[RunTestExecutionPage]:
    kwargs = _executions.build_request_kwargs(run_test_id, page=page, limit=PAGE_SIZE)
    return Call.from_generated(
        "list run test executions", kwargs, lambda body: RunTestExecutionPage.from_dict(_object(body))
    )


def eval_summary_call(run_test_id: uuid.UUID, execution_id: uuid.UUID | None) -> Call[EvalSummary]:
    kwargs = _eval_summary.build_request_kwargs(
        run_test_id, execution_id=UNSET if execution_id is None else execution_id
    )
    return Call.from_generated("get eval summary", kwargs, parse_eval_summary)


def execution_page_call(execution_id: uuid.UUID, page: int) -> Call[TestExecutionDetail]:
    kwargs = _get_execution.build_request_kwargs(execution_id, page=page, limit=PAGE_SIZE)
    return Call.from_generated(
        "get test execution", kwargs, parse_execution_page, not_found_if=_unknown_execution
    )


def results_page_call(execution_id: uuid.UUID, page: int) -> Call[SimulationRunResults]:
    kwargs = _results.build_request_kwargs(execution_id=execution_id, page=page, limit=PAGE_SIZE)
    return Call.from_generated("get simulation run results", kwargs, _results_of(execution_id))


def _results_of(execution_id: uuid.UUID) -> Callable[[object], SimulationRunResults]:
    return _about(execution_id, "execution", parse_results_page, lambda answer: answer.execution_id)


def progress_call(execution_id: uuid.UUID, *, deadline: float | None) -> Call[SimulationRunResults]:
    """One poll of ``executions.wait``: the results' first page of one row, for the execution's status
    and call counts without its rows. Over by ``deadline`` (the wait's timeout, on the flow's clock)."""
    kwargs = _results.build_request_kwargs(execution_id=execution_id, page=1, limit=1)
    call = Call.from_generated("get simulation run results", kwargs, _results_of(execution_id))
    call.deadline = deadline
    return call


def cancel_call(execution_id: uuid.UUID) -> Call[None]:
    kwargs = _cancel.build_request_kwargs(execution_id, body=CancelTestExecutionRequest())
    return Call.from_generated("cancel test execution", kwargs, parse_cancel, not_found_if=_unknown_execution)
