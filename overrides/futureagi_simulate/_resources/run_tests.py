"""``client.run_tests`` (``RunTests``) and ``AsyncRunTests``: every operation on run tests, whole.

Each operation's request (checked arguments in wire form, through the generated ``build_request_kwargs``
that openapi.yaml decides), its answer reading (the generated models' ``from_dict``, through the one
envelope rule of ``_answers``), its flow, and the sync and async methods, which differ only by
``await``. Adding an operation on run tests: the document, ``make generate``, an exchange builder and
one method on each class here, the emulator's handler, tests.

Loaded on a client's first use of ``run_tests`` (``_resources``'s ``__getattr__``), so it imports the
generated package at the top: importing it costs more than httpx, and an import statement inside each
function would cost microseconds per call even once loaded (BENCHMARKS.md).
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

# The public methods annotate the names loaded on first use through the package, as the clients annotate
# their resources: typing.get_type_hints then loads them when asked, where a name imported only under
# TYPE_CHECKING is a NameError.
import futureagi_simulate
from futureagi_simulate._answers import about, envelope_key, json_object, shallow_object, unwrap_array
from futureagi_simulate._api.api.run_tests import get_run_test as _get
from futureagi_simulate._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    CloneError,
    FutureAGIError,
    InvalidArgumentError,
)
from futureagi_simulate._flows import Casing, Context, Exchange, Flow, negotiated, single
from futureagi_simulate._mirrors import (
    Mirrored,
    Reading,
    redact_mirrored_agent_parts,
    redact_mirrored_run_test,
    redacted_json,
)
from futureagi_simulate._models import (
    UNSET,
    AgentVersion,
    EvalConfig,
    RunTest,
    Unset,
)
from futureagi_simulate._pagination import all_pages
from futureagi_simulate._redaction import redact_fields
from futureagi_simulate._retry import NOT_SENT
from futureagi_simulate._selection import Selection
from futureagi_simulate._types import NOT_GIVEN, NotGiven, SimulationType
from futureagi_simulate._validate import (
    IdLike,
    check_bool,
    check_json,
    check_positive_int,
    check_simulation_type,
    check_text,
    check_uuid,
    check_uuid_list,
)

from ._base import (
    PAGE_SIZE,
    AsyncResource,
    PageExchange,
    Resource,
    async_rows,
    check_selection,
    numbered,
    optional,
    optional_uuid,
    rows,
)

if TYPE_CHECKING:
    from futureagi_simulate._api.models.execute_run_test_request_camel import ExecuteRunTestRequestCamel
    from futureagi_simulate._api.models.execute_run_test_request_snake import ExecuteRunTestRequestSnake
    from futureagi_simulate._api.models.run_test_execution_page import RunTestExecutionPage
    from futureagi_simulate._api.models.run_test_scenario_page import RunTestScenarioPage
    from futureagi_simulate._api.models.update_run_test_components_request_camel import (
        UpdateRunTestComponentsRequestCamel,
    )
    from futureagi_simulate._api.models.update_run_test_components_request_snake import (
        UpdateRunTestComponentsRequestSnake,
    )
    from futureagi_simulate._execution import Execution
    from futureagi_simulate._models import (
        EvaluationConfig,
        RunTestCallExecutionPage,
        RunTestExecution,
        RunTestPage,
    )
    from futureagi_simulate._preflight import RunTestCheck
    from futureagi_simulate._results import EvalSummary
    from futureagi_simulate._verdict import Thresholds

# The operations a command's start or a script's first call rarely takes (create, delete, the eval
# summaries, the components' update, the call executions, the scenarios' and executions' pages, check)
# import their generated endpoint and models, and the verdict's and the preflight's modules, on first use:
# those load about as much code as the rest of this module, which ``run-tests list`` would pay for at
# every start (BENCHMARKS.md, "The command's cold start"). An import of a module already loaded costs well
# under a microsecond, beside the request's milliseconds. list, get and execute import theirs here. A
# model a call returns is imported through ``_models`` before its answer is read, which publishes it and
# every model its generated module named (``futureagi_simulate.RunTestScenario``, ``...Scenario``).

__all__ = [
    "COPY_DESCRIPTION",
    "AsyncRunTests",
    "RunTests",
    "copy_name",
    "get_exchange",
    "parse_run_test",
    "parse_run_test_page",
    "scenario_ids",
    "scenarios_page_exchange",
]

log = logging.getLogger("futureagi_simulate")

# Named through the package: create's evaluation configs load on first use, not with the run test's
# models that a query or a dry run reads (4 classes, about 9 M instructions of each start).
EvaluationsConfig = Sequence["futureagi_simulate.EvaluationConfig | Mapping[str, Any]"]

NAME_MAX_LENGTH = 255
DATASET_ROW_ID_MAX_LENGTH = 255
# The search goes into the URL, which servers and proxies cap at a few KB (httpx itself at 64 KB).
SEARCH_MAX_LENGTH = 1000


# Reading answers ------------------------------------------------------------------------------------------


# These read an answer the client decoded itself and reads nothing else of (flows.finish decodes the body
# again for an error's text), so the parse may reuse its objects and arrays (consume=True).
def parse_run_test(body: object) -> RunTest:
    return RunTest.from_dict(_redact_agent_parts(json_object(body)), None, True)


#: One run test (run_tests.get): first through the speed extra's mirrors, as a page's run tests are.
_read_run_test = Reading(parse_run_test, Mirrored(RunTest, prepare=redact_mirrored_run_test))


def _parse_run_test_page(body: object) -> RunTestPage:
    from futureagi_simulate._models import RunTestPage

    page = json_object(body)
    results = page.get("results")
    if isinstance(results, list):
        # The last agent details and snapshot found clean, which equal ones of later run tests need not be
        # walked again for (_mirrors.redact_mirrored_agent_parts, the same rule on the mirrors).
        clean: list[Any] = [None, None]
        for item in results:
            if isinstance(item, dict):
                _redact_agent_parts(item, clean)
    return RunTestPage.from_dict(page, None, True)


@functools.cache
def _page_reading() -> Reading[RunTestPage]:
    """``parse_run_test_page``, made on the first list: a dry run or a get never loads the page's model
    nor the list's endpoint (about 5 M instructions of their start; BENCHMARKS.md, "Issue 27, fourth
    session: dryrun32")."""
    from futureagi_simulate._models import RunTestPage

    return Reading(_parse_run_test_page, Mirrored(RunTestPage, prepare=redact_mirrored_agent_parts))


if TYPE_CHECKING:
    #: A page of run tests: from the answer's bytes through the speed extra's mirrors when it is installed
    #: (``_mirrors``), else (or when they refuse) as above. Made on first use (``_page_reading``).
    parse_run_test_page: Reading[RunTestPage]


def __getattr__(name: str) -> Any:
    if name == "parse_run_test_page":
        return _page_reading()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _redact_agent_parts(run: dict[str, Any], clean: list[Any] | None = None) -> dict[str, Any]:
    """``run`` with the agent's secrets (``_redaction.SECRET_FIELDS``) redacted where a run test carries
    them, its agent's details and its agent version's configuration snapshot: no repr or pickle of a run
    test then holds one. A part holding a secret is copied with it redacted; one holding none is read as
    it is (``_mirrors.redacted_json``), as is one equal to the last part found clean in ``clean``."""
    if clean is None:
        clean = [None, None]
    detail = run.get("agent_definition_detail")
    if type(detail) is dict:
        if detail != clean[0]:
            redacted = redacted_json(detail)
            if redacted is detail:
                clean[0] = detail
            run["agent_definition_detail"] = redacted
    elif isinstance(detail, dict):
        run["agent_definition_detail"] = redact_fields(detail)
    version = run.get("agent_version")
    if isinstance(version, dict):
        snapshot = version.get("configuration_snapshot")
        if type(snapshot) is dict:
            if snapshot == clean[1]:
                return run
            redacted = redacted_json(snapshot)
            if redacted is snapshot:
                clean[1] = snapshot
                return run
        elif isinstance(snapshot, dict):
            redacted = redact_fields(snapshot)
        else:
            return run
        run["agent_version"] = {**version, "configuration_snapshot": redacted}
    return run


def parse_eval_summary(body: object) -> EvalSummary:
    """Either dialect's shape: ``{"status": true, "result": [...]}`` (the open-source server's, one item
    per eval template) or ``{"evaluations": [...]}`` (documented); ``docs/dialects.md``, "Eval outputs
    and the eval summary"."""
    from futureagi_simulate._api.models.eval_summary_docs import EvalSummaryDocs
    from futureagi_simulate._api.models.eval_summary_server_item import EvalSummaryServerItem
    from futureagi_simulate._results import EvalSummary

    answer = shallow_object(body)
    key = envelope_key(answer, own=("evaluations",))
    if key is None:
        return EvalSummary.from_docs(EvalSummaryDocs.from_dict(answer))
    return EvalSummary.from_server(unwrap_array(answer, key=key, parse=EvalSummaryServerItem.from_dict))


def parse_deleted(body: object) -> None:
    # Read for its shape only (a 200 that is no object is an APIResponseValidationError); its one field is
    # a fixed sentence, nothing to return.
    from futureagi_simulate._api.models.run_test_deleted import RunTestDeleted

    RunTestDeleted.from_dict(shallow_object(body))


def parse_call_execution_page(body: object) -> RunTestCallExecutionPage:
    from futureagi_simulate._models import RunTestCallExecutionPage

    return RunTestCallExecutionPage.from_dict(json_object(body), None, True)


# Building requests ---------------------------------------------------------------------------------------


def create_exchange(
    *,
    name: object,
    agent_definition_id: object,
    scenario_ids: object,
    description: object = NOT_GIVEN,
    eval_config_ids: object = NOT_GIVEN,
    evaluations_config: object = NOT_GIVEN,
    dataset_row_ids: object = NOT_GIVEN,
    enable_tool_evaluation: object = NOT_GIVEN,
    replay_session_id: object = NOT_GIVEN,
    agent_version: object = NOT_GIVEN,
) -> Exchange[RunTest]:
    from futureagi_simulate._api.api.run_tests import create_run_test as _create
    from futureagi_simulate._api.models.create_run_test_request import CreateRunTestRequest

    body = CreateRunTestRequest(
        name=_check_name(name),
        agent_definition_id=check_uuid("agent_definition_id", agent_definition_id),
        scenario_ids=_check_scenario_ids(scenario_ids),
        description=optional(description, _check_description),
        dataset_row_ids=optional(dataset_row_ids, _check_dataset_row_ids),
        eval_config_ids=optional(eval_config_ids, lambda v: check_uuid_list("eval_config_ids", v)),
        evaluations_config=optional(evaluations_config, _check_evaluations_config),
        enable_tool_evaluation=optional(
            enable_tool_evaluation, lambda v: check_bool("enable_tool_evaluation", v)
        ),
        replay_session_id=optional_uuid("replay_session_id", replay_session_id),
        agent_version=optional_uuid("agent_version", agent_version),
    )
    return Exchange.from_generated("create run test", _create.build_request_kwargs(body=body), parse_run_test)


def list_exchange(
    *,
    search: object = NOT_GIVEN,
    simulation_type: object = NOT_GIVEN,
    prompt_template_id: object = NOT_GIVEN,
    page: object = NOT_GIVEN,
    limit: object = NOT_GIVEN,
) -> Exchange[RunTestPage]:
    """The list request with only the parameters given (the server refuses unknown ones)."""
    if not isinstance(search, (str, NotGiven)):
        raise InvalidArgumentError("search", f"must be a str, got {type(search).__name__}")
    if isinstance(search, str):
        if len(search) > SEARCH_MAX_LENGTH:
            raise InvalidArgumentError(
                "search", f"must be at most {SEARCH_MAX_LENGTH} characters, got {len(search):,}"
            )
        check_text("search", search)
    kind: SimulationType | Unset = UNSET
    if not isinstance(simulation_type, NotGiven) and simulation_type is not None:
        kind = check_simulation_type(simulation_type)
    template: uuid.UUID | Unset = UNSET
    if not isinstance(prompt_template_id, NotGiven) and prompt_template_id is not None:
        template = check_uuid("prompt_template_id", prompt_template_id)
        # The server applies prompt_template_id only together with simulation_type=prompt.
        if kind == "agent_definition":
            raise InvalidArgumentError(
                "prompt_template_id", "only applies to simulation_type='prompt', not 'agent_definition'"
            )
        kind = "prompt"
    from futureagi_simulate._api.api.run_tests import list_run_tests as _list

    kwargs = _list.build_request_kwargs(
        search=search if isinstance(search, str) and search else UNSET,
        simulation_type=kind,
        prompt_template_id=template,
        page=optional(page, lambda v: check_positive_int("page", v)),
        limit=optional(limit, lambda v: check_positive_int("limit", v)),
    )
    return Exchange.from_generated("list run tests", kwargs, _page_reading())


def get_exchange(run_test_id: uuid.UUID) -> Exchange[RunTest]:
    kwargs = _get.build_request_kwargs(run_test_id)
    parse = about(run_test_id, "run test", _read_run_test, lambda answer: answer.id)
    return Exchange.from_generated("get run test", kwargs, parse)


def delete_exchange(run_test_id: uuid.UUID) -> Exchange[None]:
    from futureagi_simulate._api.api.run_tests import delete_run_test as _delete

    return Exchange.from_generated(
        "delete run test", _delete.build_request_kwargs(run_test_id), parse_deleted
    )


def call_executions_exchange(
    run_test_id: uuid.UUID,
    *,
    search: object = NOT_GIVEN,
    status: object = NOT_GIVEN,
    page: object = NOT_GIVEN,
    limit: object = NOT_GIVEN,
) -> Exchange[RunTestCallExecutionPage]:
    """The call-executions request with only the parameters given."""
    from futureagi_simulate._api.api.run_tests import list_run_test_call_executions as _call_executions

    kwargs = _call_executions.build_request_kwargs(
        run_test_id,
        search=optional(search, lambda v: _check_query_text("search", v)),
        status=optional(status, lambda v: _check_query_text("status", v)),
        # The generated builder defaults page to 1; UNSET leaves it out, as the caller did.
        page=optional(page, lambda v: check_positive_int("page", v)),
        limit=optional(limit, lambda v: check_positive_int("limit", v)),
    )
    return Exchange.from_generated("list run test call executions", kwargs, parse_call_execution_page)


def components_builder(
    run_test_id: object,
    *,
    agent_definition_id: object,
    agent_version_id: object,
    simulator_agent_id: object,
    scenario_ids: object,
    enable_tool_evaluation: object,
) -> Callable[[Casing], Exchange[dict[str, Any]]]:
    """Checks the arguments now and returns a builder of the PATCH for either casing.

    The body is camelCase in the documented dialect and snake_case on the open-source server, which
    refuses unknown keys with a 400 before it changes anything (``openapi.yaml``,
    ``updateRunTestComponents``): the same negotiation as an execute's, and as safe to resend once.
    """
    run_test = check_uuid("run_test_id", run_test_id)
    agent = optional_uuid("agent_definition_id", agent_definition_id)
    version = optional_uuid("agent_version_id", agent_version_id)
    simulator = optional_uuid("simulator_agent_id", simulator_agent_id)
    scenarios = optional(scenario_ids, _check_scenario_ids)
    tools = optional(enable_tool_evaluation, lambda v: check_bool("enable_tool_evaluation", v))
    if all(isinstance(v, Unset) for v in (agent, version, simulator, scenarios, tools)):
        raise InvalidArgumentError(
            "update_components",
            "name at least one of agent_definition_id, agent_version_id, simulator_agent_id, scenario_ids, "
            "enable_tool_evaluation; nothing was sent",
        )

    from futureagi_simulate._api.api.run_tests import update_run_test_components as _components
    from futureagi_simulate._api.models.update_run_test_components_request_camel import (
        UpdateRunTestComponentsRequestCamel,
    )
    from futureagi_simulate._api.models.update_run_test_components_request_snake import (
        UpdateRunTestComponentsRequestSnake,
    )

    def build(casing: Casing) -> Exchange[dict[str, Any]]:
        body: UpdateRunTestComponentsRequestCamel | UpdateRunTestComponentsRequestSnake
        if casing == "snake":
            body = UpdateRunTestComponentsRequestSnake(
                agent_definition_id=agent,
                version=version,
                simulator_agent_id=simulator,
                scenarios=scenarios,
                enable_tool_evaluation=tools,
            )
        else:
            body = UpdateRunTestComponentsRequestCamel(
                agent_definition_id=agent,
                version=version,
                simulator_agent_id=simulator,
                scenarios=scenarios,
                enable_tool_evaluation=tools,
            )
        kwargs = _components.build_request_kwargs(run_test, body=body)
        return Exchange.from_generated("update run test components", kwargs, shallow_object)

    return build


def scenarios_page_exchange(run_test_id: uuid.UUID, page: int) -> Exchange[RunTestScenarioPage]:
    from futureagi_simulate._api.api.run_tests import list_run_test_scenarios as _scenarios
    from futureagi_simulate._api.models.run_test_scenario_page import RunTestScenarioPage
    from futureagi_simulate._models import RunTestScenario  # noqa: F401  (publishes the page's models)

    kwargs = _scenarios.build_request_kwargs(run_test_id, page=page, limit=PAGE_SIZE)
    return Exchange.from_generated(
        "list run test scenarios", kwargs, lambda body: RunTestScenarioPage.from_dict(shallow_object(body))
    )


def executions_page_exchange(run_test_id: uuid.UUID, page: int) -> Exchange[RunTestExecutionPage]:
    from futureagi_simulate._api.api.run_tests import list_run_test_executions as _executions
    from futureagi_simulate._api.models.run_test_execution_page import RunTestExecutionPage
    from futureagi_simulate._models import RunTestExecution  # noqa: F401  (publishes the page's models)

    kwargs = _executions.build_request_kwargs(run_test_id, page=page, limit=PAGE_SIZE)
    return Exchange.from_generated(
        "list run test executions", kwargs, lambda body: RunTestExecutionPage.from_dict(shallow_object(body))
    )


def eval_summary_exchange(run_test_id: uuid.UUID, execution_id: uuid.UUID | None) -> Exchange[EvalSummary]:
    from futureagi_simulate._api.api.run_tests import get_eval_summary as _eval_summary

    kwargs = _eval_summary.build_request_kwargs(
        run_test_id, execution_id=UNSET if execution_id is None else execution_id
    )
    return Exchange.from_generated("get eval summary", kwargs, parse_eval_summary)


#: The most executions one comparison asks for: their ids travel in the query string (about 40 bytes each
#: once encoded), which proxies cap at a few kilobytes.
MAX_COMPARED_EXECUTIONS = 50


def check_compared_executions(execution_ids: object) -> list[uuid.UUID]:
    """The ids of ``eval_summary_comparison``: a non-empty list of UUIDs, each once, at most
    ``MAX_COMPARED_EXECUTIONS``; ``InvalidArgumentError`` otherwise, before anything is sent."""
    ids = list(dict.fromkeys(check_uuid_list("execution_ids", execution_ids)))
    if not ids:
        raise InvalidArgumentError(
            "execution_ids", "must name at least one execution (the server refuses [])"
        )
    if len(ids) > MAX_COMPARED_EXECUTIONS:
        raise InvalidArgumentError(
            "execution_ids", f"names {len(ids)} executions; at most {MAX_COMPARED_EXECUTIONS} a request"
        )
    return ids


def parse_eval_summary_comparison(asked: Sequence[uuid.UUID], body: object) -> dict[uuid.UUID, EvalSummary]:
    """Either dialect's comparison (``{"status": true, "result": {id: [...]}}`` or ``{id: [...]}``) as one
    ``EvalSummary`` per execution asked for, in the order asked. An answer without one of them is refused:
    a comparison must not pass over an execution it was not told about."""
    from futureagi_simulate._api.models.eval_summary_comparison_docs import EvalSummaryComparisonDocs
    from futureagi_simulate._api.models.eval_summary_comparison_server_envelope import (
        EvalSummaryComparisonServerEnvelope,
    )
    from futureagi_simulate._api.models.eval_summary_docs import EvalSummaryDocs
    from futureagi_simulate._results import EvalSummary

    answer = shallow_object(body)
    summaries: dict[str, EvalSummary]
    if "status" in answer and envelope_key(answer, own=()) is not None:
        server = EvalSummaryComparisonServerEnvelope.from_dict(answer)
        summaries = {
            key: EvalSummary.from_server(items) for key, items in server.result.additional_properties.items()
        }
    else:
        docs = EvalSummaryComparisonDocs.from_dict(answer)
        summaries = {
            key: EvalSummary.from_docs(EvalSummaryDocs(evaluations=items))
            for key, items in docs.additional_properties.items()
        }
    by_id = {uuid.UUID(key): summary for key, summary in summaries.items() if _is_uuid(key)}
    if not by_id and not summaries:
        # The server's answer for a run test without eval configs: {} whatever was asked.
        return {execution_id: EvalSummary(evals=()) for execution_id in asked}
    missing = [str(execution_id) for execution_id in asked if execution_id not in by_id]
    if missing:
        raise ValueError(f"the comparison has no summary for execution {', '.join(missing)}")
    return {execution_id: by_id[execution_id] for execution_id in asked}


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def eval_summary_comparison_exchange(
    run_test_id: uuid.UUID, execution_ids: Sequence[uuid.UUID]
) -> Exchange[dict[uuid.UUID, EvalSummary]]:
    from futureagi_simulate._api.api.run_tests import get_eval_summary_comparison as _comparison

    # The server reads one query parameter holding a JSON array (EvalSummaryComparisonFilterSerializer).
    encoded = json.dumps([str(execution_id) for execution_id in execution_ids], separators=(",", ":"))
    kwargs = _comparison.build_request_kwargs(run_test_id, execution_ids=encoded)
    ids = list(execution_ids)
    return Exchange.from_generated(
        "get eval summary comparison", kwargs, lambda body: parse_eval_summary_comparison(ids, body)
    )


def execute_builder(
    ctx: Context,
    run_test_id: object,
    selection: object,
    simulator_id: object,
) -> Callable[[Casing], Exchange[Execution] | Flow[Exchange[Execution]]]:
    """Checks the arguments now and returns a builder of the execute request for either casing.

    The open-source server (snake_case) runs exactly the ids it is given whatever ``select_all`` says
    (``docs/dialects.md``, "Choosing scenarios"), so there an ``all_except`` selection is first turned
    into ``only`` the other scenarios, read from the run test's scenario list (``_rest``).
    """
    run_test = check_uuid("run_test_id", run_test_id)
    chosen = check_selection(selection)
    simulator = UNSET if simulator_id is None else check_uuid("simulator_id", simulator_id)

    # One closure per call; the request itself is built by module functions (no closures to make).
    def build(casing: Casing) -> Exchange[Execution] | Flow[Exchange[Execution]]:
        if casing == "snake" and chosen.is_all_except:
            return _rest_then_execute(run_test, chosen, simulator, ctx)
        return _execute_exchange(run_test, chosen, simulator, casing)

    return build


def _rest_then_execute(
    run_test: uuid.UUID, chosen: Selection, simulator: uuid.UUID | Unset, ctx: Context
) -> Flow[Exchange[Execution]]:
    rest = yield from _rest(run_test, chosen, ctx)
    return _execute_exchange(run_test, rest, simulator, "snake")


def _execute_exchange(
    run_test: uuid.UUID, chosen: Selection, simulator: uuid.UUID | Unset, casing: Casing
) -> Exchange[Execution]:
    snake, camel, build_kwargs, parse = _execute_parts()
    model = snake if casing == "snake" else camel
    body = model(select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids), simulator_id=simulator)
    kwargs = build_kwargs(run_test, body=body)
    return Exchange.from_generated("execute run test", kwargs, parse, starts_work=True)


@functools.cache
def _execute_parts() -> tuple[
    type[ExecuteRunTestRequestSnake],
    type[ExecuteRunTestRequestCamel],
    Callable[..., dict[str, Any]],
    Callable[[object], Execution],
]:
    """Execute's request models, request builder and answer reader, loaded on the first execute: a list
    or a get (the command's queries) loads neither them nor ``Execution``'s generated models, and an
    execute pays one cached call, not an import statement."""
    from futureagi_simulate._api.api.run_tests import execute_run_test
    from futureagi_simulate._api.models.execute_run_test_request_camel import ExecuteRunTestRequestCamel
    from futureagi_simulate._api.models.execute_run_test_request_snake import ExecuteRunTestRequestSnake
    from futureagi_simulate._execution import Execution

    return (
        ExecuteRunTestRequestSnake,
        ExecuteRunTestRequestCamel,
        execute_run_test.build_request_kwargs,
        Execution.from_wire,
    )


# Flows ------------------------------------------------------------------------------------------------


def scenario_ids(run_test_id: uuid.UUID, ctx: Context) -> Flow[list[uuid.UUID]]:
    """The ids of every scenario of the run test, in the server's order."""
    _, scenarios = yield from all_pages(lambda number: scenarios_page_exchange(run_test_id, number), ctx)
    return [row.id for row in scenarios]


def _rest(run_test_id: uuid.UUID, selection: Selection, ctx: Context) -> Flow[Selection]:
    """``Selection.only`` of the run test's scenarios that ``selection`` (an ``all_except``) leaves in.

    Where the server ignores ``select_all`` when ids are given (``docs/dialects.md``, "Choosing
    scenarios"), the client carries out "all except" itself: it reads the run test's scenario list and
    sends the rest. An empty rest is refused before the execute is sent.
    """
    everything = yield from scenario_ids(run_test_id, ctx)
    left_out = set(selection.scenario_ids)
    rest = [scenario for scenario in everything if scenario not in left_out]
    if not rest:
        raise InvalidArgumentError(
            "selection",
            f"Selection.all_except() leaves none of the run test's {len(everything)} scenarios to run; "
            "nothing was started",
        )
    log.info("all_except: this server ignores select_all; sending the %d other scenarios", len(rest))
    return Selection.only(rest)


def _update_components_flow(
    run_test_id: uuid.UUID, build: Callable[[Casing], Exchange[dict[str, Any]]], ctx: Context
) -> Flow[RunTest]:
    """The PATCH, then the run test as it now is: the two dialects answer the PATCH differently (a
    sentence, or the run test), so the run test is read back by id."""
    yield from negotiated(build, ctx)
    return (yield from single(get_exchange(run_test_id), ctx))


def _call_execution_pages(
    run_test_id: object, *, search: object, status: object, page_size: object
) -> PageExchange:
    """Checks the iteration's arguments now, before the first page is asked for."""
    run_test = check_uuid("run_test_id", run_test_id)
    size = check_positive_int("page_size", page_size)
    exchanges = functools.partial(
        call_executions_exchange, run_test, search=search, status=status, limit=size
    )
    return numbered(exchanges)


def _check_flow(
    ctx: Context, run_test_id: IdLike, selection: Selection | None, thresholds: Thresholds | None
) -> Flow[RunTestCheck]:
    """Reads the run test and every page of its scenario list; returns what an execute would meet."""
    from futureagi_simulate._preflight import check_arguments

    run_test_id = check_uuid("run_test_id", run_test_id)
    chosen = Selection.all() if selection is None else selection
    check_arguments(chosen, thresholds)
    return _check_reading(run_test_id, ctx, chosen, thresholds)


def _check_reading(
    run_test_id: uuid.UUID, ctx: Context, selection: Selection, thresholds: Thresholds | None
) -> Flow[RunTestCheck]:
    from futureagi_simulate._preflight import check_run_test

    run_test = yield from single(get_exchange(run_test_id), ctx)
    _, scenarios = yield from all_pages(lambda number: scenarios_page_exchange(run_test_id, number), ctx)
    return check_run_test(run_test_id, run_test, scenarios, selection=selection, thresholds=thresholds)


# Clone: a short-lived copy pinned to an agent version -------------------------------------------------

# Said in every copy's description: where it came from, so that one left behind explains itself.
COPY_DESCRIPTION = "Copy of run test {original} pinned to agent version {version}, made by run_tests.clone"
# An ambiguous create is looked for by name among the run tests created since a little before it, on the
# server's clock: this much earlier than the client's, for skew.
_CREATE_SKEW = datetime.timedelta(minutes=5)


def copy_name(original: str, version: str, *, commit: str | None = None, token: str | None = None) -> str:
    """The copy's name: ``<original> [agent version <version>, commit <commit>, copy <token>]``, the
    original's name cut (with ``…``) so that the whole fits the server's 255 characters. ``token`` (six
    random hex digits when None) tells apart two copies made from one commit at once."""
    token = token if token is not None else uuid.uuid4().hex[:6]
    parts = [f"agent version {version}"]
    if commit:
        parts.append(f"commit {commit}")
    parts.append(f"copy {token}")
    tail = f" [{', '.join(parts)}]"
    room = NAME_MAX_LENGTH - len(tail)
    head = original if len(original) <= room else original[: max(room - 1, 0)] + "…"
    return (head + tail)[:NAME_MAX_LENGTH]


def _clone_flow(ctx: Context, run_test_id: object, agent_version_id: object, name: object) -> Flow[RunTest]:
    """Checks the arguments now, before any request; the flow reads, creates and pins."""
    original_id = check_uuid("run_test_id", run_test_id)
    version = check_uuid("agent_version_id", agent_version_id)
    chosen = None if name is None else _check_name(name)
    return _clone(ctx, original_id, version, chosen)


def _clone(ctx: Context, original_id: uuid.UUID, version: uuid.UUID, name: str | None) -> Flow[RunTest]:
    original = yield from single(get_exchange(original_id), ctx)
    request = _copy_request(original, version, name)
    since = datetime.datetime.now(datetime.UTC) - _CREATE_SKEW
    try:
        copy = yield from single(create_exchange(**request), ctx)
    except FutureAGIError as error:
        if not _create_may_have_happened(error):
            raise
        yield from _remove_lost_copy(ctx, str(request["name"]), since, error, original_id)
        raise AssertionError("unreachable: _remove_lost_copy raises") from error
    if copy.id == original_id:
        # The copy is later PATCHed, and deleted on a failure and after the run: an answer naming the
        # original must never lead to changing or deleting the user's run test.
        raise CloneError(
            f"the create's answer names run test {original_id}, the original, not a new copy: nothing was "
            f"changed or deleted; a run test named {request['name']!r} may have been made",
            left_run_test_name=str(request["name"]),
        )
    try:
        return (yield from _pin(ctx, original, copy, version))
    except FutureAGIError as error:
        yield from _remove_copy(ctx, copy, error)
        raise AssertionError("unreachable: _remove_copy raises") from error


def _copy_request(original: RunTest, version: uuid.UUID, name: str | None) -> dict[str, Any]:
    """The create body of the copy: the original's agent, scenarios, dataset rows, tool evaluation and
    eval configs, pinned to ``version``. Raises ``CloneError`` (nothing made) when the original cannot be
    copied: a prompt simulation, no scenarios, or an eval config whose template the answer does not name."""
    agent = original.agent_definition
    if not isinstance(agent, uuid.UUID):
        raise CloneError(
            f"run test {original.id} has no agent definition (a prompt simulation, or its agent was "
            "deleted): there is no agent version to pin; nothing was created"
        )
    scenarios = original.scenarios if isinstance(original.scenarios, list) else []
    if not scenarios:
        raise CloneError(f"run test {original.id} has no scenarios to copy; nothing was created")
    request: dict[str, Any] = {
        "name": name if name is not None else copy_name(original.name, str(version)),
        "agent_definition_id": agent,
        "scenario_ids": scenarios,
        "description": COPY_DESCRIPTION.format(original=original.id, version=version),
        "evaluations_config": [_recreated(original, config) for config in _eval_configs(original)],
        "agent_version": version,
    }
    if isinstance(original.dataset_row_ids, list) and original.dataset_row_ids:
        request["dataset_row_ids"] = list(original.dataset_row_ids)
    if isinstance(original.enable_tool_evaluation, bool):
        request["enable_tool_evaluation"] = original.enable_tool_evaluation
    return request


def _eval_configs(run_test: RunTest) -> list[EvalConfig]:
    """The run test's eval configs as the answer gives them (three keys carry the same list; the first
    one present counts)."""
    for configs in (run_test.simulate_eval_configs_detail, run_test.evals_detail, run_test.evals):
        if isinstance(configs, list):
            return configs
    return []


def _recreated(original: RunTest, config: EvalConfig) -> dict[str, Any]:
    """An eval config of the original as an ``evaluations_config`` item: the server ignores
    ``eval_config_ids`` on create (``CreateRunTestView`` in ``simulate/views/run_test.py`` filters them
    and drops the result), so each config is created anew from its template and settings.

    Left out: ``eval_group``, which the answer gives as the group's name while create wants its id, and
    ``status``, which the server sets."""
    template = config.template_id
    if not isinstance(template, uuid.UUID):
        raise CloneError(
            f"run test {original.id}: its eval config {config.name!r} ({config.id}) has no template_id in "
            "the answer, so it cannot be recreated on a copy; nothing was created"
        )
    item: dict[str, Any] = {"template_id": str(template)}
    wire = config.to_dict()
    for key in ("name", "config", "mapping", "filters", "error_localizer", "model"):
        value = wire.get(key)
        if value is not None:
            item[key] = value
    return item


def _pin(ctx: Context, original: RunTest, copy: RunTest, version: uuid.UUID) -> Flow[RunTest]:
    """Makes sure the copy runs what the original does, on ``version``: the simulator agent (create has no
    field for it) and the version set with the components PATCH when the answer shows otherwise, then
    every eval config there. Raises ``CloneError`` when the copy still differs."""
    simulator = original.simulator_agent if isinstance(original.simulator_agent, uuid.UUID) else None
    if _version_of(copy) != version or (simulator is not None and copy.simulator_agent != simulator):
        build = components_builder(
            copy.id,
            agent_definition_id=NOT_GIVEN,
            # Sent along with the simulator: a PATCH without it may fall back to the agent's active version.
            agent_version_id=version,
            simulator_agent_id=NOT_GIVEN if simulator is None else simulator,
            scenario_ids=NOT_GIVEN,
            enable_tool_evaluation=NOT_GIVEN,
        )
        copy = yield from _update_components_flow(copy.id, build, ctx)
    pinned = _version_of(copy)
    if pinned != version:
        raise CloneError(
            f"the server made run test {copy.id} on agent version {pinned}, not {version}, and did not "
            "change it when asked"
        )
    wanted, made = len(_eval_configs(original)), len(_eval_configs(copy))
    if made != wanted:
        raise CloneError(
            f"run test {copy.id} was made with {made} eval configs; the original {original.id} has {wanted}"
        )
    return copy


def _version_of(run_test: RunTest) -> uuid.UUID | None:
    version = run_test.agent_version
    return version.id if isinstance(version, AgentVersion) and isinstance(version.id, uuid.UUID) else None


def _create_may_have_happened(error: FutureAGIError) -> bool:
    """True when the create reached the server and its answer was lost or unreadable: the copy may exist."""
    if isinstance(error, APIResponseValidationError):
        return 200 <= error.status_code < 300
    if isinstance(error, APIConnectionError):
        return NOT_SENT not in error.message
    # A gateway's 502 or 504 may come after the server made it; the server's own 500 comes from a view
    # whose transaction was rolled back (CreateRunTestView), and a 503 or 429 from before it.
    return isinstance(error, APIStatusError) and error.status_code in (502, 504)


def _remove_copy(ctx: Context, copy: RunTest, error: FutureAGIError) -> Flow[None]:
    """Deletes the copy after ``error``; raises ``CloneError`` saying what became of it."""
    try:
        yield from single(delete_exchange(copy.id), ctx)
    except FutureAGIError as failed:
        raise CloneError(
            f"{error}; the copy, run test {copy.id} ({copy.name!r}), was left: deleting it failed: {failed}",
            left_run_test_id=copy.id,
            left_run_test_name=copy.name,
        ) from error
    raise CloneError(f"{error}; the copy, run test {copy.id}, was deleted") from error


def _made_since(row: RunTest, since: datetime.datetime) -> bool:
    made = row.created_at
    return not isinstance(made, datetime.datetime) or made >= since


def _remove_lost_copy(
    ctx: Context, name: str, since: datetime.datetime, error: FutureAGIError, original_id: uuid.UUID
) -> Flow[None]:
    """After a create whose answer was lost: finds the run tests of exactly ``name`` created since
    ``since`` and deletes them; raises ``CloneError`` saying what became of them. Never the original,
    nor a row whose creation time the answer does not give (it may be the user's own run test)."""
    try:
        page = yield from single(list_exchange(search=name, limit=PAGE_SIZE), ctx)
        named = [row for row in page.results if row.name == name and row.id != original_id]
        found = [
            row.id
            for row in named
            if isinstance(row.created_at, datetime.datetime) and row.created_at >= since
        ]
        unsure = [row.id for row in named if not isinstance(row.created_at, datetime.datetime)]
        for found_id in found:
            yield from single(delete_exchange(found_id), ctx)
    except FutureAGIError as failed:
        raise CloneError(
            f"{error}; the create's answer was lost, so a run test named {name!r} may have been made and "
            f"left: looking for it to delete it failed: {failed}",
            left_run_test_name=name,
        ) from error
    if unsure:
        deleted = f"the run test it had made ({', '.join(map(str, found))}) was deleted; " if found else ""
        raise CloneError(
            f"{error}; the create's answer was lost: {deleted}run tests named {name!r} whose creation time "
            f"the answer does not give ({', '.join(map(str, unsure))}) were left, since any may be yours: "
            "one may be the copy",
            left_run_test_name=name,
        ) from error
    what = (
        f"the run test it had made ({', '.join(map(str, found))}) was deleted"
        if found
        else (f"no run test named {name!r} was found, so none was made")
    )
    raise CloneError(f"{error}; the create's answer was lost: {what}") from error


def _page_exchanges(
    *,
    search: str | NotGiven,
    simulation_type: SimulationType | NotGiven | None,
    prompt_template_id: IdLike | NotGiven | None,
    page_size: int,
) -> PageExchange:
    """Checks the iteration's arguments now, before the first page is asked for."""
    check_positive_int("page_size", page_size)
    exchanges = functools.partial(
        list_exchange,
        search=search,
        simulation_type=simulation_type,
        prompt_template_id=prompt_template_id,
        limit=page_size,
    )
    return numbered(exchanges)


# The classes ------------------------------------------------------------------------------------------


class RunTests(Resource):
    """Run tests: create, list, iterate, execute."""

    __slots__ = ()

    def create(
        self,
        *,
        name: str,
        agent_definition_id: IdLike,
        scenario_ids: Iterable[IdLike],
        description: str | NotGiven = NOT_GIVEN,
        eval_config_ids: Iterable[IdLike] | NotGiven = NOT_GIVEN,
        evaluations_config: EvaluationsConfig | NotGiven = NOT_GIVEN,
        dataset_row_ids: Iterable[str] | NotGiven = NOT_GIVEN,
        enable_tool_evaluation: bool | NotGiven = NOT_GIVEN,
        replay_session_id: IdLike | NotGiven | None = NOT_GIVEN,
        agent_version: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> RunTest:
        """Creates a run test of an agent definition over existing scenarios (``POST .../create/``)."""
        exchange = create_exchange(
            name=name,
            agent_definition_id=agent_definition_id,
            scenario_ids=scenario_ids,
            description=description,
            eval_config_ids=eval_config_ids,
            evaluations_config=evaluations_config,
            dataset_row_ids=dataset_row_ids,
            enable_tool_evaluation=enable_tool_evaluation,
            replay_session_id=replay_session_id,
            agent_version=agent_version,
        )
        return self._run(single(exchange, self._ctx))

    def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> futureagi_simulate.RunTestPage:
        """One page of run tests, newest first. Only the parameters given are sent (server defaults:
        page 1, 10 per page). ``prompt_template_id`` implies ``simulation_type="prompt"``."""
        exchange = list_exchange(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page=page,
            limit=limit,
        )
        return self._run(single(exchange, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page_size: int = 100,
    ) -> Iterator[RunTest]:
        """Every matching run test, newest first, asking for one page of ``page_size`` at a time."""
        exchanges = _page_exchanges(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page_size=page_size,
        )
        return rows(self._run, self._ctx, exchanges)

    def get(self, run_test_id: IdLike) -> RunTest:
        """The run test (``GET /simulate/run-tests/{id}/``). Unknown id: ``NotFoundError``."""
        exchange = get_exchange(check_uuid("run_test_id", run_test_id))
        return self._run(single(exchange, self._ctx))

    def delete(self, run_test_id: IdLike) -> None:
        """Deletes the run test (``DELETE /simulate/run-tests/{id}/``); afterwards reading, listing,
        executing or changing it is ``NotFoundError``, while its executions stay readable by id.

        Sent once, never again after a failure: a delete that reached the server and lost its answer would
        be a 404 the second time. The documented (hosted) API refuses a run test with an execution still
        running (``BadRequestError``: wait for it or cancel it first); the open-source server deletes it
        anyway (``openapi.yaml``, ``deleteRunTest``). Unknown or already deleted id: ``NotFoundError``.
        """
        exchange = delete_exchange(check_uuid("run_test_id", run_test_id))
        self._run(single(exchange, self._ctx))

    def update_components(
        self,
        run_test_id: IdLike,
        *,
        agent_definition_id: IdLike | NotGiven = NOT_GIVEN,
        agent_version_id: IdLike | NotGiven = NOT_GIVEN,
        simulator_agent_id: IdLike | NotGiven = NOT_GIVEN,
        scenario_ids: Iterable[IdLike] | NotGiven = NOT_GIVEN,
        enable_tool_evaluation: bool | NotGiven = NOT_GIVEN,
    ) -> RunTest:
        """Changes what the run test uses (``PATCH /simulate/run-tests/{id}/components/``) and returns the
        run test as it then is, read back with a GET.

        ``agent_version_id`` pins an agent version (the wire's ``version``; left out, the agent's active
        version); ``scenario_ids`` replaces the whole set and must name at least one scenario. Only the
        arguments given are sent; giving none is ``InvalidArgumentError`` and sends nothing. The body's
        casing is negotiated as an execute's is (a 400 that names camelCase keys unknown changed nothing,
        so it is resent once in snake_case). This changes the run test for everyone who runs it; to run
        another agent version without that, create a run test of its own. Unknown id: ``NotFoundError``.
        """
        build = components_builder(
            run_test_id,
            agent_definition_id=agent_definition_id,
            agent_version_id=agent_version_id,
            simulator_agent_id=simulator_agent_id,
            scenario_ids=scenario_ids,
            enable_tool_evaluation=enable_tool_evaluation,
        )
        return self._run(_update_components_flow(check_uuid("run_test_id", run_test_id), build, self._ctx))

    def call_executions(
        self,
        run_test_id: IdLike,
        *,
        search: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> futureagi_simulate.RunTestCallExecutionPage:
        """One page of the calls of every execution of the run test, newest first
        (``GET /simulate/run-tests/{id}/call-executions/``). Only the parameters given are sent (server
        defaults: page 1, 10 per page). ``status`` is the call's status (``completed``, ``failed``, ...).
        Unknown id: ``NotFoundError``."""
        exchange = call_executions_exchange(
            check_uuid("run_test_id", run_test_id), search=search, status=status, page=page, limit=limit
        )
        return self._run(single(exchange, self._ctx))

    def iter_call_executions(
        self,
        run_test_id: IdLike,
        *,
        search: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        page_size: int = 100,
    ) -> Iterator[futureagi_simulate.RunTestCallExecution]:
        """Every call of the run test's executions, newest first, one page of ``page_size`` at a time; each
        call once, by id, and the walk ends however the server pages (as ``iter``)."""
        exchanges = _call_execution_pages(run_test_id, search=search, status=status, page_size=page_size)
        return rows(self._run, self._ctx, exchanges)

    def scenarios(self, run_test_id: IdLike) -> Iterator[futureagi_simulate.RunTestScenario]:
        """Every scenario of the run test (``id``, ``name``, ``row_count``), a page of 100 at a time."""
        run_test = check_uuid("run_test_id", run_test_id)
        return rows(self._run, self._ctx, functools.partial(scenarios_page_exchange, run_test))

    def executions(
        self, run_test_id: IdLike, *, started_after: datetime.datetime | None = None
    ) -> Iterator[futureagi_simulate.RunTestExecution]:
        """The run test's executions, newest first; with ``started_after`` (an aware datetime), only those
        that started at or after it, and no page beyond them is read.

        After an execute that failed with ``may_have_started=True``, call it with the time just before
        that call to see whether the execution exists. ``status`` here is a display form (``"Pending"``).
        """
        run_test = check_uuid("run_test_id", run_test_id)
        since = _check_started_after(started_after)
        newest_first = rows(self._run, self._ctx, functools.partial(executions_page_exchange, run_test))
        return _started_since(newest_first, since)

    def eval_summary(
        self, run_test_id: IdLike, *, execution_id: IdLike | None = None
    ) -> futureagi_simulate.EvalSummary:
        """Per eval config, pass rate (a fraction) and scores, over one execution or all of them, in one
        shape for both dialects. Only calls that completed count, as on the server."""
        exchange = eval_summary_exchange(
            check_uuid("run_test_id", run_test_id),
            None if execution_id is None else check_uuid("execution_id", execution_id),
        )
        return self._run(single(exchange, self._ctx))

    def eval_summary_comparison(
        self, run_test_id: IdLike, *, execution_ids: Iterable[IdLike]
    ) -> dict[uuid.UUID, futureagi_simulate.EvalSummary]:
        """The eval summary of each of several executions of the run test, side by side
        (``GET /simulate/run-tests/{id}/eval-summary-comparison/``): execution id to its ``EvalSummary``
        (per eval config ``pass_rate``, ``average_score``, ``passed``, ``failed``), in the order of
        ``execution_ids``, in one shape for both dialects. As in ``eval_summary``, only completed calls
        count, and an id that is not an execution of the run test gets zero counts rather than an error.
        ``execution_ids``: at least one, at most 50 (they travel in the query string), each sent once;
        checked before anything is sent (``InvalidArgumentError``). A run test without eval configs gives
        each execution an empty summary. An answer missing an execution asked for is refused
        (``APIResponseValidationError``). Unknown run test: ``NotFoundError``.
        """
        exchange = eval_summary_comparison_exchange(
            check_uuid("run_test_id", run_test_id), check_compared_executions(execution_ids)
        )
        return self._run(single(exchange, self._ctx))

    def execute(
        self, run_test_id: IdLike, *, selection: Selection, simulator_id: IdLike | None = None
    ) -> futureagi_simulate.Execution:
        """Starts one execution over the selected scenarios. Never resent after it may have started.

        On a server that ignores ``select_all`` (the open-source one, snake_case), ``all_except`` is sent
        as ``only`` the run test's other scenarios, read from its scenario list first; the returned
        ``Execution.scenario_ids`` say what runs.
        """
        build = execute_builder(self._ctx, run_test_id, selection, simulator_id)
        return self._run(negotiated(build, self._ctx))

    def check(
        self,
        run_test_id: IdLike,
        *,
        selection: Selection | None = None,
        thresholds: futureagi_simulate.Thresholds | None = None,
    ) -> futureagi_simulate.RunTestCheck:
        """Checks, before paying for an execute, that ``selection`` and ``thresholds`` fit the run test.

        Reads the run test (``GET /simulate/run-tests/{id}/``) and its scenario list; never executes.
        Returns a ``RunTestCheck`` listing every problem (``problems``, empty when ``ok``): an id of
        ``selection`` that is not a scenario of the run test, an ``all_except`` (or a run test) that leaves
        nothing to run, a selected scenario that is not completed (the server would refuse the execute
        with a 400), a ``thresholds.min_pass_rate`` name that is not one of the run test's eval configs
        (their ``name``; a run test whose answer lists none fails every name). ``selection`` defaults to
        ``Selection.all()``. Call ``raise_for_problems()`` on the result to raise ``InvalidArgumentError``
        instead. A bad argument type raises ``InvalidArgumentError`` before any request; an unknown run
        test is ``NotFoundError``.
        """
        return self._run(_check_flow(self._ctx, run_test_id, selection, thresholds))

    def clone(self, run_test_id: IdLike, *, agent_version_id: IdLike, name: str | None = None) -> RunTest:
        """A new run test that runs what ``run_test_id`` runs against agent version ``agent_version_id``,
        leaving the original as it is; returns the copy. Delete it with ``delete`` when done.

        The copy has the original's agent definition, scenarios, dataset rows, tool evaluation, simulator
        agent and eval configs (each recreated from its template and settings: the server ignores
        ``eval_config_ids`` on create, ``docs/dialects.md``, "Copying a run test"), pinned to the version.
        ``name`` defaults to ``copy_name(original name, version id)``. Requests: the original's GET, the
        create (a POST, never resent), and a components PATCH only when the created copy lacks the
        version or simulator.

        Errors: a bad id or name is ``InvalidArgumentError`` before any request; an unknown run test is
        ``NotFoundError``; a refused create raises the server's error (nothing was made). Anything that
        fails once the copy may exist deletes it again and raises ``CloneError`` whose message holds the
        failure's own (and ``left_run_test_id`` when the delete failed too); a create whose answer was
        lost is followed by a look for the copy by name, which is deleted. A ``KeyboardInterrupt`` (or an
        async task's cancel) part-way is not caught: the copy may be left, its name and description
        saying what it is.
        """
        return self._run(_clone_flow(self._ctx, run_test_id, agent_version_id, name))


class AsyncRunTests(AsyncResource):
    """Run tests: create, list, iterate, execute (asyncio)."""

    __slots__ = ()

    async def create(
        self,
        *,
        name: str,
        agent_definition_id: IdLike,
        scenario_ids: Iterable[IdLike],
        description: str | NotGiven = NOT_GIVEN,
        eval_config_ids: Iterable[IdLike] | NotGiven = NOT_GIVEN,
        evaluations_config: EvaluationsConfig | NotGiven = NOT_GIVEN,
        dataset_row_ids: Iterable[str] | NotGiven = NOT_GIVEN,
        enable_tool_evaluation: bool | NotGiven = NOT_GIVEN,
        replay_session_id: IdLike | NotGiven | None = NOT_GIVEN,
        agent_version: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> RunTest:
        """Creates a run test of an agent definition over existing scenarios (``POST .../create/``)."""
        exchange = create_exchange(
            name=name,
            agent_definition_id=agent_definition_id,
            scenario_ids=scenario_ids,
            description=description,
            eval_config_ids=eval_config_ids,
            evaluations_config=evaluations_config,
            dataset_row_ids=dataset_row_ids,
            enable_tool_evaluation=enable_tool_evaluation,
            replay_session_id=replay_session_id,
            agent_version=agent_version,
        )
        return await self._run(single(exchange, self._ctx))

    async def list(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> futureagi_simulate.RunTestPage:
        """One page of run tests, newest first. Only the parameters given are sent."""
        exchange = list_exchange(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page=page,
            limit=limit,
        )
        return await self._run(single(exchange, self._ctx))

    def iter(
        self,
        *,
        search: str | NotGiven = NOT_GIVEN,
        simulation_type: SimulationType | NotGiven | None = NOT_GIVEN,
        prompt_template_id: IdLike | NotGiven | None = NOT_GIVEN,
        page_size: int = 100,
    ) -> AsyncIterator[RunTest]:
        """Every matching run test, newest first, for ``async for``."""
        exchanges = _page_exchanges(
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page_size=page_size,
        )
        return async_rows(self._run, self._ctx, exchanges)

    async def get(self, run_test_id: IdLike) -> RunTest:
        """The run test (``GET /simulate/run-tests/{id}/``). Unknown id: ``NotFoundError``."""
        exchange = get_exchange(check_uuid("run_test_id", run_test_id))
        return await self._run(single(exchange, self._ctx))

    async def delete(self, run_test_id: IdLike) -> None:
        """Deletes the run test; see ``RunTests.delete``. Unknown or already deleted id: ``NotFoundError``."""
        exchange = delete_exchange(check_uuid("run_test_id", run_test_id))
        await self._run(single(exchange, self._ctx))

    async def update_components(
        self,
        run_test_id: IdLike,
        *,
        agent_definition_id: IdLike | NotGiven = NOT_GIVEN,
        agent_version_id: IdLike | NotGiven = NOT_GIVEN,
        simulator_agent_id: IdLike | NotGiven = NOT_GIVEN,
        scenario_ids: Iterable[IdLike] | NotGiven = NOT_GIVEN,
        enable_tool_evaluation: bool | NotGiven = NOT_GIVEN,
    ) -> RunTest:
        """Changes what the run test uses and returns it as it then is; see ``RunTests.update_components``."""
        build = components_builder(
            run_test_id,
            agent_definition_id=agent_definition_id,
            agent_version_id=agent_version_id,
            simulator_agent_id=simulator_agent_id,
            scenario_ids=scenario_ids,
            enable_tool_evaluation=enable_tool_evaluation,
        )
        return await self._run(
            _update_components_flow(check_uuid("run_test_id", run_test_id), build, self._ctx)
        )

    async def call_executions(
        self,
        run_test_id: IdLike,
        *,
        search: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
    ) -> futureagi_simulate.RunTestCallExecutionPage:
        """One page of the run test's calls, newest first; see ``RunTests.call_executions``."""
        exchange = call_executions_exchange(
            check_uuid("run_test_id", run_test_id), search=search, status=status, page=page, limit=limit
        )
        return await self._run(single(exchange, self._ctx))

    def iter_call_executions(
        self,
        run_test_id: IdLike,
        *,
        search: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        page_size: int = 100,
    ) -> AsyncIterator[futureagi_simulate.RunTestCallExecution]:
        """Every call of the run test's executions, newest first, for ``async for``."""
        exchanges = _call_execution_pages(run_test_id, search=search, status=status, page_size=page_size)
        return async_rows(self._run, self._ctx, exchanges)

    def scenarios(self, run_test_id: IdLike) -> AsyncIterator[futureagi_simulate.RunTestScenario]:
        """Every scenario of the run test, for ``async for``."""
        run_test = check_uuid("run_test_id", run_test_id)
        return async_rows(self._run, self._ctx, functools.partial(scenarios_page_exchange, run_test))

    def executions(
        self, run_test_id: IdLike, *, started_after: datetime.datetime | None = None
    ) -> AsyncIterator[futureagi_simulate.RunTestExecution]:
        """The run test's executions, newest first, for ``async for`` (see ``RunTests.executions``)."""
        run_test = check_uuid("run_test_id", run_test_id)
        since = _check_started_after(started_after)
        newest_first = async_rows(self._run, self._ctx, functools.partial(executions_page_exchange, run_test))
        return _async_started_since(newest_first, since)

    async def eval_summary(
        self, run_test_id: IdLike, *, execution_id: IdLike | None = None
    ) -> futureagi_simulate.EvalSummary:
        """Per eval config, pass rate and scores, in one shape for both dialects."""
        exchange = eval_summary_exchange(
            check_uuid("run_test_id", run_test_id),
            None if execution_id is None else check_uuid("execution_id", execution_id),
        )
        return await self._run(single(exchange, self._ctx))

    async def eval_summary_comparison(
        self, run_test_id: IdLike, *, execution_ids: Iterable[IdLike]
    ) -> dict[uuid.UUID, futureagi_simulate.EvalSummary]:
        """The eval summary of each of several executions of the run test, by execution id; see
        ``RunTests.eval_summary_comparison``."""
        exchange = eval_summary_comparison_exchange(
            check_uuid("run_test_id", run_test_id), check_compared_executions(execution_ids)
        )
        return await self._run(single(exchange, self._ctx))

    async def execute(
        self, run_test_id: IdLike, *, selection: Selection, simulator_id: IdLike | None = None
    ) -> futureagi_simulate.Execution:
        """Starts one execution over the selected scenarios. Never resent after it may have started."""
        build = execute_builder(self._ctx, run_test_id, selection, simulator_id)
        return await self._run(negotiated(build, self._ctx))

    async def check(
        self,
        run_test_id: IdLike,
        *,
        selection: Selection | None = None,
        thresholds: futureagi_simulate.Thresholds | None = None,
    ) -> futureagi_simulate.RunTestCheck:
        """Checks that ``selection`` and ``thresholds`` fit the run test, with no execute; see
        ``RunTests.check``."""
        return await self._run(_check_flow(self._ctx, run_test_id, selection, thresholds))

    async def clone(
        self, run_test_id: IdLike, *, agent_version_id: IdLike, name: str | None = None
    ) -> RunTest:
        """A copy of the run test pinned to agent version ``agent_version_id``; see ``RunTests.clone``."""
        return await self._run(_clone_flow(self._ctx, run_test_id, agent_version_id, name))


# Argument checks of these operations ------------------------------------------------------------------


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        raise InvalidArgumentError("name", f"must be a str, got {type(name).__name__}")
    if not name.strip():
        raise InvalidArgumentError("name", "must not be empty or only whitespace")
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidArgumentError("name", f"must be at most {NAME_MAX_LENGTH} characters, got {len(name)}")
    return check_text("name", name)


def _check_description(description: object) -> str:
    if description is None:
        raise InvalidArgumentError(
            "description", "must be a str; the server refuses null, so leave the argument out instead"
        )
    if not isinstance(description, str):
        raise InvalidArgumentError("description", f"must be a str, got {type(description).__name__}")
    return check_text("description", description)


def _check_scenario_ids(scenario_ids: object) -> list[uuid.UUID]:
    ids = check_uuid_list("scenario_ids", scenario_ids)
    if not ids:
        raise InvalidArgumentError("scenario_ids", "must name at least one scenario")
    return ids


def _check_dataset_row_ids(values: object) -> list[str]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidArgumentError("dataset_row_ids", f"must be a list of str, got {type(values).__name__}")
    checked: list[str] = []
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise InvalidArgumentError(f"dataset_row_ids[{i}]", f"must be a str, got {type(value).__name__}")
        if len(value) > DATASET_ROW_ID_MAX_LENGTH:
            raise InvalidArgumentError(
                f"dataset_row_ids[{i}]",
                f"must be at most {DATASET_ROW_ID_MAX_LENGTH} characters, got {len(value)}",
            )
        checked.append(check_text(f"dataset_row_ids[{i}]", value))
    return checked


def _check_evaluations_config(values: object) -> list[EvaluationConfig]:
    from futureagi_simulate._models import EvaluationConfig

    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Sequence):
        raise InvalidArgumentError(
            "evaluations_config", f"must be a list of EvaluationConfig or dicts, got {type(values).__name__}"
        )
    configs: list[EvaluationConfig] = []
    for i, value in enumerate(values):
        if isinstance(value, EvaluationConfig):
            check_json(f"evaluations_config[{i}]", value.to_dict())
            configs.append(value)
            continue
        if not isinstance(value, Mapping):
            raise InvalidArgumentError(
                f"evaluations_config[{i}]",
                f"must be an EvaluationConfig or a dict, got {type(value).__name__}",
            )
        if "template_id" not in value:
            raise InvalidArgumentError(f"evaluations_config[{i}].template_id", "is required")
        check_uuid(f"evaluations_config[{i}].template_id", value["template_id"])
        check_json(f"evaluations_config[{i}]", {k: v for k, v in value.items() if k != "template_id"})
        try:
            configs.append(EvaluationConfig.from_dict(value))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InvalidArgumentError(
                f"evaluations_config[{i}]", f"is not a valid evaluation: {exc}"
            ) from None
    return configs


def _check_query_text(argument: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError(argument, f"must be a str, got {type(value).__name__}")
    if len(value) > SEARCH_MAX_LENGTH:
        raise InvalidArgumentError(
            argument, f"must be at most {SEARCH_MAX_LENGTH} characters, got {len(value):,}"
        )
    return check_text(argument, value)


def _check_started_after(value: object) -> datetime.datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        raise InvalidArgumentError("started_after", f"must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidArgumentError(
            "started_after", "must be timezone-aware (datetime.now(timezone.utc)), not a naive datetime"
        )
    return value


def _older(row: RunTestExecution, since: datetime.datetime | None) -> bool:
    """True when ``row`` started before ``since``. The generated parse reads a start time without an
    offset as UTC, so the two always compare."""
    start = row.start_time
    return since is not None and isinstance(start, datetime.datetime) and start < since


def _started_since(
    rows: Iterator[RunTestExecution], since: datetime.datetime | None
) -> Iterator[RunTestExecution]:
    for row in rows:
        if _older(row, since):
            # Newest first: every later row started earlier still.
            return
        yield row


async def _async_started_since(
    rows: AsyncIterator[RunTestExecution], since: datetime.datetime | None
) -> AsyncIterator[RunTestExecution]:
    async for row in rows:
        if _older(row, since):
            return
        yield row
