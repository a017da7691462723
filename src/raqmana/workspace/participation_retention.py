"""Retention and deletion of what people wrote in consultations.

A consultation may keep its contributions for a number of days after it closes; then the purge (the job
``consultation_purge``, run by ``raqmana worker`` or ``raqmana consultations purge``) deletes its
comments, supports and answers, and keeps the consultation, its draft and its response report. A
person deletes their own comment with the tracking code they were given, or everything they wrote with
their participant account (:func:`raqmana.workspace.participation_people.forget_participant`). The
audit chain keeps that a deletion happened and how much went, never the content.

A deleted comment that has replies is not taken out of the thread: it stays as a placeholder (state
``removed``: no text, no author, no tracking code) so that the replies stay under it; a placeholder goes
once it has no reply left.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session, aliased

from raqmana.i18n.vocabulary import CommentState
from raqmana.participation import errors as P
from raqmana.participation.tracking import normalise_tracking
from raqmana.problems import Location
from raqmana.store.models import Consultation, ConsultationComment, ConsultationSection
from raqmana.store.models.participation import (
    ConsultationAnswer,
    ConsultationQuestion,
    ConsultationSupport,
)
from raqmana.store.types import utcnow
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import NotFound, ValidationFailed
from raqmana.workspace.participation import PUBLIC

PURGE = "consultation_purge"


class Purged(BaseModel):
    consultations: int
    comments: int
    answers: int


def purge_expired(session: Session, *, now: datetime | None = None) -> Purged:
    """Delete the contributions of every consultation whose retention period has ended."""
    now = now or utcnow()
    due = [
        c
        for c in session.scalars(
            select(Consultation).where(
                Consultation.retention_days.is_not(None), Consultation.purged_at.is_(None)
            )
        )
        if c.retention_days is not None and c.closes_at + timedelta(days=c.retention_days) <= now
    ]
    total = Purged(consultations=0, comments=0, answers=0)
    for c in due:
        sections = select(ConsultationSection.id).where(ConsultationSection.consultation_id == c.id)
        questions = select(ConsultationQuestion.id).where(ConsultationQuestion.consultation_id == c.id)
        # every comment of the consultation in one statement: whole threads go, no reply is left behind
        comments = session.execute(
            delete(ConsultationComment).where(ConsultationComment.section_id.in_(sections))
        )
        answers = session.execute(
            delete(ConsultationAnswer).where(ConsultationAnswer.question_id.in_(questions))
        )
        n_comments = comments.rowcount or 0  # type: ignore[attr-defined]
        n_answers = answers.rowcount or 0  # type: ignore[attr-defined]
        c.purged_at = now
        session.flush()
        record(
            session,
            PUBLIC,
            "consultation.purge",
            "consultation",
            c.id,
            after={"comments": n_comments, "answers": n_answers, "retention_days": c.retention_days},
        )
        total = Purged(
            consultations=total.consultations + 1,
            comments=total.comments + n_comments,
            answers=total.answers + n_answers,
        )
    return total


def remove_comments(session: Session, ids: list[int]) -> int:
    """Delete the comments ``ids``: those with replies become placeholders (the replies stay under them),
    the others go, and so do placeholders left without replies. How many of ``ids`` were removed."""
    wanted = set(ids)
    if not wanted:
        return 0
    reply = aliased(ConsultationComment)
    has_reply = exists().where(reply.parent_id == ConsultationComment.id)
    parents = _parents(session, wanted)
    left = set(wanted)
    while left:  # leaves first: a comment whose replies all go goes too (its replies never re-parented)
        gone = set(
            session.scalars(
                select(ConsultationComment.id).where(ConsultationComment.id.in_(left), ~has_reply)
            )
        )
        if not gone:
            break
        parents |= _parents(session, gone)
        session.execute(delete(ConsultationComment).where(ConsultationComment.id.in_(gone)))
        left -= gone
    if left:
        session.execute(
            update(ConsultationComment)
            .where(ConsultationComment.id.in_(left))
            .values(
                body="",
                state=str(CommentState.REMOVED),
                reason=None,
                participant_id=None,
                tracking=None,
            )
        )
        session.execute(delete(ConsultationSupport).where(ConsultationSupport.comment_id.in_(left)))
    _drop_bare_placeholders(session, parents - wanted)
    return len(wanted)


def _parents(session: Session, ids: set[int]) -> set[int]:
    return {
        p
        for p in session.scalars(select(ConsultationComment.parent_id).where(ConsultationComment.id.in_(ids)))
        if p is not None
    }


def _drop_bare_placeholders(session: Session, ids: set[int]) -> None:
    """Placeholders among ``ids`` without a reply left go, and then their own bare placeholder parents."""
    reply = aliased(ConsultationComment)
    has_reply = exists().where(reply.parent_id == ConsultationComment.id)
    while ids:
        bare = list(
            session.execute(
                select(ConsultationComment.id, ConsultationComment.parent_id).where(
                    ConsultationComment.id.in_(ids),
                    ConsultationComment.state == CommentState.REMOVED,
                    ~has_reply,
                )
            )
        )
        if not bare:
            return
        session.execute(delete(ConsultationComment).where(ConsultationComment.id.in_([i for i, _ in bare])))
        ids = {p for _, p in bare if p is not None}


class CommentForgotten(BaseModel):
    deleted: bool = True


def forget_comment(session: Session, *, tracking: str) -> CommentForgotten:
    """Delete one's own comment by the tracking code given when it was sent."""
    number = normalise_tracking(tracking)
    if number is None:
        raise ValidationFailed.one(
            P.TRACKING_INVALID, Location(field="tracking"), value=tracking.strip()[:40]
        )
    cid = session.scalar(select(ConsultationComment.id).where(ConsultationComment.tracking == number))
    if cid is None:
        raise NotFound("comment")
    remove_comments(session, [cid])
    record(session, PUBLIC, "comment.forget", "consultation_comment", cid, after={"deleted": True})
    return CommentForgotten()


def run_purge(ws: Any, payload: dict[str, Any], progress: Any) -> dict[str, Any]:
    """The ``consultation_purge`` job."""
    with ws.transaction() as session:
        return purge_expired(session).model_dump()
