"""The query commands (``run-tests ...``, ``executions ...``) in this process against the emulator."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator

import pytest

from futureagi_simulate import _mirrors
from futureagi_simulate.cli import _queries
from futureagi_simulate.resources import Executions
from futureagi_simulate.testing import Emulator, ScriptedEval
from tests.cli.harness import invoke


def test_query_commands_print_json_on_stdout(oss: Emulator) -> None:
    """run-tests get/execute and executions get/results/cancel answer JSON on stdout."""
    run_test = str(oss.seed.run_test_id)
    got = invoke(oss, "run-tests", "get", run_test, "--json")
    assert json.loads(got.stdout)["id"] == run_test
    listed = invoke(oss, "run-tests", "list", "--limit", "2", "--json")
    assert len(json.loads(listed.stdout)) == 2
    started = invoke(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    waited = invoke(oss, "executions", "wait", execution, "--poll-interval", "0.01", "--json")
    assert json.loads(waited.stdout)["status"] == "completed"
    results = json.loads(invoke(oss, "executions", "results", execution, "--json").stdout)
    assert [call["scenario_id"] for call in results["calls"]] == [str(oss.seed.scenario_ids[0])]
    cancelled = json.loads(invoke(oss, "executions", "cancel", execution, "--json").stdout)
    assert cancelled == {"execution_id": execution, "cancel_requested": False, "status": "completed"}
    found = json.loads(invoke(oss, "run-tests", "executions", run_test, "--json").stdout)
    assert [row["id"] for row in found] == [execution]


def test_executions_results_says_why_an_eval_gave_no_output_in_words(oss: Emulator) -> None:
    """executions results as text: an eval with no output says errored or skipped, never Python's None."""
    first, second, third = oss.seed.scenario_ids
    oss.script(first, evals={"Tone check": ScriptedEval.errored(), "Issue resolved": ScriptedEval.skipped()})
    oss.script(second, evals={"Tone check": ScriptedEval.judged(True), "Issue resolved": 0.5})
    oss.script(third, call="failed")
    run_test = str(oss.seed.run_test_id)
    execution = json.loads(invoke(oss, "run-tests", "execute", run_test, "--json").stdout)["execution_id"]
    invoke(oss, "executions", "wait", execution, "--poll-interval", "0.01")
    done = invoke(oss, "executions", "results", execution)
    assert done.returncode == 0
    lines = {line.split("  ")[1]: line for line in done.stdout.splitlines()[1:]}
    assert lines["Angry customer"].endswith("Tone check=errored, Issue resolved=skipped")
    assert lines["Refund request"].endswith("Tone check=true, Issue resolved=0.5")
    assert lines["Wrong number"] == "  Wrong number  failed"


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def test_executions_wait_past_its_timeout_says_the_command_that_cancels(manual: Emulator) -> None:
    """executions wait past --timeout: exit 4 naming `executions cancel ID`, not the Python method."""
    run_test = str(manual.seed.run_test_id)
    execution = json.loads(invoke(manual, "run-tests", "execute", run_test, "--json").stdout)["execution_id"]
    done = invoke(manual, "executions", "wait", execution, "--timeout", "0.2s", "--poll-interval", "0.05s")
    assert done.returncode == 4
    assert f"cancel it with: futureagi-simulate executions cancel {execution}" in done.stderr
    assert "executions.cancel()" not in done.stderr
    assert manual.execution_status(uuid.UUID(execution)) == "pending"


def test_cancelling_a_finished_execution_says_nothing_was_cancelled(oss: Emulator) -> None:
    """cancel on a completed execution says it had already finished, not that a cancel is under way."""
    run_test = str(oss.seed.run_test_id)
    started = invoke(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    invoke(oss, "executions", "wait", execution, "--poll-interval", "0.01")
    done = invoke(oss, "executions", "cancel", execution)
    assert done.returncode == 0
    assert done.stdout.strip() == f"{execution}  had already finished (completed): nothing to cancel"


def test_cancelling_a_running_execution_says_where_it_is_now(oss: Emulator) -> None:
    """cancel on a running execution says the cancel was asked for and the status it is in now."""
    run_test = str(oss.seed.run_test_id)
    started = invoke(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    done = invoke(oss, "executions", "cancel", execution)
    assert done.returncode == 0
    now = {f"{execution}  cancel requested; now {status}" for status in ("cancelling", "cancelled")}
    assert done.stdout.strip() in now


def test_cancelling_a_cancelled_execution_sends_nothing_more(oss: Emulator) -> None:
    """A second cancel, once the execution is cancelled, says it had already finished."""
    run_test = str(oss.seed.run_test_id)
    started = invoke(oss, "run-tests", "execute", run_test, "--only", str(oss.seed.scenario_ids[0]), "--json")
    execution = json.loads(started.stdout)["execution_id"]
    invoke(oss, "executions", "cancel", execution)
    invoke(oss, "executions", "wait", execution, "--poll-interval", "0.01")
    again = json.loads(invoke(oss, "executions", "cancel", execution, "--json").stdout)
    assert again == {"execution_id": execution, "cancel_requested": False, "status": "cancelled"}


def test_a_warning_is_one_line_of_ours(oss: Emulator, sleeps: list[float]) -> None:
    """Plain http:// to a host that is not this machine: one warning line, no Python source line."""
    done = invoke(oss, "run-tests", "list", FI_BASE_URL="http://example.invalid:9")
    warned = [line for line in done.stderr.splitlines() if "warning:" in line]
    assert len(warned) == 1
    assert warned[0].startswith("futureagi-simulate: warning: ")
    assert "return SimulateClient(" not in done.stderr


def test_an_unexpected_error_in_a_query_is_exit_3(oss: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library bug in a query command: one line and exit 3, not a traceback and 1."""

    def broken(*args: object, **kwargs: object) -> None:
        raise OverflowError("library bug")

    monkeypatch.setattr(Executions, "get", broken)
    done = invoke(oss, "executions", "get", str(uuid.uuid4()))
    assert done.returncode == 3, done.stderr
    assert done.stderr.strip().splitlines() == [
        "futureagi-simulate: internal error: OverflowError: library bug"
    ]


def test_execute_with_only_and_all_except_is_a_usage_error(oss: Emulator) -> None:
    """run-tests execute with --only and --all-except: exit 2 naming both, and no execute sent."""
    first, second = (str(s) for s in oss.seed.scenario_ids[:2])
    done = invoke(
        oss, "run-tests", "execute", str(oss.seed.run_test_id), "--only", first, "--all-except", second
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == "futureagi-simulate: --only and --all-except cannot be used together"
    assert oss.request_count("executeRunTest") == 0


def test_run_tests_list_prints_the_same_as_through_the_speed_road(
    oss: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run-tests list --json, read by today's parse, prints what a read through the speed road prints."""
    plain = invoke(oss, "run-tests", "list", "--json")
    monkeypatch.setattr(_queries, "parse_only", contextlib.nullcontext)
    fast = invoke(oss, "run-tests", "list", "--json")
    assert plain.returncode == fast.returncode == 0
    assert plain.stdout == fast.stdout
    assert json.loads(plain.stdout)


def test_a_query_leaves_the_speed_road_as_it_found_it(oss: Emulator) -> None:
    """After run-tests list (read by today's parse) the client's reads take the speed road again."""
    assert _mirrors._on
    assert invoke(oss, "run-tests", "get", str(oss.seed.run_test_id)).returncode == 0
    assert _mirrors._on
