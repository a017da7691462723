"""Gap to the target stage, per enabler and per institution (and per indicator when given)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from raqmana.analysis.inputs import Scores, check_scores
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated


@dataclass(frozen=True)
class Gap:
    institution: str
    pillar: str
    score: float | None  # None: not assessed (no gap is computed)
    target: float

    @property
    def gap(self) -> float | None:
        return None if self.score is None else max(0.0, self.target - self.score)


@dataclass(frozen=True)
class PillarGap:
    pillar: str
    name: Translated
    target: float
    mean_score: float | None
    mean_gap: float | None
    max_gap: float | None
    assessed: int
    below_target: int
    worst: tuple[str, ...]  # institutions with the largest gaps (up to three)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "name": self.name.model_dump(), "worst": list(self.worst)}


@dataclass(frozen=True)
class InstitutionGap:
    institution: str
    mean_score: float | None
    mean_gap: float | None
    largest_gap: str | None  # the pillar with the largest gap
    below_target: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "below_target": list(self.below_target)}


@dataclass(frozen=True)
class IndicatorGap:
    indicator: str
    pillar: str
    target: float
    mean_score: float
    gap: float
    below_target: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class GapReport:
    targets: dict[str, float]
    gaps: list[Gap] = field(default_factory=list)
    pillars: list[PillarGap] = field(default_factory=list)  # largest mean gap first
    institutions: list[InstitutionGap] = field(default_factory=list)  # largest mean gap first
    indicators: list[IndicatorGap] = field(default_factory=list)  # largest gap first

    def to_dict(self) -> dict[str, Any]:
        return {
            "targets": self.targets,
            "pillars": [p.to_dict() for p in self.pillars],
            "institutions": [i.to_dict() for i in self.institutions],
            "indicators": [i.to_dict() for i in self.indicators],
            "gaps": [
                {
                    "institution": g.institution,
                    "pillar": g.pillar,
                    "score": g.score,
                    "target": g.target,
                    "gap": g.gap,
                }
                for g in self.gaps
            ],
        }


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def gap_analysis(
    scores: Scores,
    framework: Framework,
    *,
    target: float | Mapping[str, float] = 3.0,
    indicator_scores: Scores | None = None,
) -> GapReport:
    """Gaps between each institution's enabler scores (0–5) and the target stage.

    ``target`` is one stage for every enabler or a stage per pillar id (missing pillars: 3).
    """
    check_scores(scores, framework)
    if indicator_scores is not None:
        check_scores(indicator_scores, framework, level="indicator")
    targets = {
        p.id: float(target if isinstance(target, int | float) else target.get(p.id, 3.0))
        for p in framework.pillars
    }
    report = GapReport(targets)
    for inst in sorted(scores):
        for p in framework.pillars:
            value = scores[inst].get(p.id)
            report.gaps.append(Gap(inst, p.id, None if value is None else float(value), targets[p.id]))
    for p in framework.pillars:
        mine = [g for g in report.gaps if g.pillar == p.id and g.gap is not None]
        gaps = [g.gap for g in mine if g.gap is not None]
        worst = tuple(
            g.institution
            for g in sorted(mine, key=lambda g: (-(g.gap or 0), g.institution))
            if (g.gap or 0) > 0
        )[:3]
        report.pillars.append(
            PillarGap(
                p.id,
                p.name,
                targets[p.id],
                _mean([g.score for g in mine if g.score is not None]),
                _mean(gaps),
                max(gaps) if gaps else None,
                len(mine),
                sum(1 for x in gaps if x > 0),
                worst,
            )
        )
    report.pillars.sort(key=lambda pg: (-(pg.mean_gap or 0), pg.pillar))
    for inst in sorted(scores):
        mine = [g for g in report.gaps if g.institution == inst and g.gap is not None]
        gaps = [g.gap for g in mine if g.gap is not None]
        top = max(gaps) if gaps else 0.0
        largest = next((g.pillar for g in mine if g.gap == top), None) if top > 0 else None
        report.institutions.append(
            InstitutionGap(
                inst,
                _mean([g.score for g in mine if g.score is not None]),
                _mean(gaps),
                largest,
                tuple(g.pillar for g in mine if (g.gap or 0) > 0),
            )
        )
    report.institutions.sort(key=lambda ig: (-(ig.mean_gap or 0), ig.institution))
    if indicator_scores:
        report.indicators = _indicator_gaps(indicator_scores, framework, targets)
    return report


def _indicator_gaps(scores: Scores, framework: Framework, targets: dict[str, float]) -> list[IndicatorGap]:
    out = []
    for ind in framework.indicators():
        values = [float(v) for row in scores.values() if (v := row.get(ind.id)) is not None]
        if not values:
            continue
        pillar = framework.pillar_of(ind.id).id
        tgt = targets[pillar]
        mean = sum(values) / len(values)
        out.append(
            IndicatorGap(ind.id, pillar, tgt, mean, max(0.0, tgt - mean), sum(1 for v in values if v < tgt))
        )
    return sorted(out, key=lambda g: (-g.gap, g.indicator))
