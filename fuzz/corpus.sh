#!/usr/bin/env bash
# fuzz/corpus.sh OUT — the seed corpora of `make fuzz`, made from the repository's own files
# (nothing is copied into fuzz/): OUT/script gets every rule script (rules/*/*.eval, and each
# `--- file: *.eval` section of tests/cases/*.test), OUT/data every data file (examples/,
# and each .json/.ndjson/.jsonl/.csv file section and `--- stdin` section of the cases).
# Sections are cut as tests/run.sh reads them: the lines up to the next "--- " or "=== ".
set -eu
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$1
rm -rf "$OUT"
mkdir -p "$OUT/script" "$OUT/data"
cd "$ROOT"
n=0
for f in rules/*/*.eval; do
  n=$((n + 1)); cp "$f" "$OUT/script/rules-$n.eval"
done
find examples -type f \( -name '*.json' -o -name '*.csv' -o -name '*.xlsx' \) | sort | while read -r f; do
  cp "$f" "$OUT/data/examples-$(echo "$f" | tr '/' '-')"
done
for t in tests/cases/*.test; do
  awk -v out="$OUT" -v base="$(basename "$t" .test)" '
    function close_it() { if (dest != "") close(dest); dest = "" }
    /^=== / || /^--- / {
      close_it()
      if ($0 ~ /^--- file: .*\.eval$/) dest = out "/script/" base "-" (++n) ".eval"
      else if ($0 ~ /^--- file: .*\.(json|ndjson|jsonl|csv)$/ || $0 == "--- stdin") {
        ext = $0 == "--- stdin" ? "json" : $0; sub(/.*\./, "", ext)
        dest = out "/data/" base "-" (++n) "." ext
      }
      next
    }
    dest != "" { print > dest }
  ' "$t"
done
echo "seed corpus: $(ls "$OUT/script" | wc -l) rule scripts, $(ls "$OUT/data" | wc -l) data files in $OUT"
