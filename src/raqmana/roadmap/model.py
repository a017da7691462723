"""Roadmap objects: initiatives, dependencies, the schedule, progress and versions.

All are frozen pydantic models, JSON serialisable (``model_dump(mode="json")`` /
``model_validate``), so a workspace can store them and a re-plan never changes an earlier version.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from pydantic import BaseModel, ConfigDict, Field

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import Phase as Phase  # defined once, in the vocabulary
from raqmana.recommend.rules import Category, Kind, Kpi


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def initiative_code(initiative_id: str) -> str:
    """The code a reader sees for an initiative or recommendation id: the rule's code without the
    internal ``@programme`` / ``@<institution>`` suffix (``FIN-R02@programme`` → ``FIN-R02``).

    Ids keep their suffix everywhere a program reads them (URLs, JSON keys, forms); pages, reports and
    charts show this code instead."""
    return str(initiative_id).split("@", 1)[0]


class Layer(IntEnum):
    """The field's sequencing: mandate and law → … → proactive services (GTMI tiers, GovStack)."""

    MANDATE_LAW = 0
    INSTITUTIONS = 1
    FRAMEWORKS = 2
    PLATFORMS = 3
    SERVICES = 4
    PROACTIVE = 5


class DependencyKind(StrEnum):
    EXPLICIT = "explicit"  # a prerequisite named by the rule or the planner
    LAYER = "layer"  # added by the sequencing rules (lower layer, same pillar or building block)


class Initiative(_Model):
    id: str
    name: Translated = Translated()
    description: Translated = Translated()
    owner: str
    owner_name: Translated = Translated()
    pillar: str = ""
    category: Category = Category.PLATFORM
    kind: Kind = Kind.DIGITALIZATION
    #: sequencing layer; None: runs in parallel (capacity development, change management)
    layer: Layer | None = None
    cost_usd: int = Field(default=0, ge=0)
    cost_low: int = Field(default=0, ge=0)
    cost_high: int = Field(default=0, ge=0)
    duration: int = Field(default=1, ge=1)  # quarters
    benefit: int = Field(default=1, ge=0)  # weight in the objective
    building_blocks: list[str] = []
    sdg: list[str] = []
    kpis: list[Kpi] = []
    #: recommendations this initiative carries out
    recommendations: list[str] = []
    #: institutions it covers (per-institution recommendations grouped into one programme)
    institutions: list[str] = []
    #: earliest plan quarter it may start in
    release: int = Field(default=0, ge=0)


class Dependency(_Model):
    before: str
    after: str
    kind: DependencyKind = DependencyKind.EXPLICIT
    #: quarters that must pass between the end of ``before`` and the start of ``after``; negative: ``after``
    #: may start this many quarters before ``before`` ends (layer dependencies overlap by half)
    lag: int = Field(default=0, ge=-80, le=80)


class PlanSettings(_Model):
    horizon_quarters: int = Field(default=20, ge=1, le=80)
    #: one figure per fiscal year (a single figure applies to every year), USD
    budget_per_year: list[int] = [10_000_000]
    #: concurrent initiatives per owner
    capacity_default: int = Field(default=3, ge=1)
    capacity: dict[str, int] = {}
    start_year: int = 2026
    start_quarter: int = Field(default=1, ge=1, le=4)
    time_limit_s: float = Field(default=30.0, gt=0)
    workers: int = Field(default=2, ge=1)
    #: stop when the schedule is proven within this share of the optimum (0: run to optimal or the limit)
    gap_limit: float = Field(default=0.0, ge=0, lt=1)
    #: phase limits in quarters (end of the initiative)
    short_max: int = 6
    medium_max: int = 12

    def capacity_of(self, owner: str) -> int:
        return self.capacity.get(owner, self.capacity_default)


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"  # a schedule, with a gap to the proven bound
    GREEDY = "greedy"  # only the greedy baseline found a schedule
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"  # no schedule found within the time limit


class ScheduledItem(_Model):
    id: str
    start: int
    end: int  # exclusive: the quarter after the last one worked
    slack: int = 0
    critical: bool = False
    phase: Phase = Phase.SHORT


class Schedule(_Model):
    status: SolveStatus
    items: list[ScheduledItem] = []
    objective: int | None = None  # Σ benefit × end
    bound: float | None = None
    gap: float | None = None  # (objective − bound) / objective
    greedy_objective: int | None = None
    improvement: float | None = None  # (greedy − objective) / greedy
    solve_seconds: float = 0.0
    makespan: int = 0
    critical_path: list[str] = []
    yearly_spend: list[int] = []

    def item(self, initiative_id: str) -> ScheduledItem:
        for it in self.items:
            if it.id == initiative_id:
                return it
        raise KeyError(initiative_id)

    def starts(self) -> dict[str, int]:
        return {it.id: it.start for it in self.items}


class ProgressStatus(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    DELAYED = "delayed"
    DONE = "done"
    CANCELLED = "cancelled"


class Milestone(_Model):
    name: Translated = Translated()
    planned: str = ""  # ISO date
    actual: str = ""  # ISO date, empty until reached


class KpiValue(_Model):
    kpi: str
    date: str  # ISO date
    value: float


class Progress(_Model):
    initiative: str
    status: ProgressStatus = ProgressStatus.NOT_STARTED
    percent_done: float = Field(default=0, ge=0, le=100)
    milestones: list[Milestone] = []
    kpi_values: list[KpiValue] = []
    updated: str = ""  # ISO date


class Roadmap(_Model):
    id: str = "roadmap"
    version: int = 1
    title: Translated = Translated()
    created: str = ""  # ISO timestamp
    framework: str = ""
    #: what the plan was built from (assessment id, file name…)
    based_on: str = ""
    settings: PlanSettings = PlanSettings()
    initiatives: list[Initiative] = []
    dependencies: list[Dependency] = []
    schedule: Schedule | None = None
    progress: list[Progress] = []
    metadata: dict[str, str] = {}

    def initiative(self, initiative_id: str) -> Initiative:
        for it in self.initiatives:
            if it.id == initiative_id:
                return it
        raise KeyError(initiative_id)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @classmethod
    def from_json(cls, text: str) -> Roadmap:
        return cls.model_validate_json(text)


class Baseline(_Model):
    """A frozen copy of a roadmap version, kept to measure progress and changes against."""

    taken: str  # ISO timestamp
    note: str = ""
    roadmap: Roadmap
