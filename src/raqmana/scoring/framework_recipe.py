"""Adapter from an assessment framework (raqmana.frameworks) to the index engine.

The only module of :mod:`raqmana.scoring` that knows the framework schema. The hierarchy is
indicator → sub-area → pillar → index (the framework id), with the framework's weights, directions
and N/A treatment; every answer is put on the 0–5 maturity scale with goalposts (ladder 0–5,
yes/no and choice scores 0–1, numbers and percentages between their ``min_value``/``max_value``;
percentages default to 0–100 and numbers without goalposts are min-maxed over the institutions),
and every aggregate gets its maturity stage (⌊score⌋ on 0–5).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np

from raqmana.frameworks.schema import AnswerType, Framework, Indicator
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.build import Build, build
from raqmana.scoring.cells import NotANumber, parse_number
from raqmana.scoring.dataset import Dataset
from raqmana.scoring.recipe import Node, Recipe, StageRule, Step, UncertaintySpec

MATURITY_MAX = 5.0
_YES = {"yes", "y", "true", "1", "نعم", "بەڵێ"}
_NO = {"no", "n", "false", "0", "لا", "نەخێر"}


def scored_indicators(fw: Framework) -> list[Indicator]:
    """The indicators that count in scores (text answers do not)."""
    return [i for i in fw.indicators() if i.answer_type is not AnswerType.TEXT]


def _goalposts(ind: Indicator) -> tuple[float | None, float | None]:
    t = ind.answer_type
    if t is AnswerType.LADDER:
        return 0.0, MATURITY_MAX
    if t in (AnswerType.YES_NO, AnswerType.CHOICE):
        return 0.0, 1.0
    if t is AnswerType.PERCENTAGE:
        return (
            ind.min_value if ind.min_value is not None else 0.0,
            ind.max_value if ind.max_value is not None else 100.0,
        )
    return ind.min_value, ind.max_value


def recipe_from_framework(
    fw: Framework, *, aggregation: str = "arithmetic", uncertainty: UncertaintySpec | None = None
) -> Recipe:
    """The recipe that scores ``fw``'s answers: goalposts to 0–5, framework weights, ``aggregation``
    (arithmetic, geometric or harmonic) at every level, the framework's N/A rule, ladder stages."""
    default_na = fw.na_treatment.value
    meta: list[Node] = []
    for p in fw.pillars:
        pillar_used = False
        for s in p.sub_areas:
            inds = [i for i in s.indicators if i.answer_type is not AnswerType.TEXT]
            if not inds:
                continue
            for i in inds:
                lo, hi = _goalposts(i)
                na = i.na_treatment.value if i.na_treatment is not None else default_na
                meta.append(
                    Node(
                        i.id,
                        name=i.name.get("en"),
                        level=1,
                        parent=s.id,
                        direction=i.direction,
                        weight=i.weight,
                        lo=lo,
                        hi=hi,
                        na=na,
                    )
                )
            meta.append(
                Node(s.id, name=s.name.get("en"), level=2, parent=p.id, weight=s.weight, type="Aggregate")
            )
            pillar_used = True
        if pillar_used:
            meta.append(
                Node(p.id, name=p.name.get("en"), level=3, parent=fw.id, weight=p.weight, type="Aggregate")
            )
    meta.append(Node(fw.id, name=fw.name.get("en"), level=4, type="Aggregate"))
    return Recipe(
        meta=tuple(meta),
        impute=Step("none"),
        normalise=Step("goalposts", {"scale": MATURITY_MAX, "fallback": "minmax"}),
        weights=Step("explicit"),
        aggregate=Step(aggregation, {"na": default_na}),
        stages=(StageRule("ladder"),),
        uncertainty=uncertainty,
        name=fw.name.get("en") or fw.id,
    )


def dataset_from_responses(
    fw: Framework,
    responses: Mapping[str, Mapping[str, Any]],
    *,
    names: Mapping[str, str] | None = None,
    source: str = "",
) -> Dataset:
    """Validated answers (unit code → indicator id → value; ``None`` for N/A) as a :class:`Dataset`.

    Ladder answers are stages 0–5, yes/no answers booleans (or yes/no, 1/0), choice answers the
    choice's value (or its 0–1 score), number and percentage answers numbers.
    """
    inds = scored_indicators(fw)
    pos = {i.id: k for k, i in enumerate(inds)}
    units = list(responses)
    values = np.full((len(units), len(inds)), np.nan)
    problems: list[Problem] = []
    warned: set[str] = set()
    for r, unit in enumerate(units):
        for ind_id, answer in responses[unit].items():
            if ind_id not in pos:
                if ind_id not in warned:
                    warned.add(ind_id)
                    problems.append(
                        Problem(
                            E.UNKNOWN_ANSWER, Location(file=source, path=f"{unit}.{ind_id}"), {"code": ind_id}
                        )
                    )
                continue
            ind = inds[pos[ind_id]]
            try:
                values[r, pos[ind_id]] = _answer_value(ind, answer)
            except ValueError as exc:
                problems.append(
                    Problem(
                        E.BAD_ANSWER,
                        Location(file=source, path=f"{unit}.{ind_id}"),
                        {"value": answer, "code": ind_id, "expected": str(exc)},
                    )
                )
    errors = [p for p in problems if p.code is E.BAD_ANSWER]
    if errors:
        raise ProblemsError(problems)
    data = Dataset.from_arrays(
        units, [i.id for i in inds], values, names=[(names or {}).get(u, u) for u in units], file=source
    )
    return replace(data, warnings=tuple(problems))


def _answer_value(ind: Indicator, answer: Any) -> float:
    if answer is None:
        return float("nan")
    t = ind.answer_type
    if t is AnswerType.YES_NO:
        text = str(answer).strip().lower()
        if isinstance(answer, bool) or text in _YES | _NO:
            return 1.0 if (answer is True or text in _YES) else 0.0
        raise ValueError("yes/no")
    if t is AnswerType.CHOICE:
        for c in ind.choices:
            if str(answer) == c.value:
                return c.score
        if isinstance(answer, int | float) and not isinstance(answer, bool) and 0 <= answer <= 1:
            return float(answer)
        raise ValueError(", ".join(c.value for c in ind.choices))
    try:
        value = parse_number(answer)
    except NotANumber:
        raise ValueError("0–5" if t is AnswerType.LADDER else "number") from None
    if t is AnswerType.LADDER and value == value and not 0 <= value <= MATURITY_MAX:
        raise ValueError("0–5")
    return value


def from_framework(
    fw: Framework,
    responses: Mapping[str, Mapping[str, Any]],
    *,
    aggregation: str = "arithmetic",
    names: Mapping[str, str] | None = None,
    uncertainty: UncertaintySpec | None = None,
) -> Build:
    """Score a framework's validated answers: institutions × indicators → a full :class:`Build`."""
    recipe = recipe_from_framework(fw, aggregation=aggregation, uncertainty=uncertainty)
    return build(recipe, dataset_from_responses(fw, responses, names=names))
