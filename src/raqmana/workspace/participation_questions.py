"""Questions of a consultation: the owner institution's handlers set them (free text, single or multiple
choice, ranking, Likert); participants answer while it is open (one answer per question each, replaced
when they answer again); once it has closed, everyone reads the results on the consultation's page."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated, get_locale
from raqmana.participation import errors as P
from raqmana.participation.questions import (
    LIKERT_POINTS,
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

Lang = Literal["ar", "ckb", "en"]


class QuestionIn(BaseModel):
    """A question in up to three languages; ``lang`` is the one it was written in (its prompt and options
    must have text there), shown to readers whose language has no translation. Without ``lang``: the
    first of en, ar, ckb in which the prompt has text."""

    kind: QuestionKind
    prompt: Translated
    options: list[Translated] = Field(default_factory=list, max_length=20)
    required: bool = False
    lang: Lang | None = Field(None, description="the language the question was written in")

    def written_in(self) -> str:
        if self.lang is not None:
            return self.lang
        return next((code for code in ("en", "ar", "ckb") if self.prompt[code].strip()), "en")


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
    lang: Lang = Field(
        description="the language it was written in: a reader whose language has no translation reads this one"
    )
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
        lang = q.written_in()
        if not q.prompt[lang].strip():
            raise ValidationFailed.one(
                P.QUESTION_UNWRITTEN,
                Location(field=f"questions[{n}].prompt.{lang}"),
                n=n + 1,
                language=get_locale(lang).native_name,
            )
        for k, option in enumerate(q.options):
            if not option[lang].strip():
                raise ValidationFailed.one(
                    P.OPTION_UNWRITTEN,
                    Location(field=f"questions[{n}].options[{k}].{lang}"),
                    n=n + 1,
                    option=k + 1,
                    language=get_locale(lang).native_name,
                )
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
                lang=q.written_in(),
            )
        )
    session.flush()
    record(
        session, actor, "consultation.questions", "consultation", c.id, after={"questions": len(questions)}
    )
    return questions_of(session, consultation_id=c.id)


def questions_from_text(texts: dict[str, str], lang: str) -> list[QuestionIn]:
    """The questions of the owner's form: in ``texts[lang]`` one a line, ``kind: prompt | option | option``
    (kinds text, single, multiple, ranking, likert); the other languages' boxes hold their translations,
    line for line with the same options (the ``kind:`` there may be left out), or nothing."""

    def lines(text: str) -> list[tuple[int, str]]:
        return [(n, line) for n, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1) if line.strip()]

    made: list[QuestionIn] = []
    for n, line in lines(texts.get(lang, "")):
        kind, _, rest = line.partition(":")
        parts = [x.strip() for x in rest.split("|")]
        try:
            made.append(
                QuestionIn.model_validate(
                    {
                        "kind": kind.strip().lower(),
                        "prompt": {lang: parts[0][:500]},
                        "options": [{lang: o[:200]} for o in parts[1:] if o],
                        "lang": lang,
                    }
                )
            )
        except ValidationError:
            raise ValidationFailed.one(
                P.QUESTIONS_LINE, Location(field=f"questions_{lang}", line=n)
            ) from None
    for other in ("ar", "ckb", "en"):
        given = lines(texts.get(other, "")) if other != lang else []
        if not given:
            continue
        if len(given) != len(made):
            raise ValidationFailed.one(
                P.QUESTIONS_TRANSLATION,
                Location(field=f"questions_{other}", line=given[min(len(given), len(made)) - 1][0]),
                got=len(given),
                expected=len(made),
            )
        for k, ((n, line), q) in enumerate(zip(given, made, strict=True)):
            head, colon, rest = line.partition(":")
            if colon and head.strip().lower() in set(QuestionKind):
                line = rest
            parts = [x.strip() for x in line.split("|")]
            options = [o for o in parts[1:] if o]
            if options and len(options) != len(q.options):
                raise ValidationFailed.one(
                    P.QUESTIONS_TRANSLATION,
                    Location(field=f"questions_{other}", line=n),
                    got=len(options),
                    expected=len(q.options),
                )
            made[k] = q.model_copy(
                update={
                    "prompt": q.prompt.model_copy(update={other: parts[0][:500]}),
                    "options": [
                        o.model_copy(update={other: t[:200]})
                        for o, t in zip(q.options, options or [""] * len(q.options), strict=True)
                    ],
                }
            )
    return made


def in_language(text: Translated, lang: str, written: str) -> str:
    """``text`` in ``lang``, or as it was written (``written``) where it has no translation."""
    return text[lang] or text[written] or text.get(lang)


def result_rows(questions: list[QuestionView], lang: str) -> list[list[Any]]:
    """The results of closed ``questions`` as rows (question, option, answers or points, mean), in
    ``lang`` or as written where not translated; a free-text question's answers one a row."""
    rows: list[list[Any]] = []
    for q in questions:
        r = q.result
        if r is None:
            continue
        prompt = in_language(q.prompt, lang, q.lang)
        if q.kind is QuestionKind.TEXT:
            rows += [[prompt, "", None, None, text] for text in r.texts] or [[prompt, "", 0, None, ""]]
            continue
        names = (
            [str(p) for p in range(1, LIKERT_POINTS + 1)]
            if q.kind is QuestionKind.LIKERT
            else [in_language(o, lang, q.lang) for o in q.options]
        )
        rows += [[prompt, name, n, r.mean, ""] for name, n in zip(names, r.counts, strict=False)]
    return rows


def question_lines(questions: list[QuestionView]) -> dict[str, str]:
    """The owner's form boxes for ``questions``: per language one line a question, ``kind: prompt |
    option | option``; a language none of them is translated into gets an empty box."""
    boxes = {}
    for code in ("ar", "ckb", "en"):
        if not any(q.prompt[code].strip() for q in questions):
            boxes[code] = ""
            continue
        boxes[code] = "\n".join(
            " | ".join([f"{q.kind}: {q.prompt[code]}", *(o[code] for o in q.options)]) for q in questions
        )
    return boxes


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
                lang=q.lang or _first_written(Translated.model_validate(q.prompt)),
                result=result,
            )
        )
    return out


def _first_written(prompt: Translated) -> Lang:
    """The language of a question stored before its language was (the first of en, ar, ckb with text)."""
    for code in ("en", "ar", "ckb"):
        if prompt[code].strip():
            return code
    return "en"


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
