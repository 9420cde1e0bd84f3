"""The answer type check covers every model the generator emits."""

from __future__ import annotations

import attrs
import pytest

import futureagi_simulate_api.models as models
from futureagi_simulate._conform import _explain_model, _model_checker

MODELS = sorted(
    (cls for cls in vars(models).values() if isinstance(cls, type) and attrs.has(cls)),
    key=lambda c: c.__name__,
)


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_every_generated_model_has_a_checker(cls: type) -> None:
    """A regeneration that introduces an annotation the checker cannot read fails here, not for a user."""
    assert callable(_model_checker(cls))


def test_checker_and_explanation_agree_on_a_valid_model() -> None:
    """A well-typed model passes the fast check and the slow explanation finds nothing."""
    page = models.RunTestPage(count=0, results=[])
    assert _model_checker(models.RunTestPage)(page)
    _explain_model(page, "")
