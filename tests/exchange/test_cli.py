"""raqmana assessment export-round / import-round and raqmana webhook, run as a user would."""

from __future__ import annotations

import json
import zipfile

import pytest
from typer.testing import CliRunner

from raqmana.cli.main import app
from raqmana.workspace import open_workspace
from tests.exchange.filled import fill
from tests.support.world import build_world, make_settings


def run(env, *args, code=0):
    result = CliRunner().invoke(app, [str(a) for a in args], env=env)
    assert result.exit_code == code, result.output
    return result


def test_it_exports_a_round_and_imports_it_into_another_workspace(world, tmp_path):
    if not world.settings.sqlalchemy_url.startswith("sqlite"):
        pytest.skip("the commands are run on SQLite; the round trip on PostgreSQL is test_round_trip's")
    fill(world)
    env = {
        "RAQMANA_DATA_DIR": str(world.settings.data_dir),
        "RAQMANA_DATABASE_URL": world.settings.database_url,
    }
    out = tmp_path / "round.zip"
    done = json.loads(
        run(env, "assessment", "export-round", world.assessment_id, "--out", out, "--json").stdout
    )
    assert done["manifest"]["tables"]["answers"] == 14
    assert zipfile.ZipFile(out).testzip() is None

    other = open_workspace(make_settings(tmp_path / "other"))
    build_world(other)
    other.dispose()
    env2 = {"RAQMANA_DATA_DIR": str(tmp_path / "other"), "RAQMANA_DATABASE_URL": ""}
    report = json.loads(run(env2, "assessment", "import-round", out, "--json").stdout)
    assert report["created"] and report["counts"]["answers"]["created"] == 14
    assert "unchanged 14" in run(env2, "assessment", "import-round", out).stdout

    # a changed member: refused with a located, translated message, nothing imported
    with zipfile.ZipFile(out) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["answers.json"] = members["answers.json"].replace(b'"accepted"', b'"submitted"', 1)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)
    refused = json.loads(
        run(env2, "assessment", "import-round", bad, "--json", "--lang", "ar", code=2).stdout
    )
    assert (
        refused["errors"][0]["code"] == "EX009" and refused["errors"][0]["location"]["file"] == "answers.json"
    )
    assert "SHA-256" in refused["errors"][0]["message"] and "تغيّر" in refused["errors"][0]["message"]


def test_webhook_commands(tmp_path):
    env = {"RAQMANA_DATA_DIR": str(tmp_path / "data"), "RAQMANA_DATABASE_URL": ""}
    added = json.loads(
        run(env, "webhook", "add", "http://127.0.0.1:9/hook", "--kind", "round.opened", "--json").stdout
    )
    assert len(added["secret"]) >= 32 and added["webhook"]["kinds"] == ["round.opened"]
    listed = json.loads(run(env, "webhook", "list", "--json").stdout)
    assert listed[0]["id"] == added["webhook"]["id"] and "secret" not in listed[0]
    assert json.loads(run(env, "webhook", "pause", listed[0]["id"], "--json").stdout)["active"] is False
    bad = json.loads(
        run(env, "webhook", "add", "gopher://x", "--kind", "round.opened", "--json", code=2).stdout
    )
    assert bad["errors"][0]["code"] == "EX030"
    assert json.loads(run(env, "webhook", "deliveries", "--json").stdout) == []
