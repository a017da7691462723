"""Framework versions: the framework document as JSON with its id, version and content hash."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import JSONType, UTCDateTime, utcnow


class FrameworkVersion(Base):
    __tablename__ = "framework_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(32))
    #: SHA-256 of the canonical JSON document
    hash: Mapped[str] = mapped_column(String(64))
    #: deferred: a framework is ~1 MB of JSON, parsed once per process by ``workspace.frameworks.get_framework``;
    #: pages that only need the version's name must not load it
    document: Mapped[dict[str, Any]] = mapped_column(JSONType, deferred=True)
    #: set once an assessment uses this version; the document never changes after that
    frozen: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __table_args__ = (UniqueConstraint("framework_id", "version"),)
