"""KPI observations in the workspace: report one figure or a whole file, read a KPI's trend against the
roadmap's target and its groups, and the KPIs computed each quarter from what was reported.

Only accepted figures count (the value last accepted, :mod:`raqmana.workspace.kpi_review`). Every KPI's
trend is added up by the database in a few GROUP BY queries over all KPIs at once (KPI, quarter; the
latest quarter's groups; the figures per service of the additive KPIs), never one query per KPI or per
institution: publishing 85 KPIs × 900 institutions × 20 quarters reads a few thousand rows.

Who may do what: every signed-in person reads; an institution's figures are reported by its focal points
and managers (and coordinators over their subtree), national figures by whole-tree coordinators. Every
change is audited; a file is applied all-or-nothing with each problem located by file, sheet, row and
column.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel
from sqlalchemy import and_, case, func, or_, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

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
    reporting_institutions,
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
    "kpi_trends",
    "may_report",
    "observations",
    "reporting_institutions",
    "save_observation",
    "store_computed",
    "targets",
]


#: what the KPIs count of a figure: the value last accepted (None: not accepted yet, or withdrawn)
FIGURE = KpiObservation.accepted_value
COUNTED = KpiObservation.accepted_value.is_not(None)
#: two KPIs computed each quarter from the reported transactions and the catalogue
QUARTERLY = ("online_transaction_share", "visits_avoided_quarter")


def _plain(table: Any = KpiObservation) -> list[ColumnElement[bool]]:
    """Conditions of a figure for no group of people (the whole institution, or the whole country)."""
    return [getattr(table, g) == "" for g in GROUPS]


def _only(kpis: tuple[str, ...] | None) -> list[ColumnElement[bool]]:
    return [] if kpis is None else [KpiObservation.kpi.in_(kpis)]


def _levels(session: Session, kpis: tuple[str, ...] | None) -> list[Level]:
    """Each KPI's figures without groups per quarter (``kpis``: these, None: all), summed and counted by
    the database apart for the national figure and the institutions' (a few rows per KPI and quarter,
    whatever the size). Figures per service count only for additive KPIs, and only where their
    institution gave no total."""
    national = KpiObservation.org_id.is_(None)
    q = (
        select(KpiObservation.kpi, KpiObservation.period, national, func.sum(FIGURE), func.count())
        .where(*_only(kpis), KpiObservation.service_code == "", COUNTED, *_plain())
        .group_by(KpiObservation.kpi, KpiObservation.period, national)
    )
    found = {(k, p, bool(nat)): (float(total or 0), int(n)) for k, p, nat, total, n in session.execute(q)}
    # an additive KPI (a count or an amount) reported per service only: an institution's (or the
    # country's) figure is the sum of its services' figures, unless it reported its own total. The
    # services' figures are added up per institution and quarter by the database (a few thousand rows
    # at most); the own totals of just those institutions are then looked up once, by the index.
    ks = dictionary()
    additive = tuple(k for k, d in ks.items() if d.rollup == "sum" and (kpis is None or k in kpis))
    if not additive:
        return [Level(k, p, nat, total, n) for (k, p, nat), (total, n) in found.items()]
    per_org = session.execute(
        select(KpiObservation.kpi, KpiObservation.period, KpiObservation.org_id, func.sum(FIGURE))
        .where(KpiObservation.kpi.in_(additive), KpiObservation.service_code != "", COUNTED, *_plain())
        .group_by(KpiObservation.kpi, KpiObservation.period, KpiObservation.org_id)
    ).all()
    if per_org:
        orgs = {o for _, _, o, _ in per_org if o is not None}
        found_own = session.execute(
            select(KpiObservation.kpi, KpiObservation.period, KpiObservation.org_id)
            .where(
                KpiObservation.kpi.in_({k for k, _, _, _ in per_org}),
                KpiObservation.service_code == "",
                COUNTED,
                *_plain(),
                or_(KpiObservation.org_id.in_(orgs), KpiObservation.org_id.is_(None)),
            )
            .distinct()
        )
        own: set[tuple[str, str, int | None]] = {(k, p, o) for k, p, o in found_own}
        for k, p, o, total in per_org:
            if (k, p, o) in own:
                continue
            before = found.get((k, p, o is None), (0.0, 0))
            found[(k, p, o is None)] = (before[0] + float(total or 0), before[1] + (o is not None))
    return [Level(k, p, nat, total, n) for (k, p, nat), (total, n) in found.items()]


def _counts(session: Session, kpis: tuple[str, ...] | None) -> dict[str, tuple[int, bool, str | None]]:
    """kpi → (its accepted figures for an institution or the country, whether any accepted figure of it,
    per service too, is illustrative, the latest quarter with figures per group of people), for the KPIs
    with accepted figures; one pass over the figures."""
    has_group = or_(*(getattr(KpiObservation, g) != "" for g in GROUPS))
    whole = KpiObservation.service_code == ""
    q = (
        select(
            KpiObservation.kpi,
            func.sum(case((whole, 1), else_=0)),
            func.max(case((KpiObservation.illustrative, 1), else_=0)),
            func.max(case((and_(whole, has_group), KpiObservation.period), else_=None)),
        )
        .where(*_only(kpis), COUNTED)
        .group_by(KpiObservation.kpi)
    )
    return {k: (int(n or 0), bool(ill), latest) for k, n, ill, latest in session.execute(q)}


def _groups(session: Session, latest: dict[str, str]) -> dict[str, list[GroupRow]]:
    """kpi → its figures per group of people in ``latest[kpi]``, the latest quarter that has any (no
    service figures): added up (additive KPIs) or averaged per group by the database, one query per
    dimension over those KPIs and quarters only."""
    if not latest:
        return {}
    ks = dictionary()
    found: dict[str, list[tuple[str, str, str, float]]] = defaultdict(list)
    for g in GROUPS:
        column = getattr(KpiObservation, g)
        q = (
            select(KpiObservation.kpi, KpiObservation.period, column, func.sum(FIGURE), func.count())
            .where(
                tuple_(KpiObservation.kpi, KpiObservation.period).in_(list(latest.items())),
                KpiObservation.service_code == "",
                COUNTED,
                column != "",
            )
            .group_by(KpiObservation.kpi, KpiObservation.period, column)
        )
        for kpi, period, value, total, n in session.execute(q):
            k = ks.get(kpi)
            figure = float(total or 0) if k is not None and k.rollup == "sum" else float(total or 0) / n
            found[kpi].append((g, value, period, figure))
    return {
        kpi: [GroupRow(group=g, value=v, period=p, figure=f) for g, v, p, f in sorted(rows)]
        for kpi, rows in found.items()
    }


def computed_quarters(session: Session, actor: Actor) -> list[QuarterKpis]:
    """The KPIs computed each quarter for the whole country from what was reported and the catalogue
    (share of transactions online, visits avoided), added up by the database on every call."""
    require_reader(actor)
    plain = [getattr(KpiObservation, g) == "" for g in GROUPS] + [COUNTED]
    by_service = KpiObservation.service_code != ""
    q = (
        select(
            KpiObservation.kpi,
            KpiObservation.period,
            Organisation.code,
            by_service,
            func.sum(FIGURE),
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
        select(KpiObservation.period, KpiObservation.service_code, func.sum(FIGURE))
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


def _trends(session: Session, kpis: tuple[str, ...] | None) -> dict[str, KpiTrend]:
    """The trend of every reported KPI with accepted figures (``kpis``: of these only), read with a few
    queries over all of them: the national series, the latest quarter's groups, counts and flags."""
    ks = dictionary()
    tg = targets(session)
    counts = _counts(session, kpis)
    series = defaultdict(list)
    for lv in _levels(session, kpis):
        series[lv.kpi].append(lv)
    groups = _groups(session, {k: latest for k, (_, _, latest) in counts.items() if latest})
    out: dict[str, KpiTrend] = {}
    for kid, (count, illustrative, _) in counts.items():
        k = ks.get(kid)
        if k is None or kid in QUARTERLY:
            continue
        national = national_series(series.get(kid, []), rollup=k.rollup).get(kid, {})
        out[kid] = KpiTrend(
            kpi=k.id,
            name=k.name,
            unit=k.unit,
            direction=k.direction,
            derived=k.derived,
            points=[Point(period=p, value=v, institutions=n) for p, (v, n) in national.items()],
            target=tg.get(kid),
            groups=groups.get(kid, []),
            observations=count,
            illustrative=illustrative,
            rollup="" if k.derived else k.rollup,
        )
    return out


def _quarterly(session: Session, actor: Actor, kpi: str, quarters: list[QuarterKpis]) -> KpiTrend:
    k = dictionary()[kpi]
    points = [
        Point(
            period=q.period, value=q.online_share if kpi == "online_transaction_share" else q.visits_avoided
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
        target=targets(session).get(kpi),
    )


def kpi_trend(session: Session, actor: Actor, kpi: str) -> KpiTrend:
    """A KPI's national series per quarter, the roadmap's target and the latest quarter's groups."""
    require_reader(actor)
    k = dictionary().get(kpi)
    if k is None:
        raise NotFound("kpi")
    if k.id in QUARTERLY:
        return _quarterly(session, actor, k.id, computed_quarters(session, actor))
    found = _trends(session, (kpi,)).get(kpi)
    if found is not None:
        return found
    return KpiTrend(
        kpi=k.id,
        name=k.name,
        unit=k.unit,
        direction=k.direction,
        derived=k.derived,
        points=[],
        target=targets(session).get(kpi),
        rollup="" if k.derived else k.rollup,
    )


def kpi_trends(session: Session, actor: Actor) -> list[KpiTrend]:
    """The trend of every KPI that has a national figure, as :func:`kpi_trend` gives each, in the order of
    :func:`kpi_list` (the two computed each quarter first): what a publication holds."""
    require_reader(actor)
    quarters = computed_quarters(session, actor)
    out = [
        _quarterly(session, actor, kid, quarters)
        for kid in ("visits_avoided_quarter", "online_transaction_share")
    ]
    out = [t for t in out if t.points]
    trends = _trends(session, None)
    return out + [trends[kid] for kid in sorted(trends) if trends[kid].points]


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
    observed = set(_counts(session, None))
    levels = defaultdict(list)
    for lv in _levels(session, None):
        levels[lv.kpi].append(lv)
    out = []
    for kid in sorted(observed | set(tg)):
        k = ks.get(kid)
        if k is None:
            continue
        series = national_series(levels.get(kid, []), rollup=k.rollup).get(kid, {})
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
