"""Review: a reviewer accepts or returns each submitted answer with a comment; anyone who can read an
answer can comment on it. Only accepted answers feed scoring."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from raqmana.problems import Location
from raqmana.store.models import Assessment, Organisation, Response, ReviewComment
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.answers import MAX_TEXT
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Conflict, Forbidden, ValidationFailed
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.permissions import get_assessment_for_user, get_response_for_user, institution_rights
from raqmana.workspace.response_views import comment_view, response_view, response_views
from raqmana.workspace.responses import add_revision, check_version_arg
from raqmana.workspace.views import CommentView, ResponseState, ResponseView

DECISIONS = {"accept": ResponseState.ACCEPTED, "return": ResponseState.RETURNED}


def _comment_text(text: str, field: str = "comment") -> str:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise ValidationFailed.one(E.TEXT_TOO_LONG, Location(field=field), max=MAX_TEXT)
    return text


def review(
    session: Session,
    actor: Actor,
    *,
    response_id: int,
    decision: str,
    comment: str = "",
    expected_version: int,
) -> ResponseView:
    """Accept or return one submitted answer (an accepted one may be returned again)."""
    check_version_arg(expected_version)
    r, rights = get_response_for_user(session, actor, response_id)
    if not rights.review:
        raise Forbidden()
    target = DECISIONS.get(decision)
    if target is None:
        raise ValidationFailed.one(E.DECISION_INVALID, Location(field="decision"), value=str(decision)[:20])
    assessment = session.get(Assessment, r.assessment_id)
    assert assessment is not None
    if assessment.status != "open":
        raise Forbidden(E.ROUND_CLOSED)
    text = _comment_text(comment)
    if target is ResponseState.RETURNED and not text:
        raise ValidationFailed.one(E.RETURN_NEEDS_COMMENT, Location(field="comment"))
    framework = get_framework(session, assessment.framework_version_id)
    if r.version != expected_version:
        view = response_view(session, r, framework)
        raise Conflict(E.STALE_VERSION, current=view, author=view.assessor or "?", version=view.version)
    allowed_from = (ResponseState.SUBMITTED,) + (
        (ResponseState.ACCEPTED,) if target is ResponseState.RETURNED else ()
    )
    if r.state not in allowed_from:
        raise Forbidden(E.NOT_REVIEWABLE, state=E.STATES[r.state])
    if r.assessor_id is not None and r.assessor_id == actor.user_id:
        raise Forbidden(E.SELF_REVIEW)
    now = utcnow()
    before = {"state": r.state, "version": r.version}
    r.state, r.version, r.reviewed_at, r.reviewed_by, r.updated_at = (
        target.value,
        r.version + 1,
        now,
        actor.user_id,
        now,
    )
    try:
        with session.begin_nested():
            session.flush([r])
    except StaleDataError:
        session.expire_all()
        view = response_view(session, r, framework)
        raise Conflict(
            E.STALE_VERSION, current=view, author=view.assessor or "?", version=view.version
        ) from None
    add_revision(session, r, decision, actor, now, text)
    if text:
        session.add(
            ReviewComment(
                response_id=r.id,
                author_id=actor.user_id,
                author_name=actor.display_name,
                kind=decision,
                text=text,
                response_version=r.version,
                at=now,
            )
        )
    session.flush()
    record(
        session,
        actor,
        f"response.{decision}",
        "response",
        r.id,
        before=before,
        after={"state": r.state, "version": r.version, "comment": text},
    )
    return response_view(session, r, framework)


def add_comment(session: Session, actor: Actor, *, response_id: int, text: str) -> CommentView:
    """Focal points, reviewers and coordinators of the answer may comment; viewers only read."""
    r, rights = get_response_for_user(session, actor, response_id)
    if not (rights.answer or rights.review or rights.manage):
        raise Forbidden()
    body = _comment_text(text, "text")
    if not body:
        raise ValidationFailed.one(E.COMMENT_REQUIRED, Location(field="text"))
    c = ReviewComment(
        response_id=r.id,
        author_id=actor.user_id,
        author_name=actor.display_name,
        kind="comment",
        text=body,
        response_version=r.version,
        at=utcnow(),
    )
    session.add(c)
    session.flush()
    record(session, actor, "comment.create", "response", r.id, after={"comment_id": c.id, "text": body})
    return comment_view(c)


def list_comments(session: Session, actor: Actor, *, response_id: int) -> list[CommentView]:
    r, _ = get_response_for_user(session, actor, response_id)
    rows = session.scalars(
        select(ReviewComment).where(ReviewComment.response_id == r.id).order_by(ReviewComment.id)
    )
    return [comment_view(c) for c in rows]


def review_queue(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str | None = None
) -> list[ResponseView]:
    """Submitted answers the actor may review (optionally of one institution), oldest first."""
    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    reviewable = {
        oid: org for oid, (org, r) in institution_rights(session, actor, assessment_id).items() if r.review
    }
    if institution_code is not None:
        reviewable = {oid: o for oid, o in reviewable.items() if o.code == institution_code}
    if not reviewable:
        return []
    rows = list(
        session.scalars(
            select(Response)
            .join(Organisation, Organisation.id == Response.org_id)
            .where(
                Response.assessment_id == assessment_id,
                Response.state == ResponseState.SUBMITTED.value,
                Response.org_id.in_(reviewable),
            )
            .order_by(Response.submitted_at, Response.id)
        )
    )
    return response_views(session, rows, get_framework(session, assessment.framework_version_id))
