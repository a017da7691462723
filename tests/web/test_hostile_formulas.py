"""Text that people typed leaves raqmana as text: never as a live formula in a workbook (formula injection)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from raqmana.workspace.excel_layout import ANSWERS_TITLE, COL

HOSTILE = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1:A2)", '=HYPERLINK("http://x","y")']


def _answer_url(world, indicator="LEG-01"):
    return f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/answers/{indicator}"


def _workbook(browser, world) -> bytes:
    r = browser.get(f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/workbook.xlsx")
    assert r.status_code == 200, r.text
    return r.content


def _formulas(data: bytes) -> list[str]:
    """Every ``<f>`` (formula) element of every sheet of the workbook."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [
            f
            for name in zf.namelist()
            if name.startswith("xl/worksheets/")
            for f in re.findall(r"<f[ >].*?</f>", zf.read(name).decode())
        ]


def _justification(data: bytes, lang: str, indicator: str = "LEG-01") -> object:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[ANSWERS_TITLE.get(lang)]
    for row in ws.iter_rows(min_row=2):
        if row[COL["id"] - 1].value == indicator:
            cell = row[COL["justification"] - 1]
            assert cell.data_type == "s", (cell.data_type, cell.value)
            return cell.value
    raise AssertionError(f"{indicator} not in the workbook")


@pytest.mark.parametrize("text", HOSTILE)
def test_it_exports_a_justification_saved_through_the_api_as_text(as_user, world, text):
    focal = as_user("focal")
    r = focal.post(
        _answer_url(world),
        json={"value": 2, "justification": text, "expected_version": 0},
        headers={"X-CSRF-Token": focal.csrf("/")},
    )
    assert r.status_code == 200, r.text
    data = _workbook(focal, world)
    assert _formulas(data) == []
    assert _justification(data, "ar") == text


def test_it_keeps_imported_formula_text_as_text_on_the_next_export(as_user, world):
    focal = as_user("focal")
    wb = load_workbook(io.BytesIO(_workbook(focal, world)))
    ws = wb[ANSWERS_TITLE.get("ar")]
    for row in ws.iter_rows(min_row=2):
        if row[COL["id"] - 1].value == "LEG-01":
            row[COL["answer"] - 1].value = 3
            cell = row[COL["justification"] - 1]
            cell.value = "=SUM(1,2)"
            cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    up = focal.post(
        "/api/v1/workbooks",
        files={"file": ("book.xlsx", buf.getvalue())},
        headers={"X-CSRF-Token": focal.csrf("/")},
    )
    assert up.status_code == 200, up.text
    data = _workbook(focal, world)
    assert _formulas(data) == []
    assert _justification(data, "ar") == "=SUM(1,2)"


def test_it_exports_a_justification_with_control_characters_without_them(as_user, world):
    focal = as_user("focal")
    r = focal.post(
        _answer_url(world),
        json={"value": 2, "justification": "law\x07 78\x1b", "expected_version": 0},
        headers={"X-CSRF-Token": focal.csrf("/")},
    )
    assert r.status_code == 200, r.text
    assert _justification(_workbook(focal, world), "ar") == "law 78"
