#!/usr/bin/env bash
# Compares this tree's `digicat classify` with another commit's, answer for answer, on generated
# records: the check that a change of engine (issue 15: the byte-level scan that replaced the
# charwise automaton) changed no result.
#
# Usage: benches/compare_engines.sh BASE [ROWS]
#   BASE  a commit with the engine to compare against (783b850 is the last main with the old,
#         charwise engine); ROWS generated records per file (default 1000000).
#
# It builds BASE's CLI in a temporary worktree (release), generates ROWS typical and ROWS mixed
# records with this tree's `gen_records`, classifies each with both CLIs into JSONL (every
# evidence span, kind, relation and row of every record, under both policies) and CSV, this
# tree with `--threads 1` and `--threads 2`, and compares the outputs byte for byte. Exit 0 when
# every pair is identical, 1 with the first differing lines otherwise. BASE_DIGICAT=PATH uses an
# already built `digicat` of BASE instead of building one.
set -euo pipefail

base=${1:?usage: benches/compare_engines.sh BASE [ROWS]}
rows=${2:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 LANG=C.UTF-8

echo "building this tree and $base (release) …"
cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p digicat-cli -p digicat-benches --bins
new="$root/target/release/digicat"
old=${BASE_DIGICAT:-}
if [ -z "$old" ]; then
  git -C "$root" worktree add --quiet --detach "$work/base" "$base"
  cargo build --quiet --release --manifest-path "$work/base/Cargo.toml" -p digicat-cli --bins
  old="$work/base/target/release/digicat"
fi

status=0
compare() { # label file-a file-b
  if cmp -s "$2" "$3"; then
    echo "identical: $1 ($(wc -l < "$2") lines)"
  else
    echo "DIFFERENT: $1"
    diff <(head -c 200000000 "$2") <(head -c 200000000 "$3") | head -20 || true
    status=1
  fi
}

for length in typical mixed; do
  data="$work/$length.csv"
  "$root/target/release/gen_records" "$rows" 2019 "$length" > "$data"
  for policy in standard strict; do
    for ext in jsonl csv; do
      "$old" classify "$data" --policy "$policy" --quiet -o "$work/old.$ext"
      for threads in 1 2; do
        "$new" classify "$data" --policy "$policy" --threads "$threads" --quiet -o "$work/new.$ext"
        compare "$rows $length rows, --policy $policy, .$ext, --threads $threads" "$work/old.$ext" "$work/new.$ext"
      done
    done
  done
  rm -f "$data"
done
exit "$status"
