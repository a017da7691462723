"""Public consultations on a draft: open one (its sections, open and close dates), list and read them
publicly, comment on a section while it is open (no sign-in), moderate comments before they are published.

Who may do what: focal points, coordinators and administrators whose grant covers the owner institution
open its consultations and moderate their comments; anyone reads what is published and comments while a
consultation is open (the public form's per-address limit applies). Nothing a person wrote is shown before
a moderator publishes it, and then with phone numbers, e-mails and ID numbers masked; every action is on
the audit chain without the comment's text.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import CommentState, HideReason
from raqmana.participation import errors as P
from raqmana.participation.privacy import mask_personal
from raqmana.problems import Location
from raqmana.store.models import Consultation, ConsultationComment, ConsultationSection, Organisation
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.participation import (
    MAX_TEXT,
    PUBLIC,
    clean_text,
    may_handle,
    require_signed_in,
    throttle,
)


class SectionIn(BaseModel):
    heading: Translated
    body: Translated


class CommentView(BaseModel):
    id: int
    text: str
    created_at: datetime


class SectionView(BaseModel):
    id: int
    heading: Translated
    body: Translated
    comments: list[CommentView] = Field(default_factory=list, description="published comments only")


class ConsultationSummary(BaseModel):
    id: int
    title: Translated
    owner: Translated
    opens_at: datetime
    closes_at: datetime
    open: bool
    published_comments: int
    illustrative: bool


class ConsultationView(ConsultationSummary):
    summary: Translated
    sections: list[SectionView]


class CommentReceipt(BaseModel):
    id: int
    state: CommentState


class PendingComment(BaseModel):
    id: int
    section: Translated
    text: str
    state: CommentState
    reason: HideReason | None
    created_at: datetime


class ModerationQueue(BaseModel):
    consultation: ConsultationSummary
    comments: list[PendingComment]


def _name(o: Organisation) -> Translated:
    return Translated(en=o.name_en, ar=o.name_ar, ckb=o.name_ckb)


def is_open(c: Consultation, now: datetime) -> bool:
    return c.opens_at <= now < c.closes_at


def _summary(session: Session, c: Consultation, org: Organisation, now: datetime) -> ConsultationSummary:
    published = session.scalar(
        select(func.count())
        .select_from(ConsultationComment)
        .join(ConsultationSection, ConsultationSection.id == ConsultationComment.section_id)
        .where(
            ConsultationSection.consultation_id == c.id, ConsultationComment.state == CommentState.PUBLISHED
        )
    )
    return ConsultationSummary(
        id=c.id,
        title=Translated.model_validate(c.title),
        owner=_name(org),
        opens_at=c.opens_at,
        closes_at=c.closes_at,
        open=is_open(c, now),
        published_comments=published or 0,
        illustrative=c.illustrative,
    )


def _get(session: Session, consultation_id: int) -> tuple[Consultation, Organisation]:
    row = session.execute(
        select(Consultation, Organisation)
        .join(Organisation, Organisation.id == Consultation.owner_org_id)
        .where(Consultation.id == consultation_id)
    ).first()
    if row is None:
        raise NotFound("consultation")
    return row[0], row[1]


def open_consultation(
    session: Session,
    actor: Actor,
    *,
    owner: str,
    title: Translated,
    summary: Translated,
    opens_at: datetime,
    closes_at: datetime,
    sections: list[SectionIn],
    illustrative: bool = False,
) -> ConsultationView:
    """A new consultation of ``owner`` (an institution the caller handles) on a draft of ``sections``."""
    require_signed_in(actor)
    org = session.scalar(select(Organisation).where(Organisation.code == owner))
    if org is None:
        raise ValidationFailed.one(P.UNKNOWN_INSTITUTION, Location(field="owner"), value=owner[:64])
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org.code)
    if closes_at <= opens_at:
        raise ValidationFailed.one(P.DATES_ORDER, Location(field="closes_at"))
    if not sections:
        raise ValidationFailed.one(P.NO_SECTIONS, Location(field="sections"))
    c = Consultation(
        title=title.model_dump(),
        summary=summary.model_dump(),
        owner_org_id=org.id,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=actor.user_id,
        created_at=utcnow(),
        illustrative=illustrative,
    )
    session.add(c)
    session.flush()
    for n, s in enumerate(sections, start=1):
        session.add(
            ConsultationSection(
                consultation_id=c.id, position=n, heading=s.heading.model_dump(), body=s.body.model_dump()
            )
        )
    session.flush()
    record(
        session,
        actor,
        "consultation.open",
        "consultation",
        c.id,
        after={
            "owner": org.code,
            "title": c.title,
            "sections": len(sections),
            "closes_at": closes_at.isoformat(),
        },
    )
    return read_consultation(session, consultation_id=c.id)


def list_consultations(session: Session, *, now: datetime | None = None) -> list[ConsultationSummary]:
    """Every consultation, open ones first, then by closing date (newest first)."""
    now = now or utcnow()
    rows = session.execute(
        select(Consultation, Organisation)
        .join(Organisation, Organisation.id == Consultation.owner_org_id)
        .order_by(Consultation.closes_at.desc())
    )
    found = [_summary(session, c, o, now) for c, o in rows]
    return sorted(found, key=lambda s: not s.open)


def read_consultation(
    session: Session, *, consultation_id: int, now: datetime | None = None
) -> ConsultationView:
    """A consultation with its sections and their published comments (personal data masked)."""
    now = now or utcnow()
    c, org = _get(session, consultation_id)
    sections = list(
        session.scalars(
            select(ConsultationSection)
            .where(ConsultationSection.consultation_id == c.id)
            .order_by(ConsultationSection.position)
        )
    )
    comments: dict[int, list[CommentView]] = {}
    q = (
        select(ConsultationComment)
        .where(
            ConsultationComment.section_id.in_([s.id for s in sections]),
            ConsultationComment.state == CommentState.PUBLISHED,
        )
        .order_by(ConsultationComment.created_at, ConsultationComment.id)
    )
    for m in session.scalars(q):
        comments.setdefault(m.section_id, []).append(
            CommentView(id=m.id, text=mask_personal(m.body), created_at=m.created_at)
        )
    return ConsultationView(
        **_summary(session, c, org, now).model_dump(),
        summary=Translated.model_validate(c.summary),
        sections=[
            SectionView(
                id=s.id,
                heading=Translated.model_validate(s.heading),
                body=Translated.model_validate(s.body),
                comments=comments.get(s.id, []),
            )
            for s in sections
        ],
    )


def add_comment(
    session: Session,
    *,
    consultation_id: int,
    section_id: int,
    text: str,
    lang: str,
    client: str,
    now: datetime | None = None,
    illustrative: bool = False,
) -> CommentReceipt:
    """A comment on one section of an open consultation, waiting for moderation."""
    now = now or utcnow()
    c, _ = _get(session, consultation_id)
    section = session.get(ConsultationSection, section_id)
    if section is None or section.consultation_id != c.id:
        raise NotFound("section")
    if not is_open(c, now):
        raise ValidationFailed.one(
            P.CONSULTATION_CLOSED,
            Location(field="section_id"),
            opens=c.opens_at.date().isoformat(),
            closes=c.closes_at.date().isoformat(),
        )
    text = clean_text(text)
    if not text:
        raise ValidationFailed.one(P.COMMENT_REQUIRED, Location(field="text"))
    if len(text) > MAX_TEXT:
        raise ValidationFailed.one(P.TEXT_TOO_LONG, Location(field="text"), max=MAX_TEXT)
    throttle(session, client, now)
    m = ConsultationComment(
        section_id=section.id,
        body=text,
        lang=lang,
        state=str(CommentState.PENDING),
        created_at=now,
        illustrative=illustrative,
    )
    session.add(m)
    session.flush()
    record(
        session,
        PUBLIC,
        "comment.receive",
        "consultation_comment",
        m.id,
        after={"section": section.id, "length": len(text)},
    )
    return CommentReceipt(id=m.id, state=CommentState.PENDING)


def moderation_queue(session: Session, actor: Actor, *, consultation_id: int) -> ModerationQueue:
    """The comments of a consultation for its moderators, those waiting first."""
    require_signed_in(actor)
    c, org = _get(session, consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org.code)
    rows = session.execute(
        select(ConsultationComment, ConsultationSection)
        .join(ConsultationSection, ConsultationSection.id == ConsultationComment.section_id)
        .where(ConsultationSection.consultation_id == c.id)
        .order_by(ConsultationComment.created_at, ConsultationComment.id)
    )
    comments = [
        PendingComment(
            id=m.id,
            section=Translated.model_validate(s.heading),
            text=m.body,
            state=CommentState(m.state),
            reason=HideReason(m.reason) if m.reason else None,
            created_at=m.created_at,
        )
        for m, s in rows
    ]
    comments.sort(key=lambda p: p.state != CommentState.PENDING)
    return ModerationQueue(consultation=_summary(session, c, org, utcnow()), comments=comments)


def moderate_comment(
    session: Session,
    actor: Actor,
    *,
    comment_id: int,
    publish: bool,
    reason: HideReason | None = None,
    consultation_id: int | None = None,
) -> PendingComment:
    """Publish a comment or reject it with a reason (audited with the decision, not the text); with
    ``consultation_id``, the comment must be one of that consultation's."""
    require_signed_in(actor)
    m = session.get(ConsultationComment, comment_id)
    section = session.get(ConsultationSection, m.section_id) if m is not None else None
    if m is None or section is None or consultation_id not in (None, section.consultation_id):
        raise NotFound("comment")
    _, org = _get(session, section.consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org.code)
    if not publish and reason is None:
        raise ValidationFailed.one(P.REASON_REQUIRED, Location(field="reason"))
    before = {"state": m.state, "reason": m.reason}
    m.state = str(CommentState.PUBLISHED if publish else CommentState.REJECTED)
    m.reason = None if publish else str(reason)
    m.moderated_at = utcnow()
    session.flush()
    record(
        session,
        actor,
        "comment.publish" if publish else "comment.reject",
        "consultation_comment",
        m.id,
        before=before,
        after={"state": m.state, "reason": m.reason},
    )
    return PendingComment(
        id=m.id,
        section=Translated.model_validate(section.heading),
        text=m.body,
        state=CommentState(m.state),
        reason=HideReason(m.reason) if m.reason else None,
        created_at=m.created_at,
    )
