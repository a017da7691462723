"""Response models of the results pages (:mod:`raqmana.web.results_data` builds the data).

Scores run 0–5, shares 0–1, costs in US dollars; texts a person reads are translated values."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from raqmana.i18n import Translated
from raqmana.web.schemas.common import FrameworkRef, Out, ProblemOut
from raqmana.web.schemas.surveys import ResultsSurveysOut
from raqmana.workspace.views import AssessmentView


class NationalFigures(Out):
    score: float | None
    stage: int | None
    scale_max: float | None = None
    stage_label: Translated | None = None
    target_stage: int | None
    institutions: int


class EnablerScore(Out):
    id: str
    name: Translated
    score: float | None
    stage: int | None
    low: float | None = Field(description="Lower end of the 90 % interval")
    high: float | None = Field(description="Upper end of the 90 % interval")
    coverage: float | None
    stability: Any = None
    target: int | None


class InstitutionRow(Out):
    code: str
    name: Translated
    kind: str
    overall: float | None
    stage: int | None
    low: float | None
    high: float | None
    rank_low: int | None
    rank_high: int | None
    scores: dict[str, float | None] = Field(description="enabler id → score")


class Bottleneck(Out):
    enabler: str
    score: float | None
    blocks: list[str]
    reason: Any


class DivideGroup(Out):
    label: Translated
    mean: float | None
    count: int


class DivideDimension(Out):
    dimension: Translated
    theil: float | None
    left_out: int = Field(
        0, description="Institutions the table leaves out (governorates: those without one)"
    )
    groups: list[DivideGroup]
    furthest_behind: list[Translated]


class Divide(Out):
    gini: float | None
    dimensions: list[DivideDimension]


class Benchmark(Out):
    chart: str = Field(description="Name of the chart image (charts/{chart}.svg)")
    index: str
    title: Translated
    kind: str = Field(description="peers (one edition) or trend (editions over time)")
    years: list[int]
    values: dict[str, list[float | None]] = Field(description="row (country or component) → value per year")
    labels: dict[str, Translated]
    source: str
    source_text: Translated | None = Field(
        None,
        description="the source in the three languages: translated where known, else the English between "
        "Unicode isolates (U+2066 … U+2069)",
    )
    scale_min: float = Field(
        0.0, description="Bottom of the index's published scale (1 for the UNDP Compass)"
    )
    scale_max: float
    country: Translated


class Recommendation(Out):
    id: str
    title: Translated
    horizon: str
    horizon_label: Translated | None
    enabler: str | None
    enabler_name: Translated | None
    why: Any = None
    sdg: Any = None
    owner: str | None = None
    owner_name: Translated | None = None
    cost_low: float | None
    cost_high: float | None


class Initiative(Out):
    id: str
    name: Translated
    owner: str
    owner_name: Translated
    start: str | None = Field(description='First quarter, as a machine label ("2027-Q1")')
    end: str | None = Field(description='Last quarter, as a machine label ("2028-Q4")')
    start_text: str | None = Field(
        default=None, description="The first quarter in the reader's words and digits"
    )
    end_text: str | None = Field(
        default=None, description="The last quarter in the reader's words and digits"
    )
    cost: Any
    depends_on: list[str]
    phase: str | None
    phase_label: Translated | None
    critical: bool


class Kpi(Out):
    name: Translated
    unit: str
    unit_label: Translated | None
    baseline: Any
    baseline_label: Translated | None
    target: Any
    initiative: str | None


class Roadmap(Out):
    planned: bool
    scheduled: bool
    ok: bool | None = None
    summary: Translated | None = None
    problems: list[ProblemOut]
    initiatives: list[Initiative]
    kpis: list[Kpi]


class ResultsPage(Out):
    """The national results; before any answer is accepted, ``problems`` says why there are no figures."""

    assessment: AssessmentView
    illustrative: bool
    framework: FrameworkRef | None = None
    country: Translated | None = None
    national: NationalFigures
    enablers: list[EnablerScore]
    institutions: list[InstitutionRow] = Field(description="Highest overall score first")
    bottlenecks: list[Bottleneck]
    divide: Divide
    benchmarks: list[Benchmark]
    recommendations: dict[str, list[Recommendation]] = Field(description="horizon (short, long) → items")
    roadmap: Roadmap
    methodology: dict[str, str] | None = Field(None, description="language → text")
    provenance: list[str] | None = None
    provenance_text: list[Translated] | None = Field(
        None,
        description="the same lines in the three languages; a citation left in English is between Unicode "
        "isolates (U+2066 … U+2069)",
    )
    surveys: ResultsSurveysOut | None = Field(None, description="the round's perception surveys, when any")
    problems: list[ProblemOut]


class InstitutionEnabler(Out):
    id: str
    name: Translated
    score: float | None
    national: float | None
    gap: float | None = Field(description="Distance below the target stage (0 when at or above)")


class InstitutionRecommendation(Out):
    id: str
    title: Translated
    horizon: str
    horizon_label: Translated | None
    enabler: str | None
    enabler_name: Translated | None
    cost_low: float | None
    cost_high: float | None


class InstitutionResultsPage(Out):
    assessment: AssessmentView
    illustrative: bool
    institution: InstitutionRow
    national: NationalFigures
    stage_label: Translated | None
    enablers: list[InstitutionEnabler]
    gaps: list[InstitutionEnabler] = Field(description="Enablers below the target, largest gap first")
    recommendations: list[InstitutionRecommendation]
    actions: list[dict[str, Any]] = Field(description="Roadmap actions it leads or takes part in, by start")
