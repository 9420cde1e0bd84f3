"""The emulator's records: agents, scenarios, run tests, eval templates, executions and their calls.

Plain values the Store keeps and every handler renders; they hold no lock and do no I/O. Seed ids are
fixed (``uuid5`` of a name) so that a test written in any language can name them without asking the
emulator first.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

import attrs

__all__ = [
    "ADVANCE_MODES",
    "EXECUTORS",
    "FINISHED",
    "AdvanceMode",
    "AgentRecord",
    "AgentVersionRecord",
    "CallRecord",
    "EvalTemplate",
    "ExecutionRecord",
    "Executor",
    "RunTestRecord",
    "ScenarioRecord",
    "Seed",
    "seed_id",
    "timestamp",
]

#: How executions move: one stage per read of the execution (``on_read``), or only when told (``manual``).
AdvanceMode = Literal["on_read", "manual"]
ADVANCE_MODES: tuple[AdvanceMode, ...] = ("on_read", "manual")
#: Which of the server's two execution paths the emulator plays (``docs/dialects.md``, "Cancel and the two
#: executors"):
#: ``temporal`` (``TEMPORAL_TEST_EXECUTION_ENABLED=true``) or ``older`` (the older executor). They differ in
#: what a cancel does: the Temporal view only sets ``cancelling`` and leaves the rest to the workflow; the
#: older executor sets ``cancelled`` at once.
Executor = Literal["temporal", "older"]
EXECUTORS: tuple[Executor, ...] = ("temporal", "older")
#: Statuses after which nothing moves (a rerun could move a finished execution again; there is none here).
FINISHED = frozenset({"completed", "failed", "cancelled"})

_NAMESPACE = uuid.UUID("5b0f4c3e-8a4d-4f3b-9a57-3f1e2d6c7b80")


def seed_id(name: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, name)


def timestamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@attrs.frozen
class AgentRecord:
    id: uuid.UUID
    name: str
    agent_type: str
    version_id: uuid.UUID
    version_name: str
    simulator_id: uuid.UUID


@attrs.define
class AgentVersionRecord:
    """One version of an agent definition: a number (``v1``, ``v2``, ...), a commit message, and the
    configuration it was created with (secrets kept apart, in ``secrets``, and never answered)."""

    id: uuid.UUID
    agent_id: uuid.UUID
    number: int
    commit_message: str
    description: str
    created_at: datetime
    #: ``active``, ``draft``, ... (the server's open set); a created version is active, the others not.
    status: str = "active"
    #: The configuration fields the create named (secrets left out).
    configuration: dict[str, Any] = attrs.Factory(dict)
    #: Secret fields the create named (provider ``api_key``, ``livekit_api_secret``, ...): kept so that a
    #: test can see they arrived, answered only as a mask.
    secrets: dict[str, str] = attrs.Factory(dict)

    @property
    def name(self) -> str:
        return f"v{self.number}"


@attrs.frozen
class ScenarioRecord:
    id: uuid.UUID
    name: str
    status: str
    source_type: str = "agent_definition"
    prompt_template: uuid.UUID | None = None
    #: The agent definition the scenario was made for (none for prompt scenarios).
    agent_id: uuid.UUID | None = None


@attrs.define
class RunTestRecord:
    id: uuid.UUID
    name: str
    description: str
    source_type: str
    scenario_ids: list[uuid.UUID]
    created_at: datetime
    # Sorting key for "newest first" that stays total when two run tests share a timestamp.
    sequence: int
    agent: AgentRecord | None = None
    agent_version_id: uuid.UUID | None = None
    prompt_template: uuid.UUID | None = None
    prompt_version: uuid.UUID | None = None
    simulator_id: uuid.UUID | None = None
    dataset_row_ids: list[str] = attrs.Factory(list)
    evals: list[dict[str, Any]] = attrs.Factory(list)
    enable_tool_evaluation: bool = False
    last_run_at: datetime | None = None
    #: Deleted (``deleteRunTest``): the server's soft delete keeps the row, so its executions stay readable,
    #: and every view that looks a run test up by id or lists them skips it.
    deleted: bool = False

    @property
    def agent_type(self) -> str:
        """``voice`` or ``text``, as the server names the kind of agent a run test's calls reach."""
        # The server's open set is `voice` or `text`.
        return "voice" if self.agent is not None and self.agent.agent_type == "voice" else "text"


@attrs.frozen
class EvalTemplate:
    """An eval template: the eval summary groups eval configs by it, under its name and output type."""

    id: uuid.UUID
    name: str
    #: ``Pass/Fail``, ``score`` or ``choices`` (the template's ``config.output``).
    output_type: str


@attrs.define
class CallRecord:
    id: uuid.UUID
    scenario_id: uuid.UUID
    scenario_name: str
    created_at: datetime
    status: str = "pending"
    started_at: datetime | None = None
    ended_at: datetime | None = None
    duration: float | None = None
    #: Eval config id -> the output as the server stores it (see ``ScriptedEval``); filled when the call
    #: completes.
    eval_outputs: dict[str, dict[str, Any]] = attrs.Factory(dict)
    #: When the call last changed, as a sequence number: the results endpoint orders by it, newest first.
    updated: int = 0
    updated_at: datetime | None = None


@attrs.define
class ExecutionRecord:
    id: uuid.UUID
    run_test_id: uuid.UUID
    scenario_ids: list[uuid.UUID]
    created_at: datetime
    sequence: int
    calls: list[CallRecord]
    status: str = "pending"
    started_at: datetime | None = None
    completed_at: datetime | None = None
    #: A Temporal cancel of an execution whose workflow had already ended: it stays ``cancelling``.
    stuck: bool = False
    #: The agent version the run test was pinned to when the execution started: its calls are that
    #: version's (an agent version's eval summary counts them).
    agent_version_id: uuid.UUID | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def created_calls(self) -> list[CallRecord]:
        """The calls the server has rows for: none while the execution is ``pending`` (the workflow creates
        them when it starts: the recorded detail of a pending execution has ``count: 0``)."""
        return [] if self.status == "pending" else self.calls


@attrs.frozen
class Seed:
    """The ids loaded at start, printed by the command line and reachable as ``Emulator.seed``."""

    agent_definition_ids: tuple[uuid.UUID, ...]
    #: Scenarios whose status is ``Completed``: any selection of them can run.
    scenario_ids: tuple[uuid.UUID, ...]
    #: A scenario still ``Running``: selecting it is a 400 "Scenarios incomplete".
    incomplete_scenario_id: uuid.UUID
    #: A run test over the completed scenarios.
    run_test_id: uuid.UUID
    #: A run test that includes the incomplete scenario.
    incomplete_run_test_id: uuid.UUID
    prompt_template_id: uuid.UUID
    #: The prompt simulation (a run test of source type ``prompt``) of ``prompt_template_id``.
    prompt_run_test_id: uuid.UUID
    prompt_scenario_ids: tuple[uuid.UUID, ...]
    #: The versions of the first agent definition, oldest first: ``v1`` (active, which ``run_test_id`` is
    #: pinned to) and ``v2`` (a draft, to pin a copy of the run test to).
    agent_version_ids: tuple[uuid.UUID, ...] = ()

    def as_environment(self) -> dict[str, str]:
        """The ids as the environment variables ``examples/quickstart.py`` reads."""
        return {
            "FI_DEMO_AGENT_DEFINITION_ID": str(self.agent_definition_ids[0]),
            "FI_DEMO_SCENARIO_IDS": ",".join(str(s) for s in self.scenario_ids),
            "FI_DEMO_RUN_TEST_ID": str(self.run_test_id),
            "FI_DEMO_PROMPT_TEMPLATE_ID": str(self.prompt_template_id),
            "FI_DEMO_PROMPT_RUN_TEST_ID": str(self.prompt_run_test_id),
            # The first agent's versions, oldest first: v1 (the run test's) and v2 (to pin a copy to).
            "FI_DEMO_AGENT_VERSION_IDS": ",".join(str(v) for v in self.agent_version_ids),
        }
