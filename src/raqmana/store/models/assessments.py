"""Assessment rounds (framework version × institutions × period), their institutions and assignments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import JSONType, UTCDateTime, utcnow


class Assessment(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: translated name {"en": …, "ar": …, "ckb": …}
    name: Mapped[dict[str, Any]] = mapped_column(JSONType)
    framework_version_id: Mapped[int] = mapped_column(
        ForeignKey("framework_versions.id", ondelete="RESTRICT")
    )
    period: Mapped[str] = mapped_column(String(32))
    target_stage: Mapped[int | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default="open")
    #: generated demonstration data, not real answers
    illustrative: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Monte Carlo runs the round's results are computed with (None: the default)
    mc_runs: Mapped[int | None] = mapped_column()


class AssessmentInstitution(Base):
    __tablename__ = "assessment_institutions"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"), primary_key=True)

    __table_args__ = (Index("ix_assessment_institutions_org_id", "org_id"),)


class Assignment(Base):
    """A user designated as focal point or reviewer for one institution in one round."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("assessment_id", "org_id", "user_id", "role"),
        Index("ix_assignments_user_id", "user_id", "assessment_id"),
    )
