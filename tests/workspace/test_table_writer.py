"""One table writer for the catalogue's and the observations' files: what it writes reads back through
:func:`read_table` (Arabic and Kurdish included), and text a spreadsheet would run is written as text."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from raqmana.workspace.tabular import read_table, write_table

COLUMNS = ("code", "name", "value")
ROWS = [
    {"code": "svc-1", "name": "إصدار جواز السفر", "value": "3"},
    {"code": "svc-2", "name": '=HYPERLINK("http://x")', "value": "4"},
    {"code": "svc-3", "name": "دەرچوونی پاسپۆرت", "value": "5"},
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_writes_a_table_that_reads_back(fmt):
    data = write_table(COLUMNS, ROWS, fmt=fmt, sheet="services")
    table = read_table(data, f"t.{fmt}")
    assert table.header == list(COLUMNS)
    got = [r.values for r in table.rows]
    assert [g["name"] for g in got][::2] == [ROWS[0]["name"], ROWS[2]["name"]]
    assert got[1]["name"].lstrip("'") == ROWS[1]["name"]


def test_a_formula_is_text_in_both_formats():
    csv_text = write_table(COLUMNS, ROWS, fmt="csv", sheet="services").decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text
    wb = load_workbook(io.BytesIO(write_table(COLUMNS, ROWS, fmt="xlsx", sheet="services")))
    ws = wb["services"]
    cell = ws["B3"]
    assert cell.value == ROWS[1]["name"] and cell.data_type == "s"
