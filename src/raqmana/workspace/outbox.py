"""Domain events: the transactional outbox.

An event ("round opened", "answer accepted", …) is a row of ``outbox_events`` written in the transaction
of the change it tells of — by :func:`from_audit`, which the audit chain calls for every recorded change,
or by :func:`emit` — together with one pending delivery per active webhook subscribed to its kind and a
``webhook_delivery`` job: a change that rolls back leaves no event, no delivery and no job. The job
worker sends them (:mod:`.webhook_delivery`); an idle worker queues the delivery job when a retry falls
due (:func:`queue_due`). Webhooks are registered by administrators (:mod:`.webhooks`).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.store import jobs as queue
from raqmana.store.audit import EventDraft
from raqmana.store.models import (
    Assessment,
    FeedbackCase,
    FrameworkVersion,
    Job,
    Organisation,
    OutboxEvent,
    Response,
    Webhook,
    WebhookDelivery,
)
from raqmana.store.types import utcnow

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

WEBHOOK_DELIVERY = "webhook_delivery"
#: event kinds and what they tell
KINDS: dict[str, str] = {
    "round.opened": "a coordinator opened an assessment round",
    "round.closed": "an assessment round was closed",
    "round.imported": "a round archive was imported",
    "answer.accepted": "a reviewer accepted an institution's answer",
    "portal.published": "a snapshot of the public portal was published",
    "complaint.answered": "an institution answered a citizen's complaint",
    "report.ready": "the reports of a round were rendered",
}
#: audit action → event kind
FROM_AUDIT = {
    "assessment.open": "round.opened",
    "assessment.close": "round.closed",
    "round.import": "round.imported",
    "response.accept": "answer.accepted",
    "publication.publish": "portal.published",
    "feedback.answer": "complaint.answered",
}


# --- writing events (inside the change's transaction) ------------------------------------------------------
def emit(session: Session, kind: str, subject_type: str, subject_id: object, data: dict[str, Any]) -> None:
    """Write an event and its pending deliveries in the current transaction; queue the delivery job."""
    if kind not in KINDS:
        raise ValueError(f"unknown event kind {kind!r}")
    now = utcnow()
    event = OutboxEvent(
        kind=kind, subject_type=subject_type, subject_id=str(subject_id)[:64], payload=data, created_at=now
    )
    session.add(event)
    session.flush()
    hooks = [w for w in session.scalars(select(Webhook).where(Webhook.active.is_(True))) if kind in w.kinds]
    for w in hooks:
        session.add(
            WebhookDelivery(
                webhook_id=w.id,
                event_id=event.id,
                delivery_id=str(uuid.uuid4()),
                status="pending",
                attempts=0,
                next_try_at=now,
                last_error="",
                created_at=now,
            )
        )
    if hooks:
        session.flush()
        _queue_job(session)


def _queue_job(session: Session) -> None:
    """One waiting delivery job is enough: it sends every delivery due when it runs."""
    waiting = session.scalar(
        select(func.count()).select_from(Job).where(Job.kind == WEBHOOK_DELIVERY, Job.status == queue.QUEUED)
    )
    if not waiting:
        queue.enqueue(session, kind=WEBHOOK_DELIVERY, payload={}, created_by=None)


def from_audit(session: Session, drafts: list[EventDraft]) -> None:
    """The events told by audited changes (called by the audit chain for everything it records)."""
    for d in drafts:
        kind = FROM_AUDIT.get(d.action)
        if kind is None:
            continue
        data = _data(session, d.entity_type, d.entity_id)
        if data is not None:
            emit(session, kind, d.entity_type, data.pop("_id", d.entity_id), data)


def _data(session: Session, entity: str, entity_id: str) -> dict[str, Any] | None:
    """What an event says of its subject: identifiers and codes, never texts people wrote or contacts."""
    if entity == "assessment":
        a = session.get(Assessment, int(entity_id))
        if a is None:
            return None
        fv = session.get(FrameworkVersion, a.framework_version_id)
        return {
            "assessment_id": a.id,
            "name": a.name,
            "period": a.period,
            "status": a.status,
            "framework": {"id": fv.framework_id, "version": fv.version} if fv else None,
            "illustrative": bool(a.illustrative),
        }
    if entity == "response":
        r = session.get(Response, int(entity_id))
        if r is None:
            return None
        org = session.get(Organisation, r.org_id)
        return {
            "assessment_id": r.assessment_id,
            "institution": org.code if org else None,
            "indicator": r.indicator_id,
            "state": r.state,
            "version": r.version,
        }
    if entity == "publication":
        return {"version": int(entity_id)}
    if entity == "feedback":  # the tracking number is the person's secret: not sent
        case = session.scalar(select(FeedbackCase).where(FeedbackCase.tracking == entity_id))
        if case is None:
            return None
        org = session.get(Organisation, case.org_id)
        return {
            "_id": case.id,
            "case_id": case.id,
            "institution": org.code if org else None,
            "kind": case.kind,
            "answered_at": case.answered_at.isoformat() if case.answered_at else None,
        }
    return {"id": entity_id}


def queue_due(ws: Workspace, *, now: datetime | None = None) -> bool:
    """Queue the delivery job when a delivery is due and no delivery job waits (an idle worker calls it)."""
    moment = now or utcnow()
    with ws.reader() as s:
        due = s.scalar(
            select(WebhookDelivery.id)
            .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
            .where(
                WebhookDelivery.status == "pending",
                WebhookDelivery.next_try_at <= moment,
                Webhook.active.is_(True),
            )
            .limit(1)
        )
    if due is None:
        return False
    with ws.transaction() as s:
        waiting = s.scalar(
            select(func.count())
            .select_from(Job)
            .where(Job.kind == WEBHOOK_DELIVERY, Job.status.in_((queue.QUEUED, queue.RUNNING)))
        )
        if waiting:
            return False
        queue.enqueue(s, kind=WEBHOOK_DELIVERY, payload={}, created_by=None)
    return True
