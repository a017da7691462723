"""Step 6 — aggregation up the hierarchy, vectorised over units and over many weight sets at once.

For an aggregate with children c, weights w and the children present for a unit (A):

* arithmetic: Σ_A w·x / Σ_A w
* geometric: exp(Σ_A w·ln x / Σ_A w)        (needs x > 0)
* harmonic: Σ_A w / Σ_A (w/x)               (needs x > 0)
* genmean: (Σ_A w·x^p / Σ_A w)^(1/p)         (COINr's ``a_genmean``; x ≥ 0, and x > 0 when p < 0)
* bod: benefit of the doubt (Compind's ``ci_bod``), each unit's own weights by a linear programme
  (:mod:`raqmana.scoring.bod`); the recipe's weights are not used, values must be ≥ 0, 0–1 scores
* copeland: COINr's ``a_copeland``, an outranking count: unit i beats unit j when the weights of the
  children where i is higher, plus half those where they tie, exceed half the total weight; its score
  is the number of units it beats minus the number that beat it (−(n−1) … n−1). Units are compared
  with each other, so it costs units² per run. As in COINr, the pair (j, i) is 1 − (i, j) for i
  before j in the order of unit codes (``codes``): with missing values that order matters.

N/A rule per child: ``reweight`` leaves a missing child out (the weights of the present ones are
scaled up); ``zero`` counts it as 0. An aggregate with no child present is missing (its data
availability, reported beside it, is 0). ``dat_thresh`` (COINr's ``Aggregate(dat_thresh = …)``, one
share or one per level) makes an aggregate missing when fewer than that share of its direct
children have data (counted before the N/A rule), so a unit with one pillar of three gets no
index score rather than a full one. The same function computes the nominal build (one
weight set) and Monte Carlo batches (many weight sets), so both agree to the last digit.

``sampled`` (Monte Carlo only): indicator columns whose values differ from run to run (a survey
indicator drawn again in each run, :mod:`raqmana.surveys.sampling`): each is a runs × units array and
enters its aggregate as a child aggregate does (one value per run and unit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from raqmana.scoring.bod import BodFailed, bod_scores
from raqmana.scoring.hierarchy import Tree
from raqmana.scoring.table import BoolArray, FloatArray

IntArray = npt.NDArray[np.intp]


class NotSolved(Exception):
    """A benefit-of-the-doubt programme found no optimum for a unit."""

    def __init__(self, code: str, unit: int, message: str):
        super().__init__(f"benefit of the doubt of {code}: unit #{unit}: {message}")
        self.code, self.unit, self.message = code, unit, message


class NotPositive(Exception):
    """A geometric/harmonic mean met a value ≤ 0."""

    def __init__(self, code: str, child: str, unit: int, value: float, method: str):
        super().__init__(f"{method} mean of {code}: {child} = {value} for unit #{unit}")
        self.code, self.child, self.unit, self.value, self.method = code, child, unit, value, method


@dataclass(frozen=True)
class Plan:
    """The tree compiled to index arrays (columns of x, of the output, of the weight vector)."""

    codes: tuple[str, ...]  # indicators then aggregates (weight vector order)
    n_ind: int
    aggregates: tuple[str, ...]
    ind_children: tuple[IntArray, ...]  # per aggregate: indicator columns
    agg_children: tuple[IntArray, ...]  # per aggregate: aggregate columns (already computed)
    zero: BoolArray  # per code: a missing value counts as 0
    #: per aggregate: the share of direct children with data below which it is missing (-1: none)
    thresh: FloatArray | None = None
    #: benefit of the doubt: the bounds of each child's share of a unit's score (0 and 1: free weights)
    shares: tuple[float, float] = (0.0, 1.0)

    def weight_columns(self, a: int) -> tuple[IntArray, IntArray]:
        return self.ind_children[a], self.n_ind + self.agg_children[a]


def compile_plan(
    tree: Tree, na_default: str, dat_thresh: Any = None, shares: tuple[float, float] = (0.0, 1.0)
) -> Plan:
    ind_pos = {c: i for i, c in enumerate(tree.indicators)}
    agg_pos = {c: i for i, c in enumerate(tree.aggregates)}
    ind_ch: list[IntArray] = []
    agg_ch: list[IntArray] = []
    for a in tree.aggregates:
        ch = tree.children[a]
        ind_ch.append(np.array([ind_pos[c] for c in ch if c in ind_pos], dtype=np.intp))
        agg_ch.append(np.array([agg_pos[c] for c in ch if c in agg_pos], dtype=np.intp))
    zero = np.array([(tree.nodes[c].na or na_default) == "zero" for c in tree.codes], dtype=bool)
    thresh = np.array([_threshold(dat_thresh, tree.level[a]) for a in tree.aggregates], dtype=np.float64)
    return Plan(
        tree.codes, len(tree.indicators), tree.aggregates, tuple(ind_ch), tuple(agg_ch), zero, thresh, shares
    )


def _threshold(dat_thresh: Any, level: int) -> float:
    if dat_thresh is None:
        return -1.0
    if isinstance(dat_thresh, Mapping):
        value = {int(k): v for k, v in dat_thresh.items()}.get(level)
        return -1.0 if value is None else float(value)
    return float(dat_thresh)


def means_by_aggregate(tree: Tree, method: str, by_level: Mapping[Any, str]) -> tuple[str, ...]:
    """The mean of each aggregate: ``by_level`` (level → mean; "4" and 4 alike) else ``method``."""
    levels = {int(k): v for k, v in by_level.items()}
    return tuple(levels.get(tree.level[a], method) for a in tree.aggregates)


def aggregate(
    plan: Plan,
    x: FloatArray,
    weights: FloatArray,
    means: Sequence[str],
    codes: Sequence[str] | None = None,
    p: float = 2.0,
) -> FloatArray:
    """Scores of every aggregate: x is units × indicators, weights is runs × codes → runs × units × aggregates
    (a view of :func:`aggregate_stack`)."""
    return np.moveaxis(aggregate_stack(plan, x, weights, means, codes, p), 0, 2)


def aggregate_stack(
    plan: Plan,
    x: FloatArray,
    weights: FloatArray,
    means: Sequence[str],
    codes: Sequence[str] | None = None,
    p: float = 2.0,
    sampled: Mapping[int, FloatArray] | None = None,
) -> FloatArray:
    """aggregates × runs × units: each aggregate's scores for every run, one contiguous block each.

    An aggregate whose children have data for every unit (the usual case after imputation) takes
    its denominator from the weights alone (one number per run); otherwise each unit's present
    children count, with the N/A rule and the data-availability threshold. ``sampled``: indicator
    column → runs × units values of these runs, in place of the column of ``x``."""
    runs, units = weights.shape[0], x.shape[0]
    out = np.empty((len(plan.aggregates), runs, units))
    zero_ind = plan.zero[: plan.n_ind]
    zero_agg = plan.zero[plan.n_ind :]
    wt = np.ascontiguousarray(weights.T)  # codes × runs: one weight's runs side by side
    for a, mean in enumerate(means):
        ii, jj = plan.ind_children[a], plan.agg_children[a]
        moving: list[int] = [int(c) for c in ii if int(c) in sampled] if sampled else []
        if (
            moving and sampled
        ):  # the sampled indicators join the per-run children, before the child aggregates
            ii = np.array([c for c in ii if int(c) not in moving], dtype=np.intp)
            wi = wt[ii].T
            wa = np.vstack([wt[moving], wt[plan.n_ind + jj]])
            xa = [np.asarray(sampled[c], dtype=np.float64) for c in moving] + [out[j] for j in jj]
            zero_a = np.concatenate([zero_ind[moving], zero_agg[jj]])
            names = [plan.codes[c] for c in moving] + [plan.aggregates[j] for j in jj]
        else:
            wi, wa = wt[ii].T, wt[plan.n_ind + jj]  # runs × k, k × runs
            xa = [out[j] for j in jj]  # each runs × units
            zero_a = zero_agg[jj]
            names = [plan.aggregates[j] for j in jj]
        xi = x[:, ii]
        if mean == "copeland":
            stacked = np.stack(xa, axis=-1) if xa else np.empty((runs, units, 0))
            out[a] = _copeland(xi, stacked, wi, wa.T, codes)
            continue
        missing_i = np.isnan(xi)
        missing_a = [np.isnan(v) for v in xa]
        thresh = plan.thresh[a] if plan.thresh is not None else -1.0
        if thresh >= 0 and (missing_i.any() or any(m.any() for m in missing_a)):
            have = (~missing_i).sum(axis=1)[None, :] + sum((~m).astype(np.intp) for m in missing_a)
            enough: BoolArray | None = have / (ii.size + len(xa)) >= thresh
        else:
            enough = None if thresh < 0 or thresh <= 1.0 else np.zeros((runs, units), dtype=bool)
        if zero_ind[ii].any():
            xi = np.where(missing_i & zero_ind[ii], 0.0, xi)
            missing_i = np.isnan(xi)
        for k in range(len(xa)):
            if zero_a[k] and missing_a[k].any():
                xa[k] = np.where(missing_a[k], 0.0, xa[k])
                missing_a[k] = np.zeros_like(missing_a[k])
        if mean != "arithmetic":  # genmean with p > 0 and bod take 0, the others need values above it
            strict = mean not in ("genmean", "bod") or (mean == "genmean" and p < 0)
            _check_positive(plan, a, mean, xi, ii, xa, names, strict=strict)
        if mean == "bod":  # one linear programme per unit (and run): the children's values only
            for r in range(runs):
                children = np.column_stack([xi, *(v[r] for v in xa)]) if xa else xi
                try:
                    out[a, r] = bod_scores(children, *plan.shares)
                except BodFailed as exc:
                    raise NotSolved(plan.aggregates[a], exc.unit, exc.message) from None
            continue
        vi = _transformed(xi, mean, p)
        complete = not missing_i.any() and not any(m.any() for m in missing_a)
        if complete:
            den: FloatArray = (
                wi.sum(axis=1)[:, None] if not xa else (wi.sum(axis=1) + wa.sum(axis=0))[:, None]
            )
            num = wi @ vi.T if ii.size else np.zeros((runs, units))
            for k in range(len(xa)):
                num += wa[k][:, None] * _transformed(xa[k], mean, p)
        else:
            num = wi @ np.where(missing_i, 0.0, vi).T
            den = wi @ (~missing_i).astype(np.float64).T
            for k in range(len(xa)):
                num += wa[k][:, None] * np.where(missing_a[k], 0.0, _transformed(xa[k], mean, p))
                den += wa[k][:, None] * ~missing_a[k]
        with np.errstate(divide="ignore", invalid="ignore"):
            if mean == "arithmetic":
                score = num / den
            elif mean == "genmean":
                score = (num / den) ** (1.0 / p)
            elif mean == "geometric":
                score = np.exp(num / den)
            else:
                score = den / num
        ok = den > 0 if enough is None else (den > 0) & enough
        if complete and enough is None and ok.all():
            out[a] = score
        else:
            out[a] = np.where(ok, score, np.nan)
    return out


def _transformed(v: FloatArray, mean: str, p: float) -> FloatArray:
    """The values a mean sums: x, x^p, ln x or 1/x."""
    if mean == "arithmetic":
        return v
    with np.errstate(divide="ignore", invalid="ignore"):
        if mean == "genmean":
            return v**p
        if mean == "geometric":
            return np.log(v)
        return 1.0 / v


def _copeland(
    xi: FloatArray, xa: FloatArray, wi: FloatArray, wa: FloatArray, codes: Sequence[str] | None
) -> FloatArray:
    """runs × units: COINr's a_copeland (outrankMatrix) for each run's weights and children."""
    runs, units = wi.shape[0], xi.shape[0]
    out = np.empty((runs, units))
    pos = np.argsort(np.argsort(np.array(codes if codes is not None else range(units)), kind="stable"))
    upper = pos[:, None] < pos[None, :]
    for b in range(runs):
        xs = np.concatenate([xi, xa[b]], axis=1) if xa.shape[-1] else xi
        w = np.concatenate([wi[b], wa[b]]) if xa.shape[-1] else wi[b]
        w = w / w.sum()
        left, right = xs[:, None, :], xs[None, :, :]
        with np.errstate(invalid="ignore"):
            m = ((left > right) * w).sum(axis=2) + ((left == right) * w).sum(axis=2) / 2
        m = np.where(upper, m, 1.0 - m.T)  # as COINr: the lower triangle is 1 − the upper one
        s = np.sign(m - 0.5)
        np.fill_diagonal(s, 0.0)
        out[b] = s.sum(axis=1)
    return out


def _check_positive(
    plan: Plan,
    a: int,
    mean: str,
    xi: FloatArray,
    ii: IntArray,
    xa: Sequence[FloatArray],
    names: Sequence[str],
    *,
    strict: bool = True,
) -> None:
    """Values ≤ 0 (``strict``) or < 0 are refused, naming the first unit and child (runs first, then
    units, then children); ``names``: the children of ``xa``."""
    with np.errstate(invalid="ignore"):
        bad = np.argwhere(xi <= 0 if strict else xi < 0)
        if bad.size:
            u, k = bad[0]
            raise NotPositive(plan.aggregates[a], plan.codes[ii[k]], int(u), float(xi[u, k]), mean)
        if any((v <= 0 if strict else v < 0).any() for v in xa):
            stacked = np.stack(xa, axis=-1)
            b, u, k = np.argwhere(stacked <= 0 if strict else stacked < 0)[0]
            raise NotPositive(plan.aggregates[a], names[k], int(u), float(stacked[b, u, k]), mean)


def present_weight(plan: Plan, x: FloatArray, agg: FloatArray, weights: FloatArray) -> FloatArray:
    """units × aggregates: the summed weight of the children present (the N/A-rule denominator)."""
    out = np.zeros((x.shape[0], len(plan.aggregates)))
    for a in range(len(plan.aggregates)):
        ii, jj = plan.ind_children[a], plan.agg_children[a]
        avail_i = ~np.isnan(x[:, ii]) | plan.zero[ii]
        avail_a = ~np.isnan(agg[:, jj]) | plan.zero[plan.n_ind + jj]
        out[:, a] = avail_i @ weights[ii] + avail_a @ weights[plan.n_ind + jj]
    return out
