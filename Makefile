# Two commands for a fresh machine (Debian/Ubuntu, Python 3.11): `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: setup system demo test lint bench clean

setup: $(VENV)/.installed-test system

# Debian packages the tests need (headless Chromium for the explorer); installed once, with sudo when not root.
system:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The runtime dependencies only: what `make demo` (and a user of the package) needs.
$(VENV)/.installed-runtime: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

# The test tools on top (pytest, playwright, schemathesis, nbclient, ruff …): `make test`, `make bench`.
$(VENV)/.installed-test: $(VENV)/.installed-runtime
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

tools/node_modules/.installed: tools/package.json
	cd tools && npm install --no-audit --no-fund --loglevel=error
	touch $@

demo: $(VENV)/.installed-runtime
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
