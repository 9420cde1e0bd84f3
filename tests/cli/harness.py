"""How the command's tests run it: in this process (``invoke``: argv in; exit code, stdout, stderr and
files out), or as the installed command in a process of its own (``cli_process``) for what only a
process shows. Both take the emulator and the environment alike, and answer alike (``Done``)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import xunitparser

from futureagi_simulate.cli import _reports, main
from futureagi_simulate.testing import Emulator
from tests.server import Recorded, RecordingServer, Reply

COMMAND = str(Path(sys.executable).parent / "futureagi-simulate")
# Short enough that a run against the emulator ends in a few polls; the first wait grows from it.
POLL = "0.01"


@attrs.frozen
class Done:
    """What a run of the command left: its exit code and what it wrote on stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def environment(emu: Emulator, **extra: str) -> dict[str, str]:
    """The command's environment: the emulator's credentials and URL, CI set, no other FI_ or GITHUB_
    variable; ``extra`` on top (an empty value stays set, as the shell would pass it)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("FI_", "GITHUB_"))}
    return {
        **base,
        "FI_API_KEY": emu.api_key,
        "FI_SECRET_KEY": emu.secret_key,
        "FI_BASE_URL": emu.url,
        "CI": "true",
        **extra,
    }


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def invoke(emu: Emulator, *args: str, **extra: str) -> Done:
    """Runs ``futureagi-simulate ARGS`` in this process with ``environment(emu, **extra)``."""
    return invoke_with(environment(emu, **extra), *args)


def invoke_bare(*args: str) -> Done:
    """Runs ``futureagi-simulate ARGS`` in this process with no FI_ or GITHUB_ variable: for what needs
    no server (--help, --version)."""
    return invoke_with({k: v for k, v in os.environ.items() if not k.startswith(("FI_", "GITHUB_"))}, *args)


def invoke_with(env: dict[str, str], *args: str) -> Done:
    """Runs ``futureagi-simulate ARGS`` in this process, as the console script would (``main``), with
    exactly ``env`` as its environment; the process's streams, environment, signal handlers, warning
    filters and the command's redaction are put back as they were afterwards."""
    out, err = _stream(), _stream()
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    saved_out, saved_err = sys.stdout, sys.stderr
    try:
        with _environ(env), warnings.catch_warnings():
            # The command's own filters, not the test run's "error": a warning is a line it prints.
            warnings.resetwarnings()
            warnings.simplefilter("default")
            sys.stdout, sys.stderr = out, err
            code = main(list(args))
    finally:
        sys.stdout, sys.stderr = saved_out, saved_err
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        _reports.set_secrets([])
    return Done(returncode=code, stdout=_text(out), stderr=_text(err))


def cli_process(emu: Emulator, *args: str, **extra: str) -> Done:
    """Runs the installed ``futureagi-simulate ARGS`` as a process of its own."""
    done = subprocess.run(
        [COMMAND, *args],
        env=environment(emu, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return Done(returncode=done.returncode, stdout=done.stdout, stderr=done.stderr)


def run_args(emu: Emulator, *more: str) -> list[str]:
    """``run`` of the emulator's seeded run test, polling every 10 ms, then ``more``."""
    return ["run", str(emu.seed.run_test_id), "--poll-interval", POLL, *more]


def junit_cases(path: Path) -> dict[str, Any]:
    """The JUnit file's test cases by name."""
    with path.open() as junit:
        suite, _report = xunitparser.parse(junit)
    return {case.methodname: case for case in suite}


# Hostile answers: the emulator behind a proxy that rewrites what it answers ------------------------------


def rewrite(value: Any, change: Callable[[Any], Any]) -> Any:
    """``value`` with ``change`` applied to every node, children first."""
    if isinstance(value, dict):
        value = {k: rewrite(v, change) for k, v in value.items()}
    elif isinstance(value, list):
        value = [rewrite(v, change) for v in value]
    return change(value)


@contextlib.contextmanager
def hostile(emu: Emulator, change: Callable[[Any], Any]) -> Iterator[RecordingServer]:
    """A server in front of the emulator that answers what the emulator does, rewritten by ``change``."""

    # One connection pool for every forwarded request: a new client per request costs more than the run.
    forwarder = httpx.Client()

    def forward(request: Recorded) -> Reply:
        skip = ("host", "content-length", "connection")
        headers = {k: v for k, v in request.headers.items() if k not in skip}
        answer = forwarder.request(
            request.method,
            emu.url + request.path,
            params=dict(request.query),
            content=request.body,
            headers=headers,
        )
        if answer.headers.get("content-type", "").startswith("application/json") and answer.content:
            body = json.dumps(rewrite(answer.json(), change)).encode()
            return Reply(answer.status_code, body)
        return Reply(answer.status_code, answer.content, content_type=answer.headers.get("content-type", ""))

    server = RecordingServer()
    server.handler = forward
    server.start()
    try:
        yield server
    finally:
        server.stop()
        forwarder.close()


def renamed(old: str, new: str) -> Callable[[Any], Any]:
    """A ``change`` for ``hostile``: every string with ``old`` replaced by ``new``."""
    return lambda value: value.replace(old, new) if isinstance(value, str) else value
