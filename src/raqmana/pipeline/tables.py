"""A score build as the plain tables the next steps read (analysis, recommendations, reports)."""

from __future__ import annotations

import math

from raqmana.frameworks.schema import AnswerType, Framework
from raqmana.scoring.build import Build

Scores = dict[str, dict[str, float | None]]


def _num(v: float | None) -> float | None:
    if v is None:
        return None
    f = float(v)
    return None if math.isnan(f) else f


def pillar_scores(fw: Framework, build: Build) -> Scores:
    """institution → pillar → score 0–5 (None when the pillar has no validated answer)."""
    cols = [p.id for p in fw.pillars if p.id in build.aggregated.columns]
    return {u: {c: _num(build.aggregated.get(u, c)) for c in cols} for u in build.units}


def indicator_scores(fw: Framework, build: Build) -> Scores:
    """institution → indicator → score 0–5 after goalposts (direction applied)."""
    cols = [i.id for i in fw.indicators() if i.id in build.normalised.columns]
    return {u: {c: _num(build.normalised.get(u, c)) for c in cols} for u in build.units}


def raw_answers(fw: Framework, build: Build) -> dict[str, dict[str, float | str | None]]:
    """institution → indicator → the answer as given (ladder stage 0–5, number, yes/no 0/1, choice value)."""
    inds = [i for i in fw.indicators() if i.id in build.raw.columns]
    out: dict[str, dict[str, float | str | None]] = {}
    for u in build.units:
        row: dict[str, float | str | None] = {}
        for ind in inds:
            v = _num(build.raw.get(u, ind.id))
            if v is not None and ind.answer_type is AnswerType.CHOICE:
                row[ind.id] = next((c.value for c in ind.choices if abs(c.score - v) < 1e-9), None)
            else:
                row[ind.id] = v
        out[u] = row
    return out
