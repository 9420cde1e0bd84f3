# One entry point for everything the project does. `make test` is the command README and CI use: on a
# fresh machine it creates .venv, installs the pinned tools, and runs every check.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TOOLS := $(VENV)/.tools
STAMP := $(VENV)/.installed
# The generated package is the private subpackage futureagi_simulate._api, kept apart from the hand-written
# overrides/futureagi_simulate (pyproject.toml merges the two folders).
GENERATED := generated/futureagi_simulate/_api
# The generator's post-hooks call `ruff`; putting the venv first on PATH makes that the pinned ruff.
GEN_ENV := PATH="$(CURDIR)/$(BIN):$$PATH"
# The generated package carries the document it came from, so the installed emulator checks exchanges against
# exactly that document.
SHIP_DOCUMENT = cp openapi.yaml
GENERATE = $(GEN_ENV) $(BIN)/openapi-python-client generate --path openapi.yaml \
	--config generator-config.yaml --custom-template-path templates --meta none --fail-on-warning --overwrite

# Node tools (Redocly CLI, TypeScript), pinned by package-lock.json and installed by `npm ci`.
NODE_STAMP := node_modules/.installed
NODE_BIN := node_modules/.bin
# Redocly: no usage reports, no update banner; the machine has no route to either anyway.
REDOCLY := REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true $(NODE_BIN)/redocly
# The TypeScript client: property names as on the wire (the execute bodies exist in both casings, which
# camelCase naming would fold into duplicates) and named aliases as models (typescript-fetch cannot
# write a oneOf whose option is a bare map).
TS_GENERATE = $(BIN)/openapi-generator-cli generate -g typescript-fetch -i openapi.yaml \
	--generate-alias-as-model \
	--additional-properties=supportsES6=true,modelPropertyNaming=original,npmName=futureagi-simulate

# The emulator's dialect for `make demo`: oss (the open-source server) or docs (the public documentation).
DIALECT ?= oss

.PHONY: prerequisites demo dist bench venv node-tools generate check-generated spec-check ts-client docs docs-check python-docs python-docs-check lint typecheck unit check test clean constraints

venv: $(STAMP)

# The demo's own environment: the package as a user installs it (a real build, not the editable dev
# install) with the extras the demo uses, pinned by the same constraints, and none of the dev toolchain.
DEMO_VENV := .venv-demo
DEMO_STAMP := $(DEMO_VENV)/.installed
PACKAGE_SOURCES := $(shell find overrides generated -name '*.py' -o -name '*.yaml' -o -name py.typed)

$(DEMO_STAMP): pyproject.toml requirements/constraints.txt $(PACKAGE_SOURCES)
	@sh scripts/check-prerequisites.sh python
	# One make at a time creates and fills the environment: a second `make demo` that found the python a
	# first one had just created, before its pip, failed with "No module named pip". And an environment
	# whose creation was cut off (python, no pip) is made again rather than kept.
	flock $(DEMO_VENV).lock sh -c '\
		{ test -x $(DEMO_VENV)/bin/pip || $(PYTHON) -m venv --clear $(DEMO_VENV); } && \
		$(DEMO_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
			-c requirements/constraints.txt ".[testing,cli]"'
	touch $(DEMO_STAMP)

# The project's first command: the quick start against the emulator, which stops when the example ends.
demo: $(DEMO_STAMP)
	@FI_DEMO_POLL_INTERVAL=0.2 $(DEMO_VENV)/bin/python -m futureagi_simulate.testing --dialect $(DIALECT) -- \
		sh -c '$(DEMO_VENV)/bin/python examples/quickstart.py && \
			printf "\n== In CI: futureagi-simulate run %s\n" "$$FI_DEMO_RUN_TEST_ID" && \
			$(DEMO_VENV)/bin/futureagi-simulate run "$$FI_DEMO_RUN_TEST_ID" --poll-interval 0.2s'

# The wheel and the source archive another project installs (README, "Use it from another project"),
# built by the hatchling pyproject.toml's build-system requires, in an environment of its own that holds
# only that hatchling and its dependencies, pinned by the constraints: building the package needs none
# of the development toolchain.
BUILD_VENV := .venv-build
BUILD_STAMP := $(BUILD_VENV)/.installed
$(BUILD_STAMP): pyproject.toml requirements/constraints.txt
	@sh scripts/check-prerequisites.sh python
	# An environment whose creation was cut off (python, no pip) is made again, as for .venv-demo.
	test -x $(BUILD_VENV)/bin/pip || $(PYTHON) -m venv --clear $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt \
		$$($(BUILD_VENV)/bin/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"])')
	touch $(BUILD_STAMP)

dist: $(BUILD_STAMP)
	rm -rf dist
	$(BUILD_VENV)/bin/hatchling build -d dist

# What the client costs on top of raw httpx, each figure beside its baseline (BENCHMARKS.md): the calls, the
# imports, the command's cold starts, and the execution reads beside orjson and msgspec. Several minutes.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# The tools alone (generator, linters): enough to regenerate, even before the package can be installed.
$(TOOLS): requirements/dev.txt requirements/constraints.txt
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r requirements/dev.txt -c requirements/constraints.txt
	touch $(TOOLS)

$(STAMP): $(TOOLS) pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-build-isolation \
		-c requirements/constraints.txt -e .
	touch $(STAMP)

# Rebuilds the generated package from scratch: nothing in it is edited by hand.
generate: $(TOOLS)
	rm -rf $(GENERATED)
	$(GENERATE) --output-path $(GENERATED)
	$(SHIP_DOCUMENT) $(GENERATED)

# Regenerates into a temporary folder and fails on any difference from the tree.
check-generated: $(TOOLS)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GENERATE) --output-path "$$tmp/_api" >/dev/null && \
	$(SHIP_DOCUMENT) "$$tmp/_api" && \
	if diff -r -x __pycache__ "$$tmp/_api" $(GENERATED); then \
		echo "check-generated: $(GENERATED) matches openapi.yaml"; \
	else \
		echo "check-generated: $(GENERATED) has drifted from openapi.yaml; run 'make generate' and commit" >&2; \
		exit 1; \
	fi

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

node-tools: $(NODE_STAMP)

# The document as other tools read it: the OpenAPI schema, then Redocly's lint with redocly.yaml.
spec-check: $(TOOLS) $(NODE_STAMP)
	$(BIN)/openapi-spec-validator openapi.yaml
	$(REDOCLY) lint openapi.yaml --max-problems 100

# A TypeScript client generated from the document must type-check: another language's generator is
# the check that the document is usable beyond Python. Generated into a temporary folder, never kept.
ts-client: $(TOOLS) $(NODE_STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(TS_GENERATE) -o "$$tmp/ts" >"$$tmp/generate.log" 2>&1 || { cat "$$tmp/generate.log"; exit 1; }; \
	$(CURDIR)/$(NODE_BIN)/tsc --noEmit -p "$$tmp/ts/tsconfig.json" && \
	echo "ts-client: the TypeScript client generated from openapi.yaml type-checks"

# The rendered API reference, committed under docs/ so README can link it. The renderer (Redoc's
# standalone bundle, shipped inside the pinned Redocly CLI) is inlined, so the page works offline.
BUILD_DOCS = $(REDOCLY) build-docs openapi.yaml --inline-bundle
docs: $(NODE_STAMP)
	$(BUILD_DOCS) --output docs/index.html

# Renders the reference into a temporary folder; that page and the committed one must name every
# operation and load nothing from the network.
docs-check: $(NODE_STAMP) $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BUILD_DOCS) --output "$$tmp/index.html" >/dev/null && \
	$(BIN)/python -m tests.project.docs_check "$$tmp/index.html" docs/index.html

# The Python API reference (clients, resources, Selection, the error tree, the emulator, the pytest
# plugin), written by pdoc from the docstrings and committed under docs/python/ so README can link it.
# No search index: it would triple the size, and the pages are few.
PDOC = $(BIN)/pdoc --docformat restructuredtext --no-show-source --no-search
PYTHON_API = futureagi_simulate futureagi_simulate.resources futureagi_simulate.testing \
	futureagi_simulate.testing.pytest_plugin
python-docs: $(STAMP)
	rm -rf docs/python
	$(PDOC) -o docs/python $(PYTHON_API)

# Regenerates it into a temporary folder: it must cover the public package (tests/project/python_docs_check.py)
# and match docs/python/ exactly.
python-docs-check: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PDOC) -o "$$tmp" $(PYTHON_API) && \
	$(BIN)/python -m tests.project.python_docs_check "$$tmp" && \
	if diff -r "$$tmp" docs/python >/dev/null; then \
		echo "python-docs-check: docs/python matches the docstrings"; \
	else \
		echo "python-docs-check: docs/python has drifted from the docstrings; run 'make python-docs' and commit" >&2; \
		exit 1; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check overrides tests examples benchmarks
	$(BIN)/ruff format --check overrides tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict overrides tests examples benchmarks

# Two workers, one per core: most tests wait on sockets and subprocesses. Tests that run `make` build the
# same .venv-demo and dist/: they take turns on a lock file (tests/conftest.py says why the xdist_group
# mark alone no longer does it). Branch coverage of the
# package ([tool.coverage] in pyproject.toml) is measured in both workers and in the Python processes the
# tests start, and the run fails under its floor.
unit: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup --cov --cov-report=term tests

# The loop while working, Python only and under a minute: ruff, mypy, then the tests not marked slow
# (pyproject.toml says which those are). No coverage floor: a part of the suite cannot meet it.
check: lint typecheck
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "not slow" tests

# Before anything is installed: Python 3.11+, Node.js 20+ and Java 17+, all named on one line if missing.
prerequisites:
	@sh scripts/check-prerequisites.sh python node java

test: prerequisites check-generated spec-check ts-client docs-check python-docs-check lint typecheck unit

clean:
	rm -rf $(VENV) $(DEMO_VENV) $(BUILD_VENV) dist node_modules .mypy_cache .pytest_cache .ruff_cache .coverage .coverage.*

# Re-pins every package of the development environment after a change to requirements/dev.txt.
constraints:
	rm -rf .venv-pin && $(PYTHON) -m venv .venv-pin
	.venv-pin/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt \
		"httpx>=0.27,<1" "attrs>=23.1" "python-dateutil>=2.8"
	{ echo "# Every package of the development environment, pinned: regenerate with 'make constraints'."; \
	  .venv-pin/bin/python -m pip freeze --exclude-editable; } > requirements/constraints.txt
	rm -rf .venv-pin
