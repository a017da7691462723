"""Questions of a consultation: the owner institution's handlers set them (free text, single or multiple
choice, ranking, Likert); participants answer while it is open (one answer per question each, replaced
when they answer again); once it has closed, everyone reads the results on the consultation's page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.participation import errors as P
from raqmana.participation.questions import (
    AnswerError,
    QuestionKind,
    check_answer,
    question_problem,
    summarise,
)
from raqmana.problems import Location
from raqmana.store.models.participation import (
    ConsultationAnswer,
    ConsultationParticipant,
    ConsultationQuestion,
)
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.consultations import _get, is_open, may_take_part
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.orgs import org_name
from raqmana.workspace.participation import may_handle, require_signed_in


class QuestionIn(BaseModel):
    kind: QuestionKind
    prompt: Translated
    options: list[Translated] = Field(default_factory=list, max_length=20)
    required: bool = False


class QuestionResult(BaseModel):
    """The answers to one question, shown once the consultation has closed: per option the count (the
    Borda points of a ranking; per point 1–5 of a Likert scale), the mean Likert point, free texts masked."""

    answered: int
    counts: list[int]
    mean: float | None
    texts: list[str]


class QuestionView(BaseModel):
    id: int
    kind: QuestionKind
    prompt: Translated
    options: list[Translated]
    required: bool
    result: QuestionResult | None = Field(None, description="after the consultation has closed")


class AnswersIn(BaseModel):
    """Answers by question id: text, an option index (0-based), a list of indexes (multiple choice; a
    ranking lists every index, preferred first) or a Likert point 1–5."""

    answers: dict[int, Any] = Field(max_length=100)


class AnswersReceipt(BaseModel):
    answered: int


def set_questions(
    session: Session, actor: Actor, *, consultation_id: int, questions: list[QuestionIn]
) -> list[QuestionView]:
    """Replace the questions of a consultation nobody has answered yet."""
    require_signed_in(actor)
    c, org = _get(session, consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org_name(org))
    for n, q in enumerate(questions):
        if code := question_problem(q.kind, len(q.options)):
            raise ValidationFailed.one(code, Location(field=f"questions[{n}].options"))
    old = [
        q.id
        for q in session.scalars(
            select(ConsultationQuestion).where(ConsultationQuestion.consultation_id == c.id)
        )
    ]
    answered = session.scalar(
        select(func.count()).select_from(ConsultationAnswer).where(ConsultationAnswer.question_id.in_(old))
    )
    if answered:
        raise ValidationFailed.one(P.NOT_EDITABLE, Location(field="questions"))
    session.execute(delete(ConsultationQuestion).where(ConsultationQuestion.consultation_id == c.id))
    for n, q in enumerate(questions, start=1):
        session.add(
            ConsultationQuestion(
                consultation_id=c.id,
                position=n,
                kind=str(q.kind),
                prompt=q.prompt.model_dump(),
                options=[o.model_dump() for o in q.options],
                required=q.required,
            )
        )
    session.flush()
    record(
        session, actor, "consultation.questions", "consultation", c.id, after={"questions": len(questions)}
    )
    return questions_of(session, consultation_id=c.id)


def questions_of(
    session: Session, *, consultation_id: int, now: datetime | None = None
) -> list[QuestionView]:
    """The questions of a consultation, with their results once it has closed."""
    now = now or utcnow()
    c, _ = _get(session, consultation_id)
    closed = now >= c.closes_at
    rows = list(
        session.scalars(
            select(ConsultationQuestion)
            .where(ConsultationQuestion.consultation_id == c.id)
            .order_by(ConsultationQuestion.position)
        )
    )
    values: dict[int, list[Any]] = {}
    if closed and rows:
        for qid, value in session.execute(
            select(ConsultationAnswer.question_id, ConsultationAnswer.value)
            .where(ConsultationAnswer.question_id.in_([q.id for q in rows]))
            .order_by(ConsultationAnswer.id)
        ):
            values.setdefault(qid, []).append(value)
    out = []
    for q in rows:
        kind = QuestionKind(q.kind)
        result = None
        if closed:
            s = summarise(kind, len(q.options), values.get(q.id, []))
            result = QuestionResult(answered=s.answered, counts=s.counts, mean=s.mean, texts=s.texts)
        out.append(
            QuestionView(
                id=q.id,
                kind=kind,
                prompt=Translated.model_validate(q.prompt),
                options=[Translated.model_validate(o) for o in q.options],
                required=q.required,
                result=result,
            )
        )
    return out


def answer(
    session: Session,
    *,
    consultation_id: int,
    answers: dict[int, Any],
    person: ConsultationParticipant,
    actor: Actor | None = None,
    now: datetime | None = None,
) -> AnswersReceipt:
    """``person``'s answers (all checked before any is kept; an earlier answer to a question is replaced)."""
    now = now or utcnow()
    c, _ = _get(session, consultation_id)
    if not is_open(c, now):
        raise ValidationFailed.one(
            P.CONSULTATION_CLOSED,
            Location(field="answers"),
            opens=c.opens_at.date().isoformat(),
            closes=c.closes_at.date().isoformat(),
        )
    may_take_part(session, c, person=person, actor=actor)
    questions = {
        q.id: q
        for q in session.scalars(
            select(ConsultationQuestion).where(ConsultationQuestion.consultation_id == c.id)
        )
    }
    checked: dict[int, Any] = {}
    for qid, value in answers.items():
        q = questions.get(int(qid))
        if q is None:
            raise ValidationFailed.one(P.ANSWER_INVALID, Location(field=f"answers.{qid}"))
        if value in (None, "", []):
            continue
        try:
            checked[q.id] = check_answer(QuestionKind(q.kind), len(q.options), value)
        except AnswerError as e:
            raise ValidationFailed.one(e.code, Location(field=f"answers.{qid}"), **e.params) from None
    for q in questions.values():
        if q.required and q.id not in checked:
            raise ValidationFailed.one(P.ANSWER_INVALID, Location(field=f"answers.{q.id}"))
    session.execute(
        delete(ConsultationAnswer).where(
            ConsultationAnswer.participant_id == person.id, ConsultationAnswer.question_id.in_(list(checked))
        )
    )
    for qid, value in checked.items():
        session.add(
            ConsultationAnswer(question_id=qid, participant_id=person.id, value=value, created_at=now)
        )
    session.flush()
    return AnswersReceipt(answered=len(checked))
