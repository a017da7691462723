"""Ranks of units (1 = highest score; ties share the best rank; missing scores have no rank)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from raqmana.scoring.packed import packed_sort, places
from raqmana.scoring.table import FloatArray

IntArray = npt.NDArray[np.intp]


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


def rank_quantiles(scores: FloatArray, q_lo: float, q_hi: float) -> FloatArray:
    """(2, units): over runs (rows of ``scores``, runs × units), the ``q_lo`` quantile of each unit's
    rank rounded down to a rank it had and the ``q_hi`` quantile rounded up (numpy's "lower" and
    "higher"); NaN for a unit without a score in any run. Runs without a score for a unit are left out.

    The ranks of every run come from one sort of the runs × units matrix along its rows (32-bit keys
    packed with the unit's place when the scores are finite, else an argsort); they are put back in
    the units' places as small integers (16 bits up to 32,766 units), and each unit's ranks over the
    runs sorted in one pass (integer sorts are several times quicker than float ones)."""
    s = np.asarray(scores, dtype=np.float64)
    runs, n = s.shape
    nan = np.isnan(s)
    gaps = bool(nan.any())
    key = np.where(nan, np.inf, -s) if gaps else np.negative(s)
    flat, ordered = _run_orders(key, finite=not gaps and bool(np.isfinite(s).all()))
    small = np.int16 if n < np.iinfo(np.int16).max else np.int32
    pos = np.arange(1, n + 1, dtype=small)
    ties = ordered[:, 1:] == ordered[:, :-1]
    if ties.any():  # tied scores share the best rank of their run of ties
        new_value = np.ones((runs, n), dtype=bool)
        new_value[:, 1:] = ~ties
        ranks = np.maximum.accumulate(np.where(new_value, pos, 0).astype(small), axis=1)
    else:
        ranks = np.broadcast_to(pos, (runs, n))
    placed = np.empty(runs * n, dtype=small)
    placed[flat.ravel()] = ranks.ravel()
    if gaps:  # no score in that run: after every rank, and not counted
        placed[nan.ravel()] = n + 1
    lanes = np.array(placed.reshape(runs, n).T, order="C")  # units × runs
    lanes.sort(axis=1)
    valid = runs - nan.sum(axis=0) if gaps else np.full(n, runs)
    out = np.full((2, n), np.nan)
    for k, (q, up) in enumerate(((q_lo, False), (q_hi, True))):
        h = (np.maximum(valid, 1) - 1) * q
        i = (np.ceil(h) if up else np.floor(h)).astype(np.intp)  # the position in the unit's sorted ranks
        out[k] = np.where(valid > 0, lanes[np.arange(n), i], np.nan)
    return out


def _run_orders(key: FloatArray, *, finite: bool) -> tuple[IntArray, FloatArray]:
    """Each run's units in ascending ``key`` (ties in any order) as places in the flattened runs × units
    matrix, and the keys in that order. By a packed 32-bit sort (:mod:`raqmana.scoring.packed`) when
    the keys are finite; a run where it put two keys out of order is put right."""
    runs, n = key.shape
    offsets = (np.arange(runs, dtype=np.intp) * n)[:, None]
    packed = packed_sort(key) if finite else None
    if packed is None:
        flat = np.argsort(key, axis=1)
    else:
        flat = places(packed, n)
    flat += offsets
    ordered = key.ravel().take(flat)
    if packed is not None:
        wrong = np.flatnonzero((ordered[:, 1:] < ordered[:, :-1]).any(axis=1))
        if wrong.size:  # put right by a stable sort of the exact keys, quick on rows this nearly sorted
            fix = np.argsort(ordered[wrong], axis=1, kind="stable")
            flat[wrong] = np.take_along_axis(flat[wrong], fix, axis=1)
            ordered[wrong] = np.take_along_axis(ordered[wrong], fix, axis=1)
    return flat, ordered
