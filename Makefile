# Two entry points: `make brief` builds the sample brief, `make test` runs the tests.
# Both install what they need first: system packages (tools/system-deps.sh), then .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: brief test lint bench system-deps clean

system-deps:
	bash tools/system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

brief: system-deps $(STAMP)
	$(BIN)/briefgen build corpus -o output

test: system-deps $(STAMP)
	$(BIN)/python -m pytest

bench: system-deps $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check briefgen tests tools bench

clean:
	rm -rf $(VENV) output .pytest_cache .ruff_cache
