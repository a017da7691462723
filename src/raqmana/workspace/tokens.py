"""CSRF tokens (itsdangerous, keyed by settings.secret_key) and API tokens for scripts."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.settings import Settings
from raqmana.store.models import ApiToken, User
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.auth import load_actor, token_digest
from raqmana.workspace.exceptions import Forbidden, NotAuthenticated, NotFound, ValidationFailed
from raqmana.workspace.views import ApiTokenView

#: how stale "last used" of a token may get before a request records it again
LAST_USED_STEP_SECONDS = 60

CSRF_SALT = "raqmana.csrf"
TOKEN_PREFIX = "rqm_"  # nosec B105  # the visible prefix of API tokens, not a secret


def _csrf_binding(session_token: str) -> str:
    return hashlib.sha256(("csrf:" + session_token).encode()).hexdigest()[:32]


def make_csrf_token(settings: Settings, session_token: str) -> str:
    """A signed token bound to the session (use any stable per-browser value before sign-in)."""
    return URLSafeTimedSerializer(settings.secret_key, salt=CSRF_SALT).dumps(_csrf_binding(session_token))


def check_csrf_token(
    settings: Settings, session_token: str, csrf_token: str, *, max_age: int = 12 * 3600
) -> bool:
    if not csrf_token or not session_token:
        return False
    try:
        value = URLSafeTimedSerializer(settings.secret_key, salt=CSRF_SALT).loads(csrf_token, max_age=max_age)
    except BadSignature:
        return False
    return isinstance(value, str) and hmac.compare_digest(value, _csrf_binding(session_token))


def _view(t: ApiToken) -> ApiTokenView:
    return ApiTokenView(t.id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at is not None)


def create_api_token(session: Session, actor: Actor, *, name: str) -> tuple[ApiTokenView, str]:
    """A new token for the actor's scripts; the plaintext is returned once and stored only hashed."""
    if actor.user_id is None:
        raise Forbidden()
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationFailed.one(E.NAME_REQUIRED, field=E.WHAT["name"])
    secret = secrets.token_urlsafe(32)
    token = TOKEN_PREFIX + secret
    row = ApiToken(
        user_id=actor.user_id,
        name=name,
        prefix=secret[:8],
        token_hash=token_digest(token),
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    record(session, actor, "token.create", "api_token", row.id, after={"name": name, "prefix": row.prefix})
    return _view(row), token


def verify_api_token(session: Session, *, token: str) -> Actor:
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        raise NotAuthenticated()
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(token)))
    if row is None or row.revoked_at is not None:
        raise NotAuthenticated()
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise NotAuthenticated()
    now = utcnow()
    if row.last_used_at is None or (now - row.last_used_at).total_seconds() > LAST_USED_STEP_SECONDS:
        row.last_used_at = now  # once a minute at most: not a write transaction for every API request
    return load_actor(session, row.user_id)


def list_api_tokens(session: Session, actor: Actor) -> list[ApiTokenView]:
    if actor.user_id is None:
        return []
    return [
        _view(t)
        for t in session.scalars(
            select(ApiToken).where(ApiToken.user_id == actor.user_id).order_by(ApiToken.id)
        )
    ]


def revoke_api_token(session: Session, actor: Actor, *, token_id: int) -> None:
    row = session.get(ApiToken, token_id)
    if row is None or (row.user_id != actor.user_id and not actor.is_global_admin):
        raise NotFound("token")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        record(session, actor, "token.revoke", "api_token", row.id)
