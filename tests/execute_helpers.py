"""Helpers shared by the execute tests of several modules."""

from __future__ import annotations

from futureagi_simulate import (
    SimulateClient,
)
from tests.data import (
    API_KEY,
    SECRET_KEY,
)
from tests.server import RecordingServer


def snake_client(server: RecordingServer) -> SimulateClient:
    return SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake")
