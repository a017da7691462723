"""Gini and Theil against values computed by hand."""

import math

import pytest

from raqmana.analysis import gini, theil, theil_decomposition


def test_equal_scores_have_no_inequality():
    assert gini([2, 2, 2, 2]) == 0.0
    assert theil([2, 2, 2, 2]) == 0.0


def test_gini_of_one_to_four():
    # Σ|xi−xj| over ordered pairs = 2·(1+2+3+1+2+1) = 20; n²=16; μ=2.5 → 20 / (2·16·2.5) = 0.25
    assert gini([1, 2, 3, 4]) == pytest.approx(0.25)
    assert gini([4, 1, 3, 2]) == pytest.approx(0.25)  # order does not matter


def test_all_in_one_hand():
    # [0,0,0,4]: Gini = 24 / (2·16·1) = 0.75 = (n−1)/n; Theil = (1/4)·4·ln 4 = ln 4 (its maximum, ln n)
    assert gini([0, 0, 0, 4]) == pytest.approx(0.75)
    assert theil([0, 0, 0, 4]) == pytest.approx(math.log(4))


def test_theil_of_one_and_three():
    # μ = 2: T = ½·(½·ln ½ + 1.5·ln 1.5) = ½·(−0.346574 + 0.608198) = 0.130812
    assert theil([1, 3]) == pytest.approx(0.5 * (0.5 * math.log(0.5) + 1.5 * math.log(1.5)))
    assert theil([1, 3]) == pytest.approx(0.130812, abs=1e-6)


def test_all_zero_scores_count_as_equal():
    assert gini([0, 0]) == 0.0 and theil([0, 0]) == 0.0


def test_theil_splits_into_between_and_within_groups():
    # groups a=[1,1] (μ=1), b=[3,3] (μ=3); μ=2; shares 2/8 and 6/8; within = 0;
    # between = ¼·ln(½) + ¾·ln(1.5) = −0.173287 + 0.304099 = 0.130812 = Theil([1,1,3,3])
    dec = theil_decomposition({"a": [1, 1], "b": [3, 3]})
    assert dec.within == pytest.approx(0.0)
    assert dec.between == pytest.approx(0.25 * math.log(0.5) + 0.75 * math.log(1.5))
    assert dec.total == pytest.approx(theil([1, 1, 3, 3]))
    assert dec.between_share == pytest.approx(1.0)
    mixed = theil_decomposition({"a": [1, 3], "b": [2, 2]})
    assert mixed.between == pytest.approx(0.0)
    assert mixed.total == pytest.approx(theil([1, 3, 2, 2]))


def test_empty_input_is_refused():
    with pytest.raises(ValueError):
        gini([])
    with pytest.raises(ValueError):
        theil([])
