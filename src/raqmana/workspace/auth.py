"""Sign-in with rate limit and lockout, browser sessions, and loading an :class:`Actor`.

``login`` takes the :class:`~raqmana.workspace.factory.Workspace` (not a session) because a failed
attempt must be stored even though the call raises :class:`LoginRefused`.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from raqmana.store.models import AuthSession, LoginThrottle, Organisation, RoleGrant, User
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace import passwords
from raqmana.workspace.actors import Actor, Grant, Role
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import LoginRefused, NotAuthenticated, NotFound
from raqmana.workspace.views import IssuedSession

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

SESSION_IDLE = timedelta(hours=12)
SESSION_TOUCH = timedelta(minutes=5)
LOCKOUT = timedelta(minutes=15)
THROTTLE_WINDOW = timedelta(minutes=15)
#: failed sign-ins allowed per client address in a window = settings.login_attempts × this
THROTTLE_FACTOR = 4


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def load_actor(session: Session, user_id: int) -> Actor:
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise NotFound("user")
    rows = session.execute(
        select(RoleGrant.role, RoleGrant.org_id, Organisation.code, Organisation.path)
        .outerjoin(Organisation, Organisation.id == RoleGrant.org_id)
        .where(RoleGrant.user_id == user_id)
        .order_by(RoleGrant.id)
    )
    grants = tuple(Grant(Role(role), org_id, code, path or "") for role, org_id, code, path in rows)
    return Actor(user.id, user.username, user.display_name, user.locale, grants)


def login(
    ws: Workspace,
    *,
    username: str,
    password: str,
    client: str = "",
    user_agent: str = "",
    now: datetime | None = None,
) -> tuple[Actor, IssuedSession]:
    """Check the password and open a session; raise LoginRefused (after storing the failure)."""
    now = now or utcnow()
    refusal: LoginRefused | None = None
    with ws.transaction() as session:
        refusal = _throttled(session, client, ws.settings.login_attempts, now)
        hasher = passwords.of(session)
        if refusal is None:
            user = session.scalar(select(User).where(User.username == username.strip().lower()))
            if user is not None and user.locked_until is not None and user.locked_until > now:
                hasher.verify(None, password)
                refusal = LoginRefused(E.ACCOUNT_LOCKED, locked_until=user.locked_until)
            elif user is None or not user.is_active or not hasher.verify(user.password_hash, password):
                refusal = _fail(session, user, client, ws.settings.login_attempts, now)
            else:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = now
                if hasher.needs_rehash(user.password_hash):
                    user.password_hash = hasher.hash(password)
                issued = create_session(
                    session, user_id=user.id, client=client, user_agent=user_agent, now=now
                )
                actor = load_actor(session, user.id)
                record(session, actor, "user.login", "user", user.id, after={"client": client})
                return actor, issued
    raise refusal


def _throttled(session: Session, client: str, attempts: int, now: datetime) -> LoginRefused | None:
    if not client:
        return None
    row = session.get(LoginThrottle, f"client:{client}")
    if row is None or row.window_start + THROTTLE_WINDOW <= now:
        return None
    if row.failures >= attempts * THROTTLE_FACTOR:
        retry = int((row.window_start + THROTTLE_WINDOW - now).total_seconds()) + 1
        return LoginRefused(E.RATE_LIMITED, retry_after=retry)
    return None


def _fail(session: Session, user: User | None, client: str, attempts: int, now: datetime) -> LoginRefused:
    if client:
        key = f"client:{client[:100]}"
        row = session.get(LoginThrottle, key)
        if row is None:
            session.add(LoginThrottle(key=key, failures=1, window_start=now))
        elif row.window_start + THROTTLE_WINDOW <= now:
            row.failures, row.window_start = 1, now
        else:
            row.failures += 1
    if user is None:
        return LoginRefused()
    user.failed_logins += 1
    if user.failed_logins >= attempts:
        user.failed_logins = 0
        user.locked_until = now + LOCKOUT
        record(
            session,
            Actor(user.id, user.username, user.display_name),
            "user.locked",
            "user",
            user.id,
            after={"locked_until": user.locked_until.isoformat()},
        )
        return LoginRefused(E.ACCOUNT_LOCKED, locked_until=user.locked_until)
    return LoginRefused()


def create_session(
    session: Session, *, user_id: int, client: str = "", user_agent: str = "", now: datetime | None = None
) -> IssuedSession:
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    expires = now + SESSION_IDLE
    session.add(
        AuthSession(
            token_hash=token_digest(token),
            user_id=user_id,
            created_at=now,
            last_seen_at=now,
            expires_at=expires,
            client=client[:64],
            user_agent=user_agent[:300],
        )
    )
    session.flush()
    return IssuedSession(token, expires)


def verify_session(session: Session, *, token: str, now: datetime | None = None) -> Actor:
    """The actor of a live session token (idle expiry slides forward); NotAuthenticated otherwise."""
    now = now or utcnow()
    if not token or len(token) > 200:
        raise NotAuthenticated()
    row = session.scalar(select(AuthSession).where(AuthSession.token_hash == token_digest(token)))
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise NotAuthenticated()
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise NotAuthenticated()
    if now - row.last_seen_at >= SESSION_TOUCH:
        row.last_seen_at = now
        row.expires_at = now + SESSION_IDLE
    return load_actor(session, row.user_id)


def revoke_session(session: Session, *, token: str) -> None:
    """Sign out: the token stops working at once. Unknown tokens are ignored."""
    session.execute(
        update(AuthSession)
        .where(AuthSession.token_hash == token_digest(token), AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def revoke_all_sessions(session: Session, *, user_id: int) -> None:
    session.execute(
        update(AuthSession)
        .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
