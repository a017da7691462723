"""A broken rule file or assessment file is explained in Arabic and Sorani without English words.

Quoted values ('someday', 'short') are the file's own text and stay as written; upper-case acronyms
(YAML, JSON, UTF) are names. Any other Latin word in an ar/ckb message is untranslated English.
"""

from __future__ import annotations

import json
import re

import pytest

from raqmana.recommend import errors as E
from raqmana.recommend import load_rules
from raqmana.recommend.assessment import load as load_assessment
from tests.recommend.inline import institution, mini_framework, rule, rulebase_dict, write_rules

FW = mini_framework()
RTL = ("ar", "ckb")


def english_words(text: str) -> list[str]:
    unquoted = re.sub(r"'[^']*'", "", text)
    return [w for w in re.findall(r"[A-Za-z]+", unquoted) if not w.isupper()]


def _errors(tmp_path, *rules, **fields):
    result = load_rules(write_rules(tmp_path, rulebase_dict(*rules, **fields)), FW)
    assert result.rulebase is None and result.errors
    return result.errors


SCHEMA_CASES = {
    "a word where a choice is expected": ({"horizon": "someday"}, "'someday'", "'short'"),
    "a word where a number is expected": ({"duration_quarters": "two"}, "'two'"),
    "a number out of range": ({"duration_quarters": 99}, "20", "99"),
    "an unknown field": ({"colour": "green"}, "'colour'"),
    "a negative cost": ({"cost_usd": {"low": -5, "high": 1}}, "0", "-5"),
}


@pytest.mark.parametrize("case", SCHEMA_CASES)
def test_it_explains_a_schema_mistake_of_a_rule_in_each_language(tmp_path, case):
    fields, *shown = SCHEMA_CASES[case]
    errors = _errors(tmp_path, rule("A", "LEG", "LEG-01 < 3", **fields))
    assert [p.code for p in errors] == [E.SCHEMA]
    for lang in RTL:
        message = errors[0].message(lang)
        assert english_words(message) == [], (lang, message)
        assert all(value in message for value in shown), (lang, message)
    assert "Input should" not in errors[0].message("en")  # pydantic's sentence is replaced in English too


def test_a_missing_field_is_named_in_the_location_and_explained_in_words(tmp_path):
    bad = rule("A", "LEG", "LEG-01 < 3")
    del bad["pillar"]
    problem = _errors(tmp_path, bad)[0]
    assert problem.location.field == "pillar"
    assert problem.message("en") == "this field is required"
    assert problem.message("ar") == "هذا الحقل مطلوب" and problem.message("ckb") == "ئەم خانەیە پێویستە"


def test_broken_yaml_in_a_rule_file_says_why_in_the_readers_language(tmp_path):
    main = write_rules(tmp_path, rulebase_dict("rules/BAD.yaml"))
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules/BAD.yaml").write_text("- id: X\n  when: {all: [\n", encoding="utf-8")
    problem = load_rules(main, FW).errors[0]
    assert problem.code is E.YAML_SYNTAX and problem.location.line is not None
    assert "parser" not in problem.params["reason"]["en"]
    for lang in RTL:
        message = problem.message(lang)
        assert english_words(message) == [], (lang, message)
        assert message != E.YAML_SYNTAX.template(lang)
    assert problem.params["detail"]  # the parser's own words stay available for the JSON output


def test_a_rule_file_that_is_a_list_or_an_include_that_is_a_mapping_is_explained(tmp_path):
    top = tmp_path / "top"
    top.mkdir()
    (top / "rules.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    inc = tmp_path / "inc"
    main = write_rules(
        inc, rulebase_dict("rules/ONE.yaml"), {"rules/ONE.yaml": rule("X", "LEG", "LEG-01 < 3")}
    )
    for problem in (load_rules(top / "rules.yaml", FW).errors[0], load_rules(main, FW).errors[0]):
        assert problem.code is E.SCHEMA
        for lang in RTL:
            assert english_words(problem.message(lang)) == [], problem.message(lang)


@pytest.mark.parametrize("text", ['{"institutions": [', '{"institutions": [}', "{'id': 1}", '{"id": "a"} x'])
def test_a_broken_assessment_json_is_located_and_explained(tmp_path, text):
    path = tmp_path / "assessment.json"
    path.write_text(text, encoding="utf-8")
    _, problems = load_assessment(path)
    assert [p.code for p in problems] == [E.BAD_JSON]
    assert problems[0].location.line == 1 and problems[0].location.column
    for lang in RTL:
        message = problems[0].message(lang)
        assert english_words(message) == [], (lang, message)


def test_a_missing_or_misspelt_assessment_is_explained_without_english(tmp_path):
    _, missing = load_assessment(tmp_path / "nope.json")
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps({"institutions": [institution("moi", "planet", colour=1)]}), encoding="utf-8")
    _, wrong = load_assessment(path)
    assert [p.code for p in missing] == [E.BAD_JSON]
    assert {p.code for p in wrong} == {E.SCHEMA} and len(wrong) >= 2
    for problem in [*missing, *wrong]:
        for lang in RTL:
            assert english_words(problem.message(lang)) == [], problem.message(lang)
    assert any("'colour'" in p.message("ckb") for p in wrong) and any(
        "'planet'" in p.message("ar") for p in wrong
    )
