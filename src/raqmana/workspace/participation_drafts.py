"""The draft of a consultation read from its PDF or Word file: the text becomes the consultation's
sections (one per article of a law, or per heading with the paragraphs under it), shown inline and each
commentable. Reading is :func:`raqmana.documents.extract.extract`'s (located messages DC… for damaged,
encrypted, scanned or mislabelled files); the file itself is kept in the content-addressed store."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import PurePath

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.documents.extract import extract
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.participation import errors as P
from raqmana.participation.drafts import draft_sections
from raqmana.problems import Location
from raqmana.settings import Settings
from raqmana.store.models import Organisation
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import (
    ConsultationView,
    DocumentFacts,
    Options,
    SectionIn,
    _get,
    open_consultation,
    read_consultation,
)
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.factory import evidence_store
from raqmana.workspace.orgs import org_name
from raqmana.workspace.participation import may_handle, require_signed_in
from raqmana.workspace.participation_questions import QuestionView, question_lines, questions_of

#: the formats a draft may come in
FORMATS = {".pdf": "pdf", ".docx": "docx"}
MAX_SECTIONS = 500


def _in(lang: str, text: str) -> Translated:
    return Translated.model_validate({lang: text})


def read_draft(data: bytes, filename: str, *, max_bytes: int) -> tuple[list[SectionIn], DocumentFacts]:
    """The sections of a draft file and the facts the consultation keeps about it."""
    name = PurePath(filename).name[:255]
    if PurePath(name).suffix.lower() not in FORMATS:
        raise ValidationFailed.one(P.DOCUMENT_TYPE, Location(file=name), filename=name[:80])
    doc = extract(data, name, max_bytes=max_bytes)
    preamble = ui("Preamble")
    sections = [
        SectionIn(
            heading=preamble if s.heading == "Preamble" and not s.number else _in(doc.language, s.heading),
            body=_in(doc.language, s.text),
            number=s.number or None,
            page=s.page or None,
        )
        for s in draft_sections(doc)[:MAX_SECTIONS]
    ]
    facts = DocumentFacts(
        name=name, format=doc.format, pages=doc.pages, sha256=hashlib.sha256(data).hexdigest()
    )
    return sections, facts


def open_with_document(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    data: bytes,
    filename: str,
    owner: str,
    title: Translated,
    summary: Translated,
    opens_at: datetime,
    closes_at: datetime,
    options: Options,
    illustrative: bool = False,
) -> ConsultationView:
    """A consultation on a draft file: its sections read from the file, the file kept (removed again if
    anything fails)."""
    sections, facts = read_draft(data, filename, max_bytes=settings.max_upload_mb * 1024 * 1024)
    evidence_store(settings).put(data, session=session)
    return open_consultation(
        session,
        actor,
        owner=owner,
        title=title,
        summary=summary,
        opens_at=opens_at,
        closes_at=closes_at,
        sections=sections,
        options=options,
        document=facts,
        illustrative=illustrative,
    )


class Owner(BaseModel):
    code: str
    name: Translated


class ConsultationForm(BaseModel):
    """What the form to open or edit a consultation offers: the institutions the person may open one for,
    every institution that may be invited, and the consultation being edited."""

    owners: list[Owner]
    institutions: list[Owner]
    consultation: ConsultationView | None = None
    questions: list[QuestionView] = Field(default_factory=list, description="the consultation's questions")
    questions_text: dict[str, str] = Field(
        default_factory=dict, description="the questions as the form's boxes hold them, by language"
    )


def form(session: Session, actor: Actor, *, consultation_id: int | None = None) -> ConsultationForm:
    require_signed_in(actor)
    orgs = list(session.scalars(select(Organisation).order_by(Organisation.path)))
    everyone = [Owner(code=o.code, name=Translated(en=o.name_en, ar=o.name_ar, ckb=o.name_ckb)) for o in orgs]
    mine = [w for w, o in zip(everyone, orgs, strict=True) if may_handle(actor, o)]
    if not mine:
        raise Forbidden(P.NOT_HANDLER, value="")
    current, asked = None, []
    if consultation_id is not None:
        current = read_consultation(session, consultation_id=consultation_id)
        _, org = _get(session, consultation_id)
        if not may_handle(actor, org):
            raise Forbidden(P.NOT_HANDLER, value=org_name(org))
        asked = questions_of(session, consultation_id=consultation_id)
    return ConsultationForm(
        owners=mine,
        institutions=everyone,
        consultation=current,
        questions=asked,
        questions_text=question_lines(asked),
    )


def sections_from_text(text: str, lang: str) -> list[SectionIn]:
    """Sections typed in a form: blocks separated by a blank line, each block's first line its heading."""
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if lines:
            out.append(SectionIn(heading=_in(lang, lines[0][:200]), body=_in(lang, "\n".join(lines[1:]))))
    return out
