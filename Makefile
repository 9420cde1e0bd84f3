# One entry point for everything the project does. `make test` is the command README and CI use: on a
# fresh machine it creates .venv, installs the pinned tools, and runs every check.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TOOLS := $(VENV)/.tools
STAMP := $(VENV)/.installed
GENERATED := generated/futureagi_simulate_api
# The generator's post-hooks call `ruff`; putting the venv first on PATH makes that the pinned ruff.
GEN_ENV := PATH="$(CURDIR)/$(BIN):$$PATH"
# The generated package carries the document it came from, so the installed emulator checks exchanges against
# exactly that document.
SHIP_DOCUMENT = cp openapi.yaml
GENERATE = $(GEN_ENV) $(BIN)/openapi-python-client generate --path openapi.yaml \
	--config generator-config.yaml --meta none --fail-on-warning --overwrite

# The emulator's dialect for `make demo`: oss (the open-source server) or docs (the public documentation).
DIALECT ?= oss

.PHONY: demo bench venv generate check-generated spec-check lint typecheck unit test clean constraints

venv: $(STAMP)

# The project's first command: the quick start against the emulator, which stops when the example ends.
demo: $(STAMP)
	@$(BIN)/python -m futureagi_simulate.testing --dialect $(DIALECT) -- $(BIN)/python examples/quickstart.py

# What the client costs on top of raw httpx, each figure beside its baseline (BENCHMARKS.md). A minute or two.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# The tools alone (generator, linters): enough to regenerate, even before the package can be installed.
$(TOOLS): requirements/dev.txt requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
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
	$(GENERATE) --output-path "$$tmp/futureagi_simulate_api" >/dev/null && \
	$(SHIP_DOCUMENT) "$$tmp/futureagi_simulate_api" && \
	if diff -r "$$tmp/futureagi_simulate_api" $(GENERATED); then \
		echo "check-generated: $(GENERATED) matches openapi.yaml"; \
	else \
		echo "check-generated: $(GENERATED) has drifted from openapi.yaml; run 'make generate' and commit" >&2; \
		exit 1; \
	fi

spec-check: $(TOOLS)
	$(BIN)/openapi-spec-validator openapi.yaml

lint: $(STAMP)
	$(BIN)/ruff check overrides tests examples benchmarks
	$(BIN)/ruff format --check overrides tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict overrides tests examples benchmarks

unit: $(STAMP)
	$(BIN)/python -m pytest -q tests

test: check-generated spec-check lint typecheck unit

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

# Re-pins every package of the development environment after a change to requirements/dev.txt.
constraints:
	rm -rf .venv-pin && $(PYTHON) -m venv .venv-pin
	.venv-pin/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt \
		"httpx>=0.27,<1" "attrs>=23.1" "python-dateutil>=2.8"
	{ echo "# Every package of the development environment, pinned: regenerate with 'make constraints'."; \
	  .venv-pin/bin/python -m pip freeze --exclude-editable; } > requirements/constraints.txt
	rm -rf .venv-pin
