#!/usr/bin/python3
# tests/reports/xlsx_recalc.py — jixiao's formulas, recalculated by LibreOffice, against jixiao.
#
#   xlsx_recalc.py strip BOOK.xlsx OUT.xlsx
#       OUT is BOOK with the cached value of every formula cell taken out, so that a program
#       that opens it must compute every formula itself (LibreOffice does, whatever its
#       recalculation setting: a formula without a value has to be calculated to be shown).
#   xlsx_recalc.py check BOOK.xlsx RECALC RESULTS
#       RECALC is OUT as LibreOffice saved it again, its values its own: a workbook
#       (--convert-to xlsx), or the prefix P of its sheets saved as CSV files P-SHEET.csv
#       (--convert-to csv with the sheet option -1, cells as stored, not as shown); RESULTS
#       jixiao's JSON or NDJSON results of the same run.  For each data set's sheet:
#       - every formula cell of BOOK: LibreOffice's value, jixiao's cached value and jixiao's
#         score for that cell (the indicator whose 得分 cell it is, or the total on the 总分
#         row) are the same number (compared as a spreadsheet shows a number: 15 significant
#         digits);
#       - every other score cell holds jixiao's score;
#       - every score written as a plain value (no formula) where the cells it totals (its
#         children's 得分 cells, or the top level's for 总分) add up to it, and no own rule
#         of it acted (a deduction, a fail), is reported: it should be a SUM like the others;
#       - a parent's or the total's value that is NOT the sum of its parts must have its
#         reason in the 扣分原因 column of its row (the sheet says why it does not add up).
#   Prints "ok ..." and exits 0, or prints every "FAIL ..." line and exits 1.
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal


def strip(src, dst):
    n = 0
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if re.match(r"xl/worksheets/sheet\d+\.xml$", item.filename):
                text = data.decode("utf-8")
                text, k = re.subn(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", text)
                n += k
                data = text.encode("utf-8")
            zo.writestr(item, data)
    print("ok %d cached formula values taken out" % n)


def g15(x):
    """A number as a spreadsheet can show it: 15 significant digits."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return repr(x)
    s = "%.15g" % x
    return "0" if s == "-0" else s


def dsum(xs):
    """The exact decimal sum of numbers written with at most 15 significant digits."""
    return sum((Decimal(g15(x)) for x in xs), Decimal(0))


def load_results(path):
    text = open(path, encoding="utf-8").read()
    try:
        results = json.loads(text)
    except ValueError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return results if isinstance(results, list) else [results]


def depth(inds):
    return 1 + max((depth(i["indicators"]) for i in inds if "indicators" in i), default=0)


def layout(inds, level, row, parent, out):
    """Preorder rows, as the table lays them out: (indicator, level, first row, rows, parent)."""
    for ind in inds:
        me = len(out)
        out.append(None)
        first = row
        if "indicators" in ind:
            row = layout(ind["indicators"], level + 1, row, me, out)
        else:
            row += 1
        out[me] = (ind, level, first, row - first, parent)
    return row


class Sheet:
    """Cells by (row, column), from 1: .cell(r, c).value as openpyxl gives it (None when
    empty); formulas: (r, c) -> "=SUM(...)"."""

    class Cell:
        def __init__(self, value):
            self.value = value

    def __init__(self, cells, formulas=None):
        self.cells, self.formulas = cells, formulas or {}
        self.max_column = max((c for r, c in cells), default=0)

    def cell(self, row, col):
        return Sheet.Cell(self.cells.get((row, col)))


def number_or_text(text):
    try:
        return float(text)
    except ValueError:
        return text


NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_xlsx(path):
    """The sheets of a workbook, by name in order, each cell's cached value and formula (read
    from the XML: openpyxl takes seconds over a big workbook, and reads it twice for both)."""
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si"):
            shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    book = {}
    for sh in ET.fromstring(z.read("xl/workbook.xml")).iter(NS + "sheet"):
        target = rels[sh.get(REL)].lstrip("/")
        target = target if target.startswith("xl/") else "xl/" + target
        cells, formulas = {}, {}
        for c in ET.fromstring(z.read(target)).iter(NS + "c"):
            m = re.match(r"([A-Z]+)(\d+)$", c.get("r"))
            col = 0
            for ch in m.group(1):
                col = col * 26 + ord(ch) - 64
            pos = (int(m.group(2)), col)
            f, v, t = c.find(NS + "f"), c.find(NS + "v"), c.get("t")
            if f is not None:
                formulas[pos] = "=" + (f.text or "")
            if t == "inlineStr":
                cells[pos] = "".join(x.text or "" for x in c.iter(NS + "t"))
            elif v is None or v.text is None:
                continue
            elif t == "s":
                cells[pos] = shared[int(v.text)]
            elif t in ("str", "e"):
                cells[pos] = v.text
            elif t == "b":
                cells[pos] = v.text == "1"
            else:
                cells[pos] = float(v.text)
        book[sh.get("name")] = Sheet(cells, formulas)
    return book


def read_csv(prefix, names):
    """LibreOffice's CSV files PREFIX-SHEET.csv of a workbook's sheets."""
    book = {}
    for name in names:
        with open("%s-%s.csv" % (prefix, name), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        book[name] = Sheet({(r + 1, c + 1): number_or_text(text) for r, row in enumerate(rows)
                            for c, text in enumerate(row) if text != ""})
    return book


def column_letter(col):
    s = ""
    while col:
        col, k = divmod(col - 1, 26)
        s = chr(65 + k) + s
    return s


def check(book, recalc, results_path):
    results = load_results(results_path)
    wf = read_xlsx(book)            # jixiao's formulas and cached values
    names = list(wf)
    wl = read_xlsx(recalc) if recalc.endswith(".xlsx") else read_csv(recalc, names)
    fails = []
    counts = {"formulas": 0, "values": 0, "explained": 0, "sheets": 0}

    def fail(msg):
        fails.append("FAIL " + msg)

    if names != list(wl) or len(names) != len(results) + 1:
        fail("sheets %r / recalculated %r / %d results" % (names, list(wl), len(results)))
        return fails, counts
    for r, name in zip(results, names[1:]):
        f, l = wf[name], wl[name]
        c = f                       # the cached values are in the same cells
        formulas = f.formulas
        if "indicators" not in r:
            for pos, fx in formulas.items():
                fail("%s: %s: a formula %s in a result without a table" % (name, pos, fx))
            continue
        counts["sheets"] += 1
        heads = [f.cell(2, k).value for k in range(1, f.max_column + 1)]
        project = "年度指标值" in heads
        reason_col = len(heads)
        d = depth(r["indicators"])
        score_col = []
        for lv in range(d):
            cn = heads.index("%s级指标" % "一二三四五六七八九"[lv]) + 1
            score_col.append(heads.index("得分") + 1 if project else cn + 2)
        rows = []
        end = layout(r["indicators"], 0, 3, None, rows)
        # what each score cell must hold: (row, col) -> (score, the cells it totals, label)
        want = {}
        for idx, (ind, lv, first, n, parent) in enumerate(rows):
            kids = ind.get("indicators")
            if project and kids:
                continue                    # a project table shows a parent's name only
            col = score_col[lv]
            parts = None
            if kids and not project:
                parts = [(rw, score_col[lv + 1]) for (k, klv, rw, kn, p) in rows if p == idx]
            want[(first, col)] = (ind.get("score"), parts, ind, ind["name"])
        if "score" in r:
            top = [(rw, score_col[0]) for (k, klv, rw, kn, p) in rows if p is None]
            if project:
                top = [(rw, score_col[0]) for (k, klv, rw, kn, p) in rows if "indicators" not in k]
            want[(end, score_col[0])] = (r["score"], top, r, "总分")
        if f.cell(end, 1).value != "总分":
            fail("%s: row %d is %r, not 总分" % (name, end, f.cell(end, 1).value))
        for pos in formulas:
            if pos not in want:
                fail("%s: %s%d: a formula %s where no score is" % (name, column_letter(pos[1]), pos[0], formulas[pos]))

        def shown(pos):
            """The cell's value once recalculated (LibreOffice's for a formula)."""
            return (l if pos in formulas else c).cell(*pos).value

        for pos, (score, parts, ind, label) in want.items():
            where = "%s: %s (%s%d)" % (name, label, column_letter(pos[1]), pos[0])
            cached, got = c.cell(*pos).value, l.cell(*pos).value
            if score is None:
                if pos in formulas or cached not in (None, "不适用"):
                    fail("%s: %r where jixiao has no score" % (where, cached))
                continue
            if pos in formulas:
                counts["formulas"] += 1
                if not (g15(got) == g15(cached) == g15(score)):
                    fail("%s: %s recalculates to %s; jixiao cached %s and scored %s"
                         % (where, formulas[pos], g15(got), g15(cached), g15(score)))
                continue
            counts["values"] += 1
            if g15(cached) != g15(score):
                fail("%s: %s, jixiao scored %s" % (where, g15(cached), g15(score)))
            if not parts:
                continue
            values = [shown(p) for p in parts]
            nums = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
            adds = all(v in (None, "不适用") or v in nums for v in values) and \
                dsum(nums) == Decimal(g15(score))
            acted = ind.get("deductions") or ind.get("failed")
            if adds and not acted:
                fail("%s: the value %s is the sum of the cells it totals, but no SUM formula"
                     % (where, g15(score)))
            elif not adds:
                reason = str(f.cell(pos[0], reason_col).value or "")
                if not reason.strip():
                    fail("%s: %s is not the sum of its parts (%s) and its row says no reason"
                         % (where, g15(score), g15(float(dsum(nums)))))
                else:
                    counts["explained"] += 1
    return fails, counts


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "strip":
        strip(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "check":
        fails, counts = check(*sys.argv[2:])
        for line in fails[:40]:
            print(line)
        if fails:
            print("FAIL %d problems" % len(fails))
            sys.exit(1)
        print("ok %(sheets)d sheets: %(formulas)d formulas recalculated by LibreOffice equal "
              "jixiao's cached values and scores; %(values)d scores written as values, "
              "%(explained)d of them not the sum of their parts, each with its reason" % counts)
    else:
        print(__doc__ if __doc__ else "usage: xlsx_recalc.py strip|check ...")
        sys.exit(2)
