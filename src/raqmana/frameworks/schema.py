"""The framework schema: framework → pillars (enablers) → sub-areas → indicators.

A framework is data. This module defines its shape (schema version 1); :mod:`.loader` reads it
from YAML or XLSX and :mod:`.validate` checks what the shape alone cannot (translations,
duplicate ids, crosswalk targets). See ``docs/framework-authoring.md``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import OrgKind

SCHEMA_VERSION = 1


class AnswerType(StrEnum):
    LADDER = "ladder"  # maturity stage 0–5 with a descriptor per stage
    YES_NO = "yes_no"
    NUMBER = "number"
    PERCENTAGE = "percentage"
    CHOICE = "choice"
    TEXT = "text"


class NaTreatment(StrEnum):
    """How an N/A answer counts in scoring."""

    REWEIGHT = "reweight"  # left out; the weights of the others are scaled up
    ZERO = "zero"  # counts as the lowest value


class EvidenceType(StrEnum):
    DOCUMENT = "document"
    SYSTEM = "system"
    EXTERNAL_INDEX = "external_index"
    SURVEY = "survey"
    URL = "url"


#: the kind of institution a framework or a rule speaks of (defined once, in the vocabulary)
InstitutionType = OrgKind


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Stage(_Model):
    """One rung of a maturity ladder."""

    stage: int = Field(ge=0, le=5)
    descriptor: Translated = Translated()
    #: what a reviewer must see to accept this stage (e.g. "the law as published in the gazette")
    evidence: Translated = Translated()


class Choice(_Model):
    value: str
    label: Translated = Translated()
    #: score of this choice on 0–1 (OECD DGI recoding)
    score: float = Field(ge=0, le=1)


class Crosswalk(_Model):
    """References from an indicator to other frameworks' items."""

    gtmi: list[str] = []  # "I-35"
    ncsi: list[str] = []  # "7.4"
    egdi: list[str] = []  # "OSI", "TII", "HCI", "EPI"
    govstack: list[str] = []  # building-block ids of the govstack pack
    undp_dtf: list[str] = []  # pillar / sub-pillar ids of the undp-dtf pack
    sdg: list[str] = []  # SDG targets, "16.6"


class Indicator(_Model):
    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$")
    name: Translated = Translated()
    description: Translated = Translated()
    question: Translated = Translated()
    guidance: Translated = Translated()
    answer_type: AnswerType = AnswerType.LADDER
    #: for ladders: stages 0–5 (stage 0 may be left to the framework's default "absent" text)
    stages: list[Stage] = []
    choices: list[Choice] = []
    #: for number/percentage: the goalposts used to put the answer on 0–1
    min_value: float | None = None
    max_value: float | None = None
    unit: Translated = Translated()
    weight: float = Field(default=1.0, ge=0)
    direction: int = Field(default=1)
    na_allowed: bool = False
    na_treatment: NaTreatment | None = None  # None: the framework's default
    responsible: list[InstitutionType] = [InstitutionType.MINISTRY]
    evidence_types: list[EvidenceType] = [EvidenceType.DOCUMENT]
    crosswalk: Crosswalk = Crosswalk()
    source: str = ""


class SubArea(_Model):
    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$")
    name: Translated = Translated()
    description: Translated = Translated()
    weight: float = Field(default=1.0, ge=0)
    indicators: list[Indicator] = []


class Pillar(_Model):
    """An enabler (e.g. legal and regulatory framework)."""

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$")
    name: Translated = Translated()
    description: Translated = Translated()
    weight: float = Field(default=1.0, ge=0)
    #: ids of pillars that must mature first (used by bottleneck analysis and roadmap sequencing)
    depends_on: list[str] = []
    sub_areas: list[SubArea] = []


class StageLabel(_Model):
    stage: int = Field(ge=0, le=5)
    label: Translated = Translated()
    description: Translated = Translated()


class Framework(_Model):
    schema_version: int = SCHEMA_VERSION
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str
    name: Translated = Translated()
    description: Translated = Translated()
    publisher: str = ""
    source: str = ""
    licence: str = ""
    #: what kind of framework: "assessment" (answered by institutions) or "reference" (a published index)
    kind: str = "assessment"
    na_treatment: NaTreatment = NaTreatment.REWEIGHT
    stage_labels: list[StageLabel] = []
    #: stage 0 descriptor used by ladders that don't define their own
    default_stage0: Translated = Translated()
    pillars: list[Pillar] = []
    #: extra items for reference packs (e.g. SDG goals/targets, GovStack building blocks)
    catalogue: list[CatalogueItem] = []

    def indicators(self) -> list[Indicator]:
        return [i for p in self.pillars for s in p.sub_areas for i in s.indicators]

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators():
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def pillar_of(self, indicator_id: str) -> Pillar:
        for p in self.pillars:
            for s in p.sub_areas:
                if any(i.id == indicator_id for i in s.indicators):
                    return p
        raise KeyError(indicator_id)

    def stage_label(self, stage: int) -> Translated:
        for sl in self.stage_labels:
            if sl.stage == stage:
                return sl.label
        return Translated(en=str(stage), ar=str(stage), ckb=str(stage))

    def counts(self) -> dict[str, int]:
        return {
            "pillars": len(self.pillars),
            "sub_areas": sum(len(p.sub_areas) for p in self.pillars),
            "indicators": len(self.indicators()),
            "catalogue": len(self.catalogue),
        }


class CatalogueItem(_Model):
    """A non-scored item of a reference pack: an SDG goal or target, a GovStack building block…"""

    id: str
    kind: str  # "goal", "target", "building_block", …
    parent: str = ""
    name: Translated = Translated()
    description: Translated = Translated()


Framework.model_rebuild()
