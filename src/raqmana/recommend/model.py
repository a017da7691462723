"""Recommendations: what the engine produces, each explained by the conditions that triggered it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from raqmana.i18n import Translated
from raqmana.problems import Problem
from raqmana.recommend.benefit import BenefitDrivers
from raqmana.recommend.rules import Category, CostRange, Horizon, Kind, Kpi, Scope


@dataclass(frozen=True, slots=True)
class Trigger:
    """One condition that held, with the actual value that made it hold."""

    condition: str
    group: str  # "all" | "any" | "none" (a "none" condition held because it was false)
    subject: str  # "LEG-01", "score(DAT)", "type", "fired(LEG-R01)", "share(SRV-02 < 2)"
    value: float | str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "condition": self.condition,
            "group": self.group,
            "subject": self.subject,
            "value": self.value,
        }


@dataclass(slots=True)
class Recommendation:
    id: str
    rule: str
    scope: Scope
    institution: str | None  # None for national recommendations
    institution_type: str
    pillar: str
    title: Translated
    description: Translated
    horizon: Horizon
    kind: Kind
    category: Category
    responsible: str | None
    owner: str
    owner_name: Translated
    #: who coordinates the recommendation across institutions (the national lead for its rule)
    coordinator: str
    coordinator_name: Translated
    prerequisites: list[str]  # recommendation ids
    prerequisites_met: list[str]  # rule ids whose recommendation is not needed (condition not met)
    cost_usd: CostRange
    duration_quarters: int
    sdg: list[str]
    govstack: list[str]
    benefit: BenefitDrivers
    benefit_weight: int
    kpis: list[Kpi]
    layer: int | None
    triggers: list[Trigger] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "scope": self.scope.value,
            "institution": self.institution,
            "institution_type": self.institution_type,
            "pillar": self.pillar,
            "title": self.title.model_dump(),
            "description": self.description.model_dump(),
            "horizon": self.horizon.value,
            "kind": self.kind.value,
            "category": self.category.value,
            "responsible": self.responsible,
            "owner": self.owner,
            "owner_name": self.owner_name.model_dump(),
            "coordinator": self.coordinator,
            "coordinator_name": self.coordinator_name.model_dump(),
            "prerequisites": list(self.prerequisites),
            "prerequisites_met": list(self.prerequisites_met),
            "cost_usd": {"low": self.cost_usd.low, "high": self.cost_usd.high},
            "duration_quarters": self.duration_quarters,
            "sdg": list(self.sdg),
            "govstack": list(self.govstack),
            "benefit": self.benefit.as_dict(),
            "benefit_weight": self.benefit_weight,
            "kpis": [k.model_dump(mode="json") for k in self.kpis],
            "layer": self.layer,
            "triggers": [t.as_dict() for t in self.triggers],
        }


@dataclass
class RecommendationSet:
    framework: str
    rules_version: str
    assessment: str
    recommendations: list[Recommendation]
    problems: list[Problem] = field(default_factory=list)

    def national(self) -> list[Recommendation]:
        return [r for r in self.recommendations if r.institution is None]

    def for_institution(self, institution_id: str) -> list[Recommendation]:
        return [r for r in self.recommendations if r.institution == institution_id]

    def by_id(self) -> dict[str, Recommendation]:
        return {r.id: r for r in self.recommendations}

    def as_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "rules_version": self.rules_version,
            "assessment": self.assessment,
            "count": len(self.recommendations),
            "recommendations": [r.as_dict() for r in self.recommendations],
            "warnings": [p.as_dict("en") for p in self.problems],
        }
