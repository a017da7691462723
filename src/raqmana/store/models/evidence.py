"""Evidence attached to a response: a content-addressed file or a URL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime, utcnow


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    #: "file" or "url"
    kind: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str | None] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(default=0)
    url: Mapped[str] = mapped_column(Text, default="")
    #: document, system, external_index or survey
    source_type: Mapped[str] = mapped_column(String(32), default="document")
    evidence_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: evidence is never deleted, only withdrawn (the history stays visible)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_evidence_response_id", "response_id"), Index("ix_evidence_sha256", "sha256"))
