"""The clients: help(), the pool, close, forks and event loops, and the async client's wire behaviour."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import pydoc
import sys
import threading
import typing
import uuid
import warnings
from collections.abc import Iterator

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    APITimeoutError,
    AsyncSimulateClient,
    BadRequestError,
    InvalidArgumentError,
    NotFoundError,
    Selection,
    SimulateClient,
)
from tests.clients import EMPTY_PAGE, _holding_server, execute, keys
from tests.data import (
    AGENT,
    API_KEY,
    EXECUTION,
    RUN,
    S1,
    S2,
    SECRET_KEY,
    TEMPLATE,
    error,
    execution_camel,
    execution_snake,
    new_id,
    page,
    run_test,
    unknown_fields,
)
from tests.server import Recorded, RecordingServer, Reply


@pytest.mark.parametrize(
    ("client_class", "run_tests", "prompt_simulations", "executions"),
    [
        (SimulateClient, "RunTests", "PromptSimulations", "Executions"),
        (AsyncSimulateClient, "AsyncRunTests", "AsyncPromptSimulations", "AsyncExecutions"),
    ],
)
def test_help_names_the_resources_and_what_they_hold(
    client_class: type[object], run_tests: str, prompt_simulations: str, executions: str
) -> None:
    """help(client class) names run_tests, executions and prompt_simulations, their classes and methods."""
    # pydoc.plaintext is public but missing from typeshed; TextDoc is what it is an instance of.
    text = pydoc.render_doc(client_class, renderer=pydoc.TextDoc())
    assert f"run_tests: :class:`futureagi_simulate.resources.{run_tests}`" in text
    assert f"prompt_simulations: :class:`futureagi_simulate.resources.{prompt_simulations}`" in text
    assert f"executions: :class:`futureagi_simulate.resources.{executions}`" in text
    for method in ("create", "list", "iter", "execute", "get", "wait", "report", "cancel"):
        assert f"``{method}``" in text


@pytest.mark.parametrize("client_class", [SimulateClient, AsyncSimulateClient])
def test_resources_are_declared_on_the_class(client_class: type[object]) -> None:
    """The class declares every resource with its type and a docstring, so help(), IDEs and pdoc list it."""
    for name in ("run_tests", "executions", "prompt_simulations"):
        declared = getattr(client_class, name)
        assert isinstance(declared, property)
        assert declared.__doc__
        returned = typing.get_type_hints(declared.fget)["return"]
        assert returned.__name__.endswith(name.title().replace("_", ""))


@pytest.mark.anyio
async def test_create_posts_snake_case_and_returns_run_test(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """Async create sends the same body as sync create and parses the 201 answer."""
    server.reply(Reply(201, run_test()))
    run = await aclient.run_tests.create(
        name="n", agent_definition_id=AGENT, scenario_ids=[S1], description="d"
    )
    assert server.requests[0].json() == {
        "name": "n",
        "agent_definition_id": AGENT,
        "scenario_ids": [S1],
        "description": "d",
    }
    assert run.id == uuid.UUID(RUN)


@pytest.mark.anyio
async def test_list_sends_only_given_parameters(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """Async list sends the given query parameters and nothing else."""
    server.reply(Reply(200, page([run_test()], number=1, limit=3, count=1, base=server.url)))
    result = await aclient.run_tests.list(search="x", limit=3)
    assert server.requests[0].query == {"search": ["x"], "limit": ["3"]}
    assert result.count == 1


@pytest.mark.anyio
async def test_iter_pages_by_number(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """async for over 25 runs at page_size=10 takes exactly three requests."""
    ids = [new_id() for _ in range(25)]

    def handler(request: Recorded) -> Reply:
        number = int(request.query["page"][0])
        chunk = ids[(number - 1) * 10 : number * 10]
        return Reply(
            200, page([run_test(i) for i in chunk], number=number, limit=10, count=25, base="http://x")
        )

    server.handler = handler
    seen = [str(run.id) async for run in aclient.run_tests.iter(page_size=10)]
    assert seen == ids
    assert [r.query["page"] for r in server.requests] == [["1"], ["2"], ["3"]]


@pytest.mark.anyio
async def test_iter_checks_arguments_on_call(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """A bad filter fails when iter is called, before any request."""
    with pytest.raises(InvalidArgumentError):
        aclient.run_tests.iter(simulation_type="agent_definition", prompt_template_id=TEMPLATE)
    assert server.requests == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("selection", "body"),
    [
        (Selection.all(), {"selectAll": True, "scenarioIds": []}),
        (Selection.only([S1]), {"selectAll": False, "scenarioIds": [S1]}),
        (Selection.all_except([S2]), {"selectAll": True, "scenarioIds": [S2]}),
    ],
    ids=["all", "only", "all_except"],
)
async def test_run_test_execute_each_selection(
    aclient: AsyncSimulateClient, server: RecordingServer, selection: Selection, body: dict[str, object]
) -> None:
    """Async run-test execute sends the camelCase pair for each selection."""
    server.reply(Reply(200, execution_snake()))
    execution = await aclient.run_tests.execute(RUN, selection=selection)
    assert server.requests[0].json() == body
    assert execution.execution_id == uuid.UUID(EXECUTION)


@pytest.mark.anyio
async def test_auto_casing_falls_back_once(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """The async client resends once in snake_case after the unknown-field 400, and keeps snake_case."""
    server.reply(
        Reply(400, unknown_fields("selectAll", "scenarioIds")),
        Reply(200, {"status": True, "result": execution_snake()}),
        Reply(200, {"status": True, "result": execution_snake()}),
    )
    await aclient.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.all_except([S1]))
    await aclient.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.only([S2]))
    assert [r.json() for r in server.requests] == [
        {"selectAll": True, "scenarioIds": [S1]},
        {"select_all": True, "scenario_ids": [S1]},
        {"select_all": False, "scenario_ids": [S2]},
    ]


@pytest.mark.anyio
async def test_snake_all_except_on_run_tests_sends_only_the_rest(server: RecordingServer) -> None:
    """The async client reads the scenario list and sends only the scenarios left in, as the sync one."""
    scenarios = [{"id": s, "name": s[:4], "row_count": 1} for s in (S1, S2)]
    server.reply(
        Reply(200, {"count": 2, "next": None, "previous": None, "results": scenarios}),
        Reply(200, execution_snake(scenario_ids=[S2])),
    )
    async with AsyncSimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake"
    ) as client:
        execution = await client.run_tests.execute(RUN, selection=Selection.all_except([S1]))
    assert server.requests[1].json() == {"select_all": False, "scenario_ids": [S2]}
    assert [str(s) for s in execution.scenario_ids] == [S2]


@pytest.mark.anyio
async def test_prompt_get_and_execute_read_documented_forms(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """Async prompt get reads the bare run test and execute the {status, data} envelope."""
    server.reply(
        Reply(200, run_test(source_type="prompt")),
        Reply(200, {"status": "success", "data": execution_camel()}),
    )
    simulation = await aclient.prompt_simulations.get(TEMPLATE, RUN)
    execution = await aclient.prompt_simulations.execute(TEMPLATE, RUN, selection=Selection.all())
    assert simulation.source_type == "prompt"
    assert execution.status == "pending"
    assert [r.method for r in server.requests] == ["GET", "POST"]


@pytest.mark.anyio
async def test_errors_match_the_sync_client(aclient: AsyncSimulateClient, server: RecordingServer) -> None:
    """Async error answers raise the same classes with the server's message."""
    server.reply(
        Reply(400, error("validation_error", "invalid", "No scenarios")),
        Reply(404, "<html>Not Found</html>", content_type="text/html"),
    )
    with pytest.raises(BadRequestError, match="No scenarios"):
        await aclient.run_tests.execute(RUN, selection=Selection.all())
    with pytest.raises(NotFoundError):
        await aclient.prompt_simulations.get(TEMPLATE, RUN)


@pytest.mark.anyio
async def test_dropped_execute_is_not_resent(server: RecordingServer) -> None:
    """A dropped connection after the request was read raises once and says the run may have started."""
    server.reply(Reply(drop=True))
    async with AsyncSimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url) as retrying:
        with pytest.raises(APIConnectionError) as caught:
            await retrying.run_tests.execute(RUN, selection=Selection.all())
    assert caught.value.may_have_started is True
    assert len(server.requests) == 1


@pytest.mark.anyio
async def test_concurrent_calls_share_one_client(
    aclient: AsyncSimulateClient, server: RecordingServer
) -> None:
    """Twenty concurrent executes on one client each send one request and get their answer."""
    server.handler = lambda request: Reply(200, execution_snake())
    results = await asyncio.gather(
        *(aclient.run_tests.execute(RUN, selection=Selection.all()) for _ in range(20))
    )
    assert len(results) == 20
    assert len(server.requests) == 20


@pytest.mark.anyio
async def test_user_async_client_is_left_open(server: RecordingServer) -> None:
    """A passed httpx.AsyncClient is used and not closed when the SDK client closes."""
    server.reply(Reply(200, page([], number=1, limit=10, count=0, base=server.url)))
    async with httpx.AsyncClient() as http:
        async with AsyncSimulateClient(
            api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, http_client=http
        ) as client:
            await client.run_tests.list()
        assert not http.is_closed
    assert len(server.requests) == 1


def test_a_call_after_close_sends_nothing(server: RecordingServer) -> None:
    """Any call after close() raises APIConnectionError saying may_have_started=False, not RuntimeError."""
    client = SimulateClient(**keys(base_url=server.url))
    client.close()
    with pytest.raises(APIConnectionError, match="closed") as caught:
        execute(client)
    assert caught.value.may_have_started is False
    assert server.requests == []


@pytest.mark.anyio
async def test_an_async_call_after_close_sends_nothing(server: RecordingServer) -> None:
    """The async client after close(): APIConnectionError, may_have_started=False, nothing sent."""
    client = AsyncSimulateClient(**keys(base_url=server.url))
    await client.close()
    with pytest.raises(APIConnectionError, match="closed") as caught:
        await client.run_tests.execute(RUN, selection=Selection.all())
    assert caught.value.may_have_started is False
    assert server.requests == []


@pytest.mark.slow  # a GET holds the only connection for 3 s
def test_an_execute_that_never_got_a_pooled_connection_did_not_start(server: RecordingServer) -> None:
    """A one-connection pool held by a slow GET: the execute fails at its deadline, not started."""
    arrived = _holding_server(server, hold=3.0)
    pool = httpx.Client(limits=httpx.Limits(max_connections=1))
    with SimulateClient(**keys(base_url=server.url, http_client=pool, timeout=0.3, max_retries=0)) as client:
        holder = threading.Thread(target=lambda: client.with_options(timeout=10.0).run_tests.list())
        holder.start()
        assert arrived.wait(5.0)
        with pytest.raises(APITimeoutError) as caught:
            execute(client)
        holder.join()
    pool.close()
    assert caught.value.may_have_started is False
    assert "not sent" in str(caught.value)
    assert [r.method for r in server.requests] == ["GET"]


@pytest.mark.slow  # a GET holds the only connection for 3 s
@pytest.mark.anyio
async def test_async_pool_waiting_is_bounded_and_says_not_started(server: RecordingServer) -> None:
    """Async, a one-connection pool held by a slow GET: the execute fails at its deadline, not started."""
    arrived = _holding_server(server, hold=3.0)
    pool = httpx.AsyncClient(limits=httpx.Limits(max_connections=1))
    async with AsyncSimulateClient(
        **keys(base_url=server.url, http_client=pool, timeout=0.3, max_retries=0)
    ) as client:
        holder = asyncio.ensure_future(client.with_options(timeout=10.0).run_tests.list())
        while not arrived.is_set():
            await asyncio.sleep(0.01)
        with pytest.raises(APITimeoutError) as caught:
            await client.run_tests.execute(RUN, selection=Selection.all())
        await holder
    await pool.aclose()
    assert caught.value.may_have_started is False
    assert [r.method for r in server.requests] == ["GET"]


def test_a_forked_child_does_not_share_the_parents_connections(server: RecordingServer) -> None:
    """After os.fork() the child opens its own connection; the parent keeps its own."""
    server.handler = lambda request: Reply(200, EMPTY_PAGE)
    with SimulateClient(**keys(base_url=server.url)) as client:
        client.run_tests.list()
        parent_port = server.requests[-1].peer_port
        pid = os.fork()
        if pid == 0:  # the child: report by exit status only
            try:
                client.run_tests.list()
                os._exit(0)
            except BaseException:
                os._exit(4)
        _, status = os.waitpid(pid, 0)
        client.run_tests.list()
    assert os.waitstatus_to_exitcode(status) == 0
    ports = [r.peer_port for r in server.requests]
    assert len(ports) == 3
    assert ports[1] != parent_port
    assert ports[2] == parent_port  # the parent kept its own connection


@contextlib.contextmanager
def _connections_of_closed_loops() -> Iterator[None]:
    """Lets the connections a closed event loop left open be collected without warnings: they can no
    longer be closed (their loop is gone). The collector may meet them inside the block, wherever the
    allocations happen to start it (a tracer such as coverage's moves that point), or at its end, where
    it runs so that no later test reports them."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                yield
            finally:
                gc.collect()
    finally:
        sys.unraisablehook = hook


def test_an_async_client_moves_to_a_second_event_loop(server: RecordingServer) -> None:
    """An async client in two asyncio.run()s opens a pool for the second loop: no 'Event loop is closed'."""
    server.handler = lambda request: Reply(200, execution_snake())
    with _connections_of_closed_loops():
        client = AsyncSimulateClient(**keys(base_url=server.url, body_casing="snake"))
        asyncio.run(client.run_tests.execute(RUN, selection=Selection.all()))

        async def again() -> None:
            async with client:
                await client.run_tests.execute(RUN, selection=Selection.all())

        asyncio.run(again())
    assert [r.method for r in server.requests] == ["POST", "POST"]
    assert server.requests[0].peer_port != server.requests[1].peer_port


def test_your_async_http_client_on_a_second_loop_sends_nothing(server: RecordingServer) -> None:
    """Your own AsyncClient on a second loop: APIConnectionError, may_have_started=False, nothing sent."""
    server.handler = lambda request: Reply(200, execution_snake())
    with _connections_of_closed_loops():
        pool = httpx.AsyncClient()
        client = AsyncSimulateClient(**keys(base_url=server.url, body_casing="snake", http_client=pool))
        asyncio.run(client.run_tests.execute(RUN, selection=Selection.all()))

        async def again(moved: AsyncSimulateClient) -> None:
            await moved.run_tests.execute(RUN, selection=Selection.all())

        with pytest.raises(APIConnectionError, match="another event loop") as caught:
            asyncio.run(again(client))
        started = caught.value.may_have_started
        # The traceback holds the frames that hold the pool.
        del client, pool, caught
    assert started is False
    assert len(server.requests) == 1
