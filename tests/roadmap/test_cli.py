"""The roadmap commands: JSON on request, located translated problems and exit code 2 on bad input."""

import json

from openpyxl import load_workbook
from typer.testing import CliRunner

from raqmana.cli.main import app
from tests.factories import framework_dict, write_framework
from tests.recommend.inline import rule, rulebase_dict, write_rules

runner = CliRunner()


def _setup(tmp_path):
    fw_path = write_framework(tmp_path, framework_dict())
    rules = write_rules(
        tmp_path,
        rulebase_dict(rule("LAW", "LEG", "LEG-01 < 3", category="law"), "rules/SRV.yaml"),
        {
            "rules/SRV.yaml": [
                rule(
                    "SRV-R1",
                    "SRV",
                    "SRV-01 < 3",
                    scope="institution",
                    category="service",
                    prerequisites=["LAW"],
                )
            ]
        },
    )
    data = {
        "framework": "mini",
        "id": "cli-test",
        "institutions": [
            {"id": "moi", "type": "ministry", "stages": {"LEG-01": 1, "SRV-01": 1}},
            {"id": "mof", "type": "ministry", "stages": {"LEG-01": 2, "SRV-01": 2}},
        ],
    }
    assessment = tmp_path / "assessment.json"
    assessment.write_text(json.dumps(data), encoding="utf-8")
    return fw_path, rules, assessment


def test_rules_validate_reports_counts_as_json(tmp_path):
    fw_path, rules, _ = _setup(tmp_path)
    result = runner.invoke(
        app, ["roadmap", "rules", "validate", str(rules), "--framework", str(fw_path), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["ok"], data["rules"], data["national"], data["institution"]) == (True, 2, 1, 1)


def test_rules_validate_exits_2_with_the_included_file_and_line_in_sorani(tmp_path):
    fw_path, _, _ = _setup(tmp_path)
    rules = write_rules(
        tmp_path,
        rulebase_dict("rules/SRV.yaml"),
        {"rules/SRV.yaml": [rule("SRV-R1", "SRV", "SRV-09 < 3", scope="institution")]},
    )
    result = runner.invoke(
        app, ["roadmap", "rules", "validate", str(rules), "-f", str(fw_path), "--lang", "ckb"]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "rules/SRV.yaml، دێڕ 5" in result.output.replace("\n", "")
    assert "پێوەری نەناسراوی 'SRV-09'" in result.output.replace("\n", "")


def test_plan_writes_the_files_and_summarises_the_schedule(tmp_path):
    fw_path, rules, assessment = _setup(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "roadmap",
            "plan",
            "--assessment",
            str(assessment),
            "--out",
            str(out),
            "--framework",
            str(fw_path),
            "--rules",
            str(rules),
            "--budget-per-year",
            "2000000",
            "--horizon-quarters",
            "12",
            "--time-limit",
            "3",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["ok"], data["recommendations"], data["initiatives"]) == (True, 3, 3)
    assert data["schedule"]["status"] == "optimal" and data["budget_per_year"] == [2_000_000]
    assert {
        "roadmap.json",
        "roadmap.xlsx",
        "recommendations.json",
        "recommendations.xlsx",
        "gantt.png",
        "gantt.svg",
        "dependencies.json",
        "actions.json",
    } <= {p.name for p in out.iterdir()}


def test_plan_with_a_budget_too_small_exits_2_and_says_by_how_much_in_arabic(tmp_path):
    fw_path, rules, assessment = _setup(tmp_path)
    result = runner.invoke(
        app,
        [
            "roadmap",
            "plan",
            "-a",
            str(assessment),
            "-o",
            str(tmp_path / "out"),
            "-f",
            str(fw_path),
            "--rules",
            str(rules),
            "--budget-per-year",
            "100000",
            "--horizon-quarters",
            "20",
            "--lang",
            "ar",
        ],
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "عجز بمقدار" in result.output.replace("\n", "")


def test_plan_with_a_bad_budget_or_a_bad_assessment_exits_2(tmp_path):
    fw_path, rules, assessment = _setup(tmp_path)
    args = [
        "roadmap",
        "plan",
        "-a",
        str(assessment),
        "-o",
        str(tmp_path / "o"),
        "-f",
        str(fw_path),
        "--rules",
        str(rules),
    ]
    result = runner.invoke(app, [*args, "--budget-per-year", "lots"])
    assert result.exit_code == 2 and "is not a positive amount" in result.output
    assessment.write_text('{"institutions": [{"id": "moi", "stages": {"LEG-01": "high"}}]}', encoding="utf-8")
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 2
    errors = json.loads(result.stdout)["errors"]
    assert errors[0]["location"]["path"] == "institutions[0].stages.LEG-01"


def test_whatif_and_import_read_what_plan_wrote(tmp_path):
    fw_path, rules, assessment = _setup(tmp_path)
    out = tmp_path / "out"
    runner.invoke(
        app,
        [
            "roadmap",
            "plan",
            "-a",
            str(assessment),
            "-o",
            str(out),
            "-f",
            str(fw_path),
            "--rules",
            str(rules),
            "--budget-per-year",
            "2000000",
            "--time-limit",
            "2",
        ],
    )
    result = runner.invoke(app, ["roadmap", "whatif", str(out / "roadmap.xlsx"), "--slip", "LAW:2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["delta_makespan"] == 2 and {c["id"] for c in data["changed"]} >= {"LAW"}
    result = runner.invoke(
        app, ["roadmap", "import", str(out / "roadmap.xlsx"), "--out", str(tmp_path / "rm.json"), "--json"]
    )
    assert result.exit_code == 0 and json.loads(result.stdout)["initiatives"] == 3
    assert (tmp_path / "rm.json").is_file()


def test_import_of_an_edited_workbook_locates_the_bad_cell(tmp_path):
    fw_path, rules, assessment = _setup(tmp_path)
    out = tmp_path / "out"
    runner.invoke(
        app,
        [
            "roadmap",
            "plan",
            "-a",
            str(assessment),
            "-o",
            str(out),
            "-f",
            str(fw_path),
            "--rules",
            str(rules),
            "--budget-per-year",
            "2000000",
            "--time-limit",
            "2",
        ],
    )
    wb = load_workbook(out / "roadmap.xlsx")
    wb["Initiatives"]["P2"] = "cheap"
    wb.save(out / "roadmap.xlsx")
    result = runner.invoke(app, ["roadmap", "import", str(out / "roadmap.xlsx")])
    assert result.exit_code == 2
    assert (
        "sheet Initiatives, row 2, column P, field cost_usd: 'cheap' is not a whole number"
        in result.output.replace("\n", "")
    )
