"""The emulator's state: agents, scenarios, run tests and executions, behind one lock.

The records are ``_records``' and the scripted outcomes ``_scripts``'; the Store holds them, moves
executions through their lifecycle, and renders the run test object, so that it has one shape whichever
endpoint answers it.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from ._records import (
    ADVANCE_MODES,
    EXECUTORS,
    AdvanceMode,
    AgentRecord,
    AgentVersionRecord,
    CallRecord,
    EvalTemplate,
    ExecutionRecord,
    Executor,
    RunTestRecord,
    ScenarioRecord,
    Seed,
    seed_id,
    timestamp,
)
from ._scripts import Script, ScriptedEval, stored_output

__all__ = ["Store"]

_SEEDED_AT = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


class Store:
    def __init__(self, *, advance: AdvanceMode = "on_read", executor: Executor = "temporal") -> None:
        if advance not in ADVANCE_MODES:
            raise ValueError(f"advance: must be one of {', '.join(ADVANCE_MODES)}, not {advance!r}")
        if executor not in EXECUTORS:
            raise ValueError(f"executor: must be one of {', '.join(EXECUTORS)}, not {executor!r}")
        self.advance_mode: AdvanceMode = advance
        self.executor: Executor = executor
        self.lock = threading.RLock()
        self.organization = seed_id("organization")
        self.agents: dict[uuid.UUID, AgentRecord] = {}
        #: Every agent version by id, in the order created.
        self.agent_versions: dict[uuid.UUID, AgentVersionRecord] = {}
        self.scenarios: dict[uuid.UUID, ScenarioRecord] = {}
        self.run_tests: dict[uuid.UUID, RunTestRecord] = {}
        self.executions: Counter[uuid.UUID] = Counter()
        #: Every execution started, by id, in the order started.
        self.test_executions: dict[uuid.UUID, ExecutionRecord] = {}
        #: Scripted outcomes by scenario id; a scenario without one passes.
        self.scripts: dict[uuid.UUID, Script] = {}
        #: Scripted outcomes of a scenario on run tests pinned to an agent version, by (version, scenario):
        #: they come before ``scripts``, so that one version's calls can fail while another's pass.
        self.version_scripts: dict[tuple[uuid.UUID, uuid.UUID], Script] = {}
        #: Eval templates by id; a template id the emulator has not seen is added at create (Pass/Fail).
        self.eval_templates: dict[uuid.UUID, EvalTemplate] = {}
        self._sequence = itertools.count()
        self.seed = self._load_seed()

    # -- seed -------------------------------------------------------------------------------------------

    def _load_seed(self) -> Seed:
        # The two templates the recorded run test used (``tests/data/answers-oss.json``) and a
        # score template.
        for name, output_type in (
            ("task_completion", "Pass/Fail"),
            ("toxicity", "Pass/Fail"),
            ("tone", "score"),
        ):
            eval_template = EvalTemplate(seed_id(f"eval-template:{name}"), name, output_type)
            self.eval_templates[eval_template.id] = eval_template
        agents = [
            AgentRecord(seed_id(f"agent:{n}"), n, t, seed_id(f"version:{n}"), "v1", seed_id(f"sim:{n}"))
            for n, t in (("Support line", "voice"), ("Sales chat", "text"))
        ]
        for agent in agents:
            self.agents[agent.id] = agent
            self._add_version(agent, agent.version_id, "Seeded configuration", "active")
        # The first agent has a second version, a draft: a run test can be pinned to it (a copy of the
        # seeded run test, say) while the seeded run test stays on v1.
        candidate = self._add_version(
            agents[0], seed_id("version:Support line:v2"), "Shorter greeting", "draft"
        )
        completed = [
            ScenarioRecord(seed_id(f"scenario:{n}"), n, "Completed", agent_id=agents[0].id)
            for n in ("Angry customer", "Refund request", "Wrong number")
        ]
        running = ScenarioRecord(
            seed_id("scenario:Billing dispute"), "Billing dispute", "Running", agent_id=agents[0].id
        )
        template = seed_id("prompt-template:Greeting")
        prompt_scenarios = [
            ScenarioRecord(seed_id(f"scenario:{n}"), n, "Completed", "prompt", template)
            for n in ("Polite greeting", "Terse greeting", "Greeting in French")
        ]
        # Stored oldest first so that each seed tuple below (and the run tests made of it) reads newest
        # first, the order in which the server lists a run test's scenarios.
        for scenario in reversed([*completed, running, *prompt_scenarios]):
            self.scenarios[scenario.id] = scenario
        ready = self._add(
            seed_id("run-test:Checkout regression"),
            "Checkout regression",
            agents[0],
            [s.id for s in completed],
            _SEEDED_AT,
        )
        # Two Pass/Fail evals, so that a demo against the seed shows pass rates.
        ready.evals = [
            _seed_eval(name, template)
            for name, template in (("Tone check", "task_completion"), ("Issue resolved", "toxicity"))
        ]
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
            agent_version_ids=(agents[0].version_id, candidate.id),
        )

    def _add_version(
        self,
        agent: AgentRecord,
        version_id: uuid.UUID,
        commit_message: str,
        status: str,
        configuration: Mapping[str, Any] | None = None,
        secrets: Mapping[str, str] | None = None,
        at: datetime = _SEEDED_AT,
    ) -> AgentVersionRecord:
        number = 1 + sum(v.agent_id == agent.id for v in self.agent_versions.values())
        version = AgentVersionRecord(
            id=version_id,
            agent_id=agent.id,
            number=number,
            commit_message=commit_message,
            description=f"The emulator's {agent.name} agent.",
            created_at=at,
            status=status,
            configuration={"agent_name": agent.name, "agent_type": agent.agent_type, **(configuration or {})},
            secrets=dict(secrets or {}),
        )
        self.agent_versions[version.id] = version
        return version

    def _add(
        self,
        id: uuid.UUID,
        name: str,
        agent: AgentRecord,
        scenarios: list[uuid.UUID],
        at: datetime,
        version_id: uuid.UUID | None = None,
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
            agent_version_id=version_id or self.active_version(agent.id).id,
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
        version_id: uuid.UUID | None = None,
    ) -> RunTestRecord:
        with self.lock:
            record = self._add(uuid.uuid4(), name, agent, scenario_ids, datetime.now(UTC), version_id)
            record.description = description
            record.dataset_row_ids = dataset_row_ids
            record.evals = evals
            record.enable_tool_evaluation = enable_tool_evaluation
            return record

    def live_run_test(self, run_test_id: uuid.UUID) -> RunTestRecord | None:
        """The run test by id, None when there is none or it was deleted (the server's ``deleted=False``)."""
        with self.lock:
            record = self.run_tests.get(run_test_id)
            return None if record is None or record.deleted else record

    def delete_run_test(self, record: RunTestRecord) -> None:
        """Soft-deletes ``record`` as the server does: it stays in ``run_tests`` for its executions."""
        with self.lock:
            record.deleted = True

    def update_components(
        self,
        record: RunTestRecord,
        *,
        agent: AgentRecord | None,
        version_id: uuid.UUID | None,
        simulator_id: uuid.UUID | None,
        scenario_ids: list[uuid.UUID] | None,
        enable_tool_evaluation: bool | None,
    ) -> None:
        """Changes what ``record`` uses; None leaves a component as it is. A new agent without a version
        gets that agent's active version."""
        with self.lock:
            if agent is not None:
                record.agent = agent
                record.agent_version_id = self.active_version(agent.id).id
            if version_id is not None:
                record.agent_version_id = version_id
            if simulator_id is not None:
                record.simulator_id = simulator_id
            if scenario_ids is not None:
                record.scenario_ids = scenario_ids
            if enable_tool_evaluation is not None:
                record.enable_tool_evaluation = enable_tool_evaluation

    # -- agent versions ---------------------------------------------------------------------------------

    def versions_of(self, agent_id: uuid.UUID) -> list[AgentVersionRecord]:
        """The agent's versions, newest first (the server's ``get_version_history``)."""
        with self.lock:
            found = [v for v in self.agent_versions.values() if v.agent_id == agent_id]
            return sorted(found, key=lambda v: v.number, reverse=True)

    def active_version(self, agent_id: uuid.UUID) -> AgentVersionRecord:
        """The agent's active version, else its latest."""
        versions = self.versions_of(agent_id)
        return next((v for v in versions if v.status == "active"), versions[0])

    def create_agent_version(
        self,
        agent: AgentRecord,
        *,
        commit_message: str,
        configuration: Mapping[str, Any],
        secrets: Mapping[str, str],
    ) -> AgentVersionRecord:
        """A new version of ``agent``, made active (the server activates each version it creates); the
        agent's other active versions become inactive."""
        with self.lock:
            for version in self.versions_of(agent.id):
                if version.status == "active":
                    version.status = "inactive"
            return self._add_version(
                agent, uuid.uuid4(), commit_message, "active", configuration, secrets, datetime.now(UTC)
            )

    def create_agent(
        self,
        *,
        name: str,
        agent_type: str,
        commit_message: str,
        configuration: Mapping[str, Any],
        secrets: Mapping[str, str],
    ) -> AgentRecord:
        """A new agent definition with its first version, active, made of ``configuration``."""
        with self.lock:
            agent = AgentRecord(uuid.uuid4(), name, agent_type, uuid.uuid4(), "v1", uuid.uuid4())
            self.agents[agent.id] = agent
            self._add_version(
                agent, agent.version_id, commit_message, "active", configuration, secrets, datetime.now(UTC)
            )
            return agent

    def agents_newest_first(self) -> list[AgentRecord]:
        with self.lock:
            return list(reversed(self.agents.values()))

    def agent_json(self, agent: AgentRecord, *, detail: bool) -> dict[str, Any]:
        """An agent definition as the server's list (``detail=False``) or detail serializer renders it:
        the fixed fields, then what its versions' configurations set, newest last; secrets masked."""
        versions = self.versions_of(agent.id)
        body = self._agent_detail(agent)
        for version in reversed(versions):
            body.update({k: v for k, v in version.configuration.items() if k in body})
            body.update({k: "********" for k in version.secrets if k in body})
        created = min((v.created_at for v in versions), default=_SEEDED_AT)
        body["created_at"] = timestamp(created)
        body["updated_at"] = timestamp(max((v.created_at for v in versions), default=created))
        if not detail:
            listed = [
                "id",
                "agent_name",
                "agent_type",
                "contact_number",
                "inbound",
                "description",
                "assistant_id",
                "provider",
                "language",
                "languages",
                "websocket_url",
                "websocket_headers",
                "workspace",
                "knowledge_base",
                "organization",
                "created_at",
                "updated_at",
                "model_details",
                "model",
            ]
            row = {key: body[key] for key in listed}
            row["latest_version"] = versions[0].number if versions else None
            row["latest_version_id"] = str(versions[0].id) if versions else None
            return row
        active = next((v for v in versions if v.status == "active"), None)
        body["versions"] = [self.version_json(v, detail=False) for v in versions]
        body["active_version"] = self.version_json(active, detail=False) if active else None
        body["version_count"] = len(versions)
        return body

    def version_json(self, version: AgentVersionRecord, *, detail: bool) -> dict[str, Any]:
        """A version as the server's list (``detail=False``) or detail serializer renders it."""
        versions = self.versions_of(version.agent_id)
        body: dict[str, Any] = {
            "id": str(version.id),
            "version_number": version.number,
            "version_name": version.name,
            "version_name_display": version.name,
            "status": version.status,
            "status_display": version.status.capitalize(),
            "score": None,
            "test_count": 0,
            "pass_rate": None,
            "description": version.description,
            "commit_message": version.commit_message,
            "is_active": version.status == "active",
            "is_latest": bool(versions) and versions[0].id == version.id,
            "created_at": timestamp(version.created_at),
        }
        if detail:
            snapshot = dict(version.configuration)
            # The server masks a secret it holds: the answer says it is set, never what it is.
            snapshot.update(dict.fromkeys(version.secrets, "********"))
            body.update(
                {
                    "release_notes": None,
                    "agent_definition": str(version.agent_id),
                    "organization": str(self.organization),
                    "configuration_snapshot": snapshot,
                    "updated_at": timestamp(version.created_at),
                }
            )
        return body

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
                uuid.uuid4(),
                run_test.id,
                list(scenario_ids),
                now,
                next(self._sequence),
                calls,
                agent_version_id=run_test.agent_version_id,
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
        evals: Mapping[str, object] | None = None,
        from_json: bool = False,
        agent_version: uuid.UUID | None = None,
    ) -> Script:
        """Records how ``scenario_id``'s calls end (with ``agent_version``, only on run tests pinned to that
        version); ``evals`` values are ``ScriptedEval`` or its shortcuts (with ``from_json``, also the
        control route's objects). Bad input is a ``ValueError`` naming it."""
        if call not in ("completed", "failed"):
            raise ValueError(f"call: must be 'completed' or 'failed', not {call!r}")
        checked: dict[str, ScriptedEval] = {}
        for name, value in (evals or {}).items():
            if not isinstance(name, str):
                raise ValueError(f"evals: names must be strings, not {name!r}")
            read = ScriptedEval.from_json if from_json else ScriptedEval.coerce
            checked[name] = read(name, value)
        with self.lock:
            if scenario_id not in self.scenarios:
                raise ValueError(f"scenario_id: no scenario {scenario_id}")
            script = Script("failed" if call == "failed" else "completed", checked)
            if agent_version is None:
                self.scripts[scenario_id] = script
            else:
                self.version_scripts[(agent_version, scenario_id)] = script
            return script

    def add_eval_config(self, run_test_id: uuid.UUID, name: str, template: str) -> uuid.UUID:
        with self.lock:
            record = self._run_test_record(run_test_id)
            found = [t for t in self.eval_templates.values() if t.name == template]
            if not found:
                known = ", ".join(t.name for t in self.eval_templates.values())
                raise ValueError(f"template: no eval template named {template!r}; the seed has {known}")
            if any(e.get("name") == name for e in record.evals):
                raise ValueError(f"name: the run test already has a live eval config named {name!r}")
            config = _seed_eval(name, template)
            config["id"] = str(uuid.uuid4())
            record.evals.append(config)
            return uuid.UUID(config["id"])

    def delete_eval_config(self, run_test_id: uuid.UUID, name: str) -> uuid.UUID:
        with self.lock:
            record = self._run_test_record(run_test_id)
            for config in record.evals:
                if config.get("name") == name:
                    record.evals.remove(config)
                    return uuid.UUID(str(config["id"]))
            raise ValueError(f"name: the run test has no live eval config named {name!r}")

    def _run_test_record(self, run_test_id: uuid.UUID) -> RunTestRecord:
        record = self.run_tests.get(run_test_id)
        if record is None:
            raise ValueError(f"run_test_id: no run test {run_test_id}")
        return record

    def tick(self, call: CallRecord | None = None, now: datetime | None = None) -> int:
        """A new "last updated" mark, later than every one given before (and the call's updated_at)."""
        if call is not None:
            call.updated_at = now or datetime.now(UTC)
        return next(self._sequence)

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

    def on_read(self, record: ExecutionRecord, page: int) -> None:
        """A read of ``record``'s ``page``; in ``on_read`` mode a read of the first page moves it a stage."""
        # Every read of the execution is one stage of progress, so a client polling it reaches the end in a
        # few polls with no real time passing. Only a read of the first page counts, so that a client reading
        # every page of the calls sees one state across them.
        if self.advance_mode == "on_read" and page == 1:
            self.advance(record.id)

    def finish(self, execution_id: uuid.UUID | None = None) -> list[ExecutionRecord]:
        """Moves one execution (or every one) to its end."""
        with self.lock:
            # Four steps reach the end from anywhere: pending, running, evaluating, then the verdict.
            return self.advance(execution_id, steps=4)

    def cancel(self, record: ExecutionRecord) -> str:
        """Cancels ``record`` as the configured executor does; returns the answer's message.

        Temporal: the view sets ``cancelling`` and signals the workflow, whatever the status, even a
        finished one; a workflow that is still running ends it ``cancelled`` (the next step here), one that
        had ended never does, so a finished execution stays ``cancelling``. The older executor: ``cancelled``
        at once, its pending and ongoing calls too; the calls that ended keep their status.
        """
        with self.lock:
            now = datetime.now(UTC)
            if self.executor == "temporal":
                record.stuck = record.stuck or record.finished
                record.status = "cancelling"
                return "Cancellation signal sent to workflow"
            if record.status != "cancelled":
                record.status, record.completed_at = "cancelled", now
                self._cancel_calls(record, now)
            return "Test execution cancelled successfully"

    def _cancel_calls(self, record: ExecutionRecord, now: datetime) -> None:
        for call in record.calls:
            if call.status in ("pending", "ongoing"):
                call.status, call.ended_at, call.updated = "cancelled", now, self.tick(call, now)

    def step(self, record: ExecutionRecord) -> None:
        with self.lock:
            now = datetime.now(UTC)
            if record.status == "pending":
                record.status, record.started_at = "running", now
                for call in record.calls:
                    call.status, call.started_at, call.updated = "ongoing", now, self.tick(call, now)
            elif record.status == "running":
                record.status = "evaluating"
                for index, call in enumerate(record.calls):
                    self._end_call(record, call, index, now)
            elif record.status == "evaluating":
                completed = any(c.status == "completed" for c in record.calls)
                record.status, record.completed_at = ("completed" if completed else "failed"), now
            elif record.status == "cancelling" and not record.stuck:
                record.status, record.completed_at = "cancelled", now
                self._cancel_calls(record, now)

    def _end_call(self, record: ExecutionRecord, call: CallRecord, index: int, now: datetime) -> None:
        script = self.script_of(record, call.scenario_id)
        call.status, call.ended_at, call.updated = script.call, now, self.tick(call, now)
        # Durations are made up but fixed, so that a test can compare them; whole seconds, as the server's.
        call.duration = 30 + 7 * index
        if script.call != "completed":
            return
        run_test = self.run_tests[record.run_test_id]
        outputs: dict[str, dict[str, Any]] = {}
        for config in run_test.evals:
            name = str(config.get("name") or "")
            template = self.template_of(config)
            default = ScriptedEval.judged(1.0 if template.output_type == "score" else "Passed")
            outputs[str(config["id"])] = stored_output(name, script.evals.get(name, default), template, now)
        # The server keeps eval_outputs in a JSONB column, which orders keys by length, then bytewise.
        call.eval_outputs = dict(sorted(outputs.items(), key=lambda item: (len(item[0]), item[0])))

    def script_of(self, record: ExecutionRecord, scenario_id: uuid.UUID) -> Script:
        """How the scenario's call of this execution ends: the script of the run test's pinned agent
        version first (the version the call reaches), then the scenario's own, else completed and passed."""
        version = self.run_tests[record.run_test_id].agent_version_id
        if version is not None:
            pinned = self.version_scripts.get((version, scenario_id))
            if pinned is not None:
                return pinned
        return self.scripts.get(scenario_id, Script())

    def template_of(self, config: Mapping[str, Any]) -> EvalTemplate:
        template_id = uuid.UUID(str(config["template_id"]))
        found = self.eval_templates.get(template_id)
        return (
            found if found is not None else EvalTemplate(template_id, f"template-{template_id}", "Pass/Fail")
        )

    def evals_newest_first(self, run_test: RunTestRecord) -> list[dict[str, Any]]:
        # The server lists a run test's eval configs newest first (the recorded run test shows the config
        # created second first).
        return list(reversed(run_test.evals))

    def executions_of(self, run_test_id: uuid.UUID) -> list[ExecutionRecord]:
        """The run test's executions, newest first."""
        with self.lock:
            found = [e for e in self.test_executions.values() if e.run_test_id == run_test_id]
            return sorted(found, key=lambda e: (e.created_at, e.sequence), reverse=True)

    def newest_first(self) -> list[RunTestRecord]:
        with self.lock:
            live = [r for r in self.run_tests.values() if not r.deleted]
            return sorted(live, key=lambda r: (r.created_at, r.sequence), reverse=True)

    # -- rendering --------------------------------------------------------------------------------------

    def scenarios_newest_first(self, run_test: RunTestRecord) -> list[uuid.UUID]:
        """The run test's scenarios newest first, as the server lists them (ids it has no record of last)."""
        order = {scenario_id: index for index, scenario_id in enumerate(self.scenarios)}
        return sorted(run_test.scenario_ids, key=lambda s: -order.get(s, -1) if s in order else 1)

    def scenario_json(self, scenario_id: uuid.UUID) -> dict[str, Any]:
        scenario = self.scenarios.get(scenario_id)
        if scenario is None:
            return {"id": str(scenario_id)}
        prompt = scenario.prompt_template is not None
        # The keys are the recorded scenario's; the emulator's scenarios are graph scenarios without a
        # dataset, played by one simulated customer.
        return {
            "id": str(scenario.id),
            "name": scenario.name,
            "description": "",
            "source": "emulator seed",
            "scenario_type": "graph",
            "scenario_type_display": "Graph",
            "source_type": scenario.source_type,
            "source_type_display": "Prompt" if prompt else "Agent Definition",
            "organization": str(self.organization),
            "dataset": None,
            "dataset_rows": 0,
            "dataset_column_config": [],
            "graph": {},
            "agent": {
                "id": str(seed_id("simulated-customer")),
                "name": "Simulated customer",
                "prompt": "You are a customer.",
                "voice_provider": "vapi",
                "voice_name": "alloy",
                "model": "gpt-4o-mini",
                "initial_message": "",
            },
            "prompt_template": str(scenario.prompt_template) if prompt else None,
            "prompt_template_detail": None,
            "prompt_version": None,
            "prompt_version_detail": None,
            "created_at": timestamp(_SEEDED_AT),
            "updated_at": timestamp(_SEEDED_AT),
            "deleted": False,
            "status": scenario.status,
            "deleted_at": None,
            "agent_type": "chat" if not prompt else "prompt",
        }

    def _agent_detail(self, agent: AgentRecord) -> dict[str, Any]:
        return {
            "id": str(agent.id),
            "agent_name": agent.name,
            "agent_type": agent.agent_type,
            "contact_number": None,
            "inbound": True,
            "target_speaks_first": None,
            "description": f"The emulator's {agent.name} agent.",
            "assistant_id": None,
            "provider": None,
            "language": None,
            "languages": None,
            "authentication_method": "api_key",
            "websocket_url": None,
            "websocket_headers": {},
            "workspace": str(seed_id("workspace")),
            "knowledge_base": None,
            "organization": str(self.organization),
            # The server answers the agent's provider key as an empty string.
            "api_key": "",
            "observability_provider": None,
            "created_at": timestamp(_SEEDED_AT),
            "updated_at": timestamp(_SEEDED_AT),
            "model": None,
            "model_details": {},
            "livekit_url": "",
            "livekit_api_key": "",
            "livekit_agent_name": "",
            "livekit_config_json": None,
            "livekit_max_concurrency": 2,
        }

    def _simulator_detail(self, simulator_id: uuid.UUID) -> dict[str, Any]:
        return {
            "id": str(simulator_id),
            "name": "Simulator",
            "prompt": "You are a customer.",
            "voice_provider": "vapi",
            "voice_name": "alloy",
            "interrupt_sensitivity": 0.5,
            "conversation_speed": 1.0,
            "finished_speaking_sensitivity": 0.5,
            "model": "gpt-4o-mini",
            "llm_temperature": 0.7,
            "max_call_duration_in_minutes": 30,
            "initial_message_delay": 0,
            "initial_message": "",
            "created_at": timestamp(_SEEDED_AT),
            "updated_at": timestamp(_SEEDED_AT),
            "organization": str(self.organization),
            "deleted": False,
            "deleted_at": None,
            "logo_url": None,
        }

    def run_test_json(self, record: RunTestRecord) -> dict[str, Any]:
        agent = record.agent
        version = self.agent_versions.get(record.agent_version_id) if record.agent_version_id else None
        evals = [dict(e) for e in self.evals_newest_first(record)]
        scenarios = self.scenarios_newest_first(record)
        return {
            "id": str(record.id),
            "name": record.name,
            "description": record.description,
            "agent_definition": _str(agent.id if agent else None),
            "agent_version": (
                {
                    "id": str(version.id),
                    "name": version.name,
                    "configuration_snapshot": self.version_json(version, detail=True)[
                        "configuration_snapshot"
                    ]
                    | {"description": version.description},
                }
                if agent and version
                else None
            ),
            "agent_definition_detail": self._agent_detail(agent) if agent else None,
            "source_type": record.source_type,
            "source_type_display": "Prompt" if record.source_type == "prompt" else "Agent Definition",
            "prompt_template": _str(record.prompt_template),
            "prompt_template_detail": (
                {
                    "id": str(record.prompt_template),
                    "name": "Greeting",
                    "description": "",
                    "variable_names": [],
                }
                if record.prompt_template
                else None
            ),
            "prompt_version": _str(record.prompt_version),
            "prompt_version_detail": (
                {
                    "id": str(record.prompt_version),
                    "template_version": "v1",
                    "is_default": True,
                    "commit_message": "",
                }
                if record.prompt_version
                else None
            ),
            "scenarios": [str(s) for s in scenarios],
            "scenarios_detail": [self.scenario_json(s) for s in scenarios],
            "dataset_row_ids": list(record.dataset_row_ids),
            "simulator_agent": _str(record.simulator_id),
            "simulator_agent_detail": self._simulator_detail(record.simulator_id)
            if record.simulator_id
            else None,
            "simulate_eval_configs": [e["id"] for e in evals],
            "simulate_eval_configs_detail": evals,
            "evals_detail": evals,
            "organization": str(self.organization),
            "enable_tool_evaluation": record.enable_tool_evaluation,
            "created_at": timestamp(record.created_at),
            "updated_at": timestamp(record.last_run_at or record.created_at),
            "last_run_at": timestamp(record.last_run_at) if record.last_run_at else None,
            "deleted": False,
            "deleted_at": None,
            "evals": evals,
        }


def _seed_eval(name: str, template: str) -> dict[str, Any]:
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
        "template_id": str(seed_id(f"eval-template:{template}")),
    }


def _str(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)
