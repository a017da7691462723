"""Every table of a report in one workbook: a sheet per table, right-to-left sheets for ar/ckb."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from raqmana.celltext import as_text
from raqmana.i18n.locales import get_locale
from raqmana.reports.model import Report

SHEET_MAX = 31


def sheet_name(text: str, used: set[str]) -> str:
    """A valid, unique sheet name from a text in the report's language: at most 31 characters, none of
    ``[]:*?/\\``, not starting or ending with an apostrophe, unique ignoring case (as Excel compares)."""
    base = re.sub(r"[\[\]\*\?/\\:]", " ", text)
    base = re.sub(r"\s+", " ", base).strip().strip("'").strip() or "—"
    if len(base) > SHEET_MAX:
        base = base[: SHEET_MAX - 1].rstrip() + "…"
    name, n = base, 2
    while name.casefold() in used or name.casefold() == "history":
        suffix = f" ({n})"
        name = base[: SHEET_MAX - len(suffix)].rstrip() + suffix
        n += 1
    used.add(name.casefold())
    return name


def render_xlsx(report: Report, path: Path) -> Path:
    rtl = get_locale(report.lang).is_rtl
    wb = Workbook()
    index = wb.active
    assert index is not None
    used: set[str] = set()
    index.title = sheet_name(report.labels.get("contents", "Contents"), used)
    index.sheet_view.rightToLeft = rtl
    index.append([report.title])
    index.append([report.subtitle])
    if report.illustrative:
        index.append([report.illustrative_note])
    index.append([])
    index.append([report.labels.get("table", "Table"), report.labels.get("sheet", "Sheet")])
    for t in report.tables():
        ws = wb.create_sheet(sheet_name(t.sheet or t.caption, used))
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
        link = index.cell(row=index.max_row, column=2)
        link.hyperlink = f"#'{ws.title}'!A1"
        link.font = Font(color="0B4F6C", underline="single")
    index.column_dimensions["A"].width = 70
    path.parent.mkdir(parents=True, exist_ok=True)
    as_text(wb).save(path)
    return path
