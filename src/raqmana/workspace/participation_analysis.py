"""What a consultation received, for its owner institution: comments grouped by theme (keywords, then
meaning), counts over time and by governorate, sex and age group where participants chose to say, and
every comment in a CSV or XLSX file (personal data masked; cells that a spreadsheet would run are kept
as text). Rejected comments (spam, abuse) are left out."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.celltext import as_text, csv_text, xlsx_text
from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import CommentState
from raqmana.participation import errors as P
from raqmana.participation.privacy import mask_personal
from raqmana.participation.themes import Embed, group_comments
from raqmana.store.models import ConsultationComment, ConsultationSection, Organisation
from raqmana.store.models.participation import ConsultationParticipant, ConsultationSupport
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import _get
from raqmana.workspace.exceptions import Forbidden
from raqmana.workspace.orgs import org_name
from raqmana.workspace.participation import may_handle, require_signed_in
from raqmana.workspace.participation_questions import questions_of, result_rows

EXCERPT = 80


class ThemeCount(BaseModel):
    id: str
    name: Translated
    method: Literal["keyword", "meaning"]
    #: a group by meaning: its first comment (shortened, masked), in the language it was written in
    quote: str = ""
    count: int
    comment_ids: list[int]


class Count(BaseModel):
    key: str
    name: Translated | None = None
    #: the day counted (``by_day`` only)
    day: date | None = None
    count: int


class Analysis(BaseModel):
    received: int
    published: int
    themes: list[ThemeCount]
    by_day: list[Count]
    by_governorate: list[Count]
    by_sex: list[Count]
    by_age_group: list[Count]


class _Row(BaseModel):
    id: int
    section: Translated
    created_at: datetime
    state: str
    text: str
    reply_to: int | None
    supports: int
    governorate: str | None
    sex: str | None
    age_group: str | None


def _excerpt(text: str) -> str:
    flat = " ".join(mask_personal(text).split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"


def _rows(session: Session, consultation_id: int) -> list[_Row]:
    supports = dict(
        session.execute(
            select(ConsultationSupport.comment_id, func.count()).group_by(ConsultationSupport.comment_id)
        ).all()
    )
    q = (
        select(ConsultationComment, ConsultationSection.heading, ConsultationParticipant)
        .join(ConsultationSection, ConsultationSection.id == ConsultationComment.section_id)
        .outerjoin(ConsultationParticipant, ConsultationParticipant.id == ConsultationComment.participant_id)
        .where(
            ConsultationSection.consultation_id == consultation_id,
            ConsultationComment.state.not_in([CommentState.REJECTED, CommentState.REMOVED]),
        )
        .order_by(ConsultationComment.created_at, ConsultationComment.id)
    )
    return [
        _Row(
            id=m.id,
            section=Translated.model_validate(heading),
            created_at=m.created_at,
            state=m.state,
            text=m.body,
            reply_to=m.parent_id,
            supports=supports.get(m.id, 0),
            governorate=p.governorate if p else None,
            sex=p.sex if p else None,
            age_group=p.age_group if p else None,
        )
        for m, heading, p in session.execute(q)
    ]


def _owned(session: Session, actor: Actor, consultation_id: int) -> None:
    require_signed_in(actor)
    _, org = _get(session, consultation_id)
    if not may_handle(actor, org):
        raise Forbidden(P.NOT_HANDLER, value=org_name(org))


def _counts(values: list[str | None]) -> list[Count]:
    c = Counter(v for v in values if v)
    return [Count(key=k, count=n) for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]


def summarise(session: Session, rows: list[_Row], *, embed: Embed | None = None) -> Analysis:
    groups = group_comments([r.text for r in rows], embed=embed, label=_excerpt)
    governorates = _counts([r.governorate for r in rows])
    names = {
        o.code: Translated(en=o.name_en, ar=o.name_ar, ckb=o.name_ckb)
        for o in session.scalars(
            select(Organisation).where(Organisation.code.in_([g.key for g in governorates]))
        )
    }
    return Analysis(
        received=len(rows),
        published=sum(r.state == CommentState.PUBLISHED for r in rows),
        themes=[
            ThemeCount(
                id=g.id,
                name=g.name,
                method=g.method,
                quote=g.quote,
                count=len(g.members),
                comment_ids=[rows[i].id for i in g.members],
            )
            for g in groups
        ],
        by_day=[
            Count(key=k.isoformat(), day=k, count=n)
            for k, n in sorted(Counter(r.created_at.date() for r in rows).items())
        ],
        by_governorate=[g.model_copy(update={"name": names.get(g.key)}) for g in governorates],
        by_sex=_counts([r.sex for r in rows]),
        by_age_group=_counts([r.age_group for r in rows]),
    )


def analyse(session: Session, actor: Actor, *, consultation_id: int, embed: Embed | None = None) -> Analysis:
    """The analysis of a consultation's comments for its owner institution's handlers."""
    _owned(session, actor, consultation_id)
    return summarise(session, _rows(session, consultation_id), embed=embed)


COLUMNS = (
    "comment",
    "section",
    "received",
    "state",
    "reply_to",
    "theme",
    "supports",
    "governorate",
    "sex",
    "age_group",
    "text",
)


def export_analysis(
    session: Session,
    actor: Actor,
    *,
    consultation_id: int,
    fmt: Literal["csv", "xlsx"],
    lang: str = "en",
    embed: Embed | None = None,
) -> bytes:
    """Every comment with its theme, as CSV (UTF-8 with BOM) or XLSX; texts masked, formulas kept as text."""
    _owned(session, actor, consultation_id)
    rows = _rows(session, consultation_id)
    theme_of: dict[int, str] = {}
    for t in summarise(session, rows, embed=embed).themes:
        for cid in t.comment_ids:
            theme_of[cid] = t.name.get(lang)
    table: list[list[Any]] = [
        [
            r.id,
            r.section.get(lang),
            r.created_at.date(),
            r.state,
            r.reply_to,
            theme_of.get(r.id, ""),
            r.supports,
            r.governorate or "",
            r.sex or "",
            r.age_group or "",
            mask_personal(r.text),
        ]
        for r in rows
    ]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(COLUMNS)
        for row in table:
            w.writerow([csv_text(v.isoformat() if isinstance(v, date) else v) for v in row])
        return ("\ufeff" + buf.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "comments"
    ws.sheet_view.rightToLeft = lang in ("ar", "ckb")
    ws.append(list(COLUMNS))
    for row in table:
        ws.append([xlsx_text(v) for v in row])
    asked = questions_of(session, consultation_id=consultation_id)
    if any(q.result is not None for q in asked):  # closed: the answers, in the reader's language
        sheet = wb.create_sheet("questions")
        sheet.sheet_view.rightToLeft = lang in ("ar", "ckb")
        sheet.append(["question", "option", "answers", "mean", "text"])
        for row in result_rows(asked, lang):
            sheet.append([xlsx_text(v) for v in row])
    out = io.BytesIO()
    as_text(wb).save(out)
    return out.getvalue()
