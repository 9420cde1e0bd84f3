"""Execution: what an execute call started, whichever wire form the server answered in."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import validators as v

from futureagi_simulate_api.types import UNSET

__all__ = ["Execution"]


def _int(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be an int, got {type(value).__name__}")


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

    execution_id: uuid.UUID = attrs.field(validator=v.instance_of(uuid.UUID))
    run_test_id: uuid.UUID = attrs.field(validator=v.instance_of(uuid.UUID))
    status: str = attrs.field(validator=v.instance_of(str))
    total_scenarios: int = attrs.field(validator=_int)
    total_calls: int = attrs.field(validator=_int)
    scenario_ids: tuple[uuid.UUID, ...] = attrs.field(
        converter=_uuid_tuple, validator=v.deep_iterable(v.instance_of(uuid.UUID))
    )
    message: str = attrs.field(default="", validator=v.instance_of(str))
    additional_properties: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_wire(cls, body: object) -> Execution:
        """Reads ``{status, data: camel}``, ``{status, result: snake}``, bare snake or bare camel.

        Raises TypeError, ValueError or KeyError when the body is none of them; the caller turns those
        into APIResponseValidationError.
        """
        # Imported on first use: the generated models cost more to import than the rest of the client.
        from futureagi_simulate_api.models.execution_camel import ExecutionCamel
        from futureagi_simulate_api.models.execution_snake import ExecutionSnake

        if not isinstance(body, Mapping):
            raise TypeError(f"expected a JSON object, got {type(body).__name__}")
        inner: Any = body
        for envelope_key in ("data", "result"):
            if isinstance(body.get(envelope_key), Mapping):
                inner = body[envelope_key]
                break
        from ._parse import parse_model

        # The generated models give both casings the same Python attribute names.
        parsed: ExecutionCamel | ExecutionSnake
        if "executionId" in inner:
            parsed = parse_model(ExecutionCamel, inner)
        else:
            parsed = parse_model(ExecutionSnake, inner)
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


def _message(value: object) -> str:
    return "" if value is UNSET or value is None else str(value)
