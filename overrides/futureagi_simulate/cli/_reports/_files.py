"""Writing a report file whole or not at all, each report on its own, and no two in one file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

__all__ = ["append_summary", "clashing_paths", "write_all", "write_atomic", "write_report"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Writes ``data`` to ``path`` whole or not at all: a temporary file beside it, flushed to disk,
    then renamed over it. On any failure (a full disk: OSError ENOSPC) the temporary file is removed, and
    so is an older file at ``path``: a report left there must not pass for this run's.
    ``mode`` defaults to what a new file gets under the umask."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            os.fchmod(fd, (0o666 & ~_umask()) if mode is None else mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _replaceable(path: Path) -> Path | None:
    """The regular file to replace for ``path``, its symlinks followed (a link stays a link); None when
    ``path`` is something else (``/dev/stdout``, a pipe, a terminal), which can only be written in place
    and must never be renamed over."""
    real = Path(os.path.realpath(path))
    if real.exists() and not real.is_file():
        return None
    return real


def _write_in_place(path: Path, data: bytes, *, append: bool) -> None:
    with path.open("ab" if append else "wb") as stream:
        stream.write(data)


def write_report(path: Path, data: bytes) -> None:
    """Writes a report whole or not at all (``write_atomic``); on failure no older report is left at
    ``path``. A path that is not a regular file (``--json /dev/stdout``) is written in place."""
    real = _replaceable(path)
    if real is None:
        _write_in_place(path, data, append=False)
        return
    try:
        write_atomic(real, data)
    except BaseException:
        with contextlib.suppress(OSError):
            if real.is_file():
                real.unlink()
        raise


def append_summary(path: Path, text: str) -> None:
    """Appends ``text`` to the step summary file, whole or not at all.

    The file is GitHub's, and earlier commands of the step may have written to it: the new file is what
    was there plus ``text``, renamed over it. Where the folder cannot hold a temporary file, ``text`` is
    appended in place, and a failed append is cut back to the file's old length. A path that is not a
    regular file (a pipe) is appended to in place.
    """
    data = text.encode("utf-8")
    real = _replaceable(path)
    if real is None:
        _write_in_place(path, data, append=True)
        return
    try:
        before = real.read_bytes() if real.exists() else b""
        mode = real.stat().st_mode & 0o7777 if real.exists() else None
        write_atomic(real, before + data, mode=mode)
        return
    except PermissionError:
        pass
    size = real.stat().st_size if real.exists() else 0
    try:
        _write_in_place(real, data, append=True)
    except BaseException:
        with contextlib.suppress(OSError), real.open("r+b") as summary:
            summary.truncate(size)
        raise


def write_all(writes: Iterable[tuple[str, Callable[[], None]]], warn: Callable[[str], None]) -> None:
    """Runs every write in turn: one that fails is one warning line, and the rest are still written."""
    for what, write in writes:
        try:
            write()
        except Exception as error:  # a report is never worth the others, nor the verdict
            warn(f"warning: could not write {what}: {type(error).__name__}: {error}")


def clashing_paths(paths: Mapping[str, Path | None]) -> str | None:
    """Two reports given one file (``--json`` and ``--junit``, or either and ``GITHUB_STEP_SUMMARY``): a
    sentence naming them, else None. Written one after the other, the last would replace the other, and
    a JSON reader would get XML. ``paths`` maps each option's name to its path (None when not given)."""
    seen: dict[str, str] = {}
    for option, path in paths.items():
        if path is None:
            continue
        key = os.path.realpath(path)
        if key in seen:
            return f"{seen[key]} and {option} name the same file ({path}): each report needs its own"
        seen[key] = option
    return None
