# Career Mitra. `make dev` and `make test` bootstrap .venv from the pinned requirements by themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: dev build publish serve test lint clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

build: $(STAMP)
	$(BIN)/python -m careermitra.site.build --settings pelicanconf.py

publish: $(STAMP)
	$(BIN)/python -m careermitra.site.build --settings publishconf.py

dev: build
	$(BIN)/python -m careermitra.local.serve --root output --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

clean:
	rm -rf output .pytest_cache .ruff_cache
