"""``run --agent-version`` / ``--new-agent-version``: every bad input is refused, exit 2, before anything
is sent (``cli/_pinning.py``), in this process against the emulator (``tests/cli/harness.py``)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import invoke, run_args

# A provider key as a version file may hold one: never to be printed.
SECRET_VALUE = "sk-live-0123456789abcdef"


def sent(emu: Emulator) -> int:
    """How many requests reached the emulator, whatever the operation."""
    return sum(emu.request_count(operation) for operation in emu.operations)


def version_file(tmp_path: Path, text: str, name: str = "version.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_both_version_options_are_refused_before_anything_is_sent(oss: Emulator, tmp_path: Path) -> None:
    """--agent-version with --new-agent-version: exit 2 naming both, no request."""
    path = version_file(tmp_path, "agentName: bot\n")
    done = invoke(oss, *run_args(oss, "--agent-version", str(uuid.uuid4()), "--new-agent-version", str(path)))
    assert done.returncode == 2
    assert "--agent-version and --new-agent-version cannot be used together" in done.stderr
    assert sent(oss) == 0


def test_an_agent_version_that_is_no_uuid_is_refused(oss: Emulator) -> None:
    """--agent-version v2: argparse's exit 2 naming the option, no request."""
    done = invoke(oss, *run_args(oss, "--agent-version", "v2"))
    assert done.returncode == 2
    assert "--agent-version" in done.stderr
    assert "'v2' is not an id" in done.stderr
    assert sent(oss) == 0


def test_an_unreadable_version_file_is_refused(oss: Emulator, tmp_path: Path) -> None:
    """A version file that does not exist: exit 2 naming the file, no request."""
    missing = tmp_path / "nowhere.json"
    done = invoke(oss, *run_args(oss, "--new-agent-version", str(missing), "--version-message", "m"))
    assert done.returncode == 2
    assert f"--new-agent-version {missing}: cannot be read" in done.stderr
    assert sent(oss) == 0


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("v.json", '{"apiKey": "' + SECRET_VALUE + '",', "is not valid JSON (line 1"),
        ("v.yaml", "apiKey: [" + SECRET_VALUE + "\n", "is not valid YAML (line"),
        ("v.yaml", "- " + SECRET_VALUE + "\n", "must hold a mapping of the version's fields, not a list"),
        ("v.json", '"' + SECRET_VALUE + '"', "must hold a mapping of the version's fields, not text"),
        ("v.yaml", "", "must hold a mapping of the version's fields, not nothing"),
        ("v.json", "{}", "holds no fields"),
    ],
)
def test_a_malformed_version_file_is_refused_without_quoting_it(
    oss: Emulator, tmp_path: Path, name: str, text: str, said: str
) -> None:
    """Bad JSON or YAML, or no mapping: exit 2 naming the file and the rule, its content never quoted."""
    path = version_file(tmp_path, text, name)
    done = invoke(oss, *run_args(oss, "--new-agent-version", str(path), "--version-message", "m"))
    assert done.returncode == 2
    assert f"--new-agent-version {path}: {said}" in done.stderr
    assert SECRET_VALUE not in done.stderr + done.stdout
    assert sent(oss) == 0


def test_a_new_version_outside_ci_needs_a_message(oss: Emulator, tmp_path: Path) -> None:
    """No --version-message and neither GITHUB_SHA nor CI_COMMIT_SHA: exit 2 saying what to give."""
    path = version_file(tmp_path, "agentName: bot\n")
    done = invoke(oss, *run_args(oss, "--new-agent-version", str(path)))
    assert done.returncode == 2
    assert "give --version-message, or run in CI where GITHUB_SHA or CI_COMMIT_SHA" in done.stderr
    assert sent(oss) == 0


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--keep-run-test"], "--keep-run-test: only applies with --agent-version or --new-agent-version"),
        (["--version-message", "m"], "--version-message: only applies with --agent-version or"),
        (
            ["--agent-version", "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "--version-message", "m"],
            "--version-message: only applies with --new-agent-version",
        ),
    ],
)
def test_an_option_of_a_pinned_run_alone_is_refused(oss: Emulator, extra: list[str], said: str) -> None:
    """--keep-run-test or --version-message without what they apply to: exit 2, no request."""
    done = invoke(oss, *run_args(oss, *extra))
    assert done.returncode == 2
    assert said in done.stderr
    assert sent(oss) == 0


def test_report_has_no_agent_version_options(oss: Emulator) -> None:
    """report judges an execution that exists: --agent-version is not one of its options."""
    execution = str(uuid.uuid4())
    done = invoke(
        oss, "report", execution, "--run-test-id", str(oss.seed.run_test_id), "--agent-version", execution
    )
    assert done.returncode == 2
    assert "unrecognized arguments: --agent-version" in done.stderr
    assert sent(oss) == 0


def test_a_version_field_the_agent_has_not_is_refused(oss: Emulator, tmp_path: Path) -> None:
    """A key that is no field of an agent's configuration: exit 2 naming it, no request."""
    path = version_file(tmp_path, "prompt_text: hello\n")
    done = invoke(oss, *run_args(oss, "--new-agent-version", str(path), "--version-message", "m"))
    assert done.returncode == 2
    assert (
        f"--new-agent-version {path}.prompt_text: is not a field of an agent's configuration" in done.stderr
    )
    assert sent(oss) == 0


def test_a_secret_of_the_wrong_type_is_refused_without_quoting_it(oss: Emulator, tmp_path: Path) -> None:
    """api_key given as a number: exit 2 naming the field and the rule; the value never printed."""
    path = version_file(tmp_path, "api_key: 4242424242424242\n")
    done = invoke(oss, *run_args(oss, "--new-agent-version", str(path), "--version-message", "m"))
    assert done.returncode == 2
    assert "api_key: must be a str, got int" in done.stderr
    assert "4242424242424242" not in done.stderr + done.stdout
    assert sent(oss) == 0
