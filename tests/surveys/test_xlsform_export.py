"""XLSForm export: a framework pack's questionnaire goes to Kobo/ODK in three languages and converts cleanly."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from raqmana.frameworks import load_or_raise
from raqmana.surveys.xlsform_in import read_form
from raqmana.surveys.xlsform_out import check, from_framework, to_bytes


@pytest.fixture(scope="module")
def iraq_form() -> bytes:
    return to_bytes(from_framework(load_or_raise("iraq-dla")))


def test_it_converts_with_pyxform_without_errors_or_warnings(iraq_form: bytes) -> None:
    assert check(iraq_form) == []


def test_it_labels_every_question_in_arabic_kurdish_and_english(iraq_form: bytes) -> None:
    sheet = load_workbook(BytesIO(iraq_form))["survey"]
    header = [c.value for c in sheet[1]]
    for column in ("label::Arabic (ar)", "label::Kurdish (ckb)", "label::English (en)"):
        assert column in header
    rows = [dict(zip(header, (c.value for c in row), strict=False)) for row in sheet.iter_rows(min_row=2)]
    questions = [r for r in rows if r["type"] and r["type"].split()[0] in ("select_one", "decimal", "text")]
    assert questions
    for r in questions:
        assert r["label::Arabic (ar)"] and r["label::Kurdish (ckb)"] and r["label::English (en)"], r["name"]


def test_it_groups_questions_per_enabler_and_records_metadata(iraq_form: bytes) -> None:
    fw = load_or_raise("iraq-dla")
    sheet = load_workbook(BytesIO(iraq_form))["survey"]
    types = [(row[0].value, row[1].value) for row in sheet.iter_rows(min_row=2)]
    assert [n for t, n in types if t == "begin_group"] == [p.id for p in fw.pillars]
    assert {"start", "end", "today", "deviceid"} <= {t for t, _ in types}


def test_it_offers_dont_know_and_not_applicable_where_the_framework_allows(iraq_form: bytes) -> None:
    fw = load_or_raise("iraq-dla")
    choices = load_workbook(BytesIO(iraq_form))["choices"]
    by_list: dict[str, set[str]] = {}
    for row in choices.iter_rows(min_row=2, values_only=True):
        by_list.setdefault(str(row[0]), set()).add(str(row[1]))
    with_na = [i for i in fw.indicators() if i.na_allowed and f"{i.id}_options" in by_list]
    assert all("dk" in names for names in by_list.values())
    assert all("na" in by_list[f"{i.id}_options"] for i in with_na)


def test_it_keeps_logic_an_odk_form_checks(iraq_form: bytes) -> None:
    sheet = load_workbook(BytesIO(iraq_form))["survey"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=False)) for row in sheet.iter_rows(min_row=2)]
    evidence = [r for r in rows if str(r["name"]).endswith("_evidence")]
    assert evidence and all("!= 'dk'" in r["relevant"] for r in evidence)
    assert any(r["required"] == "yes" for r in rows)


def test_it_reads_back_what_it_wrote(iraq_form: bytes) -> None:
    original = from_framework(load_or_raise("iraq-dla"))
    result = read_form(iraq_form, file="iraq.xlsx")
    assert result.warnings == []
    back = result.survey
    assert [q.name for q in back.questions] == [q.name for q in original.questions]
    for a, b in zip(original.questions, back.questions, strict=True):
        assert (a.kind, a.label, a.topic, a.indicator, a.role, a.relevant) == (
            b.kind,
            b.label,
            b.topic,
            b.indicator,
            b.role,
            b.relevant,
        ), a.name
    assert back.choice_lists == original.choice_lists


@pytest.mark.slow
def test_odk_validate_accepts_it(iraq_form: bytes, tmp_path) -> None:
    from pyxform.xls2xform import convert

    path = tmp_path / "iraq.xlsx"
    path.write_bytes(iraq_form)
    warnings: list[str] = []
    convert(xlsform=str(path), warnings=warnings, validate=True)
    assert warnings == []


@pytest.mark.parametrize("name", ["civil_servants", "citizens_eservices"])
def test_the_ready_surveys_convert_cleanly_and_read_back(name: str) -> None:
    from raqmana.surveys.packs import find

    survey = find(name)
    data = to_bytes(survey)
    assert check(data) == []
    back = read_form(data, file=f"{name}.xlsx")
    assert back.warnings == []
    assert back.survey.choice_lists == survey.choice_lists
    assert [(q.name, q.role, q.topic) for q in back.survey.questions] == [
        (q.name, q.role, q.topic) for q in survey.questions
    ]


@pytest.mark.slow
@pytest.mark.parametrize("pack", ["egdi", "govstack", "gtmi", "sdg", "undp-dtf"])
def test_every_built_in_pack_converts_cleanly(pack: str) -> None:
    from raqmana.surveys.packs import find

    assert check(to_bytes(find(pack))) == []
