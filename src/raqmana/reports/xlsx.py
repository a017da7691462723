"""Every table of a report in one workbook: a sheet per table, right-to-left sheets for ar/ckb."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from raqmana.celltext import as_text
from raqmana.i18n.locales import get_locale
from raqmana.reports.model import Interval, Report, Table

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


def number_format(decimals: int) -> str:
    """Thousands separated, ``decimals`` places: what the printed report shows, the full value kept."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _layout(t: Table, low: str, high: str) -> tuple[list[str], list[list[object]], set[int]]:
    """The sheet's header, rows and numeric columns: an interval column becomes two numeric columns."""
    split = {i for i in range(len(t.columns)) if any(isinstance(row[i], Interval) for row in t.rows)}
    columns: list[str] = []
    numeric: set[int] = set()
    for i, c in enumerate(t.columns):
        if i in split:
            numeric.update({len(columns), len(columns) + 1})
            columns += [f"{c} — {low}", f"{c} — {high}"]
        else:
            if i in t.numeric:
                numeric.add(len(columns))
            columns.append(c)
    rows: list[list[object]] = []
    for row in t.rows:
        out: list[object] = []
        for i, cell in enumerate(row):
            if i in split:
                out += [cell.low, cell.high] if isinstance(cell, Interval) else [None, None]
            else:
                out.append(cell)
        rows.append(out)
    return columns, rows, numeric


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
        columns, rows, numeric = _layout(
            t, report.labels.get("low", "low"), report.labels.get("high", "high")
        )
        ws.append(columns)
        for cell in ws[2]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="E3EDF3")
        fmt = number_format(t.decimals)
        for row in rows:
            ws.append(row)
            for i in numeric:
                cell = ws.cell(row=ws.max_row, column=i + 1)
                if isinstance(cell.value, int | float):
                    cell.number_format = number_format(0) if isinstance(cell.value, int) else fmt
        if t.source:
            ws.append([])
            ws.append([f"{report.labels.get('source', 'Source')}: {t.source}"])
        for i, _ in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = 14 if (i - 1) in numeric else 36
        ws.freeze_panes = "A3"
        index.append([t.caption, ws.title])
        link = index.cell(row=index.max_row, column=2)
        link.hyperlink = f"#'{ws.title}'!A1"
        link.font = Font(color="0B4F6C", underline="single")
    index.column_dimensions["A"].width = 70
    path.parent.mkdir(parents=True, exist_ok=True)
    as_text(wb).save(path)
    return path
