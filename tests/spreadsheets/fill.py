#!/usr/bin/python3
"""fill.py TEMPLATE.xlsx DATA.json OUT.xlsx - fills a form written by `jixiao template` with
the data set DATA.json, as a department would: numbers as numbers, true/false as 是/否 from the
drop-down, text as text; arrays one element a row on their sheets.  The tests then score
OUT.xlsx and compare the result with the JSON file's."""
import json
import sys

import openpyxl


def get(obj, path):
    for name in path.split("."):
        if not isinstance(obj, dict) or name not in obj:
            return None
        obj = obj[name]
    return obj


def cell(v):
    if isinstance(v, bool):
        return "是" if v else "否"
    return v


def put(c, v):
    """Text as typed: a target such as =8个 is text, not a formula (Excel users type '=8个)."""
    c.value = cell(v)
    if isinstance(v, str) and v.startswith("="):
        c.data_type = "s"


def main(template, data, out):
    wb = openpyxl.load_workbook(template)
    with open(data, encoding="utf-8") as f:
        d = json.load(f)
    form = wb.worksheets[0]
    for row in form.iter_rows(min_row=2):
        v = get(d, row[0].value)
        if v is not None:
            put(row[1], v)
    for ws in wb.worksheets[1:]:
        fields = [c.value for c in ws[1]]
        for i, el in enumerate(get(d, ws.title) or []):
            for j, name in enumerate(fields):
                v = el if name == "值" and not isinstance(el, dict) else get(el, name)
                if v is not None:
                    put(ws.cell(row=i + 2, column=j + 1), v)
    wb.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
