"""Webhook signatures: ``X-Raqmana-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>``.

The body carries the delivery id and the moment it was sent (``sent_at``, also in
``X-Raqmana-Timestamp``), so the signature covers both: a receiver that drops deliveries older than a few
minutes, and delivery ids it has seen, is safe from replays.
"""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "sha256="
SIGNATURE = "X-Raqmana-Signature"
EVENT = "X-Raqmana-Event"
DELIVERY = "X-Raqmana-Delivery"
TIMESTAMP = "X-Raqmana-Timestamp"


def sign(body: bytes, secret: str) -> str:
    """The signature header's value for ``body``."""
    return PREFIX + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header: str) -> bool:
    """Whether ``header`` is the signature of ``body`` with ``secret`` (constant-time comparison)."""
    return hmac.compare_digest(sign(body, secret), header or "")
