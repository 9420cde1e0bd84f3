"""run_tests over real HTTP: create, list and iter, get, execute, scenarios, executions, eval_summary."""

from __future__ import annotations

import datetime
import json
import pickle
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    AsyncSimulateClient,
    EvaluationConfig,
    Execution,
    InternalServerError,
    InvalidArgumentError,
    RunTest,
    Selection,
    SimulateClient,
)
from tests.clients import EMPTY_PAGE, KEY, SECRET
from tests.data import (
    AGENT,
    API_KEY,
    EVAL_TONE,
    EXECUTION,
    RUN,
    S1,
    S2,
    S3,
    SECRET_KEY,
    TEMPLATE,
    error,
    execution_camel,
    execution_snake,
    new_id,
    page,
    run_test,
    scenario_page,
    unknown_fields,
)
from tests.server import Recorded, RecordingServer, Reply

CREATE = "/simulate/run-tests/create/"


def test_create_sends_only_given_fields(client: SimulateClient, server: RecordingServer) -> None:
    """A minimal create posts exactly name, agent_definition_id and scenario_ids."""
    server.reply(Reply(201, run_test()))
    client.run_tests.create(name="Checkout regression", agent_definition_id=AGENT, scenario_ids=[S1, S2])
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", CREATE)
    assert sent.json() == {
        "name": "Checkout regression",
        "agent_definition_id": AGENT,
        "scenario_ids": [S1, S2],
    }


def test_create_sends_every_optional_field_in_snake_case(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Every optional argument reaches the wire under its snake_case name."""
    template, version, replay, eval_id = new_id(), new_id(), new_id(), new_id()
    server.reply(Reply(201, run_test()))
    client.run_tests.create(
        name="n",
        agent_definition_id=uuid.UUID(AGENT),
        scenario_ids=[S1],
        description="",
        eval_config_ids=[eval_id],
        evaluations_config=[{"template_id": template, "name": "tone", "config": {"threshold": 0.5}}],
        dataset_row_ids=["row-1"],
        enable_tool_evaluation=True,
        replay_session_id=replay,
        agent_version=version,
    )
    assert server.requests[0].json() == {
        "name": "n",
        "agent_definition_id": AGENT,
        "scenario_ids": [S1],
        "description": "",
        "eval_config_ids": [eval_id],
        "evaluations_config": [{"template_id": template, "name": "tone", "config": {"threshold": 0.5}}],
        "dataset_row_ids": ["row-1"],
        "enable_tool_evaluation": True,
        "replay_session_id": replay,
        "agent_version": version,
    }


def test_create_accepts_generated_evaluation_models(client: SimulateClient, server: RecordingServer) -> None:
    """An EvaluationConfig model is sent as its dict."""
    template = new_id()
    server.reply(Reply(201, run_test()))
    config = EvaluationConfig(template_id=uuid.UUID(template), model="turing_large")
    client.run_tests.create(
        name="n", agent_definition_id=AGENT, scenario_ids=[S1], evaluations_config=[config]
    )
    assert server.requests[0].json()["evaluations_config"] == [
        {"template_id": template, "model": "turing_large"}
    ]


def test_create_returns_the_run_test(client: SimulateClient, server: RecordingServer) -> None:
    """The 201 answer is a RunTest with parsed ids, datetimes and nested scenarios."""
    server.reply(Reply(201, run_test()))
    run = client.run_tests.create(name="n", agent_definition_id=AGENT, scenario_ids=[S1])
    assert isinstance(run, RunTest)
    assert run.id == uuid.UUID(RUN)
    assert isinstance(run.created_at, datetime.datetime)
    assert run.created_at.year == 2026
    assert isinstance(run.scenarios_detail, list)
    assert [s.status for s in run.scenarios_detail] == ["Completed", "Running"]


def test_create_keeps_unknown_fields(client: SimulateClient, server: RecordingServer) -> None:
    """Fields the document does not know yet stay reachable on the model."""
    server.reply(Reply(201, run_test(priority="high", source_type="voice_replay")))
    run = client.run_tests.create(name="n", agent_definition_id=AGENT, scenario_ids=[S1])
    assert run.additional_properties["priority"] == "high"
    assert run.source_type == "voice_replay"


GOOD: dict[str, Any] = {"name": "n", "agent_definition_id": AGENT, "scenario_ids": [S1]}


@pytest.mark.parametrize(
    ("change", "argument", "rule"),
    [
        ({"name": ""}, "name", "empty"),
        ({"name": "   "}, "name", "empty"),
        ({"name": "x" * 256}, "name", "at most 255"),
        ({"name": None}, "name", "str"),
        ({"agent_definition_id": "agent-1"}, "agent_definition_id", "UUID"),
        ({"scenario_ids": []}, "scenario_ids", "at least one"),
        ({"scenario_ids": [S1, "nope"]}, "scenario_ids[1]", "UUID"),
        ({"scenario_ids": S1}, "scenario_ids", "list"),
        ({"description": None}, "description", "leave the argument out"),
        ({"dataset_row_ids": ["r" * 256]}, "dataset_row_ids[0]", "at most 255"),
        ({"dataset_row_ids": [7]}, "dataset_row_ids[0]", "str"),
        ({"eval_config_ids": ["e"]}, "eval_config_ids[0]", "UUID"),
        ({"evaluations_config": [{"name": "x"}]}, "evaluations_config[0].template_id", "required"),
        ({"evaluations_config": [{"template_id": "t"}]}, "evaluations_config[0].template_id", "UUID"),
        ({"enable_tool_evaluation": "yes"}, "enable_tool_evaluation", "True or False"),
        ({"replay_session_id": "r"}, "replay_session_id", "UUID"),
        ({"agent_version": "v2"}, "agent_version", "UUID"),
    ],
)
def test_bad_create_input_is_refused_before_sending(
    client: SimulateClient, server: RecordingServer, change: dict[str, Any], argument: str, rule: str
) -> None:
    """Each broken rule raises InvalidArgumentError naming the field and the rule; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.create(**{**GOOD, **change})
    assert caught.value.argument == argument
    assert rule in caught.value.rule
    assert server.requests == []


def test_name_of_255_characters_is_accepted(client: SimulateClient, server: RecordingServer) -> None:
    """The limit is inclusive."""
    server.reply(Reply(201, run_test()))
    client.run_tests.create(**{**GOOD, "name": "x" * 255})
    assert len(server.requests[0].json()["name"]) == 255


def test_create_arguments_are_keyword_only(client: SimulateClient) -> None:
    """Positional arguments are a TypeError, so argument order can never silently swap ids."""
    with pytest.raises(TypeError):
        client.run_tests.create("n", AGENT, [S1])  # type: ignore[call-arg]


LIST = "/simulate/run-tests/"


def paged_server(server: RecordingServer, total: int, *, next_base: str | None = None) -> list[str]:
    """Serves ``total`` run tests newest first by page/limit, like the open-source server."""
    ids = [new_id() for _ in range(total)]

    def handler(request: Recorded) -> Reply:
        number = int(request.query.get("page", ["1"])[0])
        limit = int(request.query.get("limit", ["10"])[0])
        chunk = ids[(number - 1) * limit : number * limit]
        if number > 1 and not chunk:
            return Reply(500, {"status": False, "message": "Invalid page."})
        runs = [run_test(run_id) for run_id in chunk]
        return Reply(200, page(runs, number=number, limit=limit, count=total, base=next_base or server.url))

    server.handler = handler
    return ids


def test_list_without_arguments_sends_no_query(client: SimulateClient, server: RecordingServer) -> None:
    """Only the parameters given are sent: none given, no query string at all."""
    paged_server(server, 3)
    result = client.run_tests.list()
    assert server.requests[0].path == LIST
    assert server.requests[0].query == {}
    assert result.count == 3
    assert len(result.results) == 3


def test_list_sends_given_parameters(client: SimulateClient, server: RecordingServer) -> None:
    """search, simulation_type, page and limit go out under their snake_case names."""
    paged_server(server, 30)
    result = client.run_tests.list(search="checkout", simulation_type="agent_definition", page=2, limit=5)
    assert server.requests[0].query == {
        "search": ["checkout"],
        "simulation_type": ["agent_definition"],
        "page": ["2"],
        "limit": ["5"],
    }
    assert (result.current_page, result.total_pages) == (2, 6)


def test_empty_search_is_not_sent(client: SimulateClient, server: RecordingServer) -> None:
    """search='' is the same as no search, so the parameter is left out."""
    paged_server(server, 1)
    client.run_tests.list(search="")
    assert server.requests[0].query == {}


def test_prompt_template_id_implies_prompt_type(client: SimulateClient, server: RecordingServer) -> None:
    """The server applies prompt_template_id only with simulation_type=prompt, so the client adds it."""
    paged_server(server, 1)
    client.run_tests.list(prompt_template_id=uuid.UUID(TEMPLATE))
    assert server.requests[0].query == {"simulation_type": ["prompt"], "prompt_template_id": [TEMPLATE]}


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"prompt_template_id": TEMPLATE, "simulation_type": "agent_definition"}, "prompt_template_id"),
        ({"simulation_type": "voice"}, "simulation_type"),
        ({"prompt_template_id": "template-1"}, "prompt_template_id"),
        ({"page": 0}, "page"),
        ({"limit": 0}, "limit"),
        ({"limit": True}, "limit"),
        ({"page": "2"}, "page"),
        ({"search": 5}, "search"),
    ],
)
def test_bad_list_arguments_send_nothing(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], argument: str
) -> None:
    """Each bad parameter raises InvalidArgumentError naming it, before any request."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.list(**arguments)
    assert caught.value.argument == argument
    assert server.requests == []


def test_list_keeps_new_enum_values(client: SimulateClient, server: RecordingServer) -> None:
    """A source_type or scenario status the client does not know does not break the page."""
    body = run_test(source_type="workflow")
    body["scenarios_detail"][0]["status"] = "Archived"
    server.reply(Reply(200, page([body], number=1, limit=10, count=1, base=server.url)))
    (run,) = client.run_tests.list().results
    assert run.source_type == "workflow"
    assert isinstance(run.scenarios_detail, list)
    assert run.scenarios_detail[0].status == "Archived"


def test_list_keeps_unknown_fields(client: SimulateClient, server: RecordingServer) -> None:
    """Fields the server added later stay reachable on the run test, its scenarios and the page."""
    body = run_test(cost_estimate=3.5)
    body["scenarios_detail"][0]["language"] = "fr"
    answer = {**page([body], number=1, limit=10, count=1, base=server.url), "generated_at": "now"}
    server.reply(Reply(200, answer))
    listed = client.run_tests.list()
    (run,) = listed.results
    assert run["cost_estimate"] == 3.5
    assert isinstance(run.scenarios_detail, list)
    assert run.scenarios_detail[0]["language"] == "fr"
    assert listed.additional_properties == {"generated_at": "now"}


def test_iter_pages_by_number_with_exactly_the_needed_requests(
    client: SimulateClient, server: RecordingServer
) -> None:
    """25 runs at page_size=10 take exactly three requests, pages 1, 2, 3, and yield all 25 in order."""
    ids = paged_server(server, 25)
    seen = [str(run.id) for run in client.run_tests.iter(page_size=10)]
    assert seen == ids
    assert [r.query for r in server.requests] == [{"page": [str(n)], "limit": ["10"]} for n in (1, 2, 3)]


def test_iter_never_follows_the_next_url(client: SimulateClient, server: RecordingServer) -> None:
    """next points at another host (as behind a TLS proxy); pages still go to the base URL by number."""
    paged_server(server, 12, next_base="http://203.0.113.9:1")
    assert len(list(client.run_tests.iter(page_size=5))) == 12
    assert len(server.requests) == 3


def test_iter_stops_on_an_empty_page(client: SimulateClient, server: RecordingServer) -> None:
    """A page with no results ends the iteration even if next is set."""
    server.reply(
        Reply(200, {"count": 99, "next": f"{server.url}{LIST}?page=2", "previous": None, "results": []}),
    )
    assert list(client.run_tests.iter()) == []
    assert len(server.requests) == 1


def test_iter_stops_on_the_last_page_even_when_next_is_set(
    client: SimulateClient, server: RecordingServer
) -> None:
    """current_page == total_pages ends the iteration though next names a page (it would be a 500)."""
    runs = [run_test(new_id()) for _ in range(2)]
    # count promises more, so only current_page == total_pages can stop the loop here.
    body = page(runs, number=1, limit=2, count=50, base=server.url)
    body["total_pages"] = 1
    body["next"] = "http://wrong/?page=2"
    server.reply(Reply(200, body))
    assert len(list(client.run_tests.iter(page_size=2))) == 2
    assert len(server.requests) == 1


def test_iter_passes_filters_on_every_page(client: SimulateClient, server: RecordingServer) -> None:
    """The filters given to iter are repeated on each page request."""
    paged_server(server, 3)
    list(client.run_tests.iter(search="nightly", prompt_template_id=TEMPLATE, page_size=2))
    for request in server.requests:
        assert request.query["search"] == ["nightly"]
        assert request.query["simulation_type"] == ["prompt"]
        assert request.query["prompt_template_id"] == [TEMPLATE]
    assert len(server.requests) == 2


def test_iter_checks_page_size_before_the_first_request(
    client: SimulateClient, server: RecordingServer
) -> None:
    """page_size=0 fails when iter is called, not on the first next()."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.iter(page_size=0)
    assert caught.value.argument == "page_size"
    assert server.requests == []


RUN_EXECUTE = f"/simulate/run-tests/{RUN}/execute/"


@pytest.mark.parametrize(
    ("selection", "body"),
    [
        (Selection.all(), {"selectAll": True, "scenarioIds": []}),
        (Selection.only([S1, S2]), {"selectAll": False, "scenarioIds": [S1, S2]}),
        (Selection.all_except([S3]), {"selectAll": True, "scenarioIds": [S3]}),
    ],
    ids=["all", "only", "all_except"],
)
def test_run_test_execute_sends_documented_camel_body(
    client: SimulateClient, server: RecordingServer, selection: Selection, body: dict[str, object]
) -> None:
    """By default run_tests.execute posts the docs' camelCase body for each selection."""
    server.reply(Reply(200, execution_snake()))
    client.run_tests.execute(RUN, selection=selection)
    (sent,) = server.requests
    assert (sent.method, sent.path) == ("POST", RUN_EXECUTE)
    assert sent.json() == body
    assert sent.headers["content-type"] == "application/json"


def test_run_test_execute_returns_execution(client: SimulateClient, server: RecordingServer) -> None:
    """The bare snake_case answer becomes an Execution with typed fields."""
    server.reply(Reply(200, execution_snake(scenario_ids=[S1])))
    execution = client.run_tests.execute(uuid.UUID(RUN), selection=Selection.only([S1]))
    assert execution == Execution(
        execution_id=uuid.UUID(EXECUTION),
        run_test_id=uuid.UUID(RUN),
        status="started",
        total_scenarios=1,
        total_calls=0,
        scenario_ids=(uuid.UUID(S1),),
        message="Test execution started successfully",
    )


def test_an_execution_read_from_an_answer_is_the_constructors(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An execute returns the Execution its constructor makes: equal, repr, hash, frozen, pickled."""
    server.reply(Reply(200, {**execution_snake(scenario_ids=[S1, S2]), "estimated_cost": {"usd": 1.25}}))
    read = client.run_tests.execute(RUN, selection=Selection.all())
    made = Execution(
        execution_id=uuid.UUID(EXECUTION),
        run_test_id=uuid.UUID(RUN),
        status="started",
        total_scenarios=2,
        total_calls=0,
        scenario_ids=[uuid.UUID(S1), uuid.UUID(S2)],
        message="Test execution started successfully",
        additional_properties={"estimated_cost": {"usd": 1.25}},
    )
    assert (read, repr(read), hash(read)) == (made, repr(made), hash(made))
    assert type(read.scenario_ids) is tuple
    assert read.additional_properties == made.additional_properties
    assert pickle.loads(pickle.dumps(read)) == read
    with pytest.raises(AttributeError):
        read.status = "running"  # type: ignore[misc]


@pytest.mark.parametrize("body", [[execution_snake()], '"started"'], ids=["a list", "a string"])
def test_an_execute_answer_that_is_no_object_is_refused_as_maybe_started(
    client: SimulateClient, server: RecordingServer, body: object
) -> None:
    """A 200 whose JSON is not an object: APIResponseValidationError saying so, and it may have started."""
    server.reply(Reply(200, body))
    with pytest.raises(APIResponseValidationError, match="expected a JSON object") as caught:
        client.run_tests.execute(RUN, selection=Selection.all())
    assert caught.value.may_have_started is True


def test_run_test_execute_sends_simulator_id(client: SimulateClient, server: RecordingServer) -> None:
    """simulator_id goes into the body; left out, no simulator key is sent at all."""
    server.reply(Reply(200, execution_snake()), Reply(200, execution_snake()))
    client.run_tests.execute(RUN, selection=Selection.all(), simulator_id=S3)
    client.run_tests.execute(RUN, selection=Selection.all())
    assert server.requests[0].json()["simulatorId"] == S3
    assert "simulatorId" not in server.requests[1].json()


def test_execute_reads_bare_camel(client: SimulateClient, server: RecordingServer) -> None:
    """A bare camelCase execution (no envelope) is read too."""
    server.reply(Reply(200, execution_camel()))
    execution = client.run_tests.execute(RUN, selection=Selection.all())
    assert execution.total_calls == 0
    assert execution.scenario_ids == (uuid.UUID(S1), uuid.UUID(S2))


def test_execution_status_is_an_open_string(client: SimulateClient, server: RecordingServer) -> None:
    """A status value the client has never seen is passed through, not rejected."""
    server.reply(Reply(200, {**execution_snake(), "status": "queued_for_gpu"}))
    assert client.run_tests.execute(RUN, selection=Selection.all()).status == "queued_for_gpu"


def test_execution_keeps_unknown_fields(client: SimulateClient, server: RecordingServer) -> None:
    """A field the server added later is kept on the Execution under its wire name."""
    server.reply(Reply(200, {**execution_snake(), "estimated_cost": {"usd": 1.25}}))
    execution = client.run_tests.execute(RUN, selection=Selection.all())
    assert execution.additional_properties == {"estimated_cost": {"usd": 1.25}}


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda c: c.run_tests.execute("not-a-uuid", selection=Selection.all()), "run_test_id"),
        (lambda c: c.run_tests.execute(RUN, selection=Selection.all(), simulator_id="x"), "simulator_id"),
        (lambda c: c.run_tests.execute(RUN, selection=[S1]), "selection"),
        (
            lambda c: c.prompt_simulations.execute("nope", RUN, selection=Selection.all()),
            "prompt_template_id",
        ),
        (lambda c: c.prompt_simulations.execute(TEMPLATE, 42, selection=Selection.all()), "run_test_id"),
    ],
    ids=["run id", "simulator id", "not a Selection", "template id", "int run id"],
)
def test_bad_execute_arguments_send_nothing(
    client: SimulateClient, server: RecordingServer, call: Callable[[SimulateClient], object], argument: str
) -> None:
    """Bad ids or a bare list instead of a Selection raise naming the argument, before any request."""
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    assert caught.value.argument == argument
    assert server.requests == []


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


def _summary(output: dict[str, Any]) -> dict[str, Any]:
    # The open-source shape: one template, one config entry whose output is hostile.
    entry = {"name": "Tone check", "total_cells": 4, "output": output}
    return {
        "status": True,
        "result": [{"name": "task_completion", "result": [entry], "total_pass_rate": 75.0}],
    }


@pytest.mark.parametrize(
    "body",
    [
        _summary({"pass": float("nan")}),
        _summary({"pass": 1e308 * 10}),
        _summary({"pass": -1e306, "pass_count": -3}),
        {"evaluations": [{"name": "Tone check", "passed": -5, "failed": 2}]},
    ],
    ids=["nan", "inf", "negative", "negative-count"],
)
def test_an_eval_summary_rate_is_a_fraction_or_none(
    client: SimulateClient, server: RecordingServer, body: dict[str, Any]
) -> None:
    """pass_rate is documented as a fraction from 0 to 1; anything else reads as None."""
    server.reply(Reply(200, json.dumps(body)))
    assert client.run_tests.eval_summary(EXECUTION)["Tone check"].pass_rate is None


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"name": "Checkout \ud800 regression"}, "name"),
        ({"description": "lone \udfff"}, "description"),
        ({"dataset_row_ids": ["row-\ud83d"]}, "dataset_row_ids[0]"),
        (
            {"evaluations_config": [{"template_id": AGENT, "config": {"threshold": {0.5}}}]},
            "evaluations_config[0]",
        ),
        (
            {"evaluations_config": [{"template_id": AGENT, "config": {"x": float("nan")}}]},
            "evaluations_config[0]",
        ),
        ({"evaluations_config": [{"template_id": AGENT, "mapping": {1: "a"}}]}, "evaluations_config[0]"),
    ],
)
def test_input_that_cannot_be_sent_is_refused_before_sending(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], argument: str
) -> None:
    """A lone surrogate, a set, NaN or an int key in create's input: refused by name, nothing sent."""
    call: dict[str, Any] = {"name": "n", "agent_definition_id": AGENT, "scenario_ids": [RUN], **arguments}
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.create(**call)
    assert caught.value.argument.startswith(argument)
    assert server.requests == []


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"search": "x" * 1_000_000}, "search"),
        ({"search": "\udc80"}, "search"),
        ({"page": 10**5000}, "page"),
        ({"limit": 2**63}, "limit"),
    ],
)
def test_list_input_that_cannot_be_sent_is_refused(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], argument: str
) -> None:
    """A 1 MB search, a surrogate, a 5,000-digit page: refused by name, nothing sent."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.list(**arguments)
    assert caught.value.argument == argument
    assert server.requests == []


class ShoutingUUID(uuid.UUID):
    """A UUID subclass that prints itself upper-case in braces."""

    def __str__(self) -> str:
        return "{" + super().__str__().upper() + "}"


def test_a_uuid_subclass_is_sent_in_canonical_form(client: SimulateClient, server: RecordingServer) -> None:
    """Ids given as a uuid.UUID subclass go out canonical, in the path and in the body."""
    server.reply(Reply(200, execution_camel()))
    client.run_tests.execute(ShoutingUUID(RUN), selection=Selection.only([ShoutingUUID(TEMPLATE)]))
    sent = server.requests[0]
    assert sent.path == f"/simulate/run-tests/{RUN}/execute/"
    assert sent.json()["scenarioIds"] == [TEMPLATE]


def test_a_page_past_the_last_says_so_and_is_not_retried(server: RecordingServer) -> None:
    """list(page=9) past the end (the server's 500 'Invalid page.') says so plainly, after one request."""
    server.handler = lambda request: Reply(500, error("server_error", "server_error", "Invalid page."))
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url) as client:
        with pytest.raises(InternalServerError) as caught:
            client.run_tests.list(page=9)
    assert "page 9 is past the last page" in str(caught.value)
    assert caught.value.may_have_started is False
    assert len(server.requests) == 1


def test_other_500s_on_a_list_are_still_retried(server: RecordingServer) -> None:
    """Only 'Invalid page.' is final: another 500 on a list is retried as before."""
    server.reply(Reply(500, error("server_error", "server_error", "Boom."), headers={"Retry-After": "0"}))
    server.reply(Reply(200, EMPTY_PAGE))
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url) as client:
        assert client.run_tests.list().count == 0
    assert len(server.requests) == 2


# The eval summary comparison -------------------------------------------------------------------------------

OTHER_EXECUTION = "8b7c6d5e-4f3a-4b2c-8d9e-0f1a2b3c4d5e"
COMPARISON = f"/simulate/run-tests/{RUN}/eval-summary-comparison/"


def _server_item(passed: int, failed: int) -> dict[str, Any]:
    total = passed + failed
    output = {
        "pass": 100.0 * passed / total,
        "fail": 100.0 * failed / total,
        "pass_count": passed,
        "fail_count": failed,
    }
    return {
        "name": "task_completion",
        "id": new_id(),
        "output_type": "Pass/Fail",
        "result": [{"name": "Tone check", "id": EVAL_TONE, "total_cells": total, "output": output}],
        "total_pass_rate": output["pass"],
    }


def test_comparison_sends_the_ids_as_one_json_array(client: SimulateClient, server: RecordingServer) -> None:
    """execution_ids goes as one query parameter holding a JSON array, each id once, in order."""
    body = {
        "status": True,
        "result": {EXECUTION: [_server_item(3, 1)], OTHER_EXECUTION: [_server_item(4, 0)]},
    }
    server.reply(Reply(200, body))
    compared = client.run_tests.eval_summary_comparison(
        RUN, execution_ids=[EXECUTION, uuid.UUID(OTHER_EXECUTION), EXECUTION]
    )
    (sent,) = server.requests
    assert (sent.path, sent.query) == (
        COMPARISON,
        {"execution_ids": [json.dumps([EXECUTION, OTHER_EXECUTION]).replace(" ", "")]},
    )
    assert list(compared) == [uuid.UUID(EXECUTION), uuid.UUID(OTHER_EXECUTION)]
    assert compared[uuid.UUID(EXECUTION)]["Tone check"].pass_rate == 0.75
    assert compared[uuid.UUID(OTHER_EXECUTION)]["Tone check"].pass_rate == 1.0


def test_comparison_reads_the_documented_shape(client: SimulateClient, server: RecordingServer) -> None:
    """The documented bare map of execution id to items reads into the same summaries."""
    item = {"name": "Tone check", "average_score": 0.85, "total_runs": 10, "passed": 8, "failed": 2}
    server.reply(Reply(200, {EXECUTION: [item]}))
    compared = client.run_tests.eval_summary_comparison(RUN, execution_ids=[EXECUTION])
    assert (
        compared[uuid.UUID(EXECUTION)]["Tone check"].pass_rate,
        compared[uuid.UUID(EXECUTION)]["Tone check"].passed,
    ) == (0.8, 8)


def test_comparison_of_a_run_test_without_evals_is_empty_summaries(
    client: SimulateClient, server: RecordingServer
) -> None:
    """The server answers {} for a run test with no eval configs: each execution gets an empty summary."""
    server.reply(Reply(200, {"status": True, "result": {}}))
    compared = client.run_tests.eval_summary_comparison(RUN, execution_ids=[EXECUTION, OTHER_EXECUTION])
    assert [summary.evals for summary in compared.values()] == [(), ()]


def test_comparison_missing_an_execution_asked_for_is_refused(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An answer without a summary for an execution asked for is refused, naming it."""
    server.reply(Reply(200, {"status": True, "result": {EXECUTION: [_server_item(1, 0)]}}))
    with pytest.raises(APIResponseValidationError, match=OTHER_EXECUTION):
        client.run_tests.eval_summary_comparison(RUN, execution_ids=[EXECUTION, OTHER_EXECUTION])


@pytest.mark.parametrize(
    ("execution_ids", "named"),
    [
        ([], "execution_ids"),
        (EXECUTION, "execution_ids"),
        (["x"], r"execution_ids\[0\]"),
        ([new_id() for _ in range(51)], "at most 50"),
    ],
    ids=["empty", "a-string", "bad-uuid", "too-many"],
)
def test_comparison_refuses_bad_ids_before_sending(
    client: SimulateClient, server: RecordingServer, execution_ids: object, named: str
) -> None:
    """Bad execution_ids are InvalidArgumentError naming the argument; nothing is sent."""
    with pytest.raises(InvalidArgumentError, match=named):
        client.run_tests.eval_summary_comparison(RUN, execution_ids=execution_ids)  # type: ignore[arg-type]
    assert server.requests == []


@pytest.mark.anyio
async def test_async_comparison(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client sends and reads the comparison as the sync one does."""
    server.reply(Reply(200, {"status": True, "result": {EXECUTION: [_server_item(1, 1)]}}))
    compared = await aclient.run_tests.eval_summary_comparison(RUN, execution_ids=[EXECUTION])
    assert compared[uuid.UUID(EXECUTION)]["Tone check"].pass_rate == 0.5
