"""Backup and restore: one archive of the database and the data directory, restored into a fresh
workspace on SQLite and on PostgreSQL; a damaged, newer or tampered backup is refused and changes nothing."""

from __future__ import annotations

import io
import json
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.engine import make_url

from raqmana.settings import Settings, get_settings
from raqmana.store import head_revision, make_engine
from raqmana.store.backup import BackupRefused, backup, restore
from raqmana.store.models import AuditEvent, Job, Response, User
from raqmana.workspace import Workspace, open_workspace
from raqmana.workspace.answers import Answer
from raqmana.workspace.audit import verify_audit
from raqmana.workspace.job_handlers import REPORT
from raqmana.workspace.jobs import enqueue
from raqmana.workspace.responses import save_answer
from tests.store.db import PG_URL
from tests.workspace.factories import build_world

KEY = "backup-audit-key-" * 3
SECRET = "test-secret-key-0123456789abcdef0123456789"


def make_settings(database_url: str, data_dir: Path, **kw: object) -> Settings:
    return get_settings(
        environment="test", data_dir=data_dir, database_url=database_url, secret_key=SECRET, **kw
    )


@pytest.fixture
def source(database_url, tmp_path) -> Iterator[Workspace]:
    """A workspace with people, a round, answers (audit events), evidence bytes and a queued job."""
    ws = open_workspace(make_settings(database_url, tmp_path / "data", audit_key=KEY))
    world = build_world(ws)
    for i in range(3):
        with ws.transaction() as s:
            save_answer(
                s,
                world["fp_a"],
                assessment_id=world.assessment_id,
                institution_code="moa",
                indicator_id="P1-01",
                answer=Answer(i),
                expected_version=i,
            )
    ws.blobs.put(b"%PDF-1.4 evidence of a ministry")
    ws.blobs.put("تقرير الوزارة".encode())
    with ws.transaction() as s:
        enqueue(s, world["coord"], kind=REPORT, payload={"scope": "national"})
    yield ws
    ws.dispose()


@pytest.fixture
def fresh_url(database_url, tmp_path) -> Iterator[str]:
    """An empty database of the same kind as the source's (nothing migrated)."""
    if make_url(database_url).get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored' / 'raqmana.sqlite3'}"
        return
    name = f"raqmana_r_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def counts(ws: Workspace) -> dict[str, int]:
    with ws.reader() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in (User, Response, AuditEvent, Job)
        }


def blobs(data_dir: Path) -> dict[str, bytes]:
    root = data_dir / "evidence"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def rewrite(archive: Path, change) -> Path:
    """A copy of ``archive`` with ``change(members: dict[name, bytes])`` applied."""
    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    change(members)
    out = archive.with_name("changed-" + archive.name)
    with tarfile.open(out, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out


def assert_untouched(target: Path, url: str) -> None:
    assert not target.exists()  # on SQLite the database file lives there too
    if make_url(url).get_backend_name() == "sqlite":
        return
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table'"
                if engine.dialect.name == "sqlite"
                else "SELECT tablename FROM pg_tables WHERE schemaname='public'"
            ).all()
        assert tables == []
    finally:
        engine.dispose()


def test_it_restores_into_a_fresh_data_directory(source, fresh_url, tmp_path):
    before, files = counts(source), blobs(source.settings.data_dir)
    done = backup(
        database_url=source.settings.sqlalchemy_url,
        data_dir=source.settings.data_dir,
        out=tmp_path / "backups",
        key=KEY.encode(),
    )
    assert done.path.parent == tmp_path / "backups" and done.path.stat().st_mode & 0o077 == 0
    m = done.manifest
    assert m["schema_revision"] == head_revision() and m["audit_head"]["seq"] == before["audit_events"] > 0
    assert m["audit_head"]["signature"] and m["signature"] and done.files == 2

    target = tmp_path / "restored"
    result = restore(done.path, database_url=fresh_url, data_dir=target, key=KEY.encode())
    assert result.replaced == []
    restored = open_workspace(make_settings(fresh_url, target, audit_key=KEY))
    try:
        assert counts(restored) == before
        assert blobs(target) == files
        with restored.reader() as s:
            report = verify_audit(s)
        assert report.ok and report.signed and report.last_seq == before["audit_events"]
        with restored.transaction() as s:  # the restored chain goes on
            s.execute(update(Job).values(message="restored"))
    finally:
        restored.dispose()


def test_a_damaged_archive_is_refused_and_nothing_changes(source, fresh_url, tmp_path):
    done = backup(
        database_url=source.settings.sqlalchemy_url, data_dir=source.settings.data_dir, out=tmp_path
    )

    def flip(members):
        name = next(n for n in members if n.startswith("data/evidence/"))
        members[name] = members[name][:-1] + b"X"

    target = tmp_path / "restored"
    with pytest.raises(BackupRefused) as caught:
        restore(rewrite(done.path, flip), database_url=fresh_url, data_dir=target)
    assert caught.value.code == "checksum" and caught.value.params["member"].startswith("data/evidence/")
    assert_untouched(target, fresh_url)

    with pytest.raises(BackupRefused) as caught:
        restore(
            rewrite(done.path, lambda m: m.update({"data/extra.txt": b"slipped in"})),
            database_url=fresh_url,
            data_dir=target,
        )
    assert caught.value.code == "checksum" and caught.value.params["member"] == "data/extra.txt"
    assert_untouched(target, fresh_url)


def test_a_newer_schema_is_refused(source, fresh_url, tmp_path):
    done = backup(
        database_url=source.settings.sqlalchemy_url, data_dir=source.settings.data_dir, out=tmp_path
    )

    def newer(members):
        manifest = json.loads(members["manifest.json"])
        manifest["schema_revision"], manifest["raqmana_version"] = "0999", "9.0"
        members["manifest.json"] = json.dumps(manifest).encode()

    target = tmp_path / "restored"
    with pytest.raises(BackupRefused) as caught:
        restore(rewrite(done.path, newer), database_url=fresh_url, data_dir=target)
    assert caught.value.code == "newer_schema"
    assert caught.value.params["revision"] == "0999" and caught.value.params["version"] == "9.0"
    assert_untouched(target, fresh_url)


def test_a_manifest_changed_without_the_key_is_refused(source, fresh_url, tmp_path):
    done = backup(
        database_url=source.settings.sqlalchemy_url,
        data_dir=source.settings.data_dir,
        out=tmp_path,
        key=KEY.encode(),
    )

    def drop_file(members):
        manifest = json.loads(members["manifest.json"])
        gone = next(f for f in manifest["files"] if f["path"].startswith("data/"))
        manifest["files"].remove(gone)
        del members[gone["path"]]
        members["manifest.json"] = json.dumps(manifest).encode()

    target = tmp_path / "restored"
    with pytest.raises(BackupRefused) as caught:
        restore(rewrite(done.path, drop_file), database_url=fresh_url, data_dir=target, key=KEY.encode())
    assert caught.value.code == "checksum" and caught.value.params["member"] == "manifest.json"
    assert_untouched(target, fresh_url)

    def unsign(members):  # the same, with the signature taken off
        drop_file(members)
        manifest = json.loads(members["manifest.json"])
        del manifest["signature"]
        members["manifest.json"] = json.dumps(manifest).encode()

    with pytest.raises(BackupRefused) as caught:
        restore(rewrite(done.path, unsign), database_url=fresh_url, data_dir=target, key=KEY.encode())
    assert caught.value.code == "checksum" and caught.value.params["member"] == "manifest.json"
    assert_untouched(target, fresh_url)


def test_a_backup_of_a_tampered_audit_log_is_refused(source, fresh_url, tmp_path):
    with source.transaction() as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("DROP TRIGGER trg_audit_append_only ON audit_events"))
        else:
            s.execute(text("DROP TRIGGER trg_audit_no_update"))
        s.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(actor_name="someone else"))
    done = backup(
        database_url=source.settings.sqlalchemy_url, data_dir=source.settings.data_dir, out=tmp_path
    )
    target = tmp_path / "restored"
    with pytest.raises(BackupRefused) as caught:
        restore(done.path, database_url=fresh_url, data_dir=target)
    assert caught.value.code == "audit" and "altered" in caught.value.params["detail"]
    assert_untouched(target, fresh_url)


def test_a_workspace_in_use_is_replaced_only_when_asked(source, tmp_path):
    done = backup(
        database_url=source.settings.sqlalchemy_url, data_dir=source.settings.data_dir, out=tmp_path
    )
    before = counts(source)
    with source.transaction() as s:  # a change after the backup: the restore takes the workspace back
        s.execute(text("DELETE FROM jobs"))
    source.dispose()
    url, data_dir = source.settings.sqlalchemy_url, source.settings.data_dir
    with pytest.raises(BackupRefused) as caught:
        restore(done.path, database_url=url, data_dir=data_dir)
    assert caught.value.code == "target_in_use"
    result = restore(done.path, database_url=url, data_dir=data_dir, replace=True)
    assert result.replaced and all(Path(p).exists() for p in result.replaced)  # the old data is kept aside
    again = open_workspace(source.settings)
    try:
        assert counts(again) == before
    finally:
        again.dispose()
