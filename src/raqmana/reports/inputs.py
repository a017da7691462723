"""What a report is built from: plain results of the chain, each part optional.

A section whose data is missing says so plainly instead of failing or showing zeros. Every number
carries its provenance in ``source`` fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.reports.text import prose_digits
from raqmana.roadmap.model import initiative_code


@dataclass
class EnablerResult:
    pillar_id: str
    score: float | None  # 0–5
    stage: int | None
    low: float | None = None
    high: float | None = None
    coverage: float | None = None  # share of indicators with validated answers, 0–1
    stability: float | None = None  # share of Monte Carlo runs in the same stage
    target: int | None = None


@dataclass
class InstitutionResult:
    code: str
    name: Translated
    kind: str
    scores: dict[str, float | None]  # pillar id → 0–5
    overall: float | None
    stage: int | None
    low: float | None = None
    high: float | None = None
    rank_low: int | None = None
    rank_high: int | None = None


@dataclass
class IndexSeries:
    """A public index for the country and its peers over editions."""

    index: str  # "EGDI", "OSI", "GTMI" …
    years: list[int]
    values: dict[str, list[float | None]]  # row (a country code or an index component) → value per year
    source: str
    scale_max: float = 1.0
    #: the source in the three languages (translated publisher and title, or English isolated)
    source_text: Translated | None = None
    #: the bottom of the published scale: 0, or 1 for the UNDP Digital Development Compass (1–5.99)
    scale_min: float = 0.0
    #: what the rows are: "country" (peers in one edition) or "component" (the index and its parts over time)
    rows: str = "country"


@dataclass
class Bottleneck:
    pillar_id: str
    score: float | None
    blocks: list[str]  # pillar ids that depend on it
    reason: Translated
    ahead: list[str] = field(default_factory=list)  # of those, the ones that already score higher


@dataclass
class DivideGroup:
    label: Translated
    mean: float | None
    count: int


@dataclass
class Divide:
    dimension: Translated  # e.g. "governorates"
    groups: list[DivideGroup]
    gini: float | None
    theil: float | None
    furthest_behind: list[Translated]
    #: institutions the table leaves out (in the governorate table: those without a governorate)
    left_out: int = 0


@dataclass
class RecommendationItem:
    id: str
    title: Translated
    horizon: str  # "short" | "long"
    pillar_id: str
    rationale: Translated  # why it was triggered (the answers and gaps)
    sdg: list[str] = field(default_factory=list)
    building_blocks: list[str] = field(default_factory=list)
    owner: str = ""
    cost_low: float | None = None
    cost_high: float | None = None


@dataclass
class InitiativeItem:
    id: str
    name: Translated
    owner: str
    start: str  # "2027Q1"
    end: str
    cost: float | None
    depends_on: list[str]
    phase: str  # short | medium | long
    critical: bool = False
    owner_name: Translated | None = None

    @property
    def code(self) -> str:
        """The id a reader sees: the rule's id without the ``@programme`` / ``@institution`` suffix."""
        return initiative_code(self.id)


@dataclass
class KpiItem:
    name: Translated
    unit: str
    baseline: str
    target: float | str
    source: str = ""


@dataclass
class ReportInputs:
    framework: Framework
    country: Translated
    illustrative: bool = False
    assessment_name: Translated | None = None
    date: str = ""
    #: who issues the report (the lead institution, e.g. the council of ministers' secretariat)
    issuer: Translated | None = None
    enablers: list[EnablerResult] = field(default_factory=list)
    institutions: list[InstitutionResult] = field(default_factory=list)
    national_score: float | None = None
    national_stage: int | None = None
    methodology: dict[str, str] = field(default_factory=dict)  # lang → text from the index recipe
    indices: list[IndexSeries] = field(default_factory=list)
    bottlenecks: list[Bottleneck] = field(default_factory=list)
    divides: list[Divide] = field(default_factory=list)
    recommendations: list[RecommendationItem] = field(default_factory=list)
    initiatives: list[InitiativeItem] = field(default_factory=list)
    roadmap_summary: Translated | None = None
    #: draws the roadmap's Gantt chart in a language (an object with ``svg`` and ``png``)
    gantt: Callable[[str], Any] | None = None
    #: the printed Gantt by phase: (language, digits) → [(phase, part, chart)]
    gantt_phases: Callable[[str, str | None], list[tuple[str, int, Any]]] | None = None
    kpis: list[KpiItem] = field(default_factory=list)
    #: where the data come from, in English (the web results page, JSON)
    provenance: list[str] = field(default_factory=list)
    #: the same lines in every language; reports show these when there are any (:meth:`provenance_in`)
    provenance_lines: list[Translated] = field(default_factory=list)
    #: digit shapes of every number: "latn", "arab" or None for the language's own
    digits: str | None = None
    #: the score at or below which an enabler that others depend on is a bottleneck
    bottleneck_threshold: float | None = None
    #: names of owners that are not assessed institutions (e.g. the lead agency)
    owner_names: dict[str, Translated] = field(default_factory=dict)
    #: chapters written by other parts of raqmana (the country's documents and SDGs, the legal register):
    #: each makes its section in a language and digit shape; they come before the annexes
    chapters: list[Callable[[str, str | None], Any]] = field(default_factory=list)

    def provenance_in(self, lang: str) -> list[str]:
        """The "Sources and provenance" lines of a report in ``lang``, their numbers in the report's digits
        (citations keep their codes and the numbers of Latin names)."""
        if not self.provenance_lines:
            return list(self.provenance)
        return [prose_digits(line.get(lang), lang, self.digits) for line in self.provenance_lines]
