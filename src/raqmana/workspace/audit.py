"""Audit use cases: record every change on the hash chain, list events, verify the chain."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, and_, cast, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from raqmana.store import audit as chain
from raqmana.store.audit import AuditReport, EventDraft
from raqmana.store.models import AuditEvent
from raqmana.workspace.actors import Actor
from raqmana.workspace.exceptions import Forbidden, NotFound
from raqmana.workspace.views import AuditEventView

__all__ = [
    "AuditPage",
    "AuditReport",
    "audit_events",
    "change_summary",
    "draft",
    "list_events",
    "record",
    "record_many",
    "verify_audit",
    "verify_audit_chain",
]


def draft(
    actor: Actor, action: str, entity_type: str, entity_id: object, *, before: Any = None, after: Any = None
) -> EventDraft:
    return EventDraft(actor.user_id, actor.audit_name(), action, entity_type, str(entity_id), before, after)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    *,
    before: Any = None,
    after: Any = None,
) -> None:
    """Append one event (who, when, what, before/after) in the current transaction; a change that other
    systems subscribe to also writes its domain event there (:func:`raqmana.workspace.outbox.from_audit`)."""
    record_many(session, [draft(actor, action, entity_type, entity_id, before=before, after=after)])


def record_many(session: Session, drafts: list[EventDraft]) -> None:
    from raqmana.workspace.outbox import from_audit

    chain.append(session, drafts)
    from_audit(session, drafts)


def list_events(
    session: Session,
    actor: Actor,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    limit: int = 100,
) -> list[AuditEventView]:
    if not (actor.is_admin or actor.has_role("coordinator")):
        raise Forbidden()
    q = (
        select(AuditEvent)
        .where(*_scope(actor))
        .order_by(AuditEvent.seq.desc())
        .limit(max(1, min(limit, 1000)))
    )
    if entity_type:
        q = q.where(AuditEvent.entity_type == entity_type)
    if entity_id:
        q = q.where(AuditEvent.entity_id == str(entity_id))
    return [
        AuditEventView(
            e.id,
            e.seq,
            e.at,
            e.actor_name,
            e.action,
            e.entity_type,
            e.entity_id,
            json.loads(e.before),
            json.loads(e.after),
        )
        for e in session.scalars(q)
    ]


def verify_audit(session: Session, *, checkpoints: Sequence[chain.Checkpoint] = ()) -> AuditReport:
    """Recompute the whole chain; the report names each edited, deleted or re-linked event and, with the
    workspace's audit key, a head or checkpoint whose signature does not hold."""
    return chain.verify(session, checkpoints=checkpoints)


# --- reading the log (administrators and coordinators) ------------------------------------------------
def may_read_audit(actor: Actor) -> bool:
    return actor.is_system or actor.is_admin or actor.has_role("coordinator")


def _scope(actor: Actor) -> list[Any]:
    """WHERE clauses for the events the actor may read: every event for managers of the whole tree; for
    managers of a branch, the events about its institutions (answers, evidence, comments, organisations,
    assignments there), about the people whose whole reach is the branch (their accounts and API tokens)
    and the actor's own actions — never the system-wide ones (rounds opened, frameworks, other branches)."""
    from raqmana.store.models import ApiToken, Organisation, Response, User
    from raqmana.workspace.permissions import branch_members, branch_orgs, managed_paths

    paths = managed_paths(actor)
    if paths is None:
        return []
    inside = branch_orgs(paths)
    members = branch_members(paths)
    ev = AuditEvent

    code_in_branch = (
        select(Organisation.id)
        .where(Organisation.id.in_(inside))
        .where(
            or_(
                ev.after.contains(literal('"institution":"') + Organisation.code + literal('"')),
                ev.before.contains(literal('"institution":"') + Organisation.code + literal('"')),
            )
        )
    )
    return [
        or_(
            ev.actor_id == (actor.user_id if actor.user_id is not None else -1),
            and_(
                ev.entity_type == "response",
                ev.entity_id.in_(select(cast(Response.id, String)).where(Response.org_id.in_(inside))),
            ),
            and_(
                ev.entity_type == "organisation",
                ev.entity_id.in_(select(cast(Organisation.id, String)).where(Organisation.id.in_(inside))),
            ),
            and_(
                ev.entity_type == "user",
                ev.entity_id.in_(select(cast(User.id, String)).where(User.id.in_(members))),
            ),
            and_(
                ev.entity_type == "api_token",
                ev.entity_id.in_(select(cast(ApiToken.id, String)).where(ApiToken.user_id.in_(members))),
            ),
            and_(ev.entity_type == "assessment", ev.action.startswith("assignment."), exists(code_in_branch)),
        )
    ]


def _require_reader(actor: Actor) -> None:
    if not may_read_audit(actor):
        raise NotFound("audit")  # outsiders do not learn that the page exists


@dataclass(frozen=True, slots=True)
class AuditFilters:
    user: str = ""
    entity_type: str = ""
    entity_id: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True, slots=True)
class AuditPage:
    events: list[AuditEventView]
    total: int  # events matching the filters
    filters: AuditFilters
    before: int | None  # this page holds events with seq < before (None: the newest)
    next_before: int | None  # the ``before`` of the next (older) page; None on the last page
    entity_types: list[str] = field(default_factory=list)  # every object type in the log, for the filter


def _view(e: AuditEvent) -> AuditEventView:
    return AuditEventView(
        e.id,
        e.seq,
        e.at,
        e.actor_name,
        e.action,
        e.entity_type,
        e.entity_id,
        json.loads(e.before),
        json.loads(e.after),
    )


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def audit_events(
    session: Session,
    actor: Actor,
    *,
    filters: AuditFilters | None = None,
    before: int | None = None,
    limit: int = 50,
) -> AuditPage:
    """One page of the audit log, newest first, filtered by user (part of the user name), object type and
    id, and dates (UTC, both ends included); ``before`` pages back by sequence number."""
    _require_reader(actor)
    f = filters or AuditFilters()
    limit = max(1, min(int(limit), 500))
    where: list[Any] = _scope(actor)
    if f.user.strip():
        text = f.user.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(func.lower(AuditEvent.actor_name).like(f"%{text}%", escape="\\"))
    if f.entity_type:
        where.append(AuditEvent.entity_type == f.entity_type)
    if f.entity_id:
        where.append(AuditEvent.entity_id == f.entity_id.strip())
    if f.since:
        where.append(AuditEvent.at >= _start_of(f.since))
    if f.until:
        where.append(AuditEvent.at < _start_of(f.until + timedelta(days=1)))
    total = session.scalar(select(func.count()).select_from(AuditEvent).where(*where)) or 0
    q = select(AuditEvent).where(*where)
    if before is not None:
        q = q.where(AuditEvent.seq < before)
    rows = list(session.scalars(q.order_by(AuditEvent.seq.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    types = sorted(t for t in session.scalars(select(AuditEvent.entity_type).distinct()) if t)
    return AuditPage(
        [_view(e) for e in rows], total, f, before, rows[-1].seq if more and rows else None, types
    )


def change_summary(before: Any, after: Any, *, width: int = 80) -> list[tuple[str, str, str]]:
    """(field, before, after) for each field an event changed (all fields of a creation or deletion),
    values shortened to ``width`` characters."""

    def short(v: Any) -> str:
        text = (
            "" if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
        )
        return text if len(text) <= width else text[: width - 1] + "…"

    if not isinstance(before, dict) and not isinstance(after, dict):
        return [] if before == after else [("", short(before), short(after))]
    b = before if isinstance(before, dict) else {}
    a = after if isinstance(after, dict) else {}
    return [
        (k, short(b.get(k)), short(a.get(k)))
        for k in sorted(set(b) | set(a), key=str)
        if b.get(k) != a.get(k)
    ]


def verify_audit_chain(session: Session, actor: Actor) -> AuditReport:
    """:func:`verify_audit` for the web: administrators and coordinators only (NotFound for others)."""
    _require_reader(actor)
    return chain.verify(session)
