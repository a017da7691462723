"""Audit use cases: record every change on the hash chain, list events, verify the chain."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.store import audit as chain
from raqmana.store.audit import AuditReport, EventDraft
from raqmana.store.models import AuditEvent
from raqmana.workspace.actors import Actor
from raqmana.workspace.exceptions import Forbidden
from raqmana.workspace.views import AuditEventView

__all__ = ["AuditReport", "draft", "list_events", "record", "record_many", "verify_audit"]


def draft(actor: Actor, action: str, entity_type: str, entity_id: object, *, before: Any = None,
          after: Any = None) -> EventDraft:
    return EventDraft(actor.user_id, actor.audit_name(), action, entity_type, str(entity_id), before, after)


def record(session: Session, actor: Actor, action: str, entity_type: str, entity_id: object, *,
           before: Any = None, after: Any = None) -> None:
    """Append one event (who, when, what, before/after) in the current transaction."""
    chain.append(session, [draft(actor, action, entity_type, entity_id, before=before, after=after)])


def record_many(session: Session, drafts: list[EventDraft]) -> None:
    chain.append(session, drafts)


def list_events(session: Session, actor: Actor, *, entity_type: str | None = None,
                entity_id: str | None = None, limit: int = 100) -> list[AuditEventView]:
    if not (actor.is_admin or actor.has_role("coordinator")):
        raise Forbidden()
    q = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(max(1, min(limit, 1000)))
    if entity_type:
        q = q.where(AuditEvent.entity_type == entity_type)
    if entity_id:
        q = q.where(AuditEvent.entity_id == str(entity_id))
    return [AuditEventView(e.id, e.seq, e.at, e.actor_name, e.action, e.entity_type, e.entity_id,
                           json.loads(e.before), json.loads(e.after)) for e in session.scalars(q)]


def verify_audit(session: Session) -> AuditReport:
    """Recompute the whole chain; the report names each edited, deleted or re-linked event."""
    return chain.verify(session)
