"""One call for the whole analysis of an assessment (used by ``raqmana demo`` and reports)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raqmana.analysis.benchmark import PeerBenchmark, peer_benchmark
from raqmana.analysis.constraints import ConstraintReport, binding_constraints
from raqmana.analysis.divide import DivideReport, institution_divide
from raqmana.analysis.gaps import GapReport, gap_analysis
from raqmana.analysis.inputs import Institution, Scores, mean_by_key
from raqmana.analysis.sdg import SdgEntryPoint, sdg_entry_points
from raqmana.frameworks.schema import Framework


@dataclass
class Analysis:
    national: dict[str, float]  # mean score per enabler over the institutions
    gaps: GapReport
    constraints: ConstraintReport
    divide: DivideReport
    sdg: list[SdgEntryPoint]
    benchmark: PeerBenchmark | None

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "national": self.national,
            "gaps": self.gaps.to_dict(),
            "constraints": self.constraints.to_dict(),
            "divide": self.divide.to_dict(),
            "sdg_entry_points": [e.to_dict() for e in self.sdg],
            "benchmark": self.benchmark.to_dict(lang) if self.benchmark else None,
        }


def analyse(
    framework: Framework,
    scores: Scores,
    institutions: Mapping[str, Institution],
    *,
    indicator_scores: Scores | None = None,
    target: float | Mapping[str, float] = 3.0,
    country: str | None = None,
    peers: Sequence[str] | None = None,
    data_dir: Path | None = None,
    bands: Mapping[str, tuple[float, float]] | None = None,
) -> Analysis:
    """Gaps, binding constraints, divide (on each institution's mean enabler score), SDG entry points
    (weakest indicators, national means) and, with ``country`` (ISO3), the peer benchmark from public
    indices against its regional and income groups and the chosen ``peers``. ``bands``: each enabler's
    national uncertainty interval; a bottleneck's dependents are called higher only beyond it."""
    gaps = gap_analysis(scores, framework, target=target, indicator_scores=indicator_scores)
    national = mean_by_key(scores)
    overall = {
        inst: (
            sum(v for v in row.values() if v is not None) / n
            if (n := sum(v is not None for v in row.values()))
            else None
        )
        for inst, row in scores.items()
    }
    entry = sdg_entry_points(mean_by_key(indicator_scores), framework) if indicator_scores else []
    return Analysis(
        national,
        gaps,
        binding_constraints(national, framework, bands=bands),
        institution_divide(overall, institutions),
        entry,
        peer_benchmark(country, peers=peers, data_dir=data_dir) if country else None,
    )
