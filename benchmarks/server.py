"""A light loopback HTTP server for the benchmarks, run in its own process.

Why not the emulator: it validates, routes and renders every answer in Python threads that share the
client's interpreter and its GIL, which costs more per request than the client under test does, and
would hide the client's cost in noise. This server answers from bytes prepared once, on one asyncio
loop, in a second process, so both the client and its raw-httpx baseline meet the same near-free peer.

The bodies are the emulator's own: the seeded run test as the emulator renders it (every field
populated, three scenarios in detail) made into 1,000 distinct run tests (ids, names, times), and an
execute answer in the open-source server's snake_case. An execution's call rows and results are the
emulator's too (``testing/_executions.py`` renders them as the open-source server does: 61 keys a detail
row), each row with its own id and a transcript of six turns, which the emulator leaves empty.

Routes (any path prefix ``/n<count>`` sets the number of run tests listed, default 1,000):

- ``POST .../execute/``: the execute answer.
- ``GET .../simulate/run-tests/?page=P&limit=L``: page P of ``count`` run tests, with DRF's fields.
- ``GET .../simulate/test-executions/<EXECUTION_ID>/?page=P&limit=L``: page P of an execution of
  ``count`` calls (the detail, every call row).
- ``GET .../sdk/api/v1/simulation/runs/?execution_id=<EXECUTION_ID>&page=P&limit=L``: page P of its
  results, in the open-source envelope.
- ``GET .../simulate/run-tests/<seeded run test>/``: the run test (``report`` reads its eval configs),
  ``.../scenarios/``, its scenarios, and ``.../executions/``, its one finished execution, the one above
  (``run --dry-run`` reads all three, then that execution's call rows for its cost estimate).
- ``GET /stats``: ``{"executes": n}``, the execute requests answered so far (the load benchmark checks
  that each execute call ran exactly once).
- ``GET /requests``: every other request answered since the last ``/requests`` (``"METHOD target"``, in
  order), then forgets them: the command's cold start and its raw script must ask for the same.

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

from futureagi_simulate.testing import _executions, _run_tests
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
#: The execution whose calls and results the server lists (any count of calls, by the path's prefix).
EXECUTION_ID = "5e1f0c2a-8b7d-4c3e-9a6f-2d4b8c0e1f3a"
_TRANSCRIPT = [
    {"role": role, "content": f"Turn {n}: the words said, about as long as a sentence of a real call."}
    for n, role in enumerate(["assistant", "user"] * 3)
]


def _execution_bodies() -> tuple[
    bytes, dict[str, Any], tuple[bytes, bytes], dict[str, Any], tuple[bytes, bytes]
]:
    """The seeded run test's JSON, and an execution of it as the emulator renders it once finished: the
    detail's and the results' head (without rows), and one call row of each, split around the call's id."""
    store = Store()
    seed = store.seed
    record = store.run_tests[seed.run_test_id]
    execution_id = store.record_execution(record, seed.scenario_ids)
    store.finish(execution_id)
    execution = store.execution(execution_id)
    call = execution.calls[0]
    row = _executions.call_row(store, execution, call, record)
    row["transcript"] = _TRANSCRIPT
    row["test_execution_id"] = EXECUTION_ID
    results = _executions._results(store, record, execution, 1, 100)
    result_row = results["call_results"]["results"][0]
    del results["call_results"]
    results.update(execution_id=EXECUTION_ID)
    detail_head = {
        "column_order": _executions._column_order(store, record),
        "error_messages": [],
        "status": "completed",
        "provider": "vapi",
        "agent_type": record.agent_type,
    }

    def split(one: dict[str, Any], key: str) -> tuple[bytes, bytes]:
        before, _, after = json.dumps(one).partition(one[key])
        return before.encode(), after.encode()

    run_test = json.dumps(store.run_test_json(record)).encode()
    # The run test's executions: this one, finished (``run --dry-run`` reads its call rows for the cost).
    summary = {**_run_tests._execution_row(store, execution, record), "id": EXECUTION_ID}
    EXECUTIONS.append(json.dumps(_one_page([summary])).encode())
    scenarios = [
        {"id": str(s), "name": store.scenario_name(s), "row_count": 0}
        for s in store.scenarios_newest_first(record)
    ]
    SCENARIOS.append(json.dumps(_one_page(scenarios)).encode())
    return run_test, detail_head, split(row, "id"), results, split(result_row, "call_execution_id")


def _one_page(results: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "count": len(results),
        "next": None,
        "previous": None,
        "total_pages": 1,
        "current_page": 1,
        "results": results,
    }


#: The seeded run test's scenarios, one page (``run --dry-run`` reads them).
SCENARIOS: list[bytes] = []
#: The seeded run test's executions, one page (``run --dry-run`` reads them, then the calls of each).
EXECUTIONS: list[bytes] = []
SEEDED_RUN_TEST, _DETAIL_HEAD, _DETAIL_ROW, _RESULTS_HEAD, _RESULT_ROW = _execution_bodies()
SEEDED_RUN_TEST_ID = str(Store().seed.run_test_id)
# Execute requests answered so far: one event loop, so a plain counter.
STATS = {"executes": 0}
# Every request but /stats and /requests, as "METHOD target", until the next GET /requests.
REQUESTS: list[str] = []


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


def _rows(row: tuple[bytes, bytes], count: int, page: int, limit: int) -> tuple[bytes, int]:
    """Page ``page`` of ``count`` call rows, each with its own id, and the number of pages."""
    total_pages = max(1, math.ceil(count / limit))
    first = (page - 1) * limit
    on_page = max(0, min(limit, count - first))
    before, after = row
    ids = (str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench/call/{first + j}")).encode() for j in range(on_page))
    return b"[" + b", ".join(before + i + after for i in ids) + b"]", total_pages


def _detail(query: dict[str, list[str]], count: int) -> bytes:
    page, limit = int(query.get("page", ["1"])[0]), int(query.get("limit", ["10"])[0])
    rows, total_pages = _rows(_DETAIL_ROW, count, page, limit)
    head = {
        "count": count,
        # Absolute in the server's answers; the client pages by number and only tests them for null.
        "next": f"/?page={page + 1}" if page < total_pages else None,
        "previous": f"/?page={page - 1}" if page > 1 else None,
        "total_pages": total_pages,
        "current_page": page,
        **_DETAIL_HEAD,
    }
    return json.dumps(head).encode()[:-1] + b', "results": ' + rows + b"}"


def _results(query: dict[str, list[str]], count: int) -> bytes:
    page, limit = int(query.get("page", ["1"])[0]), int(query.get("limit", ["10"])[0])
    rows, total_pages = _rows(_RESULT_ROW, count, page, limit)
    head = {**_RESULTS_HEAD, "total_calls": count, "completed_calls": count, "failed_calls": 0}
    pages = {"total_pages": total_pages, "current_page": page, "count": count}
    calls = json.dumps(pages).encode()[:-1] + b', "results": ' + rows + b"}"
    return (
        b'{"status": true, "result": '
        + json.dumps(head).encode()[:-1]
        + b', "call_results": '
        + calls
        + b"}}"
    )


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
        if method == "GET" and path == "/requests":
            seen = json.dumps(REQUESTS).encode()
            REQUESTS.clear()
            return _response(200, seen)
        REQUESTS.append(f"{method} {target}")
        query = parse_qs(parts.query)
        if method == "GET" and path == f"/simulate/test-executions/{EXECUTION_ID}/":
            return _response(200, _detail(query, count))
        if (
            method == "GET"
            and path == "/sdk/api/v1/simulation/runs/"
            and query.get("execution_id") == [EXECUTION_ID]
        ):
            return _response(200, _results(query, count))
        if method == "GET" and path == f"/simulate/run-tests/{SEEDED_RUN_TEST_ID}/scenarios/":
            return _response(200, SCENARIOS[0])
        if method == "GET" and path == f"/simulate/run-tests/{SEEDED_RUN_TEST_ID}/executions/":
            return _response(200, EXECUTIONS[0])
        if method == "GET" and path == f"/simulate/run-tests/{SEEDED_RUN_TEST_ID}/":
            return _response(200, SEEDED_RUN_TEST)
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
