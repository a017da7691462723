"""Backups of a whole workspace in one archive, and their checked restore.

``backup`` writes a gzipped tar holding the database (SQLite's online backup API, or ``pg_dump`` in its
custom format for PostgreSQL), every file of the data directory (evidence, uploads, generated files)
and ``manifest.json`` last: the SHA-256 and size of every member, the raqmana version, the schema
revision and the audit chain head (signed with the audit key when there is one, which also signs the
manifest). It runs while the app serves: SQLite's backup API and ``pg_dump`` read a consistent snapshot.

``restore`` unpacks into a staging folder beside the target, checks every checksum (and the manifest's
signature), refuses a schema newer than this raqmana knows, restores the database into a scratch copy
and verifies its audit chain against the manifest's head — and only then replaces anything. A refusal
leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404
import tarfile
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from raqmana import __version__
from raqmana.atomic import TEMPORARY
from raqmana.store import audit as chain
from raqmana.store.engine import make_engine, make_sessionmaker
from raqmana.store.migrate import current_revision, head_revision, known_revisions
from raqmana.store.models import AuditEvent, AuditHead

FORMAT = "raqmana-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/raqmana.sqlite3"
PG_MEMBER = "database/raqmana.pgdump"
DATA_PREFIX = "data/"


class BackupRefused(Exception):
    """A backup or restore that cannot go on; ``code`` names the catalogue entry, ``params`` fill it.

    Reasons: ``not_an_archive`` (path, reason), ``checksum`` (path, member), ``newer_schema`` (path,
    revision, head, version), ``audit`` (path, detail), ``target_in_use`` (what), ``tool`` (tool, detail).
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    manifest: dict[str, Any]
    size: int

    @property
    def files(self) -> int:
        return sum(1 for m in self.manifest["files"] if m["path"].startswith(DATA_PREFIX))


@dataclass(frozen=True, slots=True)
class RestoreResult:
    manifest: dict[str, Any]
    data_dir: Path
    database: str
    replaced: list[str] = field(default_factory=list)  # where the previous contents were moved


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _canonical(manifest: dict[str, Any]) -> bytes:
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign_manifest(manifest: dict[str, Any], key: bytes) -> str:
    return hmac.new(key, b"raqmana-backup\n" + _canonical(manifest), hashlib.sha256).hexdigest()


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupRefused("tool", tool="sqlite", detail="an in-memory database cannot be backed up")
    return Path(database)


def _libpq(url: str) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump / pg_restore (the password travels in the environment)."""
    u = make_url(url)
    args = ["--dbname", str(u.database or "postgres")]
    if u.host:
        args += ["--host", str(u.host)]
    if u.port:
        args += ["--port", str(u.port)]
    if u.username:
        args += ["--username", str(u.username)]
    env = {**os.environ}
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    return args, env


def _run(tool: str, args: list[str], env: dict[str, str]) -> None:
    exe = shutil.which(tool)
    if exe is None:
        raise BackupRefused("tool", tool=tool, detail=f"{tool} is not installed (PostgreSQL client tools)")
    # bandit B603: the tool is pg_dump or pg_restore found on PATH, arguments are a list (no shell)
    done = subprocess.run([exe, *args], env=env, capture_output=True, text=True, check=False)  # nosec B603
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupRefused(
            "tool", tool=tool, detail=(detail[-1] if detail else f"exit {done.returncode}")[:300]
        )


def _audit_head(engine: Engine, key: bytes | None) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one_or_none()
    seq, digest = (int(row[0]), str(row[1])) if row else (0, chain.GENESIS)
    if key:
        return chain.Checkpoint.take(key, seq, digest).as_dict()
    return {"kind": "raqmana-audit-head", "seq": seq, "hash": digest}


def _data_files(data_dir: Path, skip: set[Path]) -> Iterator[Path]:
    if not data_dir.is_dir():
        return
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.resolve() not in skip:
            if path.name.startswith(TEMPORARY):  # a file being written: not yet part of anything
                continue
            yield path


def backup(
    *, database_url: str, data_dir: Path, out: Path, key: bytes | None = None, now: datetime | None = None
) -> BackupResult:
    """Write one archive of the database and the data directory to ``out`` (a file, or a folder to put a
    dated file in). The app may keep running."""
    moment = now or datetime.now(UTC)
    if out.is_dir() or not out.suffix:  # a folder (made if needed): a dated file inside it
        out.mkdir(parents=True, exist_ok=True)
        out = out / f"raqmana-backup-{moment.strftime('%Y%m%dT%H%M%SZ')}.tar.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database_url)
    try:
        revision = current_revision(engine)
        head = _audit_head(engine, key)  # before the copy: the copy holds at least this chain
        with tempfile.TemporaryDirectory(prefix=".raqmana-backup-", dir=out.parent) as tmp:
            stage = Path(tmp)
            skip: set[Path] = {out.resolve()}
            if _is_sqlite(database_url):
                db_member, db_file = SQLITE_MEMBER, stage / "raqmana.sqlite3"
                source = _sqlite_path(database_url)
                skip |= {
                    source.resolve(),
                    *(Path(f"{source}{s}").resolve() for s in ("-wal", "-shm", "-journal")),
                }
                src = sqlite3.connect(source)
                dst = sqlite3.connect(db_file)
                try:
                    with dst:
                        src.backup(dst)
                finally:
                    src.close()
                    dst.close()
            else:
                db_member, db_file = PG_MEMBER, stage / "raqmana.pgdump"
                args, env = _libpq(database_url)
                _run(
                    "pg_dump",
                    ["--format=custom", "--no-owner", "--no-privileges", "--file", str(db_file), *args],
                    env,
                )
            members: list[tuple[str, Path]] = [(db_member, db_file)]
            members += [
                (DATA_PREFIX + p.relative_to(data_dir).as_posix(), p) for p in _data_files(data_dir, skip)
            ]
            partial = out.with_name(f".{out.name}.partial")
            files: list[dict[str, Any]] = []
            try:
                # readable by its owner only: the archive holds password hashes
                fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with (
                    os.fdopen(fd, "wb") as sink,
                    tarfile.open(fileobj=sink, mode="w:gz", compresslevel=1) as tar,
                ):
                    for name, path in members:
                        size, digest = path.stat().st_size, _sha256(path)
                        files.append({"path": name, "size": size, "sha256": digest})
                        info = tarfile.TarInfo(name)
                        info.size, info.mtime, info.mode = size, int(moment.timestamp()), 0o600
                        with path.open("rb") as fh:
                            tar.addfile(info, fh)
                    manifest: dict[str, Any] = {
                        "format": FORMAT,
                        "format_version": FORMAT_VERSION,
                        "created_at": moment.isoformat(timespec="seconds"),
                        "raqmana_version": __version__,
                        "database": "sqlite" if _is_sqlite(database_url) else "postgresql",
                        "schema_revision": revision,
                        "audit_head": head,
                        "files": files,
                    }
                    if key:
                        manifest["key_id"] = chain.key_id(key)
                        manifest["signature"] = sign_manifest(manifest, key)
                    raw = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                    info = tarfile.TarInfo(MANIFEST)
                    info.size, info.mtime, info.mode = len(raw), int(moment.timestamp()), 0o600
                    tar.addfile(info, io.BytesIO(raw))
                os.replace(partial, out)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
    finally:
        engine.dispose()
    return BackupResult(out, manifest, out.stat().st_size)


# --- restore ----------------------------------------------------------------------------------------------
def _unpack(archive: Path, stage: Path) -> dict[str, Any]:
    """Unpack into ``stage`` and return the manifest, checking every member against it."""
    where = str(archive)
    try:
        with tarfile.open(archive, "r:*") as tar:
            names = tar.getnames()
            tar.extractall(stage, filter="data")
    except (OSError, tarfile.TarError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise BackupRefused("not_an_archive", path=where, reason=str(reason)[:200]) from None
    try:
        manifest = json.loads((stage / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupRefused("not_an_archive", path=where, reason=f"no readable {MANIFEST}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused("not_an_archive", path=where, reason=f"{MANIFEST} is not a raqmana manifest")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise BackupRefused(
            "not_an_archive", path=where, reason=f"backup format {manifest.get('format_version')} is newer"
        )
    listed = {str(m["path"]): m for m in manifest.get("files", [])}
    for name in names:
        if name != MANIFEST and name not in listed and not (stage / name).is_dir():
            raise BackupRefused("checksum", path=where, member=name)
    for name, entry in listed.items():
        member = stage / name
        if (
            not member.is_file()
            or member.stat().st_size != int(entry["size"])
            or _sha256(member) != entry["sha256"]
        ):
            raise BackupRefused("checksum", path=where, member=name)
    return manifest


def verify_archive(archive: Path, stage: Path, *, key: bytes | None) -> dict[str, Any]:
    """Unpack and check an archive (checksums, signature, schema revision); the database is not opened."""
    manifest = _unpack(archive, stage)
    where = str(archive)
    if manifest.get("signature"):
        if key is None:
            pass  # signed by a key this installation does not hold: checksums still apply
        elif manifest.get("key_id") != chain.key_id(key) or not hmac.compare_digest(
            str(manifest["signature"]), sign_manifest(manifest, key)
        ):
            raise BackupRefused("checksum", path=where, member=MANIFEST)
    elif key is not None:  # the signature was removed (or the backup predates the key: restore it
        # without the key, check it, then `raqmana audit sign`)
        raise BackupRefused("checksum", path=where, member=MANIFEST)
    revision = manifest.get("schema_revision")
    if revision and revision not in known_revisions():
        raise BackupRefused(
            "newer_schema",
            path=where,
            revision=revision,
            head=head_revision(),
            version=manifest.get("raqmana_version", "?"),
        )
    return manifest


def _verify_chain(engine: Engine, manifest: dict[str, Any], key: bytes | None, where: str) -> None:
    head = manifest.get("audit_head") or {}
    checkpoints: list[chain.Checkpoint] = []
    if key is not None and head.get("kind") == "raqmana-audit-checkpoint":
        checkpoints.append(chain.Checkpoint.from_dict(head))
    with make_sessionmaker(engine, write=False)() as s:
        report = chain.verify(s, key=key, checkpoints=checkpoints)
        if report.ok and head:
            seq, digest = int(head.get("seq", 0)), str(head.get("hash", ""))
            found = (
                chain.GENESIS if seq == 0 else s.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))
            )
            if found != digest:
                raise BackupRefused(
                    "audit",
                    path=where,
                    detail=f"the chain does not hold the head of the manifest (seq {seq})",
                )
        s.rollback()
    if not report.ok:
        b = report.breaks[0]
        raise BackupRefused("audit", path=where, detail=f"{b.kind}: {b.detail}")


def _has_tables(engine: Engine) -> bool:
    try:
        return bool(set(inspect(engine).get_table_names()) - {"alembic_version"}) or (
            current_revision(engine) is not None
        )
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
        raise BackupRefused("tool", tool="PostgreSQL", detail=detail) from None


@contextlib.contextmanager
def _scratch_pg(url: str) -> Iterator[str]:
    """An empty scratch database on the target's server, dropped afterwards."""
    u = make_url(url)
    name = f"raqmana_restore_{uuid.uuid4().hex[:12]}"
    admin = make_engine(
        u.set(database="postgres").render_as_string(hide_password=False), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield u.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _pg_restore(dump: Path, url: str) -> None:
    args, env = _libpq(url)
    _run(
        "pg_restore",
        ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", *args, str(dump)],
        env,
    )


def _empty_pg(url: str) -> None:
    engine = make_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def restore(
    archive: Path, *, database_url: str, data_dir: Path, key: bytes | None = None, replace: bool = False
) -> RestoreResult:
    """Check ``archive`` completely, then put its database and files in place of the target's. Stop the
    app and the workers first. With ``replace``, an existing data directory is moved aside (kept, with a
    ``.before-restore-…`` suffix) and an existing database is emptied; without it a target in use is refused."""
    where = str(archive)
    data_dir = data_dir.resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    target_sqlite = _is_sqlite(database_url)
    with tempfile.TemporaryDirectory(prefix=".raqmana-restore-", dir=data_dir.parent) as tmp:
        stage = Path(tmp)
        manifest = verify_archive(archive, stage, key=key)
        kind = manifest.get("database")
        if kind != ("sqlite" if target_sqlite else "postgresql"):
            target = "SQLite" if target_sqlite else "PostgreSQL"
            raise BackupRefused(
                "not_an_archive", path=where, reason=f"it holds a {kind} database, the target is {target}"
            )
        # the target: refuse a workspace in use unless told to replace it
        in_use: list[str] = []
        if data_dir.exists() and any(data_dir.iterdir()):
            in_use.append(str(data_dir))
        target_engine = make_engine(database_url)
        try:
            if target_sqlite:
                if _sqlite_path(database_url).exists() and _sqlite_path(database_url).stat().st_size > 0:
                    in_use.append(str(_sqlite_path(database_url)))
            elif _has_tables(target_engine):
                in_use.append(make_url(database_url).render_as_string(hide_password=True))
        finally:
            target_engine.dispose()
        if in_use and not replace:
            raise BackupRefused("target_in_use", what=", ".join(dict.fromkeys(in_use)))
        # the database: checked in a scratch copy before anything is replaced
        if target_sqlite:
            staged_db = stage / SQLITE_MEMBER
            scratch = make_engine(f"sqlite:///{staged_db}")
            try:
                _verify_chain(scratch, manifest, key, where)
                with scratch.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                scratch.dispose()
        else:
            with _scratch_pg(database_url) as scratch_url:
                _pg_restore(stage / PG_MEMBER, scratch_url)
                scratch = make_engine(scratch_url)
                try:
                    _verify_chain(scratch, manifest, key, where)
                finally:
                    scratch.dispose()
        # everything checked: replace
        replaced: list[str] = []
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        new_data = stage / DATA_PREFIX.rstrip("/")
        new_data.mkdir(exist_ok=True)
        if target_sqlite:
            db_path = _sqlite_path(database_url).resolve()
            if db_path.parent == data_dir:  # moves in with the data directory
                shutil.move(str(stage / SQLITE_MEMBER), str(new_data / db_path.name))
            else:
                if db_path.exists():
                    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
                    os.replace(db_path, aside)
                    replaced.append(str(aside))
                for suffix in ("-wal", "-shm"):
                    Path(f"{db_path}{suffix}").unlink(missing_ok=True)
                db_path.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(stage / SQLITE_MEMBER), str(db_path))
        else:
            if in_use:
                _empty_pg(database_url)
            _pg_restore(stage / PG_MEMBER, database_url)
        if data_dir.exists():
            if any(data_dir.iterdir()):
                aside = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}")
                os.replace(data_dir, aside)
                replaced.append(str(aside))
            else:
                data_dir.rmdir()
        os.replace(new_data, data_dir)
    shown = make_url(database_url).render_as_string(hide_password=True)
    return RestoreResult(manifest, data_dir, shown, replaced)


__all__ = ["BackupRefused", "BackupResult", "RestoreResult", "backup", "restore", "verify_archive"]
