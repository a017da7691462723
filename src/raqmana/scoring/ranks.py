"""Ranks of units (1 = highest score; ties share the best rank; missing scores have no rank)."""

from __future__ import annotations

import numpy as np

from raqmana.scoring.table import FloatArray


def rank_desc(scores: FloatArray) -> FloatArray:
    """Ranks along the last axis, vectorised over the leading ones (R's ``rank(-x, ties="min")``)."""
    s = np.asarray(scores, dtype=np.float64)
    flat = s.reshape(-1, s.shape[-1])
    rows, n = flat.shape
    key = np.where(np.isnan(flat), np.inf, -flat)
    order = np.argsort(key, axis=1)
    ordered = np.take_along_axis(key, order, axis=1)
    pos = np.arange(1, n + 1, dtype=np.float64)
    ties = ordered[:, 1:] == ordered[:, :-1]
    if ties.any():  # tied scores share the best rank of their run of ties
        new_value = np.ones((rows, n), dtype=bool)
        new_value[:, 1:] = ~ties
        ranks_sorted = np.maximum.accumulate(np.where(new_value, pos, 0.0), axis=1)
    else:
        ranks_sorted = np.broadcast_to(pos, (rows, n))
    out = np.empty((rows, n))
    out[np.arange(rows)[:, None], order] = ranks_sorted
    out[np.isnan(flat)] = np.nan
    return out.reshape(s.shape)


#: above this many units, rank quantiles sort each unit's ranks instead of counting them (units² counts)
COUNTED_UNITS = 4096


def rank_quantiles(scores: FloatArray, q_lo: float, q_hi: float) -> FloatArray:
    """(2, units): over runs (rows of ``scores``, runs × units), the ``q_lo`` quantile of each unit's
    rank rounded down to a rank it had and the ``q_hi`` quantile rounded up (numpy's "lower" and
    "higher"); NaN for a unit without a score in any run. Runs without a score for a unit are left out.

    The ranks of a run come from one argsort; instead of sorting each unit's ranks over the runs,
    they are counted (a units × ranks table) and the quantiles read from the running counts."""
    s = np.asarray(scores, dtype=np.float64)
    runs, n = s.shape
    if n > COUNTED_UNITS:
        return _sorted_rank_quantiles(s, q_lo, q_hi)
    nan = np.isnan(s)
    gaps = bool(nan.any())
    key = np.where(nan, np.inf, -s) if gaps else np.negative(s)
    order = np.argsort(key, axis=1)
    ordered = np.take_along_axis(key, order, axis=1)
    pos = np.arange(1, n + 1, dtype=np.intp)
    ties = ordered[:, 1:] == ordered[:, :-1]
    if ties.any():  # tied scores share the best rank of their run of ties
        new_value = np.ones((runs, n), dtype=bool)
        new_value[:, 1:] = ~ties
        ranks = np.maximum.accumulate(np.where(new_value, pos, 0), axis=1)
    else:
        ranks = np.broadcast_to(pos, (runs, n))
    if gaps:  # rank 0: no score in that run
        ranks = np.where(np.take_along_axis(nan, order, axis=1), 0, ranks)
    counts = np.bincount((order * (n + 1) + ranks).ravel(), minlength=n * (n + 1)).reshape(n, n + 1)
    below = np.cumsum(counts[:, 1:], axis=1)  # unit × rank r: runs in which the unit ranked r or better
    valid = below[:, -1]
    out = np.full((2, n), np.nan)
    for k, (q, up) in enumerate(((q_lo, False), (q_hi, True))):
        h = (np.maximum(valid, 1) - 1) * q
        i = np.ceil(h) if up else np.floor(h)  # the position in the unit's sorted ranks
        out[k] = np.where(valid > 0, np.argmax(below > i[:, None], axis=1) + 1, np.nan)
    return out


def _sorted_rank_quantiles(s: FloatArray, q_lo: float, q_hi: float) -> FloatArray:
    lanes = np.sort(rank_desc(s).T.astype(np.float32), axis=1)  # whole numbers: exact in float32; NaN last
    valid = (~np.isnan(lanes)).sum(axis=1)
    out = np.full((2, s.shape[1]), np.nan)
    for k, (q, up) in enumerate(((q_lo, False), (q_hi, True))):
        h = (np.maximum(valid, 1) - 1) * q
        i = (np.ceil(h) if up else np.floor(h)).astype(np.intp)
        out[k] = np.where(valid > 0, np.take_along_axis(lanes, i[:, None], axis=1)[:, 0], np.nan)
    return out
