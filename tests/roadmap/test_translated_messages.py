"""A broken roadmap workbook or JSON file is explained in Arabic and Sorani without English words.

Quoted values are the file's own text and stay as written; upper-case acronyms (JSON, UTF), Excel and
the .xlsx extension are names. Any other Latin word in an
ar/ckb message is untranslated English.
"""

from __future__ import annotations

import json
import re

import pytest
from openpyxl import load_workbook

from raqmana.roadmap import errors as E
from raqmana.roadmap import jsonio
from raqmana.roadmap.xlsx import write_workbook
from raqmana.roadmap.xlsx_read import read_workbook
from tests.roadmap.inline import small_roadmap

RTL = ("ar", "ckb")


def english_words(text: str) -> list[str]:
    unquoted = re.sub(r"'[^']*'", "", text)
    return [
        w
        for w in re.findall(r"[A-Za-z]+", unquoted.replace(".xlsx", "").replace(".xls", ""))
        if not w.isupper() and w != "Excel"
    ]


def assert_translated(problems) -> None:
    assert problems
    for p in problems:
        for lang in RTL:
            assert english_words(p.message(lang)) == [], (p.code.id, lang, p.message(lang))


@pytest.fixture(scope="module")
def roadmap():
    return small_roadmap()


def test_a_file_that_is_not_a_workbook_says_so_in_each_language(tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    _, problems = read_workbook(junk)
    assert [p.code for p in problems] == [E.XLSX_UNREADABLE]
    assert_translated(problems)
    assert "zip" in problems[0].message("en")  # the English keeps openpyxl's own words


def test_a_word_in_the_budget_is_a_located_cell_not_a_crash(tmp_path, roadmap):
    path = write_workbook(roadmap, tmp_path / "roadmap.xlsx")
    wb = load_workbook(path)
    ws = wb["Roadmap"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "budget_per_year")
    row[1].value = "5000000, lots"
    wb.save(path)
    back, problems = read_workbook(path)
    assert back is None and [p.code for p in problems] == [E.XLSX_BAD_CELL]
    assert (problems[0].location.sheet, problems[0].location.line) == ("Roadmap", row[0].row)
    assert_translated(problems)


def test_a_value_out_of_range_in_a_workbook_is_explained_in_words(tmp_path, roadmap):
    path = write_workbook(roadmap, tmp_path / "roadmap.xlsx")
    wb = load_workbook(path)
    ws = wb["Roadmap"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "horizon_quarters")
    row[1].value = 500
    wb.save(path)
    back, problems = read_workbook(path)
    assert back is None and [p.code for p in problems] == [E.BAD_FILE]
    assert "80" in problems[0].message("ar") and "500" in problems[0].message("ckb")
    assert "Input should" not in problems[0].message("en")
    assert_translated(problems)


@pytest.mark.parametrize("text", ['{"initiatives": [', '{"initiatives": [}', "{'id': 1}", '{"id": "a"} x'])
def test_broken_json_is_located_by_line_and_column_and_explained(tmp_path, text):
    path = tmp_path / "roadmap.json"
    path.write_text(text, encoding="utf-8")
    back, problems = jsonio.read(path)
    assert back is None and [p.code for p in problems] == [E.BAD_FILE]
    assert problems[0].location.line == 1 and problems[0].location.column
    assert_translated(problems)


def test_json_with_wrong_values_names_each_field_in_each_language(tmp_path, roadmap):
    path = jsonio.write(roadmap, tmp_path / "roadmap.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["settings"]["horizon_quarters"] = "many"
    data["initiatives"][0]["duration"] = -1
    data["colour"] = "green"
    path.write_text(json.dumps(data), encoding="utf-8")
    back, problems = jsonio.read(path)
    assert back is None and len(problems) == 3
    assert {p.location.path for p in problems} == {
        "settings.horizon_quarters",
        "initiatives[0].duration",
        "colour",
    }
    assert_translated(problems)
    assert any("'many'" in p.message("ar") for p in problems)


def test_a_missing_or_undecodable_json_file_is_explained(tmp_path):
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"name": "caf\u00e9"}'.encode("latin-1"))
    for path in (tmp_path / "nope.json", latin1, tmp_path):
        back, problems = jsonio.read(path)
        assert back is None and [p.code for p in problems] == [E.BAD_FILE]
        assert_translated(problems)
