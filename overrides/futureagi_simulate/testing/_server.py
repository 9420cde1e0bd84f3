"""Ways to reach an ``EmulatorApp``: a threaded HTTP server on loopback, and httpx transports.

The standard library's ``ThreadingHTTPServer`` is enough here and gives what a framework would hide: the
raw socket, so that a ``drop`` fault can close a connection after the request was read without
answering. No server dependency is added to the package.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from ._app import EmulatorApp
from ._exchange import Answer, Exchange

__all__ = ["AsyncEmulatorTransport", "EmulatorServer", "EmulatorTransport", "LoopbackHTTPServer"]


class LoopbackHTTPServer(ThreadingHTTPServer):
    # The load tests connect hundreds of clients at once; socketserver's default listen backlog is sized
    # for a handful, and the kernel resets the connections beyond it.
    request_queue_size = 1024
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up on a delayed answer leaves a broken pipe behind: expected, not noise.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class EmulatorServer:
    def __init__(self, app: EmulatorApp, *, host: str, port: int) -> None:
        self._httpd = LoopbackHTTPServer((host, port), _handler_class(app))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="futureagi-simulate-emulator", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


def _handler_class(app: EmulatorApp) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "futureagi-simulate-emulator"
        # Headers and body go out in two writes; with Nagle's algorithm on, the second waits for the
        # client's delayed ACK, so every answer would stall for the length of the ACK timer.
        disable_nagle_algorithm = True

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            host = self.headers.get("Host") or "127.0.0.1"
            exchange = Exchange(
                method=self.command,
                path=parts.path,
                query=parse_qsl(parts.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
                origin=f"http://{host}",
            )
            answer = app.handle(exchange)
            if answer.delay:
                time.sleep(answer.delay)
            if answer.drop:
                self.close_connection = True
                # Shut the socket down now, so the client sees the connection end without an answer.
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)

        # Every method reaches the application, which answers 405 (with Allow) as Django does, rather
        # than http.server's 501 for methods it has no do_<METHOD> for.
        def __getattr__(self, name: str) -> Any:
            if name.startswith("do_"):
                return self._handle
            raise AttributeError(name)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return _Handler


def _exchange(request: httpx.Request, body: bytes) -> Exchange:
    return Exchange(
        method=request.method,
        path=request.url.path,
        query=parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True),
        headers={k.lower(): v for k, v in request.headers.items()},
        body=body,
        origin=f"{request.url.scheme}://{request.url.netloc.decode('ascii')}",
    )


def _response(answer: Answer, request: httpx.Request) -> httpx.Response:
    if answer.drop:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    return httpx.Response(answer.status, headers=dict(answer.headers), content=answer.body, request=request)


class EmulatorTransport(httpx.BaseTransport):
    """Serves an ``httpx.Client`` straight from the emulator, with no socket."""

    def __init__(self, app: EmulatorApp) -> None:
        self._app = app

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self._app.handle(_exchange(request, request.read()))
        if answer.delay:
            time.sleep(answer.delay)
        return _response(answer, request)


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    """Serves an ``httpx.AsyncClient`` straight from the emulator, with no socket."""

    def __init__(self, app: EmulatorApp) -> None:
        self._app = app

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import anyio

        answer = self._app.handle(_exchange(request, await request.aread()))
        if answer.delay:
            await anyio.sleep(answer.delay)
        return _response(answer, request)
