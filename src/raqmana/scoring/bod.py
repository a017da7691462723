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
linear programmes keep those rows alone (a few dozen out of hundreds). One HiGHS solve per unit
(``scipy.optimize.linprog``). A unit with a missing child gets no score and constrains no one.
"""

from __future__ import annotations

import numpy as np

from raqmana.scoring.table import FloatArray


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
    ones = np.ones(rows.shape[0])
    bounded = share_min > 0 or share_max < 1
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
