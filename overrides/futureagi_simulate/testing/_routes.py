"""The route table: each operation's ``operationId``, method, path and handler, and whether it writes.

Routing is Django's: a path matches whole, a path id is a lower-case UUID (anything else matches no
route and gets the HTML 404 page), and a known path with another method is a 405 naming the methods it
takes. The ``operationId`` is ``openapi.yaml``'s, so faults and request counters are keyed by the names
a client's own document uses. A new operation is a row here and a handler in its resource's module
(``_run_tests``, ``_prompt_simulations``, ``_executions``, ``_agents``, ``_scenarios``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from . import _agents, _executions, _prompt_simulations, _run_tests, _scenarios
from ._answers import error_answer, not_found_page
from ._exchange import Answer, Exchange

if TYPE_CHECKING:
    from ._served import Served

__all__ = ["OPERATIONS", "ROUTES", "Handler", "Route", "match", "unrouted"]

#: A handler answers one operation; it raises ``InvalidError`` or ``RefusalError`` to refuse it.
Handler = Callable[["Served", Exchange, dict[str, str]], Answer]

# Django's <uuid:...> converter: lower-case only, so an upper-case id is a 404 as well.
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_RUN_TEST = rf"(?P<run_test_id>{_UUID})"
_TEMPLATE = rf"(?P<prompt_template_id>{_UUID})"
_EXECUTION = rf"(?P<test_execution_id>{_UUID})"
_AGENT = rf"(?P<agent_id>{_UUID})"
_VERSION = rf"(?P<version_id>{_UUID})"
_SCENARIO = rf"(?P<scenario_id>{_UUID})"


def _whole_path(path: str) -> re.Pattern[str]:
    return re.compile(path)


@attrs.frozen
class Route:
    operation: str
    method: str
    #: The whole path, ids captured by name for the handler.
    pattern: re.Pattern[str] = attrs.field(converter=_whole_path)
    handler: Handler
    #: Whether a read-only key is refused (403).
    write: bool


_SIMULATION = f"/simulate/prompt-templates/{_TEMPLATE}/simulations/{_RUN_TEST}/"

ROUTES: tuple[Route, ...] = (
    # The five endpoints.
    Route("createRunTest", "POST", "/simulate/run-tests/create/", _run_tests.create_run_test, write=True),
    Route("listRunTests", "GET", "/simulate/run-tests/", _run_tests.list_run_tests, write=False),
    Route(
        "executeRunTest",
        "POST",
        f"/simulate/run-tests/{_RUN_TEST}/execute/",
        _run_tests.execute_run_test,
        write=True,
    ),
    Route("getPromptSimulation", "GET", _SIMULATION, _prompt_simulations.get_prompt_simulation, write=False),
    Route(
        "executePromptSimulation",
        "POST",
        f"{_SIMULATION}execute/",
        _prompt_simulations.execute_prompt_simulation,
        write=True,
    ),
    # After execute.
    Route("getRunTest", "GET", f"/simulate/run-tests/{_RUN_TEST}/", _run_tests.get_run_test, write=False),
    Route(
        "deleteRunTest", "DELETE", f"/simulate/run-tests/{_RUN_TEST}/", _run_tests.delete_run_test, write=True
    ),
    Route(
        "listRunTestScenarios",
        "GET",
        f"/simulate/run-tests/{_RUN_TEST}/scenarios/",
        _run_tests.list_run_test_scenarios,
        write=False,
    ),
    Route(
        "listRunTestExecutions",
        "GET",
        f"/simulate/run-tests/{_RUN_TEST}/executions/",
        _run_tests.list_run_test_executions,
        write=False,
    ),
    Route(
        "getEvalSummary",
        "GET",
        f"/simulate/run-tests/{_RUN_TEST}/eval-summary/",
        _run_tests.get_eval_summary,
        write=False,
    ),
    Route(
        "getTestExecution",
        "GET",
        f"/simulate/test-executions/{_EXECUTION}/",
        _executions.get_test_execution,
        write=False,
    ),
    Route(
        "cancelTestExecution",
        "POST",
        f"/simulate/test-executions/{_EXECUTION}/cancel/",
        _executions.cancel_test_execution,
        write=True,
    ),
    Route(
        "getSimulationRunResults",
        "GET",
        "/sdk/api/v1/simulation/runs/",
        _executions.get_simulation_run_results,
        write=False,
    ),
    # Issue 24: changing and deleting a run test, its calls.
    Route(
        "updateRunTestComponents",
        "PATCH",
        f"/simulate/run-tests/{_RUN_TEST}/components/",
        _run_tests.update_run_test_components,
        write=True,
    ),
    Route(
        "listRunTestCallExecutions",
        "GET",
        f"/simulate/run-tests/{_RUN_TEST}/call-executions/",
        _run_tests.list_run_test_call_executions,
        write=False,
    ),
    # Issue 24: scenarios, agent definitions and their versions.
    Route("listScenarios", "GET", "/simulate/scenarios/", _scenarios.list_scenarios, write=False),
    Route("getScenario", "GET", f"/simulate/scenarios/{_SCENARIO}/", _scenarios.get_scenario, write=False),
    Route(
        "listAgentDefinitions",
        "GET",
        "/simulate/agent-definitions/",
        _agents.list_agent_definitions,
        write=False,
    ),
    Route(
        "createAgentDefinition",
        "POST",
        "/simulate/agent-definitions/create/",
        _agents.create_agent_definition,
        write=True,
    ),
    Route(
        "getAgentDefinition",
        "GET",
        f"/simulate/agent-definitions/{_AGENT}/",
        _agents.get_agent_definition,
        write=False,
    ),
    Route(
        "listAgentVersions",
        "GET",
        f"/simulate/agent-definitions/{_AGENT}/versions/",
        _agents.list_agent_versions,
        write=False,
    ),
    Route(
        "createAgentVersion",
        "POST",
        f"/simulate/agent-definitions/{_AGENT}/versions/create/",
        _agents.create_agent_version,
        write=True,
    ),
    Route(
        "getAgentVersion",
        "GET",
        f"/simulate/agent-definitions/{_AGENT}/versions/{_VERSION}/",
        _agents.get_agent_version,
        write=False,
    ),
    Route(
        "getAgentVersionEvalSummary",
        "GET",
        f"/simulate/agent-definitions/{_AGENT}/versions/{_VERSION}/eval-summary/",
        _agents.get_agent_version_eval_summary,
        write=False,
    ),
)

#: The operationIds the emulator serves, which faults and counters are keyed by.
OPERATIONS = sorted({route.operation for route in ROUTES})


def match(exchange: Exchange) -> tuple[Route | None, dict[str, str]]:
    """The route of this method and path, with the ids the path captured; None when no route matches."""
    for route in ROUTES:
        found = route.pattern.fullmatch(exchange.path)
        if found and route.method == exchange.method:
            return route, found.groupdict()
    return None, {}


def unrouted(path: str) -> Answer:
    """What Django answers when no route matches: 405 with ``Allow`` for a known path, else its 404 page."""
    methods = sorted({r.method for r in ROUTES if r.pattern.fullmatch(path)})
    if methods:
        return error_answer(
            405,
            "method_not_allowed",
            "method_not_allowed",
            "Method not allowed.",
            headers={"Allow": ", ".join(methods)},
        )
    return not_found_page()
