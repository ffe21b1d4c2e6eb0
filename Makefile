# Two commands for a fresh machine (Debian/Ubuntu, Python 3.11): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: setup system demo test lint bench clean

setup: $(VENV)/.installed system

# Debian packages the tests need (headless Chromium for the explorer); installed once, with sudo when not root.
system:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

tools/node_modules/.installed: tools/package.json
	cd tools && npm install --no-audit --no-fund --loglevel=error
	touch $@

demo: $(VENV)/.installed
	$(BIN)/innspill ingest data/corpus
	$(BIN)/innspill serve --port $(PORT)

lint: setup
	$(BIN)/ruff check .

test: setup tools/node_modules/.installed lint
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) tools/node_modules .innspill test-output
