"""Every spreadsheet raqmana writes keeps typed text as text: no formula cells in XLSX, no live cells in CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook, load_workbook

from raqmana.celltext import as_text, csv_text, text_row
from raqmana.scoring.io import write_csv, write_table_csv
from raqmana.scoring.table import Table

SRC = Path(__file__).resolve().parents[2] / "src" / "raqmana"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Ministry of Health", "Ministry of Health"),
        ("وزارة الصحة", "وزارة الصحة"),
        (-0.5, -0.5),
        (3, 3),
    ],
)
def test_it_prefixes_csv_text_that_a_spreadsheet_would_run(value, written):
    assert csv_text(value) == written


def test_it_writes_unit_names_as_inert_csv_text_and_numbers_as_numbers(tmp_path):
    t = Table(("=1+2", "MOH"), ("-x", "score"), np.array([[-0.5, 1.0], [2.0, np.nan]]))
    rows = list(csv.reader(write_table_csv(tmp_path / "t.csv", t).open(encoding="utf-8")))
    assert rows == [["uCode", "'-x", "score"], ["'=1+2", "-0.5", "1.0"], ["MOH", "2.0", ""]]
    rows = list(csv.reader(write_csv(tmp_path / "w.csv", [{"iCode": "@x", "Weight": -1.5}]).open()))
    assert rows == [["iCode", "Weight"], ["'@x", "-1.5"]]


def test_it_turns_formula_cells_into_text_cells():
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"] = "=cmd|' /C calc'!A0", "plain", 4
    buf = io.BytesIO()
    as_text(wb).save(buf)
    back = load_workbook(io.BytesIO(buf.getvalue())).active
    assert [(c.value, c.data_type) for c in back[1]] == [
        ("=cmd|' /C calc'!A0", "s"),
        ("plain", "s"),
        (4, "n"),
    ]


def test_it_writes_text_cells_on_write_only_sheets():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    ws.append(text_row(ws, ["=1+2", 5, "x"]))
    buf = io.BytesIO()
    wb.save(buf)
    back = load_workbook(io.BytesIO(buf.getvalue())).active
    assert [(c.value, c.data_type) for c in back[1]] == [("=1+2", "s"), (5, "n"), ("x", "s")]


def test_every_workbook_writer_in_raqmana_goes_through_the_text_guard():
    """A new ``.save(`` of an openpyxl workbook must use ``as_text(wb).save`` (or ``text_row`` rows)."""
    unguarded = []
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "openpyxl" not in text:
            continue
        for m in re.finditer(r"^.*\bwb\.save\(.*$", text, re.M):
            if "as_text(" not in m.group(0) and "text_row(" not in text:
                unguarded.append(f"{path.relative_to(SRC)}: {m.group(0).strip()}")
    assert unguarded == []
