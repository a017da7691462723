"""Citizen feedback and complaints (feedback_cases).

One row per case: what the person said (rating, channel, visits, text), their optional contact (read only
by the handling institution's staff), the state and deadline, the institution's answer and what changed
because of it, moderation, and the referral history kept for exchange with other complaint systems.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime, utcnow


class FeedbackCase(Base):
    __tablename__ = "feedback_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    service_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    rating: Mapped[int | None] = mapped_column(nullable=True)
    channel: Mapped[str] = mapped_column(String(32))
    visits: Mapped[int | None] = mapped_column(nullable=True)
    body: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(8))
    contact: Mapped[str | None] = mapped_column(String(255), nullable=True)
    contact_consent: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(16))
    assigned_to: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    change_made: Mapped[str | None] = mapped_column(Text, nullable=True)
    hidden: Mapped[bool] = mapped_column(default=False)
    hidden_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    referrals: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(64), default="web")
    illustrative: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_feedback_cases_org_id_state", "org_id", "state"),)


class Consultation(Base):
    """A consultation on a draft (the roadmap, a strategy, a law, a service redesign), open between two dates."""

    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[dict[str, str]] = mapped_column(JSON)
    summary: Mapped[dict[str, str]] = mapped_column(JSON)
    owner_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    illustrative: Mapped[bool] = mapped_column(default=False)


class ConsultationSection(Base):
    """One section (article) of the draft, in the order it is read."""

    __tablename__ = "consultation_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()
    heading: Mapped[dict[str, str]] = mapped_column(JSON)
    body: Mapped[dict[str, str]] = mapped_column(JSON)

    __table_args__ = (Index("ix_consultation_sections_consultation_id", "consultation_id"),)


class ConsultationComment(Base):
    """A comment on a section: pending until a moderator publishes or rejects it (with a reason)."""

    __tablename__ = "consultation_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("consultation_sections.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    illustrative: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (Index("ix_consultation_comments_section_id_state", "section_id", "state"),)
