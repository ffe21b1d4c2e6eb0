# Two commands for a fresh machine (Debian/Ubuntu, Python 3.11): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: setup demo test lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

tools/node_modules/.installed: tools/package.json
	cd tools && npm install --no-audit --no-fund --loglevel=error
	touch $@

demo: setup
	$(BIN)/innspill ingest data/corpus
	$(BIN)/innspill serve --port $(PORT)

lint: setup
	$(BIN)/ruff check .

test: setup tools/node_modules/.installed lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) tools/node_modules .innspill test-output
