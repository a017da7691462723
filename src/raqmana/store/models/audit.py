"""Append-only audit events, hash-chained: each event's hash covers the previous hash and its content."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from raqmana.store.base import Base
from raqmana.store.types import UTCDateTime


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: 1, 2, 3 … without gaps (a gap means a deleted event)
    seq: Mapped[int] = mapped_column(unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column()  # no FK: the log outlives users
    actor_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    #: canonical JSON text (sorted keys) so the hash can be recomputed byte for byte
    before: Mapped[str] = mapped_column(Text, default="null")
    after: Mapped[str] = mapped_column(Text, default="null")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_events_entity", "entity_type", "entity_id"),
        Index("ix_audit_events_at", "at"),
    )


class AuditHead(Base):
    """One row: the last sequence number and hash. Updating it serialises writers of the chain."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64))
    #: HMAC-SHA256 of (seq, hash) with the audit key held outside the database ("" when unsigned)
    signature: Mapped[str] = mapped_column(String(64), default="", server_default="")
    #: which key signed it (first 16 hex digits of the key's SHA-256)
    key_id: Mapped[str] = mapped_column(String(16), default="", server_default="")
