"""The benchmark harness still runs: a smoke run with tiny counts. No figure is asserted on here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# slow: runs bench.py.
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"


def test_quick_benchmark_prints_every_row() -> None:
    """bench.py --quick measures every comparison against its baseline and prints one table row each."""
    out = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], check=True, capture_output=True, text=True, timeout=300
    ).stdout
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    names = [row.split(" | ")[0].removeprefix("| ") for row in rows[1:]]
    assert len(names) == 7
    assert any("execute" in n for n in names)
    assert any("list(limit=100)" in n for n in names)
    assert sum("import" in n for n in names) == 3
    assert any(n.startswith("iter") for n in names)
    assert any("concurrent async" in n for n in names)
