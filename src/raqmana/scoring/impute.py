"""Step 2 — imputation of missing values; every imputed cell is flagged.

* ``none`` — missing values stay missing and are handled by the aggregation's N/A rule;
* ``mean`` / ``median`` — the indicator's mean/median over all units;
* ``group_mean`` — the mean over the units of the same group (a ``Group_*`` column of the data),
  falling back to the overall mean where a group has no value (with a warning);
* ``latest`` — panel data (COINr's ``impute_panel``): the unit's value of the same indicator in the
  latest earlier period that has one, looking back at most ``max_time`` periods; cells with no earlier
  value stay missing;
* ``linear`` — panel data (COINr's ``impute_panel(imp_type = "linear")``, R's ``approx``): a missing value
  between two periods in which the unit has the indicator is read off the straight line through the
  nearest of them, ``y₁ + (y₂ − y₁)·(t − t₁)/(t₂ − t₁)`` (periods are years, or numbers); before the first
  or after the last value it stays missing, unless ``extrapolate: true`` carries the nearest value
  (COINr's ``rule = 2``);
* ``em`` — expectation-maximisation for a multivariate normal (the regression of each missing value
  on the unit's observed ones, iterated): start from the means, then repeat until the largest
  change (in standard deviations) is below ``tol`` or ``max_iter`` rounds have run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.recipe import Step
from raqmana.scoring.table import BoolArray, FloatArray, Table

RIDGE = 1e-3  # added to the correlation-scale covariance: keeps collinear indicators solvable


@dataclass(frozen=True)
class Imputed:
    table: Table
    mask: Table  # True where a value was imputed
    warnings: tuple[Problem, ...]
    log: dict[str, Any]


def impute(
    table: Table,
    step: Step,
    *,
    groups: Mapping[str, tuple[str, ...]] | None = None,
    file: str = "",
    history: tuple[tuple[str, Table], ...] | None = None,
    later: tuple[tuple[str, Table], ...] = (),
    period: str = "",
) -> Imputed:
    p = step.resolved("impute")
    x = table.values.astype(np.float64, copy=True)
    missing = np.isnan(x)
    log: dict[str, Any] = {"method": step.method, "cells": int(missing.sum())}
    warnings: list[Problem] = []
    if step.method == "latest":
        if history is None:  # not panel data (the first period of a panel has an empty history)
            raise ProblemsError([Problem(E.NO_HISTORY, Location(file=file, column="Time"))])
        x, log["periods"] = _latest(x, table, history, p["max_time"])
    elif step.method == "linear":
        if history is None or not (history or later):  # not panel data, or a single period
            raise ProblemsError([Problem(E.LINEAR_NEEDS_PANEL, Location(file=file, column="Time"))])
        x, counts = _linear(x, table, period, history, later, bool(p["extrapolate"]), file)
        log.update(counts, extrapolate=bool(p["extrapolate"]))
    elif step.method != "none" and missing.any():
        empty = [table.columns[j] for j in np.flatnonzero(missing.all(axis=0))]
        if empty:
            raise ProblemsError(
                [Problem(E.NOTHING_TO_IMPUTE_FROM, Location(file=file, column=c), {"code": c}) for c in empty]
            )
        if step.method == "mean":
            x = np.where(missing, np.nanmean(x, axis=0), x)
        elif step.method == "median":
            x = np.where(missing, np.nanmedian(x, axis=0), x)
        elif step.method == "group_mean":
            labels = _group_labels(str(p["group"]), groups or {}, file)
            x, warnings = _group_mean(x, missing, labels, str(p["group"]), table.columns, file)
            log["group"] = str(p["group"])
        elif step.method == "em":
            x, rounds, converged = _em(x, missing, int(p["max_iter"]), float(p["tol"]))
            log.update(rounds=rounds, converged=converged, max_iter=int(p["max_iter"]), tol=float(p["tol"]))
    mask = missing & ~np.isnan(x)
    log["imputed"] = int(mask.sum())
    return Imputed(
        Table(table.units, table.columns, x), Table(table.units, table.columns, mask), tuple(warnings), log
    )


def _group_labels(name: str, groups: Mapping[str, tuple[str, ...]], file: str) -> tuple[str, ...]:
    for key in (name, "Group_" + name):
        if key in groups:
            return groups[key]
    raise ProblemsError(
        [
            Problem(
                E.GROUP_COLUMN_MISSING,
                Location(file=file, column=name),
                {"group": name, "choices": ", ".join(groups) or "—"},
            )
        ]
    )


def _group_mean(
    x: FloatArray, missing: BoolArray, labels: tuple[str, ...], name: str, columns: tuple[str, ...], file: str
) -> tuple[FloatArray, list[Problem]]:
    out = x.copy()
    overall = np.nanmean(x, axis=0)
    warnings: list[Problem] = []
    lab = np.array(labels, dtype=object)
    for g in dict.fromkeys(labels):
        rows = lab == g
        block = x[rows]
        with np.errstate(invalid="ignore"):
            counts = (~np.isnan(block)).sum(axis=0)
            means = np.where(counts > 0, np.nansum(block, axis=0) / np.maximum(counts, 1), overall)
        for j in np.flatnonzero((counts == 0) & missing[rows].any(axis=0)):
            warnings.append(
                Problem(
                    E.GROUP_FALLBACK,
                    Location(file=file, column=columns[j]),
                    {"group": g or "—", "code": columns[j]},
                )
            )
        out[rows] = np.where(missing[rows], means, block)
    return out, warnings


def _em(x: FloatArray, missing: BoolArray, max_iter: int, tol: float) -> tuple[FloatArray, int, bool]:
    """EM for a multivariate normal on the standardised indicators.

    E-step: each unit's missing values get their conditional mean given its observed ones,
    x_m = μ_m − Θ_mm⁻¹ Θ_mo (x_o − μ_o) with Θ = Σ⁻¹, and Θ_mm⁻¹ is added to the covariance;
    M-step: μ and Σ from the completed data (+ a small ridge). Units are batched by their number
    of missing values, so a round costs a few matrix products whatever the size of the table.
    """
    mean = np.nanmean(x, axis=0)
    sd = np.nanstd(x, axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    z = np.where(missing, 0.0, (x - mean) / sd)  # standardised, missing at the mean
    n, k = z.shape
    count = missing.sum(axis=1)
    batches = []
    for m in np.unique(count[count > 0]):
        rows = np.flatnonzero(count == m)
        cols = np.nonzero(missing[rows])[1].reshape(rows.size, int(m))
        batches.append((rows, cols))
    mu = z.mean(axis=0)
    sigma = np.cov(z, rowvar=False, bias=True).reshape(k, k) + RIDGE * np.eye(k)
    converged = False
    rounds = 0
    for rounds in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        theta = np.linalg.inv(sigma)
        d = np.where(missing, 0.0, z - mu)
        g = d @ theta
        new = z.copy()
        extra = np.zeros((k, k))
        for rows, cols in batches:
            t_mm = theta[cols[:, :, None], cols[:, None, :]]
            r = np.take_along_axis(g[rows], cols, axis=1)
            inv = np.linalg.inv(t_mm)
            new[rows[:, None], cols] = mu[cols] - np.einsum("bij,bj->bi", inv, r)
            np.add.at(extra, (cols[:, :, None], cols[:, None, :]), inv)
        change = float(np.max(np.abs(new - z)))
        z = new
        mu = z.mean(axis=0)
        c = z - mu
        sigma = (c.T @ c + extra) / n + RIDGE * np.eye(k)
        if change < tol:
            converged = True
            break
    return np.where(missing, z * sd + mean, x), rounds, converged


def _aligned(table: Table, other: Table) -> FloatArray:
    """``other``'s values on ``table``'s units and columns (NaN where it has no such unit or column)."""
    rows = {u: i for i, u in enumerate(other.units)}
    cols = {c: j for j, c in enumerate(other.columns)}
    ri = np.array([rows.get(u, -1) for u in table.units])
    ci = np.array([cols.get(c, -1) for c in table.columns])
    out = np.full(table.values.shape, np.nan)
    if (ri >= 0).any() and (ci >= 0).any():
        out[np.ix_(ri >= 0, ci >= 0)] = np.asarray(other.values, dtype=np.float64)[
            np.ix_(ri[ri >= 0], ci[ci >= 0])
        ]
    return out


def _latest(
    x: FloatArray, table: Table, history: tuple[tuple[str, Table], ...], max_time: Any
) -> tuple[FloatArray, dict[str, int]]:
    """Fill each missing cell from the newest earlier period that has the unit's value."""
    x = x.copy()
    used: dict[str, int] = {}
    periods = history if max_time is None else history[: int(max_time)]
    for period, past in periods:
        missing = np.isnan(x)
        if not missing.any():
            break
        old = _aligned(table, past)
        fill = missing & ~np.isnan(old)
        x[fill] = old[fill]
        if fill.any():
            used[period] = int(fill.sum())
    return x, used


def _linear(
    x: FloatArray,
    table: Table,
    period: str,
    history: tuple[tuple[str, Table], ...],
    later: tuple[tuple[str, Table], ...],
    extrapolate: bool,
    file: str,
) -> tuple[FloatArray, dict[str, int]]:
    """Each missing cell on the line through the unit's nearest earlier and later values of the
    indicator (as R's ``approx``); with ``extrapolate``, the nearest value where there is one side only."""
    from raqmana.scoring.dataset import period_number

    times = {}
    for name in (period, *(p for p, _ in history), *(p for p, _ in later)):
        t = period_number(name)
        if t is None:
            raise ProblemsError(
                [Problem(E.PERIOD_NOT_NUMBER, Location(file=file, column="Time"), {"period": name})]
            )
        times[name] = t
    x = x.copy()
    missing = np.isnan(x)

    def nearest(periods: tuple[tuple[str, Table], ...]) -> tuple[FloatArray, FloatArray]:
        value = np.full(x.shape, np.nan)
        when = np.full(x.shape, np.nan)
        for name, other in periods:  # nearest first
            if not np.isnan(value[missing]).any():
                break
            v = _aligned(table, other)
            take = missing & np.isnan(value) & ~np.isnan(v)
            value[take] = v[take]
            when[take] = times[name]
        return value, when

    y1, t1 = nearest(history)  # newest first
    y2, t2 = nearest(later)  # oldest first
    between = missing & ~np.isnan(y1) & ~np.isnan(y2)
    t = times[period]
    # R's approx: y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]))
    x[between] = y1[between] + (y2[between] - y1[between]) * ((t - t1[between]) / (t2[between] - t1[between]))
    counts = {"interpolated": int(between.sum()), "carried": 0}
    if extrapolate:
        before = missing & ~np.isnan(y1) & np.isnan(y2)
        after = missing & np.isnan(y1) & ~np.isnan(y2)
        x[before] = y1[before]
        x[after] = y2[after]
        counts["carried"] = int(before.sum() + after.sum())
    return x, counts
