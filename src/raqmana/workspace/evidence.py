"""Evidence: files (checked by content, stored content-addressed under data_dir/evidence/ab/cdef…)
and URLs, attached to one answer; served only to those who may read that answer."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.problems import Location
from raqmana.settings import Settings
from raqmana.store.models import Assessment, Evidence, Response
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.answers import MAX_TEXT
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.factory import evidence_store
from raqmana.workspace.permissions import get_evidence_for_user, get_response_for_user
from raqmana.workspace.response_views import evidence_view, user_names
from raqmana.workspace.responses import (
    EDITABLE,
    context,
    find_response,
    indicator_of,
    new_response,
    require_answer_rights,
)
from raqmana.workspace.sniff import check_upload
from raqmana.workspace.views import EvidenceFile, EvidenceView

SOURCE_TYPES = ("document", "system", "external_index", "survey")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def _source_type(value: str) -> str:
    if value not in SOURCE_TYPES:
        raise ValidationFailed.one(
            E.SOURCE_TYPE_INVALID, Location(field="source_type"), value=str(value)[:40]
        )
    return value


def _date(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationFailed.one(
            E.DATE_INVALID, Location(field="evidence_date"), value=str(value)[:40]
        ) from None


def _description(text: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise ValidationFailed.one(E.TEXT_TOO_LONG, Location(field="description"), max=MAX_TEXT)
    return text


def _editable_response(
    session: Session, actor: Actor, assessment_id: int, institution_code: str, indicator_id: str
) -> Response:
    ctx = context(session, actor, assessment_id, institution_code)
    require_answer_rights(ctx)
    indicator = indicator_of(ctx.framework, indicator_id)
    r = find_response(session, ctx.assessment.id, ctx.org.id, indicator.id)
    if r is None:
        return new_response(session, ctx, indicator, actor, utcnow())
    if r.state not in EDITABLE:
        raise Forbidden(E.ANSWER_LOCKED, state=E.STATES[r.state])
    return r


def _add(session: Session, actor: Actor, e: Evidence) -> EvidenceView:
    session.add(e)
    session.flush()
    record(
        session,
        actor,
        "evidence.attach",
        "response",
        e.response_id,
        after={
            "evidence_id": e.id,
            "kind": e.kind,
            "sha256": e.sha256,
            "filename": e.filename,
            "url": e.url,
            "source_type": e.source_type,
            "evidence_date": e.evidence_date.isoformat() if e.evidence_date else None,
        },
    )
    return evidence_view(e, {actor.user_id: actor.display_name} if actor.user_id else {})


def attach_file(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    assessment_id: int,
    institution_code: str,
    indicator_id: str,
    filename: str,
    data: bytes,
    source_type: str = "document",
    evidence_date: date | str | None = None,
    description: str = "",
) -> EvidenceView:
    """Attach a file (checked: size limit, allowed type, content matches the extension)."""
    r = _editable_response(session, actor, assessment_id, institution_code, indicator_id)
    name, media_type = check_upload(filename, data, max_mb=settings.max_upload_mb)
    kind, day, text = _source_type(source_type), _date(evidence_date), _description(description)
    digest = evidence_store(settings).put(data, session=session)
    return _add(
        session,
        actor,
        Evidence(
            response_id=r.id,
            kind="file",
            sha256=digest,
            filename=name,
            media_type=media_type,
            size=len(data),
            source_type=kind,
            evidence_date=day,
            description=text,
            uploaded_by=actor.user_id,
            uploaded_at=utcnow(),
        ),
    )


def check_url(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url) if len(url) <= 2000 and not _CONTROL.search(url) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationFailed.one(E.URL_INVALID, Location(field="url"), url=url[:200])
    return url


def attach_url(
    session: Session,
    actor: Actor,
    *,
    assessment_id: int,
    institution_code: str,
    indicator_id: str,
    url: str,
    source_type: str = "document",
    evidence_date: date | str | None = None,
    description: str = "",
) -> EvidenceView:
    r = _editable_response(session, actor, assessment_id, institution_code, indicator_id)
    link, kind, day, text = (
        check_url(url),
        _source_type(source_type),
        _date(evidence_date),
        _description(description),
    )
    return _add(
        session,
        actor,
        Evidence(
            response_id=r.id,
            kind="url",
            url=link,
            source_type=kind,
            evidence_date=day,
            description=text,
            uploaded_by=actor.user_id,
            uploaded_at=utcnow(),
        ),
    )


def list_evidence(session: Session, actor: Actor, *, response_id: int) -> list[EvidenceView]:
    r, _ = get_response_for_user(session, actor, response_id)
    rows = list(
        session.scalars(
            select(Evidence)
            .where(Evidence.response_id == r.id, Evidence.removed_at.is_(None))
            .order_by(Evidence.id)
        )
    )
    names = user_names(session, [e.uploaded_by for e in rows])
    return [evidence_view(e, names) for e in rows]


def open_evidence(session: Session, actor: Actor, *, settings: Settings, evidence_id: int) -> EvidenceFile:
    """The stored file of a piece of evidence, for a download (NotFound for anyone who may not read it)."""
    e, _, _ = get_evidence_for_user(session, actor, evidence_id)
    if e.kind != "file" or not e.sha256:
        raise NotFound("evidence")
    path = evidence_store(settings).path(e.sha256)
    if not path.is_file():
        raise NotFound("evidence")
    return EvidenceFile(path, e.filename, e.media_type, e.size)


def remove_evidence(session: Session, actor: Actor, *, evidence_id: int) -> None:
    """Withdraw evidence from an editable answer (the row and the file stay for the history)."""
    e, r, rights = get_evidence_for_user(session, actor, evidence_id)
    assessment = session.get(Assessment, r.assessment_id)
    if not rights.answer:
        raise Forbidden()
    if assessment is None or assessment.status != "open":
        raise Forbidden(E.ROUND_CLOSED)
    if r.state not in EDITABLE:
        raise Forbidden(E.ANSWER_LOCKED, state=E.STATES[r.state])
    e.removed_at = utcnow()
    record(session, actor, "evidence.remove", "response", r.id, before={"evidence_id": e.id})
