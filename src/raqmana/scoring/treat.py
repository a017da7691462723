"""Step 3 — outlier treatment by winsorisation (COINr's default rule).

An indicator fails when |skewness| ≥ ``skew`` *and* kurtosis ≥ ``kurt`` (skewness and excess
kurtosis as Excel's SKEW/KURT, i.e. e1071 type 2; COINr defaults 2 and 3.5). While it fails and
fewer than ``winmax`` points have been changed, the most extreme value on the side of the skew
(all tied values at once) is replaced by the next value inward. Indicators still failing at the
limit are reported as warnings; every changed cell is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from raqmana.problems import Location, Problem
from raqmana.scoring import errors as E
from raqmana.scoring.recipe import Step
from raqmana.scoring.table import FloatArray, Table


@dataclass(frozen=True)
class Treated:
    table: Table
    mask: Table  # True where a value was winsorised
    warnings: tuple[Problem, ...]
    log: dict[str, Any]


def skewness(v: FloatArray) -> float:
    """Sample skewness (type 2, as Excel SKEW); NaN below 3 values."""
    v = v[~np.isnan(v)]
    n = v.size
    if n < 3:
        return float("nan")
    d = v - v.mean()
    m2 = float(np.sum(d**2))
    if m2 == 0:
        return 0.0
    g = np.sqrt(n) * float(np.sum(d**3)) / m2**1.5
    return float(g * np.sqrt(n * (n - 1)) / (n - 2))


def kurtosis(v: FloatArray) -> float:
    """Sample excess kurtosis (type 2, as Excel KURT); NaN below 4 values."""
    v = v[~np.isnan(v)]
    n = v.size
    if n < 4:
        return float("nan")
    d = v - v.mean()
    m2 = float(np.sum(d**2))
    if m2 == 0:
        return 0.0
    r = n * float(np.sum(d**4)) / m2**2
    return float(((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))


def fails(v: FloatArray, skew_max: float, kurt_max: float) -> bool:
    s, k = skewness(v), kurtosis(v)
    if s != s or k != k:  # too few values to judge
        return False
    return abs(s) >= skew_max and k >= kurt_max


def winsorise(
    v: FloatArray, winmax: int, skew_max: float, kurt_max: float
) -> tuple[FloatArray, FloatArray, bool]:
    """(treated copy, boolean mask of changed cells, still failing)."""
    x = v.copy()
    changed = np.zeros(x.shape, dtype=bool)
    while fails(x, skew_max, kurt_max) and int(changed.sum()) < winmax:
        obs = ~np.isnan(x)
        if skewness(x) >= 0:
            top = np.nanmax(x)
            hit = obs & (x == top)
            rest = x[obs & ~hit]
            if rest.size == 0:
                break
            x[hit] = rest.max()
        else:
            bottom = np.nanmin(x)
            hit = obs & (x == bottom)
            rest = x[obs & ~hit]
            if rest.size == 0:
                break
            x[hit] = rest.min()
        changed |= hit
    return x, changed, fails(x, skew_max, kurt_max)


def skew_kurt(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Skewness and excess kurtosis (type 2) of every column, missing values left out; NaN when too short."""
    obs = ~np.isnan(x)
    n = obs.sum(axis=0).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(obs, x, 0.0).sum(axis=0) / n
        d = np.where(obs, x - mean, 0.0)
        m2, m3, m4 = (d**2).sum(axis=0), (d**3).sum(axis=0), (d**4).sum(axis=0)
        g = np.sqrt(n) * m3 / m2**1.5 * np.sqrt(n * (n - 1)) / (n - 2)
        r = n * m4 / m2**2
        k = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    g = np.where(m2 == 0, 0.0, np.where(n >= 3, g, np.nan))
    k = np.where(m2 == 0, 0.0, np.where(n >= 4, k, np.nan))
    return g, k


def winsorise_columns(
    x: FloatArray, winmax: int, skew_max: float, kurt_max: float
) -> tuple[FloatArray, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """:func:`winsorise` on every column at once: (treated copy, changed cells, columns still failing)."""
    x = x.copy()
    changed = np.zeros(x.shape, dtype=bool)
    stuck = np.zeros(x.shape[1], dtype=bool)  # nothing left to winsorise towards
    while True:
        g, k = skew_kurt(x)
        failing = (np.abs(g) >= skew_max) & (k >= kurt_max)  # NaN compares False: too short passes
        todo = failing & (changed.sum(axis=0) < winmax) & ~stuck
        if not todo.any():
            return x, changed, failing
        cols = np.flatnonzero(todo)
        block = x[:, cols]
        high = g[cols] >= 0
        signed = np.where(high, block, -block)  # work on the side of the skew as a "maximum"
        top = np.nanmax(signed, axis=0)
        hit = signed == top
        rest = np.where(hit, np.nan, signed)
        has_rest = ~np.isnan(rest).all(axis=0)
        stuck[cols[~has_rest]] = True
        with np.errstate(invalid="ignore"):
            nxt = np.nanmax(np.where(has_rest, rest, 0.0), axis=0)
        hit &= has_rest
        signed = np.where(hit, nxt, signed)
        x[:, cols] = np.where(high, signed, -signed)
        changed[:, cols] |= hit


def treat(table: Table, step: Step, *, file: str = "") -> Treated:
    x = table.values.astype(np.float64, copy=True)
    mask = np.zeros(x.shape, dtype=bool)
    warnings: list[Problem] = []
    log: dict[str, Any] = {"method": step.method}
    if step.method == "winsorise":
        p = step.resolved("treat")
        winmax, skew_max, kurt_max = int(p["winmax"]), float(p["skew"]), float(p["kurt"])
        x, mask, still = winsorise_columns(x, winmax, skew_max, kurt_max)
        treated_cols = {c: int(mask[:, j].sum()) for j, c in enumerate(table.columns) if mask[:, j].any()}
        g, k = skew_kurt(x)
        for j in np.flatnonzero(still):
            code = table.columns[j]
            warnings.append(
                Problem(
                    E.STILL_SKEWED,
                    Location(file=file, column=code),
                    {
                        "code": code,
                        "count": int(mask[:, j].sum()),
                        "skew": f"{g[j]:.2f}",
                        "kurt": f"{k[j]:.2f}",
                    },
                )
            )
        log.update(
            winmax=winmax,
            skew=skew_max,
            kurt=kurt_max,
            indicators=treated_cols,
            still_failing=[str(w.params["code"]) for w in warnings],
        )
    log["cells"] = int(mask.sum())
    return Treated(
        Table(table.units, table.columns, x), Table(table.units, table.columns, mask), tuple(warnings), log
    )
