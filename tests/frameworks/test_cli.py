"""The framework commands: JSON on read commands, exit code 2 and no traceback on bad input."""

import json

from tests.factories import framework_dict, write_framework
from typer.testing import CliRunner

from raqmana.cli.main import app

runner = CliRunner()


def test_validate_reports_counts_as_json(tmp_path):
    path = write_framework(tmp_path, framework_dict())
    result = runner.invoke(app, ["framework", "validate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert (data["enablers"], data["indicators"], data["missing_translations"]) == (2, 4, 0)


def test_a_broken_file_exits_2_with_a_located_message_in_arabic(tmp_path):
    data = framework_dict()
    data["pillars"][0]["name"]["ar"] = ""
    path = write_framework(tmp_path, data)
    result = runner.invoke(app, ["framework", "validate", str(path), "--lang", "ar"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "العامل LEG: الاسم غير موجود باللغة ar" in result.output
    assert "السطر" in result.output


def test_bad_yaml_exits_2_as_json(tmp_path):
    path = write_framework(tmp_path, "id: [")
    result = runner.invoke(app, ["framework", "validate", str(path), "--json"])
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and payload["errors"][0]["code"] == "FW002"


def test_export_then_import_a_workbook(tmp_path):
    src = write_framework(tmp_path, framework_dict())
    xlsx = tmp_path / "review.xlsx"
    assert runner.invoke(app, ["framework", "export", str(src), "--out", str(xlsx)]).exit_code == 0
    out = tmp_path / "back.yaml"
    result = runner.invoke(app, ["framework", "import", str(xlsx), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["indicators"] == 4
    assert out.is_file()


def test_import_of_a_broken_workbook_writes_nothing(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    out = tmp_path / "never.yaml"
    result = runner.invoke(app, ["framework", "import", str(bad), "--out", str(out)])
    assert result.exit_code == 2
    assert not out.exists()


def test_list_shows_the_builtin_packs_as_json():
    result = runner.invoke(app, ["framework", "list", "--json"])
    assert result.exit_code == 0
    assert "iraq-dla" in [row["id"] for row in json.loads(result.stdout)]
