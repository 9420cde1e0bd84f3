"""The JSON result (``--json``): the verdict with every scenario, or why the run ended without one; and
any answer as plain JSON data (the query commands' ``--json``)."""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from . import _text
from ._cost import cost_json, scenario_cost
from ._text import safe_text

if TYPE_CHECKING:
    # Annotations only: the verdict's module loads every generated model, which a query's JSON output
    # (json_text) and --help never need (BENCHMARKS.md, "The command's cold start").
    from futureagi_simulate import CallOutcome, ExecutionCost, ScenarioVerdict, Verdict

    # Annotations only: a query's --json writes no verdict, so its start creates neither class.
    from ._outcome import RunTestName
    from ._pinned import Pinned

__all__ = ["MAX_DEPTH", "NON_FINITE_NOTE", "TOO_DEEP", "failure_json", "json_text", "verdict_json"]

TOO_DEEP = "<nested too deep>"
MAX_DEPTH = 64
NON_FINITE_NOTE = "non-finite numbers (NaN, Infinity) were written as null"


class _Walk:
    """Turns an answer into plain JSON data: bounded depth, finite numbers, redacted strings."""

    def __init__(self) -> None:
        self.non_finite = False

    def __call__(self, value: Any, depth: int = 0) -> Any:
        # The answer's own types first, by exact type (a query prints thousands of values at a start):
        # the same results as the general rules below, which every other type still takes.
        kind = type(value)
        if kind is str:
            return safe_text(value)
        if kind is dict:
            if depth >= MAX_DEPTH:
                return TOO_DEEP
            return {safe_text(str(k)): self(v, depth + 1) for k, v in value.items()}
        if kind is list:
            if depth >= MAX_DEPTH:
                return TOO_DEEP
            return [self(v, depth + 1) for v in value]
        if kind is int or kind is bool or value is None:
            return value
        if isinstance(value, str):
            return safe_text(value)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            if math.isfinite(value):
                return value
            self.non_finite = True
            return None
        if isinstance(value, uuid.UUID):
            return str(value)
        if isinstance(value, (Mapping, list, tuple)):
            if depth >= MAX_DEPTH:
                return TOO_DEEP
            if isinstance(value, Mapping):
                return {safe_text(str(k)): self(v, depth + 1) for k, v in value.items()}
            return [self(v, depth + 1) for v in value]
        return safe_text(str(value))


def _jsonable(value: Any) -> Any:
    """``value`` as JSON data: subtrees deeper than MAX_DEPTH become a short string, NaN/Infinity null,
    credentials ``[REDACTED]``."""
    return _Walk()(value)


def json_text(document: Any) -> str:
    """Valid JSON (``allow_nan=False``), indented by 2; a dict document notes when a non-finite number
    became null."""
    # First without looking for credentials in each string: the escaping is one character at a time, so
    # a string holding a credential leaves the credential's escaped form in the text. Only when one is
    # found (a server that echoes a key) is the text written again, redacting.
    written = _Writer(()).text(document)
    secrets = _text.secrets()
    if written is not None and any(_quote(secret)[1:-1] in written for secret in secrets):
        written = _Writer(secrets).text(document)
    return _walked_text(document) if written is None else written


def _walked_text(document: Any) -> str:
    """``json_text``'s rule as written: the walk, then json.dumps (``_Writer`` writes the same text)."""
    walk = _Walk()
    data = walk(document)
    if walk.non_finite and isinstance(data, dict):
        data["notes"] = [NON_FINITE_NOTE]
    return json.dumps(data, indent=2, allow_nan=False)


# The one escaping json.dumps uses (ensure_ascii): its C function where the interpreter has it.
_quote = json.encoder.encode_basestring_ascii
_TOO_DEEP_TEXT = _quote(TOO_DEEP)
_INDENT = "  "


class _Writer:
    """``json.dumps(_Walk()(document), indent=2, allow_nan=False)`` in one pass, without the copy.

    A query prints thousands of values at a start (20 run tests: about 7,000 strings), and the walk
    then json.dumps' indenting encoder (pure Python generators: the C encoder cannot indent) cost as
    much as the rest of the answer's reading (BENCHMARKS.md, "Issue 27, fourth session: query32"). This
    writes the same text from the answer's own types (exact ``dict``, ``list``, ``str``, ``int``,
    ``bool``, ``None``, finite ``float``), with the walk's rules inlined: depth, redaction (of the
    ``secrets`` given: ``json_text`` gives them when a first pass's text showed one), lone surrogates.
    Any other value (a UUID, a tuple, a subclass) is walked and dumped as before, in place; so is a dict
    with a key the walk would change (not text, a credential, not ASCII: two keys may then become one).
    A non-finite number gives ``None``: the caller takes the walk's road, which notes it.
    """

    __slots__ = ("keys", "parts", "secrets", "walk")

    def __init__(self, secrets: tuple[str, ...]) -> None:
        self.parts: list[str] = []
        # Each key met, as written before its value.
        self.keys: dict[object, str] = {}
        # The credentials looked for in each string (``json_text`` passes none, then all if need be).
        self.secrets = secrets
        self.walk = _Walk()

    def text(self, document: Any) -> str | None:
        try:
            self.write(document, 0, "\n")
        except _NonFiniteError:
            return None
        return "".join(self.parts)

    def write(self, value: Any, depth: int, newline: str) -> None:
        """Appends ``value`` at ``depth``; ``newline`` starts a line at its indentation."""
        parts = self.parts
        append = parts.append
        kind = type(value)
        if kind is dict or kind is list:
            if depth >= MAX_DEPTH:
                append(_TOO_DEEP_TEXT)
                return
            if not value:
                append("{}" if kind is dict else "[]")
                return
            secrets = self.secrets
            keys = self.keys
            inner = newline + _INDENT
            start = len(parts)
            items: Any
            if kind is dict:
                append("{")
                items = value.items()
            else:
                append("[")
                items = enumerate(value)
            separator = inner
            following = "," + inner
            for key, item in items:
                if kind is dict:
                    # An answer repeats its keys in every row: each is checked and quoted once.
                    written = keys.get(key) if type(key) is str else None
                    if written is None:
                        if type(key) is not str or not _plain(key, secrets):
                            del parts[start:]
                            self.other(value, depth, newline)
                            return
                        written = keys[key] = _quote(key) + ": "
                    append(separator + written)
                else:
                    append(separator)
                separator = following
                shape = type(item)
                if shape is str:
                    # _plain, inlined: most of an answer's values are strings.
                    if item.isascii():
                        for secret in secrets:
                            if secret in item:
                                item = safe_text(item)
                                break
                    else:
                        item = safe_text(item)
                    append(_quote(item))
                elif item is None:
                    append("null")
                elif item is True:
                    append("true")
                elif item is False:
                    append("false")
                elif shape is int:
                    append(int.__repr__(item))
                else:
                    self.write(item, depth + 1, inner)
            append(newline)
            append("}" if kind is dict else "]")
        elif kind is str:
            append(_quote(value if _plain(value, self.secrets) else safe_text(value)))
        elif value is None:
            append("null")
        elif value is True:
            append("true")
        elif value is False:
            append("false")
        elif kind is int:
            append(int.__repr__(value))
        elif kind is float:
            if not math.isfinite(value):
                raise _NonFiniteError
            append(float.__repr__(value))
        else:
            self.other(value, depth, newline)

    def other(self, value: Any, depth: int, newline: str) -> None:
        """Any other value as the walk and json.dumps write it, indented where it stands."""
        walk = self.walk
        data = walk(value, depth)
        if walk.non_finite:
            raise _NonFiniteError
        self.parts.append(json.dumps(data, indent=2, allow_nan=False).replace("\n", newline))


class _NonFiniteError(Exception):
    """A NaN or an infinity: the walk's road writes it as null and notes it."""


def _plain(text: str, secrets: tuple[str, ...]) -> bool:
    """True when ``safe_text`` would give ``text`` back unchanged: ASCII, holding no credential."""
    return text.isascii() and all(secret not in text for secret in secrets)


def _calls(calls: tuple[CallOutcome, ...]) -> list[dict[str, Any]]:
    return [
        {
            "call_execution_id": call.call_execution_id,
            "status": call.status,
            "duration_seconds": call.duration_seconds,
            "evals": [
                {
                    "name": outcome.name,
                    "passed": outcome.passed,
                    "score": outcome.score,
                    "output": outcome.output,
                    "reason": outcome.reason,
                }
                for outcome in call.evals
            ],
        }
        for call in calls
    ]


def _scenario(scenario: ScenarioVerdict, verdict: Verdict) -> dict[str, Any]:
    document = {
        "scenario_id": scenario.scenario_id,
        "scenario_name": scenario.scenario_name,
        "passed": scenario.passed,
        # passed, failed or flaky (failed, then passed on a rerun: --rerun-failed).
        "outcome": scenario.outcome,
        "reasons": scenario.reasons,
        "cost_cents": scenario_cost(verdict.cost, scenario),
        "calls": _calls(scenario.calls),
        # How many rounds judged it: 1 unless --rerun-failed reran it.
        "attempts": scenario.attempts,
    }
    if scenario.attempts > 1:
        # The first results, which the rerun replaced on the server.
        document["first_reasons"] = list(scenario.first_reasons)
        document["first_calls"] = _calls(scenario.first_calls)
    return document


def verdict_json(
    verdict: Verdict, *, run_test: RunTestName, exit_code: int, pinned: Pinned | None = None
) -> bytes:
    """The machine-readable result of ``run``: ids, ``passed`` (a boolean), reasons, every scenario; with
    ``pinned``, a ``pinned`` object naming the copy the execution ran on, the agent version and the
    commit (``run_test_id`` stays the original's)."""
    document = {
        "run_test_id": run_test.id,
        "run_test_name": run_test.name,
        "execution_id": verdict.execution_id,
        "status": verdict.status,
        "passed": verdict.passed,
        "exit_code": exit_code,
        "reasons": verdict.reasons,
        "pass_rates": verdict.pass_rates,
        "total_calls": verdict.total_calls,
        "failed_calls": verdict.failed_calls,
        "thresholds": {
            "min_pass_rate": verdict.thresholds.min_pass_rate,
            "default_min_pass_rate": verdict.thresholds.default_min_pass_rate,
            "max_failed_calls": verdict.thresholds.max_failed_calls,
            "max_unjudged_calls": verdict.thresholds.max_unjudged_calls,
            "min_score": verdict.thresholds.min_score,
        },
        "evals": [attrs.asdict(e) for e in verdict.evals],
        "scenarios": [_scenario(s, verdict) for s in verdict.scenarios],
        "reruns": verdict.reruns,
        "flaky": {"policy": verdict.flaky_policy, "scenarios": len(verdict.flaky_scenarios)},
        "cost": cost_json(verdict.cost),
        # This execution against --baseline: per scenario its change, per eval then and now.
        "baseline": None if verdict.baseline is None else attrs.asdict(verdict.baseline),
    }
    if pinned is not None:
        document["pinned"] = pinned.document()
    return (json_text(document) + "\n").encode("utf-8")


def failure_json(
    *,
    run_test: RunTestName,
    execution_id: uuid.UUID | None,
    status: str,
    exit_code: int,
    reasons: list[str],
    pinned: Pinned | None = None,
    cost: ExecutionCost | None = None,
) -> bytes:
    """The result of a run that ended without a verdict (exit 3, 4, 5, 6, 129, 130, 143); ``cost`` as
    every report gives it (``cost_json``), null where no call row was read."""
    document: dict[str, Any] = {
        "run_test_id": run_test.id,
        "run_test_name": run_test.name,
        "execution_id": execution_id,
        "status": status,
        "passed": False,
        "exit_code": exit_code,
        "reasons": reasons,
        "cost": cost_json(cost),
    }
    if pinned is not None:
        document["pinned"] = pinned.document()
    return (json_text(document) + "\n").encode("utf-8")
