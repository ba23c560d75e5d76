# eventwire: `make demo` runs the pipeline on the bundled samples; `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test check lint typecheck bench install clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire demo

lint: $(STAMP)
	$(BIN)/ruff check eventwire tests bench
	$(BIN)/ruff format --check eventwire tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck

test: check
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/clean.py
	$(BIN)/python bench/code.py
	$(BIN)/python bench/ingest.py

clean-venv:
	rm -rf $(VENV)
