#!/usr/bin/env bash
# tests/run.sh — runs the C unit tests (build/unit/*), every case of tests/cases/*.test and the
# shell suites (tests/hostile/run.sh, and the real programs: tests/csv_libreoffice.sh,
# tests/reports.sh, tests/spreadsheets.sh).
#
# usage: tests/run.sh [BINARY [CASEFILE...]]   BINARY defaults to build/jixiao under the repo
#        root; with CASEFILEs (paths, or names like "diff" for tests/cases/diff.test) only those
#        case files run, and no unit tests or suites
# env:   JIXIAO_WRAP  prefixed to every invocation, e.g. "valgrind -q --error-exitcode=99"
#
# A case file holds cases; lines starting with "#" before the first "===" are comments:
#
#   === case name
#   --- file: rules.eval          file content follows, up to the next "--- " or "=== " line
#   --- file: sub/data.json
#   --- stdin                     piped to standard input (else stdin is /dev/null)
#   --- cmd: run rules.eval data.json --format ndjson     run as: eval "$BIN $cmd"
#   --- stdout                    expected stdout, exact (absent: must be empty)
#   --- stderr                    expected stderr, exact (absent: not compared)
#   --- exit: 1                   expected exit status (default 0)
#   --- needs: parallel script    commands the case runs besides jixiao; when one is missing
#                                 the case prints SKIP (and counts neither as passed nor failed)
#
# Content is the section's lines, each ended by "\n"; trailing blank lines are dropped.
# Each case runs in a fresh temp dir with LC_ALL=C.UTF-8 and a 20 s timeout.
# Needs only bash, coreutils, awk and diff (the suites skip, visibly, what they cannot run).
# Prints one line for the unit checks, one for the cases and one for the suites, then the
# closing line "N passed, N failed" over all three; exit 1 on failure.

set -u
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
export ROOT
if [ $# -ge 1 ]; then
  BIN=$1
  case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
  shift
else
  BIN=$ROOT/build/jixiao
fi
FILES=()
for f in "$@"; do
  [[ $f == */* || $f == *.test ]] || f=$ROOT/tests/cases/$f.test
  FILES+=("$f")
done
WRAP=${JIXIAO_WRAP:-}
unset LC_MESSAGES LANGUAGE
export LC_ALL=C.UTF-8 LANG=C.UTF-8
[ -x "$BIN" ] || echo "warning: $BIN is not an executable file; every case will fail" >&2

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-tests.XXXXXX") || exit 2
trap 'rm -rf -- "$TMP"' EXIT
passed=0 failed=0 skipped=0

# --- C unit tests: each prints "N passed, N failed" as its last line -----------------------
uprogs=0
for u in "$ROOT"/build/unit/*; do
  (( ${#FILES[@]} == 0 )) || break
  [[ -f $u && -x $u ]] || continue
  uprogs=$((uprogs + 1))
  out=$(cd "$TMP" && eval "timeout 120 $WRAP \"\$u\"" 2>&1 </dev/null); rc=$?
  last=${out##*$'\n'}
  if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
    (( rc != 0 && f == 0 )) && f=1          # crashed (or valgrind complained) after its summary
  else
    p=0 f=1                                 # crashed before its summary
  fi
  passed=$((passed + p)) failed=$((failed + f))
  if (( f > 0 )); then
    echo "FAIL unit ${u##*/} (exit $rc)"
    printf '%s\n' "$out" | tail -n 20
  fi
done
upassed=$passed ufailed=$failed
if (( ${#FILES[@]} == 0 )); then
  echo "unit checks: $upassed passed, $ufailed failed ($uprogs programs in build/unit)"
fi

# --- data-driven cases -----------------------------------------------------------------------
fail() {            # fail WHY...: reports the current case as failed
  echo "FAIL $tname: $name"
  [ $# -gt 0 ] && printf '  %s\n' "$@"
  failed=$((failed + 1))
}

is_blank() { [[ -z ${1//[ $'\t']/} ]]; }

flush() {           # writes the buffered content section to $target, trailing blank lines dropped
  [ -n "$target" ] || return 0
  local n=${#buf[@]}
  while (( n > 0 )) && is_blank "${buf[n-1]}"; do n=$((n - 1)); done
  if (( n > 0 )); then printf '%s\n' "${buf[@]:0:n}" >"$target"; else : >"$target"; fi
  target='' buf=()
}

have() {            # have COMMAND: whether a case's helper command is here (GNU parallel only)
  case $1 in
    parallel) parallel --version 2>/dev/null | grep -q '^GNU parallel' ;;
    *) command -v "$1" >/dev/null ;;
  esac
}

begin_case() {      # begin_case NAME
  name=$1 incase=1 cmd='' want_exit=0 has_stdin='' has_stderr='' problems=() target='' buf=()
  needs=()
  cdir=$(mktemp -d "$TMP/case.XXXXXX") && mkdir "$cdir/work"
  : >"$cdir/want.out"
}

section() {         # section HEADER: starts a "--- HEADER" section of the current case
  local h=$1 p
  h=${h%"${h##*[![:space:]]}"}              # trailing blanks (and a stray CR)
  case $h in
    'file: '*)
      p=${h#file: }
      if [[ -z $p || $p == /* || /$p/ == */../* ]]; then
        problems+=("line $lineno: bad file path '$p'"); return
      fi
      mkdir -p -- "$(dirname -- "$cdir/work/$p")" && target=$cdir/work/$p ;;
    stdin)    target=$cdir/stdin has_stdin=1 ;;
    stdout)   target=$cdir/want.out ;;
    stderr)   target=$cdir/want.err has_stderr=1 ;;
    'cmd: '*) cmd=${h#cmd: } ;;
    'exit: '*)
      want_exit=${h#exit: }
      [[ $want_exit =~ ^[0-9]+$ ]] || problems+=("line $lineno: bad exit status '$want_exit'") ;;
    'needs: '*) read -r -a needs <<<"${h#needs: }" ;;
    *) problems+=("line $lineno: unknown section '--- $h'") ;;
  esac
}

show_diff() {       # show_diff WHAT EXPECTED_FILE ACTUAL_FILE
  diff -a -u --label "expected $1" --label "actual $1" "$2" "$3"
}

end_case() {        # runs the current case (if any) and cleans up after it
  [ -n "$incase" ] || return 0
  flush
  incase=''
  [ -n "$cmd" ] || problems+=("no '--- cmd:' section")
  if (( ${#problems[@]} > 0 )); then fail "${problems[@]}"; rm -rf -- "$cdir"; return; fi
  local need
  for need in "${needs[@]}"; do
    if ! have "$need"; then
      echo "SKIP $tname: $name (needs $need; \`make deps\` installs it)"
      skipped=$((skipped + 1))
      rm -rf -- "$cdir"
      return
    fi
  done
  local in=/dev/null rc ok=1
  [ -n "$has_stdin" ] && in=$cdir/stdin
  ( cd "$cdir/work" && eval "timeout 20 $WRAP \"\$BIN\" $cmd" ) <"$in" >"$cdir/out" 2>"$cdir/err"
  rc=$?
  show_diff stdout "$cdir/want.out" "$cdir/out" >"$cdir/diff" || ok=
  if [ -n "$has_stderr" ]; then show_diff stderr "$cdir/want.err" "$cdir/err" >>"$cdir/diff" || ok=; fi
  if [ "$rc" != "$want_exit" ]; then
    ok=
    show_diff exit <(echo "$want_exit") <(echo "$rc$( ((rc == 124)) && echo ' (timed out)')") >>"$cdir/diff"
  fi
  if [ -n "$ok" ]; then
    passed=$((passed + 1))
  else
    fail
    cat "$cdir/diff"
    if [ -z "$has_stderr" ] && [ -s "$cdir/err" ]; then
      echo "stderr (not compared):"
      head -n 10 "$cdir/err" | awk '{ print "  " $0 }'
    fi
  fi
  rm -rf -- "$cdir"
}

run_file() {        # run_file FILE.test
  local line lineno=0 incase='' started=''
  tname=${1##*/} name='(outside any case)' target='' buf=()
  while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    case $line in
      '=== '*) end_case; started=1; begin_case "${line#=== }" ;;
      '--- '*)
        if [ -n "$incase" ]; then flush; section "${line#--- }"
        else fail "line $lineno: section outside a case"; fi ;;
      *)
        if [ -n "$target" ]; then buf+=("$line")
        elif [ -z "$started" ] && { [[ $line == '#'* ]] || is_blank "$line"; }; then :
        elif is_blank "$line"; then :
        elif [ -n "$incase" ]; then problems+=("line $lineno: text outside a section")
        else fail "line $lineno: text before the first case"; fi ;;
    esac
  done <"$1"
  end_case
}

whole=$(( ${#FILES[@]} == 0 ))       # no CASEFILEs: the suites run too
(( whole )) && FILES=("$ROOT"/tests/cases/*.test)
nfiles=0
for t in "${FILES[@]}"; do
  if [ -f "$t" ]; then
    nfiles=$((nfiles + 1))
    run_file "$t"
  else
    echo "FAIL $t: no such case file"
    failed=$((failed + 1))
  fi
done

echo "cases: $((passed - upassed)) passed, $((failed - ufailed)) failed, $skipped skipped" \
     "($nfiles files in tests/cases)"

# --- shell suites: the programs people open our files with, and the hostile inputs ---------
# Each is run as its own script (BINARY as its argument) and counted by what it prints: a last
# line "N passed, N failed" is taken as it is; otherwise each "ok ..." line is a check passed,
# a "FAIL..." line or a non-zero exit one failed, each "SKIP..." line one skipped (and shown).
SUITES=(tests/hostile/run.sh tests/csv_libreoffice.sh tests/reports.sh tests/spreadsheets.sh)
spassed=0 sfailed=0 sskipped=0
for s in "${SUITES[@]}"; do
  (( whole )) || break
  out=$(timeout 900 bash "$ROOT/$s" "$BIN" 2>&1 </dev/null); rc=$?
  last=${out##*$'\n'}
  sk=$(grep -c '^SKIP' <<<"$out")
  if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
    (( rc != 0 && f == 0 )) && f=1
  else
    p=$(grep -c '^ok ' <<<"$out") f=$(grep -c '^FAIL' <<<"$out")
    (( rc != 0 && f == 0 )) && f=1
  fi
  spassed=$((spassed + p)) sfailed=$((sfailed + f)) sskipped=$((sskipped + sk))
  grep '^SKIP' <<<"$out" | sed "s|^|$s: |"
  if (( f > 0 )); then
    echo "FAIL suite $s (exit $rc)"
    printf '%s\n' "$out" | grep -v '^ok ' | tail -n 30
  fi
done
if (( whole )); then
  echo "suites: $spassed passed, $sfailed failed, $sskipped skipped (${#SUITES[@]} scripts:" \
       "${SUITES[*]})"
fi
passed=$((passed + spassed)) failed=$((failed + sfailed)) skipped=$((skipped + sskipped))

echo "$passed passed, $failed failed"
(( failed == 0 ))
