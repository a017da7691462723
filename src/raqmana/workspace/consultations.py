"""Public consultations on a draft: open one (its sections, open and close dates), list and read them
publicly, comment on a section while it is open (no sign-in), moderate comments before they are published.

Who may do what: focal points, coordinators and administrators whose grant covers the owner institution
open its consultations and moderate their comments; anyone reads what is published and comments while a
consultation is open (the public form's per-address limit applies). Nothing a person wrote is shown before
a moderator publishes it, and then with phone numbers, e-mails and ID numbers masked; every action is on
the audit chain without the comment's text.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal, Protocol, cast

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Table, and_, bindparam, case, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import CommentState, HideReason
from raqmana.participation import duplicates
from raqmana.participation import errors as P
from raqmana.participation.privacy import mask_personal
from raqmana.participation.tracking import new_tracking
from raqmana.problems import Location
from raqmana.store.models import Consultation, ConsultationComment, ConsultationSection, Organisation
from raqmana.store.models.participation import ConsultationParticipant, ConsultationSupport
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.orgs import org_name
from raqmana.workspace.participation import (
    MAX_TEXT,
    PUBLIC,
    clean_text,
    may_handle,
    require_signed_in,
    throttle,
)

#: top-level comments shown per section and page
SHOWN = 20
#: the same person's same text on the same section within this time is their form sent again (refused);
#: anyone's text near one received within NEAR_WINDOW waits for a moderator, marked with it; the latest
#: RECENT_COMPARED comments of the consultation are compared
REPEAT_WINDOW = timedelta(minutes=10)
NEAR_WINDOW = timedelta(days=3)
RECENT_COMPARED = 300


class SectionIn(BaseModel):
    heading: Translated
    body: Translated
    number: str | None = Field(None, max_length=32)
    page: int | None = Field(None, ge=0)


class DocumentFacts(BaseModel):
    """The draft's file as the consultation names it (its text became the sections)."""

    name: str
    format: str
    pages: int
    sha256: str


Who = Literal["anyone", "verified", "invited"]


class CommentView(BaseModel):
    id: int
    text: str = Field(description="empty when the comment was removed")
    created_at: datetime
    supports: int = 0
    removed: bool = Field(
        False,
        description="deleted or rejected after replies were made: shown as a placeholder without its text "
        "or author so that its replies stay where they were",
    )
    replies: list[CommentView] = Field(default_factory=list, description="published replies, oldest first")


class SectionView(BaseModel):
    id: int
    heading: Translated
    body: Translated
    number: str | None = Field(None, description="the article's number in the draft document")
    page: int | None = Field(None, description="the page of the draft document where it starts")
    comments: list[CommentView] = Field(
        default_factory=list, description="a page of the published comments (see the consultation's page)"
    )
    published: int = Field(0, description="published comments on this section (replies not counted)")
    more: bool = Field(False, description="older published comments are on the next page")


class ConsultationSummary(BaseModel):
    id: int
    title: Translated
    owner: Translated
    opens_at: datetime
    closes_at: datetime
    open: bool
    published_comments: int
    illustrative: bool
    who: Who = "anyone"
    premoderated: bool = True
    response_published: bool = False


class ConsultationView(ConsultationSummary):
    summary: Translated
    sections: list[SectionView]
    invited: list[str] = Field(default_factory=list, description="institution codes (who = invited)")
    retention_days: int | None = None
    document_name: str | None = None
    document_pages: int | None = None
    page: int = Field(1, description="the page of comments shown (the newest first)")


class CommentReceipt(BaseModel):
    """``tracking`` lets the author have the comment deleted later, without an account."""

    id: int
    state: CommentState
    tracking: str


class PendingComment(BaseModel):
    id: int
    section: Translated
    text: str
    state: CommentState
    reason: HideReason | None
    created_at: datetime
    resembles: int | None = None  # an earlier comment of the consultation with (nearly) the same text


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
        who=c.who,
        premoderated=c.premoderated,
        response_published=c.response_published_at is not None,
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


class Options(BaseModel):
    """How a consultation runs: who may take part, whether comments wait for a moderator, how long the
    contributions are kept after it closes."""

    who: Who = "anyone"
    invited: list[str] = Field(default_factory=list, max_length=200, description="institution codes")
    premoderated: bool = True
    retention_days: int | None = Field(None, description="30–3650; None keeps them")


def _check(session: Session, opens_at: datetime, closes_at: datetime, options: Options) -> list[str]:
    if closes_at <= opens_at:
        raise ValidationFailed.one(P.DATES_ORDER, Location(field="closes_at"))
    if options.retention_days is not None and not 30 <= options.retention_days <= 3650:
        raise ValidationFailed.one(
            P.RETENTION_RANGE, Location(field="retention_days"), value=options.retention_days
        )
    invited = sorted(set(options.invited)) if options.who == "invited" else []
    known = set(session.scalars(select(Organisation.code).where(Organisation.code.in_(invited))))
    for code in invited:
        if code not in known:
            raise ValidationFailed.one(P.UNKNOWN_INSTITUTION, Location(field="invited"), value=code[:64])
    return invited


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
    options: Options | None = None,
    document: DocumentFacts | None = None,
    illustrative: bool = False,
) -> ConsultationView:
    """A new consultation of ``owner`` (an institution the caller handles) on a draft of ``sections``
    (typed, or read from a ``document``)."""
    require_signed_in(actor)
    options = options or Options()
    org = session.scalar(select(Organisation).where(Organisation.code == owner))
    if org is None:
        raise ValidationFailed.one(P.UNKNOWN_INSTITUTION, Location(field="owner"), value=owner[:64])
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org_name(org))
    invited = _check(session, opens_at, closes_at, options)
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
        who=options.who,
        invited=invited,
        premoderated=options.premoderated,
        retention_days=options.retention_days,
    )
    if document is not None:
        c.document_name, c.document_format = document.name, document.format
        c.document_pages, c.document_sha256 = document.pages, document.sha256
    session.add(c)
    session.flush()
    _add_sections(session, c.id, sections)
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
            "who": options.who,
            "premoderated": options.premoderated,
            "retention_days": options.retention_days,
            "document": c.document_name,
        },
    )
    return read_consultation(session, consultation_id=c.id)


def _add_sections(session: Session, consultation_id: int, sections: list[SectionIn]) -> None:
    for n, sec in enumerate(sections, start=1):
        session.add(
            ConsultationSection(
                consultation_id=consultation_id,
                position=n,
                heading=sec.heading.model_dump(),
                body=sec.body.model_dump(),
                number=sec.number,
                page=sec.page,
            )
        )
    session.flush()


def edit_consultation(
    session: Session,
    actor: Actor,
    *,
    consultation_id: int,
    title: Translated,
    summary: Translated,
    opens_at: datetime,
    closes_at: datetime,
    options: Options,
    sections: list[SectionIn] | None = None,
) -> ConsultationView:
    """Change a consultation's details; its sections are replaced only while nobody has commented."""
    require_signed_in(actor)
    c, org = _get(session, consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org_name(org))
    invited = _check(session, opens_at, closes_at, options)
    before = {
        "title": c.title,
        "opens_at": c.opens_at.isoformat(),
        "closes_at": c.closes_at.isoformat(),
        "who": c.who,
        "premoderated": c.premoderated,
        "retention_days": c.retention_days,
    }
    if sections is not None:
        if not sections:
            raise ValidationFailed.one(P.NO_SECTIONS, Location(field="sections"))
        commented = session.scalar(
            select(func.count())
            .select_from(ConsultationComment)
            .join(ConsultationSection, ConsultationSection.id == ConsultationComment.section_id)
            .where(ConsultationSection.consultation_id == c.id)
        )
        if commented:
            raise ValidationFailed.one(P.NOT_EDITABLE, Location(field="sections"))
        for old in session.scalars(
            select(ConsultationSection).where(ConsultationSection.consultation_id == c.id)
        ):
            session.delete(old)
        session.flush()
        _add_sections(session, c.id, sections)
    c.title, c.summary = title.model_dump(), summary.model_dump()
    c.opens_at, c.closes_at = opens_at, closes_at
    c.who, c.invited, c.premoderated = options.who, invited, options.premoderated
    c.retention_days = options.retention_days
    session.flush()
    after = {**before, "title": c.title, "opens_at": opens_at.isoformat(), "closes_at": closes_at.isoformat()}
    after |= {"who": c.who, "premoderated": c.premoderated, "retention_days": c.retention_days}
    record(session, actor, "consultation.edit", "consultation", c.id, before=before, after=after)
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
    session: Session,
    *,
    consultation_id: int,
    now: datetime | None = None,
    shown: int = SHOWN,
    page: int = 1,
) -> ConsultationView:
    """A consultation with its sections and, per section, a page of its published comments (the newest
    ``shown`` on page 1, older ones on the next pages, listed oldest first), each with its published
    replies and its count of supports (personal data masked)."""
    now = now or utcnow()
    c, org = _get(session, consultation_id)
    sections = list(
        session.scalars(
            select(ConsultationSection)
            .where(ConsultationSection.consultation_id == c.id)
            .order_by(ConsultationSection.position)
        )
    )
    in_sections = ConsultationComment.section_id.in_([x.id for x in sections])
    published = ConsultationComment.state == CommentState.PUBLISHED
    shown_ = _shown()
    top_level = ConsultationComment.parent_id.is_(None)
    counts: dict[int, int] = {}
    listed: dict[int, int] = {}  # published and placeholders (the pages)
    for section_id, n_published, n_listed in session.execute(
        select(
            ConsultationComment.section_id,
            func.sum(case((published, 1), else_=0)),
            func.count(),
        )
        .where(in_sections, shown_, top_level)
        .group_by(ConsultationComment.section_id)
    ):
        counts[section_id], listed[section_id] = int(n_published or 0), int(n_listed)
    first = (max(page, 1) - 1) * shown
    columns = (
        ConsultationComment.id,
        ConsultationComment.section_id,
        ConsultationComment.parent_id,
        ConsultationComment.body,
        ConsultationComment.created_at,
        ConsultationComment.state,
    )
    rows = []
    for sec in sections:  # each section's page: the newest first, read from the (section, state) index
        if listed.get(sec.id, 0) <= first:
            continue
        newest = (
            select(*columns)
            .where(ConsultationComment.section_id == sec.id, shown_, top_level)
            .order_by(ConsultationComment.created_at.desc(), ConsultationComment.id.desc())
            .offset(first)
            .limit(shown)
        )
        rows += sorted(session.execute(newest), key=lambda r: (r[4], r[0]))
    parents = [r[0] for r in rows]
    while parents:  # the replies of the comments shown, and the replies to those
        found = list(
            session.execute(
                select(*columns)
                .where(shown_, ConsultationComment.parent_id.in_(parents))
                .order_by(ConsultationComment.created_at, ConsultationComment.id)
            )
        )
        rows += found
        parents = [r[0] for r in found]
    ids = [r[0] for r in rows]
    supports: dict[int, int] = dict(
        session.execute(
            select(ConsultationSupport.comment_id, func.count())
            .where(ConsultationSupport.comment_id.in_(ids))
            .group_by(ConsultationSupport.comment_id)
        ).all()
    )
    comments: dict[int, list[CommentView]] = {}
    views: dict[int, CommentView] = {}
    for cid, section_id, parent_id, body, created_at, state in rows:
        gone = state != CommentState.PUBLISHED
        view = CommentView(
            id=cid,
            text="" if gone else mask_personal(body),
            created_at=created_at,
            supports=0 if gone else supports.get(cid, 0),
            removed=gone,
        )
        views[cid] = view
        if parent_id is not None and parent_id in views:
            views[parent_id].replies.append(view)
        else:
            comments.setdefault(section_id, []).append(view)
    comments = {k: _without_bare_placeholders(v) for k, v in comments.items()}
    return ConsultationView(
        **_summary(session, c, org, now).model_dump(),
        summary=Translated.model_validate(c.summary),
        invited=list(c.invited or []),
        retention_days=c.retention_days,
        document_name=c.document_name,
        document_pages=c.document_pages,
        page=max(page, 1),
        sections=[
            SectionView(
                id=s.id,
                heading=Translated.model_validate(s.heading),
                body=Translated.model_validate(s.body),
                number=s.number,
                page=s.page,
                comments=comments.get(s.id, []),
                published=counts.get(s.id, 0),
                more=listed.get(s.id, 0) > first + shown,
            )
            for s in sections
        ],
    )


def _shown() -> ColumnElement[bool]:
    """The comments the public page shows: the published ones, and a removed or rejected one that has
    replies (as a placeholder, so that its replies stay under it)."""
    reply = aliased(ConsultationComment)
    answered = select(reply.parent_id).where(
        reply.parent_id.is_not(None), reply.state != CommentState.PENDING
    )
    return or_(
        ConsultationComment.state == CommentState.PUBLISHED,
        and_(
            ConsultationComment.state.in_([CommentState.REMOVED, CommentState.REJECTED]),
            ConsultationComment.id.in_(answered),
        ),
    )


def _without_bare_placeholders(views: list[CommentView]) -> list[CommentView]:
    """``views`` without placeholders left with no reply shown under them (their replies were rejected)."""
    kept = []
    for v in views:
        replies = _without_bare_placeholders(v.replies)
        if v.removed and not replies:
            continue
        v.replies = replies
        kept.append(v)
    return kept


class Openness(Protocol):
    """Who a consultation is open to (a :class:`Consultation` or a row read for one comment)."""

    @property
    def who(self) -> str: ...
    @property
    def invited(self) -> list[str] | None: ...


def may_take_part(
    session: Session, c: Openness, *, person: ConsultationParticipant | None, actor: Actor | None
) -> None:
    """Refuse (CP034/CP043) whoever the consultation is not open to."""
    if c.who == "verified" and (person is None or person.verified_at is None):
        raise ValidationFailed.one(P.NOT_VERIFIED, Location(field="participant"))
    if c.who == "invited":
        paths = session.scalars(select(Organisation.path).where(Organisation.code.in_(c.invited or [])))
        if actor is None or actor.user_id is None or not any(actor.roles_at(path) for path in paths):
            raise ValidationFailed.one(P.NOT_ALLOWED, Location(field="participant"), who=c.who)


_COMMENTS = cast(Table, ConsultationComment.__table__)
_SECTIONS = cast(Table, ConsultationSection.__table__)
_CONSULTATIONS = cast(Table, Consultation.__table__)
_PARENTS = _COMMENTS.alias("parent")
#: the public form's intake, built once: a new comment's consultation with its section and the comment it
#: replies to, in one read
_TARGET = (
    select(
        _CONSULTATIONS.c.opens_at,
        _CONSULTATIONS.c.closes_at,
        _CONSULTATIONS.c.premoderated,
        _CONSULTATIONS.c.who,
        _CONSULTATIONS.c.invited,
        _SECTIONS.c.id.label("section"),
        _PARENTS.c.state.label("parent_state"),
    )
    .select_from(
        _CONSULTATIONS.outerjoin(
            _SECTIONS,
            (_SECTIONS.c.id == bindparam("section_id"))
            & (_SECTIONS.c.consultation_id == _CONSULTATIONS.c.id),
        ).outerjoin(
            _PARENTS, (_PARENTS.c.id == bindparam("parent_id")) & (_PARENTS.c.section_id == _SECTIONS.c.id)
        )
    )
    .where(_CONSULTATIONS.c.id == bindparam("consultation_id"))
)
_NEW_COMMENT = insert(_COMMENTS).returning(_COMMENTS.c.id)
#: the consultation's latest fingerprinted comments, newest first (compared with a new one)
_RECENT = (
    select(
        _COMMENTS.c.id,
        _COMMENTS.c.fingerprint,
        _COMMENTS.c.section_id,
        _COMMENTS.c.created_at,
        _COMMENTS.c.participant_id,
    )
    .join(_SECTIONS, _SECTIONS.c.id == _COMMENTS.c.section_id)
    .where(
        _SECTIONS.c.consultation_id == bindparam("consultation_id"),
        _COMMENTS.c.created_at >= bindparam("since"),
        _COMMENTS.c.fingerprint.is_not(None),
    )
    .order_by(_COMMENTS.c.id.desc())
    .limit(RECENT_COMPARED)
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
    parent_id: int | None = None,
    person: ConsultationParticipant | None = None,
    actor: Actor | None = None,
) -> CommentReceipt:
    """A comment on one section of an open consultation (or a reply to a published comment of it),
    waiting for moderation unless the consultation publishes without it.

    The public form's intake, so it is kept to four statements and a commit: the consultation with the
    section (and the parent) read in one, the address's count, the comment and the audit event."""
    now = now or utcnow()
    text = clean_text(text)
    session.flush()  # a participant made in this transaction has its id (statements below bypass the ORM)
    db = session.connection()
    target = db.execute(
        _TARGET, {"consultation_id": consultation_id, "section_id": section_id, "parent_id": parent_id}
    ).first()
    if target is None:
        raise NotFound("consultation")
    if target.section is None:
        raise NotFound("section")
    if not target.opens_at <= now < target.closes_at:
        raise ValidationFailed.one(
            P.CONSULTATION_CLOSED,
            Location(field="section_id"),
            opens=target.opens_at.date().isoformat(),
            closes=target.closes_at.date().isoformat(),
        )
    may_take_part(session, target, person=person, actor=actor)
    if parent_id is not None and target.parent_state != CommentState.PUBLISHED:
        raise ValidationFailed.one(P.PARENT_NOT_FOUND, Location(field="parent_id"))
    if not text:
        raise ValidationFailed.one(P.COMMENT_REQUIRED, Location(field="text"))
    if len(text) > MAX_TEXT:
        raise ValidationFailed.one(P.TEXT_TOO_LONG, Location(field="text"), max=MAX_TEXT)
    throttle(session, client, now)
    state = CommentState.PENDING if target.premoderated else CommentState.PUBLISHED
    print_ = duplicates.fingerprint(text)
    similar = None
    for earlier in db.execute(_RECENT, {"consultation_id": consultation_id, "since": now - NEAR_WINDOW}):
        if not duplicates.near(print_, earlier.fingerprint):
            continue
        if (
            person is not None
            and earlier.participant_id == person.id
            and earlier.section_id == section_id
            and earlier.created_at >= now - REPEAT_WINDOW
        ):  # the same person's form sent twice or replayed: refused, the first one stands
            raise ValidationFailed.one(P.COMMENT_REPEATED, Location(field="text"))
        similar = similar or earlier.id
    if similar is not None:  # a copy of an earlier text waits for a moderator, marked as such
        state = CommentState.PENDING
    tracking = new_tracking()
    comment_id = db.execute(
        _NEW_COMMENT,
        {
            "section_id": section_id,
            "body": text,
            "lang": lang,
            "state": str(state),
            "created_at": now,
            "moderated_at": None if target.premoderated else now,
            "illustrative": illustrative,
            "parent_id": parent_id,
            "participant_id": person.id if person is not None else None,
            "tracking": tracking,
            "reason": None,
            "fingerprint": print_,
            "duplicate_of": similar,
        },
    ).scalar_one()
    record(
        session,
        PUBLIC,
        "comment.receive",
        "consultation_comment",
        comment_id,
        after={
            "section": section_id,
            "length": len(text),
            "reply_to": parent_id,
            "state": str(state),
            **({"resembles": similar} if similar is not None else {}),
        },
    )
    return CommentReceipt(id=comment_id, state=state, tracking=tracking)


def moderation_queue(session: Session, actor: Actor, *, consultation_id: int) -> ModerationQueue:
    """The comments of a consultation for its moderators, those waiting first."""
    require_signed_in(actor)
    c, org = _get(session, consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org_name(org))
    rows = session.execute(
        select(ConsultationComment, ConsultationSection)
        .join(ConsultationSection, ConsultationSection.id == ConsultationComment.section_id)
        .where(ConsultationSection.consultation_id == c.id, ConsultationComment.state != CommentState.REMOVED)
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
            resembles=m.duplicate_of,
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
    if (
        m is None
        or m.state == CommentState.REMOVED
        or section is None
        or consultation_id not in (None, section.consultation_id)
    ):
        raise NotFound("comment")
    _, org = _get(session, section.consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org_name(org))
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
