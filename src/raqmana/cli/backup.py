"""``raqmana backup`` and ``raqmana restore`` — the whole workspace (database, evidence and generated
files, a manifest with checksums and the signed audit head) in one archive."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import NoReturn

import typer

from raqmana.cli import errors as E
from raqmana.cli.common import JsonOption, LangOption, fail, print_json, say
from raqmana.problems import Problem
from raqmana.settings import get_settings
from raqmana.store.backup import BackupRefused, verify_archive
from raqmana.store.backup import backup as write_backup
from raqmana.store.backup import restore as run_restore

_CODES = {
    "not_an_archive": E.BACKUP_NOT_AN_ARCHIVE,
    "checksum": E.BACKUP_CHECKSUM,
    "newer_schema": E.BACKUP_NEWER_SCHEMA,
    "audit": E.BACKUP_AUDIT,
    "target_in_use": E.RESTORE_TARGET_IN_USE,
    "tool": E.BACKUP_TOOL,
}


def _refused(exc: BackupRefused, lang: str, as_json: bool) -> NoReturn:
    fail([Problem(_CODES[exc.code], params=exc.params)], lang, as_json=as_json)


def backup(
    out: Path = typer.Option(
        Path("."),
        "--out",
        "-o",
        help="Archive file to write, or a folder for a dated raqmana-backup-….tar.gz.",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Write the database, the data directory's files and a manifest (checksums, version, schema
    revision, signed audit head) to one archive. Safe while the app and workers run."""
    settings = get_settings()
    key = settings.audit_key.encode() if settings.audit_key else None
    try:
        done = write_backup(
            database_url=settings.sqlalchemy_url, data_dir=settings.data_dir, out=out, key=key
        )
    except BackupRefused as exc:
        _refused(exc, lang, as_json)
    m = done.manifest
    if as_json:
        print_json({"path": str(done.path), "size": done.size, "manifest": m})
    else:
        say(
            lang,
            "backup.wrote",
            path=str(done.path),
            database=m["database"],
            revision=m["schema_revision"],
            files=done.files,
            seq=m["audit_head"]["seq"],
            size=done.size,
        )


def restore(
    archive: Path = typer.Argument(..., help="A raqmana-backup-….tar.gz written by `raqmana backup`."),
    check: bool = typer.Option(
        False, "--check", help="Only check the archive (checksums, schema); change nothing."
    ),
    replace: bool = typer.Option(
        False,
        "--replace",
        help="Replace a workspace in use: its data directory is moved aside (kept) and its database emptied.",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Restore a backup into the data directory and database of the current settings (stop the app and the
    workers first). Every checksum and the audit chain are verified before anything is replaced; a newer
    schema is refused; a refused restore changes nothing. An older schema is upgraded on the next start."""
    if not archive.is_file():
        fail([Problem(E.FILE_NOT_FOUND, params={"path": str(archive)})], lang, as_json=as_json)
    settings = get_settings()
    key = settings.audit_key.encode() if settings.audit_key else None
    try:
        if check:
            with tempfile.TemporaryDirectory(prefix=".raqmana-check-") as tmp:
                manifest = verify_archive(archive, Path(tmp), key=key)
            files = sum(1 for f in manifest["files"] if f["path"].startswith("data/"))
            if as_json:
                print_json({"ok": True, "manifest": manifest})
            else:
                say(lang, "backup.checked", path=str(archive), files=files, seq=manifest["audit_head"]["seq"])
            return
        done = run_restore(
            archive,
            database_url=settings.sqlalchemy_url,
            data_dir=settings.data_dir,
            key=key,
            replace=replace,
        )
    except BackupRefused as exc:
        _refused(exc, lang, as_json)
    m = done.manifest
    if as_json:
        print_json(
            {
                "ok": True,
                "data_dir": str(done.data_dir),
                "database": done.database,
                "moved_aside": done.replaced,
                "manifest": m,
            }
        )
    else:
        say(
            lang,
            "restore.done",
            path=str(archive),
            data_dir=str(done.data_dir),
            database=done.database,
            revision=m["schema_revision"],
            seq=m["audit_head"]["seq"],
        )
