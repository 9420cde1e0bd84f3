"""Requests and answers of each operation: the user's arguments checked and put in wire form, and
successful answers read into the generated models. No I/O: the flows (``_flows``) send and receive.

URLs, query parameters and body models come from the generated package, which openapi.yaml decides:
each operation's ``build_request_kwargs`` builds the request, and each model's ``from_dict`` reads the
answer, checking every value's JSON type and naming the first that does not match by its path.

This module imports the generated package at the top, so the package itself loads it on the first call
(``_resources``): importing the generated models costs more than httpx, and a script that imports the
client should not pay for them before it asks for anything (BENCHMARKS.md). Importing them at the top
rather than inside each function also matters per call: an import statement costs microseconds even
when the module is loaded, more than once over the budget of an execute call.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from futureagi_simulate._api.api.prompt_simulations import execute_prompt_simulation as _execute_prompt
from futureagi_simulate._api.api.prompt_simulations import get_prompt_simulation as _get_prompt
from futureagi_simulate._api.api.run_tests import create_run_test as _create
from futureagi_simulate._api.api.run_tests import execute_run_test as _execute_run_test
from futureagi_simulate._api.api.run_tests import list_run_tests as _list
from futureagi_simulate._api.models.create_run_test_request import CreateRunTestRequest
from futureagi_simulate._api.models.execute_prompt_simulation_request_camel import (
    ExecutePromptSimulationRequestCamel,
)
from futureagi_simulate._api.models.execute_prompt_simulation_request_snake import (
    ExecutePromptSimulationRequestSnake,
)
from futureagi_simulate._api.models.execute_run_test_request_camel import ExecuteRunTestRequestCamel
from futureagi_simulate._api.models.execute_run_test_request_snake import ExecuteRunTestRequestSnake

from ._errors import InvalidArgumentError, UnsafeSelectionError
from ._execution import Execution
from ._flows import Call, Casing, Flow
from ._models import UNSET, EvaluationConfig, RunTest, RunTestPage, Unset
from ._selection import Selection
from ._types import NOT_GIVEN, NotGiven, SimulationType
from ._validate import (
    IdLike,
    check_bool,
    check_json,
    check_positive_int,
    check_simulation_type,
    check_text,
    check_uuid,
    check_uuid_list,
)

T = TypeVar("T")


NAME_MAX_LENGTH = 255
DATASET_ROW_ID_MAX_LENGTH = 255
# The search goes into the URL, which servers and proxies cap at a few KB (httpx itself at 64 KB).
SEARCH_MAX_LENGTH = 1000


# Reading answers ------------------------------------------------------------------------------------------


def json_object(body: object) -> dict[str, Any]:
    """``body`` if it is a decoded JSON object; the generated models read nothing else."""
    # dict, not Mapping: the body is decoded JSON, and an ABC check costs more.
    if not isinstance(body, dict):
        raise TypeError(f"expected a JSON object, got {type(body).__name__}")
    return body


# These read an answer the client decoded itself and reads nothing else of (flows.finish decodes the body
# again for an error's text), so the parse may reuse its objects and arrays (consume=True).
def parse_run_test(body: object) -> RunTest:
    return RunTest.from_dict(json_object(body), None, True)


def parse_run_test_page(body: object) -> RunTestPage:
    return RunTestPage.from_dict(json_object(body), None, True)


def parse_prompt_simulation(body: object) -> RunTest:
    """Reads the bare run test (documented) or ``{"status": true, "result": run test}`` (open-source)."""
    body = json_object(body)
    # A run test has its own id at the top level; only an answer without one is an envelope.
    if "id" not in body and isinstance(body.get("status"), bool) and isinstance(body.get("result"), dict):
        return parse_run_test(body["result"])
    return parse_run_test(body)


# Building requests ---------------------------------------------------------------------------------------


def create_run_test_call(
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
) -> Call[RunTest]:
    body = CreateRunTestRequest(
        name=_check_name(name),
        agent_definition_id=check_uuid("agent_definition_id", agent_definition_id),
        scenario_ids=_check_scenario_ids(scenario_ids),
        description=_optional(description, _check_description),
        dataset_row_ids=_optional(dataset_row_ids, _check_dataset_row_ids),
        eval_config_ids=_optional(eval_config_ids, lambda v: check_uuid_list("eval_config_ids", v)),
        evaluations_config=_optional(evaluations_config, _check_evaluations_config),
        enable_tool_evaluation=_optional(
            enable_tool_evaluation, lambda v: check_bool("enable_tool_evaluation", v)
        ),
        replay_session_id=_optional_uuid("replay_session_id", replay_session_id),
        agent_version=_optional_uuid("agent_version", agent_version),
    )
    return Call.from_generated("create run test", _create.build_request_kwargs(body=body), parse_run_test)


def list_run_tests_call(
    *,
    search: object = NOT_GIVEN,
    simulation_type: object = NOT_GIVEN,
    prompt_template_id: object = NOT_GIVEN,
    page: object = NOT_GIVEN,
    limit: object = NOT_GIVEN,
) -> Call[RunTestPage]:
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
    kwargs = _list.build_request_kwargs(
        search=search if isinstance(search, str) and search else UNSET,
        simulation_type=kind,
        prompt_template_id=template,
        page=_optional(page, lambda v: check_positive_int("page", v)),
        limit=_optional(limit, lambda v: check_positive_int("limit", v)),
    )
    return Call.from_generated("list run tests", kwargs, parse_run_test_page)


def execute_run_test_builder(
    run_test_id: object,
    *,
    selection: object,
    simulator_id: object = None,
    complement: Callable[[uuid.UUID, Selection], Flow[Selection]] | None = None,
) -> Callable[[Casing], Call[Execution] | Flow[Call[Execution]]]:
    """Checks the arguments now and returns a builder of the request for either casing.

    The open-source server (snake_case) ignores ``select_all`` when ids are given, so there an
    ``all_except`` selection is first turned into ``only`` the other scenarios by ``complement`` (a flow
    that reads the run test's scenarios). Without one it is refused with ``UnsafeSelectionError``.
    """
    run_test = check_uuid("run_test_id", run_test_id)
    chosen = _check_selection(selection)
    simulator = UNSET if simulator_id is None else check_uuid("simulator_id", simulator_id)

    def resolved(resolve: Callable[[uuid.UUID, Selection], Flow[Selection]]) -> Flow[Call[Execution]]:
        rest = yield from resolve(run_test, chosen)
        return make(rest, "snake")

    def build(casing: Casing) -> Call[Execution] | Flow[Call[Execution]]:
        if casing == "snake" and chosen.is_all_except:
            if complement is None:
                raise UnsafeSelectionError(
                    "selection",
                    "this server speaks snake_case and its run-test execute ignores select_all when ids "
                    "are given: Selection.all_except() would run exactly the scenarios you meant to leave "
                    "out. Nothing was started. Pass the ids to run with Selection.only([...]) instead",
                )
            return resolved(complement)
        return make(chosen, casing)

    def make(chosen: Selection, casing: Casing) -> Call[Execution]:
        body: ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake
        if casing == "snake":
            body = ExecuteRunTestRequestSnake(
                select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids), simulator_id=simulator
            )
        else:
            body = ExecuteRunTestRequestCamel(
                select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids), simulator_id=simulator
            )
        kwargs = _execute_run_test.build_request_kwargs(run_test, body=body)
        return Call.from_generated("execute run test", kwargs, Execution.from_wire, starts_work=True)

    return build


def get_prompt_simulation_call(prompt_template_id: object, run_test_id: object) -> Call[RunTest]:
    kwargs = _get_prompt.build_request_kwargs(
        check_uuid("prompt_template_id", prompt_template_id), check_uuid("run_test_id", run_test_id)
    )
    return Call.from_generated("get prompt simulation", kwargs, parse_prompt_simulation)


def execute_prompt_simulation_builder(
    prompt_template_id: object, run_test_id: object, *, selection: object
) -> Callable[[Casing], Call[Execution]]:
    template = check_uuid("prompt_template_id", prompt_template_id)
    run_test = check_uuid("run_test_id", run_test_id)
    chosen = _check_selection(selection)

    def build(casing: Casing) -> Call[Execution]:
        body: ExecutePromptSimulationRequestCamel | ExecutePromptSimulationRequestSnake
        model = (
            ExecutePromptSimulationRequestSnake if casing == "snake" else ExecutePromptSimulationRequestCamel
        )
        body = model(select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids))
        kwargs = _execute_prompt.build_request_kwargs(template, run_test, body=body)
        return Call.from_generated("execute prompt simulation", kwargs, Execution.from_wire, starts_work=True)

    return build


# Argument checks specific to one operation ----------------------------------------------------------------


def _optional(value: object, check: Callable[[object], T]) -> T | Unset:
    return UNSET if isinstance(value, NotGiven) else check(value)


def _optional_uuid(argument: str, value: object) -> uuid.UUID | Unset:
    if isinstance(value, NotGiven) or value is None:
        return UNSET
    return check_uuid(argument, value)


def _check_selection(selection: object) -> Selection:
    if not isinstance(selection, Selection):
        raise InvalidArgumentError(
            "selection",
            "must be Selection.all(), Selection.only([...]) or Selection.all_except([...]); "
            f"got {type(selection).__name__}",
        )
    return selection


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


__all__ = [
    "IdLike",
    "create_run_test_call",
    "execute_prompt_simulation_builder",
    "execute_run_test_builder",
    "get_prompt_simulation_call",
    "list_run_tests_call",
]
