"""Schema, YAML and workbook errors read entirely in Arabic and Sorani: no English left in the sentence.

Quoted values ('scale', ',' or ']') are the file's own text and stay as written; upper-case acronyms
(YAML, UTF) are names. Every other Latin word in an ar/ckb message would be untranslated English.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel, Field, ValidationError
from tests.factories import framework_dict, write_framework
from typer.testing import CliRunner

from raqmana.cli.main import app
from raqmana.frameworks import errors as E
from raqmana.frameworks import load
from raqmana.frameworks.export import write
from raqmana.frameworks.validation_messages import TEMPLATES, describe
from raqmana.frameworks.yamlsource import yaml_reason

RTL = ("ar", "ckb")


def english_words(text: str) -> list[str]:
    unquoted = re.sub(r"'[^']*'", "", text)
    return [w for w in re.findall(r"[A-Za-z]+", unquoted) if not w.isupper()]


def _schema_errors(tmp_path, change) -> list:
    data = framework_dict()
    change(data)
    result = load(write_framework(tmp_path, data))
    assert result.framework is None
    return result.errors


def _ind(d):
    return d["pillars"][0]["sub_areas"][0]["indicators"][0]


CASES = {
    "enum": (lambda d: _ind(d).update(answer_type="scale"), "'ladder'", "'text'"),
    "int_parsing": (lambda d: _ind(d).update(direction="up"), "'up'"),
    "float_parsing": (lambda d: _ind(d).update(weight="heavy"), "'heavy'"),
    "missing": (lambda d: d.pop("version"),),
    "greater_than_equal": (lambda d: _ind(d).update(weight=-1), "0", "-1"),
    "less_than_equal": (lambda d: _ind(d)["stages"][0].update(stage=9), "5", "9"),
    "string_pattern_mismatch": (lambda d: d["pillars"][0].update(id="1bad"), "'LEG-01'", "'1bad'"),
    "extra_forbidden": (lambda d: d["pillars"][0].update(colour="green"), "'colour'"),
    "bool_parsing": (lambda d: _ind(d).update(na_allowed="maybe"), "'maybe'"),
    "list_type": (lambda d: d["pillars"][0].update(depends_on="POL"), "'POL'"),
    "model_type": (lambda d: _ind(d).update(crosswalk=5), "5"),
}


@pytest.mark.parametrize("kind", CASES)
def test_schema_errors_are_translated_with_their_values(tmp_path, kind):
    change, *values = CASES[kind]
    [problem] = _schema_errors(tmp_path, change)
    assert problem.code is E.SCHEMA
    for lang in RTL:
        message = problem.message(lang)
        assert english_words(message) == [], (lang, message)
        assert all(v in message for v in values), (lang, message)
    assert problem.message("en").startswith(TEMPLATES[kind]["en"].split("{")[0])


class _Sample(BaseModel):
    choice: Literal["low", "high"] = "low"
    code: str = Field(default="ab", min_length=2, max_length=4)
    share: float = Field(default=0.5, gt=0, lt=1)
    step: int = Field(default=5, multiple_of=5)
    tags: list[str] = Field(default=["a"], min_length=1)
    count: int = 1
    when: dt.date = dt.date(2026, 1, 1)
    extra: dict[str, int] = {}


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("choice", "medium", "literal_error"),
        ("code", "toolong", "string_too_long"),
        ("code", "a", "string_too_short"),
        ("share", 0, "greater_than"),
        ("share", 1, "less_than"),
        ("step", 7, "multiple_of"),
        ("tags", [], "too_short"),
        ("count", 1.5, "int_from_float"),
        ("when", "next week", "date_from_datetime_parsing"),
        ("extra", "x", "dict_type"),
    ],
)
def test_each_pydantic_error_type_has_a_sentence_in_every_language(field, value, kind):
    with pytest.raises(ValidationError) as info:
        _Sample.model_validate({field: value})
    [err] = info.value.errors()
    assert err["type"] == kind
    text = describe(err, field=field)
    for lang in RTL:
        assert english_words(text[lang]) == [], (lang, text[lang])
    assert text["en"].startswith(TEMPLATES[kind]["en"].split("{")[0])
    if kind == "literal_error":
        assert text["ar"].startswith("يجب أن تكون إحدى القيم 'low' أو 'high'")
        assert text["ckb"].startswith("دەبێت یەکێک بێت لەم بەھایانە: 'low' یان 'high'")
    if kind == "string_too_long":
        assert "4" in text["ar"] and "4" in text["ckb"]


def test_an_unknown_error_type_keeps_the_english_only_in_parentheses():
    text = describe({"type": "uuid_parsing", "msg": "Input should be a valid UUID", "input": "x"})
    assert text["en"].startswith("Input should be a valid UUID")
    assert text["ar"].startswith("القيمة غير صالحة (Input should be a valid UUID)")
    assert english_words(text["ckb"].split("(")[0]) == []


YAML_CASES = {
    "unclosed list": "id: {a: [1, 2}\n",
    "unclosed mapping": "id: {a: 1\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "colon in a value": "name: a: b\n",
    "tab": "a:\n\t- 1\n",
    "unclosed quote": "a: 'x\n",
    "list item out of place": "- a\nb: 1\n",
    "unknown alias": "a: *x\n",
    "bad escape": 'a: "\\q"\n',
    "unknown tag": "a: !foo 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "character that cannot start a value": "a: @x\n",
}


@pytest.mark.parametrize("name", YAML_CASES)
def test_yaml_syntax_errors_are_a_translated_sentence_with_line_and_column(tmp_path, name):
    [problem] = load(write_framework(tmp_path, YAML_CASES[name])).errors
    assert problem.code is E.YAML_SYNTAX
    assert problem.location.line and problem.location.column
    for lang in RTL:
        message = problem.message(lang)
        assert english_words(message) == [], (lang, message)
        assert "YAML" in message
    rendered = problem.render("ckb")
    assert f"دێڕ {problem.location.line}، ستوون {problem.location.column}" in rendered


def test_the_parsers_english_is_kept_only_for_problems_it_has_no_sentence_for():
    reason = yaml_reason("found a strange new thing")
    assert reason["en"] == "found a strange new thing"
    assert reason["ckb"] == "ھەڵەی ڕێزمانی (found a strange new thing)"


def test_a_file_that_is_not_utf8_is_said_so(tmp_path):
    path = tmp_path / "framework.yaml"
    path.write_bytes("name: قانون\n".encode("cp1256"))
    [problem] = load(path).errors
    assert problem.code is E.YAML_SYNTAX
    assert "UTF-8" in problem.message("ar") and english_words(problem.message("ar")) == []


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "b2-weight.xlsx"
    write(load(write_framework(tmp_path, framework_dict())).framework, path)
    return path


def _set(path, sheet, column, value):
    wb = load_workbook(path)
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(column) + 1
    ws.cell(row=2, column=col, value=value)
    wb.save(path)


@pytest.mark.parametrize(
    ("column", "value", "ckb"),
    [
        ("weight", "heavy", "'heavy' ژمارە نییە."),
        ("direction", "up", "'up' ژمارەیەکی تەواو نییە."),
        ("na_allowed", "maybe", "'maybe' بەڵێ یان نەخێر نییە."),
    ],
)
def test_a_bad_workbook_cell_is_described_in_the_users_language(workbook, column, value, ckb):
    _set(workbook, "indicators", column, value)
    [problem] = load(workbook).errors
    assert problem.code is E.XLSX_BAD_CELL
    assert problem.message("ckb") == ckb
    assert english_words(problem.message("ar")) == []


def test_framework_import_of_a_bad_workbook_prints_sorani_only(workbook, tmp_path):
    _set(workbook, "indicators", "weight", "heavy")
    result = CliRunner().invoke(
        app, ["framework", "import", str(workbook), "--out", str(tmp_path / "x.yaml"), "--lang", "ckb"]
    )
    assert result.exit_code == 2
    assert "ھەڵە [FW014] b2-weight.xlsx، پەڕە indicators، ڕیز 2" in result.output
    assert "'heavy' ژمارە نییە." in result.output
