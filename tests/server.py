"""A real HTTP server on 127.0.0.1 that records every request and answers from a script.

Tests queue replies (``server.reply(...)``) or install a handler (``server.handler = ...``); each request
takes the next queued reply, else the handler's answer. What arrived is kept in ``server.requests``.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs

# The emulator's threaded server: a deep backlog, and quiet about clients that hung up.
from futureagi_simulate.testing._server import LoopbackHTTPServer


@attrs.frozen
class Recorded:
    """One request as it arrived."""

    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # lower-cased names
    body: bytes
    # The client's source port: equal ports mean one reused keep-alive connection.
    peer_port: int

    def json(self) -> Any:
        return json.loads(self.body)


@attrs.frozen
class Reply:
    """What to answer. ``body`` is sent as JSON unless it is ``bytes`` or ``str`` (sent as is)."""

    status: int = 200
    body: Any = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    content_type: str = "application/json"
    delay: float = 0.0
    # Close the connection after reading the request, without answering.
    drop: bool = False
    # Seconds between single bytes of the body: a server that drips its answer.
    drip: float = 0.0
    # With drip: the status line and headers are dripped too, not only the body.
    drip_head: bool = False


Handler = Callable[[Recorded], Reply]


def raw_json_reply(body: Any, replace: dict[str, str]) -> Reply:
    """A 200 whose body is ``body`` as JSON text with each placeholder string replaced by raw JSON text:
    what ``json.dumps`` does not write (NaN, ``1e400``, a key given twice, text that is not JSON)."""
    text = json.dumps(body)
    for placeholder, raw in replace.items():
        text = text.replace(json.dumps(placeholder), raw)
    return Reply(200, text.encode())


def nested_list(levels: int) -> Any:
    """``"bottom"`` inside ``levels`` arrays, for the nesting bound."""
    value: Any = "bottom"
    for _ in range(levels):
        value = [value]
    return value


def _no_reply(request: Recorded) -> Reply:
    return Reply(500, {"status": False, "message": f"test server: no reply queued for {request.path}"})


class RecordingServer:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.handler: Handler = _no_reply
        self._queue: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._httpd = LoopbackHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.01,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def reply(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def start(self) -> RecordingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _answer(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            queued = self._queue.popleft() if self._queue else None
        return queued if queued is not None else self.handler(request)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body are two writes: without this, Nagle's algorithm holds the body ~40 ms.
            disable_nagle_algorithm = True

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                recorded = Recorded(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                    peer_port=self.client_address[1],
                )
                reply = server._answer(recorded)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    return
                if isinstance(reply.body, bytes):
                    payload = reply.body
                elif isinstance(reply.body, str):
                    payload = reply.body.encode()
                elif reply.body is None:
                    payload = b""
                else:
                    payload = json.dumps(reply.body).encode()
                headers = {"Content-Type": reply.content_type, "Content-Length": str(len(payload))}
                headers.update(reply.headers)
                if reply.drip_head:
                    lines = [f"HTTP/1.1 {reply.status} Dripping"]
                    lines += [f"{name}: {value}" for name, value in headers.items()]
                    payload = ("\r\n".join(lines) + "\r\n\r\n").encode() + payload
                else:
                    self.send_response(reply.status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                if not reply.drip:
                    self.wfile.write(payload)
                    return
                self.wfile.flush()
                for i in range(len(payload)):
                    try:
                        self.wfile.write(payload[i : i + 1])
                        self.wfile.flush()
                    except OSError:  # the client gave up: what the drip tests expect
                        self.close_connection = True
                        return
                    time.sleep(reply.drip)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle  # noqa: N815 (http.server names)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return _Handler
