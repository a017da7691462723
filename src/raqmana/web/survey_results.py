"""The surveys' part of a round's results page: the survey indicators with their intervals and source,
and the bottlenecks facing workers (aggregated figures only; no respondent appears)."""

from __future__ import annotations

from typing import Any

from raqmana.workspace.results import ChainResult


def survey_part(chain: ChainResult) -> dict[str, Any] | None:
    """None when the round has no scored survey answers."""
    s = chain.surveys
    if s is None:
        return None
    band = chain.survey_band.get(chain.framework.id)
    return {
        "sampling_n": chain.survey_sampled,
        "illustrative": s.illustrative,
        "round_name": s.round_name,
        "round_period": s.round_period,
        "respondents": dict(s.respondents),
        "index_at_low": band[0] if band else None,
        "index_at_high": band[1] if band else None,
        "indicators": [
            {
                "id": i.id,
                "name": i.spec.name,
                "survey": i.spec.survey,
                "topic": i.spec.topic,
                "scope": i.spec.scope.value,
                "value": i.national.value if i.national else None,
                "low": i.national.low if i.national else None,
                "high": i.national.high if i.national else None,
                "n": i.national.n if i.national else 0,
                "institutions": len(i.institutions),
            }
            for i in s.indicators
        ],
        "bottlenecks": [
            {
                "item": b.item,
                "label": b.label,
                "share": b.overall.share,
                "low": b.overall.low,
                "high": b.overall.high,
                "n": b.overall.n,
            }
            for b in s.bottlenecks
        ],
    }
