"""Every table of a report in one workbook: a sheet per table, right-to-left sheets for ar/ckb."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from raqmana.i18n.locales import get_locale
from raqmana.reports.model import Report


def _sheet_name(text: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]\*\?/\\:]", " ", text).strip()[:28] or "table"
    name, n = base, 2
    while name in used:
        name = f"{base[:25]} {n}"
        n += 1
    used.add(name)
    return name


def render_xlsx(report: Report, path: Path) -> Path:
    rtl = get_locale(report.lang).is_rtl
    wb = Workbook()
    index = wb.active
    assert index is not None
    used: set[str] = set()
    index.title = _sheet_name(report.labels.get("contents", "Contents"), used)
    index.sheet_view.rightToLeft = rtl
    index.append([report.title])
    index.append([report.subtitle])
    if report.illustrative:
        index.append([report.illustrative_note])
    index.append([])
    index.append([report.labels.get("table", "Table"), report.labels.get("sheet", "Sheet")])
    for t in report.tables():
        ws = wb.create_sheet(_sheet_name(t.id, used))
        ws.sheet_view.rightToLeft = rtl
        ws.append([t.caption])
        ws["A1"].font = Font(bold=True)
        ws.append(t.columns)
        for cell in ws[2]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="E3EDF3")
        for row in t.rows:
            ws.append(list(row))
        if t.source:
            ws.append([])
            ws.append([f"{report.labels.get('source', 'Source')}: {t.source}"])
        for i, _ in enumerate(t.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = 14 if (i - 1) in t.numeric else 36
        ws.freeze_panes = "A3"
        index.append([t.caption, ws.title])
    index.column_dimensions["A"].width = 70
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
