"""Issue 25 through the command against the emulator: the cost in every report (and, as they land, the
baseline, reruns and flaky, and the budget)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from futureagi_simulate.testing import Emulator
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
    assert "cost: unknown (3 of 3 calls came without cost_cents" in done.stderr
