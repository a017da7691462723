"""Retention and deletion of what people wrote in consultations.

A consultation may keep its contributions for a number of days after it closes; then the purge (the job
``consultation_purge``, run by ``raqmana worker`` or ``raqmana consultations purge``) deletes its
comments, supports and answers, and keeps the consultation, its draft and its response report. A
person deletes their own comment with the tracking code they were given, or everything they wrote with
their participant account (:func:`raqmana.workspace.participation_people.forget_participant`). The
audit chain keeps that a deletion happened and how much went, never the content.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from raqmana.participation import errors as P
from raqmana.participation.tracking import normalise_tracking
from raqmana.problems import Location
from raqmana.store.models import Consultation, ConsultationComment, ConsultationSection
from raqmana.store.models.participation import ConsultationAnswer, ConsultationQuestion
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
        # replies first: a reply's parent is set to NULL when the parent goes, which needs no second pass
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


class CommentForgotten(BaseModel):
    deleted: bool = True


def forget_comment(session: Session, *, tracking: str) -> CommentForgotten:
    """Delete one's own comment by the tracking code given when it was sent."""
    number = normalise_tracking(tracking)
    if number is None:
        raise ValidationFailed.one(
            P.TRACKING_INVALID, Location(field="tracking"), value=tracking.strip()[:40]
        )
    m = session.scalar(select(ConsultationComment).where(ConsultationComment.tracking == number))
    if m is None:
        raise NotFound("comment")
    cid = m.id
    session.delete(m)
    session.flush()
    record(session, PUBLIC, "comment.forget", "consultation_comment", cid, after={"deleted": True})
    return CommentForgotten()


def run_purge(ws: Any, payload: dict[str, Any], progress: Any) -> dict[str, Any]:
    """The ``consultation_purge`` job."""
    with ws.transaction() as session:
        return purge_expired(session).model_dump()
