"""A scripted results endpoint whose calls move between pages as they change, as the server orders them."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.data import EXECUTION
from tests.server import Recorded, RecordingServer, Reply

ANSWERS: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).resolve().parent / "data" / "answers-oss.json").read_text()
)["answers"]
RUN_TEST: dict[str, Any] = ANSWERS["getRunTest 200"][0]["body"]
#: A call of the recorded "pass" case: completed, both live evals Passed.
PASSING_ROW: dict[str, Any] = next(
    a
    for a in ANSWERS["getSimulationRunResults 200"]
    if a["case"] == "pass" and a["server_config"] == "temporal"
)["body"]["result"]["call_results"]["results"][0]
TONE_CHECK = next(c["id"] for c in RUN_TEST["evals_detail"] if c["name"] == "Tone check")
RESULTS_PATH = "/sdk/api/v1/simulation/runs/"


def passing_row(number: int) -> dict[str, Any]:
    row = copy.deepcopy(PASSING_ROW)
    row.update(call_execution_id=str(uuid.uuid4()), scenario_id=str(uuid.uuid4()), scenario_name=f"S{number}")
    return row


class MovingResults:
    """An execution's results as the server pages them, most recently updated call first.

    ``between_pages(self, reads)`` runs after each results answer is built (``reads`` counts them), where
    a test changes the calls as the executor would while the client reads on.
    """

    def __init__(self, calls: int, status: str = "completed") -> None:
        self.rows = [passing_row(n) for n in range(calls)]
        self.status = status
        self.count: int | None = calls
        #: How many of the calls the pages show (None: all): fewer is a server that lost some for a moment.
        self.visible: int | None = None
        #: What call_results.total_pages says: the real number unless a test sets it (None: left out).
        self.total_pages: int | bool | None = True
        self.reads = 0
        self.between_pages: Callable[[MovingResults, int], None] = lambda results, reads: None

    def update(self, index: int, **changes: Any) -> None:
        """The call at ``index`` changes, so it moves to the front, as ``-updated_at`` orders it."""
        row = self.rows.pop(index)
        row.update(changes)
        self.rows.insert(0, row)

    def answer(self, request: Recorded) -> Reply:
        if request.path.startswith("/simulate/run-tests/"):
            return Reply(200, RUN_TEST)
        assert request.path == RESULTS_PATH
        number, limit = int(request.query["page"][0]), int(request.query["limit"][0])
        page: dict[str, Any] = {
            "current_page": number,
            "results": copy.deepcopy(self.rows[: self.visible][(number - 1) * limit : number * limit]),
        }
        if self.count is not None:
            page["count"] = self.count
        if self.total_pages is True:
            page["total_pages"] = max(1, -(-len(self.rows) // limit))
        elif self.total_pages is not None:
            page["total_pages"] = self.total_pages
        body: dict[str, Any] = {
            "execution_id": EXECUTION,
            "status": self.status,
            "started_at": "2026-12-07T10:45:25.209632Z",
            "completed_at": "2026-12-07T10:45:38.698413Z",
            "eval_results": [],
            "call_results": page,
        }
        if self.count is not None:
            body["total_calls"] = self.count
        self.reads += 1
        self.between_pages(self, self.reads)
        return Reply(200, {"status": True, "result": body})


OTHER = str(uuid.uuid4())


def about_another_execution(results: MovingResults) -> None:
    """Every results answer says it is about another execution than the one asked for."""
    answer = results.answer

    def other(request: Recorded) -> Reply:
        reply = answer(request)
        if request.path == RESULTS_PATH:
            reply.body["result"]["execution_id"] = OTHER
        return reply

    results.answer = other  # type: ignore[method-assign]


def serve(server: RecordingServer, results: MovingResults, run_test: dict[str, Any] | None = None) -> None:
    """The server answers the results from ``results`` and the run test with ``run_test``."""

    def answer(request: Recorded) -> Reply:
        if run_test is not None and request.path.startswith("/simulate/run-tests/"):
            return Reply(200, run_test)
        return results.answer(request)

    server.handler = answer
