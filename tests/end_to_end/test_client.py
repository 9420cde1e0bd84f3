"""The client against the emulator, in both dialects: every endpoint, every selection, sync and async."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    Selection,
    SimulateClient,
)
from futureagi_simulate.testing import Emulator


def _created(client: SimulateClient, emulator: Emulator) -> uuid.UUID:
    seed = emulator.seed
    run = client.run_tests.create(
        name="End to end", agent_definition_id=seed.agent_definition_ids[0], scenario_ids=seed.scenario_ids
    )
    return run.id


def test_create_returns_the_run_test_with_its_scenarios(emulated: SimulateClient, emulator: Emulator) -> None:
    """A created run test comes back with the agent and scenarios it was created with."""
    seed = emulator.seed
    run = emulated.run_tests.create(
        name="Created", agent_definition_id=seed.agent_definition_ids[1], scenario_ids=seed.scenario_ids[:2]
    )
    assert run.name == "Created"
    assert run.agent_definition == seed.agent_definition_ids[1]
    assert run.scenarios == list(seed.scenario_ids[:2])


def test_created_run_test_is_listed_first(emulated: SimulateClient, emulator: Emulator) -> None:
    """List results are newest first, so a new run test heads page one."""
    created = _created(emulated, emulator)
    page = emulated.run_tests.list(limit=2)
    assert page.results[0].id == created
    assert page.count == 4


def test_iter_walks_every_page(emulated: SimulateClient, emulator: Emulator) -> None:
    """iter pages by number until the last page and yields each run test once."""
    created = {_created(emulated, emulator) for _ in range(4)}
    seen = [run.id for run in emulated.run_tests.iter(page_size=3)]
    assert len(seen) == len(set(seen)) == 7
    assert created <= set(seen)


def test_list_filters_by_simulation_type(emulated: SimulateClient, emulator: Emulator) -> None:
    """simulation_type=prompt with the template id returns only that prompt simulation."""
    page = emulated.run_tests.list(
        simulation_type="prompt", prompt_template_id=emulator.seed.prompt_template_id
    )
    assert [r.id for r in page.results] == [emulator.seed.prompt_run_test_id]


def test_execute_all_runs_every_scenario(emulated: SimulateClient, emulator: Emulator) -> None:
    """Selection.all() starts one execution over all of the run test's scenarios."""
    run_test = _created(emulated, emulator)
    execution = emulated.run_tests.execute(run_test, selection=Selection.all())
    assert execution.scenario_ids == emulator.seed.scenario_ids
    assert execution.run_test_id == run_test
    assert emulator.execution_count(run_test) == 1


def test_execute_only_runs_exactly_those(emulated: SimulateClient, emulator: Emulator) -> None:
    """Selection.only([a]) runs just a."""
    run_test = _created(emulated, emulator)
    only = emulator.seed.scenario_ids[1]
    execution = emulated.run_tests.execute(run_test, selection=Selection.only([only]))
    assert execution.scenario_ids == (only,)


def test_execute_all_except_against_docs_leaves_them_out(docs: Emulator) -> None:
    """In the documented dialect all_except([a]) runs the run test's scenarios but a."""
    with SimulateClient(api_key=docs.api_key, secret_key=docs.secret_key, base_url=docs.url) as client:
        run_test = _created(client, docs)
        left_out = docs.seed.scenario_ids[0]
        execution = client.run_tests.execute(run_test, selection=Selection.all_except([left_out]))
    assert execution.scenario_ids == docs.seed.scenario_ids[1:]


def test_execute_all_except_against_oss_runs_exactly_the_rest(oss: Emulator) -> None:
    """Against the open-source server, all_except on a run test runs the complement, in one execution."""
    with SimulateClient(api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url) as client:
        run_test = _created(client, oss)
        everything = [s.id for s in client.run_tests.scenarios(run_test)]
        execution = client.run_tests.execute(run_test, selection=Selection.all_except(everything[:1]))
    assert execution.scenario_ids == tuple(everything[1:])
    assert oss.execution_count(run_test) == 1


def test_auto_casing_against_oss_resends_once_then_sticks(oss: Emulator) -> None:
    """The first execute costs one camelCase 400 and one snake_case retry; later ones go straight."""
    with SimulateClient(api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url) as client:
        first = client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
        second = client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert first.status == second.status == "started"
    assert oss.request_count("executeRunTest") == 3
    assert oss.execution_count(oss.seed.run_test_id) == 2


def test_auto_casing_against_docs_sends_once(docs: Emulator) -> None:
    """The documented dialect accepts the camelCase body the first time."""
    with SimulateClient(api_key=docs.api_key, secret_key=docs.secret_key, base_url=docs.url) as client:
        execution = client.run_tests.execute(docs.seed.run_test_id, selection=Selection.all())
    assert execution.status == "pending"
    assert docs.request_count("executeRunTest") == 1


def test_incomplete_scenarios_are_a_bad_request(emulated: SimulateClient, emulator: Emulator) -> None:
    """Selecting a scenario that is still running is a 400 naming it in its body, and nothing starts."""
    with pytest.raises(BadRequestError, match=r"1 scenario\(s\) are not completed") as raised:
        emulated.run_tests.execute(emulator.seed.incomplete_run_test_id, selection=Selection.all())
    # The server's sentence counts them; its `result` object names each (docs/dialects.md, "Choosing
    # scenarios").
    assert isinstance(raised.value.body, dict)
    assert raised.value.body["result"]["scenarios"][0]["id"] == str(emulator.seed.incomplete_scenario_id)
    assert emulator.execution_count(emulator.seed.incomplete_run_test_id) == 0


def test_unknown_run_test_is_not_found(emulated: SimulateClient) -> None:
    """Executing a run test that does not exist raises NotFoundError with the server's sentence."""
    with pytest.raises(NotFoundError, match="Run test not found"):
        emulated.run_tests.execute(uuid.uuid4(), selection=Selection.all())


def test_prompt_simulation_is_read(emulated: SimulateClient, emulator: Emulator) -> None:
    """get() reads the prompt simulation in either dialect's envelope."""
    seed = emulator.seed
    simulation = emulated.prompt_simulations.get(seed.prompt_template_id, seed.prompt_run_test_id)
    assert simulation.id == seed.prompt_run_test_id
    assert simulation.scenarios == list(seed.prompt_scenario_ids)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("all", (0, 1, 2)), ("only", (1,)), ("all_except", (0, 2))],
)
def test_prompt_simulation_executes_each_selection(
    emulated: SimulateClient, emulator: Emulator, kind: str, expected: tuple[int, ...]
) -> None:
    """Each kind of selection runs the documented scenarios of the prompt simulation (here: around #1)."""
    seed = emulator.seed
    pivot = seed.prompt_scenario_ids[1:2]
    selection = {
        "all": Selection.all(),
        "only": Selection.only(pivot),
        "all_except": Selection.all_except(pivot),
    }
    execution = emulated.prompt_simulations.execute(
        seed.prompt_template_id, seed.prompt_run_test_id, selection=selection[kind]
    )
    assert execution.scenario_ids == tuple(seed.prompt_scenario_ids[i] for i in expected)
    assert emulator.execution_count(seed.prompt_run_test_id) == 1


def test_prompt_execute_on_unknown_template_is_a_server_error(emulated: SimulateClient) -> None:
    """An unknown template answers 500, as the open-source server does, and raises InternalServerError."""
    with pytest.raises(InternalServerError, match="Failed to execute simulation"):
        emulated.prompt_simulations.execute(uuid.uuid4(), uuid.uuid4(), selection=Selection.all())


def test_bearer_token_authenticates(emulator: Emulator) -> None:
    """A web-login session token is accepted as Authorization: Bearer."""
    with SimulateClient(bearer_token=emulator.bearer_token, base_url=emulator.url) as client:
        assert client.run_tests.list().count == 3


@pytest.mark.anyio
async def test_async_client_covers_every_endpoint(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client creates, lists, iterates, executes and reads prompt simulations."""
    seed = emulator.seed
    run = await aemulated.run_tests.create(
        name="Async", agent_definition_id=seed.agent_definition_ids[0], scenario_ids=seed.scenario_ids
    )
    assert (await aemulated.run_tests.list(limit=1)).results[0].id == run.id
    assert len([r async for r in aemulated.run_tests.iter(page_size=1)]) == 4
    every = await aemulated.run_tests.execute(run.id, selection=Selection.all())
    only = await aemulated.run_tests.execute(run.id, selection=Selection.only(seed.scenario_ids[:1]))
    assert (every.total_scenarios, only.scenario_ids) == (3, seed.scenario_ids[:1])
    simulation = await aemulated.prompt_simulations.get(seed.prompt_template_id, seed.prompt_run_test_id)
    assert simulation.id == seed.prompt_run_test_id
    execution = await aemulated.prompt_simulations.execute(
        seed.prompt_template_id,
        seed.prompt_run_test_id,
        selection=Selection.all_except(seed.prompt_scenario_ids[:1]),
    )
    assert execution.scenario_ids == seed.prompt_scenario_ids[1:]
    assert emulator.execution_count(run.id) == 2


@pytest.mark.anyio
async def test_async_all_except_follows_the_dialect(
    aemulated: AsyncSimulateClient, emulator: Emulator
) -> None:
    """all_except on a run test runs exactly the rest in both dialects, as one execution."""
    seed = emulator.seed
    selection = Selection.all_except(seed.scenario_ids[:1])
    execution = await aemulated.run_tests.execute(seed.run_test_id, selection=selection)
    assert execution.scenario_ids == seed.scenario_ids[1:]
    assert emulator.execution_count(seed.run_test_id) == 1


# Polls a millisecond apart: the emulator moves one stage per read, so no real time needs to pass.
FAST: dict[str, Any] = {"timeout": 30.0, "poll_interval": 0.001, "max_poll_interval": 0.001}


def _flaky_run(client: SimulateClient, emulator: Emulator) -> tuple[uuid.UUID, uuid.UUID]:
    """An execution of one scenario whose call fails on attempt 1 and passes on attempt 2; its failed call."""
    scenario = emulator.seed.scenario_ids[0]
    emulator.script(scenario, call="failed", cost_cents=30, attempt=1)
    emulator.script(scenario, cost_cents=45, attempt=2)
    execution = client.run_tests.execute(emulator.seed.run_test_id, selection=Selection.only([scenario]))
    state = client.executions.wait(execution.execution_id, **FAST)
    (call,) = state.calls
    assert (call.status, call.cost_cents) == ("failed", 30)
    return execution.execution_id, call.id


def test_a_failed_call_is_rerun_and_passes(emulated: SimulateClient, emulator: Emulator) -> None:
    """rerun_calls on the failed call: the execution runs again, the call passes, its first result is kept."""
    execution_id, call_id = _flaky_run(emulated, emulator)
    answer = emulated.executions.rerun_calls(execution_id, call_execution_ids=[call_id])
    assert answer.successful_reruns == [call_id]
    state = emulated.executions.wait(execution_id, **FAST)
    (call,) = state.calls
    assert (state.status, call.status, call.cost_cents) == ("completed", "completed", 45)
    assert isinstance(call.rerun_snapshots, list)
    (snapshot,) = call.rerun_snapshots
    assert (snapshot["status"], snapshot["cost_cents"]) == ("failed", 30)


def test_a_rerun_of_a_pending_execution_is_refused(emulated: SimulateClient, emulator: Emulator) -> None:
    """The server's 400 for a pending execution reaches the caller as BadRequestError, nothing started."""
    execution = emulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    with pytest.raises(BadRequestError, match="pending") as caught:
        emulated.executions.rerun_calls(execution.execution_id, all_calls=True)
    assert caught.value.may_have_started is False


@pytest.mark.anyio
async def test_async_rerun_of_a_failed_call(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client reruns the failed call and waits for it to pass."""
    scenario = emulator.seed.scenario_ids[0]
    emulator.script(scenario, call="failed", attempt=1)
    execution = await aemulated.run_tests.execute(
        emulator.seed.run_test_id, selection=Selection.only([scenario])
    )
    state = await aemulated.executions.wait(execution.execution_id, **FAST)
    answer = await aemulated.executions.rerun_calls(
        execution.execution_id, call_execution_ids=[state.calls[0].id]
    )
    assert len(answer.successful_reruns) == 1
    state = await aemulated.executions.wait(execution.execution_id, **FAST)
    assert [c.status for c in state.calls] == ["completed"]


def test_a_rerun_calls_previous_attempt_is_read_back(emulated: SimulateClient, emulator: Emulator) -> None:
    """call_executions.get shows the rerun call's snapshot; the docs dialect compares the two attempts."""
    execution_id, call_id = _flaky_run(emulated, emulator)
    emulated.executions.rerun_calls(execution_id, call_execution_ids=[call_id])
    emulated.executions.wait(execution_id, **FAST)
    call = emulated.call_executions.get(call_id)
    assert (call.status, call.cost_cents) == ("completed", 45)
    assert isinstance(call.rerun_snapshots, list)
    assert [s["status"] for s in call.rerun_snapshots] == ["failed"]
    if emulator.dialect == "docs":
        compared = emulated.call_executions.session_comparison(call_id)
        assert compared.compared_with == "previous_attempt"
        assert (compared.metrics["current"]["cost_cents"], compared.metrics["previous"]["cost_cents"]) == (
            45,
            30,
        )
    else:
        with pytest.raises(BadRequestError, match="Row ID is not associated"):
            emulated.call_executions.session_comparison(call_id)


@pytest.mark.anyio
async def test_async_call_executions_read_a_call(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client reads one call of an execution, and refuses an unknown one."""
    execution = await aemulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    state = await aemulated.executions.wait(execution.execution_id, **FAST)
    call = await aemulated.call_executions.get(state.calls[0].id)
    assert (call.id, call.status) == (state.calls[0].id, "completed")
    with pytest.raises(NotFoundError):
        await aemulated.call_executions.get(uuid.uuid4())


def test_the_eval_summaries_of_two_executions_side_by_side(
    emulated: SimulateClient, emulator: Emulator
) -> None:
    """eval_summary_comparison gives each execution its summary, in either dialect, in the order asked."""
    run_test_id = emulator.seed.run_test_id
    first = emulated.run_tests.execute(run_test_id, selection=Selection.all())
    emulated.executions.wait(first.execution_id, **FAST)
    emulator.script(emulator.seed.scenario_ids[0], evals={"Tone check": False})
    second = emulated.run_tests.execute(run_test_id, selection=Selection.all())
    emulated.executions.wait(second.execution_id, **FAST)
    compared = emulated.run_tests.eval_summary_comparison(
        run_test_id, execution_ids=[second.execution_id, first.execution_id]
    )
    assert list(compared) == [second.execution_id, first.execution_id]
    assert compared[first.execution_id]["Tone check"].pass_rate == 1.0
    assert compared[second.execution_id]["Tone check"].pass_rate == pytest.approx(2 / 3)


@pytest.mark.anyio
async def test_async_eval_summary_comparison(aemulated: AsyncSimulateClient, emulator: Emulator) -> None:
    """The async client compares executions as the sync one does."""
    execution = await aemulated.run_tests.execute(emulator.seed.run_test_id, selection=Selection.all())
    await aemulated.executions.wait(execution.execution_id, **FAST)
    compared = await aemulated.run_tests.eval_summary_comparison(
        emulator.seed.run_test_id, execution_ids=[execution.execution_id]
    )
    assert compared[execution.execution_id]["Issue resolved"].pass_rate == 1.0
