#!/usr/bin/env bash
# tests/csv_libreoffice.sh — checks that LibreOffice Calc reads jixiao's CSV back exactly.
#
# usage: tests/csv_libreoffice.sh [BINARY]     BINARY defaults to build/jixiao under the repo root
#
# Scores the Huangpu 2022 example as CSV, has LibreOffice import it and save it as .xlsx, then
# export that .xlsx as CSV again with every text cell quoted, and compares the result with
# jixiao's own CSV: the BOM must be consumed (cell A1 is "id"), every Chinese header cell and
# every text cell must come back exactly, and every number must come back unquoted, that is as
# a number cell with exactly the value jixiao printed (95.91, not 95.91000000000001 or text).
#
# Headless conversion cannot show Calc's Text Import dialog. The dialog sniffs the BOM and
# preselects UTF-8 (sc/source/ui/dbgui/scuiasciiopt.cxx, "Sniff for Unicode / not"); without
# filter options a headless import decodes as Windows-1252 instead, so the import here states
# what the dialog would choose: comma, double quote, UTF-8 (76), from line 1.
#
# Prints SKIP and exits 0 when LibreOffice is not installed (CI may not have it); otherwise
# prints "ok ..." lines and exits 0, or prints FAIL with a diff and exits 1.

set -u
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
BIN=${1:-$ROOT/build/jixiao}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac

LO=$(command -v libreoffice || command -v soffice) || {
  echo "SKIP: libreoffice is not installed (apt-get install libreoffice-calc-nogui)"
  exit 0
}
[ -x "$BIN" ] || { echo "FAIL: $BIN is not an executable file"; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-lo.XXXXXX") || exit 2
trap 'rm -rf -- "$TMP"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

# lo ARGS...: a private profile, so a running LibreOffice or the user's settings do not interfere
lo() {
  timeout 180 "$LO" -env:UserInstallation="file://$TMP/profile" --headless "$@" \
    >>"$TMP/lo.log" 2>&1 || { cat "$TMP/lo.log"; fail "libreoffice $*"; }
}

# expected FILE: jixiao's CSV as Calc exports it with every text cell quoted: no BOM, LF line
# ends, text in double quotes, numbers and empty cells as they are. Handles unquoted fields
# only, which is all the Huangpu example has (checked).
expected() {
  grep -q '"' "$1" && fail "the example now has quoted fields; teach expected() to split them"
  sed '1s/^\xEF\xBB\xBF//; s/\r$//' "$1" | awk -F, -v OFS=, '{
    for (i = 1; i <= NF; i++)
      if ($i != "" && $i !~ /^-?[0-9]+(\.[0-9]+)?$/) $i = "\"" $i "\""
    print
  }'
}

cd "$TMP" || exit 2
"$BIN" run "$ROOT/rules/2022/huangpu.eval" "$ROOT/examples/2022/huangpu.json" --format csv \
  >huangpu.csv || fail "jixiao run exited $?"
[ "$(head -c 3 huangpu.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no BOM"

lo --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir xlsx huangpu.csv
[ -s xlsx/huangpu.xlsx ] || { cat lo.log; fail "no xlsx written"; }
# export: comma, double quote, UTF-8, line 1, no cell formats, default language, quote all text
lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true' --outdir back xlsx/huangpu.xlsx
[ -s back/huangpu.csv ] || { cat lo.log; fail "no csv written back"; }

expected huangpu.csv >expected.csv
if ! diff -u --label "jixiao (as Calc should export it)" --label "LibreOffice" \
     expected.csv back/huangpu.csv; then
  fail "LibreOffice did not read the CSV back exactly"
fi

header=$(head -n 1 expected.csv)
cjk=$(printf '%s\n' "$header" | tr ',' '\n' | grep -c '[^ -~]')
nums=$(sed -n '2,$p' expected.csv | tr ',' '\n' | grep -cE '^-?[0-9]+(\.[0-9]+)?$')
score=$(sed -n '2p' back/huangpu.csv | cut -d, -f2)
echo "ok BOM consumed: cell A1 is $(head -n 1 back/huangpu.csv | cut -d, -f1)"
echo "ok $cjk Chinese header cells read back exactly"
echo "ok $nums numbers read back as numbers with the printed value (total $score)"
echo "PASS"
