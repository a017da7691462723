"""The catalogue of method names and their parameters (with defaults), per step of a build.

A recipe names one method per step; anything not listed here is refused with a located
``SC018``/``SC019`` problem before any computation starts.
"""

from __future__ import annotations

from typing import Any

#: step → method → parameter → default
CATALOGUE: dict[str, dict[str, dict[str, Any]]] = {
    "denominate": {
        # COINr's Denominate with the metadata's Denominator (and ScaleFactor) columns
        "meta": {},
        "none": {},
    },
    "screen": {
        # drop units / indicators whose share of available data is below the threshold (0–1);
        # unit_screen as COINr's Screen(unit_screen = "byNA" | "byzeros" | "byNAandzeros");
        # order: screen the raw data (before imputation) or the imputed data, as COINr's examples do
        "availability": {
            "unit_min": 0.0,
            "indicator_min": 0.0,
            "unit_screen": "na",
            "nonzero_min": 0.05,
            "order": "before_impute",
            "force_include": [],
            "force_exclude": [],
        },
    },
    "impute": {
        "none": {},
        "mean": {},
        "median": {},
        "group_mean": {"group": ""},
        "em": {"max_iter": 100, "tol": 1e-4},
        # COINr's impute_panel(imp_type = "latest", max_time): the unit's latest earlier value
        "latest": {"max_time": None},
        # COINr's impute_panel(imp_type = "linear"): between the unit's nearest earlier and later values;
        # extrapolate: outside them, the nearest value carried (COINr's approx(rule = 2), "linear-constant")
        "linear": {"extrapolate": False},
    },
    "treat": {
        "none": {"by_indicator": {}},
        # then: COINr's f2 for indicators still failing (COINr's default is log_CT; raqmana's none
        # reports them instead); combine: transform the winsorised values (COINr's combine_treat)
        "winsorise": {
            "winmax": 5,
            "skew": 2.0,
            "kurt": 3.5,
            "then": "none",
            "combine": False,
            "lambda": 1.0,
            "makepos": True,
            "by_indicator": {},
        },
        **{
            name: {"skew": 2.0, "kurt": 3.5, "all": False, "lambda": 1.0, "makepos": True, "by_indicator": {}}
            for name in ("log_CT", "log_CT_plus", "log_GII", "boxcox")
        },
    },
    "normalise": {
        "minmax": {"low": 0.0, "high": 100.0},
        "zscore": {"mean": 0.0, "sd": 1.0},
        # fallback "minmax": indicators without goalposts are min-maxed to the same scale instead
        # log: true, or the indicators whose goalposts are on a log scale (the HDI's income)
        "goalposts": {"scale": 100.0, "fallback": "error", "log": []},
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
        # dat_thresh: COINr's Aggregate(dat_thresh): a share, or {level: share}; None for no minimum
        "arithmetic": {"na": "reweight", "by_level": {}, "dat_thresh": None},
        "geometric": {"na": "reweight", "by_level": {}, "dat_thresh": None},
        "harmonic": {"na": "reweight", "by_level": {}, "dat_thresh": None},
        "copeland": {"na": "reweight", "by_level": {}, "dat_thresh": None},
        # COINr's a_genmean: (Σ w·x^p / Σ w)^(1/p); p = 1 arithmetic, −1 harmonic (0 is the geometric mean)
        "genmean": {"na": "reweight", "by_level": {}, "dat_thresh": None, "p": 2.0},
        # benefit of the doubt (Compind's ci_bod): each unit's weights by a linear programme; share_min,
        # share_max bound each child's share of the unit's score (0 and 1: free, as ci_bod)
        "bod": {"na": "reweight", "by_level": {}, "dat_thresh": None, "share_min": 0.0, "share_max": 1.0},
    },
}

TRANSFORMS: tuple[str, ...] = ("log_CT", "log_CT_plus", "log_GII", "boxcox")
MEANS: tuple[str, ...] = ("arithmetic", "geometric", "harmonic", "copeland", "genmean", "bod")
NA_RULES: tuple[str, ...] = ("reweight", "zero")
UNIT_SCREENS: tuple[str, ...] = ("na", "zeros", "na_and_zeros")
SCREEN_ORDERS: tuple[str, ...] = ("before_impute", "after_impute")
STAGE_SCHEMES: tuple[str, ...] = ("ladder", "gtmi", "egdi", "egdi_class", "compass", "gci")
NODE_TYPES: tuple[str, ...] = ("Indicator", "Aggregate", "Group", "Denominator", "Other")


def defaults(step: str, method: str) -> dict[str, Any]:
    return dict(CATALOGUE[step][method])
