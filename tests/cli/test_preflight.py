"""``run``'s check before paying, and ``--dry-run``, in this process against the emulator: every
problem is listed at once, exit 2, and no execute is sent."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import invoke, run_args


def test_run_refuses_an_unknown_eval_config_name_before_the_execute(oss: Emulator, tmp_path: Path) -> None:
    """run --min-pass-rate 'Tone chek=0.9': exit 2, the option and the rule named, no execute, and the JSON
    report says nothing started."""
    report = tmp_path / "r.json"
    done = invoke(oss, *run_args(oss, "--min-pass-rate", "Tone chek=0.9", "--json", str(report)))
    assert done.returncode == 2, done.stderr
    assert "--min-pass-rate: 'Tone chek' is not an eval config" in done.stderr
    assert oss.request_count("executeRunTest") == 0
    written = json.loads(report.read_text())
    assert (written["exit_code"], written["status"], written["execution_id"]) == (2, "not started", None)


def test_run_refuses_an_unknown_only_id_before_the_execute(oss: Emulator) -> None:
    """run --only <an id not in the run test>: exit 2 naming --only and the id, no execute."""
    stranger = uuid.uuid4()
    done = invoke(oss, *run_args(oss, "--only", str(stranger)))
    assert done.returncode == 2, done.stderr
    assert f"--only: {stranger} is not a scenario of run test" in done.stderr
    assert oss.request_count("executeRunTest") == 0


def test_run_refuses_all_but_every_scenario_before_the_execute(oss: Emulator) -> None:
    """run --all-except <every scenario>: exit 2, no execute."""
    every = ",".join(str(s) for s in oss.seed.scenario_ids)
    done = invoke(oss, *run_args(oss, "--all-except", every))
    assert done.returncode == 2, done.stderr
    assert "--all-except: all but these leaves none" in done.stderr
    assert oss.request_count("executeRunTest") == 0


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--poll-interval", "200h", "--poll-interval: must be at most 604,800 seconds"),
        ("--min-pass-rate", "Tone check=0.9", "--min-pass-rate: 'Tone check' is given twice (0.5 and 0.9)"),
    ],
    ids=["poll-interval-200h", "a-name-twice"],
)
def test_an_option_out_of_range_is_refused_before_the_execute(
    oss: Emulator, option: str, value: str, said: str
) -> None:
    """An option the library would refuse later is exit 2 before the execute, not after it."""
    done = invoke(oss, *run_args(oss, "--min-pass-rate", "Tone check=0.5", option, value))
    assert done.returncode == 2, done.stderr
    assert said in done.stderr
    assert oss.request_count("executeRunTest") == 0


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["run", "dry-run"])
def test_an_option_out_of_range_does_not_hide_the_other_problems(oss: Emulator, dry_run: list[str]) -> None:
    """--poll-interval 200h with a misspelt eval name and an unknown id: all three listed, one exit 2."""
    stranger = str(uuid.uuid4())
    args = ["--poll-interval", "200h", "--min-pass-rate", "Tone chek=0.9", "--only", stranger, *dry_run]
    done = invoke(oss, *run_args(oss, *args))
    assert done.returncode == 2, done.stderr
    assert "--poll-interval: must be at most" in done.stderr
    assert "--min-pass-rate: 'Tone chek'" in done.stderr
    assert "--only: " in done.stderr
    assert oss.request_count("executeRunTest") == 0


def test_run_lists_every_problem_at_once(oss: Emulator) -> None:
    """A bad id and a bad name together: both lines, one exit 2."""
    done = invoke(oss, *run_args(oss, "--only", str(uuid.uuid4()), "--min-pass-rate", "Nope=0.5"))
    assert done.returncode == 2
    assert "--only: " in done.stderr
    assert "--min-pass-rate: 'Nope'" in done.stderr


@pytest.mark.parametrize(
    "extra",
    [
        ["--min-pass-rate", "Tone chek=0.9"],
        ["--only", "{stranger}"],
        ["--all-except", "{every}"],
        ["--poll-interval", "200h"],
        ["--min-pass-rate", "Tone check=0.5"],
    ],
    ids=["unknown-eval", "unknown-id", "nothing-left", "out-of-range", "fine"],
)
def test_dry_run_exits_as_the_real_run_would(oss: Emulator, extra: list[str]) -> None:
    """--dry-run and run exit with the same code for the same options, and --dry-run executes nothing."""
    values = {"stranger": str(uuid.uuid4()), "every": ",".join(str(s) for s in oss.seed.scenario_ids)}
    args = run_args(oss, *(part.format(**values) for part in extra))
    dry = invoke(oss, *args, "--dry-run")
    assert oss.request_count("executeRunTest") == 0
    real = invoke(oss, *args)
    assert dry.returncode == real.returncode, (dry.stderr, real.stderr)


def test_dry_run_shows_the_scenarios_and_the_pass_rates_they_must_reach(oss: Emulator) -> None:
    """--dry-run prints the run test, each scenario that would run, and each eval config's minimum."""
    done = invoke(oss, *run_args(oss, "--min-pass-rate", "Tone check=0.8", "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert "run test 'Checkout regression'" in done.stdout
    assert "  Tone check  pass/fail: pass rate at least 0.8;" in done.stdout
    assert oss.request_count("executeRunTest") == 0


def test_dry_run_shows_a_score_evals_min_score_not_a_pass_rate(oss: Emulator) -> None:
    """--min-score "Issue resolved=0.75" --dry-run: that eval gives scores, averaging at least 0.75."""
    done = invoke(oss, *run_args(oss, "--min-score", "Issue resolved=0.75", "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert "  Issue resolved  gives scores: average score at least 0.75 (--min-score)" in done.stdout
    assert "pass rate it must reach" not in done.stdout


def test_dry_run_says_a_score_eval_without_min_score_has_no_minimum(oss: Emulator) -> None:
    """Without --min-score, the dry run never says a score eval must reach a pass rate of 1 alone."""
    done = invoke(oss, *run_args(oss, "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert "  Issue resolved  pass/fail: pass rate at least 1; if it gives scores: no minimum" in done.stdout


def test_an_unknown_run_test_exits_3_in_dry_run_and_run_alike(oss: Emulator) -> None:
    """A run test the server does not have: the check's read is refused (exit 3) in both, no execute."""
    args = ["run", str(uuid.uuid4()), "--poll-interval", "0.01"]
    dry, real = invoke(oss, *args, "--dry-run"), invoke(oss, *args)
    assert (dry.returncode, real.returncode) == (3, 3), (dry.stderr, real.stderr)
    assert oss.request_count("executeRunTest") == 0


def test_a_scenario_not_completed_exits_2_in_dry_run_and_run_alike(oss: Emulator) -> None:
    """The server refuses an execute over a scenario still Running: both refuse it first, exit 2."""
    args = ["run", str(oss.seed.incomplete_run_test_id), "--poll-interval", "0.01"]
    dry, real = invoke(oss, *args, "--dry-run"), invoke(oss, *args)
    assert (dry.returncode, real.returncode) == (2, 2), (dry.stderr, real.stderr)
    assert "is not completed (its status: 'Running')" in real.stderr
    assert oss.request_count("executeRunTest") == 0
