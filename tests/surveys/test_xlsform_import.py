"""XLSForm import: forms written by others become raqmana surveys; what raqmana cannot keep is listed
with its sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from raqmana.problems import ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.model import Kind
from raqmana.surveys.xlsform_in import read_form

FORMS = Path(__file__).parent / "data" / "forms"


def _read(name: str):
    return read_form((FORMS / name).read_bytes(), file=name)


def test_it_keeps_or_other_and_leaves_out_the_text_pyxform_adds() -> None:
    survey = _read("pyxform-or_other.xlsx").survey
    fav = survey.question("fav_color")
    assert fav.kind is Kind.SELECT_ONE and fav.or_other
    assert [o.name for o in survey.options(fav)] == ["red", "green", "blue", "mauve", "apricot"]
    assert "fav_color_other" not in [q.name for q in survey.questions]


def test_it_keeps_cascading_selects_with_their_filters() -> None:
    survey = _read("pyxform-choice_filter_test.xlsx").survey
    county = survey.question("county")
    assert county.choice_filter == "${state}=cf"
    assert {o.filters["cf"] for o in survey.options(county)} == {"washington", "texas"}


def test_it_reports_a_repeat_it_cannot_keep_on_its_row() -> None:
    result = _read("pyxform-loop.xlsx")
    repeats = [w for w in result.warnings if w.code is E.REPEAT_NOT_KEPT]
    assert [(w.location.sheet, w.location.line, w.location.column) for w in repeats] == [("survey", 3, "A")]
    assert result.survey.question("available_toilet_types").kind is Kind.SELECT_MULTIPLE


def test_it_lists_every_question_type_and_language_it_drops() -> None:
    result = _read("pyxform-flat_xlsform_test.xlsx")
    dropped = {w.params["type"] for w in result.warnings if w.code is E.NOT_REPRESENTED}
    assert {"geopoint", "photo", "audio", "video", "barcode"} <= dropped
    assert any(w.code is E.CALCULATION_NOT_KEPT for w in result.warnings)
    assert [w.params["language"] for w in result.warnings if w.code is E.UNKNOWN_LANGUAGE] == ["chinese"]
    kept = {q.name for q in result.survey.questions}
    located = {w.params.get("name") for w in result.warnings if w.location.line}
    assert not kept & located  # a question is either kept or reported, never both or neither


def test_it_reads_groups_as_paths() -> None:
    survey = _read("pyxform-group.xlsx").survey
    assert survey.groups and all(q.group == (survey.groups[0].name,) for q in survey.questions[1:])


def test_it_reads_arabic_and_sorani_language_names() -> None:
    from raqmana.surveys.languages import language_code

    assert language_code("Arabic (ar)") == "ar"
    assert language_code("العربية") == "ar"
    assert language_code("Kurdish (ckb)") == "ckb"
    assert language_code("کوردی") == "ckb"
    assert language_code("English (en)") == "en"
    assert language_code("Français (fr)") is None


def test_a_form_pyxform_refuses_is_one_located_error() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label"])
    ws.append(["text", "q1", "First"])
    ws.append(["no_such_type", "q2", "Second"])
    from io import BytesIO

    buffer = BytesIO()
    wb.save(buffer)
    with pytest.raises(ProblemsError) as caught:
        read_form(buffer.getvalue(), file="bad.xlsx")
    [problem] = caught.value.problems
    assert problem.code is E.FORM_REJECTED
    assert problem.location.line == 3


def test_a_broken_workbook_is_refused_without_a_traceback() -> None:
    with pytest.raises(ProblemsError) as caught:
        read_form(b"PK\x03\x04 not really a workbook", file="broken.xlsx")
    assert caught.value.problems[0].code is E.FORM_REJECTED


def test_language_columns_named_in_arabic_and_kurdish_are_read() -> None:
    from io import BytesIO

    from openpyxl import Workbook

    wb = Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label::العربية", "label::کوردی", "hint::العربية", "required"])
    survey.append(["select_one gov", "governorate", "المحافظة", "پارێزگا", "محافظة السكن", "yes"])
    survey.append(["integer", "visits", "عدد الزيارات", "ژمارەی سەردان", "", ""])
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", "label::العربية", "label::کوردی"])
    choices.append(["gov", "basra", "البصرة", "بەسرە"])
    choices.append(["gov", "erbil", "أربيل", "ھەولێر"])
    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "default_language"])
    settings.append(["استبيان", "ar_form", "العربية"])
    buffer = BytesIO()
    wb.save(buffer)
    result = read_form(buffer.getvalue(), file="arabic.xlsx")
    gov = result.survey.question("governorate")
    assert (gov.label.ar, gov.label.ckb, gov.hint.ar) == ("المحافظة", "پارێزگا", "محافظة السكن")
    assert [o.label.ar for o in result.survey.options(gov)] == ["البصرة", "أربيل"]
    assert not [w for w in result.warnings if w.code in (E.UNKNOWN_LANGUAGE, E.UNNAMED_LANGUAGE)]


def test_a_form_read_from_elsewhere_takes_its_submissions(tmp_path) -> None:
    import csv
    import io

    from raqmana.surveys.packs import find
    from raqmana.surveys.submissions import read_export

    form = tmp_path / "cascading.xlsx"
    form.write_bytes((FORMS / "pyxform-choice_filter_test.xlsx").read_bytes())
    survey = find(str(form))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [["_uuid", "state", "county", "city"], ["s1", "texas", "cameron", "harlingen"]]
    )
    [sub] = read_export(buffer.getvalue().encode(), file="export.csv", survey=survey, secret=b"k").submissions
    assert sub.answers == {"state": "texas", "county": "cameron", "city": "harlingen"}
