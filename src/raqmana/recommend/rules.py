"""The recommendation rule base as data (schema version 1).

A rule base sits beside a framework pack (``packs/<id>/rules.yaml``). Each :class:`Rule` says when
it fires (conditions on indicator stages, pillar scores and gaps, evidence quality, institution type
and other rules, see :mod:`.conditions`) and what it recommends: horizon, kind, category, who is
responsible, prerequisites, indicative cost, SDG targets, GovStack building blocks, benefit drivers
and the KPIs that show progress. See ``docs/roadmap.md``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from raqmana.frameworks.schema import InstitutionType
from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import Horizon as Horizon  # defined once, in the vocabulary

SCHEMA_VERSION = 1
ID_PATTERN = r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$"


class Kind(StrEnum):
    """UNDP's ladder: digitization → digitalization → digital transformation."""

    DIGITIZATION = "digitization"
    DIGITALIZATION = "digitalization"
    TRANSFORMATION = "transformation"


class Category(StrEnum):
    LAW = "law"
    INSTITUTION = "institution"
    FRAMEWORK = "framework"
    PLATFORM = "platform"
    SERVICE = "service"
    CAPACITY = "capacity"


class Scope(StrEnum):
    NATIONAL = "national"  # evaluated once, on the national view of the assessment
    INSTITUTION = "institution"  # evaluated for each institution


class KpiUnit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    DAYS = "days"
    STAGE = "stage"
    SCORE = "score"
    USD = "usd"
    YES_NO = "yes_no"


class BaselineSource(StrEnum):
    ASSESSMENT = "assessment"  # this assessment's answers and scores
    SERVICE_CATALOGUE = "service_catalogue"
    ADMINISTRATIVE_DATA = "administrative_data"  # system logs, registers, HR records
    USER_SURVEY = "user_survey"
    EXTERNAL_INDEX = "external_index"  # ITU, UN DESA, World Bank, eGA NCSI
    OFFICIAL_GAZETTE = "official_gazette"
    BUDGET_RECORDS = "budget_records"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Kpi(_Model):
    id: str = Field(pattern=ID_PATTERN)
    name: Translated = Translated()
    unit: KpiUnit = KpiUnit.PERCENT
    baseline: BaselineSource = BaselineSource.ASSESSMENT
    target: float = 0
    #: 1: higher is better; -1: lower is better
    direction: int = 1


class CostRange(_Model):
    """Indicative cost in USD (low – high)."""

    low: int = Field(default=0, ge=0)
    high: int = Field(default=0, ge=0)

    @property
    def mid(self) -> int:
        return (self.low + self.high) // 2


class Benefit(_Model):
    """Benefit drivers (GovStack service prioritisation): indicative yearly figures once delivered."""

    visits_avoided: int = Field(default=0, ge=0)
    transactions_online: int = Field(default=0, ge=0)
    #: institutions the result reaches; "all" = every institution of the assessment
    institutions_reached: int | Literal["all"] = 1
    political_priority: int = Field(default=3, ge=1, le=5)


class When(_Model):
    """Conditions: every ``all``, at least one ``any`` (if given), no ``none``."""

    all: list[str] = []
    any: list[str] = []
    none: list[str] = []


class Rule(_Model):
    id: str = Field(pattern=ID_PATTERN)
    pillar: str
    scope: Scope = Scope.NATIONAL
    when: When = When()
    title: Translated = Translated()
    description: Translated = Translated()
    horizon: Horizon = Horizon.SHORT
    kind: Kind = Kind.DIGITALIZATION
    category: Category = Category.PLATFORM
    #: type of institution that carries the recommendation out (institution rules: the institution itself)
    responsible: InstitutionType | None = None
    #: preferred owners, as institution ids of the assessment (the first one present is used)
    lead: list[str] = []
    #: ids of rules whose recommendation must be done first
    prerequisites: list[str] = []
    cost_usd: CostRange = CostRange()
    duration_quarters: int = Field(default=4, ge=1, le=20)
    sdg: list[str] = []
    govstack: list[str] = []
    benefit: Benefit = Benefit()
    kpis: list[Kpi] = []
    #: sequencing layer override (0 mandate & law … 5 proactive services); default from the category
    layer: int | None = Field(default=None, ge=0, le=5)
    source: str = ""


class RuleBase(_Model):
    schema_version: int = SCHEMA_VERSION
    framework: str
    version: str = ""
    #: pillar target score (0–100) used for gaps when the assessment gives none
    default_target: float = Field(default=60, ge=0, le=100)
    targets: dict[str, float] = {}
    rules: list[Rule] = []

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def target(self, pillar: str) -> float:
        return self.targets.get(pillar, self.default_target)
