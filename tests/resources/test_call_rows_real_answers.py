"""executions.calls on the open-source server's recorded call rows (tests/data/answers-oss.json): 61 keys a
row where the document declares 16, every one of the others kept, in the order the server sent them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from futureagi_simulate import SimulateClient
from futureagi_simulate._api.models.call_execution import CallExecution
from tests.server import RecordingServer, Reply

ANSWERS: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "answers-oss.json").read_text()
)["answers"]
PAGE: dict[str, Any] = next(a["body"] for a in ANSWERS["getTestExecution 200"] if a["body"]["results"])
DECLARED = {field.alias for field in CallExecution.__attrs_attrs__} - {"additional_properties"}


def test_a_recorded_call_row_keeps_each_key_the_document_does_not_declare(
    client: SimulateClient, server: RecordingServer
) -> None:
    """Every undeclared key of a real call row is on the row's additional_properties, value and order kept."""
    server.reply(Reply(200, PAGE))
    rows = list(client.executions.calls(PAGE["results"][0]["test_execution_id"]))
    assert len(rows) == len(PAGE["results"])
    for row, sent in zip(rows, PAGE["results"], strict=True):
        unknown = [(key, value) for key, value in sent.items() if key not in DECLARED]
        assert len(unknown) > 40
        assert list(row.additional_properties.items()) == unknown
        assert str(row.id) == sent["id"]
