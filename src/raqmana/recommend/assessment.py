"""The assessment input of the recommendation engine: a plain JSON document.

::

    {
      "framework": "iraq-dla",
      "id": "iraq-2026",
      "title": {"en": "…", "ar": "…", "ckb": "…"},
      "targets": {"LEG": 70},                       # optional pillar targets (0–100)
      "national": {"id": "national", "type": "national",
                   "stages": {"LEG-01": 2, "LEG-02": null}, "no_evidence": ["LEG-02"]},
      "institutions": [
        {"id": "moi", "name": {"en": "Ministry of Interior", "ar": "وزارة الداخلية", "ckb": "…"},
         "type": "ministry",
         "stages": {"SRV-01": 3, "SRV-03": 40, "DAT-02": "na"},
         # ladder: stage 0–5; percentage: 0–100; number; yes/no: 0 or 1; choice: the choice value;
         # null = no answer / don't know; "na" = not applicable
         "pillar_scores": {"SRV": 42.5},           # 0–100; computed from stages when missing
         "no_evidence": ["SRV-01"],                # answers without accepted evidence
         "no_evidence_share": {"DAT": 0.4}}        # or: share per pillar (0–1), "*" for all
      ]
    }
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from raqmana.frameworks.file_messages import json_reason, read_reason
from raqmana.frameworks.schema import AnswerType, Framework, Indicator, InstitutionType
from raqmana.frameworks.validation_messages import describe
from raqmana.i18n import Translated
from raqmana.problems import Location, Problem
from raqmana.recommend import errors as E

StageValue = float | str | None  # a number, a choice value, "na" or None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InstitutionAnswers(_Model):
    id: str = Field(min_length=1)
    name: Translated = Translated()
    type: InstitutionType = InstitutionType.MINISTRY
    parent: str = ""
    stages: dict[str, StageValue] = {}
    pillar_scores: dict[str, float] = {}
    no_evidence: list[str] = []
    #: share (0–1) of each pillar's answers without accepted evidence, when known as a figure rather than
    #: as a list of answers ("*": all pillars); overrides what ``no_evidence`` gives for that pillar
    no_evidence_share: dict[str, float] = {}

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.id


class Assessment(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, serialize_by_alias=True)

    framework: str = "iraq-dla"
    id: str = "assessment"
    title: Translated = Translated()
    period: str = ""
    targets: dict[str, float] = {}
    #: answers given once for the whole country (by the lead agency)
    national: InstitutionAnswers | None = None
    institutions: list[InstitutionAnswers] = []
    #: the bottlenecks facing workers (civil servants' survey): item → share (0–1) of respondents naming it
    bottlenecks: dict[str, float] = {}
    #: the country's own policy documents: SDG target or goal → passages a reviewer accepted for it
    commitments: dict[str, float] = {}
    #: the legal and institutional register: area → 0 missing, 1 drafted, 2 exists ("register" in files;
    #: the attribute has another name because pydantic's classes already have a ``register`` method)
    legal_register: dict[str, float] = Field(default={}, alias="register")

    def institution(self, institution_id: str) -> InstitutionAnswers:
        for inst in self.institutions:
            if inst.id == institution_id:
                return inst
        raise KeyError(institution_id)


def parse(data: Any, *, file: str = "") -> tuple[Assessment | None, list[Problem]]:
    """Validate parsed JSON data as an :class:`Assessment`; problems are located by JSON path."""
    try:
        assessment = Assessment.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
            field_name = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
            detail = describe(err, field=field_name)
            problems.append(Problem(E.SCHEMA, Location(file=file, path=path), {"detail": detail}))
        return None, problems
    problems = []
    seen: set[str] = set()
    for k, inst in enumerate(assessment.institutions):
        if inst.id in seen:
            problems.append(
                Problem(
                    E.DUPLICATE_INSTITUTION,
                    Location(file=file, path=f"institutions[{k}].id"),
                    {"id": inst.id},
                )
            )
        seen.add(inst.id)
    if not assessment.institutions and assessment.national is None:
        problems.append(Problem(E.NO_INSTITUTIONS, Location(file=file, path="institutions")))
    return assessment, problems


def load(path: str | Path) -> tuple[Assessment | None, list[Problem]]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(E.BAD_JSON, Location(file=str(p)), {"detail": read_reason(exc)})]
    except json.JSONDecodeError as exc:
        where = Location(file=str(p), line=exc.lineno, column=str(exc.colno))
        return None, [Problem(E.BAD_JSON, where, {"detail": json_reason(exc)})]
    return parse(data, file=p.name)


def check_against(assessment: Assessment, framework: Framework, *, file: str = "") -> list[Problem]:
    """Answers that do not fit their indicator (errors) or name nothing in ``framework`` (warnings)."""
    indicators = {i.id: i for i in framework.indicators()}
    pillars = {p.id for p in framework.pillars}
    out: list[Problem] = []
    rows = [("national", assessment.national)] if assessment.national else []
    rows += [(f"institutions[{k}]", inst) for k, inst in enumerate(assessment.institutions)]
    for path, inst in rows:
        assert inst is not None
        for key, value in inst.stages.items():
            where = Location(file=file, path=f"{path}.stages.{key}")
            ind = indicators.get(key)
            if ind is None:
                out.append(Problem(E.UNKNOWN_ANSWER, where, {"id": inst.id, "value": key}))
                continue
            expected = _misfit(ind, value)
            if expected:
                out.append(
                    Problem(
                        E.BAD_ANSWER,
                        where,
                        {"id": inst.id, "indicator": key, "value": value, "expected": E.EXPECTED[expected]},
                    )
                )
        for key, score in inst.pillar_scores.items():
            where = Location(file=file, path=f"{path}.pillar_scores.{key}")
            if key not in pillars:
                out.append(Problem(E.UNKNOWN_ANSWER, where, {"id": inst.id, "value": key}))
            elif not 0 <= score <= 100:
                out.append(
                    Problem(
                        E.BAD_ANSWER,
                        where,
                        {"id": inst.id, "indicator": key, "value": score, "expected": E.EXPECTED["score"]},
                    )
                )
        for key, share in inst.no_evidence_share.items():
            where = Location(file=file, path=f"{path}.no_evidence_share.{key}")
            if key != "*" and key not in pillars:
                out.append(Problem(E.UNKNOWN_ANSWER, where, {"id": inst.id, "value": key}))
            elif not 0 <= share <= 1:
                out.append(
                    Problem(
                        E.BAD_ANSWER,
                        where,
                        {"id": inst.id, "indicator": key, "value": share, "expected": E.EXPECTED["share"]},
                    )
                )
    return out


def _misfit(ind: Indicator, value: StageValue) -> str:
    """The kind of value ``ind`` expects if ``value`` does not fit it, else ""."""
    if value is None or value == "na":
        return ""
    t = ind.answer_type
    if t is AnswerType.CHOICE:
        return "" if value in {c.value for c in ind.choices} else "choice"
    if isinstance(value, str):
        return "number"
    if t is AnswerType.LADDER:
        return "" if value in (0, 1, 2, 3, 4, 5) else "stage"
    if t is AnswerType.PERCENTAGE:
        return "" if 0 <= value <= 100 else "percentage"
    if t is AnswerType.YES_NO:
        return "" if value in (0, 1) else "yes_no"
    return ""
