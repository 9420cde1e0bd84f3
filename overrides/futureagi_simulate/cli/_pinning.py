"""``run --agent-version`` / ``--new-agent-version``: what is checked before any request, and the
names the copy and the new version are given.

Several pull requests run at once, so the command never changes the run test others use: it runs a
short-lived copy pinned to the version (``client.run_tests.clone``) and deletes it afterwards. Every
problem with these options (both given, an unreadable or malformed file, no commit message) is a usage
error, exit 2, before anything is sent. The version file may hold a provider's API key: its content is
never printed, logged or written into a report; only its path and the names of bad fields are.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from futureagi_simulate._value_methods import value_eq, value_hash, value_repr

from ._common import UsageError
from ._options import VersionOptions

if TYPE_CHECKING:
    # Loaded by the runs of several run tests that share versions, not by a dry run's start.
    import asyncio

__all__ = ["COMMIT_VARIABLES", "MadeVersions", "PinPlan", "ci_commit", "plan_of", "read_version_file"]

#: Where CI names the commit it builds: GitHub Actions, then GitLab CI.
COMMIT_VARIABLES = ("GITHUB_SHA", "CI_COMMIT_SHA")
# A version file larger than this is not an agent's configuration; refused before it is parsed.
MAX_FILE_BYTES = 1024 * 1024
# How much of the commit the copy's name carries: enough to find it, short enough to read.
SHORT_COMMIT = 12


@attrs.frozen(kw_only=True)
class PinPlan:
    """What the run pins: an existing ``agent_version`` or a new one made of ``new_version`` (the
    file's fields) with ``message``; ``commit`` the commit CI names (for names and reports); ``keep``:
    ``--keep-run-test``. ``new_version`` stays out of the repr: it may hold a provider's API key."""

    agent_version: uuid.UUID | None
    new_version: Mapping[str, Any] | None = attrs.field(repr=False)
    source: Path | None
    message: str | None
    commit: str | None
    keep: bool

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    def short_commit(self) -> str | None:
        return self.commit[:SHORT_COMMIT] if self.commit else None

    def version_key(self, agent_id: uuid.UUID) -> str:
        """What makes two runs' new versions one: the agent, the file's fields and the message."""
        fields = json.dumps(dict(self.new_version or {}), sort_keys=True, default=str)
        return json.dumps([str(agent_id), fields, self.message])


class MadeVersions:
    """The agent versions ``--new-agent-version`` made in one run of several run tests, shared: run
    tests of one agent given the same file and message run one new version, made once (a create is a
    POST and makes the version the agent's active one, so one per agent, never one per run test). A
    failed create is the answer for every run test waiting on it: never sent again."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._made: dict[str, tuple[uuid.UUID, str | None] | BaseException] = {}

    async def made(
        self, key: str, make: Callable[[], Awaitable[tuple[uuid.UUID, str | None]]]
    ) -> tuple[tuple[uuid.UUID, str | None], bool]:
        """The version for ``key`` (its id and name) and whether this call made it (``make``, once)."""
        import asyncio

        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            earlier = self._made.get(key)
            if isinstance(earlier, BaseException):
                raise earlier
            if earlier is not None:
                return earlier, False
            try:
                version = await make()
            except Exception as error:
                self._made[key] = error
                raise
            self._made[key] = version
            return version, True


def ci_commit(environ: Mapping[str, str] | None = None) -> str | None:
    """The commit CI names (``GITHUB_SHA``, else ``CI_COMMIT_SHA``), stripped; None outside CI."""
    env = os.environ if environ is None else environ
    for name in COMMIT_VARIABLES:
        value = env.get(name, "").strip()
        if value:
            return value
    return None


def plan_of(options: VersionOptions, environ: Mapping[str, str] | None = None) -> PinPlan | None:
    """The run's pinning, every option checked (None: a plain run); raises ``UsageError`` naming the
    option and the rule. Reads the version file: nothing is sent before it parses."""
    if options.agent_version is not None and options.new_agent_version is not None:
        raise UsageError("--agent-version and --new-agent-version cannot be used together: give one")
    if not options.pinned:
        for given, option in (
            (options.version_message is not None, "--version-message"),
            (options.keep_run_test, "--keep-run-test"),
        ):
            if given:
                raise UsageError(f"{option}: only applies with --agent-version or --new-agent-version")
        return None
    commit = ci_commit(environ)
    if options.new_agent_version is None and options.version_message is not None:
        raise UsageError("--version-message: only applies with --new-agent-version (it names a new version)")
    message: str | None = None
    fields: Mapping[str, Any] | None = None
    if options.new_agent_version is not None:
        fields = _checked_fields(options.new_agent_version, read_version_file(options.new_agent_version))
        message = _message(options.version_message, commit)
    return PinPlan(
        agent_version=options.agent_version,
        new_version=fields,
        source=options.new_agent_version,
        message=message,
        commit=commit,
        keep=options.keep_run_test,
    )


def _checked_fields(path: Path, fields: dict[str, Any]) -> dict[str, Any]:
    """The file's fields as ``agent_versions.create`` takes them, snake_case (the reference's camelCase
    names, ``agentName``, are read too), each checked by the library's own rule before anything is sent."""
    # Here, not at the top: it loads the generated package, which --help must not pay for.
    from futureagi_simulate import InvalidArgumentError
    from futureagi_simulate._resources._agent_fields import check_configuration

    snake = {_snake(key): value for key, value in fields.items()}
    try:
        return check_configuration(f"--new-agent-version {path}", snake)
    except InvalidArgumentError as error:
        raise UsageError(str(error)) from None


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def _message(given: str | None, commit: str | None) -> str:
    if given is not None:
        if not given.strip():
            raise UsageError("--version-message: must not be empty")
        return given
    if commit is None:
        raise UsageError(
            "--new-agent-version: the new version needs a commit message: give --version-message, or run "
            f"in CI where {' or '.join(COMMIT_VARIABLES)} names the commit"
        )
    return f"commit {commit}"


def read_version_file(path: Path) -> dict[str, Any]:
    """The file's fields: a JSON or YAML mapping (JSON for ``.json``, YAML otherwise, which reads JSON
    too). Raises ``UsageError`` naming the file and what is wrong, never quoting its content."""
    option = f"--new-agent-version {path}"
    try:
        if path.is_dir():
            raise UsageError(f"{option}: is a directory, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UsageError(f"{option}: is {size:,} bytes; an agent version is at most {MAX_FILE_BYTES:,}")
        text = path.read_text(encoding="utf-8")
    except UsageError:
        raise
    except UnicodeDecodeError:
        raise UsageError(f"{option}: is not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"{option}: cannot be read: {error.strerror or type(error).__name__}") from None
    data = _parse(text, option, as_json=path.suffix.lower() == ".json")
    if not isinstance(data, dict):
        raise UsageError(f"{option}: must hold a mapping of the version's fields, not {_kind(data)}")
    if not data:
        raise UsageError(f"{option}: holds no fields; a new version needs at least one")
    for key in data:
        if not isinstance(key, str):
            raise UsageError(f"{option}: every field name must be text, not {_kind(key)}")
    return data


def _parse(text: str, option: str, *, as_json: bool) -> object:
    if as_json:
        try:
            return json.loads(text)
        except ValueError as error:
            # The position, not the message: a JSON decoder's message may quote the text around it.
            line, column = getattr(error, "lineno", "?"), getattr(error, "colno", "?")
            raise UsageError(f"{option}: is not valid JSON (line {line}, column {column})") from None
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise UsageError(f"{option}: is not valid YAML{where}") from None


def _kind(value: object) -> str:
    return {type(None): "nothing", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
