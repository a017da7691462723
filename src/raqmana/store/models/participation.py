"""Citizen feedback and complaints (feedback_cases).

One row per case: what the person said (rating, channel, visits, text), their optional contact (read only
by the handling institution's staff), the state and deadline, the institution's answer and what changed
because of it, moderation, and the referral history kept for exchange with other complaint systems.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import false, true

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
    #: who may take part: anyone, verified (participants who confirmed an e-mail or phone), invited
    who: Mapped[str] = mapped_column(String(16), default="anyone", server_default="anyone")
    invited: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)  # institution codes
    premoderated: Mapped[bool] = mapped_column(default=True, server_default=true())
    retention_days: Mapped[int | None] = mapped_column(nullable=True)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    document_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    document_format: Mapped[str | None] = mapped_column(String(16), nullable=True)
    document_pages: Mapped[int | None] = mapped_column(nullable=True)
    document_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    response_summary: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    response_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ConsultationSection(Base):
    """One section (article) of the draft, in the order it is read."""

    __tablename__ = "consultation_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()
    heading: Mapped[dict[str, str]] = mapped_column(JSON)
    body: Mapped[dict[str, str]] = mapped_column(JSON)
    number: Mapped[str | None] = mapped_column(String(32), nullable=True)  # article number, ASCII digits
    page: Mapped[int | None] = mapped_column(nullable=True)  # where it starts in the document

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
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey(
            "consultation_comments.id", ondelete="SET NULL", name="fk_consultation_comments_parent_id"
        ),
        nullable=True,
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey(
            "consultation_participants.id",
            ondelete="SET NULL",
            name="fk_consultation_comments_participant_id",
        ),
        nullable=True,
    )
    tracking: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: SimHash of the folded text (raqmana.participation.duplicates) and the earlier comment it resembles
    fingerprint: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    duplicate_of: Mapped[int | None] = mapped_column(nullable=True)

    __table_args__ = (
        Index("ix_consultation_comments_section_id_state", "section_id", "state"),
        Index("ix_consultation_comments_created_at", "created_at"),
        Index("ix_consultation_comments_tracking", "tracking", unique=True),
        Index("ix_consultation_comments_parent_id", "parent_id"),
    )


class ConsultationParticipant(Base):
    """A person taking part in consultations: anonymous (a secret token only) or with an e-mail or phone
    confirmed by a code. The contact is never shown to anyone; what they chose to say about themselves
    (governorate, sex, age group) is counted, never listed."""

    __tablename__ = "consultation_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    contact_kind: Mapped[str | None] = mapped_column(String(8), nullable=True)
    contact: Mapped[str | None] = mapped_column(String(255), nullable=True)
    contact_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    code_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    code_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    code_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    governorate: Mapped[str | None] = mapped_column(String(64), nullable=True)
    sex: Mapped[str | None] = mapped_column(String(16), nullable=True)
    age_group: Mapped[str | None] = mapped_column(String(16), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    illustrative: Mapped[bool] = mapped_column(default=False, server_default=false())


class ConsultationSupport(Base):
    """One participant's support of a comment (a proposal), at most once."""

    __tablename__ = "consultation_supports"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("consultation_comments.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_participants.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("comment_id", "participant_id", name="uq_consultation_supports_once"),)


class ConsultationQuestion(Base):
    """A question of a consultation: free text, single or multiple choice, ranking or Likert."""

    __tablename__ = "consultation_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()
    kind: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[dict[str, str]] = mapped_column(JSON)
    options: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    required: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: the language it was written in (ar, ckb, en): shown where a translation is missing
    lang: Mapped[str | None] = mapped_column(String(8), nullable=True)

    __table_args__ = (Index("ix_consultation_questions_consultation_id", "consultation_id"),)


class ConsultationAnswer(Base):
    """A participant's answer to one question (replaced when they answer again)."""

    __tablename__ = "consultation_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("consultation_questions.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_participants.id", ondelete="CASCADE")
    )
    value: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("question_id", "participant_id", name="uq_consultation_answers_once"),)


class ConsultationResponseItem(Base):
    """One line of the response report: what changed in a section (or was not taken, and why), with the
    comments that caused it."""

    __tablename__ = "consultation_response_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id", ondelete="CASCADE"))
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_sections.id", ondelete="SET NULL"), nullable=True
    )
    position: Mapped[int] = mapped_column()
    taken: Mapped[bool] = mapped_column()
    text: Mapped[dict[str, str]] = mapped_column(JSON)
    comment_ids: Mapped[list[int]] = mapped_column(JSON)

    __table_args__ = (Index("ix_consultation_response_items_consultation_id", "consultation_id"),)
