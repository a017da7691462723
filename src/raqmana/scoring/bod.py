"""Benefit of the doubt (BoD): each unit's weights chosen by a linear programme to maximise its score.

The data-envelopment form of Melyn and Moesen, as Compind's ``ci_bod`` computes it (COINr's
documentation aggregates with it through a wrapper, ``f_ag = "ci_bod2", w = "none"``): for unit j with
children values y_j ≥ 0,

    score_j = max_w  w·y_j   subject to  w·y_k ≤ 1 for every unit k,  w ≥ 0,

so a unit on the best-practice frontier scores 1 and every other unit less (0–1). The recipe's weights
of the children are not used. ``share_min`` / ``share_max`` bound the share each child takes of the
unit's score (the OECD/JRC Handbook's pie-share restrictions, w_i·y_ji between share_min and share_max
of w·y_j); the defaults 0 and 1 leave the weights free, as ``ci_bod`` does.

Only units not dominated by another (lower or equal on every child) can bind a constraint, so the
programmes keep those rows alone (a few dozen out of hundreds). With free weights every unit shares one
feasible region, {w ≥ 0 : w·y_k ≤ 1}: for up to ``VERTEX_CHILDREN`` children its corners are found once
(Qhull's half-space intersection) and each unit's score is the best corner, max_v v·y_j — the optimum of
its linear programme, for all units in one matrix product. Otherwise (bounded shares, more children, a
degenerate region) one HiGHS solve per unit (``scipy.optimize.linprog``). A unit with a missing child
gets no score and constrains no one.
"""

from __future__ import annotations

import numpy as np

from raqmana.scoring.table import FloatArray

#: up to this many children the corners of the weights' region are enumerated (their number grows fast)
VERTEX_CHILDREN = 6


class BodFailed(Exception):
    """The linear programme of a unit did not reach an optimum (reported with the unit)."""

    def __init__(self, unit: int, message: str):
        super().__init__(f"unit #{unit}: {message}")
        self.unit, self.message = unit, message


def frontier(y: FloatArray) -> FloatArray:
    """The rows of ``y`` (units × children) that no other row dominates."""
    out: list[int] = []
    for start in range(0, y.shape[0], 256):  # units² × children booleans, a block of units at a time
        block = y[start : start + 256]
        ge = (y[:, None, :] >= block[None, :, :]).all(axis=2)  # k ≥ j everywhere
        gt = (y[:, None, :] > block[None, :, :]).any(axis=2)
        out += [start + int(j) for j in np.flatnonzero(~(ge & gt).any(axis=0))]
    return y[out]


def bod_scores(y: FloatArray, share_min: float = 0.0, share_max: float = 1.0) -> FloatArray:
    """units × children (values ≥ 0) → each unit's benefit-of-the-doubt score (NaN with a missing child)."""
    from scipy.optimize import linprog

    n, k = y.shape
    out = np.full(n, np.nan)
    complete = ~np.isnan(y).any(axis=1)
    data = y[complete]
    if data.shape[0] == 0:
        return out
    rows = frontier(data)
    bounded = share_min > 0 or share_max < 1
    if not bounded:
        corners = _by_corners(data, rows)
        if corners is not None:
            out[complete] = corners
            return out
    ones = np.ones(rows.shape[0])
    eye = np.eye(k)
    scores = np.empty(data.shape[0])
    for j, yj in enumerate(data):
        if not yj.any():  # nothing to weigh: 0 whatever the weights
            scores[j] = 0.0
            continue
        a_ub, b_ub = rows, ones
        if bounded:  # w_i·y_ji ≤ share_max·w·y_j and share_min·w·y_j ≤ w_i·y_ji
            upper = eye * yj - share_max * yj[None, :]
            lower = share_min * yj[None, :] - eye * yj
            a_ub = np.vstack([rows, upper, lower])
            b_ub = np.concatenate([ones, np.zeros(2 * k)])
        res = linprog(-yj, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        if res.status != 0:
            raise BodFailed(int(np.flatnonzero(complete)[j]), str(res.message))
        scores[j] = min(1.0, -float(res.fun))  # the unit's own row bounds it by 1 (up to the solver)
    out[complete] = scores
    return out


def _by_corners(data: FloatArray, rows: FloatArray) -> FloatArray | None:
    """Free weights: every unit's optimum is a corner of {w ≥ 0 : rows·w ≤ 1}; None when there are too
    many children for the corners or Qhull cannot find them (the linear programmes then decide)."""
    used = (rows > 0).any(axis=0)  # a child that is 0 for every unit adds nothing, whatever its weight
    k = int(used.sum())
    if k == 0:
        return np.zeros(data.shape[0])
    y, f = data[:, used], rows[:, used]
    if k == 1:
        single: FloatArray = np.minimum(1.0, y[:, 0] / f[:, 0].max())
        return single
    if k > VERTEX_CHILDREN:
        return None
    from scipy.spatial import HalfspaceIntersection, QhullError

    halfspaces = np.vstack(
        [np.hstack([f, -np.ones((f.shape[0], 1))]), np.hstack([-np.eye(k), np.zeros((k, 1))])]
    )
    inside = np.full(k, 0.5 / f.sum(axis=1).max())  # rows·w ≤ 0.5 and w > 0: strictly inside
    try:
        corners = np.asarray(HalfspaceIntersection(halfspaces, inside).intersections, dtype=np.float64)
    except (QhullError, ValueError):
        return None
    if not np.isfinite(corners).all():
        return None
    best: FloatArray = np.minimum(1.0, (y @ corners.T).max(axis=1))
    return best
