"""The command's report writers from Python (``futureagi_simulate.cli.reports``): several run tests
gated with the async client, one JUnit file and one JSON result, against the emulator."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from xml.etree import ElementTree

from futureagi_simulate import AsyncSimulateClient, Selection
from futureagi_simulate.cli.reports import Outcome, RunTestName, write_combined_reports
from futureagi_simulate.testing import Emulator
from tests.cli.test_many import add_run_test


async def _gate(emu: Emulator, run_test_ids: list[object]) -> list[Outcome]:
    async with AsyncSimulateClient(
        api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url, body_casing="snake"
    ) as client:

        async def one(run_test_id: object) -> Outcome:
            run_test = await client.run_tests.get(str(run_test_id))
            execution = await client.run_tests.execute(run_test.id, selection=Selection.all())
            await client.executions.wait(execution.execution_id, timeout=60, poll_interval=0.01)
            verdict = await client.executions.report(execution.execution_id, run_test_id=run_test.id)
            return Outcome(
                run_test=RunTestName(id=run_test.id, name=run_test.name),
                execution_id=verdict.execution_id,
                exit_code=0 if verdict.passed else 1,
                verdict=verdict,
            )

        return list(await asyncio.gather(*(one(i) for i in run_test_ids)))


def test_python_gates_two_run_tests_into_one_junit_and_one_json(oss: Emulator, tmp_path: Path) -> None:
    """Two run tests gated concurrently from Python: one JUnit suite each, one JSON listing both."""
    smoke = add_run_test(oss, "Checkout smoke")
    outcomes = asyncio.run(_gate(oss, [oss.seed.run_test_id, smoke]))
    warnings: list[str] = []
    write_combined_reports(
        outcomes,
        exit_code=max(outcome.exit_code for outcome in outcomes),
        json_path=tmp_path / "r.json",
        junit_path=tmp_path / "j.xml",
        summary_path=None,
        warn=warnings.append,
    )
    assert warnings == []
    names = [suite.get("name") for suite in ElementTree.parse(tmp_path / "j.xml").getroot().iter("testsuite")]
    assert names == [
        f"futureagi-simulate: Checkout regression ({oss.seed.run_test_id})",
        f"futureagi-simulate: Checkout smoke ({smoke})",
    ]
    document = json.loads((tmp_path / "r.json").read_text())
    assert (document["passed"], [r["run_test_id"] for r in document["run_tests"]]) == (
        True,
        [str(oss.seed.run_test_id), str(smoke)],
    )
