"""Every problem in a framework file gets a coded, located message in the user's language."""

import pytest
from openpyxl import load_workbook
from tests.factories import framework_dict, indicator, write_framework

from raqmana.frameworks import errors as E
from raqmana.frameworks import load
from raqmana.frameworks.export import write


def codes(result):
    return [p.code for p in result.errors]


def test_missing_translation_names_indicator_stage_and_language(tmp_path):
    data = framework_dict()
    data["pillars"][0]["sub_areas"][0]["indicators"][0]["stages"][3]["descriptor"]["ckb"] = ""
    result = load(write_framework(tmp_path, data))
    [p] = result.errors
    assert p.code is E.MISSING_TRANSLATION
    assert p.message("en") == "indicator LEG-01: stage 4 descriptor missing in ckb"
    assert p.message("ar") == "المؤشر LEG-01: وصف المرحلة 4 غير موجود باللغة ckb"
    assert p.location.field == "ckb"
    assert "framework.yaml" in p.render("en") and "line" in p.render("en")
    assert "السطر" in p.render("ar")


def test_duplicate_ids_point_to_the_first_use(tmp_path):
    data = framework_dict()
    data["pillars"][1]["sub_areas"][0]["indicators"][0]["id"] = "LEG-01"
    result = load(write_framework(tmp_path, data))
    [p] = result.errors
    assert p.code is E.DUPLICATE_ID
    assert "framework.yaml:" in p.params["first"]


def test_unknown_crosswalk_targets_are_errors(tmp_path):
    data = framework_dict()
    ind = data["pillars"][0]["sub_areas"][0]["indicators"][0]
    ind["crosswalk"] = {
        "gtmi": ["I-49"],
        "sdg": ["16.99"],
        "govstack": ["blockchain"],
        "ncsi": ["13.1"],
        "egdi": ["XYZ"],
        "undp_dtf": ["government.nonsense"],
    }
    result = load(write_framework(tmp_path, data))
    assert codes(result) == [E.UNKNOWN_CROSSWALK] * 6
    assert {p.params["value"] for p in result.errors} == {
        "I-49",
        "16.99",
        "blockchain",
        "13.1",
        "XYZ",
        "government.nonsense",
    }


def test_bad_yaml_is_reported_with_its_line(tmp_path):
    path = write_framework(tmp_path, "id: mini\nversion: '1'\npillars:\n  - id: [unclosed\n")
    result = load(path)
    assert result.framework is None
    [p] = result.errors
    assert p.code is E.YAML_SYNTAX
    assert p.location.line == 5 or p.location.line == 4


def test_schema_errors_name_the_field_and_line(tmp_path):
    data = framework_dict()
    data["pillars"][0]["sub_areas"][0]["indicators"][0]["weight"] = "heavy"
    data["pillars"][0]["colour"] = "green"
    result = load(write_framework(tmp_path, data))
    assert result.framework is None
    fields = {p.location.field for p in result.errors}
    assert fields == {"weight", "colour"}
    assert all(p.location.line for p in result.errors)


def test_ladder_must_have_every_stage_once(tmp_path):
    data = framework_dict()
    stages = data["pillars"][0]["sub_areas"][0]["indicators"][0]["stages"]
    stages[4] = {**stages[3]}  # stage 4 twice, stage 5 missing
    result = load(write_framework(tmp_path, data))
    assert sorted(c.id for c in codes(result)) == ["FW007", "FW008"]


def test_dependency_cycles_and_unknown_dependencies_are_named(tmp_path):
    data = framework_dict()
    data["pillars"][0]["depends_on"] = ["SRV"]
    data["pillars"][1]["depends_on"] = ["LEG", "FIN"]
    result = load(write_framework(tmp_path, data))
    by_code = {p.code: p for p in result.errors}
    assert by_code[E.UNKNOWN_DEPENDENCY].params["value"] == "FIN"
    assert "LEG → SRV → LEG" in by_code[E.DEPENDENCY_CYCLE].message("en")


def test_choice_and_goalpost_rules(tmp_path):
    data = framework_dict()
    inds = data["pillars"][1]["sub_areas"][0]["indicators"]
    inds.append(
        indicator(
            "SRV-03",
            answer_type="choice",
            stages=[],
            choices=[{"value": "a", "label": {"en": "A", "ar": "أ", "ckb": "ئ"}, "score": 1}],
        )
    )
    inds[1]["min_value"] = 100
    result = load(write_framework(tmp_path, data))
    assert sorted(c.id for c in codes(result)) == ["FW016", "FW017"]


def test_stages_on_a_non_ladder_question_are_refused(tmp_path):
    data = framework_dict()
    data["pillars"][1]["sub_areas"][0]["indicators"][1]["stages"] = data["pillars"][0]["sub_areas"][0][
        "indicators"
    ][0]["stages"]
    assert codes(load(write_framework(tmp_path, data))) == [E.STAGES_NOT_ALLOWED]


def test_warnings_are_kept_apart_from_errors(tmp_path):
    data = framework_dict()
    data["pillars"][0]["sub_areas"][0]["indicators"][0]["crosswalk"]["sdg"] = []
    data["pillars"][0]["weight"] = 0
    result = load(write_framework(tmp_path, data))
    assert result.ok
    assert sorted(p.code.id for p in result.warnings) == ["FW101", "FW103"]


def test_a_missing_file_or_pack_is_a_problem_not_an_exception(tmp_path):
    result = load("no-such-pack")
    assert codes(result) == [E.FILE_NOT_FOUND]


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "framework.xlsx"
    path.write_text("this is not a zip", encoding="utf-8")
    assert codes(load(path)) == [E.XLSX_UNREADABLE]


@pytest.fixture
def workbook(tmp_path):
    path = load(write_framework(tmp_path, framework_dict())).framework
    return write(path, tmp_path / "mini.xlsx")


def test_a_bad_cell_names_sheet_row_and_column(workbook):
    wb = load_workbook(workbook)
    ws = wb["indicators"]
    header = [c.value for c in ws[1]]
    col = header.index("weight") + 1
    ws.cell(row=3, column=col, value="heavy")
    wb.save(workbook)
    [p] = load(workbook).errors
    assert p.code is E.XLSX_BAD_CELL
    assert (p.location.sheet, p.location.line, p.location.field) == ("indicators", 3, "weight")
    assert p.location.column == ws.cell(row=1, column=col).column_letter
    assert "sheet indicators, row 3" in p.render("en")
    assert "الورقة indicators، الصف 3" in p.render("ar")


def test_a_missing_sheet_or_column_is_named(workbook):
    wb = load_workbook(workbook)
    del wb["stages"]
    ws = wb["pillars"]
    ws.delete_cols(1)
    wb.save(workbook)
    found = {(p.code, p.params.get("sheet") or p.params.get("column")) for p in load(workbook).errors}
    assert (E.XLSX_MISSING_SHEET, "stages") in found


def test_a_missing_column_is_named(workbook):
    wb = load_workbook(workbook)
    ws = wb["pillars"]
    ws.delete_cols(2)  # name_en
    wb.save(workbook)
    [p] = load(workbook).errors
    assert p.code is E.XLSX_MISSING_COLUMN and p.params["column"] == "name_en"


def test_a_row_pointing_to_an_unknown_parent_is_named(workbook):
    wb = load_workbook(workbook)
    wb["stages"].cell(row=2, column=1, value="NOPE-1")
    wb.save(workbook)
    [p] = load(workbook).errors
    assert p.code is E.XLSX_UNKNOWN_PARENT and p.location.sheet == "stages" and p.location.line == 2


def test_translation_missing_in_a_workbook_names_the_cell(workbook):
    wb = load_workbook(workbook)
    ws = wb["pillars"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("name_ckb") + 1).value = None
    wb.save(workbook)
    [p] = load(workbook).errors
    assert p.code is E.MISSING_TRANSLATION
    assert (p.location.sheet, p.location.line) == ("pillars", 2)
    assert p.location.column == ws.cell(row=1, column=header.index("name_ckb") + 1).column_letter


def test_every_error_code_has_all_three_languages():
    for code in E.ALL:
        assert code.en and code.ar and code.ckb, code.id
    assert len({c.id for c in E.ALL}) == len(E.ALL)


def test_sorani_text_with_arabic_letters_is_refused_with_the_fix(tmp_path):
    data = framework_dict()
    data["pillars"][0]["name"]["ckb"] = "یاسا و هاوکاری"  # Arabic heh (U+0647) instead of ھ
    [p] = load(write_framework(tmp_path, data)).errors
    assert p.code is E.SORANI_SPELLING
    assert p.params["letters"] == "ه" and p.params["fixed"] == "ھ"
    assert p.location.field == "ckb"
