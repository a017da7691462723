"""Inequality measures: Gini coefficient and Theil T index with its between/within decomposition."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

#: scores as a list or an array
Values = Sequence[float] | npt.NDArray[np.float64]


def gini(values: Values) -> float:
    """Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ); 0 for equal values (and for an all-zero list)."""
    x = np.sort(np.asarray(values, dtype=float))
    n = x.size
    if n == 0:
        raise ValueError("gini of an empty list")
    total = x.sum()
    if total == 0:
        return 0.0
    ranks = np.arange(1, n + 1)
    return float((2.0 * np.sum(ranks * x)) / (n * total) - (n + 1.0) / n)


def theil(values: Values) -> float:
    """Theil T = (1/n) Σ (xᵢ/μ) ln(xᵢ/μ), with 0·ln 0 = 0; 0 for equal values, ln n at most."""
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        raise ValueError("theil of an empty list")
    mu = x.mean()
    if mu == 0:
        return 0.0
    r = x[x > 0] / mu
    return float(np.sum(r * np.log(r)) / x.size)


@dataclass(frozen=True)
class TheilDecomposition:
    total: float
    between: float  # Σ_g s_g ln(μ_g/μ): inequality between the groups' means
    within: float  # Σ_g s_g T_g: inequality inside the groups

    @property
    def between_share(self) -> float:
        return self.between / self.total if self.total > 0 else 0.0


def theil_decomposition(groups: Mapping[str, Values]) -> TheilDecomposition:
    """Split Theil T of all values into between-group and within-group parts (s_g = group's share of the total)."""
    arrays = [np.asarray(vals, dtype=float) for vals in groups.values()]
    n = sum(a.size for a in arrays)
    total_sum = float(sum(a.sum() for a in arrays))
    if n == 0:
        raise ValueError("theil decomposition of empty groups")
    if total_sum == 0:
        return TheilDecomposition(0.0, 0.0, 0.0)
    mu = total_sum / n
    between = within = 0.0
    for vals in arrays:
        if vals.size == 0:
            continue
        g_sum = float(vals.sum())
        if g_sum == 0:
            continue
        share = g_sum / total_sum
        between += share * math.log((g_sum / vals.size) / mu)
        within += share * theil(vals)
    return TheilDecomposition(between + within, between, within)
