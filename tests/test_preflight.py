"""The check before paying: ``run_tests.check`` in Python, and ``run``/``--dry-run`` on the command line.

Every problem is found before the execute: eval config names, scenario ids, "all but these" leaving
nothing, options out of range. The emulator end to end; a scripted server for run tests whose answers
the emulator does not make (no eval configs listed, only the ``evals`` field).
"""

from __future__ import annotations

import uuid

import pytest

from futureagi_simulate import (
    AsyncSimulateClient,
    InvalidArgumentError,
    NotFoundError,
    RunTestCheck,
    Selection,
    SimulateClient,
    Thresholds,
)
from futureagi_simulate.testing import Emulator
from tests.server import RecordingServer, Reply


def _client(emu: Emulator) -> SimulateClient:
    return SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url)


def _check(emu: Emulator, **kwargs: object) -> RunTestCheck:
    with _client(emu) as client:
        return client.run_tests.check(emu.seed.run_test_id, **kwargs)  # type: ignore[arg-type]


# The library ----------------------------------------------------------------------------------------------


def test_a_fitting_selection_and_thresholds_have_no_problem(oss: Emulator) -> None:
    """Known names and ids: ok, the scenarios that would run in the server's order, and no execute."""
    kept = oss.seed.scenario_ids[1:]
    found = _check(
        oss,
        selection=Selection.only(reversed(kept)),
        thresholds=Thresholds(min_pass_rate={"Tone check": 0.9}),
    )
    assert found.ok
    assert found.problems == ()
    assert found.selected_scenario_ids == kept
    assert found.eval_config_names == ("Issue resolved", "Tone check")
    assert found.run_test_name == "Checkout regression"
    assert oss.request_count("executeRunTest") == 0


def test_an_unknown_eval_config_name_is_a_problem_naming_the_real_ones(oss: Emulator) -> None:
    """A --min-pass-rate typo is named, with the run test's eval configs and the closest one."""
    found = _check(oss, thresholds=Thresholds(min_pass_rate={"Tone chek": 0.9, "Issue resolved": 1.0}))
    (problem,) = found.problems
    assert problem.argument == "thresholds.min_pass_rate['Tone chek']"
    assert "'Tone chek' is not an eval config" in problem.rule
    assert "'Issue resolved', 'Tone check'" in problem.rule
    assert "did you mean 'Tone check'?" in problem.rule


def test_every_unknown_scenario_id_is_a_problem(oss: Emulator) -> None:
    """Each id of only() that is not the run test's is its own problem, by position; the rest still run."""
    strangers = [uuid.uuid4(), uuid.uuid4()]
    found = _check(oss, selection=Selection.only([strangers[0], oss.seed.scenario_ids[0], strangers[1]]))
    assert [p.argument for p in found.problems] == ["selection.scenario_ids[0]", "selection.scenario_ids[2]"]
    assert all(str(s) in p.rule for s, p in zip(strangers, found.problems, strict=True))
    assert found.selected_scenario_ids == (oss.seed.scenario_ids[0],)


def test_an_unknown_id_left_out_is_a_problem_too(oss: Emulator) -> None:
    """all_except() of an id that is not the run test's: a typo that would run everything is named."""
    found = _check(oss, selection=Selection.all_except([uuid.uuid4()]))
    assert [p.argument for p in found.problems] == ["selection.scenario_ids[0]"]


def test_all_but_every_scenario_is_a_problem(oss: Emulator) -> None:
    """all_except() of every scenario leaves nothing to run: a problem on the selection."""
    found = _check(oss, selection=Selection.all_except(oss.seed.scenario_ids))
    (problem,) = found.problems
    assert problem.argument == "selection"
    assert "leaves none of the run test's 3 scenarios" in problem.rule


def test_every_problem_is_listed_at_once(oss: Emulator) -> None:
    """A bad id and a bad name in one check: both are listed, selection first."""
    found = _check(
        oss,
        selection=Selection.only([uuid.uuid4()]),
        thresholds=Thresholds(min_pass_rate={"Nope": 0.5}),
    )
    assert [p.argument.split("[")[0] for p in found.problems] == [
        "selection.scenario_ids",
        "thresholds.min_pass_rate",
    ]


def test_raise_for_problems_names_the_first_argument_and_every_rule(oss: Emulator) -> None:
    """raise_for_problems() is an InvalidArgumentError with the first argument and all the rules."""
    found = _check(
        oss, selection=Selection.only([uuid.uuid4()]), thresholds=Thresholds(min_pass_rate={"Nope": 0.5})
    )
    with pytest.raises(InvalidArgumentError) as raised:
        found.raise_for_problems()
    assert raised.value.argument == "selection.scenario_ids[0]"
    assert "; also thresholds.min_pass_rate['Nope']: 'Nope' is not an eval config" in raised.value.rule


def test_raise_for_problems_is_quiet_when_ok(oss: Emulator) -> None:
    """No problem: raise_for_problems() raises nothing."""
    found = _check(oss)
    found.raise_for_problems()
    assert found.ok


def test_a_bad_argument_type_is_refused_before_any_request(oss: Emulator) -> None:
    """A selection that is not a Selection raises InvalidArgumentError and sends nothing."""
    with _client(oss) as client, pytest.raises(InvalidArgumentError) as raised:
        client.run_tests.check(oss.seed.run_test_id, selection=[oss.seed.scenario_ids[0]])  # type: ignore[arg-type]
    assert raised.value.argument == "selection"
    assert sum(oss.app.requests.values()) == 0


def test_an_unknown_run_test_is_not_found(oss: Emulator) -> None:
    """check() of a run test the server does not have is NotFoundError, not a list of problems."""
    with _client(oss) as client, pytest.raises(NotFoundError):
        client.run_tests.check(uuid.uuid4())


@pytest.mark.anyio
async def test_the_async_check_finds_the_same_problems(oss: Emulator) -> None:
    """AsyncRunTests.check lists the same problems as the sync one."""
    thresholds = Thresholds(min_pass_rate={"Tone chek": 0.9})
    async with AsyncSimulateClient(
        api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url
    ) as client:
        found = await client.run_tests.check(oss.seed.run_test_id, thresholds=thresholds)
    assert found.problems == _check(oss, thresholds=thresholds).problems


RUN_TEST_ID = uuid.UUID("3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b")
SCENARIO_ID = uuid.UUID("9c0f4632-f9ee-45ef-b3de-820c6ea28568")


def _scripted(server: RecordingServer, run_test: dict[str, object], scenarios: list[uuid.UUID]) -> None:
    rows = [{"id": str(s), "name": f"S{i}", "row_count": 0} for i, s in enumerate(scenarios)]
    server.reply(
        Reply(200, {"id": str(RUN_TEST_ID), "name": "R", **run_test}),
        Reply(200, {"count": len(rows), "next": None, "previous": None, "results": rows}),
    )


def test_names_are_read_from_evals_when_evals_detail_is_missing(
    server: RecordingServer, client: SimulateClient
) -> None:
    """A run test answer with only the older ``evals`` field: its names count."""
    _scripted(server, {"evals": [{"id": str(uuid.uuid4()), "name": "Tone check"}]}, [SCENARIO_ID])
    found = client.run_tests.check(RUN_TEST_ID, thresholds=Thresholds(min_pass_rate={"Tone check": 0.5}))
    assert found.ok, found.problems
    assert [r.path for r in server.requests] == [
        f"/simulate/run-tests/{RUN_TEST_ID}/",
        f"/simulate/run-tests/{RUN_TEST_ID}/scenarios/",
    ]


def test_a_run_test_that_lists_no_eval_configs_fails_every_name(
    server: RecordingServer, client: SimulateClient
) -> None:
    """No evals_detail, evals or simulate_eval_configs_detail: a named threshold cannot be checked, so it is
    a problem (the check fails closed)."""
    _scripted(server, {}, [SCENARIO_ID])
    found = client.run_tests.check(RUN_TEST_ID, thresholds=Thresholds(min_pass_rate={"Tone check": 0.5}))
    (problem,) = found.problems
    assert "cannot be checked" in problem.rule


def test_a_run_test_without_scenarios_is_a_problem(server: RecordingServer, client: SimulateClient) -> None:
    """A run test with no scenarios: Selection.all() would run nothing, a problem before any execute."""
    _scripted(server, {"evals_detail": []}, [])
    (problem,) = client.run_tests.check(RUN_TEST_ID).problems
    assert (problem.argument, "has no scenarios" in problem.rule) == ("selection", True)


# The command ----------------------------------------------------------------------------------------------


def test_a_selected_scenario_that_is_not_completed_is_a_problem(oss: Emulator) -> None:
    """A run test with a scenario still Running: the server would refuse the execute, so the check does."""
    with _client(oss) as client:
        found = client.run_tests.check(oss.seed.incomplete_run_test_id)
    (problem,) = found.problems
    assert problem.argument == "selection"
    assert f"scenario {oss.seed.incomplete_scenario_id}" in problem.rule
    assert "its status: 'Running'" in problem.rule


def test_leaving_the_scenario_that_is_not_completed_out_is_fine(oss: Emulator) -> None:
    """all_except() of the scenario still Running: no problem."""
    with _client(oss) as client:
        found = client.run_tests.check(
            oss.seed.incomplete_run_test_id, selection=Selection.all_except([oss.seed.incomplete_scenario_id])
        )
    assert found.ok, found.problems
