"""An uploaded document is read off the request: the request stores the file as it arrives (size and
format checked on the way, a refusal there leaves nothing) and queues a job that reads it (text, pages,
passages) and then analyses it. Until the job has read it the document is ``reading``; a file the job
cannot read (password, damage, macros, no text layer …) marks the document ``refused`` with the located
message, and its stored file is removed: no passage, no analysis, nothing else stays.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.documents import errors as DE
from raqmana.documents.extract import check_kind, check_size, extract, sniff_file
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.settings import Settings
from raqmana.store.blobs import TooBig
from raqmana.store.models import Consultation, Evidence, StoredDocument
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.documents import (
    MEDIA_TYPES,
    document_names,
    scope_of_upload,
    store_passages,
    summaries,
)
from raqmana.workspace.documents_views import DocumentSummary
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.factory import evidence_store
from raqmana.workspace.jobs import enqueue, payload_actor, problem_record
from raqmana.workspace.views import JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

#: the job that reads and analyses a document (:mod:`.documents_analysis`)
DOCUMENT_ANALYSIS = "document_analysis"
READING = "reading"
REFUSED = "refused"
#: share of the job's progress bar that the reading takes (the analysis the rest)
READ_SHARE = 0.4


def max_bytes(settings: Settings) -> int:
    return min(settings.max_upload_mb, 50) * 1024 * 1024


def _size(source: BinaryIO) -> int | None:
    try:
        here = source.tell()
        end = source.seek(0, os.SEEK_END)
        source.seek(here)
        return int(end) - int(here)
    except (OSError, AttributeError, ValueError):
        return None


def receive_document(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    filename: str,
    source: BinaryIO,
    title: str = "",
    assessment_id: int | None = None,
    institution_code: str | None = None,
    lang: str = "en",
    analyse: bool = True,
    illustrative: bool = False,
) -> tuple[DocumentSummary, JobView]:
    """Copy ``source`` into the store a chunk at a time and queue its reading (then its analysis when
    ``analyse``). Refused at once, leaving nothing: no right to add there, an empty or too large file, a
    format that is none of PDF, DOCX, HTML or text, or a name that says another format."""
    round_id, org_id = scope_of_upload(session, actor, assessment_id, institution_code)
    name, title = document_names(filename, title)
    limit = max_bytes(settings)
    size = _size(source)
    try:
        if size is not None:
            check_size(size, name, limit)
        store = evidence_store(settings)
        try:
            digest, size = store.put_stream(source, session=session, limit=limit)
        except TooBig:
            check_size(limit + 1, name, limit)
            raise
        check_size(size, name, limit)
        kind = check_kind(sniff_file(store.path(digest)), name)
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    doc = StoredDocument(
        title=title,
        filename=name,
        media_type=MEDIA_TYPES[kind],
        format=kind,
        size=size,
        sha256=digest,
        language="",
        pages=0,
        assessment_id=round_id,
        org_id=org_id,
        warnings=[],
        analysis_status=READING,
        uploaded_by=actor.user_id,
        uploaded_at=utcnow(),
        illustrative=illustrative,
    )
    session.add(doc)
    session.flush()
    job = enqueue(
        session,
        actor,
        kind=DOCUMENT_ANALYSIS,
        payload={"document_id": doc.id, "read": True, "analyse": bool(analyse), "lang": lang},
    )
    doc.job_id = job.id
    record(
        session,
        actor,
        "document.upload",
        "document",
        doc.id,
        after={
            "title": title,
            "filename": name,
            "sha256": digest,
            "format": kind,
            "size": size,
            "assessment_id": round_id,
            "org_id": org_id,
            "job_id": job.id,
        },
    )
    session.flush()
    return summaries(session, [doc])[0], job


def _still_used(session: Session, document_id: int, digest: str) -> bool:
    """Whether anything but this document keeps the same bytes (the store keeps one file per content)."""
    others = session.scalar(
        select(func.count())
        .select_from(StoredDocument)
        .where(
            StoredDocument.sha256 == digest,
            StoredDocument.id != document_id,
            StoredDocument.analysis_status != REFUSED,
        )
    )
    evidence = session.scalar(select(func.count()).select_from(Evidence).where(Evidence.sha256 == digest))
    drafts = session.scalar(
        select(func.count()).select_from(Consultation).where(Consultation.document_sha256 == digest)
    )
    return bool(others or evidence or drafts)


def _refuse(ws: Workspace, payload: dict[str, Any], problems: list[Problem], lang: str) -> None:
    document_id = int(payload["document_id"])
    with ws.transaction() as s:
        doc = s.get(StoredDocument, document_id)
        if doc is None:
            return
        doc.analysis_status = REFUSED
        doc.warnings = [problem_record(p, lang) for p in problems]
        digest = doc.sha256
        keep = _still_used(s, document_id, digest)
        record(
            s,
            payload_actor(s, payload["actor"]),
            "document.refuse",
            "document",
            document_id,
            after={"codes": [p.code.id for p in problems], "file_removed": not keep},
        )
    if not keep:  # once the refusal is committed: a failed commit keeps the file for the next attempt
        evidence_store(ws.settings).remove(digest)


def read_document(
    ws: Workspace, payload: dict[str, Any], progress: Callable[[float, str], None]
) -> dict[str, Any]:
    """The job's first step: read the stored file into passages. A file that cannot be read marks the
    document refused and raises :class:`ValidationFailed` (the job says why too). A second attempt of the
    job after its worker stopped finds the document read and goes on."""
    document_id = int(payload["document_id"])
    lang = str(payload.get("lang") or "en")
    with ws.reader() as s:
        doc = s.get(StoredDocument, document_id)
        if doc is not None and doc.analysis_status == REFUSED:  # an earlier attempt refused it
            raise ValidationFailed.one(DE.WAS_REFUSED)
        if doc is None or doc.analysis_status != READING:
            return {"passages": None}
        name, digest = doc.filename, doc.sha256
    progress(0.0, "0 %")

    def page(done: int, total: int) -> None:
        if done == total or done % max(1, total // 20) == 0:
            progress(READ_SHARE * done / max(1, total), f"{done}/{total}")

    store = evidence_store(ws.settings)
    try:
        if not store.exists(digest):  # removed by hand, or a restore without the files
            raise ProblemsError([Problem(DE.FILE_GONE, Location(file=name), {})])
        document = extract(store.read(digest), name, max_bytes=max_bytes(ws.settings), progress=page)
    except ProblemsError as exc:
        _refuse(ws, payload, exc.problems, lang)
        raise ValidationFailed(exc.problems) from None
    with ws.transaction() as s:
        doc = s.get(StoredDocument, document_id)
        if doc is None or doc.analysis_status != READING:
            return {"passages": None}
        n = store_passages(s, doc, document, lang)
        doc.analysis_status = "queued" if payload.get("analyse", True) else "none"
        record(
            s,
            payload_actor(s, payload["actor"]),
            "document.read",
            "document",
            document_id,
            after={"pages": document.pages, "passages": n, "language": document.language},
        )
    progress(READ_SHARE, f"{document.pages}")
    return {"passages": n, "pages": document.pages}
