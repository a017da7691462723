"""Assessment rounds: open one on a framework version and chosen institutions, list, close."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.problems import Location
from raqmana.store.models import Assessment, AssessmentInstitution, FrameworkVersion, Organisation
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import MANAGER_ROLES, Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, NotFound, ValidationFailed, problem
from raqmana.workspace.frameworks import framework_of, get_framework
from raqmana.workspace.permissions import (
    get_assessment_for_user,
    get_institution_for_user,
    institution_rights,
    readable_assessment_filter,
)
from raqmana.workspace.views import AssessmentView, InstitutionRights, Rights


def assessment_view(session: Session, a: Assessment) -> AssessmentView:
    fv = session.get(FrameworkVersion, a.framework_version_id)
    assert fv is not None
    n = (
        session.scalar(
            select(func.count())
            .select_from(AssessmentInstitution)
            .where(AssessmentInstitution.assessment_id == a.id)
        )
        or 0
    )
    return AssessmentView(
        a.id,
        Translated.model_validate(a.name),
        a.period,
        a.status,
        a.illustrative,
        fv.id,
        fv.framework_id,
        fv.version,
        a.target_stage,
        n,
        a.created_at,
        framework_of(session, fv).name,
    )


def _name(name: Translated | str) -> Translated:
    t = Translated(en=name) if isinstance(name, str) else name
    t = Translated(en=t.en.strip(), ar=t.ar.strip(), ckb=t.ckb.strip())
    if t.is_empty():
        raise ValidationFailed.one(E.NAME_REQUIRED, Location(field="name"), field=E.WHAT["name"])
    if max(len(t.en), len(t.ar), len(t.ckb)) > 200:
        raise ValidationFailed.one(E.TOO_LONG, Location(field="name"), max=200)
    return t


def open_round(
    session: Session,
    actor: Actor,
    *,
    framework_version_id: int,
    name: Translated | str,
    period: str,
    institution_codes: list[str],
    target_stage: int | None = None,
    illustrative: bool = False,
) -> AssessmentView:
    """A coordinator opens a round over institutions inside its subtree; the framework version freezes."""
    if not actor.is_manager:
        raise Forbidden()
    title = _name(name)
    period = (period or "").strip()
    if not period or len(period) > 32:
        raise ValidationFailed.one(E.NAME_REQUIRED, Location(field="period"), field=E.WHAT["period"])
    if target_stage is not None and (not isinstance(target_stage, int) or not 0 <= target_stage <= 5):
        raise ValidationFailed.one(E.TARGET_STAGE_INVALID, Location(field="target_stage"))
    fv = (
        session.get(FrameworkVersion, framework_version_id) if isinstance(framework_version_id, int) else None
    )
    if fv is None:
        raise NotFound("framework")
    codes = list(dict.fromkeys(c.strip() for c in institution_codes if c and c.strip()))
    if not codes:
        raise ValidationFailed.one(E.NO_INSTITUTIONS, Location(field="institutions"))
    orgs = {o.code: o for o in session.scalars(select(Organisation).where(Organisation.code.in_(codes)))}
    unknown = [c for c in codes if c not in orgs]
    if unknown:
        raise ValidationFailed(
            [problem(E.UNKNOWN_ORG, Location(field="institutions"), org=c) for c in unknown]
        )
    managers = [g for g in actor.grants if g.role in MANAGER_ROLES]
    if not actor.is_system and not all(any(g.covers(o.path) for g in managers) for o in orgs.values()):
        raise Forbidden()
    get_framework(session, fv.id)  # must parse
    fv.frozen = True
    a = Assessment(
        name=title.model_dump(),
        framework_version_id=fv.id,
        period=period,
        target_stage=target_stage,
        status="open",
        illustrative=illustrative,
        created_by=actor.user_id,
        created_at=utcnow(),
    )
    session.add(a)
    session.flush()
    session.add_all([AssessmentInstitution(assessment_id=a.id, org_id=orgs[c].id) for c in codes])
    session.flush()
    record(
        session,
        actor,
        "assessment.open",
        "assessment",
        a.id,
        after={
            "name": title.model_dump(),
            "framework_version_id": fv.id,
            "period": period,
            "institutions": codes,
            "target_stage": target_stage,
            "illustrative": illustrative,
        },
    )
    return assessment_view(session, a)


def list_assessments(session: Session, actor: Actor) -> list[AssessmentView]:
    q = select(Assessment).order_by(Assessment.id.desc())
    where = readable_assessment_filter(actor)
    if where is not None:
        q = q.where(where)
    return [assessment_view(session, a) for a in session.scalars(q)]


def get_assessment(session: Session, actor: Actor, assessment_id: int) -> tuple[AssessmentView, Rights]:
    a, rights = get_assessment_for_user(session, actor, assessment_id)
    return assessment_view(session, a), rights


def close_round(session: Session, actor: Actor, *, assessment_id: int) -> AssessmentView:
    a, rights = get_assessment_for_user(session, actor, assessment_id)
    if not rights.manage:
        raise Forbidden()
    if a.status != "closed":
        a.status, a.closed_at = "closed", utcnow()
        record(
            session,
            actor,
            "assessment.close",
            "assessment",
            a.id,
            before={"status": "open"},
            after={"status": "closed"},
        )
    return assessment_view(session, a)


def my_institutions(session: Session, actor: Actor, *, assessment_id: int) -> list[InstitutionRights]:
    """The institutions of the round the actor can open, with what it may do in each."""
    get_assessment_for_user(session, actor, assessment_id)
    rows = institution_rights(session, actor, assessment_id).values()
    return sorted((InstitutionRights(org, r) for org, r in rows), key=lambda ir: ir.org.code)


def get_institution(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str
) -> InstitutionRights:
    """One institution of the round with the actor's rights on it; NotFound when the actor may not read it
    (e.g. a reviewer of another institution)."""
    from raqmana.workspace.orgs import to_view

    org, rights = get_institution_for_user(session, actor, assessment_id, institution_code)
    parent = session.get(Organisation, org.parent_id) if org.parent_id else None
    return InstitutionRights(to_view(org, parent.code if parent else None), rights)
