"""The national report's chapters from the workspace's documents: the country's SDG profile across the
analysed documents and the legal and institutional register with its proposals
(:mod:`raqmana.reports.documents_chapter` draws them; ``ReportInputs.chapters`` carries them)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.reports.documents_chapter import RegisterRow, SdgRows, register_section, sdg_section
from raqmana.reports.model import Section
from raqmana.store.models import DocumentAnalysis, StoredDocument
from raqmana.workspace.documents_register import register_entries
from raqmana.workspace.documents_review import profile_for

Chapter = Callable[[str, str | None], Section]


def document_chapters(session: Session) -> list[Chapter]:
    """The chapters as functions of (language, digits); none when there is neither a document nor a register."""
    ids = list(
        session.scalars(
            select(StoredDocument.id).where(
                StoredDocument.removed_at.is_(None), StoredDocument.analysis_status == "done"
            )
        )
    )
    versions = sorted(
        set(
            session.scalars(
                select(DocumentAnalysis.version).where(
                    DocumentAnalysis.document_id.in_(ids), DocumentAnalysis.current.is_(True)
                )
            )
        )
    )
    profile = profile_for(session, ids)
    rows = SdgRows(profile.documents, profile.goals, profile.targets, ", ".join(versions))
    register = [
        RegisterRow(
            e.name,
            e.status,
            e.instrument,
            e.reference,
            e.institution,
            e.budget_line,
            tuple(e.sources),
            e.proposal or {},
        )
        for e in register_entries(session)
    ]
    chapters: list[Chapter] = []
    if ids:
        chapters.append(lambda lang, digits: sdg_section(rows, lang, digits))
    if register:
        chapters.append(lambda lang, digits: register_section(register, lang, digits))
    return chapters
