# Two commands on a fresh machine with Python 3.11:
#   make demo   creates .venv, installs kg, builds seeds/ into .kg/ and writes exports/ (with exports/articles/)
#   make test   installs the test dependencies and tools, then runs the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test clean

demo: $(VENV)/.kg-installed
	$(BIN)/kg build seeds --out exports
	$(BIN)/kg export articles -o exports/articles
	$(BIN)/kg validate

test: $(VENV)/.kg-test-installed
	bash scripts/install-test-tools.sh
	$(BIN)/python -m pytest -q -p no:warnings

$(VENV)/.kg-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.kg-test-installed: pyproject.toml $(VENV)/.kg-installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

clean:
	rm -rf .kg exports $(VENV)
