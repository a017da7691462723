"""KPIs per quarter: the figures computed from what institutions report (share of transactions online,
visits avoided by the catalogue's services), a KPI's national series and its groups.

Pure: the workspace reads the observations and the catalogue's measures and hands them here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class QuarterKpis:
    """The computed KPIs of one quarter, with what they were computed from."""

    period: str
    transactions: float = 0.0
    transactions_online: float = 0.0
    visits_avoided: float = 0.0

    @property
    def online_share(self) -> float | None:
        return self.transactions_online / self.transactions if self.transactions else None


@dataclass(frozen=True, slots=True)
class Total:
    """Reported figures of one KPI and quarter added up per institution, apart for service figures
    (``by_service``) and figures of the institution as a whole; institution "" is the country."""

    kpi: str
    period: str
    institution: str
    by_service: bool
    value: float


def quarterly_kpis(totals: Iterable[Total], visits_avoided: Mapping[str, float]) -> list[QuarterKpis]:
    """Every quarter's computed KPIs, oldest first. Transactions are counted once per institution: its
    services' figures when it reported any, else its own figure; the national figure only when nothing
    finer was reported. ``visits_avoided``: period → Σ services (visits before − now) × transactions."""
    by: dict[tuple[str, str], dict[tuple[str, bool], float]] = defaultdict(dict)
    for t in totals:
        if t.kpi in ("transactions", "transactions_online"):
            by[(t.period, t.kpi)][(t.institution, t.by_service)] = t.value
    out = []
    for period in sorted({p for p, _ in by} | set(visits_avoided)):
        figures = [_total(by.get((period, kpi), {})) for kpi in ("transactions", "transactions_online")]
        out.append(QuarterKpis(period, figures[0], figures[1], float(visits_avoided.get(period, 0.0))))
    return out


def _total(scopes: Mapping[tuple[str, bool], float]) -> float:
    total = 0.0
    for (inst, by_service), value in scopes.items():
        if not inst:
            continue
        if by_service or (inst, True) not in scopes:
            total += value
    if total == 0 and ("", False) in scopes:
        return scopes[("", False)]
    return total


@dataclass(frozen=True, slots=True)
class Level:
    """Figures of one KPI and quarter without groups or service, added up by the database: the national
    one (``national``) or the institutions' (their sum and how many)."""

    kpi: str
    period: str
    national: bool
    total: float
    count: int


def national_series(levels: Iterable[Level], *, rollup: str) -> dict[str, dict[str, tuple[float, int]]]:
    """kpi → period → (the national value, how many institutions it comes from; 0: reported nationally).

    A national figure wins; otherwise institutions' figures are added (``rollup="sum"``) or averaged
    (``"mean"``, or a per-KPI mapping)."""
    national: dict[tuple[str, str], float] = {}
    institutions: dict[tuple[str, str], tuple[float, int]] = {}
    for lv in levels:
        if lv.national:
            national[(lv.kpi, lv.period)] = lv.total
        elif lv.count:
            institutions[(lv.kpi, lv.period)] = (lv.total, lv.count)
    out: dict[str, dict[str, tuple[float, int]]] = defaultdict(dict)
    for key in sorted(set(national) | set(institutions)):
        kpi, period = key
        if key in national:
            out[kpi][period] = (national[key], 0)
        else:
            total, n = institutions[key]
            out[kpi][period] = (total if rollup == "sum" else total / n, n)
    return dict(out)
