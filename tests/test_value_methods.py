"""Every frozen value class naming the shared ``__repr__``, ``__eq__`` and ``__hash__`` (``_value_methods``,
so that attrs compiles none of them per class) gives what attrs' own would: each class beside a twin that
attrs makes from the same fields, name and module, with attrs' own methods."""

from __future__ import annotations

import importlib
import pickle
from typing import Any

import attrs
import pytest

from futureagi_simulate._value_methods import value_eq, value_hash, value_repr

# The modules whose value classes a dry run makes.
MODULES = [
    "futureagi_simulate._cost",
    "futureagi_simulate._preflight",
    "futureagi_simulate.cli._pinning",
    "futureagi_simulate.cli._run_options",
    "futureagi_simulate.cli._selecting",
    "futureagi_simulate.cli._verdicts",
]


def _value_classes() -> list[type[Any]]:
    """Every attrs class those modules define that names the shared methods, each once."""
    found: dict[str, type[Any]] = {}
    for name in MODULES:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, type) and attrs.has(value) and value.__dict__.get("__hash__") is value_hash:
                found[value.__qualname__] = value
    return [found[name] for name in sorted(found)]


CLASSES = _value_classes()


def _made(cls: type[Any], tag: str = "", **values: Any) -> Any:
    """An instance of ``cls`` holding a distinct text per field (``values`` instead where given), set
    as attrs' frozen ``__init__`` sets them, past the converters."""
    made = object.__new__(cls)
    for field in attrs.fields(cls):
        object.__setattr__(made, field.name, values.get(field.name, f"{field.name}{tag}"))
    return made


def _twin(cls: type[Any]) -> type[Any]:
    """A frozen slotted class attrs makes with the class's name, module and fields, and its own methods."""
    body: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
    for field in attrs.fields(cls):
        body[field.name] = attrs.field(repr=field.repr, eq=field.eq, hash=field.hash, kw_only=True)
    return attrs.frozen(type(cls.__name__, (), body))


def _as_twin(value: Any) -> Any:
    twin = _twin(type(value))
    return twin(**{field.name: getattr(value, field.name) for field in attrs.fields(type(value))})


def test_the_walk_finds_the_value_classes() -> None:
    """The walk finds the dry run's value classes (run's options, the check, the cost), not an empty list."""
    names = {cls.__qualname__ for cls in CLASSES}
    assert {"RunOptions", "GateOptions", "_Selecting", "RunTestCheck", "CheckProblem"} <= names
    assert {"ExecutionCost", "ScenarioCost", "CostHistory", "PinPlan", "VersionOptions"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_value_class_stays_a_frozen_slotted_attrs_class(cls: type[Any]) -> None:
    """Each class names all three shared methods and stays frozen and slotted, as attrs made it."""
    assert (cls.__dict__["__repr__"], cls.__dict__["__eq__"]) == (value_repr, value_eq)
    assert "__slots__" in cls.__dict__
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        _made(cls).__setattr__(attrs.fields(cls)[0].name, "changed")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_repr_is_attrs_own(cls: type[Any]) -> None:
    """repr of a value is the text attrs' own __repr__ gives for its fields (repr=False ones left out)."""
    value = _made(cls)
    assert repr(value) == repr(_as_twin(value))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_eq_is_attrs_own(cls: type[Any]) -> None:
    """== holds for the same fields and fails when any one field differs, as attrs' own does."""
    value = _made(cls)
    assert value == _made(cls)
    assert (value != _made(cls)) is False
    for field in attrs.fields(cls):
        other = _made(cls, **{field.name: "other"})
        assert (value == other) == (_as_twin(value) == _as_twin(other)) is False
    assert value.__eq__(_as_twin(value)) is NotImplemented


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_hash_is_attrs_own(cls: type[Any]) -> None:
    """hash of a value is the very number attrs' own __hash__ gives a class of that name and module."""
    value = _made(cls)
    assert hash(value) == hash(_as_twin(value)) == hash(_made(cls))
    assert hash(value) != hash(_made(cls, "2"))


def test_an_unhashable_field_refuses_the_hash_as_attrs_does() -> None:
    """A value holding a dict (a pinned version's fields) is unhashable: TypeError, as from attrs' own."""
    (plan,) = (cls for cls in CLASSES if cls.__qualname__ == "PinPlan")
    value = _made(plan, new_version={"name": "v2"})
    with pytest.raises(TypeError):
        hash(_as_twin(value))
    with pytest.raises(TypeError):
        hash(value)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_evolve_and_pickle_give_an_equal_value(cls: type[Any]) -> None:
    """attrs.evolve and a pickle round trip give an equal value with the same hash."""
    # evolve goes through __init__: a converted field gets a value its converter keeps as it is.
    kept: dict[str, Any] = {field.name: () for field in attrs.fields(cls) if field.converter is not None}
    value = _made(cls, **kept)
    for copy in (attrs.evolve(value), pickle.loads(pickle.dumps(value))):
        assert copy == value
        assert hash(copy) == hash(value)
