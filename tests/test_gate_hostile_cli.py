"""The installed command against a hostile server: what an answer says never chooses what is judged.
Real processes; the emulator behind a proxy that rewrites its answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from futureagi_simulate.testing import Emulator
from tests.test_cli import cli, hostile, run_args

pytestmark = pytest.mark.slow


def test_an_execute_answer_naming_another_run_test_does_not_choose_the_evals(
    oss: Emulator, tmp_path: Path
) -> None:
    """The execute's answer names a run test without eval configs: the asked one's failing eval fails."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    asked, other = str(oss.seed.run_test_id), str(oss.seed.incomplete_run_test_id)

    def other_run_test(value: Any) -> Any:
        if isinstance(value, dict) and "total_scenarios" in value and value.get("run_test_id") == asked:
            return {**value, "run_test_id": other}
        return value

    with hostile(oss, other_run_test) as server:
        done = cli(oss, *run_args(oss, "--json", str(tmp_path / "r.json")), FI_BASE_URL=server.url)
    assert done.returncode == 1, done.stderr
    reasons = json.loads((tmp_path / "r.json").read_text())["reasons"]
    assert any(reason.startswith("eval 'Tone check' passed") for reason in reasons)
