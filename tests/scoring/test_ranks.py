"""Ranks of units and the quantiles of each unit's rank over Monte Carlo runs."""

import warnings

import numpy as np
import pytest

from raqmana.scoring.ranks import rank_desc, rank_quantiles


def by_hand(scores: np.ndarray, q_lo: float, q_hi: float) -> np.ndarray:
    """Each unit's ranks over the runs, sorted, and numpy's "lower"/"higher" quantiles of them."""
    r = rank_desc(scores)
    out = np.full((2, scores.shape[1]), np.nan)
    for u in range(scores.shape[1]):
        have = r[:, u][~np.isnan(r[:, u])]
        if have.size:
            out[0, u] = np.quantile(have, q_lo, method="lower")
            out[1, u] = np.quantile(have, q_hi, method="higher")
    return out


def test_it_ranks_highest_first_and_ties_share_the_best_rank():
    assert rank_desc(np.array([3.0, 5.0, 3.0, np.nan, 1.0])).tolist()[:3] == [2.0, 1.0, 2.0]


def test_rank_quantiles_on_a_small_example_by_hand():
    # three runs, three units: unit a ranks 1, 2, 3; b ranks 2, 1, 1; c ranks 3, 3, 2
    scores = np.array([[9.0, 5.0, 1.0], [4.0, 8.0, 2.0], [1.0, 7.0, 3.0]])
    got = rank_quantiles(scores, 0.1, 0.9)
    assert got.tolist() == [[1.0, 1.0, 2.0], [3.0, 2.0, 3.0]]


@pytest.mark.parametrize("case", ["distinct", "ties", "gaps"])
def test_rank_quantiles_are_the_quantiles_of_the_ranks(case):
    rng = np.random.default_rng(5)
    scores = rng.random((301, 40))
    if case != "distinct":
        scores = np.round(scores, 1)  # many tied scores in every run
    if case == "gaps":
        scores[rng.random(scores.shape) < 0.2] = np.nan
        scores[:, 3] = np.nan  # a unit that never has a score
    expected = by_hand(scores, 0.05, 0.95)
    assert np.array_equal(rank_quantiles(scores, 0.05, 0.95), expected, equal_nan=True)


@pytest.mark.parametrize("units", [32766, 32767])  # the last with 16-bit ranks, the first with 32-bit ones
def test_rank_quantiles_with_more_units_than_16_bits_hold(units):
    rng = np.random.default_rng(6)
    scores = np.round(rng.random((7, units)), 3)  # ties too
    scores[rng.random(scores.shape) < 0.1] = np.nan
    r = rank_desc(scores)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # units without a score in any run
        expected = np.vstack(
            [
                np.nanquantile(r, 0.05, axis=0, method="lower"),
                np.nanquantile(r, 0.95, axis=0, method="higher"),
            ]
        )
    assert np.array_equal(rank_quantiles(scores, 0.05, 0.95), expected, equal_nan=True)


def near_ties(rng, runs, units):
    """Scores where neighbours differ in their last digits only (they share a 32-bit sort key) and
    exact ties, in the reverse of the units' order, so that a sort by key and place gets them wrong."""
    scores = rng.random((runs, units)) * 100
    scores[:, 10] = 50.0
    scores[:, 11] = np.nextafter(50.0, 0.0)  # below unit 10 although after it
    scores[:, 12] = 50.0 * (1 - 1e-13)
    scores[:, 20:25] = 75.0  # tied
    scores[::3, 30] = 1e300  # a span no bucket width can hold, in some runs
    return scores


def test_rank_quantiles_of_scores_that_differ_in_their_last_digits_are_exact():
    rng = np.random.default_rng(8)
    scores = near_ties(rng, 301, 40)
    got = rank_quantiles(scores, 0.05, 0.95)
    assert np.array_equal(got, by_hand(scores, 0.05, 0.95), equal_nan=True)


def test_score_quantiles_read_off_packed_keys_are_those_of_a_float_sort():
    from raqmana.scoring.uncertainty import _quantiles

    rng = np.random.default_rng(9)
    for values in (
        near_ties(rng, 1000, 60),
        np.round(rng.random((999, 30)), 2),  # many equal values in each unit's runs
        np.where(rng.random((500, 20)) < 0.5, -0.0, 0.0),  # zeros of both signs: the sort's own order
    ):
        expected = np.sort(values, axis=0)
        got = _quantiles(values, [0.05, 0.5, 0.95], ["lower", "linear", "higher"])
        h = (values.shape[0] - 1) * np.array([0.05, 0.5, 0.95])
        lo, hi = np.floor(h).astype(int), np.ceil(h).astype(int)
        want = np.vstack(
            [
                expected[lo[0]],
                expected[lo[1]] + (h[1] - lo[1]) * (expected[hi[1]] - expected[lo[1]]),
                expected[hi[2]],
            ]
        )
        assert np.array_equal(got.view(np.uint64), want.view(np.uint64))
