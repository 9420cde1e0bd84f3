"""The public names: each resolves, shows the package as its module, has type hints, and pickles."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import pickle
import subprocess
import sys
import typing

import attrs
import pytest

import futureagi_simulate
from futureagi_simulate.testing import Emulator
from tests.data import API_KEY, SECRET_KEY


@pytest.mark.parametrize("name", futureagi_simulate.__all__)
def test_every_public_name_resolves(name: str) -> None:
    """Each name in __all__ is importable from a fresh look-up, lazy ones included."""
    module = importlib.import_module("futureagi_simulate")
    assert getattr(module, name) is not None
    assert name in dir(module)


@pytest.mark.slow  # a fresh interpreter: what the import alone loads
def test_importing_the_package_loads_no_httpx_mcp_rich_nor_any_of_its_modules() -> None:
    """import futureagi_simulate loads its version only: no httpx, mcp, rich, attrs, client nor command."""
    code = (
        "import json, sys, futureagi_simulate\n"
        "names = ('httpx', 'httpcore', 'mcp', 'rich', 'attr', 'futureagi_simulate')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.partition('.')[0] in names)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert json.loads(out) == ["futureagi_simulate", "futureagi_simulate._version"]


def test_every_lazy_name_is_public_and_every_public_name_is_lazy_or_loaded() -> None:
    """The lazy table and __all__ name the same names, so dir(), typing tools and look-ups agree."""
    lazy = set(futureagi_simulate._LAZY)
    assert lazy <= set(futureagi_simulate.__all__)
    assert set(futureagi_simulate.__all__) - lazy == {"__version__"}


PUBLIC_CLASSES = [
    name for name in futureagi_simulate.__all__ if isinstance(getattr(futureagi_simulate, name), type)
]


@pytest.mark.parametrize("name", PUBLIC_CLASSES)
def test_every_public_class_shows_the_package_as_its_module(name: str) -> None:
    """A public class says it is futureagi_simulate.<Name>, where users import it from."""
    assert getattr(futureagi_simulate, name).__module__ == "futureagi_simulate"


@pytest.mark.parametrize("name", PUBLIC_CLASSES)
def test_every_public_class_has_type_hints_that_resolve(name: str) -> None:
    """Renaming the module keeps typing.get_type_hints (and attrs.resolve_types, for cattrs) working."""
    cls = getattr(futureagi_simulate, name)
    hints = typing.get_type_hints(cls)
    if attrs.has(cls):
        attrs.resolve_types(cls)
        assert set(hints) >= {field.name for field in attrs.fields(cls)}


def _generated_models() -> list[type]:
    """Every generated model class, by name."""
    from futureagi_simulate._api import models

    found: dict[str, type] = {}
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type) and attrs.has(value):
            found[name] = value
    return [found[name] for name in sorted(found)]


def _fresh(model: type) -> type:
    """A new copy of ``model``'s class, its annotations as written: its module loaded again, apart."""
    original = model.to_dict.__module__  # type: ignore[attr-defined]
    path = sys.modules[original].__file__
    assert path is not None
    name = f"{original}_twin"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # typing and publish read the defining module from sys.modules
    spec.loader.exec_module(module)
    twin: type = getattr(module, model.__name__)
    return twin


@pytest.mark.parametrize("model", _generated_models())
def test_a_generated_model_s_annotations_resolve_as_typing_resolves_them(model: type) -> None:
    """Each model's annotations as written, resolved by publish in its module: what typing gives for them."""
    name = f"{model.to_dict.__module__}_twin"  # type: ignore[attr-defined]
    try:
        written = _fresh(model)
        assert all(isinstance(text, str) for text in written.__annotations__.values())
        # The road publish takes for every model: its own evaluation, not typing's.
        taken = futureagi_simulate._exports._plainly_resolved(written, dict(written.__annotations__))
        expected = typing.get_type_hints(written, include_extras=True)
        published = _fresh(model)
        futureagi_simulate._exports.publish(published)
    finally:
        sys.modules.pop(name, None)
    # Literal is a form of typing's own, which typing resolves; every other model takes the fast road.
    assert taken == (None if "Literal[" in repr(expected) else expected)
    assert published.__annotations__ == expected
    assert published.__module__ == "futureagi_simulate"


@pytest.mark.parametrize(
    "text",
    [
        "NotAName | None",  # NameError: left as written, as typing leaves it
        "typing.ClassVar[int]",  # a special form typing checks: typing's answer
        "list['Scenario'] | None",  # a name as text inside: typing resolves it
        "'UUID'",  # text that is text
        "*tuple[int]",  # an unpacking typing compiles its own way
        "typing.Generic",  # a class typing refuses alone
    ],
)
def test_an_annotation_beyond_plain_classes_is_resolved_by_typing_itself(text: str) -> None:
    """A form the fast road does not take: the class's annotations are what typing makes of them."""
    module = "futureagi_simulate._api.models.run_test"

    def twin() -> type:
        return type("Twin", (), {"__annotations__": {"value": text}, "__module__": module})

    try:
        expected: dict[str, object] = typing.get_type_hints(twin(), include_extras=True)
    except (NameError, TypeError, AttributeError, SyntaxError):
        expected = {"value": text}
    published = twin()
    futureagi_simulate._exports.publish(published)
    assert published.__annotations__ == expected


@pytest.mark.slow  # a fresh interpreter, so that no test before it has named the model
def test_a_model_reached_through_a_call_shows_the_package_and_pickles() -> None:
    """A model parsed from an answer, never named by the user, is futureagi_simulate.RunTest and pickles."""
    code = f"""
import json, pickle, httpx
from futureagi_simulate import SimulateClient
from tests.data import page, run_test

body = page([run_test()], number=1, limit=10, count=1, base="http://api.test")
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
with SimulateClient(api_key="{API_KEY}", secret_key="{SECRET_KEY}", base_url="http://127.0.0.1:9",
                    http_client=httpx.Client(transport=transport)) as client:
    listed = client.run_tests.list()
run = listed.results[0]
same = pickle.loads(pickle.dumps(run)) == run
print(type(listed).__module__, type(run).__name__, type(run).__module__, same)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["futureagi_simulate", "RunTest", "futureagi_simulate", "True"]


RESOURCES = ["run_tests", "executions", "agent_versions", "agent_definitions", "call_executions", "scenarios"]


@pytest.mark.slow  # a fresh interpreter per resource: what it loads alone
@pytest.mark.parametrize("resource", [*RESOURCES, "prompt_simulations"])
def test_every_public_model_a_resource_loads_shows_the_package(resource: str) -> None:
    """The models load on first use; each one a resource's answers can hold is published once loaded."""
    code = f"""
import json, sys
import futureagi_simulate._resources.{resource}
from futureagi_simulate import _models
loaded = {{name: sys.modules[module].__dict__[name] for name, module in _models._MODULES.items()
          if module in sys.modules}}
print(json.dumps({{name: model.__module__ for name, model in loaded.items()}}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    shown = json.loads(out)
    assert shown
    assert set(shown.values()) == {"futureagi_simulate"}, shown


@pytest.mark.slow  # a fresh interpreter per read: only the models that read loads
@pytest.mark.parametrize("read", ["scenarios", "executions", "call_executions"])
def test_a_run_test_read_that_loads_its_models_late_publishes_them(oss: Emulator, read: str) -> None:
    """A run tests' read whose models load on its first use returns models shown as the package's."""
    code = f"""
import json, sys
from futureagi_simulate import SimulateClient
from futureagi_simulate import _models
with SimulateClient() as client:
    got = client.run_tests.{read}("{oss.seed.run_test_id}")
    rows = list(got.results if hasattr(got, "results") else got)
loaded = {{name: sys.modules[module].__dict__[name] for name, module in _models._MODULES.items()
          if module in sys.modules}}
print(json.dumps({{"rows": len(rows), "shown": {{n: m.__module__ for n, m in loaded.items()}},
                  "row": type(rows[0]).__module__ if rows else None}}))
"""
    env = {
        **os.environ,
        "FI_API_KEY": oss.api_key,
        "FI_SECRET_KEY": oss.secret_key,
        "FI_BASE_URL": oss.url,
    }
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    found = json.loads(out.stdout)
    assert set(found["shown"].values()) == {"futureagi_simulate"}, found
    assert found["row"] in (None, "futureagi_simulate")


def test_unset_stays_the_one_unset_through_pickle() -> None:
    """A pickled UNSET comes back as UNSET itself, so `x is UNSET` holds in another process."""
    assert pickle.loads(pickle.dumps(futureagi_simulate.UNSET)) is futureagi_simulate.UNSET


def _public_methods() -> list[tuple[str, object]]:
    import inspect

    import futureagi_simulate.resources as resources

    owners = [getattr(resources, name) for name in resources.__all__]
    owners += [futureagi_simulate.SimulateClient, futureagi_simulate.AsyncSimulateClient]
    return [
        (f"{owner.__name__}.{name}", method)
        for owner in owners
        if isinstance(owner, type)
        for name, method in inspect.getmembers(owner, inspect.isfunction)
        if not name.startswith("_")
    ]


@pytest.mark.parametrize(("name", "method"), _public_methods(), ids=[name for name, _ in _public_methods()])
def test_every_public_method_has_type_hints_that_resolve(name: str, method: object) -> None:
    """typing.get_type_hints works on each client and resource method, lazily loaded names included."""
    assert "return" in typing.get_type_hints(method), name


@pytest.mark.slow  # a fresh interpreter, so that no model is loaded before the one named
def test_a_model_loads_while_another_threads_model_module_is_still_initializing() -> None:
    """A first look-up of a model does not fail on a model module another thread is still importing."""
    # What another thread's import looks like from here, made deterministic: the module is in sys.modules,
    # marked as initializing, and does not define its model yet.
    code = """
import importlib.machinery, sys, types
name = "futureagi_simulate._api.models.failed_rerun"
spec = importlib.machinery.ModuleSpec(name, None)
spec._initializing = True
partial = types.ModuleType(name)
partial.__spec__ = spec
sys.modules[name] = partial
from futureagi_simulate import RunTest
print(RunTest.__module__, RunTest.__name__)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["futureagi_simulate", "RunTest"]


LAZY_TABLES = [
    ("futureagi_simulate._resources", "_MODULES", "futureagi_simulate._resources."),
    ("futureagi_simulate.cli._options", "_LAZY", "futureagi_simulate.cli."),
    ("futureagi_simulate.cli._reports", "_LAZY", "futureagi_simulate.cli._reports."),
]


@pytest.mark.parametrize(("module", "table", "prefix"), LAZY_TABLES, ids=[t[0] for t in LAZY_TABLES])
def test_each_lazy_table_names_what_its_modules_define_and_every_name_resolves(
    module: str, table: str, prefix: str
) -> None:
    """A module that answers names on first use names only what the module it points to defines, and each
    name resolves through it: a name renamed or moved fails here, not in a user's import."""
    lazy = importlib.import_module(module)
    for name, source in getattr(lazy, table).items():
        assert name in vars(importlib.import_module(prefix + source)), (name, source)
        assert getattr(lazy, name) is vars(importlib.import_module(prefix + source))[name]
