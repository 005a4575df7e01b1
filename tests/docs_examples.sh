#!/usr/bin/env bash
# tests/docs_examples.sh BIN DOC... — every ```eval block of the documents is a complete rule
# script: `check` must accept it, and `test` must pass the test blocks it has.  The blocks are
# written as DIR/docs/exN.eval beside the docs' JSON data sets, with DIR/rules and
# DIR/examples linking to the repository's, so paths in the examples read as they do from docs/.
# Prints the failures, then "N examples, M with tests" (or nothing checked: an error).
set -u
BIN=$1; shift
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
DIR=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-docs.XXXXXX") || exit 2
trap 'rm -rf -- "$DIR"' EXIT
mkdir "$DIR/docs"
ln -s "$ROOT/rules" "$DIR/rules"
ln -s "$ROOT/examples" "$DIR/examples"
cp "$ROOT"/docs/*.json "$DIR/docs/"
n=0 t=0 bad=0
for doc in "$@"; do
  base=$(basename "$doc" .md)
  awk -v dir="$DIR/docs" -v base="$base" '
    /^```eval[ \t]*$/ { n++; f = sprintf("%s/%s-%02d.eval", dir, base, n); printf "" > f; on = 1; next }
    /^```/ { if (on) close(f); on = 0; next }
    on { print > f }' "$doc"
done
cd "$DIR/docs" || exit 2
for f in *.eval; do
  [ -e "$f" ] || break
  n=$((n + 1))
  if ! out=$("$BIN" check "$f" 2>&1); then
    echo "FAIL check $f:"; printf '%s\n' "$out"; bad=$((bad + 1)); continue
  fi
  if grep -Eq '^[[:space:]]*(test|测试)[[:space:]]' "$f"; then
    t=$((t + 1))
    out=$("$BIN" test "$f" 2>&1) || { echo "FAIL test $f:"; printf '%s\n' "$out"; bad=$((bad + 1)); }
  fi
done
(( n > 0 )) || { echo "no eval examples found"; exit 1; }
echo "$n examples, $t with tests"
(( bad == 0 ))
