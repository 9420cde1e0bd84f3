"""Every generated model's ``__repr__`` and ``__eq__`` (``_model_methods``, shared, so that attrs compiles
neither per class) give what attrs' own would: each model beside a twin that attrs makes from the same
fields, with attrs' own methods."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
from typing import Any

import attrs
import pytest

import futureagi_simulate._api.models as models_package
from futureagi_simulate._model_methods import model_eq, model_repr


def _models() -> list[type[Any]]:
    """Every attrs class the generated models package defines, each once."""
    found: dict[str, type[Any]] = {}
    for info in pkgutil.iter_modules(models_package.__path__):
        module = importlib.import_module(f"{models_package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value):
                to_dict = value.__dict__.get("to_dict")
                if to_dict is not None and to_dict.__code__.co_filename == module.__file__:
                    found[value.__qualname__] = value
    return [found[name] for name in sorted(found)]


MODELS = _models()


def _twin(model: type[Any]) -> type[Any]:
    """A class attrs makes with the model's name and fields, and writes its own methods for."""
    fields = {
        field.name: attrs.field(default=field.default, kw_only=field.kw_only) for field in attrs.fields(model)
    }
    return attrs.make_class(model.__qualname__, fields, slots=True)


def _values(model: type[Any], tag: str = "") -> dict[str, Any]:
    """A distinct value for each field (the constructor does not check types)."""
    return {
        field.name: ({"key": [1, tag]} if field.name == "additional_properties" else f"{field.name}{tag}")
        for field in attrs.fields(model)
    }


def _keeps_unknown(model: type[Any]) -> bool:
    return any(field.name == "additional_properties" for field in attrs.fields(model))


def test_the_package_holds_the_models() -> None:
    """The walk finds the generated models (run test, page, execution rows), not an empty list."""
    names = {model.__qualname__ for model in MODELS}
    assert {"RunTest", "RunTestPage", "CallExecution", "TestExecutionDetail"} <= names
    assert len(MODELS) > 90


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__qualname__)
def test_every_model_has_the_shared_methods(model: type[Any]) -> None:
    """Each model class names the shared __repr__ and __eq__ and stays unhashable, as attrs left it."""
    assert model.__dict__["__repr__"] is model_repr
    assert model.__dict__["__eq__"] is model_eq
    assert model.__hash__ is None


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__qualname__)
def test_repr_is_attrs_own(model: type[Any]) -> None:
    """repr of a model is the text attrs' own __repr__ gives for the same fields."""
    twin = _twin(model)
    assert repr(model(**_values(model))) == repr(twin(**_values(model)))


@pytest.mark.parametrize(
    "model", [model for model in MODELS if attrs.fields(model)], ids=lambda model: model.__qualname__
)
def test_a_model_inside_itself_shows_as_dots(model: type[Any]) -> None:
    """A model holding itself shows the inner one as ..., as attrs' __repr__ does."""
    twin = _twin(model)
    # In a field of its own: the unknown keys where the model keeps them, else its first field (a body).
    unknown: dict[str, dict[str, Any]] = {"additional_properties": {}} if _keeps_unknown(model) else {}
    ours = model(**{**_values(model), **unknown})
    theirs = twin(**{**_values(model), **{key: {} for key in unknown}})
    if _keeps_unknown(model):
        ours.additional_properties["self"] = ours
        theirs.additional_properties["self"] = theirs
    else:
        setattr(ours, attrs.fields(model)[0].name, [ours])
        setattr(theirs, attrs.fields(model)[0].name, [theirs])
    assert repr(ours) == repr(theirs)
    assert "..." in repr(ours)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__qualname__)
def test_eq_is_attrs_own(model: type[Any]) -> None:
    """== and != of two models answer as attrs' own for equal fields and for each field changed."""
    twin = _twin(model)
    pairs: list[tuple[dict[str, object], bool]] = [({}, True)] + [
        ({field.name: object()}, False) for field in attrs.fields(model)
    ]
    for changed, equal in pairs:
        ours = (model(**_values(model)), model(**{**_values(model), **changed}))
        theirs = (twin(**_values(model)), twin(**{**_values(model), **changed}))
        assert (ours[0] == ours[1]) is (theirs[0] == theirs[1]) is equal
        assert (ours[0] != ours[1]) is (theirs[0] != theirs[1]) is (not equal)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__qualname__)
def test_another_class_is_not_equal(model: type[Any]) -> None:
    """A model's __eq__ leaves another class to Python (NotImplemented), as attrs' does: never equal."""
    twin = _twin(model)
    ours, theirs = model(**_values(model)), twin(**_values(model))
    assert model_eq(ours, theirs) is NotImplemented
    assert ours != theirs
    assert ours != dict(_values(model))


def test_a_nan_field_compares_as_attrs_does() -> None:
    """A field holding NaN makes two models unequal, even the same NaN object, as attrs' chain of ==."""
    nan = float("nan")
    model = next(model for model in MODELS if model.__qualname__ == "RunTest")
    twin = _twin(model)
    ours = [model(**{**_values(model), "name": nan}) for _ in range(2)]
    theirs = [twin(**{**_values(model), "name": nan}) for _ in range(2)]
    assert (ours[0] == ours[1]) is (theirs[0] == theirs[1]) is False


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__qualname__)
def test_attrs_still_sees_the_fields_evolves_and_pickles(model: type[Any]) -> None:
    """attrs.fields, attrs.evolve, __match_args__ and pickle work on each model as on its attrs twin."""
    twin = _twin(model)
    made = model(**_values(model))
    assert [field.name for field in attrs.fields(model)] == [field.name for field in attrs.fields(twin)]
    assert model.__match_args__ == twin.__match_args__
    changed = {field.name: "other" for field in attrs.fields(model)[:1]}
    assert attrs.evolve(made, **changed) == model(**{**_values(model), **changed})
    assert pickle.loads(pickle.dumps(made)) == made
