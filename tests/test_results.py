"""Reading an execution's results: measurements that are no numbers, nesting, and pickling."""

from __future__ import annotations

import json
import pickle
from typing import Any

import pytest

from futureagi_simulate import APIResponseValidationError, SimulateClient
from tests.data import EVAL_TONE, EXECUTION, RUN, S1, eval_output, result_row, results, run_test
from tests.server import RecordingServer, Reply


@pytest.mark.parametrize("number", ["1" + "0" * 400, "NaN", "Infinity", "-Infinity"])
def test_numbers_no_float_holds_are_no_measurement(
    client: SimulateClient, server: RecordingServer, number: str
) -> None:
    """A score or duration of 400 digits, NaN or Infinity reads as None, not as an OverflowError or a NaN."""
    row = result_row(S1, evals={EVAL_TONE: {"name": "Politeness", "output": 0, "output_type": "score"}})
    rendered = json.dumps(results("completed", [row])).replace('"output": 0', f'"output": {number}')
    rendered = rendered.replace('"duration_seconds": 30.5', f'"duration_seconds": {number}')
    server.reply(Reply(200, rendered))
    (call,) = client.executions.results(EXECUTION).calls
    assert (call.duration_seconds, call.evals[0].score) == (None, None)


def test_an_answer_nested_700_deep_is_refused(client: SimulateClient, server: RecordingServer) -> None:
    """Free-form fields nested hundreds deep are refused, so results always pickle."""
    deep: Any = "bottom"
    for _ in range(700):
        deep = {"x": deep}
    row = result_row(S1, evals={EVAL_TONE: eval_output("Tone check", deep)})
    server.reply(Reply(200, results("completed", [row])))
    with pytest.raises(APIResponseValidationError, match="nests deeper than"):
        client.executions.results(EXECUTION)


def test_a_nesting_the_api_uses_still_pickles(client: SimulateClient, server: RecordingServer) -> None:
    """An ordinary answer's results and verdict survive pickle."""
    server.reply(
        Reply(200, run_test(evals_detail=[{"id": EVAL_TONE, "name": "T"}])),
        Reply(200, results("completed", [result_row(S1, evals={EVAL_TONE: eval_output("T", "Passed")})])),
    )
    verdict = client.executions.report(EXECUTION, run_test_id=RUN)
    assert pickle.loads(pickle.dumps(verdict)) == verdict
