"""Secrets kept sealed in the database: a webhook's secret is needed to sign each delivery, so it cannot
be hashed like a password; it is encrypted with a key derived from the workspace's secret key.

The construction is the standard encrypt-then-MAC with HMAC-SHA256 as the pseudo-random function of a
counter-mode keystream (random 16-byte nonce) and as the MAC over nonce and ciphertext, with separate
keys derived for each use. A database copy alone does not reveal the secrets; changing the workspace's
secret key makes them unreadable (:class:`Unsealable`), and the webhooks must be registered again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_VERSION = "s1"


class Unsealable(ValueError):
    """The sealed value was damaged or sealed with another key."""


def _key(master: str, purpose: bytes) -> bytes:
    return hmac.new(master.encode("utf-8"), b"raqmana-webhook-secret:" + purpose, hashlib.sha256).digest()


def _stream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = (
        hmac.new(key, nonce + n.to_bytes(4, "big"), hashlib.sha256).digest() for n in range(length // 32 + 1)
    )
    return b"".join(blocks)[:length]


def seal(secret: str, master: str) -> str:
    """``secret`` encrypted and authenticated with a key derived from ``master``."""
    data = secret.encode("utf-8")
    nonce = secrets.token_bytes(16)
    body = bytes(a ^ b for a, b in zip(data, _stream(_key(master, b"enc"), nonce, len(data)), strict=True))
    tag = hmac.new(_key(master, b"mac"), nonce + body, hashlib.sha256).digest()
    return f"{_VERSION}:" + base64.urlsafe_b64encode(nonce + tag + body).decode("ascii")


def unseal(sealed: str, master: str) -> str:
    """The secret that :func:`seal` sealed; :class:`Unsealable` for a damaged value or another key."""
    version, _, packed = sealed.partition(":")
    try:
        raw = base64.urlsafe_b64decode(packed.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise Unsealable("not a sealed value") from None
    if version != _VERSION or len(raw) < 48:
        raise Unsealable("not a sealed value")
    nonce, tag, body = raw[:16], raw[16:48], raw[48:]
    expected = hmac.new(_key(master, b"mac"), nonce + body, hashlib.sha256).digest()
    if not hmac.compare_digest(tag, expected):
        raise Unsealable("sealed with another key or damaged")
    plain = bytes(a ^ b for a, b in zip(body, _stream(_key(master, b"enc"), nonce, len(body)), strict=True))
    try:
        return plain.decode("utf-8")
    except UnicodeDecodeError:
        raise Unsealable("damaged") from None
