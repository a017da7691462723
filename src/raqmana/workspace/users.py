"""User accounts and role grants (admins manage everyone; coordinators grant working roles in their subtree)."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from raqmana.i18n import LOCALES
from raqmana.problems import Location
from raqmana.store.models import ApiToken, AuthSession, Organisation, RoleGrant, User
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace import passwords, policy
from raqmana.workspace.actors import MANAGER_ROLES, Actor, Role
from raqmana.workspace.audit import record
from raqmana.workspace.auth import revoke_all_sessions, token_digest
from raqmana.workspace.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.orgs import get_org_by_code, org_name
from raqmana.workspace.permissions import branch_people, covers_org, managed_paths
from raqmana.workspace.views import GrantView, UserView

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
#: roles a coordinator may hand out (admins may hand out any)
COORDINATOR_GRANTABLE = frozenset({Role.FOCAL_POINT, Role.REVIEWER, Role.VIEWER})


def _grant_views(
    session: Session, user_id: int, paths: tuple[str, ...] | None = None
) -> tuple[GrantView, ...]:
    """A user's grants; with ``paths`` (a branch manager's subtrees) only those inside them."""
    rows = session.execute(
        select(RoleGrant, Organisation)
        .outerjoin(Organisation, Organisation.id == RoleGrant.org_id)
        .where(RoleGrant.user_id == user_id)
        .order_by(RoleGrant.id)
    )
    return tuple(
        GrantView(g.id, Role(g.role), o.code if o else None, org_name(o) if o else None)
        for g, o in rows
        if covers_org(paths, o.path if o else None)
    )


def _view(session: Session, u: User, paths: tuple[str, ...] | None = None) -> UserView:
    return UserView(
        u.id,
        u.username,
        u.display_name,
        u.email,
        u.locale,
        u.is_active,
        u.locked_until,
        _grant_views(session, u.id, paths),
    )


def _check_locale(locale: str) -> str:
    if locale not in LOCALES:
        raise ValidationFailed.one(E.LOCALE_INVALID, Location(field="locale"), value=locale)
    return locale


def create_user(
    session: Session,
    actor: Actor,
    *,
    username: str,
    password: str,
    display_name: str,
    email: str = "",
    locale: str = "ar",
    hasher: Callable[[str], str] | None = None,
) -> UserView:
    if not actor.is_manager:
        raise Forbidden()
    username = (username or "").strip().lower()
    if not USERNAME_RE.match(username):
        raise ValidationFailed.one(E.USERNAME_INVALID, Location(field="username"))
    display_name = (display_name or "").strip()
    if not display_name or len(display_name) > 200:
        raise ValidationFailed.one(
            E.NAME_REQUIRED, Location(field="display_name"), field=E.WHAT["display_name"]
        )
    if len(email) > 254:
        raise ValidationFailed.one(E.TOO_LONG, Location(field="email"), max=254)
    _check_locale(locale)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(E.USERNAME_TAKEN, username=username)
    user = User(
        username=username,
        display_name=display_name,
        email=email.strip(),
        locale=locale,
        password_hash=(hasher or passwords.of(session).hash)(password),
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    record(
        session,
        actor,
        "user.create",
        "user",
        user.id,
        after={"username": username, "display_name": display_name, "locale": locale},
    )
    return _view(session, user)


def list_users(session: Session, actor: Actor) -> list[UserView]:
    """Everyone for managers of the whole tree; for managers of a branch, the people with a role or an
    assignment in it (and accounts still without any role), showing only their grants inside it."""
    if not actor.is_manager:
        raise Forbidden()
    paths = managed_paths(actor)
    q = select(User).order_by(User.username)
    if paths is not None:
        q = q.where(branch_people(paths))
    return [_view(session, u, paths) for u in session.scalars(q)]


def get_user(session: Session, actor: Actor, user_id: int) -> UserView:
    """One's own account, or one a manager sees in :func:`list_users`; NotFound otherwise."""
    user = session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None:
        raise NotFound("user")
    if actor.user_id == user_id:
        return _view(session, user)
    paths = managed_paths(actor) if actor.is_manager else ()
    if paths == () or (
        paths is not None
        and session.scalar(select(User.id).where(User.id == user_id, branch_people(paths))) is None
    ):
        raise NotFound("user")
    return _view(session, user, paths)


def get_user_by_username(session: Session, actor: Actor, username: str) -> UserView:
    user_id = session.scalar(select(User.id).where(User.username == username.strip().lower()))
    if user_id is None:
        raise NotFound("user")
    return get_user(session, actor, user_id)


def _may_grant(actor: Actor, role: Role, org: Organisation | None) -> bool:
    if actor.is_global_admin:
        return True
    target = org.path if org is not None else None
    for g in actor.grants:
        if g.role not in MANAGER_ROLES or target is None or not g.covers(target):
            continue
        if g.role is Role.ADMIN or role in COORDINATOR_GRANTABLE:
            return True
    return False


def grant_role(
    session: Session, actor: Actor, *, user_id: int, role: Role | str, org_code: str | None
) -> GrantView:
    if not actor.is_manager:
        raise Forbidden()
    try:
        role = Role(role)
    except ValueError:
        raise ValidationFailed.one(E.ROLE_INVALID, Location(field="role"), value=str(role)) from None
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user")
    org = get_org_by_code(session, org_code) if org_code else None
    if not _may_grant(actor, role, org):
        raise Forbidden()
    if user_id == actor.user_id and policy.of(session).four_eyes:
        raise Forbidden(E.SELF_GRANT)  # four eyes: another manager gives one a role
    org_id = org.id if org else None
    existing = session.scalar(
        select(RoleGrant).where(
            RoleGrant.user_id == user_id,
            RoleGrant.role == role.value,
            RoleGrant.org_id.is_(None) if org_id is None else RoleGrant.org_id == org_id,
        )
    )
    if existing is not None:
        return GrantView(existing.id, role, org_code, org_name(org) if org else None)
    grant = RoleGrant(
        user_id=user_id, role=role.value, org_id=org_id, created_by=actor.user_id, created_at=utcnow()
    )
    session.add(grant)
    session.flush()
    record(session, actor, "grant.create", "user", user_id, after={"role": role.value, "org": org_code})
    return GrantView(grant.id, role, org_code, org_name(org) if org else None)


def revoke_grant(session: Session, actor: Actor, *, grant_id: int) -> None:
    grant = session.get(RoleGrant, grant_id)
    if grant is None or not actor.is_manager:
        raise NotFound("grant")
    org = session.get(Organisation, grant.org_id) if grant.org_id else None
    if not _may_grant(actor, Role(grant.role), org):
        raise Forbidden()
    record(
        session,
        actor,
        "grant.revoke",
        "user",
        grant.user_id,
        before={"role": grant.role, "org": org.code if org else None},
    )
    session.delete(grant)


def change_password(
    session: Session,
    actor: Actor,
    *,
    old_password: str,
    new_password: str,
    keep_session: str | None = None,
    keep_tokens: bool = False,
) -> None:
    """Change one's own password. Every other session of the account ends (the one whose token is
    ``keep_session``, the browser that asked, stays signed in) and its API tokens are revoked unless the
    user chose ``keep_tokens``: whoever learnt the old password loses what they opened with it."""
    user = session.get(User, actor.user_id) if actor.user_id else None
    if user is None:
        raise NotFound("user")
    if not passwords.of(session).verify(user.password_hash, old_password):
        raise ValidationFailed.one(E.WRONG_PASSWORD, Location(field="old_password"))
    user.password_hash = passwords.of(session).hash(new_password)
    now = utcnow()
    other = [AuthSession.token_hash != token_digest(keep_session)] if keep_session else []
    session.execute(
        update(AuthSession)
        .where(AuthSession.user_id == user.id, AuthSession.revoked_at.is_(None), *other)
        .values(revoked_at=now)
    )
    if not keep_tokens:
        session.execute(
            update(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
    record(session, actor, "user.password", "user", user.id, after={"tokens_kept": keep_tokens})


def set_password(
    session: Session,
    actor: Actor,
    *,
    user_id: int,
    password: str,
    hasher: Callable[[str], str] | None = None,
) -> None:
    """An administrator resets a password (and unlocks the account; existing sessions end)."""
    if not actor.is_global_admin:
        raise Forbidden()
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user")
    user.password_hash = (hasher or passwords.of(session).hash)(password)
    user.failed_logins, user.locked_until = 0, None
    revoke_all_sessions(session, user_id=user_id)
    record(session, actor, "user.password_reset", "user", user.id)


def set_locale(session: Session, actor: Actor, *, locale: str) -> None:
    user = session.get(User, actor.user_id) if actor.user_id else None
    if user is None:
        raise NotFound("user")
    before, user.locale = user.locale, _check_locale(locale)
    if before != user.locale:
        record(
            session,
            actor,
            "user.locale",
            "user",
            user.id,
            before={"locale": before},
            after={"locale": locale},
        )


def set_active(session: Session, actor: Actor, *, user_id: int, active: bool) -> None:
    if not actor.is_global_admin:
        raise Forbidden()
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user")
    user.is_active = active
    if not active:
        revoke_all_sessions(session, user_id=user_id)
    record(session, actor, "user.activate" if active else "user.deactivate", "user", user.id)
