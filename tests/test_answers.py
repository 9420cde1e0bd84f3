"""Reading an answer's envelope (``_answers``) over real HTTP: what is wrong is named in JSON's terms, with
its place in the answer, as the generated models name it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from futureagi_simulate import APIResponseValidationError, Selection, SimulateClient
from tests.data import RUN, TEMPLATE
from tests.server import RecordingServer, Reply

EXECUTION = "22222222-2222-2222-2222-222222222222"
ALL = Selection.all()


def _summary(client: SimulateClient) -> object:
    return client.run_tests.eval_summary(RUN)


# Each operation whose answer the open-source server wraps as {"status": true, "result": X}.
READS: dict[str, Callable[[SimulateClient], object]] = {
    "results": lambda client: client.executions.results(EXECUTION),
    "prompt simulation": lambda client: client.prompt_simulations.get(TEMPLATE, RUN),
    "execute": lambda client: client.run_tests.execute(RUN, selection=ALL),
    "prompt execute": lambda client: client.prompt_simulations.execute(TEMPLATE, RUN, selection=ALL),
}


def _refusal(client: SimulateClient, server: RecordingServer, body: Any, read: Callable[..., object]) -> str:
    server.handler = lambda _: Reply(200, body)
    with pytest.raises(APIResponseValidationError) as caught:
        read(client)
    return str(caught.value)


def test_eval_summary_with_a_null_result_names_the_key_in_json_terms(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An eval summary envelope holding null says `result: expected array, got null`, as before."""
    message = _refusal(client, server, {"status": True, "result": None}, _summary)
    assert "(ParseError: result: expected array, got null)" in message


def test_eval_summary_with_an_object_result_names_the_key_in_json_terms(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An eval summary envelope holding an object says `result: expected array, got object`."""
    message = _refusal(client, server, {"status": True, "result": {"id": 5}}, _summary)
    assert "(ParseError: result: expected array, got object)" in message


def test_eval_summary_item_faults_name_their_place_in_the_answer(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A wrong eval template inside the envelope is named from the answer's top: `result[1]: ...`."""
    body = {"status": True, "result": [{"id": RUN, "name": "tone", "result": []}, 5]}
    message = _refusal(client, server, body, _summary)
    assert "(ParseError: result[1]: expected object, got integer)" in message


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_an_envelope_holding_null_names_its_key(
    client: SimulateClient, server: RecordingServer, read: Callable[[SimulateClient], object]
) -> None:
    """`{status: true, result: null}` says `result: expected object, got null`, not a Python type or a key
    the envelope was never meant to have."""
    message = _refusal(client, server, {"status": True, "result": None}, read)
    assert "(ParseError: result: expected object, got null)" in message
    assert "NoneType" not in message


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_an_envelope_holding_an_array_names_its_key(
    client: SimulateClient, server: RecordingServer, read: Callable[[SimulateClient], object]
) -> None:
    """`{status: "success", data: [...]}` says `data: expected object, got array`."""
    message = _refusal(client, server, {"status": "success", "data": [1]}, read)
    assert "(ParseError: data: expected object, got array)" in message
