"""Webhook delivery by the job worker (the ``webhook_delivery`` job): a POST of JSON signed with the
webhook's secret (:mod:`raqmana.exchange.signing`), the delivery id and time in headers and body; a 2xx
answer marks it delivered, anything else (or no answer within the timeout, or a redirect) is tried again
after an exponential backoff until the maximum of attempts, then marked failed. Each try is claimed by
one conditional UPDATE, so several workers never send the same try twice."""

from __future__ import annotations

import http.client
import json
import logging
import socket
import ssl
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import select, update

import raqmana
from raqmana.exchange import errors as X
from raqmana.exchange import signing
from raqmana.exchange.sealing import Unsealable, unseal
from raqmana.store.models import OutboxEvent, Webhook, WebhookDelivery
from raqmana.store.types import utcnow
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.webhooks import checked_address

if TYPE_CHECKING:
    from raqmana.settings import Settings
    from raqmana.workspace.factory import Workspace

log = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(days=1)


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


def post(
    url: str, body: bytes, headers: dict[str, str], *, timeout: float, address: str | None = None
) -> tuple[int | None, str]:
    """(HTTP status, error text) of one POST to ``url``, connecting to ``address`` when given (the one the
    name resolved to when it was checked) with the URL's host name in the Host header and, over https, in
    the TLS server name and certificate check. A redirect is an answer, never followed. The one outbound
    seam of webhooks."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
    if address is not None:
        pinned = address

        def connect_pinned(
            where: tuple[str, int], timeout: float | None = None, source: tuple[str, int] | None = None
        ) -> socket.socket:
            return socket.create_connection((pinned, where[1]), timeout, source)

        connection._create_connection = connect_pinned  # type: ignore[attr-defined]
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    try:
        connection.request("POST", target, body=body, headers=headers)
        answer = connection.getresponse()
        answer.read(4096)
        code = int(answer.status)
        return code, "" if 200 <= code < 300 else f"HTTP {code}"
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return None, f"{type(exc).__name__}: {exc}"[:300]
    finally:
        connection.close()


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
                url, address = checked_address(url, allow_private=settings.webhooks_may_reach_private)
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
                code, error = post(
                    url, body, headers, timeout=settings.webhook_timeout_seconds, address=address
                )
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


def run_delivery_job(ws: Workspace, payload: dict[str, Any], progress: Any) -> dict[str, Any]:
    """The ``webhook_delivery`` job: send what is due."""
    result = deliver_due(ws)
    progress(1.0, ", ".join(f"{k} {v}" for k, v in result.items()))
    return result
