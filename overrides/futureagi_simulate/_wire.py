"""Everything between the user's arguments and the bytes on the wire, with no I/O.

Each operation is a *flow*: a generator that yields the requests to send and receives their responses,
then returns the result. The sync and async clients drive the same flows (``_client.py``), so the two
can never disagree about bodies, casing, envelopes or errors.

URLs, query parameters and body models come from the generated package, which openapi.yaml decides.
We call its ``_get_kwargs`` request builders but not its response parsers: those run ``response.json()``
on every documented status and would turn Django's HTML 404 page into a bare JSONDecodeError.

The generated modules are imported where they are first used, not at the top: importing them costs
more than httpx itself (every model class of the package is built), and a script that imports the
client should not pay for it before its first call (BENCHMARKS.md has the figures).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import httpx

if TYPE_CHECKING:
    from futureagi_simulate_api.models.evaluation_config import EvaluationConfig
    from futureagi_simulate_api.models.run_test import RunTest
    from futureagi_simulate_api.models.run_test_page import RunTestPage
    from futureagi_simulate_api.types import Unset

    from ._execution import Execution

from ._errors import (
    APIResponseValidationError,
    InvalidArgumentError,
    UnsafeSelectionError,
    decode_body,
    make_status_error,
    redact,
)
from ._selection import Selection
from ._types import NOT_GIVEN, BodyCasing, NotGiven, SimulationType
from ._validate import (
    IdLike,
    check_bool,
    check_positive_int,
    check_simulation_type,
    check_uuid,
    check_uuid_list,
)

log = logging.getLogger("futureagi_simulate")

T = TypeVar("T")
Casing = Literal["camel", "snake"]
Flow = Generator["Call[Any]", httpx.Response, T]

NAME_MAX_LENGTH = 255
DATASET_ROW_ID_MAX_LENGTH = 255


# The records below are plain slotted classes, not attrs: they are defined at import, and importing
# attrs costs more than the rest of the package (BENCHMARKS.md).
class Call(Generic[T]):
    """One request to send and how to read a successful answer to it."""

    __slots__ = ("headers", "json", "method", "operation", "params", "parse", "path", "starts_work")

    def __init__(
        self,
        *,
        operation: str,
        method: str,
        path: str,
        parse: Callable[[object], T],
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        starts_work: bool = False,
    ) -> None:
        self.operation = operation
        self.method = method
        self.path = path
        self.parse = parse
        self.params: Mapping[str, Any] = params or {}
        self.json = json
        self.headers: Mapping[str, str] = headers or {}
        # True for execute calls: once the request may have reached the server, a simulation may run.
        self.starts_work = starts_work

    @classmethod
    def from_generated(
        cls,
        operation: str,
        kwargs: Mapping[str, Any],
        parse: Callable[[object], T],
        *,
        starts_work: bool = False,
    ) -> Call[T]:
        return cls(
            operation=operation,
            method=str(kwargs["method"]).upper(),
            path=str(kwargs["url"]),
            params=dict(kwargs.get("params") or {}),
            json=kwargs.get("json"),
            # Header parameters the document declares, as text for httpx; not the JSON Content-Type,
            # which httpx writes itself for a json= body.
            headers={
                str(k): str(v)
                for k, v in (kwargs.get("headers") or {}).items()
                if not (kwargs.get("json") is not None and _is_json_content_type(k, v))
            },
            parse=parse,
            starts_work=starts_work,
        )


def _is_json_content_type(name: object, value: object) -> bool:
    return str(name).lower() == "content-type" and str(value) == "application/json"


class CasingState:
    """The execute-body casing a client uses. In ``auto`` mode it starts camelCase and may switch once."""

    __slots__ = ("current", "mode")

    def __init__(self, *, mode: BodyCasing, current: Casing) -> None:
        self.mode = mode
        self.current = current

    @classmethod
    def for_mode(cls, mode: object) -> CasingState:
        if mode == "auto" or mode == "camel":
            return cls(mode=mode, current="camel")
        if mode == "snake":
            return cls(mode="snake", current="snake")
        raise InvalidArgumentError("body_casing", f"must be 'auto', 'camel' or 'snake'; got {mode!r}")


class Context:
    """What a flow needs from its client: the secrets to keep out of errors, and the casing state.

    Its repr shows neither: flows take the context as an argument, and tracebacks that show locals
    (rich, error trackers) print the reprs of arguments.
    """

    __slots__ = ("casing", "secrets")

    def __init__(self, *, secrets: tuple[str, ...], casing: CasingState) -> None:
        self.secrets = secrets
        self.casing = casing

    def __repr__(self) -> str:
        return f"Context(casing={self.casing.mode!r}/{self.casing.current!r})"


# Reading answers ------------------------------------------------------------------------------------------


def finish(call: Call[T], response: httpx.Response, ctx: Context) -> T:
    """The parsed result of a successful answer, or the exception an error answer maps to."""
    log.debug("%s %s -> %s", call.method, call.path, response.status_code)
    if not response.is_success:
        raise make_status_error(response, secrets=ctx.secrets, starts_work=call.starts_work)
    body, is_json = decode_body(response)
    if not is_json:
        raise APIResponseValidationError(
            f"{call.operation}: the {response.status_code} answer is not JSON "
            f"(Content-Type: {response.headers.get('Content-Type', 'none')})",
            response=response,
            body=redact(body, ctx.secrets),
        )
    try:
        return call.parse(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        reason = redact(f"{type(exc).__name__}: {exc}", ctx.secrets)
        raise APIResponseValidationError(
            f"{call.operation}: the answer does not match openapi.yaml ({reason})",
            response=response,
            body=redact(body, ctx.secrets),
        ) from None


def parse_run_test(body: object) -> RunTest:
    from futureagi_simulate_api.models.run_test import RunTest

    from ._parse import parse_model

    return parse_model(RunTest, body)


def parse_run_test_page(body: object) -> RunTestPage:
    from futureagi_simulate_api.models.run_test_page import RunTestPage

    from ._parse import parse_model

    return parse_model(RunTestPage, body)


def parse_prompt_simulation(body: object) -> RunTest:
    """Reads the bare run test (documented) or ``{"status": true, "result": run test}`` (open-source)."""
    if not isinstance(body, Mapping):
        raise TypeError(f"expected a JSON object, got {type(body).__name__}")
    envelope = body
    if isinstance(envelope.get("status"), bool) and isinstance(envelope.get("result"), Mapping):
        return parse_run_test(envelope["result"])
    return parse_run_test(envelope)


def rejects_camel_keys(response: httpx.Response, sent: object) -> bool:
    """True when a 400 calls the camelCase keys we sent unknown fields: the server speaks snake_case only.

    Only then is a resend safe and right. Any other 400 (even one of type ``validation_error``, which the
    server also uses when its workflow engine is down) is the caller's answer, not a casing problem.
    """
    if response.status_code != 400 or not isinstance(sent, Mapping):
        return False
    body, _ = decode_body(response)
    details = body.get("details") if isinstance(body, Mapping) else None
    if not isinstance(details, Mapping):
        return False
    camel_keys = [key for key in sent if key != _snake(key)]
    return any(key in details and "unknown field" in str(details[key]).lower() for key in camel_keys)


def _snake(key: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in key)


# Flows ------------------------------------------------------------------------------------------------


def single(call: Call[T], ctx: Context) -> Flow[T]:
    response = yield call
    return finish(call, response, ctx)


def negotiated(build: Callable[[Casing], Call[T]], ctx: Context) -> Flow[T]:
    """Sends the execute body in the client's casing; in ``auto`` mode falls back to snake_case once.

    The fallback resends only after a 400 that names our camelCase keys as unknown fields: the server
    validated the body before doing anything, so nothing ran and nothing can run twice.
    """
    casing = ctx.casing.current
    call = build(casing)
    response = yield call
    if ctx.casing.mode == "auto" and casing == "camel" and rejects_camel_keys(response, call.json):
        log.info("the server rejected camelCase execute bodies; this client now sends snake_case")
        ctx.casing.current = "snake"
        call = build("snake")
        response = yield call
    return finish(call, response, ctx)


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
    from futureagi_simulate_api.api.run_tests import create_run_test as _create
    from futureagi_simulate_api.models.create_run_test_request import CreateRunTestRequest

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
    return Call.from_generated("create run test", _create._get_kwargs(body=body), parse_run_test)


def list_run_tests_call(
    *,
    search: object = NOT_GIVEN,
    simulation_type: object = NOT_GIVEN,
    prompt_template_id: object = NOT_GIVEN,
    page: object = NOT_GIVEN,
    limit: object = NOT_GIVEN,
) -> Call[RunTestPage]:
    """The list request with only the parameters given (the server refuses unknown ones)."""
    from futureagi_simulate_api.api.run_tests import list_run_tests as _list
    from futureagi_simulate_api.types import UNSET

    if not isinstance(search, (str, NotGiven)):
        raise InvalidArgumentError("search", f"must be a str, got {type(search).__name__}")
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
    kwargs = _list._get_kwargs(
        search=search if isinstance(search, str) and search else UNSET,
        simulation_type=kind,
        prompt_template_id=template,
        page=_optional(page, lambda v: check_positive_int("page", v)),
        limit=_optional(limit, lambda v: check_positive_int("limit", v)),
    )
    return Call.from_generated("list run tests", kwargs, parse_run_test_page)


def execute_run_test_builder(
    run_test_id: object, *, selection: object, simulator_id: object = None
) -> Callable[[Casing], Call[Execution]]:
    """Checks the arguments now and returns a builder of the request for either casing."""
    from futureagi_simulate_api.types import UNSET

    run_test = check_uuid("run_test_id", run_test_id)
    chosen = _check_selection(selection)
    simulator = UNSET if simulator_id is None else check_uuid("simulator_id", simulator_id)

    def build(casing: Casing) -> Call[Execution]:
        from futureagi_simulate_api.api.run_tests import execute_run_test as _execute_run_test
        from futureagi_simulate_api.models.execute_run_test_request_camel import ExecuteRunTestRequestCamel
        from futureagi_simulate_api.models.execute_run_test_request_snake import ExecuteRunTestRequestSnake

        from ._execution import Execution

        body: ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake
        if casing == "snake":
            if chosen.is_all_except:
                raise UnsafeSelectionError(
                    "selection",
                    "this server speaks snake_case and its run-test execute ignores select_all when ids are "
                    "given: Selection.all_except() would run exactly the scenarios you meant to leave out. "
                    "Nothing was started. Pass the ids to run with Selection.only([...]) instead",
                )
            body = ExecuteRunTestRequestSnake(
                select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids), simulator_id=simulator
            )
        else:
            body = ExecuteRunTestRequestCamel(
                select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids), simulator_id=simulator
            )
        kwargs = _execute_run_test._get_kwargs(run_test, body=body)
        return Call.from_generated("execute run test", kwargs, Execution.from_wire, starts_work=True)

    return build


def get_prompt_simulation_call(prompt_template_id: object, run_test_id: object) -> Call[RunTest]:
    from futureagi_simulate_api.api.prompt_simulations import get_prompt_simulation as _get_prompt

    kwargs = _get_prompt._get_kwargs(
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
        from futureagi_simulate_api.api.prompt_simulations import (
            execute_prompt_simulation as _execute_prompt,
        )
        from futureagi_simulate_api.models.execute_prompt_simulation_request_camel import (
            ExecutePromptSimulationRequestCamel,
        )
        from futureagi_simulate_api.models.execute_prompt_simulation_request_snake import (
            ExecutePromptSimulationRequestSnake,
        )

        from ._execution import Execution

        body: ExecutePromptSimulationRequestCamel | ExecutePromptSimulationRequestSnake
        model = (
            ExecutePromptSimulationRequestSnake if casing == "snake" else ExecutePromptSimulationRequestCamel
        )
        body = model(select_all=chosen.select_all, scenario_ids=list(chosen.scenario_ids))
        kwargs = _execute_prompt._get_kwargs(template, run_test, body=body)
        return Call.from_generated("execute prompt simulation", kwargs, Execution.from_wire, starts_work=True)

    return build


# Argument checks specific to one operation ----------------------------------------------------------------


def _optional(value: object, check: Callable[[object], T]) -> T | Unset:
    from futureagi_simulate_api.types import UNSET

    return UNSET if isinstance(value, NotGiven) else check(value)


def _optional_uuid(argument: str, value: object) -> uuid.UUID | Unset:
    from futureagi_simulate_api.types import UNSET

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
    return name


def _check_description(description: object) -> str:
    if description is None:
        raise InvalidArgumentError(
            "description", "must be a str; the server refuses null, so leave the argument out instead"
        )
    if not isinstance(description, str):
        raise InvalidArgumentError("description", f"must be a str, got {type(description).__name__}")
    return description


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
        checked.append(value)
    return checked


def _check_evaluations_config(values: object) -> list[EvaluationConfig]:
    from futureagi_simulate_api.models.evaluation_config import EvaluationConfig

    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Sequence):
        raise InvalidArgumentError(
            "evaluations_config", f"must be a list of EvaluationConfig or dicts, got {type(values).__name__}"
        )
    configs: list[EvaluationConfig] = []
    for i, value in enumerate(values):
        if isinstance(value, EvaluationConfig):
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
        try:
            configs.append(EvaluationConfig.from_dict(value))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InvalidArgumentError(
                f"evaluations_config[{i}]", f"is not a valid evaluation: {exc}"
            ) from None
    return configs


__all__ = [
    "Call",
    "CasingState",
    "Context",
    "Flow",
    "IdLike",
    "create_run_test_call",
    "execute_prompt_simulation_builder",
    "execute_run_test_builder",
    "finish",
    "get_prompt_simulation_call",
    "list_run_tests_call",
    "negotiated",
    "single",
]
