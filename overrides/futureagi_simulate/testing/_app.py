"""``EmulatorApp``: one ``Exchange`` in, one ``Answer`` out, every rule applied in the server's order.

Both the HTTP server and the httpx transports call ``EmulatorApp.handle``, so a test that needs no socket
sees exactly what a client over the network sees. ``handle`` is the whole journey of a request: the
control routes (``_control``), the route table (``_routes``), the request counter, a ``status`` fault
(``_faults``), credentials and the workspace header (``_auth``), the media type (``_fields``), the
operation's handler (``_run_tests``, ``_prompt_simulations``, ``_executions``), the conformance check
against ``openapi.yaml`` (``_conformance``), and last what any other fault does to the answer. The rules
follow the open-source server as ``docs/dialects.md`` describes it, each section naming the server code
behind it; the ``docs`` dialect changes only what the public documentation changes (``_dialects``).
"""

from __future__ import annotations

import difflib
import sys
import threading
import uuid
from collections import Counter
from typing import Any

import attrs

from . import _prompt_simulations, _run_tests
from ._answers import InvalidError, RefusalError, error_answer
from ._auth import Credentials, workspace_error
from ._conformance import Conformance
from ._control import control
from ._dialects import Dialect
from ._exchange import Answer, Exchange
from ._faults import Fault, FaultPlan, apply_fault, gateway_answer
from ._fields import media_type_error
from ._routes import OPERATIONS, match, unrouted
from ._store import Store

__all__ = ["EmulatorApp"]


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

    def handle(self, exchange: Exchange) -> Answer:
        if exchange.path.startswith("/_emulator/"):
            return control(self, exchange)
        route, path_ids = match(exchange)
        if route is None:
            return unrouted(exchange.path)
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

    # -- what Emulator and the control routes use -----------------------------------------------------

    @property
    def operations(self) -> list[str]:
        """The operationIds the emulator serves, which faults and counters are keyed by."""
        return list(OPERATIONS)

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

    # The five operations' handlers stay reachable as methods, as they were before the route table
    # moved out; the route table calls the same functions.
    create_run_test = _run_tests.create_run_test
    list_run_tests = _run_tests.list_run_tests
    execute_run_test = _run_tests.execute_run_test
    get_prompt_simulation = _prompt_simulations.get_prompt_simulation
    execute_prompt_simulation = _prompt_simulations.execute_prompt_simulation


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value
