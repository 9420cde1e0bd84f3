"""Issue 25 through the command against the emulator: the cost in every report (and, as they land, the
baseline, reruns and flaky, and the budget)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from futureagi_simulate.testing import Emulator, Fault
from tests.cli.harness import invoke, junit_cases, run_args


@pytest.mark.parametrize("emulator", ["oss", "docs"], indirect=True)
def test_every_report_gives_the_cost_total_and_per_scenario(emulator: Emulator, tmp_path: Path) -> None:
    """Each call costs 125 cents: the JSON gives 375 (3.75) in all and 125 per scenario; JUnit and the
    step summary say it too."""
    for scenario in emulator.seed.scenario_ids:
        emulator.script(scenario, cost_cents=125)
    summary = tmp_path / "summary.md"
    args = run_args(emulator, "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml"))
    done = invoke(emulator, *args, GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    cost = json.loads((tmp_path / "r.json").read_text())["cost"]
    assert (cost["total_cents"], cost["total"], cost["unknown_calls"]) == (375, "3.75", 0)
    assert [s["cents"] for s in cost["scenarios"]] == [125, 125, 125]
    scenarios = json.loads((tmp_path / "r.json").read_text())["scenarios"]
    assert [s["cost_cents"] for s in scenarios] == [125, 125, 125]
    assert "cost: 3.75 (375 cents over 3 calls)" in junit_cases(tmp_path / "j.xml")["verdict"].stdout
    assert "cost: 3.75 \\(375 cents over 3 calls\\)" in summary.read_text()
    assert "cost: 3.75" in done.stderr


def test_a_server_that_sends_no_cost_is_reported_unknown(oss: Emulator, tmp_path: Path) -> None:
    """No cost_cents on the rows (the recorded server's null): every report says unknown, never 0."""
    done = invoke(oss, *run_args(oss, "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    cost = json.loads((tmp_path / "r.json").read_text())["cost"]
    assert (cost["total_cents"], cost["total"], cost["unknown_calls"]) == (None, "unknown", 3)
    assert "cost: unknown (3 of 3 calls came without cost_cents)" in done.stderr
    assert "the others cost" not in done.stderr


def _first_execution(emu: Emulator, tmp_path: Path, *options: str) -> str:
    """One run of the seeded run test; its execution id (from its JSON result)."""
    path = tmp_path / "first.json"
    done = invoke(emu, *run_args(emu, "--json", str(path), *options))
    assert done.returncode in (0, 1), done.stderr
    return str(json.loads(path.read_text())["execution_id"])


@pytest.mark.parametrize("emulator", ["oss", "docs"], indirect=True)
def test_a_scenario_that_passed_in_the_baseline_and_fails_now_exits_1(
    emulator: Emulator, tmp_path: Path
) -> None:
    """A passing baseline, then Tone check fails one scenario under --min-pass-rate 0.5 (absolute rules
    pass): exit 1, the scenario is newly failing in the JSON and its JUnit case fails."""
    baseline = _first_execution(emulator, tmp_path)
    failing = emulator.seed.scenario_ids[0]
    emulator.script(failing, evals={"Tone check": False})
    args = ["--baseline", baseline, "--min-pass-rate", "Tone check=0.5", "--json", str(tmp_path / "r.json")]
    done = invoke(emulator, *run_args(emulator, *args, "--junit", str(tmp_path / "j.xml")))
    assert done.returncode == 1, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    changes = {s["scenario_id"]: s["change"] for s in document["baseline"]["scenarios"]}
    assert changes[str(failing)] == "newly failing"
    assert sorted(changes.values()).count("still passing") == 2
    assert document["baseline"]["baseline_execution_id"] == baseline
    assert any("passed in baseline execution" in reason for reason in document["reasons"])
    failed = [name for name, case in junit_cases(tmp_path / "j.xml").items() if not case.good]
    assert len(failed) == 2  # the scenario and the verdict case


def test_the_same_results_as_the_baseline_pass(oss: Emulator, tmp_path: Path) -> None:
    """Nothing changed since the baseline: exit 0, every scenario still passing."""
    baseline = _first_execution(oss, tmp_path)
    done = invoke(oss, *run_args(oss, "--baseline", baseline, "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    assert [s["change"] for s in document["baseline"]["scenarios"]] == ["still passing"] * 3


def test_last_passed_skips_a_failing_execution_and_finds_the_passing_one(
    oss: Emulator, tmp_path: Path
) -> None:
    """A passing execution, then a failing one: last-passed is the passing one, named in the report."""
    passing = _first_execution(oss, tmp_path)
    oss.script(oss.seed.scenario_ids[1], call="failed")
    _first_execution(oss, tmp_path)
    oss.clear_scripts()
    done = invoke(oss, *run_args(oss, "--baseline", "last-passed", "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    assert f"baseline: execution {passing}" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["baseline"]["baseline_execution_id"] == passing


def test_last_passed_with_no_passing_execution_is_refused_before_the_execute(
    oss: Emulator, tmp_path: Path
) -> None:
    """No earlier execution passes: exit 2, nothing executed, the JSON says why."""
    done = invoke(oss, *run_args(oss, "--baseline", "last-passed", "--json", str(tmp_path / "r.json")))
    assert done.returncode == 2, done.stderr
    assert "has no completed earlier execution" in done.stderr
    assert "none of the 0" not in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 0
    assert json.loads((tmp_path / "r.json").read_text())["status"] == "not started"


def test_a_baseline_judged_by_other_eval_configs_is_refused_before_the_execute(
    oss: Emulator, tmp_path: Path
) -> None:
    """An eval config added since the baseline: exit 2 naming it, and no new execution starts."""
    baseline = _first_execution(oss, tmp_path)
    oss.add_eval_config(oss.seed.run_test_id, "Politeness")
    done = invoke(oss, *run_args(oss, "--baseline", baseline))
    assert done.returncode == 2, done.stderr
    assert "another set of eval configs" in done.stderr
    assert "'Politeness'" in done.stderr
    assert "nothing was executed" in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_a_baseline_of_another_run_test_is_refused_before_the_execute(oss: Emulator, tmp_path: Path) -> None:
    """An id that is none of the run test's executions: exit 2, nothing executed."""
    done = invoke(oss, *run_args(oss, "--baseline", "00000000-0000-4000-8000-000000000000"))
    assert done.returncode == 2, done.stderr
    assert "is not one of run test" in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_dry_run_refuses_a_baseline_the_run_would_refuse(oss: Emulator) -> None:
    """--dry-run with an unusable --baseline exits 2 as the run would."""
    done = invoke(oss, *run_args(oss, "--dry-run", "--baseline", "last-passed"))
    assert done.returncode == 2, done.stderr


def test_report_with_a_baseline_compares_with_an_earlier_execution(oss: Emulator, tmp_path: Path) -> None:
    """report EXECUTION --baseline last-passed compares with the passing execution before it."""
    passing = _first_execution(oss, tmp_path)
    oss.script(oss.seed.scenario_ids[2], evals={"Tone check": False})
    current = _first_execution(oss, tmp_path, "--min-pass-rate", "Tone check=0.5")
    args = ["report", current, "--run-test-id", str(oss.seed.run_test_id), "--poll-interval", "0.01"]
    done = invoke(oss, *args, "--baseline", "last-passed", "--min-pass-rate", "Tone check=0.5")
    assert done.returncode == 1, done.stderr
    assert f"baseline: execution {passing}" in done.stderr
    assert "fails now" in done.stderr


# The budget ------------------------------------------------------------------------------------------------


def _priced(emu: Emulator, cents: int | None) -> None:
    for scenario in emu.seed.scenario_ids:
        emu.script(scenario, cost_cents=cents)


@pytest.mark.parametrize("emulator", ["oss", "docs"], indirect=True)
def test_a_budget_crossed_mid_run_cancels_and_exits_6_with_reports(
    emulator: Emulator, tmp_path: Path
) -> None:
    """Calls at 125 cents each, --max-cost 2.50: once the ended calls cost 3.75 the execution (still
    evaluating) is cancelled even without --cancel-on-interrupt, exit 6, and the JSON says why."""
    _priced(emulator, 125)
    _first_execution(emulator, tmp_path)
    done = invoke(emulator, *run_args(emulator, "--max-cost", "2.50", "--json", str(tmp_path / "r.json")))
    assert done.returncode == 6, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    assert document["exit_code"] == 6
    assert (
        "budget exceeded: the calls cost 3.75 (375 cents) so far, more than --max-cost 2.50"
        in document["reasons"][0]
    )
    newest = emulator.execution_ids(emulator.seed.run_test_id)[-1]
    assert emulator.execution_status(newest) in ("cancelling", "cancelled")
    assert "cost estimate: about 3.75" in done.stderr


def test_a_run_within_its_budget_passes(oss: Emulator, tmp_path: Path) -> None:
    """The same calls under --max-cost 5: exit 0, the cost in the reports."""
    _priced(oss, 125)
    _first_execution(oss, tmp_path)
    done = invoke(oss, *run_args(oss, "--max-cost", "5", "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["cost"]["total"] == "3.75"


def test_max_cost_is_refused_when_the_server_sends_no_cost(oss: Emulator, tmp_path: Path) -> None:
    """Earlier calls came with cost_cents null: exit 2, no execution started, rather than guard nothing."""
    _first_execution(oss, tmp_path)
    done = invoke(oss, *run_args(oss, "--max-cost", "2.50"))
    assert done.returncode == 2, done.stderr
    assert "the server sent no cost_cents on the calls of the newest finished execution of" in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_max_cost_is_refused_without_any_earlier_execution(oss: Emulator) -> None:
    """A run test never run: no cost can be known; exit 2, nothing executed."""
    done = invoke(oss, *run_args(oss, "--max-cost", "2.50"))
    assert done.returncode == 2, done.stderr
    assert "has no finished execution" in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_dry_run_prints_a_labelled_cost_estimate(oss: Emulator, tmp_path: Path) -> None:
    """--dry-run --max-cost: 125 cents a call times 3 calls, labelled an estimate, on stdout."""
    _priced(oss, 125)
    _first_execution(oss, tmp_path)
    done = invoke(oss, *run_args(oss, "--dry-run", "--max-cost", "10"))
    assert done.returncode == 0, done.stderr
    assert "cost estimate: about 3.75 (375 cents): 1.25 per call in execution" in done.stdout
    assert "an estimate, not a cap" in done.stdout
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_dry_run_says_when_no_estimate_can_be_made(oss: Emulator) -> None:
    """No history: the estimate says unknown, and the dry run exits 2 as the run would."""
    done = invoke(oss, *run_args(oss, "--dry-run", "--max-cost", "10"))
    assert done.returncode == 2, done.stderr
    assert "cost estimate: unknown (no execution of this run test reports a cost)" in done.stdout


def test_dry_run_names_one_finished_execution_without_cost_in_the_singular(
    oss: Emulator, tmp_path: Path
) -> None:
    """One earlier execution without cost_cents: the estimate names it, not "none of the 1 ... executions"."""
    _first_execution(oss, tmp_path)
    done = invoke(oss, *run_args(oss, "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert (
        "cost estimate: unknown (the newest finished execution of this run test reports no cost)"
        in done.stdout
    )


@pytest.mark.parametrize("value", ["0", "-1", "nan", "lots"])
def test_a_bad_max_cost_is_a_usage_error(oss: Emulator, value: str) -> None:
    """--max-cost 0, negative, NaN or a word: exit 2 naming the option, nothing sent."""
    done = invoke(oss, *run_args(oss, "--max-cost", value))
    assert done.returncode == 2
    assert "--max-cost" in done.stderr
    assert oss.execution_count(oss.seed.run_test_id) == 0


# Reruns of failures, and flaky as an outcome --------------------------------------------------------------


@pytest.mark.parametrize("emulator", ["oss", "docs"], indirect=True)
def test_a_flaky_scenario_fails_by_default_and_junit_says_so_as_surefire_does(
    emulator: Emulator, tmp_path: Path
) -> None:
    """A call that fails on its first attempt and passes on its rerun: --rerun-failed 1 makes the scenario
    flaky; exit 1 (--flaky fail); JSON outcome flaky with its first results; JUnit a passing case holding a
    <flakyFailure> (Maven Surefire's form) and a failing verdict case."""
    flaky = emulator.seed.scenario_ids[0]
    emulator.script(flaky, call="failed", attempt=1)
    args = ["--rerun-failed", "1", "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")]
    done = invoke(emulator, *run_args(emulator, *args))
    assert done.returncode == 1, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    scenario = next(s for s in document["scenarios"] if s["scenario_id"] == str(flaky))
    assert (scenario["outcome"], scenario["passed"], scenario["attempts"]) == ("flaky", True, 2)
    assert scenario["first_calls"][0]["status"] == "failed"
    assert "ended failed" in scenario["first_reasons"][0]
    assert (document["reruns"], document["flaky"]) == (1, {"policy": "fail", "scenarios": 1})
    root = ElementTree.parse(tmp_path / "j.xml").getroot()
    case = next(c for c in root.iter("testcase") if c.find("flakyFailure") is not None)
    assert case.find("failure") is None
    first = case.find("flakyFailure")
    assert first is not None
    assert "ended failed" in (first.get("message") or "")
    assert first.find("stackTrace") is not None
    verdict_case = next(c for c in root.iter("testcase") if c.get("name") == "verdict")
    assert verdict_case.find("failure") is not None
    assert "rerun round 1 of 1: rerunning 1 call that failed" in done.stderr


def test_flaky_pass_lets_a_flaky_scenario_pass_the_gate(oss: Emulator, tmp_path: Path) -> None:
    """The same flaky scenario with --flaky pass: exit 0, and the summary row says flaky."""
    oss.script(oss.seed.scenario_ids[0], call="failed", attempt=1)
    summary = tmp_path / "summary.md"
    done = invoke(
        oss, *run_args(oss, "--rerun-failed", "1", "--flaky", "pass"), GITHUB_STEP_SUMMARY=str(summary)
    )
    assert done.returncode == 0, done.stderr
    assert "| flaky | failed first" in summary.read_text()


def test_a_scenario_that_fails_every_round_stays_failed(oss: Emulator, tmp_path: Path) -> None:
    """A scenario failing on every attempt: two rerun rounds, then failed (not flaky), attempts 3."""
    failing = oss.seed.scenario_ids[1]
    oss.script(failing, call="failed")
    done = invoke(oss, *run_args(oss, "--rerun-failed", "2", "--json", str(tmp_path / "r.json")))
    assert done.returncode == 1, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    scenario = next(s for s in document["scenarios"] if s["scenario_id"] == str(failing))
    assert (scenario["outcome"], scenario["attempts"]) == ("failed", 3)
    assert document["reruns"] == 2


def test_nothing_is_rerun_when_everything_passed(oss: Emulator) -> None:
    """Every scenario passed first: no rerun is sent, exit 0."""
    done = invoke(oss, *run_args(oss, "--rerun-failed", "3"))
    assert done.returncode == 0, done.stderr
    assert oss.request_count("rerunCalls") == 0


def test_a_suite_file_takes_min_score_and_rerun_failed(oss: Emulator, tmp_path: Path) -> None:
    """simulate.toml's min-score table and rerun-failed are run's options: scores 0.4, 0.5, 0.6 under a
    minimum of 0.7 fail, and the rerun (same scores) leaves them failed, not flaky."""
    for scenario, value in zip(oss.seed.scenario_ids, (0.4, 0.5, 0.6), strict=True):
        oss.script(scenario, evals={"Issue resolved": value})
    suite = tmp_path / "simulate.toml"
    suite.write_text(
        f"""[defaults]
poll-interval = 0.01
json = "{tmp_path / "r.json"}"

[[run_test]]
id = "{oss.seed.run_test_id}"
min-score = {{ "Issue resolved" = 0.7 }}
rerun-failed = 1
"""
    )
    done = invoke(oss, "run", "--suite", str(suite))
    assert done.returncode == 1, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    (only,) = document["run_tests"]
    assert only["thresholds"]["min_score"] == {"Issue resolved": 0.7}
    assert only["reruns"] == 1
    assert {s["outcome"] for s in only["scenarios"]} == {"failed"}


def test_dry_run_always_prints_the_estimate_and_says_when_there_is_none(oss: Emulator) -> None:
    """--dry-run without --max-cost: the estimate line says unknown with no history, and exit 0."""
    done = invoke(oss, *run_args(oss, "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert "cost estimate: unknown (no execution of this run test reports a cost)" in done.stdout


def test_report_refuses_a_baseline_judged_by_other_eval_configs_before_the_wait(
    oss: Emulator, tmp_path: Path
) -> None:
    """report EXECUTION --baseline ID whose evals differ: exit 2 with the reason, nothing judged."""
    baseline = _first_execution(oss, tmp_path)
    oss.add_eval_config(oss.seed.run_test_id, "Politeness")
    current = _first_execution(oss, tmp_path)
    args = ["report", current, "--run-test-id", str(oss.seed.run_test_id), "--poll-interval", "0.01"]
    done = invoke(oss, *args, "--baseline", baseline, "--json", str(tmp_path / "r.json"))
    assert done.returncode == 2, done.stderr
    assert "another set of eval configs" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["status"] == "not judged"


def test_a_dry_run_whose_cost_history_cannot_be_read_still_passes_without_max_cost(oss: Emulator) -> None:
    """The run reads the history only for --max-cost: a dry run without it says the estimate was not read."""
    oss.inject("listRunTestExecutions", Fault.server_error(500), times=10)
    done = invoke(oss, *run_args(oss, "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert "cost estimate: not read" in done.stdout
    assert "reading the run test's recent costs failed" in done.stderr


def test_a_dry_run_with_max_cost_fails_when_the_cost_history_cannot_be_read(oss: Emulator) -> None:
    """With --max-cost the history decides the run: a dry run that cannot read it fails as the run would."""
    oss.inject("listRunTestExecutions", Fault.server_error(500), times=10)
    done = invoke(oss, *run_args(oss, "--dry-run", "--max-cost", "10"))
    assert done.returncode == 3, done.stderr
    assert "cost estimate" not in done.stdout


def test_a_score_scenario_is_the_same_in_the_scenarios_and_the_baseline(
    oss: Emulator, tmp_path: Path
) -> None:
    """Scores 0.8, 0.8, 0.7 under --min-score 0.75 --baseline last-passed: scenarios and baseline agree."""
    for scenario, value in zip(oss.seed.scenario_ids, (0.8, 0.8, 0.7), strict=True):
        oss.script(scenario, evals={"Issue resolved": value})
    gate = ("--min-score", "Issue resolved=0.75")
    _first_execution(oss, tmp_path, *gate)
    args = run_args(oss, *gate, "--baseline", "last-passed", "--json", str(tmp_path / "r.json"))
    done = invoke(oss, *args)
    assert done.returncode == 0, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    passed = {s["scenario_id"]: s["passed"] for s in document["scenarios"]}
    then = {s["scenario_id"]: s["passed"] for s in document["baseline"]["scenarios"]}
    assert passed == then
    changes = {s["scenario_id"]: s["change"] for s in document["baseline"]["scenarios"]}
    assert changes[str(oss.seed.scenario_ids[2])] == "still failing"
    assert passed[str(oss.seed.scenario_ids[2])] is False


def test_an_exit_6_report_gives_the_cost_read_at_the_cancel(oss: Emulator, tmp_path: Path) -> None:
    """--max-cost 2.50 crossed at 3.75: the exit 6 JSON has the cost object, total and per scenario."""
    _priced(oss, 125)
    _first_execution(oss, tmp_path)
    done = invoke(oss, *run_args(oss, "--max-cost", "2.50", "--json", str(tmp_path / "r.json")))
    assert done.returncode == 6, done.stderr
    cost = json.loads((tmp_path / "r.json").read_text())["cost"]
    assert (cost["total_cents"], cost["total"]) == (375, "3.75")
    assert [s["cents"] for s in cost["scenarios"]] == [125, 125, 125]


def test_an_exit_6_junit_says_the_cost(oss: Emulator, tmp_path: Path) -> None:
    """--max-cost 2.50 crossed at 3.75: the exit 6 JUnit report says the cost too."""
    _priced(oss, 125)
    _first_execution(oss, tmp_path)
    done = invoke(oss, *run_args(oss, "--max-cost", "2.50", "--junit", str(tmp_path / "j.xml")))
    assert done.returncode == 6, done.stderr
    assert "cost: 3.75 (375 cents over 3 calls)" in (tmp_path / "j.xml").read_text()


def test_max_cost_with_rerun_failed_says_each_completed_line_once(oss: Emulator, tmp_path: Path) -> None:
    """--max-cost and --rerun-failed 1 over a flaky scenario: one "completed:" line per end, not two."""
    _priced(oss, 10)
    _first_execution(oss, tmp_path)
    oss.script(oss.seed.scenario_ids[0], call="failed", attempt=1, cost_cents=10)
    done = invoke(oss, *run_args(oss, "--max-cost", "5", "--rerun-failed", "1", "--flaky", "pass"))
    assert done.returncode == 0, done.stderr
    ends = [line for line in done.stderr.splitlines() if " completed: " in line]
    assert len(ends) == 2, done.stderr


def test_a_scenario_never_rerun_has_one_attempt_in_the_json(oss: Emulator, tmp_path: Path) -> None:
    """A run with nothing rerun: each scenario's JSON attempts is 1, never null or missing."""
    done = invoke(oss, *run_args(oss, "--json", str(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    scenarios = json.loads((tmp_path / "r.json").read_text())["scenarios"]
    assert [s["attempts"] for s in scenarios] == [1, 1, 1]
