"""KPI observations in the workspace: report one figure or a whole file, read a KPI's trend against the
roadmap's target and its groups, and the KPIs computed each quarter from what was reported.

Who may do what: every signed-in person reads; an institution's figures are reported by its focal points
and managers (and coordinators over their subtree), national figures by whole-tree coordinators. Every
change is audited; a file is applied all-or-nothing with each problem located by file, sheet, row and
column.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from raqmana.i18n import Translated
from raqmana.metrics.observations import GROUPS
from raqmana.metrics.trends import Level, QuarterKpis, Total, national_series, quarterly_kpis
from raqmana.store.models import KpiObservation, Organisation, Service
from raqmana.workspace.actors import Actor
from raqmana.workspace.exceptions import NotFound
from raqmana.workspace.kpi_dictionary import RULES_PACK, Target, dictionary, targets
from raqmana.workspace.kpi_reporting import (
    ImportReport,
    ObservationView,
    export_observations,
    import_observations,
    may_report,
    observations,
    require_reader,
    save_observation,
    store_computed,
)

__all__ = [
    "RULES_PACK",
    "GroupRow",
    "ImportReport",
    "KpiSummary",
    "KpiTrend",
    "ObservationView",
    "Point",
    "Target",
    "computed_quarters",
    "dictionary",
    "export_observations",
    "import_observations",
    "kpi_list",
    "kpi_trend",
    "may_report",
    "observations",
    "save_observation",
    "store_computed",
    "targets",
]


def _levels(session: Session, kpis: tuple[str, ...]) -> list[Level]:
    """Each KPI's figures without groups per quarter, summed and counted by the database apart for the
    national figure and the institutions' (a few rows per KPI and quarter, whatever the size). Figures
    per service count only for additive KPIs, and only where their institution gave no total."""
    national = KpiObservation.org_id.is_(None)
    q = (
        select(
            KpiObservation.kpi,
            KpiObservation.period,
            national,
            func.sum(KpiObservation.value),
            func.count(),
        )
        .where(KpiObservation.kpi.in_(kpis), KpiObservation.service_code == "")
        .where(*(getattr(KpiObservation, g) == "" for g in GROUPS))
        .group_by(KpiObservation.kpi, KpiObservation.period, national)
    )
    found = {(k, p, bool(nat)): (float(total or 0), int(n)) for k, p, nat, total, n in session.execute(q)}
    # an additive KPI (a count or an amount) reported per service only: an institution's (or the
    # country's) figure is the sum of its services' figures, unless it reported its own total
    additive = tuple(k for k in kpis if (d := dictionary().get(k)) is not None and d.rollup == "sum")
    if additive:
        own = aliased(KpiObservation)
        has_own = (
            select(own.id)
            .where(
                own.kpi == KpiObservation.kpi,
                own.period == KpiObservation.period,
                own.org_id.is_not_distinct_from(KpiObservation.org_id),
                own.service_code == "",
                *(getattr(own, g) == "" for g in GROUPS),
            )
            .exists()
        )
        s = (
            select(
                KpiObservation.kpi,
                KpiObservation.period,
                national,
                func.sum(KpiObservation.value),
                func.count(func.distinct(KpiObservation.org_id)),
            )
            .where(KpiObservation.kpi.in_(additive), KpiObservation.service_code != "", ~has_own)
            .where(*(getattr(KpiObservation, g) == "" for g in GROUPS))
            .group_by(KpiObservation.kpi, KpiObservation.period, national)
        )
        for k, p, nat, total, n in session.execute(s):
            before = found.get((k, p, bool(nat)), (0.0, 0))
            found[(k, p, bool(nat))] = (before[0] + float(total or 0), before[1] + int(n))
    return [Level(k, p, nat, total, n) for (k, p, nat), (total, n) in found.items()]


def computed_quarters(session: Session, actor: Actor) -> list[QuarterKpis]:
    """The KPIs computed each quarter for the whole country from what was reported and the catalogue
    (share of transactions online, visits avoided), added up by the database on every call."""
    require_reader(actor)
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
    # each service's transactions per quarter, times the visits it saves (read once per service: parsing
    # every stored card once per figure costs seconds on PostgreSQL)
    saving = Service.record["visits_before"].as_integer() - Service.record["visits_now"].as_integer()
    saved: dict[str, int] = {code: int(n or 0) for code, n in session.execute(select(Service.code, saving))}
    v = (
        select(KpiObservation.period, KpiObservation.service_code, func.sum(KpiObservation.value))
        .where(KpiObservation.kpi == "transactions", KpiObservation.service_code != "", *plain)
        .group_by(KpiObservation.period, KpiObservation.service_code)
    )
    visits: dict[str, float] = {}
    for period, service, total in session.execute(v):
        visits[period] = visits.get(period, 0.0) + float(total or 0) * (saved.get(service) or 0)
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
    #: how the national figure comes from the institutions' (and services') figures when the country
    #: reported none: "sum" (counts, amounts) or "mean" (shares, scores); "" for a computed KPI
    rollup: str = ""


def kpi_trend(session: Session, actor: Actor, kpi: str) -> KpiTrend:
    """A KPI's national series per quarter, the roadmap's target and the latest quarter's groups."""
    require_reader(actor)
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
    series = national_series(_levels(session, (kpi,)), rollup=k.rollup).get(kpi, {})
    points = [Point(period=p, value=v, institutions=n) for p, (v, n) in series.items()]
    groups: list[GroupRow] = []
    has_group = or_(*(getattr(KpiObservation, g) != "" for g in GROUPS))
    mine = (KpiObservation.kpi == kpi, KpiObservation.service_code == "")
    latest = session.scalar(select(func.max(KpiObservation.period)).where(*mine, has_group))
    if latest is not None:
        acc: dict[tuple[str, str], list[float]] = defaultdict(list)
        rows = session.execute(
            select(*(getattr(KpiObservation, g) for g in GROUPS), KpiObservation.value).where(
                *mine, has_group, KpiObservation.period == latest
            )
        )
        for r in rows:
            for g, v in zip(GROUPS, r[:-1], strict=True):
                if v:
                    acc[(g, v)].append(float(r[-1]))
        for (g, v), vals in sorted(acc.items()):
            figure = sum(vals) if k.rollup == "sum" else sum(vals) / len(vals)
            groups.append(GroupRow(group=g, value=v, period=latest, figure=figure))
    count = session.scalar(select(func.count()).select_from(KpiObservation).where(*mine)) or 0
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
        observations=count,
        illustrative=illustrative,
        rollup="" if k.derived else k.rollup,
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
    require_reader(actor)
    ks = dictionary()
    tg = targets(session)
    observed = {k for (k,) in session.execute(select(KpiObservation.kpi).distinct())}
    levels = _levels(session, tuple(observed))
    out = []
    for kid in sorted(observed | set(tg)):
        k = ks.get(kid)
        if k is None:
            continue
        series = national_series([lv for lv in levels if lv.kpi == kid], rollup=k.rollup).get(kid, {})
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
