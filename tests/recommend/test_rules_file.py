"""Rule base files: includes, and every problem located in the file and line where it is."""

import yaml

from raqmana.recommend import errors as E
from raqmana.recommend import load_rules
from tests.recommend.inline import mini_framework, rule, rulebase_dict, write_rules

FW = mini_framework()


def _codes(result):
    return [p.code.id for p in result.errors]


def test_it_reads_rules_inline_and_from_included_files_in_order(tmp_path):
    main = write_rules(
        tmp_path,
        rulebase_dict(rule("LEG-R1", "LEG", "LEG-01 < 3"), "rules/SRV.yaml"),
        {"rules/SRV.yaml": [rule("SRV-R1", "SRV", "SRV-01 < 3"), rule("SRV-R2", "SRV", "SRV-02 < 5")]},
    )
    result = load_rules(main, FW)
    assert result.ok, [p.render() for p in result.errors]
    assert [r.id for r in result.rulebase.rules] == ["LEG-R1", "SRV-R1", "SRV-R2"]


def test_an_unknown_indicator_is_located_in_the_included_file_and_line(tmp_path):
    main = write_rules(
        tmp_path,
        rulebase_dict("rules/SRV.yaml"),
        {"rules/SRV.yaml": [rule("SRV-R1", "SRV", "SRV-01 < 3"), rule("SRV-R2", "SRV", "SRV-99 < 5")]},
    )
    result = load_rules(main, FW)
    assert _codes(result) == ["RC008"]
    p = result.errors[0]
    lines = (tmp_path / "rules/SRV.yaml").read_text().splitlines()
    assert p.location.file.endswith("rules/SRV.yaml")
    assert lines[p.location.line - 1].strip() == "- SRV-99 < 5"
    assert p.message("en") == "rule SRV-R2: the condition 'SRV-99 < 5' names unknown indicator 'SRV-99'."
    assert "SRV-99" in p.message("ckb") and "پێوەری نەناسراوی" in p.message("ckb")


def test_an_unknown_prerequisite_names_the_rule_and_the_missing_id(tmp_path):
    main = write_rules(tmp_path, rulebase_dict(rule("A", "LEG", "LEG-01 < 3", prerequisites=["NOPE"])))
    result = load_rules(main, FW)
    assert _codes(result) == ["RC010"]
    assert result.errors[0].message("en") == "rule A: prerequisites names unknown rule 'NOPE'."
    assert result.errors[0].location.path == "rules[0].prerequisites[0]"
    line = main.read_text().splitlines()[result.errors[0].location.line - 1]
    assert line.strip() == "- NOPE"


def test_a_prerequisite_cycle_is_named_from_start_to_end(tmp_path):
    main = write_rules(
        tmp_path,
        rulebase_dict(
            rule("A", "LEG", "LEG-01 < 3", prerequisites=["C"]),
            rule("B", "LEG", "LEG-01 < 3", prerequisites=["A"]),
            rule("C", "LEG", "LEG-01 < 3", prerequisites=["B"]),
        ),
    )
    result = load_rules(main, FW)
    assert _codes(result) == ["RC011"]
    assert result.errors[0].message("en") == "rule prerequisites form a cycle: A → C → B → A."


def test_schema_errors_in_an_included_file_point_to_its_line(tmp_path):
    bad = rule("SRV-R1", "SRV", "SRV-01 < 3", horizon="someday")
    main = write_rules(tmp_path, rulebase_dict("rules/SRV.yaml"), {"rules/SRV.yaml": [bad]})
    result = load_rules(main, FW)
    assert _codes(result) == ["RC003"]
    p = result.errors[0]
    line = (tmp_path / "rules/SRV.yaml").read_text().splitlines()[p.location.line - 1]
    assert line.strip() == "horizon: someday"
    assert p.location.field == "horizon"


def test_a_missing_include_and_broken_yaml_are_reported_where_they_are(tmp_path):
    main = write_rules(tmp_path, rulebase_dict("rules/NOPE.yaml", "rules/BAD.yaml"))
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules/BAD.yaml").write_text("- id: X\n  when: {all: [\n", encoding="utf-8")
    result = load_rules(main, FW)
    assert [(p.code, p.location.file.rsplit("/", 1)[-1]) for p in result.errors] == [
        (E.INCLUDE_NOT_FOUND, "rules.yaml"),
        (E.YAML_SYNTAX, "BAD.yaml"),
    ]
    assert main.read_text().splitlines()[result.errors[0].location.line - 1].strip() == "- rules/NOPE.yaml"
    assert result.errors[1].location.line is not None


def test_an_include_that_is_not_a_list_is_refused(tmp_path):
    main = write_rules(
        tmp_path, rulebase_dict("rules/ONE.yaml"), {"rules/ONE.yaml": rule("X", "LEG", "LEG-01 < 3")}
    )
    result = load_rules(main, FW)
    assert _codes(result) == ["RC003"] and "expected a list of rules" in result.errors[0].message("en")


def test_validation_finds_each_kind_of_mistake(tmp_path):
    rules = [
        rule("A", "NOPE", "LEG-01 < 3"),
        rule("B", "LEG", "score(XYZ) < 3", sdg=["99.9"], govstack=["teleporter"]),
        rule("B", "LEG", "LEG-01 <> 3"),
        rule("C", "LEG", "fired(D)", cost_usd={"low": 5, "high": 1}, title={"en": "x", "ar": "", "ckb": "y"}),
        rule("D", "LEG", "type in [planet]", scope="institution"),
        rule("E", "LEG", "LEG-01 < 3", responsible=None),
    ]
    result = load_rules(write_rules(tmp_path, rulebase_dict(*rules)), FW)
    assert sorted(_codes(result)) == sorted(
        ["RC006", "RC009", "RC014", "RC013", "RC005", "RC007", "RC015", "RC004", "RC007", "RC016"]
    )
    assert "RC103" not in [p.code.id for p in result.warnings]  # B's condition is unreadable, not absent


def test_warnings_do_not_stop_a_rule_base(tmp_path):
    rules = [
        rule("A", "LEG", "LEG-01 < 9", duration_quarters=8),
        rule("B", "LEG", when={}),
        rule("C", "LEG", "type == ministry"),
    ]
    result = load_rules(write_rules(tmp_path, rulebase_dict(*rules)), FW)
    assert result.ok
    assert sorted(p.code.id for p in result.warnings) == [
        "RC101",
        "RC102",
        "RC103",
        "RC104",
        "RC104",
        "RC106",
    ]


def test_rules_not_found_is_a_problem_not_a_traceback(tmp_path):
    result = load_rules(tmp_path / "missing.yaml", FW)
    assert result.rulebase is None and _codes(result) == ["RC001"]


def test_the_yaml_written_by_the_helper_reads_back(tmp_path):
    main = write_rules(tmp_path, rulebase_dict(rule("A", "LEG", "LEG-01 < 3")))
    assert yaml.safe_load(main.read_text())["rules"][0]["id"] == "A"


def test_sorani_text_with_arabic_letters_is_an_error_that_names_the_fix(tmp_path):
    bad = rule("A", "LEG", "LEG-01 < 3", title={"en": "Law", "ar": "قانون", "ckb": "یاسای نوێ بۆ هەموو"})
    result = load_rules(write_rules(tmp_path, rulebase_dict(bad)), FW)
    assert _codes(result) == ["RC019"]
    assert result.errors[0].location.field == "ckb"
    assert "write ھ" in result.errors[0].message("en")
