"""Citizen feedback and complaints: the public form, status lookup by tracking number, the institution's
inbox (assign, answer, close, refer, moderate) and the exchange files.

Who may do what: anyone (no sign-in) sends feedback or a complaint about an institution or one of its
services and looks up a case by its secret tracking number; people whose grant covers the institution read
its cases; focal points, coordinators and administrators over it handle them. The person's contact is
confidential: only the institution's own staff (a focal point or administrator whose grant is scoped to
a subtree holding the institution) read it, and it leaves in an export only when the person agreed. Every
action is on the audit chain, without the contact.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, cast

from pydantic import BaseModel, Field
from sqlalchemy import Table, bindparam, case, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import CaseState, Channel, FeedbackKind, HideReason
from raqmana.participation import CaseFacts, answered_on_time, due_at, may_move, new_tracking
from raqmana.participation import errors as P
from raqmana.participation.privacy import mask_personal
from raqmana.participation.tracking import normalise_tracking
from raqmana.problems import Location, Problem
from raqmana.store.models import FeedbackCase, LoginThrottle, Organisation, Service, User
from raqmana.store.types import UTCDateTime, utcnow
from raqmana.workspace.actors import Actor, Role
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import (
    Forbidden,
    NotAuthenticated,
    NotFound,
    TooManyRequests,
    ValidationFailed,
    problem,
)
from raqmana.workspace.orgs import org_name

HANDLER_ROLES = frozenset({Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN})
CONTACT_ROLES = frozenset({Role.FOCAL_POINT, Role.ADMIN})
MAX_TEXT = 4000
#: the public form: at most THROTTLE_COUNT messages per client address in THROTTLE_WINDOW
THROTTLE_COUNT = 5
THROTTLE_WINDOW = timedelta(minutes=10)
PUBLIC = Actor(user_id=None, username="public", display_name="public")


class Receipt(BaseModel):
    """What the person keeps: the tracking number and when the answer is due."""

    tracking: str
    kind: FeedbackKind
    due_at: datetime


class PublicStatus(BaseModel):
    """A case as its tracking number shows it: no text, no contact, the institution's answer."""

    tracking: str
    kind: FeedbackKind
    state: CaseState
    institution: Translated
    received_at: datetime
    due_at: datetime
    answered_at: datetime | None
    answer: str | None
    late: bool


class CaseView(BaseModel):
    """A case as the institution's staff read it (``contact`` only for those who may)."""

    tracking: str
    kind: FeedbackKind
    institution: str
    institution_name: Translated
    service: str | None
    state: CaseState
    rating: int | None
    channel: Channel
    visits: int | None
    text: str
    hidden: bool
    hidden_reason: HideReason | None
    contact: str | None = Field(None, description="only for the institution's own staff")
    contact_consent: bool
    contact_given: bool
    assigned_to: str | None
    answer: str | None
    change_made: str | None
    received_at: datetime
    due_at: datetime
    answered_at: datetime | None
    closed_at: datetime | None
    overdue: bool
    referrals: list[dict[str, str]]
    illustrative: bool
    can_handle: bool


class OnTimeView(BaseModel):
    """The KPI "complaints answered on time"."""

    counted: int
    on_time: int
    late: int
    overdue_open: int
    open_in_time: int
    share: float | None


class Inbox(BaseModel):
    cases: list[CaseView]
    on_time: OnTimeView


class ChangeView(BaseModel):
    """One line of "you said, we did"."""

    institution: Translated
    said: str
    did: str
    answered_at: datetime


class ImportReport(BaseModel):
    created: int
    updated: int
    unchanged: int


def _name(o: Organisation) -> Translated:
    return Translated(en=o.name_en, ar=o.name_ar, ckb=o.name_ckb)


def may_read(actor: Actor, org: Organisation) -> bool:
    return actor.is_system or bool(actor.roles_at(org.path))


def may_handle(actor: Actor, org: Organisation) -> bool:
    return actor.is_system or bool(actor.roles_at(org.path) & HANDLER_ROLES)


def may_read_contact(actor: Actor, org: Organisation) -> bool:
    """The institution's own staff: a focal point or administrator scoped to a subtree holding it."""
    return any(g.role in CONTACT_ROLES and g.org_id is not None and g.covers(org.path) for g in actor.grants)


def clean_text(text: str) -> str:
    """Text as it is stored: zero-width and direction-override characters dropped, line ends unified."""
    drop = dict.fromkeys(
        map(ord, "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    )
    return text.translate(drop).replace("\r\n", "\n").strip()


# --- the public side ---------------------------------------------------------------------------------


_THROTTLE = cast(Table, LoginThrottle.__table__)
#: the public form's count per address, one statement per database kind (built once)
_COUNTS: dict[str, Any] = {}


def _count_statement(dialect: str) -> Any:
    if dialect not in _COUNTS:
        t = _THROTTLE
        now = bindparam("now", type_=UTCDateTime())
        passed = t.c.window_start <= bindparam("ended", type_=UTCDateTime())
        upsert = (postgresql_insert if dialect == "postgresql" else sqlite_insert)(t)
        _COUNTS[dialect] = (
            upsert.values(key=bindparam("client_key"), failures=1, window_start=now)
            .on_conflict_do_update(
                index_elements=[t.c.key],
                set_={
                    "failures": case((passed, 1), else_=t.c.failures + 1),
                    "window_start": case((passed, now), else_=t.c.window_start),
                },
            )
            .returning(t.c.failures, t.c.window_start)
        )
    return _COUNTS[dialect]


def throttle(session: Session, client: str, now: datetime) -> None:
    """Count one message from ``client`` in its window (a new window once the last has passed), in one
    statement; refuse with 429 beyond THROTTLE_COUNT (the refused message's count is rolled back with it)."""
    db = session.connection()
    failures, started = db.execute(
        _count_statement(db.dialect.name),
        {"client_key": f"feedback:{client[:100]}", "now": now, "ended": now - THROTTLE_WINDOW},
    ).one()
    if failures > THROTTLE_COUNT:
        wait = int((started + THROTTLE_WINDOW - now).total_seconds()) + 1
        raise TooManyRequests(P.TOO_MANY, retry_after=wait)


_ORGS = cast(Table, Organisation.__table__)
_INSTITUTION = select(_ORGS.c.id, _ORGS.c.code).where(_ORGS.c.code == bindparam("code"))
_NEW_CASE = insert(cast(Table, FeedbackCase.__table__))


def submit_feedback(
    session: Session,
    *,
    institution: str,
    kind: FeedbackKind,
    channel: Channel,
    text: str,
    lang: str,
    client: str,
    answer_days: int,
    service: str | None = None,
    rating: int | None = None,
    visits: int | None = None,
    contact: str | None = None,
    contact_consent: bool = False,
    now: datetime | None = None,
) -> Receipt:
    """Record what a person sent (no sign-in) and give them a tracking number; refused, with every problem
    located by field, when the institution or service is unknown, the rating is out of range or a
    complaint has no text; more than THROTTLE_COUNT messages per address in THROTTLE_WINDOW get 429."""
    now = now or utcnow()
    text = clean_text(text)
    problems: list[Problem] = []
    session.flush()  # the statements below bypass the ORM
    db = session.connection()
    org = db.execute(_INSTITUTION, {"code": institution}).first()
    if org is None:
        problems.append(problem(P.UNKNOWN_INSTITUTION, Location(field="institution"), value=institution[:64]))
    if service and org is not None:
        found = session.scalar(
            select(Service.id).where(Service.code == service, Service.owner_org_id == org.id)
        )
        if found is None:
            problems.append(problem(P.UNKNOWN_SERVICE, Location(field="service"), value=service[:64]))
    if rating is not None and not 1 <= rating <= 5:
        problems.append(problem(P.RATING_RANGE, Location(field="rating"), value=rating))
    if kind is FeedbackKind.COMPLAINT and not text:
        problems.append(problem(P.TEXT_REQUIRED, Location(field="text")))
    if len(text) > MAX_TEXT:
        problems.append(problem(P.TEXT_TOO_LONG, Location(field="text"), max=MAX_TEXT))
    if problems:
        raise ValidationFailed(problems)
    assert org is not None
    throttle(session, client, now)
    kept = clean_text(contact)[:255] if contact and contact.strip() else None
    row = {
        "tracking": new_tracking(),
        "kind": str(kind),
        "org_id": org.id,
        "service_code": service or None,
        "rating": rating,
        "channel": str(channel),
        "visits": visits,
        "body": text,
        "lang": lang,
        "contact": kept,
        "contact_consent": bool(contact_consent and kept),
        "state": str(CaseState.RECEIVED),
        "hidden": False,
        "referrals": [],
        "source": "web",
        "illustrative": False,
        "version": 1,
        "received_at": now,
        "due_at": due_at(now, answer_days),
    }
    db.execute(_NEW_CASE, row)  # one statement, nothing read back
    audited = {
        "institution": org.code,
        "kind": row["kind"],
        "state": row["state"],
        "service": row["service_code"],
        "hidden": False,
        "contact_given": kept is not None,
        "due_at": row["due_at"].isoformat(),
    }
    record(session, PUBLIC, "feedback.receive", "feedback", row["tracking"], after=audited)
    return Receipt(tracking=row["tracking"], kind=kind, due_at=row["due_at"])


def _audit_state(case: FeedbackCase, org: Organisation) -> dict[str, Any]:
    """What the audit keeps of a case: never the contact, only whether there is one."""
    return {
        "institution": org.code,
        "kind": case.kind,
        "state": case.state,
        "service": case.service_code,
        "hidden": case.hidden,
        "contact_given": case.contact is not None,
        "due_at": case.due_at.isoformat(),
    }


def public_status(session: Session, *, tracking: str, now: datetime | None = None) -> PublicStatus:
    """The state of a case and the institution's answer, for whoever holds its tracking number."""
    number = normalise_tracking(tracking)
    if number is None:
        raise ValidationFailed.one(P.TRACKING_INVALID, Location(field="tracking"), value=tracking[:40])
    found = _case(session, number)
    if found is None:
        raise NotFound("case")
    case, org = found
    now = now or utcnow()
    answered = case.state in (CaseState.ANSWERED, CaseState.CLOSED)
    return PublicStatus(
        tracking=case.tracking,
        kind=FeedbackKind(case.kind),
        state=CaseState(case.state),
        institution=_name(org),
        received_at=case.received_at,
        due_at=case.due_at,
        answered_at=case.answered_at,
        answer=case.answer if answered else None,
        late=(case.answered_at or now) > case.due_at,
    )


def published_changes(session: Session, *, limit: int = 200) -> list[ChangeView]:
    """ "You said, we did": what institutions changed because of what people told them (personal data in
    the person's words masked; hidden text never shown)."""
    q = (
        select(FeedbackCase, Organisation)
        .join(Organisation, Organisation.id == FeedbackCase.org_id)
        .where(FeedbackCase.change_made.is_not(None), FeedbackCase.hidden.is_(False))
        .where(FeedbackCase.state.in_([CaseState.ANSWERED, CaseState.CLOSED]))
        .order_by(FeedbackCase.answered_at.desc())
        .limit(limit)
    )
    return [
        ChangeView(
            institution=_name(o),
            said=mask_personal(c.body),
            did=mask_personal(c.change_made or ""),
            answered_at=c.answered_at or c.received_at,
        )
        for c, o in session.execute(q)
    ]


# --- the institution's side --------------------------------------------------------------------------


def require_signed_in(actor: Actor) -> None:
    if actor.user_id is None and not actor.is_system:
        raise NotAuthenticated()


def _case(session: Session, tracking: str) -> tuple[FeedbackCase, Organisation] | None:
    row = session.execute(
        select(FeedbackCase, Organisation)
        .join(Organisation, Organisation.id == FeedbackCase.org_id)
        .where(FeedbackCase.tracking == tracking)
    ).first()
    return (row[0], row[1]) if row else None


def _readable(session: Session, actor: Actor, tracking: str) -> tuple[FeedbackCase, Organisation]:
    require_signed_in(actor)
    number = normalise_tracking(tracking)
    found = _case(session, number) if number else None
    if found is None or not may_read(actor, found[1]):
        raise NotFound("case")
    return found


def _handled(session: Session, actor: Actor, tracking: str) -> tuple[FeedbackCase, Organisation]:
    case, org = _readable(session, actor, tracking)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org_name(org))
    return case, org


def _view(
    actor: Actor, case: FeedbackCase, org: Organisation, names: dict[int, str], now: datetime
) -> CaseView:
    contact_ok = actor.is_system or may_read_contact(actor, org)
    return CaseView(
        tracking=case.tracking,
        kind=FeedbackKind(case.kind),
        institution=org.code,
        institution_name=_name(org),
        service=case.service_code,
        state=CaseState(case.state),
        rating=case.rating,
        channel=Channel(case.channel),
        visits=case.visits,
        text=case.body,
        hidden=case.hidden,
        hidden_reason=HideReason(case.hidden_reason) if case.hidden_reason else None,
        contact=case.contact if contact_ok else None,
        contact_consent=case.contact_consent,
        contact_given=case.contact is not None,
        assigned_to=names.get(case.assigned_to) if case.assigned_to else None,
        answer=case.answer,
        change_made=case.change_made,
        received_at=case.received_at,
        due_at=case.due_at,
        answered_at=case.answered_at,
        closed_at=case.closed_at,
        overdue=case.answered_at is None and case.due_at < now,
        referrals=[{k: str(v) for k, v in r.items()} for r in case.referrals or []],
        illustrative=case.illustrative,
        can_handle=may_handle(actor, org),
    )


def _usernames(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.username).where(User.id.in_(wanted))).all())


def _facts(case: FeedbackCase) -> CaseFacts:
    return CaseFacts(
        state=case.state,
        received_at=case.received_at,
        due_at=case.due_at,
        answered_at=case.answered_at,
        hidden=case.hidden,
        body=case.body,
        answer=case.answer,
        change_made=case.change_made,
    )


def _on_time(cases: Iterable[FeedbackCase], now: datetime) -> OnTimeView:
    k = answered_on_time((_facts(c) for c in cases if c.kind == FeedbackKind.COMPLAINT), now)
    return OnTimeView(
        counted=k.counted,
        on_time=k.on_time,
        late=k.late,
        overdue_open=k.overdue_open,
        open_in_time=k.open_in_time,
        share=k.share,
    )


def visible_cases(
    session: Session, actor: Actor, state: str | None = None
) -> list[tuple[FeedbackCase, Organisation]]:
    q = select(FeedbackCase, Organisation).join(Organisation, Organisation.id == FeedbackCase.org_id)
    if state:
        q = q.where(FeedbackCase.state == state)
    rows = session.execute(q.order_by(FeedbackCase.received_at.desc(), FeedbackCase.id.desc()))
    return [(c, o) for c, o in rows if may_read(actor, o)]


def inbox(
    session: Session, actor: Actor, *, state: CaseState | None = None, now: datetime | None = None
) -> Inbox:
    """The cases of every institution the caller may read, newest first, with the on-time KPI over them."""
    require_signed_in(actor)
    now = now or utcnow()
    rows = visible_cases(session, actor, str(state) if state else None)
    names = _usernames(session, (c.assigned_to for c, _ in rows))
    every = rows if state is None else visible_cases(session, actor)
    return Inbox(
        cases=[_view(actor, c, o, names, now) for c, o in rows],
        on_time=_on_time((c for c, _ in every), now),
    )


def get_case(session: Session, actor: Actor, tracking: str, *, now: datetime | None = None) -> CaseView:
    case, org = _readable(session, actor, tracking)
    return _view(actor, case, org, _usernames(session, [case.assigned_to]), now or utcnow())


def _move(case: FeedbackCase, to: CaseState, action: str) -> None:
    if not may_move(case.state, to):
        raise ValidationFailed.one(P.WRONG_STATE, Location(field="state"), state=case.state, action=action)
    case.state = str(to)
    case.version += 1


def _done(
    session: Session, actor: Actor, action: str, case: FeedbackCase, org: Organisation, before: Any
) -> CaseView:
    session.flush()
    record(
        session,
        actor,
        f"feedback.{action}",
        "feedback",
        case.tracking,
        before=before,
        after=_audit_state(case, org),
    )
    return get_case(session, actor, case.tracking)


def assign(session: Session, actor: Actor, tracking: str, *, username: str | None = None) -> CaseView:
    """Give a case to one of the institution's handlers (the caller when no one is named)."""
    case, org = _handled(session, actor, tracking)
    before = _audit_state(case, org)
    user_id = actor.user_id
    if username:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationFailed.one(
                P.BAD_VALUE, Location(field="username"), value=username[:64], column="username"
            )
        user_id = user.id
    _move(case, CaseState.ASSIGNED, "assigned")
    case.assigned_to = user_id
    return _done(session, actor, "assign", case, org, before)


def answer(
    session: Session,
    actor: Actor,
    tracking: str,
    *,
    text: str,
    change_made: str | None = None,
    now: datetime | None = None,
) -> CaseView:
    """The institution's answer to the person (a received case is assigned to the caller first);
    ``change_made`` goes on the public "you said, we did" record."""
    case, org = _handled(session, actor, tracking)
    text = clean_text(text)
    if not text:
        raise ValidationFailed.one(P.ANSWER_REQUIRED, Location(field="text"))
    for field, value in (("text", text), ("change_made", change_made or "")):
        if len(value) > MAX_TEXT:
            raise ValidationFailed.one(P.TEXT_TOO_LONG, Location(field=field), max=MAX_TEXT)
    before = _audit_state(case, org)
    if case.state == CaseState.RECEIVED:
        _move(case, CaseState.ASSIGNED, "assigned")
        case.assigned_to = actor.user_id
    _move(case, CaseState.ANSWERED, "answered")
    case.answer = text
    case.change_made = clean_text(change_made) or None if change_made else None
    case.answered_at = now or utcnow()
    return _done(session, actor, "answer", case, org, before)


def close(session: Session, actor: Actor, tracking: str, *, now: datetime | None = None) -> CaseView:
    case, org = _handled(session, actor, tracking)
    before = _audit_state(case, org)
    _move(case, CaseState.CLOSED, "closed")
    case.closed_at = now or utcnow()
    return _done(session, actor, "close", case, org, before)


def moderate(
    session: Session, actor: Actor, tracking: str, *, hide: bool, reason: HideReason | None = None
) -> CaseView:
    """Hide a case's text from everything public (abusive, personal data …) or show it again; audited
    with the reason, never with the text."""
    case, org = _handled(session, actor, tracking)
    if hide and reason is None:
        raise ValidationFailed.one(P.REASON_REQUIRED, Location(field="reason"))
    before = {**_audit_state(case, org), "hidden_reason": case.hidden_reason}
    case.hidden = hide
    case.hidden_reason = str(reason) if hide and reason else None
    case.version += 1
    session.flush()
    record(
        session,
        actor,
        "feedback.hide" if hide else "feedback.show",
        "feedback",
        case.tracking,
        before=before,
        after={**_audit_state(case, org), "hidden_reason": case.hidden_reason},
    )
    return get_case(session, actor, case.tracking)


def refer(
    session: Session,
    actor: Actor,
    tracking: str,
    *,
    institution: str,
    note: str = "",
    now: datetime | None = None,
) -> CaseView:
    """Send a case on to the institution concerned (kept in its referral history); it starts there as
    received. The caller must handle the case where it is now."""
    case, org = _handled(session, actor, tracking)
    if case.state == CaseState.CLOSED:
        raise ValidationFailed.one(
            P.WRONG_STATE, Location(field="state"), state=case.state, action="referred"
        )
    target = session.scalar(select(Organisation).where(Organisation.code == institution))
    if target is None:
        raise ValidationFailed.one(
            P.UNKNOWN_INSTITUTION, Location(field="institution"), value=institution[:64]
        )
    before = _audit_state(case, org)
    at = (now or utcnow()).isoformat()
    case.referrals = [
        *(case.referrals or []),
        {"from": org.code, "to": target.code, "at": at, "note": clean_text(note)[:500]},
    ]
    case.org_id, case.state, case.assigned_to, case.service_code = (
        target.id,
        str(CaseState.RECEIVED),
        None,
        None,
    )
    case.version += 1
    session.flush()
    record(
        session,
        actor,
        "feedback.refer",
        "feedback",
        case.tracking,
        before=before,
        after=_audit_state(case, target),
    )
    return _view(actor, case, target, {}, now or utcnow())


class Choice(BaseModel):
    code: str
    name: Translated


class FormChoices(BaseModel):
    """What the public form offers: every institution and the services of each."""

    institutions: list[Choice]
    services: dict[str, list[Choice]] = Field(description="the services of each institution, by its code")


def form_choices(session: Session) -> FormChoices:
    orgs = list(session.scalars(select(Organisation).order_by(Organisation.code)))
    code_of = {o.id: o.code for o in orgs}
    offered: dict[str, list[Choice]] = {}
    for svc in session.scalars(select(Service).order_by(Service.code)):
        name = svc.record.get("name") or {"en": svc.code, "ar": svc.code, "ckb": svc.code}
        offered.setdefault(code_of[svc.owner_org_id], []).append(
            Choice(code=svc.code, name=Translated.model_validate(name))
        )
    return FormChoices(institutions=[Choice(code=o.code, name=_name(o)) for o in orgs], services=offered)


def public_on_time(session: Session, *, now: datetime | None = None) -> OnTimeView:
    """The on-time KPI over every institution's complaints (published: it names no case)."""
    rows = session.scalars(select(FeedbackCase).where(FeedbackCase.kind == FeedbackKind.COMPLAINT))
    return _on_time(rows, now or utcnow())
