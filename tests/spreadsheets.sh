#!/usr/bin/env bash
# tests/spreadsheets.sh — spreadsheets in (docs/spreadsheets.md), with the real programs.
#
# usage: tests/spreadsheets.sh [BINARY]     BINARY defaults to build/jixiao under the repo root
#
# 1. Encodings: a CSV table saved as GB18030 (what Excel's 「CSV (逗号分隔)」 writes on Chinese
#    Windows) scores exactly as its UTF-8 original, detected or with --encoding GBK; a GBK JSON
#    file gets a message saying so.
# 2. Workbooks written by openpyxl (tests/spreadsheets/make_books.py: number cells, numbers as
#    text, percent formats, boolean cells and 是/否, dates, codes with leading zeros, merged
#    cells, a bad cell) score exactly as their JSON twins (tests/spreadsheets/*.json), the bad
#    cell reported by its address.
# 3. `jixiao template` for the Huangpu rules, filled by a script (tests/spreadsheets/fill.py)
#    with examples/2022/huangpu.json, scores exactly as that JSON file, and the project rules'
#    template filled with each of examples/2022/project/*.json as those; so do the example
#    .xlsx form and .csv table of examples/2022/.
# 4. LibreOffice: recalculates a workbook whose formula has no cached value (then it scores
#    as its twin), re-saves the filled template (still the same score), converts the example
#    CSV table to .xlsx (same scores), and opens the generated template (its cells, converted
#    to CSV, are the data items in order).
# Parts 2-3 need python3-openpyxl, part 4 LibreOffice: each prints SKIP when it is missing.
# Prints "ok ..." lines and PASS, or FAIL with a diff (exit 1).

set -u
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
BIN=${1:-$ROOT/build/jixiao}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
[ -x "$BIN" ] || { echo "FAIL: $BIN is not an executable file"; exit 1; }
export LC_ALL=C.UTF-8
T=$ROOT/tests/spreadsheets
EX=$ROOT/examples/2022
HP=$ROOT/rules/2022/huangpu.eval

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-sheets.XXXXXX") || exit 2
trap 'rm -rf -- "$TMP"' EXIT
cd "$TMP" || exit 2

fail() { echo "FAIL: $*"; exit 1; }
# same WHAT A B: the two files must be equal
same() { diff -u "$2" "$3" >diff.txt || { cat diff.txt; fail "$1"; }; echo "ok $1"; }
run() { "$BIN" run "$@" --format ndjson 2>/dev/null; }

# --- 1. encodings ------------------------------------------------------------------------------
printf '部门名称,预算.全年预算数,预算.执行数,公开,代码,比率,提交日期,人数\n甲,1000,900,是,00123,80%%,2022-03-15,52人\n' >u.csv
iconv -f UTF-8 -t GB18030 u.csv >g.csv
cmp -s u.csv g.csv && fail "iconv did not change the file"
run "$T/books.eval" u.csv >u.out
run "$T/books.eval" g.csv >g.out
same "a GB18030 CSV is detected and scores as its UTF-8 original" u.out g.out
run "$T/books.eval" g.csv --encoding GBK >g2.out
same "--encoding GBK reads it too" u.out g2.out
iconv -f UTF-8 -t UTF-16 u.csv >w.csv
run "$T/books.eval" w.csv >w.out
same "a UTF-16 CSV (with its BOM) is read" u.out w.out
printf '\xEF\xBB\xBF' | cat - u.csv >bom.csv
run "$T/books.eval" bom.csv >bom.out
same "a UTF-8 BOM is dropped" u.out bom.out
iconv -f UTF-8 -t GBK "$EX/huangpu.json" >gbk.json
"$BIN" run "$HP" gbk.json --format ndjson --lang zh >gbk.out 2>/dev/null
grep -q '不是 UTF-8 编码，而是 GBK/GB18030' gbk.out || { cat gbk.out; fail "GBK JSON message"; }
grep -q '另存为 UTF-8' gbk.out || fail "GBK JSON message says how to save as UTF-8"
echo "ok a GBK JSON file is reported as GBK, with how to save it as UTF-8"

# --- 2, 3. workbooks ---------------------------------------------------------------------------
PY=/usr/bin/python3
if ! $PY -c 'import openpyxl' 2>/dev/null; then
  echo "SKIP: python3-openpyxl is not installed (apt-get install python3-openpyxl)"
  echo PASS
  exit 0
fi
$PY "$T/make_books.py" . || fail "make_books.py"
run "$T/books.eval" "$T/form.json" >form.want
run "$T/books.eval" form.xlsx >form.out
same "a form workbook scores as its JSON twin" form.want form.out
{ run "$T/books.eval" "$T/table.json"
  echo '{"id":"丙","errors":[{"at":"table.xlsx:部门!C4","message":"预算.执行数: \"abc\" is not a number"}]}'
  echo '{"id":4,"errors":[{"at":"table.xlsx:效益指标!A5","message":"部门名称 \"丁\" names no row of the first sheet"}]}'
} >table.want
run "$T/books.eval" table.xlsx >table.out
same "a table workbook scores as its JSON twin; bad cells are named by their address" \
  table.want table.out

"$BIN" template "$HP" -o tpl.xlsx || fail "jixiao template"
$PY "$T/fill.py" tpl.xlsx "$EX/huangpu.json" filled.xlsx || fail "fill.py"
run "$HP" "$EX/huangpu.json" >hp.want
run "$HP" filled.xlsx >hp.out
same "the generated template, filled by a script, scores as the JSON data set" hp.want hp.out
# the README's quick start: filled forms in a folder with Excel's lock file; one department
# typed 九成 for a number (B3, 绩效目标.产出完成率): its error result names the cell and carries
# its 部门名称 (it used to be its position, 1, which named no department), the others are scored
mkdir 收回
$PY - "$EX/huangpu.json" <<'EOF' || fail "making 收回/"
import json, sys
import openpyxl
d = json.load(open(sys.argv[1], encoding="utf-8"))
for name, who, rate in (("档案馆", "区档案馆", "九成"), ("统计局", "区统计局", "99.7%")):
    wb = openpyxl.load_workbook("filled.xlsx")
    ws = wb["填报"]
    assert ws["A2"].value == "部门名称" and ws["A3"].value == "绩效目标.产出完成率"
    ws["B2"], ws["B3"] = who, rate
    wb.save("收回/%s.xlsx" % name)
open("收回/~$档案馆.xlsx", "wb").write(b"\x0cAdministrator" + b"\0" * 40)
EOF
"$BIN" run "$HP" 收回/ --format csv --lang zh >收回.csv 2>/dev/null
[ $? = 1 ] || fail "收回/: want exit 1 (档案馆 is an error result)"
cut -d, -f1-3 收回.csv | tr -d '\r' >收回.got
printf '\xef\xbb\xbf标识,总分,等级\n区档案馆,,\n区统计局,95.85,优\n' >收回.want
same "a folder of filled forms: the bad one is an error under its 部门名称, the lock file skipped" \
  收回.want 收回.got
grep -qF '绩效目标.产出完成率：“九成”不是数值（收回/档案馆.xlsx:填报!B3）' 收回.csv ||
  fail "收回.csv: the error does not name the cell"
"$BIN" template "$ROOT/rules/2022/project.eval" -o project.xlsx || fail "jixiao template project"
# 绩效指标's columns in the national form's order (年度指标值 before 实际完成值, then 分值), not
# in the order the rules read them (分值, 实际完成值, 年度指标值): copied columns keep their place
$PY -c "import openpyxl; ws = openpyxl.load_workbook('project.xlsx')['绩效指标']
print(','.join(str(c.value) for c in ws[1]))" >cols.got || fail "project.xlsx: no 绩效指标 sheet"
echo '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,自评得分,偏差原因' >cols.want
same "the project template's 绩效指标 columns follow the national form" cols.want cols.got
for f in "$EX"/project/*.json; do     # rows of 绩效指标 on their own sheet; targets like =8个
  $PY "$T/fill.py" project.xlsx "$f" p.xlsx || fail "fill.py $f"
  run "$ROOT/rules/2022/project.eval" "$f" >p.want
  run "$ROOT/rules/2022/project.eval" p.xlsx >p.out
  same "the project template filled with ${f##*/} scores as the JSON file" p.want p.out
done
run "$HP" "$EX/huangpu.xlsx" >ex.out
same "examples/2022/huangpu.xlsx scores as huangpu.json" hp.want ex.out
run "$HP" "$EX/departments.json" >dep.want
run "$HP" "$EX/departments.csv" >dep.out
same "examples/2022/departments.csv (GBK) scores as departments.json" dep.want dep.out

# --- 4. LibreOffice ----------------------------------------------------------------------------
LO=$(command -v libreoffice || command -v soffice) || {
  echo "SKIP: libreoffice is not installed (apt-get install libreoffice-calc-nogui)"
  echo PASS
  exit 0
}
lo() {
  timeout 180 "$LO" -env:UserInstallation="file://$TMP/profile" --headless "$@" \
    >>lo.log 2>&1 || { cat lo.log; fail "libreoffice $*"; }
}
iconv -f GB18030 -t UTF-8 "$EX/departments.csv" >departments.csv
lo --convert-to xlsx --outdir lo formula.xlsx filled.xlsx
lo --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir lo departments.csv
lo --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1 --outdir locsv tpl.xlsx
run "$T/books.eval" lo/formula.xlsx >formula.out
same "a formula's value cached by LibreOffice is read" form.want formula.out
run "$HP" lo/filled.xlsx >lofilled.out
same "the filled template re-saved by LibreOffice scores the same" hp.want lofilled.out
run "$HP" lo/departments.xlsx >lodep.out
same "LibreOffice's .xlsx of the CSV table scores as the CSV" dep.want lodep.out
{ echo "数据项,值,类型,说明"; "$BIN" template "$HP" | sed '1s/^\xEF\xBB\xBF//; s/\r$//' | tr ',' '\n'; } >items.want
sed 's/"//g' locsv/tpl.csv >tpl.csv      # Calc quotes text cells; the items hold no commas
cut -d, -f1 tpl.csv | sed '1s/.*/数据项,值,类型,说明/' >items.got
[ "$(head -n 1 tpl.csv)" = "数据项,值,类型,说明" ] || fail "template header: $(head -n 1 tpl.csv)"
same "LibreOffice opens the template: its data items, in order, as template.csv lists them" \
  items.want items.got
grep -q '^信息公开.预算按时公开,,是否,预算决算公开合规性（条件）$' tpl.csv \
  || fail "template row of a 是/否 item: $(grep 预算按时公开 tpl.csv)"
grep -q '^预算.执行数,,数值,部门预算资金支出率（计算）$' tpl.csv \
  || fail "template row of a number: $(grep '^预算.执行数' tpl.csv)"
# the id's 说明 in the department's words (it was 数据集的名称（结果的 id）, English to them)
grep -q '^部门名称,,文本,结果的标识：每份评分结果以此命名$' tpl.csv \
  || fail "template row of the id: $(grep '^部门名称' tpl.csv)"
echo "ok the template's 类型 and 说明 cells read back"
echo PASS
