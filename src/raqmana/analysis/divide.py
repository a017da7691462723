"""The digital divide: how unevenly maturity (or digital use) is spread, and who is furthest behind.

Across institutions it groups by governorate, institution type and region; across survey
respondents (where a survey exists) by sex, age group, urban/rural area and governorate. For each
grouping: group means, the gap between the best and worst group, Gini and Theil over all units,
Theil's between-group share, and the groups and units furthest behind.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

import numpy as np

from raqmana.analysis import errors as E
from raqmana.analysis.inequality import gini, theil, theil_decomposition
from raqmana.analysis.inputs import Institution, SurveyResponse
from raqmana.problems import Problem, ProblemsError

UNSPECIFIED = "unspecified"


class _Attributed(Protocol):
    def attribute(self, dimension: str) -> str: ...


class Scored(Protocol):
    """What the divide reads of a unit: a :class:`Unit`, or any object with these (survey respondents)."""

    @property
    def id(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def attributes(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Unit:
    id: str
    score: float
    attributes: Mapping[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score, "attributes": dict(self.attributes)}


@dataclass(frozen=True)
class GroupStat:
    group: str
    n: int
    mean: float
    min: float
    max: float


@dataclass
class DivideDimension:
    dimension: str
    groups: list[GroupStat]  # lowest mean first
    gap: float  # best group mean − worst group mean
    ratio: float | None  # worst / best group mean (1 = no divide)
    theil_between: float
    theil_within: float
    between_share: float  # share of total inequality explained by the grouping
    furthest_behind: list[str]  # groups below the overall mean, lowest first

    def to_dict(self) -> dict[str, Any]:
        return {
            **{k: v for k, v in asdict(self).items() if k != "groups"},
            "groups": [asdict(g) for g in self.groups],
        }


@dataclass
class DivideReport:
    n: int
    mean: float
    gini: float
    theil: float
    dimensions: list[DivideDimension] = field(default_factory=list)
    furthest_behind: list[Unit] = field(default_factory=list)  # lowest-scoring units

    def dimension(self, name: str) -> DivideDimension:
        return next(d for d in self.dimensions if d.dimension == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "mean": self.mean,
            "gini": self.gini,
            "theil": self.theil,
            "dimensions": [d.to_dict() for d in self.dimensions],
            "furthest_behind": [u.to_dict() for u in self.furthest_behind],
        }


def divide(units: Sequence[Scored], dimensions: Sequence[str], *, bottom: int = 5) -> DivideReport:
    """Inequality of ``units``' scores overall and across each grouping in ``dimensions``."""
    if not units:
        raise ProblemsError([Problem(E.NO_SCORES)])
    values = np.fromiter((u.score for u in units), dtype=float, count=len(units))
    mean = float(values.sum() / values.size)
    report = DivideReport(len(units), mean, gini(values), theil(values))
    for dim in dimensions:
        index: dict[str, int] = {}  # group → its code, in order of first appearance (a few, many units)
        codes = np.fromiter(
            (index.setdefault(u.attributes.get(dim) or UNSPECIFIED, len(index)) for u in units),
            dtype=np.intp,
            count=len(units),
        )
        bounds = np.cumsum(np.bincount(codes, minlength=len(index)))[:-1]
        parts = np.split(values[np.argsort(codes, kind="stable")], bounds)
        groups = {name: parts[k] for name, k in index.items()}
        if len(groups) == 1 and UNSPECIFIED in groups:
            continue  # nobody has this attribute: no divide to report
        stats = sorted(
            (
                GroupStat(g, int(v.size), float(v.sum() / v.size), float(v.min()), float(v.max()))
                for g, v in groups.items()
            ),
            key=lambda s: (s.mean, s.group),
        )
        dec = theil_decomposition(groups)
        best, worst = stats[-1].mean, stats[0].mean
        report.dimensions.append(
            DivideDimension(
                dim,
                stats,
                best - worst,
                worst / best if best > 0 else None,
                dec.between,
                dec.within,
                dec.between_share,
                [s.group for s in stats if s.mean < mean and s.group != UNSPECIFIED],
            )
        )
    lowest = heapq.nsmallest(bottom, units, key=lambda u: (u.score, u.id))
    report.furthest_behind = [Unit(u.id, float(u.score), dict(u.attributes)) for u in lowest]
    return report


def _units(
    scores: Mapping[str, float | None], meta: Mapping[str, _Attributed], dimensions: Sequence[str]
) -> list[Unit]:
    out = []
    for uid, score in sorted(scores.items()):
        if score is None:
            continue
        m = meta.get(uid)
        out.append(Unit(uid, float(score), {d: (m.attribute(d) if m else "") for d in dimensions}))
    return out


INSTITUTION_DIMENSIONS = ("governorate", "type", "region")
#: a respondent's attributes the divide groups by (disability: the Washington Group question, in ``extra``)
SURVEY_DIMENSIONS = ("sex", "age_group", "area", "governorate", "disability")


def institution_divide(
    scores: Mapping[str, float | None],
    institutions: Mapping[str, Institution],
    *,
    dimensions: Sequence[str] = INSTITUTION_DIMENSIONS,
    bottom: int = 5,
) -> DivideReport:
    """The divide across institutions: ``scores`` is one overall score (0–5) per institution id."""
    return divide(_units(scores, institutions, dimensions), dimensions, bottom=bottom)


def survey_divide(
    responses: Sequence[SurveyResponse], *, dimensions: Sequence[str] = SURVEY_DIMENSIONS, bottom: int = 5
) -> DivideReport:
    """The divide across survey respondents by sex, age, urban/rural and governorate."""
    meta = {r.id: r for r in responses}
    return divide(_units({r.id: r.score for r in responses}, meta, dimensions), dimensions, bottom=bottom)
