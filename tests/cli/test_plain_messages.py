"""Messages a new user meets on the command line say what is wrong in plain words, not Python's."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from raqmana.cli.main import app, main


def _err(monkeypatch, capsys, *argv: str) -> str:
    monkeypatch.setattr("sys.argv", ["raqmana", *argv])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    return " ".join(capsys.readouterr().err.split())


def test_it_says_the_folder_cannot_be_created_because_a_file_is_in_the_way(monkeypatch, capsys, tmp_path):
    blocker = tmp_path / "passwd"
    blocker.write_text("x", encoding="utf-8")
    err = _err(
        monkeypatch,
        capsys,
        "framework",
        "export",
        "iraq-dla",
        "--out",
        str(blocker / "sub" / "x.xlsx"),
        "--lang",
        "ar",
    )
    assert "[CLI005]" in err and f"{blocker} ملف وليس مجلداً" in err
    assert "موجود مسبقاً" not in err and "Traceback" not in err


def test_it_says_a_broken_workbook_is_not_an_excel_file_without_pythons_words(tmp_path):
    bad = tmp_path / "notxlsx.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["framework", "import", str(bad), "-o", str(tmp_path / "f.yaml"), "--lang", "ckb"]
    )
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "[FW011]" in out and "BadZipFile" not in out and "‎.xlsx نییە یان تێکچووە" in out


@pytest.fixture
def env(tmp_path):
    return {"RAQMANA_DATA_DIR": str(tmp_path / "data"), "RAQMANA_DATABASE_URL": ""}


def test_it_says_a_workbook_to_import_does_not_exist(tmp_path, env):
    missing = tmp_path / "missing.xlsx"
    result = CliRunner().invoke(app, ["assessment", "import", str(missing), "--lang", "ar"], env=env)
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "[CLI006]" in out and f"الملف {missing} غير موجود" in out and "قابلاً للقراءة" not in out


def test_it_asks_for_the_institution_option_of_an_institution_report(env):
    result = CliRunner().invoke(app, ["report", "--scope", "institution", "--lang", "ar"], env=env)
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "[RP005]" in out and "--institution CODE" in out and "ليست كذلك" not in out
