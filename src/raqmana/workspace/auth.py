"""Sign-in with rate limits and backoff, browser sessions, and loading an :class:`Actor`.

``login`` takes the :class:`~raqmana.workspace.factory.Workspace` (not a session) because a failed
attempt must be stored even though the call raises :class:`LoginRefused`.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
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
#: the first pause after settings.login_attempts failures on one account from one address; it doubles
#: with each further failure, up to BACKOFF_MAX
BACKOFF_START = timedelta(seconds=30)
BACKOFF_MAX = timedelta(minutes=15)
#: failures are forgotten after this long without one
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
        select(
            RoleGrant.role,
            RoleGrant.org_id,
            Organisation.code,
            Organisation.path,
            Organisation.name_en,
            Organisation.name_ar,
            Organisation.name_ckb,
        )
        .outerjoin(Organisation, Organisation.id == RoleGrant.org_id)
        .where(RoleGrant.user_id == user_id)
        .order_by(RoleGrant.id)
    )
    grants = tuple(
        Grant(
            Role(role),
            org_id,
            code,
            path or "",
            None if org_id is None else Translated(en=en or "", ar=ar or "", ckb=ckb or ""),
        )
        for role, org_id, code, path, en, ar, ckb in rows
    )
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
    """Check the password and open a session; raise LoginRefused (after storing the failure).

    Every attempt that is not paused checks one Argon2 hash, the dummy one for an unknown or deactivated
    user, so the answer and its time do not tell whether an account exists. Failures pause further
    attempts on the same account *from the same client address* (exponential backoff, see
    :func:`backoff`) and on any account from an address that guesses many names: a stranger elsewhere
    cannot lock the owner of an account out."""
    now = now or utcnow()
    name = username.strip().lower()
    refusal: LoginRefused | None = None
    with ws.transaction() as session:
        refusal = _throttled(session, name, client, ws.settings.login_attempts, now)
        hasher = passwords.of(session)
        if refusal is None:
            user = session.scalar(select(User).where(User.username == name))
            usable = user is not None and user.is_active
            ok = hasher.verify(user.password_hash if usable and user is not None else None, password)
            if user is not None and user.locked_until is not None and user.locked_until > now:
                refusal = LoginRefused(E.ACCOUNT_LOCKED, locked_until=user.locked_until)
            elif not ok or user is None or not usable:
                refusal = _fail(session, user, name, client, ws.settings.login_attempts, now)
            else:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = now
                session.execute(delete(LoginThrottle).where(LoginThrottle.key == _pair_key(name, client)))
                if hasher.needs_rehash(user.password_hash):
                    user.password_hash = hasher.hash(password)
                issued = create_session(
                    session, user_id=user.id, client=client, user_agent=user_agent, now=now
                )
                actor = load_actor(session, user.id)
                record(session, actor, "user.login", "user", user.id, after={"client": client})
                return actor, issued
    raise refusal


def backoff(failures: int, attempts: int) -> timedelta:
    """The pause after ``failures`` failed sign-ins in a row on one account from one address: none before
    ``attempts``, then BACKOFF_START doubling with each further failure, at most BACKOFF_MAX."""
    if failures < attempts:
        return timedelta(0)
    doubled: timedelta = BACKOFF_START * (2 ** min(failures - attempts, 20))
    return min(BACKOFF_MAX, doubled)


def _pair_key(username: str, client: str) -> str:
    """Throttle key of one account name (known or not) from one client address (fits 128 characters)."""
    return f"pair:{client[:45]}|{username[:70]}"


def _throttled(
    session: Session, username: str, client: str, attempts: int, now: datetime
) -> LoginRefused | None:
    pair = session.get(LoginThrottle, _pair_key(username, client))
    if pair is not None:
        # for a pair, ``window_start`` is the time of its last failure
        until = pair.window_start + backoff(pair.failures, attempts)
        if until > now:
            return LoginRefused(E.RATE_LIMITED, retry_after=_seconds(until - now))
    if not client:
        return None
    row = session.get(LoginThrottle, f"client:{client[:100]}")
    if row is None or row.window_start + THROTTLE_WINDOW <= now:
        return None
    if row.failures >= attempts * THROTTLE_FACTOR:
        return LoginRefused(E.RATE_LIMITED, retry_after=_seconds(row.window_start + THROTTLE_WINDOW - now))
    return None


def _seconds(delta: timedelta) -> int:
    return int(delta.total_seconds()) + 1


def _count(session: Session, key: str, now: datetime, *, since_last: bool) -> LoginThrottle:
    """One more failure under ``key``; the count starts again after THROTTLE_WINDOW without failures
    (``since_last``: the window runs from the last failure, else from the first)."""
    row = session.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=1, window_start=now)
        session.add(row)
    elif row.window_start + THROTTLE_WINDOW <= now:
        row.failures, row.window_start = 1, now
    else:
        row.failures += 1
        if since_last:
            row.window_start = now
    return row


def _fail(
    session: Session, user: User | None, username: str, client: str, attempts: int, now: datetime
) -> LoginRefused:
    # rows that can pause nothing any more go (a flood of invented names must not fill the table)
    session.execute(
        delete(LoginThrottle).where(LoginThrottle.window_start < now - THROTTLE_WINDOW - BACKOFF_MAX)
    )
    if client:
        _count(session, f"client:{client[:100]}", now, since_last=False)
    pair = _count(session, _pair_key(username, client), now, since_last=True)
    pause = backoff(pair.failures, attempts)
    if user is not None:
        user.failed_logins += 1
        if pair.failures == attempts:
            record(
                session,
                Actor(user.id, user.username, user.display_name),
                "user.throttled",
                "user",
                user.id,
                after={"client": client, "seconds": int(pause.total_seconds())},
            )
    return LoginRefused(E.RATE_LIMITED, retry_after=_seconds(pause)) if pause else LoginRefused()


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
