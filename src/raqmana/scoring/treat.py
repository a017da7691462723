"""Step 3 — outlier treatment as COINr's ``Treat``: winsorisation, then optionally a transformation.

An indicator fails when |skewness| ≥ ``skew`` *and* kurtosis ≥ ``kurt`` (skewness and excess
kurtosis as Excel's SKEW/KURT, i.e. e1071 type 2; COINr defaults 2 and 3.5). While it fails and
fewer than ``winmax`` points have been changed, the most extreme value on the side of the skew
(all tied values at once) is replaced by the next value inward. ``then`` (COINr's ``f2``) transforms
an indicator still failing after winsorisation — of its original values, or of the winsorised ones
with ``combine: true`` (COINr's ``combine_treat``):

* ``log_CT``: ln(x − min + 0.01·(max − min))  (COINr's default ``f2``)
* ``log_CT_plus``: as ``log_CT`` for a positive skew, −ln(max + 0.01·(max − min) − x) for a negative one
* ``log_GII``: ln((max − 1)·(x − min)/(max − min) + 1)
* ``boxcox``: ((x − min + 1)^λ − 1)/λ, ln(x − min + 1) for λ = 0 (``makepos: false``: x as it is)

The transformations are also methods of their own, applied to the failing indicators (or to all
with ``all: true``), and ``by_indicator`` gives some indicators their own treatment (COINr's
``indiv_specs``). Indicators still failing are reported as warnings; every changed cell is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from raqmana.problems import Location, Problem, ProblemsError
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
        d2 = d * d  # products, not d**3 and d**4: libm's pow is 25 times slower on these arrays
        m2, m3, m4 = d2.sum(axis=0), (d2 * d).sum(axis=0), (d2 * d2).sum(axis=0)
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


def transform(v: FloatArray, method: str, lam: float = 1.0, makepos: bool = True) -> FloatArray:
    """One of COINr's transformations of a column (missing values stay missing)."""
    if np.isnan(v).all():
        return v.copy()
    lo, hi = float(np.nanmin(v)), float(np.nanmax(v))
    a = 0.01 * (hi - lo)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "log_CT":
            return np.log(v - lo + a)
        if method == "log_CT_plus":
            return np.log(v - lo + a) if skewness(v) > 0 else -np.log(hi + a - v)
        if method == "log_GII":
            return np.log((hi - 1) * (v - lo) / (hi - lo) + 1)
        y = v - lo + 1 if makepos else v
        return np.log(y) if lam == 0 else (y**lam - 1) / lam


def treat(table: Table, step: Step, *, file: str = "") -> Treated:
    """Treat every column with ``step``, except those ``by_indicator`` gives their own step."""
    p = step.resolved("treat")
    overrides = dict(p.get("by_indicator") or {})
    unknown = [c for c in overrides if c not in table.columns]
    if unknown:
        raise ProblemsError(
            [Problem(E.UNKNOWN_NODE, Location(path=f"treat.by_indicator.{c}"), {"code": c}) for c in unknown]
        )
    x = table.values.astype(np.float64, copy=True)
    mask = np.zeros(x.shape, dtype=bool)
    warnings: list[Problem] = []
    log: dict[str, Any] = {"method": step.method, "indicators": {}, "transformed": {}, "still_failing": []}
    groups: dict[int, tuple[Step, list[int]]] = {}
    for j, code in enumerate(table.columns):
        own = override_step(overrides[code]) if code in overrides else step
        key = id(overrides[code]) if code in overrides else 0
        groups.setdefault(key, (own, []))[1].append(j)
    for own, cols in groups.values():
        idx = np.array(cols, dtype=np.intp)
        y, m, w, part = _treat_columns(x[:, idx], own, [table.columns[j] for j in cols], file)
        x[:, idx], mask[:, idx] = y, m
        warnings += w
        log["indicators"].update(part["indicators"])
        log["transformed"].update(part["transformed"])
        log["still_failing"] += part["still_failing"]
        if own is step:  # the recipe's own parameters, for the methodology note
            log.update(
                {k: v for k, v in part.items() if k not in ("indicators", "transformed", "still_failing")}
            )
    if overrides:
        log["by_indicator"] = {c: override_step(v).to_dict() for c, v in overrides.items()}
    log["method"] = step.method
    log["cells"] = int(mask.sum())
    return Treated(
        Table(table.units, table.columns, x), Table(table.units, table.columns, mask), tuple(warnings), log
    )


def override_step(value: Any) -> Step:
    """A ``by_indicator`` entry: a method name or a mapping with ``method`` and parameters."""
    if isinstance(value, Step):
        return value
    if isinstance(value, str):
        return Step(value)
    return Step(str(value["method"]), {str(k): v for k, v in value.items() if k != "method"})


def _treat_columns(
    x: FloatArray, step: Step, columns: list[str], file: str
) -> tuple[FloatArray, npt.NDArray[np.bool_], list[Problem], dict[str, Any]]:
    x = x.copy()
    mask = np.zeros(x.shape, dtype=bool)
    warnings: list[Problem] = []
    log: dict[str, Any] = {"indicators": {}, "transformed": {}, "still_failing": []}
    if step.method == "none":
        return x, mask, warnings, log
    p = step.resolved("treat")
    skew_max, kurt_max = float(p["skew"]), float(p["kurt"])
    log.update(skew=skew_max, kurt=kurt_max)
    if step.method == "winsorise":
        original = x.copy()
        winmax = int(p["winmax"])
        x, mask, still = winsorise_columns(x, winmax, skew_max, kurt_max)
        log["indicators"] = {c: int(mask[:, j].sum()) for j, c in enumerate(columns) if mask[:, j].any()}
        log.update(winmax=winmax, then=str(p["then"]), combine=bool(p["combine"]))
        if p["then"] != "none":
            for j in np.flatnonzero(still):
                base = x[:, j] if p["combine"] else original[:, j]
                x[:, j] = transform(base, str(p["then"]), float(p["lambda"]), bool(p["makepos"]))
                mask[:, j] = ~np.isnan(x[:, j])
                log["transformed"][columns[j]] = str(p["then"])
    else:  # a transformation of its own: the failing columns, or all of them
        g, k = skew_kurt(x)
        failing = (np.abs(g) >= skew_max) & (k >= kurt_max)
        for j in np.flatnonzero(np.ones(len(columns), dtype=bool) if p["all"] else failing):
            x[:, j] = transform(x[:, j], step.method, float(p["lambda"]), bool(p["makepos"]))
            mask[:, j] = ~np.isnan(x[:, j])
            log["transformed"][columns[j]] = step.method
    g, k = skew_kurt(x)
    still = (np.abs(g) >= skew_max) & (k >= kurt_max)
    for j in np.flatnonzero(still):
        code = columns[j]
        params = {"code": code, "count": int(mask[:, j].sum()), "skew": f"{g[j]:.2f}", "kurt": f"{k[j]:.2f}"}
        warnings.append(Problem(E.STILL_SKEWED, Location(file=file, column=code), params))
    log["still_failing"] = [str(w.params["code"]) for w in warnings]
    return x, mask, warnings, log
