"""What each of the command's paths imports, seen in a process of its own: only what the path uses, so a
start costs little more than a raw httpx script's (BENCHMARKS.md, "The command's cold start")."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from typing import Any

import attrs
import pytest

from futureagi_simulate.cli._options import options_class
from futureagi_simulate.cli._parser import build_parser
from futureagi_simulate.testing import Emulator
from tests.cli.harness import environment

# slow: each test starts an interpreter.
pytestmark = pytest.mark.slow

# The command as its console script starts it (click blocked, as the cli extra does not bring it), printing
# the modules loaded when it ends.
PROBE = (
    "import atexit, json, sys\n"
    "sys.modules['click'] = None\n"
    "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
    "sys.argv = ['futureagi-simulate', *sys.argv[1:]]\n"
    "from futureagi_simulate.cli import main_exit\n"
    "main_exit()\n"
)
CLI = "futureagi_simulate.cli."
#: The modules of run and report, which no other command needs.
RUN_ONLY = {
    CLI + m for m in ("_run", "_report_command", "_waiting", "_gate", "_progress", "_signals", "_run_options")
}


def loaded(env: dict[str, str] | None, *args: str) -> set[str]:
    """The modules a start of ``futureagi-simulate ARGS`` loaded; the command must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_help_loads_no_command_no_client_and_not_httpx() -> None:
    """--help loads argparse's parser only: no command's module, no client, no model, not httpx nor rich."""
    modules = loaded(None, "--help")
    assert CLI + "_parser" in modules
    assert not modules & (
        RUN_ONLY
        | {CLI + m for m in ("_queries", "_query_options", "_executions_options", "_item_options")}
        | {CLI + "_selecting", CLI + "_mcp"}
        | {"rich", "httpx"}
    )
    package = {m for m in modules if m.startswith("futureagi_simulate.") and not m.startswith(CLI[:-1])}
    # _exports: the lazy look-up the command's option and report modules answer names with.
    assert package == {
        "futureagi_simulate._version",
        "futureagi_simulate._redaction",
        "futureagi_simulate._exports",
    }


def test_a_query_loads_neither_rich_nor_run_s_modules(oss: Emulator) -> None:
    """run-tests list --json loads the query's module and the run test's models, not rich nor run's code."""
    modules = loaded(environment(oss), "run-tests", "list", "--json")
    assert {CLI + "_queries", "futureagi_simulate._api.models.run_test"} <= modules
    assert not modules & (RUN_ONLY | {"rich"})


def test_a_query_loads_no_verdict_no_preflight_and_no_other_operation_s_models(oss: Emulator) -> None:
    """run-tests list --json loads neither the verdict's, results', preflight's modules nor create's."""
    modules = loaded(environment(oss), "run-tests", "list", "--json")
    package = "futureagi_simulate."
    needless = {package + m for m in ("_verdict", "_results", "_baseline", "_preflight", "_cost")}
    needless |= {package + "_api." + m for m in ("api.run_tests.create_run_test", "models.call_result")}
    # The scenarios', executions' and call executions' pages: other reads' (RunTest names Scenario).
    needless |= {
        package + "_api.models." + m
        for m in ("run_test_scenario_page", "run_test_execution_page", "run_test_call_execution")
    }
    assert not modules & needless


def test_a_query_loads_no_execute_request_nor_execution(oss: Emulator) -> None:
    """run-tests list --json loads neither execute's endpoint and request models nor Execution."""
    modules = loaded(environment(oss), "run-tests", "list", "--json")
    package = "futureagi_simulate."
    needless = {package + "_execution", package + "_api.api.run_tests.execute_run_test"}
    needless |= {package + "_api.models.execute_run_test_request_" + casing for casing in ("snake", "camel")}
    assert not modules & needless


def test_a_dry_run_loads_run_s_modules_but_not_the_drawing_nor_other_commands(oss: Emulator) -> None:
    """run ID --dry-run loads run's modules and no rich, progress line, report command, suite nor query."""
    modules = loaded(environment(oss), "run", str(oss.seed.run_test_id), "--dry-run")
    assert {CLI + "_run", CLI + "_run_options", "futureagi_simulate._preflight"} <= modules
    others = ("_progress", "_report_command", "_many", "_suite", "_suite_command", "_queries", "_mcp")
    assert not modules & ({CLI + m for m in others} | {"rich"})
    assert "futureagi_simulate._api.api.run_tests.create_run_test" not in modules


def test_a_dry_run_loads_neither_the_verdict_nor_the_results_nor_the_baseline(oss: Emulator) -> None:
    """run ID --dry-run checks thresholds and reads the cost history without the verdict's modules."""
    modules = loaded(environment(oss), "run", str(oss.seed.run_test_id), "--dry-run")
    package = "futureagi_simulate."
    assert {package + m for m in ("_thresholds", "_status", "_cost", "_resources.executions")} <= modules
    needless = {package + m for m in ("_verdict", "_results", "_baseline")}
    # The results' eval summary models, which only _results names.
    needless |= {package + "_api.models." + m for m in ("eval_summary_docs", "eval_summary_server_envelope")}
    assert not modules & needless


def test_a_dry_run_loads_neither_execute_s_nor_cancel_s_nor_rerun_s_models(oss: Emulator) -> None:
    """run ID --dry-run loads neither Execution nor the cancel's and rerun's endpoints and models."""
    modules = loaded(environment(oss), "run", str(oss.seed.run_test_id), "--dry-run")
    package = "futureagi_simulate."
    needless = {package + "_execution"}
    needless |= {package + "_api.api.executions." + m for m in ("cancel_test_execution", "rerun_calls")}
    models = ["cancel_test_execution_request", "cancel_test_execution_result"]
    models += ["rerun_calls_request", "rerun_calls_result"]
    needless |= {package + "_api.models." + m for m in models}
    assert not modules & needless


def test_a_dry_run_loads_no_event_loop(oss: Emulator) -> None:
    """run ID --dry-run makes its requests on a sync pool: it loads neither asyncio nor anyio's backend."""
    modules = loaded(environment(oss), "run", str(oss.seed.run_test_id), "--dry-run")
    assert CLI + "_inline" in modules
    # httpcore imports anyio itself when installed, for sync pools too; not its asyncio backend.
    assert not modules & {"asyncio", "anyio._backends._asyncio"}


def test_a_query_reads_its_page_without_loading_msgspec(oss: Emulator) -> None:
    """run-tests list --json reads its one page by today's parse: msgspec (the speed extra) is not loaded."""
    modules = loaded(environment(oss), "run-tests", "list", "--json")
    assert "msgspec" not in modules


def test_a_dry_run_reads_its_answers_without_loading_msgspec(oss: Emulator) -> None:
    """run ID --dry-run reads its few answers by today's parse: msgspec (the speed extra) is not loaded."""
    modules = loaded(environment(oss), "run", str(oss.seed.run_test_id), "--dry-run")
    assert "msgspec" not in modules


def test_a_query_creates_only_its_own_options_class(oss: Emulator) -> None:
    """run-tests list --json loads the list queries' options, not other commands' nor a verdict's report's."""
    modules = loaded(environment(oss), "run-tests", "list", "--json")
    assert CLI + "_query_options" in modules
    assert not modules & {CLI + "_item_options", CLI + "_selecting", CLI + "_run_options"}
    # Nor run-tests executions' options, apart from list's.
    assert CLI + "_executions_options" not in modules
    # Nor a verdict report's values (its run test's name, its pinned version, its outcome).
    assert not modules & {CLI + "_reports._outcome", CLI + "_reports._pinned"}


def test_a_dry_run_creates_no_query_s_options_class(oss: Emulator) -> None:
    """run ID --dry-run loads run's options and --only's, not the queries' options classes."""
    modules = loaded(environment(oss), "run", str(oss.seed.run_test_id), "--dry-run")
    assert {CLI + "_run_options", CLI + "_selecting"} <= modules
    assert not modules & {
        CLI + "_query_options",
        CLI + "_executions_options",
        CLI + "_item_options",
        CLI + "_report_options",
    }


def _commands(parser: argparse.ArgumentParser) -> list[Any]:
    """Every Command the parser's subcommands (at any depth) set as their default."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                command = sub.get_default("command")
                if command is not None:
                    found.append(command)
                found += _commands(sub)
    return found


def test_every_command_names_options_that_exist() -> None:
    """Options loaded only when their command runs still name a real frozen attrs class."""
    for command in _commands(build_parser()):
        cls = options_class(command.options)
        assert attrs.has(cls), command
        assert cls.__setattr__ is not object.__setattr__, command  # frozen


def test_every_command_names_a_handler_that_exists() -> None:
    """A handler loaded only when its command runs still names a real function of a real module."""
    commands = _commands(build_parser())
    assert len(commands) >= 10
    for command in commands:
        handler = command.handler
        if hasattr(handler, "module"):  # loaded on first call: resolve it now
            module = importlib.import_module(f"futureagi_simulate.cli.{handler.module}")
            handler = getattr(module, handler.name)
        assert callable(handler), command
