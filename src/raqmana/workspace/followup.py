"""Following the roadmap: the adopted roadmap's versions, the owners' quarterly progress reports, plan
against actual, slipped initiatives and what they hold up, and re-planning as a new version.

Who may do what: every signed-in person reads; an initiative's progress is reported by its owner
institution (focal points and managers there, coordinators over their subtree); adopting and re-planning
the roadmap is for whole-tree coordinators. Every action is on the audit chain. The progress reports feed
two computed KPIs (share done weighted by cost, spending per quarter).
"""

from __future__ import annotations

import math
from datetime import datetime

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.metrics import errors as M
from raqmana.metrics.observations import Observation
from raqmana.roadmap.model import PlanSettings, ProgressStatus, Roadmap
from raqmana.roadmap.quarters import Calendar
from raqmana.roadmap.versions import ChangeLog, diff, replan
from raqmana.store.models import Organisation, ProgressReport, RoadmapVersion
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Conflict, Forbidden, NotAuthenticated, ValidationFailed
from raqmana.workspace.kpis import store_computed
from raqmana.workspace.publication import may_publish
from raqmana.workspace.services import may_edit

#: points behind the plan before an initiative counts as slipped
TOLERANCE = 10.0
#: how long the scheduler may search when re-planning from the web
REPLAN_SECONDS = 10.0


class ProgressIn(BaseModel):
    """An initiative's progress in one quarter, as its owner reports it."""

    initiative: str = Field(max_length=64)
    quarter: str = Field(max_length=7, description="2026-Q3")
    status: ProgressStatus
    percent_done: float = Field(ge=0, le=100)
    milestones_met: int = Field(0, ge=0, le=1000)
    spend_usd: int = Field(0, ge=0, le=10**13)
    blockers: str = Field("", max_length=2000)
    expected_version: int | None = Field(None, ge=0, description="the version read; 409 if it moved on")


class ProgressView(BaseModel):
    initiative: str
    quarter: str
    status: ProgressStatus
    percent_done: float
    milestones_met: int
    spend_usd: int
    blockers: str
    version: int
    updated_at: datetime
    illustrative: bool = False


class VersionView(BaseModel):
    version: int
    created_at: datetime
    note: str
    changes: ChangeLog | None = None
    initiatives: int
    illustrative: bool = False


class Row(BaseModel):
    """One initiative: the plan, what its owner reported last, and whether it slipped."""

    id: str
    name: Translated
    owner: str
    owner_name: Translated
    planned_start: str
    planned_end: str
    cost_usd: int
    planned_percent: float
    reported: ProgressView | None = None
    #: planned − done, in points (positive: behind)
    behind: float = 0.0
    slipped: bool = False
    #: initiatives that depend on this one, directly or not (held up when it slips)
    dependants: list[str] = []
    may_report: bool = False


class FollowupView(BaseModel):
    version: VersionView
    quarter: str
    quarters: list[str]
    rows: list[Row]
    planned_cost_to_date: int
    spent_to_date: int
    may_replan: bool
    #: every initiative's name by id (for the dependants held up and the change logs)
    names: dict[str, Translated] = {}


def _reader(actor: Actor) -> None:
    if actor.user_id is None and not actor.is_system:
        raise NotAuthenticated()


def current(session: Session) -> tuple[RoadmapVersion, Roadmap] | None:
    row = session.scalar(select(RoadmapVersion).order_by(RoadmapVersion.version.desc()).limit(1))
    return None if row is None else (row, Roadmap.model_validate(row.roadmap))


def _required(session: Session) -> tuple[RoadmapVersion, Roadmap]:
    found = current(session)
    if found is None:
        raise ValidationFailed.one(M.NO_ROADMAP)
    return found


def _version_view(row: RoadmapVersion) -> VersionView:
    return VersionView(
        version=row.version,
        created_at=row.created_at,
        note=row.note,
        changes=ChangeLog.model_validate(row.changes) if row.changes else None,
        initiatives=len(row.roadmap.get("initiatives", [])),
        illustrative=row.illustrative,
    )


def _store(
    session: Session, actor: Actor, roadmap: Roadmap, *, note: str, illustrative: bool, action: str
) -> VersionView:
    before = current(session)
    number = (session.scalar(select(func.max(RoadmapVersion.version))) or 0) + 1
    roadmap = roadmap.model_copy(update={"version": number})
    changes = diff(before[1], roadmap) if before is not None else None
    row = RoadmapVersion(
        version=number,
        roadmap=roadmap.model_dump(mode="json"),
        changes=changes.model_dump(mode="json") if changes else {},
        note=note,
        illustrative=illustrative,
        created_by=actor.user_id,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    record(
        session,
        actor,
        action,
        "roadmap",
        number,
        after={
            "note": note,
            "changes": changes.counts() if changes else {},
            "initiatives": len(roadmap.initiatives),
        },
    )
    return _version_view(row)


def adopt(
    session: Session, actor: Actor, *, roadmap: Roadmap, note: str = "", illustrative: bool = False
) -> VersionView:
    """Make ``roadmap`` (as ``raqmana roadmap`` or the results write it) the roadmap followed up, as a new
    version; a scheduled roadmap only."""
    if not may_publish(actor):
        raise Forbidden()
    if roadmap.schedule is None or not roadmap.schedule.items:
        raise ValidationFailed.one(M.ROADMAP_FILE, filename="roadmap.json", reason="no schedule")
    return _store(session, actor, roadmap, note=note, illustrative=illustrative, action="roadmap.adopt")


def adopt_file(session: Session, actor: Actor, *, data: bytes, filename: str) -> VersionView:
    """:func:`adopt` for a roadmap.json file; the file's problem named when it is not one."""
    if not may_publish(actor):
        raise Forbidden()
    try:
        roadmap = Roadmap.model_validate_json(data)
    except ValidationError as exc:
        errors = exc.errors()
        reason = f"{'.'.join(str(x) for x in errors[0]['loc'])}: {errors[0]['msg']}" if errors else str(exc)
        raise ValidationFailed.one(M.ROADMAP_FILE, filename=filename, reason=reason) from None
    return adopt(session, actor, roadmap=roadmap, note=filename)


def _calendar(roadmap: Roadmap) -> Calendar:
    return Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)


def _org_of(session: Session, code: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.code == code))


def may_report(actor: Actor, owner: Organisation | None) -> bool:
    """An initiative's owner institution (its focal points and managers, coordinators above it); an owner
    outside the organisation tree: whole-tree coordinators."""
    return may_publish(actor) if owner is None else may_edit(actor, owner)


def _view(p: ProgressReport) -> ProgressView:
    return ProgressView(
        initiative=p.initiative,
        quarter=p.quarter,
        status=ProgressStatus(p.status),
        percent_done=p.percent_done,
        milestones_met=p.milestones_met,
        spend_usd=p.spend_usd,
        blockers=p.blockers,
        version=p.version,
        updated_at=p.updated_at,
        illustrative=p.illustrative,
    )


def report_progress(
    session: Session, actor: Actor, data: ProgressIn, *, illustrative: bool = False
) -> ProgressView:
    _reader(actor)
    row, roadmap = _required(session)
    try:
        initiative = roadmap.initiative(data.initiative)
    except KeyError:
        raise ValidationFailed.one(M.UNKNOWN_INITIATIVE, value=data.initiative) from None
    cal = _calendar(roadmap)
    t = cal.parse(data.quarter)
    horizon = roadmap.settings.horizon_quarters
    if t is None or not 0 <= t < horizon:
        raise ValidationFailed.one(
            M.QUARTER_OUTSIDE, value=data.quarter, first=cal.label(0), last=cal.label(horizon - 1)
        )
    quarter = cal.label(t)
    owner = _org_of(session, initiative.owner)
    if not may_report(actor, owner):
        raise Forbidden(M.NOT_YOURS_TO_FOLLOW, value=initiative.owner)
    p = session.scalar(
        select(ProgressReport).where(
            ProgressReport.initiative == initiative.id, ProgressReport.quarter == quarter
        )
    )
    fields = {
        "status": data.status.value,
        "percent_done": float(data.percent_done),
        "milestones_met": data.milestones_met,
        "spend_usd": data.spend_usd,
        "blockers": data.blockers.strip(),
    }
    now = utcnow()
    if p is None:
        p = ProgressReport(
            initiative=initiative.id,
            quarter=quarter,
            owner_org_id=owner.id if owner else None,
            **fields,
            illustrative=illustrative,
            version=1,
            reported_by=actor.user_id,
            updated_at=now,
        )
        session.add(p)
        before = None
    else:
        if data.expected_version is not None and data.expected_version != p.version:
            raise Conflict(M.PROGRESS_STALE, version=p.version)
        before = {k: getattr(p, k) for k in fields}
        if before == fields:
            return _view(p)
        for k, v in fields.items():
            setattr(p, k, v)
        p.version += 1
        p.reported_by, p.updated_at = actor.user_id, now
    session.flush()
    record(
        session,
        actor,
        "progress.report",
        "initiative",
        f"{initiative.id}@{quarter}",
        before=before,
        after=fields,
    )
    _feed_kpis(session, actor, roadmap, quarter, illustrative=illustrative or row.illustrative)
    return _view(p)


def _latest_reports(session: Session, upto: str | None = None) -> dict[str, ProgressReport]:
    """Each initiative's latest report (up to quarter ``upto``)."""
    q = select(ProgressReport).order_by(ProgressReport.quarter)
    if upto is not None:
        q = q.where(ProgressReport.quarter <= upto)
    return {p.initiative: p for p in session.scalars(q)}


def _done(p: ProgressReport | None) -> float:
    if p is None:
        return 0.0
    return 100.0 if p.status == ProgressStatus.DONE.value else p.percent_done


def _feed_kpis(session: Session, actor: Actor, roadmap: Roadmap, quarter: str, *, illustrative: bool) -> None:
    """The roadmap's computed KPIs for ``quarter``: share done weighted by cost, spending reported."""
    latest = _latest_reports(session, quarter)
    live = [it for it in roadmap.initiatives if (p := latest.get(it.id)) is None or p.status != "cancelled"]
    weight = sum(max(it.cost_usd, 1) for it in live)
    done = sum(max(it.cost_usd, 1) * _done(latest.get(it.id)) for it in live) / weight if weight else 0.0
    spend = (
        session.scalar(select(func.sum(ProgressReport.spend_usd)).where(ProgressReport.quarter == quarter))
        or 0
    )
    source = f"roadmap follow-up, version {roadmap.version}"
    store_computed(
        session,
        actor,
        [
            Observation(
                kpi="roadmap_progress",
                period=quarter,
                value=round(done, 2),
                unit="percent",
                source=source,
                illustrative=illustrative,
            ),
            Observation(
                kpi="roadmap_spend_usd",
                period=quarter,
                value=float(spend),
                unit="usd",
                source=source,
                illustrative=illustrative,
            ),
        ],
    )


def _dependants(roadmap: Roadmap) -> dict[str, list[str]]:
    after: dict[str, list[str]] = {}
    for d in roadmap.dependencies:
        after.setdefault(d.before, []).append(d.after)
    out: dict[str, list[str]] = {}
    for it in roadmap.initiatives:
        seen: list[str] = []
        stack = list(after.get(it.id, []))
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.append(x)
                stack.extend(after.get(x, []))
        out[it.id] = sorted(seen)
    return out


def followup(session: Session, actor: Actor, *, quarter: str | None = None) -> FollowupView:
    """Plan against actual at ``quarter`` (default: the latest quarter anyone reported, else the first)."""
    _reader(actor)
    row, roadmap = _required(session)
    cal = _calendar(roadmap)
    horizon = roadmap.settings.horizon_quarters
    reported_quarters = sorted({q for (q,) in session.execute(select(ProgressReport.quarter).distinct())})
    if quarter is None or cal.parse(quarter) is None:
        quarter = reported_quarters[-1] if reported_quarters else cal.label(0)
    t = cal.parse(quarter) or 0
    latest = _latest_reports(session, quarter)
    deps = _dependants(roadmap)
    owners = {o.code: o for o in session.scalars(select(Organisation))}
    assert roadmap.schedule is not None
    rows = []
    planned_cost = spent = 0
    for it in roadmap.initiatives:
        item = roadmap.schedule.item(it.id)
        planned = (
            100.0 * min(max(t + 1 - item.start, 0), item.end - item.start) / max(item.end - item.start, 1)
        )
        p = latest.get(it.id)
        done = _done(p)
        cancelled = p is not None and p.status == ProgressStatus.CANCELLED.value
        behind = 0.0 if cancelled else planned - done
        slipped = not cancelled and (behind > TOLERANCE or (p is not None and p.status == "delayed"))
        planned_cost += round(it.cost_usd * planned / 100)
        rows.append(
            Row(
                id=it.id,
                name=it.name,
                owner=it.owner,
                owner_name=it.owner_name,
                planned_start=cal.label(item.start),
                planned_end=cal.label(item.end - 1),
                cost_usd=it.cost_usd,
                planned_percent=round(planned, 1),
                reported=_view(p) if p is not None else None,
                behind=round(behind, 1),
                slipped=slipped,
                dependants=deps.get(it.id, []) if slipped else [],
                may_report=may_report(actor, owners.get(it.owner)),
            )
        )
    spent = int(
        session.scalar(select(func.sum(ProgressReport.spend_usd)).where(ProgressReport.quarter <= quarter))
        or 0
    )
    return FollowupView(
        version=_version_view(row),
        quarter=quarter,
        quarters=[cal.label(i) for i in range(horizon)],
        rows=sorted(rows, key=lambda r: (not r.slipped, -r.behind, r.id)),
        planned_cost_to_date=planned_cost,
        spent_to_date=spent,
        may_replan=may_publish(actor),
        names={it.id: it.name for it in roadmap.initiatives},
    )


def replan_roadmap(
    session: Session, actor: Actor, *, note: str = "", expected_version: int, seconds: float = REPLAN_SECONDS
) -> VersionView:
    """A new version scheduled with the existing scheduler from where things stand: finished and
    cancelled initiatives stay as planned; the rest keep only their remaining work, from the latest
    reported quarter on. Refused (nothing changes) when no schedule fits."""
    if not may_publish(actor):
        raise Forbidden()
    row, roadmap = _required(session)
    if row.version != expected_version:
        raise Conflict(M.ROADMAP_MOVED, version=row.version)
    cal = _calendar(roadmap)
    latest = _latest_reports(session)
    assert roadmap.schedule is not None
    now = max((cal.parse(p.quarter) or 0 for p in latest.values()), default=0) + 1
    initiatives = []
    for it in roadmap.initiatives:
        item = roadmap.schedule.item(it.id)
        p = latest.get(it.id)
        done = _done(p)
        if done >= 100 or (p is not None and p.status == ProgressStatus.CANCELLED.value):
            initiatives.append(it.model_copy(update={"release": item.start}))
            continue
        remaining = max(1, math.ceil(it.duration * (100 - done) / 100))
        release = (
            max(it.release, now) if item.start < now or p is not None else max(it.release, now, item.start)
        )
        initiatives.append(it.model_copy(update={"duration": remaining, "release": release}))
    settings = PlanSettings.model_validate(
        {
            **roadmap.settings.model_dump(),
            "time_limit_s": min(roadmap.settings.time_limit_s, seconds),
            "horizon_quarters": max(
                roadmap.settings.horizon_quarters, now + max(i.duration for i in initiatives)
            ),
        }
    )
    result = replan(roadmap, initiatives=initiatives, settings=settings, note=note)
    if not result.ok:
        raise ValidationFailed(result.problems)
    return _store(
        session, actor, result.roadmap, note=note, illustrative=row.illustrative, action="roadmap.replan"
    )


def versions(session: Session, actor: Actor) -> list[VersionView]:
    _reader(actor)
    return [
        _version_view(r)
        for r in session.scalars(select(RoadmapVersion).order_by(RoadmapVersion.version.desc()))
    ]
