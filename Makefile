# digicat task runner. `make help` lists the targets.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: help test test-rust test-c lint doc

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

test: test-rust test-c test-python fuzz-smoke ## Run every test (Rust, C, Python, a fuzz smoke run); installs what it needs
	@echo "all test suites passed"

test-rust: lint chromium ## Rust: fmt, clippy, docs, unit/integration/doc tests and the shared vectors
	if command -v chromium >/dev/null; then export DIGICAT_REQUIRE_CHROMIUM=1; fi; $(CARGO) test --workspace --all-targets
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
	@# The notebook's chart labels industries in Chinese: a CJK font (Noto Sans CJK) when none is installed.
	@fc-list :lang=zh family 2>/dev/null | grep -q . || { \
	  echo "installing fonts-noto-cjk (a CJK font for the notebook's chart)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-noto-cjk >/dev/null \
	  || echo "fonts-noto-cjk not installed: the notebook test will say which font is missing"; }
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

.PHONY: fuzz-seeds fuzz-smoke

FUZZ_TARGETS := code_parse find_terms classify cli_records
FUZZ_SECONDS ?= 30
# Never download at test time: cargo fails instead (and fuzz-smoke skips when the crates are missing).
FUZZ_ENV := CARGO_NET_OFFLINE=true

fuzz-seeds: ## Write the fuzz seed corpora and dictionary to fuzz/corpus (git-ignored), from tests/vectors and the catalogue
	$(FUZZ_ENV) $(CARGO) +nightly run -q --manifest-path fuzz/Cargo.toml --example seeds

fuzz-smoke: ## Fuzz each target FUZZ_SECONDS (30) s; skipped (exit 0) without nightly + cargo-fuzz. See docs/reliability.md
	@if ! command -v rustup >/dev/null || ! rustup toolchain list | grep -q '^nightly' \
	    || ! command -v cargo-fuzz >/dev/null; then \
	  echo "fuzz-smoke skipped: needs nightly + cargo-fuzz; run: rustup toolchain install nightly && cargo install cargo-fuzz --locked && make fuzz-smoke"; \
	elif ! $(FUZZ_ENV) $(CARGO) +nightly metadata -q --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null 2>&1; then \
	  echo "fuzz-smoke skipped: the fuzz crates are not in the local cargo cache (nothing is downloaded at test time); run: cargo +nightly fetch --manifest-path fuzz/Cargo.toml && make fuzz-smoke"; \
	else \
	  set -e; $(MAKE) --no-print-directory fuzz-seeds; mkdir -p fuzz/target; \
	  for t in $(FUZZ_TARGETS); do \
	    log=fuzz/target/smoke-$$t.log; \
	    if ! $(FUZZ_ENV) $(CARGO) +nightly fuzz run $$t -- -dict=fuzz/corpus/terms.dict \
	        -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 >$$log 2>&1; then \
	      tail -40 $$log; echo "fuzz-smoke: $$t failed; the input is in fuzz/artifacts/$$t/, the log in $$log"; exit 1; \
	    fi; \
	    echo "fuzz-smoke $$t: $$(grep -E '^Done' $$log)"; \
	  done; \
	fi

.PHONY: demo-assess chromium

# sudo only when not root (CI containers run as root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

demo-assess: ## Assess the fictional example park roster (regenerated and checked first); writes target/park_report.{json,html}
	python3 data/examples/gen_park_roster.py
	git diff --exit-code -- data/examples/park_roster.csv data/examples/park_attributes.tsv
	$(CARGO) run --release -q -p digicat-cli -- assess data/examples/park_roster.csv \
	  --criteria pilot-park-2019,cluster-2021 --attr-file data/examples/park_attributes.tsv -o target/park_report.json -q
	$(CARGO) run --release -q -p digicat-cli -- assess data/examples/park_roster.csv \
	  --criteria pilot-park-2019,cluster-2021 --attr-file data/examples/park_attributes.tsv -o target/park_report.html

chromium: ## Install Debian chromium + fonts-noto-cjk (HTML report screenshot test) when missing
	@if command -v chromium >/dev/null && fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  echo "chromium and CJK fonts present"; \
	elif command -v apt-get >/dev/null; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk; \
	else echo "skipped: no apt-get here; tests/assess.rs skips its screenshot without chromium"; fi
