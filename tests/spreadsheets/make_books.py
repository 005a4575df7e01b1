#!/usr/bin/python3
"""make_books.py DIR - writes the test workbooks of tests/spreadsheets.sh into DIR, as people
make them in Excel: number cells, numbers typed as text, percent-formatted numbers, boolean
cells and 是/否 text, date cells, codes with leading zeros, merged cells, a formula (its value
cached only once LibreOffice has recalculated the file), a bad cell among good ones and an
array row whose key names no data set.
Their JSON twins are in tests/spreadsheets/*.json."""
import datetime
import os
import sys

import openpyxl


def form(path, formula):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "填报"
    rows = [
        ("数据项", "值", "说明"),
        ("部门名称", "甲", None),
        ("预算.全年预算数", 1000, "数值单元格"),
        ("预算.执行数", "=B3*0.9" if formula else "900", "文本里的数"),
        ("公开", True, "逻辑单元格"),
        ("代码", "00123", "前导零的编码"),
        ("比率", 0.8, "百分比格式"),
        ("提交日期", datetime.date(2022, 3, 15), "日期单元格"),
        ("人数", "52人", "带单位"),
        ("目标", 0.96, "百分比格式，当作文本"),
        ("截止日期", 44655, "没有日期格式的日期序号"),
    ]
    for r in rows:
        ws.append(r)
    ws["B7"].number_format = "0%"
    ws["B8"].number_format = "yyyy-mm-dd"
    ws["B10"].number_format = "0%"
    ws.merge_cells("B9:C9")             # the value spans two columns
    ws2 = wb.create_sheet("效益指标")
    for r in [("名称", "完成"), ("指标一", "是"), ("指标二", False), ("指标三", "√")]:
        ws2.append(r)
    wb.save(path)


def table(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "部门"
    rows = [
        ("部门名称", "预算.全年预算数", "预算.执行数", "公开", "代码", "比率", "提交日期", "人数"),
        ("甲", 1000, "900", "是", "00123", "80%", datetime.date(2022, 3, 15), "52人"),
        ("乙", 200, 250, "否", "7", 0.5, "2022/4/1", 40),
        ("丙", 100, "abc", "是", "00123", 1, None, 1),
    ]
    for r in rows:
        ws.append(r)
    ws["G2"].number_format = "yyyy\"年\"m\"月\"d\"日\""
    ws2 = wb.create_sheet("效益指标")
    for r in [("部门名称", "名称", "完成"), ("甲", "指标一", "是"), (None, "指标二", "否"),
              ("乙", "指标一", True), ("丁", "指标九", "是")]:
        ws2.append(r)
    ws2.merge_cells("A2:A3")            # 甲's two rows share one merged name cell
    wb.save(path)


if __name__ == "__main__":
    d = sys.argv[1]
    form(os.path.join(d, "form.xlsx"), False)
    form(os.path.join(d, "formula.xlsx"), True)
    table(os.path.join(d, "table.xlsx"))
