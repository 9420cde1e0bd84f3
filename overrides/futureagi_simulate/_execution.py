"""Execution: what an execute call started, whichever wire form the server answered in."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

# This module loads on first use (futureagi_simulate's __getattr__, the execute builders), so it can
# import the generated models at the top.
from futureagi_simulate._api.models.execution_camel import ExecutionCamel
from futureagi_simulate._api.models.execution_snake import ExecutionSnake
from futureagi_simulate._api.types import UNSET

from ._answers import json_object, unwrap_object
from ._exports import publish

__all__ = ["Execution"]


def _uuid_tuple(values: Iterable[uuid.UUID]) -> tuple[uuid.UUID, ...]:
    return tuple(values)


@attrs.frozen
class Execution:
    """One started execution of a run test or prompt simulation.

    ``status`` is an open string: the execute endpoints answer ``"started"`` today, stored executions move
    through ``pending``, ``running``, ``completed`` and more, and the server may add values.
    ``total_calls`` is often ``0`` at start: the executor fills it in later.
    ``additional_properties`` keeps the fields this version does not know, under their wire names, as
    the generated models do: a server that adds a field never costs a user its value.
    """

    # No validators: from_wire builds an Execution only from a parse that checked every type (the
    # generated from_dict), and checking again cost more than the rest of reading the answer.
    execution_id: uuid.UUID
    run_test_id: uuid.UUID
    status: str
    total_scenarios: int
    total_calls: int
    scenario_ids: tuple[uuid.UUID, ...] = attrs.field(converter=_uuid_tuple)
    message: str = ""
    additional_properties: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_wire(cls, body: object) -> Execution:
        """Reads ``{status, data: camel}``, ``{status, result: snake}``, bare snake or bare camel.

        Raises TypeError, ValueError or KeyError when the body is none of them; the caller turns those
        into APIResponseValidationError.
        """
        # An answer with its own execution id at the top level is the execution itself, whatever other
        # keys (a "result" or "data" field the server added) it carries (the one envelope rule).
        if type(body) is dict and "execution_id" in body:
            inner = body  # the open-source server's answer, read without the rule's calls
        else:
            inner = unwrap_object(json_object(body), own=("execution_id", "executionId"))
        # The generated models give both casings the same Python attribute names.
        parsed: ExecutionCamel | ExecutionSnake
        if "executionId" in inner:
            parsed = ExecutionCamel.from_dict(inner)
        else:
            parsed = ExecutionSnake.from_dict(inner)
        if cls is not Execution:  # a subclass gets its own __init__
            return cls(
                execution_id=parsed.execution_id,
                run_test_id=parsed.run_test_id,
                status=parsed.status,
                total_scenarios=parsed.total_scenarios,
                total_calls=parsed.total_calls,
                scenario_ids=parsed.scenario_ids,
                message=_message(parsed.message),
                additional_properties=dict(parsed.additional_properties),
            )
        # What the attrs __init__ stores, written straight into the slots: the parse checked every value,
        # and the __init__'s per-field calls cost more than reading the rest of the answer did.
        made = _new(Execution)
        put = _PUT
        put[0](made, parsed.execution_id)
        put[1](made, parsed.run_test_id)
        put[2](made, parsed.status)
        put[3](made, parsed.total_scenarios)
        put[4](made, parsed.total_calls)
        put[5](made, tuple(parsed.scenario_ids))
        put[6](made, _message(parsed.message))
        put[7](made, dict(parsed.additional_properties))
        return made


def _message(value: object) -> str:
    return "" if value is UNSET or value is None else str(value)


_FIELDS = (
    "execution_id",
    "run_test_id",
    "status",
    "total_scenarios",
    "total_calls",
    "scenario_ids",
    "message",
    "additional_properties",
)
# from_wire's order; a field added to the class and not there fails the import, not a read.
if tuple(field.name for field in attrs.fields(Execution)) != _FIELDS:
    raise ImportError("Execution's fields changed: update _FIELDS and Execution.from_wire")
_PUT = tuple(vars(Execution)[name].__set__ for name in _FIELDS)
_new = object.__new__

publish(Execution)
