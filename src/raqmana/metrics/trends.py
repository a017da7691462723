"""KPIs per quarter: the figures computed from what institutions report (share of transactions online,
visits avoided by the catalogue's services), a KPI's national series and its groups.

Pure: the workspace reads the observations and the catalogue's measures and hands them here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from raqmana.metrics.kpis import ServiceMeasures


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
    #: service code → (visits avoided per transaction, transactions reported)
    working: tuple[tuple[str, int, float], ...] = field(default=())

    @property
    def online_share(self) -> float | None:
        return self.transactions_online / self.transactions if self.transactions else None


def quarterly_kpis(figures: Iterable[Figure], services: Iterable[ServiceMeasures]) -> list[QuarterKpis]:
    """Every quarter's computed KPIs, oldest first. Transactions are counted once per scope: a
    service's own figure, else its institution's, else the national one (no double counting)."""
    saved = {s.code: s.visits_before - s.visits_now for s in services}
    by_scope: dict[tuple[str, str], dict[tuple[str, str], float]] = defaultdict(dict)
    for f in figures:
        if f.kpi in ("transactions", "transactions_online"):
            by_scope[(f.period, f.kpi)][(f.institution, f.service)] = f.value
    periods = sorted({p for p, _ in by_scope})
    out = []
    for period in periods:
        totals = {}
        for kpi in ("transactions", "transactions_online"):
            scopes = by_scope.get((period, kpi), {})
            totals[kpi] = _total(scopes)
        working = tuple(
            sorted(
                (
                    (service, saved[service], value)
                    for (_, service), value in by_scope.get((period, "transactions"), {}).items()
                    if service and saved.get(service)
                ),
                key=lambda w: (-w[1] * w[2], w[0]),
            )
        )
        out.append(
            QuarterKpis(
                period,
                totals["transactions"],
                totals["transactions_online"],
                float(sum(per * n for _, per, n in working)),
                working,
            )
        )
    return out


def _total(scopes: Mapping[tuple[str, str], float]) -> float:
    """The country's total from figures at several levels: services first, then institutions without
    service figures, then the national figure when nothing finer was reported."""
    with_services = {inst for inst, service in scopes if service}
    total = sum(v for (inst, service), v in scopes.items() if service)
    total += sum(
        v for (inst, service), v in scopes.items() if inst and not service and inst not in with_services
    )
    if total == 0 and ("", "") in scopes:
        return scopes[("", "")]
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
