"""The answer type check covers every model the generator emits."""

from __future__ import annotations

import typing
import uuid
from typing import Any

import attrs
import pytest

import futureagi_simulate_api.models as models
from futureagi_simulate._conform import check_model, field_types

MODELS = sorted(
    (cls for cls in vars(models).values() if isinstance(cls, type) and attrs.has(cls)),
    key=lambda c: c.__name__,
)


def _checkable(expected: Any) -> bool:
    """The annotation kinds the check reads: Any, unions, lists, dicts and plain classes."""
    if expected is Any:
        return True
    origin = typing.get_origin(expected)
    if origin in (typing.Union, type(int | str), list):
        return all(_checkable(arg) for arg in typing.get_args(expected))
    return origin is dict or isinstance(expected, type)


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_every_generated_model_has_checkable_annotations(cls: type) -> None:
    """A regeneration that introduces an annotation the checker cannot read fails here, not for a user."""
    assert all(_checkable(expected) for expected in field_types(cls).values())


def test_a_valid_model_passes_the_check() -> None:
    """A well-typed model raises nothing."""
    check_model(models.RunTestPage(count=0, results=[]))


def test_a_wrong_value_is_named_by_its_path() -> None:
    """The first mismatching field is named by its path from the top of the answer."""
    page = models.RunTestPage(count=0, results=[models.RunTest(id=uuid.uuid4(), name=5)])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^results\[0\]\.name: expected str, got int$"):
        check_model(page)
