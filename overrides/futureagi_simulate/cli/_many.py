"""``run`` of several run tests: ids, ``--search``, later a suite file; each run test runs as ``run``
runs one (``_run.Run``, the same steps), at most ``--concurrency`` at once, within the one
``--timeout``, and one combined report of each kind is written at the end.

Every run test's check before paying comes first: one problem in any of them is exit 2 and nothing is
executed (a gate does not pay for part of itself). A signal goes to every run at once (each in its
own phase, ``_signals.install_all``): with ``--cancel-on-interrupt`` each cancels its execution. The
command's exit code is the most severe of the run tests' (``_exit.SEVERITY``).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from futureagi_simulate import AsyncSimulateClient, FutureAGIError, NotFoundError, RunTestCheck

from . import _pinning, _preflight, _reports, _signals, _waiting
from ._common import UsageError, check_report_path, internal_error, make_async_client, new_progress, out, say
from ._exit import ExitCode, most_severe
from ._options import RunOptions, from_args
from ._parser import run_parser
from ._run import check_run_test, dry_run_version
from ._run_steps import Run
from ._suite import DEFAULT_PATH, load_suite, suite_argv

__all__ = ["Among", "agent_version_problem", "run_many", "run_plans", "suite_plans"]


@attrs.frozen(kw_only=True)
class Among:
    """One run test's run among several: its own signals (installed with the others', bound
    to its task by the caller), the list its outcome joins for the combined reports, and the one
    ``--timeout``'s deadline (on ``_waiting.clock``)."""

    signals: _signals.Signals
    collected: list[_reports.Outcome]
    deadline: float
    # The versions --new-agent-version made, shared by every run test of the run.
    versions: _pinning.MadeVersions | None = None


def run_many(options: RunOptions) -> int:
    """``run ID ID ...`` and ``run --search TEXT``: the same options for every run test."""
    if options.only or options.all_except:
        raise UsageError(
            "--only and --all-except name scenarios of one run test: give them with one RUN_TEST_ID "
            "(or per run test in the suite file)"
        )
    if not options.run_test_ids and options.many.search is None:
        planned = suite_plans(options.many.suite, options.command_line)
        if isinstance(planned, int):
            return planned
        return run_plans(*planned)
    return run_plans(options, [options.one(run_test_id) for run_test_id in options.run_test_ids])


def suite_plans(path: Path | None, command_line: Sequence[str]) -> tuple[RunOptions, list[RunOptions]] | int:
    """The suite file's run tests as ``run``'s options, each from the file's defaults, its own keys, then
    the command line's options (which win); and the options of the suite as a whole. A problem with the
    file: each said with its path, line and key, and exit 2."""
    run = run_parser()
    chosen = path if path is not None else DEFAULT_PATH
    if path is None and not chosen.exists():
        raise UsageError(
            f"give a RUN_TEST_ID, --search TEXT, or a suite file ({chosen} is not in {Path.cwd()}; "
            "or --suite PATH)"
        )
    suite, problems = load_suite(chosen, run)
    if suite is None:
        for problem in problems:
            say(problem)
        return ExitCode.USAGE
    given = list(command_line)

    def parsed(arguments: list[str]) -> RunOptions:
        try:
            namespace = run.parse_args(arguments)
        except SystemExit:
            raise UsageError(f"{chosen}: its options and the command line's do not go together") from None
        namespace.command_line = tuple(given)
        return from_args(RunOptions, namespace)

    command_line_options = run.parse_args(given)
    top = parsed([*suite_argv(suite, None, run, command_line_options), *given])
    plans = [
        parsed([str(entry.id), *suite_argv(suite, entry, run, command_line_options), *given])
        for entry in suite.run_tests
    ]
    return top, plans


def run_plans(top: RunOptions, plans: Sequence[RunOptions]) -> int:
    """Runs ``plans`` (one ``RunOptions`` per run test) and those ``top.many.search`` finds, with
    ``top``'s client, reports, concurrency, ``--cancel-on-interrupt`` and ``--dry-run``."""
    for plan in [top, *plans]:
        # Each run test's agent version options and version file, before any request (cli/_pinning.py):
        # each run test pinned runs its own copy.
        _pinning.plan_of(plan.version)
    check_report_path(top.gate.json_path, "--json")
    check_report_path(top.gate.junit, "--junit")
    problems = [problem for plan in [top, *plans] for problem in _preflight.option_problems(plan.gate)]
    problems = list(dict.fromkeys(problems))
    for problem in problems:
        say(problem)
    if problems:
        return ExitCode.USAGE
    return asyncio.run(_Many(top, plans).go())


class _Many:
    """The run tests of one ``run``, from their search to the combined reports."""

    def __init__(self, top: RunOptions, plans: Sequence[RunOptions]) -> None:
        self.top, self.plans = top, list(plans)

    async def go(self) -> int:
        async with make_async_client(self.top.client) as client:
            found = await self.search(client)
            if isinstance(found, int):
                return found
            plans = self.plans + [self.top.one(run_test_id) for run_test_id in found]
            # A run test named twice (an id and a search, or an id twice) runs once, where first named.
            unique: dict[uuid.UUID, RunOptions] = {}
            for plan in plans:
                unique.setdefault(plan.run_test_id, plan)
            plans = list(unique.values())
            checks = await self.check(client, plans)
            if isinstance(checks, int):
                return checks
            if self.top.dry_run:
                for plan, checked in zip(plans, checks, strict=True):
                    lines = _preflight.dry_run_lines(checked, plan.gate.thresholds())
                    pin = _pinning.plan_of(plan.version)
                    if pin is not None:
                        lines += await dry_run_version(client, plan.run_test_id, pin)
                    for line in lines:
                        out(line)
                return ExitCode.PASSED
            return await self.run(client, plans, checks)

    async def search(self, client: AsyncSimulateClient) -> list[uuid.UUID] | int:
        """The ids of the run tests whose name contains ``--search``'s text (any case), newest first;
        the server's search also matches agent names, so each name is checked here."""
        text = self.top.many.search
        if text is None:
            return []
        found: list[uuid.UUID] = []
        try:
            async for run_test in client.run_tests.iter(search=text):
                if isinstance(run_test.name, str) and text.casefold() in run_test.name.casefold():
                    found.append(run_test.id)
        except FutureAGIError as error:
            say(f"--search {text!r}: listing the run tests failed: {error}")
            return ExitCode.of_error(error)
        if not found and not self.plans:
            say(f"--search {text!r}: no run test's name contains it; nothing was executed")
            return ExitCode.USAGE
        if self.top.dry_run:
            out(f"--search {text!r}: {len(found)} run tests")
        return found

    async def check(self, client: AsyncSimulateClient, plans: list[RunOptions]) -> list[RunTestCheck] | int:
        """Every run test's check before paying, a few at a time; any problem: every one said, nothing
        executed, exit 2 (or 3 when a read failed)."""
        slots = asyncio.Semaphore(self.top.many.concurrency)

        async def one(plan: RunOptions) -> RunTestCheck | tuple[int, list[str]]:
            selection = plan.selection()
            if selection is None:
                return ExitCode.USAGE, ["--only and --all-except cannot be used together"]
            async with slots:
                checked = await check_run_test(client, plan, selection, plan.gate.thresholds())
                if isinstance(checked, RunTestCheck):
                    return await agent_version_problem(client, plan) or checked
                return checked

        results = await asyncio.gather(*(one(plan) for plan in plans))
        refused: list[_reports.Outcome] = []
        for plan, result in zip(plans, results, strict=True):
            if isinstance(result, RunTestCheck):
                continue
            code, reasons = result
            for reason in reasons:
                say(f"run test {plan.run_test_id}: {reason}")
            refused.append(
                _reports.Outcome(
                    run_test=_reports.RunTestName(id=plan.run_test_id, name=None),
                    execution_id=None,
                    exit_code=code,
                    status="not started",
                    reasons=reasons,
                )
            )
        if not refused:
            return [result for result in results if isinstance(result, RunTestCheck)]
        say("nothing was executed")
        code = most_severe(outcome.exit_code for outcome in refused)
        if not self.top.dry_run:
            # Every run test in the reports: the refused with why, the others not started for them.
            held = [
                _reports.Outcome(
                    run_test=_reports.RunTestName(id=plan.run_test_id, name=result.run_test_name),
                    execution_id=None,
                    exit_code=code,
                    status="not started",
                    reasons=["not executed: the check before paying of another run test failed"],
                )
                for plan, result in zip(plans, results, strict=True)
                if isinstance(result, RunTestCheck)
            ]
            self.write([*refused, *held], code)
        return code

    async def run(
        self, client: AsyncSimulateClient, plans: list[RunOptions], checks: list[RunTestCheck]
    ) -> int:
        """Each run test's ``Run``, at most ``--concurrency`` at once, all within the one deadline."""
        start = _waiting.clock()
        slots = asyncio.Semaphore(self.top.many.concurrency)
        runs: list[Run] = []
        collected: list[list[_reports.Outcome]] = []
        versions = _pinning.MadeVersions()
        for plan, checked in zip(plans, checks, strict=True):
            selection = plan.selection()
            assert selection is not None  # checked before
            among = Among(
                signals=_signals.Signals(),
                collected=[],
                deadline=start + plan.gate.timeout,
                versions=versions,
            )
            collected.append(among.collected)
            runs.append(
                Run(
                    client=client,
                    options=plan,
                    run_test=_reports.RunTestName(id=plan.run_test_id, name=checked.run_test_name),
                    selection=selection,
                    thresholds=plan.gate.thresholds(),
                    selected=checked.selected_scenario_ids,
                    plan=_pinning.plan_of(plan.version),
                    among=among,
                )
            )
        # Each run's signals cancel its own task; installed once every task is known.
        tasks = [asyncio.ensure_future(_in_turn(run, slots)) for run in runs]
        for run, task in zip(runs, tasks, strict=True):
            run.signals.interrupting(task)
        _signals.install_all([run.signals for run in runs])
        ended = await asyncio.gather(*tasks, return_exceptions=True)
        outcomes: list[_reports.Outcome] = []
        for run, result, kept in zip(runs, ended, collected, strict=True):
            if kept:
                outcomes.append(kept[-1])
                continue
            # A run that ended without its reports (a bug): said, and counted as a failed read, or as
            # an execute of unknown outcome when one was sent and its answer never read.
            why = internal_error(result) if isinstance(result, BaseException) else "it ended without a result"
            say(f"run test {run.run_test.label()}: {why}")
            unknown = run.sent and run.execution_id is None
            outcomes.append(
                _reports.Outcome(
                    run_test=run.run_test,
                    execution_id=run.execution_id,
                    exit_code=ExitCode.OUTCOME_UNKNOWN if unknown else ExitCode.API_REFUSED,
                    status="unknown",
                    reasons=[why],
                )
            )
        code = most_severe(outcome.exit_code for outcome in outcomes)
        progress = new_progress(live=False)
        try:
            for outcome in outcomes:
                mark = "PASSED" if outcome.exit_code == 0 else f"FAILED (exit {outcome.exit_code})"
                progress.say(f"run test {outcome.run_test.label()}: {mark}")
            self.write(outcomes, code, warn=progress.say)
            progress.say(f"{len(outcomes)} run tests: exit {code}")
        finally:
            progress.close()
        return code

    def write(
        self, outcomes: Sequence[_reports.Outcome], code: int, *, warn: Callable[[str], None] = say
    ) -> None:
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        _reports.write_combined_reports(
            outcomes,
            exit_code=code,
            json_path=self.top.gate.json_path,
            junit_path=self.top.gate.junit,
            summary_path=Path(summary) if summary else None,
            warn=warn,
        )


async def _in_turn(run: Run, slots: asyncio.Semaphore) -> int:
    """``run.go()`` once a slot of ``--concurrency`` is free and time is left; a signal meanwhile ends it
    with nothing started."""
    try:
        with run.signals.interrupts():
            await slots.acquire()
    except _signals.Interrupted as interrupted:
        try:
            return await run.interrupted(interrupted)
        finally:
            run.progress.close()
    try:
        if run.time_left() <= 0:
            run.progress.say("--timeout passed before its turn came; it was not executed")
            run.progress.close()
            return run.reports(
                ExitCode.TIMED_OUT,
                status="not started",
                reasons=["--timeout passed before its turn came (--concurrency); nothing was started"],
            )
        return await run.go()
    finally:
        slots.release()


async def agent_version_problem(
    client: AsyncSimulateClient, plan: RunOptions
) -> tuple[int, list[str]] | None:
    """``--agent-version``: a version of the run test's agent (read, nothing made), checked before any
    run test is executed, since a version belongs to one agent and several run tests may have several;
    None when it is, or no version is given. Else the exit code and why (2; 3 when the read failed)."""
    version = plan.version.agent_version
    if version is None:
        return None
    try:
        agent = (await client.run_tests.get(plan.run_test_id)).agent_definition
        if not isinstance(agent, uuid.UUID):
            return ExitCode.USAGE, [f"it has no agent definition to pin agent version {version} of"]
        await client.agent_versions.get(agent, version)
    except NotFoundError:
        return ExitCode.USAGE, [f"agent version {version} is not a version of its agent"]
    except FutureAGIError as error:
        return ExitCode.of_error(error), [f"reading agent version {version} failed: {error}"]
    return None
