"""Answers: save one (autosave-friendly, optimistic version), submit a page or an institution, read
one with its full history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from raqmana.frameworks import Framework, Indicator
from raqmana.problems import Location
from raqmana.store.models import Assessment, Organisation, Response, ResponseRevision
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.answers import Answer, Value, coerce
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.permissions import get_institution_for_user, get_response_for_user
from raqmana.workspace.response_views import response_view, response_views
from raqmana.workspace.views import ResponseState, ResponseView, RevisionView, Rights, SubmitReport

EDITABLE = (ResponseState.DRAFT, ResponseState.RETURNED)


@dataclass(frozen=True, slots=True)
class Context:
    """An institution of a round, as seen by one actor."""

    assessment: Assessment
    org: Organisation
    rights: Rights
    framework: Framework


def context(session: Session, actor: Actor, assessment_id: int, institution_code: str) -> Context:
    org, rights = get_institution_for_user(session, actor, assessment_id, institution_code)
    assessment = session.get(Assessment, assessment_id)
    assert assessment is not None
    return Context(assessment, org, rights, get_framework(session, assessment.framework_version_id))


def require_answer_rights(ctx: Context) -> None:
    if not ctx.rights.answer:
        raise Forbidden()
    if ctx.assessment.status != "open":
        raise Forbidden(E.ROUND_CLOSED)


def check_version_arg(version: object) -> None:
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ValidationFailed.one(E.NUMBER_INVALID, Location(field="version"), value=str(version)[:20])


def indicator_of(framework: Framework, indicator_id: str, location: Location | None = None) -> Indicator:
    try:
        return framework.indicator(indicator_id)
    except KeyError:
        raise ValidationFailed.one(
            E.UNKNOWN_INDICATOR, location or Location(field="indicator_id"), indicator=str(indicator_id)[:64]
        ) from None


def add_revision(
    session: Session, r: Response, action: str, actor: Actor, at: datetime, comment: str = ""
) -> None:
    session.add(
        ResponseRevision(
            response_id=r.id,
            version=r.version,
            state=r.state,
            action=action,
            actor_id=actor.user_id,
            actor_name=actor.display_name,
            at=at,
            comment=comment,
            stage=r.stage,
            number=r.number,
            choice=r.choice,
            text=r.text,
            is_na=r.is_na,
            dont_know=r.dont_know,
            justification=r.justification,
        )
    )


def set_value(r: Response, v: Value) -> None:
    r.stage, r.number, r.choice, r.text = v.stage, v.number, v.choice, v.text
    r.is_na, r.dont_know, r.justification, r.answered = v.is_na, v.dont_know, v.justification, v.answered


def find_response(session: Session, assessment_id: int, org_id: int, indicator_id: str) -> Response | None:
    return session.scalar(
        select(Response).where(
            Response.assessment_id == assessment_id,
            Response.org_id == org_id,
            Response.indicator_id == indicator_id,
        )
    )


def stale(session: Session, ctx: Context, indicator_id: str) -> Conflict:
    """A Conflict carrying the answer as it is now in the database."""
    session.expire_all()
    current = find_response(session, ctx.assessment.id, ctx.org.id, indicator_id)
    if current is None:
        return Conflict(E.STALE_VERSION, author="?", version=0)
    view = response_view(session, current, ctx.framework)
    return Conflict(E.STALE_VERSION, current=view, author=view.assessor or "?", version=view.version)


def new_response(
    session: Session, ctx: Context, indicator: Indicator, actor: Actor, at: datetime
) -> Response:
    """Insert a blank draft (inside a savepoint: a concurrent insert becomes a Conflict, not a crash)."""
    r = Response(
        assessment_id=ctx.assessment.id,
        org_id=ctx.org.id,
        indicator_id=indicator.id,
        pillar_id=ctx.framework.pillar_of(indicator.id).id,
        state=ResponseState.DRAFT.value,
        version=0,
        assessor_id=actor.user_id,
        created_at=at,
        updated_at=at,
        answered=False,
        justification="",
    )
    try:
        with session.begin_nested():
            session.add(r)
    except IntegrityError:
        raise stale(session, ctx, indicator.id) from None
    return r


def save_answer(
    session: Session,
    actor: Actor,
    *,
    assessment_id: int,
    institution_code: str,
    indicator_id: str,
    answer: Answer,
    expected_version: int,
) -> ResponseView:
    """Save one answer. ``expected_version`` is the version the form showed (0: no answer yet).
    A draft whose answer and justification equal the stored ones returns the current version without
    writing anything (no version, no revision, no audit event), whatever ``expected_version`` says."""
    check_version_arg(expected_version)
    ctx = context(session, actor, assessment_id, institution_code)
    require_answer_rights(ctx)
    indicator = indicator_of(ctx.framework, indicator_id)
    value = coerce(indicator, answer)
    now = utcnow()
    r = find_response(session, ctx.assessment.id, ctx.org.id, indicator.id)
    if r is not None and r.state == ResponseState.DRAFT and Value.of(r) == value:
        # nothing to store (an autosave of an untouched form, or the same edit sent twice — e.g. the Save
        # button right after the autosave): no new version, no revision, no conflict even if the form's
        # version is older, since nobody's value is overwritten
        return response_view(session, r, ctx.framework)
    if r is not None and r.version != expected_version:
        raise stale(session, ctx, indicator.id)
    if r is not None and ResponseState(r.state) not in EDITABLE:
        raise Forbidden(E.ANSWER_LOCKED, state=E.STATES[r.state])
    before = Value.of(r).as_dict() if r is not None and r.version > 0 else None
    if r is None:
        r = new_response(session, ctx, indicator, actor, now)
    write(session, ctx, r, value, actor, now, "save")
    record_many(
        session,
        [
            draft(
                actor,
                "response.save",
                "response",
                r.id,
                before=before,
                after={**value.as_dict(), "version": r.version, "state": r.state},
            )
        ],
    )
    return response_view(session, r, ctx.framework)


def write(
    session: Session, ctx: Context, r: Response, value: Value, actor: Actor, at: datetime, action: str
) -> None:
    """Store ``value`` as the next version (draft), with its revision; a concurrent change → Conflict."""
    set_value(r, value)
    r.state = ResponseState.DRAFT.value
    r.version += 1
    r.assessor_id, r.updated_at = actor.user_id, at
    try:
        with session.begin_nested():
            session.flush([r])
    except StaleDataError:
        raise stale(session, ctx, r.indicator_id) from None
    add_revision(session, r, action, actor, at)


def submit(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str, pillar_id: str | None = None
) -> SubmitReport:
    """Send the answered drafts of one page (pillar) or of the whole institution to review."""
    ctx = context(session, actor, assessment_id, institution_code)
    require_answer_rights(ctx)
    wanted = [
        i.id
        for p in ctx.framework.pillars
        if pillar_id in (None, p.id)
        for s in p.sub_areas
        for i in s.indicators
    ]
    if pillar_id is not None and not wanted:
        raise NotFound("response")
    existing = {
        r.indicator_id: r
        for r in session.scalars(
            select(Response).where(
                Response.assessment_id == assessment_id,
                Response.org_id == ctx.org.id,
                Response.indicator_id.in_(wanted),
            )
        )
    }
    now = utcnow()
    skipped: list[str] = []
    done = already = 0
    events = []
    for ind in wanted:
        r = existing.get(ind)
        if r is None or (r.state in EDITABLE and not r.answered):
            skipped.append(ind)
            continue
        if r.state not in EDITABLE:
            already += 1
            continue
        r.state, r.version, r.submitted_at, r.updated_at = (
            ResponseState.SUBMITTED.value,
            r.version + 1,
            now,
            now,
        )
        add_revision(session, r, "submit", actor, now)
        events.append(draft(actor, "response.submit", "response", r.id, after={"version": r.version}))
        done += 1
    try:
        with session.begin_nested():
            session.flush()
    except StaleDataError:
        raise Conflict(E.STALE_VERSION, author="?", version="?") from None
    record_many(session, events)
    return SubmitReport(done, skipped, already)


def get_response(session: Session, actor: Actor, response_id: int) -> tuple[ResponseView, Rights]:
    r, rights = get_response_for_user(session, actor, response_id)
    assessment = session.get(Assessment, r.assessment_id)
    assert assessment is not None
    return response_view(session, r, get_framework(session, assessment.framework_version_id)), rights


def list_responses(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str
) -> list[ResponseView]:
    ctx = context(session, actor, assessment_id, institution_code)
    rows = list(
        session.scalars(
            select(Response)
            .where(Response.assessment_id == assessment_id, Response.org_id == ctx.org.id)
            .order_by(Response.id)
        )
    )
    return response_views(session, rows, ctx.framework)


def response_history(session: Session, actor: Actor, response_id: int) -> list[RevisionView]:
    """Every value the answer ever had, oldest first."""
    r, _ = get_response_for_user(session, actor, response_id)
    rows = session.scalars(
        select(ResponseRevision)
        .where(ResponseRevision.response_id == r.id)
        .order_by(ResponseRevision.version, ResponseRevision.id)
    )
    return [
        RevisionView(
            v.version,
            ResponseState(v.state),
            v.action,
            v.stage,
            v.number,
            v.choice,
            v.text,
            v.is_na,
            v.dont_know,
            v.justification,
            v.actor_name,
            v.at,
            v.comment,
        )
        for v in rows
    ]
