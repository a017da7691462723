"""The bottlenecks facing workers: how many civil servants name each one, with its interval, by group.

Each item of the topic ``bottlenecks`` is read as "holds my work back a lot" (the lowest answer) or not
(any other scored answer); "don't know", N/A and no answer are left out. The share is weighted by the
design weights, with the 95 % interval of :func:`.perception.weighted_estimate` (clipped to 0–1), and
broken down by sex, age group, governorate, urban/rural and disability. Most often named first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from raqmana.i18n import Translated
from raqmana.surveys.model import Survey
from raqmana.surveys.perception import BOTTLENECKS, DIVIDE_ROLES, design_weights, weighted_estimate
from raqmana.surveys.submissions import Submission

#: groups with fewer respondents get no share of their own (too few to say anything)
MIN_GROUP = 5


@dataclass(frozen=True)
class Share:
    share: float  # 0–1
    low: float
    high: float
    n: int


@dataclass(frozen=True)
class Bottleneck:
    item: str
    label: Translated
    overall: Share
    #: dimension (sex, age_group …) → group (the option's name) → share
    groups: dict[str, dict[str, Share]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        def plain(s: Share) -> dict[str, float | int]:
            return {"share": s.share, "low": s.low, "high": s.high, "n": s.n}

        return {
            "item": self.item,
            "label": self.label.model_dump(),
            **plain(self.overall),
            "groups": {d: {g: plain(s) for g, s in gs.items()} for d, gs in self.groups.items()},
        }


def _share(values: np.ndarray, weights: np.ndarray) -> Share | None:
    e = weighted_estimate(values, weights)
    if e is None:
        return None
    return Share(round(e.mean, 4), round(max(e.low, 0.0), 4), round(min(e.high, 1.0), 4), e.n)


def bottlenecks(survey: Survey, submissions: Sequence[Submission]) -> list[Bottleneck]:
    """The survey's bottleneck items ranked by the share of respondents naming them (none: no such items)."""
    items = [q for q in survey.scored() if q.topic == BOTTLENECKS]
    if not items or not submissions:
        return []
    weights = design_weights(survey, submissions)
    attributes = [(r.value, survey.by_role(r)) for r in DIVIDE_ROLES]
    columns = {
        name: np.asarray([s.answers.get(q.name, "") for s in submissions], dtype=str)
        for name, q in attributes
        if q is not None
    }
    out = []
    for q in items:
        points = {o.name: o.score for o in survey.options(q) if o.score is not None}
        lowest = min(points.values())
        given = np.asarray([s.answers.get(q.name, "") for s in submissions], dtype=str)
        values = np.full(len(submissions), np.nan)
        for name, score in points.items():
            values[given == name] = 1.0 if score == lowest else 0.0
        overall = _share(values, weights)
        if overall is None:
            continue
        groups: dict[str, dict[str, Share]] = {}
        for dim, column in columns.items():
            for group in sorted(set(column.tolist()) - {""}):
                rows = column == group
                if int((rows & ~np.isnan(values)).sum()) < MIN_GROUP:
                    continue
                share = _share(values[rows], weights[rows])
                if share is not None:
                    groups.setdefault(dim, {})[group] = share
        out.append(Bottleneck(q.name, q.label, overall, groups))
    return sorted(out, key=lambda b: (-b.overall.share, b.item))
