"""A real form written by others with Arabic labels (Ona's tutorial, BSD; see data/forms/PROVENANCE.md):
its Arabic and English texts are kept, what raqmana cannot represent is reported on its row, and the
survey goes back out as an XLSForm that pyxform converts; a form in Swahili and French keeps English only."""

from __future__ import annotations

from pathlib import Path

from raqmana.surveys import errors as E
from raqmana.surveys.model import Kind
from raqmana.surveys.xlsform_in import read_form
from raqmana.surveys.xlsform_out import check, to_bytes

FORMS = Path(__file__).parent / "data" / "forms"


def _read(name: str):
    return read_form((FORMS / name).read_bytes(), file=name)


def test_the_arabic_labels_of_a_third_party_form_are_kept() -> None:
    survey = _read("onadata-tutorial_arabic_labels.xlsx").survey
    assert [q.name for q in survey.questions] == ["name", "age", "has_children", "web_browsers"]
    assert survey.question("age").label.ar.strip() == "2. كم عمرك؟"
    assert survey.question("age").label.en == "2. How old are you?"
    children = survey.question("has_children")
    assert children.kind is Kind.SELECT_ONE  # the old "select one from yes_no" syntax
    assert [(o.name, o.label.ar.strip()) for o in survey.options(children)] == [("0", "لا"), ("1", "نعم")]
    browsers = survey.question("web_browsers")
    assert browsers.kind is Kind.SELECT_MULTIPLE and len(survey.options(browsers)) == 4


def test_what_raqmana_cannot_represent_is_located_on_its_row() -> None:
    warnings = _read("onadata-tutorial_arabic_labels.xlsx").warnings
    dropped = [
        (w.params["name"], w.params["type"], w.location.sheet, w.location.line, w.location.column)
        for w in warnings
        if w.code is E.NOT_REPRESENTED
    ]
    assert dropped == [("picture", "photo", "survey", 4, "A"), ("gps", "geopoint", "survey", 6, "A")]
    # pyxform's own remarks come through too: the language names are not codes ("Arabic", not "Arabic (ar)")
    checks = [w.params["message"] for w in warnings if w.code is E.FORM_WARNING]
    assert any("English, Arabic" in m for m in checks)
    assert not any(w.code is E.UNKNOWN_LANGUAGE for w in warnings)


def test_the_imported_arabic_form_goes_back_out_without_a_pyxform_warning() -> None:
    survey = _read("onadata-tutorial_arabic_labels.xlsx").survey
    assert check(to_bytes(survey)) == []


def test_languages_other_than_arabic_kurdish_and_english_are_reported() -> None:
    result = _read("onadata-multi_lingual_form.xlsx")
    languages = sorted(w.params["language"] for w in result.warnings if w.code is E.UNKNOWN_LANGUAGE)
    assert [x.lower() for x in languages] == ["french", "swahili"]
    assert result.survey.question("sex_resp").label.en == "Sex of respondent"
    assert result.survey.question("Fruits").kind is Kind.SELECT_MULTIPLE
