"""Support for a proposal: a participant supports a published comment of an open consultation, once."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n.vocabulary import CommentState
from raqmana.participation import errors as P
from raqmana.problems import Location
from raqmana.store.models import Consultation, ConsultationComment, ConsultationSection
from raqmana.store.models.participation import ConsultationParticipant, ConsultationSupport
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import is_open, may_take_part
from raqmana.workspace.exceptions import NotFound, ValidationFailed


class SupportCount(BaseModel):
    comment_id: int
    supports: int
    supported: bool = True


def support(
    session: Session,
    *,
    consultation_id: int,
    comment_id: int,
    person: ConsultationParticipant,
    actor: Actor | None = None,
    now: datetime | None = None,
) -> SupportCount:
    """``person`` supports the comment; supporting again changes nothing."""
    now = now or utcnow()
    row = session.execute(
        select(ConsultationComment, Consultation)
        .join(ConsultationSection, ConsultationSection.id == ConsultationComment.section_id)
        .join(Consultation, Consultation.id == ConsultationSection.consultation_id)
        .where(ConsultationComment.id == comment_id, Consultation.id == consultation_id)
    ).first()
    if row is None or row[0].state != CommentState.PUBLISHED:
        raise NotFound("comment")
    comment, c = row
    if not is_open(c, now):
        raise ValidationFailed.one(
            P.CONSULTATION_CLOSED,
            Location(field="comment_id"),
            opens=c.opens_at.date().isoformat(),
            closes=c.closes_at.date().isoformat(),
        )
    may_take_part(session, c, person=person, actor=actor)
    done = session.scalar(
        select(ConsultationSupport.id).where(
            ConsultationSupport.comment_id == comment.id, ConsultationSupport.participant_id == person.id
        )
    )
    if done is None:
        session.add(ConsultationSupport(comment_id=comment.id, participant_id=person.id, created_at=now))
        session.flush()
    count = session.scalar(
        select(func.count())
        .select_from(ConsultationSupport)
        .where(ConsultationSupport.comment_id == comment.id)
    )
    return SupportCount(comment_id=comment.id, supports=count or 0)
