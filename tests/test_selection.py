"""Selection as a value: its rules hold before any client is involved."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import FutureAGIError, InvalidArgumentError, Selection
from tests.data import RUN, S1, S2, S3


def test_all_selects_everything() -> None:
    """Selection.all() is the flag with no ids."""
    assert (Selection.all().select_all, Selection.all().scenario_ids) == (True, ())


def test_only_keeps_order_and_drops_duplicates() -> None:
    """Ids are de-duplicated in first-seen order, str and UUID alike."""
    chosen = Selection.only([S2, S1, uuid.UUID(S2), S3])
    assert chosen.scenario_ids == (uuid.UUID(S2), uuid.UUID(S1), uuid.UUID(S3))
    assert chosen.select_all is False


def test_only_empty_is_refused() -> None:
    """only([]) would run every scenario on the wire, so it is an error."""
    with pytest.raises(InvalidArgumentError, match=r"Selection\.all\(\)"):
        Selection.only([])


def test_direct_construction_cannot_mean_only_nothing() -> None:
    """The same rule holds when the class is built directly."""
    with pytest.raises(InvalidArgumentError):
        Selection(select_all=False)


def test_all_except_empty_is_all() -> None:
    """all_except([]) equals all()."""
    assert Selection.all_except([]) == Selection.all()


def test_all_except_keeps_the_flag() -> None:
    """all_except(ids) is the flag with those ids."""
    chosen = Selection.all_except([S1, S1])
    assert (chosen.select_all, chosen.scenario_ids, chosen.is_all_except) == (True, (uuid.UUID(S1),), True)


def test_invalid_id_names_its_position() -> None:
    """A bad id is reported with its index, as a ValueError and a FutureAGIError."""
    with pytest.raises(InvalidArgumentError) as caught:
        Selection.only([S1, "scenario-2"])
    assert caught.value.argument == "scenario_ids[1]"
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, FutureAGIError)


def test_a_lone_string_is_not_a_list_of_ids() -> None:
    """only('uuid') is refused instead of iterating the string's characters."""
    with pytest.raises(InvalidArgumentError, match="list of UUIDs"):
        Selection.only(S1)


def test_selection_is_frozen() -> None:
    """A Selection cannot be changed after it is built."""
    with pytest.raises(AttributeError, match="frozen"):
        Selection.all().select_all = False  # type: ignore[misc]


@pytest.mark.parametrize(
    ("selection", "text"),
    [
        (Selection.all(), "Selection.all()"),
        (Selection.only([S1]), f"Selection.only(['{S1}'])"),
        (Selection.all_except([S2]), f"Selection.all_except(['{S2}'])"),
    ],
)
def test_repr_reads_like_the_constructor(selection: Selection, text: str) -> None:
    """The repr is the call that builds the value."""
    assert repr(selection) == text


def test_equal_selections_compare_and_hash_equal() -> None:
    """Selections are values: the same choice is equal, usable as a key, and unequal to other choices."""
    assert Selection.only([S1, S2]) == Selection.only([S1, S1, S2])
    assert {Selection.only([S1]): "a"}[Selection.only([S1])] == "a"
    assert Selection.all() != Selection.all_except([S1])
    assert Selection.only([S1]) != Selection.all_except([S1])


def test_a_selection_survives_pickling() -> None:
    """A Selection can be handed to another process (multiprocessing, task queues) and stays equal."""
    selection = Selection.all_except([S1, S2])
    assert pickle.loads(pickle.dumps(selection)) == selection


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        (("false",), "select_all"),
        ((1,), "select_all"),
        ((None,), "select_all"),
        ((False, "abc"), "scenario_ids"),
        ((True, [RUN, "nope"]), "scenario_ids[1]"),
        ((False, []), "selection"),
    ],
)
def test_selection_cannot_be_built_around_its_checks(args: tuple[Any, ...], argument: str) -> None:
    """Selection('false') is not 'everything', Selection(False, 'abc') is not three ids: both refused."""
    with pytest.raises(InvalidArgumentError) as caught:
        Selection(*args)
    assert caught.value.argument == argument


def test_selection_built_directly_equals_the_class_methods() -> None:
    """Selection(False, [id]) is Selection.only([id]); Selection(True) is Selection.all()."""
    assert Selection(False, [RUN]) == Selection.only([RUN])
    assert Selection(True) == Selection.all()
