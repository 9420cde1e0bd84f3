"""``futureagi-simulate run``: check before paying, execute once, wait for the end, judge, report.

``run_command`` does what needs no execution: the options, the report paths, the run test's check
(``_preflight``), ``--dry-run``. Then ``Run.go`` takes the steps in order, each a method: ``pin`` (with
``--agent-version``/``--new-agent-version``: the copy of the run test pinned to the version, made with
signals held), ``execute`` (sent once, never again), ``stop_if_signalled`` (a signal held while the execute
was out), ``wait_and_judge``, then the verdict, and ``unpin`` (the copy deleted, unless
``--keep-run-test``; before the reports, or after them on a signal). A step that ends the run writes the
reports and raises ``Ended`` with the exit code; a signal raises ``Interrupted`` wherever the run is, and
``interrupted`` ends it.

The command works with the async client (``AsyncSimulateClient``) in one event loop, so that several
run tests can run at once; each request is awaited where the sync command made it, and a signal
reaches the steps as ``Interrupted`` as before (``_signals``, "Under asyncio"). ``--dry-run`` takes the
same steps up to the execute on an ``InlineClient`` (``_inline``), whose requests a sync client makes
inside the await, without an event loop: it loads neither asyncio nor the async pool.

``Run`` and what only it uses live in ``_run_steps``, which the real run loads when its check passed: a
``--dry-run`` loads neither the signals, the wait, the gate's reports nor the pinning (BENCHMARKS.md,
"Issue 27, fourth session: dryrun32"); ``_run.Run`` still names it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from futureagi_simulate import (
    AsyncSimulateClient,
    FutureAGIError,
    RunTestCheck,
    Selection,
    Thresholds,
)

from . import _preflight, _reports
from ._common import (
    UsageError,
    check_report_path,
    internal_error,
    make_async_client,
    make_inline_client,
    out,
    parse_only,
    say,
)
from ._exit import ExitCode
from ._options import RunOptions
from ._verdicts import (
    cost_history_async,
    estimate_lines,
    no_cost_known,
    resolve_baseline_async,
)

if TYPE_CHECKING:
    from . import _pinning
    from ._run_steps import Run

__all__ = ["Run", "check_run_test", "dry_run_version", "run_command"]


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
    # The agent version options and the version file, before any request (cli/_pinning.py, loaded only
    # when one of them is given).
    plan = None
    if options.version.given:
        from ._pinning import plan_of

        plan = plan_of(options.version)
    steps = _checked_then_run(options, selection, thresholds, problems=problems, plan=plan)
    if options.dry_run:
        # Its requests go one after another: the same steps, with no event loop (_inline). Its answers
        # are few and small (the run test, its scenarios, executions, one execution's call rows): read by
        # today's parse, as loading the speed road would cost more (parse_only).
        from ._inline import run_inline

        with parse_only():
            return run_inline(steps)
    import asyncio

    return asyncio.run(steps)


async def _checked_then_run(
    options: RunOptions,
    selection: Selection,
    thresholds: Thresholds,
    *,
    problems: Sequence[str],
    plan: _pinning.PinPlan | None = None,
) -> int:
    """The check before paying, then ``--dry-run``'s lines or the run, with one async client (for
    ``--dry-run``, an ``InlineClient``: ``run_inline`` runs these steps then)."""
    async with (make_inline_client if options.dry_run else make_async_client)(options.client) as client:
        # Read-only, and run even when an option is out of range, so that every problem is listed at
        # once rather than one per attempt.
        checked = await _check_before_paying(client, options, selection, thresholds, refused=bool(problems))
        if problems:
            return ExitCode.USAGE
        if not isinstance(checked, RunTestCheck):
            return checked
        if options.dry_run:
            refused = await _dry_run_baseline(client, options, checked.selected_scenario_ids, thresholds)
            if refused is not None:
                return refused
            lines = _preflight.dry_run_lines(checked, thresholds)
            if plan is not None:
                lines += await dry_run_version(client, options.run_test_id, plan)
            for line in lines:
                out(line)
            return await _dry_run_estimate(client, options, checked.selected_scenario_ids)
        from ._run_steps import Run

        run = Run(
            client=client,
            options=options,
            run_test=_reports.RunTestName(id=options.run_test_id, name=checked.run_test_name),
            selection=selection,
            thresholds=thresholds,
            selected=checked.selected_scenario_ids,
            plan=plan,
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


async def _dry_run_baseline(
    client: AsyncSimulateClient, options: RunOptions, selected: Sequence[uuid.UUID], thresholds: Thresholds
) -> int | None:
    """``--dry-run`` refuses a ``--baseline`` the real run would refuse, with the same exit code."""
    baseline = options.gate.verdict.baseline
    if baseline is None:
        return None
    try:
        found = await resolve_baseline_async(
            client,
            baseline=baseline,
            run_test_id=options.run_test_id,
            thresholds=thresholds,
            scenario_ids=selected,
        )
    except FutureAGIError as error:
        say(f"checking --baseline failed: {error}")
        return ExitCode.of_error(error)
    if isinstance(found, str):
        say(found)
        say("nothing was executed")
        return ExitCode.USAGE
    out(f"baseline: execution {found}")
    return None


async def _dry_run_estimate(
    client: AsyncSimulateClient, options: RunOptions, selected: Sequence[uuid.UUID]
) -> int:
    """``--dry-run``'s cost estimate, labelled as one, from the run test's recent executions (it says so
    when none reports a cost); with ``--max-cost``, exit 2 as the run would when no cost is known. A
    failed read of the history fails the dry run only with ``--max-cost``: the run reads it only then."""
    try:
        history = await cost_history_async(client, options.run_test_id)
    except FutureAGIError as error:
        say(f"reading the run test's recent costs failed: {error}")
        if options.spend.max_cost is not None:
            return ExitCode.of_error(error)
        out("cost estimate: not read (the run does not need it without --max-cost)")
        return ExitCode.PASSED
    for line in estimate_lines(history, selected):
        out(line)
    if history.cost is None and options.spend.max_cost is not None:
        say(no_cost_known(history, options.run_test_id))
        return ExitCode.USAGE
    return ExitCode.PASSED


def _version_name(version: object) -> str | None:
    """The agent version's name as its answer gives it (``version_name``, ``name``), else its number."""
    for key in ("version_name", "name"):
        value = getattr(version, key, None)
        if isinstance(value, str) and value.strip():
            return value
    number = getattr(version, "version_number", None)
    return f"v{number}" if isinstance(number, int) else None


async def dry_run_version(
    client: AsyncSimulateClient, run_test_id: uuid.UUID, plan: _pinning.PinPlan
) -> list[str]:
    """What ``--dry-run`` adds with a version option: the version (read, for ``--agent-version``) and the
    copy that would run; nothing is created."""
    agent = (await client.run_tests.get(run_test_id)).agent_definition
    if not isinstance(agent, uuid.UUID):
        raise UsageError(f"RUN_TEST_ID: run test {run_test_id} has no agent definition to pin a version of")
    commit = f", commit {plan.commit}" if plan.commit else ""
    if plan.new_version is None:
        assert plan.agent_version is not None
        version = await client.agent_versions.get(agent, plan.agent_version)
        name = _version_name(version)
        what = f"agent version {name + ' (' + str(version.id) + ')' if name else version.id}"
    else:
        what = (
            f"a new version of agent {agent} from {plan.source} ({len(plan.new_version)} fields), "
            f"commit message {plan.message!r}"
        )
    fate = "kept (--keep-run-test)" if plan.keep else "deleted after the run"
    return [
        f"would run on a copy of the run test pinned to {what}{commit}; the copy would be {fate}",
        "nothing was created",
    ]


def __getattr__(name: str) -> Any:
    # ``_run.Run``, as before ``Run`` moved to ``_run_steps``: loaded when first asked for.
    if name == "Run":
        from ._run_steps import Run

        return Run
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
