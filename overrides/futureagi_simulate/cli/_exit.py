"""The command's exit codes, written once: the code returns them, ``--help`` lists them (``help_epilog``)
and README's "In CI" table is this enum's ``readme_table`` (a test compares the two).

Each member carries its one-line meaning as ``--help`` prints it and the fuller README cell (Markdown).
The signal codes follow the shell's convention, 128 + the signal's number.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from futureagi_simulate import FutureAGIError

__all__ = ["SEVERITY", "ExitCode", "help_epilog", "most_severe", "readme_table", "severity_line"]


class ExitCode(enum.IntEnum):
    """What ``futureagi-simulate`` exits with; ``meaning`` as ``--help`` says it, ``readme`` as README."""

    meaning: str
    readme: str

    def __new__(cls, value: int, meaning: str, readme: str) -> ExitCode:
        member = int.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        member.readme = readme
        return member

    PASSED = (
        0,
        "the verdict passed (--dry-run and query commands: success)",
        "the verdict passed (also `--dry-run`, and any query command that succeeded)",
    )
    VERDICT_FAILED = (
        1,
        "the verdict failed",
        'the verdict failed ("completed" is not "passed", see '
        "[From start to verdict](#from-start-to-verdict))",
    )
    USAGE = (
        2,
        "usage or configuration error; nothing was sent",
        "usage or configuration error: a bad id, option or credential; nothing was sent",
    )
    API_REFUSED = (
        3,
        "the API refused (4xx, authentication) or a read failed",
        "the API refused (4xx, authentication) or a read failed",
    )
    TIMED_OUT = (
        4,
        "--timeout passed before the execution finished",
        "`--timeout` passed before the execution finished (cancelled too with `--cancel-on-interrupt`)",
    )
    OUTCOME_UNKNOWN = (
        5,
        "an execute whose outcome is unknown: it may have started",
        "the execute's outcome is unknown (it may have started): the message names the run test and the "
        "command that checks, `futureagi-simulate run-tests executions RUN_TEST_ID --started-after TIME`",
    )
    BUDGET_EXCEEDED = (
        6,
        "--max-cost was passed: the execution was cancelled",
        "`--max-cost` was passed (or the cost could no longer be known) while the execution ran: it was "
        "cancelled, and the reports say what it cost",
    )
    # The signals, in the order CI sends them when it cancels a job.
    INTERRUPTED = (
        130,
        "interrupted (SIGINT)",
        "interrupted by SIGINT (cancelled too with `--cancel-on-interrupt`); after several signals, the "
        "first one's code",
    )
    TERMINATED = (
        143,
        "terminated (SIGTERM)",
        "terminated by SIGTERM (cancelled too with `--cancel-on-interrupt`)",
    )
    HUNG_UP = (
        129,
        "hung up (SIGHUP)",
        "hung up by SIGHUP (cancelled too with `--cancel-on-interrupt`)",
    )

    @property
    def is_signal(self) -> bool:
        """True for the codes of a signal (128 + its number)."""
        return self.value > 128

    @classmethod
    def of_error(cls, error: FutureAGIError) -> ExitCode:
        """The code of a failure: 2 bad input, 4 timed out, 5 may have started, 3 anything else."""
        # Here, not at the top: --help lists the codes and loads no error class (nor httpx with them).
        from futureagi_simulate import InvalidArgumentError, WaitTimeoutError

        if isinstance(error, InvalidArgumentError):
            return cls.USAGE
        if isinstance(error, WaitTimeoutError):
            return cls.TIMED_OUT
        if getattr(error, "may_have_started", False):
            return cls.OUTCOME_UNKNOWN
        return cls.API_REFUSED


#: The order in which ``run`` of several run tests picks its one exit code, most severe first: the code
#: of the first entry any run test ended with. A signal stopped the whole command, so its code is the
#: command's (CI reads 130 as cancelled); then what needs a person (5: an execution may have started
#: unseen), what was not judged (4, 3, 2), then the verdicts. Every member is in it (a test checks), so
#: a new code (6, budget exceeded) is placed here, in README's sentence too (``severity_line``).
SEVERITY: tuple[ExitCode, ...] = (
    ExitCode.INTERRUPTED,
    ExitCode.TERMINATED,
    ExitCode.HUNG_UP,
    ExitCode.OUTCOME_UNKNOWN,
    # Money spent beyond the cap outranks a timeout: the job must say so first.
    ExitCode.BUDGET_EXCEEDED,
    ExitCode.TIMED_OUT,
    ExitCode.API_REFUSED,
    ExitCode.USAGE,
    ExitCode.VERDICT_FAILED,
    ExitCode.PASSED,
)


def most_severe(codes: Iterable[int]) -> int:
    """The command's exit code for several run tests' codes, by ``SEVERITY``; a code outside it (none
    should be) counts as most severe of all. No codes at all: 0."""
    rank = {int(code): place for place, code in enumerate(SEVERITY)}
    chosen = [int(code) for code in codes]
    if not chosen:
        return int(ExitCode.PASSED)
    return min(chosen, key=lambda code: rank.get(code, -1))


def severity_line() -> str:
    """README's sentence of the order (section "Several run tests"), from ``SEVERITY``."""
    return "The exit code is the most severe of the run tests' codes, in this order: " + (
        ", ".join(str(code.value) for code in SEVERITY) + "."
    )


def help_epilog() -> str:
    """The ``exit codes:`` block every ``--help`` ends with; the signals share its last line."""
    lines = [f"  {code.value:<4} {code.meaning}" for code in ExitCode if not code.is_signal]
    signals = [code for code in ExitCode if code.is_signal]
    first, *rest = signals
    lines.append(f"  {first.value:<4} {first.meaning}" + "".join(f"; {c.value} {c.meaning}" for c in rest))
    return "\n".join(["exit codes:", *lines])


def readme_table() -> str:
    """README's table of exit codes (section "In CI"), one row per code, in Markdown."""
    rows = [f"| {code.value} | {code.readme} |" for code in ExitCode]
    return "\n".join(["| exit code | meaning |", "|---|---|", *rows])
