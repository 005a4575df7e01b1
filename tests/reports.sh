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
# - big workbooks: a sheet of more than 8,192 cells is made row by row (inline strings); which
#   ones is checked, and one is compared with the JSON results by xlsx_check.py and read by
#   LibreOffice.
# - totals (tests/reports/xlsx_recalc.py): LibreOffice opens copies of the workbooks (batch,
#   huge, and sums.eval's, whose totals its comments work out by hand) with every formula's
#   cached value taken out, so it computes each one itself; every formula's value must be
#   jixiao's cached value and jixiao's score, a score written as a value must not be a plain
#   sum (that is a SUM's job), and one that is not the sum of its parts must say why.
# - html: the file refers to nothing outside itself and escapes the ids; headless Chromium,
#   whose every request goes to a recording stand-in proxy (tests/reports/listen.py), renders
#   it to PDF and PNG without one request; the PDF has the overview's sections and each data
#   set starting a page of its own, in order; the Huangpu table prints on one page with its
#   总分 and 评价等级; a longer one (sums.eval's 100 rows) runs over filled pages, repeating its
#   header row.
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
"$BIN" run "$R/sums.eval" "$R/sums.json" >sums.json || fail "jixiao run sums"
"$BIN" run "$R/sums.eval" "$R/sums.json" --format xlsx -o sums.xlsx || fail "jixiao run sums --format xlsx"

# --- xlsx ------------------------------------------------------------------------------------
"$BIN" run "$R/batch.eval" "$R/batch.json" --format xlsx -o batch.xlsx --lang zh 2>/dev/null
[ $? = 1 ] && [ -s batch.xlsx ] || fail "jixiao --format xlsx -o batch.xlsx"
"$BIN" run "$ROOT/rules/2022/huangpu.eval" "$ROOT/examples/2022/huangpu.json" --format xlsx \
  -o huangpu.xlsx || fail "jixiao --format xlsx -o huangpu.xlsx"
# project tables (`from` rows): 年度指标值 and 实际完成值 columns
"$BIN" run "$ROOT/rules/2022/project.eval" "$ROOT/examples/2022/project" >project.json ||
  fail "jixiao run project"
"$BIN" run "$ROOT/rules/2022/project.eval" "$ROOT/examples/2022/project" --format xlsx \
  -o project.xlsx || fail "jixiao --format xlsx -o project.xlsx"
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
  $PY "$R/xlsx_check.py" project.xlsx project.json '村级补助及运转经费' '委托业务项目' \
    '【体制】自管道路清扫保洁外包工作经费' || fail "xlsx_check project"
  $PY "$R/xlsx_check.py" sums.xlsx sums.json 甲 乙 || fail "xlsx_check sums"
  # A big sheet is made row by row in bounded memory (docs/scale.md): past 8,192 cells, a data
  # set's sheet keeps its text in its cells (inline strings) instead of the shared table, and
  # so does the 汇总 sheet of a rule set of more than 1,024 indicators.  big.eval: 8 x 100 =
  # 800 leaves under one 维度 (809 indicators), 10 columns (3 levels x name, 分值, 得分, and
  # 扣分原因): (800 + 4) x 10 = 8,040 cells, kept in memory.  huge.eval: 2 x 5 x 110 = 1,100
  # leaves (1,112 indicators), 11,040 cells, made row by row and checked cell by cell, merged
  # range by merged range, and its 汇总 sheet too.  完成率 0.55: each 方面's 110 leaves add up
  # to 81.75 (below), which a plain sum of doubles made 81.7499999999999.
  gen() {   # gen TOP MID LEAVES: leaves alternately scored and deducted from, with reasons
    awk -v t="$1" -v m="$2" -v l="$3" 'BEGIN {
      print "ruleset \"大表\"\nid $名称"
      for (i = 1; i <= t; i++) {
        printf "indicator 维度%d %d {\n", i, m * l
        for (j = 1; j <= m; j++) {
          printf "  indicator 方面%d_%d %d {\n", i, j, l
          for (k = 1; k <= l; k++)
            if (k % 2) printf "    indicator 指标%d_%d_%d 1 { score weight * $完成率 }\n", i, j, k
            else printf "    indicator 指标%d_%d_%d 1 { deduct 0.5 if $问题 > %d : \"问题{$问题}项\" }\n", i, j, k, k % 7
          print "  }"
        }
        print "}"
      }
    }'
  }
  gen 1 8 100 >big.eval
  gen 2 5 110 >huge.eval
  for i in 1 2 3; do echo "{\"名称\":\"单位$i\",\"完成率\":0.55,\"问题\":$i}"; done >big.ndjson
  "$BIN" run big.eval big.ndjson --format xlsx -o big.xlsx -j 2 || fail "jixiao run big.eval --format xlsx"
  head -n 1 big.ndjson >huge.ndjson
  # Excel's sheets have 16,384 columns: the 汇总 sheet of wide.eval's 16,402 indicators (1
  # 维度, 1 方面, 16,400 leaves) shows the first 16,380 (维度1, 方面1_1, 指标1_1_1 ..
  # 指标1_1_16378), then 错误 in the last column, XFD (it used to fall off the sheet)
  gen 1 1 16400 >wide.eval
  "$BIN" run wide.eval huge.ndjson --format xlsx -o wide.xlsx || fail "jixiao run wide.eval --format xlsx"
  $PY -c 'import re, sys, zipfile
s = zipfile.ZipFile("wide.xlsx").read("xl/worksheets/sheet1.xml").decode()
sys.exit(not (re.search("<c r=\"XFD1\"[^>]*><is><t>错误</t>", s) and "指标1_1_16378<" in s
              and "指标1_1_16379<" not in s))' || fail "the 汇总 sheet of 16,402 indicators"
  echo "ok the 汇总 sheet of 16,402 indicators shows 16,380 of them and 错误 in column XFD"
  "$BIN" run huge.eval huge.ndjson --format json >huge.json || fail "jixiao run huge.eval"
  "$BIN" run huge.eval huge.ndjson --format xlsx -o huge.xlsx || fail "jixiao run huge.eval --format xlsx"
  $PY - <<'PYEOF' || fail "which sheets are made row by row"
import sys, zipfile
def inline(book, n):
    z = zipfile.ZipFile(book)
    return [b't="inlineStr"' in z.read("xl/worksheets/sheet%d.xml" % i) for i in range(1, n + 2)]
got = inline("big.xlsx", 3), inline("huge.xlsx", 1)
want = [False] * 4, [True, True]
if got != want:
    print("inline strings by sheet: %r, want %r" % (got, want))
    sys.exit(1)
PYEOF
  echo "ok big workbooks: sheets of 8,040 cells are kept in memory; one of 11,040 and the 汇总 sheet of 1,112 indicators are made row by row"
  $PY "$R/xlsx_check.py" huge.xlsx huge.json >check.log || { cat check.log; fail "xlsx_check huge"; }
  grep '^ok.*match' check.log
else
  echo "SKIP: openpyxl is not installed (apt-get install python3-openpyxl)"
fi

LO=$(command -v libreoffice || command -v soffice)
if [ -n "$LO" ]; then
  lo() {
    timeout 180 "$LO" -env:UserInstallation="file://$TMP/profile" --headless "$@" \
      >>lo.log 2>&1 || { cat lo.log; fail "libreoffice $*"; }
  }
  # every sheet to its own CSV (-1): comma, quote, UTF-8, values as stored, not as shown; of
  # copies without the formulas' cached values (s/), so the values are LibreOffice's own
  CSV='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
  mkdir -p s
  for b in batch sums huge; do
    [ -s $b.xlsx ] && { $PY "$R/xlsx_recalc.py" strip $b.xlsx s/$b.xlsx >/dev/null || fail "strip $b.xlsx"; }
  done
  lo --convert-to "$CSV" --outdir csv s/batch.xlsx s/sums.xlsx
  # recalc BOOK RESULTS: LibreOffice's values of every formula against jixiao's
  recalc() {
    $PY "$R/xlsx_recalc.py" check "$1.xlsx" "csv/$1" "$2" >recalc.log || { cat recalc.log; fail "xlsx_recalc $1"; }
    echo "$(cat recalc.log) ($1.xlsx)"
  }
  recalc batch batch.json
  recalc sums sums.json
  # sums.eval, by hand (its comments): 甲 明细 55 (a SUM of 100 rows of 0.55), 总分 72; 乙 总分
  # 120 (a value: 123 capped), its reason said
  grep -qxF '明细,100,55,1,1,0.55,得分 0.55 分（满分 1 分）：weight * $率' csv/sums-甲.csv &&
    grep -qx '总分,120,72,,,,' csv/sums-甲.csv &&
    grep -qx '总分,120,120,,,,含加分项，以满分 120 分为限' csv/sums-乙.csv ||
    fail "LibreOffice does not compute 明细 55 and 总分 72 of 甲, or 总分 120 of 乙 with its reason"
  echo "ok LibreOffice computes sums.eval's totals as worked out by hand: 明细 55, 总分 72 and 120"
  "$BIN" run "$R/batch.eval" "$R/batch.json" --format csv --lang zh 2>/dev/null |
    sed '1s/^\xEF\xBB\xBF//; s/\r$//' >want.csv
  diff -u --label "jixiao --format csv --lang zh" --label "LibreOffice: 汇总" want.csv csv/batch-汇总.csv ||
    fail "the 汇总 sheet does not read back as jixiao's CSV"
  echo "ok LibreOffice reads the 汇总 sheet back as jixiao's CSV ($(($(wc -l <want.csv) - 1)) rows)"
  grep -qx '总分,100,64,,,,,,,,,' "csv/batch-<script>alert(1)<／script> & 丙.csv" ||
    fail "no 总分 row 100, 64 in LibreOffice's CSV of the third sheet"
  echo "ok LibreOffice computes the third sheet's 总分 (a SUM formula) as 64"
  lo --convert-to pdf --outdir pdf batch.xlsx
  pages=$(pdfinfo pdf/batch.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
  if [ -z "$pages" ]; then
    echo "SKIP: pdfinfo is not installed (apt-get install poppler-utils)"
  else
    [ "$pages" = 7 ] || fail "batch.pdf has $pages pages, want 7 (汇总 and one a data set)"
    pdftotext -layout pdf/batch.pdf batch.txt
    for want in '甲单位——报表测试（v1）' '<script>alert(1)</script> & 丙——报表测试（v1）' \
                '存在挤占挪用，一票否决' '错误：履职效能.产出.数量' '第 7 页，共 7 页'; do
      grep -qF -- "$want" batch.txt || fail "batch.pdf: no '$want' in its text"
    done
    echo "ok LibreOffice prints the workbook on 7 A4 pages with the titles, reasons and errors"
  fi
  # huge.xlsx, made row by row: each 方面 has 55 scored leaves x 0.55 = 30.25 and 55 deducted
  # ones, of which 7 lose 0.5 (with 问题 1, `$问题 > k % 7` holds where 7 divides an even k:
  # 14, 28 ... 98): 55 - 3.5 = 51.5; 30.25 + 51.5 = 81.75 a 方面, 408.75 a 维度, 总分 817.5,
  # each a SUM; the last leaf, 指标2_5_110, keeps its 1 (110 % 7 = 5); its 汇总 sheet reads
  # back as jixiao's CSV
  if [ -s s/huge.xlsx ]; then
    lo --convert-to "$CSV" --outdir csv s/huge.xlsx
    recalc huge huge.json
    grep -qx ',,,,,,指标2_5_110,1,1,' csv/huge-单位1.csv && grep -qx '总分,1100,817.5,,,,,,,' csv/huge-单位1.csv &&
      grep -q '^维度1,550,408.75,方面1_1,110,81.75,' csv/huge-单位1.csv ||
      fail "LibreOffice does not compute the last leaf, 81.75, 408.75 and 总分 817.5 of the sheet made row by row"
    "$BIN" run huge.eval huge.ndjson --format csv --lang zh | sed '1s/^\xEF\xBB\xBF//; s/\r$//' >want.csv
    cmp -s want.csv csv/huge-汇总.csv || fail "the 汇总 sheet made row by row does not read back as jixiao's CSV"
    echo "ok LibreOffice computes the sheet made row by row: the last leaf, 81.75, 408.75, 总分 817.5 (SUM formulas), 汇总 as the CSV"
  fi
else
  echo "SKIP: libreoffice is not installed (apt-get install libreoffice-calc-nogui)"
fi

# --- html ------------------------------------------------------------------------------------
"$BIN" run "$R/batch.eval" "$R/batch.json" --format html -o batch.html 2>/dev/null
[ $? = 1 ] && [ -s batch.html ] || fail "jixiao --format html -o batch.html"
"$BIN" run "$ROOT/rules/2022/huangpu.eval" "$ROOT/examples/2022/huangpu.json" --format html \
  -o huangpu.html || fail "jixiao --format html -o huangpu.html"
"$BIN" run "$ROOT/rules/2022/project.eval" "$ROOT/examples/2022/project" --format html \
  -o project.html || fail "jixiao --format html -o project.html"
"$BIN" run "$R/sums.eval" "$R/sums.json" --format html -o sums.html ||
  fail "jixiao --format html -o sums.html"
# self-contained: nothing that would load (no script, no src, no stylesheet or font link, no
# url(), no @import, no address outside the page); the hostile id is text
if grep -Eqi '<script|<link|<img|<iframe|<object|<embed|src=|url\(|@import|https?:|//[a-z]' batch.html; then
  grep -Eni '<script|<link|<img|<iframe|<object|<embed|src=|url\(|@import|https?:|//[a-z]' batch.html | head -5
  fail "batch.html refers to something outside itself"
fi
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; 丙' batch.html ||
  fail "the id <script>… is not escaped as text"
echo "ok the report is self-contained (no script, link, src, url() or address) and escapes the ids"

CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
if [ -z "$CHROME" ]; then
  echo "SKIP: chromium is not installed (apt-get install chromium fonts-noto-cjk)"
elif ! command -v pdftotext >/dev/null; then
  echo "SKIP: pdftotext is not installed (apt-get install poppler-utils)"
else
  # a recording proxy: any request the page makes reaches it and is logged
  : >net.log
  $PY "$R/listen.py" port net.log & listener=$!
  for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s port ] && break; sleep 0.2; done
  chrome() {
    timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d "$TMP/chrome.XXXXXX")" \
      --proxy-server="http://127.0.0.1:$(cat port)" --proxy-bypass-list='<-loopback>' "$@" \
      >>chrome.log 2>&1 || { tail -5 chrome.log; kill "$listener"; fail "chromium $*"; }
  }
  chrome --no-pdf-header-footer --print-to-pdf="$TMP/batch.pdf" "file://$TMP/batch.html"
  chrome --screenshot="$TMP/batch.png" --window-size=1200,2400 --hide-scrollbars "file://$TMP/batch.html"
  chrome --no-pdf-header-footer --print-to-pdf="$TMP/huangpu.pdf" "file://$TMP/huangpu.html"
  chrome --no-pdf-header-footer --print-to-pdf="$TMP/project.pdf" "file://$TMP/project.html"
  chrome --no-pdf-header-footer --print-to-pdf="$TMP/sums.pdf" "file://$TMP/sums.html"
  kill "$listener"
  # the browser's own service calls (sign-in, clock, component updates), made whatever the
  # page, are not the page's; anything else is
  # (hosts under google.com, googleapis.com, gstatic.com, gvt1.com). The page itself cannot
  # reach them either: the grep above found no address of any kind in it.
  # A connection that sends no request line at all (Chromium opens some ahead of need and
  # closes them unused) asks for no address: listen.py logs it as such, and it is set aside too.
  own='^(CONNECT|GET|POST) (http://)?([a-z0-9.-]+\.)?(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)[:/]'
  grep -Ev "$own|^\(connection without a request\)$" net.log >page-net.log
  [ -s page-net.log ] && { cat page-net.log; fail "the report made network requests"; }
  echo "ok Chromium rendered the report to PDF and PNG without a network request" \
    "($(grep -Ec "$own" net.log) of the browser's own service calls set aside)"
  [ "$(head -c 8 batch.png | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] ||
    fail "batch.png is not a PNG"
  pdftotext -layout batch.pdf batch-html.txt
  for want in '报表测试（v1）评分报告' 总体情况 等级分布 得分分布 排名 失分分布 自评复核 数据问题 \
              '管理效率.预算' '<script>alert(1)</script> & 丙' '存在挤占挪用，一票否决' \
              '未能评分' '$数量 is a string'; do
    grep -qF -- "$want" batch-html.txt || fail "batch.pdf: no '$want' in its text"
  done
  echo "ok the PDF has the overview's sections, the reasons, the errors and the hostile id as text"
  # each data set starts a page: its title is the first line of a page, in input order
  pages=$(pdfinfo batch.pdf | awk '/^Pages:/ {print $2}')
  firsts=""
  for ((p = 1; p <= pages; p++)); do
    firsts+=$(pdftotext -f $p -l $p -layout batch.pdf - | grep -m1 . | sed 's/^ *//')$'\n'
  done
  got=$(printf '%s' "$firsts" | grep -F '——报表测试（v1）')
  want=$(printf '%s\n' '甲单位——报表测试（v1）' '乙单位/财务[科]:*?——报表测试（v1）' \
    '<script>alert(1)</script> & 丙——报表测试（v1）' '丁单位——报表测试（v1）' \
    '甲单位——报表测试（v1）' '一个名字特别特别长的单位名称超过了三十一个字符的限制还要更长一些——报表测试（v1）')
  [ "$got" = "$want" ] || fail "data sets do not each start a page, in order: $got"
  first=$(printf '%s' "$firsts" | grep -n -m1 '甲单位——' | cut -d: -f1)
  [ "$pages" = $((first - 1 + 6)) ] ||
    fail "batch.pdf: $pages pages, want the overview ($((first - 1))) and one a data set (6)"
  echo "ok $pages A4 pages: the overview on $((first - 1)), then each data set on a page of its own"
  # project tables: their own columns, the targets and actuals as the departments typed them
  pdftotext -layout project.pdf project.txt
  for want in '村级补助及运转经费——项目支出绩效自评（2022）' '委托业务项目——项目支出绩效自评（2022）' \
              年度指标值 实际完成值 偏差原因 '≤202.6万元' '≥90%' '132.9'; do
    grep -qF -- "$want" project.txt || fail "project.pdf: no '$want' in its text"
  done
  echo "ok the project tables print with 年度指标值, 实际完成值 and 偏差原因"
  # a table of Huangpu's size (35 rows) prints on one page, 总分 and 评价等级 with the title: the
  # 管理效率 group of 26 rows used to go whole to the next page, leaving the title's page with 3
  # rows and a third page with only 评价等级 (3 pages a department)
  pdftotext -layout huangpu.pdf - | grep -qF '广州市黄埔区工商业联合会——广州市部门整体支出绩效自评（2022）' ||
    fail "huangpu.pdf: no title"
  hp=$(pdfinfo huangpu.pdf | awk '/^Pages:/ {print $2}')
  last=$(pdftotext -f "$hp" -l "$hp" -layout huangpu.pdf -)
  case $(printf '%s\n' "$last" | grep -m1 . | sed 's/^ *//') in
    广州市黄埔区工商业联合会——*) ;;
    *) fail "huangpu.pdf: the table does not start its last page (it runs over a page)" ;;
  esac
  for want in 新增预算项目事前绩效评估 '“三公”经费控制情况' 总分 评价等级; do
    printf '%s\n' "$last" | grep -qF -- "$want" || fail "huangpu.pdf: '$want' is not on the title's page"
  done
  echo "ok the Huangpu table prints on one A4 page with its title, 总分 and 评价等级"
  # a table longer than a page (sums: 100 rows under the merged 明细) runs over pages, repeating
  # its header row there, and fills them: neither the page of a title nor a page after it is
  # left with a line or two (a title alone, a header and a total alone)
  sp=$(pdfinfo sums.pdf | awk '/^Pages:/ {print $2}')
  seen=0 cont=0
  for ((p = 1; p <= sp; p++)); do
    text=$(pdftotext -f $p -l $p -layout sums.pdf -)
    first=$(printf '%s\n' "$text" | grep -m1 . | sed 's/^ *//')
    case $first in
      甲——合计|乙——合计) seen=1 ;;
      一级指标*) [ $seen = 1 ] || fail "sums.pdf page $p: a header row before any title"
                 cont=$((cont + 1)) ;;
      *) continue ;;
    esac
    lines=$(printf '%s\n' "$text" | grep -c .)
    [ "$lines" -ge 10 ] || fail "sums.pdf page $p ('$first'): $lines lines, want a filled page"
  done
  [ $cont -ge 2 ] || fail "sums.pdf: $cont pages repeat the header row, want 2 or more"
  echo "ok a longer table runs over filled pages, repeating its header row on $cont of them"
fi
echo "PASS"
