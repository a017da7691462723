"""KPI observations in the workspace: report one figure or a whole file, read a KPI's trend against the
roadmap's target and its groups, and the KPIs computed each quarter from what was reported.

Who may do what: every signed-in person reads; an institution's figures are reported by its focal points
and managers (and coordinators over their subtree), national figures by whole-tree coordinators. Every
change is audited; a file is applied all-or-nothing with each problem located by file, sheet, row and
column.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from functools import cache
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.celltext import as_text, csv_text, xlsx_text
from raqmana.i18n import Translated
from raqmana.metrics import errors as M
from raqmana.metrics.dictionary import DICTIONARY, FOLLOWUP, QUARTERLY, REPORTED
from raqmana.metrics.observations import (
    COLUMNS,
    GROUPS,
    REQUIRED_COLUMNS,
    Observation,
    ObservedKpi,
    parse_observation,
    to_row,
)
from raqmana.metrics.trends import Figure, QuarterKpis, Total, national_series, quarterly_kpis
from raqmana.problems import Location, Problem
from raqmana.store.models import KpiObservation, Organisation, RoadmapVersion, Service
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.exceptions import (
    Conflict,
    Forbidden,
    NotAuthenticated,
    NotFound,
    ValidationFailed,
    problem,
)
from raqmana.workspace.services import may_edit, org_name
from raqmana.workspace.tabular import read_table

RULES_PACK = "iraq-dla"
_UNITS = {"percent": "percent", "count": "count", "days": "days", "stage": "stage", "score": "score"}


@cache
def dictionary() -> dict[str, ObservedKpi]:
    """Every KPI an observation may name: the figures institutions report, the computed ones (refused
    in a file) and the rule base's initiative KPIs (the roadmap's targets are set on these)."""
    from raqmana.recommend.loader import load_rules_or_raise  # 0.4 s: only when KPIs are first used

    out: dict[str, ObservedKpi] = {}
    for k in REPORTED:
        out[k.id] = ObservedKpi(k.id, k.name, k.unit, 1, False, "sum")
    for k in (*DICTIONARY, *QUARTERLY, *FOLLOWUP):
        out[k.id] = ObservedKpi(k.id, k.name, k.unit, 1 if k.direction == "up" else -1, True)
    for rule in load_rules_or_raise(RULES_PACK).rules:
        for kpi in rule.kpis:
            unit = str(kpi.unit.value)
            out.setdefault(
                kpi.id,
                ObservedKpi(
                    kpi.id,
                    kpi.name,
                    unit,
                    kpi.direction,
                    False,
                    "sum" if unit in ("count", "usd") else "mean",
                ),
            )
    return out


class Target(BaseModel):
    value: float
    #: the quarter it is due (the end of the initiative that carries it in the roadmap); "" if unknown
    period: str = ""
    initiative: str = ""


def targets(session: Session) -> dict[str, Target]:
    """The targets of the adopted roadmap (its latest stored version): each initiative KPI's target,
    due in the quarter the initiative ends."""
    from raqmana.roadmap.model import Roadmap
    from raqmana.roadmap.quarters import Calendar

    stored = session.scalar(select(RoadmapVersion.roadmap).order_by(RoadmapVersion.version.desc()).limit(1))
    if stored is None:
        return {}
    roadmap = Roadmap.model_validate(stored)
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    ends = {it.id: it.end for it in roadmap.schedule.items} if roadmap.schedule else {}
    out: dict[str, Target] = {}
    for it in roadmap.initiatives:
        for kpi in it.kpis:
            end = ends.get(it.id)
            period = cal.label(end - 1) if end else ""
            out.setdefault(kpi.id, Target(value=kpi.target, period=period, initiative=it.id))
    return out


class ObservationView(BaseModel):
    observation: Observation
    institution_name: Translated | None = None
    version: int


class ImportReport(BaseModel):
    created: int
    updated: int
    unchanged: int


def _require_reader(actor: Actor) -> None:
    if actor.user_id is None and not actor.is_system:
        raise NotAuthenticated()


def may_report(actor: Actor, org: Organisation | None) -> bool:
    """An institution's figure: its focal points and managers; a national one: whole-tree coordinators."""
    from raqmana.workspace.publication import may_publish

    return may_publish(actor) if org is None else may_edit(actor, org)


def _obs(row: KpiObservation, code: str) -> Observation:
    return Observation(
        kpi=row.kpi,
        period=row.period,
        institution=code,
        service=row.service_code,
        **{g: getattr(row, g) for g in GROUPS},
        value=row.value,
        unit=row.unit,
        source=row.source,
        illustrative=row.illustrative,
    )


class _Context:
    """What checking observations needs from the store, read once per file."""

    def __init__(self, session: Session, *, service: str | None = None) -> None:
        """``service``: read only that service (checking one figure), not the whole catalogue."""
        orgs = list(session.scalars(select(Organisation)))
        self.orgs = {o.code: o for o in orgs}
        self.governorates = {o.code for o in orgs if o.kind == "governorate"}
        q = select(Service.code, Organisation.code, Service.record["visits_before"].as_integer()).join(
            Organisation, Organisation.id == Service.owner_org_id
        )
        if service is not None:
            q = q.where(Service.code == service)
        self.services = {code: (owner, int(before or 0)) for code, owner, before in session.execute(q)}


def _check_scope(
    actor: Actor, o: Observation, ctx: _Context, where: Any
) -> tuple[Organisation | None, list[Problem]]:
    problems = []
    org = None
    if o.institution:
        org = ctx.orgs.get(o.institution)
        if org is None:
            return None, [problem(M.UNKNOWN_OWNER, where("institution"), value=o.institution)]
    if o.service and o.service not in ctx.services:
        problems.append(problem(M.UNKNOWN_SERVICE, where("service"), value=o.service))
    if o.governorate and o.governorate not in ctx.governorates:
        problems.append(problem(M.UNKNOWN_GOVERNORATE, where("governorate"), value=o.governorate))
    if not may_report(actor, org):
        problems.append(problem(M.NOT_YOURS_TO_REPORT, where("institution"), value=o.institution or "—"))
    return org, problems


def _sibling(o: Observation, kpi: str) -> str:
    return o.model_copy(update={"kpi": kpi}).key


def _impossible(
    items: list[tuple[Observation, Any]], stored: dict[str, float], ctx: _Context
) -> list[Problem]:
    """Figures that contradict one another: more online transactions than transactions, more visits
    avoided than the transactions allow (a service's visits before × its transactions)."""
    values = {**stored, **{o.key: o.value for o, _ in items}}
    problems = []
    for o, where in items:
        transactions = values.get(_sibling(o, "transactions"))
        if transactions is None:
            continue
        if o.kpi == "transactions_online" and o.value > transactions:
            problems.append(
                problem(M.ONLINE_OVER_TRANSACTIONS, where("value"), online=o.value, transactions=transactions)
            )
        if o.kpi == "visits_avoided" and o.service:
            possible = transactions * ctx.services.get(o.service, ("", 0))[1]
            if o.value > possible:
                problems.append(
                    problem(
                        M.VISITS_OVER_TRANSACTIONS,
                        where("value"),
                        avoided=o.value,
                        transactions=transactions,
                        possible=possible,
                    )
                )
        if o.kpi == "transactions":
            for kpi in ("transactions_online",):
                online = values.get(_sibling(o, kpi))
                if (
                    online is not None
                    and online > o.value
                    and _sibling(o, kpi) not in {x.key for x, _ in items}
                ):
                    problems.append(
                        problem(
                            M.ONLINE_OVER_TRANSACTIONS, where("value"), online=online, transactions=o.value
                        )
                    )
    return problems


def _stored_values(session: Session, keys: set[str]) -> dict[str, float]:
    if not keys:
        return {}
    out: dict[str, float] = {}
    ordered = sorted(keys)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        q = select(KpiObservation.key, KpiObservation.value).where(KpiObservation.key.in_(chunk))
        out.update((k, v) for k, v in session.execute(q))
    return out


def _related_keys(items: list[tuple[Observation, Any]]) -> set[str]:
    keys = set()
    for o, _ in items:
        if o.kpi in ("transactions_online", "visits_avoided"):
            keys.add(_sibling(o, "transactions"))
        if o.kpi == "transactions":
            keys.add(_sibling(o, "transactions_online"))
    return keys


def store_computed(session: Session, actor: Actor, observations: list[Observation]) -> None:
    """Keep figures computed by raqmana itself (the roadmap's follow-up) beside the reported ones, national,
    audited like them; never reachable from a file or a form."""
    _apply(session, actor, [(o, None) for o in observations])


def _apply(
    session: Session, actor: Actor, items: list[tuple[Observation, Organisation | None]]
) -> tuple[int, int, int]:
    now = utcnow()
    keys = [o.key for o, _ in items]
    known: dict[str, KpiObservation] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        known.update(
            {r.key: r for r in session.scalars(select(KpiObservation).where(KpiObservation.key.in_(chunk)))}
        )
    created = updated = 0
    events = []
    for o, org in items:
        row = known.get(o.key)
        after = o.model_dump(mode="json")
        if row is None:
            session.add(
                KpiObservation(
                    key=o.key,
                    kpi=o.kpi,
                    period=o.period,
                    org_id=org.id if org else None,
                    service_code=o.service,
                    **{g: getattr(o, g) for g in GROUPS},
                    value=o.value,
                    unit=o.unit,
                    source=o.source,
                    illustrative=o.illustrative,
                    version=1,
                    reported_by=actor.user_id,
                    updated_at=now,
                )
            )
            created += 1
            events.append(draft(actor, "kpi.observe", "kpi_observation", o.key, after=after))
        elif (row.value, row.source, row.illustrative) != (o.value, o.source, o.illustrative):
            before = _obs(row, o.institution).model_dump(mode="json")
            row.value, row.source, row.illustrative = o.value, o.source, o.illustrative
            row.version += 1
            row.reported_by, row.updated_at = actor.user_id, now
            updated += 1
            events.append(draft(actor, "kpi.revise", "kpi_observation", o.key, before=before, after=after))
    session.flush()
    record_many(session, events)
    return created, updated, len(items) - created - updated


def save_observation(
    session: Session, actor: Actor, *, values: dict[str, str], expected_version: int | None = None
) -> ObservationView:
    """Report (or correct) one figure given as an observations file's columns; each problem located by
    its field."""
    _require_reader(actor)

    def where(column: str) -> Location:
        return Location(field=column)

    o, problems = parse_observation(values, where, dictionary())
    if o is None:
        raise ValidationFailed(problems)
    ctx = _Context(session, service=o.service)
    if o.service and not o.institution and o.service in ctx.services:
        o = o.model_copy(update={"institution": ctx.services[o.service][0]})
    org, problems = _check_scope(actor, o, ctx, where)
    if problems:
        raise (
            Forbidden(M.NOT_YOURS_TO_REPORT, value=o.institution or "—")
            if _only_forbidden(problems)
            else ValidationFailed(problems)
        )
    existing = session.scalar(select(KpiObservation).where(KpiObservation.key == o.key))
    if existing is not None and expected_version is not None and existing.version != expected_version:
        raise Conflict(M.OBSERVATION_STALE, version=existing.version)
    items = [(o, where)]
    problems = _impossible(items, _stored_values(session, _related_keys(items)), ctx)
    if problems:
        raise ValidationFailed(problems)
    _apply(session, actor, [(o, org)])
    row = session.scalar(select(KpiObservation).where(KpiObservation.key == o.key))
    assert row is not None
    return ObservationView(
        observation=o, institution_name=org_name(org) if org else None, version=row.version
    )


def _only_forbidden(problems: list[Problem]) -> bool:
    return all(p.code == M.NOT_YOURS_TO_REPORT for p in problems)


def import_observations(session: Session, actor: Actor, *, data: bytes, filename: str) -> ImportReport:
    """An observations file (CSV, or the first sheet of an XLSX) applied all-or-nothing."""
    _require_reader(actor)
    if not filename.lower().endswith((".csv", ".xlsx")):
        raise ValidationFailed.one(M.OBSERVATION_FILE_TYPE, Location(file=filename), filename=filename)
    table = read_table(data, filename, max_rows=500_000)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.header]
    if missing:
        raise ValidationFailed([problem(M.MISSING_COLUMN, table.loc(), column=c) for c in missing])
    kpis = dictionary()
    ctx = _Context(session)
    problems: list[Problem] = []
    items: list[tuple[Observation, Any]] = []
    scoped: list[tuple[Observation, Organisation | None]] = []
    first: dict[str, int] = {}
    for row in table.rows:
        o, found = parse_observation(row.values, row.loc, kpis)
        problems += found
        if o is None:
            continue
        if o.service and not o.institution and o.service in ctx.services:
            o = o.model_copy(update={"institution": ctx.services[o.service][0]})
        if o.key in first:
            problems.append(problem(M.DUPLICATE_OBSERVATION, row.loc("period"), first=first[o.key]))
            continue
        first[o.key] = row.line
        org, found = _check_scope(actor, o, ctx, row.loc)
        problems += found
        if not found:
            items.append((o, row.loc))
            scoped.append((o, org))
    problems += _impossible(items, _stored_values(session, _related_keys(items) - set(first)), ctx)
    if problems:
        raise ValidationFailed(problems)
    created, updated, unchanged = _apply(session, actor, scoped)
    return ImportReport(created=created, updated=updated, unchanged=unchanged)


def observations(session: Session, actor: Actor, *, kpi: str | None = None) -> list[ObservationView]:
    _require_reader(actor)
    q = select(KpiObservation, Organisation).outerjoin(Organisation, Organisation.id == KpiObservation.org_id)
    if kpi is not None:
        q = q.where(KpiObservation.kpi == kpi)
    return [
        ObservationView(
            observation=_obs(row, org.code if org else ""),
            institution_name=org_name(org) if org else None,
            version=row.version,
        )
        for row, org in session.execute(
            q.order_by(KpiObservation.kpi, KpiObservation.period, KpiObservation.key)
        )
    ]


def export_observations(session: Session, actor: Actor, *, fmt: str, kpi: str | None = None) -> bytes:
    """The observations as a file that imports back unchanged (text through the formula guard)."""
    rows = [to_row(v.observation) for v in observations(session, actor, kpi=kpi)]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([csv_text(row[c]) for c in COLUMNS] for row in rows)
        return buffer.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "observations"
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append([xlsx_text(row[c]) for c in COLUMNS])
    out = io.BytesIO()
    as_text(wb).save(out)
    return out.getvalue()


def _figures(session: Session, kpis: tuple[str, ...]) -> list[Figure]:
    """The figures of ``kpis`` without groups (what the national series and computed KPIs read)."""
    q = (
        select(
            KpiObservation.kpi,
            KpiObservation.period,
            Organisation.code,
            KpiObservation.service_code,
            KpiObservation.value,
        )
        .outerjoin(Organisation, Organisation.id == KpiObservation.org_id)
        .where(KpiObservation.kpi.in_(kpis))
    )
    for g in GROUPS:
        q = q.where(getattr(KpiObservation, g) == "")
    return [Figure(k, p, inst or "", svc, v) for k, p, inst, svc, v in session.execute(q)]


def computed_quarters(session: Session, actor: Actor) -> list[QuarterKpis]:
    """The KPIs computed each quarter for the whole country from what was reported and the catalogue
    (share of transactions online, visits avoided), added up by the database on every call."""
    _require_reader(actor)
    plain = [getattr(KpiObservation, g) == "" for g in GROUPS]
    by_service = KpiObservation.service_code != ""
    q = (
        select(
            KpiObservation.kpi,
            KpiObservation.period,
            Organisation.code,
            by_service,
            func.sum(KpiObservation.value),
        )
        .outerjoin(Organisation, Organisation.id == KpiObservation.org_id)
        .where(KpiObservation.kpi.in_(("transactions", "transactions_online")), *plain)
        .group_by(KpiObservation.kpi, KpiObservation.period, Organisation.code, by_service)
    )
    totals = [Total(k, p, inst or "", bool(svc), float(v or 0)) for k, p, inst, svc, v in session.execute(q)]
    saved = Service.record["visits_before"].as_integer() - Service.record["visits_now"].as_integer()
    v = (
        select(KpiObservation.period, func.sum(KpiObservation.value * saved))
        .join(Service, Service.code == KpiObservation.service_code)
        .where(KpiObservation.kpi == "transactions", *plain)
        .group_by(KpiObservation.period)
    )
    visits = {p: float(x or 0) for p, x in session.execute(v)}
    return quarterly_kpis(totals, visits)


class Point(BaseModel):
    period: str
    value: float | None
    #: institutions the national value adds up or averages (0: reported for the country)
    institutions: int = 0


class GroupRow(BaseModel):
    group: str
    value: str
    period: str
    figure: float


class KpiTrend(BaseModel):
    kpi: str
    name: Translated
    unit: str
    direction: int
    derived: bool
    points: list[Point]
    target: Target | None = None
    #: the latest quarter's figures per group (governorate, sex, age group, area, disability)
    groups: list[GroupRow] = []
    observations: int = 0
    illustrative: bool = False


def kpi_trend(session: Session, actor: Actor, kpi: str) -> KpiTrend:
    """A KPI's national series per quarter, the roadmap's target and the latest quarter's groups."""
    _require_reader(actor)
    k = dictionary().get(kpi)
    if k is None:
        raise NotFound("kpi")
    target = targets(session).get(kpi)
    if k.id in ("online_transaction_share", "visits_avoided_quarter"):
        quarters = computed_quarters(session, actor)
        points = [
            Point(
                period=q.period,
                value=q.online_share if k.id == "online_transaction_share" else q.visits_avoided,
            )
            for q in quarters
        ]
        return KpiTrend(
            kpi=k.id,
            name=k.name,
            unit=k.unit,
            direction=k.direction,
            derived=True,
            points=points,
            target=target,
        )
    series = national_series(_figures(session, (kpi,)), rollup=k.rollup)
    points = [Point(period=p, value=v, institutions=n) for p, (v, n) in series.items()]
    groups: list[GroupRow] = []
    rows = session.execute(
        select(
            KpiObservation.period, *(getattr(KpiObservation, g) for g in GROUPS), KpiObservation.value
        ).where(KpiObservation.kpi == kpi, KpiObservation.service_code == "")
    ).all()
    grouped = [r for r in rows if any(r[1:-1])]
    if grouped:
        latest = max(r[0] for r in grouped)
        acc: dict[tuple[str, str], list[float]] = defaultdict(list)
        for r in grouped:
            if r[0] != latest:
                continue
            for g, v in zip(GROUPS, r[1:-1], strict=True):
                if v:
                    acc[(g, v)].append(float(r[-1]))
        for (g, v), vals in sorted(acc.items()):
            figure = sum(vals) if k.rollup == "sum" else sum(vals) / len(vals)
            groups.append(GroupRow(group=g, value=v, period=latest, figure=figure))
    illustrative = bool(
        session.scalar(
            select(KpiObservation.id).where(KpiObservation.kpi == kpi, KpiObservation.illustrative).limit(1)
        )
    )
    return KpiTrend(
        kpi=k.id,
        name=k.name,
        unit=k.unit,
        direction=k.direction,
        derived=k.derived,
        points=points,
        target=target,
        groups=groups,
        observations=len(rows),
        illustrative=illustrative,
    )


class KpiSummary(BaseModel):
    kpi: str
    name: Translated
    unit: str
    derived: bool
    latest: Point | None = None
    target: Target | None = None


def kpi_list(session: Session, actor: Actor) -> list[KpiSummary]:
    """Every KPI that has figures or a target, with its latest national value and its target."""
    _require_reader(actor)
    ks = dictionary()
    tg = targets(session)
    observed = {k for (k,) in session.execute(select(KpiObservation.kpi).distinct())}
    figures = _figures(session, tuple(observed))
    by_kpi: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_kpi[f.kpi].append(f)
    out = []
    for kid in sorted(observed | set(tg)):
        k = ks.get(kid)
        if k is None:
            continue
        series = national_series(by_kpi.get(kid, []), rollup=k.rollup)
        latest = None
        if series:
            p = max(series)
            latest = Point(period=p, value=series[p][0], institutions=series[p][1])
        out.append(
            KpiSummary(
                kpi=kid, name=k.name, unit=k.unit, derived=k.derived, latest=latest, target=tg.get(kid)
            )
        )
    quarters = computed_quarters(session, actor)
    if quarters:
        q = quarters[-1]
        for kid, value in (
            ("online_transaction_share", q.online_share),
            ("visits_avoided_quarter", q.visits_avoided),
        ):
            k = ks[kid]
            out.insert(
                0,
                KpiSummary(
                    kpi=kid,
                    name=k.name,
                    unit=k.unit,
                    derived=True,
                    latest=Point(period=q.period, value=value),
                    target=tg.get(kid),
                ),
            )
    return out
