"""Start-up with settings that cannot be used: a message naming the setting, exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from raqmana.settings import SettingsError, get_settings


def _raqmana(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("RAQMANA_")}
    return subprocess.run(
        [sys.executable, "-c", "from raqmana.cli.main import main; main()", *args],
        env={**clean, "RAQMANA_DATA_DIR": str(tmp_path / "data"), **env},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(("lang", "words"), [("en", "needs its own secret key"), ("ar", "مفتاح سري")])
def test_it_tells_production_without_a_secret_in_the_users_language(tmp_path, lang, words):
    done = _raqmana(tmp_path, "db", "current", "--lang", lang, RAQMANA_ENVIRONMENT="production")
    assert done.returncode == 2
    assert "CLI008" in done.stderr and words in done.stderr
    assert "RAQMANA_SECRET_KEY_FILE" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "data").exists()  # nothing was started


def test_it_names_a_secret_file_that_cannot_be_read(tmp_path):
    done = _raqmana(tmp_path, "db", "current", RAQMANA_AUDIT_KEY_FILE=str(tmp_path / "missing-key"))
    assert done.returncode == 2
    assert "CLI007" in done.stderr and "RAQMANA_AUDIT_KEY_FILE" in done.stderr
    assert "Traceback" not in done.stderr


def test_it_reads_secrets_from_files_and_secures_cookies_in_production(tmp_path, monkeypatch):
    (tmp_path / "secret").write_text("s" * 40 + "\n", encoding="utf-8")
    (tmp_path / "audit").write_text("a" * 40, encoding="utf-8")
    monkeypatch.setenv("RAQMANA_SECRET_KEY_FILE", str(tmp_path / "secret"))
    monkeypatch.setenv("RAQMANA_AUDIT_KEY_FILE", str(tmp_path / "audit"))
    s = get_settings(environment="production", password_cost="standard")
    assert (s.secret_key, s.audit_key, s.secure_cookies) == ("s" * 40, "a" * 40, True)
    assert (
        get_settings(environment="production", password_cost="standard", secure_cookies=False).secure_cookies
        is False
    )
    assert get_settings(environment="development").secure_cookies is False


def test_it_refuses_a_short_audit_key(tmp_path):
    with pytest.raises(SettingsError) as caught:
        get_settings(environment="test", data_dir=tmp_path, audit_key="short")
    assert "audit" in str(caught.value).lower()
