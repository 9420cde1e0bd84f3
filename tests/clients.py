"""Clients, credentials, answers and calls that the tests of several modules share."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

import pytest

from futureagi_simulate import APIConnectionError, Execution, FutureAGIError, Selection, SimulateClient
from tests.data import API_KEY, BEARER, RUN, SECRET_KEY, error, execution_snake
from tests.server import Recorded, RecordingServer, Reply


def keys(**options: Any) -> dict[str, Any]:
    return {"api_key": API_KEY, "secret_key": SECRET_KEY, **options}


def _holding_server(server: RecordingServer, hold: float) -> threading.Event:
    """GETs are answered after ``hold`` seconds; the event is set once a GET has arrived."""
    arrived = threading.Event()

    def handler(request: Recorded) -> Reply:
        if request.method == "GET":
            arrived.set()
            return Reply(200, EMPTY_PAGE, delay=hold)
        return Reply(200, execution_snake())

    server.handler = handler
    return arrived


EMPTY_PAGE: dict[str, Any] = {"count": 0, "next": None, "previous": None, "results": []}


def execute(client: SimulateClient) -> Execution:
    return client.run_tests.execute(RUN, selection=Selection.all())


KEY = "fi-edge-api-key-77aa"


SECRET = "fi-edge-secret-key-99bb"


def _printed(exc: BaseException) -> str:
    """Everything a traceback printer or an error tracker could show of an exception and its chain."""
    texts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    seen: BaseException | None = exc
    while seen is not None:
        texts += [repr(v) for v in vars(seen).values()]
        request = getattr(seen, "request", None)
        if request is not None:
            texts.append(repr(dict(request.headers)))
        response = getattr(seen, "response", None)
        if response is not None:
            texts.append(repr(dict(response.request.headers)))
        seen = seen.__cause__ or seen.__context__
    return "\n".join(texts)


def _failures(server: RecordingServer) -> list[FutureAGIError]:
    """One status error, one unreadable answer, one rate limit and one connection failure."""
    server.reply(
        Reply(400, error("validation_error", "invalid", "Bad selection.")),
        Reply(200, "<html>hi</html>", content_type="text/html"),
        Reply(429, error("throttled", "throttled", "Later."), headers={"Retry-After": "3600"}),
    )
    caught: list[FutureAGIError] = []
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url=server.url, max_retries=0) as client:
        calls: list[Callable[[SimulateClient], object]] = [
            lambda c: c.run_tests.execute(RUN, selection=Selection.all()),
            lambda c: c.run_tests.execute(RUN, selection=Selection.all()),
            lambda c: c.run_tests.list(),
        ]
        for call in calls:
            with pytest.raises(FutureAGIError) as raised:
                call(client)
            caught.append(raised.value)
    with SimulateClient(api_key=KEY, secret_key=SECRET, base_url="http://127.0.0.1:9", max_retries=0) as gone:
        with pytest.raises(APIConnectionError) as refused:
            gone.run_tests.execute(RUN, selection=Selection.all())
    return [*caught, refused.value]


def snake_client(server: RecordingServer) -> SimulateClient:
    return SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=server.url, body_casing="snake")


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


SECRETS = (API_KEY, SECRET_KEY, BEARER)
