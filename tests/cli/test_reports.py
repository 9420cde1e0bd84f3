"""The reports `run` writes, built from verdicts the judge gives on scripted results."""

from __future__ import annotations

import json
import math
import re
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any
from xml.etree import ElementTree

import pytest
import xunitparser

from futureagi_simulate import CallOutcome, EvalConfig, EvalOutcome, ExecutionResults, Thresholds, Verdict
from futureagi_simulate._verdict import judge
from futureagi_simulate.cli import _reports
from futureagi_simulate.testing import Emulator
from tests.cli.harness import hostile, invoke, renamed, run_args

RUN_TEST = _reports.RunTestName(id=uuid.UUID(int=7), name="Checkout regression")
TONE = EvalConfig(id=uuid.UUID(int=3), name="Tone check")


def verdict_over(
    count: int, *, name: str = "Angry customer", failing: bool = True, reason: str = ""
) -> Verdict:
    """The verdict on ``count`` calls of ``count`` scenarios all named ``name``, each failing its eval."""
    calls = tuple(
        CallOutcome(
            call_execution_id=uuid.UUID(int=10_000 + n),
            scenario_id=uuid.UUID(int=20_000 + n),
            scenario_name=name,
            status="completed",
            duration_seconds=1.0,
            evals=(
                EvalOutcome(
                    name="Tone check",
                    eval_id=str(TONE.id),
                    passed=not failing,
                    score=None,
                    output="Failed" if failing else "Passed",
                    reason=reason or None,
                ),
            ),
        )
        for n in range(count)
    )
    results = ExecutionResults(
        execution_id=uuid.UUID(int=1), status="completed", started_at=None, completed_at=None, calls=calls
    )
    return judge(results, eval_configs=[TONE])


def test_a_thousand_failing_calls_keep_the_summary_under_one_mib() -> None:
    """1,000 failing calls with long reasons: the summary is under 1 MiB and says how many it left out."""
    verdict = verdict_over(1000, reason="the agent was rude " * 60)
    text = _reports.step_summary(verdict, run_test=RUN_TEST)
    assert len(text.encode("utf-8")) < 1024 * 1024
    rows = [line for line in text.splitlines() if line.startswith("| Angry")]
    assert 0 < len(rows) < 1000
    assert f"{1000 - len(rows)} of 1000 scenarios are not shown" in text


def test_the_summary_lists_failed_scenarios_before_passed_ones() -> None:
    """A cut summary keeps what failed: failed rows come first."""
    passing = verdict_over(2, name="Calm", failing=False)
    failing = verdict_over(2, name="Rude")
    mixed = Verdict(
        execution_id=passing.execution_id,
        status="completed",
        passed=False,
        reasons=["one failed"],
        scenarios=[*passing.scenarios, *failing.scenarios],
        pass_rates={},
        total_calls=4,
        failed_calls=0,
        thresholds=passing.thresholds,
    )
    text = _reports.step_summary(mixed, run_test=RUN_TEST)
    rows = [line.split(" | ")[1] for line in text.splitlines() if line.startswith(("| Calm", "| Rude"))]
    assert rows == ["failed", "failed", "passed", "passed"]


def lines_run(work: Callable[[], Any]) -> int:
    """How many lines of Python ``work`` runs, counted by a trace function: operations, not time."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def test_junit_writing_is_linear_in_cases() -> None:
    """Twice the scenarios, all with one name, cost at most about twice the work (it was quadratic)."""
    small, large = verdict_over(400), verdict_over(800)
    once = lines_run(lambda: _reports.verdict_junit(small, run_test=RUN_TEST))
    twice = lines_run(lambda: _reports.verdict_junit(large, run_test=RUN_TEST))
    assert twice < 2.2 * once, (once, twice)


def test_junit_case_names_stay_unique_whatever_the_scenarios_are_called() -> None:
    """Repeated names, and names that look like the numbered ones, give one case each, all distinct."""
    base = verdict_over(3, name="Angry")
    named = [
        *base.scenarios,
        *verdict_over(1, name="Angry (2)").scenarios,
        *verdict_over(1, name="verdict").scenarios,
    ]
    mixed = Verdict(
        execution_id=base.execution_id,
        status="completed",
        passed=False,
        reasons=["failed"],
        scenarios=named,
        pass_rates={},
        total_calls=5,
        failed_calls=0,
        thresholds=base.thresholds,
    )
    root = ElementTree.fromstring(_reports.verdict_junit(mixed, run_test=RUN_TEST))
    names = [case.get("name") for case in root.iter("testcase")]
    assert len(names) == len(set(names)) == 6
    assert names[-1] == "verdict"
    assert {case.get("classname") for case in root.iter("testcase")} == {"Checkout regression"}
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("6", "6", "0")


def verdict_with_an_errored_eval(*, max_unjudged_calls: int = 0) -> Verdict:
    """Three completed calls: 'Tone check' passed one, errored on one and was skipped on one."""
    outcomes = (
        EvalOutcome(name="Tone check", eval_id=str(TONE.id), passed=True, score=None, output="Passed"),
        EvalOutcome(
            name="Tone check", eval_id=str(TONE.id), passed=None, score=None, output=None, error="error"
        ),
        EvalOutcome(
            name="Tone check", eval_id=str(TONE.id), passed=None, score=None, output=None, skipped=True
        ),
    )
    calls = tuple(
        CallOutcome(
            call_execution_id=uuid.UUID(int=10_000 + n),
            scenario_id=uuid.UUID(int=20_000 + n),
            scenario_name=f"scenario {n}",
            status="completed",
            duration_seconds=1.0,
            evals=(outcome,),
        )
        for n, outcome in enumerate(outcomes)
    )
    results = ExecutionResults(
        execution_id=uuid.UUID(int=1), status="completed", started_at=None, completed_at=None, calls=calls
    )
    return judge(results, eval_configs=[TONE], thresholds=Thresholds(max_unjudged_calls=max_unjudged_calls))


def test_the_json_report_counts_each_evals_unjudged_calls() -> None:
    """The JSON report has one entry per eval config with its judged, errored and skipped counts."""
    document = json.loads(
        _reports.verdict_json(verdict_with_an_errored_eval(), run_test=RUN_TEST, exit_code=1)
    )
    (tone,) = document["evals"]
    assert (tone["name"], tone["judged"], tone["unjudged"], tone["errored"], tone["skipped"]) == (
        "Tone check",
        1,
        2,
        1,
        1,
    )
    assert (tone["passed"], document["thresholds"]["max_unjudged_calls"]) == (False, 0)


def test_the_step_summary_shows_each_evals_unjudged_calls() -> None:
    """The step summary's eval table names the eval and how many calls it left unjudged, and why."""
    text = _reports.step_summary(verdict_with_an_errored_eval(max_unjudged_calls=2), run_test=RUN_TEST)
    assert "| Tone check | passed | 100% | 100% | 1 | 2 (1 errored, 1 skipped) |" in text


def test_the_junit_verdict_case_shows_each_evals_unjudged_calls() -> None:
    """The JUnit file's verdict case carries each eval's counts, unjudged calls included."""
    junit = _reports.verdict_junit(verdict_with_an_errored_eval(), run_test=RUN_TEST)
    case = ElementTree.fromstring(junit).find("./testsuite/testcase[@name='verdict']")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert failure.text is not None
    assert "eval 'Tone check': failed; pass rate 100%" in failure.text
    assert "2 unjudged (1 errored, 1 skipped)" in failure.text


# The reports a run writes, in this process against the emulator ---------------------------------------


def test_jsonable_cuts_deep_nesting_and_non_finite_numbers() -> None:
    """_jsonable: 700 levels become a short string at depth 64; NaN becomes null."""
    deep: Any = {"x": math.nan}
    for _ in range(700):
        deep = {"a": [deep]}
    text = json.dumps(_reports._json._jsonable(deep), allow_nan=False)
    assert "<nested too deep>" in text
    assert _reports._json._jsonable([math.nan, math.inf, 1.5]) == [None, None, 1.5]


class _Text(str):
    """A str subclass: the walk's general rules, not its exact-type path."""


class _Dict(dict[str, Any]):
    """A dict subclass: the walk's general rules, not its exact-type path."""


@pytest.mark.parametrize(("mapping", "sequence"), [(dict, list), (_Dict, list), (dict, tuple)])
def test_jsonable_redacts_and_repairs_text_the_same_in_every_container(
    mapping: Callable[[Any], Any], sequence: Callable[[Any], Any]
) -> None:
    """Keys and values are redacted, lone surrogates become U+FFFD, in dicts, their subclasses and tuples."""
    _reports.set_secrets(["s3cret-key"])
    try:
        row = {
            "k\ud800": "x\udc00y",
            "token": "Bearer s3cret-key!",
            _Text("n\ud801"): sequence([1, True, None]),
        }
        data = _reports._json._jsonable(sequence([mapping(row), _Text("s3cret-key"), uuid.UUID(int=1), 2.5]))
    finally:
        _reports.set_secrets([])
    assert data == [
        {"k\ufffd": "x\ufffdy", "token": "Bearer [REDACTED]!", "n\ufffd": [1, True, None]},
        "[REDACTED]",
        str(uuid.UUID(int=1)),
        2.5,
    ]
    assert json.dumps(data).isascii()


def test_jsonable_cuts_deep_lists_and_dict_subclasses_at_the_same_depth() -> None:
    """A list or a dict subclass nested past 64 levels becomes the same short string as a dict does."""
    plain: Any = 0
    shaped: Any = 0
    for _ in range(70):
        plain, shaped = [plain], _Dict(a=shaped)
    assert json.dumps(_reports._json._jsonable(plain)).count("[") == 64
    assert json.dumps(_reports._json._jsonable(shaped)).count("{") == 64


def test_a_key_read_with_a_trailing_newline_is_redacted_as_sent(oss: Emulator, tmp_path: Path) -> None:
    """FI_API_KEY and FI_SECRET_KEY end in a newline; the server echoes them as sent: redacted everywhere."""
    summary = tmp_path / "summary.md"
    leak = f"Angry {oss.api_key} and {oss.secret_key}"
    with hostile(oss, renamed("Angry customer", leak)) as server:
        done = invoke(
            oss,
            *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--json", str(tmp_path / "r.json")),
            FI_BASE_URL=server.url,
            FI_API_KEY=oss.api_key + "\n",
            FI_SECRET_KEY=oss.secret_key + "\n",
            GITHUB_STEP_SUMMARY=str(summary),
        )
    assert done.returncode == 0, done.stderr
    written = [(tmp_path / "r.json").read_text(), (tmp_path / "j.xml").read_text(), summary.read_text()]
    for text in (done.stderr, *written):
        assert oss.api_key not in text
        assert oss.secret_key not in text
        # The summary escapes the brackets for Markdown.
        assert re.search(r"Angry \\?\[REDACTED\\?\] and \\?\[REDACTED\\?\]", text), text


def test_huge_server_text_keeps_the_step_summary_under_githubs_limit(oss: Emulator, tmp_path: Path) -> None:
    """Scenario names of 600,000 characters: the summary stays under 1 MiB and says what it cut."""
    summary = tmp_path / "summary.md"
    with hostile(oss, renamed("customer", "customer " + "x" * 600_000)) as server:
        done = invoke(oss, *run_args(oss), FI_BASE_URL=server.url, GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    assert summary.stat().st_size < 1024 * 1024
    assert "more characters" in summary.read_text()


def test_a_step_summary_already_full_is_left_as_it_was(oss: Emulator, tmp_path: Path) -> None:
    """The step already wrote all but 100 bytes of 1 MiB: nothing added, a warning, the verdict's exit."""
    summary = tmp_path / "summary.md"
    earlier = "x" * (1024 * 1024 - 100 - 1) + "\n"
    summary.write_text(earlier)
    done = invoke(oss, *run_args(oss), GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    assert summary.read_text() == earlier
    assert "warning: could not write GITHUB_STEP_SUMMARY" in done.stderr
    assert "GitHub drops one over 1 MiB, so nothing was added" in done.stderr


def junit(path: Path) -> tuple[Any, list[Any]]:
    with path.open() as file:
        suite, _report = xunitparser.parse(file)
    return suite, list(suite)


def test_junit_class_names_are_the_run_tests_name_in_every_run(oss: Emulator, tmp_path: Path) -> None:
    """Two runs of one run test: every case's class name is the run test's name, the same both times."""
    names = []
    for n in (1, 2):
        done = invoke(oss, *run_args(oss, "--junit", str(tmp_path / f"{n}.xml")))
        assert done.returncode == 0, done.stderr
        _suite, cases = junit(tmp_path / f"{n}.xml")
        names.append(sorted((case.classname, case.methodname) for case in cases))
    assert names[0] == names[1]
    assert {classname for classname, _name in names[0]} == {"Checkout regression"}


def test_a_failed_verdict_is_a_failure_and_an_api_error_an_error(oss: Emulator, tmp_path: Path) -> None:
    """JUnit: a failing scenario and the verdict are <failure>; a refused read (exit 3) is an <error>."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    failed = invoke(oss, *run_args(oss, "--junit", str(tmp_path / "f.xml")))
    assert failed.returncode == 1, failed.stderr
    _suite, cases = junit(tmp_path / "f.xml")
    assert sorted(case.result for case in cases) == ["failure", "failure", "success", "success"]
    refused = invoke(oss, *run_args(oss, "--junit", str(tmp_path / "e.xml")), FI_API_KEY="wrong-key-123")
    assert refused.returncode == 3, refused.stderr
    _suite, cases = junit(tmp_path / "e.xml")
    assert [(case.methodname, case.result) for case in cases] == [("verdict", "error")]


def test_a_reason_no_scenario_carries_has_its_own_case(oss: Emulator, tmp_path: Path) -> None:
    """Every scenario passes but a pass rate is asked of a score eval, which has none: the `verdict` case
    fails alone."""
    oss.add_eval_config(oss.seed.run_test_id, "Warmth", template="tone")
    done = invoke(oss, *run_args(oss, "--junit", str(tmp_path / "j.xml"), "--min-pass-rate", "Warmth=0.9"))
    assert done.returncode == 1, done.stderr
    _suite, cases = junit(tmp_path / "j.xml")
    assert [(case.methodname, case.result) for case in cases if case.result != "success"] == [
        ("verdict", "failure")
    ]
    assert "Warmth" in cases[-1].message


def test_every_report_names_the_run_test_by_name_and_id(oss: Emulator, tmp_path: Path) -> None:
    """The JSON, the JUnit suite and the step summary each give the run test's name and its id."""
    summary = tmp_path / "summary.md"
    done = invoke(
        oss,
        *run_args(oss, "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stderr
    run_test = str(oss.seed.run_test_id)
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["run_test_name"], result["run_test_id"]) == ("Checkout regression", run_test)
    assert f'name="futureagi-simulate: Checkout regression ({run_test})"' in (tmp_path / "j.xml").read_text()
    assert f"Run test **Checkout regression** `{run_test}`" in summary.read_text()
    assert f"run test Checkout regression ({run_test})" in done.stderr


@pytest.fixture
def manual_oss() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def test_a_run_that_ends_without_a_verdict_names_the_run_test_too(
    manual_oss: Emulator, tmp_path: Path
) -> None:
    """Exit 4: the JSON, JUnit and summary still give the run test's name and id."""
    summary = tmp_path / "summary.md"
    done = invoke(
        manual_oss,
        *run_args(
            manual_oss,
            "--timeout",
            "0.2s",
            "--json",
            str(tmp_path / "r.json"),
            "--junit",
            str(tmp_path / "j.xml"),
        ),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 4, done.stderr
    run_test = str(manual_oss.seed.run_test_id)
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["run_test_name"], result["exit_code"]) == ("Checkout regression", 4)
    assert f"Checkout regression ({run_test})" in (tmp_path / "j.xml").read_text()
    assert f"Run test **Checkout regression** `{run_test}`" in summary.read_text()


def test_a_report_path_that_is_a_link_keeps_the_link(oss: Emulator, tmp_path: Path) -> None:
    """--json through a symlink: the file it points to gets the result, and the link stays a link."""
    (tmp_path / "out").mkdir()
    link = tmp_path / "r.json"
    link.symlink_to(tmp_path / "out" / "result.json")
    done = invoke(oss, *run_args(oss, "--json", str(link)))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert json.loads((tmp_path / "out" / "result.json").read_text())["exit_code"] == 0


#: The emulator's seeded run test plays these three scenarios.
SEEDED_SCENARIOS = ("Angry customer", "Refund request", "Wrong number")


def test_a_summary_folder_that_cannot_hold_a_temporary_file_is_appended_in_place(
    oss: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No temporary file can be made beside the step summary: the summary is appended to in place."""
    summary = tmp_path / "summary.md"
    summary.write_text("## an earlier step\n")

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    done = invoke(oss, *run_args(oss), GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    text = summary.read_text()
    assert text.startswith("## an earlier step\n## futureagi-simulate: PASSED")
    # Whole: every scenario's row, and the table closed (the rows come in the results' order).
    rows = [line for line in text.splitlines() if line.endswith("| passed |  |")]
    assert sorted(rows) == [f"| {name} | passed |  |" for name in SEEDED_SCENARIOS]
    assert text.endswith("| passed |  |\n\n")
