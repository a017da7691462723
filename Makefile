# raqmana — the two commands in the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the demo needs the package alone, not the test tools (browsers, linters, PostgreSQL driver)
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: demo test test-fast test-browser install system-deps lint typecheck pytest clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,pg]'
	touch $(STAMP)

install: $(STAMP)

# a checkout set up for the tests already has everything the demo needs
$(DEMO_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	if [ ! $(STAMP) -nt pyproject.toml ]; then \
		$(BIN)/python -m pip install --quiet --upgrade pip && $(BIN)/python -m pip install --quiet -e . ; \
	fi
	touch $(DEMO_STAMP)

## The main job: build an illustrative Iraqi workspace, run the whole chain, write ./raqmana-demo, serve the web app.
demo: $(DEMO_STAMP)
	$(BIN)/raqmana demo $(DEMO_ARGS)

## Everything the tests need (Debian packages when root, Python packages), then lint, types and the whole suite.
test: system-deps $(STAMP) lint typecheck pytest

## The quick lane while working: lint, types and every test but browser, PDF/DOCX rendering, PostgreSQL and slow ones.
test-fast: $(STAMP) lint typecheck
	bash scripts/run-tests.sh --fast

## The browser tests alone (Chromium), the crawl of every page at desktop and phone width for every reader
## (make test reads each page, person and language at one of the two: RAQMANA_CRAWL_WIDTHS=alternate).
test-browser: system-deps $(STAMP)
	bash scripts/run-tests.sh --browser

system-deps:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools scripts
	$(BIN)/ruff format --check src tests benchmarks tools scripts
	$(BIN)/bandit -q -c pyproject.toml -r src

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	bash scripts/run-tests.sh

clean:
	rm -rf $(VENV) raqmana-demo raqmana-data .pytest_cache .mypy_cache .ruff_cache
