"""Policy documents in the workspace: upload into the national library, an institution or a round, read
them (extraction refuses bad files before anything is stored), list, open and withdraw them.

Who sees what: the national library (no institution, no round) is read by everyone with a role over the
whole tree (coordinators, reviewers, viewers, administrators) and kept by whole-tree coordinators and
administrators. An institution's documents are read by whoever has a role over that institution (grants
or assignments in a round) and kept by its focal points and managers; a round's own documents (no
institution) by those who read the round, kept by its coordinators. Reviewers and managers decide on
suggestions (:mod:`.documents_review`). Anyone else gets NotFound: existence never leaks.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.documents import errors as DE
from raqmana.documents.extract import extract
from raqmana.documents.model import Document
from raqmana.documents.passages import passages as split_passages
from raqmana.i18n import Translated
from raqmana.problems import Location, ProblemsError
from raqmana.settings import Settings
from raqmana.store.models import (
    Assignment,
    DocumentPassage,
    DocumentSuggestion,
    Organisation,
    StoredDocument,
)
from raqmana.store.types import utcnow
from raqmana.workspace.actors import MANAGER_ROLES, Actor, Role
from raqmana.workspace.audit import record
from raqmana.workspace.documents_views import DocumentRights, DocumentSummary
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.factory import evidence_store
from raqmana.workspace.jobs import problem_record
from raqmana.workspace.permissions import (
    get_assessment_for_user,
    get_institution_for_user,
    org_rights,
)
from raqmana.workspace.response_views import user_names
from raqmana.workspace.sniff import clean_filename
from raqmana.workspace.views import EvidenceFile

MAX_TITLE = 300
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}


# --- rights ---------------------------------------------------------------------------------------------
def _whole_tree(actor: Actor) -> set[Role]:
    return {g.role for g in actor.grants if g.org_id is None}


def _assigned_roles(session: Session, actor: Actor, org_id: int) -> set[str]:
    if actor.user_id is None:
        return set()
    return set(
        session.scalars(
            select(Assignment.role).where(Assignment.user_id == actor.user_id, Assignment.org_id == org_id)
        )
    )


def _rights(session: Session, actor: Actor, doc: StoredDocument) -> DocumentRights:
    if actor.is_system:
        return DocumentRights(True, True, True)
    if doc.org_id is not None:
        org = session.get(Organisation, doc.org_id)
        assert org is not None
        r = org_rights(actor, org.path, _assigned_roles(session, actor, org.id))
        return DocumentRights(r.read, r.answer or r.manage, r.review or r.manage)
    if doc.assessment_id is not None:
        try:
            _, r = get_assessment_for_user(session, actor, doc.assessment_id)
        except NotFound:
            return DocumentRights()
        reviewer = Role.REVIEWER in _whole_tree(actor)
        return DocumentRights(True, r.manage, r.manage or reviewer)
    roles = _whole_tree(actor)
    manager = bool(roles & MANAGER_ROLES)
    return DocumentRights(bool(roles), manager, manager or Role.REVIEWER in roles)


def get_document_for_user(
    session: Session, actor: Actor, document_id: int
) -> tuple[StoredDocument, DocumentRights]:
    doc = session.get(StoredDocument, document_id) if isinstance(document_id, int) else None
    if doc is None or doc.removed_at is not None:
        raise NotFound("document")
    rights = _rights(session, actor, doc)
    if not rights.read:
        raise NotFound("document")
    return doc, rights


# --- upload ---------------------------------------------------------------------------------------------
def scope_of_upload(
    session: Session, actor: Actor, assessment_id: int | None, institution_code: str | None
) -> tuple[int | None, int | None]:
    """(assessment id, organisation id) of an upload, after checking the actor may add documents there."""
    code = (institution_code or "").strip() or None
    if assessment_id is not None and code is not None:
        org, r = get_institution_for_user(session, actor, assessment_id, code)
        if not (r.answer or r.manage):
            raise Forbidden()
        return assessment_id, org.id
    if assessment_id is not None:
        _, r = get_assessment_for_user(session, actor, assessment_id)
        if not r.manage:
            raise Forbidden()
        return assessment_id, None
    if code is not None:
        found = session.scalar(select(Organisation).where(Organisation.code == code))
        if found is None:
            raise NotFound("organisation")
        r = org_rights(actor, found.path, _assigned_roles(session, actor, found.id))
        if not r.read:
            raise NotFound("organisation")
        if not (r.answer or r.manage):
            raise Forbidden()
        return None, found.id
    if not (actor.is_system or _whole_tree(actor) & MANAGER_ROLES):
        raise Forbidden()
    return None, None


def document_names(filename: str, title: str) -> tuple[str, str]:
    """(file name, title) of an upload: the title defaults to the file's name without its extension."""
    name = clean_filename(filename) or "document"
    title = " ".join((title or "").split()) or PurePath(name).stem
    if len(title) > MAX_TITLE:
        raise ValidationFailed.one(DE.TITLE_TOO_LONG, Location(field="title"), max=MAX_TITLE)
    return name, title


def store_passages(session: Session, doc: StoredDocument, document: Document, lang: str) -> int:
    """What a reading found, on the document: language, pages, warnings and the passages."""
    items = split_passages(document.blocks)
    doc.language, doc.pages = document.language, document.pages
    doc.warnings = [problem_record(p, lang) for p in document.problems]
    session.add_all(
        DocumentPassage(
            document_id=doc.id,
            position=n,
            page=p.page,
            kind=p.kind.value,
            number=p.number[:32],
            heading=p.heading,
            text=p.text,
            details=dict(p.details),
        )
        for n, p in enumerate(items)
    )
    return len(items)


def upload_document(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    filename: str,
    data: bytes,
    title: str = "",
    assessment_id: int | None = None,
    institution_code: str | None = None,
    lang: str = "en",
    illustrative: bool = False,
) -> DocumentSummary:
    """Read and store a document with its passages at once, for scripts and the command line (all or
    nothing: a refused file leaves no row and no bytes). The web reads uploads in a job instead
    (:func:`raqmana.workspace.documents_intake.receive_document`). Its analysis is a separate job
    (:func:`raqmana.workspace.documents_analysis.enqueue_analysis`)."""
    round_id, org_id = scope_of_upload(session, actor, assessment_id, institution_code)
    name, title = document_names(filename, title)
    try:
        document = extract(data, name, max_bytes=min(settings.max_upload_mb, 50) * 1024 * 1024)
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    digest = evidence_store(settings).put(data, session=session)
    doc = StoredDocument(
        title=title,
        filename=name,
        media_type=MEDIA_TYPES[document.format],
        format=document.format,
        size=len(data),
        sha256=digest,
        language=document.language,
        pages=document.pages,
        assessment_id=round_id,
        org_id=org_id,
        warnings=[],
        analysis_status="none",
        uploaded_by=actor.user_id,
        uploaded_at=utcnow(),
        illustrative=illustrative,
    )
    session.add(doc)
    session.flush()
    n = store_passages(session, doc, document, lang)
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
            "format": doc.format,
            "pages": doc.pages,
            "passages": n,
            "assessment_id": round_id,
            "org_id": org_id,
        },
    )
    session.flush()
    return summaries(session, [doc])[0]


# --- reading --------------------------------------------------------------------------------------------
def summaries(session: Session, docs: list[StoredDocument]) -> list[DocumentSummary]:
    ids = [d.id for d in docs]
    if not ids:
        return []
    passages = dict(
        session.execute(
            select(DocumentPassage.document_id, func.count())
            .where(DocumentPassage.document_id.in_(ids))
            .group_by(DocumentPassage.document_id)
        ).all()
    )
    states: Counter[tuple[int, str]] = Counter()
    for doc_id, state, n in session.execute(
        select(DocumentSuggestion.document_id, DocumentSuggestion.state, func.count())
        .where(DocumentSuggestion.document_id.in_(ids))
        .group_by(DocumentSuggestion.document_id, DocumentSuggestion.state)
    ):
        states[(doc_id, state)] += n
    orgs = {
        o.id: o
        for o in session.scalars(select(Organisation).where(Organisation.id.in_({d.org_id for d in docs})))
    }
    names = user_names(session, [d.uploaded_by for d in docs])
    out = []
    for d in docs:
        org = orgs.get(d.org_id) if d.org_id is not None else None
        scope = "institution" if org else "assessment" if d.assessment_id is not None else "library"
        out.append(
            DocumentSummary(
                id=d.id,
                title=d.title,
                filename=d.filename,
                format=d.format,
                language=d.language,
                pages=d.pages,
                size=d.size,
                scope=scope,
                assessment_id=d.assessment_id,
                institution_code=org.code if org else None,
                institution_name=(
                    Translated.model_construct(en=org.name_en, ar=org.name_ar, ckb=org.name_ckb).as_dict()
                    if org
                    else None
                ),
                uploaded_by=names.get(d.uploaded_by or -1, ""),
                uploaded_at=d.uploaded_at,
                analysis_status=d.analysis_status,
                job_id=d.job_id,
                passages=int(passages.get(d.id, 0)),
                suggestions_open=states[(d.id, "open")],
                suggestions_accepted=states[(d.id, "accepted")],
                illustrative=d.illustrative,
                warnings=list(d.warnings or []),
            )
        )
    return out


def readable_documents(session: Session, actor: Actor) -> list[StoredDocument]:
    """Every document the actor may read, newest first."""
    rows = list(
        session.scalars(
            select(StoredDocument)
            .where(StoredDocument.removed_at.is_(None))
            .order_by(StoredDocument.uploaded_at.desc(), StoredDocument.id.desc())
        )
    )
    return [d for d in rows if _rights(session, actor, d).read]


def list_documents(
    session: Session,
    actor: Actor,
    *,
    assessment_id: int | None = None,
    institution_code: str | None = None,
    scope: str | None = None,
) -> list[DocumentSummary]:
    """The documents the actor may read; ``scope`` library|institution|assessment and the round or
    institution narrow the list."""
    docs = readable_documents(session, actor)
    out = summaries(session, docs)
    if scope:
        out = [d for d in out if d.scope == scope]
    if assessment_id is not None:
        out = [d for d in out if d.assessment_id == assessment_id]
    if institution_code:
        out = [d for d in out if d.institution_code == institution_code]
    return out


def open_document(session: Session, actor: Actor, *, settings: Settings, document_id: int) -> EvidenceFile:
    doc, _ = get_document_for_user(session, actor, document_id)
    path = evidence_store(settings).path(doc.sha256)
    if not path.is_file():
        raise NotFound("document")
    return EvidenceFile(path, doc.filename, doc.media_type, doc.size)


def remove_document(session: Session, actor: Actor, *, document_id: int) -> None:
    """Withdraw a document (the row, its suggestions and the evidence made from them stay for history)."""
    doc, rights = get_document_for_user(session, actor, document_id)
    if not rights.edit:
        raise Forbidden()
    doc.removed_at = utcnow()
    record(session, actor, "document.remove", "document", doc.id, before={"title": doc.title})
