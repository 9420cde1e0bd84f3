"""futureagi_simulate._parsing: the runtime the generated models' ``from_dict`` reads answers with.

The generated parse as a whole is tested through the models (test_parse.py, test_templates.py); these
tests hold each helper to its own contract, so a change to one is caught where it is made.
"""

from __future__ import annotations

import datetime
import pickle
import types
import uuid

import pytest

from futureagi_simulate._api.types import UNSET
from futureagi_simulate._api.types import ParseError as GeneratedParseError
from futureagi_simulate._parsing import (
    ParseError,
    _pick_uuid_reader,
    _read_uuid_by_init,
    as_object,
    json_type,
    missing,
    new_instance,
    parse_datetime,
    read_uuid,
    wrong_type,
)

ID = "0a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


def test_the_generated_package_reads_with_these_helpers() -> None:
    """The generated types module re-exports the hand-written ParseError, not a copy of its own."""
    assert GeneratedParseError is ParseError


def test_a_parse_error_names_its_path_with_keys_and_positions() -> None:
    """Keys read as .key, array positions as [n], and the first key has no leading dot."""
    error = ParseError("expected string, got integer", "results", 3, "name")
    assert str(error) == "results[3].name: expected string, got integer"
    assert error.reason == "expected string, got integer"
    assert error.path == ["results", 3, "name"]


def test_a_parse_error_without_a_path_is_its_reason() -> None:
    """An error at the top of the answer reads as its reason alone."""
    assert str(ParseError("expected object, got array")) == "expected object, got array"


def test_within_puts_the_container_s_steps_in_front() -> None:
    """Each container adds its own step before the steps found inside it."""
    error = ParseError("a required key is missing", "status").within("scenarios", 0).within("results", 2)
    assert str(error) == "results[2].scenarios[0].status: a required key is missing"


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ({}, "object"),
        ([], "array"),
        ("", "string"),
        (True, "boolean"),
        (1, "integer"),
        (1.5, "number"),
        (None, "null"),
        (b"x", "bytes"),
    ],
)
def test_json_type_names_a_decoded_value_s_type(value: object, name: str) -> None:
    """Values json.loads makes get their JSON names; anything else its Python type's name."""
    assert json_type(value) == name


def test_wrong_type_and_missing_say_what_was_expected_and_where() -> None:
    """The two errors the models raise most, each with its path."""
    assert str(wrong_type("string", 1, "name")) == "name: expected string, got integer"
    assert str(missing("results", 0, "id")) == "results[0].id: a required key is missing"


def test_as_object_keeps_a_dict_and_copies_another_mapping() -> None:
    """A decoded object is read as it is; a read-only mapping is copied into a dict."""
    decoded = {"a": 1}
    assert as_object(decoded) is decoded
    copied = as_object(types.MappingProxyType({"b": 2}))
    assert copied == {"b": 2}
    assert type(copied) is dict


def test_as_object_refuses_what_is_not_an_object() -> None:
    """A JSON array where an object belongs raises ParseError naming both types."""
    with pytest.raises(ParseError, match=r"^expected object, got array$"):
        as_object([1])


def test_new_instance_makes_an_object_without_running_init() -> None:
    """from_dict assigns attributes itself, so __init__ must not run."""

    class Loud:
        def __init__(self) -> None:
            raise AssertionError("__init__ ran")

    assert type(new_instance(Loud)) is Loud


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-02T03:04:05Z", datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)),
        ("2026-01-02t03:04:05z", datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)),
        ("2026-01-02 03:04:05+02:00", datetime.datetime(2026, 1, 2, 1, 4, 5, tzinfo=datetime.UTC)),
        ("2026-12-31T23:59:60Z", datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC)),
        ("2026-01-02T03:04:05", datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)),
    ],
    ids=["upper", "lower-case t and z", "space and offset", "leap second", "no offset"],
)
def test_parse_datetime_reads_every_rfc_3339_form_with_a_time_zone(
    text: str, expected: datetime.datetime
) -> None:
    """Lower-case t and z, a leap second and a missing offset (read as UTC) all read."""
    moment = parse_datetime(text)
    assert moment == expected
    assert moment.tzinfo is not None


def test_parse_datetime_refuses_text_that_is_no_date_time() -> None:
    """Anything else is a ValueError, which the models turn into ParseError at the value's path."""
    with pytest.raises(ValueError, match="Invalid isoformat"):
        parse_datetime("yesterday")


def test_read_uuid_remembers_each_uuid_of_one_answer() -> None:
    """The same text read twice from one answer gives the same object, kept in the answer's memo."""
    ids: dict[str, uuid.UUID] = {}
    first = read_uuid(ID, ids, "id")
    assert first == uuid.UUID(ID)
    assert ids == {ID: first}


def test_read_uuid_reads_braced_and_urn_forms_as_the_constructor_does() -> None:
    """Text the shortcut does not take (braces, urn:uuid:) goes to uuid.UUID itself."""
    for text in ("{" + ID + "}", "urn:uuid:" + ID, ID.replace("-", "").upper()):
        assert read_uuid(text, {}) == uuid.UUID(ID)


@pytest.mark.parametrize("text", ["zz", ID[:-1] + "g", "", "-" * 40])
def test_read_uuid_refuses_what_is_no_uuid_at_its_path(text: str) -> None:
    """Bad text raises ParseError naming the value's path and quoting the text."""
    with pytest.raises(ParseError) as raised:
        read_uuid(text, {}, "results", 0, "id")
    assert str(raised.value) == f"results[0].id: not a UUID: {text!r}"


def test_the_uuid_shortcut_is_left_where_it_builds_another_uuid() -> None:
    """On a Python whose UUID the shortcut would build differently, the constructor is used."""

    def wrong(text: str, ids: dict[str, uuid.UUID], *path: str | int) -> uuid.UUID:
        return uuid.UUID(int=0)

    assert _pick_uuid_reader(wrong) is _read_uuid_by_init


def test_the_uuid_shortcut_is_left_where_it_fails() -> None:
    """A shortcut that raises (say, a UUID without those slots) falls back to the constructor."""

    def broken(text: str, ids: dict[str, uuid.UUID], *path: str | int) -> uuid.UUID:
        raise AttributeError("no slot int")

    assert _pick_uuid_reader(broken) is _read_uuid_by_init


def test_unset_pickles_to_the_one_unset() -> None:
    """After a pickle round trip (multiprocessing), "is UNSET" still holds."""
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET
