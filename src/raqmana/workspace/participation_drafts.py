"""The draft of a consultation read from its PDF or Word file: the text becomes the consultation's
sections (one per article of a law, or per heading with the paragraphs under it), shown inline and each
commentable. Reading is :func:`raqmana.documents.extract.extract`'s (located messages DC… for damaged,
encrypted, scanned or mislabelled files); the file itself is kept in the content-addressed store."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import PurePath

from sqlalchemy.orm import Session

from raqmana.documents.extract import extract
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.participation import errors as P
from raqmana.participation.drafts import draft_sections
from raqmana.problems import Location
from raqmana.settings import Settings
from raqmana.workspace.actors import Actor
from raqmana.workspace.consultations import (
    ConsultationView,
    DocumentFacts,
    Options,
    SectionIn,
    open_consultation,
)
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.factory import evidence_store

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
