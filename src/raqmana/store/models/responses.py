"""Responses (current value + state, optimistic version), their full history and review comments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime, utcnow


class _Value:
    """The answer columns shared by a response and each of its revisions."""

    stage: Mapped[int | None] = mapped_column()
    number: Mapped[float | None] = mapped_column()
    choice: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str | None] = mapped_column(Text)
    is_na: Mapped[bool] = mapped_column(default=False)
    dont_know: Mapped[bool] = mapped_column(default=False)
    justification: Mapped[str] = mapped_column(Text, default="")


class Response(_Value, Base):
    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    indicator_id: Mapped[str] = mapped_column(String(64))
    #: copied from the (frozen) framework so completion can group without reading the framework
    pillar_id: Mapped[str] = mapped_column(String(64))
    #: draft → submitted → returned | accepted
    state: Mapped[str] = mapped_column(String(16), default="draft")
    #: the response holds a value, N/A or "don't know" (a blank draft can exist, e.g. evidence first)
    answered: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __table_args__ = (
        UniqueConstraint("assessment_id", "org_id", "indicator_id"),
        # completion page: GROUP BY org, pillar, state inside one assessment, answered from the index alone
        Index("ix_responses_completion", "assessment_id", "org_id", "pillar_id", "state", "answered"),
        # review queues and scoring input: one assessment's answers in one state
        Index("ix_responses_state", "assessment_id", "state"),
    )
    #: optimistic concurrency: every UPDATE says WHERE version = <the version read>; use cases set the
    #: new version themselves (one step per change) and a concurrent change raises StaleDataError
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012


class ResponseRevision(_Value, Base):
    """Every value a response ever had, with who did what (save, submit, accept, return, import)."""

    __tablename__ = "response_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column()
    state: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_response_revisions_response_id", "response_id", "version"),)


class ReviewComment(Base):
    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    #: "comment", "return" or "accept"
    kind: Mapped[str] = mapped_column(String(16), default="comment")
    text: Mapped[str] = mapped_column(Text)
    response_version: Mapped[int] = mapped_column()
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_review_comments_response_id", "response_id"),)


class CompletionCount(Base):
    """Answered responses per (round, institution, pillar) and state, kept by database triggers on
    ``responses`` (migration 0002), so the completion page reads ~institutions × pillars small rows
    instead of aggregating every answer."""

    __tablename__ = "completion_counts"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    pillar_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    draft: Mapped[int] = mapped_column(default=0)
    submitted: Mapped[int] = mapped_column(default=0)
    returned: Mapped[int] = mapped_column(default=0)
    accepted: Mapped[int] = mapped_column(default=0)


class CompletionStamp(Base):
    """A counter per round that database triggers move whenever its completion counts change or an
    organisation is renamed (migration 0004): the key of the web app's cached progress tables."""

    __tablename__ = "completion_stamps"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    changes: Mapped[int] = mapped_column(BigInteger)
    #: PostgreSQL: the transaction that last moved the counter (one move per transaction)
    xact: Mapped[int | None] = mapped_column(BigInteger)
