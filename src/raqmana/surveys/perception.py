"""Perception scoring the way UNDP's Digital Readiness Assessment survey scores its items.

Each scored item has ordinal answers with points (1–3 in the DRA survey, 1–5 on a Likert scale);
"don't know" counts 0 in the DRA's table and is left out of every mean here (as is "not applicable" and
no answer), and reported as its own share. Means are weighted by the respondents' design weights when
the survey has a weight question (1 otherwise), with a 95 % confidence interval from the Kish effective
sample size and Student's t. Scores are also put on 0–100 (lowest option 0, highest 100) so that items
of different scales add up: a respondent's score is the mean of their answered items on 0–100, a topic's
score the weighted mean of its respondents' topic scores.

Items of the topic ``bottlenecks`` are read the other way round too: the share of respondents who
gave the lowest answer ("holds my work back a lot") ranks the bottlenecks facing workers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from raqmana.problems import Problem, ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.model import DONT_KNOW, Kind, Role, Survey
from raqmana.surveys.submissions import Submission

#: respondent attributes the divide analysis groups by, in the order reports show them
DIVIDE_ROLES = (Role.SEX, Role.AGE_GROUP, Role.GOVERNORATE, Role.AREA, Role.DISABILITY)
BOTTLENECKS = "bottlenecks"


@dataclass(frozen=True)
class Estimate:
    mean: float
    low: float
    high: float
    n: int  # respondents with an answer that counts
    n_effective: float


@dataclass(frozen=True)
class ItemResult:
    question: str
    topic: str
    estimate: Estimate | None  # on the item's own scale (e.g. 1–3)
    estimate_100: Estimate | None  # on 0–100
    dont_know: int
    #: weighted share of respondents (who answered) giving the lowest answer, 0–1
    lowest_share: float | None


@dataclass(frozen=True)
class Respondent:
    id: str
    score: float  # 0–100
    attributes: dict[str, str]
    topics: dict[str, float]
    weight: float = 1.0


@dataclass
class SurveyResults:
    survey: str
    n: int
    overall: Estimate | None
    topics: dict[str, Estimate] = field(default_factory=dict)
    items: list[ItemResult] = field(default_factory=list)
    respondents: list[Respondent] = field(default_factory=list)
    #: bottleneck items, most often "holds back a lot" first
    bottlenecks: list[ItemResult] = field(default_factory=list)

    def to_dict(self, *, respondents: bool = False) -> dict[str, Any]:
        out = {
            "survey": self.survey,
            "n": self.n,
            "overall": asdict(self.overall) if self.overall else None,
            "topics": {k: asdict(v) for k, v in self.topics.items()},
            "items": [asdict(i) for i in self.items],
            "bottlenecks": [asdict(i) for i in self.bottlenecks],
        }
        if respondents:
            out["respondents"] = [asdict(r) for r in self.respondents]
        return out


def weighted_estimate(values: np.ndarray, weights: np.ndarray) -> Estimate | None:
    """Weighted mean of ``values`` (NaN = no answer) with a 95 % confidence interval."""
    from scipy.stats import t

    keep = ~np.isnan(values)
    x, w = values[keep], weights[keep]
    if x.size == 0 or w.sum() <= 0:
        return None
    total = float(w.sum())
    # elementwise sums, not np.dot: BLAS threads stall on a busy machine and buy nothing for one vector
    mean = float((w * x).sum() / total)
    n_eff = total**2 / float((w * w).sum())
    if x.size < 2 or n_eff <= 1:
        return Estimate(mean, mean, mean, int(x.size), n_eff)
    variance = float((w * (x - mean) ** 2).sum() / total) * n_eff / (n_eff - 1)
    half = float(t.ppf(0.975, n_eff - 1)) * math.sqrt(variance / n_eff)
    return Estimate(mean, mean - half, mean + half, int(x.size), n_eff)


def _weights(survey: Survey, submissions: Sequence[Submission]) -> np.ndarray:
    question = survey.by_role(Role.WEIGHT)
    weights = np.ones(len(submissions))
    if question is None:
        return weights
    problems = []
    for i, sub in enumerate(submissions):
        raw = sub.answers.get(question.name, "")
        if raw == "":
            continue
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not value > 0 or not math.isfinite(value):
            problems.append(Problem(E.BAD_WEIGHT, params={"value": raw, "uuid": sub.uuid}))
        weights[i] = value
    if problems:
        raise ProblemsError(problems)
    return weights


def design_weights(survey: Survey, submissions: Sequence[Submission]) -> np.ndarray:
    """Each submission's design weight (1 when the survey has no weight question); bad weights raise."""
    return _weights(survey, submissions)


def score(survey: Survey, submissions: Sequence[Submission]) -> SurveyResults:
    """Item, topic and overall scores of ``submissions``, and each respondent's score for the divide."""
    items = survey.scored()
    if not items:
        raise ProblemsError([Problem(E.NO_SCORED, params={"survey": survey.id})])
    n, k = len(submissions), len(items)
    raw = np.full((n, k), np.nan)
    scaled = np.full((n, k), np.nan)
    dont_know = np.zeros(k, dtype=int)
    lows = np.zeros(k)
    answer_sets = [sub.answers for sub in submissions]
    for j, q in enumerate(items):
        points = {o.name: o.score for o in survey.options(q) if o.score is not None}
        low, high = min(points.values()), max(points.values())
        span = (high - low) or 1.0
        lows[j] = low
        given = np.asarray([a.get(q.name, "") for a in answer_sets], dtype=str)
        distinct, where = np.unique(given, return_inverse=True)  # a few answers, many respondents
        counts = np.bincount(where, minlength=distinct.size)
        dont_know[j] = sum(int(c) for v, c in zip(distinct, counts, strict=True) if v == DONT_KNOW)
        raw[:, j] = np.array([points.get(str(v), np.nan) for v in distinct], dtype=float)[where]
        scaled[:, j] = (raw[:, j] - low) / span * 100.0
    weights = _weights(survey, submissions)
    results = SurveyResults(survey=survey.id, n=n, overall=None)
    for j, q in enumerate(items):
        answered = ~np.isnan(raw[:, j])
        w = weights[answered]
        share = float((w * (raw[answered, j] == lows[j])).sum() / w.sum()) if w.size and w.sum() > 0 else None
        results.items.append(
            ItemResult(
                q.name,
                q.topic,
                weighted_estimate(raw[:, j], weights),
                weighted_estimate(scaled[:, j], weights),
                int(dont_know[j]),
                share,
            )
        )
    with np.errstate(invalid="ignore"):
        counts = (~np.isnan(scaled)).sum(axis=1)
        overall = np.where(counts > 0, np.nansum(scaled, axis=1) / np.maximum(counts, 1), np.nan)
        topic_names = sorted({q.topic for q in items if q.topic})
        topic_scores: dict[str, np.ndarray] = {}
        for topic in topic_names:
            cols = [j for j, q in enumerate(items) if q.topic == topic]
            block = scaled[:, cols]
            c = (~np.isnan(block)).sum(axis=1)
            topic_scores[topic] = np.where(c > 0, np.nansum(block, axis=1) / np.maximum(c, 1), np.nan)
    results.overall = weighted_estimate(overall, weights)
    for topic, values in topic_scores.items():
        estimate = weighted_estimate(values, weights)
        if estimate is not None:
            results.topics[topic] = estimate
    if results.overall is None:
        raise ProblemsError([Problem(E.NO_ANSWERS)])
    roles = [(r.value, survey.by_role(r)) for r in (*DIVIDE_ROLES, Role.INSTITUTION)]
    for i, sub in enumerate(submissions):
        if math.isnan(overall[i]):
            continue
        attributes = {name: sub.answers.get(q.name, "") for name, q in roles if q is not None}
        topics = {t: float(v[i]) for t, v in topic_scores.items() if not math.isnan(v[i])}
        results.respondents.append(
            Respondent(sub.uuid, float(overall[i]), attributes, topics, float(weights[i]))
        )
    results.bottlenecks = sorted(
        (it for it in results.items if it.topic == BOTTLENECKS and it.lowest_share is not None),
        key=lambda it: (-(it.lowest_share or 0.0), it.question),
    )
    return results


def choice_counts(survey: Survey, submissions: Sequence[Submission], question: str) -> dict[str, int]:
    """How many respondents chose each option of a select question (select_multiple counts each pick)."""
    q = survey.question(question)
    counts = {o.name: 0 for o in survey.options(q)}
    for sub in submissions:
        answer = sub.answers.get(q.name, "")
        for name in answer.split() if q.kind is Kind.SELECT_MULTIPLE else [answer]:
            if name in counts:
                counts[name] += 1
    return counts


def number_by_choice(
    survey: Survey, submissions: Sequence[Submission], number: str, by: str
) -> dict[str, Estimate]:
    """The weighted mean of a number question for each option of a select_one question (e.g. office
    visits a service took, per service)."""
    weights = _weights(survey, submissions)
    groups: dict[str, list[int]] = {}
    values = np.full(len(submissions), np.nan)
    for i, sub in enumerate(submissions):
        raw = sub.answers.get(number, "")
        try:
            values[i] = float(raw)
        except ValueError:
            continue
        groups.setdefault(sub.answers.get(by, ""), []).append(i)
    out: dict[str, Estimate] = {}
    for option in survey.options(survey.question(by)):
        rows = groups.get(option.name)
        if rows:
            estimate = weighted_estimate(values[rows], weights[rows])
            if estimate is not None:
                out[option.name] = estimate
    return out
