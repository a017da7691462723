"""``raqmana consultation purge`` deletes the contributions whose retention period has ended."""

from __future__ import annotations

import json
from datetime import timedelta

from typer.testing import CliRunner

from raqmana.cli.main import build_app
from raqmana.workspace import consultations as C
from tests.participation.test_consultations import NOW, open_one


def test_the_purge_command_deletes_what_is_past_its_retention(world, monkeypatch):
    c = open_one(world, options=C.Options(retention_days=30), closes_at=NOW + timedelta(days=1))
    with world.ws.transaction() as s:
        C.add_comment(
            s, consultation_id=c.id, section_id=c.sections[0].id, text="x", lang="en", client="a", now=NOW
        )
    monkeypatch.setenv("RAQMANA_DATA_DIR", str(world.settings.data_dir))
    monkeypatch.setenv("RAQMANA_DATABASE_URL", world.settings.database_url or world.settings.sqlalchemy_url)
    result = CliRunner().invoke(build_app("consultation"), ["consultation", "purge", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"ok": True, "consultations": 1, "comments": 1, "answers": 0}
    again = CliRunner().invoke(build_app("consultation"), ["consultation", "purge", "--lang", "ar"])
    assert again.exit_code == 0 and again.output.startswith("لا استشارة")  # nothing left to purge
