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
    pos = np.broadcast_to(np.arange(n), (rows, n))
    new_value = np.ones((rows, n), dtype=bool)
    new_value[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    first = np.maximum.accumulate(np.where(new_value, pos, 0), axis=1)
    ranks_sorted = (first + 1).astype(np.float64)
    out = np.empty((rows, n))
    np.put_along_axis(out, order, ranks_sorted, axis=1)
    out[np.isnan(flat)] = np.nan
    return out.reshape(s.shape)
