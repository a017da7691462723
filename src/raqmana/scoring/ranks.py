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
