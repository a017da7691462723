"""The public side of a consultation as the web serves it: everything a participant does, named by the
token their browser keeps (or none), and the page with the questions (results after the close) and what
the visitor themselves may do."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import CommentReceipt, ConsultationView, add_comment, read_consultation
from raqmana.workspace.participation_people import participant, require_participant
from raqmana.workspace.participation_questions import AnswersReceipt, QuestionView, answer, questions_of
from raqmana.workspace.participation_support import SupportCount, support


class Visitor(BaseModel):
    """Who is reading: a participant (verified or not) or nobody yet."""

    participant: bool = False
    verified: bool = False


class PublicConsultation(BaseModel):
    consultation: ConsultationView
    questions: list[QuestionView]
    visitor: Visitor


def page(
    session: Session,
    *,
    consultation_id: int,
    secret: str,
    token: str | None,
    now: datetime | None = None,
    page: int = 1,
) -> PublicConsultation:
    """The public page of a consultation with the ``page``-th page of comments of each section."""
    now = now or utcnow()
    person = participant(session, secret=secret, token=token)
    return PublicConsultation(
        consultation=read_consultation(session, consultation_id=consultation_id, now=now, page=page),
        questions=questions_of(session, consultation_id=consultation_id, now=now),
        visitor=Visitor(participant=person is not None, verified=bool(person and person.verified_at)),
    )


class Content(BaseModel):
    """What every visitor of a consultation's page sees alike."""

    consultation: ConsultationView
    questions: list[QuestionView]


def content(session: Session, *, consultation_id: int, page: int = 1, now: datetime | None = None) -> Content:
    now = now or utcnow()
    return Content(
        consultation=read_consultation(session, consultation_id=consultation_id, now=now, page=page),
        questions=questions_of(session, consultation_id=consultation_id, now=now),
    )


def visitor(session: Session, *, secret: str, token: str | None) -> Visitor:
    """Who is reading (one lookup by the token's hash; nobody without a token)."""
    person = participant(session, secret=secret, token=token) if token else None
    return Visitor(participant=person is not None, verified=bool(person and person.verified_at))


def comment(
    session: Session,
    *,
    secret: str,
    token: str | None,
    actor: Actor | None,
    consultation_id: int,
    section_id: int,
    text: str,
    lang: str,
    client: str,
    parent_id: int | None = None,
) -> CommentReceipt:
    return add_comment(
        session,
        consultation_id=consultation_id,
        section_id=section_id,
        text=text,
        lang=lang,
        client=client,
        parent_id=parent_id,
        person=participant(session, secret=secret, token=token),
        actor=actor,
    )


def support_comment(
    session: Session,
    *,
    secret: str,
    token: str | None,
    actor: Actor | None,
    consultation_id: int,
    comment_id: int,
) -> SupportCount:
    person = require_participant(session, secret=secret, token=token)
    return support(
        session, consultation_id=consultation_id, comment_id=comment_id, person=person, actor=actor
    )


def answer_questions(
    session: Session,
    *,
    secret: str,
    token: str | None,
    actor: Actor | None,
    consultation_id: int,
    answers: dict[int, Any],
) -> AnswersReceipt:
    person = require_participant(session, secret=secret, token=token)
    return answer(session, consultation_id=consultation_id, answers=answers, person=person, actor=actor)
