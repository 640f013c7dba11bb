# Two entry points: `make brief` builds the sample brief, `make test` runs the tests.
# Both create .venv and install what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: brief test lint bench clean

$(BIN)/briefgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

brief: $(BIN)/briefgen
	$(BIN)/briefgen build corpus -o output

test: $(BIN)/briefgen
	$(BIN)/python -m pytest

lint: $(BIN)/briefgen
	$(BIN)/ruff check briefgen tests bench

bench: $(BIN)/briefgen
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) output .pytest_cache .ruff_cache
