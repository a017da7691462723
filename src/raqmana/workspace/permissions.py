"""One permission helper per resource: each returns the object plus the actor's rights, and raises
NotFound (never Forbidden) when the actor may not even read it, so existence never leaks.

Rights over an institution in a round come from role grants whose subtree contains the institution,
plus the round's assignments (focal point / reviewer) of the actor for that institution:
admin and coordinator → read + manage; focal_point → read + answer; reviewer → read + review;
viewer → read.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, and_, false, or_, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.store.models import (
    Assessment,
    AssessmentInstitution,
    Assignment,
    Evidence,
    Organisation,
    Response,
    RoleGrant,
    User,
)
from raqmana.workspace.actors import MANAGER_ROLES, Actor, Role
from raqmana.workspace.exceptions import NotFound
from raqmana.workspace.views import ALL_RIGHTS, NO_RIGHTS, OrgView, Rights


def rights_from_roles(roles: Iterable[Role | str]) -> Rights:
    rs = {Role(r) for r in roles}
    return Rights(
        read=bool(rs),
        answer=Role.FOCAL_POINT in rs,
        review=Role.REVIEWER in rs,
        manage=bool(rs & MANAGER_ROLES),
    )


def org_rights(actor: Actor, org_path: str, assigned: Iterable[str] = ()) -> Rights:
    if actor.is_system:
        return ALL_RIGHTS
    return rights_from_roles(set(actor.roles_at(org_path)) | set(assigned))


def _assigned(
    session: Session, actor: Actor, assessment_id: int, org_id: int | None = None
) -> dict[int, set[str]]:
    if actor.user_id is None:
        return {}
    q = select(Assignment.org_id, Assignment.role).where(
        Assignment.assessment_id == assessment_id, Assignment.user_id == actor.user_id
    )
    if org_id is not None:
        q = q.where(Assignment.org_id == org_id)
    out: dict[int, set[str]] = {}
    for oid, role in session.execute(q):
        out.setdefault(oid, set()).add(role)
    return out


def institution_rights(
    session: Session, actor: Actor, assessment_id: int
) -> dict[int, tuple[OrgView, Rights]]:
    """Every institution of the round the actor can read, with its rights (org id → (org, rights)).
    One query over plain columns (no ORM objects): the completion page calls it for ~900 institutions."""
    assigned = _assigned(session, actor, assessment_id)
    orgs, links = Organisation.__table__, AssessmentInstitution.__table__  # Core: plain tuples, no ORM rows
    parents = orgs.alias("parent")
    o, parent, ai = orgs.c, parents.c, links.c
    q = (
        select(
            o.id,
            o.code,
            o.kind,
            parent.code,
            o.name_en,
            o.name_ar,
            o.name_ckb,
            o.iso_3166_2,
            o.depth,
            o.path,
            o.ckb_status,
        )
        .join_from(orgs, links, ai.org_id == o.id)
        .outerjoin(parents, parent.id == o.parent_id)
        .where(ai.assessment_id == assessment_id)
    )
    out: dict[int, tuple[OrgView, Rights]] = {}
    for (
        oid,
        code,
        kind,
        parent_code,
        en,
        ar,
        ckb,
        iso,
        depth,
        path,
        ckb_status,
    ) in session.connection().execute(q):
        r = org_rights(actor, path, assigned.get(oid, ()))
        if r.read:
            name = Translated.model_construct(en=en, ar=ar, ckb=ckb)  # trusted columns: skip validation
            out[oid] = (OrgView(oid, code, kind, parent_code, name, iso, depth, path, ckb_status), r)
    return out


def reader_scope(session: Session, actor: Actor, assessment_id: int) -> tuple[object, ...]:
    """Everything :func:`institution_rights` depends on besides the organisations themselves: two actors
    with the same scope see the same institutions with the same rights (a key for cached pages)."""
    if actor.is_system:
        return ("system",)
    grants = tuple(sorted((g.role.value, g.org_path) for g in actor.grants))
    assigned = tuple(
        sorted((oid, tuple(sorted(roles))) for oid, roles in _assigned(session, actor, assessment_id).items())
    )
    return grants, assigned


def _assessment_rights(session: Session, actor: Actor, assessment_id: int) -> Rights:
    if actor.is_system:
        return ALL_RIGHTS
    if any(g.org_id is None for g in actor.grants):  # a grant over the whole tree: no need to look at paths
        return Rights(
            read=True,
            manage=any(g.org_id is None and g.role in MANAGER_ROLES for g in actor.grants)
            or _manages_all(session, actor, assessment_id),
        )
    paths = _paths(session, assessment_id)
    manage = _covers_all(actor, paths)
    read = manage or any(actor.roles_at(p) for p in paths) or bool(_assigned(session, actor, assessment_id))
    return Rights(read=read, manage=manage)


def _paths(session: Session, assessment_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Organisation.path)
            .join(AssessmentInstitution, AssessmentInstitution.org_id == Organisation.id)
            .where(AssessmentInstitution.assessment_id == assessment_id)
        )
    )


def _covers_all(actor: Actor, paths: list[str]) -> bool:
    managers = [g for g in actor.grants if g.role in MANAGER_ROLES]
    return bool(paths) and bool(managers) and all(any(g.covers(p) for g in managers) for p in paths)


def _manages_all(session: Session, actor: Actor, assessment_id: int) -> bool:
    return any(g.role in MANAGER_ROLES for g in actor.grants) and _covers_all(
        actor, _paths(session, assessment_id)
    )


def get_assessment_for_user(session: Session, actor: Actor, assessment_id: int) -> tuple[Assessment, Rights]:
    """The round and the actor's round-level rights (manage = coordinator over all its institutions)."""
    assessment = session.get(Assessment, assessment_id) if isinstance(assessment_id, int) else None
    if assessment is None:
        raise NotFound("assessment")
    rights = _assessment_rights(session, actor, assessment_id)
    if not rights.read:
        raise NotFound("assessment")
    return assessment, rights


def get_institution_for_user(
    session: Session, actor: Actor, assessment_id: int, code: str
) -> tuple[Organisation, Rights]:
    """An institution of a round with the actor's rights on it; NotFound if outside the actor's reach."""
    org = session.scalar(
        select(Organisation)
        .join(AssessmentInstitution, AssessmentInstitution.org_id == Organisation.id)
        .where(AssessmentInstitution.assessment_id == assessment_id, Organisation.code == code)
    )
    if org is None:
        raise NotFound("organisation")
    rights = org_rights(actor, org.path, _assigned(session, actor, assessment_id, org.id).get(org.id, ()))
    if not rights.read:
        raise NotFound("organisation")
    return org, rights


def get_response_for_user(session: Session, actor: Actor, response_id: int) -> tuple[Response, Rights]:
    response = session.get(Response, response_id) if isinstance(response_id, int) else None
    if response is None:
        raise NotFound("response")
    org = session.get(Organisation, response.org_id)
    assert org is not None
    rights = org_rights(
        actor, org.path, _assigned(session, actor, response.assessment_id, org.id).get(org.id, ())
    )
    if not rights.read:
        raise NotFound("response")
    return response, rights


def get_evidence_for_user(
    session: Session, actor: Actor, evidence_id: int
) -> tuple[Evidence, Response, Rights]:
    evidence = session.get(Evidence, evidence_id) if isinstance(evidence_id, int) else None
    if evidence is None or evidence.removed_at is not None:
        raise NotFound("evidence")
    try:
        response, rights = get_response_for_user(session, actor, evidence.response_id)
    except NotFound:
        raise NotFound("evidence") from None
    return evidence, response, rights


def readable_assessment_filter(actor: Actor):  # type: ignore[no-untyped-def]
    """A WHERE clause selecting the rounds the actor can read (None: all of them)."""
    if actor.is_system or any(g.org_id is None for g in actor.grants):
        return None
    in_subtree = (
        select(AssessmentInstitution.assessment_id)
        .join(Organisation, Organisation.id == AssessmentInstitution.org_id)
        .where(or_(*[Organisation.path.startswith(g.org_path) for g in actor.grants] or [false()]))
    )
    assigned = select(Assignment.assessment_id).where(Assignment.user_id == (actor.user_id or -1))
    return or_(Assessment.id.in_(in_subtree), Assessment.id.in_(assigned))


# --- branches: what a manager of one subtree may see of the people, jobs and audit log -----------------
def managed_paths(actor: Actor) -> tuple[str, ...] | None:
    """The subtrees (materialised paths) the actor manages as administrator or coordinator: ``None`` for
    managers of the whole tree (and the system), ``()`` for people who manage nothing."""
    if actor.is_system:
        return None
    paths: list[str] = []
    for g in actor.grants:
        if g.role in MANAGER_ROLES:
            if g.org_id is None:
                return None
            paths.append(g.org_path)
    return tuple(paths)


def branch_orgs(paths: tuple[str, ...]) -> Select[int]:
    """The ids of the organisations inside the subtrees ``paths``."""
    return select(Organisation.id).where(or_(*[Organisation.path.startswith(p) for p in paths] or [false()]))


def branch_members(paths: tuple[str, ...]) -> Select[int]:
    """The users whose whole reach lies inside ``paths``: at least one grant or assignment there and none
    elsewhere (no grant over the whole tree, no grant or assignment outside). Their jobs and their account
    events are about the branch only."""
    inside = branch_orgs(paths)
    has_grant = select(RoleGrant.user_id).where(RoleGrant.org_id.in_(inside))
    has_assignment = select(Assignment.user_id).where(Assignment.org_id.in_(inside))
    grant_outside = select(RoleGrant.user_id).where(
        or_(RoleGrant.org_id.is_(None), RoleGrant.org_id.not_in(inside))
    )
    assignment_outside = select(Assignment.user_id).where(Assignment.org_id.not_in(inside))
    return select(User.id).where(
        or_(User.id.in_(has_grant), User.id.in_(has_assignment)),
        User.id.not_in(grant_outside),
        User.id.not_in(assignment_outside),
    )


def branch_people(paths: tuple[str, ...]) -> ColumnElement[bool]:
    """A WHERE clause on ``User`` for the people a branch manager lists: those with a grant or an
    assignment inside the branch, and accounts without any role yet (made to be given one)."""
    from raqmana.store.models import User

    inside = branch_orgs(paths)
    any_grant = select(RoleGrant.user_id)
    any_assignment = select(Assignment.user_id)
    return or_(
        User.id.in_(select(RoleGrant.user_id).where(RoleGrant.org_id.in_(inside))),
        User.id.in_(select(Assignment.user_id).where(Assignment.org_id.in_(inside))),
        and_(User.id.not_in(any_grant), User.id.not_in(any_assignment)),
    )


def covers_org(paths: tuple[str, ...] | None, org_path: str | None) -> bool:
    """Whether a grant at ``org_path`` (None: the whole tree) lies inside the managed ``paths``."""
    if paths is None:
        return True
    return org_path is not None and any(org_path.startswith(p) for p in paths)


__all__ = [
    "NO_RIGHTS",
    "branch_members",
    "branch_orgs",
    "branch_people",
    "covers_org",
    "get_assessment_for_user",
    "get_evidence_for_user",
    "get_institution_for_user",
    "get_response_for_user",
    "institution_rights",
    "managed_paths",
    "org_rights",
    "readable_assessment_filter",
    "rights_from_roles",
]
