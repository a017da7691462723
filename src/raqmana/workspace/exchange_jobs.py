"""The round's exchange archive built and imported by the job worker, not inside a web request: a large
round takes longer than a request may, and a request must never hold a web worker that long.

* ``round_export``: the archive of :func:`raqmana.workspace.exchange.export_round`, written under the data
  folder (``exports/job-<id>.zip``, moved into place when whole) and downloaded from the job by whoever
  may read the job and still manages the round.
* ``round_import``: the uploaded archive is stored first (the uploads store; removed when the job ends),
  then :func:`raqmana.workspace.exchange_import.import_round` runs in one transaction: all or nothing, and
  a refused archive fails the job with every located problem.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from raqmana import atomic
from raqmana.exchange import errors as X
from raqmana.exchange.archive import MANIFEST
from raqmana.problems import Location
from raqmana.settings import Settings
from raqmana.workspace.actors import Actor
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.exchange import export_round
from raqmana.workspace.exchange_import import import_round, may_import
from raqmana.workspace.job_handlers import uploads
from raqmana.workspace.jobs import JOB_ID_KEY, Progress, enqueue, get_job, payload_actor
from raqmana.workspace.permissions import get_assessment_for_user
from raqmana.workspace.views import JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

ROUND_EXPORT = "round_export"
ROUND_IMPORT = "round_import"
ZIP = "application/zip"


def exports_dir(data_dir: Path) -> Path:
    return data_dir / "exports"


def _may_manage(session: Session, actor: Actor, assessment_id: int) -> None:
    _, rights = get_assessment_for_user(session, actor, assessment_id)
    if not rights.manage:
        raise Forbidden()


def start_round_export(
    session: Session, actor: Actor, *, assessment_id: int, include_files: bool = False, lang: str = "en"
) -> JobView:
    """Queue the building of the round's archive (for the round's managers; NotFound for outsiders)."""
    _may_manage(session, actor, assessment_id)
    payload = {"assessment_id": assessment_id, "with_files": bool(include_files), "lang": lang}
    return enqueue(session, actor, kind=ROUND_EXPORT, payload=payload)


def run_round_export(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    progress(0.05, "")
    with ws.reader() as s:
        actor = payload_actor(s, payload["actor"])
        built = export_round(
            s,
            actor,
            assessment_id=int(payload["assessment_id"]),
            blobs=ws.blobs,
            include_files=bool(payload.get("with_files")),
        )
    progress(0.9, "")
    folder = exports_dir(ws.settings.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"job-{int(payload[JOB_ID_KEY])}.zip"
    atomic.write_bytes(target, built.data)
    tables = built.manifest.get("tables", {})
    return {
        "assessment_id": int(payload["assessment_id"]),
        "filename": built.filename,
        "bytes": len(built.data),
        "tables": tables if isinstance(tables, dict) else {},
    }


@dataclass(frozen=True, slots=True)
class ExportFile:
    """A finished export job's archive (see :func:`raqmana.web.pages.stored_attachment`)."""

    path: Path
    filename: str
    media_type: str = ZIP


def export_file(session: Session, actor: Actor, *, settings: Settings, job_id: int) -> ExportFile:
    """The archive of a finished ``round_export`` job, for whoever may read the job and still manages the
    round; NotFound for anything else (another kind of job, not finished, the file gone)."""
    job = get_job(session, actor, job_id)
    result = job.result or {}
    if job.kind != ROUND_EXPORT or job.status != "done" or "assessment_id" not in result:
        raise NotFound("job")
    _may_manage(session, actor, int(result["assessment_id"]))
    path = exports_dir(settings.data_dir) / f"job-{job.id}.zip"
    if not path.is_file():
        raise NotFound("job")
    return ExportFile(path, str(result.get("filename") or path.name))


def start_round_import(
    session: Session, actor: Actor, *, settings: Settings, filename: str, source: Path, lang: str = "en"
) -> JobView:
    """Store the uploaded archive and queue its import (for coordinators and administrators; everything
    else about the archive is checked by the job, all or nothing). A rollback removes the stored file."""
    if not may_import(actor):
        raise Forbidden()
    where = Location(file=filename)
    try:  # the ZIP's directory only: a file that is no archive at all is refused before it is queued
        with zipfile.ZipFile(source) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise ValidationFailed.one(X.ARCHIVE_UNREADABLE, where, filename=filename[:200]) from None
    if MANIFEST not in names:
        raise ValidationFailed.one(X.MANIFEST_MISSING, where)
    with source.open("rb") as fh:
        digest, _ = uploads(settings).put_stream(fh, session=session)
    payload = {"sha256": digest, "filename": filename[:200], "lang": lang}
    return enqueue(session, actor, kind=ROUND_IMPORT, payload=payload)


def run_round_import(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    store = uploads(ws.settings)
    digest = str(payload["sha256"])
    try:
        progress(0.05, "")
        with ws.transaction() as s:
            actor = payload_actor(s, payload["actor"])
            report = import_round(
                s, actor, data=store.read(digest), filename=str(payload["filename"]), blobs=ws.blobs
            )
        return report.as_dict()
    finally:
        store.remove(digest)
