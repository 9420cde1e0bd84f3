"""The MCP server (futureagi_simulate.mcp) through the MCP SDK's own client, in memory, against the emulator.

The client speaks JSON-RPC to the server over the SDK's in-memory streams (``mode="legacy"``: the framing,
the progress notifications and the cancel notification the stdio transport carries), and the server talks
HTTP to the emulator on 127.0.0.1. No test waits for a time to pass: a cancel is sent once the server
has said (a progress notification) or shown (a held request) that it reached the phase the test is about.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import pytest
from mcp import Client
from mcp.types import CallToolResult, TextContent

from futureagi_simulate import AsyncSimulateClient, InvalidArgumentError
from futureagi_simulate.mcp import create_server
from futureagi_simulate.testing import Emulator, Fault
from tests.cli.test_signals import ENDS_WITHIN, SEEDED_SCENARIOS, holding

pytestmark = pytest.mark.anyio

TOOLS = {
    "list_run_tests",
    "get_run_test",
    "run_simulation",
    "list_executions",
    "get_execution",
    "get_execution_results",
    "cancel_execution",
}


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


@asynccontextmanager
async def connected(
    emu: Emulator, *, base_url: str | None = None, mode: str = "legacy", **server: Any
) -> AsyncIterator[Client]:
    """The SDK's client connected to a server over an async client of the emulator (snake_case executes:
    one execute request each, as the open-source server takes them)."""
    async with AsyncSimulateClient(
        api_key=emu.api_key,
        secret_key=emu.secret_key,
        base_url=base_url or emu.url,
        timeout=10.0,
        body_casing="snake",
    ) as api:
        async with Client(create_server(api, **server), mode=mode) as client:
            yield client


def structured(result: CallToolResult) -> dict[str, Any]:
    assert not result.is_error, result.content
    content = result.structured_content
    assert isinstance(content, dict)
    # Structured and JSON all through: what the agent reads is what the text block says.
    assert json.loads(json.dumps(content, allow_nan=False)) == content
    return content


def error_text(result: CallToolResult) -> str:
    assert result.is_error
    (block,) = result.content
    assert isinstance(block, TextContent)
    return block.text


def run(emu: Emulator, **more: Any) -> dict[str, Any]:
    return {"run_test_id": str(emu.seed.run_test_id), "poll_interval_seconds": 0.01, **more}


async def test_the_server_lists_its_seven_tools_each_with_an_object_answer(oss: Emulator) -> None:
    """tools/list: the seven tools, each with a description, an input schema and an object output schema."""
    async with connected(oss) as client:
        listed = (await client.list_tools()).tools
    assert {tool.name for tool in listed} == TOOLS
    for tool in listed:
        assert tool.description
        assert tool.output_schema is not None
        assert tool.output_schema["type"] == "object"


async def test_list_run_tests_finds_the_seeded_run_test_by_name(oss: Emulator) -> None:
    """search "Checkout": the seeded run test, by id and name."""
    async with connected(oss) as client:
        answer = structured(await client.call_tool("list_run_tests", {"search": "Checkout"}))
    assert [(row["id"], row["name"]) for row in answer["run_tests"]] == [
        (str(oss.seed.run_test_id), "Checkout regression")
    ]
    assert answer["count"] == 1


async def test_get_run_test_answers_its_scenarios_and_eval_configs(oss: Emulator) -> None:
    """The seeded run test: its three scenarios by name and status, its eval configs by name."""
    async with connected(oss) as client:
        answer = structured(
            await client.call_tool("get_run_test", {"run_test_id": str(oss.seed.run_test_id)})
        )
    assert answer["run_test"]["id"] == str(oss.seed.run_test_id)
    assert sorted(s["name"] for s in answer["scenarios"]) == sorted(SEEDED_SCENARIOS)
    assert sorted(c["name"] for c in answer["eval_configs"]) == ["Issue resolved", "Tone check"]


async def test_run_simulation_executes_once_waits_and_answers_the_verdict(oss: Emulator) -> None:
    """The seeded run test: one execution, outcome passed, the verdict's reasons and pass rates."""
    async with connected(oss) as client:
        answer = structured(await client.call_tool("run_simulation", run(oss)))
    (execution,) = oss.execution_ids(oss.seed.run_test_id)
    assert (answer["outcome"], answer["execution_id"], answer["status"]) == (
        "passed",
        str(execution),
        "completed",
    )
    verdict = answer["verdict"]
    assert verdict["passed"] is True
    assert verdict["pass_rates"] == {"Issue resolved": 1.0, "Tone check": 1.0}
    assert "3 of 3 calls completed" in verdict["reasons"]
    assert len(verdict["scenarios"]) == 3


async def test_run_simulation_sends_progress_notifications_up_to_every_call(oss: Emulator) -> None:
    """Progress: finished calls of total calls, never going back, ending at 3 of 3 with the status."""
    heard: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        heard.append((progress, total, message))

    async with connected(oss) as client:
        structured(await client.call_tool("run_simulation", run(oss), progress_callback=on_progress))
    assert heard
    assert [done for done, _, _ in heard] == sorted(done for done, _, _ in heard)
    assert heard[-1][:2] == (3, 3)
    assert heard[-1][2] is not None
    assert heard[-1][2].endswith("completed, 3 of 3 calls done")


async def test_a_failing_eval_is_outcome_failed_with_the_reason(oss: Emulator) -> None:
    """One scenario fails Tone check; min pass rate 1: outcome failed, the verdict says which eval."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    async with connected(oss) as client:
        answer = structured(
            await client.call_tool("run_simulation", run(oss, min_pass_rates={"Tone check": 1}))
        )
    assert answer["outcome"] == "failed"
    assert answer["verdict"]["passed"] is False
    assert any(
        reason.startswith("eval 'Tone check' passed 2 of 3") for reason in answer["verdict"]["reasons"]
    )


async def test_an_unknown_eval_name_is_refused_before_anything_is_executed(oss: Emulator) -> None:
    """min_pass_rates names no eval config of the run test: an error naming it, and no execution."""
    async with connected(oss) as client:
        result = await client.call_tool("run_simulation", run(oss, min_pass_rates={"Tone chek": 0.9}))
    assert "Tone chek" in error_text(result)
    assert oss.execution_count(oss.seed.run_test_id) == 0


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"timeout_seconds": 7201}, "timeout_seconds: must be more than 0 and at most 7200"),
        ({"timeout_seconds": 0}, "timeout_seconds: must be more than 0"),
        (
            {"only": [str(uuid.UUID(int=1))], "all_except": [str(uuid.UUID(int=2))]},
            "only: give only or all_except",
        ),
        ({"max_failed_calls": -1}, "max_failed_calls"),
        ({"run_test_id": "not-an-id"}, "run_test_id: must be a UUID"),
    ],
)
async def test_a_bad_argument_is_an_error_naming_it_and_nothing_runs(
    oss: Emulator, arguments: dict[str, Any], named: str
) -> None:
    """A timeout out of bounds, both selections, a negative count, a bad id: named; no execution."""
    async with connected(oss) as client:
        result = await client.call_tool("run_simulation", run(oss) | arguments)
    assert named in error_text(result)
    assert oss.execution_count(oss.seed.run_test_id) == 0


async def test_the_longest_wait_is_the_servers_to_choose(oss: Emulator) -> None:
    """max_timeout=60: 61 s is refused naming 60; a bad max_timeout is refused when the server is made."""
    async with connected(oss, max_timeout=60) as client:
        result = await client.call_tool("run_simulation", run(oss, timeout_seconds=61))
    assert "timeout_seconds: must be more than 0 and at most 60" in error_text(result)
    async with AsyncSimulateClient(api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url) as api:
        with pytest.raises(InvalidArgumentError, match="max_timeout"):
            create_server(api, max_timeout=float("inf"))


async def test_a_wait_past_its_timeout_answers_timed_out_and_the_execution_goes_on(manual: Emulator) -> None:
    """An execution that never ends, timeout 0.2 s: outcome timed_out, its id, and it is not cancelled."""
    async with connected(manual) as client:
        answer = structured(await client.call_tool("run_simulation", run(manual, timeout_seconds=0.2)))
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert (answer["outcome"], answer["execution_id"]) == ("timed_out", str(execution))
    assert "get_execution" in answer["message"]
    assert answer["cancelled"] is False
    assert manual.execution_status(execution) == "pending"


async def test_cancel_on_timeout_cancels_the_execution_the_wait_gave_up_on(manual: Emulator) -> None:
    """cancel_on_timeout true, timeout 0.2 s: outcome timed_out, cancelled true, and the execution is."""
    async with connected(manual) as client:
        answer = structured(
            await client.call_tool("run_simulation", run(manual, timeout_seconds=0.2, cancel_on_timeout=True))
        )
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert (answer["outcome"], answer["cancelled"]) == ("timed_out", True)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")


async def test_an_execute_whose_answer_is_lost_is_never_resent(oss: Emulator) -> None:
    """The execute's connection drops after the server took it: an error saying it may have started;
    one execution, the execute not sent again."""
    oss.inject("executeRunTest", Fault.drop())
    async with connected(oss) as client:
        result = await client.call_tool("run_simulation", run(oss))
    text = error_text(result)
    assert "may have started" in text
    assert "Do not run it again: call list_executions" in text
    assert oss.execution_count(oss.seed.run_test_id) == 1


async def test_list_executions_finds_an_execution_started_after_a_time(oss: Emulator) -> None:
    """After a run: list_executions names it; started_after a time to come names none."""
    async with connected(oss) as client:
        execution_id = structured(await client.call_tool("run_simulation", run(oss)))["execution_id"]
        rows = structured(
            await client.call_tool("list_executions", {"run_test_id": str(oss.seed.run_test_id)})
        )
        later = structured(
            await client.call_tool(
                "list_executions",
                {"run_test_id": str(oss.seed.run_test_id), "started_after": "2999-01-01T00:00:00+00:00"},
            )
        )
    assert [row["id"] for row in rows["executions"]] == [execution_id]
    assert later == {"executions": [], "count": 0}


async def cancel_once(client: Client, arguments: dict[str, Any], ready: anyio.Event) -> None:
    """Calls run_simulation and cancels the call (the SDK sends notifications/cancelled) once ``ready``."""

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        ready.set()

    with anyio.fail_after(ENDS_WITHIN):
        async with anyio.create_task_group() as tasks:

            async def call() -> None:
                await client.call_tool("run_simulation", arguments, progress_callback=on_progress)

            tasks.start_soon(call)
            await ready.wait()
            tasks.cancel_scope.cancel()


# legacy: JSON-RPC over the SDK's memory streams (the client sends notifications/cancelled); auto: the
# SDK's direct in-process dispatch of the 2026 protocol, where a cancel ends the request's scope.
@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_a_cancelled_request_cancels_its_execution(manual: Emulator, mode: str) -> None:
    """The agent cancels while the execution runs: the server cancels that execution."""
    async with connected(manual, mode=mode) as client:
        await cancel_once(client, run(manual), anyio.Event())
    # Leaving the client waits for the server's handler, whose cancel is shielded from the request's end.
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")


async def test_a_cancel_during_the_execute_waits_for_its_answer_and_cancels_that_execution(
    manual: Emulator,
) -> None:
    """The agent cancels while the execute request is out: its answer is awaited, then that execution is
    cancelled; nothing runs on unseen."""
    with holding(manual, lambda r: r.path.endswith("/execute/")) as (url, arrived, release):
        async with connected(manual, base_url=url) as client:
            ready = anyio.Event()

            async def execute_arrived() -> None:
                await anyio.to_thread.run_sync(arrived.wait, ENDS_WITHIN)
                ready.set()

            async with anyio.create_task_group() as tasks:
                tasks.start_soon(execute_arrived)
                await cancel_once(client, run(manual), ready)
            release.set()
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")


async def test_get_execution_and_its_results_after_a_run(oss: Emulator) -> None:
    """After run_simulation: get_execution says completed with 3 calls; the results list them with evals."""
    async with connected(oss) as client:
        execution_id = structured(await client.call_tool("run_simulation", run(oss)))["execution_id"]
        state = structured(await client.call_tool("get_execution", {"execution_id": execution_id}))
        results = structured(await client.call_tool("get_execution_results", {"execution_id": execution_id}))
    assert (state["status"], state["is_finished"], state["total_calls"]) == ("completed", True, 3)
    assert len(results["calls"]) == 3
    assert {e["name"] for call in results["calls"] for e in call["evals"]} == {"Issue resolved", "Tone check"}


async def test_cancel_execution_cancels_a_running_execution(manual: Emulator) -> None:
    """A pending execution: cancel_requested true, and it is cancelling or cancelled."""
    execution = manual_execution(manual)
    async with connected(manual) as client:
        answer = structured(await client.call_tool("cancel_execution", {"execution_id": str(execution)}))
    assert answer["cancel_requested"] is True
    assert answer["status"] in ("cancelling", "cancelled")
    assert manual.execution_status(execution) in ("cancelling", "cancelled")


async def test_cancel_execution_leaves_a_finished_execution_as_it_ended(manual: Emulator) -> None:
    """A completed execution: no cancel is sent (the server would mark it cancelled); it stays completed."""
    execution = manual_execution(manual)
    manual.finish(execution)
    status = manual.execution_status(execution)
    async with connected(manual) as client:
        answer = structured(await client.call_tool("cancel_execution", {"execution_id": str(execution)}))
    assert (answer["cancel_requested"], answer["status"]) == (False, status)
    assert manual.execution_status(execution) == status


def manual_execution(emu: Emulator) -> uuid.UUID:
    """One execution of the seeded run test, started by the sync client, left where it is."""
    from futureagi_simulate import Selection, SimulateClient

    with SimulateClient(
        api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url, body_casing="snake"
    ) as client:
        return client.run_tests.execute(emu.seed.run_test_id, selection=Selection.all()).execution_id


async def test_an_unknown_execution_is_an_error_with_the_servers_message(oss: Emulator) -> None:
    """get_execution of an id the server does not know: an error result naming NotFoundError."""
    async with connected(oss) as client:
        result = await client.call_tool("get_execution", {"execution_id": str(uuid.UUID(int=7))})
    assert "NotFoundError" in error_text(result)


async def test_no_answer_holds_a_credential_even_when_the_server_echoes_it(oss: Emulator) -> None:
    """A run test named with the API key and one with the secret key: listed, each name [REDACTED]."""
    async with AsyncSimulateClient(
        api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url, body_casing="snake"
    ) as api:
        for secret in (oss.api_key, oss.secret_key):
            await api.run_tests.create(
                name=f"leak {secret}",
                agent_definition_id=oss.seed.agent_definition_ids[0],
                scenario_ids=oss.seed.scenario_ids,
            )
        async with Client(create_server(api), mode="legacy") as client:
            answer = structured(await client.call_tool("list_run_tests", {"search": "leak"}))
            failed = await client.call_tool("get_run_test", {"run_test_id": oss.api_key})
    text = json.dumps(answer) + error_text(failed)
    assert sorted(row["name"] for row in answer["run_tests"]) == ["leak [REDACTED]", "leak [REDACTED]"]
    assert oss.api_key not in text
    assert oss.secret_key not in text
