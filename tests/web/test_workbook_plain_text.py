"""A workbook or CSV cell holds the text a person typed without the Unicode bidi isolates (U+2066-U+2069):
isolation is for HTML, PDF and Word; in a spreadsheet the marks are stray characters a filter or a lookup
trips over. The text stays a text cell, never a formula, also when it starts with "=" once the marks go."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from raqmana.celltext import as_text, csv_text, text_row, xlsx_text
from tests.web.test_kpi_observations import obs_csv, tx, upload
from tests.web.test_services import PASSPORT, catalogue_csv
from tests.web.test_services import upload as upload_services

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
MARKS = (LRI, RLI, FSI, PDI)


def _saved(wb: Workbook) -> Workbook:
    buf = io.BytesIO()
    as_text(wb).save(buf)
    return load_workbook(io.BytesIO(buf.getvalue()))


def test_it_writes_typed_text_without_isolate_marks_and_never_as_a_formula():
    wb = Workbook()
    ws = wb.active
    ws["A1"] = f"وزارة {LRI}Law No. 5 of 2020{PDI} النافذ"
    ws["B1"] = f'{FSI}=HYPERLINK("http://x"){PDI}'
    ws["C1"] = f"{RLI}نص{PDI}"
    ws["D1"] = 7
    back = _saved(wb).active
    assert [(c.value, c.data_type) for c in back[1]] == [
        ("وزارة Law No. 5 of 2020 النافذ", "s"),
        ('=HYPERLINK("http://x")', "s"),
        ("نص", "s"),
        (7, "n"),
    ]


def test_it_drops_the_marks_on_write_only_sheets_and_in_single_cells():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("t")
    ws.append(text_row(ws, [f"{FSI}=1+1{PDI}", f"{LRI}ISO 27001{PDI}", 2]))
    buf = io.BytesIO()
    wb.save(buf)
    back = load_workbook(io.BytesIO(buf.getvalue()))["t"]
    assert [(c.value, c.data_type) for c in back[1]] == [("=1+1", "s"), ("ISO 27001", "s"), (2, "n")]
    assert xlsx_text(f"{FSI}a\x07b{PDI}") == "ab"


def test_a_kpi_source_typed_with_isolates_exports_as_plain_text(as_user):
    coord = as_user("coord")
    assert upload_services(coord, catalogue_csv(PASSPORT)).status_code == 200
    typed = f"سجلات {LRI}MoI e-Passport{PDI} الشهرية"
    hostile = f"{FSI}=1+1{PDI}"
    r = upload(coord, obs_csv(tx("2026-Q1", "10", source=typed), tx("2026-Q2", "12", source=hostile)))
    assert r.status_code == 200, r.text
    got = coord.get("/kpis/observations/export.xlsx")
    assert got.status_code == 200
    ws = load_workbook(io.BytesIO(got.content)).active
    header = [c.value for c in ws[1]]
    sources = {
        row[header.index("period")].value: row[header.index("source")] for row in ws.iter_rows(min_row=2)
    }
    assert (sources["2026-Q1"].value, sources["2026-Q1"].data_type) == ("سجلات MoI e-Passport الشهرية", "s")
    assert (sources["2026-Q2"].value, sources["2026-Q2"].data_type) == ("=1+1", "s")
    for row in ws.iter_rows():
        for cell in row:
            assert not (isinstance(cell.value, str) and any(m in cell.value for m in MARKS)), cell.coordinate


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (f"وزارة {LRI}Law No. 5 of 2020{PDI} النافذ", "وزارة Law No. 5 of 2020 النافذ"),
        (f"{FSI}=1+1{PDI}", "'=1+1"),
        (f"{LRI}+964 770{PDI}", "'+964 770"),
        (f"{RLI}-x{PDI}", "'-x"),
        (f"{FSI}@SUM(A1){PDI}", "'@SUM(A1)"),
        (f"{LRI}ISO 27001{PDI}", "ISO 27001"),
        (4, 4),
    ],
)
def test_a_csv_cell_holds_the_text_without_isolate_marks_and_never_runs(value, written):
    assert csv_text(value) == written


def test_a_kpi_source_typed_with_isolates_exports_to_csv_as_plain_inert_text(as_user):
    coord = as_user("coord")
    assert upload_services(coord, catalogue_csv(PASSPORT)).status_code == 200
    typed = f"سجلات {LRI}MoI e-Passport{PDI} الشهرية"
    hostile = f"{FSI}=1+1{PDI}"
    r = upload(coord, obs_csv(tx("2026-Q1", "10", source=typed), tx("2026-Q2", "12", source=hostile)))
    assert r.status_code == 200, r.text
    got = coord.get("/kpis/observations/export.csv")
    assert got.status_code == 200
    text = got.content.decode("utf-8-sig")
    assert not any(m in text for m in MARKS)
    rows = list(csv.DictReader(io.StringIO(text)))
    sources = {row["period"]: row["source"] for row in rows}
    assert sources["2026-Q1"] == "سجلات MoI e-Passport الشهرية"
    assert sources["2026-Q2"] == "'=1+1"
