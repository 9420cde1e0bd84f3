"""``run`` of several run tests at once (ids, ``--search``): in this process against the emulator, one
combined report of each kind, the most severe exit code (``tests/cli/harness.py``)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from futureagi_simulate import SimulateClient
from futureagi_simulate.cli._exit import SEVERITY, ExitCode, most_severe, severity_line
from futureagi_simulate.cli._reports import Outcome, RunTestName, combined_summary
from futureagi_simulate.cli._run import Run
from futureagi_simulate.testing import Emulator
from tests.cli.harness import POLL, hostile, invoke

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def add_run_test(emu: Emulator, name: str, scenarios: int = 1) -> uuid.UUID:
    """A run test of the seeded agent over the first ``scenarios`` seeded scenarios, with no eval config."""
    with SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url) as client:
        return client.run_tests.create(
            name=name,
            agent_definition_id=emu.seed.agent_definition_ids[0],
            scenario_ids=emu.seed.scenario_ids[:scenarios],
        ).id


def many_args(*ids: uuid.UUID | str, more: tuple[str, ...] = ()) -> list[str]:
    return ["run", *(str(i) for i in ids), "--poll-interval", POLL, *more]


def reports(tmp_path: Path) -> tuple[str, ...]:
    return ("--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml"))


def read_json(tmp_path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((tmp_path / "r.json").read_text())
    return document


def test_two_run_tests_run_together_into_one_report_of_each_kind(oss: Emulator, tmp_path: Path) -> None:
    """One failing, one passing: exit 1; JSON lists both, JUnit a suite each, the summary a line each."""
    smoke = add_run_test(oss, "Checkout smoke")
    oss.script(oss.seed.scenario_ids[1], call="failed")
    summary = tmp_path / "summary.md"
    done = invoke(
        oss, *many_args(oss.seed.run_test_id, smoke, more=reports(tmp_path)), GITHUB_STEP_SUMMARY=str(summary)
    )
    assert done.returncode == 1, done.stderr
    document = read_json(tmp_path)
    assert (document["passed"], document["exit_code"]) == (False, 1)
    assert [(r["run_test_id"], r["exit_code"]) for r in document["run_tests"]] == [
        (str(oss.seed.run_test_id), 1),
        (str(smoke), 0),
    ]
    assert all(r["execution_id"] for r in document["run_tests"])
    root = ElementTree.parse(tmp_path / "j.xml").getroot()
    suites = [
        (suite.get("name"), [case.get("name") for case in suite.iter("testcase")], suite.get("failures"))
        for suite in root.iter("testsuite")
    ]
    assert suites == [
        (
            f"futureagi-simulate: Checkout regression ({oss.seed.run_test_id})",
            ["Wrong number", "Refund request", "Angry customer", "verdict"],
            "2",
        ),
        (f"futureagi-simulate: Checkout smoke ({smoke})", ["Angry customer", "verdict"], "0"),
    ]
    assert (root.get("tests"), root.get("failures")) == ("6", "2")
    text = summary.read_text()
    assert text.count("## futureagi-simulate: ") == 1
    assert "## futureagi-simulate: FAILED (exit 1)" in text
    assert f"| Checkout smoke \\({smoke}\\) | passed |" in text
    assert "### Checkout regression" in text
    assert "scenario Refund request:" in text
    assert "### Checkout smoke" not in text


def test_the_exit_order_covers_every_code_and_readme_states_it() -> None:
    """Every exit code has its place in the one order, and README's sentence is that order."""
    assert sorted(SEVERITY) == sorted(ExitCode)
    assert severity_line() in (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    ("codes", "expected"),
    [([0, 1, 4, 3, 5], 5), ([1, 4, 0], 4), ([0, 3, 1], 3), ([1, 0], 1), ([0, 0], 0), ([5, 130], 130)],
)
def test_several_codes_give_the_most_severe(codes: list[int], expected: int) -> None:
    """5 before 4 before 3 before 1 before 0; a signal's code before them all."""
    assert most_severe(codes) == expected


def test_a_failed_check_of_one_run_test_executes_none(oss: Emulator, tmp_path: Path) -> None:
    """An unknown id beside the seeded one: its check fails, exit 3, and neither is executed."""
    unknown = uuid.uuid4()
    done = invoke(oss, *many_args(oss.seed.run_test_id, unknown, more=reports(tmp_path)))
    assert done.returncode == 3, done.stderr
    assert f"run test {unknown}: checking run test {unknown} failed" in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 0
    results = read_json(tmp_path)["run_tests"]
    assert {r["run_test_id"]: r["status"] for r in results} == {
        str(unknown): "not started",
        str(oss.seed.run_test_id): "not started",
    }


def test_only_with_several_run_tests_is_a_usage_error(oss: Emulator) -> None:
    """--only names scenarios of one run test: with two ids it is exit 2 before any request."""
    smoke = add_run_test(oss, "Checkout smoke")
    before = sum(oss.app.requests.values())
    done = invoke(
        oss, *many_args(oss.seed.run_test_id, smoke, more=("--only", str(oss.seed.scenario_ids[0])))
    )
    assert done.returncode == 2
    assert "--only and --all-except name scenarios of one run test" in done.stderr
    assert sum(oss.app.requests.values()) == before


def test_search_with_dry_run_lists_the_run_tests_whose_name_matches(oss: Emulator) -> None:
    """--search checkout --dry-run: both checkout run tests listed with their scenarios, none run."""
    smoke = add_run_test(oss, "Checkout smoke")
    done = invoke(oss, "run", "--search", "CHECKOUT", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "--search 'CHECKOUT': 2 run tests" in done.stdout
    assert f"run test 'Checkout smoke' ({smoke})" in done.stdout
    assert f"run test 'Checkout regression' ({oss.seed.run_test_id})" in done.stdout
    assert "Billing" not in done.stdout
    assert oss.request_count("executeRunTest") == 0


def test_search_runs_every_match_and_reports_them_together(oss: Emulator, tmp_path: Path) -> None:
    """--search smoke: the one match runs, and the JSON is the combined one listing it."""
    smoke = add_run_test(oss, "Checkout smoke")
    done = invoke(oss, "run", "--search", "smoke", "--poll-interval", POLL, *reports(tmp_path))
    assert done.returncode == 0, done.stderr
    assert [r["run_test_id"] for r in read_json(tmp_path)["run_tests"]] == [str(smoke)]
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_search_that_matches_nothing_is_a_usage_error(oss: Emulator) -> None:
    """--search for a name no run test has: exit 2, nothing executed."""
    done = invoke(oss, "run", "--search", "no such run test")
    assert done.returncode == 2
    assert "no run test's name contains it" in done.stderr
    assert oss.request_count("executeRunTest") == 0


def test_concurrency_1_starts_the_next_run_test_after_the_first_is_judged(oss: Emulator) -> None:
    """--concurrency 1: the second execute is sent only after the first execution's results were read."""
    smoke = add_run_test(oss, "Checkout smoke")
    with hostile(oss, lambda value: value) as proxy:
        done = invoke(
            oss,
            *many_args(oss.seed.run_test_id, smoke, more=("--concurrency", "1", "--body-casing", "snake")),
            FI_BASE_URL=proxy.url,
        )
    assert done.returncode == 0, done.stderr
    paths = [request.path for request in proxy.requests]
    executes = [i for i, path in enumerate(paths) if path.endswith("/execute/")]
    assert len(executes) == 2
    reads = [
        i
        for i, request in enumerate(proxy.requests)
        if request.path == "/sdk/api/v1/simulation/runs/" and request.query.get("limit") != ["1"]
    ]
    assert reads
    assert reads[0] < executes[-1]


def test_one_timeout_for_all_cancels_every_execution_with_cancel_on_interrupt(
    manual: Emulator, tmp_path: Path
) -> None:
    """Two executions that never end: --timeout passes, exit 4, each cancelled, each in the JSON."""
    smoke = add_run_test(manual, "Checkout smoke")
    done = invoke(
        manual,
        *many_args(
            manual.seed.run_test_id,
            smoke,
            more=("--timeout", "0.3s", "--cancel-on-interrupt", *reports(tmp_path)),
        ),
    )
    assert done.returncode == 4, done.stderr
    for run_test in (manual.seed.run_test_id, smoke):
        (execution,) = manual.execution_ids(run_test)
        assert manual.execution_status(execution) in ("cancelling", "cancelled")
    assert [r["exit_code"] for r in read_json(tmp_path)["run_tests"]] == [4, 4]


def test_a_run_test_whose_turn_comes_after_the_timeout_is_not_executed(
    manual: Emulator, tmp_path: Path
) -> None:
    """--concurrency 1 and a first execution that outlasts --timeout: the second is never executed."""
    smoke = add_run_test(manual, "Checkout smoke")
    done = invoke(
        manual,
        *many_args(
            manual.seed.run_test_id,
            smoke,
            more=("--concurrency", "1", "--timeout", "0.2s", *reports(tmp_path)),
        ),
    )
    assert done.returncode == 4, done.stderr
    assert manual.execution_count(smoke) == 0
    second = read_json(tmp_path)["run_tests"][1]
    assert (second["run_test_id"], second["status"], second["exit_code"]) == (str(smoke), "not started", 4)
    assert "before its turn came" in second["reasons"][0]


def test_the_combined_summary_keeps_within_its_budget_and_says_what_it_left_out() -> None:
    """Many failure lines and a small budget: the head whole, the cut counted, within the bytes given."""
    outcomes = [
        Outcome(
            run_test=RunTestName(id=uuid.uuid4(), name=f"run test {n}"),
            execution_id=None,
            exit_code=3,
            reasons=[f"read {i} failed" for i in range(40)],
        )
        for n in range(3)
    ]
    text = combined_summary(outcomes, exit_code=3, budget=2000)
    assert len(text.encode()) <= 2000
    assert text.startswith("## futureagi-simulate: FAILED (exit 3)\n")
    assert all(f"run test {n}" in text for n in range(3))
    assert re.search(r"\d+ of 129 lines of failure details are not shown", text)


def test_a_run_test_named_twice_runs_once_where_first_named(oss: Emulator, tmp_path: Path) -> None:
    """run A B A --search (matching A): A and B each executed once, reported in the order first named."""
    smoke = add_run_test(oss, "Checkout smoke")
    done = invoke(
        oss,
        *many_args(smoke, oss.seed.run_test_id, smoke, more=("--search", "smoke", *reports(tmp_path))),
    )
    assert done.returncode == 0, done.stderr
    assert [r["run_test_id"] for r in read_json(tmp_path)["run_tests"]] == [
        str(smoke),
        str(oss.seed.run_test_id),
    ]
    assert (oss.execution_count(smoke), oss.execution_count(oss.seed.run_test_id)) == (1, 1)


def test_a_run_that_breaks_is_one_line_and_exit_3_and_the_reports_still_list_it(
    oss: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a run test's run (before its execute): one line, exit 3, and the JSON still lists it."""

    async def broken(self: Run) -> int:
        raise RuntimeError("library bug")

    monkeypatch.setattr(Run, "go", broken)
    smoke = add_run_test(oss, "Checkout smoke")
    done = invoke(oss, *many_args(oss.seed.run_test_id, smoke, more=reports(tmp_path)))
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert f"run test Checkout smoke ({smoke}): internal error: RuntimeError: library bug" in done.stderr
    assert [(r["exit_code"], r["status"]) for r in read_json(tmp_path)["run_tests"]] == [(3, "unknown")] * 2
    assert oss.request_count("executeRunTest") == 0


def test_each_printed_verdict_table_names_its_run_test(oss: Emulator) -> None:
    """Two run tests: each verdict table on the terminal is headed by its run test's name and id."""
    smoke = add_run_test(oss, "Checkout smoke")
    done = invoke(oss, *many_args(oss.seed.run_test_id, smoke))
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stderr.split())
    assert f"Verdict: PASSED (run test Checkout smoke ({smoke}))" in text
    assert f"Verdict: PASSED (run test Checkout regression ({oss.seed.run_test_id}))" in text
