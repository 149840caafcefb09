# Factcheck: `make run` serves the workbench, `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs a second time against this PostgreSQL when it answers.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/factcheck
CHROMIUM ?= /usr/bin/chromium

.PHONY: help run test lint format check-python install install-test browser node gettext messages clean
.PHONY: bench loadtest install-bench sqlite3-cli fuzz

help:
	@echo "make run    install, migrate, load the DeepSeek demo case and serve on http://$(HOST):$(PORT)"
	@echo "make test   install what the tests need (Chromium included) and run the whole suite"
	@echo "make lint   ruff check and format check"
	@echo "make fuzz   schemathesis against the API at length (FUZZ_EXAMPLES per operation)"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "Factcheck needs Python 3.12 or newer (Django 6); '$(PYTHON)' is $$($(PYTHON) --version 2>&1)."; \
	  echo "Install Python 3.13 (for example: pyenv install 3.13.0) or pass one: make PYTHON=python3.13 ..."; \
	  exit 1; }

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: export DJANGO_DEBUG ?= 1
run: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# $(call debian_package,CHECK,PACKAGE,INSTALLING,NEEDED,AGAIN): when the shell test CHECK
# fails, install Debian's PACKAGE as root (fresh machines and CI run as root); otherwise
# say what needs it and how to install it, then stop.
define debian_package
	@if ! $(strip $(1)); then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "$(strip $(3))"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(strip $(4))"; \
	    echo "Install it with: sudo apt-get install $(2)   (then run $(5) again)"; \
	    exit 1; \
	  fi; \
	fi
endef

browser:
	$(call debian_package,[ -x "$(CHROMIUM)" ],chromium,\
	  Installing Debian's Chromium for the browser tests...,\
	  The browser tests need Debian's Chromium at $(CHROMIUM).,make test)

# Compiled catalogues are built here, not committed: the .po files are the source.
gettext:
	$(call debian_package,command -v msgfmt >/dev/null,gettext,\
	  Installing GNU gettext to compile the translations...,\
	  Compiling the translations needs GNU gettext (msgfmt).,make)

messages: gettext install
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# axe-core, for the accessibility tests; reinstalled only when package.json or its lock changes.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  echo "The accessibility tests need npm (Node.js 18 or newer) to install axe-core."; \
	  echo "Install it with: sudo apt-get install npm   (or from https://nodejs.org), then run make test again."; \
	  exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

node: node_modules/.installed

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install-test browser node messages lint
	$(BIN)/pytest
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect('$(TEST_POSTGRES_URL)'.rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "--- again on PostgreSQL ($(TEST_POSTGRES_URL))"; \
	  DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/pytest; \
	else \
	  echo "--- PostgreSQL is not reachable at $(TEST_POSTGRES_URL): the suite ran on SQLite only."; \
	fi

# `make fuzz`: schemathesis against the API at length (make test runs it on a small budget).
FUZZ_EXAMPLES ?= 300
fuzz: install-test
	SCHEMATHESIS_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/test_api_schemathesis.py -p no:randomly

clean:
	rm -rf $(VENV) staticfiles node_modules

# --- benchmarks ---------------------------------------------------------------------
# `make bench`: pages, search and CSV export timed on BENCH_CLAIMS generated claims, on
# SQLite and (when it answers) PostgreSQL; `make loadtest`: locust against gunicorn, on both.
# Results are printed and written to bench-results-*.json. See bench/run.py.
BENCH_CLAIMS ?= 100000
BENCH_RUNS ?= 20
BENCH_SEED ?= 1
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/factcheck_bench
LOADTEST_USERS ?= 50
LOADTEST_SECONDS ?= 120
LOADTEST_WORKERS ?= 2
LOADTEST_THREADS ?= 4
# `make loadtest` runs on SQLite, then on PostgreSQL when it answers here (created, then dropped).
LOADTEST_DATABASE ?= both
LOADTEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/factcheck_loadtest

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	@touch $@ $(VENV)/.installed

install-bench: $(VENV)/.installed-bench

# The floor the CSV export is compared with: the sqlite3 CLI dumping the same columns.
sqlite3-cli:
	$(call debian_package,command -v sqlite3 >/dev/null,sqlite3,\
	  Installing Debian's sqlite3 (make bench compares the CSV export with it)...,\
	  make bench compares the CSV export with the sqlite3 CLI.,make bench)

bench: install-bench sqlite3-cli
	$(BIN)/python -m bench.run --claims $(BENCH_CLAIMS) --runs $(BENCH_RUNS) \
	  --seed $(BENCH_SEED) --postgres-url $(BENCH_POSTGRES_URL)

loadtest: install-bench
	$(BIN)/python -m bench.loadtest --claims $(BENCH_CLAIMS) --users $(LOADTEST_USERS) \
	  --seconds $(LOADTEST_SECONDS) --workers $(LOADTEST_WORKERS) --threads $(LOADTEST_THREADS) \
	  --seed $(BENCH_SEED) --database $(LOADTEST_DATABASE) --postgres-url $(LOADTEST_POSTGRES_URL)
