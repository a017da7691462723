"""The command line of backups and of the signed audit log: raqmana backup / restore, audit sign /
checkpoint / verify --checkpoint, with messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from raqmana.cli.main import build_app
from raqmana.settings import get_settings
from raqmana.store import audit as chain
from raqmana.workspace import open_workspace

runner = CliRunner()


def env_for(tmp_path: Path, data: str) -> dict[str, str]:
    key = tmp_path / "audit_key"
    if not key.exists():
        key.write_text("cli-audit-key-" * 4, encoding="utf-8")
    return {
        "RAQMANA_DATA_DIR": str(tmp_path / data),
        "RAQMANA_DATABASE_URL": "",
        "RAQMANA_SECRET_KEY": "cli-test-secret-0123456789abcdef0123",
        "RAQMANA_AUDIT_KEY_FILE": str(key),
    }


def raqmana(env: dict[str, str], *args: str):
    return runner.invoke(build_app(), list(args), env=env)


def some_events(env: dict[str, str], n: int = 3) -> None:
    ws = open_workspace(
        get_settings(
            environment="test",
            data_dir=Path(env["RAQMANA_DATA_DIR"]),
            secret_key=env["RAQMANA_SECRET_KEY"],
            audit_key=Path(env["RAQMANA_AUDIT_KEY_FILE"]).read_text(),
        )
    )
    try:
        for i in range(n):
            with ws.transaction() as s:
                chain.append(s, [chain.EventDraft(None, "system", "test.event", "thing", str(i))])
    finally:
        ws.dispose()


def test_checkpoints_from_the_command_line(tmp_path):
    env = env_for(tmp_path, "data")
    some_events(env)
    out = tmp_path / "checkpoints" / "one.json"
    done = raqmana(env, "audit", "checkpoint", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert json.loads(out.read_text())["seq"] == 3
    some_events(env, 2)
    done = raqmana(env, "audit", "verify", "--checkpoint", str(out), "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert report["ok"] and report["signed"] and report["checkpoints"] == 1 and report["last_seq"] == 5

    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**json.loads(out.read_text()), "hash": "0" * 64}))
    done = raqmana(env, "audit", "verify", "--checkpoint", str(forged))
    assert done.exit_code == 1 and "checkpoint" in done.output

    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]")
    done = raqmana(env, "audit", "verify", "--checkpoint", str(junk), "--lang", "ar")
    assert done.exit_code == 2 and "CLI010" in done.output and "Traceback" not in done.output


def test_checkpoint_without_a_key_says_how_to_set_one(tmp_path):
    env = {**env_for(tmp_path, "data"), "RAQMANA_AUDIT_KEY_FILE": ""}
    done = raqmana(env, "audit", "checkpoint", "--out", str(tmp_path / "cp.json"))
    assert done.exit_code == 2 and "CLI009" in done.output and "RAQMANA_AUDIT_KEY_FILE" in done.output
    assert not (tmp_path / "cp.json").exists()


def test_backup_check_and_restore_from_the_command_line(tmp_path):
    env = env_for(tmp_path, "data")
    some_events(env)
    (tmp_path / "data" / "evidence" / "ab").mkdir(parents=True)
    (tmp_path / "data" / "evidence" / "ab" / ("c" * 62)).write_bytes(b"evidence bytes")
    done = raqmana(env, "backup", "--out", str(tmp_path / "backups"), "--json")
    assert done.exit_code == 0, done.output
    archive = Path(json.loads(done.output)["path"])
    assert raqmana(env, "restore", str(archive), "--check").exit_code == 0

    elsewhere = env_for(tmp_path, "restored")
    done = raqmana(elsewhere, "restore", str(archive))
    assert done.exit_code == 0, done.output
    assert (tmp_path / "restored" / "evidence" / "ab" / ("c" * 62)).read_bytes() == b"evidence bytes"
    verify = raqmana(elsewhere, "audit", "verify", "--json")
    assert verify.exit_code == 0 and json.loads(verify.output)["signed"] is True

    again = raqmana(elsewhere, "restore", str(archive), "--lang", "ckb")
    assert again.exit_code == 2 and "CLI016" in again.output

    missing = raqmana(elsewhere, "restore", str(tmp_path / "nope.tar.gz"))
    assert missing.exit_code == 2 and "CLI006" in missing.output
