"""Inequality measures: Gini coefficient and Theil T index with its between/within decomposition."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np


def gini(values: Sequence[float]) -> float:
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


def theil(values: Sequence[float]) -> float:
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


def theil_decomposition(groups: Mapping[str, Sequence[float]]) -> TheilDecomposition:
    """Split Theil T of all values into between-group and within-group parts (s_g = group's share of the total)."""
    allv = [v for vals in groups.values() for v in vals]
    n, total_sum = len(allv), float(sum(allv))
    if n == 0:
        raise ValueError("theil decomposition of empty groups")
    if total_sum == 0:
        return TheilDecomposition(0.0, 0.0, 0.0)
    mu = total_sum / n
    between = within = 0.0
    for vals in groups.values():
        if not vals:
            continue
        g_sum = float(sum(vals))
        if g_sum == 0:
            continue
        share = g_sum / total_sum
        between += share * math.log((g_sum / len(vals)) / mu)
        within += share * theil(vals)
    return TheilDecomposition(between + within, between, within)
