#!/usr/bin/env bash
# tests/reports.sh — the reports as people open them: the xlsx workbook in LibreOffice and
# openpyxl, the HTML report in headless Chromium.
#
# usage: tests/reports.sh [BINARY]     BINARY defaults to build/jixiao under the repo root
#
# Scores tests/reports/batch.json (six data sets: selfscore differences, na rescale, a bonus
# item, a veto band, an error result, hostile and duplicate names) and the Huangpu 2022
# example, then:
# - xlsx: tests/reports/xlsx_check.py compares every name, weight, score, merged range and SUM
#   formula (with its cached value) with the JSON results, and the 汇总 sheet, the red errors
#   and the print set-up; LibreOffice exports the 汇总 sheet as CSV, which must equal jixiao's
#   own `--format csv --lang zh` (same header, same numbers, same errors), and prints the
#   workbook to PDF: one page for 汇总 and one a data set, with the titles, the hostile name as
#   text, the veto reason and the page footer in its text.
# Each part prints SKIP (and the command that installs what it needs) when its programs are
# missing; otherwise "ok ..." lines, PASS, or FAIL and exit 1.

set -u
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
BIN=${1:-$ROOT/build/jixiao}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
[ -x "$BIN" ] || { echo "FAIL: $BIN is not an executable file"; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-reports.XXXXXX") || exit 2
trap 'rm -rf -- "$TMP"' EXIT
cd "$TMP" || exit 2

fail() { echo "FAIL: $*"; exit 1; }
R=$ROOT/tests/reports
"$BIN" run "$R/batch.eval" "$R/batch.json" >batch.json 2>/dev/null
[ $? = 1 ] || fail "jixiao run batch.json: want exit 1 (丁单位 is an error result)"
"$BIN" run "$ROOT/rules/2022/huangpu.eval" "$ROOT/examples/2022/huangpu.json" >huangpu.json ||
  fail "jixiao run huangpu"

# --- xlsx ------------------------------------------------------------------------------------
"$BIN" run "$R/batch.eval" "$R/batch.json" --format xlsx -o batch.xlsx --lang zh 2>/dev/null
[ $? = 1 ] && [ -s batch.xlsx ] || fail "jixiao --format xlsx -o batch.xlsx"
"$BIN" run "$ROOT/rules/2022/huangpu.eval" "$ROOT/examples/2022/huangpu.json" --format xlsx \
  -o huangpu.xlsx || fail "jixiao --format xlsx -o huangpu.xlsx"
PY=/usr/bin/python3
# to a pipe the workbook is written as it is; to a terminal it is refused
"$BIN" run "$R/batch.eval" "$R/batch.json" --format xlsx 2>/dev/null >piped.xlsx
$PY -c 'import sys, zipfile; sys.exit(zipfile.ZipFile("piped.xlsx").testzip() is not None)' ||
  fail "the workbook written to a pipe is not a valid zip"
echo "ok the workbook written to a pipe is a valid zip"
if command -v script >/dev/null; then
  script -qec "'$BIN' run '$R/batch.eval' '$R/batch.json' --format xlsx" /dev/null >tty.out 2>&1
  rc=$?
  [ $rc = 2 ] && grep -q 'xlsx is a binary file, not for a terminal' tty.out ||
    fail "xlsx to a terminal: exit $rc, $(head -c 300 tty.out)"
  echo "ok xlsx to a terminal is refused (exit 2) with a message"
fi
PY=/usr/bin/python3
if $PY -c 'import openpyxl' 2>/dev/null; then
  $PY "$R/xlsx_check.py" batch.xlsx batch.json '甲单位' '乙单位／财务［科］：＊？' \
    '<script>alert(1)<／script> & 丙' '丁单位' '甲单位(2)' \
    '一个名字特别特别长的单位名称超过了三十一个字符的限制还要更长一' || fail "xlsx_check batch"
  $PY "$R/xlsx_check.py" huangpu.xlsx huangpu.json '广州市黄埔区工商业联合会' || fail "xlsx_check huangpu"
else
  echo "SKIP: openpyxl is not installed (apt-get install python3-openpyxl)"
fi

LO=$(command -v libreoffice || command -v soffice)
if [ -n "$LO" ]; then
  lo() {
    timeout 180 "$LO" -env:UserInstallation="file://$TMP/profile" --headless "$@" \
      >>lo.log 2>&1 || { cat lo.log; fail "libreoffice $*"; }
  }
  # every sheet to its own CSV (-1): comma, quote, UTF-8, values as stored, not as shown
  lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir csv batch.xlsx
  "$BIN" run "$R/batch.eval" "$R/batch.json" --format csv --lang zh 2>/dev/null |
    sed '1s/^\xEF\xBB\xBF//; s/\r$//' >want.csv
  diff -u --label "jixiao --format csv --lang zh" --label "LibreOffice: 汇总" want.csv csv/batch-汇总.csv ||
    fail "the 汇总 sheet does not read back as jixiao's CSV"
  echo "ok LibreOffice reads the 汇总 sheet back as jixiao's CSV ($(($(wc -l <want.csv) - 1)) rows)"
  grep -qx '总分,100,64,,,,,,,,,' "csv/batch-<script>alert(1)<／script> & 丙.csv" ||
    fail "no 总分 row 100, 64 in LibreOffice's CSV of the third sheet"
  echo "ok LibreOffice reads the third sheet's 总分 (a SUM formula) as 64"
  lo --convert-to pdf --outdir pdf batch.xlsx
  pages=$(pdfinfo pdf/batch.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
  if [ -z "$pages" ]; then
    echo "SKIP: pdfinfo is not installed (apt-get install poppler-utils)"
  else
    [ "$pages" = 7 ] || fail "batch.pdf has $pages pages, want 7 (汇总 and one a data set)"
    pdftotext -layout pdf/batch.pdf batch.txt
    for want in '甲单位 — 报表测试（v1）' '<script>alert(1)</script> & 丙 — 报表测试（v1）' \
                '存在挤占挪用，一票否决' '错误：履职效能.产出.数量' '第 7 页，共 7 页'; do
      grep -qF -- "$want" batch.txt || fail "batch.pdf: no '$want' in its text"
    done
    echo "ok LibreOffice prints the workbook on 7 A4 pages with the titles, reasons and errors"
  fi
else
  echo "SKIP: libreoffice is not installed (apt-get install libreoffice-calc-nogui)"
fi
echo "PASS"
