"""Benefit drivers → one benefit weight (1–100), after GovStack's service-prioritisation criteria.

Each driver is put on 0–1 with a saturating scale (in-person visits avoided and transactions moved
online on a log scale, institutions reached on a log scale, SDG targets served up to 5, political
priority 1–5) and the weighted sum is mapped to 1–100. The weights are a setting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BenefitDrivers:
    visits_avoided: int = 0
    transactions_online: int = 0
    institutions_reached: int = 1
    sdg_targets: int = 0
    political_priority: int = 3

    def as_dict(self) -> dict[str, int]:
        return {
            "visits_avoided": self.visits_avoided,
            "transactions_online": self.transactions_online,
            "institutions_reached": self.institutions_reached,
            "sdg_targets": self.sdg_targets,
            "political_priority": self.political_priority,
        }


@dataclass(frozen=True, slots=True)
class BenefitWeights:
    visits_avoided: float = 0.25
    transactions_online: float = 0.20
    institutions_reached: float = 0.20
    sdg_targets: float = 0.15
    political_priority: float = 0.20


DEFAULT_WEIGHTS = BenefitWeights()


def _log_share(value: float, saturation: float) -> float:
    return min(math.log10(1 + max(value, 0)) / math.log10(1 + saturation), 1.0)


def weight(d: BenefitDrivers, w: BenefitWeights = DEFAULT_WEIGHTS) -> int:
    """The benefit weight of a recommendation (1 = least, 100 = most)."""
    parts = (
        (w.visits_avoided, _log_share(d.visits_avoided, 10_000_000)),
        (w.transactions_online, _log_share(d.transactions_online, 100_000_000)),
        (w.institutions_reached, _log_share(d.institutions_reached, 1_000)),
        (w.sdg_targets, min(d.sdg_targets, 5) / 5),
        (w.political_priority, (min(max(d.political_priority, 1), 5) - 1) / 4),
    )
    total = sum(a for a, _ in parts) or 1.0
    score = sum(a * v for a, v in parts) / total
    return 1 + round(99 * score)
