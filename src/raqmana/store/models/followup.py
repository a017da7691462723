"""Measuring the roadmap's promises: KPI observations per quarter, the roadmap versions that the follow-up
is measured against, the initiative owners' quarterly progress reports, and service-card edits waiting
for review.

An observation is unique by its ``key`` (KPI, quarter, institution or national, service and the
disaggregation dimensions); the services table keeps the accepted version of each card, and an owner
institution's edit waits in ``service_edits`` until a reviewer accepts or returns it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime, utcnow


class KpiObservation(Base):
    __tablename__ = "kpi_observations"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: kpi|period|institution|service|governorate|sex|age_group|area|disability
    key: Mapped[str] = mapped_column(String(400), unique=True)
    kpi: Mapped[str] = mapped_column(String(64))
    #: a quarter, "2026-Q1"
    period: Mapped[str] = mapped_column(String(7))
    #: None: a national figure
    org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=True
    )
    service_code: Mapped[str] = mapped_column(String(64), default="")
    governorate: Mapped[str] = mapped_column(String(64), default="")
    sex: Mapped[str] = mapped_column(String(16), default="")
    age_group: Mapped[str] = mapped_column(String(16), default="")
    area: Mapped[str] = mapped_column(String(16), default="")
    disability: Mapped[str] = mapped_column(String(16), default="")
    value: Mapped[float]
    unit: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(200), default="")
    illustrative: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    reported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: submitted (waiting for review), accepted, returned (with a note) or withdrawn (with a reason)
    state: Mapped[str] = mapped_column(String(16), default="accepted", server_default="accepted")
    #: the figure last accepted, which the KPIs count; None: nothing accepted yet, or withdrawn
    accepted_value: Mapped[float | None] = mapped_column(nullable=True)
    #: the reviewer's note when returned, the reason when withdrawn
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index(
            "ix_kpi_observations_rollup",
            "kpi",
            "period",
            "service_code",
            "org_id",
            "governorate",
            "sex",
            "age_group",
            "area",
            "disability",
            "accepted_value",
        ),
        Index("ix_kpi_observations_org_id", "org_id"),
        Index("ix_kpi_observations_state", "state"),
    )


class RoadmapVersion(Base):
    """One version of the adopted roadmap (the whole :class:`raqmana.roadmap.model.Roadmap` as JSON) with
    the change log from the version before it."""

    __tablename__ = "roadmap_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(unique=True)
    roadmap: Mapped[dict[str, Any]] = mapped_column(JSON)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    illustrative: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProgressReport(Base):
    """An initiative's progress in one quarter, reported by its owner institution."""

    __tablename__ = "progress_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative: Mapped[str] = mapped_column(String(64))
    quarter: Mapped[str] = mapped_column(String(7))
    owner_org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(16))
    percent_done: Mapped[float]
    milestones_met: Mapped[int] = mapped_column(default=0)
    spend_usd: Mapped[int] = mapped_column(BigInteger, default=0)
    blockers: Mapped[str] = mapped_column(Text, default="")
    illustrative: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    reported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("initiative", "quarter", name="uq_progress_reports_initiative_quarter"),
    )


class ServiceEdit(Base):
    """An owner institution's edit of a service card: submitted, then accepted (applied to the service)
    or returned with a note."""

    __tablename__ = "service_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(String(64))
    owner_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    #: the service version the edit was made on (0: a new service)
    base_version: Mapped[int] = mapped_column(default=0)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_service_edits_service_code_state", "service_code", "state"),)
