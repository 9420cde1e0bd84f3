"""``futureagi-simulate mcp``: the MCP server of ``futureagi_simulate.mcp`` on stdin and stdout.

The MCP SDK comes with the ``mcp`` extra and is imported only here, when the command runs: ``--help``
and every other command work without it, and ``import futureagi_simulate`` never loads it.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from futureagi_simulate import NOT_GIVEN, AsyncSimulateClient, InvalidArgumentError

from ._common import UsageError, in_option_terms, say
from ._exit import ExitCode
from ._options import McpOptions

__all__ = ["INSTALL_HINT", "mcp_command"]

# The package is on no index: the extra is added to whatever the package was installed from.
INSTALL_HINT = (
    "install the package again with its mcp extra, e.g. pip install '<your wheel, checkout or git URL>[mcp]'"
)


def _client(options: McpOptions) -> AsyncSimulateClient:
    """The async client from the options and the FI_* environment; bad settings exit 2 before serving."""
    client = options.client

    def given(value: str | None) -> Any:
        return NOT_GIVEN if value is None else value

    workspace = client.workspace_id or os.environ.get("FI_WORKSPACE_ID", "").strip() or None
    casing = str(client.body_casing or os.environ.get("FI_BODY_CASING", "").strip() or "auto")
    if casing not in ("auto", "camel", "snake"):
        raise UsageError(f"FI_BODY_CASING: must be auto, camel or snake, got {casing!r}")
    try:
        return AsyncSimulateClient(
            api_key=given(client.api_key),
            secret_key=given(client.secret_key),
            base_url=given(client.base_url),
            workspace_id=workspace,
            body_casing=casing,  # type: ignore[arg-type]
        )
    except InvalidArgumentError as error:
        raise UsageError(in_option_terms(error)) from None


def mcp_command(options: McpOptions) -> int:
    """Serves until stdin closes (exit 0) or a signal stops it (128 + its number: 143 for SIGTERM, its
    requests' executions cancelled first); without the extra, one line and exit 2."""
    try:
        import anyio

        from futureagi_simulate.mcp import create_server
    except ImportError as missing:
        package = (missing.name or "mcp").partition(".")[0]
        say(f"mcp: the command needs the 'mcp' extra ({package} is missing): {INSTALL_HINT}")
        return ExitCode.USAGE
    client = _client(options)
    # The wire is stdout: the command's line-safe wrapper (cli/_output.py) must not touch it.
    sys.stdout = sys.__stdout__
    stopped_by: list[int] = []

    async def serve() -> None:
        async with client, anyio.create_task_group() as tasks:

            async def stop_on_signal() -> None:
                # SIGTERM from the agent's host (after it closed stdin and waited), SIGINT, SIGHUP: every
                # request still running is cancelled as a cancelled request is, its execution too.
                with anyio.open_signal_receiver(signal.SIGTERM, signal.SIGINT, signal.SIGHUP) as signals:
                    async for signum in signals:
                        stopped_by.append(signum)
                        tasks.cancel_scope.cancel()
                        return

            tasks.start_soon(stop_on_signal)
            await create_server(client, max_timeout=options.max_timeout).run_stdio_async()
            tasks.cancel_scope.cancel()

    anyio.run(serve)
    return 128 + stopped_by[0] if stopped_by else ExitCode.PASSED
