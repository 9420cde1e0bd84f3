"""``client.call_executions`` (``CallExecutions``) and ``AsyncCallExecutions``: one call of an execution.

``get`` reads one call execution (``GET /simulate/call-executions/{id}/``): a row of the execution's
detail, with its ``cost_cents`` and ``rerun_snapshots`` (what each ``call_and_eval`` rerun kept of the
call before it). ``session_comparison`` reads ``GET /simulate/call-executions/{id}/session-comparison/``,
which the two dialects answer about different things (``docs/dialects.md``, "Session comparison"): read
into one ``SessionComparison`` either way. Loaded on a client's first use of ``call_executions``.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

import attrs

from futureagi_simulate._answers import about, envelope_key, shallow_object, unwrap_object
from futureagi_simulate._api.api.call_executions import get_call_execution as _get
from futureagi_simulate._api.api.call_executions import get_session_comparison as _compare
from futureagi_simulate._api.models.server_session_comparison import ServerSessionComparison
from futureagi_simulate._api.models.session_comparison import SessionComparison as DocsSessionComparison
from futureagi_simulate._api.types import Unset
from futureagi_simulate._exports import publish
from futureagi_simulate._flows import Exchange, single
from futureagi_simulate._models import CallExecution
from futureagi_simulate._validate import IdLike, check_uuid

from ._base import AsyncResource, Resource

__all__ = [
    "AsyncCallExecutions",
    "CallExecutions",
    "SessionComparison",
    "call_execution_exchange",
    "session_comparison_exchange",
]

#: What a session comparison compares the call with: its state before its most recent rerun (the
#: documented dialect) or the production session a replay run replays (the open-source server).
ComparedWith = Literal["previous_attempt", "replayed_session"]


@attrs.frozen
class SessionComparison:
    """A call compared with what came before it, in one shape for both dialects.

    ``compared_with`` says with what: ``"previous_attempt"`` (the documented dialect: the call before its
    most recent rerun; each field then holds ``{"current": ..., "previous": ...}``) or
    ``"replayed_session"`` (the open-source server: a replay run's call beside the recorded session it
    replays, in the server's own shape). ``metrics``, ``transcripts``, ``recordings`` and ``evals`` are as
    the server sent them (``None`` when it sent nothing: the open-source server sends no evals, and
    recordings for voice calls only). Source: the reference's ``call-executions/getsessioncomparison.mdx``
    and the server's ``SessionComparisonChatSimView``.
    """

    call_execution_id: uuid.UUID
    compared_with: ComparedWith
    metrics: Any
    transcripts: Any
    recordings: Any = None
    evals: Any = None


def _as_sent(value: object) -> Any:
    """A generated field as JSON: a model's dict, None for a field left out."""
    if isinstance(value, Unset) or value is None:
        return None
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def parse_session_comparison(call_execution_id: uuid.UUID, body: object) -> SessionComparison:
    """Either dialect's comparison: the documented bare object or the server's ``{status, result}``."""
    answer = shallow_object(body)
    if envelope_key(answer, own=("metrics_comparison", "transcript_comparison")) is None:
        docs = DocsSessionComparison.from_dict(answer)
        return SessionComparison(
            call_execution_id=call_execution_id,
            compared_with="previous_attempt",
            metrics=_as_sent(docs.metrics_comparison),
            transcripts=_as_sent(docs.transcript_comparison),
            recordings=_as_sent(docs.recording_urls),
            evals=_as_sent(docs.eval_comparison),
        )
    server = ServerSessionComparison.from_dict(unwrap_object(answer, own=()))
    return SessionComparison(
        call_execution_id=call_execution_id,
        compared_with="replayed_session",
        metrics=server.comparison_metrics,
        transcripts=server.comparison_transcripts,
        recordings=_as_sent(server.comparison_recordings),
    )


def parse_call_execution(body: object) -> CallExecution:
    return CallExecution.from_dict(shallow_object(body))


def call_execution_exchange(call_execution_id: uuid.UUID) -> Exchange[CallExecution]:
    kwargs = _get.build_request_kwargs(call_execution_id)
    parse = about(call_execution_id, "call execution", parse_call_execution, lambda answer: answer.id)
    return Exchange.from_generated("get call execution", kwargs, parse)


def session_comparison_exchange(call_execution_id: uuid.UUID) -> Exchange[SessionComparison]:
    kwargs = _compare.build_request_kwargs(call_execution_id)
    return Exchange.from_generated(
        "get session comparison", kwargs, lambda body: parse_session_comparison(call_execution_id, body)
    )


class CallExecutions(Resource):
    """Call executions: one call of an execution, and its comparison with what came before it."""

    __slots__ = ()

    def get(self, call_execution_id: IdLike) -> CallExecution:
        """The call execution (``GET /simulate/call-executions/{id}/``): status, eval outputs,
        ``cost_cents`` (cents, ``None`` where the server knows no cost) and ``rerun_snapshots`` (what each
        ``call_and_eval`` rerun kept of the call before it, newest first: its ``status``,
        ``eval_outputs`` as stored, ``cost_cents``, ``snapshot_timestamp``). Unknown id: ``NotFoundError``.
        """
        exchange = call_execution_exchange(check_uuid("call_execution_id", call_execution_id))
        return self._run(single(exchange, self._ctx))

    def session_comparison(self, call_execution_id: IdLike) -> SessionComparison:
        """The call compared with what came before it
        (``GET /simulate/call-executions/{id}/session-comparison/``), as a ``SessionComparison``.

        The documented dialect compares the call with its state before its most recent rerun, and
        answers 400 for a call never rerun. The open-source server compares a replay run's call with the
        recorded session it replays, and answers 400 (``BadRequestError``) for any other call ("Row ID is
        not associated which is required", "Call execution is not completed yet", ...) and a 500 for an
        unknown id; ``docs/dialects.md``, "Session comparison". What a rerun replaced is in
        ``get(...).rerun_snapshots`` in both dialects.
        """
        exchange = session_comparison_exchange(check_uuid("call_execution_id", call_execution_id))
        return self._run(single(exchange, self._ctx))


class AsyncCallExecutions(AsyncResource):
    """Call executions (asyncio): the same methods as ``CallExecutions``, to ``await``."""

    __slots__ = ()

    async def get(self, call_execution_id: IdLike) -> CallExecution:
        """The call execution, with ``cost_cents`` and ``rerun_snapshots``; see ``CallExecutions.get``."""
        exchange = call_execution_exchange(check_uuid("call_execution_id", call_execution_id))
        return await self._run(single(exchange, self._ctx))

    async def session_comparison(self, call_execution_id: IdLike) -> SessionComparison:
        """The call compared with what came before it; see ``CallExecutions.session_comparison``."""
        exchange = session_comparison_exchange(check_uuid("call_execution_id", call_execution_id))
        return await self._run(single(exchange, self._ctx))


publish(SessionComparison)
