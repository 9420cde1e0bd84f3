"""The GitHub Action's step (``action.yml`` at the repository root), run as
``python -m futureagi_simulate.cli._action``.

The action's step runs ``exec "$FUTUREAGI_SIMULATE_PYTHON" -m futureagi_simulate.cli._action``, so this
process *is* the step's shell: GitHub's cancellation (SIGINT, SIGTERM 7.5 s later) reaches the command,
which runs here, in this process, and not in a child bash would not pass the signal to. It reads the
action's inputs from ``FUTUREAGI_INPUT_*`` variables (the step's ``env:``: an input is never pasted into
a script's text, so ``$(...)`` or ``;`` in one stays text), runs ``futureagi-simulate run`` with them,
then writes the step's outputs to ``$GITHUB_OUTPUT`` and exits with the command's exit code. The step
summary is the command's own (``$GITHUB_STEP_SUMMARY``).

Outputs: ``passed`` (``true``/``false``), ``exit-code``, ``execution-ids`` (space-separated, read from the
JSON report; empty when no execution started) and ``json-report`` (the report's path, empty when the
command wrote none).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import sys
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["arguments", "execution_ids", "main", "write_outputs"]

#: The prefix of the variables the action's step passes its inputs in.
PREFIX = "FUTUREAGI_INPUT_"
# Inputs that name credentials and the server: set only when given, so that a workflow's own env:
# (FI_API_KEY at the job or step) is kept when the input is left out.
_CLIENT = {"API_KEY": "FI_API_KEY", "SECRET_KEY": "FI_SECRET_KEY", "BASE_URL": "FI_BASE_URL"}
_IDS = re.compile(r"[\s,]+")


class InputError(Exception):
    """An input the action cannot turn into arguments; the message names the input."""


def _input(env: Mapping[str, str], name: str) -> str:
    return env.get(PREFIX + name, "").strip()


def _flag(env: Mapping[str, str], name: str, *, input_name: str) -> bool:
    value = _input(env, name).lower()
    if value in ("", "false"):
        return False
    if value == "true":
        return True
    raise InputError(f"input {input_name}: {value!r} is not true or false")


def report_path(env: Mapping[str, str]) -> Path:
    """Where the JSON report goes: the ``json-report`` input, else a file of its own in ``RUNNER_TEMP`` (a
    new name each run: two uses of the action in one job must not read each other's report)."""
    given = _input(env, "JSON_REPORT")
    if given:
        return Path(given)
    folder = env.get("RUNNER_TEMP") or "."
    return Path(folder) / f"futureagi-simulate-{uuid.uuid4().hex}.json"


def arguments(env: Mapping[str, str], *, json_report: Path) -> list[str]:
    """``futureagi-simulate``'s arguments from the inputs: ``run``, every option (``--json`` the
    ``json_report`` path), then ``--`` and the ids.

    Each input is one argument or, for ``run-test-ids`` (split at spaces, commas, new lines),
    ``min-pass-rate`` (one ``EVAL=RATE`` a line) and ``args`` (split as a shell splits words, by
    ``shlex``, but never evaluated: no variables, no ``$(...)``, no globbing), several. An option's
    value is attached with ``=``, and the ids follow ``--``, so no value is read as an option.
    Raises ``InputError`` naming the input."""
    argv = ["run"]
    suite = _input(env, "SUITE")
    if suite:
        argv.append(f"--suite={suite}")
    timeout = _input(env, "TIMEOUT")
    if timeout:
        argv.append(f"--timeout={timeout}")
    for line in env.get(PREFIX + "MIN_PASS_RATE", "").splitlines():
        if line.strip():
            argv.append(f"--min-pass-rate={line.strip()}")
    for name, option in (
        ("MAX_FAILED_CALLS", "--max-failed-calls"),
        ("MAX_UNJUDGED_CALLS", "--max-unjudged-calls"),
    ):
        value = _input(env, name)
        if value:
            argv.append(f"{option}={value}")
    if _flag(env, "CANCEL_ON_INTERRUPT", input_name="cancel-on-interrupt"):
        argv.append("--cancel-on-interrupt")
    argv.append(f"--json={json_report}")
    try:
        argv.extend(shlex.split(env.get(PREFIX + "ARGS", "")))
    except ValueError as error:
        raise InputError(f"input args: {error} (quote as a shell would)") from None
    ids = [part for part in _IDS.split(_input(env, "RUN_TEST_IDS")) if part]
    if ids:
        argv.extend(["--", *ids])
    return argv


def _ids_in(document: Any) -> Iterator[str]:
    # The report of one run test names its execution at the top; a combined report lists one result a run
    # test, each naming its own.
    if not isinstance(document, dict):
        return
    value = document.get("execution_id")
    if isinstance(value, str):
        yield value
    for nested in document.values():
        if isinstance(nested, list):
            for item in nested:
                if isinstance(item, dict) and isinstance(item.get("execution_id"), str):
                    yield item["execution_id"]


def execution_ids(path: Path) -> list[str]:
    """The executions the JSON report at ``path`` names, in its order, each once; none when it is
    missing or unreadable (the command then started none, or said why it could not write it)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found: list[str] = []
    for value in _ids_in(document):
        try:
            uuid.UUID(value)
        except ValueError:
            continue
        if value not in found:
            found.append(value)
    return found


def write_outputs(output_file: str | None, outputs: Sequence[tuple[str, str]]) -> None:
    """Appends each output to ``$GITHUB_OUTPUT`` in the ``name<<DELIMITER`` form, with a delimiter no
    value holds, so a value with a new line stays one output. Nothing when the variable is unset."""
    if not output_file:
        return
    lines: list[str] = []
    for name, value in outputs:
        delimiter = f"ghadelimiter_{uuid.uuid4()}"
        lines.extend([f"{name}<<{delimiter}", value, delimiter])
    with open(output_file, "a", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")


def main(env: Mapping[str, str] | None = None) -> int:
    """The step: the command with the inputs' arguments, then the outputs; returns its exit code."""
    from . import main as command

    environ = os.environ if env is None else env
    for name, variable in _CLIENT.items():
        value = _input(environ, name)
        if value:
            os.environ[variable] = value
    path = report_path(environ)
    try:
        argv = arguments(environ, json_report=path)
    except InputError as error:
        print(f"futureagi-simulate action: {error}", file=sys.stderr)
        code = 2
    else:
        # A report left by an earlier step of the same name must not be read as this run's (a path that
        # is no file is the command's to refuse).
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        try:
            code = command(argv)
        except KeyboardInterrupt:  # SIGINT before the command took its signals over
            code = 130
    write_outputs(
        environ.get("GITHUB_OUTPUT"),
        [
            ("passed", "true" if code == 0 else "false"),
            ("exit-code", str(code)),
            ("execution-ids", " ".join(execution_ids(path))),
            ("json-report", str(path) if path.is_file() else ""),
        ],
    )
    return code


if __name__ == "__main__":
    sys.exit(main())
