"""Outlier treatment: COINr's skewness/kurtosis rule and winsorisation up to a limit."""

import numpy as np
import pytest
from scipy import stats

from raqmana.scoring import Step, build
from raqmana.scoring.treat import kurtosis, skewness
from tests.scoring.inline import data, meta, recipe

META = "| iCode | Parent | Type |\n| x | IDX | Indicator |\n| y | IDX | Indicator |\n| IDX | | Aggregate |"
VALUES = [*range(1, 11), 30, 100]  # COINr's documentation example: two outliers


def table(xs, ys):
    return data(
        "| uCode | x | y |\n"
        + "\n".join(f"| U{i} | {a} | {b} |" for i, (a, b) in enumerate(zip(xs, ys, strict=False)))
    )


def test_skewness_and_kurtosis_are_the_bias_corrected_ones_of_excel_and_coinr():
    v = np.array(VALUES, dtype=float)
    assert skewness(v) == pytest.approx(stats.skew(v, bias=False))
    assert kurtosis(v) == pytest.approx(stats.kurtosis(v, bias=False))
    assert (skewness(v), kurtosis(v)) == pytest.approx((3.0632, 9.7414), abs=1e-4)


def test_it_winsorises_the_highest_value_until_the_indicator_passes():
    b = build(recipe().with_(meta=meta(META), treat=Step("winsorise")), table(VALUES, range(12)))
    assert b.treated.col("x").tolist() == [*range(1, 11), 30, 30]  # 100 → the next value, 30; then it passes
    assert [u for u in b.units if b.flags.treated.get(u, "x")] == ["U11"]
    assert not b.flags.treated.col("y").any() and b.warnings == ()


def test_it_treats_low_outliers_on_the_low_side():
    b = build(
        recipe().with_(meta=meta(META), treat=Step("winsorise")), table([-v for v in VALUES], range(12))
    )
    assert b.treated.col("x").min() == -30


def test_it_stops_at_the_limit_and_warns_when_the_indicator_still_fails():
    heavy = [1] * 20 + [100, 1000, 10000]
    b = build(
        recipe().with_(meta=meta(META), treat=Step("winsorise", {"winmax": 1})), table(heavy, range(23))
    )
    assert int(b.flags.treated.col("x").sum()) == 1
    assert [w.code.id for w in b.warnings] == ["SC104"]
    assert b.log["treat"]["still_failing"] == ["x"]


def test_all_columns_are_treated_as_the_single_column_rule_would():
    from raqmana.scoring.treat import winsorise, winsorise_columns

    rng = np.random.default_rng(3)
    x = np.exp(rng.normal(size=(60, 8)) * 1.5)
    x[rng.random(x.shape) < 0.1] = np.nan
    x[:, 3] = -x[:, 3]  # a low-side outlier column
    together, changed, still = winsorise_columns(x, 5, 2.0, 3.5)
    for j in range(x.shape[1]):
        alone, mask, fails = winsorise(x[:, j], 5, 2.0, 3.5)
        assert np.array_equal(together[:, j], alone, equal_nan=True)
        assert np.array_equal(changed[:, j], mask) and still[j] == fails


def test_the_transformations_follow_coinrs_formulas():
    from raqmana.scoring.treat import transform

    v = np.array([1.0, 2.0, 4.0, 100.0, np.nan])
    a = 0.01 * 99
    assert transform(v, "log_CT")[:4] == pytest.approx(np.log(v[:4] - 1 + a))
    assert transform(v, "log_GII")[:4] == pytest.approx(np.log((100 - 1) * (v[:4] - 1) / 99 + 1))
    assert transform(v, "boxcox", 0.5)[:4] == pytest.approx((np.sqrt(v[:4]) - 1) / 0.5)
    assert transform(v, "boxcox", 0.0)[:4] == pytest.approx(np.log(v[:4]))
    assert transform(-v, "log_CT_plus")[:4] == pytest.approx(-np.log(-1 + a + v[:4]))
    assert np.isnan(transform(v, "log_CT")[4])


def test_a_treatment_for_an_unknown_indicator_is_refused():
    from raqmana.problems import ProblemsError
    from raqmana.scoring import Step, build
    from tests.scoring.inline import DATA, data, recipe

    with pytest.raises(ProblemsError) as info:
        build(recipe(treat=Step("winsorise", {"by_indicator": {"zz": "none"}})), data(DATA))
    assert info.value.problems[0].code.id == "SC034"
    with pytest.raises(ProblemsError) as info:
        build(recipe(treat=Step("winsorise", {"then": "sqrt"})), data(DATA))
    assert info.value.problems[0].params["name"] == "then"
