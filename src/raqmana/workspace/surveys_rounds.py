"""Which assessment round a survey's submissions belong to.

Each import goes into one round (its period): the round named, else the newest open round. A closed
round's submissions no longer change (SV031); with rounds but none open, the round must be named
(SV033). A workspace without any round keeps its submissions in none until a round imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.problems import Location, Problem
from raqmana.store.models import Assessment
from raqmana.surveys import errors as E
from raqmana.workspace.exceptions import NotFound, ValidationFailed


@dataclass(frozen=True)
class SurveyRound:
    """The round submissions go into or are read from."""

    id: int
    name: Translated
    period: str
    closed: bool

    def label(self, lang: str = "en") -> str:
        """``name`` in ``lang`` (else the round's number), for messages."""
        return self.name.get(lang) or f"#{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name.model_dump(), "period": self.period, "closed": self.closed}


def survey_round(assessment: Assessment) -> SurveyRound:
    raw = assessment.name if isinstance(assessment.name, dict) else {}
    name = Translated(**{k: str(v) for k, v in raw.items() if k in ("en", "ar", "ckb") and v})
    return SurveyRound(int(assessment.id), name, assessment.period, assessment.status == "closed")


def round_named(session: Session, assessment_id: int) -> SurveyRound:
    """The round ``assessment_id`` (NotFound when there is none)."""
    found = session.get(Assessment, assessment_id)
    if found is None:
        raise NotFound("assessment")
    return survey_round(found)


def import_round(session: Session, assessment_id: int | None, *, field: str = "round") -> SurveyRound | None:
    """The round an import goes into: ``assessment_id``'s, else the newest open one; None when the
    workspace has no round at all. Refused (located on ``field``): a closed round, or rounds but none
    open and none named."""
    if assessment_id is not None:
        chosen = round_named(session, assessment_id)
        if chosen.closed:
            raise ValidationFailed(
                [
                    Problem(
                        E.ROUND_CLOSED,
                        Location(field=field),
                        {"round": chosen.name.model_dump(), "period": chosen.period},
                    )
                ]
            )
        return chosen
    rounds = session.scalars(select(Assessment).order_by(Assessment.id.desc())).all()
    if not rounds:
        return None
    for candidate in rounds:
        if candidate.status != "closed":
            return survey_round(candidate)
    listed = ", ".join(f"{r.id} ({r.period})" for r in rounds[:10])
    raise ValidationFailed([Problem(E.NO_OPEN_ROUND, Location(field=field), {"rounds": listed})])
