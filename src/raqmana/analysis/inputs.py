"""Plain inputs of the analyses: scores by institution, institution metadata, survey responses.

Scores are maturity stages on 0–5 (fractions allowed): ``{institution: {pillar_id: score}}`` and,
optionally, ``{institution: {indicator_id: score}}``. Nothing here touches a database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from raqmana.analysis import errors as E
from raqmana.frameworks.schema import Framework
from raqmana.i18n.catalog import ui
from raqmana.problems import Location, Problem, ProblemsError

Scores = Mapping[str, Mapping[str, float | None]]
MAX_STAGE = 5.0


@dataclass(frozen=True)
class Institution:
    """What the divide analysis groups by."""

    id: str
    type: str = ""  # ministry, governorate, independent_body, … (frameworks.schema.InstitutionType values)
    governorate: str = ""
    region: str = ""  # e.g. "federal" or "krg"
    name: str = ""

    def attribute(self, dimension: str) -> str:
        return str(getattr(self, dimension, "") or "")


@dataclass(frozen=True)
class SurveyResponse:
    """One respondent of a household or user survey (where one exists), with a digital-use score."""

    id: str
    score: float
    sex: str = ""
    age_group: str = ""
    area: str = ""  # urban / rural
    governorate: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    def attribute(self, dimension: str) -> str:
        if dimension in ("sex", "age_group", "area", "governorate"):
            return str(getattr(self, dimension) or "")
        return str(self.extra.get(dimension, ""))


def check_scores(scores: Scores, framework: Framework | None = None, *, level: str = "pillar") -> None:
    """Raise :class:`ProblemsError` when a score is out of 0–5 or names an unknown pillar/indicator."""
    problems: list[Problem] = []
    known: set[str] | None = None
    if framework is not None:
        known = (
            {p.id for p in framework.pillars} if level == "pillar" else {i.id for i in framework.indicators()}
        )
    if not any(v is not None for row in scores.values() for v in row.values()):
        raise ProblemsError([Problem(E.NO_SCORES)])
    for inst, row in scores.items():
        for key, value in row.items():
            where = Location(path=f"{inst}.{key}")
            if known is not None and key not in known:
                code = E.UNKNOWN_PILLAR if level == "pillar" else E.UNKNOWN_INDICATOR
                params = {
                    "institution": inst,
                    "framework": framework.id if framework else "",
                    ("pillar" if level == "pillar" else "indicator"): key,
                }
                problems.append(Problem(code, where, params))
            if value is not None and (math.isnan(value) or not 0 <= value <= MAX_STAGE):
                problems.append(
                    Problem(E.SCORE_RANGE, where, {"institution": inst, "item": key, "value": value})
                )
    if problems:
        raise ProblemsError(problems)


def mean_by_key(scores: Scores) -> dict[str, float]:
    """The mean score of each pillar (or indicator) over the institutions that have one."""
    acc: dict[str, list[float]] = {}
    for row in scores.values():
        for key, value in row.items():
            if value is not None:
                acc.setdefault(key, []).append(float(value))
    return {k: sum(v) / len(v) for k, v in acc.items()}


def join(items: Iterable[str], lang: str) -> str:
    """'A, B and C' in the language's own words."""
    words = list(items)
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    last = ui(" and ").as_dict().get(lang, " and ")
    sep = "، " if lang in ("ar", "ckb") else ", "
    return sep.join(words[:-1]) + last + words[-1]
