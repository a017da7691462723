"""The catalogue of method names and their parameters (with defaults), per step of a build.

A recipe names one method per step; anything not listed here is refused with a located
``SC018``/``SC019`` problem before any computation starts.
"""

from __future__ import annotations

from typing import Any

#: step → method → parameter → default
CATALOGUE: dict[str, dict[str, dict[str, Any]]] = {
    "screen": {
        # drop units / indicators whose share of available data is below the threshold (0–1)
        "availability": {"unit_min": 0.0, "indicator_min": 0.0},
    },
    "impute": {
        "none": {},
        "mean": {},
        "median": {},
        "group_mean": {"group": ""},
        "em": {"max_iter": 100, "tol": 1e-4},
    },
    "treat": {
        "none": {},
        "winsorise": {"winmax": 5, "skew": 2.0, "kurt": 3.5},
    },
    "normalise": {
        "minmax": {"low": 0.0, "high": 100.0},
        "zscore": {"mean": 0.0, "sd": 1.0},
        # fallback "minmax": indicators without goalposts are min-maxed to the same scale instead
        "goalposts": {"scale": 100.0, "fallback": "error"},
        "rank": {},
        "dist2target": {"scale": 100.0, "cap": True},
        "compass": {},
        "compass_quintile": {},
    },
    "weights": {
        "equal": {},
        "explicit": {},
        "pca": {},
        "budget": {"points": {}},
    },
    "aggregate": {
        "arithmetic": {"na": "reweight", "by_level": {}},
        "geometric": {"na": "reweight", "by_level": {}},
        "harmonic": {"na": "reweight", "by_level": {}},
    },
}

MEANS: tuple[str, ...] = ("arithmetic", "geometric", "harmonic")
NA_RULES: tuple[str, ...] = ("reweight", "zero")
STAGE_SCHEMES: tuple[str, ...] = ("ladder", "gtmi", "egdi", "egdi_class", "compass", "gci")
NODE_TYPES: tuple[str, ...] = ("Indicator", "Aggregate", "Group", "Denominator")


def defaults(step: str, method: str) -> dict[str, Any]:
    return dict(CATALOGUE[step][method])
