"""Assignments: the coordinator names the focal points and reviewers of each institution in a round."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.problems import Location
from raqmana.store.models import Assignment, Organisation, User
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace import policy
from raqmana.workspace.actors import Actor, Role
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.orgs import org_name
from raqmana.workspace.permissions import (
    get_assessment_for_user,
    get_institution_for_user,
    institution_rights,
)
from raqmana.workspace.views import AssignmentView

ASSIGNABLE = (Role.FOCAL_POINT, Role.REVIEWER)


def _view(a: Assignment, org: Organisation, user: User) -> AssignmentView:
    return AssignmentView(
        a.id, a.assessment_id, org.code, org_name(org), user.id, user.display_name, Role(a.role)
    )


def assign(
    session: Session,
    actor: Actor,
    *,
    assessment_id: int,
    institution_code: str,
    user_id: int,
    role: Role | str,
) -> AssignmentView:
    if role not in [r.value for r in ASSIGNABLE]:
        raise ValidationFailed.one(E.ASSIGN_ROLE_INVALID, Location(field="role"), value=str(role))
    org, rights = get_institution_for_user(session, actor, assessment_id, institution_code)
    if user_id == actor.user_id and rights.manage and policy.of(session).four_eyes:
        raise Forbidden(E.SELF_ASSIGN)  # four eyes: a coordinator does not make itself a focal point
    if not rights.manage:
        raise Forbidden()
    user = session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.is_active:
        raise NotFound("user")
    existing = session.scalar(
        select(Assignment).where(
            Assignment.assessment_id == assessment_id,
            Assignment.org_id == org.id,
            Assignment.user_id == user_id,
            Assignment.role == str(role),
        )
    )
    if existing is not None:
        return _view(existing, org, user)
    a = Assignment(
        assessment_id=assessment_id, org_id=org.id, user_id=user_id, role=str(role), created_at=utcnow()
    )
    session.add(a)
    session.flush()
    record(
        session,
        actor,
        "assignment.create",
        "assessment",
        assessment_id,
        after={"institution": org.code, "user_id": user_id, "role": str(role)},
    )
    return _view(a, org, user)


def unassign(session: Session, actor: Actor, *, assignment_id: int) -> None:
    a = session.get(Assignment, assignment_id) if isinstance(assignment_id, int) else None
    if a is None:
        raise NotFound("assignment")
    org = session.get(Organisation, a.org_id)
    assert org is not None
    _, rights = get_institution_for_user(session, actor, a.assessment_id, org.code)
    if not rights.manage:
        raise Forbidden()
    record(
        session,
        actor,
        "assignment.delete",
        "assessment",
        a.assessment_id,
        before={"institution": org.code, "user_id": a.user_id, "role": a.role},
    )
    session.delete(a)


def list_assignments(session: Session, actor: Actor, *, assessment_id: int) -> list[AssignmentView]:
    """Every assignment of the round on institutions the actor can read."""
    get_assessment_for_user(session, actor, assessment_id)
    readable = institution_rights(session, actor, assessment_id)
    rows = session.execute(
        select(Assignment, Organisation, User)
        .join(Organisation, Organisation.id == Assignment.org_id)
        .join(User, User.id == Assignment.user_id)
        .where(Assignment.assessment_id == assessment_id)
        .order_by(Organisation.code, Assignment.role, User.display_name)
    )
    return [_view(a, o, u) for a, o, u in rows if o.id in readable]
