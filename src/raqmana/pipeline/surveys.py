"""Perception surveys in the chain: survey indicators join the framework, bottlenecks reach the rules.

The workspace scores the round's survey submissions (:mod:`raqmana.surveys`) and passes the results in
as :class:`SurveyInputs` (``ChainOptions.surveys``). The chain adds each survey indicator to its
sub-area as a percentage indicator (0–100; source ``survey:<survey>/<topic>``), with the value of each
institution that has its own and, for a national indicator, the country's value on the lead
institution; the intervals are carried beside the index (:attr:`ChainResult.surveys`). The bottleneck
shares feed the rules' ``bottleneck(item)`` condition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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

    def bottleneck_shares(self) -> dict[str, float]:
        return {b.item: b.overall.share for b in self.bottlenecks}

    def to_dict(self) -> dict[str, Any]:
        return {
            "illustrative": self.illustrative,
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
