"""The suite file, ``simulate.toml``: the run tests a gate runs, by id, and per run test or as defaults
any option of ``run``.

The file's keys are ``run``'s own options, found in its parser (``suite_keys``): an option added to
``run`` is a key of the file with no code here. A key is the option's long name without ``--``
(``min-pass-rate``, ``timeout``); its value is what the option takes, typed as TOML types it: a flag
is ``true``/``false``; an option given more than once is an array, and one whose value is
``NAME=VALUE`` (``--min-pass-rate EVAL=RATE``) a table ``{ "Tone check" = 0.9 }``; any other a string
or a number. Each value is checked by the option's own argument type, so the file and the command line
refuse the same values with the same words, the file's with its path, line and key.

    [defaults]                      # for every run test; a run test's own keys replace these
    timeout = "45m"
    json = "simulate.json"          # the reports and --concurrency: for the suite as a whole

    [[run_test]]
    id = "cca72a31-b8b4-5620-8701-533ac54970c8"
    min-pass-rate = { "Tone check" = 0.9 }

What the command line gives explicitly wins over the file; a ``NAME=VALUE`` name given on it replaces
that name in the file. Read with the standard library's ``tomllib``. The JSON Schema of the file is
``docs/simulate.schema.json`` (a test keeps it in step with ``suite_keys``).
"""

from __future__ import annotations

import argparse
import re
import tomllib
import uuid
from pathlib import Path
from typing import Any

import attrs

__all__ = ["COMMAND_WIDE", "DEFAULT_PATH", "Suite", "SuiteKey", "load_suite", "suite_argv", "suite_keys"]

DEFAULT_PATH = Path("simulate.toml")
# run's options that are not keys: the run tests themselves, how the command is invoked, and the client
# settings (credentials never belong in a file; the server and workspace come from the environment).
_NOT_KEYS = frozenset(
    {
        "help",
        "run_test_ids",
        "search",
        "suite",
        "dry_run",
        "api_key",
        "secret_key",
        "base_url",
        "workspace_id",
        "body_casing",
        "command",
    }
)
#: Options of the suite as a whole: only in ``[defaults]`` (one report of each kind, one concurrency).
COMMAND_WIDE = frozenset({"json_path", "junit", "concurrency"})


@attrs.frozen(kw_only=True)
class SuiteKey:
    """One key of the file: the ``run`` option it stands for and what TOML type it takes."""

    name: str
    option: str
    dest: str
    kind: str  # "flag", "list", "table" or "value"
    help: str
    command_wide: bool


def suite_keys(run: argparse.ArgumentParser) -> dict[str, SuiteKey]:
    """The file's keys, from ``run``'s parser: each option but those of ``_NOT_KEYS``."""
    keys: dict[str, SuiteKey] = {}
    for action in run._actions:
        if not action.option_strings or action.dest in _NOT_KEYS:
            continue
        option = max(action.option_strings, key=len)
        if action.nargs == 0:
            kind = "flag"
        elif isinstance(action, argparse._AppendAction):
            kind = "table" if "=" in str(action.metavar or "") else "list"
        else:
            kind = "value"
        name = option.lstrip("-")
        keys[name] = SuiteKey(
            name=name,
            option=option,
            dest=action.dest,
            kind=kind,
            help=str(action.help or "").replace("%%", "%"),
            command_wide=action.dest in COMMAND_WIDE,
        )
    return keys


@attrs.frozen(kw_only=True)
class RunTestEntry:
    """One ``[[run_test]]``: its id and its own keys (validated)."""

    id: uuid.UUID
    keys: dict[str, Any]


@attrs.frozen(kw_only=True)
class Suite:
    """A suite file read and checked: its path, its defaults and its run tests, in the file's order."""

    path: Path
    defaults: dict[str, Any]
    run_tests: tuple[RunTestEntry, ...]


class _Lines:
    """The line of each key in the file, by table: tomllib keeps no positions."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
    _KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=""")

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str, int, str], int] = {}
        self.tables: dict[tuple[str, int], int] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        for number, line in enumerate(text.splitlines(), 1):
            header = self._HEADER.match(line)
            if header is not None:
                table = header.group(2)
                index = counts[table] = counts.get(table, -1) + 1 if header.group(1) == "[[" else 0
                self.tables.setdefault((table, index), number)
                continue
            key = self._KEY.match(line)
            if key is not None:
                name = next(group for group in key.groups() if group is not None)
                self.lines.setdefault((table, index, name), number)

    def of(self, table: str, index: int, key: str | None) -> int | None:
        if key is None:
            return self.tables.get((table, index))
        return self.lines.get((table, index, key), self.tables.get((table, index)))


def _toml_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _check_value(key: SuiteKey, value: object, action: argparse.Action) -> str | None:
    """What is wrong with ``value`` for ``key``, in the option's own words; None when it is right."""
    if key.kind == "flag":
        return None if isinstance(value, bool) else f"must be true or false, got {_toml_type(value)}"
    if key.kind == "table":
        if not isinstance(value, dict):
            return f"must be a table of NAME = VALUE ({action.metavar}), got {_toml_type(value)}"
        items = [f"{name}={_scalar(item)}" for name, item in value.items() if _is_scalar(item)]
        if len(items) != len(value):
            return "each value of the table must be a string or a number"
    elif key.kind == "list":
        if not isinstance(value, list):
            return f"must be an array, got {_toml_type(value)}"
        if not all(_is_scalar(item) for item in value):
            return "each item of the array must be a string or a number"
        items = [_scalar(item) for item in value]
    else:
        if not _is_scalar(value):
            return f"must be a string or a number, got {_toml_type(value)}"
        items = [_scalar(value)]
    for item in items:
        problem = _check_item(item, action)
        if problem is not None:
            return problem
    return None


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _scalar(value: object) -> str:
    return value if isinstance(value, str) else repr(value)


def _check_item(item: str, action: argparse.Action) -> str | None:
    try:
        converted = action.type(item) if callable(action.type) else item
    except (argparse.ArgumentTypeError, ValueError, TypeError) as error:
        return str(error) or f"{item!r} is not valid"
    if action.choices is not None and converted not in action.choices:
        return f"{item!r} is not one of {', '.join(repr(c) for c in action.choices)}"
    return None


def load_suite(path: Path, run: argparse.ArgumentParser) -> tuple[Suite | None, list[str]]:
    """The suite in ``path`` and every problem with it, each ``PATH:LINE: KEY: rule``; the suite is None
    when there is any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [f"{path}: cannot be read: {error}"]
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [f"{path}: not TOML: {error}"]
    lines, keys = _Lines(text), suite_keys(run)
    actions = {action.dest: action for action in run._actions}
    problems: list[str] = []

    def say(table: str, index: int, key: str | None, where: str, rule: str) -> None:
        line = lines.of(table, index, key)
        problems.append(f"{path}:{line if line is not None else 1}: {where}: {rule}")

    def options_of(
        table: str, index: int, where: str, values: dict[str, Any], *, entry: bool
    ) -> dict[str, Any]:
        checked: dict[str, Any] = {}
        for name, value in values.items():
            if entry and name == "id":
                continue
            key = keys.get(name)
            if key is None:
                known = ", ".join(sorted(keys))
                say(table, index, name, f"{where}.{name}", f"unknown key; the keys are {known}")
                continue
            if entry and key.command_wide:
                say(
                    table, index, name, f"{where}.{name}", "is for the suite as a whole: put it in [defaults]"
                )
                continue
            problem = _check_value(key, value, actions[key.dest])
            if problem is not None:
                say(table, index, name, f"{where}.{name}", problem)
                continue
            checked[name] = value
        return checked

    for name in document:
        if name not in ("defaults", "run_test"):
            say("", 0, name, name, "unknown key; the file has [defaults] and [[run_test]] tables")
    raw_defaults = document.get("defaults", {})
    defaults: dict[str, Any] = {}
    if not isinstance(raw_defaults, dict):
        say("", 0, "defaults", "defaults", f"must be a table, got {_toml_type(raw_defaults)}")
    else:
        defaults = options_of("defaults", 0, "defaults", raw_defaults, entry=False)
    raw_tests = document.get("run_test", [])
    entries: list[RunTestEntry] = []
    if not isinstance(raw_tests, list) or not all(isinstance(item, dict) for item in raw_tests):
        say("", 0, "run_test", "run_test", "must be an array of tables, [[run_test]]")
        raw_tests = []
    if not raw_tests and not problems:
        say("", 0, None, "run_test", "the suite names no run test: add a [[run_test]] with its id")
    seen: dict[uuid.UUID, int] = {}
    for index, item in enumerate(raw_tests):
        where = f"run_test[{index + 1}]"
        raw_id = item.get("id")
        run_test_id: uuid.UUID | None = None
        if not isinstance(raw_id, str):
            say(
                "run_test",
                index,
                "id" if "id" in item else None,
                f"{where}.id",
                "each run test needs its id, a string",
            )
        else:
            try:
                run_test_id = uuid.UUID(raw_id.strip())
            except ValueError:
                say("run_test", index, "id", f"{where}.id", f"{raw_id!r} is not an id (a UUID)")
        if run_test_id is not None and run_test_id in seen:
            say(
                "run_test",
                index,
                "id",
                f"{where}.id",
                f"run test {run_test_id} is already run_test[{seen[run_test_id]}]",
            )
            run_test_id = None
        own = options_of("run_test", index, where, item, entry=True)
        if run_test_id is not None:
            seen[run_test_id] = index + 1
            entries.append(RunTestEntry(id=run_test_id, keys=own))
    if problems:
        return None, problems
    return Suite(path=path, defaults=defaults, run_tests=tuple(entries)), []


def _tokens(
    keys: dict[str, SuiteKey], values: dict[str, Any], *, skip_names: dict[str, set[str]]
) -> list[str]:
    argv: list[str] = []
    for name, value in values.items():
        key = keys[name]
        if key.kind == "flag":
            argv += [key.option] if value else []
        elif key.kind == "table":
            skipped = skip_names.get(key.dest, set())
            argv += [
                part
                for item, rate in value.items()
                if item not in skipped
                for part in (key.option, f"{item}={_scalar(rate)}")
            ]
        elif key.kind == "list":
            argv += [part for item in value for part in (key.option, _scalar(item))]
        else:
            argv += [key.option, _scalar(value)]
    return argv


def suite_argv(
    suite: Suite,
    entry: RunTestEntry | None,
    run: argparse.ArgumentParser,
    command_line: argparse.Namespace,
) -> list[str]:
    """The options of one run test (``entry``; None: the suite as a whole, its defaults) as ``run``'s
    arguments, to be followed by the command line's: the run test's keys replace the defaults', and a
    table's names given on the command line are left out (``command_line`` holds what it gave)."""
    keys = suite_keys(run)
    values = dict(suite.defaults)
    for name, value in (entry.keys if entry is not None else {}).items():
        values[name] = value
    skip: dict[str, set[str]] = {}
    for key in keys.values():
        if key.kind == "table":
            given = getattr(command_line, key.dest, None) or []
            skip[key.dest] = {item[0] for item in given if isinstance(item, tuple) and item}
    return _tokens(keys, values, skip_names=skip)


_SCALAR: dict[str, Any] = {"type": ["string", "number"]}


def _key_schema(key: SuiteKey) -> dict[str, Any]:
    if key.kind == "flag":
        schema: dict[str, Any] = {"type": "boolean"}
    elif key.kind == "table":
        schema = {"type": "object", "additionalProperties": _SCALAR}
    elif key.kind == "list":
        schema = {"type": "array", "items": _SCALAR}
    else:
        schema = dict(_SCALAR)
    return {"description": f"{key.option}: {key.help}", **schema}


def suite_schema(run: argparse.ArgumentParser) -> dict[str, Any]:
    """The JSON Schema (2020-12) of the suite file, from ``suite_keys``: ``docs/simulate.schema.json``
    is this, written by ``python -m futureagi_simulate.cli._suite``."""
    keys = suite_keys(run)
    every = {name: _key_schema(key) for name, key in sorted(keys.items())}
    own = {name: schema for name, schema in every.items() if not keys[name].command_wide}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "futureagi-simulate suite file (simulate.toml)",
        "description": (
            "The run tests `futureagi-simulate run` runs with no RUN_TEST_ID, by id, with per run test or "
            "default options: each key is a `run` option's long name without --."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["run_test"],
        "properties": {
            "defaults": {
                "description": "Options for every run test; a run test's own keys replace these.",
                "type": "object",
                "additionalProperties": False,
                "properties": every,
            },
            "run_test": {
                "description": "The run tests, each by its id (names are not unique on the server).",
                "type": "array",
                "minItems": 1,
                # The schema can refuse a run test given twice alike; the command refuses any id twice.
                "uniqueItems": True,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id"],
                    "properties": {
                        "id": {
                            "description": "The run test's id (a UUID).",
                            "type": "string",
                            "pattern": "^\\s*[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                            "[0-9a-fA-F]{12}\\s*$",
                        },
                        **own,
                    },
                },
            },
        },
    }


if __name__ == "__main__":  # pragma: no cover - writes docs/simulate.schema.json
    import json

    from ._parser import run_parser

    print(json.dumps(suite_schema(run_parser()), indent=2))
