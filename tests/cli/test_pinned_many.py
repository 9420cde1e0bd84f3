"""Agent version options with several run tests (ids, a suite file): each run test pinned runs its own
copy, made, executed, judged and deleted among the concurrent runs; one ``--new-agent-version`` file
makes one version per agent, shared. In this process against the emulator (``tests/cli/harness.py``)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from futureagi_simulate import SimulateClient
from futureagi_simulate.testing import Emulator, Fault
from tests.cli.harness import POLL, invoke
from tests.cli.test_many import add_run_test, many_args, read_json, reports


def client_of(emu: Emulator) -> SimulateClient:
    return SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url)


def run_test_names(emu: Emulator) -> list[str]:
    with client_of(emu) as client:
        return [str(run.name) for run in client.run_tests.iter()]


def sent(emu: Emulator) -> int:
    """How many requests reached the emulator, whatever the operation."""
    return sum(emu.request_count(operation) for operation in emu.operations)


def by_run_test(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(result["run_test_id"]): result for result in document["run_tests"]}


def test_each_run_test_runs_its_own_copy_pinned_to_the_version(oss: Emulator, tmp_path: Path) -> None:
    """run A B --agent-version v2: two copies, each executed once and deleted; the originals untouched."""
    smoke = add_run_test(oss, "Checkout smoke")
    _, v2 = oss.seed.agent_version_ids
    done = invoke(
        oss, *many_args(oss.seed.run_test_id, smoke, more=("--agent-version", str(v2), *reports(tmp_path)))
    )
    assert done.returncode == 0, done.stderr
    results = by_run_test(read_json(tmp_path))
    assert set(results) == {str(oss.seed.run_test_id), str(smoke)}
    copies = {result["pinned"]["copy_run_test_id"] for result in results.values()}
    assert len(copies) == 2
    for original, result in results.items():
        pinned = result["pinned"]
        assert pinned["original_run_test_id"] == original
        assert pinned["agent_version_id"] == str(v2)
        assert pinned["copy_deleted"] is True
        assert oss.execution_count(pinned["copy_run_test_id"]) == 1
        assert oss.execution_count(original) == 0
    assert not any("[agent version" in name for name in run_test_names(oss))


def test_a_suite_pins_only_the_run_tests_that_say_so(oss: Emulator, tmp_path: Path) -> None:
    """agent-version and keep-run-test on one [[run_test]]: it runs on a kept copy, the other as it is."""
    smoke = add_run_test(oss, "Checkout smoke")
    _, v2 = oss.seed.agent_version_ids
    suite = tmp_path / "simulate.toml"
    suite.write_text(
        f'[defaults]\npoll-interval = {POLL}\njson = "{tmp_path / "r.json"}"\n\n'
        f'[[run_test]]\nid = "{smoke}"\nagent-version = "{v2}"\nkeep-run-test = true\n\n'
        f'[[run_test]]\nid = "{oss.seed.run_test_id}"\n'
    )
    done = invoke(oss, "run", "--suite", str(suite))
    assert done.returncode == 0, done.stderr
    results = by_run_test(read_json(tmp_path))
    assert results[str(oss.seed.run_test_id)].get("pinned") is None
    assert oss.execution_count(oss.seed.run_test_id) == 1
    pinned = results[str(smoke)]["pinned"]
    assert (pinned["agent_version_id"], pinned["copy_kept"]) == (str(v2), True)
    assert oss.execution_count(pinned["copy_run_test_id"]) == 1
    assert pinned["copy_run_test_name"] in run_test_names(oss)
    assert oss.execution_count(smoke) == 0


def test_one_new_agent_version_file_makes_one_version_per_agent(oss: Emulator, tmp_path: Path) -> None:
    """--new-agent-version for two run tests of one agent: one version made, both copies pinned to it."""
    smoke = add_run_test(oss, "Checkout smoke")
    agent = oss.seed.agent_definition_ids[0]
    path = tmp_path / "version.yaml"
    path.write_text("description: the pull request's prompt\n")
    with client_of(oss) as client:
        before = {version.id for version in client.agent_versions.iter(agent)}
    more = ("--new-agent-version", str(path), "--version-message", "Shorter greeting", *reports(tmp_path))
    done = invoke(oss, *many_args(oss.seed.run_test_id, smoke, more=more))
    assert done.returncode == 0, done.stderr
    with client_of(oss) as client:
        made = {version.id for version in client.agent_versions.iter(agent)} - before
    assert len(made) == 1
    (version,) = made
    pinned = [result["pinned"] for result in read_json(tmp_path)["run_tests"]]
    assert [p["agent_version_id"] for p in pinned] == [str(version)] * 2
    assert len({p["copy_run_test_id"] for p in pinned}) == 2
    assert done.stderr.count("created agent version") == 1
    assert "for another run test of this run" in done.stderr


def test_dry_run_of_several_pinned_run_tests_creates_nothing(oss: Emulator) -> None:
    """--dry-run with --agent-version and two run tests: a copy line for each, nothing made or executed."""
    smoke = add_run_test(oss, "Checkout smoke")
    _, v2 = oss.seed.agent_version_ids
    before = run_test_names(oss)
    done = invoke(
        oss, *many_args(oss.seed.run_test_id, smoke, more=("--dry-run", "--agent-version", str(v2)))
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("would run on a copy of the run test pinned to agent version v2") == 2
    assert run_test_names(oss) == before
    assert oss.execution_count(oss.seed.run_test_id) == oss.execution_count(smoke) == 0


def test_a_bad_version_option_in_a_suite_is_refused_before_any_request(oss: Emulator, tmp_path: Path) -> None:
    """version-message on a run test without new-agent-version: exit 2 naming the rule, nothing sent."""
    suite = tmp_path / "simulate.toml"
    suite.write_text(
        f'[[run_test]]\nid = "{oss.seed.run_test_id}"\n'
        f'agent-version = "{uuid.uuid4()}"\nversion-message = "m"\n'
    )
    done = invoke(oss, "run", "--suite", str(suite))
    assert done.returncode == 2, done.stderr
    assert "--version-message: only applies with --new-agent-version" in done.stderr
    assert sent(oss) == 0


def test_a_version_of_another_agent_is_refused_before_any_run_test_executes(
    oss: Emulator, tmp_path: Path
) -> None:
    """An agent version unknown to one run test's agent: exit 2 in the check before paying, naming the
    run test; neither run test is executed and no copy is made."""
    smoke = add_run_test(oss, "Checkout smoke")
    unknown = uuid.uuid4()
    suite = tmp_path / "simulate.toml"
    suite.write_text(
        f'[defaults]\npoll-interval = {POLL}\njson = "{tmp_path / "r.json"}"\n\n'
        f'[[run_test]]\nid = "{smoke}"\nagent-version = "{unknown}"\n\n'
        f'[[run_test]]\nid = "{oss.seed.run_test_id}"\n'
    )
    done = invoke(oss, "run", "--suite", str(suite))
    assert done.returncode == 2, done.stderr
    assert f"run test {smoke}: agent version {unknown} is not a version of its agent" in done.stderr
    assert "nothing was executed" in done.stderr
    assert [r["status"] for r in read_json(tmp_path)["run_tests"]] == ["not started"] * 2
    assert oss.execution_count(oss.seed.run_test_id) == oss.execution_count(smoke) == 0
    assert oss.request_count("createRunTest") == 1  # the smoke run test this test made, no copy


def test_check_refuses_an_agent_version_the_run_tests_agent_lacks(oss: Emulator, tmp_path: Path) -> None:
    """check with agent-version unknown to the agent: exit 2 naming the run test; nothing made."""
    suite = tmp_path / "simulate.toml"
    unknown = uuid.uuid4()
    suite.write_text(f'[[run_test]]\nid = "{oss.seed.run_test_id}"\nagent-version = "{unknown}"\n')
    before = run_test_names(oss)
    done = invoke(oss, "check", "--suite", str(suite))
    assert done.returncode == 2, done.stderr
    assert (
        f"run test {oss.seed.run_test_id}: agent version {unknown} is not a version of its agent"
        in done.stderr
    )
    assert run_test_names(oss) == before


def test_check_accepts_a_known_agent_version_and_refuses_a_bad_version_option(
    oss: Emulator, tmp_path: Path
) -> None:
    """check: agent-version v2 is fine; keep-run-test without a version option is exit 2 with the rule."""
    smoke = add_run_test(oss, "Checkout smoke")
    _, v2 = oss.seed.agent_version_ids
    suite = tmp_path / "simulate.toml"
    suite.write_text(
        f'[[run_test]]\nid = "{oss.seed.run_test_id}"\nagent-version = "{v2}"\n\n'
        f'[[run_test]]\nid = "{smoke}"\nkeep-run-test = true\n'
    )
    done = invoke(oss, "check", "--suite", str(suite))
    assert done.returncode == 2, done.stderr
    assert f"run test {smoke}: --keep-run-test: only applies with --agent-version" in done.stderr
    assert f"run test {oss.seed.run_test_id}:" not in done.stderr
    assert oss.request_count("executeRunTest") == 0


def test_a_failed_shared_create_fails_every_run_test_of_the_agent_and_is_sent_once(
    oss: Emulator, tmp_path: Path
) -> None:
    """The one create of the shared new version fails: both run tests not started, one create sent."""
    smoke = add_run_test(oss, "Checkout smoke")
    path = tmp_path / "version.yaml"
    path.write_text("description: the pull request's prompt\n")
    oss.inject("createAgentVersion", Fault.server_error(500))
    more = ("--new-agent-version", str(path), "--version-message", "m", *reports(tmp_path))
    done = invoke(oss, *many_args(oss.seed.run_test_id, smoke, more=more))
    assert done.returncode == 3, done.stderr
    assert oss.request_count("createAgentVersion") == 1
    assert [r["status"] for r in read_json(tmp_path)["run_tests"]] == ["not started"] * 2
    assert oss.execution_count(oss.seed.run_test_id) == oss.execution_count(smoke) == 0
    assert not any("[agent version" in name for name in run_test_names(oss))
