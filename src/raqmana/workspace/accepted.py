"""Scoring input: the accepted answers of a round as an institutions × indicators matrix with provenance.

Only ``accepted`` answers appear; everything else is missing. Values: ladder → stage (0–5), number and
percentage → the number, yes/no → 1/0, choice → the choice's score (0–1); N/A and "don't know" have no
value and are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.frameworks import AnswerType, Framework
from raqmana.store.models import AssessmentInstitution, Evidence, Organisation, Response
from raqmana.workspace.actors import SYSTEM, Actor
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.permissions import get_assessment_for_user
from raqmana.workspace.response_views import user_names
from raqmana.workspace.views import ResponseState


@dataclass(frozen=True, slots=True)
class AcceptedCell:
    value: float | None
    na: bool
    dont_know: bool
    response_id: int
    assessor: str
    reviewed_by: str
    accepted_at: datetime | None
    version: int
    evidence_count: int


@dataclass(frozen=True)
class AcceptedValues:
    assessment_id: int
    framework_version_id: int
    institutions: list[str]
    indicators: list[str]
    cells: dict[tuple[str, str], AcceptedCell] = field(default_factory=dict)

    def matrix(self) -> tuple[np.ndarray, np.ndarray]:
        """(values with NaN where missing, N/A mask), rows = institutions, columns = indicators."""
        values = np.full((len(self.institutions), len(self.indicators)), np.nan)
        na = np.zeros(values.shape, dtype=bool)
        row = {c: i for i, c in enumerate(self.institutions)}
        col = {c: j for j, c in enumerate(self.indicators)}
        for (inst, ind), cell in self.cells.items():
            if cell.value is not None:
                values[row[inst], col[ind]] = cell.value
            na[row[inst], col[ind]] = cell.na
        return values, na


def numeric_value(framework: Framework, r: Response) -> float | None:
    if r.is_na or r.dont_know:
        return None
    try:
        ind = framework.indicator(r.indicator_id)
    except KeyError:
        return None
    if ind.answer_type is AnswerType.LADDER:
        return None if r.stage is None else float(r.stage)
    if ind.answer_type in (AnswerType.NUMBER, AnswerType.PERCENTAGE):
        return r.number
    if ind.answer_type is AnswerType.YES_NO:
        return None if r.choice is None else (1.0 if r.choice == "yes" else 0.0)
    if ind.answer_type is AnswerType.CHOICE:
        return next((c.score for c in ind.choices if c.value == r.choice), None)
    return None


def accepted_values(session: Session, assessment_id: int, *, actor: Actor = SYSTEM) -> AcceptedValues:
    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    fw = get_framework(session, assessment.framework_version_id)
    codes = dict(
        session.execute(
            select(Organisation.id, Organisation.code)
            .join(AssessmentInstitution, AssessmentInstitution.org_id == Organisation.id)
            .where(AssessmentInstitution.assessment_id == assessment_id)
        ).all()
    )
    rows = list(
        session.scalars(
            select(Response).where(
                Response.assessment_id == assessment_id, Response.state == ResponseState.ACCEPTED.value
            )
        )
    )
    names = user_names(session, [r.assessor_id for r in rows] + [r.reviewed_by for r in rows])
    ev = dict(
        session.execute(
            select(Evidence.response_id, func.count())
            .join(Response, Response.id == Evidence.response_id)
            .where(
                Response.assessment_id == assessment_id,
                Response.state == ResponseState.ACCEPTED.value,
                Evidence.removed_at.is_(None),
            )
            .group_by(Evidence.response_id)
        ).all()
    )
    indicators = [i.id for i in fw.indicators()]
    known = set(indicators)
    cells = {
        (codes[r.org_id], r.indicator_id): AcceptedCell(
            numeric_value(fw, r),
            r.is_na,
            r.dont_know,
            r.id,
            names.get(r.assessor_id, "") if r.assessor_id else "",
            names.get(r.reviewed_by, "") if r.reviewed_by else "",
            r.reviewed_at,
            r.version,
            ev.get(r.id, 0),
        )
        for r in rows
        if r.org_id in codes and r.indicator_id in known
    }
    return AcceptedValues(
        assessment_id, assessment.framework_version_id, sorted(codes.values()), indicators, cells
    )
