# digicat task runner. `make help` lists the targets.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: help test test-rust test-c lint doc

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

test: test-rust test-c test-python ## Run every test (Rust, C, Python); installs what it needs
	@echo "all test suites passed"

test-rust: lint ## Rust: fmt, clippy, docs, unit/integration/doc tests and the shared vectors
	$(CARGO) test --workspace --all-targets
	$(CARGO) test -p digicat --all-features
	$(CARGO) test --workspace --doc --exclude digicat-ffi

test-c: ## C: header check, C99/C++ tests on static and shared lib, valgrind, sanitizers, install, README example
	$(MAKE) -C bindings/c test

lint: ## rustfmt --check, clippy -D warnings, rustdoc -D warnings
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps

doc: ## Build the API documentation
	$(CARGO) doc --workspace --no-deps --open

.PHONY: demo test-cli

demo: ## The README's main job: classify the example enterprise list (CSV + summary)
	$(CARGO) run --release -p digicat-cli -- classify data/examples/enterprises.csv

test-cli: ## CLI only: digicat-cli integration tests (also run by test-rust); DIGICAT_BLESS=1 rewrites golden files
	$(CARGO) test -p digicat-cli --all-targets

.PHONY: test-python python-env

# The Python virtualenv (created if absent) and its interpreter.
VENV ?= .venv
PYTHON ?= python3
VENV_BIN := $(CURDIR)/$(VENV)/bin

python-env: ## Python: .venv (created if absent) with the dev requirements and the digicat package built from this tree
	test -x $(VENV_BIN)/python || $(PYTHON) -m venv $(VENV)
	$(VENV_BIN)/python -m pip install --quiet -r bindings/python/requirements-dev.txt
	PATH="$(VENV_BIN):$$PATH" $(VENV_BIN)/python -m pip install --quiet --no-build-isolation --force-reinstall --no-deps ./bindings/python

test-python: python-env ## Python: build the digicat wheel into .venv (created if absent), run pytest and check the stubs
	cd bindings/python && PATH="$(VENV_BIN):$$PATH" $(VENV_BIN)/python -m pytest tests
	cd bindings/python && $(VENV_BIN)/python -m mypy.stubtest digicat
	cd bindings/python && $(VENV_BIN)/python -m mypy --strict python/digicat tests/typing/usage.py

.PHONY: bench

bench: ## Benchmarks against the baselines (several minutes; not in CI); writes BENCHMARKS.md
	command -v /usr/bin/time >/dev/null || (apt-get update -qq && apt-get install -y -qq time)
	mkdir -p target/bench
	$(CARGO) build --release -p digicat-cli -p digicat-benches --bins
	$(CARGO) bench -p digicat-benches --bench engine
	target/release/startup 200 > target/bench/startup.json
	python3 benches/python/bench_cli.py target/bench/cli.json
	$(MAKE) python-env
	.venv/bin/python benches/python/bench.py target/bench/python.json
	python3 benches/report.py > BENCHMARKS.md.tmp && mv BENCHMARKS.md.tmp BENCHMARKS.md
	@echo "wrote BENCHMARKS.md"
