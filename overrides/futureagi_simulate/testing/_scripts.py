"""Scripted outcomes: how a scenario's calls end and what each eval writes on them, as the server's
workflow stores it (``docs/dialects.md``, "Eval outputs and the eval summary").
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

import attrs

from ._records import EvalTemplate

__all__ = ["Script", "ScriptedEval", "stored_output"]


@attrs.frozen
class ScriptedEval:
    """One eval config's outcome on one call, as the server's workflow writes it. Build it with the class
    methods; ``Emulator.script`` also takes shortcuts: ``True``/``False`` (the words ``Passed``/
    ``Failed``), a string (that word, verbatim) and a number (a score).

    The results endpoint returns what is written here as stored (``{name, output, reason, output_type}``;
    an errored eval ``{name, error: "error", output: null, reason, timestamp, output_type}``); the execution
    detail shows it in its structured form (``{value, reason, type, name, error, status, skipped}``).
    """

    kind: Literal["judged", "errored", "skipped"]
    #: The output as stored: a word (``"Passed"``, ``"Pass"``, ...), a boolean, a number, or None.
    output: str | bool | float | None = None
    #: ``Pass/Fail``, ``score`` or ``choices``; None: the eval template's.
    output_type: str | None = None
    reason: str | None = None

    @classmethod
    def judged(
        cls, output: str | bool | float, *, output_type: str | None = None, reason: str | None = None
    ) -> ScriptedEval:
        """The eval ran and wrote ``output``: a word, a boolean (``True`` is written as JSON ``true``) or a
        number. ``output_type`` defaults to ``score`` for a number and ``Pass/Fail`` otherwise."""
        if isinstance(output, bool | str):
            return cls("judged", output, output_type or "Pass/Fail", reason)
        if isinstance(output, int | float) and math.isfinite(output):
            return cls("judged", output, output_type or "score", reason)
        raise ValueError(f"output: must be a string, a boolean or a finite number, not {output!r}")

    @classmethod
    def errored(
        cls, *, reason: str = "Evaluation failed. Please contact Future AGI support."
    ) -> ScriptedEval:
        """The eval raised: the server writes ``output: null, error: "error"`` and this ``reason``."""
        return cls("errored", None, None, reason)

    @classmethod
    def skipped(cls, *, reason: str = "Skipped: the call has no transcript to evaluate.") -> ScriptedEval:
        """The eval did not run (no transcript): ``output: null`` and no error."""
        return cls("skipped", None, None, reason)

    @classmethod
    def coerce(cls, name: str, value: object) -> ScriptedEval:
        """A ``ScriptedEval`` from itself or a shortcut; a ``ValueError`` naming ``evals[name]`` otherwise."""
        if isinstance(value, ScriptedEval):
            return value
        if isinstance(value, bool):
            # Kept from the first scripting API: True/False script the words a Pass/Fail template writes.
            return cls.judged("Passed" if value else "Failed")
        if isinstance(value, str):
            return cls.judged(value)
        if isinstance(value, int | float) and math.isfinite(value):
            return cls.judged(value)
        raise ValueError(
            f"evals[{name!r}]: must be True, False, a word, a number or a ScriptedEval, not {value!r}"
        )

    @classmethod
    def from_json(cls, name: str, value: object) -> ScriptedEval:
        """The control route's form: a shortcut, ``{"output": v, "output_type"?, "reason"?}``,
        ``{"error": true, "reason"?}`` or ``{"skipped": true, "reason"?}``."""
        if not isinstance(value, dict):
            return cls.coerce(name, value)
        reason = value.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise ValueError(f"evals[{name!r}].reason: must be a string")
        if value.get("error") is True:
            return cls.errored(reason=reason) if reason is not None else cls.errored()
        if value.get("skipped") is True:
            return cls.skipped(reason=reason) if reason is not None else cls.skipped()
        if "output" in value:
            output_type = value.get("output_type")
            if output_type is not None and not isinstance(output_type, str):
                raise ValueError(f"evals[{name!r}].output_type: must be a string")
            try:
                return cls.judged(value["output"], output_type=output_type, reason=reason)
            except ValueError as exc:
                raise ValueError(f"evals[{name!r}].{exc}") from None
        raise ValueError(
            f"evals[{name!r}]: an object needs 'output', 'error': true or 'skipped': true, not {value!r}"
        )


@attrs.frozen
class Script:
    """What a scenario's calls do on one attempt (or on every attempt without a script of its own): end
    ``completed`` or ``failed``, per eval config name its outcome, and what the call costs."""

    call: Literal["completed", "failed"] = "completed"
    #: Eval config name -> its outcome. Evals it does not name pass (``Passed``, or a score of 1.0).
    evals: Mapping[str, ScriptedEval] = attrs.Factory(dict)
    #: The call's ``cost_cents`` once it has ended (completed or failed), a whole number of cents; None: the
    #: server sends no cost (``cost_cents: null``, as on the recorded open-source server's rows).
    cost_cents: int | None = None


def _jsonb(entries: dict[str, Any]) -> dict[str, Any]:
    # Postgres JSONB orders an object's keys by length, then bytewise: the server's stored outputs come
    # back in that order.
    return dict(sorted(entries.items(), key=lambda item: (len(item[0]), item[0])))


def stored_output(name: str, outcome: ScriptedEval, template: EvalTemplate, now: datetime) -> dict[str, Any]:
    """What the server's workflow writes for one eval config on one call (``_run_single_evaluation``)."""
    # An errored eval carries the template's output type (derive_kpi_output_type); a judged one, its own.
    output_type = outcome.output_type or template.output_type
    if outcome.kind == "errored":
        return _jsonb(
            {
                "name": name,
                "error": "error",
                "output": None,
                "reason": outcome.reason,
                "timestamp": now.isoformat(),
                "output_type": output_type,
            }
        )
    reason = outcome.reason
    if reason is None:
        reason = f"The emulator scripted {outcome.output!r} for '{name}'."
    stored = {"name": name, "output": outcome.output, "reason": reason, "output_type": output_type}
    if outcome.kind == "skipped":
        # Not recorded: the server's detail serializer reads a skip from `skipped: true` (or a status of
        # "skipped"); the emulator writes the first beside the null output.
        stored["skipped"] = True
    return _jsonb(stored)
