"""Webhooks: administrators of the whole tree subscribe an http(s) address to event kinds (its secret
shown once, kept sealed), pause or resume it, and read the delivery log."""

from __future__ import annotations

import ipaddress
import secrets
import socket
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.exchange import errors as X
from raqmana.exchange.sealing import seal
from raqmana.problems import Location
from raqmana.store.models import OutboxEvent, Webhook, WebhookDelivery
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor, Role
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.outbox import KINDS

if TYPE_CHECKING:
    from raqmana.settings import Settings

MIN_SECRET = 16


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
    return checked_address(url, allow_private=allow_private)[0]


def checked_address(url: str, *, allow_private: bool) -> tuple[str, str | None]:
    """The URL and the one address a delivery connects to, resolved once and checked: every address the
    name resolves to must be public unless ``allow_private``. Delivery connects to this address itself
    (never resolving the name again), so a name that answers a public address to the check and a private
    one to the connection (DNS rebinding) cannot reach the inside of the network. With ``allow_private``
    a name that does not resolve now is accepted (None: the connection resolves it)."""
    url = (url or "").strip()
    parts = urlsplit(url) if len(url) <= 2000 else None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in url)
    ):
        raise ValidationFailed.one(X.URL_NOT_HTTP, Location(field="url"), url=url[:200])
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        infos = []
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        if allow_private:  # nothing to protect: the connection resolves the name itself (and may fail)
            return url, None
        raise ValidationFailed.one(X.URL_UNRESOLVED, Location(field="url"), url=url[:200])
    if not allow_private:
        for address in addresses:
            if _private(address):
                raise ValidationFailed.one(
                    X.URL_PRIVATE, Location(field="url"), url=url[:200], address=address
                )
    return url, addresses[0]


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
