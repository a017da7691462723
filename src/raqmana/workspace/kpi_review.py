"""Review of KPI figures: an institution's figure reported by someone who may not review it is submitted,
then a reviewer of the institution accepts it (its value is counted in the KPIs and reaches the portal at
the next publication) or returns it with a note; the reporter corrects it and it is submitted again.

A figure entered by mistake is withdrawn with a reason: it leaves the KPIs at once and the reporting pages,
the audit log keeps who withdrew it, when and why, and a publication already made keeps it until the next
one (a published snapshot never changes). Whoever may review a figure withdraws it; whoever reported it
withdraws it as long as nothing of it was accepted. Every decision is on the audit chain.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel
from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from raqmana.metrics import errors as M
from raqmana.problems import Location
from raqmana.store.models import KpiObservation, Organisation, User
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.kpi_reporting import (
    ACCEPTED,
    RETURNED,
    SUBMITTED,
    WITHDRAWN,
    ObservationView,
    may_report,
    may_review,
    observations,
    require_reader,
    service_names,
    view_of,
)

#: figures listed on the review page at most, of each state
LIMIT = 500
MAX_NOTE = 2000


class ReviewList(BaseModel):
    #: figures waiting for review that the caller may decide on
    waiting: list[ObservationView]
    #: figures returned to their reporters, that the caller reports or reviews
    returned: list[ObservationView]


def review_list(session: Session, actor: Actor) -> ReviewList:
    """The figures waiting for review and those returned, as far as the caller reports or reviews them:
    read only in the subtrees the caller's grants cover (the whole tree: everywhere)."""
    require_reader(actor)

    def found(state: str) -> list[ObservationView]:
        views = observations(session, actor, where=_scope(actor, KpiObservation.state == state), limit=LIMIT)
        return [v for v in views if v.can_review or v.can_report or v.can_withdraw]

    return ReviewList(waiting=found(SUBMITTED), returned=found(RETURNED))


def _scope(actor: Actor, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    if actor.is_system or any(g.org_id is None for g in actor.grants):
        return condition
    paths = {g.org_path for g in actor.grants}
    if not paths:
        return and_(condition, false())
    within = select(Organisation.id).where(or_(*(Organisation.path.startswith(p) for p in paths)))
    return and_(condition, KpiObservation.org_id.in_(within))


def _figure(session: Session, figure_id: int) -> tuple[KpiObservation, Organisation | None]:
    row = (
        session.get(KpiObservation, figure_id)
        if isinstance(figure_id, int) and 0 < figure_id < 2**31
        else None
    )
    if row is None:
        raise NotFound("kpi observation")
    org = session.get(Organisation, row.org_id) if row.org_id is not None else None
    return row, org


def _view(session: Session, actor: Actor, row: KpiObservation, org: Organisation | None) -> ObservationView:
    who = session.scalar(select(User.display_name).where(User.id == row.reported_by)) or ""
    reviewer = session.scalar(select(User.display_name).where(User.id == row.reviewed_by)) or ""
    names = service_names(session, {row.service_code} - {""})
    return view_of(actor, row, org, who=who, reviewer=reviewer, service_name=names.get(row.service_code))


def _check_version(row: KpiObservation, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise Conflict(M.OBSERVATION_STALE, version=row.version)


def _text(value: str, field: str) -> str:
    text = (value or "").strip()
    if len(text) > MAX_NOTE:
        raise ValidationFailed.one(M.TOO_LONG, Location(field=field), max=MAX_NOTE)
    return text


def review(
    session: Session,
    actor: Actor,
    *,
    figure_id: int,
    decision: Literal["accept", "return"],
    note: str = "",
    expected_version: int | None = None,
) -> ObservationView:
    """Accept a submitted figure (its value becomes the one the KPIs count) or return it with a note (the
    value accepted before, if any, stays counted)."""
    require_reader(actor)
    row, org = _figure(session, figure_id)
    code = org.code if org else "—"
    if not may_review(actor, org):
        raise Forbidden(M.NOT_YOURS_TO_REVIEW, value=code)
    _check_version(row, expected_version)
    if row.state != SUBMITTED:
        raise ValidationFailed.one(M.FIGURE_DECIDED)
    if row.reported_by is not None and row.reported_by == actor.user_id:
        raise Forbidden(M.FIGURE_SELF_REVIEW)
    text = _text(note, "note")
    before = {"state": row.state, "value": row.value, "accepted_value": row.accepted_value}
    if decision == "return":
        if not text:
            raise ValidationFailed.one(M.FIGURE_RETURN_NEEDS_NOTE, Location(field="note"))
        row.state = RETURNED
        action = "kpi.return"
    else:
        row.state, row.accepted_value = ACCEPTED, row.value
        action = "kpi.accept"
    now = utcnow()
    row.note, row.reviewed_by, row.reviewed_at = text, actor.user_id, now
    row.version += 1
    session.flush()
    after = {"state": row.state, "value": row.value, "accepted_value": row.accepted_value, "note": text}
    record(session, actor, action, "kpi_observation", row.key, before=before, after=after)
    return _view(session, actor, row, org)


def withdraw(
    session: Session, actor: Actor, *, figure_id: int, reason: str, expected_version: int | None = None
) -> ObservationView:
    """Withdraw a figure entered by mistake: the KPIs stop counting it at once; the row and the audit log
    keep who withdrew it, when and why. Reported again later, it starts anew (a version up)."""
    require_reader(actor)
    row, org = _figure(session, figure_id)
    code = org.code if org else "—"
    reviews = may_review(actor, org)
    if not reviews and not may_report(actor, org):
        raise Forbidden(M.NOT_YOURS_TO_REPORT, value=code)
    _check_version(row, expected_version)
    if row.state == WITHDRAWN:
        raise ValidationFailed.one(M.FIGURE_WITHDRAWN)
    if not reviews and row.accepted_value is not None:
        raise Forbidden(M.WITHDRAW_ACCEPTED, value=code)
    text = _text(reason, "reason")
    if not text:
        raise ValidationFailed.one(M.WITHDRAW_NEEDS_REASON, Location(field="reason"))
    before = {"state": row.state, "value": row.value, "accepted_value": row.accepted_value}
    row.state, row.accepted_value, row.note = WITHDRAWN, None, text
    row.reviewed_by, row.reviewed_at = actor.user_id, utcnow()
    row.version += 1
    session.flush()
    after = {"state": WITHDRAWN, "value": row.value, "reason": text}
    record(session, actor, "kpi.withdraw", "kpi_observation", row.key, before=before, after=after)
    return _view(session, actor, row, org)
