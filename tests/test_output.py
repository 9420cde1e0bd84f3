"""The command's output streams: a marker split over several writes is still caught."""

from __future__ import annotations

import io

from futureagi_simulate.cli._output import SafeLines, ci_safe


def test_a_marker_split_over_writes_is_still_made_safe() -> None:
    """`:` then `:error::x` then a newline, as print and rich write it: the line starts with `\\::`."""
    target = io.StringIO()
    stream = SafeLines(target)
    for part in ("done\n", ":", ":error::x", "\n", "  ", "::warning::y\nlast ##", "[group]"):
        stream.write(part)
    stream.flush()
    assert target.getvalue() == "done\n\\::error::x\n  \\::warning::y\nlast ##\\[group]"


def test_ci_safe_leaves_ordinary_text_alone() -> None:
    """Text that holds no marker, `a::b` mid-line included, is written character for character."""
    text = "12:00:01 started execution\nscope a::b and ## heading\n"
    assert ci_safe(text) == text


def test_gitlab_section_markers_are_made_safe() -> None:
    """`section_start:` at a line's start or after ESC[0K gets a backslash before it."""
    assert ci_safe("section_end:1:x\n\x1b[0Ksection_start:1:y") == (
        "\\section_end:1:x\n\x1b[0K\\section_start:1:y"
    )
