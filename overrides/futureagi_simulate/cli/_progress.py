"""Progress on stderr: a live line on a terminal, timestamped plain lines in CI or a log file."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from ._reports import case_name, terminal_text
from ._reports._cost import cost_line

if TYPE_CHECKING:
    from futureagi_simulate import ExecutionState, Verdict

__all__ = ["Progress", "summary_table"]


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Progress:
    """Where ``run`` says what is happening. Live only on a terminal and outside CI (``CI`` unset)."""

    def __init__(self, *, console: Console | None = None, live: bool | None = None, prefix: str = "") -> None:
        # Before each line: which run test it is about, when several run at once.
        self.prefix = prefix
        self.console = console or Console(stderr=True, highlight=False, soft_wrap=True)
        if live is None:
            live = sys.stderr.isatty() and not os.environ.get("CI")
        self._started = time.monotonic()
        self._live: Live | None = Live(Text(""), console=self.console, auto_refresh=False) if live else None
        if self._live is not None:
            self._live.start()

    def say(self, text: str) -> None:
        """One line, timestamped when not live; never markup: redacted, control characters escaped."""
        text = terminal_text(self.prefix + text)
        if self._live is not None:
            self._live.console.print(Text(text))
        else:
            self.console.print(Text(f"{time.strftime('%H:%M:%S')} {text}"))

    def update(self, state: ExecutionState) -> None:
        done = state.finished_calls
        line = (
            f"{terminal_text(state.status)}: {done} of {state.total_calls} calls done, "
            f"{state.completed_calls} completed, {state.failed_calls + state.cancelled_calls} failed, "
            f"elapsed {_clock(time.monotonic() - self._started)}"
        )
        if self._live is not None:
            self._live.update(Text(terminal_text(self.prefix) + line), refresh=True)
        else:
            self.say(line)

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None


def summary_table(verdict: Verdict, *, run_test: str | None = None) -> Table:
    """The final table: one row per scenario, then the verdict's reasons as the caption; headed by the
    run test (``run_test``, its ``name (id)``) when given, as several run tests print one table each."""
    title = f"Verdict: {'PASSED' if verdict.passed else 'FAILED'}"
    if run_test is not None:
        title = f"{title} (run test {run_test})"
    table = Table(title=Text(title), title_justify="left")
    table.add_column("scenario")
    table.add_column("result")
    table.add_column("calls", justify="right")
    table.add_column("why")
    for scenario in verdict.scenarios:
        table.add_row(
            Text(terminal_text(case_name(scenario))),
            Text({"passed": "passed", "failed": "FAILED", "flaky": "flaky"}[scenario.outcome]),
            Text(str(len(scenario.calls))),
            Text(terminal_text("; ".join(scenario.reasons))),
        )
    lines = [*verdict.reasons, cost_line(verdict.cost)]
    table.caption = Text("\n".join(terminal_text(line) for line in lines))
    table.caption_justify = "left"
    return table
