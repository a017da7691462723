"""The organisation tree: government bodies with a materialised path for fast subtree queries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime, utcnow


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    #: "/<root id>/…/<own id>/" — a subtree is every row whose path starts with the root's path
    path: Mapped[str] = mapped_column(String(512), default="")
    depth: Mapped[int] = mapped_column(default=0)
    name_en: Mapped[str] = mapped_column(String(300))
    name_ar: Mapped[str] = mapped_column(String(300))
    name_ckb: Mapped[str] = mapped_column(String(300), default="")
    #: "attested" (a source shows it) or "proposed" (written for raqmana, to be checked)
    ckb_status: Mapped[str] = mapped_column(String(16), default="")
    iso_3166_2: Mapped[str] = mapped_column(String(16), default="")
    capital_en: Mapped[str] = mapped_column(String(120), default="")
    capital_ar: Mapped[str] = mapped_column(String(120), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_organisations_path", "path"),
        Index("ix_organisations_parent_id", "parent_id"),
    )
