"""Use cases over the store: organisations, users and auth, assessments, questionnaires, responses,
evidence, review workflow, permissions, Excel round trip, jobs and audit.

Each use case is ``fn(session, actor, *, …)`` and returns plain values (:mod:`.views`); errors are the
exceptions of :mod:`.exceptions`. See /work/notes/workspace_api.md (the API the web layer relies on).
"""

from raqmana.workspace.actors import SYSTEM, Actor, Grant, Role
from raqmana.workspace.exceptions import (
    Conflict,
    Forbidden,
    LoginRefused,
    NotAuthenticated,
    NotFound,
    ValidationFailed,
    WorkspaceError,
)
from raqmana.workspace.factory import Workspace, open_workspace

__all__ = [
    "SYSTEM",
    "Actor",
    "Conflict",
    "Forbidden",
    "Grant",
    "LoginRefused",
    "NotAuthenticated",
    "NotFound",
    "Role",
    "ValidationFailed",
    "Workspace",
    "WorkspaceError",
    "open_workspace",
]
