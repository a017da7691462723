"""Weights: equal, explicit (metadata), PCA-based and budget allocation."""

import pytest

from raqmana.scoring import Recipe, Step, build
from tests.scoring.inline import data, meta

META = """
| iCode | Parent | Weight | Type      |
| a     | P      | 1      | Indicator |
| b     | P      | 3      | Indicator |
| c     | P      | 4      | Indicator |
| P     | IDX    | 2      | Aggregate |
| d     | IDX    | 1      | Indicator |
| IDX   |        | 1      | Aggregate |
"""
DATA = """
| uCode | a | b  | c  | d |
| U1    | 1 | 2  | 5  | 1 |
| U2    | 2 | 4  | 2  | 3 |
| U3    | 3 | 6  | 1  | 2 |
| U4    | 4 | 8  | 2  | 5 |
| U5    | 5 | 10 | 5  | 4 |
"""


def weights(step):
    return build(Recipe(meta=meta(META), weights=step), data(DATA)).weights


def test_explicit_weights_come_from_the_metadata():
    assert weights(Step("explicit")) == {"a": 1, "b": 3, "c": 4, "d": 1, "P": 2, "IDX": 1}


def test_equal_weights_ignore_the_metadata():
    assert set(weights(Step("equal")).values()) == {1.0}


def test_budget_points_become_weights_and_other_groups_keep_their_metadata_weights():
    w = weights(Step("budget", {"points": {"a": 50, "b": 30, "c": 20}}))
    assert (w["a"], w["b"], w["c"]) == (0.5, 0.3, 0.2)
    assert (w["P"], w["d"]) == (2, 1)


def test_pca_weights_are_the_squared_loadings_on_the_first_component():
    w = weights(Step("pca"))
    # a and b are perfectly correlated, c is unrelated to both: the first component is (a + b)/√2
    assert (w["a"], w["b"], w["c"]) == pytest.approx((0.5, 0.5, 0.0))
    assert w["P"] + w["d"] == pytest.approx(1)


def test_the_build_scores_with_the_weights_it_reports():
    b = build(
        Recipe(meta=meta(META), weights=Step("budget", {"points": {"a": 100, "b": 0, "c": 0}})), data(DATA)
    )
    assert b.aggregated.get("U3", "P") == pytest.approx(b.normalised.get("U3", "a"))
