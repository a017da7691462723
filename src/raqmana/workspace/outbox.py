"""Domain events and webhooks: the transactional outbox and its delivery.

An event ("round opened", "answer accepted", …) is a row of ``outbox_events`` written in the transaction
of the change it tells of — by :func:`from_audit`, which the audit chain calls for every recorded change,
or by :func:`emit` — together with one pending delivery per active webhook subscribed to its kind and a
``webhook_delivery`` job: a change that rolls back leaves no event, no delivery and no job.

The job worker delivers (:func:`deliver_due`): a POST of JSON signed with the webhook's secret
(:mod:`raqmana.exchange.signing`), the delivery id and time in headers and body; a 2xx answer marks it
delivered, anything else (or no answer within the timeout, or a redirect) is tried again after an
exponential backoff until the maximum of attempts, then marked failed. Each try is claimed by one
conditional UPDATE, so several workers never send the same try twice. An idle worker queues the
delivery job when a retry falls due (:func:`queue_due`). Administrators register webhooks (URL, secret
shown once, event kinds) and read the delivery log.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
import socket
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pydantic import BaseModel
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

import raqmana
from raqmana.exchange import errors as X
from raqmana.exchange import signing
from raqmana.exchange.sealing import Unsealable, seal, unseal
from raqmana.problems import Location
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
from raqmana.workspace.actors import Actor, Role
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed

if TYPE_CHECKING:
    from raqmana.settings import Settings
    from raqmana.workspace.factory import Workspace

log = logging.getLogger(__name__)
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
MIN_SECRET = 16
MAX_BACKOFF = timedelta(days=1)


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


# --- webhooks (administrators) ---------------------------------------------------------------------------
class WebhookView(BaseModel):
    id: int
    url: str
    description: str
    kinds: list[str]
    active: bool
    secret_hint: str
    created_at: datetime
    pending: int = 0
    delivered: int = 0
    failed: int = 0


class RegisteredWebhook(BaseModel):
    webhook: WebhookView
    #: shown this once; kept sealed afterwards
    secret: str


class DeliveryView(BaseModel):
    id: int
    delivery_id: str
    webhook_id: int
    url: str
    event_id: int
    kind: str
    status: str
    attempts: int
    last_code: int | None
    last_error: str
    next_try_at: datetime | None
    last_try_at: datetime | None
    delivered_at: datetime | None
    created_at: datetime


def _require_admin(actor: Actor) -> None:
    """Webhooks carry events of every institution: administrators of the whole tree only."""
    if not (actor.is_system or any(g.role is Role.ADMIN and g.org_id is None for g in actor.grants)):
        raise Forbidden()


def _private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return not ip.is_global or ip.is_multicast


def check_url(url: str, *, allow_private: bool) -> str:
    """An http(s) URL whose host resolves (and, unless ``allow_private``, only to public addresses)."""
    url = (url or "").strip()
    parts = urlsplit(url) if len(url) <= 2000 else None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in url)
    ):
        raise ValidationFailed.one(X.URL_NOT_HTTP, Location(field="url"), url=url[:200])
    if allow_private:
        return url
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        raise ValidationFailed.one(X.URL_UNRESOLVED, Location(field="url"), url=url[:200]) from None
    for info in infos:
        address = str(info[4][0])
        if _private(address):
            raise ValidationFailed.one(X.URL_PRIVATE, Location(field="url"), url=url[:200], address=address)
    return url


def _kinds(kinds: list[str]) -> list[str]:
    chosen = list(dict.fromkeys(k.strip() for k in kinds if k and k.strip()))
    if not chosen:
        raise ValidationFailed.one(X.KINDS_REQUIRED, Location(field="kinds"))
    for k in chosen:
        if k not in KINDS:
            raise ValidationFailed.one(
                X.KINDS_INVALID, Location(field="kinds"), kind=k[:64], kinds=", ".join(KINDS)
            )
    return chosen


def _view(session: Session, w: Webhook) -> WebhookView:
    counts = dict(
        session.execute(
            select(WebhookDelivery.status, func.count())
            .where(WebhookDelivery.webhook_id == w.id)
            .group_by(WebhookDelivery.status)
        ).all()
    )
    return WebhookView(
        id=w.id,
        url=w.url,
        description=w.description,
        kinds=list(w.kinds),
        active=w.active,
        secret_hint=w.secret_hint,
        created_at=w.created_at,
        pending=int(counts.get("pending", 0)),
        delivered=int(counts.get("delivered", 0)),
        failed=int(counts.get("failed", 0)),
    )


def register_webhook(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    url: str,
    kinds: list[str],
    secret: str = "",
    description: str = "",
) -> RegisteredWebhook:
    """An administrator subscribes ``url`` to event kinds; without ``secret`` one is generated. The secret
    is returned this once and kept sealed with the workspace's secret key."""
    _require_admin(actor)
    url = check_url(url, allow_private=settings.webhooks_may_reach_private)
    chosen = _kinds(kinds)
    secret = (secret or "").strip() or secrets.token_urlsafe(32)
    if len(secret) < MIN_SECRET or len(secret) > 200:
        raise ValidationFailed.one(X.SECRET_WEAK, Location(field="secret"), min=MIN_SECRET)
    w = Webhook(
        url=url,
        description=(description or "").strip()[:200],
        secret_sealed=seal(secret, settings.secret_key),
        secret_hint=secret[-4:],
        kinds=chosen,
        active=True,
        created_by=actor.user_id,
        created_at=utcnow(),
    )
    session.add(w)
    session.flush()
    from raqmana.workspace.audit import record

    record(session, actor, "webhook.create", "webhook", w.id, after={"url": url, "kinds": chosen})
    return RegisteredWebhook(webhook=_view(session, w), secret=secret)


def list_webhooks(session: Session, actor: Actor) -> list[WebhookView]:
    _require_admin(actor)
    return [_view(session, w) for w in session.scalars(select(Webhook).order_by(Webhook.id))]


def set_active(session: Session, actor: Actor, *, webhook_id: int, active: bool) -> WebhookView:
    """Pause or resume a webhook (a paused one gets no new deliveries; its pending ones wait until it is
    resumed)."""
    _require_admin(actor)
    w = session.get(Webhook, webhook_id) if isinstance(webhook_id, int) else None
    if w is None:
        raise NotFound("webhook")
    if w.active != active:
        from raqmana.workspace.audit import record

        record(
            session,
            actor,
            "webhook.update",
            "webhook",
            w.id,
            before={"active": w.active},
            after={"active": active},
        )
        w.active = active
        session.flush()
    return _view(session, w)


def delivery_log(
    session: Session,
    actor: Actor,
    *,
    webhook_id: int | None = None,
    status: str | None = None,
    limit: int = 100,
) -> list[DeliveryView]:
    """Deliveries newest first (status, response code, attempts, next try) for administrators."""
    _require_admin(actor)
    q = (
        select(WebhookDelivery, Webhook.url, OutboxEvent.kind)
        .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
        .join(OutboxEvent, OutboxEvent.id == WebhookDelivery.event_id)
        .order_by(WebhookDelivery.id.desc())
        .limit(max(1, min(int(limit), 500)))
    )
    if webhook_id is not None:
        q = q.where(WebhookDelivery.webhook_id == webhook_id)
    if status:
        q = q.where(WebhookDelivery.status == status)
    return [
        DeliveryView(
            id=d.id,
            delivery_id=d.delivery_id,
            webhook_id=d.webhook_id,
            url=url,
            event_id=d.event_id,
            kind=kind,
            status=d.status,
            attempts=d.attempts,
            last_code=d.last_code,
            last_error=d.last_error,
            next_try_at=d.next_try_at if d.status == "pending" else None,
            last_try_at=d.last_try_at,
            delivered_at=d.delivered_at,
            created_at=d.created_at,
        )
        for d, url, kind in session.execute(q).all()
    ]


# --- delivery (the job worker) ----------------------------------------------------------------------------
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:  # a redirect is an answer, not followed
        return None


def body_of(delivery: WebhookDelivery, event: OutboxEvent, sent_at: datetime) -> bytes:
    return json.dumps(
        {
            "delivery": delivery.delivery_id,
            "sent_at": sent_at.isoformat(),
            "event": {
                "id": event.id,
                "kind": event.kind,
                "occurred_at": event.created_at.isoformat(),
                "subject": {"type": event.subject_type, "id": event.subject_id},
                "data": event.payload,
            },
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")


def post(url: str, body: bytes, headers: dict[str, str], *, timeout: float) -> tuple[int | None, str]:
    """(HTTP status, error text) of one POST; no redirect followed. The one outbound seam of webhooks."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # nosec B310  # http(s) only: check_url
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as answer:  # nosec B310  # http(s) only: check_url
            answer.read(4096)
            return int(answer.status), ""
    except urllib.error.HTTPError as exc:
        return int(exc.code), f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return None, f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"[:300]


def _backoff(settings: Settings, attempts: int) -> timedelta:
    seconds = settings.webhook_backoff_seconds * (2 ** max(0, attempts - 1))
    return min(timedelta(seconds=seconds), MAX_BACKOFF)


def deliver_due(ws: Workspace, *, now: datetime | None = None, limit: int = 200) -> dict[str, int]:
    """Send every delivery due at ``now``: returns how many were delivered, will be retried, failed."""
    moment = now or utcnow()
    settings = ws.settings
    done = {"delivered": 0, "retry": 0, "failed": 0}
    with ws.reader() as s:
        due = list(
            s.scalars(
                select(WebhookDelivery.id)
                .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
                .where(
                    WebhookDelivery.status == "pending",
                    WebhookDelivery.next_try_at <= moment,
                    Webhook.active.is_(True),
                )
                .order_by(WebhookDelivery.id)
                .limit(limit)
            )
        )
    lease = timedelta(seconds=settings.webhook_timeout_seconds * 3 + 30)
    for delivery_id in due:
        with ws.transaction() as s:
            claimed = s.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == delivery_id,
                    WebhookDelivery.status == "pending",
                    WebhookDelivery.next_try_at <= moment,
                )
                .values(
                    attempts=WebhookDelivery.attempts + 1, next_try_at=moment + lease, last_try_at=utcnow()
                )
            )
            if not claimed.rowcount:  # type: ignore[attr-defined]
                continue  # another worker took it
            d = s.get(WebhookDelivery, delivery_id, populate_existing=True)
            assert d is not None
            w = s.get(Webhook, d.webhook_id)
            event = s.get(OutboxEvent, d.event_id)
            assert w is not None and event is not None
            sent_at = utcnow()
            body = body_of(d, event, sent_at)
            url, attempts, kind, ident = w.url, d.attempts, event.kind, d.delivery_id
            try:
                secret: str | None = unseal(w.secret_sealed, settings.secret_key)
            except Unsealable:
                secret = None
        if secret is None:
            code, error = None, X.SECRET_UNREADABLE.en
        else:
            try:
                check_url(url, allow_private=settings.webhooks_may_reach_private)
            except ValidationFailed as exc:
                code, error = None, exc.message("en")[:300]
            else:
                headers = {
                    "Content-Type": "application/json; charset=utf-8",
                    "User-Agent": f"raqmana/{raqmana.__version__}",
                    signing.SIGNATURE: signing.sign(body, secret),
                    signing.EVENT: kind,
                    signing.DELIVERY: ident,
                    signing.TIMESTAMP: str(int(sent_at.timestamp())),
                }
                code, error = post(url, body, headers, timeout=settings.webhook_timeout_seconds)
        ok = code is not None and 200 <= code < 300
        with ws.transaction() as s:
            d = s.get(WebhookDelivery, delivery_id)
            assert d is not None
            d.last_code, d.last_error = code, "" if ok else (error or f"HTTP {code}")
            if ok:
                d.status, d.delivered_at, d.next_try_at = "delivered", utcnow(), None
                done["delivered"] += 1
            elif attempts >= settings.webhook_attempts:
                d.status, d.next_try_at = "failed", None
                done["failed"] += 1
            else:
                d.next_try_at = moment + _backoff(settings, attempts)
                done["retry"] += 1
        if not ok:
            log.warning("webhook delivery %s to %s: %s (attempt %s)", ident, url, error or code, attempts)
    return done


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


def run_delivery_job(ws: Workspace, payload: dict[str, Any], progress: Any) -> dict[str, Any]:
    """The ``webhook_delivery`` job: send what is due."""
    result = deliver_due(ws)
    progress(1.0, ", ".join(f"{k} {v}" for k, v in result.items()))
    return result
