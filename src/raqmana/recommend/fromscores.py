"""Build the engine's :class:`Assessment` from values a workspace already holds.

The workspace keeps accepted answers per institution and indicator, and the scoring engine gives
each institution a pillar score on the 0–5 stage scale. The rule language compares pillar scores on
0–100, so a score ``s`` on 0–5 becomes ``20 × s`` (stage 3 → 60, the default target).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from raqmana.frameworks.schema import Framework, InstitutionType
from raqmana.i18n import Translated
from raqmana.problems import ProblemsError, split
from raqmana.recommend.assessment import Assessment, check_against, parse

#: pillar score 0–5 (scoring engine) → 0–100 (rule language)
SCORE_FACTOR = 20.0


def to_percent_score(score: float | None) -> float | None:
    """A 0–5 score on the 0–100 scale of the rule language (None and NaN stay missing)."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return None
    return min(max(float(score) * SCORE_FACTOR, 0.0), 100.0)


def _clean(values: Mapping[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (values or {}).items():
        out[key] = None if isinstance(value, float) and math.isnan(value) else value
    return out


def assessment_from_scores(
    framework: Framework,
    *,
    institutions: Mapping[str, str | InstitutionType],
    indicator_stages: Mapping[str, Mapping[str, float | str | None]],
    pillar_scores: Mapping[str, Mapping[str, float | None]],
    evidence_missing_share: Mapping[str, Mapping[str, float]] | None = None,
    names: Mapping[str, Translated | Mapping[str, str]] | None = None,
    national: str | None = None,
    assessment_id: str = "assessment",
    title: Translated | None = None,
    targets: Mapping[str, float] | None = None,
    bottlenecks: Mapping[str, float] | None = None,
    commitments: Mapping[str, float] | None = None,
    register: Mapping[str, float] | None = None,
) -> Assessment:
    """The assessment input of the recommendation engine.

    ``institutions``: code → institution type (``ministry``, ``governorate``…); codes that appear only
    in the other mappings are typed ``ministry``. ``indicator_stages``: code → indicator id → accepted
    value (stage 0–5, percentage, number, yes/no 0/1, choice value, ``"na"``; None = no answer).
    ``pillar_scores``: code → pillar id → score on **0–5** (converted ×20 to 0–100).
    ``evidence_missing_share``: code → pillar id (or ``"*"``) → share 0–1 of answers without accepted
    evidence. ``national``: the code whose answers are the country's own (the lead agency's national
    questionnaire); it is not listed among the institutions. ``targets``: pillar targets on 0–100.
    ``bottlenecks``: survey bottleneck item → share 0–1 of civil servants naming it. ``commitments``: SDG
    target or goal → passages of the country's documents a reviewer accepted for it. ``register``: area
    of the legal and institutional register → 0 missing, 1 drafted, 2 exists.
    Raises :class:`ProblemsError` (located by JSON-like path) if a value does not fit the framework.
    """
    evidence = evidence_missing_share or {}
    labels = names or {}
    codes = list(dict.fromkeys([*institutions, *indicator_stages, *pillar_scores, *evidence]))
    rows: list[dict[str, Any]] = []
    nat_row: dict[str, Any] | None = None
    for code in codes:
        kind = institutions.get(code, InstitutionType.MINISTRY)
        name = labels.get(code)
        scores = {
            p: v
            for p, v in ((p, to_percent_score(s)) for p, s in pillar_scores.get(code, {}).items())
            if v is not None
        }
        row = {
            "id": code,
            "name": (name.model_dump() if isinstance(name, Translated) else dict(name))
            if name
            else {"en": code, "ar": code, "ckb": code},
            "type": kind.value if isinstance(kind, InstitutionType) else str(kind),
            "stages": _clean(indicator_stages.get(code)),
            "pillar_scores": scores,
            "no_evidence_share": dict(evidence.get(code, {})),
        }
        if code == national:
            nat_row = {**row, "type": InstitutionType.NATIONAL.value}
        else:
            rows.append(row)
    data: dict[str, Any] = {
        "framework": framework.id,
        "id": assessment_id,
        "institutions": rows,
        "targets": dict(targets or {}),
        "national": nat_row,
        "bottlenecks": dict(bottlenecks or {}),
        "commitments": dict(commitments or {}),
        "register": dict(register or {}),
    }
    if title is not None:
        data["title"] = title.model_dump()
    assessment, problems = parse(data)
    if assessment is not None:
        problems += check_against(assessment, framework)
    if assessment is None or split(problems)[0]:
        raise ProblemsError(problems)
    return assessment
