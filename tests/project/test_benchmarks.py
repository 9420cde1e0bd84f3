"""The benchmark harness still runs: a smoke run with tiny counts. No figure is asserted on here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# slow: runs bench.py.
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench.py"


def test_quick_benchmark_prints_every_row() -> None:
    """bench.py --quick measures every comparison against its baseline and prints one table row each."""
    out = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], check=True, capture_output=True, text=True, timeout=300
    ).stdout
    first, reads = out.split("\n\n")[:2]
    rows = [line for line in first.splitlines() if line.startswith("| ") and "---" not in line]
    names = [row.split(" | ")[0].removeprefix("| ") for row in rows[1:]]
    assert len(names) == 12
    assert any("execute" in n for n in names)
    assert any("list(limit=100)" in n for n in names)
    assert sum("import" in n for n in names) == 3
    # --help, a query and a dry run; the two that make requests again with an https:// pool's CA bundle.
    assert sum(n.startswith("the command, cold") for n in names) == 5
    assert sum("as over https://" in n for n in names) == 2
    assert any(n.startswith("iter") for n in names)
    assert any("concurrent async" in n for n in names)
    # The reads, each beside raw httpx with json, orjson and msgspec: list in memory, then four reads at two
    # sizes, in memory and on loopback; and without the speed extra, list and the four reads at one size.
    lines = [line.split(" | ") for line in reads.splitlines()[2:]]
    assert len(lines) == 22
    assert all(len(line) == 7 for line in lines)
    assert sum("in memory" in line[0] for line in lines) == 14
    assert sum("no speed extra" in line[0] for line in lines) == 5


INSTRUCTIONS = BENCH.parent / "instructions.py"

# Stands in for valgrind: reports 1,000,000 instructions plus 2,000,000 per repetition asked for.
FAKE_VALGRIND = """#!/bin/sh
echo "==1== I   refs:      $((1000000 + COUNT * 2000000))" >&2
"""


def test_instruction_counts_subtract_start_up_and_divide_by_the_repetitions(tmp_path: Path) -> None:
    """instructions.py prints, for each version, the count per repetition with start-up taken out."""
    fake = tmp_path / "valgrind"
    fake.write_text(FAKE_VALGRIND)
    fake.chmod(0o755)
    out = subprocess.run(
        [sys.executable, str(INSTRUCTIONS), "--against", str(BENCH.parent.parent), "--count", "4"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": f"{tmp_path}:/usr/bin:/bin"},
    ).stdout
    rows = [line.split(" | ") for line in out.splitlines()[2:]]
    assert [row[1:] for row in rows] == [["2.00", "2.00", "1.000 |"]] * 3


def test_instruction_counts_refuse_a_folder_without_a_version(tmp_path: Path) -> None:
    """--against a folder with no overrides/ and generated/ fails, not compares the checkout with itself."""
    fake = tmp_path / "valgrind"
    fake.write_text(FAKE_VALGRIND)
    fake.chmod(0o755)
    done = subprocess.run(
        [sys.executable, str(INSTRUCTIONS), "--against", str(tmp_path / "old")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": f"{tmp_path}:/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        == f"--against {tmp_path / 'old'}: no overrides/futureagi_simulate and generated/ there"
    )


def test_instruction_counts_need_valgrind(tmp_path: Path) -> None:
    """Without valgrind on PATH the script says what it needs and fails, having run nothing."""
    done = subprocess.run(
        [sys.executable, str(INSTRUCTIONS)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "instructions.py needs valgrind on PATH"


def test_each_cold_start_s_raw_script_makes_the_command_s_requests() -> None:
    """Each cold start's raw httpx script asks the benchmark server for what the command asks, in order."""
    sys.path.insert(0, str(BENCH.parent.parent))
    import httpx

    from benchmarks.bench import COMMAND, light_server, start_commands, start_environment
    from benchmarks.server import SEEDED_RUN_TEST_ID

    with light_server() as url:
        for name, start in start_commands(SEEDED_RUN_TEST_ID).items():
            env = start_environment(url, start)
            seen = []
            for code, args in ((COMMAND, start.args), (start.raw, start.raw_args)):
                subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True)
                seen.append(httpx.get(url + "/requests").json())
            assert seen[0] == seen[1], name
            # --help asks for nothing; the dry run reads the run test, its scenarios and its cost history.
            assert len(seen[0]) == {"`--help`": 0, "`run-tests list --json`": 1}.get(name, 4), name
