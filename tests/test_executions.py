"""The operations after execute over real HTTP: what each sends, and how each answer form is read."""

from __future__ import annotations

import datetime
import uuid

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    Selection,
    SimulateClient,
)
from tests.data import (
    API_KEY,
    EVAL_TONE,
    EXECUTION,
    RUN,
    S1,
    S2,
    S3,
    SECRET_KEY,
    call_row,
    error,
    eval_output,
    execution_detail,
    execution_snake,
    new_id,
    result_row,
    results,
    run_test,
    unknown_fields,
)
from tests.server import RecordingServer, Reply

EXECUTION_PATH = f"/simulate/test-executions/{EXECUTION}/"
UNKNOWN_EXECUTION = error(
    "server_error",
    "server_error",
    "Failed to retrieve test execution: No TestExecution matches the given query.",
)


def scenario_page(ids: list[str], *, number: int = 1, pages: int = 1) -> dict[str, object]:
    return {
        "count": len(ids) if pages == 1 else 1000,
        "next": None if number >= pages else "http://testserver/next",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [{"id": i, "name": f"Scenario {i[:4]}", "row_count": 1} for i in ids],
    }


def execution_row(start: str, status: str = "Completed") -> dict[str, object]:
    return {"id": new_id(), "status": status, "scenarios": "A, B", "start_time": start, "calls": 2}


def execution_rows_page(rows: list[dict[str, object]], *, number: int, pages: int) -> dict[str, object]:
    return {
        "count": 100 * pages,
        "next": None if number >= pages else "http://testserver/next",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": rows,
    }


# executions.get and calls --------------------------------------------------------------------------------


def test_get_reads_the_state_and_every_call(client: SimulateClient, server: RecordingServer) -> None:
    """get asks for pages of 100 calls until the last and counts the calls by status."""
    calls = [call_row(S1, "completed") for _ in range(120)] + [
        call_row(S2, "failed"),
        call_row(S3, "ongoing"),
    ]
    server.reply(
        Reply(200, execution_detail("Running", calls, number=1)),
        Reply(200, execution_detail("running", calls, number=2)),
    )
    state = client.executions.get(EXECUTION)
    assert [(r.method, r.path, r.query) for r in server.requests] == [
        ("GET", EXECUTION_PATH, {"page": ["1"], "limit": ["100"]}),
        ("GET", EXECUTION_PATH, {"page": ["2"], "limit": ["100"]}),
    ]
    assert (state.execution_id, state.status, state.is_finished) == (uuid.UUID(EXECUTION), "running", False)
    assert (state.total_calls, state.completed_calls, state.failed_calls, state.finished_calls) == (
        122,
        120,
        1,
        121,
    )
    assert state.calls[0].additional_properties["phone_number"] == "+15550100"


def test_get_of_an_unknown_execution_is_not_found_and_not_retried(server: RecordingServer) -> None:
    """The open-source server's 500 for an unknown execution is NotFoundError, sent once."""
    server.reply(Reply(500, UNKNOWN_EXECUTION))
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, max_retries=2) as client:
        with pytest.raises(NotFoundError) as caught:
            client.executions.get(EXECUTION)
    assert caught.value.status_code == 500
    assert "No TestExecution matches the given query" in caught.value.message
    assert len(server.requests) == 1


def test_other_500s_on_get_stay_server_errors(client: SimulateClient, server: RecordingServer) -> None:
    """Only the unknown-execution sentence becomes NotFoundError."""
    server.reply(Reply(500, error("server_error", "server_error", "database is down")))
    with pytest.raises(InternalServerError):
        client.executions.get(EXECUTION)


def test_get_of_a_documented_404_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """The documented dialect's 404 is NotFoundError too."""
    server.reply(Reply(404, error("not_found", "not_found", "Test execution not found")))
    with pytest.raises(NotFoundError):
        client.executions.get(EXECUTION)


def test_calls_yields_every_row_lazily(client: SimulateClient, server: RecordingServer) -> None:
    """calls pages by number and asks for the next page only when the rows so far are used up."""
    rows = [call_row(S1) for _ in range(101)]
    server.reply(
        Reply(200, execution_detail("completed", rows, number=1)),
        Reply(200, execution_detail("completed", rows, number=2)),
    )
    calls = client.executions.calls(EXECUTION)
    first = next(calls)
    assert len(server.requests) == 1
    assert [first.id, *(c.id for c in calls)] == [uuid.UUID(str(r["id"])) for r in rows]
    assert len(server.requests) == 2


def test_calls_stops_on_an_empty_page(client: SimulateClient, server: RecordingServer) -> None:
    """A page past the end is a 200 with no rows on this endpoint: that ends the iteration."""
    rows = [call_row(S1)]
    page = execution_detail("completed", rows)
    page.update(count=500, total_pages=5, next="http://testserver/next")
    empty = execution_detail("completed", [])
    empty.update(count=500, total_pages=5, current_page=2)
    server.reply(Reply(200, page), Reply(200, empty))
    assert len(list(client.executions.calls(EXECUTION))) == 1
    assert len(server.requests) == 2


# results, cancel -----------------------------------------------------------------------------------------


def test_an_envelope_with_a_key_more_is_still_unwrapped(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The one envelope rule: an answer without the execution's own id is read from its result, whatever
    other keys the server adds beside it (as the execute and prompt answers are read)."""
    enveloped = results("Completed", [result_row(S1)], envelope=True)
    server.reply(Reply(200, {**enveloped, "message": "ok"}))
    got = client.executions.results(EXECUTION)
    assert (got.status, [call.scenario_id for call in got.calls]) == ("completed", [uuid.UUID(S1)])


@pytest.mark.parametrize("envelope", [True, False], ids=["oss-envelope", "bare"])
def test_results_reads_both_forms(client: SimulateClient, server: RecordingServer, envelope: bool) -> None:
    """The open-source envelope and a bare object give the same results."""
    rows = [result_row(S1, evals={EVAL_TONE: eval_output("Tone check", "Passed", reason="calm")})]
    server.reply(Reply(200, results("Completed", rows, envelope=envelope)))
    got = client.executions.results(EXECUTION)
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("GET", "/sdk/api/v1/simulation/runs/")
    assert sent.query == {"execution_id": [EXECUTION], "page": ["1"], "limit": ["100"]}
    assert (got.status, got.is_finished) == ("completed", True)
    assert got.started_at == datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)
    (call,) = got.calls
    assert (call.scenario_id, call.status, call.failed) == (uuid.UUID(S1), "completed", False)
    (outcome,) = call.evals
    assert (outcome.name, outcome.eval_id, outcome.passed, outcome.reason) == (
        "Tone check",
        EVAL_TONE,
        True,
        "calm",
    )


def test_results_of_an_unknown_execution_is_not_found(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The results endpoint answers 404 for an unknown execution."""
    server.reply(Reply(404, error("not_found", "not_found", "Test execution not found.")))
    with pytest.raises(NotFoundError, match=r"Test execution not found\."):
        client.executions.results(EXECUTION)


def test_cancel_posts_an_empty_object(client: SimulateClient, server: RecordingServer) -> None:
    """cancel sends {}: any key is a 400 on the server."""
    server.reply(Reply(200, {"success": True, "message": "cancelled", "test_execution_id": EXECUTION}))
    client.executions.cancel(EXECUTION)
    (sent,) = server.requests
    assert (sent.method, sent.path, sent.json()) == ("POST", f"{EXECUTION_PATH}cancel/", {})


def test_cancel_of_an_unknown_execution_is_not_found(client: SimulateClient, server: RecordingServer) -> None:
    """A 404 on cancel is NotFoundError."""
    server.reply(Reply(404, error("not_found", "not_found", "Test execution not found")))
    with pytest.raises(NotFoundError):
        client.executions.cancel(EXECUTION)


# run tests: get, scenarios, executions, eval summary -----------------------------------------------------


def test_run_test_get(client: SimulateClient, server: RecordingServer) -> None:
    """run_tests.get reads the bare run test."""
    server.reply(Reply(200, run_test()))
    run = client.run_tests.get(RUN)
    assert (server.requests[0].method, server.requests[0].path) == ("GET", f"/simulate/run-tests/{RUN}/")
    assert run.id == uuid.UUID(RUN)


def test_scenarios_reads_every_page(client: SimulateClient, server: RecordingServer) -> None:
    """scenarios pages by number until total_pages."""
    server.reply(
        Reply(200, scenario_page([S1, S2], number=1, pages=2)),
        Reply(200, scenario_page([S3], number=2, pages=2)),
    )
    assert [s.id for s in client.run_tests.scenarios(RUN)] == [uuid.UUID(i) for i in (S1, S2, S3)]
    assert [r.query["page"] for r in server.requests] == [["1"], ["2"]]
    assert server.requests[0].path == f"/simulate/run-tests/{RUN}/scenarios/"


def test_executions_started_after_stops_at_older_rows(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Newest first: the first row older than started_after ends the iteration, no later page is read."""
    newer = execution_row("2026-11-30T10:05:00Z", "Pending")
    older = execution_row("2026-11-30T09:00:00Z")
    server.reply(Reply(200, execution_rows_page([newer, older], number=1, pages=3)))
    since = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)
    found = list(client.run_tests.executions(RUN, started_after=since))
    assert [row.id for row in found] == [uuid.UUID(str(newer["id"]))]
    assert found[0].status == "Pending"
    assert len(server.requests) == 1
    assert server.requests[0].path == f"/simulate/run-tests/{RUN}/executions/"


def test_executions_without_started_after_reads_them_all(
    client: SimulateClient, server: RecordingServer
) -> None:
    """With no bound every page is read."""
    server.reply(
        Reply(200, execution_rows_page([execution_row("2026-11-30T10:00:00Z")], number=1, pages=2)),
        Reply(200, execution_rows_page([execution_row("2026-11-29T10:00:00Z")], number=2, pages=2)),
    )
    assert len(list(client.run_tests.executions(RUN))) == 2


@pytest.mark.parametrize(
    "since", [datetime.datetime(2026, 11, 30), "2026-11-30T10:00:00Z"], ids=["naive", "str"]
)
def test_started_after_must_be_an_aware_datetime(client: SimulateClient, since: object) -> None:
    """A naive datetime is ambiguous and a string is not a time: both are refused."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.executions(RUN, started_after=since)  # type: ignore[arg-type]
    assert caught.value.argument == "started_after"


def test_eval_summary_server_shape(client: SimulateClient, server: RecordingServer) -> None:
    """The open-source shape: per eval template, one entry per eval config; read as one item per config,
    addressable by the config's name, with the template's id and name kept on each."""
    template = new_id()
    body = {
        "status": True,
        "result": [
            {
                "name": "task_completion",
                "id": template,
                "output_type": "Pass/Fail",
                "result": [
                    {
                        "name": "Tone check",
                        "id": EVAL_TONE,
                        "total_cells": 4,
                        "output": {"pass": 75.0, "fail": 0.0, "pass_count": 3, "fail_count": 0},
                    },
                    {"name": "Politeness", "id": new_id(), "total_cells": 0, "output": {}},
                ],
                "total_pass_rate": 75.0,
            },
            {
                "name": "tone",
                "id": new_id(),
                "output_type": "score",
                "result": [
                    {
                        "name": "Warmth",
                        "id": new_id(),
                        "total_cells": 2,
                        "output": {"p50": 80.0},
                        "avg_score": 80.0,
                    }
                ],
                "total_avg": 80.0,
            },
        ],
    }
    server.reply(Reply(200, body))
    summary = client.run_tests.eval_summary(RUN, execution_id=EXECUTION)
    assert server.requests[0].query == {"execution_id": [EXECUTION]}
    tone = summary["Tone check"]
    # "Pass" counts in total_cells but not as passed: 3 of 4.
    assert (tone.pass_rate, tone.passed, tone.failed, tone.total_runs) == (0.75, 3, 0, 4)
    assert (tone.eval_id, tone.template_id, tone.template_name) == (
        uuid.UUID(EVAL_TONE),
        uuid.UUID(template),
        "task_completion",
    )
    # Two configs on one template stay two entries; one that judged nothing has no rate.
    assert (summary["Politeness"].pass_rate, summary["Politeness"].total_runs) == (None, 0)
    assert (summary["Warmth"].pass_rate, summary["Warmth"].average_score) == (None, 0.8)
    assert [item.name for item in summary.evals] == ["Tone check", "Politeness", "Warmth"]


def test_eval_summary_documented_shape(client: SimulateClient, server: RecordingServer) -> None:
    """The documented shape gives passed and failed counts; the rate is computed from them."""
    body = {
        "evaluations": [
            {"name": "Tone check", "average_score": 0.85, "total_runs": 10, "passed": 8, "failed": 2}
        ]
    }
    server.reply(Reply(200, body))
    summary = client.run_tests.eval_summary(RUN)
    assert server.requests[0].query == {}
    item = summary["Tone check"]
    assert (item.pass_rate, item.passed, item.failed, item.total_runs) == (0.8, 8, 2, 10)


def test_eval_summary_with_no_evals(client: SimulateClient, server: RecordingServer) -> None:
    """A run test with no evals answers an empty list."""
    server.reply(Reply(200, {"status": True, "result": []}))
    assert client.run_tests.eval_summary(RUN).evals == ()


# all_except on a snake_case server ----------------------------------------------------------------------


def test_all_except_on_snake_sends_only_the_rest(server: RecordingServer) -> None:
    """The scenario list is read first, and the execute names only the scenarios left in."""
    server.reply(Reply(200, scenario_page([S1, S2, S3])), Reply(200, execution_snake(scenario_ids=[S1, S3])))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake", max_retries=0
    ) as client:
        execution = client.run_tests.execute(RUN, selection=Selection.all_except([S2]))
    listed, executed = server.requests
    assert listed.path == f"/simulate/run-tests/{RUN}/scenarios/"
    assert executed.json() == {"select_all": False, "scenario_ids": [S1, S3]}
    assert execution.scenario_ids == (uuid.UUID(S1), uuid.UUID(S3))


def test_all_except_after_the_casing_probe(client: SimulateClient, server: RecordingServer) -> None:
    """In auto mode the camelCase probe is refused, then the list is read and only the rest is sent."""
    server.reply(
        Reply(400, unknown_fields("selectAll", "scenarioIds")),
        Reply(200, scenario_page([S1, S2, S3])),
        Reply(200, execution_snake(scenario_ids=[S3])),
    )
    client.run_tests.execute(RUN, selection=Selection.all_except([S1, S2]))
    probe, listed, executed = server.requests
    assert probe.json() == {"selectAll": True, "scenarioIds": [S1, S2]}
    assert listed.method == "GET"
    assert executed.json() == {"select_all": False, "scenario_ids": [S3]}
    assert client.body_casing == "auto"


def test_all_except_leaving_nothing_is_refused_before_execute(server: RecordingServer) -> None:
    """Leaving out every scenario would send an empty list, which means everything: refused."""
    server.reply(Reply(200, scenario_page([S1, S2])))
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake", max_retries=0
    ) as client:
        with pytest.raises(InvalidArgumentError) as caught:
            client.run_tests.execute(RUN, selection=Selection.all_except([S1, S2]))
    assert caught.value.argument == "selection"
    assert [r.method for r in server.requests] == ["GET"]


# async --------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_follow_up_operations(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client reads state, results and a verdict, and cancels, like the sync one."""
    server.reply(
        Reply(200, results("completed", [result_row(S1)])),
        Reply(200, execution_detail("completed", [call_row(S1)])),
        Reply(200, run_test()),
        Reply(200, results("completed", [result_row(S1)])),
        Reply(200, {"success": True, "message": "ok", "test_execution_id": EXECUTION}),
        Reply(200, scenario_page([S1, S2])),
    )
    state = await aclient.executions.wait(EXECUTION, timeout=5)
    verdict = await aclient.executions.report(EXECUTION, run_test_id=RUN)
    await aclient.executions.cancel(EXECUTION)
    scenarios = [s.id async for s in aclient.run_tests.scenarios(RUN)]
    assert (state.status, verdict.passed, len(scenarios)) == ("completed", True, 2)
    assert [r.method for r in server.requests] == ["GET", "GET", "GET", "GET", "POST", "GET"]
