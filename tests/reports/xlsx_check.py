#!/usr/bin/python3
# tests/reports/xlsx_check.py BOOK.xlsx RESULTS.json [SHEET NAME...]
#
# Reads jixiao's workbook with openpyxl and checks it against jixiao's JSON results of the same
# run: sheet order and names, every indicator's name, weight and score in its level's columns
# on the row of its first leaf, the merged cells over its leaves' rows, SUM formulas where a
# parent is the plain sum of its children (and the total), their cached values, the score
# cells' number format (the rule set's decimals), 自评分/差异 under selfscore, the errors in
# red, the print set-up, and the 汇总 sheet (a row per data set, filters, frozen header).
# Prints "ok ..." lines; exits 1 after the first "FAIL ..." line.
import json
import sys

import openpyxl

book, results_path = sys.argv[1], sys.argv[2]
want_names = sys.argv[3:]
results = json.load(open(results_path, encoding="utf-8"))
if isinstance(results, dict):
    results = [results]
wb = openpyxl.load_workbook(book)                   # formulas
wv = openpyxl.load_workbook(book, data_only=True)   # their cached values
checked = {"cells": 0, "merges": 0, "formulas": 0}


def fail(msg):
    print("FAIL " + msg)
    sys.exit(1)


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) < 1e-9


names = wb.sheetnames
if names[0] != "汇总" or len(names) != len(results) + 1:
    fail("sheets %r: want 汇总 then one a data set (%d)" % (names, len(results)))
if want_names and names[1:] != want_names:
    fail("sheet names %r, want %r" % (names[1:], want_names))
folded = set()
for n in names:
    units = sum(2 if ord(ch) > 0xFFFF else 1 for ch in n)
    if units > 31 or any(ch in n for ch in "[]:*?/\\") or n.lower() in folded or n[0] == "'":
        fail("sheet name %r is not valid for Excel or not unique" % n)
    folded.add(n.lower())
print("ok %d sheets: 汇总 first, names valid and unique" % len(names))


def depth(inds):
    return 1 + max((depth(i["indicators"]) for i in inds if "indicators" in i), default=0)


def layout(inds, level, row, out):
    """Assign rows in preorder: (indicator, level, first row, rows spanned)."""
    for ind in inds:
        first = row
        if "indicators" in ind:
            row = layout(ind["indicators"], level + 1, row, out)
        else:
            row += 1
        out.append((ind, level, first, row - first))
    return row


def decimals(fmt):
    return len(fmt.split(".")[1]) if "." in fmt else 0


for r, sheet in zip(results, names[1:]):
    ws, wsv = wb[sheet], wv[sheet]
    title = ws.cell(1, 1).value
    if not str(title).startswith(str(r["id"])):
        fail("%s: title %r does not start with the id" % (sheet, title))
    if "indicators" not in r:
        continue
    d = depth(r["indicators"])
    heads = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    # `from` rows with targets: the national project table, 一级 | 二级 | 三级 | 年度指标值 |
    # 实际完成值 | 分值 | 得分 | 偏差原因, 分值 and 得分 each row's own
    project = "年度指标值" in heads
    want = []
    for l in range(d):
        want += ["%s级指标" % "一二三四五六七八九"[l]] + ([] if project else ["分值", "得分"])
    if project:
        want += ["年度指标值", "实际完成值", "分值", "得分"]
    if any("review" in x for x in results):     # selfscore (error results have one too)
        want += ["自评分", "差异"]
    want += ["偏差原因" if project else "扣分原因"]
    if heads != want:
        fail("%s: header %r, want %r" % (sheet, heads, want))
    # each level's name, 分值 and 得分 columns (1-based), found by the header
    cols = []
    for l in range(d):
        cn = heads.index("%s级指标" % "一二三四五六七八九"[l]) + 1
        cw = heads.index("分值", cn - 1) + 1
        cols.append((cn, cw, cw + 1))
    total_col = heads.index("得分") + 1
    merged = {str(m) for m in ws.merged_cells.ranges}
    rows = []
    end = layout(r["indicators"], 0, 3, rows)
    prec = None
    L = openpyxl.utils.get_column_letter
    for ind, level, row, n in rows:
        cn, cw, cs = cols[level]
        kids = ind.get("indicators")
        if ws.cell(row, cn).value != ind["name"]:
            fail("%s: row %d: name %r, want %r" % (sheet, row, ws.cell(row, cn).value, ind["name"]))
        spans = [cn]
        if not (project and kids):          # a project table's parent has its name only
            spans += [cw, cs]
            if not close(ws.cell(row, cw).value, ind["weight"]):
                fail("%s: %s: weight %r, want %r" % (sheet, ind["name"], ws.cell(row, cw).value, ind["weight"]))
            got = wsv.cell(row, cs).value
            if ind["score"] is None:
                if got not in (None, "不适用"):
                    fail("%s: %s: score %r, want an empty cell or 不适用" % (sheet, ind["name"], got))
            elif not close(got, ind["score"]):
                fail("%s: %s: score %r, want %r" % (sheet, ind["name"], got, ind["score"]))
            else:
                prec = decimals(ws.cell(row, cs).number_format)
        checked["cells"] += len(spans)
        if n > 1:
            for c in spans:
                rng = "%s%d:%s%d" % (L(c), row, L(c), row + n - 1)
                if rng not in merged:
                    fail("%s: %s: %s is not merged" % (sheet, ind["name"], rng))
                checked["merges"] += 1
        formula = ws.cell(row, cs).value if len(spans) > 1 else None
        # a plain sum: no own deductions, every child scored or left out (不适用, a text cell
        # SUM passes over), the scored ones adding up to the score
        plain = (kids and ind["score"] is not None and not ind.get("deductions")
                 and all(k["score"] is not None or k.get("skipped") for k in kids)
                 and close(round(sum(k["score"] or 0 for k in kids), 9), ind["score"]))
        if plain and len(spans) > 1:
            letter = L(cols[level + 1][2])
            f = "=SUM(%s%d:%s%d)" % (letter, row, letter, row + n - 1)
            if formula != f:
                fail("%s: %s: score cell %r, want %s" % (sheet, ind["name"], formula, f))
            checked["formulas"] += 1
        elif isinstance(formula, str) and formula.startswith("="):
            fail("%s: %s: a formula %r where the score is not a plain sum" % (sheet, ind["name"], formula))
        if ind.get("error"):
            reason = ws.cell(row, ws.max_column)
            if "错误" not in (reason.value or "") or reason.font.color.rgb != "FFC00000":
                fail("%s: %s: the error is not shown in red" % (sheet, ind["name"]))
            print("ok %s: the error of %s in red" % (sheet, ind["name"]))
    # 总分: the maximum under the first 分值, the total under the first 得分 (a SUM of that
    # column when the top level adds up, and in a project table when every parent does)
    tc = total_col
    total = ws.cell(end, 1).value, wsv.cell(end, tc).value, ws.cell(end, tc).value
    if total[0] != "总分":
        fail("%s: row %d is %r, want 总分" % (sheet, end, total[0]))

    def adds_up(ind):
        kids = ind.get("indicators")
        return not kids or (not ind.get("deductions") and ind["score"] is not None
                            and close(round(sum(k["score"] or 0 for k in kids), 9), ind["score"])
                            and all(adds_up(k) for k in kids))
    if "score" in r:
        if not close(total[1], r["score"]):
            fail("%s: total %r, want %r" % (sheet, total[1], r["score"]))
        top = r["indicators"]
        if (not r.get("deductions") and all(i["score"] is not None for i in top)
                and close(round(sum(i["score"] for i in top), 9), r["score"])
                and (not project or all(adds_up(i) for i in top))):
            f = "=SUM(%s3:%s%d)" % (L(tc), L(tc), end - 1)
            if total[2] != f:
                fail("%s: total cell %r, want %s" % (sheet, total[2], f))
            checked["formulas"] += 1
        if r.get("grade") and (ws.cell(end + 1, 1).value != "评价等级" or ws.cell(end + 1, tc).value != r["grade"]):
            fail("%s: no 评价等级 row with %r" % (sheet, r["grade"]))
    for v in r.get("review", []):
        leaf = v["indicator"].split(".")[-1]
        hit = [row for ind, level, row, n in rows if ind["name"] == leaf and "indicators" not in ind]
        if hit:
            c = heads.index("差异") + 1
            cell = ws.cell(hit[0], c)
            if not close(cell.value, v["diff"]) or cell.fill.fgColor.rgb in (None, "00000000"):
                fail("%s: %s: 差异 %r not %r and highlighted" % (sheet, leaf, cell.value, v["diff"]))
    if prec is not None and prec != r.get("_precision", prec):
        fail("%s: scores with %d decimals" % (sheet, prec))
    ps = ws.page_setup
    if ps.orientation != "landscape" or int(ps.paperSize) != 9 or ws.print_title_rows != "$2:$2" \
            or not ws.sheet_properties.pageSetUpPr.fitToPage or int(ps.fitToHeight) != 0:
        fail("%s: print set-up: %s %s %s fit %s" % (sheet, ps.orientation, ps.paperSize,
                                                  ws.print_title_rows, ps.fitToHeight))
print("ok %(cells)d name/weight/score cells, %(merges)d merged ranges, %(formulas)d SUM formulas"
      % checked + " match the JSON results")

s, sv = wb["汇总"], wv["汇总"]
head = [s.cell(1, c).value for c in range(1, s.max_column + 1)]
if head[:3] != ["标识", "总分", "等级"] or head[-1] != "错误":
    fail("汇总 header %r" % head)
for i, r in enumerate(results):
    row = i + 2
    if str(sv.cell(row, 1).value) != str(r["id"]):
        fail("汇总 row %d: id %r, want %r" % (row, sv.cell(row, 1).value, r["id"]))
    if "score" in r and not close(sv.cell(row, 2).value, r["score"]):
        fail("汇总 row %d: score %r, want %r" % (row, sv.cell(row, 2).value, r["score"]))
    if "errors" in r and not sv.cell(row, len(head)).value:
        fail("汇总 row %d: no errors" % row)
# every indicator's score under the column of its dotted path (with `from` rows: every row of
# every data set, §11), each path once, a parent's column before its children's, and empty
# cells where a data set has no such indicator (or two: rows of one name, an error result)
cols = {h: c + 1 for c, h in enumerate(head[3:-1], 3)}
if len(cols) != len(head) - 4:
    fail("汇总: a path heads two columns: %r" % head)
for h in cols:
    if "." in h and h.rsplit(".", 1)[0] in cols and cols[h.rsplit(".", 1)[0]] > cols[h]:
        fail("汇总: column %r comes before its parent's" % h)
def scores(inds, prefix, out):
    for ind in inds:
        path = prefix + ind["name"]
        out[path] = ind.get("score") if path not in out else None
        scores(ind.get("indicators", []), path + ".", out)
    return out
nscores = 0
for i, r in enumerate(results):
    have = scores(r.get("indicators", []), "", {})
    for path, c in cols.items():
        got, want = sv.cell(i + 2, c).value, have.get(path)
        if (want is None) != (got is None) or (want is not None and not close(got, want)):
            fail("汇总 row %d, %s: %r, want %r" % (i + 2, path, got, want))
        nscores += want is not None
    if set(have) - set(cols):
        fail("汇总: no column for %r" % sorted(set(have) - set(cols)))
print("ok 汇总: %d columns, %d scores by dotted path" % (len(cols), nscores))
if s.freeze_panes != "B2" or s.auto_filter.ref != "A1:%s%d" % (
        openpyxl.utils.get_column_letter(len(head)), len(results) + 1):
    fail("汇总: frozen at %r, filter %r" % (s.freeze_panes, s.auto_filter.ref))
print("ok 汇总: %d rows in input order, filters, frozen header" % len(results))
print("PASS")
