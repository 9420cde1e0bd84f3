"""The emulator's behaviour, free of sockets: one ``Exchange`` in, one ``Answer`` out.

Both the HTTP server and the httpx transports call ``EmulatorApp.handle``, so a test that needs no socket
sees exactly what a client over the network sees. The rules follow the open-source server as described
in ``../shared/API-NOTES.md`` (routing as Django does it, authentication from
``accounts/authentication.py``, the error envelope of ``tfc/utils/api_errors.py``, request serializers
that reject unknown keys); the ``docs`` dialect changes only what the public documentation changes.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import attrs

from ._answers import InvalidError, RefusalError, bad_request, error_answer, json_answer, not_found_page
from ._auth import Credentials, workspace_error
from ._conformance import Conformance
from ._dialects import CAMEL, Dialect, docs_envelope, server_envelope
from ._exchange import Answer, Exchange
from ._faults import Fault, FaultPlan, apply_fault, gateway_answer
from ._fields import Fields, media_type_error, read_json, strict_query
from ._paging import list_answer, page_and_limit
from ._store import RunTestRecord, Store

__all__ = ["EmulatorApp"]

# Django's <uuid:...> converter: lower-case only, so an upper-case id is a 404 as well.
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


# -- the application --------------------------------------------------------------------------------------

Handler = Callable[["EmulatorApp", Exchange, dict[str, str]], Answer]


@attrs.frozen
class _Route:
    operation: str
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    write: bool


class EmulatorApp:
    def __init__(
        self, *, dialect: Dialect, store: Store, credentials: Credentials, conformance: Conformance | None
    ) -> None:
        self.dialect = dialect
        self.store = store
        self.credentials = credentials
        self.faults = FaultPlan()
        self.conformance = conformance
        self.requests: Counter[str] = Counter()
        self.conformance_failures: list[str] = []
        self._lock = threading.Lock()

    # -- entry point ----------------------------------------------------------------------------------

    def handle(self, exchange: Exchange) -> Answer:
        if exchange.path.startswith("/_emulator/"):
            return self._control(exchange)
        route, path_ids = _match(exchange)
        if route is None:
            return _allowed_methods_or_404(exchange.path)
        with self._lock:
            self.requests[route.operation] += 1
        fault = self.faults.take(route.operation)
        if fault is not None and fault.kind == "status":
            return gateway_answer(fault)
        answer = (
            self.credentials.check(exchange.headers, write=route.write)
            or workspace_error(exchange)
            or media_type_error(exchange)
        )
        if answer is None:
            try:
                with self.store.lock:
                    answer = route.handler(self, exchange, path_ids)
            except InvalidError as invalid:
                answer = invalid.answer()
            except RefusalError as refusal:
                answer = refusal.answer
        if self.conformance is not None:
            answer = self._checked(exchange, answer)
        return apply_fault(fault, answer)

    def _checked(self, exchange: Exchange, answer: Answer) -> Answer:
        assert self.conformance is not None
        problems = self.conformance.problems(
            method=exchange.method,
            path=exchange.path,
            query=list(exchange.query),
            headers=exchange.headers,
            body=exchange.body,
            status=answer.status,
            response_headers=answer.headers,
            response_body=answer.body,
            # Only requests the emulator accepted must conform: a rejected one is usually rejected
            # precisely because it does not.
            check_request=200 <= answer.status < 300,
        )
        if not problems:
            return answer
        report = f"{exchange.method} {exchange.path} does not conform to openapi.yaml: " + " | ".join(
            problems
        )
        with self._lock:
            self.conformance_failures.append(report)
        print(f"futureagi-simulate emulator: {report}", file=sys.stderr, flush=True)
        return error_answer(500, "server_error", "emulator_conformance", report)

    # -- control route: fault injection and counters, for tests in any language ----------------------

    def _control(self, exchange: Exchange) -> Answer:
        if exchange.path == "/_emulator/faults" and exchange.method == "POST":
            try:
                body = json.loads(exchange.body or b"{}")
                fault = Fault.from_json(body)
                self.arm(str(body.get("operation", "*")), fault, int(body.get("times", 1)))
            except (ValueError, TypeError, AttributeError) as exc:
                return error_answer(400, "validation_error", "invalid", str(exc))
            return json_answer(201, {"armed": attrs.asdict(fault)})
        if exchange.path == "/_emulator/faults" and exchange.method == "DELETE":
            self.faults.clear()
            return Answer(204, b"", {})
        if exchange.path == "/_emulator/state" and exchange.method == "GET":
            return json_answer(200, self.state())
        from ._executions import control  # imported late: that module builds on this one

        executions = control(self, exchange)
        if executions is not None:
            return executions
        return not_found_page()

    @property
    def operations(self) -> list[str]:
        """The operationIds the emulator serves, which faults and counters are keyed by."""
        return sorted({route.operation for route in _ROUTES})

    def arm(self, operation: str, fault: Fault, times: int) -> None:
        """Arms a fault, refusing an operation name that no request could ever match."""
        if operation != "*" and operation not in self.operations:
            close = difflib.get_close_matches(operation, self.operations, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(
                f"operation: {operation!r} is not an operation of the emulator{hint}; use one of "
                f"{', '.join(self.operations)}, or '*' for every operation"
            )
        self.faults.arm(operation, fault, times)

    def state(self) -> dict[str, Any]:
        with self.store.lock, self._lock:
            return {
                "dialect": self.dialect,
                "executions": {str(k): v for k, v in self.store.executions.items()},
                "requests": dict(self.requests),
                "conformance_failures": list(self.conformance_failures),
                "seed": {k: _jsonable(v) for k, v in attrs.asdict(self.store.seed).items()},
            }

    # -- the five operations --------------------------------------------------------------------------

    def create_run_test(self, exchange: Exchange, ids: dict[str, str]) -> Answer:
        fields = Fields(read_json(exchange.body), _CREATE_FIELDS)
        name = fields.string("name", required=True, max_length=255)
        description = fields.string("description", required=False)
        agent_id = fields.an_id("agent_definition_id", required=True, nullable=False)
        scenario_ids = fields.ids("scenario_ids", required=True, non_empty=True)
        dataset_row_ids = fields.string_list("dataset_row_ids", max_length=255)
        fields.ids("eval_config_ids")  # accepted and ignored, as the server does
        evaluations = fields.objects("evaluations_config")
        enable_tool_evaluation = fields.boolean("enable_tool_evaluation")
        fields.an_id("replay_session_id")
        version_id = fields.an_id("agent_version")
        agent = self.store.agents.get(agent_id) if agent_id else None
        if agent_id and agent is None:
            fields.fail("agent_definition_id", "does_not_exist", f'Agent definition "{agent_id}" not found.')
        unknown = [str(s) for s in scenario_ids if s not in self.store.scenarios]
        if unknown:
            fields.fail("scenario_ids", "does_not_exist", f"Scenarios not found: {', '.join(unknown)}.")
        if agent is not None and version_id is not None and version_id != agent.version_id:
            fields.fail("agent_version", "does_not_exist", f'Agent version "{version_id}" not found.')
        evals = [self._evaluation(fields, index, item) for index, item in enumerate(evaluations)]
        fields.done()
        assert name is not None
        assert agent is not None
        record = self.store.create_run_test(
            name=name,
            description=description or "",
            agent=agent,
            scenario_ids=scenario_ids,
            dataset_row_ids=dataset_row_ids,
            evals=[e for e in evals if e is not None],
            enable_tool_evaluation=enable_tool_evaluation,
        )
        return json_answer(201, self.store.run_test_json(record))

    @staticmethod
    def _evaluation(fields: Fields, index: int, item: dict[str, Any]) -> dict[str, Any] | None:
        try:
            template = uuid.UUID(str(item.get("template_id")))
        except ValueError:
            fields.fail(
                f"evaluations_config[{index}].template_id", "required", "A valid template_id is required."
            )
            return None
        return {
            "id": str(uuid.uuid4()),
            "name": item.get("name") or f"Evaluation {index + 1}",
            "config": item.get("config") or {},
            "mapping": item.get("mapping") or {},
            "filters": item.get("filters") or [],
            "error_localizer": bool(item.get("error_localizer", False)),
            "model": item.get("model"),
            "status": "pending",
            "eval_group": item.get("eval_group"),
            "template_id": str(template),
        }

    def list_run_tests(self, exchange: Exchange, ids: dict[str, str]) -> Answer:
        query = dict(exchange.query)  # Django's QueryDict: the last repeated value wins
        fields = strict_query(query, _LIST_PARAMETERS)
        simulation_type = query.get("simulation_type")
        if simulation_type is not None and simulation_type not in ("agent_definition", "prompt"):
            fields.fail("simulation_type", "invalid_choice", f'"{simulation_type}" is not a valid choice.')
        template = fields.an_id("prompt_template_id")
        page, limit = page_and_limit(fields, query)
        fields.done()
        search = query.get("search", "").lower()
        found = [
            r
            for r in self.store.newest_first()
            if search in r.name.lower()
            and (simulation_type is None or r.source_type == simulation_type)
            and (template is None or simulation_type != "prompt" or r.prompt_template == template)
        ]
        return list_answer(exchange, query, found, page, limit, self.store.run_test_json)

    def execute_run_test(self, exchange: Exchange, ids: dict[str, str]) -> Answer:
        record = self.store.run_tests.get(uuid.UUID(ids["run_test_id"]))
        if record is None:
            raise RefusalError(error_answer(404, "not_found", "not_found", "Run test not found."))
        # simulator_id is checked, not used: an unknown simulator falls back to the run test's own.
        select_all, chosen, _ = self._execute_body(exchange, with_simulator=True)
        if record.agent is not None and record.agent_version_id is None:
            raise bad_request("Test is not ready to run")
        if chosen and (self.dialect == "oss" or not select_all):
            # The open-source view ignores select_all whenever ids are given.
            selected = chosen
        else:
            selected = [s for s in record.scenario_ids if s not in chosen]
        execution = self._start(record, selected)
        return json_answer(200, self._execution_snake(record, execution, selected))

    def get_prompt_simulation(self, exchange: Exchange, ids: dict[str, str]) -> Answer:
        record = self._prompt_simulation(ids)
        if record is None:
            raise RefusalError(error_answer(404, "not_found", "not_found", "Simulation not found"))
        body = self.store.run_test_json(record)
        return json_answer(200, body if self.dialect == "docs" else server_envelope(body))

    def execute_prompt_simulation(self, exchange: Exchange, ids: dict[str, str]) -> Answer:
        record = self._prompt_simulation(ids)
        select_all, chosen, _ = self._execute_body(exchange, with_simulator=False)
        if record is None:
            raise RefusalError(
                error_answer(500, "server_error", "server_error", "Failed to execute simulation")
            )
        if chosen and not select_all:
            selected = chosen
        else:
            selected = [s for s in record.scenario_ids if s not in chosen]
        execution = self._start(record, selected)
        snake = self._execution_snake(record, execution, selected)
        if self.dialect == "oss":
            return json_answer(200, server_envelope(snake))
        return json_answer(200, docs_envelope({CAMEL.get(k, k): v for k, v in snake.items()}))

    # -- shared pieces ------------------------------------------------------------------------------------

    def _prompt_simulation(self, ids: dict[str, str]) -> RunTestRecord | None:
        record = self.store.run_tests.get(uuid.UUID(ids["run_test_id"]))
        if record is None or record.prompt_template != uuid.UUID(ids["prompt_template_id"]):
            return None
        return record

    def _execute_body(
        self, exchange: Exchange, *, with_simulator: bool
    ) -> tuple[bool, list[uuid.UUID], uuid.UUID | None]:
        names = ["select_all", "scenario_ids", *(["simulator_id"] if with_simulator else [])]
        wire = {n: CAMEL[n] for n in names} if self.dialect == "docs" else {n: n for n in names}
        fields = Fields(read_json(exchange.body), list(wire.values()))
        select_all = fields.boolean(wire["select_all"])
        chosen = fields.ids(wire["scenario_ids"])
        simulator = fields.an_id(wire["simulator_id"]) if with_simulator else None
        fields.done()
        return select_all, chosen, simulator

    def _start(self, record: RunTestRecord, selected: list[uuid.UUID]) -> uuid.UUID:
        if not selected:
            raise bad_request("No scenarios to run.")
        incomplete = [
            self.store.scenarios[s]
            for s in selected
            if s in self.store.scenarios and self.store.scenarios[s].status != "Completed"
        ]
        if incomplete:
            listed = [f"{s.name} ({s.id}): {s.status}" for s in incomplete]
            raise bad_request(f"Scenarios incomplete: {'; '.join(listed)}", details={"scenario_ids": listed})
        return self.store.record_execution(record, selected)

    def _execution_snake(
        self, record: RunTestRecord, execution: uuid.UUID, selected: list[uuid.UUID]
    ) -> dict[str, Any]:
        docs = self.dialect == "docs"
        return {
            "message": "Test execution started successfully",
            "execution_id": str(execution),
            "run_test_id": str(record.id),
            "status": "pending" if docs else "started",
            "total_scenarios": len(selected),
            # The open-source executors fill total_calls in later; the documentation shows it counted.
            "total_calls": len(selected) if docs else 0,
            "scenario_ids": [str(s) for s in selected],
        }


_CREATE_FIELDS = (
    "name",
    "description",
    "agent_definition_id",
    "scenario_ids",
    "dataset_row_ids",
    "eval_config_ids",
    "evaluations_config",
    "enable_tool_evaluation",
    "replay_session_id",
    "agent_version",
)
_LIST_PARAMETERS = ("search", "simulation_type", "prompt_template_id", "page", "limit")
_ROUTES: tuple[_Route, ...] = (
    _Route(
        "createRunTest",
        "POST",
        re.compile(r"/simulate/run-tests/create/"),
        EmulatorApp.create_run_test,
        write=True,
    ),
    _Route(
        "listRunTests", "GET", re.compile(r"/simulate/run-tests/"), EmulatorApp.list_run_tests, write=False
    ),
    _Route(
        "executeRunTest",
        "POST",
        re.compile(rf"/simulate/run-tests/(?P<run_test_id>{_UUID})/execute/"),
        EmulatorApp.execute_run_test,
        write=True,
    ),
    _Route(
        "getPromptSimulation",
        "GET",
        re.compile(
            rf"/simulate/prompt-templates/(?P<prompt_template_id>{_UUID})/simulations/(?P<run_test_id>{_UUID})/"
        ),
        EmulatorApp.get_prompt_simulation,
        write=False,
    ),
    _Route(
        "executePromptSimulation",
        "POST",
        re.compile(
            rf"/simulate/prompt-templates/(?P<prompt_template_id>{_UUID})/simulations/(?P<run_test_id>{_UUID})/execute/"
        ),
        EmulatorApp.execute_prompt_simulation,
        write=True,
    ),
)


def _match(exchange: Exchange) -> tuple[_Route | None, dict[str, str]]:
    for route in _ROUTES:
        found = route.pattern.fullmatch(exchange.path)
        if found and route.method == exchange.method:
            return route, found.groupdict()
    return None, {}


def _allowed_methods_or_404(path: str) -> Answer:
    methods = sorted({r.method for r in _ROUTES if r.pattern.fullmatch(path)})
    if methods:
        return error_answer(
            405,
            "method_not_allowed",
            "method_not_allowed",
            "Method not allowed.",
            headers={"Allow": ", ".join(methods)},
        )
    return not_found_page()


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


# The execution endpoints (API-NOTES "After execute") live in their own module, which builds on the
# helpers above; it can be imported only at the end, once they all exist.
from ._executions import ROUTES as _EXECUTION_ROUTES  # noqa: E402

_ROUTES = (*_ROUTES, *_EXECUTION_ROUTES)
