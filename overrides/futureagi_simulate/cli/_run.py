"""``futureagi-simulate run``: check before paying, execute once, wait for the end, judge, report.

``run_command`` does what needs no execution: the options, the report paths, the run test's check
(``_preflight``), ``--dry-run``. Then ``Run.go`` takes the steps in order, each a method: ``execute``
(sent once, never again), ``stop_if_signalled`` (a signal held while the execute was out), ``wait_and_judge``,
then the verdict. A step that ends the run writes the reports and raises ``Ended`` with the exit code;
a signal raises ``Interrupted`` wherever the run is, and ``interrupted`` ends it.

The command works with the async client (``AsyncSimulateClient``) in one event loop, so that several
run tests can run at once; each request is awaited where the sync command made it, and a signal
reaches the steps as ``Interrupted`` as before (``_signals``, "Under asyncio").
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from typing import NoReturn

import attrs

from futureagi_simulate import (
    AsyncSimulateClient,
    Execution,
    ExecutionState,
    FutureAGIError,
    RunTestCheck,
    Selection,
    Thresholds,
    Verdict,
    WaitTimeoutError,
)
from futureagi_simulate._errors import MAY_HAVE_STARTED
from futureagi_simulate._resources.executions import GOES_ON

from . import _preflight, _reports, _signals, _waiting
from ._common import (
    UsageError,
    check_hint,
    check_report_path,
    internal_error,
    make_async_client,
    new_progress,
    out,
    say,
    since_now,
)
from ._exit import ExitCode
from ._gate import Ended, Reporter, show_table
from ._options import RunOptions
from ._waiting import Watch, wait_and_judge_async

__all__ = ["Among", "Run", "check_run_test", "run_command"]


def run_command(options: RunOptions) -> int:
    """The command: every problem found before paying is exit 2 (or 3 when the check's read failed).
    Several run tests (ids, ``--search``) run together (``_many``); one id runs alone, as always."""
    if len(options.run_test_ids) != 1 or options.many.search is not None:
        from ._many import run_many

        return run_many(options)
    selection = options.selection()
    if selection is None:
        raise UsageError("--only and --all-except cannot be used together")
    check_report_path(options.gate.json_path, "--json")
    check_report_path(options.gate.junit, "--junit")
    thresholds = options.gate.thresholds()
    # Every option in range before any request, every name and id against the run test before the
    # execute: the same check for --dry-run and the real run, so both exit alike (cli/_preflight.py).
    problems = _preflight.option_problems(options.gate)
    for problem in problems:
        say(problem)
    return asyncio.run(_checked_then_run(options, selection, thresholds, problems=problems))


async def _checked_then_run(
    options: RunOptions, selection: Selection, thresholds: Thresholds, *, problems: Sequence[str]
) -> int:
    """The check before paying, then ``--dry-run``'s lines or the run, with one async client."""
    async with make_async_client(options.client) as client:
        # Read-only, and run even when an option is out of range, so that every problem is listed at
        # once rather than one per attempt.
        checked = await _check_before_paying(client, options, selection, thresholds, refused=bool(problems))
        if problems:
            return ExitCode.USAGE
        if not isinstance(checked, RunTestCheck):
            return checked
        if options.dry_run:
            for line in _preflight.dry_run_lines(checked, thresholds):
                out(line)
            return ExitCode.PASSED
        run = Run(
            client=client,
            options=options,
            run_test=_reports.RunTestName(id=options.run_test_id, name=checked.run_test_name),
            selection=selection,
            thresholds=thresholds,
            selected=checked.selected_scenario_ids,
        )
        return await run.go()


async def check_run_test(
    client: AsyncSimulateClient, options: RunOptions, selection: Selection, thresholds: Thresholds
) -> RunTestCheck | tuple[int, list[str]]:
    """The run test's check before paying: the check when it passed, else the exit code and what is
    wrong, each line naming its option. Nothing is said or written here."""
    try:
        checked = await client.run_tests.check(
            options.run_test_id, selection=selection, thresholds=thresholds
        )
    except FutureAGIError as error:
        return ExitCode.of_error(error), [f"checking run test {options.run_test_id} failed: {error}"]
    except Exception as error:  # unexpected: one line and 3, never a traceback and 1
        return ExitCode.API_REFUSED, [internal_error(error)]
    if checked.ok:
        return checked
    return ExitCode.USAGE, _preflight.problems_of(checked, selection)


async def _check_before_paying(
    client: AsyncSimulateClient,
    options: RunOptions,
    selection: Selection,
    thresholds: Thresholds,
    *,
    refused: bool = False,
) -> RunTestCheck | int:
    """The run test's check; on any problem or failure, what was said and the exit code (a real run also
    writes its reports, saying that nothing started). ``refused``: an option was already found out of
    range, so nothing will run whatever the check finds."""
    checked = await check_run_test(client, options, selection, thresholds)
    if isinstance(checked, RunTestCheck):
        return checked
    code, reasons = checked
    for reason in reasons:
        say(reason)
    say("nothing was executed")
    # Refused on an option, the command exits 2 before any report, as a usage error does.
    if not options.dry_run and not refused:
        _preflight.write_refusal_reports(
            options.run_test_id, options.gate, code=code, reasons=reasons, warn=say
        )
    return code


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


@attrs.frozen(kw_only=True)
class Among:
    """One run test's run among several (``_many``): its own signals (installed with the others', bound
    to its task by the caller), the list its outcome joins for the combined reports, and the one
    ``--timeout``'s deadline (on ``_waiting.clock``)."""

    signals: _signals.Signals
    collected: list[_reports.Outcome]
    deadline: float


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
        among: Among | None = None,
    ) -> None:
        self.client, self.options, self.run_test = client, options, run_test
        self.selection, self.thresholds, self.selected = selection, thresholds, selected
        # Taken before the execute: where to look if its outcome is unknown.
        self.since = since_now()
        self.deadline = among.deadline if among is not None else None
        if among is None:
            # Made in the task that goes through the steps: a signal stops that task where it waits.
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
                    execution = await self.execute()
                    self.stop_if_signalled()
                    state, verdict = await self.wait_and_judge(execution)
                    # From the verdict on, a signal changes nothing: the reports and the exit code are
                    # the verdict's.
                    self.signals.noting()
                self.progress.say(f"execution {execution.execution_id} ended {state.status}")
            except _signals.Interrupted as interrupted:
                return await self.interrupted(interrupted)
            except Ended as ended:
                return ended.code
            return self.judged(verdict)
        finally:
            self.progress.close()

    def _end(self, code: int, *, status: str, reasons: Sequence[str]) -> NoReturn:
        raise Ended(self.reports(code, status=status, reasons=reasons))

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
            self._end(code, status=status, reasons=[str(error)])
        except Exception as error:  # an unexpected error: its outcome is unknown
            message, hint = internal_error(error), check_hint(run_test_id, self.since)
            self.progress.say(f"futureagi-simulate: {message}")
            self.progress.say(hint)
            self._end(ExitCode.OUTCOME_UNKNOWN, status="unknown", reasons=[message, hint])
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
            timeout = self.time_left()
            if timeout <= 0:
                raise WaitTimeoutError(
                    f"execution {execution_id} had not finished after {gate.timeout:g} s: the --timeout "
                    f"the run tests share passed before its wait began. {GOES_ON}",
                    state=None,
                    timeout=gate.timeout,
                )
            return await wait_and_judge_async(
                self.client,
                execution_id,
                timeout=timeout,
                poll_interval=gate.poll_interval,
                watch=self.watch,
                judge=lambda: self.client.executions.report(
                    execution_id,
                    # The run test asked for, not the one the execute's answer names: an answer naming
                    # another run test (one without eval configs) must not choose what is judged.
                    run_test_id=run_test_id,
                    thresholds=self.thresholds,
                    expected_scenario_ids=expected_scenarios(self.selected, execution.scenario_ids),
                ),
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
            self._end(ExitCode.of_error(error), status="unknown", reasons=[failed])
        except Exception as error:  # an unexpected error while reading or judging
            message = internal_error(error)
            self.progress.say(f"futureagi-simulate: {message}")
            self.progress.say(_going_on(execution_id))
            self._end(ExitCode.API_REFUSED, status="unknown", reasons=[message, _going_on(execution_id)])

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
        status = last.status if last is not None else "unknown"
        # The library's advice names its Python method; `left` says what became of it here.
        said = str(error).replace(f" {GOES_ON}", "")
        self._end(ExitCode.TIMED_OUT, status=status, reasons=[_joined(said, left)])

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

    def judged(self, verdict: Verdict) -> int:
        """The verdict: its table on the terminal, its reports, exit 0 or 1."""
        show_table(self.progress, verdict)
        return self.reports(ExitCode.PASSED if verdict.passed else ExitCode.VERDICT_FAILED, verdict=verdict)

    async def cancel(self, why: str) -> str:
        """Cancels when asked; returns what became of the execution, for the reports. A signal during
        the cancel abandons it (CI's next signal is the last before SIGKILL: the reports come first)."""
        execution_id, progress = self.execution_id, self.progress
        if execution_id is None:
            return ""
        if self.watch.finished:
            # A cancel of a finished execution changes it on the server: never sent after the end.
            progress.say(f"execution {execution_id} had already finished ({why}); nothing to cancel")
            return f"execution {execution_id} had finished"
        if not self.options.cancel_on_interrupt:
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
