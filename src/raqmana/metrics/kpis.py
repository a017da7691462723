"""Derived KPIs of a service catalogue: computed from the records, never typed, with the working kept.

* in-person visits avoided per year = Σ services (visits required before − visits required now) ×
  annual transactions;
* share of services fully online (digitisation level 4 or 5);
* once-only share = Σ documents another agency already holds ÷ Σ documents required;
* average processing time in days, over the services that state one (and weighted by transactions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from raqmana.metrics.levels import FULLY_ONLINE


class Measures(Protocol):
    """What the derived KPIs read of a service (a :class:`ServiceRecord` has it all)."""

    @property
    def code(self) -> str: ...
    @property
    def visits_before(self) -> int: ...
    @property
    def visits_now(self) -> int: ...
    @property
    def annual_transactions(self) -> int: ...
    @property
    def documents_required(self) -> int: ...
    @property
    def documents_held(self) -> int: ...
    @property
    def processing_days(self) -> float: ...
    @property
    def illustrative(self) -> bool: ...
    @property
    def fully_online(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class ServiceMeasures:
    """Only the measures of a service, for recomputing the KPIs of a whole country quickly."""

    code: str
    level: int
    visits_before: int = 0
    visits_now: int = 0
    annual_transactions: int = 0
    documents_required: int = 0
    documents_held: int = 0
    processing_days: float = 0.0
    illustrative: bool = False

    @property
    def fully_online(self) -> bool:
        return self.level >= FULLY_ONLINE


@dataclass(frozen=True, slots=True)
class ServiceSaving:
    """One line of the working of visits avoided."""

    code: str
    visits_before: int
    visits_now: int
    annual_transactions: int

    @property
    def avoided(self) -> int:
        return (self.visits_before - self.visits_now) * self.annual_transactions


@dataclass(frozen=True, slots=True)
class DerivedKpis:
    services: int
    visits_avoided: int
    #: every service whose visits avoided are not zero, most visits avoided first
    working: tuple[ServiceSaving, ...] = field(default=())
    fully_online: int = 0
    documents_required: int = 0
    documents_held: int = 0
    timed_services: int = 0
    processing_days_mean: float | None = None
    processing_days_weighted: float | None = None
    illustrative: bool = False

    @property
    def fully_online_share(self) -> float | None:
        return self.fully_online / self.services if self.services else None

    @property
    def once_only_share(self) -> float | None:
        return self.documents_held / self.documents_required if self.documents_required else None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DerivedKpis:
        """The inverse of :meth:`as_dict` (a published snapshot keeps the dict)."""
        return cls(
            services=d["services"],
            visits_avoided=d["visits_avoided_per_year"],
            working=tuple(
                ServiceSaving(w["code"], w["visits_before"], w["visits_now"], w["annual_transactions"])
                for w in d["working"]
            ),
            fully_online=d["fully_online"],
            documents_required=d["documents_required"],
            documents_held=d["documents_held_elsewhere"],
            timed_services=d["services_with_processing_time"],
            processing_days_mean=d["processing_days_mean"],
            processing_days_weighted=d["processing_days_weighted_by_transactions"],
            illustrative=d["illustrative"],
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "services": self.services,
            "visits_avoided_per_year": self.visits_avoided,
            "fully_online": self.fully_online,
            "fully_online_share": self.fully_online_share,
            "documents_required": self.documents_required,
            "documents_held_elsewhere": self.documents_held,
            "once_only_share": self.once_only_share,
            "services_with_processing_time": self.timed_services,
            "processing_days_mean": self.processing_days_mean,
            "processing_days_weighted_by_transactions": self.processing_days_weighted,
            "illustrative": self.illustrative,
            "working": [
                {
                    "code": w.code,
                    "visits_before": w.visits_before,
                    "visits_now": w.visits_now,
                    "annual_transactions": w.annual_transactions,
                    "visits_avoided": w.avoided,
                }
                for w in self.working
            ],
        }


def derive_kpis(records: Iterable[Measures]) -> DerivedKpis:
    """The derived KPIs of ``records`` (one pass; 3,000 services take about a millisecond)."""
    rs = list(records)
    working = tuple(
        sorted(
            (
                ServiceSaving(r.code, r.visits_before, r.visits_now, r.annual_transactions)
                for r in rs
                if (r.visits_before - r.visits_now) * r.annual_transactions
            ),
            key=lambda w: (-w.avoided, w.code),
        )
    )
    timed = [r for r in rs if r.processing_days > 0]
    weight = sum(r.annual_transactions for r in timed)
    return DerivedKpis(
        services=len(rs),
        visits_avoided=sum(w.avoided for w in working),
        working=working,
        fully_online=sum(1 for r in rs if r.fully_online),
        documents_required=sum(r.documents_required for r in rs),
        documents_held=sum(r.documents_held for r in rs),
        timed_services=len(timed),
        processing_days_mean=sum(r.processing_days for r in timed) / len(timed) if timed else None,
        processing_days_weighted=(
            sum(r.processing_days * r.annual_transactions for r in timed) / weight if weight else None
        ),
        illustrative=any(r.illustrative for r in rs),
    )
