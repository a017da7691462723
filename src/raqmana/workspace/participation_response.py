"""The response report of a closed consultation: its owner institution's handlers write what changed in
the draft (per section, with the comments that caused it) and what was not taken and why, then publish
it; everyone reads it at ``/public/consultations/{id}/response`` and downloads it as PDF, Word or HTML in
Arabic, Kurdish or English. The counts it prints (comments by theme and by governorate) come from the
comments received, rejected ones left out; only published comments are quoted, masked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.dates import format_day
from raqmana.i18n.vocabulary import CommentState
from raqmana.participation import errors as P
from raqmana.participation.privacy import mask_personal
from raqmana.participation.questions import LIKERT_POINTS, QuestionKind
from raqmana.participation.themes import keyword_theme, themes
from raqmana.problems import Location
from raqmana.reports.consultation_response import QuestionLine, ResponseFacts, ResponseLine, response_report
from raqmana.reports.render import render
from raqmana.store.models import ConsultationComment, ConsultationSection, Organisation
from raqmana.store.models.participation import ConsultationParticipant, ConsultationResponseItem
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.consultations import ConsultationSummary, _get, _summary
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.participation import may_handle, require_signed_in
from raqmana.workspace.participation_questions import QuestionView, in_language, questions_of

EXCERPT = 200


class ResponseItemIn(BaseModel):
    section_id: int | None = Field(None, description="None: the draft as a whole")
    taken: bool
    text: Translated
    comment_ids: list[int] = Field(default_factory=list, max_length=200)


class ResponseIn(BaseModel):
    summary: Translated
    items: list[ResponseItemIn] = Field(max_length=500)
    publish: bool = False


class CommentRef(BaseModel):
    id: int
    text: str


class ResponseItemView(BaseModel):
    section_id: int | None
    section: Translated | None
    taken: bool
    text: Translated
    comments: list[CommentRef]


class CountView(BaseModel):
    name: Translated
    count: int


class ResponseView(BaseModel):
    consultation: ConsultationSummary
    summary: Translated
    published_at: datetime | None
    received: int
    published_comments: int
    themes: list[CountView]
    governorates: list[CountView]
    items: list[ResponseItemView]
    questions: list[QuestionView] = Field(
        default_factory=list, description="the consultation's questions with what people answered"
    )


def write_response(
    session: Session, actor: Actor, *, consultation_id: int, data: ResponseIn, now: datetime | None = None
) -> ResponseView:
    """Write (or rewrite) the response of a closed consultation; ``publish`` makes it public."""
    require_signed_in(actor)
    now = now or utcnow()
    c, org = _get(session, consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org.code)
    if now < c.closes_at:
        raise ValidationFailed.one(
            P.NOT_CLOSED, Location(field="items"), closes=c.closes_at.date().isoformat()
        )
    sections = set(
        session.scalars(select(ConsultationSection.id).where(ConsultationSection.consultation_id == c.id))
    )
    published = set(
        session.scalars(
            select(ConsultationComment.id).where(
                ConsultationComment.section_id.in_(sections),
                ConsultationComment.state == CommentState.PUBLISHED,
            )
        )
    )
    for n, item in enumerate(data.items):
        if item.section_id is not None and item.section_id not in sections:
            raise NotFound("section")
        for cid in item.comment_ids:
            if cid not in published:
                raise ValidationFailed.one(P.PARENT_NOT_FOUND, Location(field=f"items[{n}].comment_ids"))
    session.execute(delete(ConsultationResponseItem).where(ConsultationResponseItem.consultation_id == c.id))
    for n, item in enumerate(data.items, start=1):
        session.add(
            ConsultationResponseItem(
                consultation_id=c.id,
                section_id=item.section_id,
                position=n,
                taken=item.taken,
                text=item.text.model_dump(),
                comment_ids=list(dict.fromkeys(item.comment_ids)),
            )
        )
    c.response_summary = data.summary.model_dump()
    if data.publish and c.response_published_at is None:
        c.response_published_at = now
    session.flush()
    record(
        session,
        actor,
        "consultation.response.publish" if data.publish else "consultation.response.write",
        "consultation",
        c.id,
        after={
            "items": len(data.items),
            "taken": sum(i.taken for i in data.items),
            "published": data.publish,
        },
    )
    return read_response(session, consultation_id=c.id, actor=actor)


def read_response(session: Session, *, consultation_id: int, actor: Actor | None = None) -> ResponseView:
    """The response report; before it is published only the owner institution's handlers read it."""
    c, org = _get(session, consultation_id)
    if c.response_published_at is None and (
        actor is None or actor.user_id is None or not may_handle(actor, org)
    ):
        raise NotFound("response")
    heads = {
        s.id: Translated.model_validate(s.heading)
        for s in session.scalars(
            select(ConsultationSection).where(ConsultationSection.consultation_id == c.id)
        )
    }
    rows = session.execute(
        select(ConsultationComment, ConsultationParticipant.governorate)
        .outerjoin(ConsultationParticipant, ConsultationParticipant.id == ConsultationComment.participant_id)
        .where(
            ConsultationComment.section_id.in_(heads),
            ConsultationComment.state.not_in([CommentState.REJECTED, CommentState.REMOVED]),
        )
    ).all()
    texts = {m.id: m.body for m, _ in rows if m.state == CommentState.PUBLISHED}
    by_theme: dict[str, int] = {}
    by_gov: dict[str, int] = {}
    for m, gov in rows:
        key = keyword_theme(m.body) or "other"
        by_theme[key] = by_theme.get(key, 0) + 1
        if gov:
            by_gov[gov] = by_gov.get(gov, 0) + 1
    names = {t.id: t.name for t in themes()} | {"other": ui("Other themes")}
    orgs = {
        o.code: Translated(en=o.name_en, ar=o.name_ar, ckb=o.name_ckb)
        for o in session.scalars(select(Organisation).where(Organisation.code.in_(list(by_gov))))
    }
    items = [
        ResponseItemView(
            section_id=i.section_id,
            section=heads.get(i.section_id) if i.section_id is not None else None,
            taken=i.taken,
            text=Translated.model_validate(i.text),
            comments=[CommentRef(id=cid, text=_excerpt(texts[cid])) for cid in i.comment_ids if cid in texts],
        )
        for i in session.scalars(
            select(ConsultationResponseItem)
            .where(ConsultationResponseItem.consultation_id == c.id)
            .order_by(ConsultationResponseItem.position)
        )
    ]

    def ranked(counts: dict[str, int], label: dict[str, Translated]) -> list[CountView]:
        return [
            CountView(name=label.get(k, Translated(en=k)), count=n)
            for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    return ResponseView(
        consultation=_summary(session, c, org, utcnow()),
        summary=Translated.model_validate(c.response_summary or {}),
        published_at=c.response_published_at,
        received=len(rows),
        published_comments=len(texts),
        themes=ranked(by_theme, names),
        governorates=ranked(by_gov, orgs),
        items=items,
        questions=questions_of(session, consultation_id=c.id, now=max(utcnow(), c.closes_at)),
    )


def _excerpt(text: str) -> str:
    flat = " ".join(mask_personal(text).split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"


def response_facts(
    view: ResponseView, lang: str, *, address: str = "", digits: str | None = None
) -> ResponseFacts:
    c = view.consultation
    period = f"{format_day(c.opens_at, lang, digits)} – {format_day(c.closes_at, lang, digits)}"
    return ResponseFacts(
        lang=lang,
        title=c.title.get(lang),
        owner=c.owner.get(lang),
        period=period,
        published=format_day(view.published_at or utcnow(), lang, digits),
        summary=view.summary.get(lang),
        received=view.received,
        published_comments=view.published_comments,
        themes=[(t.name.get(lang), t.count) for t in view.themes],
        governorates=[(g.name.get(lang), g.count) for g in view.governorates],
        lines=[
            ResponseLine(
                section=i.section.get(lang) if i.section else "",
                taken=i.taken,
                text=i.text.get(lang),
                comments=[(r.id, r.text) for r in i.comments],
            )
            for i in view.items
        ],
        questions=[_asked(q, lang) for q in view.questions if q.result is not None],
        address=address,
        illustrative=c.illustrative,
        digits=digits,
    )


def _asked(q: QuestionView, lang: str) -> QuestionLine:
    """A question's results as the report prints them, in ``lang`` (as written where not translated)."""
    assert q.result is not None
    if q.kind is QuestionKind.LIKERT:
        options = [str(p) for p in range(1, LIKERT_POINTS + 1)]
    else:
        options = [in_language(o, lang, q.lang) for o in q.options]
    return QuestionLine(
        prompt=in_language(q.prompt, lang, q.lang),
        answered=q.result.answered,
        counts=list(zip(options, q.result.counts, strict=False)) if q.kind is not QuestionKind.TEXT else [],
        mean=q.result.mean,
        ranking=q.kind is QuestionKind.RANKING,
    )


Format = Literal["pdf", "docx", "html"]


def response_file(
    view: ResponseView, lang: str, fmt: Format, *, address: str = "", digits: str | None = None
) -> bytes:
    """The response report as one file (rendered by the reports package)."""
    report = response_report(response_facts(view, lang, address=address, digits=digits))
    with TemporaryDirectory() as tmp:
        [path] = render(report, Path(tmp), [fmt], basename="response")
        return path.read_bytes()
