"""The emulator holds itself to openapi.yaml: it checks its own exchanges and fails loudly on an answer
the document forbids, and schemathesis, generating from the document, finds nothing to report."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import httpx
import pytest

from futureagi_simulate.testing import Dialect, Emulator, EmulatorConformanceError
from tests.emulator.helpers import (
    RUN_TESTS,
)


def test_an_answer_the_document_forbids_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A response that breaks openapi.yaml is answered 500 and raised when the emulator stops."""
    emulator = Emulator(dialect="oss").start()
    render = emulator.app.store.run_test_json
    # The emulator's own code cannot produce a wrong shape on purpose; this stands in for a future bug.
    monkeypatch.setattr(emulator.app.store, "run_test_json", lambda r: {**render(r), "name": 42})
    headers = {"X-Api-Key": emulator.api_key, "X-Secret-Key": emulator.secret_key}
    response = httpx.get(emulator.url + RUN_TESTS, headers=headers)
    assert response.status_code == 500
    assert response.json()["code"] == "emulator_conformance"
    with pytest.raises(EmulatorConformanceError, match="results/0/name"):
        emulator.stop()


ROOT = Path(__file__).resolve().parents[2]


BIN = Path(sys.executable).parent


def untraced(environment: Mapping[str, str]) -> dict[str, str]:
    """``environment`` without the variables by which coverage starts itself in a child process."""
    return {k: v for k, v in environment.items() if not k.startswith("COVERAGE_")}


@pytest.mark.slow  # runs schemathesis in a process of its own
@pytest.mark.parametrize("dialect", ["docs", "oss"])
def test_schemathesis_finds_the_emulator_conforming(dialect: Dialect, tmp_path: Path) -> None:
    """schemathesis, generating from openapi.yaml, finds no response the document does not allow."""
    with Emulator(dialect=dialect) as emulator:
        done = subprocess.run(
            [
                BIN / "schemathesis",
                "run",
                ROOT / "openapi.yaml",
                "--url",
                emulator.url,
                "-H",
                f"X-Api-Key: {emulator.api_key}",
                "-H",
                f"X-Secret-Key: {emulator.secret_key}",
                "--max-examples",
                "15",
                "--generation-deterministic",
                "--checks",
                "all",
                # 5xx are documented answers here (a page past the end, an unknown prompt template), and the
                # document cannot say which ids exist, so schema-valid requests may rightly be refused.
                "--exclude-checks",
                "not_a_server_error,positive_data_acceptance",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            # schemathesis runs none of the package's code: coverage, were it measuring, stays out of it,
            # where it would only slow the run by half.
            env={**untraced(os.environ), "SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"},
        )
        assert done.returncode == 0, done.stdout[-4000:]
        assert emulator.conformance_failures == []
