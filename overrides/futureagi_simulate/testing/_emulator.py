"""``Emulator``: the stateful Simulate API on loopback, for demos, tests and other languages' clients."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Literal

from ._app import EmulatorApp
from ._auth import Credentials
from ._conformance import Conformance
from ._dialects import DIALECTS, Dialect
from ._faults import Fault
from ._records import AdvanceMode, Executor, Seed
from ._scripts import ScriptedEval
from ._server import AsyncEmulatorTransport, EmulatorServer, EmulatorTransport
from ._store import Store

__all__ = ["Emulator", "EmulatorConformanceError"]


class EmulatorConformanceError(AssertionError):
    """The emulator answered (or accepted) something ``openapi.yaml`` does not allow."""


class Emulator:
    """A Simulate API emulator serving real HTTP on 127.0.0.1.

    >>> with Emulator(dialect="oss") as emu:
    ...     client = SimulateClient(api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url)

    ``dialect`` picks the documented wire form (``"docs"``: camelCase execute bodies, ``{status:
    "success", data}``) or the open-source server's (``"oss"``: snake_case only, ``{status: true,
    result}``). With ``validate`` (the default) every exchange is checked against ``openapi.yaml`` and a
    departure is answered with a 500 and raised as ``EmulatorConformanceError`` when the emulator stops.
    ``port=0`` picks a free port.

    Executions move ``pending -> running -> evaluating -> completed | failed`` with no real time passing:
    with ``advance="on_read"`` (the default) one stage each time the execution is read (the first page of
    its detail or of its results), with ``advance="manual"`` only on ``advance()`` and ``finish()``. Every
    scenario's call completes and passes its evals unless ``script()`` says otherwise.

    The ``oss`` dialect answers in the shapes recorded from the open-source server
    (``tests/data/answers-oss.json``; ``tests/emulator/test_recordings.py`` diffs them): the execution
    detail's rows carry eval outputs in the structured form ``{value, reason, type, name, error, status,
    skipped}`` with ``eval_metrics`` filled, the results endpoint returns them as stored (``{name, output,
    reason, output_type}``, an errored one ``{name, error, output: null, reason, timestamp,
    output_type}``), and the eval summary has one item per eval template with one entry per eval config.

    ``executor`` picks which of the server's two execution paths a cancel follows: ``"temporal"`` (the
    default) sets ``cancelling`` and the workflow ends it ``cancelled`` on the next stage, but an
    execution that had already finished stays ``cancelling``; ``"older"`` sets ``cancelled`` at once,
    even on a finished execution (its ended calls keep their status).
    """

    def __init__(
        self,
        *,
        dialect: Dialect = "oss",
        validate: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: str | None = None,
        secret_key: str | None = None,
        advance: AdvanceMode = "on_read",
        executor: Executor = "temporal",
    ) -> None:
        if dialect not in DIALECTS:
            raise ValueError(f"dialect: must be one of {', '.join(DIALECTS)}, not {dialect!r}")
        self.dialect: Dialect = dialect
        self.api_key = api_key or f"emu-key-{secrets.token_hex(8)}"
        self._secret_key = secret_key or f"emu-secret-{secrets.token_hex(16)}"
        self._bearer_token = f"emu-session-{secrets.token_hex(16)}"
        credentials = Credentials()
        credentials.add_keys(self.api_key, self._secret_key, can_write=True)
        credentials.add_token(self._bearer_token)
        self._credentials = credentials
        self._store = Store(advance=advance, executor=executor)
        self.advance_mode: AdvanceMode = advance
        self.app = EmulatorApp(
            dialect=dialect,
            store=self._store,
            credentials=credentials,
            conformance=Conformance() if validate else None,
        )
        self._host, self._port = host, port
        self._server: EmulatorServer | None = None

    def __repr__(self) -> str:
        where = self._server.url if self._server else "not started"
        return f"Emulator(dialect={self.dialect!r}, url={where!r})"

    # -- lifecycle ------------------------------------------------------------------------------------

    def start(self) -> Emulator:
        if self._server is None:
            self._server = EmulatorServer(self.app, host=self._host, port=self._port)
            self._server.start()
        return self

    def stop(self, *, check: bool = True) -> None:
        """Stops serving; with ``check``, raises ``EmulatorConformanceError`` for any departure seen."""
        if self._server is not None:
            self._server.stop()
            self._server = None
        if check and self.app.conformance_failures:
            raise EmulatorConformanceError("\n".join(self.app.conformance_failures))

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # A test that already failed keeps its own error; the conformance report goes to stderr anyway.
        self.stop(check=exc is None)

    # -- what tests read ------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL to give a client (``http://127.0.0.1:<port>``)."""
        if self._server is None:
            raise RuntimeError("the emulator is not serving: use 'with Emulator() as emu:' or call start()")
        return self._server.url

    @property
    def secret_key(self) -> str:
        return self._secret_key

    @property
    def bearer_token(self) -> str:
        """A web-login session token the emulator accepts as ``Authorization: Bearer``."""
        return self._bearer_token

    @property
    def seed(self) -> Seed:
        return self._store.seed

    def execution_count(self, run_test_id: uuid.UUID | str) -> int:
        """How many executions of this run test were started, whatever the client saw."""
        with self._store.lock:
            return self._store.executions[uuid.UUID(str(run_test_id))]

    def execution_ids(self, run_test_id: uuid.UUID | str) -> list[uuid.UUID]:
        """The ids of this run test's executions, oldest first."""
        return [r.id for r in reversed(self._store.executions_of(uuid.UUID(str(run_test_id))))]

    def execution_status(self, execution_id: uuid.UUID | str) -> str:
        """The execution's status as the detail answers it (lower case), without moving it."""
        return self._store.execution(uuid.UUID(str(execution_id))).status

    # -- executions: progress and outcomes ------------------------------------------------------------

    def advance(self, execution_id: uuid.UUID | str | None = None, *, steps: int = 1) -> None:
        """Moves one execution (None: every execution) ``steps`` stages on; a finished one stays put.

        An unknown ``execution_id`` is a ``ValueError``.
        """
        self._store.advance(_optional_id(execution_id), steps=steps)

    def finish(self, execution_id: uuid.UUID | str | None = None) -> None:
        """Moves one execution (None: every execution) to its end: completed, failed or cancelled."""
        self._store.finish(_optional_id(execution_id))

    def script(
        self,
        scenario_id: uuid.UUID | str,
        *,
        call: Literal["completed", "failed"] = "completed",
        evals: Mapping[str, ScriptedEval | bool | str | float] | None = None,
        cost_cents: int | None = None,
        attempt: int | None = None,
    ) -> None:
        """Decides how this scenario's calls end, from their next evaluation on.

        ``attempt`` scripts one attempt only: 1 is the execution's own run of the call, 2 its first rerun
        (``rerun-calls``), and so on; an attempt without a script of its own follows the scenario's script
        (given with ``attempt=None``), else passes. So ``script(s, call="failed", attempt=1)`` makes a
        scenario fail and then pass when rerun: a flaky one.

        ``cost_cents`` is what each call costs once it ended, completed or failed (the call rows'
        ``cost_cents``, whole cents); None sends ``cost_cents: null``, as a server that reports no cost.

        ``call="failed"`` fails the call (a failed call gets no eval outputs). ``evals`` maps an eval config
        name to what the server's workflow writes for it on each call:

        - ``True``/``False``: the words ``"Passed"``/``"Failed"`` (a Pass/Fail template's verdict);
        - a string: that word verbatim, e.g. ``"Pass"``, which the server's summary counts in
          ``total_cells`` but neither as passed nor failed;
        - a number: a score (``output_type: "score"``);
        - ``ScriptedEval.judged(True)``: a JSON boolean output (the summary counts ``true`` as passed);
        - ``ScriptedEval.errored()``: ``output: null, error: "error"`` and the server's reason;
        - ``ScriptedEval.skipped()``: ``output: null`` without an error (no transcript to evaluate).

        Evals it does not name pass (``"Passed"``, or a score of 1.0 on a score template). Bad values and
        an unknown scenario are a ``ValueError`` naming them.
        """
        self._store.script(
            uuid.UUID(str(scenario_id)), call=call, evals=evals, cost_cents=cost_cents, attempt=attempt
        )

    def clear_scripts(self) -> None:
        """Every scenario completes, passes and costs nothing again, on every attempt."""
        self._store.clear_scripts()

    def add_eval_config(
        self, run_test_id: uuid.UUID | str, name: str, *, template: str = "task_completion"
    ) -> uuid.UUID:
        """Adds an eval config named ``name`` to the run test, on the seeded eval template ``template``
        (``task_completion`` or ``toxicity``: Pass/Fail; ``tone``: score); returns its id.

        Like the server, the emulator keeps names unique only among live configs, so a name freed by
        ``delete_eval_config`` can be taken again by a new config with a new id. An unknown run test or
        template, or a name a live config has, is a ``ValueError``.
        """
        return self._store.add_eval_config(uuid.UUID(str(run_test_id)), name, template)

    def delete_eval_config(self, run_test_id: uuid.UUID | str, name: str) -> uuid.UUID:
        """Deletes the run test's live eval config named ``name`` (as the server soft-deletes one); returns
        its id. Calls keep the outputs it wrote (the server does not prune them): the results endpoint still
        returns them, while the run test, the detail rows and the eval summary show live configs only.
        An unknown run test or name is a ``ValueError``."""
        return self._store.delete_eval_config(uuid.UUID(str(run_test_id)), name)

    def request_count(self, operation: str) -> int:
        """How many requests reached this operation (by ``operationId``), faulted ones included."""
        if operation not in self.app.operations:
            raise ValueError(f"operation: {operation!r} is not one of {', '.join(self.app.operations)}")
        return self.app.requests[operation]

    @property
    def conformance_failures(self) -> list[str]:
        return list(self.app.conformance_failures)

    def add_keys(self, api_key: str, secret_key: str, *, can_write: bool = True) -> None:
        """Registers another key pair; ``can_write=False`` gets a 403 on every POST."""
        self._credentials.add_keys(api_key, secret_key, can_write=can_write)

    # -- faults ---------------------------------------------------------------------------------------

    def inject(self, operation: str, fault: Fault, *, times: int = 1) -> None:
        """Arms ``fault`` for the next ``times`` requests to ``operation`` (an operationId, or ``"*"``).

        An operation name the emulator does not serve is a ``ValueError`` listing the ones it does
        (``operations``), rather than a fault that never fires. Against the ``oss`` dialect, a client
        with ``body_casing="auto"`` sends its first execute in camelCase, which the server refuses
        with a 400: a fault on that execute hits the refused request. Give such a client
        ``body_casing="snake"`` when the fault should hit the execute that runs.
        """
        self.app.arm(operation, fault, times)

    @property
    def operations(self) -> list[str]:
        """The operationIds ``inject`` and ``request_count`` accept."""
        return self.app.operations

    def clear_faults(self) -> None:
        self.app.faults.clear()

    # -- no socket ------------------------------------------------------------------------------------

    def transport(self) -> EmulatorTransport:
        """An httpx transport answering from this emulator in-process: ``httpx.Client(transport=...)``."""
        return EmulatorTransport(self.app)

    def async_transport(self) -> AsyncEmulatorTransport:
        return AsyncEmulatorTransport(self.app)

    def describe(self) -> dict[str, Any]:
        """What the command line prints: where, how to authenticate, and the seeded ids."""
        return {
            "url": self.url,
            "dialect": self.dialect,
            "api_key": self.api_key,
            "secret_key": self.secret_key,
            "bearer_token": self.bearer_token,
            **self.app.state()["seed"],
        }


def _optional_id(value: uuid.UUID | str | None) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(str(value))
