"""Who is acting: roles, grants scoped to an organisation subtree, and the :class:`Actor` value.

An ``Actor`` is a plain frozen value built at sign-in (not an ORM row), so the web layer can keep it
for the length of a request and hand it to any use case.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    FOCAL_POINT = "focal_point"
    REVIEWER = "reviewer"
    VIEWER = "viewer"


ROLE_LABELS: dict[Role, Translated] = {
    Role.ADMIN: ui("Administrator"),
    Role.COORDINATOR: ui("Coordinator"),
    Role.FOCAL_POINT: ui("Focal point"),
    Role.REVIEWER: ui("Reviewer"),
    Role.VIEWER: ui("Viewer"),
}

MANAGER_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


@dataclass(frozen=True, slots=True)
class Grant:
    """``role`` over the subtree whose materialised path is ``org_path`` (None/"" = whole tree)."""

    role: Role
    org_id: int | None = None
    org_code: str | None = None
    org_path: str = ""
    #: the organisation's name in every language (shown beside the user's name in the page header)
    org_name: Translated | None = None

    def covers(self, path: str) -> bool:
        return self.org_id is None or path.startswith(self.org_path)


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    username: str
    display_name: str
    locale: str = "ar"
    grants: tuple[Grant, ...] = ()
    system: bool = False

    @property
    def is_system(self) -> bool:
        return self.system

    @property
    def is_admin(self) -> bool:
        return self.system or any(g.role is Role.ADMIN for g in self.grants)

    @property
    def is_manager(self) -> bool:
        """An administrator or coordinator of some part of the tree (or the system): who may open rounds,
        import round archives and manage accounts, each then limited to what its grants cover."""
        return self.system or any(g.role in MANAGER_ROLES for g in self.grants)

    @property
    def is_global_admin(self) -> bool:
        return self.system or any(g.role is Role.ADMIN and g.org_id is None for g in self.grants)

    @property
    def institutions(self) -> tuple[Translated, ...]:
        """The names of the organisations the actor's grants are scoped to (none for whole-tree grants),
        each once, in the order of the grants."""
        seen: dict[int, Translated] = {}
        for g in self.grants:
            if g.org_id is not None and g.org_name is not None:
                seen.setdefault(g.org_id, g.org_name)
        return tuple(seen.values())

    def has_role(self, role: Role | str) -> bool:
        return self.system or any(g.role == role for g in self.grants)

    def roles_at(self, path: str) -> frozenset[Role]:
        """Roles the actor holds over the organisation at ``path`` (by grants only)."""
        if self.system:
            return frozenset(Role)
        return frozenset(g.role for g in self.grants if g.covers(path))

    def audit_name(self) -> str:
        return self.username


SYSTEM = Actor(user_id=None, username="system", display_name="raqmana", locale="en", system=True)


def cli_actor() -> Actor:
    """The operator running a CLI command: full rights, recorded in the audit log by OS user name."""
    try:
        who = getpass.getuser()
    except Exception:  # no user name in some containers
        who = "unknown"
    return Actor(user_id=None, username=f"cli:{who}", display_name=f"cli:{who}", locale="en", system=True)
