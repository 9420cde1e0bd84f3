"""The emulator's state: agents, scenarios, run tests and executions, behind one lock.

Everything the API returns is rendered here from plain records, so the run test object has one shape
whichever endpoint answers it. Seed ids are fixed (``uuid5`` of a name) so that a test written in any
language can name them without asking the emulator first.
"""

from __future__ import annotations

import itertools
import math
import threading
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

import attrs

__all__ = [
    "AdvanceMode",
    "AgentRecord",
    "CallRecord",
    "ExecutionRecord",
    "RunTestRecord",
    "ScenarioRecord",
    "Script",
    "Seed",
    "Store",
]

#: How executions move: one stage per read of the execution (``on_read``), or only when told (``manual``).
AdvanceMode = Literal["on_read", "manual"]
ADVANCE_MODES: tuple[AdvanceMode, ...] = ("on_read", "manual")
#: Statuses after which nothing moves (a rerun could move a finished execution again; there is none here).
FINISHED = frozenset({"completed", "failed", "cancelled"})

_NAMESPACE = uuid.UUID("5b0f4c3e-8a4d-4f3b-9a57-3f1e2d6c7b80")
_SEEDED_AT = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


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


@attrs.frozen
class ScenarioRecord:
    id: uuid.UUID
    name: str
    status: str
    source_type: str = "agent_definition"
    prompt_template: uuid.UUID | None = None


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


@attrs.frozen
class Script:
    """What a scenario's calls do: end ``completed`` or ``failed``, and per eval config name its output."""

    call: Literal["completed", "failed"] = "completed"
    #: Eval config name -> True/False (a Pass/Fail eval) or a number (a score). Unnamed evals pass.
    evals: Mapping[str, bool | float] = attrs.Factory(dict)


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
    #: Eval config id -> ``{name, output, output_type, reason}``; filled when the call completes.
    eval_outputs: dict[str, dict[str, Any]] = attrs.Factory(dict)


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

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


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

    def as_environment(self) -> dict[str, str]:
        """The ids as the environment variables ``examples/quickstart.py`` reads."""
        return {
            "FI_DEMO_AGENT_DEFINITION_ID": str(self.agent_definition_ids[0]),
            "FI_DEMO_SCENARIO_IDS": ",".join(str(s) for s in self.scenario_ids),
            "FI_DEMO_RUN_TEST_ID": str(self.run_test_id),
            "FI_DEMO_PROMPT_TEMPLATE_ID": str(self.prompt_template_id),
            "FI_DEMO_PROMPT_RUN_TEST_ID": str(self.prompt_run_test_id),
        }


class Store:
    def __init__(self, *, advance: AdvanceMode = "on_read") -> None:
        if advance not in ADVANCE_MODES:
            raise ValueError(f"advance: must be one of {', '.join(ADVANCE_MODES)}, not {advance!r}")
        self.advance_mode: AdvanceMode = advance
        self.lock = threading.RLock()
        self.organization = seed_id("organization")
        self.agents: dict[uuid.UUID, AgentRecord] = {}
        self.scenarios: dict[uuid.UUID, ScenarioRecord] = {}
        self.run_tests: dict[uuid.UUID, RunTestRecord] = {}
        self.executions: Counter[uuid.UUID] = Counter()
        #: Every execution started, by id, in the order started.
        self.test_executions: dict[uuid.UUID, ExecutionRecord] = {}
        #: Scripted outcomes by scenario id; a scenario without one passes.
        self.scripts: dict[uuid.UUID, Script] = {}
        self._sequence = itertools.count()
        self.seed = self._load_seed()

    # -- seed -------------------------------------------------------------------------------------------

    def _load_seed(self) -> Seed:
        agents = [
            AgentRecord(seed_id(f"agent:{n}"), n, t, seed_id(f"version:{n}"), "v1", seed_id(f"sim:{n}"))
            for n, t in (("Support line", "voice"), ("Sales chat", "chat"))
        ]
        for agent in agents:
            self.agents[agent.id] = agent
        completed = [
            ScenarioRecord(seed_id(f"scenario:{n}"), n, "Completed")
            for n in ("Angry customer", "Refund request", "Wrong number")
        ]
        running = ScenarioRecord(seed_id("scenario:Billing dispute"), "Billing dispute", "Running")
        template = seed_id("prompt-template:Greeting")
        prompt_scenarios = [
            ScenarioRecord(seed_id(f"scenario:{n}"), n, "Completed", "prompt", template)
            for n in ("Polite greeting", "Terse greeting", "Greeting in French")
        ]
        for scenario in [*completed, running, *prompt_scenarios]:
            self.scenarios[scenario.id] = scenario
        ready = self._add(
            seed_id("run-test:Checkout regression"),
            "Checkout regression",
            agents[0],
            [s.id for s in completed],
            _SEEDED_AT,
        )
        # Two Pass/Fail evals, so that a demo against the seed shows pass rates.
        ready.evals = [_seed_eval(name) for name in ("Tone check", "Issue resolved")]
        draft = self._add(
            seed_id("run-test:Billing (draft)"),
            "Billing (draft)",
            agents[0],
            [completed[0].id, running.id],
            _SEEDED_AT,
        )
        prompt = RunTestRecord(
            id=seed_id("run-test:Greeting prompt"),
            name="Greeting prompt simulation",
            description="Seeded prompt simulation.",
            source_type="prompt",
            scenario_ids=[s.id for s in prompt_scenarios],
            created_at=_SEEDED_AT,
            sequence=next(self._sequence),
            prompt_template=template,
            prompt_version=seed_id("prompt-version:Greeting v1"),
        )
        self.run_tests[prompt.id] = prompt
        return Seed(
            agent_definition_ids=tuple(a.id for a in agents),
            scenario_ids=tuple(s.id for s in completed),
            incomplete_scenario_id=running.id,
            run_test_id=ready.id,
            incomplete_run_test_id=draft.id,
            prompt_template_id=template,
            prompt_run_test_id=prompt.id,
            prompt_scenario_ids=tuple(s.id for s in prompt_scenarios),
        )

    def _add(
        self, id: uuid.UUID, name: str, agent: AgentRecord, scenarios: list[uuid.UUID], at: datetime
    ) -> RunTestRecord:
        record = RunTestRecord(
            id=id,
            name=name,
            description="",
            source_type="agent_definition",
            scenario_ids=scenarios,
            created_at=at,
            sequence=next(self._sequence),
            agent=agent,
            agent_version_id=agent.version_id,
            simulator_id=agent.simulator_id,
        )
        self.run_tests[record.id] = record
        return record

    # -- changes ----------------------------------------------------------------------------------------

    def create_run_test(
        self,
        *,
        name: str,
        description: str,
        agent: AgentRecord,
        scenario_ids: list[uuid.UUID],
        dataset_row_ids: list[str],
        evals: list[dict[str, Any]],
        enable_tool_evaluation: bool,
    ) -> RunTestRecord:
        with self.lock:
            record = self._add(uuid.uuid4(), name, agent, scenario_ids, datetime.now(UTC))
            record.description = description
            record.dataset_row_ids = dataset_row_ids
            record.evals = evals
            record.enable_tool_evaluation = enable_tool_evaluation
            return record

    def record_execution(self, run_test: RunTestRecord, scenario_ids: Sequence[uuid.UUID] = ()) -> uuid.UUID:
        """Starts an execution over ``scenario_ids`` (in that order), ``pending``, one call per scenario."""
        with self.lock:
            now = datetime.now(UTC)
            self.executions[run_test.id] += 1
            run_test.last_run_at = now
            calls = [
                CallRecord(uuid.uuid4(), s, self.scenario_name(s), now) for s in dict.fromkeys(scenario_ids)
            ]
            record = ExecutionRecord(
                uuid.uuid4(), run_test.id, list(scenario_ids), now, next(self._sequence), calls
            )
            self.test_executions[record.id] = record
            return record.id

    def scenario_name(self, scenario_id: uuid.UUID) -> str:
        scenario = self.scenarios.get(scenario_id)
        # The server accepts scenario ids not attached to the run test; an id it has no record of is named
        # by its id rather than not at all.
        return scenario.name if scenario else str(scenario_id)

    # -- executions: the lifecycle ----------------------------------------------------------------------
    #
    # pending -> running (calls ongoing) -> evaluating (calls ended per script, evals written) -> completed
    # (at least one call completed) | failed (every call failed); cancelling -> cancelled (pending and
    # ongoing calls cancelled). No real time passes: each step is one call to `step`.

    def script(
        self,
        scenario_id: uuid.UUID,
        *,
        call: str = "completed",
        evals: Mapping[str, bool | float] | None = None,
    ) -> Script:
        if call not in ("completed", "failed"):
            raise ValueError(f"call: must be 'completed' or 'failed', not {call!r}")
        checked: dict[str, bool | float] = {}
        for name, value in (evals or {}).items():
            if not isinstance(name, str):
                raise ValueError(f"evals: names must be strings, not {name!r}")
            if isinstance(value, bool) or (isinstance(value, int | float) and math.isfinite(value)):
                checked[name] = value
            else:
                raise ValueError(f"evals[{name!r}]: must be true, false or a number, not {value!r}")
        with self.lock:
            if scenario_id not in self.scenarios:
                raise ValueError(f"scenario_id: no scenario {scenario_id}")
            script = Script("failed" if call == "failed" else "completed", checked)
            self.scripts[scenario_id] = script
            return script

    def execution(self, execution_id: uuid.UUID) -> ExecutionRecord:
        with self.lock:
            record = self.test_executions.get(execution_id)
            if record is None:
                raise ValueError(f"execution_id: no execution {execution_id}")
            return record

    def advance(self, execution_id: uuid.UUID | None = None, *, steps: int = 1) -> list[ExecutionRecord]:
        """Moves one execution (or every one, with None) ``steps`` stages on; returns those it chose."""
        if steps < 0:
            raise ValueError("steps: must be >= 0")
        with self.lock:
            chosen = (
                [self.execution(execution_id)]
                if execution_id is not None
                else list(self.test_executions.values())
            )
            for record in chosen:
                for _ in range(steps):
                    if record.finished:
                        break
                    self.step(record)
            return chosen

    def finish(self, execution_id: uuid.UUID | None = None) -> list[ExecutionRecord]:
        """Moves one execution (or every one) to its end."""
        with self.lock:
            # Four steps reach the end from anywhere: pending, running, evaluating, then the verdict.
            return self.advance(execution_id, steps=4)

    def cancel(self, record: ExecutionRecord) -> bool:
        """Asks ``record`` to stop; False when it had already finished or was already stopping."""
        with self.lock:
            if record.finished or record.status == "cancelling":
                return False
            record.status = "cancelling"
            return True

    def step(self, record: ExecutionRecord) -> None:
        with self.lock:
            now = datetime.now(UTC)
            if record.status == "pending":
                record.status, record.started_at = "running", now
                for call in record.calls:
                    call.status, call.started_at = "ongoing", now
            elif record.status == "running":
                record.status = "evaluating"
                for index, call in enumerate(record.calls):
                    self._end_call(record, call, index, now)
            elif record.status == "evaluating":
                completed = any(c.status == "completed" for c in record.calls)
                record.status, record.completed_at = ("completed" if completed else "failed"), now
            elif record.status == "cancelling":
                record.status, record.completed_at = "cancelled", now
                for call in record.calls:
                    if call.status in ("pending", "ongoing"):
                        call.status, call.ended_at = "cancelled", now

    def _end_call(self, record: ExecutionRecord, call: CallRecord, index: int, now: datetime) -> None:
        script = self.scripts.get(call.scenario_id, Script())
        call.status, call.ended_at = script.call, now
        # Durations are made up but fixed, so that a test can compare them.
        call.duration = 30.0 + 7.5 * index
        if script.call != "completed":
            return
        run_test = self.run_tests[record.run_test_id]
        for config in run_test.evals:
            name = str(config.get("name") or "")
            value = script.evals.get(name, True)
            call.eval_outputs[str(config["id"])] = _eval_output(name, value)

    def executions_of(self, run_test_id: uuid.UUID) -> list[ExecutionRecord]:
        """The run test's executions, newest first."""
        with self.lock:
            found = [e for e in self.test_executions.values() if e.run_test_id == run_test_id]
            return sorted(found, key=lambda e: (e.created_at, e.sequence), reverse=True)

    def newest_first(self) -> list[RunTestRecord]:
        with self.lock:
            return sorted(self.run_tests.values(), key=lambda r: (r.created_at, r.sequence), reverse=True)

    # -- rendering --------------------------------------------------------------------------------------

    def scenario_json(self, scenario_id: uuid.UUID) -> dict[str, Any]:
        scenario = self.scenarios.get(scenario_id)
        if scenario is None:
            return {"id": str(scenario_id)}
        prompt = scenario.prompt_template is not None
        return {
            "id": str(scenario.id),
            "name": scenario.name,
            "description": None,
            "source": "emulator seed",
            "scenario_type": "dataset",
            "scenario_type_display": "Dataset",
            "source_type": scenario.source_type,
            "source_type_display": "Prompt" if prompt else "Agent Definition",
            "organization": str(self.organization),
            "dataset": None,
            "dataset_rows": 0,
            "dataset_column_config": [],
            "graph": None,
            "agent": None,
            "agent_type": "prompt" if prompt else "inbound",
            "prompt_template": str(scenario.prompt_template) if prompt else None,
            "prompt_template_detail": None,
            "prompt_version": None,
            "prompt_version_detail": None,
            "status": scenario.status,
            "created_at": timestamp(_SEEDED_AT),
            "updated_at": timestamp(_SEEDED_AT),
            "deleted": False,
            "deleted_at": None,
        }

    def run_test_json(self, record: RunTestRecord) -> dict[str, Any]:
        agent = record.agent
        evals = [dict(e) for e in record.evals]
        return {
            "id": str(record.id),
            "name": record.name,
            "description": record.description,
            "agent_definition": _str(agent.id if agent else None),
            "agent_version": (
                {
                    "id": str(agent.version_id),
                    "name": agent.version_name,
                    "configuration_snapshot": {"agent_type": agent.agent_type, "api_key": "********"},
                }
                if agent
                else None
            ),
            "agent_definition_detail": (
                {"id": str(agent.id), "agent_name": agent.name, "agent_type": agent.agent_type}
                if agent
                else None
            ),
            "source_type": record.source_type,
            "source_type_display": "Prompt" if record.source_type == "prompt" else "Agent Definition",
            "prompt_template": _str(record.prompt_template),
            "prompt_template_detail": (
                {"id": str(record.prompt_template), "name": "Greeting"} if record.prompt_template else None
            ),
            "prompt_version": _str(record.prompt_version),
            "prompt_version_detail": (
                {"id": str(record.prompt_version), "template_version": "v1"}
                if record.prompt_version
                else None
            ),
            "scenarios": [str(s) for s in record.scenario_ids],
            "scenarios_detail": [self.scenario_json(s) for s in record.scenario_ids],
            "dataset_row_ids": list(record.dataset_row_ids),
            "simulator_agent": _str(record.simulator_id),
            "simulator_agent_detail": (
                {"id": str(record.simulator_id), "name": "Simulator"} if record.simulator_id else None
            ),
            "simulate_eval_configs": [e["id"] for e in evals],
            "simulate_eval_configs_detail": evals,
            "evals_detail": evals,
            "evals": evals,
            "organization": str(self.organization),
            "enable_tool_evaluation": record.enable_tool_evaluation,
            "created_at": timestamp(record.created_at),
            "updated_at": timestamp(record.last_run_at or record.created_at),
            "last_run_at": timestamp(record.last_run_at) if record.last_run_at else None,
            "deleted": False,
            "deleted_at": None,
        }


def _seed_eval(name: str) -> dict[str, Any]:
    # The same keys create gives an eval config (``_run_tests._evaluation``), with an id fixed by name.
    return {
        "id": str(seed_id(f"eval:{name}")),
        "name": name,
        "config": {},
        "mapping": {},
        "filters": [],
        "error_localizer": False,
        "model": None,
        "status": "pending",
        "eval_group": None,
        "template_id": str(seed_id(f"eval-template:{name}")),
    }


def _eval_output(name: str, value: bool | float) -> dict[str, Any]:
    if isinstance(value, bool):
        verdict = "Passed" if value else "Failed"
        met = "met" if value else "did not meet"
        return {
            "name": name,
            "output": verdict,
            "output_type": "Pass/Fail",
            "reason": f"The call {met} the criterion of '{name}'.",
        }
    return {
        "name": name,
        "output": value,
        "output_type": "score",
        "reason": f"The call scored {value:g} on '{name}'.",
    }


def _str(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)
