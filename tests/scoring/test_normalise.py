"""Normalisation: each method on a four-unit table, expectations computed by hand."""

import math

import numpy as np
import pytest

from raqmana.scoring import Step, build
from tests.scoring.inline import DATA, data, meta, recipe

GOALPOST_META = """
| iCode | Parent | Direction | GoalpostLo | GoalpostHi | Target | Type      |
| a     | IDX    | 1         | 0          | 20         |        | Indicator |
| b     | IDX    | 1         |            |            | 30     | Indicator |
| c     | IDX    | 1         | 2          | 3          |        | Indicator |
| d     | IDX    | -1        | 0          | 4          | 2      | Indicator |
| IDX   |        |           |            |            |        | Aggregate |
"""


def normalised(step, meta_text=None):
    r = recipe(normalise=step) if meta_text is None else recipe().with_(meta=meta(meta_text), normalise=step)
    return build(r, data(DATA)).normalised


def test_it_min_maxes_to_the_requested_range_and_inverts_lower_is_better():
    n = normalised(Step("minmax"))
    assert n.col("a").tolist() == [0, 50, 100, 100]
    assert n.col("d") == pytest.approx([0, 100 / 3, 200 / 3, 100])  # d = 4, 3, 2, 1 with direction −1
    assert normalised(Step("minmax", {"low": 1, "high": 5})).col("a").tolist() == [1, 3, 5, 5]


def test_it_z_scores_with_the_sample_standard_deviation():
    z = normalised(Step("zscore")).col("a")  # a = 0, 5, 10, 10: mean 6.25, sd √(68.75/3)
    sd = math.sqrt(68.75 / 3)
    assert z == pytest.approx([-6.25 / sd, -1.25 / sd, 3.75 / sd, 3.75 / sd])
    assert normalised(Step("zscore", {"mean": 100, "sd": 10})).col("a")[0] == pytest.approx(100 - 62.5 / sd)


def test_it_uses_each_indicators_goalposts_and_cuts_outside_values():
    n = normalised(Step("goalposts", {"fallback": "minmax"}), GOALPOST_META)
    assert n.col("a").tolist() == [0, 25, 50, 50]  # (x − 0)/(20 − 0) × 100
    assert n.col("c").tolist() == [0, 0, 100, 100]  # 1 and 4 lie outside 2…3
    assert n.col("d").tolist() == [0, 25, 50, 75]  # lower is better: (4 − x)/4


def test_it_min_maxes_indicators_without_goalposts_only_when_told_to_and_records_them():
    r = recipe().with_(
        meta=meta(GOALPOST_META), normalise=Step("goalposts", {"scale": 5, "fallback": "minmax"})
    )
    b = build(r, data(DATA))
    assert b.normalised.col("b") == pytest.approx([0, 5 / 3, 10 / 3, 5])
    assert b.log["normalise"]["fallback_indicators"] == ["b"]


def test_it_ranks_from_the_lowest_with_ties_sharing_the_lowest_rank():
    n = normalised(Step("rank"))
    assert n.col("a").tolist() == [1, 2, 3, 3]
    assert n.col("d").tolist() == [1, 2, 3, 4]


def test_it_measures_the_distance_to_target_capped_at_one():
    targets = """
    | iCode | Parent | Direction | Target | Type      |
    | b     | IDX    | 1         | 30     | Indicator |
    | d     | IDX    | -1        | 2      | Indicator |
    | IDX   |        |           |        | Aggregate |
    """
    n = normalised(Step("dist2target", {"scale": 1}), targets)
    assert n.col("b").tolist() == [0, 0.5, 1, 1]  # (x − 10)/(30 − 10), 40 capped
    assert n.col("d").tolist() == [0, 0.5, 1, 1]  # lower is better: (4 − x)/(4 − 2)


def test_it_puts_values_on_the_compass_scale_with_the_theoretical_range_when_known():
    plain = normalised(Step("compass"))
    assert plain.col("a") == pytest.approx([1, 3.495, 5.99, 5.99])
    assert plain.col("d") == pytest.approx([1, 6.99 - (1 + 4.99 * 2 / 3), 6.99 - (1 + 4.99 / 3), 5.99])
    with_range = normalised(Step("compass"), GOALPOST_META)
    assert with_range.col("a") == pytest.approx([1, 1 + 4.99 / 4, 1 + 4.99 / 2, 1 + 4.99 / 2])


def test_it_applies_the_compass_quintile_hybrid():
    ten = data("| uCode | a |\n" + "\n".join(f"| U{i} | {i} |" for i in range(1, 11)))
    r = recipe().with_(
        meta=meta("| iCode | Parent | Type |\n| a | IDX | Indicator |\n| IDX | | Aggregate |"),
        normalise=Step("compass_quintile"),
    )
    scores = build(r, ten).normalised.col("a")
    # percentiles 2.8, 4.6, 6.4, 8.2: two values per fifth, min-maxed within it to k…k+0.99
    assert scores == pytest.approx([1, 1.99, 2, 2.99, 3, 3.99, 4, 4.99, 5, 5.99])


def test_it_keeps_missing_values_missing():
    holes = data(
        DATA.replace("| U2    | Two   | north        | 5  |", "| U2    | Two   | north        |    |")
    )
    n = build(recipe(normalise=Step("minmax")), holes).normalised
    assert np.isnan(n.get("U2", "a")) and n.get("U1", "a") == 0


def test_goalposts_on_a_log_scale_give_the_hdis_income_index():
    """UNDP: income index = (ln GNI − ln 100)/(ln 75,000 − ln 100), GNI cut to the goalposts."""
    from raqmana.scoring import Dataset, Node, Recipe

    m = (
        Node("gni", parent="HDI", lo=100, hi=75000),
        Node("le", parent="HDI", lo=20, hi=85),
        Node("HDI", type="Aggregate"),
    )
    d = Dataset.from_arrays(["A", "B", "C"], ["gni", "le"], [[10000, 70], [80000, 85], [50, 20]])
    b = build(Recipe(meta=m, normalise=Step("goalposts", {"scale": 1, "log": ["gni"]})), d)
    assert b.normalised.col("gni") == pytest.approx([math.log(100) / math.log(750), 1.0, 0.0])
    assert b.normalised.col("le") == pytest.approx([50 / 65, 1.0, 0.0])  # the others stay linear


def test_log_goalposts_need_a_low_goalpost_above_zero():
    from raqmana.problems import ProblemsError

    with pytest.raises(ProblemsError) as info:
        normalised(Step("goalposts", {"log": True, "fallback": "minmax"}), GOALPOST_META)
    assert {p.code.id for p in info.value.problems} == {"SC044"}  # a and d start at 0
