#!/usr/bin/env bash
# tests/hostile/run.sh — the hostile-input corpus (issue 6): inputs a careless or hostile
# user can give jixiao, one case per class, each asserting the exit status and the first line
# of standard error.  Cases that need inputs too big, too odd (links, FIFOs, devices, NULs)
# or too slow-to-write for tests/cases/*.test live here; each also guards a fixed bug.
#
# usage: tests/hostile/run.sh [BINARY]     (default build/jixiao)
#
# A case:  hcase NAME SETUP ARGS EXIT FIRST [AFTER]
#   SETUP  shell run first in a fresh directory (make the inputs); "" for none
#   ARGS   the command line after the binary, eval'd (so quoting and redirections work);
#          "!..." is a whole shell command instead, running the binary as $RUN
#   EXIT   the expected exit status
#   FIRST  the expected first line of standard error ("" : stderr must be empty)
#   AFTER  shell that must succeed afterwards (files intact, output valid, ...)
# Every case runs with a 20 s timeout (a hang fails) and, for the plain build, a 1 GB memory
# limit (unbounded growth fails).  Ends with "N passed, N failed"; exit 1 on failure.

set -u
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd) || exit 2
BIN=${1:-$ROOT/build/jixiao}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
RUN="timeout 20 $BIN"
export BIN ROOT RUN
unset LC_MESSAGES LANGUAGE
export LC_ALL=C.UTF-8 LANG=C.UTF-8
TMP=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-hostile.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf -- "$TMP"' EXIT
LIMIT=
ldd "$BIN" 2>/dev/null | grep -q libasan || LIMIT='ulimit -v 1048576;'
passed=0 failed=0 n=0

hcase() {
  local name=$1 setup=$2 args=$3 want_exit=$4 want_first=$5 after=${6:-} dir rc first ok=1
  n=$((n + 1))
  dir=$TMP/$n && mkdir -p "$dir" && cd "$dir" || exit 2
  if [ -n "$setup" ] && ! (eval "$setup") >setup.log 2>&1; then
    echo "FAIL hostile: $name"; echo "  setup failed:"; sed 's/^/    /' setup.log | head -5
    failed=$((failed + 1)); cd "$ROOT"; return
  fi
  if [[ $args == '!'* ]]; then
    (eval "$LIMIT ${args#!}") >out 2>err </dev/null
  else
    (eval "$LIMIT timeout 20 \"\$BIN\" $args") >out 2>err </dev/null
  fi
  rc=$?
  first=$(head -n 1 err)
  [ "$rc" = "$want_exit" ] || ok=
  [ "$first" = "$want_first" ] || ok=
  if [ -n "$ok" ] && [ -n "$after" ] && ! (eval "$after") >after.log 2>&1; then ok=; fi
  if [ -n "$ok" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL hostile: $name"
    echo "  exit: want $want_exit, got $rc$( ((rc == 124)) && echo ' (timed out)')"
    echo "  first line of stderr: want: $want_first"
    echo "                        got:  $first"
    [ -s after.log ] && sed 's/^/  after: /' after.log | head -5
    [ -n "$after" ] && ! [ -s after.log ] && echo "  after failed: $after"
    sed -n '2,6s/^/  stderr: /p' err
  fi
  cd "$ROOT"
}

# One indicator that reads $x; data sets are NDJSON lines.
R1='printf "indicator 甲 10 {\n  score weight * \$x\n}\n" >r.eval'

for f in "$ROOT"/tests/hostile/cases/*.sh; do
  [ -f "$f" ] && . "$f"
done

echo "$passed passed, $failed failed"
(( failed == 0 ))
