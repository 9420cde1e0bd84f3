"""Requests and answers of the operations after execute: an execution's state, calls, results and
cancel, and a run test's own object, scenarios, executions and eval summary. No I/O, like ``_wire``;
loaded on the first call, since it imports the generated package.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

import httpx

from futureagi_simulate_api.api.executions import cancel_test_execution as _cancel
from futureagi_simulate_api.api.executions import get_simulation_run_results as _results
from futureagi_simulate_api.api.executions import get_test_execution as _get_execution
from futureagi_simulate_api.api.run_tests import get_eval_summary as _eval_summary
from futureagi_simulate_api.api.run_tests import get_run_test as _get_run_test
from futureagi_simulate_api.api.run_tests import list_run_test_executions as _executions
from futureagi_simulate_api.api.run_tests import list_run_test_scenarios as _scenarios
from futureagi_simulate_api.models.cancel_test_execution_request import CancelTestExecutionRequest
from futureagi_simulate_api.models.cancel_test_execution_result import CancelTestExecutionResult
from futureagi_simulate_api.models.eval_summary_docs import EvalSummaryDocs
from futureagi_simulate_api.models.eval_summary_server_item import EvalSummaryServerItem
from futureagi_simulate_api.models.run_test_execution_page import RunTestExecutionPage
from futureagi_simulate_api.models.run_test_scenario_page import RunTestScenarioPage
from futureagi_simulate_api.models.simulation_run_results import SimulationRunResults
from futureagi_simulate_api.models.test_execution_detail import TestExecutionDetail

from ._answers import decode_body, json_object, shallow_object, unwrap
from ._flows import Exchange
from ._models import UNSET, RunTest
from ._redaction import excerpt
from ._results import EvalSummary
from ._wire import parse_run_test

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


def parse_execution_page(body: object) -> TestExecutionDetail:
    return TestExecutionDetail.from_dict(shallow_object(body))


def parse_results_page(body: object) -> SimulationRunResults:
    return SimulationRunResults.from_dict(json_object(unwrap(shallow_object(body), own=("execution_id",))))


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
    answer = shallow_object(body)
    content = unwrap(answer, own=("evaluations",))
    if content is answer:
        return EvalSummary.from_docs(EvalSummaryDocs.from_dict(answer))
    if not isinstance(content, list):
        raise TypeError(f"expected a JSON array of eval templates, got {type(content).__name__}")
    return EvalSummary.from_server([EvalSummaryServerItem.from_dict(json_object(item)) for item in content])


def parse_cancel(body: object) -> None:
    CancelTestExecutionResult.from_dict(shallow_object(body))


# Building requests ---------------------------------------------------------------------------------------


def get_run_test_call(run_test_id: uuid.UUID) -> Exchange[RunTest]:
    kwargs = _get_run_test.build_request_kwargs(run_test_id)
    parse = _about(run_test_id, "run test", parse_run_test, lambda answer: answer.id)
    return Exchange.from_generated("get run test", kwargs, parse)


def run_test_scenarios_page_call(run_test_id: uuid.UUID, page: int) -> Exchange[RunTestScenarioPage]:
    kwargs = _scenarios.build_request_kwargs(run_test_id, page=page, limit=PAGE_SIZE)
    return Exchange.from_generated(
        "list run test scenarios", kwargs, lambda body: RunTestScenarioPage.from_dict(shallow_object(body))
    )


def run_test_executions_page_call(run_test_id: uuid.UUID, page: int) -> Exchange[RunTestExecutionPage]:
    kwargs = _executions.build_request_kwargs(run_test_id, page=page, limit=PAGE_SIZE)
    return Exchange.from_generated(
        "list run test executions", kwargs, lambda body: RunTestExecutionPage.from_dict(shallow_object(body))
    )


def eval_summary_call(run_test_id: uuid.UUID, execution_id: uuid.UUID | None) -> Exchange[EvalSummary]:
    kwargs = _eval_summary.build_request_kwargs(
        run_test_id, execution_id=UNSET if execution_id is None else execution_id
    )
    return Exchange.from_generated("get eval summary", kwargs, parse_eval_summary)


def execution_page_call(execution_id: uuid.UUID, page: int) -> Exchange[TestExecutionDetail]:
    kwargs = _get_execution.build_request_kwargs(execution_id, page=page, limit=PAGE_SIZE)
    return Exchange.from_generated(
        "get test execution", kwargs, parse_execution_page, not_found_if=_unknown_execution
    )


def results_page_call(execution_id: uuid.UUID, page: int) -> Exchange[SimulationRunResults]:
    kwargs = _results.build_request_kwargs(execution_id=execution_id, page=page, limit=PAGE_SIZE)
    return Exchange.from_generated("get simulation run results", kwargs, _results_of(execution_id))


def _results_of(execution_id: uuid.UUID) -> Callable[[object], SimulationRunResults]:
    return _about(execution_id, "execution", parse_results_page, lambda answer: answer.execution_id)


def progress_call(execution_id: uuid.UUID, *, deadline: float | None) -> Exchange[SimulationRunResults]:
    """One poll of ``executions.wait``: the results' first page of one row, for the execution's status
    and call counts without its rows. Over by ``deadline`` (the wait's timeout, on the flow's clock)."""
    kwargs = _results.build_request_kwargs(execution_id=execution_id, page=1, limit=1)
    call = Exchange.from_generated("get simulation run results", kwargs, _results_of(execution_id))
    call.deadline = deadline
    return call


def cancel_call(execution_id: uuid.UUID) -> Exchange[None]:
    kwargs = _cancel.build_request_kwargs(execution_id, body=CancelTestExecutionRequest())
    return Exchange.from_generated(
        "cancel test execution", kwargs, parse_cancel, not_found_if=_unknown_execution
    )
