"""The templates generate a working package for any document, not only for today's openapi.yaml.

``tests/generated/templates/every_kind.yaml`` declares one property of every kind the templates read. It is
generated here with the project's generator settings into a temporary folder, as the subpackage
``futureagi_simulate.every_kind`` (the generated code reads answers with ``futureagi_simulate._parsing``,
as ``futureagi_simulate._api`` does), type-checked with mypy --strict, and its parse checked on right and
wrong answers.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
import yaml

# slow: runs the generator, then mypy or an interpreter for each test.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ID = str(uuid.UUID(int=7))
GOOD = {
    "id": ID,
    "color": "red",
    "score": 3,
    "maybe_score": None,
    "grid": [[1, 2], []],
    "ids_grid": [[ID]],
    "either": {"label": "x"},
    "id_or_text": "not-a-uuid",
    "when": "2026-01-02",
    "colors": ["green"],
    "nested": None,
    "anything": {"a": [1]},
    "by_name": {"a": 1},
    "flag": None,
    "extra": 1,
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("every_kind")
    config = yaml.safe_load((ROOT / "generator-config.yaml").read_text())
    config.update(package_name_override="every_kind", project_name_override="every-kind")
    (out / "config.yaml").write_text(yaml.safe_dump(config))
    subprocess.run(
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(ROOT / "tests" / "generated" / "templates" / "every_kind.yaml"),
            "--config",
            str(out / "config.yaml"),
            "--custom-template-path",
            str(ROOT / "templates"),
            "--meta",
            "none",
            "--fail-on-warning",
            "--output-path",
            # No __init__.py above it: futureagi_simulate.__path__ takes in this folder as it takes
            # in generated/futureagi_simulate.
            str(out / "futureagi_simulate" / "every_kind"),
        ],
        check=True,
        capture_output=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin"},
    )
    return out


def _run(generated: Path, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=generated,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_generated_package_type_checks(generated: Path) -> None:
    """mypy --strict accepts what the templates write for every kind of property."""
    done = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", "-p", "futureagi_simulate.every_kind"],
        cwd=generated,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout


def test_a_right_answer_of_every_kind_reads_and_writes_back(generated: Path) -> None:
    """Every kind of value reads into its type and to_dict writes the answer back, unknown keys too."""
    printed = _run(
        generated,
        f"""
        from futureagi_simulate.every_kind.models import Thing
        good = {GOOD!r}
        thing = Thing.from_dict(good)
        assert thing.to_dict() == good, thing.to_dict()
        print(type(thing.either).__name__, type(thing.when).__name__, thing.additional_properties)
        """,
    )
    assert printed.split() == ["Other", "date", "{'extra':", "1}"]


def test_the_speed_extras_mirrors_read_every_kind_as_from_dict_does(generated: Path) -> None:
    """Through the msgspec mirrors (futureagi_simulate._mirrors), an answer of every kind reads into the model
    from_dict makes, of the same repr; one with a key the document does not declare is refused (from_dict
    then keeps it)."""
    printed = _run(
        generated,
        f"""
        import json
        from futureagi_simulate._mirrors import Mirrored
        from futureagi_simulate.every_kind.models import Thing
        good = {GOOD!r}
        del good["extra"]
        fast = Mirrored(Thing)
        made, parsed = fast(json.dumps(good).encode()), Thing.from_dict(good)
        assert made == parsed and repr(made) == repr(parsed), (made, parsed)
        print(type(made).__name__, fast(json.dumps({{**good, "extra": 1}}).encode()))
        """,
    )
    assert printed.split() == ["Thing", "REFUSED"]


def test_the_speed_extras_mirrors_read_a_subclass_through_its_own_init(generated: Path) -> None:
    """A subclass's from_mirror makes it with its own __init__, from the fields from_dict reads."""
    printed = _run(
        generated,
        f"""
        import json
        from futureagi_simulate._mirrors import Mirrored
        from futureagi_simulate.every_kind.models import Thing

        class Mine(Thing):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.mine = True

        good = {GOOD!r}
        del good["extra"]
        fast = Mirrored(Thing)
        fast(b"{{}}")  # builds the decoder of Thing's mirror, which a subclass's from_mirror reads
        decoder, _ = fast._road
        made = Mine.from_mirror(decoder.decode(json.dumps(good).encode()), {{}}, [])
        assert made.to_dict() == Thing.from_dict(good).to_dict(), made
        print(type(made).__name__, made.mine)
        """,
    )
    assert printed.split() == ["Mine", "True"]


def test_a_parsed_model_is_the_one_its_constructor_makes(generated: Path) -> None:
    """from_dict assigns in place of __init__, for every kind of model; a subclass gets its own __init__."""
    printed = _run(
        generated,
        f"""
        import attrs
        from futureagi_simulate.every_kind.models import Strict, Thing

        def again(value):
            if isinstance(value, list):
                return [again(item) for item in value]
            if isinstance(value, dict):
                return {{key: again(item) for key, item in value.items()}}
            if attrs.has(type(value)):
                fields = attrs.fields(type(value))
                return type(value)(**{{f.alias: again(getattr(value, f.name)) for f in fields}})
            return value

        class Mine(Thing):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.mine = True

        @attrs.define
        class Reordered(Thing):
            score: float = 0.0  # a field of Thing given a default, so it moves after the others

        assert Reordered.from_dict({GOOD!r}).to_dict() == {GOOD!r}

        for model in (Thing.from_dict({GOOD!r}), Strict.from_dict({{"n": 1}})):
            assert again(model) == model, model
        mine = Mine.from_dict({GOOD!r})
        print(type(mine).__name__, mine.mine, mine.to_dict() == {GOOD!r})
        """,
    )
    assert printed.split() == ["Mine", "True", "True"]


HOLDER = {
    "agent": {"a": 1},
    "agent_model": "gpt",
    "d": {"k": 1},
    "jv": {"value": "x"},
    "ap": {"name": "n", "zz": 1},
    "others": [{"label": "a"}, {"label": "b"}],
    "others_list": "L",
    "others_index": "I",
    "list_json_others": "J",
    "made": "M",
}


def test_a_document_s_names_do_not_collide_with_the_parse_s_own(generated: Path) -> None:
    """Models and properties named like from_dict's variables read as any others do."""
    printed = _run(
        generated,
        f"""
        from futureagi_simulate.every_kind.models import Holder, JsonValue
        holder = Holder.from_dict({HOLDER!r})
        assert holder.to_dict() == {HOLDER!r}, holder.to_dict()
        assert holder.jv == JsonValue(value="x")
        print(holder.d.additional_properties, holder.ap.additional_properties)
        print(holder.agent_model, holder.made)
        """,
    )
    assert printed.split() == ["{'k':", "1}", "{'zz':", "1}", "gpt", "M"]


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ({"color": "blue"}, "color: not one of the documented values: 'blue'"),
        ({"score": "x"}, "score: expected number, got string"),
        ({"grid": [[1], [2, "x"]]}, "grid[1][1]: expected integer, got string"),
        ({"grid": [[1, True]]}, "grid[0][1]: expected integer, got boolean"),
        ({"ids_grid": [[ID, "zz"]]}, "ids_grid[0][1]: not a UUID: 'zz'"),
        ({"when": "nope"}, "when: not a date: 'nope'"),
        ({"colors": ["red", "blue"]}, "colors[1]: not one of the documented values: 'blue'"),
        ({"by_name": {"a": "1"}}, "by_name.a: expected integer, got string"),
        ({"flag": 1}, "flag: expected boolean or null, got integer"),
        ({"nested": {}}, "nested.label: a required key is missing"),
    ],
)
def test_a_wrong_answer_of_every_kind_is_refused_at_its_path(
    generated: Path, wrong: dict[str, object], message: str
) -> None:
    """Each kind of wrong value raises ParseError naming where it is."""
    printed = _run(
        generated,
        f"""
        from futureagi_simulate.every_kind.models import Thing
        from futureagi_simulate.every_kind.types import ParseError
        try:
            Thing.from_dict({{**{GOOD!r}, **{wrong!r}}})
        except ParseError as error:
            print(error)
        """,
    )
    assert printed.strip() == message


def test_a_model_that_allows_no_other_keys_refuses_them(generated: Path) -> None:
    """additionalProperties: false makes an unknown key a ParseError."""
    printed = _run(
        generated,
        """
        from futureagi_simulate.every_kind.models import Strict
        from futureagi_simulate.every_kind.types import ParseError
        try:
            Strict.from_dict({"n": 1, "x": 2})
        except ParseError as error:
            print(error)
        """,
    )
    assert printed.strip() == "x: the document allows no other keys here"


def test_request_builders_place_path_query_header_and_body(generated: Path) -> None:
    """build_request_kwargs puts each parameter where the document declares it."""
    printed = _run(
        generated,
        f"""
        import uuid
        from futureagi_simulate.every_kind.api.things import get_thing, put_thing
        from futureagi_simulate.every_kind.models import Strict
        print(get_thing.build_request_kwargs(uuid.UUID({ID!r}), kind="a", x_trace="t"))
        print(put_thing.build_request_kwargs(uuid.UUID({ID!r}), body=Strict(n=1)))
        """,
    )
    assert printed.splitlines() == [
        str({"method": "get", "url": f"/things/{ID}/", "params": {"kind": "a"}, "headers": {"X-Trace": "t"}}),
        str(
            {
                "method": "put",
                "url": f"/things/{ID}/",
                "json": {"n": 1},
                "headers": {"Content-Type": "application/json"},
            }
        ),
    ]


@pytest.mark.parametrize(
    ("drop", "add"),
    [
        ((), {"extra": 1, "later": [2], "last": None}),  # every declared key, and unknown ones
        (("maybe_score", "flag"), {"extra": 1, "later": [2]}),  # some declared keys absent, unknown ones
        (("maybe_score",), {}),  # some declared keys absent, no unknown one
        ((), {}),  # exactly the declared keys
    ],
)
def test_unknown_keys_are_kept_in_order_whichever_declared_keys_come(
    generated: Path, drop: tuple[str, ...], add: dict[str, object]
) -> None:
    """additional_properties holds exactly the unknown keys, in the answer's order, read alone or consumed."""
    printed = _run(
        generated,
        f"""
        import copy
        from futureagi_simulate.every_kind.models import Thing
        good = {{k: v for k, v in {GOOD!r}.items() if k != "extra" and k not in {drop!r}}}
        good.update({add!r})
        kept = copy.deepcopy(good)
        alone = Thing.from_dict(good)
        assert good == kept and list(good) == list(kept)  # the caller's object is left as it came
        consumed = Thing.from_dict(copy.deepcopy(good), None, True)
        assert consumed == alone and consumed.to_dict() == good
        print(list(alone.additional_properties.items()) == list({add!r}.items()),
              list(consumed.additional_properties.items()) == list({add!r}.items()))
        """,
    )
    assert printed.split() == ["True", "True"]


def test_the_models_package_loads_a_model_on_first_use(generated: Path) -> None:
    """Importing one model loads its module only; every model is still named by the package and importable."""
    printed = _run(
        generated,
        """
        import sys
        from futureagi_simulate.every_kind import models
        from futureagi_simulate.every_kind.models import Strict
        prefix = "futureagi_simulate.every_kind.models."
        print(sorted(m.removeprefix(prefix) for m in sys.modules if m.startswith(prefix)))
        every = all(getattr(models, name) is not None for name in models.__all__)
        print(every, set(models.__all__) <= set(dir(models)), Strict is models.Strict)
        """,
    )
    first, second = printed.splitlines()
    assert first == "['strict']"
    assert second == "True True True"
