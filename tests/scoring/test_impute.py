"""Imputation: none, mean, median, group mean and EM; every imputed cell is flagged."""

import numpy as np
import pytest

from raqmana.scoring import Step, build
from tests.scoring.inline import data, meta, recipe

META = """
| iCode | Parent | Type      |
| a     | IDX    | Indicator |
| b     | IDX    | Indicator |
| IDX   |        | Aggregate |
"""
DATA = """
| uCode | Group_Region | a | b  |
| U1    | north        | 1 | 10 |
| U2    | north        |   | 20 |
| U3    | south        | 5 |    |
| U4    | south        | 7 | 40 |
| U5    | south        | 9 | 50 |
"""


def imputed(step, data_text=DATA):
    return build(recipe().with_(meta=meta(META), impute=step), data(data_text))


def test_it_leaves_gaps_when_asked_for_no_imputation():
    b = imputed(Step("none"))
    assert np.isnan(b.imputed.get("U2", "a")) and not b.flags.imputed.values.any()


def test_it_fills_with_the_mean_or_the_median():
    assert imputed(Step("mean")).imputed.get("U2", "a") == pytest.approx(5.5)
    assert imputed(Step("median")).imputed.get("U2", "a") == 6
    assert imputed(Step("median")).imputed.get("U3", "b") == 30


def test_it_fills_with_the_mean_of_the_units_group():
    b = imputed(Step("group_mean", {"group": "Region"}))
    assert b.imputed.get("U2", "a") == 1  # the north's only value
    assert b.imputed.get("U3", "b") == 45  # the south's mean of 40 and 50


def test_it_falls_back_to_the_overall_mean_when_a_group_has_no_value_and_says_so():
    only_north_gap = DATA.replace("| U1    | north        | 1 |", "| U1    | north        |   |")
    b = imputed(Step("group_mean", {"group": "Group_Region"}), only_north_gap)
    assert b.imputed.get("U1", "a") == pytest.approx(7)  # mean of 5, 7, 9
    assert [w.code.id for w in b.warnings] == ["SC106"]


def test_it_flags_exactly_the_imputed_cells():
    b = imputed(Step("mean"))
    flagged = {(u, c) for u in b.units for c in ("a", "b") if b.flags.imputed.get(u, c)}
    assert flagged == {("U2", "a"), ("U3", "b")}
    assert b.log["impute"]["imputed"] == 2


def test_em_recovers_a_value_from_a_perfectly_related_indicator():
    rows = "\n".join(f"| U{i} | {i} | {'' if i == 4 else 2 * i + 1} |" for i in range(1, 9))
    b = imputed(Step("em"), "| uCode | a | b |\n" + rows)
    assert b.imputed.get("U4", "b") == pytest.approx(9, abs=0.01)
    assert b.log["impute"]["converged"] is True
    assert b.flags.imputed.get("U4", "b")
