"""``run``'s steps after the check before paying passed (``Run``): pin, execute once, wait, judge,
report, unpin; loaded by the real run only (``_run.run_command`` and ``_many``), so that a ``--dry-run``
loads none of what only these steps use (the signals, the wait, the gate's reports, the pinning).
``cli/_run.py`` says what each step does."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

import attrs

from futureagi_simulate import (
    AsyncSimulateClient,
    CloneError,
    ExecutionCost,
    FutureAGIError,
    Selection,
    Thresholds,
    WaitTimeoutError,
)
from futureagi_simulate._cost import main_unit
from futureagi_simulate._errors import MAY_HAVE_STARTED
from futureagi_simulate._resources.executions import GOES_ON
from futureagi_simulate._words import counted

from . import _pinning, _reports, _signals, _waiting
from ._common import (
    check_hint,
    internal_error,
    new_progress,
    since_now,
)
from ._exit import ExitCode
from ._gate import Ended, Reporter, show_table
from ._options import RunOptions
from ._run import _version_name
from ._verdicts import (
    cost_history_async,
    estimate_lines,
    no_cost_known,
    resolve_baseline_async,
    with_cost_async,
)
from ._waiting import Watch, wait_and_judge_async

if TYPE_CHECKING:
    # Annotations: the dry run loads neither the verdict nor the results' models.
    from futureagi_simulate import Execution, ExecutionState, Verdict

    # Made by _many only: a run of one run test (and its --dry-run) does not create the class.
    from ._many import Among

__all__ = ["Run", "expected_scenarios"]


def expected_scenarios(selected: Sequence[uuid.UUID], started: Sequence[uuid.UUID]) -> list[uuid.UUID] | None:
    """The scenarios that must each have a call: those the check before paying found the selection
    would run, and those the execute's answer says it started. An answer that leaves out a scenario
    (the server ran fewer) must not let the verdict pass on the ones it ran."""
    expected = list(dict.fromkeys([*selected, *started]))
    return expected or None


def _resume_hint(execution_id: uuid.UUID, run_test_id: uuid.UUID) -> str:
    return (
        "to gate on it without a new execution: futureagi-simulate report "
        f"{execution_id} --run-test-id {run_test_id}"
    )


def _going_on(execution_id: uuid.UUID) -> str:
    return (
        f"execution {execution_id} may still be running; check it with: futureagi-simulate executions get "
        f"{execution_id}; cancel it with: futureagi-simulate executions cancel {execution_id}"
    )


def _joined(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def _left_line(error: CloneError) -> str:
    """The one line naming the run test a failed clone left, and how to remove it."""
    if error.left_run_test_id is not None:
        return (
            f"run test {error.left_run_test_id} ({error.left_run_test_name!r}) was left: its delete failed; "
            f"delete it with: futureagi-simulate run-tests delete {error.left_run_test_id}"
        )
    return (
        f"a run test named {error.left_run_test_name!r} may have been left: the create's answer was lost; "
        f"look for it with: futureagi-simulate run-tests list --search {error.left_run_test_name!r}"
    )


class _NoAgentError(Exception):
    """The run test has no agent definition, so no version of one to pin (a prompt simulation)."""


class Run:
    """One run after its check before paying passed: the steps, and what they have learnt so far."""

    def __init__(
        self,
        *,
        client: AsyncSimulateClient,
        options: RunOptions,
        run_test: _reports.RunTestName,
        selection: Selection,
        thresholds: Thresholds,
        selected: Sequence[uuid.UUID],
        plan: _pinning.PinPlan | None = None,
        among: Among | None = None,
    ) -> None:
        self.client, self.options, self.run_test = client, options, run_test
        # With a plan, the run is on a copy pinned to an agent version: ``pin`` makes it and points
        # ``run_test`` at it, while the reports keep naming the original (and name the copy too).
        self.plan = plan
        self.original = run_test
        self.copy: _reports.RunTestName | None = None
        self.unpinned = False
        # Set where the command advises `report` to resume the gate: that needs the run test.
        self.resumable = False
        self.selection, self.thresholds, self.selected = selection, thresholds, selected
        # Taken before the execute: where to look if its outcome is unknown.
        self.since = since_now()
        self.deadline = among.deadline if among is not None else None
        self.versions = among.versions if among is not None else None
        if among is None:
            # Made in the task that goes through the steps: a signal stops that task where it waits.
            import asyncio

            task = asyncio.current_task()
            if task is None:
                raise RuntimeError("a Run is made inside the event loop's task that runs it")
            self.signals = _signals.Signals().install().interrupting(task)
            self.progress = new_progress()
        else:
            self.signals = among.signals
            # Lines of several runs interleave: each says its run test, and none is a live line.
            self.progress = new_progress(prefix=f"[{run_test.name or run_test.id}] ", live=False)
        self.watch = Watch(self.progress)
        self.reports = Reporter(
            progress=self.progress,
            signals=self.signals,
            options=options.gate,
            run_test=run_test,
            collected=among.collected if among is not None else None,
        )
        self.execution_id: uuid.UUID | None = None
        self.sent = False
        # --baseline as an execution id, once check_baseline found it comparable.
        self.baseline: uuid.UUID | None = None

    def time_left(self) -> float:
        """Seconds the wait may take: ``--timeout``, or what is left of it when several run tests share
        it."""
        if self.deadline is None:
            return self.options.gate.timeout
        return self.deadline - _waiting.clock()

    async def go(self) -> int:
        """The steps in order; returns the exit code, which the reports hold."""
        try:
            try:
                with self.signals.interrupts():
                    # The baseline and the budget are the original run test's (a copy has no history):
                    # both checked before a copy is made, so a refusal leaves nothing behind.
                    await self.check_baseline()
                    await self.check_budget()
                    if self.plan is not None:
                        await self.pin(self.plan)
                        self.stop_if_signalled()
                    execution = await self.execute()
                    self.stop_if_signalled()
                    state, verdict = await self.wait_and_judge(execution)
                    verdict = await self.rerun_failures(execution, verdict)
                    # From the verdict on, a signal changes nothing: the reports and the exit code are
                    # the verdict's.
                    self.signals.noting()
                self.progress.say(f"execution {execution.execution_id} ended {state.status}")
            except _signals.Interrupted as interrupted:
                return await self.interrupted(interrupted)
            except Ended as ended:
                return ended.code
            return await self.judged(verdict)
        finally:
            # Already done before the reports on every path but a signal's (and a failure inside the
            # reports): here the copy is deleted all the same.
            await self.unpin()
            self.progress.close()

    async def _end(
        self, code: int, *, status: str, reasons: Sequence[str], cost: ExecutionCost | None = None
    ) -> NoReturn:
        await self.unpin()
        raise Ended(self.reports(code, status=status, reasons=reasons, cost=cost))

    # The copy pinned to an agent version ---------------------------------------------------------------

    async def pin(self, plan: _pinning.PinPlan) -> None:
        """Makes the run test's copy pinned to the agent version (first creating the version from
        ``--new-agent-version``'s file) and points the run at it. Signals are held meanwhile: the answers
        name what was made, so that ``unpin`` can delete it. A failure ends the run, nothing executed."""
        # Here, not at the top: it loads the generated package, which --help must not pay for.
        from futureagi_simulate._resources.run_tests import copy_name

        original = self.run_test
        self.reports.pinned = pinned = _reports.Pinned(
            original=original,
            agent_version_id=plan.agent_version,
            commit=plan.commit,
            kept=plan.keep,
        )
        try:
            with self.signals.holding():
                agent_id = await self._agent_of(original.id)
                version_id, version_name = await self._version(agent_id, plan)
                self.reports.pinned = pinned = attrs.evolve(
                    pinned, agent_version_id=version_id, agent_version_name=version_name
                )
                name = copy_name(
                    original.name or str(original.id),
                    version_name or str(version_id),
                    commit=plan.short_commit(),
                )
                copy = await self.client.run_tests.clone(original.id, agent_version_id=version_id, name=name)
        except _NoAgentError as error:
            # The run test, not the server, is why: a usage error, as the check's problems are.
            self.progress.say(f"RUN_TEST_ID: {error}")
            self.unpinned = True
            await self._end(
                ExitCode.USAGE, status="not started", reasons=[str(error), "nothing was executed"]
            )
        except FutureAGIError as error:
            await self._pin_failed(error, pinned)
        except Exception as error:  # unexpected: said in one line, nothing executed
            message = internal_error(error)
            self.progress.say(f"futureagi-simulate: {message}")
            await self._end(
                ExitCode.API_REFUSED, status="not started", reasons=[message, "nothing was executed"]
            )
        self.copy = _reports.RunTestName(id=copy.id, name=copy.name)
        self.reports.pinned = attrs.evolve(pinned, copy=self.copy)
        self.run_test = self.copy
        self.progress.say(
            f"made run test {self.copy.label()}: a copy of {original.label()} pinned to agent version "
            f"{self.reports.pinned.version_label()}"
        )

    async def _agent_of(self, run_test_id: uuid.UUID) -> uuid.UUID:
        found = (await self.client.run_tests.get(run_test_id)).agent_definition
        if not isinstance(found, uuid.UUID):
            raise _NoAgentError(
                f"run test {run_test_id} has no agent definition (a prompt simulation, or its agent was "
                "deleted): there is no agent version to pin"
            )
        return found

    async def _version(self, agent_id: uuid.UUID, plan: _pinning.PinPlan) -> tuple[uuid.UUID, str | None]:
        """The version to pin, its id and name: ``--agent-version``'s (read, so that one of another
        agent is refused before the copy is made) or a new one made from the file."""
        if plan.new_version is None:
            assert plan.agent_version is not None
            version = await self.client.agent_versions.get(agent_id, plan.agent_version)
            return version.id, _version_name(version)
        if self.versions is None:
            return await self._create_version(agent_id, plan)
        (version_id, name), made = await self.versions.made(
            plan.version_key(agent_id), lambda: self._create_version(agent_id, plan)
        )
        if not made:
            self.progress.say(
                f"runs agent version {name or version_id} ({version_id}) of agent {agent_id}, made from "
                f"{plan.source} for another run test of this run"
            )
        return version_id, name

    async def _create_version(
        self, agent_id: uuid.UUID, plan: _pinning.PinPlan
    ) -> tuple[uuid.UUID, str | None]:
        """Creates the agent version from ``--new-agent-version``'s file; its id and name."""
        assert plan.message is not None
        assert plan.new_version is not None
        made = await self.client.agent_versions.create(
            agent_id, commit_message=plan.message, configuration=dict(plan.new_version)
        )
        self.progress.say(
            f"created agent version {_version_name(made) or made.id} ({made.id}) of agent {agent_id} from "
            f"{plan.source}"
        )
        # The server makes a created version the agent's active one (docs/dialects.md, "Agent
        # definitions and agent versions"): said, since run tests bound to no version now run it.
        self.progress.say(
            f"note: the server made it agent {agent_id}'s active version: run tests of that agent not "
            "bound to a version run it from now on"
        )
        return made.id, _version_name(made)

    async def _pin_failed(self, error: FutureAGIError, pinned: _reports.Pinned) -> NoReturn:
        """The copy could not be made: one line for what failed and one for any run test left behind."""
        self.progress.say(f"making the pinned copy of run test {pinned.original.label()} failed: {error}")
        reasons = [str(error), "nothing was executed"]
        if isinstance(error, CloneError) and (error.left_run_test_id or error.left_run_test_name):
            left = _left_line(error)
            self.progress.say(left)
            reasons.append(left)
        self.unpinned = True  # nothing of ours to delete: clone deleted what it could
        await self._end(ExitCode.of_error(error), status="not started", reasons=reasons)

    async def unpin(self) -> None:
        """Deletes the copy, once, unless ``--keep-run-test`` or the command advised resuming the gate
        with ``report`` (a timeout without cancel, a failed read), which needs it; a copy left is one
        line naming it and why, and the reports written after say so. A signal during the delete
        abandons it, as one during a cancel does."""
        copy = self.copy
        if copy is None or self.unpinned:
            return
        self.unpinned = True
        if self.plan is not None and self.plan.keep:
            self.progress.say(f"kept run test {copy.label()} (--keep-run-test)")
            return
        why: str | None = None
        if self.resumable:
            # `report EXECUTION_ID --run-test-id COPY`, advised above, reads the copy's eval configs.
            why = f"the report command advised above needs it to gate on execution {self.execution_id}"
        else:
            why = await self._delete(copy)
        pinned = self.reports.pinned
        if pinned is not None:
            self.reports.pinned = attrs.evolve(pinned, deleted=why is None, left=why)
        if why is not None:
            self.progress.say(
                f"run test {copy.id} was left: {why}; "
                f"delete it with: futureagi-simulate run-tests delete {copy.id}"
            )

    async def check_baseline(self) -> None:
        """``--baseline``, found (``last-passed``) and checked comparable before the execute: a baseline
        that cannot be compared ends the run with exit 2 and nothing executed, never a silent pass."""
        wanted = self.options.gate.verdict.baseline
        if wanted is None:
            return
        try:
            found = await resolve_baseline_async(
                self.client,
                baseline=wanted,
                run_test_id=self.run_test.id,
                thresholds=self.thresholds,
                scenario_ids=self.selected,
            )
        except FutureAGIError as error:
            failed = f"checking --baseline failed: {error}"
            self.progress.say(failed)
            self.progress.say("nothing was executed")
            await self._end(ExitCode.of_error(error), status="not started", reasons=[failed])
        if isinstance(found, str):
            self.progress.say(found)
            self.progress.say("nothing was executed")
            await self._end(ExitCode.USAGE, status="not started", reasons=[found, "nothing was executed"])
        self.baseline = found
        self.progress.say(f"baseline: execution {found}")

    async def check_budget(self) -> None:
        """``--max-cost`` before the execute: refused (exit 2, nothing executed) when none of the run
        test's recent executions says what a call costs, rather than a cap that guards nothing."""
        if self.options.spend.max_cost is None:
            return
        try:
            history = await cost_history_async(self.client, self.run_test.id)
        except FutureAGIError as error:
            failed = f"reading the run test's recent costs for --max-cost failed: {error}"
            self.progress.say(failed)
            self.progress.say("nothing was executed")
            await self._end(ExitCode.of_error(error), status="not started", reasons=[failed])
        if history.cost is None:
            refused = no_cost_known(history, self.run_test.id)
            self.progress.say(refused)
            self.progress.say("nothing was executed")
            await self._end(ExitCode.USAGE, status="not started", reasons=[refused, "nothing was executed"])
        for line in estimate_lines(history, self.selected):
            self.progress.say(line)

    async def watch_budget(self, execution: Execution) -> None:
        """With ``--max-cost``, the wait: each poll reads every call row (the cost is on them, not on the
        one-row poll), until the execution finished; once the calls cost more than the cap, or a call
        ended without a cost (the cap would no longer guard anything), ``over_budget``. Within
        ``--timeout``: the wait that follows gets what is left."""
        cap = self.options.spend.max_cost_cents
        if cap is None:
            return
        execution_id, gate = execution.execution_id, self.options.gate
        if self.deadline is None:
            self.deadline = _waiting.clock() + gate.timeout
        while True:
            state = await self.client.executions.get(execution_id)
            self.watch.update(state)
            cost = ExecutionCost.of_rows(state.calls)
            if cost.known_cents > cap:
                await self.over_budget(
                    state,
                    f"the calls cost {main_unit(cost.known_cents)} ({cost.known_cents:g} cents) so far, "
                    f"more than --max-cost {main_unit(cap)}",
                )
            if cost.unknown_calls:
                await self.over_budget(
                    state,
                    f"{counted(cost.unknown_calls, 'call')} ended without cost_cents: --max-cost "
                    f"{main_unit(cap)} can no longer be watched",
                )
            if state.is_finished:
                return
            left = self.time_left()
            if left <= 0:
                raise WaitTimeoutError(
                    f"execution {execution_id} had not finished after {gate.timeout:g} s. {GOES_ON}",
                    state=state,
                    timeout=gate.timeout,
                )
            await _waiting.async_sleep(min(gate.poll_interval, left))

    async def over_budget(self, state: ExecutionState, why: str) -> NoReturn:
        """The cap was passed: the execution cancelled whatever ``--cancel-on-interrupt`` says (every
        minute more costs), the reports written, exit 6."""
        self.signals.noting()
        self.progress.say(f"budget exceeded: {why}")
        left = await self.cancel("--max-cost passed", always=True)
        # Every report gives the cost: here as the call rows said it at the cancel.
        cost = ExecutionCost.of_rows(state.calls)
        await self._end(
            ExitCode.BUDGET_EXCEEDED,
            status=state.status,
            reasons=[_joined(f"budget exceeded: {why}", left), _reports.cost_line(cost)],
            cost=cost,
        )

    async def rerun_failures(self, execution: Execution, verdict: Verdict) -> Verdict:
        """``--rerun-failed N``: up to N rounds, the calls that failed (``rerun_call_ids``) rerun through
        ``rerun-calls`` (sent once, never again), waited for within what is left of ``--timeout`` and
        judged again; then one verdict of the rounds (``judge_rounds``), ``--flaky`` deciding whether a
        scenario that failed and then passed fails it. The first results stay in the reports."""
        from futureagi_simulate._verdict import judge_rounds, rerun_call_ids

        spend, execution_id = self.options.spend, execution.execution_id
        rounds = [verdict]
        for number in range(1, spend.rerun_failed + 1):
            if rounds[-1].status != "completed":
                break
            ids = rerun_call_ids(rounds[-1])
            if not ids:
                break
            self.progress.say(
                f"rerun round {number} of {spend.rerun_failed}: "
                f"rerunning {counted(len(ids), 'call')} that failed"
            )
            try:
                with self.signals.holding():
                    answer = await self.client.executions.rerun_calls(execution_id, call_execution_ids=ids)
            except FutureAGIError as error:
                failed = f"rerunning the failed calls of execution {execution_id} failed: {error}"
                self.progress.say(failed)
                await self._end(ExitCode.of_error(error), status="unknown", reasons=[failed])
            if not answer.successful_reruns:
                self.progress.say(
                    f"the server reran none of the calls asked for ({counted(len(ids), 'call')}): "
                    "the results stand"
                )
                break
            # The execution runs again: a timeout or signal from now on may cancel it.
            self.watch.finished = False
            _state, again = await self.wait_and_judge(execution)
            rounds.append(again)
        return judge_rounds(rounds, flaky=spend.flaky)

    async def judge(self, execution: Execution) -> Verdict:
        """One snapshot of the results judged (against ``--baseline`` when given), with its cost."""
        verdict = await self.client.executions.report(
            execution.execution_id,
            # The run test asked for, not the one the execute's answer names: an answer naming another
            # run test (one without eval configs) must not choose what is judged.
            run_test_id=self.run_test.id,
            thresholds=self.thresholds,
            expected_scenario_ids=expected_scenarios(self.selected, execution.scenario_ids),
            baseline=self.baseline,
            # Found among the original's executions (check_baseline runs before the copy is made): a
            # copy has none of its own, and its eval configs are matched to the original's.
            baseline_run_test_id=None if self.copy is None else self.original.id,
        )
        return await with_cost_async(self.client, verdict, say=self.progress.say)

    async def _delete(self, copy: _reports.RunTestName) -> str | None:
        """Deletes the copy; None when it was, else why it was not."""
        try:
            with self.signals.raising():
                await self.client.run_tests.delete(copy.id)
            self.progress.say(f"deleted run test {copy.label()}, the pinned copy")
        except _signals.Interrupted as again:
            return f"{again.name} stopped its delete"
        except Exception as error:  # a failed delete is said, never raised
            return f"deleting it failed: {error}"
        return None

    async def execute(self) -> Execution:
        """Sends the execute, once: a signal meanwhile is held, since its answer names the execution."""
        self.sent = True
        run_test_id = self.run_test.id
        try:
            with self.signals.holding():
                execution = await self.client.run_tests.execute(run_test_id, selection=self.selection)
        except FutureAGIError as error:
            code = ExitCode.of_error(error)
            # The library's advice names its Python method; the hint below names the command.
            self.progress.say(f"execute failed: {str(error).replace('. ' + MAY_HAVE_STARTED, '')}")
            if code == ExitCode.OUTCOME_UNKNOWN:
                self.progress.say(check_hint(run_test_id, self.since))
            status = "unknown" if code == ExitCode.OUTCOME_UNKNOWN else "not started"
            await self._end(code, status=status, reasons=[str(error)])
        except Exception as error:  # an unexpected error: its outcome is unknown
            message, hint = internal_error(error), check_hint(run_test_id, self.since)
            self.progress.say(f"futureagi-simulate: {message}")
            self.progress.say(hint)
            await self._end(ExitCode.OUTCOME_UNKNOWN, status="unknown", reasons=[message, hint])
        self.execution_id = self.reports.execution_id = execution.execution_id
        self.progress.say(
            f"started execution {execution.execution_id} of run test {self.run_test.label()} "
            f"over {execution.total_scenarios} scenarios"
        )
        return execution

    def stop_if_signalled(self) -> None:
        """A signal held while the execute was out stops the run now, its execution known."""
        held = self.signals.pending()
        if held is not None:
            raise _signals.Interrupted(held)

    async def wait_and_judge(self, execution: Execution) -> tuple[ExecutionState, Verdict]:
        """Waits for the end within ``--timeout`` and judges one snapshot of the results."""
        execution_id, run_test_id = execution.execution_id, self.run_test.id
        gate = self.options.gate
        try:
            if self.deadline is None:
                # One --timeout for the first wait and every rerun round's.
                self.deadline = _waiting.clock() + gate.timeout
            timeout = self.time_left()
            if timeout <= 0:
                raise WaitTimeoutError(
                    f"execution {execution_id} had not finished after {gate.timeout:g} s: the --timeout "
                    f"the run tests share passed before its wait began. {GOES_ON}",
                    state=None,
                    timeout=gate.timeout,
                )
            await self.watch_budget(execution)
            return await wait_and_judge_async(
                self.client,
                execution_id,
                timeout=timeout,
                poll_interval=gate.poll_interval,
                watch=self.watch,
                judge=lambda: self.judge(execution),
            )
        except WaitTimeoutError as error:
            await self.timed_out(execution_id, error)
        except FutureAGIError as error:
            failed = f"reading execution {execution_id} failed: {error}"
            self.progress.say(failed)
            self.progress.say(
                f"execution {execution_id} had finished" if self.watch.finished else _going_on(execution_id)
            )
            self.progress.say(_resume_hint(execution_id, run_test_id))
            self.resumable = True
            await self._end(ExitCode.of_error(error), status="unknown", reasons=[failed])
        except Exception as error:  # an unexpected error while reading or judging
            message = internal_error(error)
            self.progress.say(f"futureagi-simulate: {message}")
            self.progress.say(_going_on(execution_id))
            await self._end(
                ExitCode.API_REFUSED, status="unknown", reasons=[message, _going_on(execution_id)]
            )

    async def timed_out(self, execution_id: uuid.UUID, error: WaitTimeoutError) -> NoReturn:
        """``--timeout`` passed: exit 4, the execution cancelled with ``--cancel-on-interrupt``."""
        self.signals.noting()
        last = error.state
        seen = (
            f": it was {last.status}, {last.finished_calls} of {last.total_calls} calls done" if last else ""
        )
        self.progress.say(
            f"execution {execution_id} had not finished after --timeout {self.options.gate.timeout:g} s{seen}"
        )
        left = await self.cancel("--timeout passed")
        if not self.options.cancel_on_interrupt:
            self.progress.say(_resume_hint(execution_id, self.run_test.id))
            self.resumable = True
        status = last.status if last is not None else "unknown"
        # The library's advice names its Python method; `left` says what became of it here.
        said = str(error).replace(f" {GOES_ON}", "").removesuffix(".")
        await self._end(ExitCode.TIMED_OUT, status=status, reasons=[_joined(said, left)])

    async def interrupted(self, interrupted: _signals.Interrupted) -> int:
        """A signal: the execution cancelled with ``--cancel-on-interrupt``; the first signal's code."""
        self.signals.stopping()
        # The exit code names the first signal, even when a second one is what stopped the execute.
        first = self.signals.first
        if first is not None and first != interrupted.signum:
            interrupted = _signals.Interrupted(first)
        self.progress.say(f"interrupted ({interrupted.name})")
        if self.execution_id is None and self.sent:
            self.progress.say(check_hint(self.run_test.id, self.since))
        left = await self.cancel("interrupted")
        if self.execution_id is None:
            left = "the execute was sent; its outcome is unknown" if self.sent else "nothing was started"
        return self.reports(
            interrupted.code,
            status=interrupted.status,
            reasons=[_joined(f"interrupted by {interrupted.name}", left)],
        )

    async def judged(self, verdict: Verdict) -> int:
        """The verdict: its table on the terminal, the copy deleted, its reports, exit 0 or 1 (6 when the
        calls, read once more after the end, cost more than ``--max-cost`` or an unknown amount)."""
        show_table(self.progress, verdict, self.reports.run_test)
        await self.unpin()
        over = self.over_cap(verdict)
        if over is not None:
            self.progress.say(f"budget exceeded: {over}")
            return self.reports(ExitCode.BUDGET_EXCEEDED, verdict=verdict)
        return self.reports(ExitCode.PASSED if verdict.passed else ExitCode.VERDICT_FAILED, verdict=verdict)

    def over_cap(self, verdict: Verdict) -> str | None:
        """Why the final cost breaks ``--max-cost`` (None: it does not, or no cap): more than the cap,
        or not known (a cost not read, or a call without one), since a cap must not pass on a guess."""
        cap = self.options.spend.max_cost_cents
        if cap is None:
            return None
        cost = verdict.cost
        if cost is None or cost.total_cents is None:
            return f"what the calls cost is unknown, so --max-cost {main_unit(cap)} cannot be said to hold"
        if cost.total_cents > cap:
            return f"the calls cost {main_unit(cost.total_cents)}, more than --max-cost {main_unit(cap)}"
        return None

    async def cancel(self, why: str, *, always: bool = False) -> str:
        """Cancels when asked; returns what became of the execution, for the reports. A signal during
        the cancel abandons it (CI's next signal is the last before SIGKILL: the reports come first)."""
        execution_id, progress = self.execution_id, self.progress
        if execution_id is None:
            return ""
        if self.watch.finished:
            # A cancel of a finished execution changes it on the server: never sent after the end.
            progress.say(f"execution {execution_id} had already finished ({why}); nothing to cancel")
            return f"execution {execution_id} had finished"
        if not (self.options.cancel_on_interrupt or always):
            progress.say(
                f"execution {execution_id} goes on ({why}); cancel it with: "
                f"futureagi-simulate executions cancel {execution_id}"
            )
            return f"execution {execution_id} goes on"
        try:
            with self.signals.raising():
                progress.say(f"cancelling execution {execution_id} ({why})")
                await self.client.executions.cancel(execution_id)
            progress.say(f"cancelled execution {execution_id} ({why})")
            return f"execution {execution_id} was cancelled"
        except _signals.Interrupted as again:
            progress.say(
                f"{again.name} while cancelling: stopped; execution {execution_id} may still be running; "
                f"cancel it with: futureagi-simulate executions cancel {execution_id}"
            )
            return f"execution {execution_id} may still be running; its cancel was stopped by {again.name}"
        except Exception as error:  # a failed cancel is said, never raised
            progress.say(f"could not cancel execution {execution_id}: {error}")
            return f"execution {execution_id} may still be running; cancelling it failed"
