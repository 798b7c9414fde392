# Partner Desk — every target sets up .venv on its own, so on a fresh machine
# `make run` and `make test` are the whole set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?=
DBARG  := $(if $(DB),--db $(DB),)

.PHONY: run demo test bench lint fmt translations package screenshots clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/partner-desk $(DBARG)

demo: $(STAMP)
	$(BIN)/partner-desk demo $(DBARG)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy models desktop

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.run_all

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Refresh resources/translations/*.ts from the sources and compile the .qm files.
translations: $(STAMP)
	$(BIN)/python -m desktop.i18n_tools

# The one-folder app in dist/partner-desk/ (PyInstaller, packaging/partner_desk.spec),
# smoke-tested with --self-test. Installers: see README "Building the installer".
PACKAGE_STAMP := $(VENV)/.installed-package

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	@touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(BIN)/python packaging/build.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache
