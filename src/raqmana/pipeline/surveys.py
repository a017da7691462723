"""Perception surveys in the chain: survey indicators join the framework, bottlenecks reach the rules.

The workspace scores the round's survey submissions (:mod:`raqmana.surveys`) and passes the results in
as :class:`SurveyInputs` (``ChainOptions.surveys``). The chain adds each survey indicator to its
sub-area as a percentage indicator (0–100; source ``survey:<survey>/<topic>``), with the value of each
institution that has its own and, for a national indicator, the country's value on the lead
institution; the intervals are carried beside the index (:attr:`ChainResult.surveys`). The bottleneck
shares feed the rules' ``bottleneck(item)`` condition.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from raqmana.analysis.divide import DivideReport
from raqmana.frameworks.schema import AnswerType, EvidenceType, Framework, Indicator
from raqmana.i18n import Translated
from raqmana.surveys.bottlenecks import Bottleneck
from raqmana.surveys.indicators import Scope, SurveyIndicator

SOURCE_PREFIX = "survey:"


@dataclass(frozen=True)
class SurveyInputs:
    """What the round's perception surveys give the chain."""

    indicators: tuple[SurveyIndicator, ...] = ()
    #: the bottlenecks facing workers, most often named first
    bottlenecks: tuple[Bottleneck, ...] = ()
    #: survey id → the divide over its respondents (sex, age group, governorate, urban/rural, disability)
    divides: Mapping[str, DivideReport] = field(default_factory=dict)
    #: survey id → respondents whose answers count
    respondents: Mapping[str, int] = field(default_factory=dict)
    #: survey id → dimension (sex, age_group …) → group (the option's name) → its label
    group_labels: Mapping[str, Mapping[str, Mapping[str, Translated]]] = field(default_factory=dict)
    #: survey id → its title
    titles: Mapping[str, Translated] = field(default_factory=dict)
    illustrative: bool = False
    #: the assessment round whose submissions these are, and its period
    round_name: Translated | None = None
    round_period: str = ""

    def bottleneck_shares(self) -> dict[str, float]:
        return {b.item: b.overall.share for b in self.bottlenecks}

    def to_dict(self) -> dict[str, Any]:
        return {
            "illustrative": self.illustrative,
            "round": {
                "name": self.round_name.model_dump() if self.round_name else None,
                "period": self.round_period,
            },
            "respondents": dict(self.respondents),
            "indicators": [i.to_dict() for i in self.indicators],
            "bottlenecks": [b.to_dict() for b in self.bottlenecks],
            "divides": {k: v.to_dict() for k, v in self.divides.items()},
        }


def survey_indicator(ind: SurveyIndicator) -> Indicator:
    """The framework indicator a survey indicator stands for."""
    spec = ind.spec
    return Indicator(
        id=spec.id,
        name=spec.name,
        answer_type=AnswerType.PERCENTAGE,
        min_value=0.0,
        max_value=100.0,
        weight=spec.weight,
        responsible=[],
        evidence_types=[EvidenceType.SURVEY],
        source=f"{SOURCE_PREFIX}{spec.survey}/{spec.topic}",
    )


def with_survey_indicators(framework: Framework, inputs: SurveyInputs | None) -> Framework:
    """``framework`` with the survey indicators in their sub-areas (unchanged without any)."""
    if inputs is None or not inputs.indicators:
        return framework
    by_sub: dict[str, list[Indicator]] = {}
    for ind in inputs.indicators:
        by_sub.setdefault(ind.spec.sub_area, []).append(survey_indicator(ind))
    pillars = []
    for p in framework.pillars:
        subs = [
            s.model_copy(update={"indicators": [*s.indicators, *by_sub[s.id]]}) if s.id in by_sub else s
            for s in p.sub_areas
        ]
        pillars.append(p.model_copy(update={"sub_areas": subs}))
    return framework.model_copy(update={"pillars": pillars})


def survey_answers(
    inputs: SurveyInputs | None, institutions: Mapping[str, object], lead: str, *, end: str = "value"
) -> dict[str, dict[str, float]]:
    """institution code → survey indicator id → value (0–100), for the institutions of the round;
    ``end`` "low" or "high": the ends of the 95 % intervals instead."""
    out: dict[str, dict[str, float]] = {}
    if inputs is None:
        return out
    for ind in inputs.indicators:
        if ind.spec.scope is Scope.NATIONAL:
            if ind.national is not None and lead in institutions:
                out.setdefault(lead, {})[ind.id] = float(getattr(ind.national, end))
            continue
        for code, estimate in ind.institutions.items():
            if code in institutions:
                out.setdefault(code, {})[ind.id] = float(getattr(estimate, end))
    return out


def survey_samples(
    inputs: SurveyInputs | None,
    units: Sequence[str],
    institutions: Mapping[str, object],
    lead: str,
    *,
    runs: int,
    seed: int,
) -> dict[str, npt.NDArray[np.float64]]:
    """Survey indicator id → runs × units: the indicator's value in each Monte Carlo run, from a
    bootstrap of the respondents behind it (:mod:`raqmana.surveys.sampling`; run r drawn with the
    generator (seed, r)); NaN for the units whose value is not a survey estimate. The same units as
    :func:`survey_answers` carry it (an institution's own value, the country's on the lead)."""
    from raqmana.surveys.sampling import GroupCounts, bootstrap_columns

    if inputs is None or runs <= 0:
        return {}
    pos = {u: k for k, u in enumerate(units)}
    plans: list[tuple[str, list[tuple[int, tuple[GroupCounts, int]]]]] = []
    for ind in inputs.indicators:
        if ind.spec.scope is Scope.NATIONAL:
            found = ind.sampling.get("")
            cells = (
                [(pos[lead], found)]
                if found is not None and ind.national is not None and lead in institutions and lead in pos
                else []
            )
        else:
            cells = [
                (pos[code], ind.sampling[code])
                for code in ind.institutions
                if code in institutions and code in pos and code in ind.sampling
            ]
        if cells:
            plans.append((ind.id, cells))
    means = bootstrap_columns([[g for _, g in cells] for _, cells in plans], runs, seed)
    out = {}
    for (indicator, cells), drawn in zip(plans, means, strict=True):
        values = np.full((runs, len(units)), np.nan)
        values[:, [p for p, _ in cells]] = drawn
        out[indicator] = values
    return out


def sampled_respondents(inputs: SurveyInputs | None, sampled: Sequence[str]) -> int:
    """The respondents behind the survey indicators that were sampled (each survey counted once)."""
    if inputs is None:
        return 0
    surveys = {i.spec.survey for i in inputs.indicators if i.id in set(sampled)}
    return sum(n for survey, n in inputs.respondents.items() if survey in surveys)


def with_answers(
    responses: Mapping[str, Mapping[str, Any]], extra: Mapping[str, Mapping[str, float]]
) -> dict[str, dict[str, Any]]:
    """The institutions' answers with the survey values added."""
    return {
        code: {**responses.get(code, {}), **extra.get(code, {})}
        for code in dict.fromkeys([*responses, *extra])
    }


def survey_band(
    framework: Framework,
    responses: Mapping[str, Mapping[str, Any]],
    inputs: SurveyInputs,
    institutions: Mapping[str, object],
    lead: str,
    *,
    names: Mapping[str, str] | None = None,
) -> dict[str, tuple[float, float]]:
    """How far the national scores (the index and each enabler, 0–5) move when every survey indicator
    sits at the low end of its 95 % interval, then at the high end: node → (at low, at high)."""
    from raqmana.scoring.framework_recipe import from_framework

    ends = []
    for end in ("low", "high"):
        answers = with_answers(responses, survey_answers(inputs, institutions, lead, end=end))
        ends.append(from_framework(framework, answers, names=names).national())
    low, high = ends
    out = {}
    for node, a in low.items():
        b = high.get(node)
        if a is not None and b is not None and a == a and b == b:  # NaN: no score
            out[node] = (float(a), float(b))
    return out


def is_survey_indicator(indicator: Indicator) -> bool:
    return indicator.source.startswith(SOURCE_PREFIX)
