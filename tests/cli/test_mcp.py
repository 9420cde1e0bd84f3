"""``futureagi-simulate mcp`` as a process of its own: the MCP SDK's stdio client starts the installed
command, as a coding agent does, and talks to it over stdin and stdout against the emulator."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters

from futureagi_simulate.testing import Emulator
from tests.cli.harness import COMMAND, environment
from tests.cli.test_signals import ENDS_WITHIN

# slow: each test starts the installed command or another interpreter.
pytestmark = pytest.mark.slow


def stdio(emu: Emulator, *args: str) -> Client:
    """The SDK's client of ``futureagi-simulate mcp ARGS`` started with the emulator's settings."""
    return Client(StdioServerParameters(command=COMMAND, args=["mcp", *args], env=environment(emu)))


@pytest.mark.anyio
async def test_the_command_serves_the_tools_over_stdio(oss: Emulator) -> None:
    """The installed command: tools/list names run_simulation; get_run_test answers the seeded run test."""
    async with stdio(oss) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        answer = await client.call_tool("get_run_test", {"run_test_id": str(oss.seed.run_test_id)})
    assert "run_simulation" in names
    assert not answer.is_error
    assert answer.structured_content is not None
    assert answer.structured_content["run_test"]["name"] == "Checkout regression"


@pytest.mark.anyio
async def test_the_command_runs_a_simulation_to_its_verdict(oss: Emulator) -> None:
    """run_simulation over stdio: one execution, outcome passed."""
    async with stdio(oss) as client:
        answer = await client.call_tool(
            "run_simulation", {"run_test_id": str(oss.seed.run_test_id), "poll_interval_seconds": 0.01}
        )
    assert answer.structured_content is not None
    assert answer.structured_content["outcome"] == "passed"
    assert oss.execution_count(oss.seed.run_test_id) == 1


@pytest.mark.anyio
async def test_max_timeout_bounds_the_wait_run_simulation_accepts(oss: Emulator) -> None:
    """--max-timeout 1m: a 61 s wait is refused naming the bound, and nothing is executed."""
    async with stdio(oss, "--max-timeout", "1m") as client:
        answer = await client.call_tool(
            "run_simulation", {"run_test_id": str(oss.seed.run_test_id), "timeout_seconds": 61}
        )
    assert answer.is_error
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_without_credentials_the_command_exits_2_before_serving(oss: Emulator) -> None:
    """No FI_API_KEY/FI_SECRET_KEY: one line naming them on stderr, exit 2, nothing on stdout."""
    env = {k: v for k, v in environment(oss).items() if k not in ("FI_API_KEY", "FI_SECRET_KEY")}
    done = subprocess.run(
        [COMMAND, "mcp"], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Set FI_API_KEY and FI_SECRET_KEY" in done.stderr


def test_a_base_url_with_credentials_is_named_by_the_options_to_set(oss: Emulator) -> None:
    """FI_BASE_URL with user:password@: exit 2 naming the variables to set, not api_key=, no password."""
    env = environment(oss, FI_BASE_URL="http://user:hunter2@127.0.0.1:1")
    done = subprocess.run(
        [COMMAND, "mcp"], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "FI_BASE_URL: must not carry user:password@ credentials: set FI_API_KEY" in done.stderr
    assert "api_key=" not in done.stderr
    assert "hunter2" not in done.stderr


def test_without_the_mcp_extra_the_command_names_it() -> None:
    """The SDK missing: one line naming the mcp extra and how to install it, exit 2."""
    probe = (
        "import sys; sys.modules['mcp'] = None; from futureagi_simulate.cli import main; "
        "sys.exit(main(['mcp', '--api-key', 'key-123456', '--secret-key', 'secret-123456']))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "futureagi-simulate: mcp: the command needs the 'mcp' extra (mcp is missing): install the package "
        "again with its mcp extra, e.g. pip install '<your wheel, checkout or git URL>[mcp]'"
    ]


def test_the_mcp_command_needs_no_cli_extra(oss: Emulator) -> None:
    """Without rich (the cli extra), `mcp` still starts: stdin closed at once, it serves nothing, exits 0."""
    probe = (
        "import sys; sys.modules['rich'] = None; from futureagi_simulate.cli import main; "
        "sys.exit(main(['mcp']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env=environment(oss),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "cli' extra" not in done.stderr


@pytest.mark.anyio
async def test_an_agent_that_quits_mid_run_leaves_no_execution_running() -> None:
    """The agent stops waiting and goes away (its call cancelled, stdin closed): the command cancels the
    execution before it exits."""
    with Emulator(dialect="oss", advance="manual") as manual:
        started = anyio.Event()

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            started.set()

        with anyio.fail_after(ENDS_WITHIN):
            async with stdio(manual) as client, anyio.create_task_group() as tasks:

                async def call() -> None:
                    await client.call_tool(
                        "run_simulation",
                        {"run_test_id": str(manual.seed.run_test_id), "poll_interval_seconds": 0.01},
                        progress_callback=on_progress,
                    )

                tasks.start_soon(call)
                await started.wait()
                tasks.cancel_scope.cancel()
        (execution,) = manual.execution_ids(manual.seed.run_test_id)
        assert manual.execution_status(execution) in ("cancelling", "cancelled")


def test_sigterm_mid_run_cancels_the_execution_and_exits_143(tmp_path: Path) -> None:
    """JSON-RPC by hand; once a progress notification came, the host stops the server (stdin closed, then
    SIGTERM) with run_simulation still waiting: the execution is cancelled, the command exits 143."""
    with Emulator(dialect="oss", advance="manual") as manual, (tmp_path / "stderr").open("w") as stderr:
        process = subprocess.Popen(
            [COMMAND, "mcp"],
            env=environment(manual),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            for message in (
                {
                    "jsonrpc": "2.0",
                    "id": 1,
                    "method": "initialize",
                    "params": {
                        "protocolVersion": "2025-06-18",
                        "capabilities": {},
                        "clientInfo": {"name": "test", "version": "1"},
                    },
                },
                {"jsonrpc": "2.0", "method": "notifications/initialized"},
                {
                    "jsonrpc": "2.0",
                    "id": 2,
                    "method": "tools/call",
                    "params": {
                        "name": "run_simulation",
                        "arguments": {
                            "run_test_id": str(manual.seed.run_test_id),
                            "poll_interval_seconds": 0.01,
                        },
                        "_meta": {"progressToken": "p"},
                    },
                },
            ):
                process.stdin.write(json.dumps(message) + "\n")
                process.stdin.flush()
            for line in process.stdout:
                if json.loads(line).get("method") == "notifications/progress":
                    break
            # The host's way to stop a stdio server (MCP's lifecycle): close its stdin, then SIGTERM.
            process.stdin.close()
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=ENDS_WITHIN)
        finally:
            process.kill()
            process.wait()
            process.stdout.close()
        assert code == 143, (tmp_path / "stderr").read_text()
        (execution,) = manual.execution_ids(manual.seed.run_test_id)
        assert manual.execution_status(execution) in ("cancelling", "cancelled")
