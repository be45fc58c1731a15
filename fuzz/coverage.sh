#!/usr/bin/env bash
# Line/region coverage of the crates' sources reached by a fuzz target's corpus.
# Usage: fuzz/coverage.sh TARGET   (needs nightly, cargo-fuzz and `rustup component add
# llvm-tools --toolchain nightly`; replays fuzz/corpus/TARGET through an instrumented build).
set -euo pipefail
target=${1:?usage: fuzz/coverage.sh TARGET}
cd "$(dirname "$0")/.."
cargo +nightly fuzz coverage "$target" >/dev/null 2>&1
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin=$(rustc +nightly --print sysroot)/lib/rustlib/$host/bin
exe=$(find target fuzz/target -path "*coverage*/release/$target" -type f 2>/dev/null | head -1)
"$bin/llvm-cov" report "$exe" -instr-profile="fuzz/coverage/$target/coverage.profdata" \
  --ignore-filename-regex='(/rustc/|\.cargo/registry|/fuzz/|/out/)'
