"""Policy documents in the workspace: the stored file and its passages, each analysis (versioned by
mapper and thresholds, re-runnable), the suggestions a reviewer accepts or rejects, and the legal and
institutional register with its proposals.

A document belongs to the national library (no round, no institution), to an institution, or to a round
(optionally for one of its institutions). Its file is in the evidence store (content-addressed).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime, utcnow


class StoredDocument(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    #: pdf, docx, html or text (read from the content)
    format: Mapped[str] = mapped_column(String(8))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    #: ar, ckb or en (the document's dominant letters)
    language: Mapped[str] = mapped_column(String(8))
    pages: Mapped[int] = mapped_column(default=0)
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id", ondelete="RESTRICT"))
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    #: warnings of the reading (problem records)
    warnings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: none, queued, done or failed
    analysis_status: Mapped[str] = mapped_column(String(12), default="none")
    job_id: Mapped[int | None] = mapped_column()
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    illustrative: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        Index("ix_documents_assessment_id", "assessment_id"),
        Index("ix_documents_org_id", "org_id"),
    )


class DocumentPassage(Base):
    __tablename__ = "document_passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()
    page: Mapped[int] = mapped_column(default=0)
    #: heading, article, action or paragraph
    kind: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(32), default="")
    heading: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    #: an action's owner, deadline and budget when the text states them
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (Index("ix_document_passages_document_id", "document_id", "position"),)


class DocumentAnalysis(Base):
    """One run of the mapper over a document's passages; the newest run is ``current``."""

    __tablename__ = "document_analyses"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    #: the mapper's version (model and rules), e.g. sdg-mapper-1/use-multilingual-v3:0.2.1
    version: Mapped[str] = mapped_column(String(160))
    framework: Mapped[str] = mapped_column(String(64), default="")
    #: thresholds and options the run used
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: goal → passages suggested for it; target → passages
    profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    current: Mapped[bool] = mapped_column(default=True)
    job_id: Mapped[int | None] = mapped_column()
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_document_analyses_document_id", "document_id"),)


class DocumentSuggestion(Base):
    """What the mapper proposes for one passage: an indicator (with a stage), an SDG target or a plan
    action matched to an initiative. A reviewer accepts or rejects it; an accepted indicator suggestion
    becomes evidence on the answer (``evidence_id``)."""

    __tablename__ = "document_suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    analysis_id: Mapped[int] = mapped_column(ForeignKey("document_analyses.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    passage_id: Mapped[int] = mapped_column(ForeignKey("document_passages.id", ondelete="CASCADE"))
    #: indicator, target or action
    kind: Mapped[str] = mapped_column(String(16))
    #: indicator id, SDG target ("16.6") or initiative id
    ref: Mapped[str] = mapped_column(String(64))
    stage: Mapped[int | None] = mapped_column()
    confidence: Mapped[float] = mapped_column()
    #: open, accepted or rejected
    state: Mapped[str] = mapped_column(String(12), default="open")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"))

    __table_args__ = (
        Index("ix_document_suggestions_analysis_id", "analysis_id", "kind"),
        Index("ix_document_suggestions_document_id", "document_id", "state"),
    )


class RegisterEntry(Base):
    """The legal and institutional register: per enabler area what exists (instrument with number and
    date, institution, budget line), what is drafted and what is missing, and for a gap the proposal."""

    __tablename__ = "register_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    area: Mapped[str] = mapped_column(String(48), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    #: exists, drafted or missing
    status: Mapped[str] = mapped_column(String(12))
    #: translated texts {"en", "ar", "ckb"}: instrument, institution, budget line, note
    instrument: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: number and date of the instrument, translated {"en", "ar", "ckb"} (migration 0018)
    reference: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, default=dict)
    institution: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    budget_line: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: for a gap: what, drafter, basis (article or mandate), cost_band, sdg targets
    proposal: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
