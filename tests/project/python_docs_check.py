"""`python -m tests.project.python_docs_check DIR`: the Python API reference pdoc wrote into DIR covers
the public package and works offline.

Each documented module's page must have a section for every name in its ``__all__``; the clients must
show their resources; each resource class must show each of its public methods; every exception of the
error tree and every resource class must be public (so it can be documented at all); and no page may
load anything from the network.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

from tests.project.docs_check import network_references

#: The modules `make python-docs` documents, each with its page under DIR.
MODULES = (
    "futureagi_simulate",
    "futureagi_simulate.resources",
    "futureagi_simulate.testing",
    "futureagi_simulate.testing.pytest_plugin",
)


def _page(folder: Path, module: str) -> str:
    return (folder / (module.replace(".", "/") + ".html")).read_text(encoding="utf-8")


def problems(folder: Path) -> list[str]:
    found: list[str] = []
    pages = {module: _page(folder, module) for module in MODULES}
    for module, page in pages.items():
        for name in importlib.import_module(module).__all__:
            if f'<section id="{name}"' not in page:
                found.append(f"{module}: no section for {name}")
        found.extend(f"{module}: needs the network: {item}" for item in network_references(page))

    package = importlib.import_module("futureagi_simulate")
    for client in ("SimulateClient", "AsyncSimulateClient"):
        for resource in ("run_tests", "prompt_simulations"):
            if f'id="{client}.{resource}"' not in pages["futureagi_simulate"]:
                found.append(f"futureagi_simulate: {client} does not show {resource}")

    # Every exception of the tree is public, so the reference shows the whole tree.
    pending = [package.FutureAGIError]
    while pending:
        error = pending.pop()
        pending.extend(error.__subclasses__())
        if error.__module__.startswith("futureagi_simulate") and error.__name__ not in package.__all__:
            found.append(f"futureagi_simulate: exception {error.__name__} is not in __all__")

    # Every resource class is re-exported by futureagi_simulate.resources, and shows every public method.
    private = importlib.import_module("futureagi_simulate._resources")
    resources = importlib.import_module("futureagi_simulate.resources")
    # One module per resource (futureagi_simulate._resources.run_tests, ...): every public class of each.
    classes = [
        (name, value)
        for module in pkgutil.iter_modules(private.__path__, f"{private.__name__}.")
        if not module.name.rsplit(".", 1)[-1].startswith("_")
        for name, value in vars(importlib.import_module(module.name)).items()
        if inspect.isclass(value) and value.__module__ == module.name and not name.startswith("_")
    ]
    for name, value in classes:
        if name not in resources.__all__:
            found.append(f"futureagi_simulate.resources: add {name} (a resource class) to it and its __all__")
            continue
        for method, _ in inspect.getmembers(value, inspect.isfunction):
            if not method.startswith("_") and f'id="{name}.{method}"' not in pages[resources.__name__]:
                found.append(f"futureagi_simulate.resources: no section for {name}.{method}")
    return found


def main(argv: list[str]) -> int:
    folder = Path(argv[1])
    found = problems(folder)
    for problem in found:
        print(f"python-docs-check: {problem}", file=sys.stderr)
    if not found:
        print(f"python-docs-check: {folder} documents every public name, resource method and exception")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
