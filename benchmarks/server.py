"""A light loopback HTTP server for the benchmarks, run in its own process.

Why not the emulator: it validates, routes and renders every answer in Python threads that share the
client's interpreter and its GIL, which costs more per request than the client under test does, and
would hide the client's cost in noise. This server answers from bytes prepared once, on one asyncio
loop, in a second process, so both the client and its raw-httpx baseline meet the same near-free peer.

The bodies are the emulator's own: the seeded run test as the emulator renders it (every field
populated, three scenarios in detail) made into 1,000 distinct run tests (ids, names, times), and an
execute answer in the open-source server's snake_case.

Routes (any path prefix ``/n<count>`` sets the number of run tests listed, default 1,000):

- ``POST .../execute/``: the execute answer.
- ``GET .../simulate/run-tests/?page=P&limit=L``: page P of ``count`` run tests, with DRF's fields.
- ``GET /stats``: ``{"executes": n}``, the execute requests answered so far (the load benchmark checks
  that each execute call ran exactly once).

Prints ``listening on http://127.0.0.1:<port>`` once ready; stops on SIGTERM or when stdin closes.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import math
import re
import signal
import sys
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

from futureagi_simulate.testing._store import Store

_PREFIX = re.compile(r"^/n(\d+)(/.*)$")


def _distinct(run: dict[str, Any], i: int) -> dict[str, Any]:
    """The seeded run test as the i-th of a team's run tests: its own id, name, times, simulator and
    scenarios; the same organisation and agent. A page of one run repeated would flatter any cache."""

    def new_id(kind: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench/{kind}/{i}"))

    copy: dict[str, Any] = json.loads(json.dumps(run))
    stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(hours=i)
    when = stamp.isoformat().replace("+00:00", "Z")
    copy.update(id=new_id("run"), name=f"Checkout regression {i}", created_at=when, updated_at=when)
    simulator = new_id("simulator")
    copy["simulator_agent"] = copy["simulator_agent_detail"]["id"] = simulator
    scenario_ids = [new_id(f"scenario{j}") for j in range(len(copy["scenarios"]))]
    copy["scenarios"] = scenario_ids
    for detail, scenario_id in zip(copy["scenarios_detail"], scenario_ids, strict=True):
        detail.update(id=scenario_id, created_at=when, updated_at=when)
    return copy


def _bodies() -> tuple[list[bytes], bytes]:
    store = Store()
    seed = store.seed
    run = store.run_test_json(store.run_tests[seed.run_test_id])
    runs = [json.dumps(_distinct(run, i)).encode() for i in range(RUN_VARIETY)]
    execution = {
        "message": "Test execution started successfully",
        "execution_id": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
        "run_test_id": str(seed.run_test_id),
        "status": "started",
        "total_scenarios": len(seed.scenario_ids),
        "total_calls": 0,
        "scenario_ids": [str(s) for s in seed.scenario_ids],
    }
    return runs, json.dumps(execution).encode()


RUN_VARIETY = 1000
RUNS, EXECUTION = _bodies()
# Execute requests answered so far: one event loop, so a plain counter.
STATS = {"executes": 0}


def _response(status: int, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def _page(origin: str, path: str, query: dict[str, list[str]], count: int) -> bytes:
    page = int(query.get("page", ["1"])[0])
    limit = int(query.get("limit", ["10"])[0])
    total_pages = max(1, math.ceil(count / limit))
    on_page = max(0, min(limit, count - (page - 1) * limit))
    link = f"{origin}{path}?limit={limit}&page="
    head: dict[str, Any] = {
        "count": count,
        "next": f"{link}{page + 1}" if page < total_pages else None,
        "previous": f"{link}{page - 1}" if page > 1 else None,
        "total_pages": total_pages,
        "current_page": page,
    }
    prefix = json.dumps(head).encode()[:-1] + b', "results": ['
    first = (page - 1) * limit
    return prefix + b", ".join(_run(first + j) for j in range(on_page)) + b"]}"


def _run(index: int) -> bytes:
    """The index-th run test: one of the prepared bodies, under an id of its own. Ids repeat in no list
    (``iter`` yields a run test once by id, so repeated ids would shorten the walk)."""
    body = RUNS[index % RUN_VARIETY]
    if index < RUN_VARIETY:
        return body
    # The id is the body's first value: {"id": "<36 characters>", ...
    return b'{"id": "' + str(uuid.UUID(int=index)).encode() + body[44:]


class _Protocol(asyncio.Protocol):
    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1")
            length = 0
            for line in head.split("\r\n")[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            method, target, _ = head.split("\r\n", 1)[0].split(" ", 2)
            assert self.transport is not None
            self.transport.write(self._answer(method, target))

    def _answer(self, method: str, target: str) -> bytes:
        parts = urlsplit(target)
        path, count = parts.path, 1000
        prefixed = _PREFIX.match(path)
        if prefixed:
            count, path = int(prefixed.group(1)), prefixed.group(2)
        if method == "POST" and path.endswith("/execute/"):
            STATS["executes"] += 1
            return _response(200, EXECUTION)
        if method == "GET" and path == "/stats":
            return _response(200, json.dumps(STATS).encode())
        if method == "GET" and path == "/simulate/run-tests/":
            return _response(200, _page(self.origin, parts.path, parse_qs(parts.query), count))
        return _response(404, b'{"message": "not here"}')


async def _serve() -> None:
    loop = asyncio.get_running_loop()
    stop: asyncio.Future[None] = loop.create_future()
    where: dict[str, str] = {}
    server = await loop.create_server(lambda: _Protocol(where["origin"]), "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    origin = where["origin"] = f"http://127.0.0.1:{port}"

    def finish() -> None:
        if not stop.done():
            stop.set_result(None)

    def stdin_ready() -> None:
        # The benchmark holds our stdin open; when it closes (even if it died), stop.
        if not sys.stdin.read(1):
            finish()

    loop.add_signal_handler(signal.SIGTERM, finish)
    loop.add_reader(sys.stdin.fileno(), stdin_ready)
    print(f"listening on {origin}", flush=True)
    async with server:
        await stop


if __name__ == "__main__":
    asyncio.run(_serve())
