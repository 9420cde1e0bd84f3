"""``run --agent-version`` and ``--new-agent-version`` in this process against the emulator, in both
dialects: the copy is made, executed, judged and deleted, the original never changes, and every report
names the original, the copy, the agent version and the commit (``tests/cli/harness.py``)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from futureagi_simulate import SimulateClient, Unset
from futureagi_simulate.testing import Emulator, Fault
from tests.cli.harness import invoke, junit_cases, run_args

SHA = "0123456789abcdef0123456789abcdef01234567"


def client_of(emu: Emulator) -> SimulateClient:
    return SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url)


def run_tests(emu: Emulator) -> dict[str, Any]:
    """Every live run test by name."""
    with client_of(emu) as client:
        return {run.name: run for run in client.run_tests.iter()}


def reports(tmp_path: Path) -> list[str]:
    return ["--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")]


def copies(names: dict[str, Any], emu: Emulator) -> list[str]:
    return [name for name in names if name.startswith("Checkout regression [agent version")]


def test_a_pinned_run_judges_the_copy_and_deletes_it(emulator: Emulator, tmp_path: Path) -> None:
    """--agent-version v2: exit 0, the copy executed once and deleted, the original never executed."""
    seed = emulator.seed
    _, v2 = seed.agent_version_ids
    summary = tmp_path / "summary.md"
    done = invoke(
        emulator,
        *run_args(emulator, "--agent-version", str(v2), *reports(tmp_path)),
        GITHUB_SHA=SHA,
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stderr
    assert emulator.execution_count(seed.run_test_id) == 0
    result = json.loads((tmp_path / "r.json").read_text())
    pinned = result["pinned"]
    copy_id = pinned["copy_run_test_id"]
    assert emulator.execution_count(copy_id) == 1
    assert result["run_test_id"] == pinned["original_run_test_id"] == str(seed.run_test_id)
    assert (pinned["agent_version_id"], pinned["agent_version_name"]) == (str(v2), "v2")
    assert pinned["commit"] == SHA
    assert pinned["copy_run_test_name"].startswith(
        f"Checkout regression [agent version v2, commit {SHA[:12]}, copy "
    )
    assert (pinned["copy_deleted"], pinned["copy_left_because"]) == (True, None)
    assert f"deleted run test {pinned['copy_run_test_name']} ({copy_id})" in done.stderr
    assert copies(run_tests(emulator), emulator) == []


def test_every_report_names_the_original_the_copy_the_version_and_the_commit(
    emulator: Emulator, tmp_path: Path
) -> None:
    """JUnit properties and the step summary carry what the JSON's ``pinned`` does."""
    seed = emulator.seed
    _, v2 = seed.agent_version_ids
    summary = tmp_path / "summary.md"
    done = invoke(
        emulator,
        *run_args(emulator, "--agent-version", str(v2), *reports(tmp_path)),
        GITHUB_SHA=SHA,
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    text = (tmp_path / "j.xml").read_text()
    for key in (
        "original_run_test_id",
        "copy_run_test_id",
        "copy_run_test_name",
        "agent_version_id",
        "commit",
    ):
        assert f'name="{key}" value="{pinned[key]}"' in text.replace("&amp;", "&")
    cases = junit_cases(tmp_path / "j.xml")
    # Cases keep the original's name as their class: CI keeps their history across copies.
    assert {case.classname for case in cases.values()} == {"Checkout regression"}
    markdown = summary.read_text()
    assert f"Agent version v2 \\({v2}\\), commit {SHA}" in markdown
    assert pinned["copy_run_test_id"] in markdown


def test_the_verdict_is_the_pinned_versions(emulator: Emulator, tmp_path: Path) -> None:
    """A scenario that fails only on v2: the pinned run exits 1, while the run test itself passes."""
    seed = emulator.seed
    _, v2 = seed.agent_version_ids
    emulator.script(seed.scenario_ids[0], evals={"Tone check": False}, agent_version=v2)
    pinned = invoke(emulator, *run_args(emulator, "--agent-version", str(v2)))
    assert pinned.returncode == 1, pinned.stderr
    plain = invoke(emulator, *run_args(emulator))
    assert plain.returncode == 0, plain.stderr


def test_keep_run_test_keeps_the_copy(emulator: Emulator, tmp_path: Path) -> None:
    """--keep-run-test: the copy stays, pinned to the version, and the JSON says it was kept."""
    seed = emulator.seed
    _, v2 = seed.agent_version_ids
    done = invoke(
        emulator, *run_args(emulator, "--agent-version", str(v2), "--keep-run-test", *reports(tmp_path))
    )
    assert done.returncode == 0, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    assert pinned["copy_kept"] is True
    kept = run_tests(emulator)[pinned["copy_run_test_name"]]
    assert str(kept.id) == pinned["copy_run_test_id"]
    assert kept.agent_version.id == v2
    assert "(--keep-run-test)" in done.stderr


def test_a_new_agent_version_is_created_from_the_file_and_run(emulator: Emulator, tmp_path: Path) -> None:
    """--new-agent-version FILE in CI: a new version with the commit as its message, the copy on it."""
    seed = emulator.seed
    agent = seed.agent_definition_ids[0]
    path = tmp_path / "version.yaml"
    path.write_text("description: the pull request's prompt\nlanguage: en\n")
    done = invoke(
        emulator,
        *run_args(emulator, "--new-agent-version", str(path), *reports(tmp_path)),
        GITHUB_SHA=SHA,
    )
    assert done.returncode == 0, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    with client_of(emulator) as client:
        made = client.agent_versions.get(agent, pinned["agent_version_id"])
    assert made.id not in seed.agent_version_ids
    assert made.commit_message == f"commit {SHA}"
    assert f"created agent version {pinned['agent_version_name']}" in done.stderr
    assert copies(run_tests(emulator), emulator) == []


def test_version_message_names_the_new_version(emulator: Emulator, tmp_path: Path) -> None:
    """--version-message outside CI: the new version's commit message is the one given."""
    path = tmp_path / "version.json"
    path.write_text('{"description": "shorter greeting"}')
    done = invoke(
        emulator,
        *run_args(
            emulator,
            "--new-agent-version",
            str(path),
            "--version-message",
            "Shorter greeting",
            *reports(tmp_path),
        ),
    )
    assert done.returncode == 0, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    assert pinned["commit"] is None
    with client_of(emulator) as client:
        made = client.agent_versions.get(emulator.seed.agent_definition_ids[0], pinned["agent_version_id"])
    assert made.commit_message == "Shorter greeting"


def test_dry_run_shows_the_version_and_creates_nothing(emulator: Emulator, tmp_path: Path) -> None:
    """--dry-run --agent-version: the version, scenarios and evals on stdout; no create of any kind."""
    seed = emulator.seed
    _, v2 = seed.agent_version_ids
    done = invoke(emulator, *run_args(emulator, "--agent-version", str(v2), "--dry-run"))
    assert done.returncode == 0, done.stderr
    assert f"pinned to agent version v2 ({v2})" in done.stdout
    assert "Tone check" in done.stdout
    assert "Angry customer" in done.stdout
    assert "nothing was created" in done.stdout
    assert emulator.request_count("createRunTest") == 0


def test_dry_run_of_a_new_version_creates_no_version(emulator: Emulator, tmp_path: Path) -> None:
    """--dry-run --new-agent-version: says what would be made, never its content; nothing created."""
    path = tmp_path / "version.yaml"
    path.write_text("apiKey: sk-live-do-not-print\n")
    done = invoke(
        emulator, *run_args(emulator, "--new-agent-version", str(path), "--dry-run"), GITHUB_SHA=SHA
    )
    assert done.returncode == 0, done.stderr
    assert (
        f"a new version of agent {emulator.seed.agent_definition_ids[0]} from {path} (1 fields)"
        in done.stdout
    )
    assert "sk-live-do-not-print" not in done.stdout + done.stderr
    assert emulator.request_count("createAgentVersion") == 0
    assert emulator.request_count("createRunTest") == 0


def test_a_failed_create_executes_nothing_and_says_so(emulator: Emulator, tmp_path: Path) -> None:
    """A 500 on the copy's create: exit 3 with the server's message, no execution, no copy, reports."""
    seed = emulator.seed
    emulator.inject("createRunTest", Fault.server_error(500))
    done = invoke(
        emulator, *run_args(emulator, "--agent-version", str(seed.agent_version_ids[1]), *reports(tmp_path))
    )
    assert done.returncode == 3, done.stderr
    assert "Injected fault: HTTP 500" in done.stderr
    assert emulator.request_count("executeRunTest") == 0
    result = json.loads((tmp_path / "r.json").read_text())
    assert (result["status"], result["pinned"]["copy_run_test_id"]) == ("not started", None)
    assert "nothing was executed" in result["reasons"]
    assert copies(run_tests(emulator), emulator) == []


def test_a_lost_create_answer_is_cleaned_up(emulator: Emulator, tmp_path: Path) -> None:
    """The create's connection dropped after the copy was made: found, deleted, exit 3, said."""
    seed = emulator.seed
    emulator.inject("createRunTest", Fault.drop())
    done = invoke(emulator, *run_args(emulator, "--agent-version", str(seed.agent_version_ids[1])))
    assert done.returncode == 3, done.stderr
    assert "the run test it had made" in done.stderr
    assert "was deleted" in done.stderr
    assert emulator.request_count("executeRunTest") == 0
    assert copies(run_tests(emulator), emulator) == []


def test_a_copy_that_cannot_be_deleted_is_named_in_one_line(emulator: Emulator, tmp_path: Path) -> None:
    """The delete fails: the verdict's exit code stands, one line names the run test left and why, and
    the reports, written after the delete, say it was left."""
    seed = emulator.seed
    emulator.inject("deleteRunTest", Fault.server_error(500))
    done = invoke(
        emulator, *run_args(emulator, "--agent-version", str(seed.agent_version_ids[1]), *reports(tmp_path))
    )
    assert done.returncode == 0, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    assert pinned["copy_deleted"] is False
    assert "Injected fault: HTTP 500" in pinned["copy_left_because"]
    assert "left: deleting it failed" in (tmp_path / "j.xml").read_text()
    (left,) = [line for line in done.stderr.splitlines() if "was left" in line]
    assert "deleting it failed" in left
    assert "Injected fault: HTTP 500" in left
    assert "futureagi-simulate run-tests delete " in left
    (name,) = copies(run_tests(emulator), emulator)
    assert str(run_tests(emulator)[name].id) in left


def test_a_version_of_another_agent_is_refused_before_the_copy(emulator: Emulator) -> None:
    """--agent-version naming no version of the run test's agent: exit 3, no copy, no execution."""
    done = invoke(emulator, *run_args(emulator, "--agent-version", str(uuid.uuid4())))
    assert done.returncode == 3, done.stderr
    assert emulator.request_count("createRunTest") == 0
    assert emulator.request_count("executeRunTest") == 0


def test_run_tests_delete_removes_a_left_copy(emulator: Emulator) -> None:
    """`run-tests delete` (what the left line advises) deletes the run test; a second is exit 3."""
    with client_of(emulator) as client:
        copy = client.run_tests.clone(
            emulator.seed.run_test_id, agent_version_id=emulator.seed.agent_version_ids[1], name="left"
        )
    done = invoke(emulator, "run-tests", "delete", str(copy.id))
    assert done.returncode == 0, done.stderr
    assert f"{copy.id}  deleted" in done.stdout
    assert "left" not in run_tests(emulator)
    again = invoke(emulator, "run-tests", "delete", str(copy.id))
    assert again.returncode == 3


def test_creating_a_version_says_the_server_made_it_active(emulator: Emulator, tmp_path: Path) -> None:
    """The new version becomes the agent's active one on the server: the command says so in a line."""
    path = tmp_path / "version.yaml"
    path.write_text("description: pr\n")
    done = invoke(emulator, *run_args(emulator, "--new-agent-version", str(path)), GITHUB_SHA=SHA)
    assert done.returncode == 0, done.stderr
    agent = emulator.seed.agent_definition_ids[0]
    assert f"the server made it agent {agent}'s active version" in done.stderr


def test_the_references_camel_case_names_are_read(emulator: Emulator, tmp_path: Path) -> None:
    """A version file in the reference's spelling (agentName): the new version carries that name."""
    path = tmp_path / "version.json"
    path.write_text('{"agentName": "Support line (pull request)"}')
    done = invoke(
        emulator, *run_args(emulator, "--new-agent-version", str(path), *reports(tmp_path)), GITHUB_SHA=SHA
    )
    assert done.returncode == 0, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    with client_of(emulator) as client:
        made = client.agent_versions.get(emulator.seed.agent_definition_ids[0], pinned["agent_version_id"])
    snapshot = made.configuration_snapshot
    assert not isinstance(snapshot, (Unset, type(None)))
    assert snapshot.to_dict()["agent_name"] == "Support line (pull request)"


@pytest.fixture
def manual_oss() -> Iterator[Emulator]:
    """The oss emulator moving executions only when told; the client's waits are real (conftest.py)."""
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


def test_a_timeout_keeps_the_copy_the_resume_needs(manual_oss: Emulator, tmp_path: Path) -> None:
    """--timeout passes without --cancel-on-interrupt: exit 4, the copy kept (the advised `report`
    reads it) and one line says so; `report` then gates on the execution once it ends."""
    emu = manual_oss
    done = invoke(
        emu,
        *run_args(emu, "--agent-version", str(emu.seed.agent_version_ids[1]), "--timeout", "0.2s"),
        *reports(tmp_path),
    )
    assert done.returncode == 4, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    copy = pinned["copy_run_test_id"]
    (left,) = [line for line in done.stderr.splitlines() if "was left" in line]
    assert f"run test {copy} was left: the report command advised above needs it" in left
    assert pinned["copy_deleted"] is False
    (execution,) = emu.execution_ids(copy)
    assert f"futureagi-simulate report {execution} --run-test-id {copy}" in done.stderr
    emu.finish(execution)
    resumed = invoke(emu, "report", str(execution), "--run-test-id", copy, "--poll-interval", "0.01")
    assert resumed.returncode == 0, resumed.stderr


def test_a_cancelled_timeout_deletes_the_copy(manual_oss: Emulator, tmp_path: Path) -> None:
    """--timeout with --cancel-on-interrupt: exit 4, nothing to resume, so the copy is deleted."""
    emu = manual_oss
    done = invoke(
        emu,
        *run_args(
            emu,
            "--agent-version",
            str(emu.seed.agent_version_ids[1]),
            "--timeout",
            "0.2s",
            "--cancel-on-interrupt",
        ),
        *reports(tmp_path),
    )
    assert done.returncode == 4, done.stderr
    pinned = json.loads((tmp_path / "r.json").read_text())["pinned"]
    assert pinned["copy_deleted"] is True
    assert copies(run_tests(emu), emu) == []


def test_a_prompt_simulation_has_no_version_to_pin(emulator: Emulator, tmp_path: Path) -> None:
    """--agent-version on a prompt simulation: exit 2 naming why, nothing created or executed."""
    seed = emulator.seed
    done = invoke(
        emulator,
        "run",
        str(seed.prompt_run_test_id),
        "--agent-version",
        str(seed.agent_version_ids[1]),
        "--poll-interval",
        "0.01",
        *reports(tmp_path),
    )
    assert done.returncode == 2, done.stderr
    assert "has no agent definition" in done.stderr
    assert emulator.request_count("createRunTest") == 0
    assert emulator.request_count("executeRunTest") == 0
    assert json.loads((tmp_path / "r.json").read_text())["exit_code"] == 2


@pytest.mark.parametrize("emulator", ["oss", "docs"], indirect=True)
def test_a_pinned_run_compares_with_a_baseline_of_the_original(emulator: Emulator, tmp_path: Path) -> None:
    """--agent-version with --baseline EXEC of the original: the copy's results are compared with it,
    the eval configs matched by name and template, and a scenario failing now is newly failing."""
    first = tmp_path / "first.json"
    assert invoke(emulator, *run_args(emulator, "--json", str(first))).returncode == 0
    baseline = json.loads(first.read_text())["execution_id"]
    failing = emulator.seed.scenario_ids[0]
    emulator.script(failing, evals={"Tone check": False})
    _, v2 = emulator.seed.agent_version_ids
    args = ["--agent-version", str(v2), "--baseline", baseline, "--min-pass-rate", "Tone check=0.5"]
    done = invoke(emulator, *run_args(emulator, *args, *reports(tmp_path)))
    assert done.returncode == 1, done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    changes = {s["scenario_id"]: s["change"] for s in document["baseline"]["scenarios"]}
    assert changes[str(failing)] == "newly failing"
    assert sorted(changes.values()).count("still passing") == 2
    assert [e["name"] for e in document["baseline"]["evals"]] != []
    assert document["pinned"]["copy_deleted"] is True


def test_a_pinned_run_finds_last_passed_among_the_originals_executions(
    emulator: Emulator, tmp_path: Path
) -> None:
    """--agent-version with --baseline last-passed: the original's passing execution is the baseline."""
    first = tmp_path / "first.json"
    assert invoke(emulator, *run_args(emulator, "--json", str(first))).returncode == 0
    passing = json.loads(first.read_text())["execution_id"]
    _, v2 = emulator.seed.agent_version_ids
    args = ["--agent-version", str(v2), "--baseline", "last-passed"]
    done = invoke(emulator, *run_args(emulator, *args, *reports(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert f"baseline: execution {passing}" in done.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    assert document["baseline"]["baseline_execution_id"] == passing
    assert [s["change"] for s in document["baseline"]["scenarios"]] == ["still passing"] * 3


def test_a_pinned_runs_baseline_of_another_run_test_is_refused_before_the_copy(
    emulator: Emulator, tmp_path: Path
) -> None:
    """--agent-version with a --baseline that is none of the original's executions: exit 2, no copy."""
    _, v2 = emulator.seed.agent_version_ids
    args = ["--agent-version", str(v2), "--baseline", str(uuid.uuid4())]
    done = invoke(emulator, *run_args(emulator, *args, *reports(tmp_path)))
    assert done.returncode == 2, done.stderr
    assert "is not one of run test" in done.stderr
    assert copies(run_tests(emulator), emulator) == []


@pytest.mark.parametrize("baseline", ["id", "last-passed"])
def test_report_on_a_kept_copy_compares_with_a_baseline_of_its_original(
    emulator: Emulator, tmp_path: Path, baseline: str
) -> None:
    """report COPY_EXECUTION --run-test-id COPY --baseline (an id or last-passed) finds the baseline
    among the original's executions, as the run would: one scenario newly failing, exit 1."""
    first = tmp_path / "first.json"
    assert invoke(emulator, *run_args(emulator, "--json", str(first))).returncode == 0
    passing = json.loads(first.read_text())["execution_id"]
    emulator.script(emulator.seed.scenario_ids[0], evals={"Tone check": False})
    _, v2 = emulator.seed.agent_version_ids
    args = ["--agent-version", str(v2), "--keep-run-test", "--min-pass-rate", "Tone check=0.5"]
    assert invoke(emulator, *run_args(emulator, *args, *reports(tmp_path))).returncode == 0
    document = json.loads((tmp_path / "r.json").read_text())
    copy, execution = document["pinned"]["copy_run_test_id"], document["execution_id"]
    wanted = passing if baseline == "id" else "last-passed"
    done = invoke(
        emulator,
        *["report", execution, "--run-test-id", copy, "--poll-interval", "0.01"],
        *["--baseline", wanted, "--min-pass-rate", "Tone check=0.5"],
    )
    assert done.returncode == 1, done.stderr
    assert f"baseline: execution {passing}" in done.stderr
    assert "fails now" in done.stderr
