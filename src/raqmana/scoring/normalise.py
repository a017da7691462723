"""Step 4 — normalisation, with each indicator's direction (−1 inverts it).

Formulas (x an indicator's values, NaN left as NaN; d its direction):

* ``minmax``: (d·x − min)/(max − min)·(high − low) + low
* ``zscore``: (d·x − mean)/sd·s + m (sample sd, as R's ``sd``)
* ``goalposts``: (x − lo)/(hi − lo), or (hi − x)/(hi − lo) when d = −1, cut to 0…1, × scale
* ``rank``: rank of d·x, 1 = lowest, ties share the lowest rank (R ``ties.method = "min"``)
* ``dist2target``: (x − min)/(target − min), or (max − x)/(max − target) when d = −1, capped at 1, × scale
* ``compass``: UNDP Digital Development Compass min-max to 1…5.99 over the data and, when the
  indicator has goalposts, its theoretical range; d = −1 gives 6.99 − score
* ``compass_quintile``: the Compass hybrid — values below the 20th percentile are min-maxed
  (within that group) to 1…1.99, 20th–40th to 2…2.99, …, from the 80th to 5…5.99; d = −1 gives 6.99 − score
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.recipe import Node, Step
from raqmana.scoring.table import FloatArray, Table

COMPASS_LOW, COMPASS_HIGH, COMPASS_FLIP = 1.0, 5.99, 6.99


@dataclass(frozen=True)
class Normalised:
    table: Table
    log: dict[str, Any]


_META_PROBLEMS = {"SC025": "GoalpostLo", "SC026": "GoalpostLo", "SC027": "Target", "SC044": "GoalpostLo"}


def normalise(
    table: Table, step: Step, nodes: Mapping[str, Node], *, file: str = "", meta_file: str = ""
) -> Normalised:
    p = step.resolved("normalise")
    out = np.full(table.values.shape, np.nan)
    problems: list[Problem] = []
    fallback: list[str] = []
    for j, code in enumerate(table.columns):
        node = nodes[code]
        x = table.values[:, j].astype(np.float64)
        try:
            out[:, j], used_fallback = _column(step.method, p, x, node)
        except _Undefined as exc:
            column = _META_PROBLEMS.get(exc.code.id)
            where = (
                Location(
                    file=meta_file, line=node.line, column=column, path="" if node.line else f"meta:{code}"
                )
                if column
                else Location(file=file, column=code)
            )
            problems.append(Problem(exc.code, where, {"code": code, **exc.params}))
            continue
        if used_fallback:
            fallback.append(code)
    if problems:
        raise ProblemsError(problems)
    log: dict[str, Any] = {
        "method": step.method,
        **{k: v for k, v in p.items() if k != "fallback"},
        "inverted": [c for c in table.columns if nodes[c].direction == -1],
    }
    if step.method == "goalposts":
        log["fallback"] = p["fallback"]
        log["fallback_indicators"] = fallback
    return Normalised(Table(table.units, table.columns, out), log)


def normalise_runs(x: FloatArray, step: Step, node: Node, *, file: str = "") -> FloatArray:
    """runs × units: one indicator's column in each Monte Carlo run (values drawn anew per run)
    normalised as :func:`normalise` does it. Goalposts act cell by cell (every run at once); the other
    methods depend on the column's spread, so each run's column is normalised on its own."""
    p = step.resolved("normalise")
    try:
        if step.method == "goalposts" and node.lo is not None and node.hi is not None:
            return _column(step.method, p, np.asarray(x, dtype=np.float64), node)[0]
        out = np.empty(x.shape)
        for r in range(x.shape[0]):
            out[r] = _column(step.method, p, np.asarray(x[r], dtype=np.float64), node)[0]
        return out
    except _Undefined as exc:
        where = Location(file=file, column=node.code)
        raise ProblemsError([Problem(exc.code, where, {"code": node.code, **exc.params})]) from None


class _Undefined(Exception):
    def __init__(self, code: Any, **params: Any):
        super().__init__(code.id)
        self.code = code
        self.params = params


def _column(method: str, p: dict[str, Any], x: FloatArray, node: Node) -> tuple[FloatArray, bool]:
    d = node.direction
    if method == "minmax":
        return _minmax(d * x, float(p["low"]), float(p["high"])), False
    if method == "zscore":
        obs = x[~np.isnan(x)]
        sd = float(np.std(obs, ddof=1)) if obs.size > 1 else 0.0
        if not sd > 0:
            raise _Undefined(E.ZERO_VARIANCE)
        y = d * x
        return (y - float(np.mean(d * obs))) / sd * float(p["sd"]) + float(p["mean"]), False
    if method == "goalposts":
        if node.lo is None or node.hi is None:
            if p["fallback"] == "minmax":
                return _minmax(d * x, 0.0, float(p["scale"])), True
            raise _Undefined(E.MISSING_GOALPOSTS)
        lo, hi = node.lo, node.hi
        if not lo < hi:
            raise _Undefined(E.BAD_GOALPOSTS, lo=lo, hi=hi)
        logs = p["log"]
        if logs is True or (isinstance(logs, list | tuple) and node.code in logs):
            # the HDI's income rule: (ln x − ln lo)/(ln hi − ln lo); values cut to the goalposts first
            if not lo > 0:
                raise _Undefined(E.LOG_GOALPOSTS, lo=lo)
            x = np.log(np.clip(x, lo, hi))
            lo, hi = float(np.log(lo)), float(np.log(hi))
        y = (x - lo) / (hi - lo) if d == 1 else (hi - x) / (hi - lo)
        return np.clip(y, 0.0, 1.0) * float(p["scale"]), False
    if method == "rank":
        return _rank_min(d * x), False
    if method == "dist2target":
        if node.target is None:
            raise _Undefined(E.MISSING_TARGET)
        t = node.target
        ref = float(np.nanmin(x)) if d == 1 else float(np.nanmax(x))
        if t == ref:
            raise _Undefined(E.ZERO_RANGE)
        y = (x - ref) / (t - ref)
        if p["cap"]:
            y = np.minimum(y, 1.0)
        return y * float(p["scale"]), False
    if method == "compass":
        obs = x[~np.isnan(x)]
        bounds = [v for v in (node.lo, node.hi) if v is not None]
        span = np.concatenate([obs, bounds]) if bounds else obs
        lo, hi = float(np.min(span)), float(np.max(span))
        if hi == lo:
            raise _Undefined(E.ZERO_RANGE)
        s = COMPASS_LOW + (x - lo) / (hi - lo) * (COMPASS_HIGH - COMPASS_LOW)
        return (s if d == 1 else COMPASS_FLIP - s), False
    if method == "compass_quintile":
        s = _quintile_hybrid(x)
        return (s if d == 1 else COMPASS_FLIP - s), False
    raise ValueError(method)  # unreachable: the recipe check refuses unknown methods


def _minmax(y: FloatArray, low: float, high: float) -> FloatArray:
    lo, hi = float(np.nanmin(y)), float(np.nanmax(y))
    if hi == lo:
        raise _Undefined(E.ZERO_RANGE)
    return (y - lo) / (hi - lo) * (high - low) + low


def _rank_min(y: FloatArray) -> FloatArray:
    out = np.full(y.shape, np.nan)
    obs = ~np.isnan(y)
    v = y[obs]
    sorted_v = np.sort(v)
    out[obs] = np.searchsorted(sorted_v, v, side="left") + 1.0
    return out


def _quintile_hybrid(x: FloatArray) -> FloatArray:
    out = np.full(x.shape, np.nan)
    obs = ~np.isnan(x)
    v = x[obs]
    if v.size == 0:
        return out
    q = np.quantile(v, [0.2, 0.4, 0.6, 0.8])
    band = 1 + np.searchsorted(q, v, side="right")  # x < q20 → 1, q20 ≤ x < q40 → 2, …, x ≥ q80 → 5
    scored = np.empty(v.shape)
    for k in range(1, 6):
        sel = band == k
        if not sel.any():
            continue
        lo, hi = float(v[sel].min()), float(v[sel].max())
        frac = (v[sel] - lo) / (hi - lo) if hi > lo else np.zeros(int(sel.sum()))
        scored[sel] = k + 0.99 * frac
    out[obs] = scored
    return out
