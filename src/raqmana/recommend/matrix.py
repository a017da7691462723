"""The assessment as numpy arrays, so that a condition is evaluated for all institutions at once.

Rows are institutions; columns are indicators (the stage of a ladder, the value of a percentage,
number or yes/no question, the score 0–1 of a choice) or pillars (scores, gaps, evidence shares;
the last evidence column is "all pillars"). Missing values are NaN. The *national view* is one row:
the national answers where given, otherwise the mean over institutions; evidence shares are pooled.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from raqmana.frameworks.schema import AnswerType, Framework
from raqmana.recommend.assessment import Assessment, InstitutionAnswers
from raqmana.recommend.conditions import Operand

FloatArray = np.ndarray


@dataclass
class Matrix:
    ids: list[str]
    types: np.ndarray  # institution type values (str)
    indicator_index: dict[str, int]
    pillar_index: dict[str, int]
    stages: FloatArray  # n × indicators
    scores: FloatArray  # n × pillars
    gaps: FloatArray  # n × pillars
    no_evidence: FloatArray  # n × (pillars + 1)
    answered: FloatArray  # n × (pillars + 1)
    answered_indicator: FloatArray  # n × indicators, 1 where an answer (or N/A) was given
    #: survey bottleneck item → share (0–1) of civil servants naming it (the same for every row)
    bottlenecks: dict[str, float] | None = None
    #: SDG target or goal → passages of the country's documents accepted as committing to it
    commitments: dict[str, float] | None = None
    #: area of the legal and institutional register → 0 missing, 1 drafted, 2 exists
    register: dict[str, float] | None = None

    @property
    def n(self) -> int:
        return len(self.ids)

    def column(self, operand: Operand) -> FloatArray:
        if operand.kind == "bottleneck":
            share = (self.bottlenecks or {}).get(operand.ref)
            return np.full(self.n, np.nan if share is None else float(share))
        if operand.kind == "register":
            status = (self.register or {}).get(operand.ref)
            return np.full(self.n, np.nan if status is None else float(status))
        if operand.kind == "commits":
            return np.full(self.n, float((self.commitments or {}).get(operand.ref, 0.0)))
        if operand.kind == "stage":
            return self.stages[:, self.indicator_index[operand.ref]]
        if operand.kind in ("score", "gap"):
            table = self.scores if operand.kind == "score" else self.gaps
            return table[:, self.pillar_index[operand.ref]]
        col = len(self.pillar_index) if operand.ref == "*" else self.pillar_index[operand.ref]
        return (self.no_evidence if operand.kind == "no_evidence" else self.answered)[:, col]


@dataclass
class _Layout:
    indicator_index: dict[str, int]
    pillar_index: dict[str, int]
    membership: FloatArray  # indicators × pillars, 1 where the indicator belongs to the pillar
    ladder: np.ndarray  # indicators, True for ladder questions (they count in the fallback score)
    targets: FloatArray  # pillars
    choices: dict[int, dict[str, float]]  # choice questions: value → score (0–1)


def _layout(framework: Framework, targets: dict[str, float]) -> _Layout:
    indicators = framework.indicators()
    pillars = [p.id for p in framework.pillars]
    pillar_index = {p: k for k, p in enumerate(pillars)}
    membership = np.zeros((len(indicators), len(pillars)))
    ladder = np.zeros(len(indicators), dtype=bool)
    index: dict[str, int] = {}
    choices: dict[int, dict[str, float]] = {}
    k = 0
    for p in framework.pillars:
        for s in p.sub_areas:
            for ind in s.indicators:
                index[ind.id] = k
                membership[k, pillar_index[p.id]] = 1
                ladder[k] = ind.answer_type is AnswerType.LADDER
                if ind.answer_type is AnswerType.CHOICE:
                    choices[k] = {c.value: c.score for c in ind.choices}
                k += 1
    tgt = np.array([targets[p] for p in pillars], dtype=float)
    return _Layout(index, pillar_index, membership, ladder, tgt, choices)


def _answers(rows: list[InstitutionAnswers], lay: _Layout) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(stages with NaN for missing and N/A, answered incl. N/A (0/1), answered without evidence (0/1))."""
    n, m = len(rows), len(lay.indicator_index)
    stages = np.full((n, m), np.nan)
    answered = np.zeros((n, m))
    unevidenced = np.zeros((n, m))
    idx = lay.indicator_index
    for r, inst in enumerate(rows):
        srow, arow = stages[r], answered[r]
        for key, value in inst.stages.items():
            k = idx.get(key)
            if k is None or value is None:
                continue
            arow[k] = 1
            if isinstance(value, str):
                if value != "na" and value in lay.choices.get(k, {}):
                    srow[k] = lay.choices[k][value]
            else:
                srow[k] = float(value)
        for key in inst.no_evidence:
            k = idx.get(key)
            if k is not None and arow[k] and not np.isnan(srow[k]):
                unevidenced[r, k] = 1
    return stages, answered, unevidenced


def _ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    out = np.full(num.shape, np.nan)
    np.divide(num, den, out=out, where=den > 0)
    return out


def _pillar_shares(values: FloatArray, base: FloatArray, lay: _Layout) -> FloatArray:
    """Per pillar and for all pillars: Σ values ÷ Σ base (NaN where the base is empty)."""
    num = np.hstack([values @ lay.membership, values.sum(axis=1, keepdims=True)])
    den = np.hstack([base @ lay.membership, base.sum(axis=1, keepdims=True)])
    return _ratio(num, den)


def _fallback_scores(stages: FloatArray, lay: _Layout) -> FloatArray:
    """Mean stage of the pillar's ladder questions × 20 (0–100); NaN when none was answered."""
    ladder = stages[:, lay.ladder]
    memb = lay.membership[lay.ladder]
    known = ~np.isnan(ladder)
    return _ratio(np.where(known, ladder, 0) @ memb * 20, known.astype(float) @ memb)


def _scores(rows: list[InstitutionAnswers], stages: FloatArray, lay: _Layout) -> FloatArray:
    scores = _fallback_scores(stages, lay)
    for r, inst in enumerate(rows):
        for key, value in inst.pillar_scores.items():
            k = lay.pillar_index.get(key)
            if k is not None:
                scores[r, k] = float(value)
    return scores


def _evidence_overrides(rows: list[InstitutionAnswers], shares: FloatArray, lay: _Layout) -> bool:
    """Apply ``no_evidence_share`` figures in place; True if any institution gave one."""
    given = False
    n_p = len(lay.pillar_index)
    for r, inst in enumerate(rows):
        if not inst.no_evidence_share:
            continue
        given = True
        for key, value in inst.no_evidence_share.items():
            k = n_p if key == "*" else lay.pillar_index.get(key)
            if k is not None:
                shares[r, k] = float(value)
        if "*" not in inst.no_evidence_share:  # all pillars: the mean of the pillar shares
            known = shares[r, :n_p][~np.isnan(shares[r, :n_p])]
            shares[r, n_p] = float(known.mean()) if known.size else np.nan
    return given


def build(
    framework: Framework, assessment: Assessment, default_targets: dict[str, float]
) -> tuple[Matrix, Matrix]:
    """(institution matrix, national view) for ``assessment``."""
    targets = {p.id: assessment.targets.get(p.id, default_targets.get(p.id, 60.0)) for p in framework.pillars}
    lay = _layout(framework, targets)
    rows = list(assessment.institutions)
    stages, answered, unevidenced = _answers(rows, lay)
    known = (~np.isnan(stages)).astype(float)
    scores = _scores(rows, stages, lay)
    no_evidence = _pillar_shares(unevidenced, known, lay)
    overridden = _evidence_overrides(rows, no_evidence, lay)
    inst = Matrix(
        ids=[r.id for r in rows],
        types=np.array([r.type.value for r in rows], dtype=object),
        indicator_index=lay.indicator_index,
        pillar_index=lay.pillar_index,
        stages=stages,
        scores=scores,
        gaps=np.where(np.isnan(scores), np.nan, np.maximum(lay.targets - scores, 0)),
        no_evidence=no_evidence,
        answered=_pillar_shares(answered, np.ones_like(answered), lay),
        answered_indicator=answered,
    )
    nat = _national(assessment.national, inst, lay, (stages, answered, unevidenced))
    if overridden:  # shares given as figures: the national view is their mean over institutions
        with np.errstate(invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            nat.no_evidence = np.nanmean(inst.no_evidence, axis=0)[None, :]
    if assessment.national is not None and assessment.national.no_evidence_share:
        _evidence_overrides([assessment.national], nat.no_evidence, lay)
    inst.bottlenecks = nat.bottlenecks = dict(assessment.bottlenecks)
    inst.commitments = nat.commitments = dict(assessment.commitments)
    inst.register = nat.register = dict(assessment.legal_register)
    return inst, nat


def _national(
    nat: InstitutionAnswers | None,
    inst: Matrix,
    lay: _Layout,
    parts: tuple[FloatArray, FloatArray, FloatArray],
) -> Matrix:
    stages, answered, unevidenced = parts
    m = len(lay.indicator_index)
    with np.errstate(invalid="ignore", divide="ignore"):
        counts = (~np.isnan(stages)).sum(axis=0)
        mean_stage = np.where(counts > 0, np.nansum(stages, axis=0) / np.maximum(counts, 1), np.nan)
        score_counts = (~np.isnan(inst.scores)).sum(axis=0)
        mean_score = np.where(
            score_counts > 0, np.nansum(inst.scores, axis=0) / np.maximum(score_counts, 1), np.nan
        )
    nat_rows = [nat] if nat is not None else []
    n_stages, n_answered, n_unev = (
        _answers(nat_rows, lay) if nat_rows else (np.full((1, m), np.nan), np.zeros((1, m)), np.zeros((1, m)))
    )
    row = np.where(np.isnan(n_stages[0]), mean_stage, n_stages[0])[None, :]
    # national scores: given ones, else the institutions' mean, else computed from the national row
    scores = np.where(np.isnan(mean_score), _fallback_scores(row, lay)[0], mean_score)[None, :]
    if nat is not None:
        for key, value in nat.pillar_scores.items():
            if key in lay.pillar_index:
                scores[0, lay.pillar_index[key]] = float(value)
    pooled_known = np.vstack([(~np.isnan(stages)).astype(float), (~np.isnan(n_stages)).astype(float)]).sum(0)
    pooled_unev = np.vstack([unevidenced, n_unev]).sum(0)
    pooled_answered = np.vstack([answered, n_answered]).sum(0)
    rows_total = stages.shape[0] + len(nat_rows)
    return Matrix(
        ids=[nat.id if nat is not None else "national"],
        types=np.array(["national"], dtype=object),
        indicator_index=lay.indicator_index,
        pillar_index=lay.pillar_index,
        stages=row,
        scores=scores,
        gaps=np.where(np.isnan(scores), np.nan, np.maximum(lay.targets - scores, 0)),
        no_evidence=_pillar_shares(pooled_unev[None, :], pooled_known[None, :], lay),
        answered=_pillar_shares(pooled_answered[None, :], np.full((1, m), float(max(rows_total, 1))), lay),
        answered_indicator=(pooled_answered > 0).astype(float)[None, :],
    )
