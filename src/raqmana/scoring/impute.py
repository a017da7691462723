"""Step 2 — imputation of missing values; every imputed cell is flagged.

* ``none`` — missing values stay missing and are handled by the aggregation's N/A rule;
* ``mean`` / ``median`` — the indicator's mean/median over all units;
* ``group_mean`` — the mean over the units of the same group (a ``Group_*`` column of the data),
  falling back to the overall mean where a group has no value (with a warning);
* ``em`` — iterative regression (EM-like): start from the means, then repeatedly predict each
  missing cell from a ridge regression of its indicator on all the others (standardised), until
  the largest change is below ``tol`` or ``max_iter`` rounds have run.
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

RIDGE = 1e-3  # × number of observed rows: mild shrinkage that keeps collinear designs solvable


@dataclass(frozen=True)
class Imputed:
    table: Table
    mask: Table  # True where a value was imputed
    warnings: tuple[Problem, ...]
    log: dict[str, Any]


def impute(
    table: Table, step: Step, *, groups: Mapping[str, tuple[str, ...]] | None = None, file: str = ""
) -> Imputed:
    p = step.resolved("impute")
    x = table.values.astype(np.float64, copy=True)
    missing = np.isnan(x)
    log: dict[str, Any] = {"method": step.method, "cells": int(missing.sum())}
    warnings: list[Problem] = []
    if step.method != "none" and missing.any():
        empty = [c for c, e in zip(table.columns, missing.all(axis=0), strict=True) if e]
        if empty:
            raise ProblemsError([Problem(E.NOTHING_TO_IMPUTE_FROM, Location(file=file, column=c), {"code": c})
                                 for c in empty])
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
    return Imputed(Table(table.units, table.columns, x), Table(table.units, table.columns, mask),
                   tuple(warnings), log)


def _group_labels(name: str, groups: Mapping[str, tuple[str, ...]], file: str) -> tuple[str, ...]:
    for key in (name, "Group_" + name):
        if key in groups:
            return groups[key]
    raise ProblemsError([Problem(E.GROUP_COLUMN_MISSING, Location(file=file, column=name),
                                 {"group": name, "choices": ", ".join(groups) or "—"})])


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
            warnings.append(Problem(E.GROUP_FALLBACK, Location(file=file, column=columns[j]),
                                    {"group": g or "—", "code": columns[j]}))
        out[rows] = np.where(missing[rows], means, block)
    return out, warnings


def _em(x: FloatArray, missing: BoolArray, max_iter: int, tol: float) -> tuple[FloatArray, int, bool]:
    mu = np.nanmean(x, axis=0)
    sd = np.nanstd(x, axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    z = np.where(missing, 0.0, (x - mu) / sd)  # mean-filled, standardised
    n, k = z.shape
    cols = [j for j in range(k) if missing[:, j].any()]
    converged = False
    rounds = 0
    if k == 1:  # nothing to regress on: the mean is the best guess
        return np.where(missing, mu, x), 0, True
    a = np.empty((len(cols), k, k))
    b = np.empty((len(cols), k))
    for rounds in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        gram = z.T @ z
        sums = z.sum(axis=0)
        for c, j in enumerate(cols):
            rows = missing[:, j]
            zm = z[rows]
            others = np.arange(k) != j
            g_obs = gram - zm.T @ zm
            s_obs = sums - zm.sum(axis=0)
            n_obs = n - int(rows.sum())
            a[c, 0, 0] = n_obs
            a[c, 0, 1:] = a[c, 1:, 0] = s_obs[others]
            a[c, 1:, 1:] = g_obs[np.ix_(others, others)] + RIDGE * max(n_obs, 1) * np.eye(k - 1)
            b[c, 0] = s_obs[j]
            b[c, 1:] = g_obs[others, j]
        beta = np.linalg.solve(a, b[..., None])[..., 0]
        new = z.copy()
        for c, j in enumerate(cols):
            rows = missing[:, j]
            others = np.arange(k) != j
            new[rows, j] = beta[c, 0] + z[rows][:, others] @ beta[c, 1:]
        change = float(np.max(np.abs(new - z))) if cols else 0.0
        z = new
        if change < tol:
            converged = True
            break
    return np.where(missing, z * sd + mu, x), rounds, converged
