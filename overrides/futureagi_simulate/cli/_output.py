"""Where the command's text goes: lines CI cannot read as commands, a closed stdout, any encoding.

A CI system reads some lines of a job's log as commands to itself. GitHub's runner takes a line whose
text after leading whitespace starts with ``::`` as a workflow command (``::error::``, ``::add-mask::``,
``::stop-commands::``), and a line holding ``##[`` anywhere as the older form (actions/runner,
``src/Runner.Common/ActionCommand.cs``, ``TryParseV2`` and ``TryParse``). GitLab opens and closes
collapsible sections on ``section_start:`` and ``section_end:`` markers written after ``ESC[0K``.
Whatever the server sends (a scenario name, an eval's reason, an error message) can hold any of these,
newlines included, so every line the command writes passes ``ci_safe`` on its way out: such a line gets a
backslash in front of the marker, ``\\::error::``, which no CI reads as a command and a person still
reads as the text it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Any, TextIO

__all__ = ["SafeLines", "ci_safe", "install"]

# A line that GitHub or GitLab would act on: the marker after leading whitespace (GitHub trims it;
# GitLab's marker may follow ESC[0K, raw or already escaped as text). Matched at the start of every line
# of a text at once (``^`` after each ``\n``, re.MULTILINE): a line starts with one marker at most, so
# one pass over the text changes what a pass over each line would. Compiled by re on first use (its
# cache), not at import: most starts print no marker.
_LINE_STARTS = r"^(?P<lead>[ \t\f\v]*(?:\x1b\[0K|\\x1b\[0K)?)(?P<marker>::|section_start:|section_end:)"
_ESCAPED = r"\g<lead>\\\g<marker>"
# GitHub's older form is found anywhere in a line.
_OLD_FORM = "##["
_OLD_FORM_SAFE = "##\\["


def ci_safe(text: str, *, at_line_start: bool = True) -> str:
    """``text`` with no line a CI system reads as a command (see the module's docstring).

    ``at_line_start`` says whether ``text`` begins a line; when it continues one, its first line is
    checked for the older anywhere-in-the-line form only. Lines end at ``\\n``; a ``\\r`` is left to the
    caller (the command writes none raw: server text has it escaped as ``\\x0d``).
    """
    if _OLD_FORM in text:
        text = text.replace(_OLD_FORM, _OLD_FORM_SAFE)
    if "::" not in text and "section_" not in text:
        return text  # no line can start with a marker: most of a query's JSON, thousands of lines
    if at_line_start:
        return re.sub(_LINE_STARTS, _ESCAPED, text, flags=re.MULTILINE)
    first, newline, rest = text.partition("\n")
    return first + newline + re.sub(_LINE_STARTS, _ESCAPED, rest, flags=re.MULTILINE) if newline else first


class SafeLines:
    """A text stream that passes every line through ``ci_safe``, shrugs off a reader that went away,
    and writes what its encoding cannot carry as ``\\uXXXX`` escapes instead of failing.

    Whole lines are written as they end; a line that has not ended yet is written (checked as a line
    start) on ``flush``. A closed pipe (``futureagi-simulate ... | head -1``) is not an error: the rest
    of the output goes to ``os.devnull`` and the command's exit code stays its own.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = ""
        self._at_line_start = True
        self._gone = False
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A stream that cannot change still has its encoding errors caught in _emit.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")

    @property
    def gone(self) -> bool:
        """True once the reader has closed its end."""
        return self._gone

    def write(self, text: str) -> int:
        self._pending += text
        end = self._pending.rfind("\n")
        if end >= 0:
            ready, self._pending = self._pending[: end + 1], self._pending[end + 1 :]
            self._emit(ready)
        return len(text)

    def _emit(self, text: str) -> None:
        safe = ci_safe(text, at_line_start=self._at_line_start)
        self._at_line_start = text.endswith("\n")
        if self._gone:
            return
        try:
            try:
                self._stream.write(safe)
            except UnicodeEncodeError:
                encoding = getattr(self._stream, "encoding", None) or "ascii"
                self._stream.write(safe.encode(encoding, "backslashreplace").decode(encoding))
        except BrokenPipeError:
            self._went_away()

    def flush(self) -> None:
        if self._pending:
            ready, self._pending = self._pending, ""
            self._emit(ready)
        if self._gone:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._went_away()

    def _went_away(self) -> None:
        """The reader closed the pipe: say nothing more there, and let Python's exit flush succeed."""
        self._gone = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):  # not a real file: nothing left to flush
            pass

    def isatty(self) -> bool:
        return bool(self._stream.isatty())

    def fileno(self) -> int:
        return self._stream.fileno()

    def __getattr__(self, name: str) -> Any:
        # encoding, errors, buffer and the rest: as the wrapped stream has them.
        return getattr(self._stream, name)


def install() -> tuple[SafeLines, SafeLines]:
    """Wraps ``sys.stdout`` and ``sys.stderr`` in ``SafeLines`` (once); returns the two wrappers."""
    out, err = sys.stdout, sys.stderr
    if not isinstance(out, SafeLines):
        out = SafeLines(out)
        sys.stdout = out
    if not isinstance(err, SafeLines):
        err = SafeLines(err)
        sys.stderr = err
    return out, err
