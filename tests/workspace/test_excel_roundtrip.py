"""Excel round trip: the per-institution workbook in the user's language, imported all-or-nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from raqmana.workspace import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.answers import Answer
from raqmana.workspace.excel_export import export_workbook
from raqmana.workspace.excel_import import import_workbook
from raqmana.workspace.responses import list_responses, save_answer, submit

SHEET = {"en": "Answers", "ar": "الإجابات", "ckb": "وەڵامەکان"}


def export(world, lang="ar", who="fp_a", inst="moa"):
    with world.ws.reader() as s:
        return export_workbook(
            s, world[who], assessment_id=world.assessment_id, institution_code=inst, lang=lang
        )


def edit(data, lang, cells):
    """Change cells of the answers sheet: {"E2": value, …}."""
    wb = load_workbook(io.BytesIO(data))
    ws = wb[SHEET[lang]]
    for ref, value in cells.items():
        ws[ref] = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def do_import(world, data, who="fp_a", lang="ar"):
    with world.ws.transaction() as s:
        return import_workbook(s, world[who], data=data, filename="moa.xlsx", lang=lang)


def answers(world, inst="moa"):
    with world.ws.reader() as s:
        return {
            r.indicator_id: r
            for r in list_responses(
                s, world["coord"], assessment_id=world.assessment_id, institution_code=inst
            )
        }


def test_it_exports_a_protected_right_to_left_workbook_with_lists_in_the_users_language(world):
    wb = load_workbook(io.BytesIO(export(world, "ar")))
    ws = wb["الإجابات"]
    assert ws.sheet_view.rightToLeft and wb["التعليمات"].sheet_view.rightToLeft
    assert [c.value for c in ws[1]] == [
        "رمز المؤشر",
        "الركيزة",
        "المؤشر",
        "السؤال",
        "الإجابة",
        "لا ينطبق",
        "لا أعرف",
        "المبررات",
        "الحالة",
        "الإصدار",
    ]
    assert ws.column_dimensions["A"].hidden and ws.column_dimensions["J"].hidden
    assert ws["A2"].value == "P1-01" and ws.max_row == 9
    assert ws.protection.sheet and wb.security.lockStructure
    assert not ws["E2"].protection.locked and ws["C2"].protection.locked
    assert wb["_lists"].sheet_state == "hidden" and wb["_raqmana"].sheet_state == "veryHidden"
    stages = [wb["_lists"].cell(i, 1).value for i in range(1, 7)]
    assert stages[3] == "3 — Stage 3 (ar)"
    lists = {
        str(dv.formula1): str(dv.sqref) for dv in ws.data_validations.dataValidation if dv.type == "list"
    }
    assert any("E2" in refs.split() for refs in lists.values())
    assert load_workbook(io.BytesIO(export(world, "en")))["Answers"].sheet_view.rightToLeft in (False, None)


def test_it_imports_an_unchanged_workbook_without_changing_anything(world):
    report = do_import(world, export(world))
    assert (report.changed, report.unchanged) == (0, 8)
    assert answers(world) == {}


def test_it_saves_the_answers_filled_in_the_workbook(world):
    data = edit(
        export(world, "ckb"),
        "ckb",
        {
            "E2": "3 — Stage 3 (ckb)",
            "H2": "بڕیاری ژمارە ١٢",
            "E3": "٤",
            "F4": None,
            "G4": "بەڵێ",
            "E5": "بەڵێ",
            "E6": 250,
            "E7": "42.5",
            "E8": "cloud (ckb)",
            "E9": "پلانێک هەیە",
        },
    )
    report = do_import(world, data, lang="ckb")
    assert report.changed == 8
    got = answers(world)
    assert got["P1-01"].stage == 3 and got["P1-01"].justification == "بڕیاری ژمارە ١٢"
    assert got["P1-02"].stage == 4 and got["P1-03"].dont_know
    assert got["P2-01"].choice == "yes" and got["P2-02"].number == 250 and got["P2-03"].number == 42.5
    assert got["P2-04"].choice == "cloud" and got["P2-05"].text == "پلانێک هەیە"
    assert {r.assessor for r in got.values()} == {"Fp A"} and {r.version for r in got.values()} == {1}
    again = do_import(world, export(world, "ckb"), lang="ckb")
    assert (again.changed, again.unchanged) == (0, 8)


def test_it_lists_every_bad_cell_by_sheet_row_and_column_and_saves_nothing(world):
    data = edit(
        export(world, "ar"),
        "ar",
        {"E2": "7", "E3": "2", "F4": "ربما", "E5": "maybe", "E7": "120", "A8": "XYZ-1"},
    )
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, data)
    where = [(p.location.sheet, p.location.line, p.location.column, p.code.id) for p in exc.value.problems]
    assert where == [
        ("الإجابات", 2, "E", "WS021"),
        ("الإجابات", 4, "F", "WS097"),
        ("الإجابات", 5, "E", "WS025"),
        ("الإجابات", 7, "E", "WS023"),
        ("الإجابات", 8, "A", "WS094"),
    ]
    assert "الصف 2" in exc.value.problems[0].render("ar") and "العمود E" in exc.value.problems[0].render("ar")
    assert answers(world) == {}


def test_it_refuses_rows_changed_in_raqmana_since_the_export_and_locked_answers(world):
    data = export(world, "en")
    with world.ws.transaction() as s:
        save_answer(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-01",
            answer=Answer(1),
            expected_version=0,
        )
        save_answer(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P2-01",
            answer=Answer("no"),
            expected_version=0,
        )
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa", pillar_id="P2")
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, edit(data, "en", {"E2": "4 — Stage 4 (en)"}), lang="en")
    assert exc.value.problems[0].code.id == "WS098" and "Fp A" in exc.value.message("en")
    fresh = export(world, "en")
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, edit(fresh, "en", {"E5": "Yes"}), lang="en")
    assert exc.value.problems[0].code.id == "WS099"
    assert answers(world)["P1-01"].stage == 1


def save(world, indicator, answer, version, who="fp_a"):
    with world.ws.transaction() as s:
        save_answer(
            s,
            world[who],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id=indicator,
            answer=answer,
            expected_version=version,
        )


def test_it_keeps_the_newer_answers_of_raqmana_in_rows_left_as_exported_and_imports_the_edited_rows(world):
    save(world, "P1-01", Answer(1), 0)
    save(world, "P2-02", Answer(10), 0)
    data = export(world, "ar")
    save(world, "P1-01", Answer(3), 1)  # changed in raqmana while the workbook was offline
    save(world, "P1-02", Answer(2), 0)  # answered in raqmana after the export
    report = do_import(world, edit(data, "ar", {"E5": "نعم", "E6": 12}))
    assert (report.changed, report.unchanged) == (2, 6)
    assert [(p.code.id, p.location.line, p.location.column, p.severity.value) for p in report.warnings] == [
        ("WS107", 2, "E", "warning"),
        ("WS107", 3, "E", "warning"),
    ]
    assert "الإصدار 1 ← 2" in report.warnings[0].message("ar") and "Fp A" in report.warnings[0].message("en")
    got = answers(world)
    assert got["P1-01"].stage == 3 and got["P1-02"].stage == 2
    assert got["P2-01"].choice == "yes" and got["P2-02"].number == 12


def test_it_refuses_a_row_edited_in_the_workbook_whose_answer_changed_in_raqmana_and_saves_nothing(world):
    save(world, "P1-01", Answer(1), 0)
    data = export(world, "en")
    save(world, "P1-01", Answer(3), 1)
    save(world, "P1-02", Answer(2), 0)
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, edit(data, "en", {"E3": "4 — Stage 4 (en)", "E5": "Yes"}), lang="en")
    assert [(p.code.id, p.location.line) for p in exc.value.errors] == [("WS098", 3)]
    assert answers(world)["P1-02"].stage == 2 and "P2-01" not in answers(world)


def test_it_warns_that_an_answer_typed_in_a_row_marked_not_applicable_is_ignored(world):
    data = edit(export(world, "ckb"), "ckb", {"F2": "بەڵێ", "E2": "3 — Stage 3 (ckb)"})
    report = do_import(world, data, lang="ckb")
    assert report.changed == 1 and answers(world)["P1-01"].na and answers(world)["P1-01"].stage is None
    [w] = report.warnings
    assert (w.code.id, w.location.sheet, w.location.line, w.location.column) == ("WS108", "وەڵامەکان", 2, "E")
    assert "پەیوەندیدار نییە" in w.message("ckb") and "N/A" in w.message("en")


def test_it_still_imports_workbooks_whose_hidden_columns_have_the_old_english_headings(world):
    data = edit(export(world, "ar"), "ar", {"A1": "id", "J1": "version", "E5": "نعم"})
    assert do_import(world, data).changed == 1


@pytest.mark.parametrize(
    "damage", ["garbage", "not_xlsx_zip", "no_meta", "renamed_sheet", "moved_column", "other_framework"]
)
def test_it_refuses_damaged_workbooks_with_a_clear_message(world, damage):
    data = export(world, "en")
    wb = load_workbook(io.BytesIO(data))
    if damage == "garbage":
        data = b"\x00\x01garbage"
    elif damage == "not_xlsx_zip":
        data = b"PK\x03\x04" + b"\x00" * 100
    else:
        if damage == "no_meta":
            del wb["_raqmana"]
        elif damage == "renamed_sheet":
            wb["Answers"].title = "Sheet1"
        elif damage == "moved_column":
            wb["Answers"]["E1"] = "Value"
        elif damage == "other_framework":
            wb["_raqmana"]["B6"] = "0" * 64
        buf = io.BytesIO()
        wb.save(buf)
        data = buf.getvalue()
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, data, lang="en")
    codes = {p.code.id for p in exc.value.problems}
    assert codes <= {"WS090", "WS091", "WS092", "WS093"} and codes
    assert all(p.message("ckb") for p in exc.value.problems)


def test_it_hides_other_institutions_workbooks_and_refuses_viewers(world):
    data = export(world, "en", who="coord", inst="mob")
    with pytest.raises(NotFound):
        do_import(world, data, who="fp_a")
    with pytest.raises(Forbidden):
        do_import(world, export(world, "en"), who="viewer")
    with pytest.raises(NotFound):
        export(world, "en", who="fp_a", inst="mob")
