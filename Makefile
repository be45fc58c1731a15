# digicat task runner. `make help` lists the targets.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: help test test-rust test-c lint doc

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

test: test-rust test-c ## Run every test (Rust, C, Python); installs what it needs
	@echo "all test suites passed"

test-rust: lint ## Rust: fmt, clippy, docs, unit/integration/doc tests and the shared vectors
	$(CARGO) test --workspace --all-targets
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
