# Two commands on a fresh machine: `make demo` and `make test` (each installs what it needs).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REPORTS := reports

.PHONY: setup demo test lint bench field clean

setup: $(VENV)/.installed $(VENV)/.browser node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(VENV)/.browser: $(VENV)/.installed
	$(BIN)/pathwalk install-browser
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Walk the demo shop's journeys, build the Allure report, print where it is and the friction.
# The demo breaks its standards on purpose: pytest's exit 1 (journeys failed) is expected here;
# anything above 1 means the walk itself broke, and make demo fails with that code.
demo: setup
	@rc=0; $(BIN)/pytest journeys --clean-alluredir -p no:cacheprovider || rc=$$?; \
	if [ $$rc -gt 1 ]; then echo "make demo: the walk broke (pytest exit $$rc)"; exit $$rc; fi; \
	$(BIN)/pathwalk report && $(BIN)/pathwalk summary

test: setup lint
	$(BIN)/pytest -p no:cacheprovider

lint: setup
	$(BIN)/ruff check src tests steps friction_checks conftest.py bench field/*.py
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/run_all.py

# The field trials: set up each real app in field/ (cached), walk its journeys, compare with the
# hand counts. It reports, it does not gate: non-zero only when an app could not be set up or walked.
field: setup
	$(BIN)/python -m field.run $(APPS)

clean:
	rm -rf $(REPORTS) .pytest_cache
