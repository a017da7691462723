"""The workspace commands: db, org, user, assessment, audit and worker, run as a user would."""

from __future__ import annotations

import json
import sqlite3

import pytest
import yaml
from typer.testing import CliRunner

from raqmana.cli.main import app
from raqmana.store import head_revision
from tests.workspace.factories import small_framework
from tests.workspace.test_excel_roundtrip import edit


@pytest.fixture
def cli(tmp_path):
    env = {
        "RAQMANA_DATA_DIR": str(tmp_path / "data"),
        "RAQMANA_DATABASE_URL": "",
        "RAQMANA_NEW_PASSWORD": "a long enough password",
    }
    runner = CliRunner()

    def run(*args, code=0):
        result = runner.invoke(app, [str(a) for a in args], env=env)
        assert result.exit_code == code, result.output
        return result

    return run


def test_it_upgrades_seeds_and_lists_organisations(cli):
    out = json.loads(cli("db", "upgrade", "--json").stdout)
    assert out["before"] is None and out["after"] == out["head"] == head_revision()
    assert "created 54" in cli("org", "seed").stdout
    orgs = json.loads(cli("org", "list", "--json").stdout)
    assert len(orgs) == 54 and all(o["name"]["ckb"] for o in orgs)


def test_it_reports_bad_organisation_files_by_row_and_column(cli, tmp_path):
    bad = tmp_path / "orgs.csv"
    bad.write_text("code,kind,parent_code,name_en,name_ar\nx,planet,,X,س\n", encoding="utf-8")
    out = json.loads(cli("org", "import", bad, "--json", "--lang", "ar", code=2).stdout)
    assert out["errors"][0]["code"] == "WS065" and out["errors"][0]["location"] == {
        "file": "orgs.csv",
        "line": 2,
        "column": "kind",
    }
    assert "نوع غير معروف" in out["errors"][0]["message"]
    assert "not found" in cli("org", "import", tmp_path / "missing.csv", code=2).stderr


def test_it_manages_users_and_roles(cli):
    cli("org", "seed")
    cli("user", "create", "sara", "--name", "Sara", "--locale", "ckb")
    cli("user", "grant", "sara", "reviewer", "--org", "krg")
    users = json.loads(cli("user", "list", "--json").stdout)
    assert users == [
        {
            **users[0],
            "username": "sara",
            "locale": "ckb",
            "grants": [{"id": 1, "role": "reviewer", "org": "krg"}],
        }
    ]
    assert "WS053" in cli("user", "grant", "sara", "boss", code=2).stderr
    assert "WS001" in cli("user", "grant", "nobody", "viewer", code=2).stderr


def test_it_runs_the_excel_round_trip_and_a_worker_job(cli, tmp_path):
    fw = tmp_path / "mini.yaml"
    fw.write_text(
        yaml.safe_dump(small_framework().model_dump(mode="json"), allow_unicode=True), encoding="utf-8"
    )
    cli("org", "seed")
    opened = json.loads(
        cli(
            "assessment",
            "open",
            "--framework",
            fw,
            "--name",
            "R1",
            "--period",
            "2026",
            "--institutions",
            "moc,mop",
            "--json",
        ).stdout
    )
    rid = opened["id"]
    book = tmp_path / "moc.xlsx"
    cli("assessment", "export", rid, "--institution", "moc", "--lang", "ar", "-o", book)
    book.write_bytes(edit(book.read_bytes(), "ar", {"E2": "٣"}))
    out = json.loads(cli("assessment", "import", book, "--json").stdout)
    assert out["files"][0]["changed"] == 1
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(edit(book.read_bytes(), "ar", {"E3": "عالية"}))
    out = json.loads(cli("assessment", "import", broken, "--json", code=2).stdout)
    assert out["files"][0]["errors"][0]["location"] == {
        "file": "broken.xlsx",
        "sheet": "الإجابات",
        "line": 3,
        "column": "E",
    }
    rows = json.loads(cli("assessment", "completion", rid, "--json").stdout)["rows"]
    assert [(r["institution"], r["P1"]["draft"]) for r in rows] == [("moc", 1), ("mop", 0)]
    cli("assessment", "export", rid, "--all", "-o", tmp_path / "books")
    assert len(list((tmp_path / "books").glob("*.xlsx"))) == 2
    assert json.loads(cli("assessment", "import", book, "--job", "--json").stdout)["job"] == 1
    assert "1 job" in cli("worker", "--once").stdout
    assert json.loads(cli("assessment", "list", "--json").stdout)[0]["institutions"] == 2


def test_it_verifies_the_audit_log_and_names_a_tampered_event(cli, tmp_path):
    cli("org", "seed")
    assert json.loads(cli("audit", "verify", "--json").stdout)["ok"] is True
    db = sqlite3.connect(tmp_path / "data" / "raqmana.sqlite3")
    with db:
        db.execute("DROP TRIGGER trg_audit_no_update")
        db.execute("UPDATE audit_events SET actor_name = 'mallory' WHERE id = 7")
    db.close()
    report = json.loads(cli("audit", "verify", "--json", code=1).stdout)
    assert [(b["kind"], b["event_id"]) for b in report["breaks"]] == [("altered", 7)]
    assert "event 7" in cli("audit", "verify", code=1).stderr
