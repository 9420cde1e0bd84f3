"""``futureagi-simulate check``: the suite file checked as ``run`` would read it, then against the server
(every run test id, eval name, scenario id and option, by the same check ``run`` makes before paying).
Executes nothing. Any problem: each said, exit 2 (3 when a read failed for another reason)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from futureagi_simulate import FutureAGIError, NotFoundError, RunTestCheck

from . import _pinning
from ._common import UsageError, make_async_client, say
from ._exit import ExitCode, most_severe
from ._many import agent_version_problem, suite_plans
from ._options import CheckOptions, RunOptions
from ._preflight import option_problems
from ._run import check_run_test
from ._suite import DEFAULT_PATH

__all__ = ["check_command"]


def check_command(options: CheckOptions) -> int:
    """The command: the file, then the server; exit 0 when nothing is wrong."""
    if options.suite is None and not DEFAULT_PATH.exists():
        # check takes no RUN_TEST_ID nor --search (run's other ways): the file is all it checks.
        raise UsageError(f"no suite file to check: {DEFAULT_PATH} is not in {Path.cwd()}; give --suite PATH")
    command_line = ("--suite", str(options.suite)) if options.suite is not None else ()
    planned = suite_plans(options.suite, command_line)
    if isinstance(planned, int):
        return planned
    top, plans = planned
    problems = list(dict.fromkeys(p for plan in [top, *plans] for p in option_problems(plan.gate)))
    for plan in plans:
        # The agent version options and the version file, as run reads them before any request.
        try:
            _pinning.plan_of(plan.version)
        except UsageError as error:
            problems.append(f"run test {plan.run_test_id}: {error}")
    for problem in problems:
        say(problem)
    code = asyncio.run(_check_on_server(options, plans))
    if problems:
        code = most_severe([code, ExitCode.USAGE])
    if code == ExitCode.PASSED:
        say(f"{len(plans)} run tests checked: no problem found; nothing was executed")
    return code


async def _check_on_server(options: CheckOptions, plans: list[RunOptions]) -> int:
    async with make_async_client(options.client) as client:

        async def one(plan: RunOptions) -> int:
            selection = plan.selection()
            if selection is None:
                say(f"run test {plan.run_test_id}: --only and --all-except cannot be used together")
                return ExitCode.USAGE
            try:
                await client.run_tests.get(plan.run_test_id)
            except NotFoundError:
                say(f"run test {plan.run_test_id}: the server has no run test with this id")
                return ExitCode.USAGE
            except FutureAGIError:
                pass  # the check below reads it again and says why
            result = await check_run_test(client, plan, selection, plan.gate.thresholds())
            if isinstance(result, RunTestCheck):
                result = await agent_version_problem(client, plan) or result
            if isinstance(result, RunTestCheck):
                return ExitCode.PASSED
            code, reasons = result
            for reason in reasons:
                say(f"run test {plan.run_test_id}: {reason}")
            return code

        codes = await asyncio.gather(*(one(plan) for plan in plans))
    return most_severe(codes)
