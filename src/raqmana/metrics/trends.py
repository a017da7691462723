"""KPIs per quarter: the figures computed from what institutions report (share of transactions online,
visits avoided by the catalogue's services), a KPI's national series and its groups.

Pure: the workspace reads the observations and the catalogue's measures and hands them here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Figure:
    """One reported figure, as the computations read it (no groups: those are for the groups' tables)."""

    kpi: str
    period: str
    institution: str
    service: str
    value: float


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


def national_series(figures: Iterable[Figure], *, rollup: str) -> dict[str, tuple[float, int]]:
    """period → (the national value, how many institutions it comes from; 0: reported nationally).

    A national figure (no institution, no service) wins; otherwise institutions' figures are added
    (``rollup="sum"``) or averaged (``"mean"``)."""
    national: dict[str, float] = {}
    per_inst: dict[str, dict[str, float]] = defaultdict(dict)
    for f in figures:
        if f.service:
            continue
        if f.institution:
            per_inst[f.period][f.institution] = f.value
        else:
            national[f.period] = f.value
    out: dict[str, tuple[float, int]] = {}
    for period in sorted(set(national) | set(per_inst)):
        if period in national:
            out[period] = (national[period], 0)
        else:
            values = list(per_inst[period].values())
            total = sum(values)
            out[period] = (total if rollup == "sum" else total / len(values), len(values))
    return out
