# Career Mitra. `make dev` and `make test` bootstrap .venv from the pinned requirements by themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: dev build publish serve test lint lint-template clean bench bench-quick load translations

$(STAMP): requirements.txt requirements-lambda.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

build: $(STAMP)
	$(BIN)/python -m careermitra.site.build --settings pelicanconf.py

# With CAREERMITRA_STACK (and AWS credentials): export approved reviews, build, upload changes, invalidate.
publish: $(STAMP)
	$(BIN)/careermitra publish --settings publishconf.py

# The whole product locally: moto, the API, the rebuild worker, the site. KEEP_STATE=1 resumes the last state.
dev: $(STAMP)
	$(BIN)/python -m careermitra.local.dev --host $(HOST) --port $(PORT) $(if $(KEEP_STATE),--keep-state,)

# Only the static site, without the backend.
serve: build
	$(BIN)/python -m careermitra.local.serve --root output --host $(HOST) --port $(PORT)

# Issue 16: extract the interface text of code and templates, update the Hindi catalogue with it (new strings
# come in untranslated, gone ones are dropped) and compile it. tests/test_translations.py fails until every
# string has a current translation and the compiled catalogue matches.
translations: $(STAMP)
	$(BIN)/python -m careermitra.i18n.catalogue

lint: $(STAMP)
	$(BIN)/ruff check .

# Issue 7's benchmark: results in bench/results.json. bench-quick (1,000 institutions) takes under a minute.
bench: $(STAMP)
	$(BIN)/python -m bench.run --institutions 10000 --reviews 100000

bench-quick: $(STAMP)
	$(BIN)/python -m bench.run --quick

# Issue 12: CLIENTS concurrent clients for DURATION seconds on the local stack, then exact checks of the tables
# and the rate limits; bench/load-results.json; fails on a 5xx, a reset or a failed check.
CLIENTS ?= 50
DURATION ?= 60
load: $(STAMP)
	$(BIN)/python -m bench.load --clients $(CLIENTS) --duration $(DURATION)

# cfn-lint (with the SAM translator) and checkov pin older libraries than the project: their own virtualenv.
TOOLS := .venv-tools
$(TOOLS)/.installed: requirements-tools.txt
	test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-tools.txt
	touch $@

lint-template: $(TOOLS)/.installed
	$(TOOLS)/bin/cfn-lint template.yaml waf.yaml
	BC_SKIP_MAPPING=TRUE $(TOOLS)/bin/checkov --file template.yaml --file waf.yaml --framework cloudformation \
		--quiet --compact --skip-download

# `sam build` runs this for the API's layer: the package without the site (careermitra/site: the builder and its
# Pelican adapter), its pinned dependencies for arm64 Linux, and the institution files (the API reads their names;
# the trust routes also an institution's name and mail domains from its front matter).
build-SharedLayer:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --platform manylinux2014_aarch64 \
		--implementation cp --python-version 3.12 --only-binary=:all: --target "$(ARTIFACTS_DIR)/python" \
		-r requirements-lambda.txt
	cp -R careermitra "$(ARTIFACTS_DIR)/python/"
	rm -rf "$(ARTIFACTS_DIR)/python/careermitra/site" "$(ARTIFACTS_DIR)/python/careermitra/local"
	find "$(ARTIFACTS_DIR)/python/careermitra" -name __pycache__ -prune -exec rm -rf {} +
	mkdir -p "$(ARTIFACTS_DIR)/content" "$(ARTIFACTS_DIR)/python/content"
	cp -R content/institutions "$(ARTIFACTS_DIR)/content/"
	cp -R content/data "$(ARTIFACTS_DIR)/python/content/"  # the places file, beside the package that reads it

# `sam build` runs this for the rebuild function: its handler, the whole package with the site builder, the theme,
# the Pelican settings, content/data (the places and Hindi names the package reads beside itself) and its pinned
# dependencies. Not the editors' institutions and pages: near 80,000 institutions their Markdown alone passes
# Lambda's 250 MB unzipped package, so the function reads them from BuildStateBucket's content/ prefix, which
# `make publish` writes (careermitra/publish/content_store.py). The function's code is its own package, not the
# layer. REBUILD_PLATFORM and REBUILD_PYTHON_VERSION default to the Lambda runtime; the
# packaging test sets them to the machine it runs on so it can import what it built.
REBUILD_PLATFORM ?= manylinux2014_aarch64
REBUILD_PYTHON_VERSION ?= 3.12
build-RebuildFunction:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --platform $(REBUILD_PLATFORM) \
		--implementation cp --python-version $(REBUILD_PYTHON_VERSION) --only-binary=:all: --target "$(ARTIFACTS_DIR)" \
		-r requirements-rebuild.txt
	cp functions/rebuild/app.py pelicanconf.py publishconf.py "$(ARTIFACTS_DIR)/"
	cp -R careermitra theme "$(ARTIFACTS_DIR)/"
	rm -rf "$(ARTIFACTS_DIR)/careermitra/local"
	find "$(ARTIFACTS_DIR)/careermitra" -name __pycache__ -prune -exec rm -rf {} +
	mkdir -p "$(ARTIFACTS_DIR)/content"
	cp -R content/data "$(ARTIFACTS_DIR)/content/"

# `sam build` runs these for the full build's functions (template.yaml, FullBuildStateMachine): one package for
# the three, as the rebuild's (the package, theme/, settings, content/data, dependencies with Pagefind; the
# institutions and pages come from BuildStateBucket), each with its own handler as app.py.
build-FullBuildPlanFunction: FULL_BUILD_STEP = plan
build-FullBuildShardFunction: FULL_BUILD_STEP = shard
build-FullBuildFinishFunction: FULL_BUILD_STEP = finish
build-FullBuildPlanFunction build-FullBuildShardFunction build-FullBuildFinishFunction:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --platform $(REBUILD_PLATFORM) \
		--implementation cp --python-version $(REBUILD_PYTHON_VERSION) --only-binary=:all: --target "$(ARTIFACTS_DIR)" \
		-r requirements-full-build.txt
	cp functions/full_build_$(FULL_BUILD_STEP)/app.py pelicanconf.py publishconf.py "$(ARTIFACTS_DIR)/"
	cp -R careermitra theme "$(ARTIFACTS_DIR)/"
	rm -rf "$(ARTIFACTS_DIR)/careermitra/local"
	find "$(ARTIFACTS_DIR)/careermitra" -name __pycache__ -prune -exec rm -rf {} +
	mkdir -p "$(ARTIFACTS_DIR)/content"
	cp -R content/data "$(ARTIFACTS_DIR)/content/"

test: $(STAMP) lint-template
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not timing"
	$(BIN)/python -m pytest -m timing

clean:
	rm -rf output _state .dev .pytest_cache .ruff_cache
