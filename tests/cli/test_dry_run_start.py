"""What ``run ID --dry-run``'s start does beyond its requests, seen in a process of its own: nothing its
path does not use (BENCHMARKS.md, "Issue 27, fourth session: dryrun32")."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from futureagi_simulate.testing import Emulator
from tests.cli.harness import environment

# slow: each test starts an interpreter.
pytestmark = pytest.mark.slow

# The command as its console script starts it (click blocked, as the cli extra does not bring it),
# printing, when it ends, the modules loaded and how many patterns tokenize compiled.
PROBE = (
    "import atexit, json, sys\n"
    "sys.modules['click'] = None\n"
    "def facts():\n"
    "    tokenize = sys.modules.get('tokenize')\n"
    "    compiled = tokenize._compile.cache_info().currsize if tokenize else 0\n"
    "    return {'modules': sorted(sys.modules), 'tokenize_patterns': compiled}\n"
    "atexit.register(lambda: print(json.dumps(facts()), file=sys.stderr))\n"
    "sys.argv = ['futureagi-simulate', *sys.argv[1:]]\n"
    "from futureagi_simulate.cli import main_exit\n"
    "main_exit()\n"
)


def dry_run_facts(emu: Emulator, *args: str) -> dict[str, Any]:
    """What a dry run of the emulator's seeded run test left (``args`` after ``--dry-run``); it must pass."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "run", str(emu.seed.run_test_id), "--dry-run", *args],
        env=environment(emu),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "nothing was sent" in done.stdout
    facts: dict[str, Any] = json.loads(done.stderr.strip().splitlines()[-1])
    return facts


def test_a_dry_run_parses_no_builtin_s_signature(oss: Emulator) -> None:
    """run ID --dry-run compiles none of tokenize's patterns (attrs parses a builtin converter's text)."""
    assert dry_run_facts(oss)["tokenize_patterns"] == 0


def test_a_dry_run_whose_names_are_right_loads_no_difflib(oss: Emulator) -> None:
    """run ID --dry-run whose eval config names are the run test's loads no difflib ("did you mean")."""
    assert "difflib" not in dry_run_facts(oss)["modules"]


def test_a_dry_run_loads_no_create_s_evaluation_configs(oss: Emulator) -> None:
    """run ID --dry-run reads the run test without loading create's evaluation config models."""
    modules = dry_run_facts(oss)["modules"]
    assert "futureagi_simulate._api.models.run_test" in modules
    assert not {m for m in modules if m.startswith("futureagi_simulate._api.models.evaluation_config")}


def test_a_dry_run_loads_none_of_the_real_run_s_steps(oss: Emulator) -> None:
    """run ID --dry-run loads neither the run's steps, the signals, the wait, the gate nor the pinning."""
    modules = set(dry_run_facts(oss)["modules"])
    assert "futureagi_simulate.cli._run" in modules
    steps = ("_run_steps", "_signals", "_waiting", "_gate", "_pinning")
    assert not modules & {f"futureagi_simulate.cli.{m}" for m in steps}


def test_a_dry_run_with_a_version_option_checks_the_pinning(oss: Emulator) -> None:
    """run ID --dry-run --agent-version V loads the pinning, which checks the options and names the copy."""
    version = str(oss.seed.agent_version_ids[1])
    assert "futureagi_simulate.cli._pinning" in dry_run_facts(oss, "--agent-version", version)["modules"]


def test_a_dry_run_loads_neither_the_list_s_endpoint_nor_its_page(oss: Emulator) -> None:
    """run ID --dry-run reads one run test: the list's endpoint and page model are not loaded."""
    modules = set(dry_run_facts(oss)["modules"])
    api = "futureagi_simulate._api."
    assert {api + "api.run_tests.get_run_test", api + "models.run_test"} <= modules
    assert not modules & {api + "api.run_tests.list_run_tests", api + "models.run_test_page"}
